"""MS KB plain-text tables and examples in a CAUSE kept as written, never run into its
sentences.

An archive CAUSE often shows a table between its sentences: a box table ("+------+ |
Name | Size |"), a column of cells between dashed rules ("----- | 1 | -----"), columns
under an underlined header ("CLIENT   SERVER / ======   ======"); or an indented example
under a lead ending ":" (a registry key, INI lines, a command, code, the messages
logged). Joining the section's lines flattened them into the cause ("... { = SUM(A1:A2)}.
----- | 1 | ----- | 2 | ...", "... such as: net use g: ... subst h: ... The lockouts"),
which no reader can parse. Here the cause node shows each such block line by line where
the article has it, and the one-line cause (the tree's `cause`, shown joined in the
walk's heading) leaves table rows out. An underlined sub-heading ("Method 1 / --------")
is no table: its rule is dropped; an upper-case one ("WORKAROUNDS / -----------") or a
"Sample Code" one starts another part, where the cause ends.
"""

from __future__ import annotations

import re
from itertools import pairwise

from kbassist.drafting.text import clean, dedent_lines, sentence_cut

#: a ruled line: dashes or equals signs (5 or more), maybe with `+`, `|` and gaps
_RULE_RUN_RE = re.compile(r"[-=]{5}")
#: a boxed row: "| cell | cell |"
_ROW_RE = re.compile(r"^\s*\|.*\|\s*(?:\S.*)?$")
#: two columns apart: a gap of two or more spaces between two non-space runs
_GAP_RE = re.compile(r"\S {2,}\S")
#: "WORKAROUNDS", "MORE INFORMATION": a section's own heading, not a cause's
_SECTION_HEAD_RE = re.compile(r"^[A-Z][A-Z0-9 ,&/()'-]{3,}$")
#: a line that ends a sentence of prose ("... the server." but not "... packets ...")
_SENTENCE_END_RE = re.compile(r"\w{2}[.!?]\s*$")
#: a lead ending ":", a blank line, then an indented line
_EXAMPLE_AFTER_RE = re.compile(r":[ \t]*\n[ \t]*\n[ \t]+\S")
#: an indented line that is no example: a list item, a link, an article pointer
_NOT_EXAMPLE_RE = re.compile(
    r"\s*(?:[-*o]\s|\d+[.)]\s|[a-z][.)]\s|https?:|www\.|Q\d{5,6}\b|-or-)", re.I
)
#: an underlined heading over sample code, never part of the cause
_SAMPLE_HEAD_RE = re.compile(r"\b(?:sample|code|example|repro)", re.I)
#: an underline run into a listed cause: "- Method 1 -------- On the Insert menu, ..."
_INLINE_RULE_RE = re.compile(r"(?<=[\w?)]) [-=]{5,} (?=\S)")
#: how many characters of rows the cause node shows at most (whole blocks only)
MAX_TABLE_CHARS = 1600


def _blocks(text: str) -> list[list[str]]:
    """The section's blocks: runs of non-blank lines, as written."""
    out: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            current.append(line.rstrip())
        elif current:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def _indent(lines: list[str]) -> int:
    """The block's least indentation (blank lines aside)."""
    return min(len(line) - len(line.lstrip()) for line in lines if line.strip())


def _goes_on(table: list[str], block: list[str]) -> bool:
    """Whether `block`, after a blank line, still belongs to the indented table above it
    (a network trace's next exchange): as deep, short lines or columns, no prose."""
    depth = _indent(table)
    return (
        depth > 0
        and _indent(block) >= depth
        and all(len(line.strip()) <= 60 or _GAP_RE.search(line.strip()) for line in block)
        and not any(_SENTENCE_END_RE.search(line) for line in block)
    )


def _header_line(block: list[str]) -> bool:
    """Whether `block` is a table header's first line set apart by a blank line: one
    indented line of column names (gaps of two or more spaces), no sentence."""
    line = block[0]
    return (
        len(block) == 1
        and line[:1].isspace()
        and _GAP_RE.search(line.strip()) is not None
        and not _SENTENCE_END_RE.search(line)
    )


def _is_rule(line: str) -> bool:
    """A ruled line ("-----", "+-----+", "======  ======")."""
    if "-----" not in line and "=====" not in line:
        return False
    # what `^\s*[-=+| ]*[-=]{5,}[-=+| ]*$` says, read in one pass: that pattern took
    # cubic time on a long run of dashes with something else at its end
    body = line.lstrip()
    body = body[:-1] if body.endswith("\n") else body
    return not body.strip("-=+| ") and _RULE_RUN_RE.search(body) is not None


def is_table(lines: list[str]) -> bool:
    """A plain-text table: boxed rows, cells between rules, or columns under a ruled
    header. An underlined heading (one line over one rule) is not one."""
    rules = [n for n, line in enumerate(lines) if _is_rule(line)]
    if not rules:
        return False
    rows = [line for line in lines if _ROW_RE.match(line)]
    if rows and len(rules) >= 2:
        return True  # "+----+ / | a | b | / +----+", "----- / | 1 | / -----"
    if rules == [1] and len(lines) >= 3:
        # "Name    Size / -------- / _@x.TMP   1,241,520": columns under a header
        body = lines[2:]
        ruled = lines[1].strip()
        return (" " in ruled or _GAP_RE.search(lines[0]) is not None) and all(
            _GAP_RE.search(line.strip()) for line in body
        )
    return False


