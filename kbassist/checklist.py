"""A finished walk -> a tailored checklist -> Markdown (GFM task list), plain text, Mermaid.

Both exports are ticket-ready: the situation names the articles the tree is drawn from
(id, title, link when the article has one) and, when `TicketInfo` says so, the host,
the user and the date. `to_markdown` and `to_text` say the same things in the same
order; `kbassist.assistant.export_checklist` is what the CLI and the TUI call.

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
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from kbassist.sanitize import sanitize
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
DRAFT_WARNING = (
    "kbassist drafted this checklist from the article text. Check every step against "
    "the article before acting on it."
)
DRAFT_BANNER = f"> **Auto-drafted, not reviewed:** {DRAFT_WARNING}"

ExportFormat = Literal["markdown", "text"]
#: Each export format and the file suffix it is written with.
EXPORT_FORMATS: dict[str, str] = {"markdown": ".md", "text": ".txt"}


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """What an export says about an article the tree is drawn from."""

    id: str
    title: str = ""
    link: str = ""  # an http(s) address (`articles.article_link`), "" if none


@dataclass(frozen=True, slots=True)
class TicketInfo:
    """Where and when the walk was done; a field is None when the settings switch it off."""

    host: str | None = None
    user: str | None = None
    day: date | None = None


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


def _refs(
    checklist: Checklist,
    articles: Mapping[str, ArticleRef] | None,
    article_titles: Mapping[str, str] | None,
) -> list[ArticleRef]:
    """The tree's articles, in its order, with what is known of each."""
    known = {k.casefold(): v for k, v in (articles or {}).items()}
    titles = {k.casefold(): v for k, v in (article_titles or {}).items()}
    out = []
    for article_id in checklist.tree.articles:
        ref = known.get(article_id.casefold())
        if ref is None:
            ref = ArticleRef(article_id, titles.get(article_id.casefold(), ""))
        out.append(ref)
    return out


def _stamp_day(ticket: TicketInfo | None, today: date | None) -> date | None:
    """The footer's date: the ticket's (None when switched off), else today."""
    if ticket is not None:
        return ticket.day
    return today or date.today()


def _md_link(link: str, tree: Tree) -> str:
    """A live `<https://...>` for a reviewed tree; a literal code span in a drafted one,
    whose text nobody reviewed (as every URL in its export)."""
    return f"`{link}`" if tree.draft else f"<{link}>"


def to_markdown(
    checklist: Checklist,
    *,
    today: date | None = None,
    mermaid: bool = False,
    article_titles: Mapping[str, str] | None = None,
    articles: Mapping[str, ArticleRef] | None = None,
    ticket: TicketInfo | None = None,
    ticked: Collection[int] = (),
) -> str:
    """The export: title, situation, answers, task lists, sources, provenance.

    `articles` (by id) adds each article's title and link to the situation; `ticket`
    adds host, user and date (without it, the footer is dated `today`); `ticked` are
    indexes into `checklist.items` written as `- [x]`.
    """
    tree = checklist.tree
    outcome = checklist.outcome
    answers = checklist.answers
    refs = _refs(checklist, articles, article_titles)
    titles = {ref.id.casefold(): ref.title for ref in refs if ref.title}
    out: list[str] = [f"# {tree_text(tree, tree.title)}", ""]
    if tree.draft:
        out += [DRAFT_BANNER, ""]
    out += ["## Situation", ""]
    if articles is not None:
        for ref in refs:
            line = f"- **Article:** {md_escape(ref.id)}"
            if ref.title:
                line += f": {md_escape(ref.title)}"
            if ref.link:
                line += f" {_md_link(ref.link, tree)}"
            out.append(line)
    out.append(f"- **Symptom:** {tree_text(tree, tree.symptom)}")
    out.append(f"- **Cause:** {tree_text(tree, tree.cause)}")
    mitigation = tree_text(tree, outcome.title)
    out.append(f"- **Chosen mitigation:** {mitigation}")
    if outcome.text is not None:
        out.append(f"  {_one_line(render_markdown(outcome.text, answers, tree))}")
    for label, value in _ticket_lines(ticket):
        out.append(f"- **{label}:** {md_escape(value)}")
    out.append("")
    index = {id(item): n for n, item in enumerate(checklist.items)}
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
            box = "[x]" if index[id(item)] in ticked else "[ ]"
            out.append(f"- {box} {item.markdown} _({_cite(item.source)})_")
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
    out.append(f"_{_generated(tree, _stamp_day(ticket, today), code=True)}_")
    return "\n".join(out) + "\n"


