"""A step whose how-to the article gives by reference keeps that reference under it
(issue 13, round 30).

MS KB procedures end on a step and then point at how to do it: "4. If the issue continues
to occur, rebuild the Reg.dat file." over "For additional information about how to
rebuild the Reg.dat file in Windows 3.1x, please see the following article in the
Microsoft Knowledge Base: Q80393 How to Rebuild the Default Windows REG.DAT File". A
support article says "Reinstall the operating system, and then reset the TPM chip." and,
in More information, "For more information about how to reset the TPM chip, see [Reset
the TPM Lockout](/previous-versions/...)". The pointer sentence is boilerplate to the
block reader (dropped with its Q-number line), so the walk ticked "rebuild the Reg.dat
file" with nothing to say how (seed-76/78 readers).

Here every "For more / additional information about (how to) X, see ..." of the article
is read with the reference it names (the Q-number lines after it, or its Markdown links);
a step whose own text says X (most of X's words) gets "See Q80393 How to Rebuild ..." or
"See Reset the TPM Lockout (https://...)" as a detail, unless the step shows it already.
A pointer whose X no step says (how to download support files, how to run sample code)
is left alone. A site-rooted support link ("/previous-versions/...") is written with the
support site's address, so it is never a dead path.
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.articles.model import Article

#: "For additional information about how to rebuild the Reg.dat file in Windows 3.1x,
#: please see": its topic X (bounded, no nested repeats: linear on any text).
_POINTER_RE = re.compile(
    r"\bfor (?:more|additional|further) information (?:about|on|regarding) "
    r"(?P<topic>(?:[^.:;]|\.(?=\w)){3,160}?),?\s+"
    r"(?:please\s+)?(?:see|refer to|read|click|visit|go to)\b"
    r"(?P<rest>[^\n]{0,300}(?:\n[^\n]{1,300}){0,3})",
    re.IGNORECASE,
)
#: "  Q80393 How to Rebuild the Default Windows REG.DAT File" (or "ARTICLE-ID: Q80393"
#: then "TITLE: ..."): one referenced KB article on a line of its own.
_Q_LINE_RE = re.compile(
    r"^\s{0,12}(?:ARTICLE-ID:\s{0,4})?(?P<q>Q\d{5,7})\b[ \t]{0,8}(?P<title>[^\n]{0,160})$"
)
_TITLE_LINE_RE = re.compile(r"^\s{0,12}TITLE\s{0,4}:\s{0,4}(?P<title>[^\n]{3,160})$")
#: "[Reset the TPM Lockout](/previous-versions/...(v=ws.11))": a Markdown link (one
#: level of parentheses inside its target).
_MD_LINK_RE = re.compile(
    r"\[(?P<name>[^\]\n]{2,160})\]\((?P<url>[^()\s]{1,300}(?:\([^()\s]{0,40}\)[^()\s]{0,100})?)\)"
)
#: An inline KB number in the pointer sentence itself ("see Q80393.").
_Q_INLINE_RE = re.compile(r"\b(Q\d{5,7})\b")
#: Where a topic's qualifier starts ("... in Windows 3.1x", "... on a domain controller").
_QUALIFIER_RE = re.compile(
    r"(?<=\w)\s+(?:in|on|for|from|with|under|by|when|if|after|before|using|through|via)\s",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"[a-z0-9][a-z0-9.]{0,40}[a-z0-9]|[a-z0-9]")
_STOP = frozenset(
    "a an the to of in on for and or with by from how your you this that these those it its "
    "is are be can use using into about when what which".split()
)
#: The site a support article's site-rooted link ("/windows/...") lives on.
SUPPORT_SITE = "https://learn.microsoft.com"


def _words(text: str) -> list[str]:
    return [w for w in _WORD_RE.findall(text.casefold()) if w not in _STOP]


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.casefold())


def _key(reference: str) -> str:
    """What shows a reference is there already: its Q-number, else its title."""
    q = re.match(r"Q\d{5,7}\b", reference)
    return q.group(0).casefold() if q else _norm(reference.split(" (")[0])[:40]


def _link(name: str, url: str, article: Article) -> str:
    """ "Title (address)"; a site-rooted support link made whole; a relative one named as
    the article's neighbour file."""
    if url.startswith("/") and article.style != "mskb":
        url = SUPPORT_SITE + url
    elif not url.startswith(("http://", "https://")):
        return ""  # an anchor or a file beside the page: no address to follow here
    return f"{name.strip()} ({url})"


def _references(after: str, rest: str, article: Article) -> list[str]:
    """The references one pointer names: its links, its inline Q-number, or the Q-number
    lines right after it."""
    links = [_link(m.group("name"), m.group("url"), article) for m in _MD_LINK_RE.finditer(rest)]
    out = [link for link in links if link]
    if out or links:
        return out
    lines = after.splitlines()
    seen = 0
    for n, line in enumerate(lines[:12]):
        if not line.strip():
            continue
        match = _Q_LINE_RE.match(line)
        if match is None:
            if seen:
                break
            continue
        seen += 1
        title = match.group("title").strip()
        if not title and n + 1 < len(lines):
            titled = _TITLE_LINE_RE.match(lines[n + 1])
            title = titled.group("title").strip() if titled else ""
        out.append(f"{match.group('q')} {title.lstrip(': ')}".strip())
        if len(out) >= 3:
            break
    if not out:
        out = [q for q in _Q_INLINE_RE.findall(rest)][:3]
    return out


