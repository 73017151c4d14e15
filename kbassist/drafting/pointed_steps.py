"""A fix step that points at its procedure gets that procedure (round 23, procs23).

MS KB fixes often say what to do in one line and point elsewhere for how: "Reset the
cached views as shown below" (a bullet among four workarounds, the numbered registry
procedure right after the list, in the same section), "See the MORE INFORMATION section
below for sample code", "Follow steps 1 through 3 in the MORE INFORMATION section below
to create the Data Environment". `more_steps` brings a MORE INFORMATION procedure in
only when it is led as a fix and comes before any "Steps to Reproduce Behavior"; in
developer articles the fix sits after or inside the repro ("6. Stop the project and add
the following code ...", a "Workaround" sub-heading, "To work around the problem, follow
these steps:"), and a same-section procedure after a bullet list belonged to no option.
The reader ticked the pointer and had nothing to follow.

Here the pointed-at steps become the fix's steps, code kept verbatim as their detail,
cited from the section they come from:

- "as shown below" in a RESOLUTION/WORKAROUND bullet: the numbered procedure after it
  in the same section, when no other option owns it;
- "steps N through M in the MORE INFORMATION section": those steps of its first list;
- "see the MORE INFORMATION section": there, the steps under a lead or sub-heading that
  says it fixes ("Workaround", "To work around the problem, follow these steps:",
  "Step-by-Step Example"), else the steps of the repro list after the one that shows the
  problem ("5. ... Notice that the tab sequence does not loop." then "6. Stop the
  project and add the following code ...").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kbassist.drafting.text import (
    Para,
    clean,
    paragraphs,
    split_detail,
    split_sentences,
    step_text,
    with_detail,
)

if TYPE_CHECKING:
    from kbassist.articles import Article, Section
    from kbassist.drafting.option_model import Option

#: "as shown below", "described below", "as follows below": the procedure follows here.
_BELOW_RE = re.compile(
    r"\b(?:as )?(?:shown|described|outlined|listed|explained|detailed|given)\s+below\b",
    re.IGNORECASE,
)
#: "See the MORE INFORMATION section below for sample code", "as shown in the MORE
#: INFORMATION section", "The MORE INFORMATION section below shows how to ...".
_AT_MORE_RE = re.compile(r"\bmore information\W{0,3}\s+section\b", re.IGNORECASE)
#: "..., or see the workarounds in the More Information section": those are other fixes.
_OR_SEE_RE = re.compile(r"\bor (?:you can )?(?:see|refer to|follow|use)\b", re.IGNORECASE)
#: A pointer that sends the reader there to do something ("see", "shown in", "for sample
#: code"), not one that says what is discussed there ("errors discussed in the ...").
_HOW_RE = re.compile(
    r"\b(?:see|refer to|shown|shows|described|outlined|explained|follow|sample|example|steps)\b",
    re.IGNORECASE,
)
#: "Follow steps 1 through 3 in the MORE INFORMATION section": part of its list.
_STEP_RANGE_RE = re.compile(
    r"\bsteps?\s+(?P<first>\d{1,2})\s+(?:through|to|thru|-)\s+(?P<last>\d{1,2})\s+"
    r"(?:in|of)\s+the\s+[\"']?more information\b",
    re.IGNORECASE,
)
#: A lead or sub-heading over the fix: "Workaround", "To work around the problem, follow
#: these steps:", "Step-by-Step Example", "Resolution Steps".
_FIX_LEAD_RE = re.compile(
    r"^(?:to )?(?:work ?-?arounds?|resolve|resolution|correct|fix|avoid|solve)\b"
    r"|\bto (?:work ?around|resolve|correct|fix|avoid) (?:the|this)\b"
    r"|^step[- ]by[- ]step example\b",
    re.IGNORECASE,
)
#: A repro step that shows the problem: "Notice that the tab sequence does not loop".
_SHOWS_RE = re.compile(
    r"\b(?:note|notice|observe) that\b|\byou (?:will |may )?(?:receive|get|see)\b"
    r"|\b(?:error|problem|behaviou?r|message) (?:occurs|appears|is displayed)\b",
    re.IGNORECASE,
)
#: Where a lead's fix starts: "To work around this, add the following line ...".
_FIX_SENTENCE_RE = re.compile(
    r"(?:^|(?<=[.!?] ))to (?:work ?around|resolve|correct|fix|avoid) (?:the|this)\b", re.I
)
_FIRST_RE = re.compile(r"^1[.)]\s")
#: Words each pattern needs: a plain scan first keeps long text off the patterns.
_GUARDS = {
    "below": ("below",),
    "more": ("information",),
    "range": ("information",),
    "lead": ("work", "resol", "correct", "fix", "avoid", "solv", "step"),
    "shows": ("note", "notice", "observe", "you ", "occurs", "appears", "displayed"),
}
_PATTERNS: dict[str, re.Pattern[str]] = {}


def _says(kind: str, text: str) -> re.Match[str] | None:
    """`kind`'s pattern searched in `text`, only when a word it needs is there."""
    low = text.casefold()
    if not any(w in low for w in _GUARDS[kind]):
        return None
    return _PATTERNS[kind].search(text)


