"""A list article's items read whole (round 32, faq33).

Blind readers of the not-one-problem drafts (`not_one.py`) marked what they lost: a FAQ's
question cut to a fragment ("Why does outgoing mail work"), an item's checklist keeping
only the sentences that start with a known verb (a statement like "PO and Gateway should
be on the same physical network" dropped, "press COMMAND+S" dropped, a procedure under its
own heading with its commands dropped), a requirements list cut off after 1,200
characters, a contact paragraph ("Microsoft Information Services are available on the
World Wide Web") read as part of the last answer, and a list of bugs (each its own
article) walked as one problem. This module reads them whole:

- `item_label`: the item's whole question, cut (at a phrase end) only when very long;
- `item_steps`: every block of the item's text from its first step on, one step per list
  item, heading or action paragraph, the rest (continuations, commands, "where:" keys)
  as that step's detail;
- `told_whole`: a reference's paragraphs to a limit, never stopping inside a list;
- `bug_list_nodes`: a list of bugs or fixes told as a list to look the problem up in.

Every pattern is bounded (linear on long text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kbassist.articles import Article, Section
from kbassist.drafting.steps import INFO_CHECK, _action
from kbassist.drafting.text import (
    _BOILERPLATE_BLOCK_RE,
    brace,
    clean,
    sentence_cut,
    short_label,
    split_sentences,
    without_boilerplate,
)

#: A question this long or shorter is its own label; longer ones are cut at a phrase end.
QUESTION_CHARS = 160
#: Most steps of one item; the rest go into the last step's detail.
MAX_ITEM_STEPS = 20
#: A step's own text at most; the rest of its paragraph is its detail.
STEP_CHARS = 600
DETAIL_CHARS = 2400
#: A lead before the first step longer than this is told as the first step.
LEAD_CHARS = 300
#: A reference's told text: about this much, but a list is never cut.
REFERENCE_CHARS = 2400
#: A bug list's lines told at most.
MAX_LIST_LINES = 400

_MARK_RE = re.compile(r"^[ \t]{0,12}(?:\d{1,2}[.)]|[a-z][.)]|[*\u2022-])[ \t]{1,6}(?=\S)")
_RULE_LINE_RE = re.compile(r"^[ \t]{0,12}[-=_*]{3,200}[ \t]{0,8}$")
#: A contact or pointer paragraph glued after an answer: no part of it.
_CONTACT_RE = re.compile(
    r"^(?:more information on this topic may be available from"
    r"|microsoft information services (?:are|is) available"
    r"|the ftp site is located at|for more information(?: about| on)? these"
    r"|you can find (?:this|more) information (?:on|at) (?:the )?(?:world wide web|www))",
    re.IGNORECASE,
)
#: A step whose next block is its listing: "run the following commands", "type:".
_ANNOUNCES_RE = re.compile(
    r"(?::|\bfollowing(?: \w+){0,2}|\bwhere)[ \t]{0,4}$|\bfollowing (?:commands?|lines?)\b",
    re.IGNORECASE,
)


@dataclass
class Block:
    """One paragraph or list item of an item's text."""

    text: str
    indent: int
    marker: bool
    heading: bool
    lines: str = ""  # its lines as written (a command listing keeps them)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def blocks(text: str) -> list[Block]:
    """`text`'s paragraphs, list items (split even without a blank line between) and
    underlined headings, in order, rules dropped."""
    found: list[Block] = []
    lines: list[str] = []

    def flush() -> None:
        if not lines:
            return
        body = [ln for ln in lines if not _RULE_LINE_RE.match(ln)]
        heading = (
            len(lines) >= 2
            and bool(body)  # two rules and nothing else ("----" / "====") head nothing
            and bool(_RULE_LINE_RE.match(lines[-1]))
            and len(body) <= 2  # "7.1 Converting Your XtraDrive" / "to DoubleSpace" / "---"
            and all(len(ln.strip()) <= 80 for ln in body)
            and not body[-1].rstrip().endswith(".")
        )
        if body:
            first = body[0]
            marker = bool(_MARK_RE.match(first))
            said = clean(_MARK_RE.sub("", first, count=1) + "\n" + "\n".join(body[1:]))
            written = [_MARK_RE.sub("", first, count=1).strip()] + [ln.strip() for ln in body[1:]]
            if said:
                found.append(Block(said, _indent(first), marker, heading, "\n".join(written)))
        lines.clear()

    for line in text.split("\n"):
        if not line.strip():
            flush()
        elif _MARK_RE.match(line) and lines and not _RULE_LINE_RE.match(lines[-1]):
            flush()  # "- A" then "- B" with no blank line between: two items
            lines.append(line)
        else:
            lines.append(line)
    flush()
    return found


def _noise(text: str) -> bool:
    """A pointer, contact or disclaimer paragraph: said nothing of the item's own (an
    address alone is kept: "can be found at the following address:" announces it)."""
    if re.match(r"https?://", text):
        return False
    return (
        bool(_CONTACT_RE.match(text))
        or bool(_BOILERPLATE_BLOCK_RE.search(text))
        or not without_boilerplate(text)
    )


