"""Numbered cases a modern fix sets out, asked "Which case is yours?" (round 32, cases33).

A support article's Resolution can be a list of cases, each a bold list item with its own
steps nested under it: "**Case 1 - You have an expired version of SQL server evaluation
edition**" / "**Case 2 - Moving from an enterprise evaluation edition to an express
edition**" / "**Case 3 - ... even after upgrading to a licensed version**". Drafted as one
fix, every case ran in sequence and a case's own questions ("Is the database size less
than 10 GB?", "Which option will you use?") were asked whatever the case (seed 86 and 88
readers). Here such an option is split into one option per case, named by the case's
heading, and the cases become a "Which case is yours?" group: each answer leads to its
own steps, and the questions a case's steps raise are asked on its path only.

Only sibling list items the Markdown nests content under, two or more, each opening
"Case N" / "Scenario N" / "Situation N", count; the steps before the first case are
kept for every case, and so are the steps after the last case's own (its first step and
those after it drawn from its nested text).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import fields, replace

from kbassist.articles.model import Article, Block, ListBlock, Note, Paragraph, Quote
from kbassist.drafting.causes import Group
from kbassist.drafting.heading_groups import _block_text, _drawn_from, _words
from kbassist.drafting.option_model import Option
from kbassist.drafting.text import Para, short_label, split_detail

#: "Case 1 - X", "Scenario 2:", "Situation 3": a case's heading (bounded, anchored).
_CASE_RE = re.compile(r"^(?P<word>case|scenario|situation)\s{1,3}(?P<n>\d{1,2})\b", re.IGNORECASE)
#: Most cases asked in one question.
MAX_CASES = 6


def _flat(text: str) -> str:
    return " ".join(text.split()).strip()


def _key(text: str) -> str:
    """A heading as compared with a drafted step: markup gone, end punctuation dropped."""
    return re.sub(r"[*_`]", "", _flat(text)).rstrip(" .:").casefold()


def case_lists(article: Article) -> list[list[tuple[str, str]]]:
    """Each list of the article whose items are numbered cases with content nested under
    them: [(heading, the nested text)], outer lists first."""
    found: list[list[tuple[str, str]]] = []

    def visit(blocks: Iterable[Block]) -> None:
        for block in blocks:
            if isinstance(block, ListBlock):
                cases: list[tuple[str, str]] = []
                words: set[str] = set()  # "case" or "scenario": one kind of numbering
                for item in block.items:
                    first = item.blocks[0] if item.blocks else None
                    if isinstance(first, Paragraph) and len(item.blocks) > 1:
                        plain = _flat(first.text.plain)
                        if marked := _CASE_RE.match(plain):
                            cases.append((plain, _block_text(item.blocks[1:])))
                            words.add(marked.group("word").casefold())
                if 2 <= len(cases) <= MAX_CASES and len(words) == 1:
                    found.append(cases)
                for item in block.items:
                    visit(item.blocks)
            elif isinstance(block, (Note, Quote)):
                visit(block.blocks)

    for part in article.document.walk():
        visit(part.blocks)
    return found


def _copy(option: Option, **changes: object) -> Option:
    """The option with its own lists and maps (its section shared), changed as given."""
    new = replace(option, **changes)  # type: ignore[arg-type]
    for f in fields(new):
        value = getattr(new, f.name)
        if f.name not in changes and isinstance(value, (list, dict)):
            setattr(new, f.name, type(value)(value))
    return new


def _case_label(heading: str) -> str:
    """ "Case 1 - You have an expired version ..." as a choice label (whole words)."""
    return short_label(heading.strip("*_ "), 140).strip(" *_") or heading


def _own(step: str, nested: str, words: set[str]) -> bool:
    """Whether a drafted step is drawn from a case's nested text: most of its first words
    are the case's, or (a bare "Option 2") it is said there whole."""
    key = _key(step)
    return _drawn_from(step, words) or (bool(key) and key in _key(nested))


