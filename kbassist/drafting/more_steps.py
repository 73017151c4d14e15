"""A fix whose procedure is in MORE INFORMATION: its steps, not its one-line summary
(issue 13, archive; round 13).

Many MS KB articles say in RESOLUTION or WORKAROUND what to do in one sentence ("move the
paging file from the drive that you are trying to remove to another drive, and then
restart the computer"; "you have to use the Interix version of rshd daemon instead of the
Windows Remote Shell service"; "follow the procedure outlined below") and give the
numbered procedure that does it under MORE INFORMATION, sometimes under a lead naming the
action ("To configure the Interix version of rshd under SFU 3.0:"), sometimes bare. The
draft ticked the summary and dropped the procedure. Here the procedure becomes the fix's
checklist: its steps in order, cited from MORE INFORMATION, the summary's other actions
kept around them (a restart the procedure already does is not said twice), an
explanation-only summary shown as the outcome's text.

When MORE INFORMATION instead gives the ways to do one action of the summary ("There are
two ways to remove the conflicting monitor:"), each way becomes the fix with the
summary's other actions before and after it ("Stop the spooler", the way's steps,
"Restart spooler"), and the summary, which only sums those ways up, is no option of its
own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from kbassist.articles import Article, Section
from kbassist.drafting.more_leads import said_goal
from kbassist.drafting.option_model import Option
from kbassist.drafting.options import (
    _GET_UPDATE_RE,
    MORE_KEYS,
    RESOLUTION_KEYS,
    WORKAROUND_KEYS,
    _is_action,
    _procedure,
    split_actions,
)
from kbassist.drafting.text import (
    Para,
    clean,
    paragraphs,
    split_detail,
    split_sentences,
    step_text,
    with_detail,
)

#: A numbered step 1 ("1. In Control Panel, ...", "1) Start ...").
_FIRST_RE = re.compile(r"^1[.)]\s")
#: "To configure the Interix version of rshd under SFU 3.0:", "How to move the paging
#: file", "To correct this problem, follow these steps:": what the procedure does.
_LEAD_RE = re.compile(
    r"^(?:to|how to) (?P<goal>[a-z][^:]{3,160}?)\s*(?::|,\s*(?:follow|use|do|perform|complete)"
    r" (?:these|the)(?: following)?(?: \w+)? ?(?:steps|procedure|instructions|method)?\b"
    r"[^.:]{0,40}[.:]|\.)?\s*$",
    re.IGNORECASE,
)
_NOTE_RE = re.compile(r"^(?:note|notes|caution|warning|important)\b\s*[:.-]", re.IGNORECASE)
#: A goal that fixes: "To work around this problem", "To correct this behavior".
_FIX_GOAL_RE = re.compile(
    r"^(?:work ?around|avoid|prevent|resolve|correct|fix|solve|remedy|circumvent)\b", re.I
)
#: A procedure that shows or checks the problem, never the fix: "To reproduce this
#: problem", "To determine whether a computer has this problem", "To view the order".
_NOT_FIX_RE = re.compile(
    r"^(?:try to |help )?(?:reproduce|re-?create|duplicate|demonstrate|see|view|display|"
    r"determine|verify|check|confirm|find|tell|test|observe|illustrate|identify|locate|learn"
    r"|look up|obtain)\b|\b(?:reproduce|demonstrate)\b"
    r"|^use \S+(?: \S+)? to (?:check|determine|find|see|view|verify|display|identify)\b",
    re.IGNORECASE,
)
#: "Steps to Reproduce Behavior", "To reproduce the problem, ...": the problem shown.
_REPRO_RE = re.compile(
    r"^(?:steps to (?:reproduce|re-?create|duplicate|demonstrate)|to (?:reproduce|re-?create|"
    r"duplicate|demonstrate|see) (?:the|this)\b|reproduc\w* (?:the )?(?:problem|behaviou?r|"
    r"bug|issue|error))",
    re.IGNORECASE,
)
#: "You can follow the steps below to reproduce the behavior.": a lead over steps that
#: show the problem, however many sub-headings ("Steps to Create the Client") follow it.
_REPRO_SAID_RE = re.compile(
    r"\b(?:steps|procedure)\b[^.:]{0,40}\bto (?:reproduce|re-?create|duplicate|demonstrate)"
    r" (?:the|this)\b",
    re.IGNORECASE,
)
#: "... or follow the procedure outlined below", "use one of the techniques described in
#: the More Information section": the procedure is one of several ways.
_OR_POINTER_RE = re.compile(
    r"\bor (?:you can )?(?:follow|use|perform|complete|see)\b|\bone of the\b", re.IGNORECASE
)
#: A last step that shows the problem ("Note that the error occurs", "You receive the
#: following error message"): the list reproduces it, it does not fix it.
_SHOWS_RE = re.compile(
    r"\b(?:note|notice) that\b|\byou (?:will |may )?(?:receive|get|see)\b|\b(?:error|problem|"
    r"behaviou?r|message) (?:occurs|appears|is displayed)\b",
    re.IGNORECASE,
)
#: "To install the hotfix": how to install an update, read with the update's own steps.
_UPDATE_GOAL_RE = re.compile(r"\b(?:hot ?fix|fix|patch|update|service pack)\b", re.IGNORECASE)
#: "1. Create a new Visual Basic Standard EXE project.": a sample built to show the
#: problem (an unheaded list of steps to reproduce it), not the fix.
_SAMPLE_RE = re.compile(r"^1[.)]\s+(?:create|start|open|build) (?:a|an) new\b", re.IGNORECASE)
#: A fix that says its procedure follows: "see the More Information section", "follow
#: the procedure outlined below", "use the following steps" (with no steps of its own).
_POINTS_ON_RE = re.compile(
    r"\bmore information\b[^.]{0,30}\bsection\b|\b(?:procedure|steps|instructions)\b[^.]{0,20}"
    r"\b(?:outlined|described|listed|given|shown|detailed)\s+below\b|\bas (?:described|"
    r"outlined|explained) below\b|\b(?:use|follow|perform|complete) (?:the following|these) "
    r"steps\b|\bto do (?:this|so), follow these steps\b",
    re.IGNORECASE,
)
#: "There are two ways to remove the conflicting monitor:", "You can remove the monitor in
#: one of two ways:": the ways to do one action of the fix.
_WAYS_RE = re.compile(
    r"\b(?:there are|you have|use one of(?: the)?|in one of(?: the)?) (?:two|three|four|several"
    r"|\d) (?:different |possible )?(?:ways|methods|options)\s+(?:to|of|for)\s+"
    r"(?P<goal>[a-z][^:.]{3,120}?)\s*[:.]\s*$",
    re.IGNORECASE,
)
_STOP = frozenset(
    """a an the this that these those to of in on for from with by at as and or is are be it
    its you your can will may must should have has do does then into onto under over than
    which what when where how if not no so all any each other another following use using
    problem issue behavior error computer one two""".split()
)


def _words(text: str) -> set[str]:
    """The content words of a text, lower case, a plural's "s" dropped."""
    out = set()
    for word in re.findall(r"[a-z0-9][a-z0-9.+-]*[a-z0-9]|[a-z0-9]", text.casefold()):
        if word in _STOP or len(word) < 3:
            continue
        out.add(word[:-1] if word.endswith("s") and len(word) > 4 else word)
    return out


