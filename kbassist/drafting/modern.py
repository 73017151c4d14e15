"""What a modern (Markdown) article says that its flat text hides: the symptom with every
block a colon-ended lead-in introduces (a scenario list, a quoted message), a cause stated
outside a Cause heading (a runbook's Meaning or Diagnosis, a support article's Summary or
Status), a deprecated or redirect runbook, an alert that is always firing.

Kept apart from the MS KB archive paths (`symptoms`, `options`): Markdown markup is
rendered to plain text here (`md_plain`), never shown raw in a label or a symptom.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from kbassist.articles import Article, Section
from kbassist.articles.model import (
    Block,
    Code,
    ListBlock,
    Note,
    Paragraph,
    Part,
    Quote,
    Table,
)
from kbassist.drafting.labels import status_only
from kbassist.drafting.self_described import self_described
from kbassist.drafting.stand_ins import inline_stand_in_commands
from kbassist.drafting.symptom_kinds import (
    announces,
    before_background,
    entries_text,
    is_background,
    logs_entries,
)
from kbassist.drafting.symptom_sides import checks_lead
from kbassist.drafting.text import clean, split_sentences

# --------------------------------------------------------------------------- plain text

#: Links, bounded (link text 300, target 500): unbounded `[^\]]*` / `[^)\s]*` rescanned the
#: rest of the text from every "[" of a hostile run ("![a](" x 4,000: 5 s; now 0.3 s).
_HUGO_LINK_RE = re.compile(
    r"\[([^\]]{1,300})\]\(\s{0,20}\{\{[<%]\s{0,20}(?:rel)?ref\s{1,20}\"?([^\"}>]{0,500})\"?"
    r"\s{0,20}[>%]\}\}\s{0,20}\)"
)
_LINK_RE = re.compile(
    r"!?\[([^\]]{0,300})\]\((?:<[^>]{0,500}>|[^)\s]{0,500})(?:\s{1,20}\"[^\"]{0,300}\")?\)"
)
_REF_LINK_RE = re.compile(r"\[([^\]]{1,300})\]\[[^\]]{0,100}\]")
#: A Markdown image: its alt text ("Start button", "User Account Control permission") is
#: a picture's caption, never words of a step ("Click StartStart button , type ...").
#: Bounded repeats: linear on a hostile run of "![a](" (an unbounded tail rescans).
_MD_IMAGE_RE = re.compile(
    r"!\[[^\]\n]{0,200}\]\((?:<[^>\n]{0,300}>|[^)\s]{0,300})(?:\s{1,20}\"[^\"\n]{0,200}\")?\)"
)
_DOCS_IMAGE_RE = re.compile(r":::image(?:-end)?\b.*?:::", re.IGNORECASE | re.DOTALL)
#: A Hugo shortcode (`{{< ref "x" >}}`), on one line: found by `_shortcodes_sub`.
_SHORTCODE_RE = re.compile(r"\{\{[<%].*?[>%]\}\}")
#: From the `>` line's own start (`[^\S\n]*`, not `\s*`): `\s*` from every line start ran
#: over all blank lines after it, quadratic on a long blank run; the blanks it also took
#: are whitespace `clean` folds the same.
_NOTE_MARK_RE = re.compile(r"^[^\S\n]*(?:>\s*)+(?:\[!\w+\]\s*)?", re.MULTILINE)
_NOTE_INLINE_RE = re.compile(r"\[!(?:NOTE|TIP|IMPORTANT|CAUTION|WARNING)\]\s*", re.IGNORECASE)
_DETAILS_RE = re.compile(r"</?details\s*>|<summary\s*>.*?</summary\s*>|</?summary\s*>", re.I)
_HTML_RE = re.compile(r"</?(?:a|b|i|em|strong|br|p|span|div|sup|sub|code|kbd|u)\b[^<>]*>", re.I)
_EMPHASIS_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
#: `*secpol.msc*`: single-star italics (not `*.exe`, whose star has no closing pair).
_ITALIC_RE = re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*\n]{1,120}?)(?<=[^\s*])\*(?![\w*])")
_ESCAPE_RE = re.compile(r"\\([<>\[\]()*_`#$\\])")


def md_plain(text: str, shown: frozenset[str] = frozenset(), *, unescape: bool = True) -> str:
    """Markdown or docs markup as the text a reader sees: link text (no URL), no `**`, no
    `> [!NOTE]` marker, no `<details>`/`<summary>` wrapper, no Hugo shortcode, no image (its
    alt text is a caption, not words of the sentence); one line. A word in `shown` (the
    rendered article's words with a backslash: `shown_escapes`) keeps its backslashes;
    `unescape=False` is for text the parser rendered already (a block's `text.plain`, a
    code line): its backslashes are the reader's (`\\$Extend\\*`, `\\\\server`)."""
    text = _MD_IMAGE_RE.sub("", text) if "![" in text else text
    text = _bracket_sub(_HUGO_LINK_RE, text)
    text = _bracket_sub(_LINK_RE, text)
    text = _bracket_sub(_REF_LINK_RE, text)
    text = _shortcodes_sub(text, lambda _: "")
    text = _DOCS_IMAGE_RE.sub("", text)
    text = _NOTE_MARK_RE.sub("", text)
    text = _NOTE_INLINE_RE.sub("", text)
    text = _DETAILS_RE.sub(" ", text)
    text = _HTML_RE.sub("", text)
    text = _EMPHASIS_RE.sub(r"\2", text)
    text = _ITALIC_RE.sub(r"\1", text)
    text = _unescape_outside_code(text, shown) if unescape else text
    return clean(text.replace("`", ""))


def _bracket_sub(pattern: re.Pattern[str], text: str) -> str:
    """`pattern.sub(r"\\1", text)` for a link pattern `!?\\[([^\\]]*)\\]...`, in linear time.

    Every `[` before a `]` shares what follows that `]`, so if the first `[` (or the `!`
    just before it) does not start a match, none up to the `]` does: it alone is tried.
    The engine tried each, scanning to the `]` from every one: a run of `[` took minutes.
    """
    if "[" not in text:
        return text
    out: list[str] = []
    at = pos = 0
    while (opening := text.find("[", pos)) >= 0:
        closing = text.find("]", opening + 1)
        if closing < 0:
            break
        bang = opening > pos and text[opening - 1] == "!"
        found = pattern.match(text, opening - 1) if bang else None
        found = found or pattern.match(text, opening)
        if found is None:
            pos = closing + 1
            continue
        out += (text[at : found.start()], found.group(1))
        at = pos = found.end()
    out.append(text[at:])
    return "".join(out)


_SHORTCODE_OPEN_RE = re.compile(r"\{\{[<%]")
_SHORTCODE_CLOSE_RE = re.compile(r"[>%]\}\}")


def _shortcodes_sub(text: str, repl: Callable[[str], str]) -> str:
    """`_SHORTCODE_RE.sub(repl, text)`, each shortcode's text given to `repl`, in linear
    time. A shortcode closes on its own line;
    if none closes after one opening, none after a later opening on that line does
    either, so the line is left (the engine rescanned it from each `{{<`: quadratic)."""
    if "{{" not in text:
        return text
    out: list[str] = []
    at = pos = 0
    while (opening := _SHORTCODE_OPEN_RE.search(text, pos)) is not None:
        start = opening.start()
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        closing = _SHORTCODE_CLOSE_RE.search(text, start + 3, line_end)
        if closing is None:
            pos = line_end
            continue
        out += (text[at:start], repl(text[start : closing.end()]))
        at = pos = closing.end()
    out.append(text[at:])
    return "".join(out)


#: An inline code span: Markdown keeps its backslashes as written.
_CODE_SPAN_RE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)


