"""A cause that says what was not done is the fix said backwards (round 37).

An MS KB CAUSE such as "This problem occurs because you did not set the appropriate
identity for the server." with no fix of its own in RESOLUTION (which only points at other
Knowledge Base articles) used to become the step "Check whether this applies here and
remove it: This problem occurs because you did not set ...": the cause restated, not the
action. Readers (seed 106, Q171456) asked for the action itself, "Set the appropriate
identity for the server.", with the articles RESOLUTION names kept beside it.

Narrow on purpose: only "you did not / have not / do not <verb> ..." where <verb> reads as
an imperative step; any other cause keeps its "check whether this applies" step.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kbassist.articles import Article
from kbassist.drafting.option_model import Option
from kbassist.drafting.text import clean, split_detail, split_sentences, with_detail

#: The step `options._cause_options` writes for a cause with no fix.
_CAUSE_ONLY = "Check whether this applies here and remove it: "

#: "... because you did not set the appropriate identity for the server."
_NOT_DONE_RE = re.compile(
    r"\b(?:because|occurs? (?:if|when)|happens? (?:if|when)|caused by the fact that)\s+"
    r"(?:you|the user)\s+(?:did not|didn't|have not|haven't|do not|don't|has not|hasn't)\s+"
    r"(?P<verb>[a-z]+)\b(?P<rest>(?:[^.;:]|\.(?=\w)){3,120})\.?$",
    re.IGNORECASE,
)
#: "... when Windows NT clients have not been upgraded to ...", "..., but the APPC remote
#: LU has not been explicitly assigned to the user or group."
_NOT_DONE_TO_RE = re.compile(
    r"\b(?:because|occurs? (?:if|when)|happens? (?:if|when)|, but)\s+(?P<subj>(?!it\b|this\b"
    r"|there\b|you\b|they\b)[^,;.()]{3,80}?)\s+(?:is|are|was|were|has|have)\s+not\s+(?:been\s+)?"
    r"(?:(?:correctly|properly|explicitly)\s+)?(?P<part>[a-z]{3,}ed)\b(?P<rest>(?:[^.;:]|\.(?=\w)){0,160})\.?$",
    re.IGNORECASE,
)
#: A verb that is no action when made imperative ("you did not have", "you do not need").
_NOT_ACTION = frozenset(
    {"have", "need", "want", "know", "see", "get", "receive", "expect", "mean", "notice", "be"}
)
#: "The topic is not located on the CD-ROM": a state, not something left undone.
_STATE_PARTICIPLES = frozenset(
    {
        "located",
        "supported",
        "designed",
        "intended",
        "required",
        "allowed",
        "expected",
        "needed",
        "found",
        "recognized",
        "recognised",
        "listed",
        "displayed",
        "affected",
    }
)
#: What follows the participle says more than one act: an agent ("by the client
#: application"), a reason ("due to ..."), a second clause (", or the form has been ...").
_NOT_ONE_ACT_RE = re.compile(r",|\b(?:by|due to|because|since|and|unless)\b", re.IGNORECASE)
#: STATUS: the cause is the product's defect, nothing the reader left undone.
_DEFECT_RE = re.compile(r"\bconfirmed (?:this|that) to be a (?:problem|bug)\b", re.IGNORECASE)
#: "Q267836 HOWTO: Create a DCOM Client/Server ...": a Knowledge Base article named in a
#: block of its own under "refer to the following articles".
_KB_REF_RE = re.compile(r"^\s*(?P<ref>Q\d{6}\s+[A-Z][^\n]{5,160}?)\s*$", re.MULTILINE)
_POINTER_RE = re.compile(r"\bfollowing articles?\b", re.IGNORECASE)


def _bases(participle: str) -> list[str]:
    """ "upgraded" -> ["upgrade", "upgrad"], "installed" -> [..., "install"], "submitted"
    -> [..., "submit"]: the verb forms to try."""
    stem = participle[:-2]
    out = [participle[:-1], stem]
    if len(stem) > 2 and stem[-1] == stem[-2]:
        out.append(stem[:-1])
    return out


def _action(sentence: str) -> str:
    """ "Set the appropriate identity for the server." for a cause sentence saying it was not
    done, else ""."""
    from kbassist.drafting.options import _is_action

    found = _NOT_DONE_RE.search(sentence)
    if found and found.group("verb").lower() not in _NOT_ACTION:
        step = f"{found.group('verb').capitalize()}{found.group('rest').rstrip()}."
        return step if _is_action(step) else ""
    found = _NOT_DONE_TO_RE.search(sentence)
    if (
        not found
        or found.group("part").lower() in _STATE_PARTICIPLES
        or _NOT_ONE_ACT_RE.search(found.group("rest"))
    ):
        return ""
    subj = found.group("subj")
    subj = subj[0].lower() + subj[1:] if re.match(r"(?:The|Your|A|An)\b", subj) else subj
    for base in _bases(found.group("part").lower()):
        step = f"{base.capitalize()} {subj}{found.group('rest').rstrip()}."
        if _is_action(step):
            return step
    return ""


def _pointed_articles(article: Article) -> list[str]:
    """The Knowledge Base articles a RESOLUTION made only of a pointer names."""
    from kbassist.drafting.options import RESOLUTION_KEYS

    for section in article.sections:
        if section.key in RESOLUTION_KEYS and _POINTER_RE.search(section.text):
            return [clean(m.group("ref")) for m in _KB_REF_RE.finditer(section.text)]
    return []


def negated_cause_fixes(article: Article, options: list[Option]) -> list[Option]:
    """Cause options whose only step restates a "you did not X" cause: the step becomes
    "X." (the cause stays in the cause node; the articles RESOLUTION points at are added)."""
    if len(options) != 1 or options[0].kind != "cause":
        return options
    option = options[0]
    if len(option.items) != 1 or not option.items[0].startswith(_CAUSE_ONLY):
        return options
    text, detail = split_detail(option.items[0])
    cause = text[len(_CAUSE_ONLY) :]
    if any(s.key == "status" and _DEFECT_RE.search(s.text) for s in article.sections):
        return options
    sentences = split_sentences(clean(cause))
    step = _action(sentences[0]) if sentences else ""
    if not step:
        return options
    if len(sentences) > 1:  # the first says what was not done; the rest explain it
        step = with_detail(step, " ".join(sentences[1:]))
    if detail:
        step = with_detail(step, detail)
    if refs := _pointed_articles(article):
        step = with_detail(step, "See the Knowledge Base articles:\n" + "\n".join(refs))
    from kbassist.drafting.options import option_label

    label = option_label(split_detail(step)[0])  # a fix's label, as RESOLUTION's fixes get
    return [replace(option, label=label, items=[step])]
