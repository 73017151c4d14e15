"""Causes a runbook names in passing, read as its cause when no causes list has a lead
(round 18).

Readers marked "gives no cause" on runbooks that do name causes, only not under a
"possible causes:" lead the cause pass looks for (56:26, 56:29):

- a Diagnosis list of things to check, each with its guess at why: "pod priority - maybe
  it was evicted by other more important pods", "resources - maybe it tries to use
  unavailable resource" (the kube-prometheus workload runbooks);
- a sentence naming them: "Common causes include a stopped or crashed daemon, a 'down'
  host, or a network failure.";
- a bracket after what is faulty or what the alert indicates: "correct the integration
  with the faulty instance (network, authorization token, firewall...)", "May indicate
  underlying instability (resource pressure, bugs, or node issues)".

Each gives the names in the runbook's words; `runbook_cause` says where they are listed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kbassist.articles import Article, Section
from kbassist.articles.model import ListBlock, Paragraph, Part

#: "pod priority - maybe it was evicted ...": a thing to check, then its guessed cause.
_MAYBE_ITEM_RE = re.compile(
    r"^[^:;,.]{2,48}?\s+(?:[-\u2013\u2014:]\s+)?(?:maybe|perhaps|possibly"
    r"|it (?:may|might|could)(?: be)?|(?:may|might|could) (?:be|have)\b)\b",
    re.IGNORECASE,
)
#: "Common causes include a stopped or crashed daemon, a down host, or a network failure."
_INCLUDE_RE = re.compile(
    r"\b(?:common|possible|potential|typical|likely|usual|frequent)\s+(?:causes|reasons)"
    r"\s+(?:include|are|can be)\s*:?\s+(?P<list>[^.;:]{5,300})",
    re.IGNORECASE,
)
#: "the faulty instance (network, authorization token, firewall...)", "May indicate
#: underlying instability (resource pressure, bugs, or node issues)": what is wrong, then
#: its kinds in brackets (three or more, or two joined by "or").
_BRACKET_RE = re.compile(
    r"\b(?:faulty|failing|misconfigured|broken|indicat\w*|instability)\b[^()]{0,80}?"
    r"\((?P<list>[^()]{2,60}?,[^()]{2,60}?(?:,[^()]{2,60}?)*)\)",
    re.IGNORECASE,
)
#: "Misconfigured alertmanager, bad credentials, bad endpoint, firewalls..": a sentence
#: that is only a list of faults (three to eight short names, one of them said faulty),
#: opening a paragraph (round 36: Watchdog's Diagnosis).
_FAULT_LIST_RE = re.compile(
    r"^(?P<list>[\w'/-]{2,30}(?: [\w'/-]{1,30}){0,3}(?:, [\w'/-]{2,30}(?: [\w'/-]{1,30}){0,3})"
    r"{2,7})(?:\.{1,3}|\u2026|,? etc\.?)(?:\s|$)"
)
_FAULTY_RE = re.compile(
    r"^(?:misconfigured|bad|wrong|invalid|broken|missing|expired|faulty|incorrect|failing|"
    r"blocked|unreachable|corrupt(?:ed)?|stale|revoked)\b",
    re.IGNORECASE,
)
#: Roles read, in the order an admin meets them.
_ROLES = ("symptom", "impact", "diagnosis", "resolution")
#: Words one of the three shapes has: the cheap test before any part is read.
_HINTS: tuple[str, ...] = (
    *("maybe", "perhaps", "possibly", "causes", "reasons", "(", "misconfigured", "bad "),
    *("wrong ", "invalid ", "broken ", "missing ", "expired ", "faulty ", "incorrect "),
    *("failing ", "blocked ", "unreachable ", "corrupt", "stale ", "revoked "),
)


def _plain(block: Paragraph | ListBlock) -> str:
    from kbassist.drafting.modern import block_plain, md_plain

    return md_plain(block.text.plain) if isinstance(block, Paragraph) else block_plain(block)


def _lists(part: Part) -> Iterator[ListBlock]:
    """Every list in the part's own blocks, nested lists included."""
    stack = [b for b in part.blocks if isinstance(b, ListBlock)]
    while stack:
        block = stack.pop(0)
        yield block
        for item in block.items:
            stack.extend(b for b in item.blocks if isinstance(b, ListBlock))


def _split(listed: str) -> list[str]:
    """ "a stopped or crashed daemon, a down host, or a network failure" -> its names."""
    listed = re.sub(r"(?:\.\.\.|\u2026|\betc\.?)\s*$", "", listed.strip()).strip(" ,")
    names = [n.strip(" .\"'\u201c\u201d") for n in re.split(r",\s*(?:or\s+|and\s+)?", listed)]
    return [n for n in names if n]


def _maybe_list(part: Part) -> list[str]:
    """The items of a list of which two or more guess a cause ("- maybe ...")."""
    from kbassist.drafting.modern import block_plain

    for block in _lists(part):
        items = [block_plain(it.blocks[0]).strip() if it.blocks else "" for it in block.items]
        if sum(1 for i in items if _MAYBE_ITEM_RE.match(i)) >= 2:
            return [_with_guess(i) for i in items]
    return []


