"""Sentences ticked that are no action, and actions left in a note (issue 13, round 30).

Readers of seeds 76 and 78 still ticked sentences that only go with a step, and found
actions hidden in a step's note. By kind, in all three corpora:

- **an outcome sentence** ("After following these steps, X should set up and run
  successfully."): what the fix leads to. The fix's last tick is its check, said first in
  the verify; an earlier one is the note of the step before it;
- **an example** ("For example, type copy ..."): how the step before it is done, shown
  as that step's note;
- **a reason that says the step before again** ("For this reason, look at the files with
  a hexadecimal editor." after "Edit the files with a hexadecimal editor"): its note;
- **a pointer to more help** ("For further assistance with your card, refer to the
  owner's manual"): the note of the step before it;
- **a lead-in said "as follows"** ("Enable the fix: In Windows Server 2016, make this
  change by using the command line, as follows."): what the steps after it do, shown
  under the first of them;
- **a colon lead with its listing split off** ("Change the dip switches to:" over "S1:
  1-8: 10011001"): the rows, no actions, shown under the lead, ticked once;
- **an action in a fix's intro text** ("... includes an update to Nfssvr.sys. Make sure
  that this update is installed."): the fix's first tick (`installed_first`);
- **a conditional action in a note** ("Click OK." over "If you are prompted to restart
  the computer, click Yes."): a tick of its own, after the step, its note kept with it;
- **a release date** ("Release Date: May-22-1995" under a download): the note of the step
  before it, or, alone, the download it dates ("Download Gm1170.exe from the Microsoft
  Download Center.", seed-82 and seed-84 readers);
- **a bare condition over the steps it gates** ("If the alert persists after upgrade:"):
  the check it asks for, "Check whether the alert persists after upgrade; if so, go on
  with the steps below." (seed 82).

A tick is moved only when another tick stays in its fix: a fix is never left empty. Each
pattern has bounded repeats only, so it is linear on hostile text.
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.drafting.non_steps import code_line
from kbassist.drafting.option_model import Option
from kbassist.drafting.steps import _action
from kbassist.drafting.text import split_detail, split_sentences

#: "After following these steps, X should ...", "Once you complete this procedure, X will
#: ...": a result of the steps, said of a thing (never "you should restart").
_OUTCOME_RE = re.compile(
    r"^(?:after|once|when)\s{1,3}(?:you\s{1,3})?(?:have\s{1,3})?"
    r"(?:follow|complet|perform|do|finish|apply|appli|mak|carr)\w{0,5}\s{1,3}"
    r"(?:these|the|this|those|all|each|that)\b[^,.;:]{0,60},\s{1,3}"
    r"(?!(?:you|we|they|users?|admins?|administrators?)\b)[^.;:!?]{2,120}?\s"
    r"(?:should|will)\s{1,3}(?:now\s{1,3}|then\s{1,3}|again\s{1,3})?(?:be\s{1,3}able\s{1,3}to\b|"
    r"(?:set\s{1,3}up|install|run|work|start|function|operate|succeed|load|open|print"
    r"|connect|display|appear|play|be)\b)[^;:]{0,200}[.!]$",
    re.IGNORECASE,
)
#: "For example, type ...", "For instance: ...", "e.g. ...": how the step before is done.
_EXAMPLE_RE = re.compile(
    r"^(?:for\s{1,3}(?:example|instance)\b|e\.\s?g\.|in\s{1,3}(?:this|the\s{1,3}above)\s{1,3}example,)",
    re.IGNORECASE,
)
#: "Press Enter after each command.": how the commands of the tick before are typed,
#: split off as a tick of its own (seed-106 readers); never a step.
_EACH_KEY_RE = re.compile(
    r"^press\s{1,3}(?:the\s{1,3})?(?:enter|return)(?:\s{1,3}key)?\s{1,3}after\s{1,3}(?:each|every)"
    r"\s{1,3}(?:command|line|one|entry|statement)[.:]?$",
    re.IGNORECASE,
)
#: "For further assistance with X, please refer to the owner's manual ...".
_MORE_HELP_RE = re.compile(
    r"^for\s{1,3}(?:further|more|additional)\s{1,3}(?:assistance|help|information|details"
    r"|instructions)\b[^.;:]{0,150}?,?\s{1,3}(?:please\s{1,3})?(?:refer\s{1,3}to|see|consult"
    r"|read|check)\b",
    re.IGNORECASE,
)
#: "For this reason, look at the files with a hexadecimal editor.": why the step before,
#: its action said again.
_REASON_RE = re.compile(
    r"^(?:for\s{1,3}this\s{1,3}reason|that\s{1,3}is\s{1,3}why|this\s{1,3}is\s{1,3}why|therefore"
    r"|thus|hence),?\s{1,3}(?P<rest>[a-z][^.;:]{3,200})\.$",
    re.IGNORECASE,
)
#: Share of a reason's words the step before says for it to be that step said again.
RESTATED = 0.6
#: "..., make this change by using the command line, as follows.": announces what follows.
_AS_FOLLOWS_RE = re.compile(r"\bas\s{1,3}follows\s{0,3}[.:]$", re.IGNORECASE)
#: "If you are prompted to restart the computer, click Yes.": a conditional action.
_PROMPTED_RE = re.compile(
    r"^(?P<act>(?:if|when)\s{1,3}(?:you\s{1,3}are|you're)\s{1,3}(?:prompted|asked)\b[^.;:]{0,160},"
    r"\s{1,3}(?:then\s{1,3})?(?:click|select|choose|press|type|enter|tap|restart|reboot|insert)"
    r"\b[^.;:]{0,160}\.)(?:\s{1,3}|$)",
    re.IGNORECASE,
)
#: The drafter's own backup or "Read the article" step: an example after it is the fix's
#: action (the command the article gives), not that step's note.
_OWN_STEP_RE = re.compile(r"^(?:back\s+up|read)\b", re.IGNORECASE)
#: Longest tick read: a longer one is a pasted section, not one sentence.
MAX_CHARS = 400


def _flat(text: object) -> str:
    return " ".join(str(text or "").split())


def outcome_tick(text: str) -> bool:
    """The tick is a result of the steps before it, no action."""
    flat = _flat(text)
    return len(flat) <= MAX_CHARS and "{" not in flat and bool(_OUTCOME_RE.match(flat))


def example_tick(text: str) -> bool:
    """The tick is an example of the step before it, one sentence ("For example, use
    this:" over its listing); "For example, rename it X. In Y, change Z." also acts."""
    flat = _flat(text)
    if len(flat) > MAX_CHARS or not _EXAMPLE_RE.match(flat):
        return False
    return len(split_sentences(flat)) == 1


def more_help_tick(text: str) -> bool:
    """The tick points at more help, no action of the fix."""
    flat = _flat(text)
    return len(flat) <= MAX_CHARS and bool(_MORE_HELP_RE.match(flat))


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9][\w.-]*", text.casefold()) if len(w) > 3}


