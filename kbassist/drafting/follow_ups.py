"""Follow-ups: "If the issue continues to occur, do Y" after a first fix (round 23, alts23).

An MS KB RESOLUTION often gives one fix and then what to do when it did not help: "To
resolve this issue, download the latest video driver ... If the issue continues to occur,
download and install the latest Voodoo Rush reference driver ...", "Configure the printer
to use the PCL driver ... If the issue continues to occur after you install the PCL
driver, change both of the timeout settings to 60 seconds". The draft offered the
follow-up as a fix of its own beside the first (a menu of parallel choices) or ticked it
unconditionally after the first fix (seed-66 readers, 66:03 and 66:18). Here the follow-up
becomes a fix of its own chained after the first: the walk asks "Still failing after fix
1?" (`method_chain.still_failing_nodes`), "no" leads to the first fix, "yes" to the
follow-up, whose "If the issue continues ..." clause the question now says. Other fixes
of the article (a MORE INFORMATION workaround) stay choices beside the chain.

Not taken: "..., proceed to the next method" (`method_chain` asks those), and a follow-up
that is only "contact Microsoft Product Support" (no fix to chain).
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING, Any

from kbassist.articles import Section
from kbassist.drafting.fallback_ticks import unordered
from kbassist.drafting.option_model import Option
from kbassist.drafting.text import short_label, split_detail, with_detail

if TYPE_CHECKING:
    from kbassist.drafting.text import Para

#: "If the issue continues to occur[ after you install X], ", "If the problem persists, ",
#: "If this does not resolve the problem, ", "If the error still occurs, ": a step for
#: when the fix before it did not help. Bounded runs only (linear on any input).
_STILL_RE = re.compile(
    r"^(?:\d{1,2}[.)]\s{1,4})?(?:if\s{1,4}(?:the\s{1,4}|this\s{1,4}|that\s{1,4}|your\s{1,4})?(?:issue|problem|"
    r"behaviou?r|error(?:\s{1,4}message)?|symptom|crash|hang)s?\s{1,4}(?:still\s{1,4}(?:occurs?|exists?|"
    r"happens?|appears?)|(?:still\s{1,4})?(?:continues?|persists?|recurs?|reoccurs?|remains?)|"
    r"is\s{1,4}(?:still\s{1,4})?not\s{1,4}(?:resolved|fixed|corrected)|"
    r"(?:does|do)(?:\s{1,4}not|n't)\s{1,4}(?:resolve|go\s{1,4}away|clear))(?:\s{1,4}to\s{1,4}occur)?|if\s{1,4}(?:this|that|these\s{1,4}steps|the\s{1,4}"
    r"above\s{1,4}steps|the\s{1,4}previous\s{1,4}steps|doing\s{1,4}so|it)\s{1,4}(?:does|do|did)\s{0,4}(?:not|n't)\s{1,4}"
    r"(?:resolve|fix|solve|correct|help|work)\b(?:\s{1,4}(?:the|this|your)\s{1,4}(?:issue|problem|"
    r"behaviou?r|error))?|if\s{1,4}you\s{1,4}(?:still|continue\s{1,4}to)\s{1,4}(?:receive|get|see|experience|"
    r"have|encounter)\s{1,4}(?:the|this|these|an?)\s{1,4}(?:same\s{1,4})?(?:error|problem|issue|message|"
    r"behaviou?r|symptom)s?)(?P<after>[^,.:;]{0,120}),\s{0,4}(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
#: "If the problem persists, continue to the next method": `method_chain`'s pointer.
_NEXT_RE = re.compile(r"\bnext\s+(?:method|procedure|section|step|workaround|resolution)\b", re.I)
#: "If the problem persists, contact Microsoft Product Support Services": no fix to chain.
_CONTACT_RE = re.compile(
    r"^(?:please\s+)?(?:contact|call|consult|get\s+in\s+touch)\b|^(?:you\s+(?:may|might|"
    r"should|can)\s+(?:need\s+to\s+)?)?contact\b",
    re.IGNORECASE,
)
#: "... to increase the graphics hardware acceleration to the original setting", "set it
#: back to its previous value": a follow-up that undoes the fix (its rollback).
_RESTORE_RE = re.compile(
    r"\b(?:back )?to (?:the|its|their|your) (?:original|previous|former|earlier) (?:\w+ )?"
    r"(?:setting|value|state|configuration|level)s?\b",
    re.IGNORECASE,
)
#: The chain's questions name their steps so: "Still failing after fix 1 (...)?".
NOUN = "fix"


def _follow_up(item: str) -> str:
    """A step's action once its "If the issue continues to occur, " clause is dropped
    ("Download and install the latest ..."), or "" when it is no follow-up to chain."""
    text, detail = split_detail(item)
    found = _STILL_RE.match(text.strip())
    if found is None:
        return ""
    rest = found.group("rest").strip()
    if _NEXT_RE.search(text) or _CONTACT_RE.match(rest) or len(rest) < 8:
        return ""
    return with_detail(rest[0].upper() + rest[1:], detail)


def _in_parts(text: str) -> bool:
    """Whether a section is in sub-headed parts ("Windows 98" over "----------": per
    version, per case), whose follow-ups belong to their own part, not to a chain."""
    lines = text.splitlines()
    return any(
        len(line.strip()) >= 3 and set(line.strip()) == {"-"} and lines[n - 1].strip()
        for n, line in enumerate(lines[1:], 1)
    )


def _chainable(option: Option) -> bool:
    if option.kind not in ("option", "workaround") or _in_parts(option.section.text):
        return False
    return not (option.chain or option.case or option.when or option.asks or option.wish)


def chain_follow_ups(options: list[Option]) -> list[Option]:
    """`options` with each follow-up a chained fix right after the fix it follows: a step
    of a fix that opens "If the issue continues to occur, ..." splits it there, and a fix
    of its own that opens so, after another fix of its section, follows that one."""
    out: list[Option] = []
    for option in options:
        if out and _joins_part(out[-1], option):
            _join(out[-1], option)
            continue
        if not _chainable(option) or not option.items:
            out.append(option)
            continue
        before = out[-1] if out else None
        first = _follow_up(option.items[0])
        if (
            first
            and before is not None
            and before.section is option.section
            and (_chainable(before) or before.follows is not None)
        ):
            option.items = [first, *option.items[1:]]
            option.label = short_label(first, 90)
            option.chain = before.chain = True
            option.follows = before
            before.label = unordered(before.label)  # "First, do X": the chain says the order
            out.append(option)
            continue
        at = next((n for n, i in enumerate(option.items[1:], 1) if _follow_up(i)), 0)
        if not at:
            out.append(option)
            continue
        later = _follow_up(option.items[at])
        if at == len(option.items) - 1 and _RESTORE_RE.search(split_detail(later)[0]):
            # "If the issue continues to occur, repeat these steps to increase the
            # acceleration to the original setting": the fix undone, no fix to chain
            option.items = option.items[:at]
            option.undo.append(later)
            out.append(option)
            continue
        follow = Option(
            option.section,
            short_label(later, 90),
            "",
            [later, *option.items[at + 1 :]],
            kind=option.kind,
        )
        follow.checks = list(option.checks)
        follow.also_from = option.also_from
        option.items = option.items[:at]
        option.label = unordered(option.label)
        option.chain = follow.chain = True
        follow.follows = option
        out.extend([option, follow])
    return out


def _plain(option: Option) -> bool:
    """A fix with no question of its own about it (no case, wish or per-step case)."""
    return option.kind in ("option", "workaround") and not (
        option.chain or option.case or option.when or option.asks or option.wish
    )


def _joins_part(before: Option, option: Option) -> bool:
    """Whether `option` is a follow-up ("If the issue continues to occur, download ...")
    in a sub-headed section that goes on the fix `before` of its own part: both of the
    same part ("Hercules Stingray 128/3D"), or `option` opening a part whose heading names
    an action ("Install the Latest Version of DirectX") right after the section's lead fix.
    A follow-up of another part ("3Dfx Voodoo Banshee") is never joined across parts."""
    if (
        option.part is None
        or before.part is None
        or before.section is not option.section
        or not option.items
        or not before.items
        or not (_plain(option) and _plain(before))
        or before.follows is not None
        or option.also_from is not before.also_from
        or not _in_parts(option.section.text)
        or not _follow_up(option.items[0])
    ):
        return False
    if option.part == before.part:
        return bool(option.part)
    from kbassist.drafting.name_lists import imperative

    # "Install the Latest Version of Microsoft DirectX" over "If the issue continues ...":
    # the lead's fix, then this part for when it did not help
    return before.part == "" and imperative(option.part) and len(before.items) >= 2


def _join(before: Option, option: Option) -> None:
    """`option`'s steps after `before`'s: its "If the issue continues to occur, ..." step
    gets its checkpoint once the steps are ticks (`fallback_ticks.fallback_steps`)."""
    if len(before.items) == 1 and before.part:
        before.items = [_case_said(before.items[0], before.part)]
    before.items = [*before.items, *option.items]
    before.checks = before.checks or option.checks
    before.label = unordered(before.label)


#: "If you are unable to print from the program, contact ...": a step's case clause.
_IF_CLAUSE_RE = re.compile(
    r"^if\s(?P<cond>[^,;:]{3,150}),\s{1,4}(?P<rest>[a-z].*)$", re.I | re.DOTALL
)


def _case_said(item: str, part: str) -> str:
    """A part's one step without the case clause its sub-heading already says ("You Are
    Unable to Print" over "If you are unable to print from the program, contact ..." ->
    "Contact ..."): with the follow-up after it, the clause would be asked again."""
    text, detail = split_detail(item)
    found = _IF_CLAUSE_RE.match(text.strip())
    if found is None:
        return item
    said = set(re.findall(r"[a-z]{3,}", found.group("cond").casefold()))
    heads = set(re.findall(r"[a-z]{3,}", part.casefold()))
    if not heads or not heads <= said:
        return item
    rest = found.group("rest")
    return with_detail(rest[0].upper() + rest[1:], detail)


def chain_groups(rest: list[Option]) -> list[list[Option]]:
    """The runs of `rest` a fix and its follow-ups make (two or more fixes each)."""
    groups: list[list[Option]] = []
    for option in rest:
        follows = option.follows
        if follows is not None and groups and groups[-1][-1] is follows:
            groups[-1].append(option)
        elif follows is not None and any(o is follows for o in rest):
            groups.append([follows, option])
    return groups


def menu_options(rest: list[Option], groups: list[list[Option]]) -> list[Option]:
    """The fixes offered as choices: `rest` less the follow-ups of its chains."""
    later = {id(o) for group in groups for o in group[1:]}
    return [o for o in rest if id(o) not in later]


def menu_with_chains(
    question: dict[str, Any], rest: list[Option], groups: list[list[Option]], entries: list[str]
) -> list[dict[str, Any]]:
    """The fix question with each chain of follow-ups one choice: the first fix's choice
    leads to "Still failing after fix 1?", the follow-ups are no choices of their own.
    Returns the chain questions to add after it."""
    from kbassist.drafting.method_chain import still_failing_nodes

    entry = {id(o): e for o, e in zip(rest, entries, strict=True)}
    later = {id(o) for group in groups for o in group[1:]}
    starts: dict[str, str] = {}
    nodes: list[dict[str, Any]] = []
    for group in groups:
        head: dict[str, Any] = {"id": f"still_{group[0].id}", "source": question.get("source")}
        chain = still_failing_nodes(head, group, [entry[id(o)] for o in group], NOUN)
        starts[entry[id(group[0])]] = chain[0]["id"]
        nodes.extend(chain)
    question["choices"] = [
        {**c, "next": starts.get(c["next"], c["next"])}
        for c, o in zip(question["choices"], rest, strict=True)
        if id(o) not in later
    ]
    return nodes


#: "Instead, you can delete the registry key ...", "Alternatively, you can run ...",
#: "Alternatively, delete ...": a sentence that opens another way to the same end. Only at
#: a sentence start (after ". "), the verb after it checked apart.
_OTHER_WAY_RE = re.compile(
    r"(?<=[.!?])\s+(?:instead|alternatively|or)\s*,\s+(?P<rest>\S)",
    re.IGNORECASE,
)
#: "you can delete", "you may also run": the other way said to the reader.
_YOU_CAN_RE = re.compile(r"^you\s+(?:can|could|may|might)\s+(?:also\s+)?(?P<verb>[a-z]+)\b", re.I)


def _other_way(text: str) -> int:
    """Where in a fix's first step a second way to do it begins ("Instead, you can
    delete ..."), or -1 when none does."""
    if "nstead," not in text and "lternatively," not in text and "Or," not in text:
        return -1  # cheap guard
    from kbassist.drafting.name_lists import imperative

    for found in _OTHER_WAY_RE.finditer(text):
        before = text[max(0, found.start() - 300) : found.start()]
        said_before = before.rsplit(". ", 1)[-1]
        if found.group(0).strip()[:1] in "iI" and _NOT_RE.search(said_before):
            continue  # "Do not use the .exe extension. Instead, use ...": one way, said so
        rest = text[found.start("rest") :]
        said = _YOU_CAN_RE.match(rest)
        if said is not None:
            if said.group("verb").casefold() not in _NO_ACTION:
                return found.start() + 1
        elif imperative(rest):
            return found.start() + 1
    return -1