_NUM_RE = re.compile(r"^(?P<n>\d{1,2})[.)]\s")
_NOTE_RE = re.compile(r"^(?:note|notes|caution|warning|important)\b\s*[:.-]", re.IGNORECASE)


def _steps_from(paras: list[Para], n: int) -> list[Para]:
    """The numbered list that starts at `paras[n]`, with what is indented under its steps
    (code, notes, sub-lists), up to a heading, a new step 1 or prose back at the margin."""
    first = paras[n]
    steps = [first]
    m = n + 1
    while m < len(paras):
        para = paras[m]
        if para.heading or (para.numbered and _FIRST_RE.match(para.head)):
            break
        if not para.numbered and para.indent <= first.indent and not para.marker:
            nxt = paras[m + 1] if m + 1 < len(paras) else None
            if nxt is not None and nxt.numbered and not _FIRST_RE.match(nxt.head):
                steps.append(para)  # a step's wrapped remark at the list's margin
                m += 1
                continue
            break
        steps.append(para)
        m += 1
    return steps


def _number(para: Para) -> int:
    found = _NUM_RE.match(para.head)
    return int(found.group("n")) if found and para.indent <= 4 else 0


def _fix_after_lead(paras: list[Para]) -> list[Para]:
    """The steps under MORE INFORMATION's fix lead or sub-heading; [] if there is none,
    or more than one (several problems each with its "To resolve this problem:": which
    one the pointer means is not said)."""
    found = [steps for n, para in enumerate(paras) if (steps := _led_steps(paras, n, para))]
    return found[0] if len(found) == 1 else []


def _led_steps(paras: list[Para], n: int, para: Para) -> list[Para]:
    """The steps `para` leads as a fix (see `_fix_after_lead`), [] if it is no fix lead."""
    if para.numbered or para.marker:
        return []
    said = clean(para.lines[0] if para.heading else para.text)
    if not _says("lead", said) or re.search(r"\breproduc", said, re.I):
        return []
    for m in range(n + 1, min(n + 4, len(paras))):
        if _FIRST_RE.match(paras[m].head):
            return _steps_from(paras, m)
        if paras[m].heading:
            break
    nxt = paras[n + 1] if n + 1 < len(paras) else None
    if not para.heading and nxt is not None and nxt.indent > para.indent and not nxt.marker:
        # "... To work around this, add the following line of code ...:" over code:
        # that sentence on is the step, the code its detail
        at = next((m.start() for m in _FIX_SENTENCE_RE.finditer(said)), 0)
        return [Para([" " * para.indent + said[at:]]), nxt]
    if para.heading:
        # "Workaround" over prose and code ("change the code ... from:" / "to:")
        end = next((m for m in range(n + 1, len(paras)) if paras[m].heading), len(paras))
        body = paras[n + 1 : end]
        if 0 < len(body) <= 12 and any(p.indent > body[0].indent for p in body):
            return body
    return []


def _fix_in_repro(paras: list[Para]) -> list[Para]:
    """The steps of a repro list after the step that shows the problem, when one of them
    adds code or says what to change ("6. Stop the project and add the following code
    ..."); [] else."""
    for n, para in enumerate(paras):
        if not _FIRST_RE.match(para.head):
            continue
        steps = _steps_from(paras, n)
        tops = [p for p in steps if _number(p)]
        shown = [i for i, p in enumerate(tops) if _says("shows", clean(p.text))]
        if not shown or shown[0] == len(tops) - 1:
            continue
        after = tops[shown[0] + 1]
        if not re.search(r"\b(?:add|change|modify|replace|insert|paste|set)\b", after.text, re.I):
            continue
        return steps[steps.index(after) :]
    return []


def _range(paras: list[Para], first: int, last: int) -> list[Para]:
    """Steps `first` to `last` of the first numbered list that has them."""
    for n, para in enumerate(paras):
        if not _FIRST_RE.match(para.head):
            continue
        steps = _steps_from(paras, n)
        numbers = [_number(p) for p in steps]
        if last not in numbers or first not in numbers:
            continue
        start = numbers.index(first)
        end = next((i for i, k in enumerate(numbers) if k > last), len(steps))
        return steps[start:end]
    return []