def restated_reason(text: str, before: str) -> bool:
    """ "For this reason, look at the files with a hexadecimal editor." after "Edit the
    files with a hexadecimal editor ...": why the step before, no step of its own."""
    match = _REASON_RE.match(_flat(text)[:MAX_CHARS])
    if match is None:
        return False
    words = _words(match.group("rest"))
    return bool(words) and len(words & _words(before)) >= RESTATED * len(words)


def _prose(detail: str) -> bool:
    """What is shown under a tick is sentences, not the listing the tick's colon opens."""
    paragraphs = [_flat(p) for p in detail.split("\n") if p.strip()]
    return all(p[:1].isupper() and p.endswith((".", ")")) and not code_line(p) for p in paragraphs)


def follows_lead(text: str, detail: str = "") -> bool:
    """The tick announces the steps after it ("..., as follows."), nothing under it but
    sentences ("Change it to read as follows:" over the code is the action itself)."""
    flat = _flat(text)
    if len(flat) > MAX_CHARS or not _AS_FOLLOWS_RE.search(flat):
        return False
    if len(split_sentences(flat)) > 1:
        return False  # "Click Details and make sure X. If X is not selected, as follows:"
    return _prose(str(detail or "")[: MAX_CHARS * 4])


def prompted_action(detail: str) -> str:
    """The conditional action a note opens with ("If you are prompted ..., click Yes."),
    or ""."""
    first = str(detail or "").strip().split("\n")[0]
    match = _PROMPTED_RE.match(_flat(first)[:MAX_CHARS])
    return match.group("act") if match else ""


