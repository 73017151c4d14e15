"""Verify lines that read whole and fit their outcome (round 13).

Readers marked verifies that were reshaped into broken sentences, pasted a list flat
("... may not function: - Software eject - Write protect"), or redid the very thing the
chosen fix avoids ("When you press or hold down keys ..., check that Windows starts" under
"do not press any keys during startup"). Each function here takes a drafted verify text
and returns it whole and fitting, or unchanged when it already is.
"""

from __future__ import annotations

import re

from kbassist.drafting.text import split_detail, with_detail

#: A flat list pasted into a line: "...: - A - B - C" (a bullet after a colon or a full
#: stop, then at least one more); never a dash inside a name ("Services.exe - unable").
_FLAT_LIST_RE = re.compile(
    r"(?P<lead>[:.])\s+[-*\u2022]\s+(?P<items>\S.*?\s[-*\u2022]\s+[A-Z\"'\u201c</].*)$"
)
_BULLET_SPLIT_RE = re.compile(r"\s+[-*\u2022]\s+(?=[A-Z\"'\u201c</])")
#: One bullet left in a line ("occurs: - You have MSN ...", "... folder. - When you ..."),
#: or a list's lead whose items were cut off ("one of the following error messages: -").
_LONE_BULLET_RE = re.compile(r"(?<=[:.])\s+[-*\u2022]\s+(?=[A-Z0-9\"'\u201c</])")
_END_BULLET_RE = re.compile(r"\s*[:.]?\s+[-*\u2022]\s*$")
#: What a text `_END_BULLET_RE` matches ends with, but for whitespace.
_BULLETS = ("-", "*", "\u2022")
_CUT_LIST_RE = re.compile(
    r"\b(?P<which>(?:one|either|any|some|all|each) of )?the following (?P<what>[a-z]+(?: [a-z]+)?)"
    r"\s*:\s*(?:[-*\u2022]\s*)?$"
)
#: "the following items may not function": the list's lead said as what the items do.
_LIST_LEAD_RE = re.compile(
    r"(?P<lead>check that this no longer happens: )?"
    r"(?P<subject>(?:the )?following (?P<noun>[a-z][\w -]{1,40}?))\s+"
    r"(?:(?:may|might|will|can|could|do|does)\s+)?(?:not|no longer)\s+"
    r"(?P<verb>function|work|appear|run|load|start|respond|print|display|be available)"
    r"\s*:\s*$",
    re.IGNORECASE,
)
#: "the following commands may be missing from the Fonts folder menus"
_LIST_MISSING_RE = re.compile(
    r"(?P<lead>check that this no longer happens: )?"
    r"(?P<subject>(?:the )?following (?P<noun>[a-z][\w -]{1,40}?))\s+"
    r"(?:may|might|can|could|will)\s+be\s+missing\b(?P<rest>[^.:]*)",
    re.IGNORECASE,
)


def list_items_said(verify: str) -> str:
    """`verify` with a list pasted flat in it said as its items: "the following items may
    not function: - A - B" -> "check that these items function: A; B"; any other flat list
    becomes "...: A; B; C"; `verify` unchanged when it holds none."""
    text, detail = split_detail(verify)
    flat = _FLAT_LIST_RE.search(text)
    if flat is None:
        said = _LONE_BULLET_RE.sub(" ", text)
        cut = None
        if not detail.strip() and "the following " in said:  # the words it needs
            cut = _CUT_LIST_RE.search(said)
        if cut:  # the items are not in the line: name where they are
            which = cut.group("which") or ""
            said = f"{said[: cut.start()]}{which}the {cut.group('what')} the article lists."
        elif not detail.strip() and said.rstrip().endswith(_BULLETS):  # else no match
            said = _END_BULLET_RE.sub(".", said)  # "... functionality: -": the items cut off
        return with_detail(said, detail) if said != text else verify
    head = text[: flat.start("lead")]
    items = [i.strip().rstrip(".;,") for i in _BULLET_SPLIT_RE.split(flat.group("items"))]
    items = [i for i in items if i]
    if len(items) < 2:
        return verify
    listed = "; ".join(items)
    lead = _LIST_LEAD_RE.search(head + ":")
    if lead and flat.group("lead") == ":":
        verb = lead.group("verb").casefold()
        verb = "are available" if verb == "be available" else verb
        said = f"check that these {lead.group('noun')} {verb}: {listed}."
        start = head[: lead.start()]
        if lead.group("lead"):
            start = start.rstrip()
            said = f"{'c' if start else 'C'}{said[1:]}"
            start = re.sub(r",?\s+and$", ":", start) + " " if start else ""
        return with_detail(f"{start}{said}", detail)
    missing = _LIST_MISSING_RE.search(head)
    if missing and missing.group("lead"):
        start = head[: missing.start()].rstrip()
        start = re.sub(r",?\s+and$", ":", start) + " " if start else ""
        rest = re.sub(r"^from\b", "in", missing.group("rest").strip())
        tail = head[missing.end() :].strip().lstrip(".").strip().rstrip(":")
        where = f" ({tail[:1].lower()}{tail[1:]})" if tail else ""
        said = f"check that these {missing.group('noun')} are there{' ' + rest if rest else ''}"
        said = f"{'c' if start else 'C'}{said[1:]}{where}: {listed}."
        return with_detail(f"{start}{said}", detail)
    return with_detail(f"{head}{flat.group('lead')} {listed}.", detail)