#: "Do not save as Word 6.0. Instead, save as ...": the "instead" replaces what is
#: forbidden, it offers no second way.
_NOT_RE = re.compile(r"\b(?:not|never|avoid|cannot|rather than)\b|n't\b", re.IGNORECASE)
#: "you can be sure", "you can see", "you may not ...": no action follows.
_NO_ACTION = frozenset("be see not expect get find notice also still only".split())


def other_ways(options: list[Option]) -> list[Option]:
    """`options` with a fix whose first step says a second way to reach the same end
    ("Clear the Use Printer Offline setting. ... Instead, you can delete the registry key
    ...") made two fixes, the second named by its own action: both were one tick, so the
    walk had the admin do both (seed-66 readers, 66:34)."""
    out: list[Option] = []
    for option in options:
        if not option.items or option.kind not in ("option", "workaround") or option.chain:
            out.append(option)
            continue
        text, detail = split_detail(option.items[0])
        at = _other_way(text) if not detail else -1
        if at < 20:  # none, or nothing before it
            out.append(option)
            continue
        first, second = text[:at].strip(), text[at:].strip()
        opened = _OTHER_WAY_RE.search(f". {second}")
        second = f". {second}"[opened.start("rest") :] if opened else second
        said = _YOU_CAN_RE.match(second)
        if said is not None:  # "you can delete the key": "Delete the key"
            second = second[said.start("verb") :]
        second = second[0].upper() + second[1:]
        if option.label.casefold() == option.section.name.casefold():  # "Resolution"
            option.label = short_label(first, 90)  # each way named by its own action
        later = option.items[1:]  # the steps after the first: both ways go on with them
        option.items = [first, *later]
        other = Option(option.section, short_label(second, 90), "", [second, *later])
        other.kind, other.checks = option.kind, list(option.checks)
        out.extend([option, other])
    return out