def _unescape_outside_code(text: str, shown: frozenset[str] = frozenset()) -> str:
    """Markdown's backslash escapes (`\\<`, `\\*`) undone, but not inside a code span:
    `Printers\\<print queue name>` and `\\\\server` keep the backslashes a reader types;
    nor in a word of `shown` (text the parser rendered already: `\\$Extend\\*`)."""
    if "\\" not in text:
        return text
    out: list[str] = []
    at = 0
    for span in _CODE_SPAN_RE.finditer(text):
        out.append(_unescaped(text[at : span.start()], shown))
        out.append(span.group(0))
        at = span.end()
    out.append(_unescaped(text[at:], shown))
    return "".join(out)


def _unescaped(text: str, shown: frozenset[str]) -> str:
    """`text` with its escapes undone, except in the words of `shown`."""
    if not shown or "\\" not in text:
        return _ESCAPE_RE.sub(r"\1", text)

    def word(match: re.Match[str]) -> str:
        said = match.group(0)
        return said if escape_word_key(said) in shown else _ESCAPE_RE.sub(r"\1", said)

    return _WORD_RE.sub(word, text)


_WORD_RE = re.compile(r"\S+")
#: Quotes and sentence marks around a word ("'C:\\<Folder>'.", "(\\\\server)").
_AROUND = "\"'.,;:()[]{}\u201c\u201d\u2018\u2019"


def escape_word_key(word: str) -> str:
    """`word` without the quotes and sentence marks around it: how `shown` words match."""
    return word.strip(_AROUND)


def redirect_target(text: str) -> tuple[str, str] | None:
    """(name, target) of a "See [Other runbook](ref)" article body, else None."""
    match = re.match(
        r"^\s*(?:see|refer to|moved to|this (?:runbook|alert|article) (?:has )?moved to)\s+"
        r"\[([^\]]+)\]\(([^)]*(?:\)\s*\}\}[^)]*)?)\)\s*\.?\s*$",
        text.strip(),
        re.IGNORECASE | re.DOTALL,
    )
    if match is None:
        return None
    target = _shortcodes_sub(match.group(2), _ref_of).strip()
    return md_plain(match.group(1)), target


def _ref_of(shortcode: str) -> str:
    found = re.search(r"ref\s+\"?([^\"}>\s]+)", shortcode)
    return found.group(1) if found else ""


# --------------------------------------------------------------------------- blocks


def block_plain(block: Block) -> str:
    """One block as plain text: a list as its items joined by "; ", a quote as its text."""
    if isinstance(block, Paragraph):
        return md_plain(block.text.plain, unescape=False)  # rendered: its backslashes kept
    if isinstance(block, Code):
        lines = [line.strip() for line in block.code.strip("\n").split("\n") if line.strip()]
        return " ".join(lines[:6])
    if isinstance(block, ListBlock):
        items = [" ".join(block_plain(b) for b in item.blocks).strip() for item in block.items]
        return "; ".join(i.rstrip(".;") for i in items if i) + "."
    if isinstance(block, Quote):
        return " ".join(block_plain(b) for b in block.blocks).strip()
    if isinstance(block, Table):
        return ""
    return ""


def section_parts(article: Article, section: Section) -> Iterator[Part]:
    """The parts (outermost first, then their children) a flat section is drawn from."""
    from kbassist.drafting.blocks import part_sections

    sections = part_sections(article)
    if article.document.blocks and not article.document.parts and section.key == "summary":
        yield Part(section.name, 1, section.line, article.document.blocks)
        return
    for part in article.document.walk():
        if sections.get(id(part)) is section:
            yield part


#: "Log Name:      Application", "Event ID: 1024": one line of a logged event's record.
_RECORD_LINE_RE = re.compile(r"^(?P<key>[A-Z][\w ]{1,24}?):(?:\s+(?P<value>.*))?$")
#: The lines of a logged event that say what went wrong; the rest (date, user, computer,
#: keywords, the XML) is the same for every event.
_RECORD_KEYS = ("source", "event id", "description")


def record_message(code: str) -> str:
    """A logged event's record ("Log Name: ...", "Event ID: 1024", "Description:" and its
    text) as the lines that name it: source, event ID and the description up to the event's
    XML; "" when `code` is no such record."""
    lines = [line.strip() for line in code.strip("\n").split("\n") if line.strip()]
    keyed = [_RECORD_LINE_RE.match(line) for line in lines]
    if sum(bool(m) for m in keyed) < 3 or not any(
        m and m.group("key").casefold() == "description" for m in keyed
    ):
        return ""
    kept: list[str] = []
    described = False
    for line, match in zip(lines, keyed, strict=True):
        if described:
            if line.startswith("<") or (match and match.group("key").casefold() == "event xml"):
                break
            kept.append(" ".join(line.split()))
            continue
        if match and match.group("key").casefold() in _RECORD_KEYS:
            described = match.group("key").casefold() == "description"
            kept.append(" ".join(line.split()))
    return " ".join(kept)


#: The symptom is cut here for a modern article: its scenario and message fit.
MAX_MODERN_SYMPTOM_CHARS = 900


