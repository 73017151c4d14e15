"""A modern article's several symptom forms, each a choice with a short complete label.

MS support articles list a symptom's forms as bullets under "Any of the following
symptoms may occur:" (each "When you try to start the X tool, you receive the following
error message:" over its quote), as named bullets ("Symptom 2" over "You receive one of
the following error messages:" and its named quotes) or as "## Symptom 1" headings. A
form is labelled by its own name (the tool, the case) and its message, never cut to the
scene clause ("When you try to start the Active Directory Users and Computers tool")
nor to a bare name ("Symptom 2"), and every form is offered.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from kbassist.articles import Article, Section
from kbassist.articles.model import Block, Code, ListBlock, ListItem, Note, Paragraph, Quote
from kbassist.drafting.modern import block_plain, md_plain, section_parts, strip_log_prefix
from kbassist.drafting.symptoms import cause_lead
from kbassist.drafting.text import brace, clean, short_label, split_sentences
from kbassist.drafting.told_apart import told_apart
from kbassist.drafting.verify_conditions import without_progress

#: "Any of the following symptoms may occur:", "you may experience one or more of the
#: following symptoms.", "you see either of the following behaviors:": a list of forms.
_FORMS_LEAD_RE = re.compile(
    r"(?:\b(?:one or more|any|either|one|some) of the following(?: (?:error |warning )?"
    r"(?:symptoms?|issues|problems|behaviou?rs|errors|messages|symptoms or error messages))?"
    r"|\bthe following (?:symptoms|(?:error )?messages)\b[^:]*"
    r"|\bthe following(?: (?:error )?message)?,? (?:depending|based) (?:on|upon)\b[^:]*)"
    r"\s*[:.]?$",
    re.IGNORECASE,
)
#: "Event Type: Error", "Log Name: System": one field of a logged event, no form.
_EVENT_FIELD_RE = re.compile(
    r"^(?:log name|event type|event source|source|event id|level|description)\s*:", re.I
)
#: A form's bare name: "Symptom 2", "Error Message 1", "Issue 3".
_NAME_RE = re.compile(
    r"^(?:symptom|issue|problem|error(?: message)?|message|behaviou?r)\s*\d{1,2}\s*[.:]?$",
    re.IGNORECASE,
)
#: "Symptom 1" as a heading: one form of the symptom, in its own section.
_FORM_HEAD_RE = re.compile(r"^symptom\s*\d{1,2}\s*[.:]?$", re.IGNORECASE)
#: "..., you receive the following error message" / "they receive an error message that
#: resembles the following": the main clause only says a message follows.
_RECEIVE_RE = re.compile(
    r"^(?:you|they|users?|the user)\s+(?:may\s+|might\s+|will\s+)?(?:also\s+)?"
    r"(?:receive|get|see|encounter)\b.*\b(?:following|message)\b[^.]*$",
    re.IGNORECASE,
)
#: The scene's opening ("When you try to start", "If you"): the form's name comes after.
_SCENE_OPEN_RE = re.compile(
    r"^(?:when|if|after|while|whenever)\s+(?:(?:a\s+)?(?:you|users?|a user)\s+)?(?:try\s+to\s+)?",
    re.IGNORECASE,
)
#: A parenthesised aside, left out of a label that is too long with it.
_ASIDE_RE = re.compile(r"\s*\([^()]{1,100}\)")
#: "In SQL Server 2012 and later environments, when ...": a scene with two clauses.
_LEAD_SCENE_RE = re.compile(r"^(?:in|on|with|for)\s+[^,]{3,60},\s*", re.IGNORECASE)
#: "occur on one of the following stored procedures in the database:": its items fill in.
_ONE_OF_RE = re.compile(r"\bone of the following\s+[\w -]{1,40}?(?=\s+(?:in|on|of|at)\b|:|$)")

_SCENE_WORD_RE = re.compile(r"^(?:when|if|after|while|whenever)\b", re.IGNORECASE)
#: Where the main clause after a scene starts: its subject ("you", "users can't").
_MAIN_RE = re.compile(
    r"^(?:you|they|users?|the user|the|a|an|it|this|these|there|windows|\S+ (?:is|are|can't|"
    r"cannot|fails?|appears?)|[\w ]{1,40}? (?:does not|doesn't|do not|don't|cannot|can't|fails? "
    r"to|stops?))\b",
    re.IGNORECASE,
)

#: "The following event may be logged in the Application log:": only a lead-in.
_FOLLOWING_RE = re.compile(r"\bthe following\b", re.IGNORECASE)
#: A form with no message of its own is labelled by at most this much of its sentence.
MAX_PLAIN_LABEL = 160
#: A form's label at most this long: the name and the message's first words.
MAX_FORM_LABEL = 150


def symptom_forms(article: Article, section: Section | None) -> tuple[str, list[str]]:
    """(the scene said before the forms, a label per form) for a modern article whose
    symptom comes in two or more forms; ("", []) when it does not."""
    if section is None or article.style == "mskb":
        return "", []
    for part in section_parts(article, section):
        blocks = [b for b in part.blocks if not isinstance(b, Note)]
        for i, block in enumerate(blocks[:-1]):
            listed = blocks[i + 1]
            if not (isinstance(block, Paragraph) and isinstance(listed, ListBlock)):
                continue
            if listed.ordered or not _FORMS_LEAD_RE.search(md_plain(block.text.plain)):
                continue
            if cause_lead(article, clean(md_plain(block.text.plain))):
                continue  # "caused by one of the following problems:": causes, not forms
            labels: list[str] = []
            fulls: list[str] = []  # each form's whole message, where it has one label
            items = listed.items
            for n, item in enumerate(items):
                found = _item_forms(item.blocks)
                if not found and n + 1 < len(items) and _fields_next(item.blocks, items[n + 1]):
                    # "The following event may be logged:" over its fields, split in bullets
                    found = [short_label(block_plain(item.blocks[0]), MAX_PLAIN_LABEL)]
                labels.extend(found)
                fulls.extend([_full_message(item.blocks)] if len(found) == 1 else [""] * len(found))
            labels = _distinct(_apart(labels, fulls))
            if len(labels) >= 2:
                scene = " ".join(t for t in map(block_plain, blocks[: i + 1]) if t)
                return scene, labels
    return "", _headed_forms(article)


def _headed_forms(article: Article) -> list[str]:
    """ "## Symptom 1" / "## Symptom 2" sections: one form each, labelled by its text."""
    labels = []
    for part in article.document.walk():
        if _FORM_HEAD_RE.match(md_plain(part.name).strip()):
            blocks = [b for b in part.blocks if not isinstance(b, Note)]
            label = _form_label(blocks)
            if label:
                labels.append(label)
    labels = _distinct(labels)
    return labels if len(labels) >= 2 else []


def _item_forms(blocks: Sequence[Block]) -> list[str]:
    """The forms one bullet holds: itself, or, under a bare name ("Symptom 2") whose
    text leads to named messages ("Error Message 1" over its quote), each message."""
    blocks = [b for b in blocks if not isinstance(b, Note)]
    first = next((b for b in blocks if isinstance(b, Paragraph)), None)
    if first is None:
        return []
    if not _NAME_RE.match(md_plain(first.text.plain).strip()):
        label = _form_label(blocks) if _seen_form(blocks, first) else ""
        return [label] if label else []
    body = blocks[blocks.index(first) + 1 :]
    nested = next((b for b in body if isinstance(b, ListBlock)), None)
    if nested is not None:
        subs = [_item_forms(item.blocks) for item in nested.items]
        named = all(
            isinstance(item.blocks[0], Paragraph)
            and _NAME_RE.match(md_plain(item.blocks[0].text.plain).strip())
            for item in nested.items
            if item.blocks
        )
        if named and sum(map(len, subs)) >= 2:
            return [label for sub in subs for label in sub]
    label = _form_label(body)
    return [label] if label else []


def _fields_next(blocks: Sequence[Block], following: ListItem) -> bool:
    """A lead-in bullet whose next bullet is a logged event's fields."""
    first, after = blocks[0] if blocks else None, following.blocks[0] if following.blocks else None
    return (
        isinstance(first, Paragraph)
        and isinstance(after, Paragraph)
        and first.text.plain.rstrip().endswith(":")
        and bool(_EVENT_FIELD_RE.match(clean(md_plain(after.text.plain))))
    )