#: A step that avoids something: "do not press any keys during startup", "avoid using
#: X", "instead of X", "use a different network protocol", "begin with something other
#: than the equals sign". Imperatives only (at the step's start, after "To ..., " or a
#: "then"), never "if you do not have X" (a case, not what the fix avoids).
_AVOID_RE = re.compile(
    r"(?:^|[.;:]\s+|\bthen\s+|^to [^,]{3,80},\s+)(?:do not|don't|never|avoid(?: using)?)\s+"
    r"(?P<act>[^.;:()]{3,120})"
    r"|\b(?:instead of|rather than|other than)\s+(?P<not>[^.;:,()]{3,80})"
    r"|\b(?:use|using|choose|select|try|pick|install|switch to|move (?:it |them )?to|placed? in|"
    r"in|into|with)\s+(?:(?:a|an) (?:different|other|alternate|alternative)|another)\s+"
    r"(?P<what>[^.;:,()]{3,80})",
    re.IGNORECASE,
)
#: Every `_AVOID_RE` match holds one of these (lowercase, its literal spaces).
_AVOID_HINTS = (
    "do not",
    "don't",
    "never",
    "avoid",
    "instead of",
    "rather than",
    "other",
    "different",
    "alternat",
)


def _may_avoid(low: str) -> bool:
    """Whether lowercased `low` holds a word `_AVOID_RE` needs (most steps hold none)."""
    return any(hint in low for hint in _AVOID_HINTS)


#: Words that name nothing the verify could redo or check.
_STOP = frozenset(
    "a an the any all your you this that these those of to in on at by for from with into"
    " during until as or and is are be been use using it its their them one some each"
    " something anything other same".split()
)
#: The drafter's replays: "X again: check that Y", "When you X (again), check that Y",
#: "Check that Y when you X.", "X again, and check that this no longer happens: Y".
_REPLAY_FORMS = (
    re.compile(r"^(?P<act>[^:]+?) again: check that (?P<state>.+)$"),
    re.compile(r"^When you (?P<act>[^:]+?)(?: again)?, check that (?P<state>.+)$"),
    re.compile(r"^Check that (?P<state>.+?) when you (?P<act>[^:]+?)\.$"),
    re.compile(
        r"^(?P<act>[^:]+?) again, and check that (?P<state>this no longer (?:happens|appears):"
        r" .+)$"
    ),
)
#: The article's steps to reproduce redone (drafting/verify.py REPRO_PREFIX).
_REPRO_RE = re.compile(r"^Repeat the article's steps to reproduce the problem\b")
#: What a verify says when the fix avoids the very steps that show the problem.
AVOIDED_REPRO = (
    "Do what you were doing the way the steps above say, and check that it now works "
    "(the article's steps to reproduce do what this fix avoids: do not repeat them as written)."
)

#: ... and when the check left after the avoided redo names nothing of its own.
AVOIDED_REDO = "Do what you were doing the way the steps above say, and check that it now works."