#: "If the HP PCL printer driver is not installed on your computer, download and install
#: ...", "If you do not have the latest driver, download it from ...": a step that gets
#: what an earlier step uses.
_GET_IF_MISSING_RE = re.compile(
    r"^if\s{1,4}(?:(?P<what>[^,]{3,120}?)\s{1,4}(?:is|are)\s{1,4}not\s{1,4}(?:already\s{1,4}|yet\s{1,4})?installed|"
    r"you\s{1,4}(?:do\s{1,4}not|don't)\s{1,4}(?:already\s{1,4})?have\s{1,4}(?P<had>[^,]{3,120}?))\b[^,]{0,80},"
    r"\s*(?:then\s{1,4})?(?:download|install|obtain|get)\b",
    re.IGNORECASE,
)
#: Words shared with the step before before the missing thing is what that step uses.
_MIN_SHARED = 2


def missing_first(options: list[Option]) -> None:
    """In each fix, "If the PCL driver is not installed, download and install it" goes
    before the step before it that uses that driver ("Configure the printer to use the
    PCL driver"): the admin cannot configure what is not there yet (seed-66 readers,
    66:18)."""
    from kbassist.drafting.causes import _words

    for option in options:
        items = option.items
        for k in range(1, len(items)):
            found = _GET_IF_MISSING_RE.match(split_detail(items[k])[0].strip())
            if found is None:
                continue
            what = _words(found.group("what") or found.group("had") or "")
            used = _words(split_detail(items[k - 1])[0])
            if len(what & used) >= _MIN_SHARED and not _GET_IF_MISSING_RE.match(items[k - 1]):
                items[k - 1], items[k] = items[k], items[k - 1]