def _seen_form(blocks: Sequence[Block], first: Paragraph) -> bool:
    """Whether a bullet is something seen: not an event's field ("Event Type: Error"), a
    lead-in with nothing after it, nor a bare scene ("If you try to create a partition")."""
    said = clean(md_plain(first.text.plain))
    shown = any(isinstance(b, (Quote, Code, ListBlock)) for b in blocks)
    if _EVENT_FIELD_RE.match(said) or (said.endswith(":") and not shown):
        return False
    sentence = (split_sentences(said) or [said])[0]
    return shown or not (_SCENE_WORD_RE.match(sentence) and not _split_scene(sentence)[0])


def _form_label(blocks: Sequence[Block]) -> str:
    """A form's label: its case and its message ("Start the Active Directory Sites and
    Services tool: Naming Information cannot be located"), or what is seen."""
    first = next((b for b in blocks if isinstance(b, Paragraph)), None)
    message = next((_message(b) for b in blocks if isinstance(b, (Quote, Code))), "")
    if first is None:
        return short_label(message, MAX_FORM_LABEL) if message else ""
    said = clean(md_plain(first.text.plain))
    rest = blocks[blocks.index(first) + 1 :]
    filled = _filled(said, rest)
    if filled:
        return filled
    sentence = (split_sentences(said) or [said])[0].rstrip(" .:")
    case, main = _split_scene(sentence)
    if message and (not main or _RECEIVE_RE.match(main)):
        # the whole case when short, else its opening scene ("In SQL Server 2008
        # environments") that tells the forms apart, else the case after it
        case = _ASIDE_RE.sub("", case)  # "(GPOs)" names nothing a reader tells apart
        lead = _LEAD_SCENE_RE.match(case)
        bare = _LEAD_SCENE_RE.sub("", case)
        name = case if len(case) <= 80 else lead.group(0).rstrip(", ") if lead else bare
        name = name if len(name) <= 80 else ""
        return _join(_capital(name), message)
    if message and said.endswith(":") and _FOLLOWING_RE.search(sentence):
        return short_label(message, MAX_FORM_LABEL)  # "The following event is logged:"
    what = _capital(main) if main and len(main) >= 12 else sentence
    if len(what) > MAX_FORM_LABEL:  # "(for example, members of ...)" is no part of a name
        what = _ASIDE_RE.sub("", what)
    if message:
        return _join(short_label(what, 60), message)
    return _whole_end(short_label(what, MAX_PLAIN_LABEL))