def _words(text: str) -> list[str]:
    return [
        w
        for w in re.findall(r"[a-z][a-z0-9/+-]*", text.casefold())
        if w not in _STOP and len(w) > 2
    ]


def _avoided(steps: list[str]) -> list[tuple[str, list[str]]]:
    """(kind, content words) of what the fix's steps avoid: kind "act" for "do not X" (the
    action must not be redone), "thing" for "a different X" (X must not be checked)."""
    found: list[tuple[str, list[str]]] = []
    for step in steps:
        text = " ".join(split_detail(step)[0].split())
        if text.isascii() and not _may_avoid(text.lower()):
            continue  # no word a match needs (IGNORECASE folds ASCII as `lower`)
        for said in _AVOID_RE.finditer(text):
            if said.group("act") or said.group("not"):
                found.append(("act", _words(said.group("act") or said.group("not"))[:4]))
            else:
                found.append(("thing", _words(said.group("what"))[:2]))
    return [(kind, words) for kind, words in found if words]


def _holds(text: str, words: list[str], need: int) -> bool:
    have = set(_words(text))
    return sum(w in have for w in words) >= min(need, len(words))


def _state_only(check: str, avoided: list[tuple[str, list[str]]]) -> str:
    """The symptom's own turned check said after the fix's steps, without its redo ("With
    the steps above in place, check that the performance no longer degrades."); "" when it
    has no state of its own or names what the fix avoids."""
    state = ""
    for form in _REPLAY_FORMS[:3]:
        replay = form.match(check)
        if replay:
            state = replay.group("state").rstrip(".")
            break
    if not state:
        plain = re.match(r"^Check that (?P<state>.+?)\.?$", check)
        state = plain.group("state") if plain and "no longer occurs:" not in check else ""
    if not state or re.match(r"(?:they|it|this|these|those)\b", state, re.IGNORECASE):
        return ""
    if any(_holds(state, words, 1) for _, words in avoided):
        return ""
    return f"With the steps above in place, check that {state}."


def fit_outcome(verify: str, steps: list[str], symptom: str = "") -> str:
    """`verify` fitted to the fix whose `steps` are given: when a step avoids what the
    verify redoes ("do not press any keys during startup" under "When you press or hold
    down keys ..., check that Windows starts"), only the check is kept, after the steps;
    when a step swaps a thing for another ("Use a different network protocol") the thing
    the check names becomes the other one; the article's steps to reproduce that do what
    the fix avoids are not redone as written. `verify` unchanged otherwise."""
    text, detail = split_detail(verify)
    avoided = _avoided(steps)
    if not avoided:
        return verify
    if _REPRO_RE.match(text):
        shown = f"{text} {detail}"
        if any(_holds(shown, words, 2) for _, words in avoided):
            from kbassist.drafting.verify_form import sentences_check

            said = _state_only(sentences_check(symptom), avoided) if symptom else ""
            return said or AVOIDED_REPRO
        return verify
    for form in _REPLAY_FORMS:
        replay = form.match(text)
        if replay is None:
            continue
        act, state = replay.group("act"), replay.group("state").rstrip(".")
        for kind, words in avoided:
            if kind == "act" and _holds(act, words, 2):
                if re.match(r"(?:they|it|this|these|those)\b", state, re.IGNORECASE):
                    # "they no longer ...": what they are went with the redo
                    return AVOIDED_REDO
                return with_detail(f"With the steps above in place, check that {state}.", detail)
        break
    for kind, words in avoided:
        if kind != "thing" or len(words) < 1:
            continue
        phrase = r"\s+".join(map(re.escape, words))
        named = re.search(
            rf"\b(?:the|a|an)\s+(?:[\w/.+-]+\s+){{0,3}}?{phrase}\b", text, re.IGNORECASE
        )
        quote = re.search(r"\bno longer (?:occurs|happens|appears): ", text)
        if named and quote and quote.start() < named.start():
            continue  # the article's own words, quoted: never rewritten
        if named and not re.search(rf"\b(?:other|different|another)\s+{phrase}", text, re.I):
            said = " ".join(words)
            return with_detail(
                f"{text[: named.start()]}the other {said}{text[named.end() :]}", detail
            )
    return verify