def _split(option: Option, cases: list[tuple[str, str]]) -> list[Option] | None:
    """One option per case, or None when the option's steps do not hold the cases'
    headings, in order, each over steps of its own."""
    keys = [_key(split_detail(i)[0]) for i in option.items]
    at: list[int] = []
    if _key(option.lead) == _key(cases[0][0]):
        at.append(-1)  # the first case's heading read as the fix's lead: its steps first
    for heading, _ in cases[len(at) :]:
        want = _key(heading)
        found = next(
            (n for n in range(at[-1] + 1 if at else 0, len(keys)) if keys[n] == want), None
        )
        if found is None:
            return None
        at.append(found)
    bounds = [*at[1:], len(option.items)]
    if any(end - start < 2 for start, end in zip(at, bounds, strict=True)):
        return None  # a case with no step of its own
    before = option.items[: max(at[0], 0)]
    lead = "" if at[0] < 0 else option.lead
    # the last case's steps are those drawn from its own nested text; the rest are for all
    last_words = _words(cases[-1][1])
    end = at[-1] + 2  # its first step is its own (the bounds check kept one)
    while end < len(option.items) and _own(
        split_detail(option.items[end])[0], cases[-1][1], last_words
    ):
        end += 1
    after = option.items[end:]
    bounds[-1] = end
    out: list[Option] = []
    for (heading, _), start, stop in zip(cases, at, bounds, strict=True):
        own = option.items[start + 1 : stop]
        # the heading's note ("This also applies to ..."): the case's outcome text
        note = split_detail(option.items[start])[1].strip() if start >= 0 else ""
        said = "\n\n".join(x for x in (note, lead.strip()) if x)
        label = _case_label(heading)
        out.append(_copy(option, label=label, lead=said, items=[*before, *own, *after]))
    return out


def case_part_options(article: Article, options: list[Option]) -> tuple[list[Option], list[Group]]:
    """A modern fix that sets out numbered cases, each with its own nested steps: an option
    per case and a "Which case is yours?" group of them; (options, []) when none does, or
    more than one fix does (the fixes are asked first)."""
    if article.style == "mskb" or not options:
        return options, []
    lists = case_lists(article)
    if not lists:
        return options, []
    for n, option in enumerate(options):
        if option.kind not in ("option", "workaround") or option.when or option.asks:
            continue
        for cases in lists:  # outer lists first: "Case 1..3" before a case's "Scenario 1, 2"
            split = _split(option, cases)
            if split is None:
                continue
            groups = [Group(o.label, [o], case=True) for o in split]
            return [*options[:n], *split, *options[n + 1 :]], groups
    return options, []


# --------------------------------------------------------------------------- MS KB (cases40)

#: An MS KB fix sub-heading that names a case: "Case 1: File Name Exceeds 255 Characters",
#: "Case 2", "Cause 1: Corrupt WIN386.EXE", "Problem 2: Kernel Failures", "Scenario A:".
_KB_CASE_RE = re.compile(
    r"^(?P<word>case|cause|problem|scenario|situation|reason)\s{1,3}"
    r"(?P<n>\d{1,2}|[ivx]{1,4}|[a-f])(?![\w,])\s*[:.)-]?\s*(?P<title>.*)$",
    re.IGNORECASE,
)
#: "Case 1 Workarounds": a heading word that names the fix part, not the case.
_FIX_WORD_RE = re.compile(r"^(?:workarounds?|resolutions?|fix(?:es)?|solutions?)$", re.IGNORECASE)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}


def _ordinal(n: str) -> int:
    """1 for "1", "a" and "I"; 0 for anything else."""
    low = n.casefold()
    if low.isdigit():
        return int(low)
    if low in _ROMAN:
        return _ROMAN[low]
    return ord(low) - ord("a") + 1 if len(low) == 1 else 0


def _kb_cases(paras: list[Para]) -> list[tuple[int, str, int, str]] | None:
    """(index, word, number, title) of each case sub-heading of an MS KB section, numbered
    1, 2, 3 ... in order under one word; None unless two or more, and no other
    sub-heading after the first case (a case's part would run into it)."""
    from kbassist.drafting.text import clean

    found: list[tuple[int, str, int, str]] = []
    for i, para in enumerate(paras):
        if not para.heading:
            continue
        match = _KB_CASE_RE.match(clean(para.head))
        if match is None:
            if found:
                return None
            continue
        title = match.group("title").strip(" :.-")
        found.append((i, match.group("word").casefold(), _ordinal(match.group("n")), title))
    if len(found) < 2 or len(found) > MAX_CASES or len({w for _, w, _, _ in found}) != 1:
        return None
    if [n for _, _, n, _ in found] != list(range(1, len(found) + 1)):
        return None
    return found


