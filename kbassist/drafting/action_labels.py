"""Fix labels that name the action, not the sentence around it.

The admin picks a fix by its label, so the label must say what the fix does. Four shapes
of label say something else, and each is renamed here from the article's own words:

- a reason or concession cut before its main clause ("Even though the dialog editor does
  not display X", "Because there is no exposed method for Y"): named by that main
  clause's action ("you can change the size of the gray box" -> "Change the size of the
  gray box"; "a direct call to X must be made" -> "Make a direct call to X");
- the fix's first UI step ("On the StarLancer startup screen, click Game Options") or a
  step count ("Resolution (5 steps)"): named by what its lead says the steps do ("To
  work around this issue, configure the game to use the software renderer:");
- a pointer at what it does not say ("Set the data access mode to one of the following
  modes", "Configure the following policy to Prompt for consent"): the pointing phrase
  dropped, or the short thing pointed at put in its place;
- a bare line to type ("ODBCINT.DLL = ODBCINT.DLL"): named by the article's step that
  introduces it ("Add ODBCINT.DLL = ODBCINT.DLL in the [Files] section of SETUP.LST").

A label is only replaced by a complete phrase of at most LIMIT characters; otherwise it
is left as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from kbassist.drafting.labels import (
    _INFINITIVE_END_RE,
    _PREFIX_RE,
    _balance,
    _cleaned,
    _ends_open,
    _found,
    _lead_action,
    _purpose,
)
from kbassist.drafting.text import clean, split_sentences

#: The longest label a rename here writes.
LIMIT = 72
#: The longest label body renamed: past it the "label" is a paragraph.
MAX_BODY = 240
#: How much of a fix's lead is read for what its steps do: its first sentences.
MAX_LEAD = 1200

#: A clause giving a reason or a concession before the action.
_REASON_RE = re.compile(
    r"^(?:even though|although|though|because|since|whereas|despite|in spite of)\s", re.I
)
#: A clause giving when, before the action ("After you create the package, ..."), or a
#: case that only says the fix before did not work ("If the problem persists, ..."): a
#: case that tells fixes apart ("If you can connect by IP address") stays the label.
_CASE_RE = re.compile(
    r"^(?:after|once)\s|^(?:if|when|unless)\s(?:the|this|that)\s(?:problem|issue|error"
    r"|behaviou?r)\s(?:still\s)?(?:persists|continues|remains|occurs|is not resolved)\b",
    re.IGNORECASE,
)
#: "you can X", "you must X": the action, said to the reader.
_YOU_RE = re.compile(
    r"^(?:then\s+)?you (?:(?:may|might|would) want to|can|must|should|may|need to|have to"
    r"|will need to)(?: also| first)?\s+"
    r"(?=[a-z])",
    re.IGNORECASE,
)
#: "a direct call to X must be made": the action said in the passive.
_PASSIVE_RE = re.compile(
    r"^(?P<obj>(?:the|a|an|this|these|each|all|any|your)\s[^,;:]{2,80}?)\s+"
    r"(?:must|should|can|has to|have to|needs to|need to)\s+(?:first\s+)?be\s+(?P<verb>[a-z]+)\b"
    r"(?P<rest>[^,;:]*)",
    re.IGNORECASE,
)
#: Participles of the passive main clauses above, with their imperative.
_PARTICIPLES = {
    "made": "Make",
    "used": "Use",
    "set": "Set",
    "called": "Call",
    "added": "Add",
    "changed": "Change",
    "installed": "Install",
    "removed": "Remove",
    "deleted": "Delete",
    "run": "Run",
    "created": "Create",
    "enabled": "Enable",
    "disabled": "Disable",
    "sent": "Send",
    "applied": "Apply",
    "configured": "Configure",
    "restarted": "Restart",
    "modified": "Modify",
    "replaced": "Replace",
    "registered": "Register",
    "renamed": "Rename",
    "copied": "Copy",
    "edited": "Edit",
    "specified": "Specify",
    "declared": "Declare",
    "updated": "Update",
    "stopped": "Stop",
    "started": "Start",
    "reinstalled": "Reinstall",
    "granted": "Grant",
    "assigned": "Assign",
    "moved": "Move",
    "turned": "Turn",
}
#: A main clause that only announces steps ("follow these steps"), not an action.
_ANNOUNCES_RE = re.compile(
    r"^(?:please\s+)?(?:follow|use|do|perform|complete|try|see|read|apply|carry out|refer)\s+"
    r"(?:these|the following|one of|this|the steps|any of|either)\b",
    re.IGNORECASE,
)
#: "you may have a DNS problem", "you want to": a finding or a wish, not an action.
_FINDING_RE = re.compile(r"^(?:have|be|see|get|notice|receive|want|need|wish|find)\b", re.I)
#: A word pointing back into the clause before: the action says nothing without it.
_PRONOUN_RE = re.compile(r"\b(?:it|its|them|they|their)\b", re.IGNORECASE)
#: A label counting its steps: "Resolution (5 steps)".
_COUNT_RE = re.compile(r"^(?P<head>[A-Z][\w ]{1,40}?) \(\d+ steps?\)$")
#: A label that only gets somewhere: "On the StarLancer startup screen, click Game Options".
_NAV_RE = re.compile(
    r"^(?:(?:on|in|at|from|under|within) [^,]{2,80}, )?(?:click|double-click|right-click"
    r"|select|choose|open|start|press|go to|navigate|browse|expand|point to|log (?:on|in))\b",
    re.IGNORECASE,
)
#: "follow these steps to reset the size of X:": what the steps do.
_STEPS_TO_RE = re.compile(
    r"\b(?:follow|use|perform|complete)\s+(?:these|the following)\s+(?:steps|procedures?"
    r"|instructions)\s+to\s+(?P<what>[a-z][^,.:;]{4,90})",
    re.IGNORECASE,
)
#: " to one of the following modes", " in the following location": a trailing pointer.
_TAIL_POINTER_RE = re.compile(
    r"(?<!\s)\s+(?:to|in|into|from|with|as|under|on|for|at|by using|using)\s+"
    r"(?:one of\s+|any of\s+|each of\s+|all of\s+)?(?:the|these)\s+following(?:\s+[a-z]+){0,2}$",
    re.IGNORECASE,
)
#: "the following policy", "the following": the pointer as the label's object.
_OBJECT_POINTER_RE = re.compile(r"\bthe following(?: (?P<noun>[a-z]+))?\b", re.IGNORECASE)
#: A bare line to type: "ODBCINT.DLL = ODBCINT.DLL", "Device=C:\\X.SYS".
_CODE_LINE_RE = re.compile(r"^[\w.$\\/:~-]{2,60}\s*=\s*[\w.$\\/:~ \"-]{0,60}$")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _short(text: str) -> str:
    """`text` as a whole phrase of at most LIMIT characters, cut before a purpose or a
    manner ("... of the gray box" + " to reflect the desired placement"), or ""."""
    text = " ".join(text.split()).rstrip(" .:;,")
    if " (<" in text:  # "the directory where X was installed (<X_directory>)": the asked
        text = re.sub(r" \(<[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+>\)", "", text)  # value, never named
    if len(text) <= LIMIT:
        return "" if _ends_open(text) else text
    cuts = [
        m.start()
        for m in re.finditer(
            r"\s(?:to|so that|so|in order to|by|because|which|that|when|if|where|with|from"
            r"|for|using|via)\s|,\s",
            text,
        )
        if 12 <= m.start() <= LIMIT
    ]
    for at in reversed(cuts):
        head = text[:at].rstrip(" ,;:")
        if len(head.split()) >= 3 and not _ends_open(head):
            return head
    return ""


def _main_action(rest: str, is_action: Callable[[str], bool]) -> str:
    """The action a main clause says: "you can change X" -> "Change X", "X must be made"
    -> "Make X", an imperative as it is; "" when it says none."""
    rest = rest.strip()
    said = _YOU_RE.match(rest)
    if said:
        act = _cap(rest[said.end() :])
        return "" if _ANNOUNCES_RE.match(act) or _FINDING_RE.match(act) else act
    passive = _PASSIVE_RE.match(rest)
    if passive and passive.group("verb").casefold() in _PARTICIPLES:
        obj = passive.group("obj")
        obj = obj[:1].lower() + obj[1:] if not re.match(r"[A-Z]{2}", obj) else obj
        return f"{_PARTICIPLES[passive.group('verb').casefold()]} {obj}{passive.group('rest')}"
    if is_action(_cap(rest)) and not _ANNOUNCES_RE.match(rest):
        return _cap(rest)
    return ""


def _sentence_from(body: str, sources: Sequence[str]) -> str:
    """The article's sentence that starts with `body`, or ""."""
    key = body.casefold()
    for source in sources:
        text = _cleaned(source)
        if key not in text.casefold():
            continue
        for sentence in split_sentences(text):
            if sentence.casefold().startswith(key):
                return sentence
    return ""


