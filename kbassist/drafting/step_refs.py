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
#: An ordered-list item: indent, number, text.
_ITEM_RE = re.compile(r"^(?P<indent>[ \t]*)\d{1,3}[.)]\s+(?P<text>\S.*)$")
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
    for n, line in enumerate(body.splitlines()):
        stripped = line.strip()
        found = _ITEM_RE.match(line)
        width = len(line) - len(line.lstrip())
        if found and (indent < 0 or width <= indent):
            if indent < 0:
                indent = width
            sentences = split_sentences(_clean(found.group("text")))
            items.append(sentences[0] if sentences else _clean(found.group("text")))
            spans.append((n, n))
            continue
        ends = stripped.startswith("#") or (stripped and width <= indent and not found)
        if indent >= 0 and ends:
            lists.append((items, spans))
            items, spans, indent = [], [], -1
        elif indent >= 0 and stripped:
            spans[-1] = (spans[-1][0], n)
    if items:
        lists.append((items, spans))
    return lists


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
    return {k: v for k, v in found.items() if k not in clash}


def _said(text: str, targets: dict[str, str]) -> str:
    """The text with each known jump naming its step, a jump to no step dropped with its
    sentence."""
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
    if "step" not in body.casefold() or not JUMP_RE.search(body):
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
