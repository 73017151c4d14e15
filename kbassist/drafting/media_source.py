"""The source a fix takes a file from: a CD-ROM, floppy or service-pack disk.

"Place the Windows NT CD-ROM in the drive ... expand d:\\i386\\ntprint.dl_ ..." writes the
author's drive letter for the medium; the reader's differs, so the letter is asked,
said to be the medium's, and put into the command (52:07, 52:11, 52:17)."""

from __future__ import annotations

import re

#: A removable medium, as named ("the Windows NT 4.0 CD-ROM", "Setup Disk 1").
_MEDIUM = (
    r"(?:cd-?roms?|compact discs?|dvd-?roms?|dvds?|floppy(?:\s+dis[kc]s?)?|diskettes?"
    r"|(?:installation|setup|boot|startup|driver|update|program|original|master"
    r"|distribution|oem|utility|supplemental)\s+dis[kc]s?(?:\s+\d+)?|disk\s+\d+)"
)
#: The fix takes something from a medium: "Insert the CD-ROM", "expand the file from
#: the Windows NT CD-ROM", "copy X from the Service Pack" (a service pack only as a
#: source: "the latest service pack" it may say to install is none).
MEDIUM_RE = re.compile(
    rf"\b(?:(?:insert|place|put|from)\s+(?:the|your|a|an)\s+(?:[\w.'-]+\s+){{0,5}}?"
    rf"{_MEDIUM}|from\s+(?:the|your|a)\s+(?:[\w.'-]+\s+){{0,5}}?service\s+pack"
    r"|in\s+(?:the|your)\s+(?:[\w-]+\s+){0,2}?(?:cd-?rom|floppy(?:\s+disk)?|disk)\s+drive)\b",
    re.IGNORECASE,
)
#: A command taking a file from a drive other than C (the system drive): the first
#: argument of copy / expand / extract (`expand d:\i386\x.dl_ ...`), or Setup run
#: from it (`d:\setup.exe`, `a:\setup`, `d:\i386\winnt32`).
_DRIVE_RE = re.compile(
    r"(?:\b(?:copy|xcopy|expand|extract|ext)\s+(?:[-/]\w+\s+)*[\"']?"
    r"(?P<x>[abd-zABD-Z]):\\"
    r"|(?<![\w\\%$:/.-])(?P<y>[abd-zABD-Z]):\\(?:[\w.-]+\\){0,3}"
    r"(?:setup|install|winnt32|winnt|update)(?:\.exe)?(?![\w.]))",
    re.IGNORECASE,
)
#: The medium as named, for the input's help: "the Windows NT CD-ROM", "Setup Disk 1".
_NAMED_RE = re.compile(
    rf"\b(?:(?P<the>[Tt]he|[Yy]our)|[Ii]nsert|[Pp]lace)\s+(?P<n>(?:[A-Z0-9][\w.'-]*\s+){{0,5}}?"
    rf"(?:(?:installation|setup|original)\s+)?(?i:{_MEDIUM}"
    r"|service\s+pack(?:\s+\d+)?))"
)


#: A medium the fix writes to, not takes from: "insert a blank floppy disk".
_BLANK_RE = re.compile(r"\b(?:blank|formatted|empty|new)\b", re.IGNORECASE)


def names_source(text: str) -> bool:
    """Whether `text` takes something from a medium ("Insert the Windows NT CD-ROM"), not
    from a blank disk the fix fills."""
    return any(not _BLANK_RE.search(m.group(0)) for m in MEDIUM_RE.finditer(text))


def media_letters(items: list[str]) -> list[tuple[int, int, int, str]]:
    """(item, start, end, letter) of each medium drive letter the fix's commands take a
    file from (`expand d:\\i386\\ntprint.dl_`): only in a fix that takes a file from a
    named medium (any of its steps: "Place the CD-ROM in the drive." then "Type: expand
    d:..."), and only one letter (two are a source and a target the article means)."""
    if not any(":\\" in i for i in items) or not any(names_source(i) for i in items):
        return []
    found = [
        (n, m.start(g), m.end(g), m.group(g))
        for n, item in enumerate(items)
        if ":\\" in item
        for m in _DRIVE_RE.finditer(item)
        for g in ("x", "y")
        if m.group(g)
    ]
    if len({letter.casefold() for *_, letter in found}) != 1:
        return []
    return found


def medium_help(context: str, letter: str) -> str:
    """The drive-letter input's help: what the letter is, named as the article names it."""
    named = _NAMED_RE.search(" ".join(context.split()))
    medium = "the disk or CD-ROM"
    if named:  # "the Windows NT CD-ROM"; "Insert Setup Disk 2": "Setup Disk 2"
        medium = f"the {named.group('n')}" if named.group("the") else named.group("n")
    return (
        f"The drive letter of {medium}, e.g. D (the article writes {letter.upper()}:); "
        "it replaces the letter in the command."
    )