def _after_clause(
    body: str, sources: Sequence[str], is_action: Callable[[str], bool], case: bool
) -> str:
    """The action after a leading reason or case clause that `body` is (or starts)."""
    sentence = _sentence_from(body.split(", ")[0], sources)
    if not sentence:
        return ""
    if case and not (", " in body or sentence[len(body) : len(body) + 1] == ","):
        return ""  # "If you have already installed X": a case label, whole
    for found in re.finditer(r",\s+", sentence):
        if found.start() < 8:
            continue
        act = _main_action(sentence[found.end() :], is_action)
        if act and _PRONOUN_RE.search(" ".join(act.split()[:8])):
            return ""  # "select them each time": what "them" is stays in the clause
        if act:
            return _short(act)
    return ""


def _lead_name(lead: str) -> str:
    """What a fix's lead says its steps do: "To work around this issue, configure the game
    to use the software renderer:", "follow these steps to reset the size of X:"."""
    lead = lead[:MAX_LEAD]  # its first sentences say it
    said = _lead_action(lead)
    if said and not _NAV_RE.match(said) and not _ANNOUNCES_RE.match(said):
        return _short(said)
    for sentence in split_sentences(clean(lead))[:2]:
        found = _STEPS_TO_RE.search(sentence)
        if found:
            return _short(_cap(found.group("what")))
    said = _purpose(lead)
    return _short(said) if said and not _NAV_RE.match(said) else ""