def _topic(text: str) -> bool:
    """A topic's name in a list of contents ("Installing MSCS", "Domain Considerations"):
    short, no sentence end, its long words capitalized; no step of its own."""
    if len(text) > 80 or text.endswith((".", ":", "?", "!")):
        return False
    words = [w for w in text.split() if len(w) >= 4]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _listing(block: Block) -> bool:
    """A table or listing: several lines, none a sentence's end, in columns or all short
    (a wrapped sentence's lines are long and run on)."""
    rows = block.lines.split("\n")
    if len(rows) < 2 or any(len(r) > 90 or r.endswith(".") for r in rows):
        return False
    return any("   " in r for r in rows) or all(len(r) <= 45 for r in rows)


def kept_blocks(text: str) -> list[Block]:
    """`text`'s blocks without pointer and contact paragraphs."""
    return [b for b in blocks(text) if not _noise(b.text)]


def kept_text(text: str) -> str:
    """`text` without its pointer and contact paragraphs (one a line)."""
    return "\n".join(b.text for b in kept_blocks(text))


def item_label(head: str, fallback: str) -> str:
    """An item's choice label: its whole question or heading; a very long one is its
    question sentence, else cut at a phrase end (never a fragment of a short one)."""
    head = clean(head)
    if not head:
        return fallback
    if len(head) <= QUESTION_CHARS:
        return head.rstrip(":").removesuffix(".") if not head.endswith("..") else head
    asked = [s for s in split_sentences(head) if s.endswith("?")]
    if asked and len(asked[-1]) <= QUESTION_CHARS:
        return asked[-1]
    return short_label(head, QUESTION_CHARS) or fallback


def _action_in(text: str, action_re: re.Pattern[str]) -> bool:
    return any(action_re.match(s) for s in split_sentences(text))


def _acting_lists(read: list[Block], action_re: re.Pattern[str]) -> list[bool]:
    """For each block, whether it is in a list (consecutive list items) at least half of
    whose items are actions: its other items ("PO and Gateway should be on the same
    network") are steps too; a requirements list's lines are none."""
    acting = [False] * len(read)
    n = 0
    while n < len(read):
        if not read[n].marker:
            n += 1
            continue
        end = n
        while end < len(read) and (read[end].marker or read[end].indent > read[n].indent):
            end += 1
        items = [b for b in read[n:end] if b.marker]
        acts = sum(_action_in(b.text, action_re) or _action(b.text) for b in items)
        for k in range(n, end):
            acting[k] = 2 * acts >= len(items)
        n = end
    return acting


def item_steps(text: str, action_re: re.Pattern[str]) -> list[tuple[str, str]]:
    """(step, detail) for every part of an item's text from its first step on: a list
    item, a heading or a paragraph with an action starts a step; a deeper-indented
    continuation, an announced listing (commands, a "where:" key) or a statement is the
    current step's detail. The lead before the first step is left to the outcome's text
    (returned as ("", lead) first when it is long)."""
    steps: list[list[str]] = []  # [text, detail...]
    lead: list[str] = []
    mark_indent = -1
    last = ""  # the last block read as prose (a heading announces nothing)
    read = kept_blocks(text)
    acting = _acting_lists(read, action_re)
    for n, block in enumerate(read):
        current = steps[-1] if steps else None
        announced = current is not None and bool(_ANNOUNCES_RE.search(last))
        last = "" if block.heading else block.text
        continued = current is not None and not block.marker and block.indent > mark_indent >= 0
        if block.heading:
            steps.append([f"{block.text.rstrip(':')}:"])
            mark_indent = -1
        elif (
            block.marker
            and not _action_in(block.text, action_re)
            and (_topic(block.text) or not acting[n])
        ):
            # a contents' topic, a requirements list's line: told, no step of its own
            (current if current is not None else lead).append(block.text)
        elif block.marker:
            steps.append([block.text])
            mark_indent = block.indent
        elif current is not None and announced:
            current.append(block.lines)  # the commands it announces, line by line
        elif current is not None and continued:
            current.append(block.text)
        elif _action_in(block.text, action_re):
            steps.append([block.text])
            mark_indent = -1
        elif current is not None:
            current.append(block.text)
        else:
            lead.append(block.text)
    if len(steps) > MAX_ITEM_STEPS:
        rest = [t for s in steps[MAX_ITEM_STEPS - 1 :] for t in s]
        steps = [*steps[: MAX_ITEM_STEPS - 1], [rest[0], *rest[1:]]]
    out: list[tuple[str, str]] = []
    if lead and steps and sum(len(t) for t in lead) > LEAD_CHARS:
        out.append(("", "\n".join(lead)))  # more than the outcome's text shows
    for first, *detail in steps:
        said = first
        if len(first) > STEP_CHARS:
            said = sentence_cut(first, STEP_CHARS).removesuffix("[...]").rstrip()
            if not said or said == first:
                said = first
            else:
                detail = [first[len(said) :].strip(), *detail]
        out.append((said, _capped("\n".join(d for d in detail if d))))
    return out


