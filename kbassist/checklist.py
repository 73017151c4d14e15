"""A finished walk -> a tailored checklist -> Markdown (GFM task list) and Mermaid.

Values the admin typed are untrusted text inside a Markdown document: every one passes
through `md_escape` (or `cell_escape` inside a table) so a `|`, a leading `#`, a
backtick, `<script>`, `&lt;img ...&gt;`, a link, an image or a newline stays literal
text, and a bare URL, an e-mail address or an `@mention` becomes a code span (no live
link, no notification). A hand-written tree's text is written by the tree's author
and is Markdown on purpose. A drafted tree's (`draft: true`, auto-drafted walks) is
article text nobody reviewed: it is escaped exactly like typed answers, and the
export is stamped "auto-drafted, not reviewed".
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from kbassist.trees.conditions import ConditionError, Value
from kbassist.trees.engine import Step, Walk
from kbassist.trees.model import Outcome, Source, Tree
from kbassist.trees.templates import Template

PARTS = {"steps": "Checklist", "verify": "Verify", "rollback": "Roll back"}

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
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
# Trailing punctuation is the sentence's, not the URL's (as GFM's autolinker reads it).
_TRAILING = ".,:;!?'\")]}*_~"
DRAFT_BANNER = (
    "> **Auto-drafted, not reviewed:** kbassist drafted this checklist from the article "
    "text. Check every step against the article before acting on it."
)


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    """One line to tick off: plain text, the same in Markdown, and its source."""

    part: str  # "steps", "verify" or "rollback"
    text: str
    markdown: str
    source: Source

    @property
    def key(self) -> tuple[str, str]:
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
            text = _one_line(entry.template.render(answers))
            markdown = _one_line(render_markdown(entry.template, answers, walk.tree))
            items.append(ChecklistItem(part, text, markdown, entry.source))
    return Checklist(walk.tree, outcome, walk.history, answers, tuple(items))


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --------------------------------------------------------------------------- escaping


def md_escape(value: str) -> str:
    """Inline Markdown for untrusted text: one line, every markup character escaped,
    URLs, e-mail addresses and @mentions as code spans (literal, never live)."""
    text = _CONTROL_RE.sub("", value)
    text = " ".join(text.replace("\r", "\n").split("\n"))
    text = re.sub(r"[ \t]+", " ", text)
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
    return " ".join(_CONTROL_RE.sub("", text).split())


def tree_text(tree: Tree, text: str) -> str:
    """A tree's own text for the export: Markdown as written by a tree's author, but
    escaped like an answer when the tree was drafted from article text."""
    return md_escape(text) if tree.draft else _text(text)


def render_markdown(template: Template, answers: Mapping[str, Value], tree: Tree) -> str:
    """A template as Markdown: values always escaped; the literal text too in a draft."""
    if tree.draft:
        return md_escape(template.render(answers))
    return template.render(answers, escape=md_escape)


# --------------------------------------------------------------------------- Markdown


def to_markdown(
    checklist: Checklist,
    *,
    today: date | None = None,
    mermaid: bool = False,
    article_titles: Mapping[str, str] | None = None,
) -> str:
    """The export: title, situation, answers, task lists, sources, provenance."""
    tree = checklist.tree
    outcome = checklist.outcome
    answers = checklist.answers
    titles = {k.casefold(): v for k, v in (article_titles or {}).items()}
    out: list[str] = [f"# {tree_text(tree, tree.title)}", ""]
    if tree.draft:
        out += [DRAFT_BANNER, ""]
    out += ["## Situation", ""]
    out.append(f"- **Symptom:** {tree_text(tree, tree.symptom)}")
    out.append(f"- **Cause:** {tree_text(tree, tree.cause)}")
    mitigation = tree_text(tree, outcome.title)
    out.append(f"- **Chosen mitigation:** {mitigation}")
    if outcome.text is not None:
        out.append(f"  {_one_line(render_markdown(outcome.text, answers, tree))}")
    out.append("")
    rows = [s for s in checklist.steps if s.value is not None]
    if rows:
        out += ["## Answers", "", "| Question | Answer |", "| --- | --- |"]
        for step in rows:
            out.append(f"| {cell_escape(step.node.title)} | {cell_escape(step.display_value)} |")
        out.append("")
    for part, heading in PARTS.items():
        items = checklist.part(part)
        if not items:
            continue
        out += [f"## {heading}", ""]
        for item in items:
            out.append(f"- [ ] {item.markdown} _({_cite(item.source)})_")
        out.append("")
    out += ["## Sources", ""]
    for article_id in tree.articles:
        sections = [s.section for s in checklist.sources if s.article == article_id]
        title = titles.get(article_id.casefold())
        line = f"- {md_escape(article_id)}"
        if title:
            line += f": {md_escape(title)}"
        if sections:
            line += f" ({', '.join(md_escape(s) for s in sections)})"
        out.append(line)
    out.append("")
    if mermaid:
        out += ["## Decision path", "", "```mermaid", to_mermaid(tree, checklist.path), "```", ""]
    stamp = (today or date.today()).isoformat()
    drafted = " (auto-drafted, not reviewed)" if tree.draft else ""
    out.append(
        f"_Generated by kbassist from decision tree `{tree.id}` version {tree.version}"
        f"{drafted} on {stamp}._"
    )
    return "\n".join(out) + "\n"


def _cite(source: Source) -> str:
    return f"{md_escape(source.article)}, {md_escape(source.section)}"


# --------------------------------------------------------------------------- Mermaid

_SHAPES = {
    "question": ('{"', '"}'),
    "input": ('[/"', '"/]'),
    "info": ('["', '"]'),
    "outcome": ('(["', '"])'),
}


def mermaid_label(text: str) -> str:
    """Text inside a quoted Mermaid label: quotes, brackets and markup as entity codes."""
    text = " ".join(_CONTROL_RE.sub("", text).split())
    out = []
    for char in text:
        if char.isalnum() or char in " .,:;?!-_/'":
            out.append(char)
        else:
            out.append(f"#{ord(char)};")
    return "".join(out)[:120]


def to_mermaid(tree: Tree, path: list[str] | None = None) -> str:
    """A `flowchart TD` of the whole tree; nodes and links on `path` highlighted."""
    path = path or []
    ids = {node_id: f"n{i}" for i, node_id in enumerate(tree.nodes)}
    taken_edges = set(itertools.pairwise(path))
    lines = ["flowchart TD"]
    for node in tree.nodes.values():
        left, right = _SHAPES.get(node.kind, ('["', '"]'))
        lines.append(f"    {ids[node.id]}{left}{mermaid_label(node.title)}{right}")
    link = 0
    highlighted: list[str] = []
    for node in tree.nodes.values():
        for label, target in node.successors():
            if target not in ids:
                continue
            arrow = f' -->|"{mermaid_label(label)}"| ' if label else " --> "
            lines.append(f"    {ids[node.id]}{arrow}{ids[target]}")
            if (node.id, target) in taken_edges:
                highlighted.append(str(link))
            link += 1
    on_path = [ids[n] for n in dict.fromkeys(path) if n in ids]
    if on_path:
        lines.append("    classDef taken fill:#fff3c4,stroke:#b36b00,stroke-width:3px")
        lines.append(f"    class {','.join(on_path)} taken")
    if highlighted:
        lines.append(f"    linkStyle {','.join(highlighted)} stroke:#b36b00,stroke-width:3px")
    return "\n".join(lines)