def _referent(body: str, items: Sequence[str], details: Sequence[str]) -> str:
    """The short thing "the following" points at: the rest of the step after its colon
    ("...: User Account Control: Behavior of ..." -> "User Account Control") or the first
    line under it ("ODBCINT.DL_  =  ODBCINT.DLL"); "" when none is short and plain."""
    key = body.casefold()[:50]
    for n, item in enumerate(items[:3]):
        text = " ".join(item.split())
        if not text.casefold().startswith(key):
            continue
        after = text[len(body) :].lstrip()
        found = after[1:].strip() if after.startswith(":") else ""
        if not found and n < len(details):
            lines = [x.strip() for x in details[n].splitlines() if x.strip()]
            found = lines[0] if lines else ""
        found = " ".join(found.split()).strip("`*")
        if (
            not after.startswith(":")
            and n < len(details)
            and sum(bool(x.strip()) for x in details[n].splitlines()) != 1
        ):
            return ""  # the first of several lines is not what "the following" points at
        if re.match(r"(?:warning|note|important|caution)\b|[-*\d]", found, re.I) or re.match(
            r"^[A-Z][A-Z ]+$", found
        ):
            return ""  # a note, a list item or a heading, not the thing itself
        head = found.split(": ", 1)[0]
        if ": " in found and 3 <= len(head) <= 40:
            found = head
        if re.match(r"^[A-Z][A-Z ]+$", found):
            return ""  # "STATUS": a heading, not the thing itself
        if 3 <= len(found) <= 40 and not re.search(r"[.;!?]\s|[.;!?]$", found):
            return found
        return ""
    return ""


