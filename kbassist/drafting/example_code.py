"""A fix said in prose gets the script the article gives for it in an example section.

Modern articles sometimes say the fix in one sentence ("Use a different folder name or a
different folder path when restoring a database.") and give the script that does it
under its own heading ("## Script example": "Script example of a database restoration"
over a `RESTORE DATABASE ... WITH MOVE ...` block). Dropped, the reader ticks a vague
sentence with nothing to copy; the script whose caption and code share the most words
with the fix (and more than the other scripts do) becomes that step's detail, verbatim.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kbassist.drafting.modern import md_plain
from kbassist.drafting.text import split_detail, with_detail

if TYPE_CHECKING:
    from kbassist.articles.model import Article, Code
    from kbassist.drafting.option_model import Option

#: A heading over examples: "Script example", "Sample code", "Example scripts" (not a
#: runbook's "PromQL queries": checks of its Diagnosis, not a fix's script).
_EXAMPLE_HEAD_RE = re.compile(r"\b(?:scripts?|code|samples?|examples?)\b", re.IGNORECASE)
#: Words every example shares or that say nothing of what it does.
_NOISE = frozenset(
    "script example sample code query command following this that with from when your "
    "use using into have".split()
)


def _stems(text: str) -> set[str]:
    """Content words cut to a common stem: "restoring" and "restoration" meet."""
    words = re.findall(r"[a-z]{4,}", text.casefold())
    return {w[:6] for w in words if w not in _NOISE}


def _examples(article: Article) -> list[tuple[str, Code]]:
    """(caption, code) of each code block under an example heading that no fix owns."""
    from kbassist.articles.model import Code, Paragraph
    from kbassist.drafting.modern_plan import _flat_blocks

    found: list[tuple[str, Code]] = []
    for part in article.document.walk():
        if part.role or not _EXAMPLE_HEAD_RE.search(part.name):
            continue
        caption = md_plain(part.name)
        for block in _flat_blocks(part.blocks):
            if isinstance(block, Paragraph):
                caption = md_plain(block.text.plain)
            elif isinstance(block, Code) and block.code.strip():
                found.append((caption, block))
    return found


def example_scripts(article: Article, options: list[Option]) -> None:
    """Give each prose-only fix step the example script the article has for it."""
    if "```" not in article.body and "    " not in article.body:
        return
    examples = _examples(article)
    if not examples:
        return
    from kbassist.drafting.blocks import code_block

    said = [(caption, code, _stems(f"{caption} {code.code}")) for caption, code in examples]
    shared = set.intersection(*(s for _, _, s in said)) if len(said) > 1 else set()
    for option in options:
        if option.kind != "option" or any(split_detail(i)[1] for i in option.items):
            continue
        for n, item in enumerate(option.items[:2]):
            words = _stems(item) - shared
            scored = sorted(((len(words & s), k) for k, (_, _, s) in enumerate(said)), reverse=True)
            best, k = scored[0]
            if best < 2 or (len(scored) > 1 and scored[1][0] == best):
                continue  # nothing or two scripts alike: the article does not say which
            caption, code, _ = said[k]
            option.items[n] = with_detail(item, f"{caption.rstrip(':.')}:\n{code_block(code)}")
            break
