"""Archive articles that are not one problem: a list of items, or a reference (round 32).

Blind readers mark MS KB articles that are a FAQ ("1. Q. Can X? A. Yes. ..."), a README's
contents or a list of known issues or tips (each item with its own answer), or a pure
explanation ("HIMEM.SYS Memory Allocation Scheme"), walked as if they were one fault: the
walk asks "Does this match what you see?" with the article's first sentence, calls a
later paragraph "Why it happens" and checks that "the problem no longer occurs". Such an
article is drafted for its kind instead:

- several items -> "Which of these is your situation?", one choice per item (its own
  question or heading), each leading to the item's actions (its imperative sentences)
  or, when it has none, to its answer told as information; "None of these" ends at an
  honest outcome;
- a reference with nothing to do -> one info outcome ("This article explains X; there
  is nothing to fix") with its key points, and a verify that asks whether that answers
  the question.

The kind is read from the article's sections (no SYMPTOMS, CAUSE or fix section), its
title's words and its body's shape (two or more Q./A. pairs; three or more headed topics
under a list-like title), never from one article. Every pattern is bounded (linear on
long text).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from kbassist.articles import Article, Section
from kbassist.drafting.goal_verify import PROBLEM_KEYS
from kbassist.drafting.list_items import (
    bug_list_nodes,
    is_bug_list,
    item_label,
    item_steps,
    kept_text,
    told_whole,
)
from kbassist.drafting.steps import INFO_CHECK, INFO_STEP
from kbassist.drafting.text import brace, clean, sentence_cut, short_label, split_sentences
from kbassist.drafting.verify import states_problem

#: The first question's id; each item's outcome is `item_N`.
WHICH_ID = "which_item"
NONE_ID = "none_of_these"
#: More items than this: the rest are read in the article (a menu stays a menu).
MAX_ITEMS = 30
#: Fewest items that make a list (two Q./A. pairs; three headed topics).
MIN_QA = 2
MIN_HEADED = 3
#: An item's label, its outcome text and its told answer.
LABEL_CHARS = 70
TEXT_CHARS = 300
ANSWER_CHARS = 1200
MAX_STEPS = 12

#: A title that names a list of separate items (FAQ, README, tips, known issues).
_LIST_TITLE_RE = re.compile(
    r"\b(?:FAQ\b|frequently asked|questions (?:and|&) answers|q ?(?:&|and) ?a\b|commonly asked"
    r"|readme|read ?me|release notes|(?<!table of )contents of|(?<!table of )contents(?:$| \(part)"
    r"|tips\b|known (?:issues|problems)"
    r"|top (?:\w+ ){0,2}(?:questions|issues)|troubleshooting tips)",
    re.IGNORECASE,
)
#: A title that names an explanation or a document: "Description of", "Overview",
#: "Information on", "List of", "... Scheme", "How X Works", "Contents of X.TXT",
#: "README: X", "OS2.DOC: Call Summary", "System Requirements", "Format of".
_REFERENCE_TITLE_RE = re.compile(
    r"\b(?:description of|overview|information (?:on|about)"
    r"|list of|explanation of|definition of|introduction to|scheme|architecture|summary"
    r"|how \w+(?: \w+){0,3} works?|contents of|contents$|readme|read ?me|release notes"
    r"|\w+\.(?:doc|txt|wri):|(?:system|minimum|hardware) requirements|format of|components of"
    r"|documentation"
    r"|questions (?:and|&) answers|frequently asked|faq)\b",
    re.IGNORECASE,
)
#: A "How to" title or a fault word in it: a task or a problem, never a reference.
_NOT_REFERENCE_TITLE_RE = re.compile(
    r"\bhow ?to\b|^(?:[A-Z]{2,8}: )?(?:PRB|BUG|FIX|HOWTO|SAMPLE|DOC)\b|\berror\b|\bfails?\b"
    r"|\bcannot\b|\bcan't\b|\bdoes ?n[o']t\b|\bproblems?\b|\bhangs?\b|\bcrash"
    r"|\bnot supported\b|\bunsupported\b|\bincompatib|\bmismatch|\bmissing\b|\bdisappear"
    r"|\bwrong\b|\bincorrect|\bunable\b|\binvalid\b|\bcorrupt|\blost\b|\bslow|\bunresolved"
    r"|\bwarning\b|\bC\d{4}\b|\bL\d{4}\b|\bis available\b|\bfix(?:es|ed)?\b|\btroubleshoot"
    # the title's last part a task: "README.TXT: Using the Swapfile Utility", "Configuring X"
    r"|(?:^|: )(?:[A-Z][a-z]{1,20}ing|use|specify|redistribute|configure|set|create|install"
    r"|change|enable|disable|run|avoid|determine|find)\b(?![^:]{0,200}:)",
    re.IGNORECASE,
)
#: "Disk Contents", "Contents of the CD-ROM", "CABfile Contents": a listing of files, whose
#: headings ("Disk 1", "Extracted VFP1.CAB") are no situations.
_FILES_TITLE_RE = re.compile(
    r"\b(?:disks?|diskettes?|cd-rom|cd|cab ?files?|cabinets?)\b[^:]{0,30}\bcontents\b"
    r"|\bcontents of (?:the )?(?:disks?|diskettes?|cd-rom|cd|cab)"
    r"|\bcontents of\b[^:]{0,60}\b(?:on|in) (?:the )?(?:cd-rom|cd|disks?)\b",
    re.IGNORECASE,
)
#: A title that names a fault, or a task ("How to ...").
_FAULT_TITLE_RE = re.compile(
    r"^(?:[A-Z]{2,8}: )?(?:PRB|BUG|FIX)\b|\berror\b|\bfails?\b|\bcannot\b|\bcan't\b"
    r"|\bdoes ?n[o']t\b|\bhangs?\b|\bcrash",
    re.IGNORECASE,
)
_HOWTO_RE = re.compile(r"^(?:[A-Z]{2,8}: ){0,2}how ?to\b", re.IGNORECASE)
#: "1. Q. Can the display ...", "Q: Why ...", "Question: ...": a question starts.
_Q_RE = re.compile(
    r"(?m)^[ \t]{0,8}(?:\d{1,3}[.)][ \t]{1,4})?(?:Q|Question)[ \t]{0,2}[.:)][ \t]{1,4}(?=\S)"
)
#: "A. Yes. ...", "A: ...", "Answer: ...": its answer starts (a line's start, or after the
#: question's "?" on the same line).
_A_RE = re.compile(
    r"(?:^|(?<=[?.)])[ \t]{1,4}|(?<=\n))[ \t]{0,8}(?:A|Answer)[ \t]{0,2}[.:)][ \t]{1,4}(?=\S)"
    # "A." alone on its line, the answer under it (a list of articles)
    r"|(?<=\n)[ \t]{0,8}(?:A|Answer)[ \t]{0,2}[.:][ \t]{0,4}(?=\n)"
)
#: An underlined heading: "Customizing Display" over "-----" or "=====".
#: Its line is a heading's: after a blank line (or a rule over it), a capital or a number
#: first ("screen." over a rule ends a paragraph, it heads nothing).
_UNDERLINED_RE = re.compile(
    r"(?:\A|\n[ \t]{0,40}\n|\n[ \t]{0,8}[-=]{3,120}[ \t]{0,4}\n)[ \t]{0,8}"
    r"(?P<head>[A-Z0-9][^\n]{2,90}?(?<![,;:]))[ \t]{0,4}\n"
    r"[ \t]{0,8}[-=]{3,120}[ \t]{0,4}(?=\n|\Z)"
)
#: "1. Problems during Setup" alone on a line, a blank line after it.
_NUMBERED_HEAD_RE = re.compile(
    r"(?m)^[ \t]{0,8}(?P<num>\d{1,2})\.[ \t]{1,6}(?P<head>[A-Z][^\n.:?!]{2,70})[ \t]{0,4}\n"
    r"[ \t]{0,8}\n"
)
#: "Close all applications", "Make sure ...", "If you can, make ...": an action of the item.
_ACTION_RE = re.compile(
    r"^(?:(?:if|when|before|after|to) [^,]{1,120}, )?(?:please )?(?:add|change|check|choose|click"
    r"|close|configure|contact|copy|create|delete|disable|do not|don't|double-click|edit|enable"
    r"|exit|install|load|make sure|move|open|press|quit|reinstall|remove|rename|restart|run"
    r"|select|set|start|switch|try|turn|type|uninstall|upgrade|use|verify|be sure|defragment"
    r"|increase|decrease|reduce|obtain|download|insert|save|shut down|reboot|replace|update)\b",
    re.IGNORECASE,
)
#: A table of contents' own heading, the README's title: no item of its own.
_NOT_ITEM_RE = re.compile(
    r"^(?:table of contents|contents|section\b|summary|more information|references?"
    r"|introduction|overview|the information in this article|how to use this"
    r"|for more information|(?:january|february|march|april|may|june|july|august|september"
    r"|october|november|december) \d{4}$)",
    re.IGNORECASE,
)


#: A rule line ("-----", "=====") or a list marker ("2. ", "* ") at a line's start.
_RULE_RE = re.compile(r"(?m)^[ \t]{0,8}[-=_*]{3,200}[ \t]{0,8}$")
_MARKER_RE = re.compile(r"(?m)^[ \t]{0,8}(?:\d{1,2}[.)]|[a-z][.)]|[*\u2022-])[ \t]{1,6}(?=\S)")
_BLANK_RE = re.compile(r"\n[ \t]{0,40}\n")


def paragraphs(text: str) -> list[str]:
    """`text`'s paragraphs and list items, each on one line, without rules or markers."""
    text = _MARKER_RE.sub("\n\n", _RULE_RE.sub("", text))
    return [p for p in (clean(p) for p in _BLANK_RE.split(text)) if p]