def _whole_end(label: str) -> str:
    """A label cut at a word does not end on "without", "to" or "the"."""
    words = label.split(" ")
    while len(words) > 3 and _OPEN_END_RE.fullmatch(words[-1].strip(",;:")):
        words.pop()
    return " ".join(words).rstrip(" ,;:")


#: Words a cut phrase does not end on.
_OPEN_END_RE = re.compile(
    r"a|an|the|to|of|for|with|without|by|from|in|on|at|into|as|than|like|and|or|but|that"
    r"|which|whose|is|are|be|such",
    re.IGNORECASE,
)


def _filled(said: str, rest: Sequence[Block]) -> str:
    """ "Deadlocks occur on one of the following stored procedures:" over two short items:
    the sentence with its items in place ("... on [dbo].[A] or [dbo].[B]"), else ""."""
    listed = next((b for b in rest if isinstance(b, ListBlock)), None)
    found = _ONE_OF_RE.search(said)
    if listed is None or found is None or not said.rstrip().endswith(":"):
        return ""
    items = [" ".join(block_plain(b) for b in item.blocks).strip(" .;") for item in listed.items]
    if not 2 <= len(items) <= 3 or any(not i or len(i) > 40 for i in items):
        return ""
    label = f"{said[: found.start()].rstrip()} {' or '.join(items)}"
    return label if len(label) <= MAX_FORM_LABEL else ""


