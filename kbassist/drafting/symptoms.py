"""The symptom a draft confirms first: the article's statement of it, cited, and the
alternative messages it lists (each a choice of "Which of these do you see?").

Split from `options` (what the article offers to fix): the symptom is what the walk
asks about before any fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from kbassist.articles import Article, Section
from kbassist.articles.model import Block, ListBlock
from kbassist.drafting.bylines import is_byline
from kbassist.drafting.message_block import (
    block_after,
    block_lead,
    condition_lead,
    explained,
    warned,
)
from kbassist.drafting.symptom_kinds import (
    accompanies,
    before_causes,
    causes_follow,
    is_fragment,
    listed_together,
    messages_together,
    trigger_after,
)
from kbassist.drafting.symptom_leads import mostly_steps, scenario_items, step_lead, step_text
from kbassist.drafting.symptom_sides import box_opens_unmarked
from kbassist.drafting.text import (
    Para,
    clean,
    is_boilerplate,
    paragraphs,
    sentence_cut,
    split_sentences,
    strip_marker,
)

MAX_SYMPTOM_CHARS = 600
_SYMPTOM_KEYS = ("symptoms", "symptom")
SUMMARY_KEYS = ("summary",)
_LEAD_IN_RE = re.compile(
    r"^to (?:prevent|avoid|work around|resolve|correct|fix|solve)\b", re.IGNORECASE
)


def find_section(article: Article, keys: Iterable[str]) -> Section | None:
    wanted = tuple(keys)
    for section in article.sections:
        if section.key in wanted and section.text.strip():
            return section
    return None


#: A later SYMPTOMS paragraph that says what goes wrong after the scene ("However, when
#: the child attempts to sign in, the child is again denied access").
TURN_RE = re.compile(r"^(?:however|but|instead|unfortunately|as a result)\b,?\s", re.IGNORECASE)
_GOES_WRONG_RE = re.compile(
    r"\b(?:again|not|cannot|can't|fails?|failed|denied|error|unable|still|stops?|hangs?|"
    r"crash(?:es)?|lost|missing|incorrect(?:ly)?|wrong|no longer)\b",
    re.IGNORECASE,
)


#: "However, on other clients you do not receive this error": the problem NOT happening
#: elsewhere, a contrast that narrows the symptom rather than the symptom itself.
_CONTRAST_RE = re.compile(
    r"\b(?:this|these|the) (?:\w+ )?(?:errors?|problems?|issues?|behaviou?r|messages?"
    r"|symptoms?) (?:does|do|did|will) not (?:occur|appear|happen)\b"
    r"|\b(?:do|does|did) not (?:receive|see|get|experience|encounter) (?:this|these|that"
    r"|the same) (?:\w+ )?(?:errors?|problems?|messages?|issues?|behaviou?r)\b",
    re.IGNORECASE,
)


def is_turn(text: str) -> bool:
    """ "However, when the child signs in, the child is again denied access": what goes
    wrong after the scene SYMPTOMS sets (not "However, the messages are delivered", nor
    "However, on other clients you do not receive this error")."""
    return (
        bool(TURN_RE.match(text))
        and bool(_GOES_WRONG_RE.search(text))
        and not _CONTRAST_RE.search(text)
    )


#: "This article helps resolve an issue in which ...", "This article provides a solution to
#: an error ...": what the article is for, said before the symptom itself.
_ABOUT_RE = re.compile(
    r"^this article (?:helps?(?: you)? (?:to )?(?:fix|resolve|solve|troubleshoot|work around"
    r"|diagnose)|(?:describes?|provides?|discusses?|introduces?|presents?) (?:\w+ ){0,3}?"
    r"(?:issues?|problems?|errors?|solutions?|resolutions?|workarounds?|fix(?:es)?"
    r"|troubleshooting)\b)",
    re.IGNORECASE,
)
#: "_Applies to:_ Windows Server", "_Original KB number:_ 974998": page metadata.
_META_RE = re.compile(r"^_?(?:applies to|original (?:product version|kb number))\b", re.I)


def _after_about(paras: list[Para], modern: bool) -> str:
    """The symptom after a summary's "This article helps resolve ..." paragraph: the next
    paragraph that says what goes wrong (page metadata skipped), with the message a
    colon-ended lead-in introduces; "" when the summary does not open that way."""
    kept = [p for p in paras if not p.heading and not _META_RE.match(clean(p.text).lstrip("*"))]
    texts = [clean(p.text) for p in kept]
    if len(texts) < 2 or not _ABOUT_RE.match(texts[0]) or kept[1].marker:
        return ""
    scene = texts[1]
    if _LEAD_IN_RE.search(scene) or not _GOES_WRONG_RE.search(scene):
        return ""  # a fix ("To work around ..."), or nothing goes wrong in it
    if _KB_NOTE_RE.match(scene) or re.search(r"\bthis (?:article|topic)\b", scene, re.I):
        return ""  # a note, or more about the article ("Home users: This article is ...")
    shown = [scene]
    n = 2
    while n < len(texts) and len(shown) < 5:
        # the message a lead-in introduces, and each item of a list of them
        if not (shown[-1].endswith(":") or (kept[n].marker and kept[n - 1].marker)):
            break
        if _NOTE_RE.match(texts[n]):
            break
        shown.append(clean(_QUOTE_MARK_RE.sub("", strip_marker(texts[n]))))
        n += 1
    text = clean(f"{shown[0]} {'; '.join(shown[1:])}")
    if modern:
        from kbassist.drafting.modern import md_plain

        text = md_plain(text)
    return text


def article_symptom(article: Article) -> tuple[str, Section | None]:
    """The symptom (SYMPTOMS, else SUMMARY's first sentences, else the title), cited; a
    modern article's summary shown by the message it quotes (`message_symptom`)."""
    symptom, section = _article_symptom(article)
    if article.style == "mskb":
        return symptom, section
    from kbassist.drafting.summary_message import message_symptom

    return message_symptom(article, symptom, section)


def _article_symptom(article: Article) -> tuple[str, Section | None]:
    """The symptom as the article's sections give it, cited."""
    section = find_section(article, _SYMPTOM_KEYS) or next(
        (s for s in article.sections if s.role == "symptom" and s.text.strip()), None
    )
    if section is not None and article.style != "mskb":
        from kbassist.drafting.modern import MAX_MODERN_SYMPTOM_CHARS, block_symptom

        found = block_symptom(article, section)
        if found:
            return sentence_cut(found, MAX_MODERN_SYMPTOM_CHARS), section
    if section is not None:
        # "Article idea submitted by: Ted Roche": a byline, no part of the symptom
        paras = [p for p in paragraphs(section.text) if not p.heading]
        paras = [p for p in paras if not is_byline(p.text)] or paras
        texts = [p.text for p in paras]
        shown = texts[:2]
        # "…an error message that resembles the following one:" — the message is the
        # symptom: a lead-in that ends in a colon keeps what it introduces, and a list
        # after it keeps every item ("includes all of the following: - A - B - C").
        while len(shown) < len(texts) and len(shown) < 4 and clean(shown[-1]).endswith(":"):
            following = texts[len(shown)]
            if _NOTE_RE.match(following):
                break  # a docs note, not the message
            shown.append(_QUOTE_MARK_RE.sub("", following))
        if article.style == "mskb":
            shown.extend(_rest_of_block(paras, shown))  # the block's later paragraphs
        while (
            len(shown) < min(len(texts), MAX_MESSAGES + 2)
            and paras[len(shown) - 1].marker
            and paras[len(shown)].marker
            and paras[len(shown)].indent == paras[len(shown) - 1].indent
        ):
            shown.append(texts[len(shown)])
        trigger = trigger_after(paras, len(shown)) if article.style == "mskb" else ""
        if article.style == "mskb" and not trigger:
            from kbassist.drafting.symptom_others import failure_after

            trigger = failure_after(paras, len(shown))  # the failure after a menu's list
            if trigger and not shown[-1].rstrip().endswith((".", "!", "?", ":")):
                shown[-1] = f"{shown[-1].rstrip()}."  # the list's last item ends there
        if article.style == "mskb" and not trigger:
            from kbassist.drafting.symptom_only import failure_after_message

            trigger = failure_after_message(paras, len(shown))  # "X then abruptly closes"
        if trigger and len(clean(" ".join(shown))) + len(trigger) < MAX_SYMPTOM_CHARS:
            shown.append(trigger)  # "The error occurs when trying to do a NET USE"
        turn = next(
            (t for t in texts[len(shown) :] if is_turn(clean(t))),
            None,
        )
        if article.style == "mskb" and turn is not None:
            # "... the parent grants consent." then "However, when the child signs in, the
            # child is again denied access": the problem is the turn, not the scene
            scene = clean(texts[0])
            if len(scene) + len(turn) > MAX_SYMPTOM_CHARS:
                scene = split_sentences(scene)[0]
            shown = [scene, turn]
        text = clean(" ".join(shown))
        return sentence_cut(text, MAX_SYMPTOM_CHARS), section
    summary = find_section(article, SUMMARY_KEYS)
    if summary is not None:
        paras = paragraphs(summary.text)
        scene = _after_about(paras, article.style != "mskb")
        if scene:
            if article.style == "mskb":
                return sentence_cut(scene, MAX_SYMPTOM_CHARS), summary
            from kbassist.drafting.modern import MAX_MODERN_SYMPTOM_CHARS

            return sentence_cut(scene, MAX_MODERN_SYMPTOM_CHARS), summary
        if paras:
            kept: list[str] = []
            first = clean(paras[0].text)
            if article.style != "mskb":
                from kbassist.drafting.modern import md_plain

                first = md_plain(first)
            for sentence in split_sentences(first):
                if sentence.endswith(":") or _LEAD_IN_RE.search(sentence):
                    break  # "To prevent this problem, do one of the following:"
                kept.append(sentence)
            if article.style == "mskb" and block_lead(first):
                # "the following error will be recorded ... might read like this:" and
                # the event it shows: the lead-in and the block are the symptom
                room = MAX_SYMPTOM_CHARS - len(first)
                block = block_after(paras, 0, 1, room)
                if block:
                    kept = [first, *block]
            if kept:
                return sentence_cut(" ".join(kept), MAX_SYMPTOM_CHARS), summary
    return article.title, None


#: Markdown quote markers before a quoted message, and a docs note (`> [!NOTE]`).
_QUOTE_MARK_RE = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.MULTILINE)
_NOTE_RE = re.compile(r"[ \t]*>[ \t]*\[![A-Za-z]+\]")

