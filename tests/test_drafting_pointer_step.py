"""A RESOLUTION step 1 that ends on its Knowledge Base pointer ("... see the following
article in the Microsoft Knowledge Base:") is ticked as the first step, the pointer shown
under it; it is not the fix's heading over steps 2 on (round 18, reader note 56:1)."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, fixes, ticks

from kbassist.drafting.tree import draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999916")


def test_first_step_with_its_kb_pointer_stays_a_step() -> None:
    """Step 1 "Verify X. For more information, see the following article ...:" is the
    first tick (its pointer under it), and the outcome's text holds no copy of it."""
    article = mskb(
        "SYMPTOMS\n========\n\nSound is distorted when you play a game.\n\n"
        "RESOLUTION\n==========\n\n"
        "To resolve this issue, use the following steps:\n\n"
        "1. Verify that the speaker volume on the audio card is not set to full volume.\n\n"
        "  For additional information about how to adjust speaker volume, please see\n"
        "  the following article in the Microsoft Knowledge Base:\n\n"
        "  Q137451 Sound Distortion with Multimedia Programs\n\n"
        "2. Click Start, point to Settings, and then click Control Panel.\n\n"
        "3. Double-click Multimedia.\n\n"
        "4. Click the Audio tab.\n"
    )
    (fix,) = fixes(draft_tree(article))
    said = ticks(fix)
    assert said[0] == (
        "Verify that the speaker volume on the audio card is not set to full volume."
    )
    assert said[1] == "Click Start, point to Settings, and then click Control Panel."
    assert "speaker volume" not in fix.get("text", "")
    assert "following article" in (fix["steps"][0].get("detail") or "")
