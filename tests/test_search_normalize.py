"""How a query's words are normalized before ranking: shorthand the corpus defines itself,
alert names typed whole, negations, typos the corpus shares, words cut short.

Each end-to-end test builds a tiny knowledge base where one normalization decides which
article comes first; bench/bench_quality.py measures the real corpora.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from search_support import small_kb, top_ids, write_article

from kbassist.index import KBIndex
from kbassist.search.whoosh_backend.analysis import query_groups
from kbassist.search.whoosh_backend.mined import MINED


def test_an_abbreviation_the_corpus_defines_stands_for_its_words() -> None:
    """ "owa" means Outlook Web Access, as the archive's articles define it."""
    assert MINED["owa"] == "outlook web access"
    assert query_groups(["owa"]) == [("outlook", "owa"), ("web", "owa"), ("access", "owa")]


def test_the_plural_of_an_abbreviation_expands_like_it() -> None:
    """ "nics" is the plural of "nic": network interface cards."""
    assert query_groups(["nics"]) == query_groups(["nic"])
    assert ("network", "nic") in query_groups(["nic"])


def test_a_title_prefix_stands_for_its_product_and_version() -> None:
    """ "adt2", the prefix of the Access Distribution Kit 2 articles, finds that product."""
    groups = query_groups(["adt2"])
    assert ("access", "adt2") in groups
    assert ("2", "adt2") in groups


def test_an_abbreviation_finds_the_article_that_spells_it_out(tmp_path: Path) -> None:
    """ "owa page blank" finds the article about Outlook Web Access that never says OWA."""
    kb = small_kb(
        tmp_path,
        [
            ("WEB", "Outlook Web Access logon shows an empty page", "The logon page is blank."),
            ("PRINT", "Page is blank", "The page is blank; every page printed is a blank page."),
        ],
    )
    assert top_ids(kb, "owa page blank")[0] == "WEB"


def test_an_alert_name_typed_whole_finds_the_title_that_spells_it_apart(
    tmp_path: Path,
) -> None:
    """ "InfoInhibitor always firing" finds the runbook titled "Info Inhibitor"."""
    kb = small_kb(
        tmp_path,
        [
            ("INFO", "Info Inhibitor", "The inhibitor alert is always firing; this is expected."),
            ("DOG", "Watchdog", "Always firing: the alert is always firing, always."),
        ],
    )
    assert top_ids(kb, "InfoInhibitor always firing")[0] == "INFO"


def test_negated_auxiliaries_are_not_searched_as_words() -> None:
    """ "won't", "can't" and "doesnt" add no word: not "won", not "t"."""
    assert query_groups(["won't", "start"]) == [("start",)]
    assert query_groups(["can\u2019t", "doesnt", "isnt", "connect"]) == [("connect",)]
    assert query_groups(["want", "went"]) == [("want",), ("went",)]


def test_negation_in_a_sentence_does_not_decide_the_ranking(tmp_path: Path) -> None:
    """An article that happens to say "won" does not beat the one about the symptom."""
    kb = small_kb(
        tmp_path,
        [
            ("KEY", "Error while deleting key", "Removing the key fails with an error."),
            ("GAME", "Contest scores", "The team won the registry contest; error in key scores."),
        ],
    )
    assert top_ids(kb, "error deleting registry key won't go")[0] == "KEY"


def test_a_typo_a_few_articles_share_still_counts_as_its_word(tmp_path: Path) -> None:
    """ "timout" is taken as "timeout" though two articles misspell it the same way."""
    root = tmp_path / "kb"
    root.mkdir()
    write_article(
        root, "SQL", "Timeout expired when connecting to SQL", "Connecting fails: expired."
    )
    for n in range(2):
        write_article(
            root, f"TYPO{n}", f"Modem note {n}", f"Modem {n} reports timout connecting; expired."
        )
    for n in range(110):
        write_article(root, f"T{n}", f"Timeout of job {n}", f"Job {n} waits.")
    kb = KBIndex(root, tmp_path / "index")
    kb.update()
    assert top_ids(kb, "timout expired connecting")[0] == "SQL"


def test_did_you_mean_completes_a_word_cut_short(tmp_path: Path) -> None:
    """ "stor" is in the text (FTP's STOR command) but no title: the suggestion says "store"."""
    root = tmp_path / "kb"
    root.mkdir()
    write_article(root, "IS", "Exchange information store will not start", "The store stops.")
    for n in range(60):
        write_article(root, f"S{n}", f"Store note {n}", f"The FTP STOR command {n} fails.")
    kb = KBIndex(root, tmp_path / "index")
    kb.update()
    assert kb.search("exchnge informaton stor").suggestion == "exchange information store"


