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
from kbassist.drafting.text import split_sentences

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


#: "For additional information, please see the following article in the Microsoft
#: Knowledge Base:", "For additional information about this fix, click the article number
#: below ...:": a pointer that names no topic of its own, only the sentence before it
#: (kbref40). Bounded: linear on any text.
_BARE_POINTER_RE = re.compile(
    r"\bfor\s+(?:more|additional|further)\s+information"
    r"(?:\s+(?:about|on|regarding)\s+(?:this|the|these)\s+(?:(?P<fix>hot ?fix|fix|update|patch)"
    r"|problem|issue|behaviou?r|service pack|procedure)(?:es|s)?)?,?\s+(?:please\s+)?"
    r"(?:see|refer to|read|click|view|query on)\s+(?:the\s+)?(?:following\s+)?"
    r"(?:[\w()]+\s+){0,3}?(?:article|knowledge base)\b[^:.]{0,160}:",
    re.IGNORECASE,
)
#: A step that is itself a pointer and stops at its colon: "Please see the following
#: Knowledge Base article for issues regarding Pocket PC devices ...:".
_DANGLING_RE = re.compile(
    r"\b(?:see|refer to|read|click|view)\s+the\s+(?:following\s+)?(?:[\w()]+\s+){0,4}?"
    r"(?:articles?|article numbers?)\b[^:]{0,200}:$",
    re.IGNORECASE,
)
#: A numbered step's number: "2. Capture the network traffic ...".
_NUMBER_RE = re.compile(r"^\d{1,2}[.)]\s+")
#: The end of the install step `obtain_install` writes when the article says no more.
_GENERIC_TAIL = " by following the instructions that come with it."
_Q_START_RE = re.compile(r"^\s{0,12}(?:ARTICLE-ID:\s{0,4})?Q\d{5,7}\b")
#: The least share of a step's words its pointer's lead sentence says, and of the lead's
#: words the step says: the step is that sentence, reworded at most a little ("A supported
#: fix ... is now available from Microsoft" -> "Obtain the supported fix ... from Microsoft").
_STEP_IN_LEAD = 0.75
_LEAD_IN_STEP = 0.6


def _q_lines(after: str) -> list[str]:
    """ "Q269332 Error Message: Microsoft Pocket Streets 2001 Does Not Support the
    Connected Device Type" (a title wrapped onto the next line joined), or "ARTICLE-ID:"
    with its "TITLE:" line: the KB articles listed right after a pointer, at most 3; []
    when the first line after it is not one."""
    out: list[str] = []
    for line in after.lstrip("\n").split("\n")[:16]:
        if not line.strip():
            if out and out[-1].endswith("\n"):
                break  # a second blank line: the list ended
            if out:
                out[-1] += "\n"
            continue
        if _Q_START_RE.match(line):
            if len(out) >= 3:
                break
            said = " ".join(line.split()).removeprefix("ARTICLE-ID:").strip()
            out.append(re.sub(r"^(Q\d+) : ", r"\1 ", said))  # "Q141705 : How to ..."
            continue
        titled = _TITLE_LINE_RE.match(line)
        if not out:
            return []
        if titled and not out[-1].rstrip().count(" "):
            out[-1] = f"{out[-1].rstrip()} {titled.group('title').strip()}"
        elif out[-1].endswith("\n"):
            break  # a new paragraph: the list ended
        elif len(out[-1]) < 200:
            out[-1] = f"{out[-1]} {' '.join(line.split())}"  # the title wrapped
        else:
            break
    return [" ".join(q.split()) for q in out]


def bare_pointers(article: Article) -> list[tuple[str, str, list[str], bool]]:
    """(section name, the sentence before it, the KB articles it lists, whether it is
    "about this fix") of each pointer that names no topic, only what its sentence before
    says ("To resolve this problem, obtain the latest service pack .... For additional
    information, please see the following article ...: Q152734 How to Obtain the Latest
    Windows NT 4.0 Service Pack")."""
    out: list[tuple[str, str, list[str], bool]] = []
    for section in article.sections:
        text = section.text
        if "nformation" not in text:
            continue
        for match in _BARE_POINTER_RE.finditer(text):
            start = max(text.rfind("\n\n", 0, match.start()), 0)
            before = split_sentences(" ".join(text[start : match.start()].split()))
            refs = _q_lines(text[match.end() :])
            if before and refs:
                out.append((section.name, before[-1], refs, bool(match.group("fix"))))
    return out