# --------------------------------------------------------------------------- symptom

MAX_MESSAGES = 8
#: "the following warning is generated:", "the System Event log contains the following
#: entries:", "you may experience one of the following problems:" lead into what is seen
#: as much as "you receive the following error message:" ("The program has one of the
#: following problems:" says why, not what is seen).
_MESSAGE_LEAD_RE = re.compile(
    r"\b(?:messages?|errors?|symptoms?|(?:following|the) (?:\w+ )?warnings?(?=\s?:)|"
    r"following (?:\w+ )?warnings?|"
    r"you (?:may )?(?:see|receive|get|notice|experience)|"
    r"(?:is|are) (?:displayed|reported|logged|returned|generated)|appears?|occurs?|"
    r"the following (?:\w+ )?entries|"
    r"(?:\byou|\bmay|\bmight)\b[^:]{0,100}?\b(?:one|any|either)(?: or more)? of the following"
    r" (?:\w+ )?(?:problems|issues|behaviou?rs)|"
    r"(?:may|might|will|can|could) be (?:logged|recorded|reported))\b",
    re.IGNORECASE,
)
_FIX_LEAD_RE = re.compile(
    r"\b(?:to (?:prevent|avoid|work around|resolve|fix|correct|solve)|do (?:one|either|any) of"
    r"|can do|should do|follow these|use one of (?:the following|these))\b",
    re.IGNORECASE,
)


