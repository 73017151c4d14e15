"""Round 18 speed (perf18): the faster forms and guards of rule regexes give the same answers."""

from __future__ import annotations

import pytest

from kbassist.drafting import fixed_in, options, text, ticks, verify_fit, wait_pack
from kbassist.drafting.text import (
    DETAIL_SEP,
    Hinted,
    sentence_pieces,
    split_detail,
    split_sentences,
    with_detail,
)

#: Article sentences and paragraphs of the kinds these regexes read, near misses, tables,
#: abbreviations, odd spacing and non-ASCII text (IGNORECASE folds "K" and "ſ").
SAMPLES = [
    "Click Start, and then click Run. Type regedit, and then click OK.",
    "Restart the computer.  (The change takes effect then.) Then log on again!",
    "Is it on?  \"Yes\" means it is. 'No' means it is not.\n",
    "Windows NT 3.51 U.S. Service Pack 5 fixes it. See also e.g. Notepad.",
    "A Dr. Watson error occurs. It is approx. 5 MB. Use ver. 2 instead.",
    "Ends with an abbreviation: U.S.",
    "Ends with an abbreviation and a newline e.g.\n",
    "See the SR-1 release. To resolve this problem, upgrade to Office 97 SR-2.",
    "Upgrade the driver.",
    "Obtain the latest version of the driver, or the version or update that fixes it.",
    "Contact Microsoft Product Support Services to obtain the hotfix.",
    "Call your support provider. Apply the updated files. Get the patch.",
    "Install the fix rollup. Obtain the hot fix mentioned below.",
    "Obtain the latest service pack for Windows NT 4.0; the hotfix is in it.",
    "| Name | Size | Date |",
    "| a | b |",
    "------",
    "-----",
    "+-+-+-",
    "==== Table ====",
    "a - b - c - d - e - f - g",
    "The value \u212aB is \u017fervice-pack related.",
    "\u017fr-1 and \u212a",
    "",
    ".",
    "No stop here",
]


@pytest.mark.parametrize("sample", SAMPLES)
def test_sentence_pieces_split_where_the_sentence_regex_does(sample: str) -> None:
    """Sentences are cut at exactly the gaps the lookbehind pattern found."""
    assert sentence_pieces(sample) == text._SENTENCE_RE.split(sample)


def test_sentences_not_cut_at_abbreviations() -> None:
    """ "U.S.", "e.g." and "approx." still end no sentence; a real stop still does."""
    got = split_sentences("Use the U.S. Service Pack 5. Open e.g. Notepad. It is approx. 5 MB.")
    assert got == ["Use the U.S. Service Pack 5.", "Open e.g. Notepad.", "It is approx. 5 MB."]
    long = "x" * 40 + " Cf. Dr. Watson. Then stop."
    assert split_sentences(long) == ["x" * 40 + " Cf. Dr. Watson.", "Then stop."]
    assert split_sentences("The outlaw. Then stop.") == ["The outlaw.", "Then stop."]


@pytest.mark.parametrize("sample", SAMPLES)
def test_abbreviation_end_test_agrees_with_its_regex(sample: str) -> None:
    """The end-only abbreviation test answers as the whole-text search does."""
    for variant in (sample, sample.rstrip(), f"Word {sample}", f"{sample}x"):
        want = variant.endswith(text._ABBREVIATION_ENDS) and bool(
            text._ABBREVIATION_RE.search(variant)
        )
        assert text._abbreviated(variant) == want, variant


@pytest.mark.parametrize("sample", SAMPLES)
def test_table_pattern_truth_unchanged(sample: str) -> None:
    """A table rule or row is seen as a table exactly when the plain pattern sees one."""
    for variant in (sample, f"x {sample} y", sample.replace(" ", "")):
        want = bool(options._TABLE_PLAIN_RE.search(variant))
        assert bool(options._TABLE_RE.search(variant)) == want, variant


@pytest.mark.parametrize("sample", SAMPLES)
def test_new_hinted_searches_same_matches(sample: str) -> None:
    """The hinted install, hotfix and get-the-fix searches find what their regexes find."""
    for hinted in (fixed_in._INSTALLS_RE, fixed_in._HOTFIX_RE, wait_pack._GET_FIX_RE):
        assert isinstance(hinted, Hinted)
        for variant in (sample, sample.upper(), sample.lower()):
            got, want = hinted.search(variant), hinted.pattern.search(variant)
            assert (got and got.span()) == (want and want.span()), variant