def told(text: str, limit: int = ANSWER_CHARS) -> str:
    """`text`'s opening paragraphs and list items, one a line, whole sentences, about `limit`
    characters (a list of requirements stays a list)."""
    kept: list[str] = []
    size = 0
    for para in paragraphs(text):
        if kept and size + len(para) > limit:
            break
        kept.append(_cut(para, limit) if not kept else para)
        size += len(para) + 1
    return "\n".join(kept)


def _cut(text: str, limit: int) -> str:
    """Whole sentences of `text` up to `limit`; a list with no sentence end (a system's
    requirements run together) is cut at a word, never marked "[...]"."""
    cut = sentence_cut(text, limit)
    return short_label(text, limit) if "[...]" in cut else cut


def _sentences(text: str) -> list[str]:
    return [s for p in paragraphs(text) for s in split_sentences(p)]


#: Sections named for their place, not for a topic.
_TOPICLESS = frozenset(("summary", "moreinformation", "preface", "references"))


def _body(article: Article) -> list[Section]:
    """The sections an item list can be in (not APPLIES TO, not the keywords)."""
    return [
        s for s in article.sections if s.key not in ("appliesto", "keywords") and s.text.strip()
    ]


def _problem_sections(article: Article) -> bool:
    return any(s.key in PROBLEM_KEYS for s in article.sections)