def block_symptom(article: Article, section: Section) -> str:
    """The symptom from the blocks of its section: the first two blocks, and every block a
    colon-ended lead-in introduces (a scenario list, then "you receive the following
    error:" and the quoted message), rendered as plain text; "" if none."""
    blocks: list[Block] = []
    for part in section_parts(article, section):
        blocks.extend(b for b in part.blocks if not isinstance(b, Note))
        break
    fielded = field_text(blocks, _MEANING_FIELD_RE)
    if fielded:
        # "**Severity:**", "**Alert Expression:**" and a table of impacts come first, but
        # "**Trigger Condition:**" and "**What it means:**" are what the admin sees
        return fielded
    texts: list[str] = []
    for n, block in enumerate(blocks):
        # a logged event is named by its source, ID and description, not its first lines
        text = (isinstance(block, Code) and record_message(block.code)) or symptom_block_text(block)
        if not text:
            continue
        if isinstance(block, Paragraph) and checks_lead(text):
            break  # "Things to Check:" over the admin's checks: no part of the symptom
        if is_background(text):  # "Its primary responsibilities include ...": padding
            text = before_background(text) if not texts else ""
            if text:
                texts.append(text)
            break
        entries = (
            isinstance(block, Paragraph)
            and n + 1 < len(blocks)
            and isinstance(blocks[n + 1], ListBlock)
            and logs_entries(text)
        )
        if texts and isinstance(block, ListBlock) and logs_entries(texts[-1]):
            text = entries_text(listed_entries(block))  # each event by its name and text
        if len(texts) >= 2:
            prev = texts[-1]
            # "... you get the following error message" (no colon) over the quoted message
            follows_lead = prev.endswith(":") or (
                isinstance(block, (Quote, Code)) and announces(prev)
            )
            lead_next = isinstance(block, Paragraph) and text.endswith(":") and n + 1 < len(blocks)
            # "Consider the following scenario:" + its list: what goes wrong comes next
            outcome = len(texts) == 2 and bool(_SCENARIO_RE.match(texts[0]))
            if not (follows_lead or lead_next or outcome or entries) or len(texts) >= 8:
                break
        if entries:
            text = f"{text.rstrip(' .')}:"
        texts.append(text)
        if sum(len(t) for t in texts) > MAX_MODERN_SYMPTOM_CHARS:
            break
    return " ".join(texts)


#: A runbook field that says what the alert means ("**Trigger Condition:** The 99th
#: percentile ...", "**What it means:** etcd is taking too long ...").
_MEANING_FIELD_RE = re.compile(
    r"^(?:trigger(?:ing)? conditions?|what (?:it|this alert|this) means|meaning)\s*:\s*",
    re.IGNORECASE,
)
#: A runbook field that lists why it fires ("**Common Root Causes:**" over a list).
_CAUSE_FIELD_RE = re.compile(
    r"^(?:(?:common|possible|likely|typical|known) )?(?:root )?causes?\s*:\s*", re.IGNORECASE
)


def field_text(blocks: Sequence[Block], label: re.Pattern[str], named: bool = False) -> str:
    """The text of a section's bold-labelled fields whose label matches ("**Trigger
    Condition:** ..."), each with the list its text introduces (and its label when
    `named`); "" if there are none."""
    texts: list[str] = []
    for n, block in enumerate(blocks):
        if not isinstance(block, Paragraph):
            continue
        plain = block.text.plain
        bold = next((m for m in block.text.marks if m.kind == "strong" and m.start == 0), None)
        found = label.match(plain)
        if bold is None or found is None or bold.end < found.end() - 2:
            continue
        text = md_plain(plain[found.end() :])
        nxt = blocks[n + 1] if n + 1 < len(blocks) else None
        if isinstance(nxt, ListBlock) and (not text or text.endswith(":")):
            listed = "; ".join(
                md_plain(" ".join(block_plain(b) for b in item.blocks)).rstrip(".;")
                for item in nxt.items
            )
            text = f"{text} {listed}".strip()
        if text and named:
            text = f"{md_plain(plain[: found.end()]).strip()} {text}"
        if text:
            texts.append(text if text[-1] in ".:;!?" else f"{text}.")
    return " ".join(texts)


def described_alert(article: Article) -> bool:
    """Whether the article describes an alert by labelled fields ("## Alert Description"
    with "**Trigger Condition:**"): a runbook under other headings, not a helper page."""
    return any(field_text(p.blocks, _MEANING_FIELD_RE) for p in article.parts_by_role("symptom"))


# --------------------------------------------------------------------------- cause

#: Sentences that say why: strong cues first ("because", "caused by", "can occur if",
#: "by design"), then what an alert's firing means ("fires when", "indicates that").
_STRONG_CAUSE_RE = re.compile(
    r"\b(?:because|caused by|is due to|due to|(?:can|may|might|could|will) (?:also )?"
    r"(?:occur|happen|be triggered|be caused)|occurs? (?:when|if|because|after)|happens? "
    r"(?:when|if|because|during|after)|results? from|by design|correspond(?:s)? to|"
    r"is expected|in progress|the reason|(?:issue|problem|error|behaviou?r) is (?:related to|"
    r"associated with))\b",
    re.IGNORECASE,
)
_WEAK_CAUSE_RE = re.compile(
    r"\b(?:fires? (?:when|whenever|if)|is (?:triggered|raised) (?:when|if)|triggers? when|"
    r"becomes (?:pending|active) when|"
    r"indicates? that|means? that|can indicate|signals? that)\b",
    re.IGNORECASE,
)
_CAUSE_ROLES = ("symptom", "summary", "status", "diagnosis", "more-information")
#: Sentences that are no cause: an example, a note, what the alert does not fire on.
_ASIDE_RE = re.compile(
    r"^(?:for (?:example|instance)\b|e\.g\.|as an example\b|note\b|important\b|tip\b)|"
    r"\bis suppressed\b|\b(?:does|do|will) not (?:fire|trigger)\b",
    re.IGNORECASE,
)


def aside(sentence: str) -> bool:
    """A sentence that is no cause: an example ("For example, this alert might trigger
    when ..."), a note ("Note: ... the alert is suppressed"), what does not fire it."""
    return bool(_ASIDE_RE.search(sentence.strip()))


def block_cause(article: Article) -> tuple[str, Section | None]:
    """A cause the article states outside a Cause heading (Meaning, Summary, Symptoms,
    Status, Diagnosis): the first sentences that say why, cited; ("", None) if none."""
    from kbassist.drafting.blocks import part_sections
    from kbassist.drafting.summary_message import cause_parts, opening_section

    parted = cause_parts(article)  # "## Cause of Error 1 in CBS logs": not the trigger
    if parted[0]:
        return parted
    sections = part_sections(article)
    candidates: list[tuple[Part, list[str]]] = []
    for role in _CAUSE_ROLES:
        for part in article.parts_by_role(role):
            sentences: list[str] = []
            for block in part.blocks:
                if isinstance(block, Paragraph):
                    sentences.extend(split_sentences(md_plain(block.text.plain)))
            candidates.append((part, sentences))
    for part, _ in candidates:
        listed = field_text(part.blocks, _CAUSE_FIELD_RE, named=True)
        section = sections.get(id(part))
        if listed and section is not None:
            # "**Common Root Causes:**" over a list: the runbook's own causes, whole
            return listed, section
    for pattern in (_STRONG_CAUSE_RE, _WEAK_CAUSE_RE):
        for part, sentences in candidates:
            # the opening blocks (no heading above them) cite the summary section, for a
            # sentence that plainly says why ("This is by design as ..."), not "X means"
            section = sections.get(id(part))
            if section is None and pattern is _STRONG_CAUSE_RE:
                section = opening_section(article, part)
            if section is None:
                continue
            for n, sentence in enumerate(sentences):
                if (
                    pattern.search(sentence)
                    and not sentence.endswith(":")
                    and not aside(sentence)
                    and not self_described(sentence)  # "This article discusses the cause"
                ):
                    kept = [sentence]
                    if n + 1 < len(sentences) and len(sentence) < 160:
                        following = sentences[n + 1]
                        if (
                            not following.endswith(":")
                            and pattern.search(following)
                            and not aside(following)
                        ):
                            kept.append(following)
                    return " ".join(kept), section
    return "", None


