"""A modern article's own check as its fix's verify, and quoted messages without the
sub-heading glued onto them (drafting round 21).

MS support drafts verified by restating the symptom ("Check that this no longer appears:
Named Pipes A connection was successfully established ...") where the article says its
own check right after the fix's last step ("Restart SQL Server. The error log should now
indicate that a self-generated certificate is used."). The sentence is read by its shape
(a thing that "should now" show or be something, "you should see", "after you restart,
X shows Y"), never by article, and only in the fix it follows: nothing is invented when the
fix says no check of its own. A message quoted back drops the label that named it in the
Symptoms ("**Named Pipes**", "- By using the Services applet:"): readers saw the label
glued onto the message as if it were part of it.
"""

from __future__ import annotations

import re

from kbassist.drafting.text import split_sentences

#: "The error log should now indicate that ...", "The device should then be listed", "All
#: nodes should now show Ready": what a thing (never a person: "You should now restart X",
#: "Users should then run Y" are steps) shows once the fix is in; also "You should now see
#: X" / "be able to X".
_SHOULD_NOW_RE = re.compile(
    r"^(?:(?:after|once|when)\s[^,.;:]{3,80},\s+)?"
    r"(?:(?!(?:you|we|they|users?|admins?|administrators?|customers?|operators?)\b)"
    r"(?:the|a|an|this|that|these|those|its|your|all|each|every|[A-Z][\w.-]*)"
    r"\b[^.;:!?]{0,100}?\s+should\s+(?:now|then)\s+(?:also\s+)?"
    r"(?:indicate|show|list|display|report|return|contain|include|reflect|read|match|appear"
    r"|be|have|work|succeed|start|run|connect|load|open|print|respond|function|complete"
    r"|pass|sync|synchronize|replicate|resolve|point|say|state)\b"
    r"|you\s+should\s+(?:now|then)\s+(?:see|be able to|receive|get|notice|find)\b)",
    re.IGNORECASE,
)
#: "After you restart the service, the Status column shows Running": what the admin sees
#: after the fix's last action, said as a fact.
_AFTER_SHOWS_RE = re.compile(
    r"^(?:after|once)\s+(?:you\s+)?(?:restart|reboot|rerun|re-run|run|refresh|sign|log)"
    r"[^,.;:]{0,80},\s+(?!you\b)(?:the|a|an|this|its|your|[A-Z][\w.-]*)\b[^.;:]{2,100}?\s+"
    r"(?:now\s+)?(?:shows?|lists?|displays?|indicates?|reports?|returns?|reads?|appears?"
    r"|(?:is|are)\s+(?:now\s+)?(?:listed|shown|displayed|running|started|enabled|online"
    r"|healthy|ready|available))\b",
    re.IGNORECASE,
)
#: Words in a check sentence that make it a condition or advice, not what is seen.
_NOT_SEEN_RE = re.compile(r"^(?:if|unless|otherwise|however)\b|\?$", re.IGNORECASE)


def own_check_sentence(sentence: str) -> bool:
    """Whether a sentence after a fix's step is the article's own check of it ("The error
    log should now indicate that a self-generated certificate is used.")."""
    said = " ".join(sentence.split())
    if not said or len(said) > 300 or _NOT_SEEN_RE.search(said):
        return False
    if "should" in said.casefold():
        return bool(_SHOULD_NOW_RE.match(said))
    return bool(_AFTER_SHOWS_RE.match(said))


def detail_checks(detail: str) -> tuple[str, list[str]]:
    """(the detail without them, the checks): the opening sentences of the paragraph shown
    under a fix's last step that say what it shows once done ("The error log should now
    indicate ..."); the rest of the paragraph (advice, other cases) stays shown."""
    if "should" not in detail and "fter" not in detail and "nce" not in detail:
        return detail, []
    first, sep, rest = detail.strip().partition("\n\n")
    if "\n" in first:  # a listing or a table, not a sentence
        return detail, []
    sentences = split_sentences(" ".join(first.split()))
    checks: list[str] = []
    while sentences and own_check_sentence(sentences[0]):
        checks.append(sentences.pop(0))
    if not checks:
        return detail, []
    kept = " ".join(sentences)
    return (f"{kept}{sep}{rest}" if kept else rest.strip()), checks


# --------------------------------------------------------------------------- glued labels

#: A label that names the message under it in a Symptoms section: a bold-only line
#: ("**Named Pipes**"), a heading, or a list item's lead that ends with a colon ("- By
#: using the Services applet:", "- At SQL Server start up:").
_LABEL_LINE_RE = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+|\d{1,2}[.)][ \t]+)?(?:\*\*|__)(?P<b>[^*_\n]{2,60}?)(?:\*\*|__)"
    r"[ \t]*:?[ \t]*$"
    r"|^[ \t]*#{2,6}[ \t]+(?P<h>[^\n]{2,60}?)[ \t]*$"
    r"|^[ \t]*[-*+][ \t]+(?P<l>[^\n:>`]{2,60}):[ \t]*$",
    re.MULTILINE,
)
#: The longest label (in words) dropped from a quoted message.
MAX_LABEL_WORDS = 8
#: A verify that quotes a message back: the message starts after this.
_QUOTED_AT_RE = re.compile(r'\bno longer (?:appears|happens|occurs): |\bthe message "')


