"""Normalizations and ranking properties that separate siblings: two articles sharing most
words, one of them what the admin typed (issue 12's remaining misses).

Each end-to-end test builds a tiny knowledge base where one behaviour decides which article
comes first; bench/bench_quality.py measures the real corpora.
"""

from __future__ import annotations

from pathlib import Path

from search_support import small_kb, top_ids, write_article

from kbassist.index import KBIndex
from kbassist.search.whoosh_backend.analysis import query_groups


def test_every_part_of_a_hyphenated_word_is_searched() -> None:
    """ "virt-operator" and "ms-dos" are two words each, as the index has them."""
    assert query_groups(["virt-operator"]) == [("virt",), ("oper",)]
    assert query_groups(["ms-dos", "e-mail"]) == [("ms",), ("dos",), ("e",), ("mail",)]
    assert query_groups(["4.0", "share.exe"]) == [("4.0", "4"), ("share.exe",)]


def test_a_possessive_adds_no_word() -> None:
    """ "it's" and "user's" do not search for a lone "s"."""
    assert query_groups(["user's", "profile", "it's"]) == [("user",), ("profil",)]


def test_a_size_glued_to_its_unit_matches_the_spaced_form() -> None:
    """ "1gb" and "100mb" find what articles write: "1 GB", "100 MB" (and themselves)."""
    assert query_groups(["1gb"]) == [("1", "1gb"), ("gb", "1gb")]
    assert query_groups(["100mb", "16bit"])[1] == ("mb", "100mb")


def test_the_sibling_named_by_a_hyphenated_word_wins(tmp_path: Path) -> None:
    """ "virt-operator pods" finds the operator's runbook, not the controller's that says
    "virt" more often."""
    kb = small_kb(
        tmp_path,
        [
            (
                "OPER",
                "No leading virt operator",
                "No virt-operator pod holds the leader lease.",
            ),
            (
                "CTRL",
                "No leading virt controller",
                "No virt-controller pod holds the leader lease; virt pods and virt "
                "launcher wait for the operator.",
            ),
        ],
    )
    assert top_ids(kb, "virt-operator pod leader lease")[0] == "OPER"


def test_an_alert_name_typed_whole_beats_a_sibling_holding_the_same_words(
    tmp_path: Path,
) -> None:
    """ "OperatorConditionsUnhealthy" finds that runbook, not HCOOperatorConditionsUnhealthy
    whose text says the rest of the query more often."""
    kb = small_kb(
        tmp_path,
        [
            (
                "OCU",
                "OperatorConditionsUnhealthy [Deprecated]",
                "Operator conditions report a problem.",
                "Resources may be in an error state.",
            ),
            (
                "HCO",
                "HCOOperatorConditionsUnhealthy",
                "Operator conditions are unhealthy: resources in an error state, "
                "resources in an error state.",
            ),
        ],
    )
    assert top_ids(kb, "OperatorConditionsUnhealthy resources error state")[0] == "OCU"


def test_an_alert_name_spelt_out_in_words_finds_its_runbook(tmp_path: Path) -> None:
    """ "ceph cluster near full" means CephClusterNearFull, not the OSD sibling whose text
    says "cluster", "near" and "full" more often."""
    kb = small_kb(
        tmp_path,
        [
            (
                "CephClusterNearFull",
                "CephClusterNearFull",
                "Storage utilization has crossed 75%. Free up some space.",
            ),
            (
                "CephOSDNearFull",
                "CephOSDNearFull",
                "An OSD is near full: the cluster is near full soon, the cluster storage "
                "is near full, expand the cluster or the full devices.",
            ),
        ],
    )
    assert top_ids(kb, "ceph cluster near full")[0] == "CephClusterNearFull"


def test_a_title_the_query_names_whole_beats_a_long_one_holding_the_words(
    tmp_path: Path,
) -> None:
    """ "error deleting registry key" finds "Error while deleting key" above a long article
    that happens to hold each word more often."""
    kb = small_kb(
        tmp_path,
        [
            ("KEY", "Error while deleting key", "Removing the key in the registry fails."),
            (
                "RESTORE",
                "How the restore in progress registry key works with the backup agent",
                "Deleting the registry key after an error: the registry key is "
                "recreated, and deleting it again shows an error.",
            ),
        ],
    )
    assert top_ids(kb, "error deleting registry key")[0] == "KEY"


def test_a_past_tense_also_counts_as_the_present_stem() -> None:
    """ "stopped" and "hotplugged" (stemmed "stopp", "hotplugg") also match "stop", "hotplug"."""
    assert query_groups(["stopped", "hotplugged"]) == [("stopp", "stop"), ("hotplugg", "hotplug")]
    assert query_groups(["set", "falling"]) == [("set",), ("fall",)]  # not "sett", not "fal"


def test_a_word_typed_in_the_past_tense_finds_the_article_in_the_present(
    tmp_path: Path,
) -> None:
    """ "print spooler stopped" finds "Print spooler stops" above a spooler that is slow."""
    root = tmp_path / "kb"
    root.mkdir()
    write_article(root, "STOPS", "Print spooler stops", "The print spooler stops at startup.")
    write_article(
        root, "SLOW", "Print spooler is slow", "The print spooler is slow; print spooler waits."
    )
    # "stopped" is a word of this KB (no typo to correct): other articles use it.
    for n in range(8):
        write_article(root, f"C{n}", f"Clock note {n}", f"The wall clock {n} stopped.")
    kb = KBIndex(root, tmp_path / "index")
    kb.update()
    assert top_ids(kb, "print spooler stopped")[0] == "STOPS"
