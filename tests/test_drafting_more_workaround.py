"""A way around the problem that MORE INFORMATION opens a paragraph with ("You may be able
to work around this issue by ...:" over its steps) is offered as an outcome of its own
(round 18, reader notes 56:12)."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, fixes, ticks

from kbassist.drafting.tree import draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999917")

ARTICLE = (
    "SYMPTOMS\n========\n\nWhile you play the game, graphic textures may turn white.\n\n"
    "CAUSE\n=====\n\nThis behavior can occur if you change display resolution during the\n"
    "game.\n\n"
    "RESOLUTION\n==========\n\nTo prevent this issue from occurring, select the display\n"
    "resolution that you want to use before you start the game.\n\n"
    "MORE INFORMATION\n================\n\n"
    "{opening} work around this issue by configuring the game to run in\n"
    "a lower display resolution:\n\n"
    "1. Start the game.\n\n"
    "2. On the Home Plate screen, click Options.\n\n"
    "3. Under Available Resolutions, click a lower display resolution, and then click\n"
    "  OK.\n"
)


def test_more_information_way_around_is_an_outcome_with_its_steps() -> None:
    """'You may be able to work around this issue by configuring X:' and its numbered
    steps: an outcome "Workaround: Configure X" beside the resolution, its steps ticked."""
    tree = draft_tree(mskb(ARTICLE.format(opening="You may be able to")))
    found = [ticks(o) for o in fixes(tree)]
    titles = [o["title"] for o in fixes(tree)]
    assert "Workaround: Configure the game to run in a lower display resolution" in titles
    assert ["Select the display resolution that you want to use before you start the game."] in (
        found
    )
    assert [
        "Start the game.",
        "On the Home Plate screen, click Options.",
        "Under Available Resolutions, click a lower display resolution, and then click OK.",
    ] in found


def test_way_around_said_mid_paragraph_is_no_outcome() -> None:
    """A 'you can work around this' deep inside an explanation is not taken as a fix of
    its own, while one opening the paragraph is ('You can work around the problem')."""
    said = "The textures are cached when the game starts, and users who know this can"
    tree = draft_tree(mskb(ARTICLE.format(opening=said)))
    assert len(fixes(tree)) == 1
    tree = draft_tree(mskb(ARTICLE.format(opening="However, you can")))
    assert len(fixes(tree)) == 2