def _qa_items(section: Section) -> list[tuple[str, str]]:
    """(question, answer) pairs of a "1. Q. ... A. ..." section."""
    text = section.text
    starts = [m.end() for m in _Q_RE.finditer(text)]
    heads = [m.start() for m in _Q_RE.finditer(text)]
    items = []
    for n, start in enumerate(starts):
        end = heads[n + 1] if n + 1 < len(heads) else len(text)
        chunk = text[start:end]
        answer = _A_RE.search(chunk)
        if answer is None:
            continue
        rest = chunk[answer.end() :]
        # the next topic's heading ends the answer; one indented under the question (a
        # procedure's "To import the list" part) is the answer's own
        line_start = text.rfind("\n", 0, heads[n]) + 1
        q_indent = len(text[line_start : heads[n]]) - len(text[line_start : heads[n]].lstrip())
        for heading in _UNDERLINED_RE.finditer(rest):
            head_line = heading.group("head")
            at = rest.rfind("\n", 0, heading.start("head")) + 1
            if heading.start("head") - at <= q_indent or not head_line:
                rest = rest[: heading.start()]
                break
        question, said = clean(chunk[: answer.start()]), rest.strip()
        if question and said:
            items.append((question, said))
    return items


def _headed_items(section: Section) -> list[tuple[str, str]]:
    """(heading, text) of each underlined or "N. Title" topic of `section`: whichever of
    the two kinds of heading spans more of it (a README's "1. Setup" topics over one
    topic's underlined sub-headings)."""
    text = section.text
    underlined = [(m.start(), m.end(), m.group("head")) for m in _UNDERLINED_RE.finditer(text)]
    runs: list[list[re.Match[str]]] = []
    for m in _NUMBERED_HEAD_RE.finditer(text):
        if m.group("num") == "1" or not runs:  # a table of contents counts 1, 2, 3 first
            runs.append([])
        runs[-1].append(m)
    numbered = [(m.start(), m.end(), m.group("head")) for m in max(runs[::-1], key=len, default=[])]
    best: list[tuple[str, str]] = []
    for marks in (underlined, numbered):
        if len(marks) < MIN_HEADED:
            continue
        items = []
        for n, (_, end, head) in enumerate(marks):
            stop = marks[n + 1][0] if n + 1 < len(marks) else len(text)
            said = text[end:stop].strip()
            head = clean(head)
            if said and not _NOT_ITEM_RE.match(head):
                items.append((head, said))
        if sum(len(a) for _, a in items) > sum(len(a) for _, a in best):
            best = items
    return best