def test_release_and_fix_outcomes_read_as_before() -> None:
    """A service pack installs a release, a hotfix from support does not."""
    assert fixed_in.installs_release("Install Windows NT 4.0 Service Pack 3", [])
    assert fixed_in.installs_release("Fix", ["Upgrade to Office 97 SR-2."])
    assert not fixed_in.installs_release("Obtain the hotfix", ["Contact PSS."])
    assert not fixed_in.installs_release("Restart the computer", [])


@pytest.mark.parametrize(
    "verify",
    [
        "Check that the following items function: -",
        "Check that one of the following error messages:",
        "Check that these features work: \u2022 ",
        "Check that the value is 5 - 3",
        "Check that it works.",
        f"Check that the following items function: -{DETAIL_SEP}- A\n- B",
        "Check that the list shows -",
        "Check that the following is true",
    ],
)
def test_cut_list_verify_same_as_unguarded(verify: str) -> None:
    """A verify whose list was cut off is worded as before the guards."""
    said, detail = split_detail(verify)
    assert verify_fit._FLAT_LIST_RE.search(said) is None  # the branch the guards are in
    plain = verify_fit._LONE_BULLET_RE.sub(" ", said)
    cut = verify_fit._CUT_LIST_RE.search(plain) if not detail.strip() else None
    if cut:
        which = cut.group("which") or ""
        plain = f"{plain[: cut.start()]}{which}the {cut.group('what')} the article lists."
    elif not detail.strip():
        plain = verify_fit._END_BULLET_RE.sub(".", plain)
    want = with_detail(plain, detail) if plain != said else verify
    assert verify_fit.list_items_said(verify) == want


def test_download_junk_still_removed() -> None:
    """The doubled "DownloadDownload" and the secure-servers sentence still go."""
    items = [
        "DownloadDownload Q248838engi.exe now.",
        f"Run it.{DETAIL_SEP}Keep it.\n\n\n\nThe file is stored on secure servers that"
        " prevent any unauthorized changes to the file.",
    ]
    assert ticks.junk_free(items) == [
        "Download Q248838engi.exe now.",
        f"Run it.{DETAIL_SEP}Keep it.",
    ]
    assert ticks.junk_free(["Download the file."]) == ["Download the file."]


LEADS = [
    "To work around this problem, use one of the following methods:",
    "To resolve this problem, follow these steps:\n",
    "There are two ways to work around this problem.",
    "THERE ARE SEVERAL OPTIONS.",
    "To fix the printer, follow the steps below.",
    "Use the following steps to install it:",
    "Follow the instructions on the screen to remove X:",
    "Use the instructions that follow.",
    "Restart the computer.",
    "Restart the computer",
    "Use these steps",
    "There are \u017feveral ways.",
]


@pytest.mark.parametrize("lead", LEADS + SAMPLES)
def test_lead_only_same_as_its_regex(lead: str) -> None:
    """A bare lead-in ("To resolve this problem, follow these steps:") is told as before."""
    for variant in (lead, lead.upper(), lead.rstrip(".:\n")):
        assert options.lead_only(variant) == bool(options._LEAD_ONLY_RE.match(variant)), variant


def test_bare_lead_in_still_leaves_the_ticks() -> None:
    """A lead-in item is the outcome's text, not a tick; a step ending with a stop stays."""
    lead, items = options.tidy_items(
        "", ["To resolve this problem, follow these steps:", "Restart the computer."]
    )
    assert items == ["Restart the computer."]
    assert "follow these steps" in lead


@pytest.mark.parametrize(
    "step",
    [
        "Do not use the /s switch.",
        "Use a different network protocol.",
        "Click Start; never click Shut Down.",
        "Install the driver with another cable.",
        "Choose an alternate printer driver.",
        "Use TCP/IP instead of NetBEUI.",
        "Begin the line with something other than the equals sign.",
        "Restart the computer.",
        "Don\u2019t click OK.",
        "AVOID USING LONG NAMES.",
    ],
)
def test_avoid_guard_keeps_every_match(step: str) -> None:
    """What a fix's steps avoid is found as before: the guard skips only texts with no match."""
    for variant in (step, step.lower(), step.upper()):
        matches = list(verify_fit._AVOID_RE.finditer(variant))
        if variant.isascii() and not verify_fit._may_avoid(variant.lower()):
            assert matches == [], variant
    assert verify_fit._avoided(["Use a different network protocol."]) == [
        ("thing", ["network", "protocol"])
    ]
