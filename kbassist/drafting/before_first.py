"""What the article says to do first, drafted first (round 40, seed-112 readers).

Three shapes of one defect: a step the article says to do BEFORE the procedure was left
where the article printed it, or as a note nobody ticks.

- A precondition said after the steps or as a note on a late one ("Note: If you are using
  Windows XP and you enable System Restore, you need to disable System Restore in Safe Mode
  before using the instructions above.", "Make sure you have a backup of the database before
  you begin."): ticked as the fix's first step, its "before ..." said as "before you start".
- The registry note the rollback relies on ("Note that you should make a backup copy of the
  registry files (System.dat and User.dat) before you edit the registry."): when the drafter
  makes it the backup step it says the action ("Make a backup copy of ..."), so it is ticked
  rather than shown as a note under the next step.
- "Note: If the Parameters key is not available, you must create it. To create the
  Parameters key, follow these steps: 1. ... 2. ..." under "Locate the ...\\Parameters
  subkey": a conditional step of its own ("If the Parameters key is not available, create
  the Parameters key:" over its sub-steps), before the step that locates the key when the
  sub-steps start from its parent, else right after the step the note was under.
"""

from __future__ import annotations

import re

from kbassist.drafting.option_model import Option
from kbassist.drafting.text import split_detail, split_sentences, with_detail

#: A note's label ("Note:", "NOTE:", "CAUTION:", "Important:").
_LABEL_RE = re.compile(r"^\s*(?:\(\s*)?(?:note|caution|important|tip)\s*:\s*", re.IGNORECASE)

#: "before using the instructions above", "before you perform this procedure", "before
#: performing the above procedure": the whole procedure, said as the sentence's end. Never
#: a bare "before you begin" / "before proceeding" (under "Run EDBUTIL /D /R" it means that
#: step), "before you start Windows", "before you proceed to step 12", nor "these steps" /
#: "the steps below", which a note right over them means.
_PROCEDURE = (
    r"(?:(?:the|these)\s+(?:instructions|steps|procedures?)\s+(?:above|described\s+above"
    r"|(?:outlined|described)\s+in\s+this\s+article|in\s+this\s+article)"
    r"|the\s+above\s+(?:instructions|steps|procedures?)|this\s+procedure)"
)
_BEFORE_ALL_RE = re.compile(
    r"\s*\bbefore\s+(?:you\s+(?:use|follow|perform|carry\s+out|begin|start)"
    r"|using|following|performing|beginning|starting)\s+"
    + _PROCEDURE
    + r"(?=\s*(?:[.)]|,\s+and\s+))",
    re.IGNORECASE,
)
#: "Before you use the procedure outlined in this article, ensure that ...": said first.
_BEFORE_LEAD_RE = re.compile(
    r"^before\s+(?:you\s+(?:use|follow|perform|carry\s+out|begin|start)|using|following"
    r"|performing)\s+" + _PROCEDURE + r",\s+(?P<act>\S.*?)\.?$",
    re.IGNORECASE,
)
#: Who must do it: "you need to", "you should", "it is strongly recommended that you", ...
_MUST_RE = re.compile(
    r"\b(?:you\s+(?:need\s+to|must|should|have\s+to)\s+(?:first\s+)?"
    r"|it\s+is\s+(?:very\s+|strongly\s+)?(?:recommended|important)\s+that\s+you\s+"
    r"|(?:we|microsoft)\s+(?:strongly\s+)?recommends?\s+that\s+you\s+)",
    re.IGNORECASE,
)
#: What a precondition asks for, when the sentence opens with it (the imperative test of
#: the drafter would take "Please read ..." too: the verbs here are the ones said first).
_ASK_RE = re.compile(
    r"^(?:(?:to\s+be\s+(?:absolutely\s+)?safe|as\s+a\s+precaution),\s+)?"
    r"(?:make\s+sure|be\s+sure|ensure|back\s?up|make\s+a|save|copy|disable|enable|close|quit"
    r"|exit|stop|log\s+on|remove|uninstall|install|obtain|verify|check)\b",
    re.IGNORECASE,
)


def _asks(sentence: str) -> str:
    """The sentence as a step ("If X, disable Y before you start.") when it asks for an
    action done before the whole procedure, else ""."""
    said = _LABEL_RE.sub("", sentence.strip()).strip(" ()")
    lead = _BEFORE_LEAD_RE.match(said)
    if lead is not None:  # "Before you use the procedure ..., ensure X": "Ensure X ..."
        act = lead.group("act")
        said = f"{act[:1].upper()}{act[1:]} before using this procedure."
    found = _BEFORE_ALL_RE.search(said)
    if found is None:
        return ""
    must = _MUST_RE.search(said, 0, found.start())
    if must is not None:
        case = said[: must.start()]
        if case and not re.match(r"^if\b[^.]*,\s*$", case, re.IGNORECASE):
            return ""  # "Note that you can ...", "X, and you must ...": no precondition
        act = said[must.end() :]
        said = f"{case}{act}" if case else act[:1].upper() + act[1:]
    elif not _ASK_RE.match(said):
        return ""
    found = _BEFORE_ALL_RE.search(said)
    if found is None:
        return ""
    said = f"{said[: found.start()]} before you start{said[found.end() :]}"
    said = re.sub(r"\s+,", ",", said).strip()
    return said if said.endswith((".", ")")) else f"{said}."


