"""A runbook step that only points at another runbook, said as the action with its link
(round 18).

"See [Node Clok Skew Detected]({{< ref "./NodeClockSkewDetected.md" >}}) for mitigation
steps." was ticked as "See Node Clok Skew Detected for mitigation steps.": the Hugo
shortcode link is no Markdown link the parser keeps, so the tick named a page with no
way to reach it (56:28), and "Refer to the NodeFilesystemFilesFillingUp (https://...)
runbook." read as a note, not a step. Such a sentence now says what to do and where:
"Follow the Node Clok Skew Detected runbook for mitigation steps:
./NodeClockSkewDetected.md" (no full stop after the link; in place: a pointer ending a
longer tick stays in it).
"""

from __future__ import annotations

import re

from kbassist.articles import Article
from kbassist.drafting.option_model import Option
from kbassist.drafting.text import split_detail, split_sentences, with_detail

#: "[Node Clok Skew Detected]({{< ref "./NodeClockSkewDetected.md" >}})" or
#: "[Name](./Other.md)": a link to another runbook page, as the body writes it.
_PAGE_LINK_RE = re.compile(
    r"\[(?P<name>[^\]\n]{2,80})\]\((?P<target>\{\{[<%]\s*ref\s+\"?(?P<ref>[^\"}>%\s]+)\"?\s*[>%]\}\}"
    r"|(?P<page>[^)\s]+\.md(?:#[^)\s]*)?))\)"
)
#: A sentence that only points elsewhere: "See X", "Refer to the X (url) runbook.",
#: "See X for additional mitigation steps."
_POINTER_RE = re.compile(
    r"^(?:see|refer to|follow|read)\s+(?:the\s+)?(?P<name>[^()]{2,80}?)"
    r"(?:\s+\((?P<url>https?://[^\s()]+|[^\s()]+\.md)\))?(?P<said>\s+runbook)?"
    r"(?P<rest>\s+(?:for|to)\s+[^.:]{3,80})?\.?$",
    re.IGNORECASE,
)
#: A web address that is another runbook's page.
_RUNBOOK_URL_RE = re.compile(r"/runbooks?/|\.md(?:#\S*)?$", re.IGNORECASE)


def page_links(article: Article) -> dict[str, str]:
    """Name (as the tick says it) -> target of each link to another runbook page in the
    body: a Hugo `ref` shortcode's page, or a relative `.md` link ("" before a cheap test)."""
    from kbassist.drafting.modern import md_plain

    body = article.body
    if ".md" not in body:
        return {}
    found: dict[str, str] = {}
    own = article.source.name.casefold()
    for link in _PAGE_LINK_RE.finditer(body):
        target = link.group("ref") or link.group("page")
        if target.rsplit("/", 1)[-1].split("#")[0].casefold() == own:
            continue  # "See [this runbook](./Self.md) for more": no other page to follow
        name = " ".join(md_plain(link.group("name")).split()).casefold()
        found.setdefault(name, target)
    return found


def _followed(sentence: str, links: dict[str, str]) -> str:
    """ "See Node Clok Skew Detected for mitigation steps." -> "Follow the Node Clok Skew
    Detected runbook for mitigation steps: ./NodeClockSkewDetected.md"; "" when the
    sentence is not a pointer to another runbook."""
    found = _POINTER_RE.match(sentence.strip())
    if found is None:
        return ""
    name = found.group("name").strip()
    target = found.group("url") or links.get(" ".join(name.split()).casefold(), "")
    if not target or not (_RUNBOOK_URL_RE.search(target) or found.group("said")):
        return ""
    name = re.sub(r"\s+runbook$", "", name, flags=re.IGNORECASE)
    rest = (found.group("rest") or "").rstrip()
    return f"Follow the {name} runbook{rest}: {target}"


#: "Defining Network Policies (https://...) or Admin Network Policies (https://...).": a
#: tick that is a linked page's gerund title, naming what to do but not saying it.
_GERUND_LINK_RE = re.compile(
    r"^(?P<verb>[A-Z][a-z]{1,20}ing)\s+\[?[^()\[\]]{2,80}?(?:\s|\])\(https?://[^)\s]+\)(?P<rest>.*)$",
    re.DOTALL,
)
#: "Running X (url) on your file will help you ...": the gerund is the subject of a
#: sentence that says something else, not a title to say as the action.
_CLAUSE_RE = re.compile(r"\b(?:will|can|could|may|might|should|helps?|is|are|was)\b", re.I)


def linked_title_step(item: str) -> str:
    """ "Defining Network Policies (https://...)" -> "Define Network Policies (https://...)":
    a tick that is a link's gerund title said as the action (56:25); as given otherwise."""
    from kbassist.drafting.runbook_ways import _verb

    text, detail = split_detail(item)
    found = _GERUND_LINK_RE.match(text)
    if found is None or _CLAUSE_RE.search(found.group("rest")):
        return item
    verb = _verb(found.group("verb").lower(), "ing")
    if not verb:
        return item
    return with_detail(verb.capitalize() + text[len(found.group("verb")) :], detail)


def linked_titles(options: list[Option]) -> None:
    """Each option's gerund-titled link ticks said as actions; the option keeps the
    linked page's title as its name ("Configuring User-Defined Networks")."""
    for option in options:
        option.items = [linked_title_step(item) for item in option.items]


def pointer_steps(items: list[str], links: dict[str, str]) -> list[str]:
    """The ticks with each pointer to another runbook said as "Follow the X runbook:
    link", the same number of ticks in the same order."""
    out: list[str] = []
    for item in items:
        text, detail = split_detail(item)
        lowered = text.casefold()
        if not any(word in lowered for word in ("see ", "refer to", "follow ", "read ")):
            out.append(item)
            continue
        # the step still holds the body's link: its name is what the sentence says
        text = _PAGE_LINK_RE.sub(lambda m: m.group("name"), text)
        sentences = split_sentences(text)
        followed = _followed(sentences[-1], links) if sentences else ""
        if not followed:
            out.append(item)
        else:  # one tick still: an option's `when` counts its ticks by index
            out.append(with_detail(" ".join([*sentences[:-1], followed]), detail))
    return out
