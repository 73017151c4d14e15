"""A cause a modern support article says only where it fixes it: "## Remove TLS 1.3
registry keys" opening "This issue occurs because TLS 1.3 is enabled on the sponsor node.
To resolve this issue, remove ...". With no Cause heading and no "because" in the
summary, the draft said "X gives no cause" though the article names it plainly.

`cause_in_fix` finds that sentence anywhere in the article's parts, only when the
article says it once and has no Cause heading (two "This issue occurs because" sentences,
or "## Cause for issue 1" and "## Cause for issue 2", belong to two issues, and one of
them would be the wrong cause for the other's admin).
"""

from __future__ import annotations

import re

from kbassist.articles import Article, Section
from kbassist.articles.model import Paragraph
from kbassist.drafting.text import split_sentences

#: "This issue occurs because X", "The problem is caused by X", "This error occurs
#: because X": the article's own cause sentence, said as a whole.
_CAUSE_SENTENCE_RE = re.compile(
    r"^(?:this|the) (?:issue|problem|error|behaviou?r|failure|crash) (?:(?:occurs|happens) "
    r"because|is caused by|occurs if|occurs when)\b",
    re.IGNORECASE,
)


def cause_in_fix(article: Article) -> tuple[str, Section | None]:
    """The one "This issue occurs because X" sentence of the article (in any part), cited
    to its section; ("", None) when there is none or more than one."""
    from kbassist.drafting.blocks import part_sections
    from kbassist.drafting.modern import md_plain

    if article.style == "mskb" or ("occur" not in article.body and "caused" not in article.body):
        return "", None  # cheap guard: most articles never say it
    if article.parts_by_role("cause"):
        return "", None  # "## Cause for issue 1" / "for issue 2": one cause line is wrong
    sections = part_sections(article)
    found: list[tuple[str, Section]] = []
    for part in article.document.walk():
        section = sections.get(id(part))
        if section is None:
            continue
        for block in part.blocks:
            if not isinstance(block, Paragraph):
                continue
            for sentence in split_sentences(md_plain(block.text.plain)):
                if _CAUSE_SENTENCE_RE.match(sentence) and not sentence.endswith(":"):
                    found.append((sentence, section))
    if len({s for s, _ in found}) != 1:
        return "", None
    return found[0]