#: "1. The Prefs cache file will be created ..." at the left margin: a RESOLUTION's part.
_TOP_RE = re.compile(r"^(\d{1,2})\.\s+\S", re.MULTILINE)
#: "  a. Launch the Mail client.": a part's own sub-step, indented under it.
_SUB_RE = re.compile(r"^[ \t]+[a-z]\.\s+\S", re.MULTILINE)
#: Characters of a step's start looked up in its section to find its part.
_PROBE = 40


def _flat(text: str) -> str:
    return " ".join(text.split()).casefold()


def cause_parts(causes: list[str], options: list[Option]) -> list[Option]:
    """`options` with a fix made of one numbered part per listed cause split in those
    parts: a CAUSE that lists four causes over a RESOLUTION "1. ... a. b. c. 2. ... a. b.
    ... 4. ..." gives each cause its own steps (each part one fix, named by its own
    text); the "Which cause applies?" question then leads each cause to its part. Ticked
    as one checklist, every cause's procedure ran in a row (seed-66 readers, 66:12)."""
    if len(causes) < 2:
        return options
    out: list[Option] = []
    for option in options:
        parts = _parts(option, len(causes)) if option.kind == "option" else None
        for part, cause in zip(parts or [], causes if parts else [], strict=True):
            part.label, part.kind = short_label(cause, 90), "cause"  # asked by its cause
        out.extend(parts or [option])
    return out