def _heading(lines: list[str]) -> str:
    """The heading of an underlined heading block ("Method 1 / --------"), else ""."""
    if (
        len(lines) == 2
        and _is_rule(lines[1])
        and not _is_rule(lines[0])
        and "|" not in lines[0]
        and len(lines[0].strip()) <= 60
    ):
        return lines[0].strip()
    return ""


def has_flat_table(text: str) -> bool:
    """Whether `text` (a section as written) holds a plain-text table, an underlined
    heading or an indented example under a lead ending ":", which joining its lines
    would flatten. Cheap: substring tests first."""
    ruled = "-----" in text or "=====" in text
    if not ruled and _EXAMPLE_AFTER_RE.search(text) is None:
        return False
    blocks = _blocks(text)
    return any(is_table(b) or _heading(b) or _example(a, b) for a, b in pairwise([[], *blocks]))


def _example(lead: list[str], block: list[str]) -> bool:
    """Whether `block` is an example the paragraph `lead` introduces ("... such as:" over
    "  net use g: ..." / "  subst h: ..."): indented deeper than the lead, which ends ":";
    not a list, a link or an article pointer."""
    return (
        bool(lead)
        and lead[-1].rstrip().endswith(":")
        and _indent(block) > _indent(lead)
        and not _NOT_EXAMPLE_RE.match(block[0])
        and not is_table(block)
    )


def _section_end(block: list[str], heading: str) -> bool:
    """Whether `block` starts another part of the article: an upper-case heading
    ("WORKAROUNDS / -----", "RESOLUTION") or sample code ("Sample Code / -----")."""
    if heading:
        return bool(_SECTION_HEAD_RE.match(heading) or _SAMPLE_HEAD_RE.search(heading))
    return len(block) == 1 and bool(_SECTION_HEAD_RE.match(block[0].strip()))


def _shown_rows(block: list[str]) -> str:
    """A table's or example's lines as written, common indentation removed, set in."""
    rows = dedent_lines(block)
    return "\n".join(f"  {row}" if row else "" for row in rows.split("\n"))


def cause_texts(text: str, limit: int) -> tuple[str, str]:
    """(one-line cause, cause node text) of a CAUSE written with tables or examples: a
    table's rows left out of the first, tables and examples shown line by line in the
    second; each up to `limit` characters of prose (whole sentences, whole blocks)."""
    merged: list[tuple[list[str], str]] = []  # (lines, kind)
    for block in _blocks(text):
        if merged and merged[-1][1] == "table" and _goes_on(merged[-1][0], block):
            merged[-1] = ([*merged[-1][0], "", *block], "table")
            continue
        if merged and merged[-1][1] == "example" and _indent(block) >= _indent(merged[-1][0]):
            # "  Event ID 1244 / ..." then "  Event ID 594 / ...": the same example's next
            merged[-1] = ([*merged[-1][0], "", *block], "example")
            continue
        lead = merged[-1][0] if merged and merged[-1][1] == "prose" else []
        kind = "table" if is_table(block) else "example" if _example(lead, block) else "prose"
        if kind == "table" and merged and merged[-1][1] != "table" and _header_line(merged[-1][0]):
            # "          File     File" / blank / "Product  size  date" / "-----": one header
            merged[-1] = ([*merged[-1][0], "", *block], kind)
            continue
        merged.append((block, kind))
    flat: list[str] = []  # the one-line cause's parts
    shown: list[str] = []
    size = 0
    for block, kind in merged:
        heading = _heading(block) if kind == "prose" else ""
        if kind == "prose" and flat and _section_end(block, heading):
            break  # "WORKAROUNDS / -----", "RESOLUTION": the next section, not the cause
        if kind != "prose":
            rows = _shown_rows(block)
            if size + len(rows) > limit + MAX_TABLE_CHARS:
                break
            shown.append(rows)
            size += len(rows)
            if kind == "example":
                flat.append(clean(" ".join(block)))
            continue
        para = clean(heading or " ".join(block))
        if heading and not heading.endswith((":", ".", "?", "!")):
            para += ":"  # "Method 1 / --------": a heading over what follows
        if not para:
            continue
        if size + len(para) > limit:
            room = limit - size
            cut = sentence_cut(para, max(room, 0))
            if not shown or (room > 80 and len(cut) <= room):
                flat.append(cut)  # whole sentences of it
                shown.append(cut)
            break
        flat.append(para)
        shown.append(para)
        size += len(para) + 1
    return sentence_cut(" ".join(flat), limit), "\n".join(shown)


def rules_dropped(listing: str) -> str:
    """A cause listing with underlines run into its lines said as headings: "- Method 1
    -------- On the Insert menu" reads "- Method 1: On the Insert menu"."""
    if "-----" not in listing and "=====" not in listing:
        return listing
    return _INLINE_RULE_RE.sub(lambda m: " " if listing[m.start() - 1] == "?" else ": ", listing)
