"""Honest no-fix outcomes for MS KB articles (issue 13).

An article whose RESOLUTION only says "There is currently no resolution to this
problem", or whose STATUS says the problem is confirmed or under investigation and that
gives no fix at all, must not be drafted as a "Resolution" to tick: the walk ends in an
outcome that says there is no fix, and keeps any workaround the article does give.
"""

from __future__ import annotations

import re

from kbassist.articles import Article, Section, section_key
from kbassist.articles.model import role_of
from kbassist.drafting.option_model import Option
from kbassist.drafting.options import option_label
from kbassist.drafting.symptoms import find_section
from kbassist.drafting.text import (
    Hinted,
    clean,
    sentence_cut,
    split_detail,
    split_sentences,
    with_detail,
)

#: "There is currently no resolution to this problem.", "No workaround is available at
#: this time.", "According to Broderbund, there is no resolution to the problem."
NO_FIX_PATTERN = re.compile(
    r"\bthere (?:is|are) (?:currently |presently |at this time |still )?no (?:known )?"
    r"(?:resolution|workaround|fix|solution|work-around)s?\b"
    r"|\bno (?:known |permanent )?(?:resolution|workaround|fix|solution|work-around)s? (?:is|are"
    r"|exists?)"
    r"(?: currently| presently)? (?:available|known)?"
    r"|^none(?: at this time)?\.?$",
    re.IGNORECASE,
)
NO_FIX_RE = Hinted(
    NO_FIX_PATTERN,
    (
        "resolution",
        "workaround",
        "fix",
        "solution",
        "work-around",
    ),
    anchored=True,
)

#: STATUS: "Microsoft has confirmed this to be a problem in ...", "Microsoft is
#: researching this problem", "This problem is under investigation".
OPEN_STATUS_RE = re.compile(
    r"\bconfirmed (?:this|that|these) (?:to be|as) (?:an? )?(?:problem|bug|issue|limitation)"
    r"|\b(?:is|are) (?:currently )?(?:researching|investigating)\b|\bunder investigation\b",
    re.IGNORECASE,
)

#: A STATUS that also names where the problem is fixed: there is a fix.
_FIXED_RE = re.compile(
    r"\b(?:fixed|corrected|resolved|addressed) in\b|\b(?:no longer|does not|doesn't) occur in\b",
    re.IGNORECASE,
)

#: The step the drafter writes for a cause it found no fix for (`_cause_options`).
_CAUSE_ONLY = "Check whether this applies here and remove it:"


#: "This issue will be fixed in future release.": said beside "no resolution", no fix now.
_FUTURE_RE = re.compile(
    r"^(?:this|the) (?:issue|problem|bug|behaviou?r) (?:will|is expected to|may) be (?:fixed"
    r"|corrected|resolved|addressed) in (?:a |the )?(?:future|next|later|upcoming) (?:\w+ )?"
    r"(?:release|version|update|service pack|build)s?\.?$",
    re.IGNORECASE,
)


def _no_fix_item(item: str) -> bool:
    text = split_detail(item)[0]
    sentences = split_sentences(clean(text)) or [text]
    return all(NO_FIX_RE.search(s) or _FUTURE_RE.match(s) for s in sentences)


#: "Note: ", "NOTE - ": the marker of a note under the "no resolution" sentence.
_NOTE_MARK_RE = re.compile(r"^(?:\*+\s*)?(?:note|important|tip)\s*[:.-]\s*", re.IGNORECASE)


def _offered(items: list[str]) -> list[str]:
    """What the notes under "no resolution" sentences offer to do ("Note: You can change
    your connection type from USB to Ethernet if this option is available." -> "Change
    your connection type ..."): the workaround the article gives after all."""
    from kbassist.drafting.steps import _offer

    out: list[str] = []
    for item in items:
        for para in split_detail(item)[1].split("\n\n"):
            bare = _NOTE_MARK_RE.sub("", clean(para), count=1)
            out.extend(told for s in split_sentences(bare) if (told := _offer(s)))
    return out


def _relabel(option: Option) -> str:
    """ "Workaround: <its first step>" once the "no workaround" sentence is taken out."""
    prefix = option.label.split(":", 1)[0] if ":" in option.label else ""
    first = option_label(split_detail(option.items[0])[0])
    return f"{prefix}: {first}" if prefix else first


def _leading_statements(items: list[str]) -> tuple[list[str], str]:
    """Items with a "There is no workaround." sentence that opens a step before its action
    taken out (shown as the outcome's text), and those sentences."""
    out: list[str] = []
    said: list[str] = []
    for item in items:
        text, detail = split_detail(item)
        sentences = split_sentences(clean(text))
        n = 0
        while n < len(sentences) - 1 and NO_FIX_RE.search(sentences[n]):
            n += 1
        if n:
            said.extend(sentences[:n])
            item = with_detail(" ".join(sentences[n:]), detail)
        out.append(item)
    return out, " ".join(said)