def _share(goal: str, text: str) -> float:
    """How much of `goal`'s content is in `text` (0..1)."""
    mine = _words(goal)
    return len(mine & _words(text)) / len(mine) if mine else 0.0


def _procedures(section: Section, scene: frozenset[str]) -> list[tuple[str, list[Para], bool]]:
    """See `_read_procedures`; read once per section text (three readers ask)."""
    return _read_procedures(section.text, scene)


@lru_cache(maxsize=32)
def _read_procedures(text: str, scene: frozenset[str]) -> list[tuple[str, list[Para], bool]]:
    """(lead, paragraphs, bare) of each numbered procedure in `section`: the lead-in
    sentence right before step 1 ("" when the section opens with step 1: `bare`), and
    the steps with what is indented under them, up to the first paragraph back at the
    lead's level or a sub-heading. A lead whose goal the title and SYMPTOMS (`scene`:
    their stems, and "^edit" for the title's "Editing") already say, its verb in the
    title ("To edit the path to your Web browser" under "Editing Web Browser Path Creates
    Duplicate Entry"), tells what leads to the problem: it counts as none."""
    paras = paragraphs(text)
    found: list[tuple[str, list[Para], bool]] = []
    n = 0
    while n < len(paras):
        para = paras[n]
        if not _FIRST_RE.match(para.head) or para.heading:
            n += 1
            continue
        # a NOTE or CAUTION between the heading or lead and step 1 is no lead
        before = [p for p in paras[:n] if not p.separator and not _NOTE_RE.match(p.head)]
        if any(
            _REPRO_RE.search(clean(p.text)) or _REPRO_SAID_RE.search(clean(p.text))
            for p in before
            if not p.indent > para.indent
        ):
            break  # "Steps to Reproduce Behavior" and all after it show the problem
        lead_para = before[-1] if before else None
        bare = lead_para is None
        lead = (
            ""
            if lead_para is None
            else clean(lead_para.lines[0] if lead_para.heading else lead_para.text)
        )
        steps = [para]
        m = n + 1
        while m < len(paras):
            later = paras[m]
            if later.heading or (not later.numbered and later.indent <= para.indent - 1):
                break
            if not later.numbered and later.indent <= para.indent and not later.marker:
                if (
                    m + 1 < len(paras)
                    and paras[m + 1].numbered
                    and not _FIRST_RE.match(paras[m + 1].head)
                ):
                    steps.append(later)  # a step's wrapped remark at the list's margin
                    m += 1
                    continue
                break
            steps.append(later)
            m += 1
        goal = _fix_goal(lead)
        verb = goal.split()[0][:4].casefold() if goal else ""
        if (
            goal
            and goal != "fix"
            and f"^{verb}" in scene
            and len(_stems(goal) & scene) >= 0.75 * len(_stems(goal))
        ):
            lead = ""  # "To edit the path to your Web browser": what leads to the problem
        found.append((lead, steps, bare))
        n = m
    return found