def _pointer_named(
    body: str, items: Sequence[str], details: Sequence[str], is_action: Callable[[str], bool]
) -> str:
    """`body` without a pointer at what it does not say: the trailing pointer dropped ("Set
    X to one of the following modes" -> "Set X"), or the pointer as object replaced by
    what it points at ("Configure the following policy to Y" -> "Configure the User
    Account Control policy to Y"); "" when neither reads whole."""
    tail = _TAIL_POINTER_RE.search(body)
    if tail:
        head = body[: tail.start()].rstrip(" ,")
        if re.search(r"\b(?:look|search|check|wait|ask|apply|pay)$", head, re.I):
            return ""  # "look" + " for the following entries": the verb needs it
        if len(head.split()) >= 3 and not _ends_open(head) and is_action(head):
            return _short(head)
        return ""
    found = _OBJECT_POINTER_RE.search(body)
    if not found or not is_action(body):
        return ""
    thing = _referent(body, items, details)
    if not thing or thing.casefold() in body.casefold():
        return ""  # "[Custom Menus]" in "... the MSMAIL.INI [Custom Menus] section": a header
    noun = found.group("noun")
    if re.search(r"\bas follows\b", body, re.I) or (
        noun and (noun.endswith("s") or noun in _COUNT_WORDS)
    ):
        return ""  # "the following files", "the following two lines": more than one thing
    said = f"the {thing} {noun}" if noun and noun not in ("in", "to", "at", "on") else thing
    if noun in ("in", "to", "at", "on"):
        said += f" {noun}"
    named = _short(body[: found.start()] + said + body[found.end() :])
    return named if thing in named and _balance(named) < 0 else ""


_COUNT_WORDS = frozenset("two three four five six several few many more".split())


def _code_named(code: str, section_text: str) -> str:
    """A bare line to type named by the step that introduces it: the last line ending in
    a colon before it that says "the following" ("Add the following in the [Files]
    section of SETUP.LST:"), with the line in its place; "" when there is none."""
    want = " ".join(code.split())
    lines = section_text.splitlines()
    for n, line in enumerate(lines):
        if " ".join(line.split()) != want:
            continue
        for back in range(n - 1, max(-1, n - 12), -1):
            said = " ".join(lines[back].split())
            said = re.sub(r"^(?:\d+[.)]|[-*])\s+", "", said)
            if said.endswith(":") and _OBJECT_POINTER_RE.search(said):
                found = _OBJECT_POINTER_RE.search(said)
                assert found is not None
                noun = found.group("noun") or ""
                rest = said[found.end() :].rstrip(":")
                if noun in ("in", "to", "at", "on"):
                    rest = f" {noun}{rest}"
                elif noun:
                    return ""  # "the following entries": the line is one of several things
                return _short(said[: found.start()] + want + rest)
        return ""
    return ""


#: "This is by design", "This behavior is expected": the article's verdict, not a fix.
_BY_DESIGN_RE = re.compile(
    r"^(?:this|that|the)(?: [\w-]+){0,2} is (?:by design|expected(?: behaviou?r)?)\.?$",
    re.IGNORECASE,
)


