"""Ranking properties and query normalizations that decide whether the right article comes first.

Not single queries' ranks on a real corpus (bench/bench_quality.py measures those): each
test builds a tiny knowledge base where one behaviour makes the difference.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from search_support import small_kb, top_ids, write_article

from kbassist.index import KBIndex
from kbassist.search.whoosh_backend.analysis import hex_code, query_groups


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("0x0000000a", "0xa"),
        ("0xa", "0xa"),
        ("0000000a", "0xa"),
        ("0a", "0xa"),
        ("80004005", "0x80004005"),
        ("0x80004005", "0x80004005"),
        ("c0000005", "0xc0000005"),
    ],
)
def test_error_code_spellings_share_one_form(typed: str, code: str) -> None:
    """0x0000000A, 0xA, 0000000A and "stop 0a" are one code to the index."""
    assert hex_code(typed) == code


def test_plain_numbers_and_words_are_not_error_codes() -> None:
    """A version, a year or a word is not mistaken for a code."""
    assert hex_code("2000") is None
    assert hex_code("95") is None
    assert hex_code("face") is None


def test_shorthand_expands_to_the_words_articles_use() -> None:
    """nt4, win95, sp3 and vc++ stand for what articles write, and still match themselves."""
    assert query_groups(["nt4"]) == [("nt", "nt4"), ("4", "nt4")]
    assert ("window", "win95") in query_groups(["win95"])
    assert ("servic", "sp3") in query_groups(["sp3"])
    assert query_groups(["vc++"])[0][0] == "visual"
    assert ("2000", "w2k") in query_groups(["w2k"])


def test_a_version_matches_its_short_form() -> None:
    """ "4.0" also matches an article that says "NT 4"."""
    assert query_groups(["4.0"]) == [("4.0", "4")]


def test_error_code_typed_differently_finds_the_article(tmp_path: Path) -> None:
    """An admin's "stop 0a" finds the article that prints STOP 0x0000000A."""
    kb = small_kb(
        tmp_path,
        [
            ("BLUE", "Server halts with a blue screen", "STOP 0x0000000A appears at boot.", ""),
            ("OTHER", "Server halts at boot", "The server stops at boot with no message.", ""),
        ],
    )
    for query in ("stop 0a server", "0xA server boot", "0000000A"):
        assert top_ids(kb, query)[0] == "BLUE", query


def test_shorthand_query_finds_the_spelled_out_article(tmp_path: Path) -> None:
    """ "nt4 netstat" finds the article about Windows NT 4.0 and netstat."""
    kb = small_kb(
        tmp_path,
        [
            (
                "NT",
                "Netstat shows stale connections",
                "On Windows NT 4.0 netstat lists connections in FIN_WAIT_1 for hours.",
                "",
            ),
            (
                "W95",
                "Netstat shows stale connections",
                "On Windows 95 netstat lists connections for hours.",
                "",
            ),
        ],
    )
    assert top_ids(kb, "nt4 netstat stale")[0] == "NT"


def test_focused_article_beats_a_long_list_that_holds_every_word(tmp_path: Path) -> None:
    """A list of fixed bugs holding every word does not outrank the article about the symptom."""
    bugs = "\n".join(
        f"- Bug {n}: the {w} component leaks handles under load."
        for n, w in enumerate(
            "mail server backup spooler modem driver shell kernel dialog network".split() * 12
        )
    )
    kb = small_kb(
        tmp_path,
        [
            (
                "LIST",
                "List of bugs fixed in Service Pack 3",
                "This article lists fixes.",
                bugs + "\nThe mail server shuts down when the backup program runs.",
            ),
            (
                "FOCUS",
                "Mail server shuts down during a remote backup",
                "The mail server shuts down while the remote backup reads its data file.",
                "",
            ),
        ],
    )
    # "program" is common and only the list has it: the list matches every word.
    assert top_ids(kb, "mail server shuts down during backup program")[0] == "FOCUS"


def test_a_missing_word_keeps_the_results(tmp_path: Path) -> None:
    """A word no article holds does not empty the list, and no hit claims every word."""
    kb = small_kb(
        tmp_path,
        [("FOCUS", "Mail server shuts down during backup", "The server shuts down.", "")],
    )
    result = kb.search("mail server backup zyxwv")
    assert [h.id for h in result.hits][:1] == ["FOCUS"]
    assert not result.hits[0].full_match


def test_a_typo_in_a_long_query_still_counts_as_its_word(tmp_path: Path) -> None:
    """ "transmitt" is taken as "transmit", so the article about transmit errors wins."""
    kb = small_kb(
        tmp_path,
        [
            ("TX", "Network card transmit failures", "The node reports transmit errors.", ""),
            ("RX", "Network card errors on receive", "The node reports errors on receive.", ""),
        ],
    )
    assert top_ids(kb, "node network card transmitt errors")[0] == "TX"


def test_did_you_mean_corrects_every_misspelt_word(tmp_path: Path) -> None:
    """ "exchnge informaton stor" suggests all three words, not just one."""
    kb = small_kb(
        tmp_path,
        [
            (
                "IS",
                "Exchange information store will not start",
                "The information store service stops.",
                "",
            )
        ],
    )
    assert kb.search("exchnge informaton stor").suggestion == "exchange information store"


def test_did_you_mean_looks_past_a_typo_the_kb_itself_has(tmp_path: Path) -> None:
    """A misspelling a few articles share ("exchnge") is still corrected to the common word."""
    root = tmp_path / "kb"
    root.mkdir()
    for n in range(6):
        write_article(root, f"T{n}", f"Exchnge note {n}", "A typo the knowledge base has.")
    for n in range(320):
        write_article(root, f"E{n}", f"Exchange server note {n}", f"Mailbox {n} is full.")
    kb = KBIndex(root, tmp_path / "index")
    kb.update()
    assert kb.search("exchnge server").suggestion == "exchange server"


def test_camelcase_alert_names_are_found_by_their_words(tmp_path: Path) -> None:
    """A runbook titled etcdDatabaseQuotaLowSpace is found by "etcd database quota"."""
    kb = small_kb(
        tmp_path,
        [
            ("ETCD", "etcdDatabaseQuotaLowSpace", "The alert fires when space runs low.", ""),
            ("DISK", "NodeFilesystemSpaceFillingUp", "The alert fires when space runs low.", ""),
        ],
    )
    assert top_ids(kb, "etcd database quota low")[0] == "ETCD"
    assert top_ids(kb, "etcdDatabaseQuotaLowSpace")[0] == "ETCD"


def test_words_side_by_side_rank_above_scattered_words(tmp_path: Path) -> None:
    """ "shut down" together in the problem statement beats the same words far apart."""
    kb = small_kb(
        tmp_path,
        [
            ("NEAR", "Server problem", "The backup makes the mail server shut down.", ""),
            (
                "FAR",
                "Server problem",
                "The mail backup is slow; the server did not shut. Users went down the hall.",
                "",
            ),
        ],
    )
    assert top_ids(kb, "mail server shut down backup")[0] == "NEAR"
