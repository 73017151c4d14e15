"""A finished walk -> a tailored checklist: the outcome's items whose condition holds,
filled with the answers, each as plain text and as Markdown.

Values the admin typed are untrusted text inside a Markdown document: every one passes
through `md_escape` (or `cell_escape` inside a table) so a `|`, a leading `#`, a
backtick, `<script>`, `&lt;img ...&gt;`, a link, an image or a newline stays literal
text, and a bare URL, an e-mail address or an `@mention` becomes a code span (no live
link, no notification). A hand-written tree's text is written by the tree's author
and is Markdown on purpose. A drafted tree's (`draft: true`, auto-drafted walks) is
article text nobody reviewed: it is escaped exactly like typed answers.

The exports (Markdown, plain text, Mermaid) are `kbassist.trees.export`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from kbassist.trees.conditions import ConditionError, Value
from kbassist.trees.engine import Step, Walk
from kbassist.trees.model import Outcome, Source, Tree
from kbassist.trees.templates import Template

PARTS = {"steps": "Checklist", "verify": "Verify", "rollback": "Roll back"}

CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Characters that can start markup anywhere in a line. Values never start a line (they
# follow "- [ ] " or "| "), so `-`, `+` and `1.` cannot start a list and stay as typed.
_MD_SPECIAL_RE = re.compile(r"([\\`*_\[\]<>#|~&!])")
# What renderers turn into a live link or a notification even when every markup
# character is escaped: URLs (any `scheme://`, `www.`, `mailto:`), e-mail addresses
# (GFM autolinks them) and @mentions. A token stops at a space, `<`, `>`, a backtick
# or `|` (so it can sit in a code span, even inside a table cell).
_LIVE_RE = re.compile(
    r"\b(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.|(?:mailto|xmpp):)[^\s<>`|]+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w@`/])@[A-Za-z0-9][\w-]*(?:/[\w.-]+)?"
)
# Every match of _LIVE_RE holds one of these (its literal parts): a text with none is
# not searched (the search tries every position; most checklist texts hold none).
_LIVE_HINTS = ("://", "www.", "mailto:", "xmpp:", "@")
_BLANKS_RE = re.compile(r"[ \t]+")
# Trailing punctuation is the sentence's, not the URL's (as GFM's autolinker reads it).
_TRAILING = ".,:;!?'\")]}*_~"
#: What names one checklist item across walks: (part, text). A tick saved in a session
#: and an export's `ticked` use it, so a tick stays on its item when answers change.
ItemKey = tuple[str, str]


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    """One line to tick off: plain text, the same in Markdown, and its source."""

    part: str  # "steps", "verify" or "rollback"
    text: str
    markdown: str
    source: Source
    #: Shown under the line, never ticked: a command or code kept line by line, a note.
    #: Plain text (terminal control stripped); exports put it in a code block.
    detail: str = ""

    @property
    def key(self) -> ItemKey:
        """What a saved tick names: the same item after other answers changed keeps it."""
        return (self.part, self.text)


@dataclass(frozen=True)
class Checklist:
    """Everything an export shows about one finished walk."""

    tree: Tree
    outcome: Outcome
    steps: tuple[Step, ...]  # the path taken, answers included
    answers: dict[str, Value]
    items: tuple[ChecklistItem, ...]

    def part(self, name: str) -> list[ChecklistItem]:
        """The items of one part ("steps", "verify", "rollback")."""
        return [item for item in self.items if item.part == name]

    @property
    def path(self) -> list[str]:
        return [s.node.id for s in self.steps] + [self.outcome.id]

    @property
    def sources(self) -> list[Source]:
        """Every (article, section) cited, once each, in order of first use."""
        seen: dict[tuple[str, str], Source] = {}
        for item in self.items:
            seen.setdefault((item.source.article, item.source.section), item.source)
        return list(seen.values())


def build_checklist(walk: Walk) -> Checklist:
    """The outcome's items whose condition holds, filled with the walk's answers."""
    outcome = walk.outcome
    if outcome is None:
        raise ValueError("the walk has not reached an outcome yet")
    answers = walk.answers
    items: list[ChecklistItem] = []
    for part, entries in outcome.item_lists():
        for entry in entries:
            if entry.when is not None:
                try:
                    if not entry.when.evaluate(answers):
                        continue
                except ConditionError:
                    continue  # lint guarantees the variables are set on every path
            text = one_line(entry.template.render(answers))
            markdown = one_line(render_markdown(entry.template, answers, walk.tree))
            detail = block_text(entry.detail.render(answers)) if entry.detail else ""
            items.append(ChecklistItem(part, text, markdown, entry.source, detail))
    return Checklist(walk.tree, outcome, walk.history, answers, tuple(items))


def block_text(text: str) -> str:
    """A detail block: its lines kept (trailing space and blank edges dropped), control
    characters other than tab removed."""
    lines = [CONTROL_RE.sub("", line).rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


def code_fence(text: str) -> str:
    """`text` as a fenced code block no line of it can close (a longer fence than any
    backtick run in it): inert however hostile the text."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text}\n{fence}"


def one_line(text: str) -> str:
    """`text` on one line, runs of white space as one space."""
    return " ".join(text.split())


# --------------------------------------------------------------------------- escaping


#: ASCII characters `CONTROL_RE` does not match.
_NOT_CONTROL = bytes(range(0x20, 0x7F)) + b"\t\n\r"


def _no_control(text: str) -> bool:
    """Whether `text` is ASCII with no character `CONTROL_RE` matches: a byte table
    deletes the others and nothing is left (no regex scan)."""
    return text.isascii() and not text.encode("ascii").translate(None, _NOT_CONTROL)


def md_escape(value: str) -> str:
    """Inline Markdown for untrusted text: one line, every markup character escaped,
    URLs, e-mail addresses and @mentions as code spans (literal, never live)."""
    # each regex only where it can change something: a scan costs more than the tests
    text = value if _no_control(value) else CONTROL_RE.sub("", value)
    text = " ".join(text.replace("\r", "\n").split("\n"))
    if "  " in text or "\t" in text:  # else every run of blanks is one space already
        text = _BLANKS_RE.sub(" ", text)
    if not any(hint in text for hint in _LIVE_HINTS):
        return _MD_SPECIAL_RE.sub(r"\\\1", text)
    out: list[str] = []
    done = 0
    for match in _LIVE_RE.finditer(text):
        token = match.group().rstrip(_TRAILING)
        if len(token) < 2:
            continue
        out.append(_MD_SPECIAL_RE.sub(r"\\\1", text[done : match.start()]))
        out.append(f"`{token}`")  # code span content is literal: no escapes needed
        done = match.start() + len(token)
    out.append(_MD_SPECIAL_RE.sub(r"\\\1", text[done:]))
    return "".join(out)


def cell_escape(value: str) -> str:
    """A table cell: inline-escaped (which covers `|`), never empty."""
    return md_escape(value) or " "


def _text(text: str) -> str:
    """Tree-authored text on one line (it is Markdown on purpose)."""
    return " ".join(CONTROL_RE.sub("", text).split())


def tree_text(tree: Tree, text: str) -> str:
    """A tree's own text for the export: Markdown as written by a tree's author, but
    escaped like an answer when the tree was drafted from article text."""
    return md_escape(text) if tree.draft else _text(text)


def render_markdown(template: Template, answers: Mapping[str, Value], tree: Tree) -> str:
    """A template as Markdown: values always escaped; the literal text too in a draft."""
    if tree.draft:
        return md_escape(template.render(answers))
    return template.render(answers, escape=md_escape)