# --------------------------------------------------------------------------- alerts

_DEPRECATED_RE = re.compile(
    r"\b(?:this (?:alert |runbook )+(?:is|has been) deprecated|is deprecated and (?:will|can)|"
    r"(?:safely|can) (?:ignore|silence)\b[^.]{0,40}\b(?:silence|ignore)|deprecated in favou?r of)",
    re.IGNORECASE,
)
_ALWAYS_ON_RE = re.compile(
    r"\b(?:is always firing|always (?:be )?fir(?:e|es|ing)|used (?:only )?to inhibit|"
    r"meant to ensure that the (?:entire )?alerting pipeline"
    r"|inhibit(?:s|or)? (?:the )?\w+ alerts)\b",
    re.IGNORECASE,
)


_ALERT_WORD_RE = re.compile(r"\b(?:alert|runbook)s?\b", re.IGNORECASE)


def deprecation(article: Article) -> str:
    """The sentence saying this alert is deprecated ("You can safely ignore or silence
    it", "deprecated in favor of X"), from the article's opening or Meaning; else ""."""
    texts = [article.title]
    for block in article.document.blocks:
        texts.append(block_plain(block))
    for part in article.document.walk():
        opening = part.level <= 1 or part.role in ("symptom", "summary", "")
        if opening or "deprecat" in part.name.lower():
            texts.extend(block_plain(b) for b in part.blocks[:3])
    sentences = [s for t in texts for s in split_sentences(t) if s]
    # an alert's deprecation: "this feature is deprecated and will be removed" in a
    # support article is not a reason to silence anything
    found = [s for s in sentences if _DEPRECATED_RE.search(s) and _ALERT_WORD_RE.search(s)]
    if not found:
        return ""
    start = sentences.index(found[0])
    out = [found[0]]
    nxt = sentences[start + 1] if start + 1 < len(sentences) else ""
    if nxt and re.search(r"\b(?:ignore|silence|instead|in favou?r|replaced)\b", nxt, re.I):
        out.append(nxt)
    return " ".join(out)


def always_firing(article: Article) -> bool:
    """An alert that fires all the time by design (Watchdog, an inhibitor): waiting for
    it to stop firing is no check."""
    for role in ("symptom", "summary", "impact"):
        for part in article.parts_by_role(role):
            text = " ".join(block_plain(b) for b in part.blocks)
            if _ALWAYS_ON_RE.search(text):
                return True
    return False


def _linkable(target: str) -> bool:
    """A web address, or a runbook's relative link to its helper page
    (`helpers/gatherLogs.md`); not an anchor on the same page or an e-mail address."""
    if target.startswith(("http://", "https://")):
        return True
    return bool(target) and not target.startswith(("#", "mailto:", "javascript:", "/"))


#: "Storage node <nod-name> went down. Please check the node immediately.": alert or
#: message text in a code block, shown as what the admin sees, never run or asked.
_PROSE_CODE_RE = re.compile(r"^[A-Z][\w<>'-]*(?: [\w<>'(),:-]+){3,}[.!]?(?: [A-Z][^$|=;{}]*)?$")


def message_text(code: str, lead: str) -> bool:
    """A code block that quotes an alert or message ("The alert message will clearly
    indicate which node is down" before it), not a command."""
    lines = [line.strip() for line in code.strip().splitlines() if line.strip()]
    return (
        len(lines) == 1
        and bool(re.search(r"\b(?:alert|message|notification|error)\b", lead, re.IGNORECASE))
        and bool(_PROSE_CODE_RE.match(lines[0]))
        and not re.search(r"[$|=;{}]|^\w+ -", lines[0])
    )


def links_of(blocks: Sequence[Block]) -> list[tuple[str, str]]:
    """(text, target) of the links in paragraphs (web or helper page): where to go."""
    out: list[tuple[str, str]] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            plain = block.text.plain
            for mark in block.text.marks:
                if mark.kind == "link" and _linkable(mark.target):
                    out.append((clean(plain[mark.start : mark.end]), mark.target))
    return out


# --------------------------------------------------------------------------- prose cases

#: A sentence for one case: "If an upgrade is in progress, ...", "In the case when you
#: run on AWS, ...", "As a last resort if none of the above fix the issue, ...".
_CASE_RE = re.compile(
    r"^(?:as a last resort,?\s*(?:(?:if|when)\s+)?|(?:if|when|in (?:the )?case(?: when| that)?)\s+)"
    r"(?P<cond>[^,]{4,140}?),\s*(?P<then>.{8,})$",
    re.IGNORECASE | re.DOTALL,
)
#: How the fix went is no case to choose up front ("if the problem persists").
_AFTER_RE = re.compile(r"\b(?:persists?|still (?:occurs|happens)|does not (?:help|work))\b", re.I)
#: "If needed, restart the pod": a hedge on the step, no case the admin finds.
_HEDGE_RE = re.compile(r"^(?:needed|necessary|required|possible|applicable|appropriate)$", re.I)


def prose_paragraphs(part: Part) -> list[Paragraph] | None:
    """A part's paragraphs when it is prose only (notes aside); None when it holds a list
    or a command: a procedure, never cases written as sentences."""
    paragraphs: list[Paragraph] = []
    for sub in part.walk():
        for block in sub.blocks:
            if isinstance(block, Paragraph):
                paragraphs.append(block)
            elif not isinstance(block, Note):
                return None
    return paragraphs


def prose_cases(part: Part) -> tuple[list[str], list[tuple[str, list[str], Paragraph]]]:
    """(lead, cases) of a fix written as prose cases, one per "If X, do Y" sentence: each
    (label X, its sentences, the paragraph it is in); ([], []) unless there are two cases
    and the part holds only paragraphs (a list or a command is a procedure, not cases)."""
    paragraphs = prose_paragraphs(part)
    if paragraphs is None:
        return [], []
    lead: list[str] = []
    cases: list[tuple[str, list[str], Paragraph]] = []
    for para in paragraphs:
        for sentence in split_sentences(clean(para.text.plain)):
            match = _CASE_RE.match(sentence)
            if (
                match
                and not _AFTER_RE.search(match.group("cond"))
                and not _HEDGE_RE.match(match.group("cond").strip())
                and not status_only(match.group("cond"))  # "If you do so, ..."
            ):
                cond = match.group("cond").strip()
                last = sentence.lower().startswith("as a last resort")
                label = f"Last resort: {cond}" if last else cond[0].upper() + cond[1:]
                then = match.group("then").strip()
                cases.append((label, [then[0].upper() + then[1:]], para))
            elif cases and cases[-1][2] is para:
                cases[-1][1].append(sentence)
            elif not cases:
                lead.append(sentence)
            else:
                return [], []  # an explanation between the cases: not a list of cases
    return (lead, cases) if len(cases) >= 2 else ([], [])