def _taken(text: str) -> tuple[str, str]:
    """(the precondition step said in `text`, `text` without it); ("", text) for none."""
    if "before" not in text.casefold():
        return "", text
    kept: list[str] = []
    step = ""
    for sentence in split_sentences(text):
        said = "" if step else _asks(sentence)
        if said:
            step = said
        else:
            kept.append(sentence)
    return (step, " ".join(kept).strip()) if step else ("", text)


def preconditions_first(options: list[Option]) -> None:
    """In each fix, a step or note on a later step that says to do something before the
    whole procedure is ticked as the fix's first step (seed-112: the XP System Restore
    note "... before using the instructions above" on the last step)."""
    for option in options:
        items = option.items
        if len(items) < 2 or any("Stage:" in item for item in items):
            continue  # a staged fix's "before you begin" is its stage's
        for k in range(1, len(items)):
            text, detail = split_detail(items[k])
            step, rest = _taken(text)
            if step:
                if rest:
                    items[k] = with_detail(rest, detail)
                else:
                    del items[k]
                    if detail:  # the note under a precondition stays with it
                        step = with_detail(step, detail)
            else:
                parts = detail.split("\n")
                for n, part in enumerate(parts):
                    step, rest = _taken(part)
                    if step:  # the rest of the note (its reason) goes with it
                        step, parts[n] = with_detail(step, rest) if rest else step, ""
                        break
                if not step:
                    continue
                items[k] = with_detail(text, "\n".join(p for p in parts if p.strip()))
            items.insert(0, step)
            break  # one precondition a fix (a second is rare: left where it is)


#: "Note that you should back up the registry before you edit it.", "NOTE: You should make
#: a backup copy of the registry files ...": the note's action.
_NOTED_BACKUP_RE = re.compile(
    r"^\s*(?:-\s*)?(?:(?:note|important)(?:\s*:\s*|,?\s+that\s+))"
    r"(?:(?:you\s+(?:should|must|need\s+to)\s+(?:first\s+|always\s+)?)"
    r"|(?:it\s+is\s+(?:strongly\s+)?recommended\s+that\s+you\s+))?"
    r"(?=(?:back\s?up|make\s+a\s+(?:backup\s+)?(?:copy\s+)?of|make\s+a\s+backup|save\s+a\s+"
    r"(?:backup\s+)?copy|create\s+a\s+backup)\b)",
    re.IGNORECASE,
)


#: A step that works in the registry ("Remove all registry components for DSMN", "Start
#: Registry Editor", "HKEY_LOCAL_MACHINE\\..."): the registry backup is this fix's.
_REGISTRY_SAID_RE = re.compile(r"registry|\bregedi?t|\bregedt32|\bHKEY_|\bHK(?:LM|CU)\\", re.I)
_KEY_SHOWN_RE = re.compile(r"\bHKEY_|\bHK(?:LM|CU)\\")


def _in_registry(step: str) -> bool:
    """Whether a step works in the registry: its text says so, or the key is shown under it
    (a status note under a service pack's step that mentions "the registry" is not)."""
    text, detail = split_detail(step)
    return bool(_REGISTRY_SAID_RE.search(text) or _KEY_SHOWN_RE.search(detail))


def backup_first(option: Option, steps: list[str], at: int) -> bool:
    """Whether the article's backup note (steps[0]) is ticked as the action: it stays the
    first step (`at`, where a registry backup goes, is 0), the steps after it work in the
    registry (never a service pack's fix that the section's registry note was only beside), and the
    fix is not named from the note ("Note that you should make a backup copy ...")."""
    if at or len(steps) < 2 or not any(_in_registry(step) for step in steps[1:]):
        return False
    said = f"{option.label} {option.lead}".casefold()
    return "note that" not in said and not said.startswith("note")


def backup_said(item: str) -> str:
    """The article's backup note ticked as the fix's backup step says the action: "Note
    that you should make a backup copy of the registry files ..." -> "Make a backup copy of
    the registry files ..." (as a "Note ..." it was shown under the next step, so the
    rollback's "the backup you made" had no step: seed-112, Q129812). The caller asks only
    where it stays the first step (a registry backup that goes mid-way, after the steps
    that open the editor and find the key, is left a note there, as before)."""
    text, detail = split_detail(item)
    found = _NOTED_BACKUP_RE.match(text)
    if found is None:
        return item
    act = text[found.end() :]
    said = split_sentences(act[:1].upper() + act[1:])
    # "If you are running Windows NT, you should also update your ERD." after it: a note
    # under the backup (ticked, its "If ..." would be read as the fix's case)
    rest = " ".join(said[1:])
    return with_detail(said[0], "\n".join(p for p in (rest, detail) if p))


