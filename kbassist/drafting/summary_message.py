"""What a modern support article with no Symptoms heading shows the admin, and the why its
Cause parts give when none is headed plainly "Cause".

A support page often opens with "This article presents advanced troubleshooting steps
for the STOP 0xC000021A error." and only later, still before any heading (or under
"## Summary"), says "you may receive the following error message:" over the quoted STOP
text. The symptom was drafted from the first sentence, "The STOP 0xC000021A error.": the
message the admin sees was lost (seed-62 readers, 62:37, 62:35). `message_symptom` shows
the lead and its message instead, and a page whose symptom came out as its title alone
("Can't set time zone automatically") is shown by its first sentences that say what
goes wrong.

`cause_parts` reads parts headed "Cause of Error 1 in CBS logs" / "Cause of Error 2 ...":
not "Cause", so the flat reader misses them and the symptom's "This issue occurs when
you run a DISM command" (the trigger, not the cause) was shown (62:39).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from kbassist.articles import Article, Section
from kbassist.articles.model import Block, Code, Paragraph, Quote
from kbassist.drafting.text import clean, sentence_cut, split_sentences

#: "... you may receive the following error message:", "Validate may fail with either of
#: the following errors: <message>", "you receive this error message:", "the following
#: error message may be logged in the Application log:": a lead over the message.
_LEAD_RE = re.compile(
    r"\b(?:the following|this|these)(?: one| (?:error )?(?:messages?|errors?|events?|"
    r"exceptions?|entr(?:y|ies)))\b[^:.]{0,140}:|\b(?:messages?|errors?)\b[^:.]{0,60}\bthe "
    r"following\s*:",
    re.IGNORECASE,
)
#: "When you use a server that's running one of the systems listed in the "Applies to"
#: section, ": where the page applies, said again; the message is what is seen.
_APPLIES_CLAUSE_RE = re.compile(
    r"^(?:when|if|on)\b[^,]{0,160}\b(?:applies to\W{0,2} section|listed (?:in|at) (?:the "
    r"beginning of )?this article)\b[^,]{0,40},\s*",
    re.IGNORECASE,
)
#: "To resolve this error, run the following command:": a fix's lead, no message.
_FIX_LEAD_RE = re.compile(r"\b(?:to (?:resolve|fix|work around|avoid|prevent)|run|type)\b", re.I)
#: "_Applies to:_ Windows 10", "_Original KB number:_ 156669": page metadata.
_META_RE = re.compile(r"^_?(?:applies to|original (?:product version|kb number))\b", re.I)
#: "Home users: This article is intended for ...", "... see [the article]": about the page.
_ABOUT_PAGE_RE = re.compile(r"\bthis (?:article|topic|page)\b|\bintended for\b", re.I)
#: A sentence that says what goes wrong ("cannot change", "fails", "greyed out").
_WRONG_RE = re.compile(
    r"\b(?:cannot|can't|can ?not|unable|fails?|failed|failure|errors?|not (?:visible|"
    r"available|work(?:ing)?|respond(?:ing)?|start(?:ed)?)|doesn't|don't|isn't|aren't|won't|"
    r"greyed out|grayed out|missing|stops?|hangs?|crash(?:es)?|slow)\b",
    re.IGNORECASE,
)
#: A sentence that says why: where the shown problem stops and its cause starts.
_WHY_RE = re.compile(
    r"\b(?:because|by design|caused by|due to|occurs? (?:when|if|because)|the reason)\b", re.I
)


def _summary_blocks(article: Article) -> Iterator[tuple[Sequence[Block], Section | None]]:
    """The blocks before the first heading, then each summary part's, with the section a
    citation names for them (the first summary section for the opening blocks)."""
    from kbassist.drafting.blocks import part_sections
    from kbassist.drafting.symptoms import SUMMARY_KEYS, find_section

    opening = find_section(article, SUMMARY_KEYS)
    if article.document.blocks:
        yield article.document.blocks, opening
    sections = part_sections(article)
    for part in article.document.walk():
        if part.role == "summary" and part.level <= 2:
            yield part.blocks, sections.get(id(part)) or opening


def _plain(block: Block) -> str:
    from kbassist.drafting.modern import md_plain

    return md_plain(block.text.plain) if isinstance(block, Paragraph) else ""


def first_message(blocks: Sequence[Block]) -> str:
    """The first message these blocks show, with its lead: "When you use X, you may receive
    the following error message: STOP: c000021a ..." (the quoted or fenced block after a
    colon-ended lead, or the text after the lead's colon); "" if none."""
    from kbassist.drafting.modern import symptom_block_text

    for n, block in enumerate(blocks):
        text = _plain(block)
        lead = _LEAD_RE.search(text) if ":" in text else None
        if lead is None or _META_RE.match(text) or _ABOUT_PAGE_RE.search(text):
            continue
        sentences = split_sentences(text[: lead.end()])
        said = sentences[-1] if sentences else text[: lead.end()]
        if _FIX_LEAD_RE.match(said):
            continue
        start = text.rfind(said, 0, lead.end())
        rest = text[lead.end() :].strip()
        nxt = blocks[n + 1] if n + 1 < len(blocks) else None
        if not rest and isinstance(nxt, (Quote, Code)):
            rest = symptom_block_text(nxt)
        if len(re.findall(r"[A-Za-z]{2,}", rest)) < 2:
            continue  # no message after the lead ("the following:" over a list)
        said = _APPLIES_CLAUSE_RE.sub("", text[max(start, 0) : lead.end()])
        return clean(f"{said[:1].upper()}{said[1:]} {rest}")
    return ""