def test_a_stop_code_is_found_by_its_short_and_long_ntstatus_forms(tmp_path: Path) -> None:
    """ "stop 0x21a" finds the article that prints STOP 0xC000021A, and the other way round."""
    assert ("0x21a", "0xc000021a") in query_groups(["0x21a"])
    assert ("0xc0000135", "0x135") in query_groups(["0xC0000135"])
    assert query_groups(["0xa"]) == [("0xa",)]  # STOP 0xA is not 0xC000000A
    kb = small_kb(
        tmp_path,
        [
            ("LONG", "Logon process fails at startup", "STOP 0xC000021A appears at startup."),
            ("SHORT", "Process fails at startup", "STOP 0x135 appears at startup."),
            ("OTHER", "Logon process fails", "The logon process fails at startup with a stop."),
        ],
    )
    assert top_ids(kb, "stop 0x21a logon process")[0] == "LONG"
    assert top_ids(kb, "c0000135 startup")[0] == "SHORT"


SUGGEST = """
import sys
from pathlib import Path
from kbassist.index import KBIndex
kb = KBIndex(Path(sys.argv[1]), Path(sys.argv[2]))
print(kb.search("cepx pool full").suggestion)
"""


def test_did_you_mean_is_the_same_in_every_process(tmp_path: Path) -> None:
    """Two words equally near a typo ("ceph", "cepc"): every run suggests the same one."""
    root = tmp_path / "kb"
    root.mkdir()
    for n in range(3):
        write_article(root, f"C{n}", f"Ceph pool {n} is full", f"The ceph pool {n} stops.")
        write_article(root, f"D{n}", f"Cepc pool {n} is full", f"The cepc pool {n} stops.")
    KBIndex(root, tmp_path / "index").update()
    said = set()
    for seed in range(6):
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        run = subprocess.run(
            [sys.executable, "-c", SUGGEST, str(root), str(tmp_path / "index")],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        said.add(run.stdout.strip())
    assert len(said) == 1, said


def test_pasted_switches_calls_and_symbols_are_words_not_query_syntax() -> None:
    """ "get -r -vl", "chr(26)", "??_U@YAPAXI@Z" and "log on?" are searched as typed text:
    no exclusion, group or wildcard (they ran the slow full matcher or matched "one")."""
    from kbassist.search.query import parse_query

    for text, word in [
        ("vss get -r -vl label", "-vl"),
        ("netstat -an", "-an"),
        ("vfp chr(26) eof", "chr(26)"),
        ("entry point ??_U@YAPAXI@Z", "_U@YAPAXI@Z"),
        ("why can't users log on?", "on"),
    ]:
        parsed = parse_query(text)
        assert word in parsed.words and not parsed.structured and not parsed.wildcards, text
    assert parse_query("backup -exchange").structured  # a word of four letters: excluded
    assert parse_query("w?ndows").wildcards == ("w?ndows",)


def test_a_question_mark_ending_a_question_finds_what_the_words_find(tmp_path: Path) -> None:
    """ "is the spooler hung?" counts "hung": as a wildcard it stood for five letters."""
    kb = small_kb(
        tmp_path,
        [
            ("HUNG", "Spooler is hung", "The spooler is hung after a print job."),
            ("CRASH", "Spooler crashes", "The spooler crashes; the spooler service stops."),
        ],
    )
    found = top_ids(kb, "why is the spooler hung?")
    assert found == top_ids(kb, "why is the spooler hung")
    assert found[0] == "HUNG"


def test_a_contraction_typed_without_its_apostrophe_is_no_typo(tmp_path: Path) -> None:
    """ "wont start" searches as "won't start" does: no "did you mean: wan start", and the
    bare "t" of "can't" in a title lifts nothing."""
    kb = small_kb(
        tmp_path,
        [
            ("CONNECT", "Can't connect remotely to SQL Server", "Clients can't connect."),
            (
                "START",
                "SQL Server service won't start after a password change",
                "The SQL Server service won't start after its account password changed.",
            ),
        ],
    )
    typed = kb.search("sql server service wont start", limit=10)
    assert typed.suggestion is None
    assert [hit.id for hit in typed.hits] == top_ids(kb, "sql server service won't start")
    assert typed.hits[0].id == "START"
    assert top_ids(kb, "cant connect sql server")[0] == "CONNECT"
