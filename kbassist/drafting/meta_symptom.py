"""A symptom said as what the admin sees, not as what the article is about.

Modern MS support pages often open "This article describes why can't delete a file ...
It also provides help to solve this issue." The drafter asked "Does this match what you
see?" over that meta text. What the page is about is the problem: "You can't delete a
file ...", "The error 80070005 that occurs when ...". A how-to page ("This article
describes how to configure X") is left as it is: it has no problem to see.
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.drafting.text import split_sentences

#: "This article describes why", "This article provides a solution to", "This article
#: presents advanced troubleshooting steps for", "This article helps you resolve", "This
#: article provides basic guidelines to troubleshoot issues where": the words before the
#: problem.
_META_RE = re.compile(
    r"^this article (?:describes|discusses|explains|provides|presents|introduces|helps you|"
    r"contains|offers)"
    r"(?: (?:some|advanced|basic|general))?"
    r"(?: (?:troubleshooting steps|troubleshooting guidance|guidelines|guidance|a solution|"
    r"solutions|a resolution|resolutions|a workaround|workarounds|steps|help|information|"
    r"methods))?"
    r"(?: (?:to use on|to use for|to troubleshoot|to resolve|to fix|to solve|to work around|"
    r"to|for|about|on))?"
    r"(?: (?:resolve|fix|troubleshoot|solve|work around))?"
    r"\s+(?P<what>(?!how\b|the (?:steps|ways|methods|procedures?)\b|"
    r"(?:the )?(?:errors and )?limitations\b)\S.{6,})$",
    re.IGNORECASE,
)
#: A sentence that only says what else the article does: "It also provides help to solve
#: this issue.", "The article also provides information about how to resolve those issues."
_MORE_META_RE = re.compile(
    r"^(?:it|this article|the article) also (?:provides|describes|explains|gives|"
    r"contains|helps|discusses|lists)\b",
    re.IGNORECASE,
)
#: "this issue", "these problems": the problem said before, nothing new.
_BACK_RE = re.compile(
    r"^(?:this|these|those|that) (?:issues?|problems?|errors?|behaviou?r)\.?$", re.I
)
#: "some issues that you may experience if X" -> "You may experience issues if X".
_MAY_SEE_RE = re.compile(
    r"^(?:some |the |an? )?(?P<noun>issues?|problems?|errors?)(?P<more> and limitations)? "
    r"that (?:you )?(?:may|might|can) (?P<verb>experience|encounter|see|get)\s+(?P<rest>.+)$",
    re.IGNORECASE,
)


def _said(what: str) -> str:
    """The problem the meta sentence names, as a sentence."""
    what = re.sub(r"^(?:why|(?:the )?(?:issues?|problems?|cases?) where)\s+", "", what, flags=re.I)
    what = re.split(r"\s+and how to\s+", what, maxsplit=1)[0].rstrip(".") + "."
    if re.match(r"(?:can't|cannot|can not|couldn't|are unable to)\b", what, re.IGNORECASE):
        return f"You {what}"  # "why can't delete a file": you can't delete it
    seen = _MAY_SEE_RE.match(what)
    if seen:
        noun = seen.group("noun").lower()
        noun = f"a {noun}" if not noun.endswith("s") else noun
        return f"You may {seen.group('verb').lower()} {noun} {seen.group('rest')}"
    return what[:1].upper() + what[1:]


def symptom_not_meta(symptom: str) -> str:
    """`symptom` with "This article describes ..." said as the problem it names and "It
    also provides help ..." left out; `symptom` itself when no sentence is such."""
    sentences = split_sentences(symptom)
    if not any(_META_RE.match(s) for s in sentences):
        return symptom
    out: list[str] = []
    for sentence in sentences:
        meta = _META_RE.match(sentence)
        if meta and not _BACK_RE.match(meta.group("what")):
            out.append(_said(meta.group("what")))
        elif meta:
            continue  # "This article provides a workaround for this issue.": said above
        elif not _MORE_META_RE.match(sentence):
            out.append(sentence)
    return " ".join(out) if out else symptom


#: "That cause is insufficient privileges ...": a cause sentence that leans on the one
#: before it ("the underlying cause is essentially the same"), cut from it.
_THAT_CAUSE_RE = re.compile(
    r"(^|[.!?]\s+)(?:that|this|such a) (cause|reason) (is|was)\b", re.IGNORECASE
)


def cause_not_dangling(cause: str) -> str:
    """ "That cause is X" said whole: "The cause is X"."""
    return _THAT_CAUSE_RE.sub(
        lambda m: f"{m.group(1)}The {m.group(2).lower()} {m.group(3)}", cause, count=1
    )


def shown_not_meta(symptom: str, nodes: list[dict[str, Any]]) -> str:
    """The symptom said as the problem (`symptom_not_meta`), also in the symptom question's
    "The article describes: ..." text; the rest of the walk is left as drafted."""
    shown = symptom_not_meta(symptom)
    if shown == symptom:
        return symptom
    for node in nodes:
        if node.get("id") == "symptom" and symptom in str(node.get("text", "")):
            node["text"] = str(node["text"]).replace(symptom, shown, 1)
    return shown