#: A referenced article's title that says how to do something: "OFF97: How to Obtain
#: and Install MS Office 97 SR-2" (its verb, "obtain").
_HOW_TO_TITLE_RE = re.compile(r"^(?:Q\d{5,7}\W{1,4})?(?:[A-Z0-9]{2,8}:\s{1,3})?how to (\w+)", re.I)


def article_pointers(article: Article) -> list[tuple[list[str], list[str], bool]]:
    """(topic words, references, said as how-to) of each "For more information about X,
    see ..." the article has with a reference it names."""
    out: list[tuple[list[str], list[str], bool]] = []
    for section in article.sections:
        text = section.text
        if "information" not in text:
            continue
        for match in _POINTER_RE.finditer(text):
            said = match.group("topic").strip()
            topic = re.sub(r"^how to\s+", "", said, flags=re.IGNORECASE)
            # "rebuild the Reg.dat file" of "... in Windows 3.1x": its qualifier apart
            words = _words(_QUALIFIER_RE.split(topic, maxsplit=1)[0])
            if len(words) < 2:
                continue
            refs = _references(text[match.end() :], match.group("rest"), article)
            if refs:
                out.append((words, refs, topic != said))
    return out


def _says(step: str, topic: list[str], how_to: bool) -> bool:
    """The step says the topic: for "how to X", X's first word (the action, "rebuild")
    and two thirds of its words ("Reg.dat file"; its qualifier "in Windows 3.1x" cut
    already); for "about X" (a subject, not a task), every word of X."""
    have = set(_words(step))
    if not how_to:
        return all(w in have for w in topic)
    if topic[0] not in have:
        return False
    return 3 * sum(w in have for w in topic) >= 2 * len(topic)


def _fits(reference: str, step: str, how_to: bool) -> bool:
    """A "how to" pointer's references all fit; an "about X" pointer's only when the
    referenced title says how to do what the step does ("How to Obtain ... SR-2" under
    "Obtain SR-2"), never general reading ("Implementing Windows 95 Updates")."""
    if how_to:
        return True
    verb = _HOW_TO_TITLE_RE.match(reference)
    return verb is not None and verb.group(1).casefold() in set(_words(step))


def pointers_kept(tree: dict[str, Any], article: Article) -> None:
    """The first step of each outcome that says a pointer's topic shows the pointer's
    references under it."""
    pointers = article_pointers(article)
    if not pointers:
        return
    for node in tree.get("nodes", []):
        used: set[int] = set()
        for step in node.get("steps", []) or []:
            if not isinstance(step, dict) or not isinstance(step.get("text"), str):
                continue
            text = step["text"]
            detail = str(step.get("detail") or "")
            shown = _norm(f"{text} {detail}")
            for n, (topic, refs, how_to) in enumerate(pointers):
                if n in used or not _says(text, topic, how_to):
                    continue
                fit = [r for r in refs if _fits(r, text, how_to)]
                new = [r for r in fit if _key(r) not in shown]
                if fit:
                    used.add(n)
                if not new:
                    continue
                see = "See " + "; ".join(new)
                step["detail"] = f"{detail}\n\n{see}" if detail.strip() else see
                shown = _norm(f"{text} {step['detail']}")


#: " (helpers/podDebug.md)": a relative link `modern.with_urls` wrote after its text, a
#: page beside the runbook's file (no scheme, not site-rooted, not an anchor).
#: Or "Link: pod debug: helpers/podDebug.md" as `runbook_see_notes` writes one (never a
#: link's text that looks like a path, its URL after it: "moved: alerts/X.md (https://...)").
_RELATIVE_RE = re.compile(
    r" \((?P<rel>(?:\./)?[\w-][\w.-]{0,80}(?:/[\w.-]{1,80}){0,4}\.md)\)"
    r"|(?<=: )(?P<bare>(?:\./)?[\w-][\w.-]{0,80}(?:/[\w.-]{1,80}){0,4}\.md)(?=\s|$)(?! \()"
)


def relative_links_said(tree: dict[str, Any], article: Article) -> None:
    """A runbook's relative link said as the path beside the runbook's own file
    ("pod debug (helpers/podDebug.md, beside this page in
    openshift-container-storage-operator/)"): alone it is a dead path in the walk, which
    cites the runbook by name only."""
    if article.style == "mskb":
        return
    folder = article.source.parent.name if article.source else ""
    if not folder:
        return

    def said(match: re.Match[str]) -> str:
        if match.group("bare"):
            bare = match.group("bare").removeprefix("./")
            return f"{bare} (beside this page in {folder}/)"
        rel = match.group("rel").removeprefix("./")
        return f" ({rel}, beside this page in {folder}/)"

    def walk(value: Any) -> None:
        if isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for key, item in value.items():
                if key in ("text", "detail") and isinstance(item, str) and ".md" in item:
                    value[key] = _RELATIVE_RE.sub(said, item)
                else:
                    walk(item)

    walk(tree.get("nodes", []))