_IF_ITEM_RE = re.compile(
    r"^(?:(?:if|when)\s+(?P<cond>[^,:]{4,160}?)\s*(?:[,:]|$)|(?:error(?: message)?|scenario|"
    r"symptom|issue|case)\s*\d{0,2}\s*:\s*(?P<named>\S.{2,160}?)\s*$)",
    re.IGNORECASE,
)


_PRODUCT_HEAD_RE = re.compile(r"^for (?P<what>[^.:;,]{3,80}?)\s*:?$", re.IGNORECASE)


def product_head(blocks: Sequence[Block]) -> str:
    """ "**For SQL Server 2008 R2**" heading a list item (the fix for that version follows):
    "SQL Server 2008 R2"; "" when the item does not start so."""
    first = blocks[0] if blocks else None
    if not isinstance(first, Paragraph) or len(blocks) < 2:
        return ""
    text = md_plain(first.text.plain)
    match = _PRODUCT_HEAD_RE.match(text)
    if match is None or len(text.split()) > 10:
        return ""
    what = match.group("what")
    return what[0].upper() + what[1:]


def if_list(blocks: Sequence[Block]) -> list[ListBlock]:
    """A fix written as a list of cases ("- If the pod logs X, ...", "- If Y, ..."): each
    item an alternative, picked by what the admin found; [] unless two items are cases."""
    for block in blocks:
        if not isinstance(block, ListBlock) or len(block.items) < 2:
            continue
        firsts = [item.blocks[0] for item in block.items if item.blocks]
        cases = sum(
            isinstance(b, Paragraph) and bool(_IF_ITEM_RE.match(md_plain(b.text.plain)))
            for b in firsts
        )
        products = sum(bool(product_head(item.blocks)) for item in block.items)
        if (cases >= 2 and cases * 2 >= len(block.items)) or products >= 2:
            return [block]
    return []


def is_case_item(blocks: Sequence[Block]) -> bool:
    """A list item that opens with a case ("Error message 3: **LogReader Timeout**",
    "If the pod logs X, ...")."""
    first = blocks[0] if blocks else None
    return isinstance(first, Paragraph) and bool(_IF_ITEM_RE.match(md_plain(first.text.plain)))


#: A case longer than this is named by its action, not cut mid-phrase.
MAX_CASE_CHARS = 90


def action_label(step: str) -> str:
    """ "If you are running X or Y or Z, launch those tools as administrator." ->
    "Launch those tools as administrator": the action, when the case is too long."""
    from kbassist.drafting.text import short_label, split_detail

    text = md_plain(split_detail(step)[0])
    match = re.match(r"^(?:if|when)\s+[^,]{4,240},\s*(?:then\s+)?(?P<then>\S.{4,})$", text, re.I)
    if match is None:
        return ""
    then = match.group("then")
    return short_label(then[0].upper() + then[1:], 90)


def case_label(step: str) -> str:
    """ "If the pod is logging the following errors, ..." (the errors in its detail) ->
    "The pod is logging the following errors: error: Transaction in progress"; "" when
    the step names no case."""
    from kbassist.drafting.text import short_label, split_detail

    text, detail = split_detail(step)
    match = _IF_ITEM_RE.match(md_plain(text))
    if match is None:
        return ""
    if match.group("named"):  # "Error message 3: LogReader Timeout"
        named = match.group("named").strip().strip('"')
        return short_label(named[0].upper() + named[1:], 90)
    cond = match.group("cond").strip()
    if len(cond) > MAX_CASE_CHARS:
        return ""  # too long to name a choice: `action_label` names it by its action
    label = cond[0].upper() + cond[1:]
    first = next((line.strip() for line in detail.splitlines() if line.strip()), "")
    if "following" in cond.lower() and first and len(first) <= 70:
        return f"{short_label(label, 60)}: {first}"
    return short_label(label, 90)


_SYSTEM_DIR_RE = re.compile(
    r"^[a-z]:\\(?:windows|winnt|program ?files|programdata|system32|users\\(?:default|public"
    r"|all users))\b|^[a-z]:\\users\\?$|^[a-z]:\\program$|\\system32\b|\\syswow64\b|%\w+%",
    re.IGNORECASE,
)


_PROGRAM_FILE_RE = re.compile(r"\.(?:exe|dll|sys|msc|cpl|drv|ocx|mui|com)$", re.IGNORECASE)


def system_path(literal: str) -> bool:
    """`C:\\Windows\\System32\\svchost.exe`, a program's own folder or file: what it is on
    every system, not a value to ask; a folder the admin picks (`D:\\Backup`) is not one."""
    last = literal.rstrip("\\").rsplit("\\", 1)[-1]
    return bool(_SYSTEM_DIR_RE.search(literal)) or bool(_PROGRAM_FILE_RE.search(last))


def with_urls(paragraph: Paragraph) -> str:
    """A paragraph's text with each web link's address after its text ("the
    documentation (https://...)"): prose that says "see the docs" says where they are."""
    plain = paragraph.text.plain
    out: list[str] = []
    at = 0
    for mark in sorted(paragraph.text.marks, key=lambda m: m.start):
        if mark.kind == "link" and _linkable(mark.target):
            if mark.end < at:
                continue
            out.append(plain[at : mark.end])
            if mark.target not in plain[mark.start : mark.end]:
                out.append(f" ({mark.target})")
            at = mark.end
    out.append(plain[at:])
    return clean("".join(out))


#: "Don't apply the workaround to computers that are running Windows 10 or later": the
#: fix is not for every system, whatever the steps say.
_APPLIES_RE = re.compile(
    r"\b(?:(?:don't|do not|never) (?:apply|use|run|install|follow)\b|applies only to|only "
    r"(?:applies|works|apply) (?:to|on|for)|is not supported on|not (?:apply|applicable) to)",
    re.IGNORECASE,
)


def applicability_notes(article: Article) -> list[str]:
    """IMPORTANT / WARNING / CAUTION notes at the article's top or in its Summary that
    limit where the fix may be applied ("Important: Don't apply the workaround to ...")."""
    blocks: list[Block] = list(article.document.blocks)
    for part in article.document.parts:
        if part.role in ("summary", "symptom", "applies-to", ""):
            blocks.extend(part.blocks)
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Note) and block.level in ("important", "warning", "caution"):
            text = " ".join(block_plain(b) for b in block.blocks).strip()
            if text and _APPLIES_RE.search(text):
                out.append(f"{block.level.capitalize()}: {text}")
    return out


def trailing_note(blocks: Sequence[Block], listed: Block) -> str:
    """The note right after a list of alternatives ("> [!NOTE] After you set X to 0, the
    next failover may be delayed"), as "Note: ..."; "" if none follows it."""
    for n, block in enumerate(blocks):
        note = blocks[n + 1] if block is listed and n + 1 < len(blocks) else None
        if isinstance(note, Note):
            text = " ".join(block_plain(b) for b in note.blocks).strip()
            return f"{(note.level or 'note').capitalize()}: {text}" if text else ""
    return ""