def action_label(
    label: str,
    lead: str,
    items: Sequence[str],
    details: Sequence[str],
    sources: Sequence[str],
    section_text: str,
    is_action: Callable[[str], bool],
) -> str:
    """`label` named by the action its fix takes when it names a reason, a case cut at
    its comma, a first click, a step count, a pointer or a bare line to type instead;
    `label` unchanged when the article says no better name (see the module's doc)."""
    count = _COUNT_RE.match(label)
    if count:
        said = _lead_name(lead)
        return f"{count.group('head')}: {said}" if said else label
    prefix_match = _PREFIX_RE.match(label)
    prefix = prefix_match.group(0) if prefix_match else ""
    body = label[len(prefix) :].strip()
    if not body or len(body) > MAX_BODY:
        return label  # no label: a paragraph given as one is not renamed word by word
    said = ""
    if _BY_DESIGN_RE.match(body) and items and is_action(items[0]):
        # "This is by design." opened the paragraph: the fix is what it then says to do
        said = _short(items[0])
    elif _REASON_RE.match(body) or _CASE_RE.match(body):
        said = _after_clause(body, sources, is_action, case=not _REASON_RE.match(body))
    elif _NAV_RE.match(body) and len(items) >= 2 and _starts(items[0], body):
        # the first of several steps (one step is the fix itself)
        said = _lead_name(lead)
    elif _OBJECT_POINTER_RE.search(body) and not re.search(
        r"\bthe following\b[^:]{0,80}:\s*\S", body, re.I
    ):
        said = _pointer_named(body, items, details, is_action)
    elif _CODE_LINE_RE.match(body) and not re.search(r"\b[a-z]{3,}\s+[a-z]{2,}\b", body):
        said = _code_named(body, section_text)
    if not said and _is_cut(body, sources):
        said = _phrase_named(body, sources, is_action)
    return prefix + said if said else label


#: " of the Voodoo Rush reference driver" (up to where a new phrase starts): the rest of a
#: noun phrase the label was cut inside.
_OF_PHRASE_RE = re.compile(
    r"^ of (?:the |a |an |your |this |that )?[\w.'/-]+(?: [\w.'/-]+){0,6}?"
    r"(?=[,;:()]|\.(?:\s|$)| (?:from|to|for|by|with|that|which|in|on|at|using|via|when|if"
    r"|and|or|so|because)\b|$)"
)


def _is_cut(body: str, sources: Sequence[str]) -> bool:
    """Whether the article goes on after `body` inside its phrase (" of ...", " to ...")."""
    text, end = _found(body, sources)
    return end >= 0 and bool(re.match(r" (?:of|to) [\w\"]", text[end : end + 40]))


def _phrase_named(body: str, sources: Sequence[str], is_action: Callable[[str], bool]) -> str:
    """A label cut inside its phrase, whole: on through the noun phrase it was cut in
    ("Download and install the latest version" + " of the Voodoo Rush reference
    driver"), or back to before its purpose ("Use the X command to set the zone
    transfers" + " to name servers only": "Use the X command"); "" when neither fits."""
    text, end = _found(body, sources)
    rest = text[end : end + 200]
    found = _OF_PHRASE_RE.match(rest)
    if (
        found
        and len(body.split()) >= 3
        and not re.search(r"\binstead$", body, re.I)
        and not re.search(
            r"\b(?:following|should|must|is|are|was|were|can|will|may|has|have)\b", found.group(0)
        )
        and len(body) + found.end() <= LIMIT + 10
    ):
        whole = body + found.group(0)
        if not _ends_open(whole):
            return whole
    if rest.startswith(" to ") and "following" not in body:
        purpose = [m.start() for m in re.finditer(r" to (?=[a-z]+ )", body) if m.start() >= 12]
        for at in purpose:
            head = body[:at]
            if _INFINITIVE_END_RE.search(head) or re.search(r"\b(?:want|wants|how)$", head):
                continue  # "you want" + " to install X": the verb's own infinitive
            if (
                len(head.split()) >= 3
                and not _ends_open(head)
                and is_action(head)
                and is_action(_cap(body[at + 4 :]))
            ):
                return head
    return ""


def _starts(item: str, body: str) -> bool:
    """Whether the step starts with the label (the label is the step, maybe cut)."""
    return " ".join(item.split()).casefold().startswith(body.rstrip(". ").casefold()[:60])