def _capped(text: str) -> str:
    if len(text) <= DETAIL_CHARS:
        return text
    return sentence_cut(text, DETAIL_CHARS).removesuffix("[...]").rstrip()


def told_whole(text: str, limit: int = REFERENCE_CHARS) -> str:
    """`text`'s paragraphs and list items, one a line, to about `limit` characters, but a
    list begun is told to its last item (a requirements list loses no line); at most
    three times `limit`."""
    kept: list[str] = []
    size = 0
    in_list = False
    for block in kept_blocks(text):
        listed = block.marker and (in_list or bool(kept and kept[-1].endswith(":")))
        if kept and size + len(block.text) > limit and not listed:
            break
        if size + len(block.text) > 3 * limit:
            break
        kept.append(block.lines if _listing(block) else block.text)
        size += len(block.text) + 1
        in_list = block.marker
    return "\n".join(kept)


# ------------------------------------------------------------------------- bug lists

#: "List of Bugs Fixed in X", "Summary List of X Bugs", "Fixlist for X", "List of Problems
#: Solved by X", "Bugs Fixed in X (Part 2)", "FIXLIST.TXT": a list of separate problems.
_BUG_LIST_TITLE_RE = re.compile(
    r"\blist of (?:[\w.&/-]{1,30} ){0,5}(?:bugs|bug fixes|fixes|problems|issues)\b"
    r"|\blist: bugs\b|\bbugs (?:fixed|resolved|corrected) (?:in|by)\b"
    r"|\b(?:fixed|known|confirmed) (?:bugs|problems) (?:in|for)\b"
    r"|\bfix ?list\b|\bbuglist\b|\bproblems (?:solved|fixed|resolved|corrected) (?:in|by)\b"
    r"|\bsummary list\b",
    re.IGNORECASE,
)
#: "Q101788: Only Administrators ...", "Q93658   WD: ...", "- Cannot Boot After OS/2":
#: one listed problem on a line.
_LISTED_RE = re.compile(
    r"^[ \t]{0,12}(?:Q\d{5,7}:?[ \t]{1,12}|[-*\u2022][ \t]{1,6})(?P<title>\S[^\n]{2,200})$"
)
#: A list's own header line: "Article ID      Article Title", "ID   Article Title".
_LIST_HEADER_RE = re.compile(
    r"^[ \t]{0,12}(?:article )?id[ \t]{1,20}article title[ \t]{0,8}$", re.IGNORECASE
)
MIN_LISTED = 5


def is_bug_list(article: Article) -> bool:
    """A title that names a list of bugs, fixes or problems (each its own article)."""
    return bool(_BUG_LIST_TITLE_RE.search(article.title))


def listed_lines(sections: list[Section]) -> list[str]:
    """The listed problems of `sections`, one a line (a wrapped title joined), each
    group's heading before its lines: runs of at least `MIN_LISTED` listed lines."""
    out: list[str] = []
    for section in sections:
        run: list[str] = []
        heading = ""
        pending = ""  # the last short line, a group's heading when a run follows
        blank = True
        for line in section.text.split("\n"):
            stripped = line.strip()
            if not stripped:
                blank = True
                continue
            match = _LISTED_RE.match(line)
            if match:
                if not run and pending:
                    heading = pending
                run.append(line.strip())
            elif _RULE_LINE_RE.match(line) or _LIST_HEADER_RE.match(line):
                pass
            elif run and not blank and len(run[-1]) < 240:
                run[-1] = f"{run[-1]} {stripped}"  # the title wrapped to the next line
            else:
                if len(run) >= MIN_LISTED:
                    out.extend([f"{heading}:"] if heading else [])
                    out.extend(run)
                run, heading = [], ""
                pending = stripped if len(stripped) <= 80 else ""
            blank = False
        if len(run) >= MIN_LISTED:
            out.extend([f"{heading}:"] if heading else [])
            out.extend(run)
    return out[:MAX_LIST_LINES]


def bug_list_nodes(article: Article, body: list[Section]) -> list[dict[str, Any]]:
    """One info outcome for a list of bugs or fixes: every listed problem told, each to
    be looked up in its own article; [] when no such list is found."""
    lines = listed_lines(body)
    listed = [ln for ln in lines if not ln.endswith(":")]
    if len(listed) < MIN_LISTED:
        return []
    where = next((s for s in body if s.text.strip()), body[0])
    cite = {"article": article.id, "section": where.name}
    topic = article.title.rstrip(". ")
    return [
        {
            "id": "reference",
            "kind": "outcome",
            "title": "Find the problem in the article's list",
            "text": brace(
                f'This article lists {len(listed)} separate problems ("{topic}"); each has its '
                "own article. The list itself fixes nothing."
            ),
            "source": cite,
            "steps": [
                {
                    "text": "Find the user's problem in the article's list; each line names a "
                    "problem with its own article:",
                    "detail": brace("\n".join(lines)),
                    "source": cite,
                },
                {
                    "text": "Open the article of the problem that matches and follow it.",
                    "source": cite,
                },
            ],
            "verify": [{"text": INFO_CHECK, "source": cite}],
        }
    ]