def summary_message(article: Article) -> tuple[str, Section | None]:
    """The first message the article's summary shows, with its lead, cited; ("", None)."""
    for blocks, section in _summary_blocks(article):
        found = first_message(blocks) if section is not None else ""
        if found:
            return found, section
    return "", None


def summary_problem(article: Article) -> tuple[str, Section | None]:
    """The first summary paragraph that says what goes wrong, up to the sentence that says
    why ("Non-administrator users cannot change the X setting. ..."); ("", None) if none."""
    for blocks, section in _summary_blocks(article):
        if section is None:
            continue
        for block in blocks:
            text = _plain(block)
            if not text or _META_RE.match(text) or _ABOUT_PAGE_RE.search(text):
                continue
            if text.endswith(":") or _FIX_LEAD_RE.match(text):
                continue
            kept: list[str] = []
            for sentence in split_sentences(text):
                if _WHY_RE.search(sentence) or sentence.endswith(":"):
                    break
                kept.append(sentence)
            if kept and _WRONG_RE.search(kept[0]):
                return " ".join(kept), section
    return "", None


def _quotes_message(symptom: str) -> bool:
    """Whether the symptom already shows a message (its verify checks for it)."""
    from kbassist.drafting.modern import symptom_check

    return symptom_check(symptom).startswith("Check that this no longer appears")


def _title_only(article: Article, symptom: str) -> bool:
    """A symptom that is only page metadata or the article's title."""
    from kbassist.drafting.modern import md_plain

    said = md_plain(symptom).strip().rstrip(".")
    title = md_plain(article.title).strip().rstrip(".")
    return not said or bool(_META_RE.match(said)) or said.casefold() == title.casefold()


def _with_message(article: Article, symptom: str, section: Section) -> str:
    """A Symptoms section's symptom with the message its part quotes after the first blocks
    ("Windows 10 S can be upgraded by various methods. For example: ..." and only later
    "After you upgrade ..., you may receive the following error message: X"): the scene,
    then the lead and its message; the message alone when both do not fit or the scene
    says nothing goes wrong (background, "can be upgraded by various methods"); the symptom
    as it is when it shows a message already or the part quotes none."""
    from kbassist.drafting.modern import MAX_MODERN_SYMPTOM_CHARS, section_parts

    if _quotes_message(symptom):
        return symptom
    part = next(section_parts(article, section), None)
    found = first_message(part.blocks) if part is not None else ""
    if not found or found[:40] in symptom:
        return symptom
    if not _WRONG_RE.search(symptom):
        return sentence_cut(found, MAX_MODERN_SYMPTOM_CHARS)  # the scene says nothing wrong
    if len(symptom) + len(found) < MAX_MODERN_SYMPTOM_CHARS:
        return f"{symptom} {found}"
    return sentence_cut(found, MAX_MODERN_SYMPTOM_CHARS)


def message_symptom(
    article: Article, symptom: str, section: Section | None
) -> tuple[str, Section | None]:
    """A modern article's symptom read from its summary or title (no Symptoms part), shown
    by the message the summary quotes when the symptom holds none, else by the summary's
    first sentences that say what goes wrong when the symptom is only the title; the
    symptom as it is otherwise."""
    from kbassist.drafting.modern import MAX_MODERN_SYMPTOM_CHARS

    if section is not None and section.role == "symptom":
        return _with_message(article, symptom, section), section
    if any(p.role == "symptom" for p in article.document.walk()):
        return symptom, section
    if not _quotes_message(symptom):
        found, where = summary_message(article)
        if found and found[:40] not in symptom:
            return sentence_cut(found, MAX_MODERN_SYMPTOM_CHARS), where
    if _title_only(article, symptom):
        found, where = summary_problem(article)
        if found:
            return sentence_cut(found, MAX_MODERN_SYMPTOM_CHARS), where
    return symptom, section


