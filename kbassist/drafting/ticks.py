"""Archive checklist items said as the action they carry, and labels that name it (issue
13, "steps that are steps"; round 11's reader notes on MS KB drafts).

An MS KB article often words its one fix as a fact about the fix rather than the fix:
"If the transceiver type is not detected correctly, you must set it manually. To do so,
open the Network tool ...", "Seagate Support has verified that the P2SexSr.dll can only
be obtained by purchasing the 101 BackOffice Report Pack", "The TSR must be updated to
watch ...". Ticked as written, the reader ticks a statement and the action hides in its
detail. Said plainly ("If ..., set it manually: open the Network tool ...", "Purchase
the 101 BackOffice Report Pack to obtain the P2SexSr.dll", "Update the TSR to watch
...") the step is one to do, in the article's own words after the verb.

The same pass puts a step's object back into the step ("... from the following ATI Web
site: http://www.ati.com", "... go to the following subkey: HKEY_...") when the object
was read as its detail, below a registry WARNING, and heads the steps after an
announcement ("Ensure X by following these steps:") rather than ticking it. Labels that
only a step's neighbours make sense of ("Set it manually", "Save these settings",
"Resolution (4 steps)") are named by what the fix does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kbassist.drafting.text import split_detail, split_sentences, with_detail

#: "If X, you must set it manually": a case, then the action said with a modal.
_MODAL_CASE_RE = re.compile(
    r"^(?P<case>(?:if|when|once|after|before)\b[^,]{3,200},\s*)(?:then\s+)?(?:you|users?"
    r"|administrators?)\s+(?:must|should|need\s+to|have\s+to|will\s+(?:need|have)\s+to|may"
    r"|can)\s+(?:first\s+|also\s+|still\s+)?"
    r"(?P<act>(?!be\b|not\b|see\b|receive\b|get\b|notice\b|lose\b|experience\b|encounter\b"
    r"|find\b|want\b|need\b|have\b)[a-z].+)$",
    re.IGNORECASE | re.DOTALL,
)
#: "Seagate Support has verified that ...", "Microsoft has confirmed that ...": who says
#: it, before what to do.
_VERIFIED_RE = re.compile(
    r"^(?:[A-Z][\w.&'-]*\s+){1,4}(?:has|have)\s+(?:verified|confirmed|determined|found)\s+that\s+",
)
#: "the P2SexSr.dll can only be obtained by purchasing the 101 BackOffice Report Pack".
_OBTAINED_BY_RE = re.compile(
    r"^(?P<what>(?:the|this|these|that|an?|your)\s+[^,;]{2,100}?)\s+(?:can|may|must)\s+"
    r"(?:only\s+)?be\s+(?P<pp>obtained|purchased|ordered|downloaded|acquired)\s+(?:only\s+)?by\s+"
    r"(?P<g>[a-z]{3,}ing)\b(?P<rest>[^;]*?)(?P<end>\.?)$",
    re.IGNORECASE | re.DOTALL,
)
#: A subject that holds a clause of its own ("This directory is presented as the default
#: when Setup prompts the user where files"): no thing the passive is said of.
_CLAUSE_RE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|can|may|when|where|which|that|who|if|because)\b",
    re.IGNORECASE,
)
_PP_BASE = {
    "obtained": "obtain",
    "purchased": "purchase",
    "ordered": "order",
    "downloaded": "download",
    "acquired": "acquire",
}
#: "The TSR must be updated to watch ...": what must be done to a thing, said of it.
_MUST_BE_RE = re.compile(
    r"^(?P<lead>(?:to|on|in|at|for|when|after|before|once)\s+[a-z][^,]{3,120},\s*)?(?P<what>(?:the|this|these|that|those|your|each"
    r"|all)\s+[^,;]{2,80}?)\s+(?:(?:may|might|will)\s+)?(?:must|should|needs?\s+to|has\s+to"
    r"|have\s+to|will\s+have\s+to)\s+(?:first\s+|also\s+)?be\s+(?P<pp>[a-z]+)\b(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
#: What a passive's rewrite cannot carry: a second passive ("... or the calls should be
#: removed"), an elided one ("... should be replaced and the file saved").
_SECOND_PASSIVE_RE = re.compile(
    r"\b(?:should|must|needs? to|has to|have to)\s+be\b"
    r"|^\s*(?:and|or)\s+(?:the|this|these|your|all)\b[^,.;]*\b[a-z]+ed\.?$",
    re.IGNORECASE,
)
#: Past participles of what an admin does to a thing (never a state: "located", "named").
_DONE_TO = {
    pp: base
    for base, pp in (
        ("update", "updated"),
        ("increase", "increased"),
        ("decrease", "decreased"),
        ("install", "installed"),
        ("reinstall", "reinstalled"),
        ("uninstall", "uninstalled"),
        ("change", "changed"),
        ("remove", "removed"),
        ("delete", "deleted"),
        ("add", "added"),
        ("modify", "modified"),
        ("set", "set"),
        ("reset", "reset"),
        ("run", "run"),
        ("restart", "restarted"),
        ("reboot", "rebooted"),
        ("enable", "enabled"),
        ("disable", "disabled"),
        ("edit", "edited"),
        ("rename", "renamed"),
        ("replace", "replaced"),
        ("copy", "copied"),
        ("move", "moved"),
        ("upgrade", "upgraded"),
        ("reconfigure", "reconfigured"),
        ("register", "registered"),
        ("recompile", "recompiled"),
        ("rebuild", "rebuilt"),
        ("apply", "applied"),
        ("create", "created"),
        ("stop", "stopped"),
        ("close", "closed"),
        ("reload", "reloaded"),
        ("clear", "cleared"),
        ("expand", "expanded"),
        ("extract", "extracted"),
        ("recreate", "recreated"),
        ("redefine", "redefined"),
        ("resize", "resized"),
        ("synchronize", "synchronized"),
        ("flush", "flushed"),
        ("shut down", "shut down"),
    )
}
#: "To do so, open the Network tool ...": how the step before it is done (not "To do so,
#: follow these steps:", an announcement of the steps after it).
_DO_SO_RE = re.compile(
    r"^to do (?:so|this|that|it),?\s+(?:you\s+(?:can|must|should|need\s+to|have\s+to)\s+)?"
    r"(?P<how>(?!follow\b|do\s+the\s+following\b|use\s+the\s+following\b|perform\s+the"
    r"\s+following\b|use\s+the\s+appropriate\b)[a-z][^:]+)$",
    re.IGNORECASE | re.DOTALL,
)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _is_action(text: str) -> bool:
    from kbassist.drafting.steps import _action

    return _action(text)


def _gerund_verb(gerund: str) -> str:
    from kbassist.drafting.said_as import _base_verb

    return _base_verb(gerund)


def plain_sentence(sentence: str, first: bool = True) -> str:
    """`sentence` said as the action it carries (see the module docstring), or itself.
    Not `first` (beside other sentences of its step), "If X, you can Y" is left to the
    step pass, which reads it among the statements around it."""
    text = sentence
    verified = _VERIFIED_RE.match(text)
    bare = text[verified.end() :] if verified else text
    said = ""
    if first and (found := _MODAL_CASE_RE.match(bare)):
        act = found.group("act")
        if _is_action(_cap(act)):
            said = found.group("case") + act
    elif found := _OBTAINED_BY_RE.match(bare):
        verb = _gerund_verb(found.group("g"))
        what = found.group("what")
        told = f"{_cap(verb)}{found.group('rest')} to {_PP_BASE[found.group('pp').lower()]}"
        if verb:  # the article's own gerund: a verb by its form, no list needed
            said = f"{told} {what[0].lower()}{what[1:]}{found.group('end')}"
    elif (
        (found := _MUST_BE_RE.match(bare))
        and found.group("pp") in _DONE_TO  # as written: "should be Run application" is a name
        and not _SECOND_PASSIVE_RE.search(found.group("rest"))
        and not _CLAUSE_RE.search(found.group("what"))  # "... the user where files should be"
    ):
        verb = _DONE_TO[found.group("pp")]
        what = found.group("what")
        lead = found.group("lead") or ""
        told = f"{verb} {what[0].lower()}{what[1:]}{found.group('rest')}"
        said = _cap(lead) + told if lead else _cap(told)
    elif verified and _is_action(_cap(bare)):
        said = _cap(bare)
    return said or sentence


def said_plainly(item: str) -> str:
    """`item` with each sentence that states its action said as that action, and a "To do
    so, X" that says how after a first sentence said so joined to it ("If X, you must set
    it manually. To do so, open Y" -> "If X, set it manually: open Y"), in the step rather
    than its detail. The item itself when nothing changes."""
    text, detail = split_detail(item)
    sentences = split_sentences(" ".join(text.split()))
    # "If X, you can Y" only alone in its step (or before its "To do so, Z"): among
    # statements the step pass reads it as the offer it is, the statements shown
    alone = all(_DO_SO_RE.match(s) for s in sentences[1:])
    said = [plain_sentence(s, n == 0 and alone) for n, s in enumerate(sentences)]
    if said[:1] == sentences[:1]:
        # an action as the article words it ("Remove X. To do this, click Start ..."):
        # its how stays shown under it; only a step said plainly here takes its how
        return item if said == sentences else with_detail(" ".join(said), detail)
    paras = detail.split("\n\n") if detail.strip() else []
    if len(said) == 1 and paras and "\n" not in paras[0].strip():
        how = _DO_SO_RE.match(" ".join(paras[0].split()))
        if how and _is_action(_cap(how.group("how"))):
            said.append(" ".join(paras[0].split()))
            paras = paras[1:]
    joined: list[str] = []
    for sentence in said:
        how = _DO_SO_RE.match(sentence)
        if joined and how and _is_action(joined[-1]) and _is_action(_cap(how.group("how"))):
            joined[-1] = f"{joined[-1].rstrip('.')}: {how.group('how')}"
            continue
        joined.append(sentence)
    if joined == sentences:
        return item
    return with_detail(" ".join(joined), "\n\n".join(paras))


#: "Ensure you are using X by following these steps:", "Install it using the following
#: steps:": an action that only announces the steps after it.
_BY_STEPS_RE = re.compile(
    r",?\s+(?:by\s+)?(?:following|using|performing|doing|completing)\s+(?:these|the\s+following)"
    r"(?:\s+steps|\s+procedure|\s+instructions)?\s*:$",
    re.IGNORECASE,
)


def steps_announced(items: list[str]) -> list[str]:
    """`items` with "Ensure X by following these steps:" (nothing under it, an action
    after it) shown as the goal of the step after it, not ticked."""
    out: list[str] = []
    goal = ""
    for n, item in enumerate(items):
        text, detail = split_detail(item)
        flat = " ".join(text.split())
        if goal:
            item = with_detail(text, "\n\n".join(p for p in (goal, detail) if p))
            goal = ""
        elif (
            not detail.strip()
            and n + 1 < len(items)
            and _BY_STEPS_RE.search(flat)
            and not re.match(r"(?:if|when|unless)\b", flat, re.IGNORECASE)
            and len(split_sentences(flat)) == 1
            and _is_action(split_detail(items[n + 1])[0])
        ):
            goal = flat
            continue
        out.append(item)
    return out


#: What a step's "the following X:" names: a URL, a registry key, a path, a file.
_OBJECT_RE = re.compile(
    r"^(?:(?:https?|ftp)://\S+|www\.\S+|HKEY_\S.*|HK(?:LM|CU)\\\S.*|[A-Za-z]:\\\S*"
    r"|\\\\\S+|[\w.-]+\.(?:exe|dll|ini|sys|inf|bat|com|txt|cfg|reg)|[\w\\/.:-]{3,80})$",
    re.IGNORECASE,
)
#: A step that names several things ("the following files:", "one of the following"):
#: its list stays under it.
_MANY_RE = re.compile(
    r"\b(?:one|any|each|either|all) of the following\b|\bthe following (?:\d+ |\w+ )?"
    r"(?:\w+ )?(?:files|keys|subkeys|entries|values|lines|items|strings|folders|sites|paths"
    r"|drivers|settings|parameters|objects|statements|commands)\b",
    re.IGNORECASE,
)
#: A paragraph the step is warned with, kept in its detail.
_WARNING_RE = re.compile(r"^(?:warning|caution|important|note)\b", re.IGNORECASE)


def object_in_step(item: str) -> str:
    """A step that ends in a colon ("go to the following subkey:", "from the following
    Web site:") with its object read as detail, below a WARNING: the object's line in the
    step itself, the rest of the detail kept."""
    text, detail = split_detail(item)
    flat = " ".join(text.split())
    if not flat.endswith(":") or not detail.strip() or _MANY_RE.search(flat):
        return item  # "... the following files:": a list, kept as one under the step
    paras = [p for p in detail.split("\n\n") if p.strip()]
    for k, para in enumerate(paras):
        if _WARNING_RE.match(para.strip()):
            continue
        lines = [line.strip() for line in para.split("\n") if line.strip()]
        first = lines[0]
        if len(first) > 150 or not _OBJECT_RE.match(first) or first.endswith(("\\", "/")):
            return item  # a key wrapped for readability ends in its separator
        if any(not line.startswith("(") for line in lines[1:]):
            return item  # one of several lines: the list stays whole
        if any(_OBJECT_RE.match(p.strip()) for p in paras[k + 1 :]):
            return item  # one of several objects, each a paragraph
        rest = "\n\n".join([*paras[:k], "\n".join(lines[1:]), *paras[k + 1 :]])
        return with_detail(f"{text.rstrip()} {first}", rest)
    return item


#: A label that only its step's neighbours make sense of: "Set it manually", "Save these
#: settings", "Copy them from another computer".
_DANGLING_RE = re.compile(
    r"^(?:[A-Z][a-z]+)(?:\s+\w+)?\s+(?:it|them)\b|^(?:[A-Z][a-z]+)\s+(?:these|those)\s+\w+$",
)
#: "If the transceiver type is not detected correctly, ...": what "it" is.
_CASE_SUBJECT_RE = re.compile(
    r"^(?:if|when)\s+(?P<np>(?:the|your|this)\s+[\w -]{2,60}?)\s+(?:is|are|was|were|does|do"
    r"|has|have|cannot|can't|will|fails?)\b",
    re.IGNORECASE,
)
#: "To open X in Y, save Z as W.": a purpose, then the action that is the fix.
_PURPOSE_THEN_RE = re.compile(r"^to [a-z]+\b[^,]{3,200},\s*(?P<act>[a-z][^:;]+)$", re.IGNORECASE)
#: "To work around this problem ...": a purpose that names no fix.
_FIX_ONLY_RE = re.compile(
    r"^to (?:work ?around|resolve|fix|correct|avoid|prevent|solve) (?:this|the)\b", re.IGNORECASE
)
#: A section's own name before a label ("Resolution", "Method 2", "Workaround 1").
_SECTION_HEAD_RE = re.compile(
    r"^(?:resolution|workaround|method|upgrade|solution|fix|cause|more information|summary"
    r"|status|option|approach|step)s?\b(?:\s*\d+)?$",
    re.IGNORECASE,
)
#: Longest one-step fix given whole as its label.
MAX_WHOLE_STEP = 100
_STEPS_LABEL_RE = re.compile(r"^(?P<head>.*?)\s*\(\d+ steps?\)$")
_PLACE_RE = re.compile(r"^(?:at|in|on|from|under|using|with)\b[^,]{1,80},\s+", re.IGNORECASE)
_NAV_RE = re.compile(
    r"^(?:click|double-click|right-click|point|press|select|choose|open|start|run|go|navigate"
    r"|locate|find|expand|browse|scroll|exit|close|quit|log|sign|type|when|if|note|back up"
    r"|verify|check|view|look|examine|make a backup|repeat|restart|reboot|wait|after|once"
    r"|before|then|follow)\b|\bsteps? \d",
    re.IGNORECASE,
)


def _step_name(steps: Sequence[str], skip_nav: bool = True) -> str:
    """The first step that changes something, as a label: "On the Performance tab, move
    the Hardware Acceleration slider to None." -> "Move the Hardware Acceleration slider
    to None" ("" when none does, or it leans on a pronoun)."""
    from kbassist.drafting.options import option_label

    for step in steps:
        first = (split_sentences(" ".join(step.split())) or [""])[0]
        bare = _PLACE_RE.sub("", first, count=1)
        bare = _cap(bare)
        if not bare or not _is_action(bare) or (skip_nav and _NAV_RE.match(bare)):
            continue
        name = re.sub(r"\s*\([^()]*\)", "", bare.rstrip(".:"))  # "(with the quotation marks)"
        name = re.split(r";\s|,\s+(?:and|or|but|which|so)\b", name)[0]
        name = option_label(name)
        if len(name) > 90 or name.count("(") != name.count(")"):
            continue
        if re.search(r"\b(?:it|them|these|those|this|that)\b", name.split(",")[0], re.I):
            continue
        if len(name.split()) >= 3 and not name.endswith(":"):
            return name
    return ""


_TO_VERB_RE = re.compile(r"to [a-z]+\b", re.IGNORECASE)


def named_label(label: str, steps: Sequence[str]) -> str:
    """`label` named by what the fix does when it names nothing on its own: "Resolution (4
    steps)" by its first step that changes something, "Set it manually" with "it" read
    from the case its step opens with ("If the transceiver type is not detected ..."),
    "Save these settings" by the first step that stands alone. `label` otherwise."""
    numbered = _STEPS_LABEL_RE.match(label)
    if numbered:
        head = numbered.group("head")
        goal = re.match(r"to (?P<act>[a-z]+\b.{3,})$", head, re.IGNORECASE)
        if goal and _is_action(_cap(goal.group("act"))):
            return _cap(goal.group("act"))  # "To set up a System DSN (8 steps)"
        if head and _is_action(head):
            return head  # "Install Client for Microsoft networks (14 steps)"
        name = _step_name(steps)
        return f"{head}: {name}" if name and head else name or label
    head, sep, body = label.rpartition(": ")
    prefix = head + sep
    first = " ".join(steps[0].split()) if steps else ""
    purpose = _PURPOSE_THEN_RE.match(first)
    if (
        _TO_VERB_RE.match(body)
        and purpose
        and first.casefold().startswith(body.casefold())
        and not _FIX_ONLY_RE.match(body)
    ):
        # "To open X" over "To open X in Y, save Z as W.": the fix is saving Z
        act = _cap(purpose.group("act").rstrip("."))
        if _is_action(act) and not _NAV_RE.match(act) and len(act) <= 90:
            from kbassist.drafting.options import option_label

            return prefix + option_label(act)
    said = split_sentences(first)
    if (
        len(steps) == 1
        and len(said) == 1
        and len(body.split()) >= 3
        and first.startswith(body)
        and len(first.rstrip(".")) <= MAX_WHOLE_STEP
        and _is_action(first)
        and ":" not in first  # "Install X: this allows Y", "... setting: HKLM\\...": its name
    ):
        # a one-step fix named by its step cut short ("Create a Visual SourceSafe project
        # structure" + " that mirrors your application project structure"): the step
        return prefix + first.rstrip(".")
    if not _DANGLING_RE.match(body) or not steps:
        return label
    case = _CASE_SUBJECT_RE.match(first)
    if case and re.search(r"\bit\b", body):
        np = case.group("np")
        return prefix + re.sub(r"\bit\b", np[0].lower() + np[1:], body, count=1)
    if len(head.split()) >= 2 and not _SECTION_HEAD_RE.match(head):
        return head  # "Remove the Deleted User Account: Remove it": the heading says it
    name = _step_name(steps, skip_nav=False)
    return prefix + name if name else label


def relabel_plain(label: str, old_first: str, new_first: str) -> str:
    """`label` named by the first step said plainly when it was named by that step's old
    statement ("Workaround: Seagate Support has verified" -> "Workaround: Purchase the 101
    BackOffice Report Pack to obtain the P2SexSr.dll"); `label` otherwise."""
    from kbassist.drafting.options import option_label

    old = " ".join(split_detail(old_first)[0].split())
    new = " ".join(split_detail(new_first)[0].split())
    if old == new or not new:
        return label
    if said_plainly(old_first) == old_first and statements_first(old_first) == old_first:
        return label  # not a step this pass said plainly ("To correct this problem:")
    head, sep, body = label.rpartition(": ")
    body = body.strip().rstrip(".")
    if len(body.split()) < 2 or not old.startswith(body):
        return label
    case = re.match(r"(?:if|when)\b[^,]{3,200},\s*", new, re.IGNORECASE)
    act = new[case.end() :] if case else new
    act = re.split(r":\s", act, maxsplit=1)[0]  # "set it manually: open X" -> "set it manually"
    act = (split_sentences(act) or [act])[0]
    purpose = _PURPOSE_THEN_RE.match(act)
    if purpose and len(act) <= MAX_WHOLE_STEP:
        # "To obtain these drivers, contact X." -> "Contact X to obtain these drivers"
        goal = act[: purpose.start("act")].rstrip(", ")
        act = purpose.group("act").rstrip(".")
        if not _FIX_ONLY_RE.match(goal) and len(act) + len(goal) < 90:
            act = f"{act} {goal[0].lower()}{goal[1:]}"  # never "... to correct this problem"
    name = option_label(_cap(act).rstrip("."))
    return f"{head}{sep}{name}" if name else label


def _does(text: str) -> bool:
    """An action, also after its purpose ("To open X in Y, save Z as W.")."""
    flat = " ".join(text.split())
    purpose = _PURPOSE_THEN_RE.match(flat)
    return _is_action(flat) or bool(purpose and _is_action(_cap(purpose.group("act"))))


def statements_shown(items: list[str]) -> list[str]:
    """`items` with a statement ticked after an action ("Non-Far East PowerPoint 7.0 can
    open a file saved in ...; however, you cannot read most of the content.") shown under
    that action, which it qualifies, not ticked."""
    from kbassist.drafting.steps import step_kind

    out: list[str] = []
    for item in items:
        text, detail = split_detail(item)
        if out and step_kind(text) == "statement" and _does(split_detail(out[-1])[0]):
            said = "\n".join(p for p in (" ".join(text.split()), detail) if p)
            out[-1] = with_detail(out[-1], said)
            continue
        out.append(item)
    return out


#: The download link's button text run into its label: "DownloadDownload Q248838engi.exe".
_DOUBLED_RE = re.compile(r"\b(Download)\1\b")


#: The download notice's "The file is stored on secure servers ..." sentence.
_SECURE_RE = re.compile(
    r"(?:after it is posted, )?the file is (?:stored|housed) on secure servers that prevent"
    r" any unauthorized changes to the file\.",
    re.IGNORECASE,
)


def junk_free(items: list[str]) -> list[str]:
    """`items` without the download page's boilerplate: the doubled "DownloadDownload"
    button text, and "The file is stored on secure servers ..." (a tick of its own: what
    it held is shown under the step before)."""
    out: list[str] = []
    for item in items:
        if "DownloadDownload" in item:  # what `_DOUBLED_RE` needs; rare
            item = _DOUBLED_RE.sub(r"\1", item)
        text, detail = split_detail(item)
        if detail:
            detail = re.sub(r"\n{3,}", "\n\n", _SECURE_RE.sub("", detail)).strip("\n")
        if _SECURE_RE.fullmatch(" ".join(text.split())) and out:
            out[-1] = with_detail(out[-1], detail)
            continue
        out.append(with_detail(text, detail))
    return out


#: A sentence that says what a named thing is or does: "Media Vision has newer drivers
#: ...", "Word for Windows does support ...": a capitalized subject, then a finite verb.
_NAMED_STATEMENT_RE = re.compile(  # (not "You cannot use X": the step pass reads that)
    r"^(?!(?i:you|we|it|this|that|these|those|there|they|if|when|the|an?|your|our)\b)"
    r"(?:[A-Z][\w.&'/-]*\s+){1,5}?(?:(?:for|of)\s+(?:[A-Z][\w.&'/-]*\s+){1,3})?"
    r"(?:has|have|is|are|was|were|does|do|did|can|cannot|will|provides?|includes?|contains?"
    r"|supports?|requires?|ships?|uses?)\b(?!\s+(?:to|be)\b)",
)


def statements_first(item: str) -> str:
    """ "Media Vision has newer drivers for Windows 3.1. To obtain these drivers, contact
    Media Vision." ticks the action, the statement before it shown under it (what a named
    product has or does, no step)."""
    text, detail = split_detail(item)
    sentences = split_sentences(" ".join(text.split()))
    lead: list[str] = []
    for sentence in sentences:
        if _is_action(sentence) or not _NAMED_STATEMENT_RE.match(sentence):
            break
        lead.append(sentence)
    rest = sentences[len(lead) :]
    if not lead or not rest or not _is_action(rest[0]):
        return item
    return with_detail(" ".join(rest), "\n\n".join(p for p in (" ".join(lead), detail) if p))


#: "NOTE: Because of file dependencies, the most recent fix that contains the above files
#: may also contain additional files.": said of the table, gone with it.
_DEPENDENCIES_RE = re.compile(r"^note:\s+because of file dependencies\b", re.IGNORECASE)
#: A line of a file table: a box rule, a row between bars, or columns spaced apart.
_TABLE_LINE_RE = re.compile(r"^\s*(?:[-=+|]{3,}.*|\|.*\||.*\S(?:\s{2,}|\t)\S.*)$")


def _wrapped_cell(line: str) -> bool:
    """ "                          Second Edition": a table cell wrapped onto a line of its
    own (the Platform column's "Windows 98 / Second Edition"), far to the right, a few
    words: part of the table, not a note beside it."""
    words = line.split()
    return len(line) - len(line.lstrip(" ")) >= 24 and 0 < len(words) <= 4


def without_file_table(detail: str, version: str) -> str:
    """`detail` without the hotfix's file-attribute table ("The English version of this fix
    should have the following file attributes or later:" over its rows) when `version`,
    the outcome's verify, already names every file in it (no "other files in the table"):
    the check is where the reader uses it, not an ASCII table under the step."""
    from kbassist.drafting.verify import TABLE_LEAD_RE, file_versions

    if not version or "other file" in version or not TABLE_LEAD_RE.search(detail):
        return detail
    rows = file_versions(detail)
    if not rows or not all(name in version for name, _, _ in rows):
        return detail
    paras = detail.split("\n\n")
    lead = next((k for k, p in enumerate(paras) if TABLE_LEAD_RE.search(p)), None)
    if lead is None:
        return detail
    lines = paras[lead].split("\n")
    colon = next((n for n, line in enumerate(lines) if line.rstrip().endswith(":")), None)
    if colon is None or len(split_sentences(" ".join(" ".join(lines[: colon + 1]).split()))) > 1:
        return detail  # the lead said among other sentences: left as written
    # what else the lead's paragraph holds ("Component: Information Store") stays shown
    kept = [
        line
        for line in lines[colon + 1 :]
        if line.strip() and not _TABLE_LINE_RE.match(line) and not _wrapped_cell(line)
    ]
    tabled = len(lines) - colon - 1 - len(kept)
    end = lead + 1
    while end < len(paras) and all(
        _TABLE_LINE_RE.match(line) or not line.strip() for line in paras[end].split("\n")
    ):
        end += 1
    if end == lead + 1 and not tabled:
        return detail  # no table under the lead
    if end < len(paras) and _DEPENDENCIES_RE.match(paras[end].strip()):
        end += 1
    left = [*paras[:lead], "\n".join(kept), *paras[end:]]
    return "\n\n".join(p.strip("\n") for p in left if p.strip())


#: "Use the following steps to verify that the disc is readable.", "Follow these steps:":
#: a case's step that only announces the steps after it.
_CASE_ANNOUNCE_RE = re.compile(
    r"^(?:use|follow|perform|do|complete|try)\s+(?:the\s+following|these)\s+(?:steps|procedure"
    r"|instructions)\b[^.:]{0,160}[.:]$"
    # "Add it manually to your search path by performing the following steps:": the
    # case's action said over the steps that do it
    r"|^[A-Z][a-z]+\b[^.:]{3,160}\bby\s+(?:performing|following|doing|using|completing)\s+"
    r"(?:the\s+following|these)(?:\s+(?:steps|procedure|instructions))?\s*:$",
    re.IGNORECASE,
)


#: "Add X to the value. For example:": a step's own example, no procedure of its own.
_FOR_EXAMPLE_END_RE = re.compile(r"\bfor\s+(?:example|instance)\s*:$", re.IGNORECASE)

#: Most steps read as one case's announced procedure.
MAX_CASE_STEPS = 8


def case_heads_its_steps(
    items: list[str], when: dict[int, str]
) -> tuple[list[str], dict[int, str]]:
    """(items, when) with a case's announcement ("If the folders are not protected, use
    the following steps to verify that your disc is readable." -> "Use the following steps
    ...", asked) heading the steps after it: they are that case's too (up to the next
    step for a case), the announcement shown under the first of them, not ticked."""
    items, when = list(items), dict(when)
    n = 0
    while n < len(items) - 1:
        text, detail = split_detail(items[n])
        if n not in when or not _CASE_ANNOUNCE_RE.match(" ".join(text.split())):
            n += 1
            continue
        k = n + 1
        while k < len(items) and k not in when:
            said = split_detail(items[k])[0].rstrip()
            if k > n + 1 and said.endswith(":") and not _FOR_EXAMPLE_END_RE.search(said):
                break  # "Ensure that X, as follows:": a procedure of its own begins
            k += 1
        if k == n + 1 or k - n - 1 > MAX_CASE_STEPS:
            n += 1  # a long run after it is the article's, not the case's alone
            continue
        for g in range(n + 1, k):
            when[g] = when[n]
        nxt, more = split_detail(items[n + 1])
        shown = "\n\n".join(p for p in (" ".join(text.split()), detail, more) if p)
        items[n + 1] = with_detail(nxt, shown)
        del items[n]
        when = {(i - 1 if i > n else i): c for i, c in when.items() if i != n}
    return items, when
