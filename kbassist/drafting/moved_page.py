"""An article that only says it has moved: the walk sends the admin to the new page.

Real knowledge bases keep stubs ("This alert has been moved to [alerts/.../X.md](URL)",
"This article has moved to ..."). Drafted plainly, the stub's sentence became the symptom
and the outcome said "Read X SUMMARY and follow it", pointing back at the stub with its
link dropped (seed 76 reader, a runbook redirect).
"""

from __future__ import annotations

import re

from kbassist.articles import Article
from kbassist.drafting.text import brace

#: The stub's own sentence: "has been moved to", "has moved to", "moved permanently".
_MOVED_RE = re.compile(
    r"\b(?:has|have) (?:been )?moved (?:permanently )?to\b|\bmoved permanently\b"
    r"|\b(?:is|are) now (?:located|maintained|kept) (?:at|in)\b",
    re.IGNORECASE,
)
_LINK_RE = re.compile(r"\[(?P<label>[^\]\n]{1,200})\]\((?P<url>[^)\s]{1,500})\)")
_URL_RE = re.compile(r"\bhttps?://[^\s)>\]]{3,500}")
#: A stub is short: a title and a sentence or two, never a whole article.
_MAX_STUB_CHARS = 600


def moved_to(article: Article) -> tuple[str, str] | None:
    """(the new page's name, its address) when the article is only a moved stub."""
    body = "\n".join(
        line for line in article.body.splitlines() if not line.lstrip().startswith("#")
    ).strip()
    if not body or len(body) > _MAX_STUB_CHARS or not _MOVED_RE.search(body):
        return None
    if link := _LINK_RE.search(body):
        return link.group("label").strip(), link.group("url")
    if url := _URL_RE.search(body):
        return url.group(0), url.group(0)
    return None


def moved_outcome(article: Article, source: dict[str, str]) -> dict[str, object] | None:
    """The fallback outcome for a moved stub: open the new page (its name and address)."""
    found = moved_to(article)
    if found is None:
        return None
    label, url = found
    shown = label if label == url else f"{label} ({url})"
    return {
        "title": "Open the page this article moved to",
        "text": brace(f"This article has moved: {shown}."),
        "steps": [{"text": brace(f"Open {shown} and follow it there."), "source": source}],
    }
