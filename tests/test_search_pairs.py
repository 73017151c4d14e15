"""Words side by side: the pairs of a title or problem statement (issue 12, round 2).

That the query's words stand together in the problem statement is evidence the article
describes that symptom: it counts more than before, once (a repeat adds little), and
less in a long statement that holds many pairs by chance. bench/bench_quality.py
measures the real corpora.
"""

from __future__ import annotations

from pathlib import Path

from search_support import small_kb, top_ids


def test_the_symptom_said_together_beats_its_words_scattered_under_a_title(
    tmp_path: Path,
) -> None:
    """ "mail server stops responding" finds the article that says so, not the one whose
    title names the mail server and whose statement scatters the other words."""
    kb = small_kb(
        tmp_path,
        [
            (
                "APART",
                "Mail server and clients",
                "The mail queue grows, the server is slow, backups stop, and nothing is "
                "responding; mail stops.",
            ),
            (
                "TOGETHER",
                "Relay note",
                "After an hour of heavy load the mail server stops responding to clients.",
            ),
        ],
    )
    assert top_ids(kb, "mail server stops responding")[0] == "TOGETHER"
