"""Round 17 speed (perf17): the cheap tests that skip a regex's scan never change its answer."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from kbassist.drafting import (
    obtain_install,
    options,
    steps,
    tree,
    typed_commands,
    verify_form,
    wait_pack,
)
from kbassist.drafting.text import DETAIL_SEP, Hinted
from kbassist.trees import checklist, safe_yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))  # scripts, no package
import draft_placeholders

#: Sentences the guarded regexes are written for, near misses, and endings a step carries
#: (its detail separator, a colon, white space and dots after the last word).
SAMPLES = [
    "Insert the disk in drive A, and then type",
    "At the command prompt, type:",
    "To start the program, run :",
    "Run the Setup program.",
    "You must restart the computer before the change takes effect.",
    "Users may want to back up their files first.",
    "The driver has been updated in Windows NT 4.0 Service Pack 4.",
    "Microsoft has corrected this problem in the latest version.",
    "A supported fix is now available from Microsoft.",
    "To resolve this problem, obtain the latest service pack for Windows NT 4.0.",
    "This problem occurs with a date prior to 6/25/96 on the file.",
    "Versions earlier than 2.1 of the driver are affected.",
    "In some cases, the computer stops responding.",
    "The computer sometimes stops responding when you print.",
    "Look for the following entry in the log:",
    "You should see a message similar to the following:\n",
    "You user tile disappears and",
    "The list shows the files of your",
    f"Open the file with{DETAIL_SEP}",
    "Click OK (if",
    "Close the window, . ;",
    "This happens when the server restarts.",
    "Ce programme s'arrête et",
    "Typ\u0130ng te\u212ast run",
    "",
]

HINTED = [
    ("steps._TOLD_RE", steps._TOLD_RE),
    ("options._FIXED_STATEMENT_RE", options._FIXED_STATEMENT_RE),
    ("wait_pack._PACK_OUT_RE", wait_pack._PACK_OUT_RE),
    ("obtain_install._DATED_BEFORE_RE", obtain_install._DATED_BEFORE_RE),
    ("verify_form._HEDGE_WORDS", verify_form._HEDGE_WORDS),
]


@pytest.mark.parametrize("text", SAMPLES)
def test_hinted_searches_find_what_their_regexes_find(text: str) -> None:
    """Each newly hinted search returns the very match its plain regex search returns."""
    for name, hinted in HINTED:
        assert isinstance(hinted, Hinted), name
        got, want = hinted.search(text), hinted.pattern.search(text)
        assert (got is None) == (want is None), (name, text)
        if got is not None and want is not None:
            assert (got.span(), got.groups()) == (want.span(), want.groups()), name


@pytest.mark.parametrize("text", SAMPLES)
def test_end_guards_agree_with_their_regexes(text: str) -> None:
    """A lead ending in "type" and a clause ending on "and" are read as before."""
    for variant in (text, text.strip(), f"{text} and", f"{text}:\n", f"{text} the. ;"):
        want = bool(typed_commands._ENDS_TYPING_RE.search(variant))
        assert typed_commands._ends_typing(variant) == want, variant
        want = bool(verify_form._DANGLING_END_RE.search(variant))
        assert verify_form._dangling_end(variant) == want, variant


def test_dangling_end_after_detail_separator() -> None:
    """A clause ending on "and" before a step's detail separator is still dangling."""
    assert verify_form._dangling_end(f"The icon disappears and{DETAIL_SEP}")
    assert not verify_form.whole_check("Check that the icon disappears and")
    assert verify_form.whole_check("Check that the icon no longer disappears.")


def test_explanation_compiles_only_for_named_placeholders() -> None:
    """A placeholder no step names costs no compiled pattern; a named one is still explained."""
    tree._explanation_re.cache_clear()
    assert tree._explanation("<zqxv>", ["Type dir and press ENTER."]) == ""
    assert tree._explanation_re.cache_info().misses == 0
    items = ["Type format <drive>:", "where drive is the floppy disk drive."]
    assert tree._explanation("<drive>", items) == "the floppy disk drive"


@pytest.mark.parametrize(
    "text", ["plain text", "tab\tand\nnewline", "bell\x07", "esc\x1b[31m", "del\x7f", "é", ""]
)
def test_byte_table_checks_match_the_control_regexes(text: str) -> None:
    """The byte-table tests say "clean" exactly when the control-character regexes find nothing."""
    clean_tree = not (
        safe_yaml._CONTROL_CHAR_RE.search(text) or safe_yaml._BIDI_CHAR_RE.search(text)
    )
    assert safe_yaml._plain_ascii(text) == (clean_tree and text.isascii())
    clean_checklist = checklist.CONTROL_RE.search(text) is None
    assert checklist._no_control(text) == (clean_checklist and text.isascii())


def test_control_and_bidi_characters_still_reported() -> None:
    """A tree value with a bell or a right-to-left override is still reported."""
    node = safe_yaml.compose_yaml(b'a: "x\\a"\nb: "y\\u202e"\nc: "plain"\n', Path("t.yaml"))[0]
    assert node is not None
    found = [message.split(" in text")[0] for _, message in safe_yaml.bad_characters(node)]
    assert sorted(found) == ["bidirectional control U+202E", "control character U+0007"]
    assert not safe_yaml._plain_ascii("x\a")  # the byte-table skip lets it through to them


@pytest.mark.parametrize("text", ["a  b\tc", "x\x07y", "one  two\r\nthree", "plain", "é\x85"])
def test_md_escape_same_as_unguarded(text: str) -> None:
    """Checklist text loses control characters and runs of blanks as before the guards."""
    plain = checklist.CONTROL_RE.sub("", text)
    plain = " ".join(plain.replace("\r", "\n").split("\n"))
    plain = checklist._BLANKS_RE.sub(" ", plain)
    assert checklist.md_escape(text) == checklist._MD_SPECIAL_RE.sub(r"\\\1", plain)
    assert checklist._no_control("a  b") and not checklist._no_control("x\x07y")


@pytest.mark.parametrize(
    "text",
    ["Replace YourServer with the name.", "Connect to your_server now.", "servername", "my yours"],
)
def test_your_placeholder_lookahead_same_matches(text: str) -> None:
    """The bench's YourServer search finds the same spans with its leading lookahead."""
    pattern = draft_placeholders._YOUR_RE.pattern
    assert pattern.startswith("(?=[Yyscdmhp])")
    plain = re.compile(pattern.removeprefix("(?=[Yyscdmhp])"))
    got = [m.span() for m in draft_placeholders._YOUR_RE.finditer(text)]
    assert got == [m.span() for m in plain.finditer(text)]
