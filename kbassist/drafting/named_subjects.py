"""Subjects a ticked statement opens with that no determiner marks (round 32, notes33).

The seed-86 readers found statements ticked as steps: "Early versions of the Sound
Blaster SB16 sound card use an MS-DOS program called Sbconfig.exe ...", "After you have
finished making these selections, Sbconfig.exe restarts your computer." `statement_ticks`
reads a subject only after a determiner, a pronoun or a name in capitals; these open with
an age or quantity adjective before a plural noun, or with a file name whose verb is a
third-person form ("restarts", "copies"), which its finite-verb list does not hold.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: Adjectives that open a subject about versions, releases or kinds of a thing ("Early
#: versions of X use", "Older drivers do not", "Certain programs may"): never a verb.
SUBJECT_ADJECTIVES = frozenset(
    "early earlier later older newer previous recent certain various multiple original"
    " subsequent former".split()
)
#: A file name as a subject: "Sbconfig.exe", "ADMIN.NME", "Win.ini" (a name, one dot, an
#: extension of two to four letters), bounded so it stays linear.
_FILE_NAME_RE = re.compile(r"^[A-Za-z0-9_$~-]{1,64}\.[A-Za-z0-9]{2,4}$")


def adjective_subject(first: str, nxt: str) -> bool:
    """ "Early versions", "Older drivers": an age or quantity adjective, then a plural
    noun (a lower-case word ending in s)."""
    return first.casefold() in SUBJECT_ADJECTIVES and nxt[:1].islower() and nxt.endswith("s")


def file_subject(first: str) -> bool:
    """ "Sbconfig.exe", "ADMIN.NME": a file name, the subject of what follows it."""
    return bool(_FILE_NAME_RE.match(first.rstrip(",")))


def third_person(word: str, verb: Callable[[str], bool]) -> bool:
    """ "restarts", "copies", "pushes": the third-person form of an action verb (a file
    doing it, not the reader)."""
    word = word.casefold()
    if len(word) < 4 or not word.endswith("s") or word.endswith("ss"):
        return False
    stems = [word[:-1]]
    if word.endswith("es"):
        stems.append(word[:-2])
    if word.endswith("ies"):
        stems.append(word[:-3] + "y")
    return any(verb(stem) for stem in stems)
