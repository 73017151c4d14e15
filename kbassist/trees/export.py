"""A checklist -> ticket-ready exports: Markdown (GFM task list), plain text, Mermaid.

Both exports are ticket-ready: the situation names the articles the tree is drawn from
(id, title, link when the article has one) and, when `TicketInfo` says so, the host,
the user and the date. `to_markdown` and `to_text` say the same things in the same
order, with the items named in `ticked` (by `ChecklistItem.key`, as a session saves
them) ticked; `kbassist.assistant.export_checklist` is what the CLI and the TUI call.

Escaping is `kbassist.trees.checklist`'s (see there). A drafted tree's export is
stamped "auto-drafted, not reviewed".
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from kbassist.sanitize import sanitize
from kbassist.trees.checklist import (
    CONTROL_RE,
    PARTS,
    Checklist,
    ItemKey,
    cell_escape,
    code_fence,
    md_escape,
    one_line,
    render_markdown,
    tree_text,
)
from kbassist.trees.engine import Step
from kbassist.trees.model import Info, Node, Source, Tree

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
    ticked: Collection[ItemKey] = (),
) -> str:
    """The export: title, situation, answers, task lists, sources, provenance.

    `articles` (by id) adds each article's title and link to the situation; `ticket`
    adds host, user and date (without it, the footer is dated `today`); the items
    whose `key` is in `ticked` are written as `- [x]`.
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
        out.append(f"  {one_line(render_markdown(outcome.text, answers, tree))}")
    for label, value in _ticket_lines(ticket):
        out.append(f"- **{label}:** {md_escape(value)}")
    out.append("")
    rows = [s for s in checklist.steps if s.value is not None]
    if rows:
        out += ["## Answers", "", "| Question | Answer |", "| --- | --- |"]
        for step in rows:
            out.append(f"| {cell_escape(step.node.title)} | {cell_escape(step.display_value)} |")
        out.append("")
    if checks := _checks_run(checklist):
        out += [f"## {CHECKS_HEADING}", ""]
        for step in checks:
            assert step.node.text is not None  # _checks_run keeps those with a text
            out.append(f"- {md_escape(step.node.title)} _({_cite_node(step.node)})_")
            shown = step.node.text.render(answers)
            out += ["", *_indent(code_fence(shown), "  "), ""]
    for part, heading in PARTS.items():
        items = checklist.part(part)
        if not items:
            continue
        out += [f"## {heading}", ""]
        for item in items:
            box = "[x]" if item.key in ticked else "[ ]"
            out.append(f"- {box} {item.markdown} _({_cite(item.source)})_")
            if item.detail:
                out += ["", *_indent(code_fence(item.detail), "  "), ""]
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


def _indent(block: str, prefix: str) -> list[str]:
    """A detail block's lines, indented under their item, terminal control removed."""
    return [f"{prefix}{sanitize(line)}".rstrip() for line in block.split("\n")]


def _heading(text: str, rule: str) -> list[str]:
    return [text, rule * max(len(text), 3)]


def to_text(
    checklist: Checklist,
    *,
    today: date | None = None,
    article_titles: Mapping[str, str] | None = None,
    articles: Mapping[str, ArticleRef] | None = None,
    ticket: TicketInfo | None = None,
    ticked: Collection[ItemKey] = (),
) -> str:
    """The export as plain text, for ticket systems that do not render Markdown.

    The same parts, in the same order, as `to_markdown`: headings underlined, labels
    aligned, `[ ]`/`[x]` boxes (`[x]` for the keys in `ticked`), every value as typed
    (nothing escaped, control characters removed).
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
    if checks := _checks_run(checklist):
        out += _heading(CHECKS_HEADING, "-")
        for step in checks:
            assert step.node.text is not None  # _checks_run keeps those with a text
            out.append(f"{plain(step.node.title)} ({_plain_cite_node(step.node)})")
            out += _indent(step.node.text.render(answers), "    ")
        out.append("")
    for part, heading in PARTS.items():
        items = checklist.part(part)
        if not items:
            continue
        out += _heading(heading, "-")
        for item in items:
            box = "[x]" if item.key in ticked else "[ ]"
            source = f"{plain(item.source.article)}, {plain(item.source.section)}"
            out.append(f"{box} {plain(item.text)} ({source})")
            if item.detail:
                out += _indent(item.detail, "    ")
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


#: The export's part for the checks shown on the way (info steps marked `checks`).
CHECKS_HEADING = "Checks run on the way"


def _checks_run(checklist: Checklist) -> list[Step]:
    """The walk's steps that showed checks to run (what the answers were read from)."""
    return [
        s for s in checklist.steps if isinstance(s.node, Info) and s.node.checks and s.node.text
    ]


def _cite_node(node: Node) -> str:
    """Where a step comes from, as the items cite theirs; the tree's own text if unsaid."""
    return _cite(node.source) if node.source is not None else "this tree"


def _plain_cite_node(node: Node) -> str:
    if node.source is None:
        return "this tree"
    return f"{plain(node.source.article)}, {plain(node.source.section)}"


# --------------------------------------------------------------------------- Mermaid

_SHAPES = {
    "question": ('{"', '"}'),
    "input": ('[/"', '"/]'),
    "info": ('["', '"]'),
    "outcome": ('(["', '"])'),
}


def mermaid_label(text: str) -> str:
    """Text inside a quoted Mermaid label: quotes, brackets and markup as entity codes."""
    text = " ".join(CONTROL_RE.sub("", text).split())
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
