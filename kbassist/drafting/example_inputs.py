"""Values the admin must supply that the article only shows by an example.

Readers marked drafts that never asked "Append the 2-digit carrier codes to these fields
(example: 055 and 0055)" (the carrier code) or the account of "For example: IIS Server
user account = IUSR_IISBOX / Remote server: Create an account called IUSR_IISBOX ...",
where the example's literal name stood in as the action. The article says the value is an
example: it is asked, typed by what the instruction names (an account, a host name, a
code), with the example as its default, and put into the step where the example stood.

Cheap: each test is a substring test before any regex (the archive has ~1,100 articles
with an "example" parenthetical; most are no value to type and are left alone).
"""

from __future__ import annotations

import re

from kbassist.drafting.text import split_camel

#: "(example: 055 and 0055)", "(for example, SERVER1)", "(e.g. 8080)": the first value of
#: an example parenthetical, one token (no spaces), up to "and" / "or" / "," / ")".
_PAREN_RE = re.compile(
    r"\((?P<lead>(?:for\s+)?example[:,]?|e\.g\.,?)\s+(?P<body>"
    r"[\"'`]?(?P<v>[A-Za-z0-9][\w.$\\-]{0,39}?)[\"'`]?"
    r"(?:\s*(?:,|\band\b|\bor\b)\s*[\"'`]?[\w.$-]+[\"'`]?){0,3}"
    r"(?:,?\s*(?:and so on|and so forth|etc)\.?)?)\)",
    re.IGNORECASE,
)
#: An instruction that has the admin supply or name a value: the verb begins a clause
#: ("Type a label name for the project", "..., and then right-click the server name").
_SUPPLY_RE = re.compile(
    r"(?:^|[,;:]\s*|\bthen\s+|\band\s+)(?:type|enter|append|add|specify|set|call|create|"
    r"change|assign|use|fill in|give|rename|(?:right-|double-)?click|select|name)\b",
    re.IGNORECASE,
)
#: What an example value is of, by the noun that names it (last matching word wins):
#: (words, kind). The kind types the input (tree._KIND_FORMAT).
_NOUNS: tuple[tuple[frozenset[str], str], ...] = (
    (frozenset({"port"}), "port"),
    (frozenset({"account", "accounts", "user", "username", "login"}), "account"),
    (frozenset({"server", "computer", "machine", "host", "hostname", "fqdn"}), "host name"),
    (frozenset({"code", "codes", "prefix", "suffix", "id", "number", "value"}), "value"),
    (frozenset({"name", "names", "alias", "label", "variable", "share", "folder"}), "name"),
    (frozenset({"domain"}), "name"),
)
_NOUN_WORDS = frozenset(w for words, _ in _NOUNS for w in words)
#: The phrase that names the value: "the 2-digit carrier codes", "a server name".
_PHRASE_RE = re.compile(
    r"\b(?:the|your|a|an|new|this|these|another|other|different|unique)\s+"
    r"((?:[\w'’-]+\s+){0,3}(?:"
    + "|".join(sorted(_NOUN_WORDS, key=len, reverse=True))
    + r"))\b(?!['’]s\b)",
    re.IGNORECASE,
)
#: "For example:" then "IIS Server user account = IUSR_IISBOX": a label and its example.
_LABELLED_RE = re.compile(
    r"(?:^|\n|\x1f|:\s+)(?P<label>[A-Z][\w ]{2,40}?)\s*=\s*(?P<v>[A-Za-z_][\w.$-]{2,39})(?=\s|$)"
)
#: A value that is a file, a path, a URL or a plain word of prose: never an input here
#: (files and paths have their own detectors; "Notepad" is a product).
_NOT_VALUE_RE = re.compile(r"[\\/:]|\.(?:[A-Za-z]{2,4})$")
#: An IP address: its kind whatever the sentence calls it.
_IP_RE = re.compile(r"(?:\d{1,3}\.){3}\d{1,3}")
#: A host's dotted name (`client.subdomain.domain.com`), an account as DOMAIN\user.
_FQDN_RE = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_DOMAIN_USER_RE = re.compile(r"[A-Za-z0-9_.-]+\\[A-Za-z0-9_.$-]+")
#: Where the clause that names the example begins: "..., and then click the protocol".
_OTHER_THING_RE = re.compile(r"\b(?:and|or)\s+(?:the|a|an|your)\b", re.IGNORECASE)
_SHOWN_RE = re.compile(r"\bwhere\b|\bthe (?:default|current)\s*$|\bdisplayed\b", re.IGNORECASE)
_CLAUSE_RE = re.compile(r".*(?:[,;:]\s+|\bthen\s+)", re.DOTALL)


