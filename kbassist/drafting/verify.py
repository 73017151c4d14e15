"""Concrete verify and the steps a fix needs around it (drafting round 7).

A reader marks a verify wrong when it quotes a sentence that only sets the scene ("The
index view provides a search field"), and generic when a concrete check was there to
take: the file versions a hotfix installs, the "ignore it" an article recommends. A
registry edit without a backup leaves no way back. These helpers find what the article
gives for each, by the kind of text, never by article.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from kbassist.drafting.backup_place import (
    _edits,
    backup_text,
    edit_at,
    other_way_note,
    own_sentences,
    place_at,
    restore_text,
)
from kbassist.drafting.registry_keys import backed_up_keys, by_policy_only, edited_keys
from kbassist.drafting.text import Hinted, split_detail, split_sentences
from kbassist.drafting.verify_against import failed_remedy, unaffected
from kbassist.drafting.verify_form import REASSURANCE_RE

#: Words that make a symptom sentence a problem to see gone ("the letters are never
#: displayed", "Setup fails", "an Access Violation error"); a sentence with none of them
#: describes the scene ("The index view provides a search field").
PROBLEM_RE = re.compile(
    r"\b(?:not|no longer|cannot|can't|can ?not|unable|fail(?:s|ed|ure|ing)?|errors?|crash(?:es|ed)?"
    r"|hangs?|hung|incorrect(?:ly)?|wrong(?:ly)?|missing|lost"
    r"|denied|slow(?:ly|er|s)?|freez(?:e|es|ing)|froze|invalid|unexpected(?:ly)?|won't|doesn't"
    r"|don't|isn't|aren't|didn't|wasn't|weren't|couldn't|never|blank|corrupt(?:s|ed|ion)?"
    r"|disappears?|exceptions?|violation|fault|vulnerab(?:le|ility)|leaks?|time(?:s|d)? ?out"
    r"|unresponsive|truncated|garbled|deadlock|restarts? unexpectedly|no (?:\w+ )?"
    r"(?:is|are) (?:displayed|shown|listed|available)|instead of|rather than|too (?:long|many|much)"
    r"|stops?|loss|compromised|reveals?|offline|spikes?|delay(?:s|ed)?|busy"
    r"|(?:is|are) logged|expected|even though|should have been)\b",
    re.IGNORECASE,
)
#: "It is not unshared automatically", "Or when you install ...": a sentence whose subject
#: is a bare pronoun, or that goes on from the one before, means nothing quoted alone.
_PRONOUN_START_RE = re.compile(
    r"^(?:(?:it|this|that|they|these|those)\s+[\"\u201c']?\w+|(?:or|and|also|additionally"
    r"|note)\b|- )"
    r"|\bthis (?:behaviou?r|problem|issue|error|symptom)\b",
    re.IGNORECASE,
)
#: "However, ", "In this scenario, ": how a sentence joins the one before, not what it says.
_JOIN_RE = re.compile(
    r"^(?:however|but|instead|unfortunately|in this (?:scenario|situation|case)),?\s+", re.I
)


#: The letters PROBLEM_RE's words start with ("(?:is|are) logged": i, a).
PROBLEM_FIRST_LETTERS = "abcdefghilmnorstuvw"
#: PROBLEM_RE with a one-character look at each word start first: the same matches, twice
#: as fast (the word list is tried only where a word starts with one of its letters; its
#: word list is too common for a substring hint). IGNORECASE folds the class as the words.
_PROBLEM_QUICK_RE = re.compile(
    rf"\b(?=[{PROBLEM_FIRST_LETTERS}])" + PROBLEM_RE.pattern.removeprefix(r"\b"), re.IGNORECASE
)


@lru_cache(maxsize=512)  # pure: asked again and again per text
def states_problem(sentence: str) -> bool:
    """Whether a symptom sentence says what goes wrong (not only the scene)."""
    return bool(_PROBLEM_QUICK_RE.search(sentence))


def bare_pronoun(sentence: str) -> bool:
    """A sentence that needs the one before it to mean anything ("It is not X.")."""
    return bool(_PRONOUN_START_RE.search(sentence.strip()))


def problem_sentence(symptom: str, limit: int) -> str:
    """The first whole sentence of `symptom` (at most `limit` characters) that states a
    problem and stands alone; "" when none does."""
    for sentence in split_sentences(" ".join(symptom.split())):
        fits = len(sentence) <= limit and not sentence.rstrip().endswith(":")
        reassures = REASSURANCE_RE.search(sentence)  # "this should not be a problem"
        if failed_remedy(sentence) or unaffected(sentence):
            continue  # "Clicking refresh does not resolve the problem", "does not occur in X"
        if fits and "[...]" not in sentence and states_problem(sentence) and not reassures:
            said = _JOIN_RE.sub("", sentence, count=1)
            if not bare_pronoun(said):
                return said[0].upper() + said[1:]
    return ""


def whole_sentences(text: str, limit: int) -> str:
    """The opening sentences of `text` that fit `limit`, whole; "" when the first does not."""
    kept = ""
    for sentence in split_sentences(" ".join(text.split())):
        if len(kept) + len(sentence) + 1 > limit:
            break
        kept = f"{kept} {sentence}".strip()
    return kept


#: "... you receive the following error message: <message>" in a plain-text symptom.
_MESSAGE_LEAD_RE = re.compile(
    r"\b(?:following|this|these)(?: (?:\w+ ){0,2})?(?:error )?(?:messages?|errors?)\b"
    r"[^:.]{0,80}:\s*",
    re.IGNORECASE,
)


_MESSAGE_END_RE = re.compile(r"\s+(?:However|In this|Additionally|Also,|When you|If you)\b")
#: A second lead-in after the message, with no sentence end between ("... WBEM_E_FAILED
#: The following message is reported in the Smsprov.log file: ..."; "... C0000005 In
#: Visual FoxPro version 5.0a, you may receive the following error message: ..."): the
#: message ends where it opens (verify37).
_NEXT_LEAD_RE = re.compile(
    r"\s+(?=(?:The|This|These|In|On|When|If|After|While|You|Your)\b(?:[^:.]|\.(?=\w)){0,100}?"
    r"\b(?:following|this|these)(?: (?:\w+ ){0,2})?(?:error )?(?:messages?|errors?)\b"
    r"(?:[^:.]|\.(?=\w)){0,80}:)"
)


def quoted_message(symptom: str, limit: int) -> str:
    """The message a plain-text symptom quotes after "the following error message:", up to
    its first sentence end; "" when there is none or it does not fit `limit`."""
    text = " ".join(symptom.split())
    lead = _MESSAGE_LEAD_RE.search(text)
    if lead is None:
        return ""
    message = _MESSAGE_END_RE.split(text[lead.end() :], maxsplit=1)[0].strip()
    message = _NEXT_LEAD_RE.split(message, maxsplit=1)[0].strip()
    sentences = split_sentences(message)
    message = sentences[0] if sentences else message
    label = re.match(r"[A-Z][\w ]{0,20}:\s+(?P<rest>.*)", message)
    if label and len(label.group("rest").split()) < 3:
        return ""  # "Source filename: hi$there.f90": the case a message is shown for
    if len(re.findall(r"[A-Za-z]{2,}", message)) < 3 or len(message) > limit:
        return ""
    if message.startswith("- ") or "[...]" in message:
        return ""  # a list of cases, or a cut
    return message


# --------------------------------------------------------------------------- file versions

#: A file in a hotfix's table: "Lsmexif.dll", "Atapchng.vxd", "Pstores.exe".
_FILE_RE = re.compile(
    r"^[A-Za-z0-9_$~-][\w$~.-]{0,60}\.(?:dll|exe|sys|vxd|drv|ocx|cpl|com|ini|inf|acm|ax|tlb"
    r"|olb|mdb|mdw|ppd|ttf|fon|386|ovl|nlm|msi|cat|mui|js|asp|ws|x?sl|wll|xll|fll|ime|ime|hlp"
    r"|cnt|pdb|dat|ovr|bin|rll|flt|cnv|scr|lng|mst|tsp|rsc|vbx|efi|mof|cab|jar|class)$",
    re.IGNORECASE,
)
_VERSION_RE = re.compile(r"^\d{1,5}(?:\.\d{1,5}){1,3}[a-z]?$", re.IGNORECASE)
_DATE_RE = re.compile(r"^\d{1,2}[/-]\d{1,2}[/-]\d{2,4}$|^\d{1,2}-[A-Za-z]{3}-\d{2,4}$")
#: A version cell said in words: "(version 3.5.34)" after the size, "version 4.00.951".
_SAID_VERSION_RE = re.compile(r"^(?:.*\bbytes\s+)?\(?version\s+(?P<v>\d[\d.]*[a-z]?)\)?$", re.I)
#: The lead-in of a hotfix's table: "should have the following file attributes or later".
TABLE_LEAD_PATTERN = re.compile(
    # the word branches in one group behind a first-letter lookahead: the scan skips
    # the positions no branch can start at (the same branches, in the same order)
    r"\b(?=[fv])(?:file attributes\b|following (?:time ?stamps?|updated files?)\b"
    r"|following (?:file )?versions?\b|versions? of the following files\b)"
    r"|^\s*(?:\|\s*)?(?:date\s+time\s+)?(?:version\s+)?(?:size\s+)?file ?name\b",
    re.IGNORECASE | re.MULTILINE,
)
TABLE_LEAD_RE = Hinted(
    TABLE_LEAD_PATTERN,
    (
        "file",
        "following time",
        "following version",
    ),
)
#: At most this many files are named in the verify; the rest are "the other files".
MAX_FILES = 4


def file_versions(text: str) -> list[tuple[str, str, str]]:
    """(file, version, date) rows of the file table a hotfix lists after "The English
    version of this fix should have the following file attributes or later:", in order,
    one per file name (a second platform's rows repeat the names); [] when `text` holds no
    such table."""
    return list(_file_rows(text))


@lru_cache(maxsize=512)  # the verify asks each step's text about its table 3 times
def _file_rows(text: str) -> tuple[tuple[str, str, str], ...]:
    """`file_versions`, worked out once per text."""
    lead = TABLE_LEAD_RE.search(text)
    if lead is None:
        return ()
    rows: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    started = False
    for line in text[lead.start() :].split("\n")[1:]:
        # a box table's cells ("| Store.exe | 5.5.2144.0 |") split on the bars
        cells = [c for c in re.split(r"\s{2,}|\t|\s*\|\s*", line.strip()) if c]
        if not cells or set(line.strip()) <= set("-=+ "):
            continue  # the rule under the header or between a box's rows, a blank line
        files = [c for c in cells if _FILE_RE.match(c)] or _sized_files(cells)
        if not files:
            if started and not re.search(r"\bfile ?name\b", line, re.IGNORECASE):
                break  # the table ended
            continue
        started = True
        # "85,245 bytes (version 3.5.34)", "version 4.00.951": a version said in words
        cells = [_SAID_VERSION_RE.sub(r"\g<v>", c) for c in cells]
        versions = [c for c in cells if _VERSION_RE.match(c) and not _DATE_RE.match(c)]
        dates = [c for c in cells if _DATE_RE.match(c)]
        name = files[0]
        if name.casefold() in seen:
            continue
        seen.add(name.casefold())
        rows.append((name, versions[0] if versions else "", dates[0] if dates else ""))
    return tuple(r for r in rows if r[1] or r[2])


#: A cell that is the size and the file with one space between ("188,176 Netlogon.dll"),
#: or the file with its platform ("331,968 sightnt.dll (Intel)", "Pollinv.exe (Alpha)"):
#: the columns ran together.
_SIZED_FILE_RE = re.compile(
    r"^(?:\d{1,3}(?:,\d{3})+\s)?(?P<file>\S{1,64})"
    r"(?:\s\((?:intel|x86|i386|alpha|mips|ppc|powerpc)\))?$",
    re.IGNORECASE,
)


def _sized_files(cells: list[str]) -> list[str]:
    """The file of a row whose size and name share a cell (kbref40: the table read as no
    table, so its versions were never checked)."""
    out = []
    for cell in cells:
        found = _SIZED_FILE_RE.match(cell)
        if found and _FILE_RE.match(found.group("file")):
            out.append(found.group("file"))
    return out


def version_check(items: list[str]) -> str:
    """ "Check that Lsmexif.dll is version 5.5.2348.0 or later ...": the concrete verify of
    a fix whose steps show the hotfix's file table; "" when they show none."""
    for item in items:
        text, detail = split_detail(item)
        rows = file_versions(f"{text}\n{detail}")
        if rows:
            break
    else:
        return ""
    said = []
    for name, version, date in rows[:MAX_FILES]:
        said.append(f"{name} is version {version}" if version else f"{name} is dated {date}")
    more = len(rows) - MAX_FILES
    listed = ", ".join(said[:-1]) + (" and " if len(said) > 1 else "") + said[-1]
    tail = ""
    if more > 0:
        tail = (
            f" (and the other {more} files in the table)"
            if more > 1
            else " (and the other file in the table)"
        )
    read = "its Version tab" if any(v for _, v, _ in rows) else "its Modified date"
    return (
        f"Check that {listed} or later{tail}: in Windows Explorer, right-click the file, "
        f"click Properties and read {read}."
    )


#: A step or label that installs the fix: "Using the Hotfix Installer", "apply the hotfix",
#: "Run Setup.exe from the update folder".
_INSTALLS_FIX_RE = re.compile(
    r"\b(?:hot ?fix|fix|update|patch|quick fix engineering|qfe)(?:es)?\b.{0,60}"
    r"\b(?:install\w*|setup|apply|applying)\b|\b(?:install\w*|apply|applying|run|copy|extract)\b"
    r".{0,60}\b(?:hot ?fix(?:es)?|updated? files?|patch(?:es)?|the fix)\b",
    re.IGNORECASE,
)


def shared_version_check(items: list[str], label: str, tables: list[list[str]]) -> str:
    """The file-version check of a hotfix whose table another outcome's steps show (the
    "contact Microsoft Product Support Services" outcome), for an outcome that installs
    that fix ("Using the Hotfix Installer", "Copy the updated Apasetup.exe file"): its
    files at least those versions is what installing it leaves; "" for any other outcome
    (a workaround never installs the files)."""
    check, names = _shared_table(tuple(tuple(t) for t in tables))
    if not check:
        return ""
    said = [label, *(" ".join(split_detail(i)) for i in items)]
    named = any(w.casefold().strip(".,;:()\"'") in names for text in said for w in text.split())
    if named or any(_INSTALLS_FIX_RE.search(text) for text in said):
        return check
    return ""


@lru_cache(maxsize=8)
def _shared_table(tables: tuple[tuple[str, ...], ...]) -> tuple[str, frozenset[str]]:
    """(the check, the casefolded file names) of the first table in `tables`; ("", {})
    for none. Cached by the tables' text: every outcome of an article asks it about the
    same tables (500 outcomes each read all 500 outcomes' steps: 2 s)."""
    check = next((c for c in (version_check(list(t)) for t in tables) if c), "")
    if not check:
        return "", frozenset()
    rows = next(rows for t in tables if (rows := _table_rows(list(t))))
    return check, frozenset(name.casefold() for name, _, _ in rows)


def _table_rows(items: list[str]) -> list[tuple[str, str, str]]:
    """The file table an outcome's steps show, as file_versions reads it."""
    for item in items:
        rows = file_versions("\n".join(split_detail(item)))
        if rows:
            return rows
    return []


#: "Upgrade: Visual Studio 6.0 Service Pack 3", "Upgrade: Service Pack 3 of Microsoft
#: Exchange version 4.0": the service pack an upgrade outcome installs.
_SP_LABEL_RE = re.compile(
    r"^(?:Upgrade(?: to)?:?|Install)\s+(?:the\s+)?"
    r"(?:(?P<product>[A-Z][\w .+/()-]{1,60}?)\s+Service Pack\s+"
    r"(?P<sp>\d{1,2})|Service Pack\s+(?P<sp2>\d{1,2})\s+(?:of|for)\s+(?P<product2>[A-Z][\w .+/()-]"
    r"{1,60}?))\.?$"
)
#: "Upgrade: Microsoft Visual C++ version 4.1", "Upgrade: Visual FoxPro 3.0b for Windows":
#: the product and the version an upgrade outcome installs.
_VERSION_LABEL_RE = re.compile(
    r"^(?:Upgrade(?: to)?:?|Install)\s+(?:the\s+)?"
    r"(?P<product>[A-Z][\w .+/()-]{1,60}?)(?:,?\s+version)?\s+"
    r"(?P<version>\d+(?:\.\d+)*[a-z]?)(?:\s+for\s+[\w ./,-]{2,40})?\.?$"
)


def installed_version_check(label: str) -> str:
    """ "Check that the installed Microsoft Visual C++ is version 4.1 or later: ...": the
    version an upgrade outcome's label names ("Upgrade: Microsoft Visual C++ version 4.1",
    "Upgrade: Windows NT version 4.0 Service Pack 5"), read where the product shows it;
    "" when the label names no number ("the latest U.S. Service Pack for ...") or more
    than one product."""
    label = " ".join(label.split())
    if re.search(r"\b(?:and|or|latest)\b", label, re.IGNORECASE):
        return ""
    sp = _SP_LABEL_RE.match(label)
    if sp:
        product = (sp.group("product") or sp.group("product2")).strip()
        number = sp.group("sp") or sp.group("sp2")
        return (
            f"Check that {product} shows Service Pack {number} or later installed: {_how(product)}."
        )
    said = _VERSION_LABEL_RE.match(label)
    if said is None or re.search(
        r"\b(?:service pack|supplement|update)$", said.group("product"), re.I
    ):
        return ""
    product = said.group("product").strip()
    return (
        f"Check that the installed {product} is version {said.group('version')} or later: "
        f"{_how(product)}."
    )


def installed_how(product: str) -> str:
    """Where an admin reads a product's installed version."""
    return _how(product)


def _how(product: str) -> str:
    """Where an admin reads a product's installed version."""
    if _FILE_RE.match(product.split()[-1]):
        return (
            "in Windows Explorer, right-click the file, click Properties and read its Version tab"
        )
    if re.match(r"(?:Microsoft\s+)?(?:MS-)?Windows\b|NT\s+\d", product):  # "NT 4.0" too
        return "run winver, which shows the version and service pack"
    return "its Help > About box (or the banner it prints when it starts) shows the version"


# --------------------------------------------------------------------------- nothing to fix

#: "You can safely ignore this message when ...", "For public cloud providers, there is
#: nothing to do.", "In that case the alert is not relevant.": the article's own word that
#: this case needs no fix, so its verify must not wait for the message or alert to go.
_IGNORED = (
    r"(?:this|the|these|that|such)?\s*(?:\w+\s+)?"
    r"(?:messages?|alerts?|errors?|warnings?|events?|entr(?:y|ies)|it)"
)
IGNORE_PATTERN = re.compile(
    r"(?:\b(?:you )?can (?:safely )?ignore\s+|^(?:safely )?ignore\s+|\bsafe to ignore\s+)"
    + _IGNORED
    + r"\b|\b(?:(?:messages?|alerts?|errors?|warnings?|events?|entr(?:y|ies)|it)\s+(?:can|may)"
    r" (?:safely )?be (?:safely )?ignored"
    r"|there is nothing to do|nothing (?:needs|has) to be done"
    r"|no (?:further )?action is (?:required|needed|necessary)"
    r"|(?:the|this) (?:alert|message|error|warning|event) is not relevant)\b",
    re.IGNORECASE,
)
IGNORE_RE = Hinted(
    IGNORE_PATTERN,
    (
        "ignore",
        "nothing",
        "action is",
        "not relevant",
    ),
)
_UNSURE_RE = re.compile(r"\s+or\s+\w+ == \"unsure\"")


@lru_cache(maxsize=512)  # pure: asked again and again per text
def ignore_sentence(text: str) -> str:
    """The sentence of `text` that says nothing needs fixing; "" if none does."""
    for sentence in split_sentences(" ".join(text.split())):
        if IGNORE_RE.search(sentence) and len(sentence) <= 300:
            return sentence
    return ""


def ignore_check(sentence: str) -> str:
    """The honest verify of a case the article says needs no fix."""
    return (
        f'Nothing to fix in this case: the article says "{sentence}" The message or alert may '
        "still appear; check that what the article names for this case holds here "
        "(silence an alert rather than wait for it to clear)."
    )


def otherwise(condition: str) -> str:
    """The condition of the other cases: `not (...)` of a case's `when`, an "unsure"
    answer kept (it ticks every case's steps, so it gets every verify)."""
    return f"not ({_UNSURE_RE.sub('', condition)})"


# --------------------------------------------------------------------------- registry backup

#: A step that changes the registry: Registry Editor, `reg add`, a value under HKEY_...
_REGISTRY_PATTERN = re.compile(
    r"\b(?:regedit(?:32)?(?:\.exe)?|regedt32(?:\.exe)?|registry editor|reg(?:\.exe)? (?:add|delete"
    r"|import)|HKEY_[A-Z_]+|HK(?:LM|CU):?\\|(?:set|new|remove)-itemproperty|registry (?:key|"
    r"value|entry|entries|subkey|setting))",
    re.IGNORECASE,
)
_REGISTRY_RE = Hinted(
    _REGISTRY_PATTERN,
    (
        "reg",
        "hk",
        "itemproperty",
    ),
)
#: What changes a registry key or value ("Add Value", "change the value", "delete the
#: following key", "reg add", "Value data"): locating or reading one is no change.
_EDIT_RE = re.compile(
    r"\b(?:add (?:value|key)|new\b.{0,30}\b(?:value|key)\b|value data|dword|string value"
    r"|binary value|(?:change|set|edit|modify|add|create|delete|remove|rename)\s+(?:the\s+|a\s+"
    r"|an\s+|this\s+|these\s+|following\s+|all\s+)*(?:[\w-]+\s+){0,2}(?:registry\s+)?(?:values?|keys?"
    r"|subkeys?|entr(?:y|ies)|data)\b|reg(?:\.exe)? (?:add|delete|import)"
    r"|(?:set|new|remove)-itemproperty)",
    re.IGNORECASE,
)
#: "HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\Session Manager": the key named
#: (a component may hold a capitalized word or a number after a space, never a sentence,
#: or be the article's placeholder, "\<print queue name>").
_KEY_RE = re.compile(
    r"\b(?:HKEY_[A-Z_]+|HKLM|HKCU)(?:\\(?:<[\w -]{1,40}>|[\w.{}$-]+(?: (?!(?:You|The|This|To|If"
    r"|For|On|Then|And)\b)[A-Z0-9][\w.{}$-]*){0,2}))+"
)


def _key_named(text: str) -> str:
    """The first key `text` names, "" for none (or one too long to be a key)."""
    key = _KEY_RE.search(text)
    return key.group(0).rstrip(" .") if key and len(key.group(0)) <= 160 else ""


def _article_key(article_text: str) -> str:
    """The one key the article names (the fix says "the registry key that is mentioned in
    the Cause section"); "" when it names none or several."""
    if "HK" not in article_text:
        return ""
    keys = {
        m.group(0).rstrip(" .").casefold(): m.group(0).rstrip(" .")
        for m in _KEY_RE.finditer(article_text)
    }
    return next(iter(keys.values())) if len(keys) == 1 else ""


#: The most keys one backup step names (each to its own file).
MAX_BACKED_UP_KEYS = 3


def registry_backup(
    items: list[str], article_text: Callable[[], str] = str
) -> tuple[int, str, str]:
    """(where, step, what the rollback restores): the step to back up the registry key a
    fix changes, placed right before the first step that changes it (after the steps that
    open Registry Editor and select the key, which the export needs); (0, "", "") when the
    fix's own steps do not edit the registry (or it already restores it from a backup).
    A key changed only in another way a step offers ("Instead, you can delete the registry
    key") gets the backup as a note beside that step, in `items`. `article_text` gives
    the article's text (read only when the steps name no key)."""
    joined = "\n".join(" ".join(split_detail(i)) for i in items)
    if not _REGISTRY_RE.search(joined) or re.search(r"\brestore the registry\b", joined, re.I):
        return 0, "", ""
    if by_policy_only(joined):  # a policy's setting set in its editor: no key edited here
        return 0, "", ""
    edit, other = edit_at(items, _EDIT_RE)
    if edit < 0 and other < 0:
        return 0, "", ""
    key = _key_named(joined) or _article_key(article_text())
    if edit < 0:  # the change is only the other way a step offers: a note beside it
        other_way_note(items, other, key)
        return 0, "", ""
    # every key the editing steps name is backed up, not only the first (round 34)
    keys = backed_up_keys(
        edited_keys(items[:edit], _KEY_RE, lambda t: True),
        edited_keys(items[edit:], _KEY_RE, lambda t: _edits(own_sentences(t)[0], _EDIT_RE)),
    )
    # two or three keys each exported; a longer list is a tree of keys to delete (the
    # first named, as before: a seven-file export is no step an admin reads)
    if 2 <= len(keys) <= MAX_BACKED_UP_KEYS:
        return _change_at(items, edit), backup_text(*keys), restore_text(*keys)
    one = keys[0] if len(keys) == 1 else key  # a value's path exported as its key
    return _change_at(items, edit), backup_text(one), restore_text(key)


def _change_at(items: list[str], edit: int) -> int:
    """The first step that changes the key (`edit`, or one before it said through the
    editor's dialogs) when it comes at or after the first step naming the registry, else
    that step (an .ini "key" changed before it)."""
    first = next((n for n, i in enumerate(items) if _REGISTRY_RE.search(split_detail(i)[0])), 0)
    if edit < first:
        return first
    return place_at(items, edit, first)


def registry_backup_at(items: list[str]) -> int:
    """Where the article's own "back up the registry" goes among a fix's steps (it is
    not one of them): before the first step that changes a key, after those that open
    Registry Editor and find it; 0 when no step's own action changes one."""
    edit = edit_at(items, _EDIT_RE)[0]
    if edit < 0 and _REGISTRY_RE.search("\n".join(items)):
        edit = len(items)  # a change said only through the editor's dialogs
    at = _change_at(items, edit) if edit > 0 else 0
    return at if at < len(items) else 0


#: "edit the registry", "import the exported registry file", "merge Fix.reg": a change
#: of the registry said without a key or Registry Editor.
_CHANGES_REGISTRY_RE = re.compile(
    r"\b(?:edit|modify|change|update|import|merge)\w*\s+(?:[\w-]+\s+){0,3}?registry\b"
    r"|\.reg\b",
    re.IGNORECASE,
)


def backup_fits(what: str, items: list[str]) -> bool:
    """Whether a section's "back up the <what> before you modify it" belongs to one fix of
    that section: "registry" only to a fix whose steps open Registry Editor, name a key or
    change one (a fix that installs a hotfix shares no registry backup), a file name
    only to one that names the file (a section's Method 1 that installs an update shares
    Method 3's registry warning, not its backup and rollback); other things always."""
    joined = "\n".join(" ".join(split_detail(i)) for i in items)
    if what.casefold().startswith("registry"):
        # Registry Editor, a key, a change of a value, or "edit the registry": not a hotfix
        # whose note says "No registry changes are required"
        return bool(
            _REGISTRY_RE.search(joined)
            or edit_at(items, _EDIT_RE)[0] >= 0
            or _CHANGES_REGISTRY_RE.search(joined)
        )
    if "." in what:
        return what.casefold() in joined.casefold()
    return True


#: A title that names a how-to or a topic, not a problem ("Troubleshoot Start menu
#: errors", "How to ...", "Use ...", "Overview of ...").
_TOPIC_TITLE_RE = re.compile(
    r"^(?:troubleshoot\w*|how\b|use\b|using\b|configure|configuring|overview|understand\w*|about"
    r"|guidance|introduction|best practices|fix\b|resolve|resolving|recommendations?|frequently"
    r"|faq|what\b|why\b|when\b|[\w-]+ing\b)",
    re.IGNORECASE,
)


def title_check(title: str) -> str:
    """A modern article's title that states its problem ("Transaction log file doesn't
    grow by the configured value") as the verify when its symptom quotes no sentence that
    does; "" for a topic or how-to title."""
    title = " ".join(title.split()).rstrip(".")
    if not (12 <= len(title) <= 160) or _TOPIC_TITLE_RE.match(title):
        return ""
    if not states_problem(title):
        return ""
    return f"Check that this no longer happens: {title[0].upper()}{title[1:]}."


# --------------------------------------------------------------------------- junk options

#: "Steps to Reproduce Behavior", "To reproduce this problem, ...": how to see the problem,
#: never a way to fix it.
_REPRODUCE_RE = re.compile(r"\breproduc(?:e|es|ing|tion)\b|\brepro\b", re.IGNORECASE)


def junk_more_options(options: list[Any]) -> list[Any]:
    """The MORE INFORMATION options an MS KB draft must not offer as fixes when the article
    has a fix of its own: steps that reproduce the problem, and notes with no action in them
    ("The Administrator's Guide is incomplete")."""
    from kbassist.drafting.steps import _action

    def more(option: Any) -> bool:
        return option.section.key == "moreinformation"

    if not any(not more(o) for o in options):
        return []  # MORE INFORMATION is all the article offers: keep it
    junk = []
    for option in options:
        if not more(option) or option.wish or option.case:
            continue  # "sites that want to X should ...": the article's own procedure
        texts = [split_detail(i)[0] for i in option.items]
        said = " ".join([option.label, option.lead, *texts[:1]])
        if _REPRODUCE_RE.search(said) or not any(_action(t) for t in texts):
            junk.append(option)
    return junk


# --------------------------------------------------------------------------- confirm the cause

#: "To determine if a third-party port mapper is causing ...", "You can check the validity
#: of the CRL by doing the following:": a MORE INFORMATION procedure that confirms the cause.
_CONFIRM_RE = re.compile(
    r"^(?:\d{1,2}[.)]\s*)?(?:to (?:determine|verify|confirm|check|find out|tell)"
    r"|you can (?:determine|verify|confirm|check|tell)) (?:whether|if|that|which|the (?:validity"
    r"|version|cause|"
    r"presence))\b",
    re.IGNORECASE,
)
#: "The output of CERTUTIL will indicate "No Signature" at the end.": what the check shows.
_SHOWS_RE = re.compile(
    r"\b(?:will|should) (?:indicate|show|display|list|report|contain|say|read)\b|\byou (?:will|"
    r"should) see\b|\bis (?:displayed|listed|shown)\b",
    re.IGNORECASE,
)
#: At most this many lines of the check's procedure are shown under its step.
MAX_CHECK_LINES = 20


def cause_check(text: str) -> str:
    """The step that confirms the cause before any fix, from a MORE INFORMATION procedure
    ("To determine if X is causing this, check ..."): its lead-in as the step, its
    numbered steps, commands and the result it expects as the detail; "" if none."""
    from kbassist.drafting.text import paragraphs, with_detail

    paras = paragraphs(text)
    for n, para in enumerate(paras):
        if not _CONFIRM_RE.match(para.text):
            continue
        lines: list[str] = []
        for after in paras[n + 1 :]:
            if len(lines) >= MAX_CHECK_LINES or after.heading:
                break
            if after.numbered or after.indent > para.indent:
                lines.extend(line.strip() for line in after.lines if line.strip())
                continue
            if _SHOWS_RE.search(after.text):
                lines.append(after.text)
            break
        if not lines and para.text.rstrip().endswith(":"):
            continue  # a lead-in whose procedure is not there to show
        return with_detail(f"Confirm the cause first: {para.text}", "\n".join(lines))
    return ""


# --------------------------------------------------------------------------- steps to reproduce

#: "Steps to Reproduce Behavior", "Steps to Reproduce the Problem": a heading over the
#: article's own test of the problem; "To reproduce this problem, follow these steps:" a lead-in.
_REPRO_HEAD_RE = re.compile(
    r"^(?:steps? (?:to|for) reproduc\w*\b|to reproduce (?:this|the)\b[^:.]{0,80}:$)", re.IGNORECASE
)
#: The last step's words that say what the reader sees ("Notice that the value has changed
#: back", "you see a distorted arc", "you receive the following error").
_SEES_RE = re.compile(
    r"\b(?:notice|note that|observe|you (?:will |may |should |can |now )?(?:see|receive|get"
    r"|notice|hear)|(?:is|are) (?:displayed|shown|returned|printed|raised)|appears?|results? in"
    r"|occurs?)\b",
    re.IGNORECASE,
)
#: A last step that shows the good result ("note that the correct value is displayed",
#: "you get the proper line numbers"): the steps already include the fix.
_GOOD_RE = re.compile(
    r"\b(?:correct(?:ly)?|proper(?:ly)?|as expected|successful(?:ly)?|works?|now)\b", re.I
)
#: A verify that repeats the article's steps to reproduce (bench/draft_metrics.py reads it).
REPRO_PREFIX = "Repeat the article's steps to reproduce the problem"
#: At most this many lines of the steps to reproduce are shown under the verify.
MAX_REPRO_LINES = 20
#: The result quoted from the last step: whole, at most this long.
MAX_REPRO_QUOTE = 300


def _repro_result(last: str, after: str) -> str:
    """What the steps to reproduce end with: the last step when it says what is seen or
    goes wrong, else the paragraph after the list when that does; "" if neither."""
    for n, said in enumerate((re.sub(r"^\d{1,2}[.)]\s*", "", last), after)):
        said = " ".join(said.split())
        said = re.sub(r"^results?:\s*", "", said, flags=re.IGNORECASE)
        kept: list[str] = []
        sentences = split_sentences(said)
        if n and not re.match(r"(?:notice|note that|you )", said, re.I):
            # the paragraph after the list is the result only when it opens with it ("Click
            # the control. You will see ..."); "To execute a form, you can use ..." and two
            # more sentences of explanation are no result
            sentences = sentences[:2]
        for sentence in sentences:
            if sentence.rstrip().endswith(":"):
                break  # "For example:" leads to a list the quote does not carry
            if re.match(r"\(?(?:note|important|remark)\s*:", sentence, re.I):
                break  # "NOTE: It appears to save ...": an aside, never the result (round 41)
            kept.append(sentence)
            main = re.sub(r"^(?:when|after|once|if|as soon as)\b[^,]*,", "", sentence, flags=re.I)
            if _SEES_RE.search(main) or states_problem(main):
                break  # the result itself; what follows is an aside ("This does not occur in")
        said = " ".join(kept)
        if said and (_SEES_RE.search(said) or states_problem(said)):
            said = said if len(said) <= MAX_REPRO_QUOTE else whole_sentences(said, MAX_REPRO_QUOTE)
            if said and not said.rstrip().endswith(":"):
                return said
    return ""


def repro_check(text: str, fixed: bool = False, problem: str = "") -> str:
    """ "Repeat the article's steps to reproduce the problem ... and check that this no
    longer happens: <its last step>": the concrete verify an MS KB article gives in MORE
    INFORMATION's "Steps to Reproduce Behavior", its steps as the detail (cut at
    MAX_REPRO_LINES on a step boundary); "" when `text` has no such numbered steps ending
    in a result. `fixed`: a by-design article whose fix works around the behaviour;
    `problem`: the symptom's sentence that says what goes wrong, checked when the steps
    end with an action and no result ("4. Right-click inside the view and select New
    Folder.")."""
    from kbassist.drafting.text import paragraphs, with_detail
    from kbassist.drafting.verify_form import structured_check
    from kbassist.drafting.verify_observable import shown_message_state

    paras = paragraphs(text)
    for n, para in enumerate(paras):
        head = " ".join(para.text.split()).rstrip("-= ").strip()
        if not _REPRO_HEAD_RE.match(head):
            continue
        name = re.sub(r"[\s:]+$", "", head)
        steps: list[list[str]] = []
        after = ""
        base = -1
        for later in paras[n + 1 :]:
            if later.heading:
                break
            if later.numbered and (base < 0 or later.indent <= base):
                base = later.indent if base < 0 else base
                steps.append([])
            elif not steps or later.indent <= base:
                if steps:
                    after = later.text
                    break
                continue  # a note between the heading and the first step
            steps[-1].extend(line.rstrip() for line in later.lines if line.strip())
        if len(steps) < 2:
            continue
        result = _repro_result(" ".join(steps[-1]), after)
        if not result and not problem:
            continue
        lines: list[str] = []
        for step in steps:
            if lines and len(lines) + len(step) > MAX_REPRO_LINES:
                lines.append(f"(the other steps: see {name} in the article)")
                break
            lines.extend(step)
        width = min((len(line) - len(line.lstrip()) for line in lines), default=0)
        detail = "\n".join(line[width:] for line in lines)
        scope = " with the fix above in place" if fixed else ""
        turned = structured_check(problem) if not result else ""
        if turned.startswith("Check that "):
            # "you cannot see the control's events": "check that you can see ..."
            result, check = "", f"c{turned[1:].rstrip('.')}"
        elif not result and (shown := shown_message_state(problem)):
            # "When using {INS} ..., the following error occurs: M": the message is the check
            result, check = "", f"check that {shown}"
        elif not result:
            result, check = problem, "check that the problem no longer occurs"
        elif _GOOD_RE.search(result) and not states_problem(result):
            check = "check that you get what its last step describes"
        else:
            check = "check that this no longer happens"
        said = f"{check}: {result}" if result else f"{check}."
        return with_detail(
            f'{REPRO_PREFIX} ("{name}" in MORE INFORMATION){scope}, and {said}',
            detail,
        )
    return ""
