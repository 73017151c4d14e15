"""A conditional action left in the note under a fix's last step, ticked (round 41).

"On the File menu, click Exit." over "NOTE: If you have an existing worksheet embedded in
a Word document ..., changing the font size will not affect the worksheet. To resolve this
problem, you must delete the existing worksheet ... and then insert a new one ...": the
step the reader needs for that case was shown, never ticked. It becomes a step of its own
after the last one, said for its case ("If you have an existing worksheet ..., delete the
existing worksheet ..."), the rest of the note kept under it. Only under the last step
(a note mid-way qualifies the step it is under; an action said to come "before" is a
prerequisite, not a last step), only an "If ..." note whose action is
said "you must / you need to X", a few sentences long.
"""

from __future__ import annotations

import re

from kbassist.drafting.text import split_detail, split_sentences, with_detail

_IF_RE = re.compile(r"^(?:note\s*:?\s*)?(?P<if>if\s+\S.*)$", re.IGNORECASE | re.DOTALL)
#: "To resolve this problem, you must X" / "You need to X": the note's action.
_MUST_RE = re.compile(
    r"^(?:to (?:resolve|fix|correct|avoid|work around) (?:this|the) (?:problem|issue|behavior)"
    r",\s*)?you (?:must|need to|have to) (?!be\b|have\b|not\b|know\b|use caution\b)"
    r"(?P<act>[a-z]+\b.{3,250})$",
    re.IGNORECASE | re.DOTALL,
)
#: An action said to come first ("You must remove X before you can remove Y").
_BEFORE_RE = re.compile(r"\b(?:before|first|prior to)\b", re.IGNORECASE)
#: An action that does another one ("..., to do this"): said for that one, not alone.
_DO_THIS_RE = re.compile(r"\bto do (?:this|so|that)\b", re.IGNORECASE)
#: The comma that ends an "If" clause: not one before "and" / "or" / "but" / "such as".
_CLAUSE_END_RE = re.compile(r",\s+(?!(?:and|or|but|such as|for example|e\.g\.)\b)")


def _condition(sentence: str) -> str:
    """The "If ..." clause of `sentence` (without its comma), or "" when it has none."""
    found = _CLAUSE_END_RE.search(sentence)
    if found is None or found.start() < 8:
        return ""
    return sentence[: found.start()]


def note_condition_step(items: list[str]) -> list[str]:
    """`items` with the last step's "If X, ... you must Y." note ticked as "If X, Y."."""
    if not items:
        return items
    text, detail = split_detail(items[-1])
    if "you " not in detail.casefold():
        return items
    lines = detail.split("\n")
    for n, line in enumerate(lines):
        found = _IF_RE.match(line.strip())
        if found is None:
            continue
        sentences = split_sentences(" ".join(found.group("if").split()))
        if not 2 <= len(sentences) <= 4:
            continue
        # the action right after its "If" sentence, not one for a case said in between
        # ("If you cannot start Windows NT, ... You must start MS-DOS ... to do this")
        acts = [(i, m) for i, s in enumerate(sentences) if i == 1 and (m := _MUST_RE.match(s))]
        condition = _condition(sentences[0])
        if len(acts) != 1 or not condition or "?" in condition:
            continue
        at, act = acts[0]
        if _BEFORE_RE.search(act.group("act")) or _DO_THIS_RE.search(act.group("act")):
            continue  # "remove X before you can remove Y": a prerequisite, never a last step
        step = f"{condition}, {act.group('act').rstrip('.')}."
        rest = " ".join(s for i, s in enumerate(sentences) if i != at)
        kept = "\n".join(lines[:n] + lines[n + 1 :]).strip()
        return [*items[:-1], with_detail(text, kept), with_detail(step, f"NOTE: {rest}")]
    return items
