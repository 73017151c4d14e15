"""Site values an archive step has the admin type that the article names only in prose.

Readers marked archive drafts that never asked a value their steps need: "Type the IP
address of your WINS server in the box", "type the name of the server", "Change the Local
Node ID by choosing the OK button" give no literal, so no detector asked it and the
checklist told the admin to type something it never named. The step's value is asked as
a placeholder named by what the step says (`<WINS_server_IP_address>`, typed by the
placeholder's own words: an IP address, a host name, an ID) and put into the step beside
the phrase: "Type the IP address of your WINS server (10.0.0.5) in the box".

Never asked: a password (a secret a checklist must not hold), a file, a product or a UI
label ("the name of the Exchange Server", "the Project Name"), a value the step already
gives ("... to 055", "(for example, X)", "...:" then a listing). Cheap: a substring test
before each regex; archive steps only.
"""

from __future__ import annotations

import re

from kbassist.drafting.option_model import Option
from kbassist.drafting.text import Hinted, split_detail, with_detail

#: Nouns of a thing on the admin's site whose name or address the step types.
_OWNERS = (
    r"server|computer|host|domain|machine|workstation|proxy(?: server)?|gateway|printer|"
    r"share|router|adapter|client"
)
#: Where an instruction begins: "Sysprep will not change the Product ID" is none.
# (at most three blanks after the mark: an unbounded run let every newline of a long blank
# run start a scan to its end, quadratic on 50 KB of them)
_CLAUSE = r"(?:^|(?<=[,;:.!?\n])\s{0,3}|\b(?:then|and|please)\s+)"
#: A step that says how the value is written (`<domain>\\<user>`, `\\\\server\\share`, "in
#: domain\\account format", "the following syntax"): the article gives its form; left alone.
_FORM_RE = re.compile(r"[<\\]|\bsyntax\b|\bformat\b|\bsuch as\b|:\s*$", re.IGNORECASE)
#: `_FORM_RE`'s words alone (its characters and its final colon are tested as strings).
_FORM_WORD_RE = Hinted(
    re.compile(r"\bsyntax\b|\bformat\b|\bsuch as\b", re.IGNORECASE), ("syntax", "format", "such as")
)


def _says_form(item: str) -> bool:
    """`_FORM_RE` finds a match in `item`, tested the cheap way: "<" or a backslash, a
    colon before trailing white space only (`rstrip` and `\\s` agree on white space),
    then the words, searched only when one is there (most steps have none)."""
    return (
        "<" in item
        or "\\" in item
        or item.rstrip().endswith(":")
        or _FORM_WORD_RE.search(item) is not None
    )


#: "type the IP address of your WINS server", "enter the name of the server", "type the
#: server name", "Type the user name": the verb, the value, and whose value it is.
_TYPE_RE = re.compile(
    _CLAUSE + r"(?:[Tt]ype|[Ee]nter|[Ss]pecify)\s+(?:in\s+)?(?:the|your)\s+(?:new\s+)?"
    r"(?:(?P<thing>IP address(?:es)?|(?:fully qualified )?(?:host|computer|server|domain|DNS|"
    r"NetBIOS) name|name)\s+(?:of|for)\s+(?P<det>(?:the|your|this|that)\s+)?"
    r"(?P<owner>(?:[A-Za-z0-9-]+\s+){0,2}?(?:" + _OWNERS + r")(?P<many>s)?)"
    r"|(?P<own>(?:host|computer|server|domain|NetBIOS|user|account) name))"
    # no value given after it: the clause ends, or a box / an "and" follows
    r"(?=\s*$|\s*[.,;]|\s+(?:in|into|on|and|box|field|then|when|that|you)\b)"
)
#: "Change the Local Node ID by ...", "change the Selected ID value": an ID or number the
#: step changes with no value to change it to.
_CHANGE_RE = re.compile(
    _CLAUSE + r"[Cc]hange\s+the\s+"
    r"(?P<id>(?:[A-Z][\w-]*\s+){1,3}(?:ID|[Nn]umber)(?:\s+\([A-Z]{2,5}\))?)"
    r"(?=\s+(?:by|in|on|and|,|\.)|[,.]|\s*$)"
)


#: "Type either the computer host name or the Internet Protocol (IP) address of the client
#: that you want to communicate with": two ways of naming one thing, asked as one value.
_EITHER_RE = re.compile(
    _CLAUSE + r"(?:[Tt]ype|[Ee]nter|[Ss]pecify)\s+either\s+the\s+"
    r"(?P<a>(?:[A-Za-z()]+\s+){0,3}?(?:name|address))\s+or\s+(?:the\s+|an?\s+)?"
    r"(?P<b>(?:[A-Za-z()]+\s+){0,3}?(?:name|address))\s+(?:of|for)\s+"
    r"(?P<det>the|your|this|that)\s+(?P<owner>(?:[A-Za-z0-9-]+\s+){0,2}?(?:" + _OWNERS + r"))"
    r"(?=\s*$|\s*[.,;]|\s+(?:in|into|on|and|box|field|then|when|that|you|to)\b)"
)
#: "to the drive where Microsoft Word is installed", "in the directory where Windows was
#: partially installed": the admin's own place of a named product (its name capitalised:
#: "where it is installed" names none), not followed by a verb of its own ("... is full").
_WHERE_RE = re.compile(
    r"\b(?:to|in|from|on|[Oo]pen|[Cc]lick|[Ss]elect|[Dd]elete|[Cc]hange)\s+the\s+"
    r"(?P<noun>drive|folder|directory)\s+(?:where|in which)\s+(?:the\s+|your\s+)?"
    r"(?P<subj>[A-Z][\w.]*(?:\s+[A-Z0-9][\w.]*){0,4})\s+(?:is|was|are|were)\s+"
    r"(?P<part>partially\s+)?installed\b(?!\s+(?:is|has|does|contains|must|should|will)\b)"
)