#: "... you receive the following error message: Login timeout expired." -> the message
#: (the first lead-in that names a message: "the following scenario:" names none).
_MESSAGE_LEAD_RE = re.compile(
    r"(?:\b(?:the following|this)(?: one| (?:error )?(?:messages?|errors?|events?|exceptions?|"
    r"entr(?:y|ies)))\b[^:.]{0,140}|\b(?:messages?|errors?)\b[^:.]{0,60}\bthe following\s*):\s*",
    re.IGNORECASE,
)
_MESSAGE_END_RE = re.compile(r"\s+(?:In this|Additionally|Also,|When you|If you)\b|;\s+")


def symptom_check(symptom: str) -> str:
    """A concrete verify from a modern symptom: the message it quotes must no longer
    appear; else its first sentence must no longer happen; "" if it has neither."""
    from kbassist.drafting.text import sentence_cut
    from kbassist.drafting.verify import problem_sentence, states_problem, whole_sentences

    for lead in _MESSAGE_LEAD_RE.finditer(symptom):
        message = _MESSAGE_END_RE.split(symptom[lead.end() :], maxsplit=1)[0].strip()
        if re.match(r"(?:if|when|whenever)\s+you\b", message, re.IGNORECASE):
            continue  # "one of the following messages: - If you have ..., you receive ...:"
        if len(re.findall(r"[A-Za-z]{2,}", message)) >= 2:  # words, not "MM:SS."
            # whole sentences of a long message, never one cut with "[...]"
            said = whole_sentences(message, 240) or sentence_cut(message, 240)
            return f"Check that this no longer appears: {said}"
    quoted = re.search(
        r"[\"\u201c](?P<m>[^\"\u201c\u201d]{12,200})[\"\u201d]\s+(?:error )?(?:messages?|errors?|"
        r"warnings?|prompts?|notifications?|dialog)\b",
        symptom,
        re.IGNORECASE,
    )
    if quoted and len(quoted.group("m").split()) >= 3:  # 'the "Service is busy" message'
        return f"Check that this no longer appears: {quoted.group('m')}"
    sentences = split_sentences(symptom) if symptom else []
    if len(sentences) > 1 and _SCENARIO_RE.match(sentences[0]):
        # "Consider the following scenario: ...; ...." then what goes wrong in it
        sentences = sentences[1:]
    sentences = [x for x in sentences if not _ABOUT_ITSELF_RE.match(x)]
    first = sentences[0] if sentences else ""
    if first and not states_problem(first):
        # "In Windows Server 2008, you can use the following tools ...": the scene, not
        # the problem; the first sentence that says what goes wrong, else no quote
        first = problem_sentence(" ".join(sentences), 240)
    if 20 <= len(first) <= 240 and not first.endswith(":"):
        return f"Check that this no longer happens: {first}"
    return ""


# --------------------------------------------------------------------------- shell variables

#: `$NS`, `${MCP_NAME}` in a command: a shell variable (capitals, not `$1`, `$(...)`, nor
#: the `$SQLPROD` of a service name `MSSQL$SQLPROD`).
_SHELL_VAR_RE = re.compile(
    r"(?<![\w$\\])\$(?:\{(?P<b>[A-Z][A-Z0-9_]{0,40})\}|(?P<v>[A-Z][A-Z0-9_]{0,40}))(?!\w)"
)
#: Variables every shell or cluster login already has: never the admin's value to type.
_ENV_VARS = frozenset(
    "HOME PATH USER PWD SHELL EDITOR TMPDIR HOSTNAME RANDOM IFS KUBECONFIG LANG TERM UID "
    "OLDPWD PS1 SECONDS LINENO BASH".split()
)


def shell_variables(article: Article, commands: Sequence[str]) -> list[str]:
    """Shell variables a runbook's commands use that nothing in the article sets
    (`oc get vmi $VM` with no `VM=` or `export VM`): values the admin must supply, in
    order of first use ("$VM"); a variable the runbook sets itself is never asked."""
    text = "\n".join(s.text for s in article.sections)
    out: list[str] = []
    for command in commands:
        for match in _SHELL_VAR_RE.finditer(command):
            name = match.group("b") or match.group("v")
            if name in _ENV_VARS or f"${name}" in out:
                continue
            assigned = re.search(
                rf"(?:^|[\s;(`$]){name}=|\b(?:export|read|declare|local)\s+(?:-\w+\s+)?{name}\b"
                rf"|\bfor\s+{name}\s+in\b",
                text,
                re.MULTILINE,
            )
            if assigned is None:
                out.append(f"${name}")
    return out


#: An inline code span of a Markdown article that uses a shell variable.
_INLINE_VAR_RE = re.compile(r"`([^`\n]*\$\{?[A-Z][^`\n]*)`")


def inline_commands(article: Article, step: str) -> list[str]:
    """The article's inline code spans with a `$VAR` that `step`'s text quotes ("Check
    rollout history `kubectl -n $NAMESPACE rollout history statefulset $NAME`"): commands
    run as written, though not in a fenced block; prose with a "$" is none. Alert runbooks
    only (a Meaning section): a support article's `$Cred = ...` is PowerShell."""
    if not any(s.key == "meaning" for s in article.sections):
        return []
    out: list[str] = []
    if "$" in step:
        spans = dict.fromkeys(
            m.group(1).strip() for s in article.sections for m in _INLINE_VAR_RE.finditer(s.text)
        )
        out = [span for span in spans if span and span in step]
    # `ceph tell mon.ID mon_status`: an inline command with a stand-in (round 38)
    return out + [span for span in inline_stand_in_commands(article) if span in step]


#: `MyServerName`, `MyPassword`, `app=myapp` in a command: the article's stand-in for
#: the admin's own name of a thing one types (not `MyClass`, a sample's identifier).
_MY_NAME_RE = re.compile(
    r"(?<![\w%$.<-])(?:[Mm]y|MY)[_-]?(?:Server|Computer|Domain|Host|Share|User|Account|"
    r"Password|Database|Db|Instance|Cluster|Namespace|Node|App|Package|Connection|Site|"
    r"Folder|Path|File|Vm|Pod|Pvc|Project|Group|Printer|Tenant|Subscription|Resource)"
    r"[A-Za-z0-9]*(?![\w%>-])"
    r"|(?<![\w%$.<-])my[_-]?(?:server|computer|domain|host|share|user|account|database|db|"
    r"instance|cluster|namespace|node|app|package|site|folder|vm|pod|pvc|project)"
    r"[a-z0-9_-]*(?<![_-])(?![\w%>])"
)


def my_names(article: Article, commands: Sequence[str]) -> list[str]:
    """`MyServerName`-like stand-ins in a modern article's commands that it does not set
    itself (`MYPOD=...`), in order of first use: values the admin must supply."""
    text = "\n".join(s.text for s in article.sections)
    out: list[str] = []
    for command in commands:
        for match in _MY_NAME_RE.finditer(command):
            name = match.group(0)
            if name in out or re.search(rf"(?:^|[\s;(]){re.escape(name)}=", text, re.M):
                continue
            out.append(name)
    return out