def _below(option: Option, paras: list[Para], owned: str) -> list[Para]:
    """The numbered procedure after `option`'s "as shown below" bullet in its section."""
    said = clean(step_text(option.items[-1]))[:40]
    at = next((n for n, p in enumerate(paras) if said and said in clean(p.text)), None)
    if at is None:
        return []
    for m in range(at + 1, min(at + 5, len(paras))):
        para = paras[m]
        if _FIRST_RE.match(para.head):
            steps = _steps_from(paras, m)
            return [] if clean(steps[0].text)[:40] in owned else steps
        nxt = paras[m + 1] if m + 1 < len(paras) else None
        if para.heading and nxt is not None and _FIRST_RE.match(nxt.head):
            continue  # "Steps to Modify Exchang.inf File" over the steps (round 25)
        if para.heading or para.marker or not _NOTE_RE.match(para.head):
            return []  # another bullet or prose: the pointer is not over a procedure
    return []


def _key(text: str) -> str:
    """Letters and digits only, lower case: the same words however wrapped or marked."""
    return re.sub(r"[^a-z0-9]+", "", text.casefold())


def _joined(items: list[str]) -> list[str]:
    """Items with a bare "to:" over code ("change the code from:" / `A` / "to:" / `B`)
    joined to the step before, as that step's detail."""
    out: list[str] = []
    for item in items:
        text, detail = split_detail(item)
        if out and len(text.strip()) <= 12 and text.strip().endswith(":") and detail.strip():
            before, shown = split_detail(out[-1])
            out[-1] = with_detail(before, "\n".join(p for p in (shown, text.strip(), detail) if p))
            continue
        out.append(item)
    return out


#: "as described in the "More Information" section": a pointer clause at a sentence end.
_AS_IN_RE = re.compile(
    r",?(?<!\s)\s+as (?:described|shown|explained|outlined|given|detailed) (?:in|under) "
    r"the \W?more information\W{0,3}\s+section\b[^.]{0,80}",
    re.IGNORECASE,
)


def _without_pointer(item: str) -> list[str]:
    """What of a pointer step is left to do once its steps are shown: its sentences that
    do not point ("Manually set focus to ... See the MORE INFORMATION section below for
    sample code." keeps the first), and an action with its pointer clause cut ("Use a
    temporary recordset as described in the "More Information" section.")."""
    text, detail = split_detail(item)
    if detail.strip():
        return [item]
    kept = []
    for sentence in split_sentences(text):
        if _says("more", sentence):
            cut = _AS_IN_RE.sub("", sentence).strip()
            if (
                cut != sentence.strip()
                and len(cut.split()) >= 3
                and not re.match(r"(?:see|refer|read|follow|look|consult)\b", cut, re.I)
            ):
                kept.append(cut if cut.endswith(".") else f"{cut}.")
            continue
        if not (_says("below", sentence) or _says("range", sentence)):
            kept.append(sentence)
    return [" ".join(kept)] if kept else []