def symptom_messages(article: Article, section: Section | None) -> list[str]:
    """The alternative messages or signs the symptom lists (two or more), else [].

    MS KB text: the blocks indented under a lead-in ending in a colon, or split by
    `-or-`; Markdown: the list items, quotes or code blocks after such a lead-in.
    """
    if section is None:
        return []
    if article.style != "mskb":
        found = _block_messages(article, section)
        if found:
            return found
    paras = [p for p in paragraphs(section.text) if not p.heading]
    singles: list[str] = []  # one message after each of several lead-ins
    for i, para in enumerate(paras):
        if not _message_lead(para.text):
            continue
        if _EXPECTED_RE.search(clean(para.text)[-300:]):
            continue  # "You expect to see the following entries:": what is right, not seen
        if step_lead(para.text, para.numbered):
            continue  # "1. Turn off X as follows:" over its sub-steps: no forms
        if article.style != "mskb" and _TRIGGER_LEAD_RE.search(para.text):
            continue  # the actions that trigger the message, not messages
        if article.style != "mskb" and cause_lead(article, clean(para.text)):
            continue  # the causes the runbook lists, not messages
        if article.style == "mskb" and causes_follow(clean(para.text)):
            continue  # "This error may be caused by any of the following:": its causes
        if article.style == "mskb" and condition_lead(para.text):
            continue  # "... the error when the following measurements are selected:"
        group = _indented_after(paras, i)
        if article.style == "mskb":
            if listed_together(para.text, group, bool(para.marker) or _ors_under(paras, i)):
                continue  # "The following system events appear": all shown with the symptom
            group = before_causes(group)  # "... may be caused by any of the following:"
        if sum(map(is_fragment, group)) * 2 > len(group):
            continue  # a dump (disassembly, registers, trace lines): no message to pick
        if mostly_steps(group) or scenario_items(para.text, group):
            continue  # "a. On the Tools menu, click X  b. Close the browser", or a scenario
        group = [
            g
            for n, g in enumerate(group)
            if g
            and not is_boilerplate(g)
            and not (_KB_NOTE_RE.match(g) and not warned(para.text, g))
            and not explained(g)
            and not _PROMPT_RE.match(g)
            and not is_fragment(g)
            # "- You receive an error message similar to one of the following:" over its
            # own items: a lead, its items the forms
            and not (g.endswith(":") and ":" not in g[:-1] and n + 1 < len(group))
            and any(c.isalnum() for c in g)  # an empty bullet ("-") says nothing
            # "Try one or more of the following: * On the File menu, click Open": the
            # box's advice under its own lead (a lone prompt, "Insert disk 2", stays)
            and not (step_text(g) and any(x.endswith(":") for x in group[:n]))
        ]
        lead = split_sentences(clean(para.text))[-1] if clean(para.text) else ""
        one = _ONE_MESSAGE_RE.search(lead) and not _MANY_RE.search(lead)
        if (
            article.style == "mskb"
            and one
            and len(group) >= 2
            and (not later_marked(paras, i) or box_opens_unmarked(paras, i))
        ):
            # "... with the following error message in the message body:" over its lines
            # (subject, recipients, reason): one message, not one choice per line; a box
            # that opens with its title and lists "1. Delete all the files ..." later is
            # one message too, its numbered lines no forms of the symptom
            group = [" ".join(group)]
        elif (
            article.style == "mskb"
            and len(group) >= 2
            and block_lead(para.text)
            and not later_marked(paras, i)
        ):
            # "The following warning may be logged ...:" over an event record, its details
            # and "In addition, the sender ... will receive an NDR": one block the symptom
            # shows whole (_rest_of_block), never its lines offered as forms to choose from
            group = [" ".join(group)]
        if len(group) >= 2:
            # "On Windows 95 you get: A" / "On Windows NT: B" / "the log has one of: C -or-
            # D": the messages before the list are forms too
            return _distinct([*singles, *group])
        if article.style == "mskb" and singles and group and accompanies(para.text):
            continue  # "this line is added after the error:": shown with the first message
        singles.extend(group)
    # "you may get the following error message: A ... when you click a tab, you get: B":
    # each message the article shows is one the admin may see
    return _distinct(singles) if len(singles) >= 2 else []