#: A drive and a folder (`C:\\SNDSYS`, `C:\\Program Files\\...`): a place the article gives.
_PATH_RE = re.compile(r"\b[A-Za-z]:\\[A-Za-z]")


def _gives_path(text: str) -> bool:
    """Whether `text` names a folder by its path (a bare `C:\\` is only a drive)."""
    return "\\" in text and _PATH_RE.search(text) is not None


def _either_phrase(found: re.Match[str]) -> str:
    """ "client host name or IP address": the owner, then both ways, without the article's
    spelled-out "Internet Protocol (IP)" and a "computer" before "host name"."""

    def way(text: str) -> str:
        text = re.sub(r"Internet Protocol \(IP\)", "IP", " ".join(text.split()))
        return re.sub(r"^computer (?=host name)", "", text)

    owner = " ".join(found.group("owner").split())
    a, b = way(found.group("a")), way(found.group("b"))
    if a.endswith("address") and b.endswith("name"):
        a, b = b, a  # a name first: the value is typed as a host, which an address also is
    if len(f"{owner} {a} or {b}") > 40:  # the input loop reads a placeholder of 40 at most
        a, b = " ".join(a.split()[-2:]), " ".join(b.split()[-2:])
    phrase = f"{owner} {a} or {b}"
    return phrase if len(phrase) <= 40 else ""


def _token(phrase: str) -> str:
    """`<WINS_server_IP_address>` of "WINS server IP address"."""
    words = re.findall(r"[A-Za-z0-9]+", phrase)
    return "<" + "_".join(words)[:48] + ">"


def _phrase(found: re.Match[str]) -> str:
    """What the value is, owner first: "WINS server IP address", "server name"."""
    if found.group("own"):
        return found.group("own")
    owner = " ".join(found.group("owner").split())
    if found.group("many"):  # "the IP addresses of WINS servers": WINS server IP addresses
        owner = owner[:-1]
    thing = found.group("thing")
    if thing == "name":
        return f"{owner} name"
    return f"{owner} {thing}"


def _said(text: str, form: bool = False, placed: bool = False) -> list[tuple[int, str, bool]]:
    """(where to insert, phrase, a "change ... to" step) of each site value the step
    types without giving it; with `form` (the step quotes a value or says how it is
    written) only a product's install place, which a quoted UI label does not give; with
    `placed` (the fix names a folder by its path) not that either."""
    out: list[tuple[int, str, bool]] = []
    low = text.casefold()
    if (
        not placed
        and "installed" in low
        and (" where " in low or " in which " in low)
        and "{" not in text
    ):
        for found in _WHERE_RE.finditer(text):
            if text[found.end() : found.end() + 2].lstrip().startswith(("(", ":", '"')):
                continue
            if "following" in low or low.startswith("if "):
                continue  # a command follows (it types the place), or a case not asked
            part = " partial-install" if found.group("part") else ""
            out.append((found.end(), f"{found.group('subj')}{part} {found.group('noun')}", False))
    if form:
        return out
    if "type" in low or "enter" in low or "specify" in low:
        for found in _TYPE_RE.finditer(text):
            end = found.end()
            if text[end : end + 2].lstrip().startswith(("(", ":", '"')):
                continue  # "(for example, X)", "...:" then the value: the article gives it
            if found.group("owner") and not found.group("owner").split()[-1].islower():
                continue  # "the name of the Exchange Server": a product
            if found.group("owner") and not found.group("det") and not found.group("many"):
                continue  # "the name of each server": the article's words, no one value
            if found.group("many") and not found.group("thing").endswith("es"):
                continue  # "the IP address of DHCP servers": which one is not said
            out.append((end, _phrase(found), False))
    if "either" in low and ("type" in low or "enter" in low or "specify" in low):
        for found in _EITHER_RE.finditer(text):
            if text[found.end() : found.end() + 2].lstrip().startswith(("(", ":", '"')):
                continue
            if phrase := _either_phrase(found):
                out.append((found.end(), phrase, False))
    if "change" in low and ("id" in low or "number" in low):
        for found in _CHANGE_RE.finditer(text):
            rest = text[found.end() :].lstrip()
            if rest.startswith(("to ", "(")):
                continue
            out.append((found.end(), re.sub(r"\s*\([A-Z]{2,5}\)$", "", found.group("id")), True))
    return out


def prose_value_steps(option: Option) -> None:
    """Put a placeholder beside each site value a step has the admin type but the article
    names only in prose, so the input loop asks it and the step shows the answer."""
    placed = any(_gives_path(item) for item in option.items)
    for n, item in enumerate(option.items):
        text, detail = split_detail(item)
        if "<" in item:
            continue  # a placeholder already: the step says what to type
        # a quoted value, or the step says how it is written: only an install place asked
        said = _said(text, '"' in text or _says_form(item), placed)
        if not said:
            continue
        for at, phrase, change in sorted(said, reverse=True):
            token = _token(phrase)
            text = (
                f"{text[:at]} {'to ' if change else '('}{token}{'' if change else ')'}{text[at:]}"
            )
            option.prose_values[token] = phrase
        option.items[n] = with_detail(text, detail)


def prose_lead(step: str) -> str:
    """How the input's text introduces the step: "has you type it" where it types one, "names
    it" where it acts on a place ("Delete ... in the directory where Windows was installed")."""
    low = step.casefold()
    if "type" in low or "enter" in low or "specify" in low or "change the" in low:
        return "The article has you type it but does not give it"
    return "The article names it but does not give it"


def prose_question(phrase: str) -> str:
    """ "Which WINS server IP address do you use?": the step's own words, as written."""
    return f"Which {phrase} do you use?"