def listed_items(article: Article) -> list[tuple[Section, str, str]]:
    """(section, label text, answer) of each independent item an article lists: its Q./A.
    pairs, else (under a list-like title) its headed topics; [] when it is not a list."""
    if article.style != "mskb" or _problem_sections(article):
        return []
    body = _body(article)
    listed = bool(_LIST_TITLE_RE.search(article.title)) and not _FILES_TITLE_RE.search(
        article.title
    )
    if not listed and (_FAULT_TITLE_RE.search(article.title) or _HOWTO_RE.match(article.title)):
        return []  # "Cannot Use X" with a Q./A. note, "How to Design X": one problem, one task
    qa = [(s, q, a) for s in body for q, a in _qa_items(s)]
    if len(qa) >= MIN_QA:
        return qa
    if not listed:
        return []
    headed: list[tuple[Section, str, str]] = []
    for section in body:
        inside = _headed_items(section)
        if inside:
            headed.extend((section, h, a) for h, a in inside)
        elif section.key not in _TOPICLESS and not _NOT_ITEM_RE.match(section.name):
            # a README whose topics are sections of their own ("Sound Does Not Play" over
            # "=====")
            headed.append((section, section.name, section.text))
    return headed if len(headed) >= MIN_HEADED else []


def is_reference(article: Article, tree: dict[str, Any], fallback_id: str) -> bool:
    """An explanation with nothing to do: no problem section, a title that names an
    explanation or a document (never a task or a fault), no fix the draft found, and an
    opening that states no problem."""
    if article.style != "mskb" or _problem_sections(article):
        return False
    if _NOT_REFERENCE_TITLE_RE.search(article.title):
        return False
    if not any(n.get("id") == fallback_id for n in tree["nodes"]):
        return False
    body = _body(article)
    if not body:
        return False
    opening = " ".join(_sentences(body[0].text)[:2])
    if states_problem(opening):
        return False
    return bool(_REFERENCE_TITLE_RE.search(article.title))