def _fix_goal(lead: str) -> str:
    """What a procedure's lead says it does ("configure the Interix version of rshd"),
    "fix" for "To resolve this problem:", "" when the lead names no goal."""
    last = re.split(r"(?<=[.!?])\s+", lead)[-1] if lead else ""
    match = _LEAD_RE.match(last)
    said = match.group("goal") if match else said_goal(last)  # "Use these steps to X:"
    if not said:
        return ""
    # "To convert X to Y complete the following steps:": X to Y, with or without a comma
    goal = re.split(
        r",\s*(?:follow|use|do|perform|complete)\b|\s(?:follow|use|do|perform|complete)"
        r" (?:the following|these)\b",
        said,
    )[0]
    if _NOT_FIX_RE.search(goal) or _UPDATE_GOAL_RE.search(goal):
        return ""
    return "fix" if _FIX_GOAL_RE.match(goal) else goal


def _after_steps(lead: str) -> bool:
    """The lead names its goal after "Use the following steps to" or "Steps to", not as
    "To X:" (a sub-heading of one case of several: it must share a word with the fix)."""
    last = re.split(r"(?<=[.!?])\s+", lead)[-1] if lead else ""
    return _LEAD_RE.match(last) is None


def _fix_text(option: Option) -> str:
    return " ".join([option.lead, *(step_text(i) for i in option.items)])


def _has_steps(section: Section) -> bool:
    return bool(_STEP_ONE_RE.search(section.text)) and any(
        _FIRST_RE.match(p.head) for p in paragraphs(section.text)
    )


def _statement_only(option: Option) -> bool:
    return not any(_is_action(step_text(i)) for i in option.items)