#: A lead into what should be seen: "You expect to see the following entries:".
_EXPECTED_RE = re.compile(
    r"\b(?:you (?:would |might |may )?expect|(?:should|would normally) (?:see|appear|be displayed))"
    r"\b[^:.]{0,80}:\s*$",
    re.IGNORECASE,
)


def _rest_of_block(paras: list[Para], shown: list[str]) -> list[str]:
    """The paragraphs after `shown` still indented under its last lead-in when that leads
    into one message or event block ("the following events may be logged:" over two
    records): kept whole, as many as fit beside the shown text."""
    lead = next((i for i in range(len(shown) - 1, -1, -1) if clean(shown[i]).endswith(":")), None)
    if lead is None or lead == len(shown) - 1 or not block_lead(shown[lead]):
        return []
    room = MAX_SYMPTOM_CHARS - len(clean(" ".join(shown)))
    return block_after(paras, lead, len(shown), room)


def _indented_after(paras: list[Para], start: int) -> list[str]:
    """The blocks indented or listed under the lead `paras[start]`, one text each (a
    block ending in a colon joined to the unlisted block it introduces)."""
    group: list[str] = []
    for later in paras[start + 1 :]:
        if later.separator:
            continue
        if later.indent > paras[start].indent or later.marker:
            text = clean(strip_marker(later.text))
            if group and group[-1].endswith(":") and not later.marker:
                group[-1] = f"{group[-1]} {text}"  # "Insert the disk labeled:" + its name
            else:
                group.append(text)
        else:
            break
    return group


