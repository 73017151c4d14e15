"""The article's own query or command that checks the problem, as the verify (round 15).

Readers mark a modern article's verify that pastes the error back while the article gives
its own check ("To check the rowcount value for the MSreplication_subscriptions system
table, run the following query: SELECT rows ... FROM sys.partitions ..."): the check an
admin runs after the fix is that one, run again and compared with what it showed before.
This pass puts it first in every fix outcome's verify. It adds nothing the article does
not say, and only a check said as one ("To check / verify / confirm / determine whether
..., run the following query"), never a procedure that changes the system.
"""

from __future__ import annotations

import re
import textwrap
from typing import Any

from kbassist.articles import Article
from kbassist.drafting.modern import md_plain
from kbassist.drafting.text import brace

#: "To check the rowcount value for X, run the following query:" then its code block.
_OWN_CHECK_RE = re.compile(
    r"(?:^|\n)[ \t]*(?:[-*][ \t]+)?To (?P<verb>check|verify|confirm|determine whether|see whether)"
    r"\s+(?P<what>[^.:\n]{5,150}?),\s+(?:run|use|type)\s+the\s+following\s+(?P<kind>query|"
    r"command|cmdlet|statement|PowerShell command)[^:\n]{0,80}:[ \t]*\n\s*```[^\n]*\n"
    r"(?P<code>.*?)\n[ \t]*```",
    re.IGNORECASE | re.DOTALL,
)
#: A command that changes the system: a fix, not a check to run again.
_CHANGES_RE = re.compile(
    r"\b(?:update|insert|delete|drop|alter|create|truncate|exec(?:ute)?|set-\w+|remove-\w+"
    r"|new-\w+|restart-\w+|stop-\w+|start-\w+|reg\s+(?:add|delete)|dbcc\s+\w+\s*\()",
    re.IGNORECASE,
)
#: The longest code shown under the check, in lines.
MAX_LINES = 20


def own_check(article: Article) -> tuple[str, str, str] | None:
    """(text, code, section name) of the article's own check query; None when it has none
    or when its code changes anything."""
    if article.style == "mskb":
        return None
    for section in article.sections:
        if "the following" not in section.text:
            continue  # the cheap test first: most sections have no such lead
        for found in _OWN_CHECK_RE.finditer(section.text):
            code = textwrap.dedent(found.group("code")).strip("\n")
            if _CHANGES_RE.search(code) or len(code.splitlines()) > MAX_LINES:
                continue
            what = md_plain(found.group("what")).replace("`", "").strip()
            verb = found.group("verb").casefold()
            kind = found.group("kind").casefold()
            text = (
                f"Run the article's own {kind} again to {verb} {what}, and compare with what it "
                "showed before the fix:"
            )
            return text, code, section.name
    return None


def own_query_verify(tree: dict[str, Any], article: Article) -> None:
    """The article's own check query first in the verify of every fix outcome (not "This
    article may not apply"); the tree unchanged when the article has none."""
    check = own_check(article)
    if check is None:
        return
    text, code, section = check
    for node in tree["nodes"]:
        if node.get("kind") != "outcome" or node["id"] in ("not_this_article", "read_article"):
            continue
        verify = node.get("verify")
        if not verify or any(v.get("detail") == brace(code) for v in verify):
            continue
        entry = {
            "text": brace(text),
            "detail": brace(code),
            "source": {"article": article.id, "section": section},
        }
        node["verify"] = [entry, *verify]
