"""Honest outcomes for MS KB articles that describe a behaviour, not a fault (issue 13).

An article whose only "fix" is its CAUSE ("This event ID is logged if a message has been
embedded over 100 times ...") or that says "This behavior is by design" and gives nothing
to do was drafted as "If this is the cause: ..." with the tick "Check whether this
applies here and remove it", or as "Read the article". Neither is honest: a limit, a
condition of the product or an intended behaviour is nothing to remove. Such an article
ends in one outcome that says what it is ("By design: ...", "No fix in the article:
..."), shows the article's own explanation, and does not promise the problem goes away.
"""

from __future__ import annotations

import re

from kbassist.articles import Article, Section
from kbassist.drafting.nofix import _CAUSE_ONLY
from kbassist.drafting.option_model import Option
from kbassist.drafting.options import (
    _CAUSE_KEYS,
    MORE_KEYS,
    RESOLUTION_KEYS,
    SUMMARY_KEYS,
    WORKAROUND_KEYS,
    short_label,
)
from kbassist.drafting.symptoms import find_section
from kbassist.drafting.text import clean, sentence_cut, split_sentences

#: "This behavior is by design.", "This is expected behavior.", "This is not a problem",
#: "works as designed": the article says the behaviour is intended. Not "by design changes"
#: (a change of design is a cause).
_DESIGN_RE = re.compile(
    r"\bby design\b(?!\s+(?:changes?|flaws?|errors?|problems?|limitations?)\b)"
    r"|\b(?:is|are) (?:the )?(?:expected|intended|normal|correct) (?:behaviou?r|result)"
    r"|\bbehaviou?rs? (?:is|are) (?:expected|intended|normal|correct)\b"
    r"|\b(?:is|are) not (?:a|an) (?:problem|error|bug)\b|\bworks? as (?:designed|intended)\b"
    r"|\bcan (?:safely )?be (?:safely )?ignored\b",
    re.IGNORECASE,
)
#: "If you built it on the same computer, it is not a problem.": by design only in a case.
_IF_RE = re.compile(r"^(?:if|when|unless)\b", re.IGNORECASE)
#: Cheap words one of _DESIGN_RE's phrases holds (lowercased): a text with none is skipped.
_DESIGN_HINTS = ("design", "expected", "intended", "normal", "correct", "not a", "ignored")

#: A CAUSE that states a limit or a product behaviour rather than something wrong here:
#: "embedded over 100 times", "exceeds the maximum", "does not support", "is designed to",
#: "is a limitation of". Nothing in it is for the admin to remove.
_LIMIT_RE = re.compile(
    r"\b(?:more|over|greater) than \d|\bover \d[\d,]* (?:times|levels|characters|bytes|files)"
    r"|\b(?:exceeds?|exceeding|reach(?:es)?) (?:the|a|its) (?:\w+ )?(?:maximum|limit)\b"
    r"|\b(?:maximum|limit) (?:of|is)\b|\bis (?:a |an )?(?:known )?limitation\b"
    r"|\b(?:does|do) not support\b|\bis not supported\b|\bis designed (?:to|so)\b"
    r"|\bwas not designed\b|\bis not designed\b"
    r"|\b(?:does|do) not (?:respond|distinguish|support|recognize|allow|log|cache|save)\b"
    r"|\bcannot be (?:loaded|used|run|changed|displayed|saved)\b"
    r"|\b(?:is|are) not (?:cached|adjusted|logged|saved|supported)\b",
    re.IGNORECASE,
)

#: "This behavior is by design.", "This is expected behavior.": nothing else said.
_BARE_RE = re.compile(
    r"^(?:resolved )?by design\.?$|^(?:this|that|it|the)(?: \w+)? is (?:by design"
    r"|(?:an? )?(?:expected|correct|intended|normal) behaviou?r)\.?$",
    re.IGNORECASE,
)

#: A sentence that points elsewhere or starts reproducing the behaviour: no workaround.
_NOT_TICK_RE = re.compile(
    r"^see\b|\bsee (?:the following|also|article|q\d)|\b(?:refer to|query on|reproduce)\b"
    r"|\bfollowing (?:steps|article|code|example)\b"
    r"|\bfor more information\b|^(?:step )?\d+[.)]|:$",
    re.IGNORECASE,
)
#: A paragraph from which on MORE INFORMATION reproduces or explains: read no further.
_STOP_RE = re.compile(r"\breproduc|\bsample code\b|\bsteps\b", re.IGNORECASE)

