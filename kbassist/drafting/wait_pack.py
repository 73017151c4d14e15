"""The hotfix notice's other choice: wait for the next service pack (issue 13, archive).

An MS KB hotfix article says "A supported fix is now available from Microsoft, but ...
if you are not severely affected by this problem, Microsoft recommends that you wait for
the next Exchange Server 5.5 service pack that contains this fix. To resolve this
problem immediately, contact Microsoft Product Support Services to obtain the fix."
That is two choices, not one: get the fix now, or wait. The notice's sentences are
boilerplate to the step finder (who may apply the fix, testing, support costs), so the
draft offered only "Contact Microsoft Product Support Services" and the admin who is not
severely affected never heard the article's own advice. Here the wait is an option of
its own beside the fix it defers, and the question over them says what tells them apart.
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.articles import Article, Section
from kbassist.drafting.option_model import Option
from kbassist.drafting.options import RESOLUTION_KEYS, WORKAROUND_KEYS
from kbassist.drafting.text import (
    Hinted,
    clean,
    split_detail,
    split_sentences,
    step_text,
    with_detail,
)

#: "... recommends that you wait for the next Microsoft SNA Server version 4.0 service
#: pack that contains this fix", "wait for the next Service Pack that contains this fix".
_WAIT_RE = re.compile(
    r"\bwait\s+for\s+the\s+next\s+(?P<what>(?:[\w.()/,-]+\s+){0,9}?service\s+pack)\b",
    re.IGNORECASE,
)

#: A fix got from Microsoft now: "Contact Microsoft Product Support Services to obtain
#: the fix", "Obtain the hotfix mentioned below", "Apply the fix referenced below".
#: (Searched only where "contact", "call", "fix", "patch" or "updated file" is: `Hinted`.)
_GET_FIX_RE = Hinted(
    re.compile(
        r"\b(?:contact|call)\b[^.]{0,80}\b(?:support|pss)\b"
        r"|\b(?:obtain|get|download|request|apply|install)\b(?:(?!service pack)[^.]){0,60}?"
        r"\b(?:hot ?fix|fix|patch|updated files?)\b(?! rollup)",
        re.IGNORECASE,
    ),
    ("contact", "call", "fix", "patch", "updated file"),
)

#: A service pack the article already points to ("Obtain the latest service pack for
#: Windows NT 4.0"): the pack is out, so waiting for it is stale advice.
_PACK_OUT_RE = Hinted(
    re.compile(
        r"\b(?:obtain|install|apply|get|download|upgrade to)\b[^.]{0,40}\bservice pack\b", re.I
    ),
    ("service pack",),  # searched at every word of an option's texts otherwise
)

#: The article already offers the wait ("Obtain the following fix or wait for the next
#: Windows NT service pack" split into two options).
_WAITS_RE = re.compile(r"\bwait (?:for|until)\b", re.IGNORECASE)

WAIT_KIND = "wait"

#: Sections whose hotfix notice names the pack to wait for.
_NOTICE_KEYS = (*RESOLUTION_KEYS, *WORKAROUND_KEYS, "status")

#: The question over a fix and the wait for the pack that contains it.
WAIT_TITLE = "Get the fix now, or wait for the service pack?"
WAIT_TEXT = (
    "The article says to apply the fix only if this problem affects you severely, and "
    "otherwise to wait for the next service pack that contains it. Which fits here?"
)
LATER_TEXT = (
    "The article offers the fix now, or the next service pack that contains it later. "
    "Which fits here?"
)


def _texts(option: Option) -> str:
    return " ".join([option.label, option.lead, *(step_text(i) for i in option.items[:2])])


def _notices(sections: list[Section]) -> list[tuple[Section, str, str]]:
    """(section, the notice's sentence, the pack waited for) in article order."""
    found: list[tuple[Section, str, str]] = []
    for section in sections:
        for sentence in split_sentences(" ".join(clean(section.text).split())):
            hit = _WAIT_RE.search(sentence)
            if hit is not None:
                found.append((section, sentence, " ".join(hit.group("what").split())))
    return found


def _said(sentence: str) -> str:
    """The notice as the wait's outcome text: "If you are not severely affected ..."."""
    if not sentence:
        return ""
    said = re.sub(r"^(?:therefore|however),\s*", "", sentence.strip(), flags=re.IGNORECASE)
    return said[:1].upper() + said[1:]


def _wait_option(section: Section, sentence: str, what: str, prefix: str) -> Option:
    pack = re.sub(r"\bservice\s+pack$", "service pack", what, flags=re.IGNORECASE)
    label = f"Wait for the next {pack}"
    step = f"Wait for the next {pack} that contains this fix, and install it when it is out."
    return Option(
        section,
        f"{prefix}: {label}" if prefix else label,
        _said(sentence),
        [step],
        kind=WAIT_KIND,
    )


#: "Contact Microsoft Technical Support to obtain the following fix, or wait for the next
#: Systems Management Server service pack.": the wait said inside the fix's own step.
_OR_WAIT_RE = re.compile(
    r",?\s+or\s+(?P<wait>wait\s+for\s+the\s+next\s+(?:[\w.()/,-]+\s+){0,9}?service\s+pack)"
    r"(?:\s+that\s+contains\s+(?:this|the)\s+fix)?(?=[.;]|$)",
    re.IGNORECASE,
)


def _inline_waits(article: Article, options: list[Option]) -> list[Option]:
    """Each fix whose first step also says ", or wait for the next X service pack" split
    in two: the step without the clause, and a wait option after it (its text the hotfix
    notice, when the article has one); `options` itself when no step says so."""
    notices = _notices([s for s in article.sections if s.key in _NOTICE_KEYS])
    out: list[Option] = []
    for option in options:
        out.append(option)
        if option.kind != "option" or not option.items:
            continue
        text, detail = split_detail(option.items[0])
        found = _OR_WAIT_RE.search(text)
        if found is None or not _GET_FIX_RE.search(text[: found.start()]):
            continue
        option.items[0] = with_detail(text[: found.start()] + text[found.end() :], detail)
        option.label = _OR_WAIT_RE.sub("", option.label)
        what = _WAIT_RE.search(found.group("wait"))
        said = next((n[1] for n in notices if _SEVERE_RE.search(n[1])), "")
        prefix = option.label.split(": ", 1)[0] if ": " in option.label else ""
        if what is not None:
            out.append(_wait_option(option.section, said, what.group("what"), prefix))
    return out if len(out) > len(options) else options


#: The article's own wait, a step alone: "Wait for the next Systems Management Server
#: service pack." (split from "obtain the following fix, or wait for ...").
_WAIT_STEP_RE = re.compile(
    r"^wait\s+for\s+the\s+next\s+(?P<what>(?:[\w.()/,-]+\s+){0,9}?service\s+pack)"
    r"(?:\s+that\s+contains\s+(?:this|the)\s+fix)?\.?$",
    re.IGNORECASE,
)


def _install_when_out(option: Option) -> None:
    """A wait whose only step is "Wait for the next X service pack." says to install the
    pack when it is out, as the notice's own wait does: else the walk ends waiting and its
    verify cannot pass (seed 112, Q186255)."""
    if len(option.items) != 1:
        return
    text, detail = split_detail(option.items[0])
    found = _WAIT_STEP_RE.match(" ".join(text.split()))
    if found is None:
        return
    pack = " ".join(found.group("what").split())
    step = f"Wait for the next {pack} that contains this fix, and install it when it is out."
    option.items = [with_detail(step, detail) if detail.strip() else step]


#: The notice's rule for choosing: "if you are not severely affected", "Unless you are
#: severely impacted by this specific problem".
_SEVERE_RE = re.compile(r"\bseverely (?:affected|impacted)\b", re.IGNORECASE)


def wait_options(article: Article, options: list[Option]) -> list[Option]:
    """`options` with the notice's "wait for the next service pack" offered beside the fix
    it defers: one wait after each "get the fix now" option when the notices pair with
    them (a RESOLUTION per product, each with its own notice), else one after the last
    fix when every notice names the same pack. Unchanged when the article already offers
    the wait, when its pack is out (an "obtain the latest service pack" step, a STATUS
    upgrade), or when there is no fix to get now."""
    if article.style != "mskb" or not options:
        return options
    if all(o.kind == "nofix" for o in options):
        return _status_fix(article) or options
    if any(o.kind == "upgrade" or _PACK_OUT_RE.search(_texts(o)) for o in options):
        return options
    split = _inline_waits(article, options)
    if split is not options:
        return split
    if any(_WAITS_RE.search(_texts(o)) for o in options):
        for option in options:
            _install_when_out(option)
        return options
    fixes = [o for o in options if o.kind == "option" and _GET_FIX_RE.search(_texts(o))]
    notices = _notices([s for s in article.sections if s.key in _NOTICE_KEYS])
    if not fixes or not notices:
        return options
    waits: dict[int, Option] = {}
    if len(notices) == len(fixes) >= 2:
        for fix, (section, sentence, what) in zip(fixes, notices, strict=True):
            prefix = fix.label.split(": ", 1)[0] if ": " in fix.label else ""
            waits[id(fix)] = _wait_option(section, sentence, what, prefix)
    elif len({what.casefold() for _, _, what in notices}) == 1:
        section, sentence, what = notices[0]
        last = fixes[-1]
        prefix = last.label.split(": ", 1)[0] if ": " in last.label else ""
        waits[id(last)] = _wait_option(section, sentence, what, prefix)
    else:
        return options
    out: list[Option] = []
    for option in options:
        out.append(option)
        if id(option) in waits:
            out.append(waits[id(option)])
    return out


#: "A supported fix is now available, but has not been fully regression-tested": the
#: STATUS notice of a fix got from support.
_AVAILABLE_RE = re.compile(
    r"\ban? supported (?:fix|hotfix)\b[^.]{0,40}\b(?:is|are) (?:now )?available\b", re.IGNORECASE
)


def available_notice(sentences: list[str]) -> str:
    """The notice's "A supported fix is now available, but ..." sentence, from where it
    starts (the archive sometimes runs it into the "confirmed" sentence before it: "...
    a problem in Windows NT version A supported fix is now available"); "" if none."""
    for sentence in sentences:
        found = _AVAILABLE_RE.search(sentence)
        if found is not None and (found.start() == 0 or sentence[found.start()].isupper()):
            return sentence[found.start() :]
    return ""


#: "Contact Microsoft Product Support Services for more information."
_CONTACT_RE = re.compile(
    r"^contact (?P<who>microsoft (?:product support services|technical support|pss))\b",
    re.IGNORECASE,
)


_NOT_FOR_RE = re.compile(r"\b(?:is|are) not available for\b", re.IGNORECASE)


#: "This fix has been posted to the following Internet location:" and its address.
_POSTED_RE = re.compile(
    r"\b(?P<said>(?:this|the) (?:fix|hotfix|update) (?:has been|is|was) posted to the following"
    r"[^:\n]*:)\s*(?P<where>(?:ftp|https?)://\S+)",
    re.IGNORECASE | re.MULTILINE,
)


def _posted(section: Section) -> str:
    """Where the STATUS says the fix is posted, as the contact step's detail; "" if not."""
    found = _POSTED_RE.search(" ".join(section.text.split()))
    return f"{found.group('said')}\n{found.group('where')}" if found else ""


def _status_fix(article: Article) -> list[Option]:
    """A STATUS that says "A supported fix is now available ... wait for the next Service
    Pack ... Contact Microsoft Technical Support" gives a fix after all, not "no fix":
    the fix from support now, or the wait; [] when the STATUS does not say all three."""
    for section in article.sections:
        if section.key != "status":
            continue
        said = split_sentences(" ".join(clean(section.text).split()))
        available = available_notice(said)
        contact = next((m for s in said if (m := _CONTACT_RE.match(s))), None)
        waits = [(s, w) for s in said if (w := _WAIT_RE.search(s))]
        if not available or contact is None or len(waits) > 1:
            continue
        # "please note the following fix is not available for Windows NT version 4.0"
        limits = [s for s in said if _NOT_FOR_RE.search(s) and s != available]
        fix = Option(
            section,
            f"Contact {contact.group('who')} to obtain the fix",
            " ".join([available, *limits]),
            [with_detail(f"Contact {contact.group('who')} to obtain the fix.", _posted(section))],
        )
        if not waits:  # "... Contact Microsoft Product Support Services": the fix only
            return [fix]
        sentence, wait = waits[0]
        what = " ".join(wait.group("what").split())
        return [fix, _wait_option(section, sentence, what, "")]
    return []


#: "Resolution: Wait for the next Windows NT 4.0 Option Pack service pack": a wait the
#: option finder split off the fix's own "or wait for ..." sentence.
_WAIT_LABEL_RE = re.compile(r"^(?:[^:]{1,80}:\s+)?wait for the next\b", re.IGNORECASE)


def wait_question(article: Article, question: dict[str, Any], rest: list[Option]) -> dict[str, Any]:
    """The question over the fixes worded by what tells a fix from its wait, when a wait
    is among them: how badly the problem affects this system, when the article's notice
    says so (its own rule), else only that the pack is the later way."""
    waits = [o for o in rest if o.kind == WAIT_KIND or _WAIT_LABEL_RE.match(o.label)]
    if not waits:
        return question
    if any(o not in waits and not _GET_FIX_RE.search(_texts(o)) for o in rest):
        # a workaround beside the fix and its wait: the question over all the fixes, whose
        # when-to-choose help says the fix is for a severe case and the wait for the rest
        return question
    notices = _notices([s for s in article.sections if s.key in _NOTICE_KEYS])
    severe = any(_SEVERE_RE.search(sentence) for _, sentence, _ in notices)
    return {**question, "title": WAIT_TITLE, "text": WAIT_TEXT if severe else LATER_TEXT}