def _cause_titles(article: Article, word: str) -> dict[int, str]:
    """Case number -> what the CAUSE (else the SYMPTOMS) says of it: its "Case N: X"
    sub-heading's or paragraph's title, else the first sentence under a bare "Case N"."""
    from kbassist.drafting.options import _body_until_repro
    from kbassist.drafting.text import clean, split_sentences

    for key in ("cause", "causes", "symptoms"):
        section = next((s for s in article.sections if s.key == key), None)
        if section is None:
            continue
        paras = [p for p in _body_until_repro(section) if not p.separator]
        out: dict[int, str] = {}
        for i, para in enumerate(paras):
            match = _KB_CASE_RE.match(clean(para.head if para.heading else para.text))
            if match is None or match.group("word").casefold() != word:
                continue
            title = match.group("title").strip(" :.-")
            if not title and i + 1 < len(paras) and not paras[i + 1].heading:
                title = clean(paras[i + 1].text)
            title = split_sentences(title)[0].rstrip(".:") if title else ""
            out.setdefault(_ordinal(match.group("n")), title)
        if sorted(out) == list(range(1, len(out) + 1)) and len(out) >= 2:
            return out
    return {}


def kb_case_options(
    article: Article, lead: str, options: list[Option]
) -> tuple[str, list[Option], list[Group]]:
    """An MS KB RESOLUTION or WORKAROUND under "Case 1: X" / "Case 2: Y" sub-headings, each
    case with its own fix ("use the method appropriate for the type of problem you are
    having"): an option per fix of each case (a case's "Method 1" / "Method 2" its own
    choice) and a "Which case is yours?" group per case, named by its title, or the
    CAUSE's words for the same case when the heading is only "Case 2"; the lead is then
    what the section says before its first case. (lead, options, []) when the section has
    no such cases or a case has no fix or no name."""
    from kbassist.drafting.follow_ups import other_ways
    from kbassist.drafting.options import (
        _alternatives,
        _body_until_repro,
        _option_from,
    )
    from kbassist.drafting.prose_fixes import alternative_paras
    from kbassist.drafting.text import clean, short_label

    if article.style != "mskb" or not options:
        return lead, options, []
    for section in article.sections:
        if section.key not in ("resolution", "workaround"):
            continue
        if not any(o.section is section for o in options):
            continue
        paras = _body_until_repro(section)
        heads = _kb_cases(paras)
        if heads is None:
            continue
        said = _cause_titles(article, heads[0][1])
        groups: list[Group] = []
        for k, (i, _, n, title) in enumerate(heads):
            words = title.split()
            if words and _FIX_WORD_RE.match(words[-1]):
                title = " ".join(words[:-1])
            name = title or said.get(n, "")
            end = heads[k + 1][0] if k + 1 < len(heads) else len(paras)
            body = list(paras[i + 1 : end])
            if not name or not body:
                return lead, options, []
            _, alts = _alternatives(body, True, fixes=True)
            found: list[Option] = []
            for alt in alts if len(alts) >= 2 else [body]:
                option = _option_from(section, alt)
                if option is not None:
                    found.append(option)
            if not found:
                return lead, options, []
            # "Make sure there is enough disk space. Or, move the files ...": the case's two
            # ways, split here so that the case leads to both (the later passes keep them)
            found = other_ways(alternative_paras(found))
            groups.append(Group(short_label(name, 90), found, case=True))
        fixes = [o for g in groups for o in g.options]
        at = next(n for n, o in enumerate(options) if o.section is section)
        kept = [o for o in options if o.section is not section]
        before = clean(" ".join(p.text for p in paras[: heads[0][0]] if not p.separator))
        return before, [*kept[:at], *fixes, *kept[at:]], groups
    return lead, options, []