#: A CAUSE that lists conditions ("The following are some reasons why ..."): each is
#: something to check, not a limit.
_LIST_RE = re.compile(r"\bthe following\b", re.IGNORECASE)

#: Sections where an article says its behaviour is by design.
_DESIGN_KEYS = ("status", *_CAUSE_KEYS, *RESOLUTION_KEYS, *MORE_KEYS, *WORKAROUND_KEYS)


def _cause_only(options: list[Option]) -> bool:
    """Every option is a CAUSE the drafter found no fix for ("Check whether this applies
    here and remove it: ...")."""
    return bool(options) and all(
        o.kind == "cause" and o.items and o.items[0].startswith(_CAUSE_ONLY) for o in options
    )


def _design_said(article: Article) -> tuple[str, Section | None]:
    """The article's first by-design sentence and its section, or ("", None)."""
    for key in _DESIGN_KEYS:
        section = find_section(article, (key,))
        if section is None:
            continue
        text = clean(section.text)
        low = text.lower()
        if not any(h in low for h in _DESIGN_HINTS):
            continue
        for sentence in split_sentences(text):
            if _DESIGN_RE.search(sentence) and not _IF_RE.match(sentence):
                return sentence, section
    return "", None


def _workaround_steps(article: Article, sections: list[Section]) -> list[str]:
    """Up to two actions the article gives beside its by-design statement ("To fully
    remove an entire theme, use Add/Remove Programs ..."): the only honest ticks."""
    from kbassist.drafting.options import _is_action
    from kbassist.drafting.steps import _offer

    steps: list[str] = []
    for section in sections:
        for para in section.text.split("\n\n"):
            text = clean(para)
            if _STOP_RE.search(text):
                break
            for sentence in split_sentences(text):
                if _NOT_TICK_RE.search(sentence) or _DESIGN_RE.search(sentence):
                    continue
                told = _offer(sentence) or (sentence if _is_action(sentence) else "")
                if told and told not in steps:
                    steps.append(told)
                if len(steps) == 2:
                    return steps
    return steps


def _subject(article: Article, said: str) -> str:
    """What the title names as by design: the by-design sentence, or the article's title
    when the sentence says nothing else ("This behavior is by design.")."""
    from kbassist.drafting.tree import _title

    return _title(article) if _BARE_RE.match(said) else said


def design_options(article: Article, options: list[Option]) -> list[Option]:
    """`options` unchanged, unless the article gives no fix (no options, or only causes
    to "check and remove") and says its behaviour is by design, or its CAUSE states a
    limit or product behaviour: then one honest outcome instead."""
    if options and not _cause_only(options):
        return options
    if not options and (
        find_section(article, SUMMARY_KEYS) is not None
        or find_section(article, ("symptoms",)) is None
    ):
        return options  # a how-to or a note, not a problem: "Read the article" stays
    said, section = _design_said(article)
    cause = find_section(article, _CAUSE_KEYS)
    explained = sentence_cut(clean(cause.text), 400) if cause is not None else ""
    if said and section is not None:
        lead = said if not explained or said in explained else f"{said} {explained}"
        label = "By design: " + short_label(_subject(article, said).rstrip("."), 70)
        step = f"Tell the user that {article.id} describes this behavior as by design."
        more = find_section(article, MORE_KEYS + WORKAROUND_KEYS)
        ways = _workaround_steps(article, [s for s in (section, more) if s is not None])
        check = (
            "Nothing to verify: the article says this behavior is by design, so expect it "
            "to continue."
        )
        option = _outcome(section, label, sentence_cut(lead, 400), step, check)
        option.items.extend(ways)
        return [option]
    sentences = split_sentences(explained)
    first = sentences[0] if sentences else explained
    if not options or cause is None or not explained or not _LIMIT_RE.search(first):
        return options  # the limit is what the CAUSE opens with, not a side remark
    if _LIST_RE.search(explained):  # "The following are some reasons why ...": to check
        return options
    label = "No fix in the article: " + short_label(first.rstrip("."), 70)
    step = (
        f"Tell the user that {article.id} explains why this happens (a limit or behavior "
        "of the product) and gives no fix."
    )
    check = (
        "Nothing to verify: the article gives no fix, so expect this to happen whenever "
        "the condition it describes holds."
    )
    return [_outcome(cause, label, explained, step, check)]


def _outcome(section: Section, label: str, lead: str, step: str, check: str) -> Option:
    """One no-fix outcome: the article's explanation as its text, telling the user as its
    only tick, and a verify that makes no "the problem no longer occurs" promise."""
    return Option(section, label, lead, [step], kind="nofix", checks=[check])
