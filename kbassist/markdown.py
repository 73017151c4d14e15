"""The one markdown-it-py parser configuration, shared by the loader and the viewer.

Raw HTML is off: article text is shown as text, so `<script>` or `<img>` in an article
stays visible characters and never becomes markup (frogmouth's `parser_factory` habit).
"""

from __future__ import annotations

from markdown_it import MarkdownIt


def make_parser() -> MarkdownIt:
    """CommonMark plus GFM tables and strikethrough, HTML disabled."""
    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