#: "pod priority - maybe it was evicted ...": the thing and its guess, apart.
_DASHED_RE = re.compile(r"^(?P<name>[^:;,.]{2,48}?)\s+[-\u2013\u2014]\s+(?P<guess>\S.*)$")
#: The longest guess kept beside its name ("pod priority (maybe it was evicted ...)").
MAX_GUESS = 90


def _with_guess(item: str) -> str:
    """ "pod priority - maybe it was evicted by other more important pods" -> "pod
    priority (maybe it was evicted by other more important pods)": the name alone says
    too little; the guess is kept up to its first comma when that is short, else left."""
    found = _DASHED_RE.match(" ".join(item.split()))
    if found is None:
        return item
    guess = re.split(r",|;|\.\s", found.group("guess"), maxsplit=1)[0].strip(" .")
    name = found.group("name").strip()
    return f"{name} ({guess})" if len(guess) <= MAX_GUESS else name


def _paragraphs(part: Part) -> Iterator[Paragraph]:
    """The part's paragraphs, those in its list items and sub-parts included ("2.
    Investigate why ... Common causes include ..." under "### Recommended Actions")."""
    for sub in part.walk():
        stack = list(sub.blocks)
        while stack:
            block = stack.pop(0)
            if isinstance(block, Paragraph):
                yield block
            elif isinstance(block, ListBlock):
                stack[:0] = [b for it in block.items for b in it.blocks]


def _said(part: Part) -> list[str]:
    """The names a paragraph's "common causes include" sentence or bracket gives."""
    for block in _paragraphs(part):
        text = " ".join(_plain(block).split())
        found = _INCLUDE_RE.search(text) or _BRACKET_RE.search(text) or _FAULT_LIST_RE.match(text)
        if found is None:
            continue
        names = _split(found.group("list"))
        if found.re is _FAULT_LIST_RE and not any(_FAULTY_RE.match(n) for n in names):
            continue  # a list of things, none said to be wrong: no causes
        if len(names) >= 3 or (len(names) == 2 and " or " in found.group("list")):
            return names
        if len(names) == 2 and found.re is _INCLUDE_RE:
            return names
    return []


def stated_reasons(article: Article) -> tuple[str, Section | None]:
    """(the causes named, "; "-joined as `runbook_cause` names a list, and the section
    that names them); ("", None) when the runbook names none in these shapes."""
    from kbassist.articles.model import section_key
    from kbassist.drafting.runbook_cause import _named

    body = article.body.casefold()
    if not any(hint in body for hint in _HINTS):
        return "", None
    sections = {s.key: s for s in article.sections}
    for role in _ROLES:
        for part in article.parts_by_role(role):
            for found in (_maybe_list(part), _said(part)):
                named = _named(found) if found else ""
                if named:
                    return named, sections.get(section_key(part.name))
    return "", None


#: "Check if Memory resource requests are adjusted to the app usage", "Check whether the
#: autoscaler can add nodes": a check that asks whether a likely cause holds (round 36).
_CHECK_IF_RE = re.compile(r"^(?:check|verify|confirm)\s+(?:if|whether)\s+(?P<what>\S.{4,})$", re.I)


#: A check that the thing works ("... is performing normally"): no cause in it.
_FINE_RE = re.compile(r"\b(?:normally|as expected|fine|ok|okay|healthy|correctly)$", re.I)


def checked_reasons(article: Article) -> tuple[list[str], Section | None]:
    """The likely causes a Diagnosis list asks about, one "Check if X" item each, said as
    "whether X" (seed 102: KubeMemoryQuotaOvercommit's "Check if some nodes are available
    and not cordoned", "Check if cluster-autoscaler has issues with adding new nodes"); two
    or more, and most of the list's items; ([], None) otherwise."""
    from kbassist.articles.model import section_key
    from kbassist.drafting.modern import block_plain
    from kbassist.drafting.text import split_sentences

    sections = {s.key: s for s in article.sections}
    for part in article.parts_by_role("diagnosis"):
        for block in part.blocks:
            if not isinstance(block, ListBlock):
                continue
            items = [block_plain(it.blocks[0]).strip() if it.blocks else "" for it in block.items]
            firsts = [(split_sentences(" ".join(i.split())) or [""])[0] for i in items]
            found = [m for f in firsts if (m := _CHECK_IF_RE.match(f.rstrip(" .:;")))]
            if 2 * len(found) <= len(items):
                continue  # mostly other checks: not a list of causes
            # "Check if application is performing normally": the symptom's side, no cause
            causes = [m.group("what") for m in found if not _FINE_RE.search(m.group("what"))]
            if len(causes) >= 2:
                return [f"whether {c}" for c in causes], sections.get(section_key(part.name))
    return [], None