def _cite(article: Article, section: Section) -> dict[str, str]:
    return {"article": article.id, "section": section.name}


def _item_outcome(
    article: Article, section: Section, n: int, label: str, said: str
) -> dict[str, Any]:
    """One item's outcome: its actions as steps, else its answer told as information."""
    cite = _cite(article, section)
    raw = said
    said = " ".join(paragraphs(kept_text(raw))) or " ".join(paragraphs(raw))
    actions = item_steps(raw, _ACTION_RE) if _actions(raw) else []
    outcome: dict[str, Any] = {
        "id": f"item_{n}",
        "kind": "outcome",
        "title": label,
        "text": brace(_cut(said, TEXT_CHARS)),
        "source": cite,
    }
    if actions:
        outcome["steps"] = [
            {"text": brace(a) or INFO_STEP, **({"detail": brace(d)} if d else {}), "source": cite}
            for a, d in actions
        ]
        outcome["verify"] = [
            {
                "text": brace(
                    f"Check with the user that these steps helped with: {label.rstrip('.')}"
                    + ("" if label.endswith("?") else ".")
                ),
                "source": cite,
            }
        ]
    else:
        outcome["steps"] = [
            {
                "text": INFO_STEP,
                "detail": brace(told(kept_text(raw) or raw)),
                "source": cite,
            }
        ]
        outcome["verify"] = [{"text": INFO_CHECK, "source": cite}]
    return outcome


#: "2.1 ", "7. ", "IV. ", "B. ", "2a - " before a heading: its number, no part of its name.
_NUMBER_RE = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}[a-z]?\.?|[IVX]{1,5}\.|[A-Z]\.)(?:[ \t]{1,4}-)?[ \t]{1,4}(?=\S)"
)


def _label(head: str) -> str:
    """An item's choice label: its question or heading, short, never ending inside an
    opened "(for example" it cut."""
    label = item_label(_NUMBER_RE.sub("", head, count=1), "")
    if label.count("(") > label.count(")"):
        label = label[: label.rindex("(")].rstrip(" ,;:-")
    return label


def _actions(text: str) -> list[tuple[str, str]]:
    """(step, listing) of each instruction in an item's text: "Close all applications",
    "Create a directory by typing the following:" with the command under it."""
    paras = paragraphs(text)
    found: list[tuple[str, str]] = []
    for n, para in enumerate(paras):
        sentences = split_sentences(para)
        for k, sentence in enumerate(sentences):
            if not _ACTION_RE.match(sentence) or len(sentence) > 600:
                continue
            listing = ""
            if sentence.endswith(":") and k == len(sentences) - 1 and n + 1 < len(paras):
                following = paras[n + 1]
                if not _ACTION_RE.match(following) and len(following) <= 300:
                    listing = following  # "by typing the following:" and the command
            found.append((sentence, listing))
    return found[:MAX_STEPS]


def _unique(label: str, seen: set[str]) -> str:
    base, n = label, 1
    while label.casefold() in seen:
        n += 1
        label = f"{base} ({n})"
    seen.add(label.casefold())
    return label