def _ors_under(paras: list[Para], start: int) -> bool:
    """Whether an `-or-` stands between the blocks `_indented_after` takes under the lead
    `paras[start]` ("A" / "-or-" / "B": forms to choose from, never one event)."""
    seen = False
    for later in paras[start + 1 :]:
        if later.separator:
            seen = True
        elif later.indent > paras[start].indent or later.marker:
            if seen:
                return True
        else:
            return False
    return False


def shown_together(article: Article, section: Section | None) -> list[str]:
    """The MS KB facts listed as all true at once with the symptom ("The following system
    events appear in the Event Viewer:", "you see that the database is corrupted:"): shown
    with it in the question."""
    if section is None:
        return []
    if article.style != "mskb":  # "you receive the following error messages:" (round 38)
        for text, group in _block_groups(article, section):
            if len(group) >= 2 and messages_together(split_sentences(text)[-1], group):
                return group
        return []
    paras = [p for p in paragraphs(section.text) if not p.heading]
    found: list[str] = []
    shown = False  # a message shown before: a later lone one may come with it
    for i, para in enumerate(paras):
        if not _message_lead(para.text):
            continue
        group = _indented_after(paras, i)
        if listed_together(para.text, group, bool(para.marker) or _ors_under(paras, i)):
            found.extend(g for g in group if g and not _AND_ITEM_RE.match(g))
        elif len(group) == 1 and shown and accompanies(para.text):
            found.extend(group)  # "EXTERNAL.EXE will log the following error in the log file:"
        shown = shown or bool(group)
    return found


_AND_ITEM_RE = re.compile(r"^-+\s*and\s*-+$", re.IGNORECASE)


#: A lead-in for one message ("the following error message in the message body:").
_ONE_MESSAGE_RE = re.compile(
    r"\bthe following (?:error |warning |informational |event )?(?:message|text)\b(?!s)", re.I
)
_MANY_RE = re.compile(
    r"\b(?:one|any|each|all) of the following\b|\bfollowing (?:error |warning )?messages\b|-or-",
    re.I,
)


def later_marked(paras: list[Para], start: int) -> bool:
    """Whether the blocks indented under `paras[start]` are list items (several signs)."""
    for later in paras[start + 1 :]:
        if later.separator:
            continue
        if later.indent <= paras[start].indent and not later.marker:
            return False
        if later.marker:
            return True
    return False


#: A typed command shown before the message ("C:\\users>net use X: ...") or a registry
#: key on its own: what was run or where to look, not what is seen.
_PROMPT_RE = re.compile(r"^[A-Za-z]:\\[^>\s]{0,80}>|^HKEY_[A-Z_]+\\\S*$")
_KB_NOTE_RE = re.compile(r"^(?:note|important|warning|caution)\b\s*[:.-]", re.IGNORECASE)


def _block_messages(article: Article, section: Section) -> list[str]:
    for text, group in _block_groups(article, section):
        if messages_together(split_sentences(text)[-1], group):
            continue  # "you receive the following error messages:": one event (round 38)
        if len(group) >= 2:
            return _distinct(group)
    return []


