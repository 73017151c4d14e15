"""The symptom said as what the admin sees, in a readable form (drafting round 24).

Readers marked symptoms that were one wall of text: the conditions, the failure and a
message box's boilerplate in one line ("For more information about troubleshooting DNS
zone problems, see Help."), a pointer kept ("See the detail to configure ..."), a whole
event record's header dumped inline ("Name: Application Source: ESENT Event ID: 623 Task
Category: ... Level: Error Keywords: Classic User: N/A Computer: ..."), and "Consider the
following scenario: A; B; C. In this scenario, X." where X, the thing the admin sees, comes
last. This pass, run on the finished symptom, keeps what the admin sees and reads it first:

- a message's or article's boilerplate and pointers ("For more information ..., see ...",
  "See the ... section") are dropped when text is left;
- an event record keeps its telling fields (source, event id, the description) and drops
  the rest (log name, task category, level, keywords, user, computer, date, time);
- a scenario lead ("Consider the following scenario:", "This issue occurs when the
  following conditions are true:") and its closer ("In this scenario,", "Under these
  conditions,") turn round: the outcome first, then "This happens when" and the conditions.

In the symptom question the conditions are a paragraph of their own ("\\n\\n"); the tree's
one-line `symptom` joins them with " — ". Read by the shape of the text, never by article.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from kbassist.drafting.text import split_sentences

#: "For more information about troubleshooting DNS zone problems, see Help.", "For more
#: information, see Help and Support Center at http://...", "See the detail to configure
#: X.", "See the Resolution section.": a pointer, not what is seen. Not "See the folder
#: contact or your system administrator." inside a quoted message: the message's own words.
_POINTER_RE = re.compile(
    r"^(?:for (?:more|additional|further) (?:information|details|help)\b[^.]{0,200}?\bsee\b"
    r"|see (?:the |this )(?:[\w-]+ ){0,3}?(?:section|article|help|documentation|details?|topic"
    r"|link|url|web ?site|resolution|cause|more information|following)\b"
    r"|see (?:also |help\b|microsoft\b|article\b|kb\b|q\d)"
    r"|(?:use|visit|go to|refer to) the following (?:link|url|article|web ?site)\b"
    r"|for (?:more|additional|further) (?:information|details)\b[^.]{0,80}?"
    r"\b(?:click the following|visit|go to|refer to)\b)",
    re.IGNORECASE,
)

#: The longest sentence dropped as a pointer: a longer one has more in it.
MAX_POINTER = 200

#: An event record's field label ("Event ID:", "Task Category:"), case as the viewer shows.
_FIELD_RE = re.compile(
    r"(?<![\w-])(?P<label>Log Name|Event Type|Event Source|Event Category|Event ID|Task Category"
    r"|Source|Date|Time|Level|Keywords|User|Computer|Description|Type|Category|Opcode|Name)"
    r"\s?:(?=\s)"
)
#: The fields that tell the event apart; the others say where and when it was logged.
_TELLING = frozenset({"Source", "Event Source", "Event ID", "Description"})
#: The longest value between two labels of one record (a name, a date, "Transaction Manager").
_MAX_FIELD_VALUE = 60
#: The fewest labels a run needs to be a record (not "Type: REG_SZ" in a sentence).
_MIN_FIELDS = 4


def _record_runs(text: str) -> list[list[re.Match[str]]]:
    """The runs of field labels that make an event record: each label within
    `_MAX_FIELD_VALUE` characters of the one before, at least `_MIN_FIELDS`, one of them
    the event id or its source."""
    runs: list[list[re.Match[str]]] = []
    run: list[re.Match[str]] = []
    for match in _FIELD_RE.finditer(text):
        if run and match.start() - run[-1].end() > _MAX_FIELD_VALUE:
            runs.append(run)
            run = []
        if run and run[-1].group("label") == "Description":
            runs.append(run)
            run = []
        run.append(match)
    runs.append(run)
    return [
        r
        for r in runs
        if len(r) >= _MIN_FIELDS
        and any(m.group("label") in ("Event ID", "Source", "Event Source") for m in r)
    ]


def _empty_telling(text: str, run: list[re.Match[str]]) -> bool:
    """Whether a telling field of the record has no value before the next label."""
    return any(
        m.group("label") in _TELLING and not text[m.end() : n.start()].strip()
        for m, n in pairwise(run)
    )


def event_fields_kept(text: str) -> str:
    """`text` with each event record cut to its source, event id and description: the
    other fields (log name, level, keywords, user, computer, date, time) dropped. The
    last field's value runs on into the text, so it is kept whatever its label."""
    if ":" not in text:
        return text
    runs = _record_runs(text)
    if not runs or any(_empty_telling(text, run) for run in runs):
        return text  # "Event Source: Event Category:": fields out of line, kept as written
    out: list[str] = []
    at = 0
    for n, run in enumerate(runs):
        out.append(text[at : run[0].start()])
        stop = runs[n + 1][0].start() if n + 1 < len(runs) else len(text)
        kept: list[str] = []
        for i, match in enumerate(run):
            last = i == len(run) - 1
            end = stop if last else run[i + 1].start()
            value = " ".join(text[match.end() : end].split())
            label = match.group("label")
            if last or label in _TELLING:
                if label == "Description" and kept:
                    kept.append(value)  # the message itself, after the fields naming it
                elif value:
                    kept.append(f"{label}: {value}")
        body = "; ".join(k.rstrip(";") for k in kept[:-1] if k)
        said = f"{body}; {kept[-1]}" if body and kept else (kept[-1] if kept else "")
        out.append(said + (" " if stop < len(text) else ""))
        at = stop
    return "".join(out)


