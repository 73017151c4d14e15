"""Role fields in the index: "symptom" means the same in Q98097, a runbook and a support article.

Each test builds a tiny knowledge base of Markdown articles in the layouts admins use
(archive-style SYMPTOMS / MORE INFORMATION, runbook Meaning / Impact / Diagnosis /
Mitigation, support article Symptoms / Cause / Resolution) where one behaviour of the
role fields makes the difference. bench/bench_quality.py measures real corpora.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kbassist.index import KBIndex


def _write(root: Path, name: str, title: str, sections: list[tuple[str, str]]) -> None:
    body = "".join(f"## {heading}\n\n{text}\n\n" for heading, text in sections)
    (root / f"{name}.md").write_text(
        f"---\nid: {name}\ntitle: {title}\n---\n\n{body}", encoding="utf-8"
    )


@pytest.fixture
def kb(tmp_path: Path) -> KBIndex:
    root = tmp_path / "kb"
    root.mkdir()
    _write(
        root,
        "EtcdAlertSeven",
        "Etcd Alert Seven",
        [
            ("Meaning", "A cluster member is unreachable and the members lost quorum."),
            ("Impact", "Writes to the datastore hang until a leader is elected."),
            (
                "Diagnosis",
                "Check the member list:\n\n```shell\n$ etcdctl memberlist --endpoints x\n```",
            ),
            ("Mitigation", "Restore the failed member from a backup snapshot."),
        ],
    )
    _write(
        root,
        "Q100",
        "List of fixes in the storage rollup",
        [
            ("Symptoms", "The rollup installer reports a version mismatch."),
            (
                "More information",
                "Fixed: member unreachable after reboot. Fixed: members lost quorum during "
                "upgrade. Fixed: cluster member unreachable, members lost quorum, writes "
                "hang. Fixed: datastore writes hang until leader elected.",
            ),
        ],
    )
    _write(
        root,
        "Q101",
        "Rollup notes",
        [
            ("Symptoms", "Setup asks for the original media."),
            ("More information", "A cluster member is unreachable and the members lost quorum."),
        ],
    )
    _write(
        root,
        "KB200",
        "Spooler stops after an update",
        [
            ("Symptoms", "Print jobs stay queued and the spooler stops."),
            ("Cause", "A third-party port monitor leaks handles in the spoolsv process."),
            ("Resolution", "Remove the vendor monitor and restart the spooler service."),
        ],
    )
    # Filler so that idf means something: words the tests use stay rare.
    for n in range(30):
        _write(
            root,
            f"F{n}",
            f"Printer setup note {n}",
            [("Symptoms", f"Tray {n} jams on page {n} of the program.")],
        )
    index = KBIndex(root, tmp_path / "index")
    index.update()
    return index


def _ids(kb: KBIndex, text: str) -> list[str]:
    return [hit.id for hit in kb.search(text, limit=10).hits]


def test_runbook_meaning_counts_as_the_symptom(kb: KBIndex) -> None:
    """A runbook's Meaning weighs like SYMPTOMS: above the same words in another's body."""
    assert _ids(kb, "cluster member unreachable lost quorum")[0] == "EtcdAlertSeven"


def test_runbook_impact_counts_as_the_symptom(kb: KBIndex) -> None:
    """What an alert's Impact describes is what the on-call engineer sees and types."""
    assert _ids(kb, "datastore writes hang leader elected")[0] == "EtcdAlertSeven"


def test_section_symptom_filter_finds_a_runbook_by_role(kb: KBIndex) -> None:
    """`section:symptom` finds a runbook whose heading says Meaning, not Symptoms."""
    assert "EtcdAlertSeven" in _ids(kb, "section:symptom quorum")


def test_cause_and_resolution_filters_search_their_role(kb: KBIndex) -> None:
    """`cause:` and `resolution:` look in that role only."""
    assert _ids(kb, "cause:handles") == ["KB200"]
    assert _ids(kb, "resolution:handles") == []
    assert _ids(kb, "resolution:vendor") == ["KB200"]


def test_text_filter_still_covers_the_whole_body(kb: KBIndex) -> None:
    """`text:` finds a word in the Cause or Resolution, as before roles had fields."""
    assert _ids(kb, "text:handles") == ["KB200"]
    assert _ids(kb, "body:snapshot") == ["EtcdAlertSeven"]


def test_code_filter_finds_a_command_in_a_fenced_block(kb: KBIndex) -> None:
    """`code:` finds the article whose code block runs the command."""
    assert _ids(kb, "code:memberlist") == ["EtcdAlertSeven"]
    assert _ids(kb, "code:spooler") == []