def _noted(step: dict[str, Any], note: str, after: bool = True) -> None:
    """`note` shown with the step: after its detail (an example, a pointer) or before."""
    old = str(step.get("detail") or "").strip("\n")
    if not old:
        step["detail"] = note
    else:
        step["detail"] = f"{old}\n\n{note}" if after else f"{note}\n\n{old}"


def _with_detail(step: dict[str, Any]) -> str:
    """The tick's text and its note, as shown."""
    detail = str(step.get("detail") or "").strip("\n")
    return f"{_flat(step.get('text'))}\n\n{detail}" if detail else _flat(step.get("text"))


def _same_case(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return a.get("when") == b.get("when")


def _tick(text: str, detail: str, beside: dict[str, Any]) -> dict[str, Any]:
    """A new tick with the source and case of the step it was said with."""
    new: dict[str, Any] = {"text": text, **({"detail": detail} if detail else {})}
    new.update({key: beside[key] for key in ("source", "when") if key in beside})
    return new


#: Most rows of a listing joined under the colon lead that introduced them, and the
#: longest row (a longer line is a paragraph of its own, not a row of settings).
MAX_ROWS = 8
MAX_ROW = 160
#: Lower-case words that make a line ending in "." a sentence, not a row of settings.
PROSE_WORDS = 5
#: "If the operator is installed in X, ...", "Otherwise ...": a case with its own action,
#: never a row of the listing before it.
_CASE_ROW_RE = re.compile(r"^(?:if|when|otherwise|unless|else|in\s+case)\b", re.IGNORECASE)


def _row(step: object, lead: dict[str, Any]) -> bool:
    """A tick that is a row of the listing before it: no action, no lead of its own."""
    if not isinstance(step, dict) or not _same_case(step, lead):
        return False
    text = _flat(step.get("text"))
    if not text or len(text) > MAX_ROW or text.endswith(":") or "{" in text:
        return False
    if text.endswith(".") and len(re.findall(r"(?<![\w.])[a-z]{2,}\b", text)) >= PROSE_WORDS:
        return False  # "Divide the size of the file by ...": a sentence, not a row
    return not _CASE_ROW_RE.match(text) and not _action(text)


def _colon_lead(steps: list[Any], n: int) -> None:
    """ "Change the dip switches to:" with no detail, its listing split into ticks that
    are no actions ("S1: 1-8: 10011001"): the rows are shown under the lead, one tick."""
    step = steps[n]
    lead = _flat(step.get("text"))
    if step.get("detail") or not lead.endswith(":") or not _action(lead):
        return  # "The resolution depends on X:" over its cases is no setting to make
    rows: list[str] = []
    while len(rows) < MAX_ROWS and n + 1 < len(steps) and _row(steps[n + 1], step):
        rows.append(_with_detail(steps.pop(n + 1)))
    if rows:
        step["detail"] = "\n\n".join(rows)


#: "Release Date: May-22-1995" under a download: when the file was released, no action.
_RELEASE_RE = re.compile(r"^release\s{1,3}date\s{0,3}:\s{0,3}[^\n]{1,40}$", re.IGNORECASE)


def _release_download(step: dict[str, Any]) -> None:
    """ "Release Date: X" ticked over "The following file is available for download from
    the Microsoft Download Center: Gm1170.exe (URL)": the tick downloads the file, the
    date its note."""
    from kbassist.drafting.download_fix import listed_file

    text = _flat(step.get("text"))
    if _RELEASE_RE.match(text) and (name := listed_file(str(step.get("detail") or ""))):
        step["text"] = f"Download {name} from the Microsoft Download Center."
        _noted(step, text)


#: "Type the following lines.", "At the command prompt, run these commands": a tick
#: that types what is listed.
_TYPES_RE = re.compile(
    r"\b(?:typ(?:e|ing)|enter(?:ing)?|run(?:ning)?|execut(?:e|ing)|issu(?:e|ing)|key\s{1,3}in)\b",
    re.IGNORECASE,
)


#: "In this example, search for X": the example's own verb, when it opens on one.
_IN_EXAMPLE_VERB_RE = re.compile(
    r"^in\s(?:this|the\sabove)\sexample,\s(?!(?:the|a|an|this|that|these|those|it|its|we|you"
    r"|there|our|your|each|all)\b)(?P<verb>(?-i:[a-z]{3,}))\b",
    re.IGNORECASE,
)


def _example_of(text: str, before: str) -> bool:
    """ "In this example, search for X" after "Find the file ... by performing a text
    search": the step before done on the example. A verb the step before never said
    ("In the above example, decrease uset(300) to uset(200)" after "design your data
    storage scheme"): the article's own action, still ticked."""
    found = _IN_EXAMPLE_VERB_RE.match(_flat(text))
    return found is None or found.group("verb")[:5].casefold() in before.casefold()


def _each_key(before: dict[str, Any], step: dict[str, Any]) -> bool:
    """ "Type the following commands:" then "Press Enter after each command.": one tick,
    "Type the following commands, and press Enter after each command:" over its listing
    (the listing under either tick); after a tick not ending on a colon, the keystroke is
    its note. False, nothing changed, when both ticks show a listing."""
    said = _flat(step.get("text")).rstrip(".:")
    detail = str(step.get("detail") or "").strip("\n")
    text = str(before.get("text") or "").rstrip()
    if detail and (before.get("detail") or not _TYPES_RE.search(text)):
        return False  # "Restart the computer." is no tick the listing goes with
    if text.endswith(":") or (detail and text.endswith(".")):
        before["text"] = f"{text[:-1].rstrip()}, and {said[0].lower()}{said[1:]}:"
        if detail:
            before["detail"] = detail
    else:
        _noted(before, f"{said}.", after=False)
    return True


def _outcome_steps(node: dict[str, Any]) -> None:
    steps = node.get("steps")
    if isinstance(steps, list) and len(steps) == 1 and isinstance(steps[0], dict):
        _release_download(steps[0])
    if not isinstance(steps, list) or len(steps) < 2:
        return
    n = 0
    while n < len(steps):
        step = steps[n]
        text = step.get("text") if isinstance(step, dict) else None
        if not isinstance(text, str) or "\n" in text.strip():
            n += 1
            continue
        before = steps[n - 1] if n else None
        if _RELEASE_RE.match(_flat(text)):
            if before is not None and isinstance(before, dict) and _same_case(before, step):
                _noted(before, _with_detail(step))  # "Release Date: Jul-14-2000": the
                del steps[n]  # download's date, shown under the step that downloads
                continue
            _release_download(step)
        if before is not None and isinstance(before, dict) and _same_case(before, step):
            if _EACH_KEY_RE.match(_flat(text)) and _each_key(before, step):
                del steps[n]
                continue
            if (
                (
                    example_tick(text)
                    and not _OWN_STEP_RE.match(_flat(before.get("text")))
                    and _example_of(text, _flat(before.get("text")))
                )
                or more_help_tick(text)
                or restated_reason(text, _with_detail(before))
            ):
                _noted(before, _with_detail(step))
                del steps[n]
                continue
            if outcome_tick(text) and not step.get("detail"):
                if n == len(steps) - 1:
                    said = _flat(text).split(", ", 1)[1]  # past "After following these steps, "
                    check = {"text": f"Check the result the article expects: {said}"}
                    if "source" in step:
                        check["source"] = step["source"]
                    verify = node.get("verify")
                    node["verify"] = [check] + (verify if isinstance(verify, list) else [])
                else:
                    _noted(before, _flat(text))
                del steps[n]
                continue
        after = steps[n + 1] if n + 1 < len(steps) else None
        if (
            after is not None
            and isinstance(after, dict)
            and _same_case(after, step)
            and follows_lead(text, str(step.get("detail") or ""))
            and _action(_flat(after.get("text")))
        ):
            _noted(after, _with_detail(step), after=False)
            del steps[n]
            continue
        if (
            after is not None
            and isinstance(after, dict)
            and not step.get("detail")
            and (cond := condition_lead(text))
        ):
            # "If the alert persists after upgrade:" over the steps it gates: a check
            # the admin makes at the console, never a tick that does nothing
            step["text"] = f"Check whether {cond}; if so, go on with the steps below."
            n += 1
            continue
        _colon_lead(steps, n)
        parts = split_sentences(_flat(text)) if len(text) <= MAX_CHARS else []
        if len(parts) > 1 and prompted_action(parts[-1]) == parts[-1]:
            step["text"] = " ".join(parts[:-1])  # "Click OK. If you are prompted ..., click Yes."
            steps.insert(n + 1, _tick(parts[-1], "", step))
        elif act := prompted_action(str(step.get("detail") or "")):
            lines = str(step["detail"]).strip().split("\n")
            rest = "\n".join([_flat(lines[0])[len(act) :].strip(), *lines[1:]]).strip()
            del step["detail"]
            steps.insert(n + 1, _tick(act, rest, step))
        n += 1


#: "If the alert persists after upgrade:", "If you are running SNA Server 2.x:": a bare
#: condition over the steps after it, no main clause of its own (no comma).
_CONDITION_LEAD_RE = re.compile(
    r"^if\s{1,3}(?P<cond>(?:[^,;:.!?]|\.(?=\w)){3,100}?)\s{0,3}:$", re.IGNORECASE
)


def condition_lead(text: str) -> str:
    """The condition of a step that is only "If X:" over the steps it gates, or ""."""
    found = _CONDITION_LEAD_RE.match(_flat(text))
    return found.group("cond") if found else ""


def tick_kinds(tree: dict[str, Any]) -> None:
    """Every fix's outcome sentences, examples and pointers out of its ticks, lead-ins
    shown under the steps they announce, conditional actions in notes ticked."""
    for node in tree.get("nodes", []):
        kind = node.get("kind") if isinstance(node, dict) else None
        if kind == "outcome" and node.get("id") != "not_this_article":
            _outcome_steps(node)


def ticked_kind(text: str, detail: str = "") -> bool:
    """The tick is one of the kinds `tick_kinds` takes out of the ticks (the bench's
    count: left ticked only where its fix has no other step or it is a fix's first, or
    an "as follows" lead with no action after it)."""
    return (
        outcome_tick(text)
        or example_tick(text)
        or more_help_tick(text)
        or follows_lead(text, detail)
    )


#: "Make sure that this update is installed.", "Ensure that you have installed KB 123.":
#: the fix's first action, said in its intro text.
_INSTALLED_RE = re.compile(
    r"^(?:make\s{1,3}sure|ensure|verify|confirm)\s{1,3}(?:that\s{1,3})?"
    r"(?:you\s{1,3}(?:have\s{1,3})?installed\s{1,3}[^.;:]{3,200}"
    r"|[^.;:]{3,200}?\s(?:is|are|has\s{1,3}been|have\s{1,3}been)\s{1,3}installed)"
    r"(?:\s{1,3}on\s{1,3}[^.;:]{3,80})?\.$",
    re.IGNORECASE,
)
#: A first tick that installs already: the intro's sentence is said by it.
_INSTALLS_RE = re.compile(
    r"^(?:make\s+sure|ensure|verify|confirm|install|apply|download)\b", re.IGNORECASE
)


def installed_first(option: Option) -> None:
    """ "Make sure that this update is installed." in a fix's intro text is its first
    tick, not text a long intro cuts off, unless a step installs already."""
    if not option.items or option.when or len(option.lead) > MAX_CHARS * 8:
        return
    if any(_INSTALLS_RE.match(_flat(split_detail(i)[0])) for i in option.items):
        return
    sentences = split_sentences(_flat(option.lead))
    said = [s for s in sentences if len(s) <= MAX_CHARS and _INSTALLED_RE.match(s)]
    if len(said) != 1:
        return
    option.lead = " ".join(s for s in sentences if s != said[0])
    option.items.insert(0, said[0])