#: A line of a quoted message that is a dialog's title, not the message: short, no
#: sentence end ("> Zone Not Loaded by DNS Server", "Connect to Printer", "========").
_TITLE_LINE_RE = re.compile(r"^(?:[A-Z0-9][\w'&/()-]*(?: [\w'&/()-]+){0,5}|[=_*-]{3,})$")
#: The longest dialog title (in lines) read at the head of a quote.
MAX_TITLE_LINES = 3


def _quote_titles(markdown: str) -> list[str]:
    """Dialog titles at the head of a quoted message, each joined as the symptom text
    joins them ("Add Printer Connect to Printer" over "Windows couldn't connect ...")."""
    titles: list[str] = []
    lines = markdown.split("\n")
    for n, line in enumerate(lines):
        if not line.lstrip().startswith(">") or (n and lines[n - 1].lstrip().startswith(">")):
            continue  # the first line of a quote only
        head: list[str] = []
        for k in range(n, min(n + MAX_TITLE_LINES + 1, len(lines))):
            said = re.sub(r"^[ \t]*>?[ \t]*|\\(?=[=_*-])|[ \t\\]+$", "", lines[k])
            if not said:
                break
            # "Folder In Use", "========"; never "Access is denied" (a message, said in a
            # sentence's case) nor "Error 1205" (the message's number: it names it)
            title = (
                _TITLE_LINE_RE.match(said)
                and not re.search(r"\d", said)
                and all(w[:1].isupper() or len(w) < 4 or not w[:1].isalpha() for w in said.split())
            )
            if not title or len(head) == MAX_TITLE_LINES:
                if head:  # a message follows its title
                    titles.append(" ".join(head))
                break
            head.append(said)
    return titles


def symptom_section_labels(markdown: str) -> list[str]:
    """The labels a Symptoms section's Markdown names messages by (for the bench)."""
    return _labels(markdown)


def _labels(markdown: str) -> list[str]:
    """The labels a section's Markdown names messages by (bold lines, headings, list
    leads, dialog titles over a quote), longest first."""
    found = {
        " ".join((m.group("b") or m.group("h") or m.group("l")).replace("*", "").split())
        for m in _LABEL_LINE_RE.finditer(markdown)
    }
    if ">" in markdown:
        found.update(_quote_titles(markdown))
    return sorted((x for x in found if len(x.split()) <= MAX_LABEL_WORDS), key=len, reverse=True)


def _quoted_under(label: str, markdown: str) -> str:
    """The message quoted right under `label`'s line ("**Named Pipes**" over "> A
    connection was ..."), its whole first sentences; "" when no quote follows."""
    from kbassist.drafting.verify import whole_sentences

    for found in _LABEL_LINE_RE.finditer(markdown):
        named = found.group("b") or found.group("h") or found.group("l")
        if " ".join(named.replace("*", "").split()) != label:
            continue
        quote = re.match(r"(?:[ \t]*\n)*((?:[ \t]*>[^\n]*(?:\n|$))+)", markdown[found.end() + 1 :])
        if quote is None:
            return ""
        said = " ".join(re.sub(r"^[ \t]*>[ \t]?", "", quote.group(1), flags=re.M).split())
        said = re.sub(r"\*\*|__|`", "", said)
        return whole_sentences(said, 240) if len(said) > 240 else said
    return ""


def without_glued_label(verify: str, markdown: str) -> str:
    """`verify` with the Symptoms label glued before its quoted message dropped ("...
    appears: Named Pipes A connection was ..." -> "... appears: A connection was ...");
    `verify` unchanged when no label of `markdown` opens the message."""
    at = _QUOTED_AT_RE.search(verify)
    if at is None or not any(mark in markdown for mark in ("**", "#", ":\n", ">")):
        return verify
    message = verify[at.end() :]
    for label in _labels(markdown):
        if not message.startswith(label):
            continue
        if not message[len(label) :].strip(" .:"):
            # the label alone ("... appears: Named Pipes"): the message quoted under it
            under = _quoted_under(label, markdown)
            return verify[: at.end()] + under if under else verify
        rest = message[len(label) :]
        glued = re.match(r":?\s+(?=[A-Z0-9\"'\u201c(\[])", rest)
        if glued and len(rest) - glued.end() >= 12:  # a message follows, not a word of it
            return verify[: at.end()] + rest[glued.end() :]
    return verify


#: A message choice read with the label over its quote: "Named Pipes > A connection was
#: ...", "By using the Services applet: > Windows could not start ...".
_LABEL_OVER_QUOTE_RE = re.compile(
    r"^(?P<label>[^>\"\u201c\u201d]{2,60}?):?\s+>\s+(?P<rest>[A-Z0-9\"'\u201c(\[].*)$", re.DOTALL
)


def message_without_label(message: str) -> str:
    """A quoted message without the label its Markdown put over it ("Named Pipes > A
    connection was ..." -> "A connection was ..."); `message` unchanged otherwise."""
    if ">" not in message:
        return message
    found = _LABEL_OVER_QUOTE_RE.match(message)
    if found is None or len(found.group("label").split()) > MAX_LABEL_WORDS:
        return message
    rest = found.group("rest")
    return rest if len(rest.split()) >= 3 else message