def _parts(option: Option, count: int) -> list[Option] | None:
    """The option split at its section's numbered parts, or None when the section has not
    `count` of them, two with sub-steps, or a part owns no step."""
    text = option.section.text
    tops = [m for m in _TOP_RE.finditer(text)]
    if len(tops) != count or [int(m.group(1)) for m in tops] != list(range(1, count + 1)):
        return None
    ends = [m.start() for m in tops[1:]] + [len(text)]
    if (
        sum(bool(_SUB_RE.search(text, m.start(), end)) for m, end in zip(tops, ends, strict=True))
        < 2
    ):
        return None
    flat = _flat(text)
    starts = [len(_flat(text[: m.start()])) for m in tops]
    owners: list[int] = []
    cursor, owner = 0, -1
    for item in option.items:
        probe = _flat(split_detail(item)[0])[:_PROBE]
        at = flat.find(probe, cursor) if probe else -1
        if at >= 0:
            cursor = at + 1
            owner = max((n for n, s in enumerate(starts) if s <= at), default=-1)
        owners.append(owner)
    if -1 in owners or len(set(owners)) != count:
        return None
    out: list[Option] = []
    for n, (top, end) in enumerate(zip(tops, ends, strict=True)):
        own = text[top.end() - 1 : end].split("\n\n", 1)[0]
        lead = " ".join(own.split())
        items = [i for i, o in zip(option.items, owners, strict=True) if o == n]
        if len(items) > 1 and _flat(items[0]) == _flat(lead):
            items = items[1:]  # the part's own lead, shown as the outcome's text
        part = Option(option.section, short_label(lead, 90), lead, items, kind=option.kind)
        part.checks = [
            c for c in option.checks if _flat(c)[:_PROBE] in _flat(text[top.start() : end])
        ]
        part.also_from = option.also_from
        out.append(part)
    return out