def _split_scene(sentence: str) -> tuple[str, str]:
    """("When you try to start the X tool", "you receive the following error message"):
    a sentence's scene clause and its main clause; ("", sentence) without a scene."""
    lead = _LEAD_SCENE_RE.match(sentence)
    body = sentence[lead.end() :] if lead else sentence
    prefix = sentence[: len(sentence) - len(body)]
    if not _SCENE_WORD_RE.match(body):
        return (prefix.rstrip(", "), body) if lead else ("", sentence)
    for match in re.finditer(r",\s+", body):
        rest = body[match.end() :]
        if _MAIN_RE.match(rest):
            return (prefix + body[: match.start()]).strip(" ,"), rest
    return "", sentence


def _message(block: Block) -> str:
    """A quoted message without its markup; a logged event as its source, ID and
    description; a code block's first line."""
    if isinstance(block, Code):
        lines = [line.strip() for line in block.code.splitlines() if line.strip()]
        return _event_label(block.code) or (lines[0] if lines else "")
    if isinstance(block, Quote):
        raw = "\n".join(b.text.plain for b in block.blocks if isinstance(b, Paragraph))
        event = _event_label(raw)
        if event:
            return event
    if isinstance(block, Quote):
        # parsed text is plain already: "[Microsoft][ODBC Driver]" is no Markdown link
        text = " ".join(b.text.plain for b in block.blocks if isinstance(b, Paragraph))
        # "C:\Users\username>NET START MSSQLSERVER" is the command typed, not the message
        text = "\n".join(ln for ln in text.split("\n") if not _PROMPT_RE.match(ln.strip()))
        return strip_log_prefix(clean(md_plain(text) if _MARKUP_RE.search(text) else text))
    return clean(block_plain(block))


#: A command prompt line: "C:\Users\name>NET START X", "PS C:\> Get-Service".
_PROMPT_RE = re.compile(r"^(?:PS )?[A-Za-z]:\\[^>]{0,80}>\s*\S")
#: Markdown left in a quote's text (a long article is parsed as plain paragraphs).
_MARKUP_RE = re.compile(r"\*\*|\]\(|`")


def _event_label(raw: str) -> str:
    """A logged event as "Event 12302 (VSS): its description", or "" for no event."""
    fields: dict[str, str] = {}
    for line in raw.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().casefold() in _EVENT_KEYS and value.strip():
            fields.setdefault(_EVENT_KEYS[key.strip().casefold()], clean(md_plain(value)))
    if "id" not in fields or "text" not in fields:
        return ""
    source = f" ({fields['source']})" if "source" in fields else ""
    return f"Event {fields['id']}{source}: {fields['text']}"


_EVENT_KEYS = {
    "event id": "id",
    "event source": "source",
    "source": "source",
    "description": "text",
}


def _full_message(blocks: Sequence[Block]) -> str:
    """A form's quoted message whole (all its sentences), "" when it quotes none."""
    quote = next((b for b in blocks if isinstance(b, Quote)), None)
    if quote is None:
        return ""
    return " ".join(b.text.plain for b in quote.blocks if isinstance(b, Paragraph))


def _apart(labels: list[str], fulls: list[str]) -> list[str]:
    """Forms whose messages open with the same sentence are labelled by their case and the
    sentence that differs (`told_apart`), not twice by the sentence they share."""
    apart = told_apart(fulls)
    out = []
    for label, said in zip(labels, apart, strict=True):
        name = label.partition(": ")[0] if ": " in label else ""
        out.append((f"{name}: {said}" if name else said) if said else label)
    return out


