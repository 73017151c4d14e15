"""In-page link lists: a table of contents is where to read, never a step or an option.

Modern Microsoft articles open a part with the sections below as links to their anchors
("- [Configure licensing for an RDS deployment that includes ...](#rdcb)"). Ticked as
steps they repeat the headings the walk reaches anyway and read as actions the admin
cannot do; offered as options they are the same fix twice.
"""

from __future__ import annotations

from kbassist.articles.model import ListBlock, Paragraph
from kbassist.drafting.text import clean


def anchor_only(paragraph: Paragraph) -> str:
    """The link text when the paragraph is only one in-page link ("[Step 2: X](#extra2)",
    trailing "." allowed), else ""."""
    plain = paragraph.text.plain
    links = [m for m in paragraph.text.marks if m.kind == "link"]
    if len(links) != 1 or not links[0].target.startswith("#"):
        return ""
    mark = links[0]
    said = clean(plain[mark.start : mark.end])
    rest = clean(plain[: mark.start] + plain[mark.end :]).strip(" .;:,")
    return said if said and not rest else ""


def toc_entries(block: ListBlock) -> list[str]:
    """The link texts of a list whose every item is one in-page link (a table of
    contents; nested lists of such links too), else []."""
    found: list[str] = []
    for item in block.items:
        if not item.blocks or not isinstance(item.blocks[0], Paragraph):
            return []
        said = anchor_only(item.blocks[0])
        if not said:
            return []
        found.append(said)
        for sub in item.blocks[1:]:
            inner = toc_entries(sub) if isinstance(sub, ListBlock) else []
            if not inner:
                return []
            found.extend(inner)
    return found