def several_nodes(article: Article, items: list[tuple[Section, str, str]]) -> list[dict[str, Any]]:
    """ "Which of these is your situation?" over the items, an outcome each, and "None of
    these"."""
    first = items[0][0]
    kept = items[:MAX_ITEMS]
    seen: set[str] = set()
    outcomes = []
    choices = []
    heads = [_label(head) for _, head, _ in kept]
    heads = [h or f"Item {n}" for n, h in enumerate(heads, 1)]
    counts = Counter(h.casefold() for h in heads)
    parent = ""
    for n, (section, _, said) in enumerate(kept, 1):
        label = heads[n - 1]
        if counts[label.casefold()] > 1:  # "Windows 95" under two topics: which topic's
            topic = parent if section.key in _TOPICLESS else section.name.title()
            label = f"{label} ({topic})" if topic else label
        else:
            parent = label
        label = _unique(label, seen)
        outcomes.append(_item_outcome(article, section, n, label, said))
        choices.append({"value": f"item_{n}", "label": label, "next": f"item_{n}"})
    more = len(items) - len(kept)
    none_text = (
        f"Look for {article.id}'s other {more} items, or for an article that describes your "
        "situation."
        if more
        else "Look for an article that describes your situation."
    )
    choices.append({"value": "none", "label": "None of these", "next": NONE_ID})
    question: dict[str, Any] = {
        "id": WHICH_ID,
        "kind": "question",
        "title": "Which of these is your situation?",
        "text": "The article is a list of separate items, each with its own answer. Which of "
        "these is your situation?",
        "source": _cite(article, first),
        "choices": choices,
    }
    none: dict[str, Any] = {
        "id": NONE_ID,
        "kind": "outcome",
        "title": "None of these",
        "text": "None of the article's items is your situation; its answers may not help.",
        "source": _cite(article, first),
        "steps": [{"text": brace(none_text), "source": _cite(article, first)}],
    }
    return [question, *outcomes, none]


def _key_points(body: list[Section]) -> str:
    """The reference's key points: its topic headings, else its opening sentences."""
    heads = [clean(m.group("head")) for s in body for m in _UNDERLINED_RE.finditer(s.text)]
    heads = [h for h in heads if not _NOT_ITEM_RE.match(h)]
    opening = _cut((paragraphs(body[0].text) or [""])[0], TEXT_CHARS)
    if len(heads) >= 2:
        return f"{opening}\n\nThe article covers: {'; '.join(heads[:12])}."
    return told_whole("\n\n".join(s.text for s in body))


def reference_nodes(article: Article) -> list[dict[str, Any]]:
    """One info outcome: what the article explains, with its key points; nothing to fix."""
    body = _body(article)
    cite = _cite(article, body[0])
    topic = article.title.rstrip(". ")
    # A body that is only a pointer ("For information on ..., see online help") has no key
    # point of its own: the pointer is what the article says (an empty detail fails lint).
    whole = "\n".join(ln for s in body for ln in s.text.split("\n") if not _RULE_RE.match(ln))
    points = _key_points(body) or _cut(clean(whole), TEXT_CHARS) or topic
    return [
        {
            "id": "reference",
            "kind": "outcome",
            "title": "What the article explains",
            "text": brace(f'This article explains "{topic}"; there is nothing to fix.'),
            "source": cite,
            "steps": [{"text": INFO_STEP, "detail": brace(points), "source": cite}],
            "verify": [{"text": INFO_CHECK, "source": cite}],
        }
    ]


def not_one_problem(article: Article, tree: dict[str, Any], fallback_id: str) -> str:
    """Redraft `tree` in place when `article` is a list of items or a reference; returns
    the kind ("several", "reference") or "" when the walk is kept."""
    topic = article.title.rstrip(". ")
    if article.style == "mskb" and is_bug_list(article) and not _problem_sections(article):
        listed = bug_list_nodes(article, _body(article))
        if listed:  # each listed bug is its own article: looked up, not walked
            tree["symptom"] = f"One of the problems listed in: {topic}"
            tree["cause"] = "Each listed problem has its own article; the list is not one problem."
            tree["nodes"] = listed
            return "buglist"
    items = listed_items(article)
    if items:
        tree["symptom"] = f"One of the separate items of: {topic}"
        tree["cause"] = "Each item has its own answer; the article is not one problem."
        tree["nodes"] = several_nodes(article, items)
        return "several"
    if is_reference(article, tree, fallback_id):
        tree["symptom"] = f"You want to know: {topic}"
        tree["cause"] = "Nothing is wrong: the article explains how this works."
        tree["nodes"] = reference_nodes(article)
        return "reference"
    return ""