def pointed_steps(article: Article, options: list[Option]) -> list[Option]:
    """`options` with each pointer step followed by the steps it points at (see the
    module docstring); MORE INFORMATION's own options made of those steps are dropped."""
    from kbassist.drafting.options import MORE_KEYS, RESOLUTION_KEYS, WORKAROUND_KEYS, _procedure

    fixes = [
        o
        for o in options
        if o.kind == "option"
        and o.section.key in RESOLUTION_KEYS + WORKAROUND_KEYS
        and o.items
        and o.also_from is None
    ]
    if not fixes:
        return options
    more: Section | None = next(
        (s for s in article.sections if s.key in MORE_KEYS and s.text.strip()), None
    )
    more_paras = paragraphs(more.text) if more is not None else []
    used: list[str] = []
    for fix in fixes:
        owned = " ".join(clean(step_text(i)) for o in options if o is not fix for i in o.items)
        n = -1
        while (n := n + 1) < len(fix.items):
            item = fix.items[n]
            said = step_text(item)
            found: list[Para] = []
            source = fix.section
            span = _says("range", said)
            if span and more_paras:
                found = _range(more_paras, int(span["first"]), int(span["last"]))
                source = more or source
            elif _says("more", said) and more_paras and _HOW_RE.search(said):
                if _OR_SEE_RE.search(said):
                    continue  # "contact the vendor, or see the workarounds in ...": other ways
                found = _fix_after_lead(more_paras) or _fix_in_repro(more_paras)
                source = more or source
            elif _says("below", said) and n == len(fix.items) - 1:
                found = _below(fix, paragraphs(fix.section.text), owned)
            if not found:
                continue
            _, steps = _procedure(found)
            if len(steps) < 1 or (len(steps) < 2 and not split_detail(steps[0])[1].strip()):
                continue
            kept = _without_pointer(item)
            steps = _joined(steps)
            head = _key(step_text(steps[0]))[:50]
            twin = next(
                (
                    o
                    for o in options
                    if o.section is more and _key(step_text(o.items[0]))[:50] == head
                ),
                None,
            )
            if twin is not None and twin is not fix and len(twin.items) >= len(steps):
                steps = list(twin.items)  # MORE INFORMATION's own reading, with what follows
                used.append(_key(" ".join(step_text(i) for i in twin.items)))
            prefix, _, named = fix.label.rpartition(": ")
            if not kept and _says("more", named) and n == 0:
                # "See the workaround ... in the MORE INFORMATION section": the first step
                first = split_sentences(step_text(steps[0]))[0].split(":")[0].rstrip(" .")
                fix.label = f"{prefix}: {first}" if prefix else first
            fix.items = [*fix.items[:n], *kept, *steps, *fix.items[n + 1 :]]
            n += len(kept) + len(steps) - 1  # on after the steps brought in
            if source is not fix.section:
                fix.also_from = source
            fix.label = _BELOW_RE.sub("", fix.label).rstrip(" ,.;:") or fix.label
            used.append(_key(" ".join(p.text for p in found)))
    if not used:
        return options
    body = " ".join(used)
    return [
        o
        for o in options
        if not (
            more is not None
            and o.section is more
            and all(_key(step_text(i))[:50] in body for i in o.items)
        )
    ]


_PATTERNS.update(
    below=_BELOW_RE, more=_AT_MORE_RE, range=_STEP_RANGE_RE, lead=_FIX_LEAD_RE, shows=_SHOWS_RE
)


#: A way to reach a vendor, not a fix: "Telephone technical support: (408) 727-9004",
#: "24-hour Fax AnswerLine", "Claris BBS", "America Online: Keyword CLARIS".
_CHANNEL_RE = re.compile(
    r"\(\d{3}\)\s?\d{3}-\d{4}|\b\d{3}-\d{3}-\d{4}\b|\b(?:fax|bbs|compuserve|america online|"
    r"applelink|answerline|technical support|online support|customer service)\b",
    re.IGNORECASE,
)
#: "To correct this problem, disable Imaginaria.": the action a procedure carries out.
_GOAL_RE = re.compile(
    r"\bto (?:correct|resolve|fix|work around|avoid) (?:this|the) (?:problem|issue|behaviou?r|"
    r"error)\s*,\s*(?P<act>[a-z][^.:]{3,100})[.:]?\s*$",
    re.IGNORECASE,
)


def vendor_channels(options: list[Option]) -> list[Option]:
    """A section whose options are all ways to contact a vendor ("24-hour Fax
    AnswerLine: (800) ...", "Telephone technical support: ...") while its text gives a
    numbered procedure before them ("To correct this problem, disable Imaginaria. 1. In
    Program Manager, ..."): the procedure is the fix, the contact lines are none."""
    from kbassist.drafting.option_model import Option
    from kbassist.drafting.options import _procedure

    by_section: dict[int, list[Option]] = {}
    for option in options:
        if option.kind == "option":
            by_section.setdefault(id(option.section), []).append(option)
    for group in by_section.values():
        if len(group) < 2 or not all(_channel(o) for o in group):
            continue
        section = group[0].section
        paras = paragraphs(section.text)
        first = next((n for n, p in enumerate(paras) if _FIRST_RE.match(p.head)), None)
        if first is None:
            continue
        steps = _steps_from(paras, first)
        said = clean(" ".join(p.text for p in steps))
        if _CHANNEL_RE.search(said):
            continue  # the first list is the contact list itself: no procedure
        _, items = _procedure(steps)
        if len(items) < 2:
            continue
        before = " ".join(clean(p.text) for p in paras[:first] if not p.heading)
        goal = _GOAL_RE.search(before)
        label = goal.group("act") if goal else step_text(items[0]).rstrip(".")
        fix = Option(section, label[0].upper() + label[1:], before, items)
        at = options.index(group[0])
        options = [o for o in options if o not in group]
        options.insert(at, fix)
    return options


def _channel(option: Option) -> bool:
    """Every step of `option` (and its label) is a way to reach a vendor."""
    said = [option.label, *(step_text(i) for i in option.items)]
    return bool(_CHANNEL_RE.search(option.label)) or all(_CHANNEL_RE.search(s) for s in said)
