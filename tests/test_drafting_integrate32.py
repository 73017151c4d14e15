"""Round 32 integration: what the merged branches left to the integrator."""

from __future__ import annotations

import time

from kbassist.drafting.modern import md_plain


def test_markdown_links_read_as_their_text() -> None:
    """A modern article's links, images and Hugo refs read as the words a reader sees."""
    text = (
        'See [the firewall guide](https://example.com/fw "Firewall") and '
        '[{{< ref "dns" >}}]({{< ref "dns.md" >}}), then [Event Viewer][ev]. '
        "![Start button](start.png)Click Start."
    )
    plain = md_plain(text)
    assert "the firewall guide" in plain
    assert "https://example.com" not in plain
    assert "Event Viewer" in plain
    assert "Start button" not in plain


def test_hostile_link_markup_is_read_quickly() -> None:
    """20 KB of unclosed link markup in an article cannot stall drafting."""
    hostile = ["![a](" * 4000, "[" * 20000, "[a](" * 5000, "[a][" * 5000, "[" + "a" * 20000]
    start = time.perf_counter()
    for text in hostile:
        md_plain(text)
    assert time.perf_counter() - start < 5.0