def _spelled_out(
    fix: Option, more: Section, points_on: bool, alone: bool, scene: frozenset[str]
) -> tuple[list[Para], int | None, str] | None:
    """The MORE INFORMATION procedure that carries `fix` out, the index of the fix's item
    it spells out (None: it replaces every item, the fix only explains) and the goal its
    lead names ("" if none), or None.
    Of several procedures the one whose goal says most of the fix is taken."""
    text = _fix_text(fix)
    actions = [step_text(i) for i in fix.items]
    explains = _statement_only(fix)
    if explains and any(split_detail(i)[1].strip() for i in fix.items):
        return None  # "The following SHELL= line ...": the fix's own lines are its steps
    if explains and re.search(r"\beither\b", text, re.IGNORECASE):
        return None  # "either shorten the scripts or disable X": the procedure is one way
    pointer = next((n for n, a in enumerate(actions) if _POINTS_ON_RE.search(a)), None)
    if pointer is not None and _OR_POINTER_RE.search(actions[pointer]):
        return None  # "delete files, or follow the procedure outlined below": two ways
    best: tuple[float, list[Para], int | None, str] | None = None
    named = 0  # procedures whose goal names the fix: two are ways to choose between
    for lead, steps, bare in _procedures(more, scene):
        goal = _fix_goal(lead)
        body = " ".join(p.text for p in steps)
        found: tuple[float, list[Para], int | None, str] | None = None
        if goal and goal != "fix":
            shared = len(_words(goal) & _words(text))
            share = _share(goal, text) if shared >= 2 else _stem_share(goal, text)
            if share >= 0.5:  # "To apply the Softpaq" for "corrected by applying ..."
                named += 1
                at = _best(actions, f"{goal} {body}")
                found = (share, steps, at if at is not None else pointer, goal)
            elif points_on and (_words(goal) & _words(text) or not _after_steps(lead)):
                found = (0.1, steps, pointer, goal)  # "Steps to X" shares a word with it
        elif goal == "fix" and (points_on or explains):
            found = (0.2, steps, pointer, "")
        elif bare and not _SHOWS_RE.search(steps[-1].text) and not _SAMPLE_RE.match(body):
            at = _best(actions, body) if alone and len(fix.items) <= 3 else None
            if at is not None and _share(actions[at], body) >= 0.5:
                found = (_share(actions[at], body), steps, at, "")  # does what the step says
            elif points_on:
                found = (0.1, steps, pointer, "")
        if found is None or (not explains and found[2] is None):
            continue  # nothing of the fix it carries out
        if explains:
            found = (found[0], found[1], None, found[3])
        if best is None or found[0] > best[0]:
            best = found
    if best is None or named > 1:
        return None  # "To change a desktop shortcut" / "... a menu shortcut": not one fix
    return best[1], best[2], best[3]


def _best(actions: Sequence[str], text: str) -> int | None:
    """The action (index) whose content is most in `text`."""
    words = _words(text)
    scored = [
        (_share(a, text), n)
        for n, a in enumerate(actions)
        if _is_action(a) and len(_words(a) & words) >= 2
    ]
    if not scored:
        return None
    share, n = max(scored)
    return n if share > 0 else None


def _said_in(item: str, steps: list[str]) -> bool:
    """A fix's step a procedure step already does ("Restart the computer." beside "9.
    Disconnect the extra drive or drives, and then restart the computer.")."""
    mine = _words(step_text(item))
    return bool(mine) and any(mine <= _words(step_text(s)) for s in steps)


#: "Microsoft Windows NT 4.0: In Control Panel, ...": one product's way to do a step.
_PRODUCT_ITEM_RE = re.compile(
    r"^(?P<label>[A-Z][\w .,/()+-]{2,80}?(?:windows|nt|ms-dos|server|xp|macintosh|\d)[\w .)]*)"
    r":\s+(?P<rest>[A-Z].+)$",
    re.IGNORECASE | re.DOTALL,
)
#: "To do this, do one of the following:": the step's ways follow, one per case.
_ONE_OF_RE = re.compile(r"\b(?:one|either) of the following\s*:?\s*$", re.IGNORECASE)


