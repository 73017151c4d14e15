"""Snippets: the text a hit's snippet is cut from (kept in the index), and the cut."""

from __future__ import annotations

import re

from kbassist.articles import Article

#: statement comes first, and a 178 KB article must not cost more than a small one.
SNIPPET_SCAN_CHARS = 20_000


def make_snippet(text: str, terms: set[str], width: int = 200) -> tuple[tuple[str, bool], ...]:
    """The window of `text` with the most distinct query terms, matches marked.

    Matching is by stem prefix on the raw text (a C-speed regex), not by re-running the
    analyzer: snippets for 20 hits must cost well under a millisecond each.
    """
    text = " ".join(text[:SNIPPET_SCAN_CHARS].split())
    if not text:
        return ()
    stems = sorted({t for t in terms if t and len(t) > 1}, key=len, reverse=True)
    matches: list[tuple[int, int, str]] = []
    if stems:
        pattern = re.compile(
            r"(?<!\w)(" + "|".join(re.escape(s) for s in stems) + r")\w*", re.IGNORECASE
        )
        matches = [(m.start(), m.end(), m.group(1).lower()) for m in pattern.finditer(text)]
    start = 0
    if matches:
        # Two pointers over the matches: the window start with most distinct terms.
        best_count, best_start = -1, 0
        counts: dict[str, int] = {}
        right = 0
        for left, (s, _e, _t) in enumerate(matches):
            while right < len(matches) and matches[right][0] < s + width:
                term = matches[right][2]
                counts[term] = counts.get(term, 0) + 1
                right += 1
            if len(counts) > best_count:
                best_count, best_start = len(counts), s
            gone = matches[left][2]
            counts[gone] -= 1
            if not counts[gone]:
                del counts[gone]
        start = max(0, best_start - 40)
        if start:
            space = text.rfind(" ", 0, start)
            start = space + 1 if space != -1 and start - space < 20 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + width // 2 else end
    runs: list[tuple[str, bool]] = []
    if start > 0:
        runs.append(("…", False))
    cursor = start
    for s, e, _t in matches:
        if s < start or e > end:
            continue
        if s > cursor:
            runs.append((text[cursor:s], False))
        runs.append((text[s:e], True))
        cursor = e
    if cursor < end:
        runs.append((text[cursor:end], False))
    if end < len(text):
        runs.append(("…", False))
    return tuple(runs)


#: Roles a snippet prefers, in order: the problem statement, then why, then the fix.
_SNIPPET_ROLES = ("symptom", "impact", "summary", "cause", "resolution")


def snippet_source(article: Article) -> str:
    """The text a snippet is cut from: preferred sections first, at most SNIPPET_SCAN_CHARS.

    Computed once at index time and kept in the index. Snippets used to re-read and
    re-parse each hit's file on every search: three 4 MB articles made one search take
    29 s and 620 MB.
    """
    ordered = sorted(
        (s for s in article.sections if s.key != "appliesto"),
        key=lambda s: (
            _SNIPPET_ROLES.index(s.role) if s.role in _SNIPPET_ROLES else len(_SNIPPET_ROLES)
        ),
    )
    parts: list[str] = []
    size = 0
    for section in ordered:
        parts.append(section.text[: SNIPPET_SCAN_CHARS - size])
        size += len(parts[-1]) + 1
        if size >= SNIPPET_SCAN_CHARS:
            break
    joined = " \n".join(parts)
    if article.style == "markdown" and "\\" in joined:
        joined = _ESCAPE_RE.sub(r"\1", joined)
    text = " ".join(_unmarked(joined)[:SNIPPET_SCAN_CHARS].split())
    return text or article.title


#: A Markdown backslash escape (`\<LineNumber>`, `\*`): the reader sees the character.
#: Not `\\` (a UNC path's `\\server` stays) and only in Markdown articles: the
#: archive's plain text means its backslashes (`C:\*.*`).
_ESCAPE_RE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\]^_`{|}~])")


#: Markdown's block marks at the start of a line: quote markers and docs alerts go, a
#: list bullet reads as one.
_QUOTE_RE = re.compile(r"^[ \t]*(?:>[ \t]?)+(?:\[![A-Za-z]+\][ \t]*)?", re.MULTILINE)
_BULLET_RE = re.compile(r"^[ \t]*[-*+][ \t]+", re.MULTILINE)


#: Inline Markdown a snippet shows as the text it marks (bounded: linear on any input).
_FENCE_LINE_RE = re.compile(r"^[ \t]*(?:`{3,}|~{3,})[^\n]*$", re.MULTILINE)
_HEADING_RE = re.compile(r"^[ \t]*#{1,6}[ \t]+", re.MULTILINE)
#: A link's target may hold one level of brackets ("wiki/Raft_(algorithm)#Log"); a
#: reference link ("[docs here][etcdPractices]") shows its text, as on GitHub.
_LINK_RE = re.compile(
    r"!?\[([^\[\]]{0,200})\](?:\((?:[^()\s]|\([^()\s]{0,200}\)){0,500}\)|\[[^\[\]\n]{1,100}\])"
)
_CODE_SPAN_RE = re.compile(r"`([^`\n]{1,200})`")
#: HTML a runbook uses for layout (`<details><summary>Full context`); not placeholders
#: such as `<your_domain.com>`, which are text an admin must see.
_HTML_TAG_RE = re.compile(
    r"</?(?:details|summary|br|p|b|i|em|strong|code|kbd|pre|sup|sub|span|div|table|tr|td|th)"
    r"\b[^<>\n]{0,200}>",
    re.IGNORECASE,
)
_STRONG_RE = re.compile(r"(\*\*|__)(\S[^*_\n]{0,200}?)\1")
#: Microsoft Docs' block markup (`:::image type="content" source="x.png" alt-text="...":::`,
#: `:::image-end:::`, `:::row:::`): markup, not text (a support article's hit read
#: `…provider.png" alt-text="Screenshot shows …"::: After you set…`). Bounded per match.
_DOCS_MARKUP_RE = re.compile(r":::[ \t]*[A-Za-z][\w-]{0,40}(?:[^:\n]|:(?!::)){0,1000}:::")


def _unmarked(text: str) -> str:
    """`text` as a reader sees it: no `>` quote markers, `[!NOTE]` tags or `&nbsp;`, no
    code fences, heading hashes, link targets, backticks, bold markers or layout HTML (a runbook's
    snippet read "```shell $ etcdctl defrag ```")."""
    # Each pattern only where the text holds the character it needs: most archive
    # text holds none, and a scan for one character is far cheaper than a regex pass.
    if ">" in text:
        text = _QUOTE_RE.sub("", text)
    text = text.replace("&nbsp;", " ")
    if "```" in text or "~~~" in text:
        text = _FENCE_LINE_RE.sub("", text)
    if "#" in text:
        text = _HEADING_RE.sub("", text)
    if "](" in text or "][" in text:
        text = _LINK_RE.sub(r"\1", text)
    if "`" in text:
        text = _CODE_SPAN_RE.sub(r"\1", text)
    if "**" in text or "__" in text:
        text = _STRONG_RE.sub(r"\2", text)
    if "<" in text:
        text = _HTML_TAG_RE.sub(" ", text)
    if ":::" in text:
        text = _DOCS_MARKUP_RE.sub(" ", text)
    if any(mark in text for mark in _BULLET_MARKS):
        text = _BULLET_RE.sub("• ", text)
    return text


_BULLET_MARKS = ("- ", "* ", "+ ", "-\t", "*\t", "+\t")
