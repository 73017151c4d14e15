"""Round 16 speed (perf16): the checklist escape's skip of its link search changes nothing."""

from __future__ import annotations

import re

import pytest

from kbassist.trees import checklist
from kbassist.trees.checklist import md_escape

#: Checklist texts as drafts hold them: plain steps, markup characters, and every form
#: a renderer makes live (URL, www., mailto:/xmpp:, e-mail, @mention), near misses too.
SAMPLES = [
    "Restart the computer.",
    "Click **Start**, point to `Programs`, and then click <Run>.",
    "Set HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Windows to 1 | 0 & check [x].",
    "Download it from http://support.microsoft.com/kb/123456.",
    "Go to www.microsoft.com/downloads, and then search.",
    "Visit WWW.MICROSOFT.COM (capital letters are not a link form).",
    "Send mail to mailto:someone@example.com or xmpp:admin@chat.example.org.",
    "Contact support@example.com for help.",
    "Ask @oncall-team/dba in the channel.",
    "Type user@ then the domain.",
    "A path such as c:\\windows: not a scheme.",
    "ftp://server/share\r\nand\tthen   tabs",
    "Text with a control character \x1b[31m here.",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_md_escape_same_as_full_search(text: str) -> None:
    """The escaped text is what the link search over every position gives."""
    plain = checklist.CONTROL_RE.sub("", text)
    plain = " ".join(plain.replace("\r", "\n").split("\n"))
    plain = checklist._BLANKS_RE.sub(" ", plain)
    out: list[str] = []
    done = 0
    for match in checklist._LIVE_RE.finditer(plain):
        token = match.group().rstrip(checklist._TRAILING)
        if len(token) < 2:
            continue
        out.append(checklist._MD_SPECIAL_RE.sub(r"\\\1", plain[done : match.start()]))
        out.append(f"`{token}`")
        done = match.start() + len(token)
    out.append(checklist._MD_SPECIAL_RE.sub(r"\\\1", plain[done:]))
    assert md_escape(text) == "".join(out)


@pytest.mark.parametrize("text", SAMPLES)
def test_every_live_token_holds_a_hint(text: str) -> None:
    """A text the search would find a link in always holds one of the skip's words."""
    for match in checklist._LIVE_RE.finditer(text):
        assert any(hint in match.group() for hint in checklist._LIVE_HINTS)


def test_links_still_code_spans() -> None:
    """A URL and an e-mail address in a draft's step stay literal code spans."""
    assert md_escape("See http://example.com/a_b.") == "See `http://example.com/a_b`."
    assert md_escape("Mail a@b.com now") == "Mail `a@b.com` now"
    assert md_escape("Click *Start*") == "Click \\*Start\\*"


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a `\\b(?:a|b|...)\\b` pattern."""
    body = pattern.removeprefix(r"\b(?:").removesuffix(r")\b")
    depth, alternatives = 0, [""]
    for char in body:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            alternatives.append("")
        else:
            alternatives[-1] += char
    return alternatives


def test_problem_words_start_with_listed_letters() -> None:
    """Every word of the symptom's problem list can start a match of the quick regex."""
    from kbassist.drafting.verify import PROBLEM_FIRST_LETTERS, PROBLEM_RE

    for alternative in _alternatives(PROBLEM_RE.pattern):
        heads = ["i", "a"] if alternative.startswith("(?:is|are)") else [alternative[0]]
        assert all(h.lower() in PROBLEM_FIRST_LETTERS for h in heads), alternative


@pytest.mark.parametrize(
    "sentence",
    [
        "The index view provides a search field.",
        "Setup fails with an Access Violation error.",
        "When you open the file, Word stops responding.",
        "No printers are listed in the Printers folder.",
        "The server times out and Event ID 2019 is logged.",
        "Outlook ſtops responding.",  # long s folds to s
        "Your KEYBOARD is unreſponsive; İt hangs.",
        "Users are unable to log on because the password has expired.",
        "The query returns rows rather than the totals you expect.",
        "It is by design.",
    ],
)
def test_states_problem_same_as_full_regex(sentence: str) -> None:
    """A symptom sentence reads as stating a problem exactly when the word list says so."""
    from kbassist.drafting import verify

    quick = verify._PROBLEM_QUICK_RE.search(sentence)
    full = verify.PROBLEM_RE.search(sentence)
    assert (quick and quick.span()) == (full and full.span())
    assert verify.states_problem(sentence) == bool(full)


@pytest.mark.parametrize(
    "line",
    [
        "Check that you user tile no longer disappears and.",
        "Check that the printer prints (if your",
        "Check that the error no longer appears,",
        "Check that this no longer occurs: The user is a member of.",
        "Check that this no longer occurs: the user is a member of.",
        "Check that the files, folders and so on open.",
        "Check that Setup finishes without the error.",
        "Check that the list is shown than",
        "Of",
    ],
)
def test_malformed_verify_end_word_searched_near_end(line: str) -> None:
    """A verify line ending on "and." reads broken whether searched whole or near its end."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import draft_metrics

    said = " ".join(line.split()).replace(" so on", " more")
    whole = bool(draft_metrics._VERIFY_END_WORD_RE.search(said)) and not re.search(
        r"\bno longer (?:occurs|happens|appears): [A-Z\"].*[.!?\"]$", said
    )
    assert draft_metrics._END_WORD_REACH >= 7
    assert draft_metrics.malformed_verify(line) == bool(
        whole
        or any(
            p.search(said)
            for p in (
                draft_metrics._VERIFY_FLAT_LIST_RE,
                draft_metrics._VERIFY_PASTED_IF_RE,
                draft_metrics._VERIFY_YOU_NOUN_RE,
                draft_metrics._VERIFY_TWICE_RE,
            )
        )
        or draft_metrics._VERIFY_PRONOUN_ACT_RE.match(said)
    )