def _reworded(step: str, lead: str) -> bool:
    """The step says the lead sentence, reworded at most a little."""
    mine, said = set(_words(step)), set(_words(lead))
    if len(mine) < 3 or not said:
        return False
    both = len(mine & said)
    return both >= _STEP_IN_LEAD * len(mine) and both >= _LEAD_IN_STEP * len(said)


def _dangling_refs(article: Article, section: str, text: str) -> list[str]:
    """The KB articles listed after a step that is a pointer stopping at its colon, found
    where the step stands in its section; [] when it is not found there."""
    flat = " ".join(text.split())
    exact: list[list[str]] = []
    ending: list[list[str]] = []
    for sec in article.sections:
        if sec.name != section or ":" not in sec.text:
            continue
        before = ""
        for para in re.finditer(r"(?:^|\n\s*\n)(?P<p>.+?)(?=\n\s*\n|$)", sec.text, re.DOTALL):
            said = " ".join(para.group("p").split())
            # the step may be its numbered step and the pointer under it, joined
            joined = _NUMBER_RE.sub("", f"{before} {said}".strip())
            if flat in (said, joined):
                exact.append(_q_lines(sec.text[para.end() :]))
            elif said.endswith(f" {flat}"):
                ending.append(_q_lines(sec.text[para.end() :]))
            before = said
    # the same pointer said over several lists ("Please see the following article(s) ...:"
    # under each error message): which list is this step's is not known, unless they agree
    found = exact or ending
    return found[0] if found and all(f == found[0] for f in found) else []


def _reference_steps(tree: dict[str, Any], article: Article) -> None:
    """A step said by the sentence a topic-less pointer follows shows that pointer's KB
    articles under it; a step that is itself a pointer ending at its colon ends with them
    (the block reader drops the "Qnnnnnn TITLE" lines as boilerplate: the step then
    pointed nowhere, seed 112)."""
    bare = bare_pointers(article) if article.style == "mskb" else []
    for node in tree.get("nodes", []):
        used: set[int] = set()
        steps = node.get("steps", []) or []
        for at, step in enumerate(steps):
            if not isinstance(step, dict) or not isinstance(step.get("text"), str):
                continue
            text = step["text"]
            detail = str(step.get("detail") or "")
            section = str((step.get("source") or {}).get("section", ""))
            if _Q_INLINE_RE.search(f"{text} {detail}"):
                continue
            if article.style == "mskb" and _DANGLING_RE.search(text):
                refs = _dangling_refs(article, section, text)
                if refs:
                    step["text"] = f"{text.rstrip()} {'; '.join(refs)}"
                    continue
            for n, (where, lead, refs, about_fix) in enumerate(bare):
                if n in used or where != section or not _reworded(text, lead):
                    continue
                used.add(n)
                see = "See " + "; ".join(refs)
                step["detail"] = f"{detail}\n\n{see}" if detail.strip() else see
                if about_fix and len(refs) == 1:
                    _install_as_described(steps[at + 1 : at + 2], refs[0].split()[0])
                break


def _install_as_described(after: list[Any], q: str) -> None:
    """The install step after an obtain step whose fix another KB article describes says
    so ("Install the supported fix that Q241572 describes."), not "by following the
    instructions that come with it", which the article never says (seed 112, Q272239)."""
    for step in after:
        text = step.get("text") if isinstance(step, dict) else None
        if isinstance(text, str) and text.endswith(_GENERIC_TAIL):
            step["text"] = f"{text.removesuffix(_GENERIC_TAIL)} that {q} describes."


def pointers_kept(tree: dict[str, Any], article: Article) -> None:
    """The first step of each outcome that says a pointer's topic shows the pointer's
    references under it."""
    if article.style == "mskb" and "rticle" in "".join(s.text for s in article.sections):
        _reference_steps(tree, article)
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
