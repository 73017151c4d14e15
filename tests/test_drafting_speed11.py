"""Round 11 speed (perf11): the word tests that skip a slow regex never change what it finds."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import kbassist.drafting as drafting
from kbassist.drafting import text as text_mod
from kbassist.drafting.text import Hinted, find_params

#: Sentences the hinted regexes are written for, ones near them, and text whose
#: characters fold to ASCII letters only under IGNORECASE (long s, Kelvin sign): the word
#: test must not skip those.
SAMPLES = [
    "This behavior is by design.",
    "This behavior is by deſign.",
    "There is no workaround for this problem.",
    "It is expected behavior.",
    "Back up the registry before you modify it.",
    "Before you edit it, you should first back up the Win.ini file.",
    "Make a backup copy of the System.dat file.",
    "Export the registry key to a .reg file.",
    "For more information, click the following article number to view the article:",
    "Microsoft has confirmed that this is a problem.",
    "Microsoft makes no warranty, implied or otherwise.",
    "The English version of this fix should have the following file attributes or later:",
    "Date Time Version Size File name",
    "This should not be a problem.",
    "This message is harmless.",
    "Use one of the following methods to work around this problem:",
    "There are two ways to resolve this issue:",
    "You can safely ignore this message.",
    "No further action is required.",
    "Start Registry Editor (Regedt32.exe).",
    "Under HKLM:\\Software, set the value.",
    "To work around this problem, restart the computer.",
    "Administrators should review the logs.",
    "Click Start, point to Programs, and then click Notepad.",
    "The server stops responding when you print.",
    "",
    "Ce comportement est voulu (ſ, \u212a, \u0130).",
]


def _hinted() -> list[tuple[str, Hinted]]:
    found = []
    for info in pkgutil.iter_modules(drafting.__path__):
        module = importlib.import_module(f"kbassist.drafting.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, Hinted):
                found.append((f"{info.name}.{name}", value))
    return found


def test_hinted_regexes_exist() -> None:
    """The drafter's slowest searches are the hinted ones (else the checks below test nothing)."""
    names = {name for name, _ in _hinted()}
    assert {"tree._BACKUP_RE", "tree._BY_DESIGN_RE", "text._BOILERPLATE_SENTENCE_RE"} <= names


@pytest.mark.parametrize("text", SAMPLES)
def test_hinted_search_finds_what_the_regex_finds(text: str) -> None:
    """A hinted search returns the very match (span and groups) its plain regex search does."""
    for name, hinted in _hinted():
        got, want = hinted.search(text), hinted.pattern.search(text)
        assert (got is None) == (want is None), (name, text)
        if got is not None and want is not None:
            assert (got.span(), got.groupdict()) == (want.span(), want.groupdict()), name


def test_folded_letters_still_match() -> None:
    """ "by deſign" (long s) still reads as by design: non-ASCII text skips no search."""
    by_design = dict(_hinted())["tree._BY_DESIGN_RE"]
    assert by_design.search("This behavior is by deſign.") is not None


PARAM_SAMPLES = [
    "Type net use x: \\\\server\\share, where x is the drive letter.",
    "Copy the file to C:\\Program Files\\Common Files\\Setup and restart.",
    "Type ping <host name> and press ENTER.",
    "Set {ServerName} to the name of your server.",
    "Open \\\\ServerName\\ShareName in Explorer.",
    "Run the backup at 2:00 AM every night and keep two backups.",
    "Keep THREE COPIES of the log.",
    "Keep three copieſ of the log.",
    "Grant ICACLS h:\\folder /grant domain\\user:(F) access.",
    "Replace yourdomain.com with your domain, where stacksize is the number of bytes.",
    "STACK stacksize",
    "Insert the disk in drive A and type a:\\setup.",
    "Use the <%windir%>\\system32 folder.",
    "Connect to servername and sharename.",
    "Nothing to type here at all.",
]


@pytest.mark.parametrize("text", PARAM_SAMPLES)
def test_find_params_word_tests_lose_no_value(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The values and placeholders a step asks for are the same with the word tests as without."""
    with_tests = find_params.__wrapped__(text)
    monkeypatch.setattr(text_mod, "_PARAM_NEEDS", tuple(() for _ in text_mod._PARAM_RES))
    assert find_params.__wrapped__(text) == with_tests