def _block_groups(article: Article, section: Section) -> Iterator[tuple[str, list[str]]]:
    """(lead, the messages under it) for each message lead of a Markdown symptom section
    (list items, quotes or code blocks after it), leaving out procedures and scenarios."""
    from kbassist.articles.model import Code, Paragraph, Quote
    from kbassist.drafting.blocks import code_text, part_sections

    sections = part_sections(article)
    for part in article.document.walk():
        if sections.get(id(part)) is not section:
            continue
        blocks = part.blocks
        for i, block in enumerate(blocks):
            if not isinstance(block, Paragraph):
                continue
            text = clean(block.text.plain)
            if not _message_lead(text) or _TRIGGER_LEAD_RE.search(text):
                continue
            if cause_lead(article, text):
                continue  # the causes the runbook lists: the cause step names them
            group: list[str] = []
            for later in blocks[i + 1 :]:
                if isinstance(later, ListBlock):
                    for item in later.items:
                        first = next((b for b in item.blocks if isinstance(b, Paragraph)), None)
                        if first is None:
                            continue
                        said = clean(first.text.plain)
                        shown = _item_message(item.blocks, first) if said.endswith(":") else ""
                        # "If X, you receive the following message:" with its message
                        group.append(f"{said} {shown}" if shown else said)
                    break
                if isinstance(later, Code):
                    group.append(code_text(later))
                elif isinstance(later, Quote):
                    inner = " ".join(
                        clean(b.text.plain) for b in later.blocks if isinstance(b, Paragraph)
                    )
                    group.append(inner)
                else:
                    break
            group = [g for g in group if g and not is_fragment(g)]
            if mostly_steps(group) or scenario_items(text, group):
                continue  # a procedure, or "in the following scenario:" over conditions
            yield text, group


def _item_message(blocks: Sequence[Block], first: Block) -> str:
    """The quoted message or code a list item shows under its own lead-in, or ""."""
    from kbassist.articles.model import Code, Paragraph, Quote
    from kbassist.drafting.blocks import code_text

    for block in blocks[blocks.index(first) + 1 :]:
        if isinstance(block, Quote):
            return " ".join(clean(b.text.plain) for b in block.blocks if isinstance(b, Paragraph))
        if isinstance(block, Code):
            return code_text(block)
    return ""


#: "You may receive this error message when one of the following actions occurs:": what
#: triggers the message follows, not messages to choose from.
_TRIGGER_LEAD_RE = re.compile(
    r"\b(?:when|if|after)\b[^:]{0,40}\bfollowing (?:actions?|conditions?|events?|operations?|"
    r"scenarios?|situations?)\b",
    re.IGNORECASE,
)


#: "This error is frequently caused by one of the following problems:", "Common causes
#: include:": what follows is why it happens, not what is seen.
_CAUSE_LEAD_RE = re.compile(
    r"\b(?:caused by|due to|because of|results? from)\b[^:.]{0,40}\bfollowing\b|"
    r"\b(?:common|possible|likely|typical)\s+(?:root\s+)?(?:causes|reasons)\b|"
    r"\bfollowing (?:root )?(?:causes|reasons)\b",
    re.IGNORECASE,
)


def cause_lead(article: Article, text: str) -> bool:
    """An alert runbook's Meaning sentence over a list of causes (see _CAUSE_LEAD_RE): the
    list is the cause's, never offered as symptoms to choose from."""
    if not any(s.key == "meaning" for s in article.sections):
        return False
    last = split_sentences(text)[-1] if text else ""
    return bool(_CAUSE_LEAD_RE.search(last))


def _message_lead(text: str) -> bool:
    """ "You receive one of the following error messages:", not "To fix it, do one of:"."""
    last = split_sentences(text)[-1] if text else ""
    return (
        last.endswith(":") and bool(_MESSAGE_LEAD_RE.search(last)) and not _FIX_LEAD_RE.search(last)
    )


def _distinct(messages: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for message in messages:
        key = message.casefold()
        if key not in seen:
            seen.add(key)
            out.append(message)
    return out[:MAX_MESSAGES]