def _per_product(items: list[str]) -> list[str]:
    """A step's "do one of the following:" ways written per product ("Microsoft Windows
    NT 4.0: In Control Panel, ...", "Microsoft Windows 2000 or Microsoft Windows XP:
    ...") said as the cases they are ("If you use Microsoft Windows NT 4.0, in Control
    Panel, ..."), so the walk asks which applies instead of ticking both."""
    out = list(items)
    for n, item in enumerate(items):
        if not _ONE_OF_RE.search(" ".join(p for p in split_detail(item) if p).strip()):
            continue
        m = n + 1
        while m < len(items) and (found := _PRODUCT_ITEM_RE.match(step_text(items[m]))):
            detail = split_detail(items[m])[1]
            rest = found.group("rest")
            said = f"If you use {found.group('label')}, {rest[0].lower()}{rest[1:]}"
            out[m] = with_detail(said, detail) if detail.strip() else said
            m += 1
        if m - n < 3:
            out[n + 1 : m] = items[n + 1 : m]  # one product alone is no choice
    return out


def _carry_out(
    fix: Option, more: Section, alone: bool, scene: frozenset[str]
) -> tuple[list[str], str] | None:
    """`fix`'s checklist with its MORE INFORMATION procedure in it, and the procedure's
    text; None if MORE INFORMATION has no procedure for it."""
    points_on = bool(_POINTS_ON_RE.search(fix.section.text))
    if any(_GET_UPDATE_RE.search(step_text(i)) for i in fix.items):
        return None  # a service pack or hotfix: MORE INFORMATION's steps are another case
    found = _spelled_out(fix, more, points_on, alone, scene)
    if found is None:
        return None
    steps, at, goal = found
    _, items = _procedure(steps)
    items = _per_product(items)
    if len(items) < 2:
        return None
    prefix, _, named = fix.label.rpartition(": ")
    if goal and _POINTS_ON_RE.search(named):  # "Follow the procedure outlined below"
        fix.label = f"{prefix}: " * bool(prefix) + goal[0].upper() + goal[1:]
    said = clean(" ".join(p.text for p in steps))
    if at is None:  # the fix only explains: that is the outcome's text
        fix.lead = fix.lead or " ".join(step_text(i) for i in fix.items)
        return items, said
    done = " ".join(step_text(i) for i in items)
    # a step that says more than the procedure does is kept, the procedure after it
    pointer = _POINTS_ON_RE.search(step_text(fix.items[at]))
    kept = at + 1 if not pointer and _share(step_text(fix.items[at]), done) < 0.6 else at
    before = [i for i in fix.items[:kept] if not _said_in(i, items)]
    after = [i for i in fix.items[at + 1 :] if not _said_in(i, items)]
    return [*before, *items, *after], said


#: A numbered step 1 anywhere in a section's text, and a "two ways to" lead: the cheap
#: test before any paragraph is read.
_STEP_ONE_RE = re.compile(r"^[ \t]*1[.)][ \t]", re.MULTILINE)
_WAYS_HINT_RE = re.compile(r"\b(?:ways|methods|options)\s+(?:to|of|for)\b", re.IGNORECASE)
#: "Stop the spooler, remove the monitor and restart spooler": the joints of a list of
#: actions in one sentence.
_JOINT_RE = re.compile(r",\s+(?:and\s+)?(?:then\s+)?|\s+and\s+(?:then\s+)?")


def _actions(text: str) -> list[str]:
    """The actions of one summary sentence, one each: the drafter's own split, else a
    plain list ("stop X, remove Y and restart X") when every part is an action."""
    found = split_actions(text)
    if len(found) > 1:
        return found
    parts = [p.strip() for p in _JOINT_RE.split(text.strip().rstrip("."))]
    if len(parts) < 2 or not all(_is_action(p) for p in parts):
        return found
    return [f"{p[0].upper()}{p[1:]}." for p in parts]


def _ways_around(fix: Option, ways: list[Option], goal: str) -> list[Option] | None:
    """Each of MORE INFORMATION's ways to do one action of `fix` ("remove the conflicting
    monitor"), with the fix's other actions before and after it; None if no action of the
    fix is the ways' goal."""
    if len(fix.items) != 1:
        return None
    actions = _actions(step_text(fix.items[0]))
    if len(actions) < 2:
        return None
    scored = [(_share(goal, a), n) for n, a in enumerate(actions)]
    share, at = max(scored)
    if share < 0.6:
        return None
    for way in ways:
        way.items = [*actions[:at], *way.items, *actions[at + 1 :]]
        way.also_from = fix.section
    return ways