def _is_value(literal: str, kind: str = "") -> bool:
    """A token the admin types (has a digit, an underscore or an inner capital), not a
    file, path or an everyday word ("Monday", "Notepad"); a host's dotted name or an
    account's DOMAIN\\user where the instruction names one."""
    if kind == "host name" and _FQDN_RE.fullmatch(literal):
        return True
    if kind == "account" and _DOMAIN_USER_RE.fullmatch(literal):
        return True
    if _NOT_VALUE_RE.search(literal):
        return False
    return any(c.isdigit() for c in literal) or "_" in literal or literal[1:] != literal[1:].lower()


def _kind_of(phrase: str) -> str:
    """The kind of value a phrase names, by its last noun: "" if none is one of ours."""
    said = re.findall(r"[A-Za-z]+", phrase.casefold())
    if "port" in said:  # "a port number": a number the loader bounds
        return "port"
    if len(said) >= 2 and said[-1] in {"name", "names"}:  # "the server name": a host's
        owner = _kind_of(said[-2])
        if owner in {"host name", "account"}:
            return owner
    for word in reversed(said):
        for nouns, kind in _NOUNS:
            if word in nouns:
                return kind
    return ""


def _clause(text: str) -> str:
    """The last clause of the text before an example: "enter the user's IP address" of
    "Click Add, and then enter the user's IP address"."""
    clause = _CLAUSE_RE.match(text)
    return text[clause.end() :] if clause else text


def _named_phrase(tail: str) -> str:
    """The last noun phrase of the example's clause that names a value ("the 2-digit
    carrier codes" in "Append the 2-digit carrier codes to these fields"), "" if none or
    if its noun is a product's capitalized word ("the Exchange Server")."""
    best = ""
    for match in _PHRASE_RE.finditer(tail):
        noun = match.group(1).split()[-1]
        if _kind_of(noun) and not (noun[:1].isupper() and noun[1:].islower()):
            best = match.group(1)
            # "type the server name and a mailbox (for example, ...)": the mailbox's
            best = "" if _OTHER_THING_RE.search(tail, match.end()) else best
    return best


def example_values(item: str) -> list[tuple[str, str, str]]:
    """(example literal, kind, phrase) of each value an instruction only shows by example:
    "(example: 055 and 0055)" after "Append the 2-digit carrier codes", or "IIS Server user
    account = IUSR_IISBOX" under "For example:" when a later step uses the name."""
    low = item.casefold()
    if "example" not in low and "e.g." not in low:
        return []
    out: list[tuple[str, str, str]] = []
    if "(" in item:
        for match in _PAREN_RE.finditer(item):
            literal = match.group("v")
            start = max(item.rfind(". ", 0, match.start()), item.rfind("\n", 0, match.start()))
            tail = _clause(item[start + 1 : match.start()])
            # the clause must have the admin supply it; "the default (for example, X)",
            # "where <x> is ... (for example, X)" show what is, not what to type
            if not _SUPPLY_RE.search(tail) or _SHOWN_RE.search(tail):
                continue
            phrase = _named_phrase(tail)
            kind = _kind_of(phrase)
            if literal.isdigit() and re.search(r"\bport\b", tail, re.IGNORECASE):
                kind, phrase = "port", "port number"  # "change the port to a different number"
            if _IP_RE.fullmatch(literal):
                out.append((literal, "IP address", phrase or "IP address"))
            elif phrase and _is_value(literal, kind):
                out.append((literal, kind, phrase))
    at = low.find("for example:")
    if at >= 0 and "=" in item:
        for match in _LABELLED_RE.finditer(item, at):
            literal, label = match.group("v"), match.group("label").strip()
            kind = _kind_of(label)
            # used again after its label: the step acts on the example's name
            again = item.find(literal, match.end())
            if kind and _is_value(literal) and again >= 0 and item[again - 1] not in "=,":
                out.append((literal, kind, label))
    return out


#: "In this example, search for "<OPGM-81 >"" after "... search on all files containing the
#: computer name": the article's own value for what its step has the admin type or search
#: for, quoted (a bare word there is as often a product's file, `comctl32.ocx`).
_THIS_EXAMPLE_RE = re.compile(
    r"\bIn (?:this|our) example,\s+(?:type|enter|search for|look for|specify)\s+"
    r"[\"“]<?\s*(?P<v>[A-Za-z0-9][\w.$-]{1,39}?)\s*>?[\"”]"
)