def listed_causes(section: Section) -> list[str]:
    """The causes an MS KB CAUSE lists under "The following are possible causes of the
    above error:" as "1. ..." / "- ..." items, each as one line; [] when fewer than two."""
    from kbassist.drafting.cause_list import _LEAD_RE
    from kbassist.drafting.text import clean, paragraphs, strip_marker

    paras = paragraphs(section.text)
    for n, para in enumerate(paras):
        said = clean(" ".join(para.lines))
        if para.marker or not said.endswith(":") or not _LEAD_RE.search(said):
            continue
        causes: list[str] = []
        for item in paras[n + 1 :]:
            if not item.marker or item.indent > para.indent:
                break
            causes.append(strip_marker(clean(" ".join(item.lines))))
        return causes if len(causes) >= 2 else []
    return []


#: Words two procedure headings may share and still be steps in a row ("To create the
#: table, follow these steps:" / "To create the form, follow these steps:").
_HEAD_FILLER = frozenset(
    "follow steps step these this the do to use using method procedure create creat add "
    "following perform complete".split()
)
#: Shared key words before two headed procedures are two ways to one end.
_MIN_HEAD_SHARED = 2


#: "If the program still hangs:", "When you use NTFS:", "After you restart:": a heading
#: for a case or a later stage.
_CASE_HEAD_RE = re.compile(r"^(?:if|when|after|before|once|unless|for)\b", re.IGNORECASE)


def headed_ways(paras: list[Para]) -> tuple[list[Para], list[list[Para]]] | None:
    """(lead, ways) when a section gives two or more procedures, each under its own
    heading line ("Building a private function in a Form module to call the procedure
    programmatically:" / "Build a Data Environment method that calls the procedure
    programmatically:") whose numbering starts again at 1, and the headings share what
    they do ("call the procedure programmatically"): ways to one end, not steps in a row.
    The draft ran both, pasting two handlers into one form (seed-66 readers, 66:08)."""
    from kbassist.drafting.causes import _words

    heads = [
        n
        for n, para in enumerate(paras[:-1])
        if para.indent == 0
        and not para.marker
        and para.text.rstrip().endswith(":")
        and paras[n + 1].numbered
        and paras[n + 1].head.startswith("1")
    ]
    if any(p.heading for p in paras):
        return None  # "Reducing Real-Mode Caching" over "-----": the parts are headed already
    if len(heads) < 2 or any(p.numbered for p in paras[: heads[0]]):
        return None  # steps before the first heading: the headings are later stages
    if any(_CASE_HEAD_RE.match(paras[n].head) for n in heads):
        return None  # "If the program still hangs:": a case or a follow-up, not a way
    from kbassist.drafting.procedure_stages import stages
    from kbassist.drafting.text import clean

    if stages([clean(paras[n].text) for n in heads]):
        return None  # "To resolve this issue, remove X. ..." / "Add Y. ...": one fix in stages
    said = [_words(paras[n].text) - _HEAD_FILLER for n in heads]
    if any(len(a & b) < _MIN_HEAD_SHARED for a, b in itertools.pairwise(said)):
        return None
    numbers = [frozenset(re.findall(r"\d[\w.]{0,20}", paras[n].text)) for n in heads]
    if len(set(numbers)) > 1:
        return None  # "... in Windows 98:" / "... in Windows 95:": one per version
    ends = [*heads[1:], len(paras)]
    return paras[: heads[0]], [paras[s:e] for s, e in zip(heads, ends, strict=True)]