def more_procedures(article: Article, options: list[Option]) -> list[Option]:
    """`options` with each RESOLUTION/WORKAROUND fix that has no steps of its own given
    the MORE INFORMATION procedure that carries it out (see the module docstring)."""
    more = next((s for s in article.sections if s.key in MORE_KEYS and s.text.strip()), None)
    prose = [
        o
        for o in options
        if o.kind == "option"
        and o.section.key in RESOLUTION_KEYS + WORKAROUND_KEYS
        and o.items
        and not o.pre_items
    ]
    if more is None or not prose:
        return options
    if not (_STEP_ONE_RE.search(more.text) or _WAYS_HINT_RE.search(more.text)):
        return options  # no numbered step and no "ways to": nothing to bring in (fast)
    fixes = [o for o in prose if not _has_steps(o.section)]
    if not fixes:
        return options
    symptoms = next((s.text for s in article.sections if s.key == "symptoms"), "")
    # what the title and SYMPTOMS say, and the title's verbs ("^edit" for "Editing")
    title = {f"^{w[:4]}" for w in re.findall(r"[a-z]{3,}", article.title.casefold())}
    scene = frozenset(_stems(f"{article.title} {symptoms}") | title)
    mores = [o for o in options if o.section is more]
    lead = next((p.text for p in paragraphs(more.text) if _WAYS_RE.search(clean(p.text))), "")
    ways = _WAYS_RE.search(clean(lead)) if lead else None
    if ways is not None and len(fixes) == 1 and len(mores) >= 2:
        wrapped = _ways_around(fixes[0], mores, ways.group("goal"))
        if wrapped is not None:
            return [o for o in options if o is not fixes[0]]
    for fix in fixes:
        named = _named_ways(fix, more, scene)
        if named:  # "saved as a text file or printed": "To save ...:" / "To print ...:"
            at = options.index(fix)
            # MORE INFORMATION's own options for the same procedures are these ways
            body = " ".join(clean(step_text(i)) for o in named for i in o.items).casefold()
            kept = [o for o in options if o.section is not more or not _within(o, body)]
            at = kept.index(fix)
            return [*kept[:at], *named, *kept[at + 1 :]]
        found = _in_sequence(fix, more, scene) or _carry_out(fix, more, len(fixes) == 1, scene)
        if found is None:
            continue
        fix.items, said = found
        fix.also_from = more
        # MORE INFORMATION's own reading of the same steps (a step's sub-list taken for
        # alternatives) is no fix beside it
        body = said.casefold()
        return [o for o in options if o.section is not more or not _within(o, body)]
    return options


def _within(option: Option, body: str) -> bool:
    """Every step of `option` is said in `body` (lower case): the same procedure read
    again."""
    return all(clean(step_text(i)).casefold()[:60] in body for i in option.items)


def _in_sequence(fix: Option, more: Section, scene: frozenset[str]) -> tuple[list[str], str] | None:
    """A fix of several actions ("remove the NetBIOS Scope ID from the DHCP scope options.
    Have all DHCP clients release and renew their IP addresses.") whose actions each have
    their own MORE INFORMATION procedure, in the same order ("To remove the NetBIOS Scope
    ID ...:", "To release and renew the IP address ...:"): each procedure in place of
    the action it spells out; None unless two or more do."""
    if _statement_only(fix) or any(_GET_UPDATE_RE.search(step_text(i)) for i in fix.items):
        return None
    # one action each: "Remove X. Have all clients renew Y." is two
    flat = [
        part
        for item in fix.items
        for part in (split_sentences(item) if not split_detail(item)[1].strip() else [item])
    ]
    actions = [step_text(i) for i in flat]
    text = " ".join(actions)
    spelled: dict[int, list[str]] = {}
    said: list[str] = []
    for lead, steps, _ in _procedures(more, scene):
        goal = _fix_goal(lead)
        if not goal or goal == "fix" or _share(goal, text) < 0.5:
            continue
        share, at = max((_share(goal, a), n) for n, a in enumerate(actions))
        if share < 0.5 or at in spelled or (spelled and at < max(spelled)):
            return None  # two for one action, or out of order: ways, not a sequence
        items = _per_product(_procedure(steps)[1])
        if len(items) < 2:
            return None
        spelled[at] = items
        said.append(clean(" ".join(p.text for p in steps)))
    if len(spelled) < 2:
        return None
    out: list[str] = []
    for n, item in enumerate(flat):
        spelt = spelled.get(n)
        if spelt is None:
            out.append(item)
            continue
        if _share(step_text(item), " ".join(step_text(i) for i in spelt)) < 0.6:
            out.append(item)  # it says more than its procedure does: kept, then the steps
        out.extend(spelt)
    return out, " ".join(said)


