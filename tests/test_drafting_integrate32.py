"""Round 32 integration: what the merged branches left to the integrator."""

from __future__ import annotations

import time
from functools import partial

from drafting_support import archive

from kbassist.drafting.modern import md_plain
from kbassist.drafting.tree import draft_tree, draft_tree_model

mskb = partial(archive, id_="Q999634", product="Microsoft C")


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


def test_a_reference_that_only_points_elsewhere_still_drafts() -> None:
    """A README entry whose only text is a pointer tells that pointer, and lints clean."""
    body = """
The following information is taken from the C Version 6.00 README.DOC
file.

PWB: Keeping System Files out of Build Dependencies
---------------------------------------------------

For information on how to keep system include files out of your list of
build dependencies, see online help for the Build switch's system option.
"""
    art = mskb(body, title="C 6.00 README: PWB: Keep System Files Out of Build")
    tree = draft_tree(art)
    detail = " ".join(step.get("detail", "") for n in tree["nodes"] for step in n.get("steps", []))
    assert "see online help" in detail
    draft_tree_model(art)  # loads and lints clean


def test_a_block_of_two_rules_does_not_stop_the_draft() -> None:
    """Two rule lines with nothing between them (a banner's frame) are no heading."""
    body = """
SUMMARY
=======

The following information is contained in the Contoso Soccer README file.

README.TXT FILE
===============

Installing
----------

Run SETUP.EXE from the CD-ROM.

Sound
-----

If you hear no sound, run the Sound Setup program.

---------------------------------------------------------------------------
----------------------

Joysticks
---------

Calibrate the joystick in Control Panel before you start the game.
"""
    art = mskb(body, title="Contoso Soccer: README.TXT Contents")
    draft_tree_model(art)  # drafts, loads and lints clean