#: "Consider the following scenario:", "This issue occurs when the following conditions
#: are true:": the conditions follow, the outcome comes after them.
_SCENARIO_LEAD_RE = re.compile(
    r"(?:^|(?<=[.!?] ))(?:(?:(?:consider|assume) the following|consider this) (?:scenarios?|"
    r"situation)(?: (?:for|in|on|with) [^:.;]{1,40})?\s?:"
    r"|(?:this|the) (?:issue|problem|behaviou?r|error) (?:may )?occurs? (?:when|if) "
    r"(?:all of )?the following conditions are (?:true|met)\s?:"
    r"|consider (?:the|a) scenario (?:where|in which))\s",
    re.IGNORECASE,
)
#: "In this scenario,", "Under these conditions, you experience the following situation:".
_SCENARIO_CLOSE_RE = re.compile(
    r"(?<=[.;:] )(?:in (?:this|these) (?:scenarios?|situations?|cases?)|under (?:this|these)"
    r" (?:conditions?|circumstances?)|when (?:this|these conditions) (?:occurs?|are true)),?\s"
    r"(?:you (?:may |might )?(?:experience|see|notice) the following (?:situations?|"
    r"behaviou?rs?|symptoms?|issues?|problems?|results?):\s)?",
    re.IGNORECASE,
)
#: Words a condition may start with that read in lower case after "when".
_LOWER_FIRST = frozenset("you the a an this these there it your one some".split())


def _lowered(item: str) -> str:
    first = item.split(" ", 1)[0]
    return item[:1].lower() + item[1:] if first.casefold() in _LOWER_FIRST else item


def scenario_turned(text: str) -> tuple[str, str]:
    """(outcome, conditions) of "Consider the following scenario: A; B. In this scenario,
    X.": ("X.", "a; and b") with anything said before the lead kept before X; ("", "")
    when the text has no such lead and closer."""
    lead = _SCENARIO_LEAD_RE.search(text)
    if lead is None:
        return "", ""
    close = _SCENARIO_CLOSE_RE.search(text, lead.end())
    if close is None:
        return "", ""
    said = text[lead.end() : close.start()].strip().rstrip(".;:").strip()
    said = without_pointers(f"{said}.").rstrip(".")  # "See the detail to ...": no condition
    outcome = text[close.end() :].strip()
    if not said or len(outcome.split()) < 3:
        return "", ""
    before = text[: lead.start()].strip()
    outcome = outcome[:1].upper() + outcome[1:]
    if ". " in said:  # sentences of a scene, not a list of conditions: kept as written
        return (f"{before} {outcome}".strip(), said[:1].upper() + said[1:])
    items = [_lowered(i.strip()) for i in said.split("; ") if i.strip()]
    if len(items) >= 2:
        items[-1] = f"and {items[-1]}"
    conditions = "; ".join(items) if len(items) > 2 else " ".join(items)
    return (f"{before} {outcome}".strip(), conditions.rstrip("."))