def _generated(tree: Tree, day: date | None, *, code: bool) -> str:
    """The provenance line: tree id and version, the auto-drafted stamp, the date."""
    tree_id = f"`{tree.id}`" if code else tree.id
    drafted = " (auto-drafted, not reviewed)" if tree.draft else ""
    on = f" on {day.isoformat()}" if day is not None else ""
    version = f"version {tree.version}"
    return f"Generated by kbassist from decision tree {tree_id} {version}{drafted}{on}."


def _ticket_lines(ticket: TicketInfo | None) -> list[tuple[str, str]]:
    if ticket is None:
        return []
    lines = []
    if ticket.host:
        lines.append(("Host", ticket.host))
    if ticket.user:
        lines.append(("User", ticket.user))
    if ticket.day is not None:
        lines.append(("Date", ticket.day.isoformat()))
    return lines


# --------------------------------------------------------------------------- plain text


def plain(text: str) -> str:
    """Text for a ticket system that shows characters as they are: one line, terminal
    escape sequences and bidi overrides removed whole (nothing to escape: no markup is
    interpreted)."""
    return " ".join(sanitize(text).split())


def _heading(text: str, rule: str) -> list[str]:
    return [text, rule * max(len(text), 3)]


def to_text(
    checklist: Checklist,
    *,
    today: date | None = None,
    article_titles: Mapping[str, str] | None = None,
    articles: Mapping[str, ArticleRef] | None = None,
    ticket: TicketInfo | None = None,
    ticked: Collection[int] = (),
) -> str:
    """The export as plain text, for ticket systems that do not render Markdown.

    The same parts, in the same order, as `to_markdown`: headings underlined, labels
    aligned, `[ ]`/`[x]` boxes, every value as typed (nothing escaped, control
    characters removed).
    """
    tree = checklist.tree
    outcome = checklist.outcome
    answers = checklist.answers
    refs = _refs(checklist, articles, article_titles)
    out: list[str] = [*_heading(plain(tree.title), "="), ""]
    if tree.draft:
        out += [f"AUTO-DRAFTED, NOT REVIEWED: {DRAFT_WARNING}", ""]
    fields: list[tuple[str, str]] = []
    if articles is not None:
        for ref in refs:
            value = plain(ref.id) + (f": {plain(ref.title)}" if ref.title else "")
            fields.append(("Article", value + (f" <{ref.link}>" if ref.link else "")))
    fields += [
        ("Symptom", plain(tree.symptom)),
        ("Cause", plain(tree.cause)),
        ("Mitigation", plain(outcome.title)),
    ]
    if outcome.text is not None:
        fields.append(("", plain(outcome.text.render(answers))))
    fields += [(label, plain(value)) for label, value in _ticket_lines(ticket)]
    width = max(len(label) for label, _ in fields) + 2
    out += _heading("Situation", "-")
    for label, value in fields:
        out.append(f"{label + ':' if label else '':<{width}}{value}".rstrip())
    out.append("")
    rows = [s for s in checklist.steps if s.value is not None]
    if rows:
        out += _heading("Answers", "-")
        for step in rows:
            out.append(f"{plain(step.node.title)}: {plain(step.display_value)}")
        out.append("")
    index = {id(item): n for n, item in enumerate(checklist.items)}
    for part, heading in PARTS.items():
        items = checklist.part(part)
        if not items:
            continue
        out += _heading(heading, "-")
        for item in items:
            box = "[x]" if index[id(item)] in ticked else "[ ]"
            source = f"{plain(item.source.article)}, {plain(item.source.section)}"
            out.append(f"{box} {plain(item.text)} ({source})")
        out.append("")
    out += _heading("Sources", "-")
    for ref in refs:
        sections = [s.section for s in checklist.sources if s.article == ref.id]
        line = f"- {plain(ref.id)}"
        if ref.title:
            line += f": {plain(ref.title)}"
        if sections:
            line += f" ({', '.join(plain(s) for s in sections)})"
        out.append(line)
    out.append("")
    out.append(_generated(tree, _stamp_day(ticket, today), code=False))
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