def opening_section(article: Article, part: object) -> Section | None:
    """The section a citation names for the article's opening blocks, when `part` is the
    stand-in `Article.parts_by_role` makes of them (no heading above): the first summary
    section; None for any other part."""
    from kbassist.drafting.symptoms import SUMMARY_KEYS, find_section

    blocks = getattr(part, "blocks", None)
    if blocks is None or blocks is not article.document.blocks or not blocks:
        return None
    return find_section(article, SUMMARY_KEYS)


#: "Cause of Error 1 in CBS logs", "Cause for issue 2", "Causes": the words before the case.
_CAUSE_HEAD_RE = re.compile(
    r"^(?:root |possible |likely )?causes?\b\s*(?:(?P<n>\d{1,2})\b\s*)?[:.)-]?\s*"
    r"(?:(?:of|for)\s+)?(?P<case>.*)$",
    re.IGNORECASE,
)
#: "The cause is X", "X occurs because Y": the sentence that says why.
_SAYS_WHY_RE = re.compile(
    r"\b(?:because|by design|caused by|due to|the (?:root )?cause is|the reason|occurs? (?:when|"
    r"if)|happens? (?:when|if)|results? from)\b",
    re.IGNORECASE,
)
#: "The following table lists typical causes ...": the page's layout, no cause.
_LAYOUT_RE = re.compile(
    r"^(?:(?:the following|this|these|the) (?:tables?|lists?|sections?)\b|for more\b|see\b)|"
    r"\bsee the\b",
    re.IGNORECASE,
)
#: What the cases are, when every case heading names one ("Error 1 in CBS logs").
_CASE_NOUNS = frozenset({"error", "issue", "scenario", "message", "symptom"})
#: Cause parts said one by one; more is a list for `cause_groups`, not a sentence each.
MAX_CAUSE_PARTS = 4
#: Where a part's why is cut.
MAX_PART_CAUSE_CHARS = 300


def _why_of(blocks: Sequence[Block], strict: bool) -> str:
    """The first sentence of a part's paragraphs that says why ("This issue occurs when the
    conversion requires files to be downloaded ..."), else (not `strict`) its first
    statement; "" when there is none."""
    from kbassist.drafting.self_described import self_described

    first = ""
    for block in blocks:
        for sentence in split_sentences(_plain(block)):
            if sentence.endswith(":") or self_described(sentence) or _LAYOUT_RE.match(sentence):
                continue
            first = first or sentence
            if _SAYS_WHY_RE.search(sentence):
                return sentence_cut(sentence, MAX_PART_CAUSE_CHARS)
    return "" if strict else sentence_cut(first, MAX_PART_CAUSE_CHARS)


def _case_of(heading: str) -> str:
    """ "Cause of Error 1 in CBS logs" -> "Error 1 in CBS logs"; "Cause 2" -> "Cause 2";
    "Cause" -> "": the case a cause part is for."""
    found = _CAUSE_HEAD_RE.match(heading.strip())
    if found is None:
        return heading.strip()
    case = found.group("case").strip(" :-")
    if case:
        return case[:1].upper() + case[1:]
    return f"Cause {found.group('n')}" if found.group("n") else ""


def cause_parts(article: Article) -> tuple[str, Section | None]:
    """The cause an article gives under Cause parts the flat reader does not name "Cause"
    ("## Cause of Error 1 in CBS logs", "## Cause of Error 2 in CBS logs"): each part's
    sentence that says why, after its case; ("", None) with no such part, or when one is
    headed plainly "Cause" (that text is the cause already)."""
    from kbassist.drafting.blocks import part_sections
    from kbassist.drafting.causes import _NUMBERED_CAUSE_RE
    from kbassist.drafting.modern import md_plain

    parts = [p for p in article.document.walk() if p.role == "cause"]
    if not parts or len(parts) > MAX_CAUSE_PARTS:
        return "", None
    if any(_NUMBERED_CAUSE_RE.match(md_plain(p.name)) for p in parts):
        return "", None  # "## Cause 1: X": asked by `cause_groups`, named by `group_causes`
    sections = part_sections(article)
    if any(s.key in ("cause", "causes") for s in article.sections if s.text.strip()):
        return "", None
    said: list[tuple[str, str, Section]] = []
    for part in parts:
        section = sections.get(id(part))
        # one part must say why; of several, a case's first statement is its cause
        why = _why_of(part.blocks, strict=len(parts) == 1)
        if section is None or not why:
            continue
        said.append((_case_of(md_plain(part.name)), why, section))
    if not said:
        return "", None
    if len(said) == 1:
        return said[0][1], said[0][2]
    each = " ".join(f"{case}: {why}" if case else why for case, why, _ in said)
    firsts = {case.split(" ", 1)[0].casefold() for case, _, _ in said}
    noun = firsts.pop() if len(firsts) == 1 and firsts <= _CASE_NOUNS else "case"
    return f"The article gives a cause for each {noun}. {each}", said[0][2]