def without_pointers(text: str) -> str:
    """`text` without its boilerplate and pointer sentences (`_POINTER_RE`); `text`
    itself when nothing else would be left."""
    folded = text.casefold()
    if not any(word in folded for word in ("see", "information", "details", "following")):
        return text  # cheap guard: every pointer names one of these
    sentences = split_sentences(text)
    kept: list[str] = []
    for sentence in sentences:
        if (
            ": " in sentence
            or len(sentence) > MAX_POINTER
            or not _POINTER_RE.match(sentence.lstrip("\"'“ "))
        ):  # a pointer glued to what follows it ("... contact administrator" Additionally,
            # the system may log the following entries: ..."): kept, never cut away
            kept.append(sentence)
        elif "; " in sentence:  # "For more information, see X; The application ...": the
            kept.append(sentence.split("; ", 1)[1])  # list's next item stays
    if not kept or kept == sentences:
        return text
    return " ".join(kept)


def readable_symptom(symptom: str) -> tuple[str, str]:
    """(one line, paragraphs): the symptom with pointers and an event record's noise
    dropped and a scenario turned round; the one-line form joins the conditions with
    " — when ", the other puts them in a paragraph of their own."""
    text = event_fields_kept(symptom)
    outcome, conditions = scenario_turned(text)
    if outcome:
        outcome = without_pointers(outcome)
        conditions = without_pointers(conditions).rstrip(".")
        if ". " in conditions:  # sentences of a scene, not a list: said as they are
            scene = conditions[:1].upper() + conditions[1:]
            line = f"{outcome.rstrip('.')} — in this scenario: {scene}."
            return line, f"{outcome}\n\nThe scenario: {scene}."
        line = f"{outcome.rstrip('.')} — when {conditions}."
        return line, f"{outcome}\n\nThis happens when {conditions}."
    text = without_pointers(text)
    return text, text


def symptom_readable(tree: dict[str, Any]) -> None:
    """The tree's symptom and its question's text said readably (`readable_symptom`)."""
    symptom = str(tree.get("symptom", ""))
    line, shown = readable_symptom(symptom)
    if line == symptom:
        return
    tree["symptom"] = line
    for node in tree.get("nodes", []):
        text = str(node.get("text", ""))
        if node.get("id") != "symptom" or symptom not in text:
            continue
        if "\n\n" in shown and f"{symptom} " in text:  # the question after its own break
            node["text"] = text.replace(f"{symptom} ", f"{shown}\n\n", 1)
        else:
            node["text"] = text.replace(symptom, shown, 1)


#: The symptom question's own closing words.
_ASKS = (
    "Is this what you see?",
    "It comes in several forms. Which do you see?",
    "Which of these do you see?",
)
#: The shortest paragraph opening looked for: a shorter one may recur mid-sentence.
MIN_HEAD = 24


def _heads(article_text: str, modern: bool) -> list[str]:
    """The openings (first words, plain) of the article's prose paragraphs."""
    from kbassist.drafting.text import clean, paragraphs

    heads: list[str] = []
    for para in paragraphs(article_text):
        if para.heading or para.marker:
            continue
        text = clean(para.text[:160])  # the opening is all that is looked for
        if modern and any(c in text for c in "*`[<_\\"):
            from kbassist.drafting.modern import md_plain

            text = md_plain(text)
        head = text[:40].rsplit(" ", 1)[0] if len(text) > 40 else text
        if len(head) >= MIN_HEAD:
            heads.append(head)
    return heads


def paragraphs_kept(tree: dict[str, Any], article_text: str, modern: bool) -> None:
    """The symptom question's and the cause's text broken where the article starts a new
    paragraph ("\\n\\n"), not run together: a sentence end, then a paragraph's opening."""
    nodes = [n for n in tree.get("nodes", []) if n.get("id") in ("symptom", "cause")]
    if not nodes:
        return
    heads = _heads(article_text, modern)
    for node in nodes:
        text = str(node.get("text", ""))
        for head in heads:
            at = text.find(f" {head}")
            if at > 0 and text[at - 1] in ".!?":
                text = f"{text[:at]}\n\n{text[at + 1 :]}"
        if "\n\n" in text:  # the question after the paragraphs, not glued to the last one
            for ask in _ASKS:
                if text.endswith(f" {ask}"):
                    text = f"{text[: -len(ask) - 1]}\n\n{ask}"
                    break
        node["text"] = text