def _join(name: str, message: str) -> str:
    """ "Name: message", the message cut to its first clause to fit the label."""
    message = without_progress(message)  # "... is starting." first: the line that fails
    if not name:
        return short_label(message, MAX_FORM_LABEL)
    room = max(MAX_FORM_LABEL - len(name) - 2, 30)
    return f"{name}: {short_label(message, room)}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _distinct(labels: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for label in labels:
        key = label.casefold()
        if label and key not in seen:
            seen.add(key)
            out.append(label)
    return out


# --------------------------------------------------------------------------- stated cause

#: "That cause is insufficient privileges in the msdb database.": the article names it.
_NAMED_CAUSE_RE = re.compile(
    r"\b(?:the|that|this|its) (?:underlying |root |real )?cause (?:of (?:this|the) "
    r"(?:issue|problem|error) )?is (?!essentially|similar|the same|unknown|not)\w",
    re.IGNORECASE,
)
#: A scene clause that says what is wrong ("If the service can't find the path", "When
#: the service runs under an account that does not have sufficient privileges").
_WRONG_RE = re.compile(
    r"\b(?:can't|cannot|can not|couldn't|doesn't|does not|don't|do not|isn't|is not|aren't|"
    r"are not|wasn't|missing|insufficient|incorrect(?:ly)?|wrong|invalid|corrupt(?:ed)?|"
    r"disabled|expired|deleted|removed|without)\b",
    re.IGNORECASE,
)
#: What the admin does is a trigger, not a cause: "When you try to change the file".
_TRIGGER_RE = re.compile(
    r"\b(?:you|users?|a user|the user)\s+(?:try|attempt|click|run|start|open|change|use|"
    r"select|type|restart|install|upgrade|connect|log ?on|sign in|view|expand|create)\b",
    re.IGNORECASE,
)


def stated_cause(article: Article) -> tuple[str, Section | None]:
    """A cause a modern article states in its symptom rather than under a Cause heading:
    a sentence that names it ("That cause is insufficient privileges in msdb."), else
    the opening "If/When X, Y" whose X says what is wrong ("If the service can't find
    the path that's configured for error logs, the service doesn't start"); ("", None)."""
    from kbassist.drafting.blocks import part_sections

    if article.style == "mskb":
        return "", None
    sections = part_sections(article)
    parts = [p for p in article.document.walk() if p.role == "symptom"]
    for part in parts:
        section = sections.get(id(part))
        for text in _part_texts(part.blocks):
            for sentence in split_sentences(text):
                if section is not None and _NAMED_CAUSE_RE.search(sentence):
                    return sentence, section
    for part in parts[:1]:
        section = sections.get(id(part))
        first = next((b for b in part.blocks if isinstance(b, Paragraph)), None)
        if first is None or section is None:
            continue
        sentence = (split_sentences(clean(md_plain(first.text.plain))) or [""])[0]
        case, main = _split_scene(sentence.rstrip(" .:"))
        if (
            case
            and main
            and _SCENE_WORD_RE.match(case)
            and _WRONG_RE.search(case)
            and not _TRIGGER_RE.search(case)
        ):
            main = re.split(r",\s+and\s+(?:you|it|they)\b", main)[0]  # not "and you receive"
            return f"{case}, {main}.", section
    return "", None


def _part_texts(blocks: Sequence[Block]) -> list[str]:
    """The paragraphs of a part, its notes' paragraphs included, as plain text."""
    texts = []
    for block in blocks:
        if isinstance(block, Paragraph):
            texts.append(clean(md_plain(block.text.plain)))
        elif isinstance(block, Note):
            texts.extend(_part_texts(block.blocks))
    return texts


#: "... resembles one of the following:", "might generate one of the following error
#: messages:": the lead-in of the messages offered as choices.
_MESSAGES_LEAD_RE = re.compile(r"\bfollowing\b[^.:]{0,60}:")


_SCENARIO_END_RE = re.compile(r"\bfollowing (?:scenarios?|conditions?|circumstances)\W*$", re.I)