def is_my_name(name: str) -> bool:
    """Whether an asked placeholder is a `MyServerName`-like stand-in (see my_names)."""
    return bool(_MY_NAME_RE.fullmatch(name))


def my_spans(text: str, names: set[str]) -> list[tuple[int, int, str]]:
    """(start, end, name) of each use of an asked `MyServerName`-like stand-in in `text`."""
    return [
        (m.start(), m.end(), m.group(0)) for m in _MY_NAME_RE.finditer(text) if m.group(0) in names
    ]


def shell_spans(text: str, names: set[str]) -> list[tuple[int, int, str]]:
    """(start, end, "$NAME") of each use of an asked shell variable in `text`."""
    out: list[tuple[int, int, str]] = []
    for match in _SHELL_VAR_RE.finditer(text):
        name = f"${match.group('b') or match.group('v')}"
        if name in names:
            out.append((match.start(), match.end(), name))
    return out


#: A line of sample log output ("I1130 12:15:18.635 1 leaderelection.go:243] ...",
#: "2023-11-06T11:11:41Z ...", a JSON log record): shown, its `<namespace>` never asked.
_LOG_LINE_RE = re.compile(
    r"^\s*(?:[IWEF]\d{4} \d{2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\{\"\w+\":|"
    r"(?:level|time|ts)=\S|(?-i:Log Name|Source|Date|Event ID|Task Category|Level|Keywords|"
    r"User|Computer|Description|Event Type|Event Source|Event Category):)",
    re.IGNORECASE,
)


def log_line(line: str) -> bool:
    """A line of sample log output, not a command."""
    return bool(_LOG_LINE_RE.match(line))


# --------------------------------------------------------------------------- verify

#: The verify of a modern article with no message to look for and no check of its own.
REDO_CHECK = (
    "Do again what you were doing when the problem appeared, and check that it no longer occurs."
)


#: "This article describes ...", "This alert is deprecated.", "Applies to: SQL Server",
#: "You see the problem that ...": about the article, not a happening to check for.
_ABOUT_ITSELF_RE = re.compile(
    r"^(?:_?applies to\b|this (?:article|document|page|alert|runbook|topic)\b|you see the "
    r"problem\b)",
    re.IGNORECASE,
)
_SCENARIO_RE = re.compile(
    r"^(?:consider the following scenario|assume that|assume the following)\b", re.I
)
#: "Work with a computer ...", "Use ...": a redo too vague to name; the message is the check.
_VAGUE_REDO_RE = re.compile(r"^(?:work|use|have|do|are|is|be)\b", re.IGNORECASE)


def redo_check(action: str, check: str) -> str:
    """ "Demote the domain controller again, and check that this no longer appears: <the
    message>": the symptom's action redone, then its message (never the whole symptom
    sentence with its lead-in); the message check alone when the action is vague; ""
    when the symptom quotes no message."""
    lead = "Check that this no longer appears: "
    if not check.startswith(lead):
        return ""
    if _VAGUE_REDO_RE.match(action):
        return check
    return (
        f"{action[0].upper()}{action[1:]} again, and check that this no longer appears: "
        + (check[len(lead) :])
    )


def alert_check(alert: str) -> str:
    """The verify of an alert runbook with no check of its own: the alert resolves (a
    concrete check, not a copy of the Meaning paragraph)."""
    return (
        f"Check that the {alert} alert clears: it no longer shows as firing in the "
        "console's Alerting page or in Alertmanager (allow for its evaluation interval)."
    )


# --------------------------------------------------------------------------- symptom choices

#: "Log Name: System Source: LsaSrv", "Event Type: Error": a field of an event-log entry,
#: part of the event the message before it names, never a message of its own.
_EVENT_FIELD_RE = re.compile(
    r"^(?:log name|event type|event source|source|event id|event category|task category|"
    r"date|time|level|keywords|user|computer|description)\s*:",
    re.IGNORECASE,
)
#: "If you try to create a new partition using Diskpart.exe", "Additionally, you may see
#: a pop-up window with the following information": what leads to a message, not one.
_CHOICE_LEAD_RE = re.compile(
    r"^(?:if|when|additionally|also|in addition|after|while)\b|\bthe following (?:information|"
    r"details|text)\b",
    re.IGNORECASE,
)
#: "When you try to start the X tool, you receive the following error message: Y": one
#: of a symptom's forms, with the case it appears in.
_CONDITIONAL_MESSAGE_RE = re.compile(
    r"^(?P<case>(?:scenario \d{1,2}:\s*)?(?:if|when|after|while)\b[^:]{5,200}?),?\s+you\s+"
    r"(?:may\s+|might\s+|will\s+)?(?:receive|get|see)\b[^:]{0,60}\bfollowing\b[^:]{0,40}:\s*"
    r"(?P<message>\S.{3,})$",
    re.IGNORECASE | re.DOTALL,
)
#: A message that is an event-log entry ("LsaSrv Event 45058", "Event ID: 1000").
_EVENT_RE = re.compile(r"\bevent(?: id)?:? \d{2,5}\b|\bevent (?:is|may be|will be) logged\b", re.I)


def symptom_choices(messages: list[str]) -> list[str]:
    """The messages a modern symptom offers as choices: no event-log field split from its
    event, no lead-in; an error and the event entry it writes are seen together, so two
    such messages are one symptom (no choice); [] when fewer than two remain."""
    kept = []
    for message in messages:
        if _EVENT_FIELD_RE.match(message):
            continue
        if _CHOICE_LEAD_RE.search(message):
            conditional = _CONDITIONAL_MESSAGE_RE.match(message)
            if conditional is None:
                continue  # a lead-in or a scene, not something seen
            # "If you have permissions ..., you receive the following message: X": that
            # case's message, labelled by its case
            message = f"{conditional['case']}: {conditional['message'].lstrip('> ')}"
        kept.append(message)
    if len(kept) == 2 and sum(bool(_EVENT_RE.search(m)) for m in kept) == 1:
        return []  # the error and its event entry: seen together
    return kept if len(kept) >= 2 else []


#: "If the VSS writers are now listed", "If the file is not replaced": what a step above
#: shows, read after running it, never asked before the checklist.
_LATER_RE = re.compile(
    r"\b(?:now|listed|replaced|reappears?|(?:is|are|was|were)(?: not|n't)? (?:fixed|solved|"
    r"resolved|gone|created|updated|removed))\b",
    re.IGNORECASE,
)


def later_case(cond: str) -> bool:
    """A step's condition that is the result of an earlier step (modern articles)."""
    return bool(_LATER_RE.search(cond))