def _status_reason(article: Article) -> tuple[str, Section | None]:
    """The STATUS sentences that say the problem is open, and the section; ("", None)
    when STATUS names a fix or says nothing of the kind."""
    section = find_section(article, ("status",))
    if section is None or _FIXED_RE.search(section.text):
        return "", None
    said = [
        s
        for s in split_sentences(clean(section.text))
        if OPEN_STATUS_RE.search(s)  # the "confirmed" boilerplate is the point here
    ]
    return (" ".join(said[:2]), section) if said else ("", None)


def no_fix_options(article: Article, options: list[Option]) -> list[Option]:
    """`options` with "there is no resolution" statements taken out of fixes, and one
    honest "No fix" option when nothing the article gives is a fix (a confirmed or
    investigated STATUS, or a RESOLUTION that says there is none). Other articles'
    options come back unchanged."""
    statements: list[tuple[str, Option]] = []
    kept: list[Option] = []
    for option in options:
        if option.kind == "upgrade":
            kept.append(option)
            continue
        option.items, said = _leading_statements(option.items)
        if said:  # "There is no workaround for this problem. A hotfix ... is available."
            option.lead = f"{said} {option.lead}".strip()
            if NO_FIX_RE.search(option.label) and option.items:
                option.label = _relabel(option)
        gone = [i for i in option.items if _no_fix_item(i)]
        if not gone:
            kept.append(option)
            continue
        statements.extend((split_detail(i)[0], option) for i in gone)
        option.items = [i for i in option.items if not _no_fix_item(i)]
        if not option.items and (offered := _offered(gone)):
            # "No permanent resolution exists. Note: You can change X": X is the workaround
            said = " ".join(split_detail(i)[0] for i in gone)
            option.items, option.lead = offered, f"{option.lead} {said}".strip()
            option.label = _relabel(option)
            kept.append(option)
            continue
        if option.items:  # "There is no workaround. You must wait until ...": the rest stays
            said = " ".join(split_detail(i)[0] for i in gone)
            option.lead = f"{said} {option.lead}".strip()
            option.label = _relabel(option)
            kept.append(option)
        elif _names_product(option):
            # "Host Integration Server 2000: No fix is available ... at this time": the
            # answer for that product, kept beside the others' fixes
            said = " ".join(split_detail(i)[0] for i in gone)
            kept.append(_no_fix_option(article, option.section, f"{option.label}: no fix", said))
    reason, status = _status_reason(article)
    if not statements and status is None:
        return options
    real = [
        o
        for o in kept
        if o.kind != "nofix"
        and not (o.kind == "cause" and all(i.startswith(_CAUSE_ONLY) for i in o.items))
    ]
    if real:
        return kept if statements else options
    said = " ".join(dict.fromkeys(s for s, _ in statements))
    section = statements[0][1].section if statements else status
    if section is None:
        return options
    why = reason or said
    lead = f"{why} {said}" if reason and said else why
    from kbassist.drafting.whole_titles import status_title

    title = "No fix: " + status_title(why, 70)  # "... in the products the article lists"
    return [_no_fix_option(article, section, title, lead)]


#: A heading that only names a fix section, in the words `role_of` does not read.
_FIX_HEAD_RE = re.compile(r"^(?:work[- ]?arounds?|resolutions?|solutions?|fix(?:es)?)$", re.I)


def _names_product(option: Option) -> bool:
    """Whether an option's label names what its "no fix" statement is about ("Host
    Integration Server 2000"), not only its section ("WORKAROUND": "There is no
    workaround for this problem." beside a RESOLUTION's service pack is no option; when
    nothing else is a fix the one honest "No fix" option says so)."""
    label = option.label.strip().rstrip(":").strip()
    if NO_FIX_RE.search(label) or section_key(label) == section_key(option.section.name):
        return False
    # a sub-heading that only names a fix section ("WORKAROUND", "Work Around")
    generic = role_of(label)[0] == "resolution" or _FIX_HEAD_RE.match(label)
    return not (generic and len(label.split()) <= 2 and not re.search(r"\d", label))


def _no_fix_option(article: Article, section: Section, label: str, said: str) -> Option:
    """An outcome that says there is no fix: nothing to tick but telling the user, the
    CAUSE shown so what triggers it can be avoided, and no claim that it goes away."""
    step = f"Tell the user that {article.id} gives no fix or workaround for this problem."
    cause = find_section(article, ("cause", "causes"))
    if cause is not None and clean(cause.text):
        step = with_detail(step, f"CAUSE: {sentence_cut(clean(cause.text), 400)}")
    check = (
        "Nothing to verify: the article gives no fix, so expect the problem to remain "
        "until a later version or update corrects it."
    )
    lead = f"The article gives no fix or workaround. {said}".strip()
    return Option(section, label, lead, [step], kind="nofix", checks=[check])