def scene_before(symptom: str, messages: Sequence[str]) -> str:
    """The symptom up to where its first offered message starts: the scene the choices
    share, so the question does not quote every message again and cut it at 900
    characters; the symptom itself when no message is found in it."""
    starts = []
    for message in messages:
        # the message whole, else its text after a label ("Named Pipes > A connection")
        for probe in (message[:40].strip(), re.split(r": | > ", message)[-1][:40].strip()):
            at = symptom.find(probe) if len(probe) >= 8 else -1
            if at > 0:
                starts.append(at)
                break
    if not starts:
        # the messages are past the symptom's cut: up to the lead-in that introduces them
        leads = list(_MESSAGES_LEAD_RE.finditer(symptom)) if "[...]" in symptom else []
        if not leads:
            return symptom
        starts.append(leads[-1].end())
    scene = symptom[: min(starts)].rstrip(" ;:-")
    if len(scene) < 40 or _SCENARIO_END_RE.search(scene):
        return symptom  # "... in the following scenario:": its steps are no forms to drop
    return scene if scene.endswith((".", "?", "!")) else f"{scene}."


#: What may sit between listed forms: list marks, "-or-", quotes, stops.
_BETWEEN_FORMS_RE = re.compile(r"(?:-or-|\bor\b|\band\b|[-\s.;,:\"'“”‘’()])+", re.IGNORECASE)


#: A lead-in that reads cut without what it introduces ("... C4226 errors, such as").
_DANGLING_LEAD_RE = re.compile(r"\b(?:such as|like|as follows|including|e\.g\.|namely)$", re.I)


def lead_before_forms(symptom: str, messages: Sequence[str]) -> str:
    """An archive symptom whose lead-in ends in a colon and whose rest is only the forms
    the choices offer ("... either of the following problems: - You are unable to
    retrieve images ..."): the lead-in alone, so the stem does not quote the first form
    (or every form) again above the choices; the symptom itself otherwise (symptom41)."""
    starts = [symptom.find(m[:40].strip()) for m in messages if len(m[:40].strip()) >= 8]
    starts = [at for at in starts if at > 0]
    if not starts:
        return symptom
    start = min(starts)
    lead = symptom[:start].rstrip(" -\"'“‘")
    if not lead.endswith(":"):
        return symptom  # the message is inside a sentence, not listed after a lead-in
    tail = symptom[start:]
    for message in sorted(messages, key=len, reverse=True):
        tail = tail.replace(message.strip(), " ")
    if len(_BETWEEN_FORMS_RE.sub("", tail)) > 0:
        return symptom  # more than the forms follows: a trigger, a turn, a cut message
    scene = lead.rstrip(" :")
    if len(scene) < 40 or _DANGLING_LEAD_RE.search(scene):
        return symptom  # "... errors, such as": the lead-in does not stand alone
    return scene if scene.endswith((".", "?", "!")) else f"{scene}."


def _plain(text: str) -> str:
    return " ".join(text.strip(" .!?\"'“”‘’").casefold().split())


def stem_without_forms(node: dict[str, Any], stem: str, messages: Sequence[str]) -> None:
    """Quote `stem` (the symptom the question node's text shows) by its lead-in alone when
    it lists the offered forms after a colon (`lead_before_forms`) and every form it
    quotes is shown whole by a choice's label: the choices then say all the stem did; a
    label cut short ("TCP/IP CP reported error 733") leaves the stem as it was."""
    scene = lead_before_forms(stem, messages)
    if scene == stem:
        return
    shown = {_plain(c.get("label", "")) for c in node.get("choices", [])}
    quoted = [m for m in messages if len(m[:40].strip()) >= 8 and m[:40].strip() in stem]
    if not quoted or any(_plain(m) not in shown for m in quoted):
        return
    text = node.get("text", "")
    old, new = brace(stem), brace(scene)
    if text.count(old) == 1:
        node["text"] = text.replace(old, new)