#: "If the Parameters key is not available, you must create it.", "If the MaxLocksPerFile
#: value does not exist, you must create it." (a note's first sentence).
_CREATE_IF_RE = re.compile(
    r"^(?P<cond>if\s+(?P<what>the\s+[^,.:]{1,60}?\s+(?P<noun>key|subkey|value|entry|folder"
    r"|directory|file|section))\s+(?:is\s+not\s+(?:available|present|there|listed)"
    r"|does\s+not\s+exist|doesn't\s+exist|is\s+missing)),\s*(?:you\s+(?:must|need\s+to|should)"
    r"\s+)?create\s+it\s*(?P<end>[.:]|using\s+the\s+following\s+steps:|as\s+follows:)",
    re.IGNORECASE,
)
#: "To create the Parameters key, follow these steps:" before the sub-steps.
_TO_CREATE_RE = re.compile(
    r"^\s*to\s+create\s+(?:it|the\s+[^,]{1,60}),\s+(?:follow\s+these\s+steps|do\s+the\s+following)"
    r"\s*:\s*",
    re.IGNORECASE,
)
#: A sub-step line of the note in the section's source ("   >1. Click ...", "  a. Type ...").
_SUB_LINE_RE = re.compile(r"^(?P<margin>[\s>]*)(?:\d{1,2}|[a-z])[.)]\s+(?P<step>\S.*)$")
#: A step that goes to the thing the note creates: the created key goes before it.
_LOCATES_RE = re.compile(
    r"^(?:locate|navigate\s+to|go\s+to|open|find|browse\s+to)\b", re.IGNORECASE
)
#: The sub-steps start at the parent ("Click the following registry subkey: ...\\Kerberos").
_FROM_PARENT_RE = re.compile(
    r"^(?:click|locate|select|open|navigate\s+to)\b[^.]{0,40}\b(?:key|subkey|folder)\b",
    re.IGNORECASE,
)
_MARKUP_RE = re.compile(r"\*\*|`|(?<!\w)\*(?=\w)|(?<=\w)\*(?!\w)|^\s*>\s*", re.MULTILINE)


def _sub_steps(section_text: str, said: str) -> list[str]:
    """The numbered sub-steps the article prints right under the note that says `said`
    ("To create the Parameters key, follow these steps:"), one per line, markup removed."""
    flat_probe = " ".join(said.split())[:40].casefold()
    lines = section_text.split("\n")
    probe = flat_probe[:25]
    n = next(
        (
            n
            for n, line in enumerate(lines)
            if probe and probe in " ".join(_MARKUP_RE.sub("", line).split()).casefold()
        ),
        -1,
    )
    if n < 0:
        return []
    steps: list[str] = []
    margin = ""  # the sub-steps' own indent and quote marks: the outer list's next is not one
    for line in lines[n + 1 :]:
        if not line.strip(" >\t"):
            continue
        found = _SUB_LINE_RE.match(line)
        if found is None or (steps and found.group("margin") != margin):
            break
        margin = found.group("margin")
        steps.append(" ".join(_MARKUP_RE.sub("", found.group("step")).split()))
        if len(steps) > 8:
            return []
    return steps


def missing_created(options: list[Option]) -> None:
    """A note "If the X key is not available, you must create it. [To create it, follow
    these steps: ...]" under a step is a conditional step of its own: "If the X key is not
    available, create the X key:" over the sub-steps (before a step that locates the key
    when they start at its parent), or "If the X value does not exist, create it." right
    after the step the note was under (seed-112: a note nobody ticks)."""
    for option in options:
        items = option.items
        k = 0
        while k < len(items):  # one scan of the fix's notes
            text, detail = split_detail(items[k])
            if "create it" not in detail:
                k += 1
                continue
            paras = detail.split("\n")
            notes = [_LABEL_RE.sub("", para.strip()) for para in paras]
            n = next((n for n, said in enumerate(notes) if _CREATE_IF_RE.match(said)), -1)
            if n < 0:
                k += 1
                continue
            said = notes[n]
            found = _CREATE_IF_RE.match(said)
            if found is None:  # (matched above: for the type checker)
                k += 1
                continue
            rest = said[found.end() :].strip()
            steps: list[str] = []
            if found.group("end") != "." or _TO_CREATE_RE.match(rest):
                lead = _TO_CREATE_RE.match(rest)
                steps = _sub_steps(option.section.text, rest[: lead.end()] if lead else said)
                if not steps:
                    k += 1
                    continue  # sub-steps that are ticks of their own (not read here)
                rest = ""
            elif rest:
                k += 1
                continue  # the note says more after it: left as it is
            cond = found.group("cond")
            cond = cond[:1].upper() + cond[1:]
            what = found.group("what")
            if steps:
                step = with_detail(f"{cond}, create {what}:", "\n".join(steps))
            else:
                step = f"{cond}, create {what}."
            paras[n] = ""
            items[k] = with_detail(text, "\n".join(p for p in paras if p.strip()))
            before = bool(steps) and _LOCATES_RE.match(text) and _FROM_PARENT_RE.match(steps[0])
            at = k if before else k + 1
            items.insert(at, step)
            k += 2
