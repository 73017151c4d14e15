"""Ranking properties of product versions: the article for the version the admin typed
beats its sibling for another version of the same product (issue 12, round 9).

Tiny knowledge bases where the version alone decides the order; bench/bench_quality.py
measures the real corpora.
"""

from __future__ import annotations

from pathlib import Path

from search_support import small_kb, top_ids


def test_shorthand_with_a_glued_version_picks_that_version(tmp_path: Path) -> None:
    """ "iis5" (product and version in one word) prefers "IIS 5.0" over "IIS 4.0"."""
    kb = small_kb(
        tmp_path,
        [
            (
                "IIS4",
                "IIS 4.0: ASP Page Cannot Read Database on Novell 5 Server",
                "An ASP page cannot read the database on a Novell 5 server; the ASP page "
                "cannot read the database again after a restart of the Novell server.",
            ),
            (
                "IIS5",
                "IIS 5.0: ASP Page Cannot Read Database on Novell 5 Server",
                "An ASP page cannot read the database on a Novell 5 server.",
            ),
        ],
    )
    assert top_ids(kb, "iis5 asp page cannot read database novell")[0] == "IIS5"