def _stem_share(goal: str, text: str) -> float:
    """How much of `goal`'s stems are in `text`'s (0..1), 0 unless two are: "apply the
    Softpaq" in "corrected by applying Compaq's Softpaq"."""
    mine = _stems(goal)
    theirs = _stems(text)
    verb = _stems(goal.split()[0]) if goal.split() else set()
    if not verb or not verb <= theirs:
        return 0.0  # "To set up Mail to print" is not "reinstall the ... printer driver"
    shared = len(mine & theirs)
    return shared / len(mine) if shared >= 2 else 0.0


def _stems(text: str) -> set[str]:
    """Word stems (the first five letters) of a text's content words: "printed" and
    "print" alike."""
    return {w[:5] for w in _words(text)}


def _named_ways(fix: Option, more: Section, scene: frozenset[str]) -> list[Option]:
    """One option per MORE INFORMATION procedure when the fix names two or more ways in
    one sentence ("the message can be saved as a text file or printed") and each has its
    own procedure ("To save the message as a text file:", "To print the entire
    message:"): each named by its goal, the fix's text as the outcome's text; [] else."""
    text = " ".join(step_text(i) for i in fix.items)
    notes = "\n\n".join(d for i in fix.items if (d := split_detail(i)[1].strip()))
    sentence = next((t for t in re.split(r"(?<=[.!?])\s+", text) if re.search(r"\bor\b", t)), "")
    if not sentence:
        return []
    named = [
        (goal, steps)
        for lead, steps, _ in _procedures(more, scene)
        if (goal := _fix_goal(lead))
        and goal != "fix"
        and len(_stems(goal) & _stems(text)) >= 0.4 * len(_stems(goal))
    ]
    if len(named) < 2:
        return []
    said = _stems(sentence)
    ways: list[Option] = []
    for goal, steps in named:
        others = set().union(*(_stems(g) for g, _ in named if g != goal))
        own = _stems(goal) - others
        verb = re.escape(goal.split()[0])
        if not own or not own & said or re.search(rf"\bnot\b[^.]{{0,20}}\b{verb}", text):
            return []  # a procedure the sentence does not name as a way (or says not to do)
        items = _per_product(_procedure(steps)[1])
        if len(items) < 2:
            return []
        if notes:  # the fix's NOTE, shown under the first step of each way
            first, shown = split_detail(items[0])
            items[0] = with_detail(first, "\n\n".join(p for p in (shown, notes) if p))
        prefix = fix.label.rpartition(": ")[0]
        label = goal[0].upper() + goal[1:]
        ways.append(Option(fix.section, f"{prefix}: {label}" if prefix else label, text, items))
        ways[-1].also_from = more
    return ways


def item_section(option: Option, item: str) -> Section:
    """The section a checklist item of `option` quotes: the fix's own section, or the
    other section its steps were brought from (`Option.also_from`)."""
    other = option.also_from
    if other is None:
        return option.section
    said = _words(split_detail(item)[0])
    if not said:
        return option.section
    theirs = len(said & _words(other.text)) / len(said)
    mine = len(said & _words(option.section.text)) / len(said)
    return other if theirs >= mine else option.section
