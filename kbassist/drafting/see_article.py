"""A one-step fix whose how-to the article leaves to another KB article: say where.

"Use the MMC-based Internet Services Manager. For additional information, click the
article number below ...: Q263121 The Internet Services Manager MMC Is Not Added to the
Windows Start Menu" (Q263716): the pointer sentence is boilerplate and dropped, so the
walk's one step named a tool with no way to open it, and readers asked for "see
Q263121" in the step (round 34, seed 94). The step keeps the pointer when it is the
fix's only step, the pointer sentence follows it in its own paragraph, and one article
is named under it: "Use X (see Q263121, The Internet Services Manager MMC Is Not Added
to the Windows Start Menu)."
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kbassist.drafting.text import clean, paragraphs, split_detail, split_sentences, with_detail

if TYPE_CHECKING:
    from kbassist.drafting.option_model import Option

#: "For additional information, click the article number below to view the article in
#: the Microsoft Knowledge Base:" (one article, never "numbers" / a list of them).
_POINTER_RE = re.compile(
    r"^for (?:more|additional|further) information(?: about [^,:]{3,120})?, (?:please )?"
    r"(?:click|see|read|view) the (?:following )?article(?: number)?(?! numbers)\b[^:]{0,120}:?$",
    re.IGNORECASE,
)
#: "Q263121 The Internet Services Manager MMC Is Not Added to the Windows Start Menu".
_ARTICLE_RE = re.compile(r"^(?P<q>Q\d{5,7})\s+(?P<title>\S.{3,150})$")
#: The longest step kept with its pointer: a pointer after a long step explains a part.
_MAX_STEP = 160


def pointed_article(option: Option) -> None:
    """The fix's only step with the article its pointer names ("see Q263121, <title>")."""
    if len(option.items) != 1:
        return
    text, detail = split_detail(option.items[0])
    flat = " ".join(text.split()).rstrip()
    if not flat.endswith(".") or len(flat) > _MAX_STEP or re.search(r"\bQ\d{5,7}\b", flat):
        return
    paras = paragraphs(option.section.text)
    for at, para in enumerate(paras[:-1]):
        sentences = split_sentences(clean(para.text))
        if len(sentences) != 2 or sentences[0] != flat or not _POINTER_RE.match(sentences[1]):
            continue
        found = _ARTICLE_RE.match(clean(paras[at + 1].text))
        if found is None or (at + 2 < len(paras) and _ARTICLE_RE.match(clean(paras[at + 2].text))):
            return  # no article named, or several: a list to read, not one to see
        said = f"{flat[:-1]} (see {found.group('q')}, {found.group('title').rstrip('.')})."
        option.items = [with_detail(said, detail) if detail.strip() else said]
        return
