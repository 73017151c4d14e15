"""A tick's jump to a numbered step ("Then, go to step 6.", "If the problem isn't resolved,
return to step 2.") said as the step it points at.

A draft's checklist is not numbered as the article's list is (sub-steps are flattened,
case steps are gated), so "step 2" in a tick points at the wrong item or at none (54:40).
The article's own ordered list gives the target: the jump names that step's first
sentence ('return to the step "Select the Certificate tab, ..."'). A jump whose number is
not a step of its list (the list has 5 steps, or the jump points at the step it sits in)
says nothing a reader can follow and is dropped; a case question asked already carries
its "skip the others" meaning.
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.drafting.text import split_sentences

#: "go to step 6", "return to Step 2", "skip to step 3", "continue with step 4".
JUMP_RE = re.compile(
    r"\b(?P<verb>go|skip|return|proceed|continue|jump|move|go back|come back)\s+"
    r"(?:(?:directly|ahead|back|on)\s+)?(?:to|with)\s+step\s+(?P<n>\d{1,2})\b",
    re.IGNORECASE,
)
#: "Repeat steps 3-4", "follow steps 1-3", "Repeat steps 7 through 13", "steps 16 and 17"
#: (round 36, split36): a run of the article's steps, named by their first sentences.
RANGE_RE = re.compile(
    r"\b(?P<verb>repeat|follow|perform|redo|complete)\s+steps\s+(?P<a>\d{1,2})\s*"
    r"(?P<join>-|\u2013|through|thru|to|and)\s*(?P<b>\d{1,2})\b",
    re.IGNORECASE,
)
#: An ordered-list item: indent, number, text.
_ITEM_RE = re.compile(r"^(?P<indent>[ \t]*)(?P<num>\d{1,3})[.)]\s+(?P<text>\S.*)$")
_MARKUP_RE = re.compile(r"\*\*|__|`|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")
_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def _clean(text: str) -> str:
    return " ".join(_MARKUP_RE.sub("", _LINK_RE.sub(r"\1", text)).split())


def _top_lists(body: str) -> list[tuple[list[str], list[tuple[int, int]]]]:
    """The body's outermost ordered lists: (first sentence of each item, the line span
    (first, last) each item covers, its nested lines included)."""
    lists: list[tuple[list[str], list[tuple[int, int]]]] = []
    items: list[str] = []
    spans: list[tuple[int, int]] = []
    indent = -1
    #: the indent of the last list when a plain line (a message the step quotes) ended
    #: it: "14." after it at that indent goes on with that list (round 36, split36)
    paused = -1
    opening = False
    for n, line in enumerate(body.splitlines()):
        stripped = line.strip()
        found = _ITEM_RE.match(line)
        width = len(line) - len(line.lstrip())
        if found and (indent < 0 or width <= indent):
            if indent < 0:
                indent = width
                goes_on = lists and width == paused and int(found.group("num")) > 1
                if goes_on and int(found.group("num")) == len(lists[-1][0]) + 1:
                    items, spans = lists.pop()
            paused = -1
            items.append(found.group("text"))
            spans.append((n, n))
            opening = True  # the item's first paragraph: its sentence may go on
            continue
        ends = stripped.startswith("#") or (stripped and width <= indent and not found)
        if indent >= 0 and ends:
            lists.append((items, spans))
            paused = -1 if stripped.startswith("#") else indent
            items, spans, indent = [], [], -1
        elif indent >= 0 and stripped:
            spans[-1] = (spans[-1][0], n)
            if opening:
                items[-1] += " " + stripped  # a sentence going on to its next line
        opening = opening and bool(stripped)
    if items:
        lists.append((items, spans))
    return [([_first_sentence(i) for i in found], where) for found, where in lists]


def _first_sentence(text: str) -> str:
    sentences = split_sentences(_clean(text))
    return sentences[0] if sentences else _clean(text)


def _targets(body: str) -> dict[str, str]:
    """Each jump as the article words it (casefolded) -> the first sentence of the step
    it points at, or "" when the number is no other step of its list; a jump said twice
    with different targets is left out."""
    lines = body.splitlines()
    found: dict[str, str] = {}
    clash: set[str] = set()
    for items, spans in _top_lists(body):
        for k, (first, last) in enumerate(spans):
            for line in lines[first : last + 1]:
                for jump in JUMP_RE.finditer(line):
                    n = int(jump.group("n"))
                    target = items[n - 1] if 1 <= n <= len(items) and n - 1 != k else ""
                    key = " ".join(jump.group(0).casefold().split())
                    if key in found and found[key] != target:
                        clash.add(key)
                    found[key] = target
                for run in RANGE_RE.finditer(line):
                    a, b = int(run.group("a")), int(run.group("b"))
                    key = " ".join(run.group(0).casefold().split())
                    if not 1 <= a < b <= len(items) or a - 1 <= k <= b - 1:
                        continue  # no such run, or the step is inside it: left as said
                    target = _run_said(items[a - 1], items[b - 1], run.group("join"))
                    if key in found and found[key] != target:
                        clash.add(key)
                    found[key] = target
    return {k: v for k, v in found.items() if k not in clash}


def _step_named(text: str) -> str:
    """A step's first sentence, cut at a clause end near 70 characters when that leaves
    no phrase open ("... click any of the following entries, and then"), else whole."""
    from kbassist.drafting.open_ends import ends_open
    from kbassist.drafting.text import short_label

    whole = text.rstrip(".: ")
    cut = short_label(whole, 70).rstrip(".:, ")
    if cut == whole or ends_open(cut, whole[len(cut) :]) or _SCENE_RE.match(cut):
        return whole  # "In the Close Program dialog box": a scene cut before its action
    return cut


#: A clause that only sets the scene ("In the list of installed programs", "If you
#: receive a message ..."): never a step's name on its own.
_SCENE_RE = re.compile(
    r"^(?:in|on|from|under|within|when|if|after|before|to|once|while)\b[^,]*$", re.IGNORECASE
)


def _run_said(first: str, last: str, join: str) -> str:
    """'the steps "Click X" through "Click Y"' for a run of steps (its two ends)."""
    a, b = (_step_named(t) for t in (first, last))
    joined = "and" if join.casefold() == "and" else "through"
    return f'the steps "{a}" {joined} "{b}"'


def _runs_said(sentence: str, targets: dict[str, str]) -> str:
    """A sentence with each known run of steps ("Repeat steps 3-4") named by its ends."""

    def said(run: re.Match[str]) -> str:
        key = " ".join(run.group(0).casefold().split())
        return f"{run.group('verb')} {targets[key]}" if targets.get(key) else run.group(0)

    return RANGE_RE.sub(said, sentence)


def _said(text: str, targets: dict[str, str]) -> str:
    """The text with each known jump naming its step, a jump to no step dropped with its
    sentence."""
    if RANGE_RE.search(text):
        text = _runs_said(text, targets)
    if not JUMP_RE.search(text):
        return text
    if "\n" in text:  # a detail's lines (a log line, a command) stay lines
        lines = [(line, _said(line, targets)) for line in text.split("\n")]
        return "\n".join(said for line, said in lines if said.strip() or not line.strip())
    kept: list[str] = []
    for sentence in split_sentences(text):
        jump = JUMP_RE.search(sentence)
        if jump is None:
            kept.append(sentence)
            continue
        key = " ".join(jump.group(0).casefold().split())
        if key not in targets:
            kept.append(sentence)
        elif targets[key]:
            head = sentence[: jump.start()] + f"{jump.group('verb')} to the step"
            kept.append(f'{head} "{targets[key].rstrip(".")}"{sentence[jump.end() :]}')
    return " ".join(kept)


def step_refs_said(tree: dict[str, Any], body: str) -> None:
    """Every outcome step's "go to step N" names the article's step N, or goes when the
    article's list has no such other step; a step left with no words goes too."""
    if "step" not in body.casefold() or not (JUMP_RE.search(body) or RANGE_RE.search(body)):
        return
    targets = _targets(body)
    if not targets:
        return
    for node in tree["nodes"]:
        if node.get("kind") != "outcome":
            continue
        steps: list[dict[str, Any]] = []
        for step in node.get("steps", []):
            text = _said(step["text"], targets)
            if step.get("detail"):
                step["detail"] = _said(step["detail"], targets)
            if text.strip() or step.get("detail"):
                step["text"] = text if text.strip() else step["text"]
                steps.append(step)
        node["steps"] = steps


def step_runs_said(tree: dict[str, Any], body: str) -> None:
    """An MS KB article's "Repeat steps 3-4" / "follow steps 1-3" in an outcome's steps
    names the run's first and last steps (round 36, split36): the checklist is not
    numbered, and merged sub-steps make its numbers point elsewhere. Other jumps stay."""
    if "steps" not in body.casefold() or not RANGE_RE.search(body):
        return
    targets = {k: v for k, v in _targets(body).items() if RANGE_RE.fullmatch(k)}
    if not targets:
        return
    for node in tree["nodes"]:
        for step in node.get("steps", []) if node.get("kind") == "outcome" else []:
            step["text"] = _runs_said(step["text"], targets)
            if step.get("detail"):
                step["detail"] = _runs_said(step["detail"], targets)
