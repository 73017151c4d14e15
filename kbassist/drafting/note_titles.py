"""An outcome's title names its fix, never a note, a cut purpose or a summary tick.

Blind readers (seed 90) marked outcome titles that were the article's note ("There is no
way to prevent the WM_CONTEXTMENU message from being generated", "There is no fix for SQL
Server 2008"), the purpose clause of the one step cut from its action ("To see the number
of unread messages ..., or the number of unfinished messages ..."), an outcome text that
only announces the list ("To work around this problem, perform the following steps:"),
and a first tick that is only the title again before the step that does it ("Modify the
Windows NT Registry." with the registry warning, then "Start REGEDT32.EXE ..."; "Add a
restart to the end of the task sequence" before "... SMSTSPostAction shutdown /r /t 0 as
the last task"). The title is named by the step's own action; the announcing text goes;
the summary tick goes, its warning kept on the step after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kbassist.drafting.option_model import Option
from kbassist.drafting.text import (
    short_label,
    split_detail,
    split_sentences,
    step_text,
    with_detail,
)

#: A title's section head ("Resolution: ", "Workaround 2: "), kept before the new name.
_HEAD_RE = re.compile(r"^(?P<head>[A-Z][A-Za-z]{2,20}(?: \d{1,2})?): (?=\S)")
#: A note that no fix exists: "There is no way to prevent X", "There is no fix for Y",
#: "There is currently no workaround".
_NOTE_RE = re.compile(
    r"^there\s(?:is|are)\s(?:currently\s|still\s)?no\s(?:known\s|supported\s|other\s)?"
    r"(?:way|fix|fixes|workaround|workarounds|resolution|solution|method|hotfix|update)\b",
    re.IGNORECASE,
)
#: An outcome text that only points at the list under a generic purpose: "To work around
#: this problem, perform the following steps:", "To resolve this issue, follow these steps:".
_BARE_LEAD_RE = re.compile(
    r"^(?:to\s(?:work\s?around|resolve|fix|correct|avoid)\s(?:this|the)\s"
    r"(?:problem|issue|behaviou?r|error)\s?,\s?)?(?:please\s)?(?:perform|follow|use|do|complete)"
    r"\s(?:these|the\sfollowing)\s(?:steps|procedure|instructions)(?:\sbelow)?\s?[.:]?$",
    re.IGNORECASE,
)
#: "To see X, ...": a purpose clause that opens a step.
_PURPOSE_RE = re.compile(r"^to\s[a-z]{2,20}\b", re.IGNORECASE)
#: A summary's verb: it names a change the next step makes ("Modify the registry").
_SUMMARY_VERB_RE = re.compile(
    r"^(?:modify|edit|change|add|update|configure|adjust|implement|make|apply)\s",
    re.IGNORECASE,
)
#: Anything to type or read exactly: a summary step holds none.
_LITERAL_RE = re.compile(r"[\\/`\"'<>{}=:()\d]")
#: A detail that is only a caution ("WARNING: Using Registry Editor incorrectly ...").
_CAUTION_RE = re.compile(r"^(?:warning|important|caution|note)\b", re.IGNORECASE)
#: A case or scene before a step's main clause: "In cases in which X is failing, ".
_SCENE_RE = re.compile(
    r"^(?:in\s(?:cases?|situations?)\s(?:in\swhich|where)|if|when|where)\s[^,;:]{3,200},\s",
    re.IGNORECASE,
)
#: Outcomes that are the article's fixes (not an update to obtain, not a reference).
_FIX_KINDS = frozenset({"option", "workaround"})
#: A purpose cut that already holds an action or a case ("To get around this make sure the
#: file is not read-only, and if the file is on NTFS"): the rest is not the whole fix.
_ACTS_RE = re.compile(r"\b(?:if|when|make sure|ensure|and then|then)\b", re.IGNORECASE)
#: A next step that is not the summary's doing: an example, a case, a "do not".
_OWN_NEXT_RE = re.compile(
    r"^(?:for (?:example|instance)|e\.g\.|if|when|unless|otherwise|or|alternatively|note|do not"
    r"|don't|never)\b",
    re.IGNORECASE,
)
#: A file a summary names ("CONFIG.FX", "win.ini").
_FILE_RE = re.compile(r"\b[a-z0-9_-]{1,40}\.[a-z0-9]{1,4}\b")
#: "Modify the Windows NT Registry.", "Edit the registry."
_REGISTRY_SUMMARY_RE = re.compile(
    r"^(?:modify|edit|change)\s(?:the\s)?(?:[\w-]+\s){0,3}registry\.?$", re.IGNORECASE
)
#: The next step opens Registry Editor or names the key it changes.
_REGISTRY_OPEN_RE = re.compile(
    r"\b(?:regedt32|regedit|registry editor|registry (?:sub)?key|HKEY_)", re.IGNORECASE
)
_WORD_RE = re.compile(r"[a-z]{3,30}")
_SMALL = frozenset(
    "the and for with that this from into your you are all any end its use using".split()
)


def _split_head(label: str) -> tuple[str, str]:
    """("Resolution: ", "the rest") of a title, ("", label) without a section head."""
    head = _HEAD_RE.match(label)
    return (head.group(0), label[head.end() :]) if head else ("", label)


def _plain(text: str) -> str:
    return " ".join(text.split()).rstrip(".:").casefold()


def _named(head: str, action: str) -> str:
    """The section head, then the action as a short title (capitalised)."""
    name = short_label(action, 70)
    return f"{head}{name[:1].upper()}{name[1:]}"


def note_titled(option: Option, is_action: Callable[[str], bool]) -> None:
    """Retitle an outcome titled by a note ("There is no way to ...") or by the cut purpose
    of its one step ("To see X, or Y") with the action its first step takes."""
    if option.kind not in _FIX_KINDS or not option.items or 0 in option.when:
        return
    head, body = _split_head(option.label)
    text = " ".join(step_text(option.items[0]).split())
    if _NOTE_RE.match(body):
        scene = _SCENE_RE.match(text)
        main = text[scene.end() :] if scene else text  # "In cases in which X, install Y"
        if main and is_action(main):
            option.label = _named(head, main)
        return
    cut = _plain(body)
    if _PURPOSE_RE.match(body) and not _ACTS_RE.search(body) and _plain(text).startswith(cut + ","):
        rest = text[len(cut) + 1 :].strip()  # the step's main clause, after the purpose
        if rest and is_action(rest):
            option.label = _named(head, rest)


def bare_lead(lead: str) -> bool:
    """An outcome text that only points at the steps ("To work around this problem,
    perform the following steps:"): it tells the admin nothing the steps do not."""
    return bool(_BARE_LEAD_RE.match(" ".join(lead.split())))


def _content(text: str) -> set[str]:
    return {w for w in _WORD_RE.findall(text.casefold()) if w not in _SMALL}


def summary_tick_dropped(option: Option) -> None:
    """Drop a first tick that only repeats the outcome's title ("Modify the Windows NT
    Registry.") when the next step does that change on the same thing; a caution under it
    goes on that step, read before it."""
    if option.kind not in _FIX_KINDS or option.when or option.also_from or len(option.items) < 2:
        return
    first, detail = split_detail(option.items[0])
    first = " ".join(first.split())
    _, body = _split_head(option.label)
    if _plain(first) != _plain(body) or not _SUMMARY_VERB_RE.match(first):
        return
    if len(first.split()) > 18 or _LITERAL_RE.search(first.rstrip(".")):
        return
    if detail.strip() and not _CAUTION_RE.match(detail.strip()):
        return  # an explanation of its own: kept as the article wrote it
    after, after_detail = split_detail(option.items[1])
    if _OWN_NEXT_RE.match(after.strip()):
        return  # "For example, ...", "If you want X, ...", "Do not ...": not its doing
    if any(name not in after.casefold() for name in _FILE_RE.findall(first.casefold())):
        return  # "Modify the CONFIG.FX file ..." before "Set MVARSIZ to X": where, kept
    shared = _content(first.split(" ", 1)[1]) & _content(after)
    registry = _REGISTRY_SUMMARY_RE.match(first) and _REGISTRY_OPEN_RE.search(after)
    if len(shared) < 2 and not registry:
        return  # one word alike ("mac" in "kubemacpool-mac-controller") is no same change
    joined = "\n\n".join(d for d in (detail.strip(), after_detail.strip()) if d)
    option.items[1] = with_detail(after, joined) if joined else after
    del option.items[0]


#: A detail's first paragraph that is a purpose lead: "To start the computer by using the
#: last known good configuration:".
_GOAL_LEAD_RE = re.compile(r"^to\s(?P<goal>[a-z][^\n:]{3,200}):$", re.IGNORECASE)


def restated_goal_dropped(option: Option) -> None:
    """Drop a tick whose words the next step's lead says again as its purpose ("Start the
    computer by using the last known good configuration." then "To start the computer by
    using the last known good configuration: Click Start > Shut Down."): the goal is the
    steps after it, not one more thing to do; the purpose lead stays under the first."""
    if option.kind not in _FIX_KINDS or option.when or option.also_from:
        return
    n = 0
    while n < len(option.items) - 1:
        text, detail = split_detail(option.items[n])
        after, after_detail = split_detail(option.items[n + 1])
        lead = _GOAL_LEAD_RE.match(after_detail.split("\n\n", 1)[0].strip())
        if lead and _plain(lead.group("goal")) == _plain(text):
            joined = "\n\n".join(d for d in (after_detail.strip(), detail.strip()) if d)
            option.items[n + 1] = with_detail(after, joined) if joined else after
            del option.items[n]
            continue
        n += 1


def noted_actions(option: Option) -> None:
    """A step's note that reports the fix that worked ("Disabling bus mastering on the client
    network card solved this problem.") also gets that action as a step after it
    ("Disable bus mastering on the client network card."): the note could not be ticked."""
    from kbassist.drafting.said_as import fixed_by_gerund

    if option.kind not in _FIX_KINDS or option.when:
        return
    have = {_plain(step_text(i)) for i in option.items}
    for n in range(len(option.items) - 1, -1, -1):
        detail = split_detail(option.items[n])[1]
        said = [
            act
            for para in detail.split("\n\n")[:4]
            if not para.lstrip().startswith(("- ", "$", "`"))
            for sentence in split_sentences(" ".join(para.split()))
            if (act := fixed_by_gerund(sentence)) and _plain(act) not in have
        ]
        if said:
            option.items[n + 1 : n + 1] = said[:1]
            have.add(_plain(said[0]))