def by_design_section(article: Article, section: Section) -> bool:
    """Whether a "by design" sentence in this section makes the article by design: in its
    symptom, cause or summary, or in a Status when it offers a workaround at most ("Status:
    by design" above a Resolution that changes the setting is no such article)."""
    if section.role in ("symptom", "cause", "summary"):
        return True
    return all(p.workaround for p in article.parts_by_role("resolution"))


#: "... verify that you see an error message entry that resembles the following:": what
#: follows is a sample of output, its `<Datetime>` and `<Server name>` never asked.
_SAMPLE_LEAD_RE = re.compile(
    r"\b(?:resembles?|similar to|(?:looks? )?like) the following\b|\b(?:sample|example)\s+"
    r"(?:(?:alert|error|event|log|console)\s+)?(?:output|message|entry|log|alert)s?\b",
    re.IGNORECASE,
)


def sample_lead(text: str) -> bool:
    """A step whose detail is a sample of what is shown, not a command to run."""
    return bool(_SAMPLE_LEAD_RE.search(text)) and not _RUN_WORD_RE.search(text)


#: "Run a command similar to the following:": a command to adapt, not a sample.
_RUN_WORD_RE = re.compile(r"\b(?:run|type|enter|execute|use|command|script|query|cmdlet)\b", re.I)


# --------------------------------------------------------------------------- log dumps

#: A quoted log longer than this is shown by its telling lines in a symptom.
MAX_LOG_CHARS = 300
#: A log line that says what went wrong ("Error: 17182, ...", "... failed with error
#: 0xd", "hr: 0x8077000e", "Access is denied").
_TELLING_RE = re.compile(
    r"\b(?:error|errors|fail(?:ed|s|ure)?|exception|denied|unable|cannot|could not|"
    r"invalid|not found|timed? ?out|deadlock(?:ed)?)\b",
    re.IGNORECASE,
)
#: What opens a log line and tells nothing: "<Datetime> Server", "[-,0x00c390:0xbb80:...]",
#: "2024-01-02 10:11:12.34", "spid5s".
_LOG_PREFIX_RE = re.compile(
    r"^(?:(?:<datetime>|\[[^\]]{0,60}\]|\d{4}-\d\d-\d\d[ T][\d:.,]+|\d\d:\d\d:\d\d[\d.,]*"
    r"|spid\w+|server|logon)[,;]?\s*)+",
    re.IGNORECASE,
)
#: The telling lines a symptom keeps of one log.
MAX_TELLING_LINES = 3


def strip_log_prefix(line: str) -> str:
    """A log line without its timestamp and thread prefix ("<Datetime> spid420")."""
    return _LOG_PREFIX_RE.sub("", line).strip()


#: A Windows servicing log's (CBS.log, DISM.log) record head: "Error CSI 00000001@<DateTime>
#: (F)", "Error [0x018005] CSI 0000002b (F)", "Info CBS": the same on every line.
_SERVICING_HEAD_RE = re.compile(
    r"^(?:info|error|warning|perf)\s+(?:\[0x[0-9a-f]+\]\s+)?(?:csi|cbs|dism|dpx|sxs)\b\s*"
    r"(?:[0-9a-f]{8}(?:@<datetime>)?\s+)?(?:\(F\)\s*)?",
    re.IGNORECASE,
)
#: "HRESULT = 800f0207 [Error,Facility=(000f),Code=519 (0x0207)]": the code decoded again.
_HRESULT_DECODE_RE = re.compile(r"\s*\[(?:error|warning|success),facility=[^\]]{0,60}\]", re.I)


def servicing_plain(line: str) -> str:
    """A servicing log line without its record head and its decoded HRESULT, so the
    telling part ("CMIADAPTER: AI failed. HRESULT = 800f0207") is what is shown."""
    if "[" not in line and not line[:8].lower().startswith(("info", "error", "warning", "perf")):
        return line  # cheap guard: most log lines have neither
    return _HRESULT_DECODE_RE.sub("", _SERVICING_HEAD_RE.sub("", line)).strip() or line


def log_excerpt(lines: Sequence[str]) -> str:
    """A long log's telling lines (errors and failures, their timestamps and thread
    prefixes dropped, each once), joined by " / "; "" when the log is short or none of
    its lines tells what went wrong."""
    kept = [" ".join(line.split()) for line in lines if line.strip()]
    if len(kept) < 3 or sum(map(len, kept)) <= MAX_LOG_CHARS:
        return ""
    telling: list[str] = []
    seen: set[str] = set()
    for line in kept:
        line = servicing_plain(strip_log_prefix(line))
        key = re.sub(r"0x[0-9a-f]+|\d+", "#", line.casefold())
        if line and _TELLING_RE.search(line) and key not in seen:
            seen.add(key)
            telling.append(shorten_line(line))
        if len(telling) >= MAX_TELLING_LINES:
            break
    return " / ".join(telling)


def shorten_line(line: str, limit: int = 200) -> str:
    """One log line at most `limit` characters: its first sentence, else cut at a word."""
    if len(line) <= limit:
        return line
    first = (split_sentences(line) or [line])[0]
    if len(first) <= limit:
        return first
    return line[:limit].rsplit(" ", 1)[0] + " [...]"


def listed_entries(block: ListBlock) -> list[tuple[str, str]]:
    """Each list item's name (its first paragraph) and the text of the output it shows."""
    found = []
    for item in block.items:
        first = next((b for b in item.blocks if isinstance(b, Paragraph)), None)
        shown = next((b for b in item.blocks if isinstance(b, (Code, Quote))), None)
        said = symptom_block_text(shown) if shown is not None else ""
        found.append((block_plain(first) if first is not None else "", said))
    return found


def event_fields(lines: Sequence[str]) -> bool:
    """Whether `lines` are a logged event's fields ("Source: VSS", "Event ID: 12292"): three
    "Key: value" lines, two of them an event's own keys; a CBS log's "Install mode:" and
    "Installer name:" lines are a log to excerpt, not an event to keep whole."""
    keyed = [line.strip() for line in lines if _RECORD_LINE_RE.match(line.strip())]
    return len(keyed) >= 3 and sum(bool(_EVENT_FIELD_RE.match(line)) for line in keyed) >= 2


def symptom_block_text(block: Block) -> str:
    """A symptom block as plain text, a long quoted or fenced log by its telling lines
    (the error, the failure) rather than its first 900 characters."""
    if isinstance(block, (Code, Quote)):
        raw = (
            block.code
            if isinstance(block, Code)
            else "\n".join(b.text.plain for b in block.blocks if isinstance(b, Paragraph))
        )
        lines = raw.split("\n")
        if event_fields(lines):
            return block_plain(block)  # an event's fields: record_message's, kept whole
        # code lines and a quote's rendered text: their backslashes are the reader's
        return log_excerpt([md_plain(line, unescape=False) for line in lines]) or block_plain(block)
    if isinstance(block, ListBlock):
        items = [
            " ".join(symptom_block_text(b) for b in item.blocks).strip() for item in block.items
        ]
        return "; ".join(i.rstrip(".;") for i in items if i) + "."
    return block_plain(block)