def this_example_values(item: str) -> list[tuple[str, str, str]]:
    """(example literal, kind, phrase) of a value a note shows only as "In this example,
    search for "X"" when the sentence before it names what X is (a computer name, an
    account): the site's own value is asked, the example its default. A file, a path or a
    plain word is never asked here."""
    if "example," not in item or ("In this" not in item and "In our" not in item):
        return []
    out: list[tuple[str, str, str]] = []
    flat = item.replace("\x1f", "\n")
    for match in _THIS_EXAMPLE_RE.finditer(flat):
        literal = match.group("v")
        before = flat[: match.start()].rstrip()
        start = max(before.rfind(". ", 0, len(before) - 1), before.rfind("\n", 0, len(before) - 1))
        phrase = _named_phrase(before[start + 1 :])
        kind = _kind_of(phrase)
        # bare `_is_value`: a dotted `widgets.ocx` is a file, not a host's dotted name
        if kind in {"host name", "account", "name"} and _is_value(literal):
            out.append((literal, kind, phrase))
    return out


def example_spans(text: str, literals: set[str]) -> list[tuple[int, int, str]]:
    """(start, end, literal) where an asked example stands in `text`: an example
    parenthetical's body (its "example: " and other values go with it) and each use of
    the literal as a word, as the article spells it (`FONTS`, not the Fonts folder)."""
    if not literals or not any(lit in text for lit in literals):
        return []
    out: list[tuple[int, int, str]] = []
    if "(" in text:
        for match in _PAREN_RE.finditer(text):
            if match.group("v") in literals:
                out.append((match.start("lead"), match.end("body"), match.group("v")))
    for literal in literals:
        for match in re.finditer(rf"(?<![\w$.-]){re.escape(literal)}(?![\w$-])", text):
            if not any(s <= match.start() < e for s, e, _ in out):
                out.append((match.start(), match.end(), literal))
    return sorted(out)


def example_phrase(phrase: str) -> str:
    """What the value is, said shortly: "name of the server" -> "server name"."""
    phrase = re.sub(
        r"^(?:(?:the|your|a|an|correct|appropriate|same|additional|new|original)\s+)+",
        "",
        " ".join(phrase.split()),
        flags=re.IGNORECASE,
    )
    return re.sub(r"^(\w+) of (?:the|your|a|an) (.+)$", r"\2 \1", phrase, flags=re.IGNORECASE)


def example_question(phrase: str) -> str:
    """A question that reads naturally: "Which 2-digit carrier codes do you use?"."""
    phrase = example_phrase(phrase)
    return f"Which {phrase} do you use?"


#: Words of a sentence that describes a picture or a sample run, not a step to do.
_CAPTION_WORDS = ("screenshot", "screen shot", "example output", "sample output", "figure ")


def in_caption(text: str, at: int) -> bool:
    """Whether position `at` is in a sentence that describes a screenshot, a figure or an
    example output ("The following screenshot of an example output ... shows the
    <DomainName>\\sqlsrvlogin ... account"): its placeholder is shown, never asked."""
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at), text.rfind("\x1f", 0, at))
    end = min((e for e in (text.find(". ", at), text.find("\n", at)) if e >= 0), default=len(text))
    sentence = text[start + 1 : end].casefold()
    return any(word in sentence for word in _CAPTION_WORDS)


#: Last words of a placeholder that names a thing the admin has ("<Carrier Code>",
#: "<SQLServiceAccount>"); other placeholders are units or kinds ("<seconds>", "<string>").
_THING_WORDS = frozenset(
    "name account server computer host domain code id key path file folder directory share "
    "user group site database instance address drive letter port printer profile mailbox "
    "password sid guid thumbprint fqdn node pod namespace volume disk table service "
    "certificate subscription resource".split()
)


def placeholder_question(literal: str, what: str) -> str:
    """The question over a placeholder's input, in the placeholder's own words: "Which
    carrier code do you use?" for `<Carrier Code>`; "What value do you use for <seconds>?"
    when its words name no thing; "Which drive letter do you use?" when it has no words."""
    bare = re.sub(r"[<>{}\[\]%$:]", " ", literal)
    bare = split_camel(bare)
    words = [w if w.isupper() else w.lower() for w in re.split(r"[\s_-]+", bare) if w]
    if words and words[0] in {"your", "my", "the"}:
        words = words[1:]
    filler = any(len(set(w.casefold())) == 1 for w in words)  # `xxxxx`, `nnn`: no words
    if filler or not 1 <= len(words) <= 6 or not all(w.isalpha() for w in words):
        return f"Which {what} do you use?"
    if words[-1].casefold() in _THING_WORDS or words[-1].casefold().rstrip("s") in _THING_WORDS:
        return f"Which {' '.join(words)} do you use?"
    return f"What value do you use for {literal}?"
