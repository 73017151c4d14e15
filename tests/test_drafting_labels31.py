"""Option labels and outcome titles shortened at a phrase boundary (round 31, labels31):
never a word or two into a parenthesis, a noun phrase or a relative clause ("... (including
a", "... on the print", "... that were members"), as seed-80/82 readers marked them."""

from __future__ import annotations

import time
from functools import partial
from typing import Any

from drafting_support import archive

from kbassist.drafting.phrase_ends import mid_phrase, open_paren, phrase_cut
from kbassist.drafting.text import short_label
from kbassist.drafting.tree import draft_tree

mskb = partial(archive, id_="Q999631", product="Microsoft Windows NT Server")


def test_a_label_ends_before_a_parenthesis_it_would_cut() -> None:
    """A cut that falls inside "(...)" ends before the "(", never on "(including a"."""
    text = (
        "Remove every printer driver that the spooler loads at startup (including any "
        "driver that a print monitor installed) and restart the server"
    )
    label = short_label(text, 80)
    assert "(" not in label
    assert label == "Remove every printer driver that the spooler loads at startup"


def test_a_long_sentence_ending_near_the_limit_is_kept_whole() -> None:
    """A fix sentence of about 90 characters is one label, not cut a few words short."""
    text = "Copy the updated Msmail.hlp file from the Microsoft Mail 3.2 disks to the Mail folder."
    assert short_label(text, 80) == text.rstrip(".")


def test_a_label_cut_inside_a_noun_phrase_ends_the_phrase_or_the_clause() -> None:
    """ "... select the Contoso" + " Fast 14400 modem" is not left mid-name."""
    text = (
        "Use the modem detection wizard and select the Contoso Fast 14400 modem from the "
        "list of modems the wizard returns after it has queried each port."
    )
    label = short_label(text, 60)
    assert not label.endswith(("the Contoso", "the Contoso Fast"))
    assert label == "Use the modem detection wizard"
    longer = short_label(text, 70)
    assert longer == "Use the modem detection wizard and select the Contoso Fast 14400 modem"


def test_a_relative_clause_cut_short_backs_up_to_its_noun() -> None:
    """ "... all resources that were members" + " in ..." ends at "all resources"."""
    text = (
        "Advertisements for a collection are sent to all resources that were members in "
        "the given collection at any time in the past, even after they have been removed."
    )
    assert short_label(text, 80) == "Advertisements for a collection are sent to all resources"


def test_a_sixty_character_label_stays_within_its_limit() -> None:
    """Callers test a heading label's length against 60: it never grows past its limit."""
    text = "Show the sign-in prompt on the standard user desktop instead of on the secure desktop"
    label = short_label(text, 60)
    assert len(label) <= 60
    assert label == "Show the sign-in prompt on the standard user desktop"


def test_a_sentence_ending_on_a_pointer_is_not_kept_whole() -> None:
    """ "... terminated with the following error" is no label to keep whole for its length."""
    text = "The Contoso Publishing service terminated unexpectedly with the following error."
    assert not short_label(text, 70).endswith("following error")


def test_phrase_boundaries() -> None:
    """What counts as a cut mid-phrase: an open "(", a function word next, a list going on."""
    assert open_paren("Remove the driver (see the note") == 18
    assert open_paren("Remove the driver (see below) now") == -1
    assert mid_phrase("Set the value back", " to the default.")
    assert mid_phrase("Download it from CompuServe", ", America Online, or the BBS.")
    assert not mid_phrase("Restart the computer", ". Then log on again.")
    assert phrase_cut("Restart the computer now", "Restart the computer now", 60) == (
        "Restart the computer now"
    )


def test_phrase_end_rules_are_linear_on_hostile_text() -> None:
    """A 20 KB run of words, commas or parentheses is shortened in well under a second."""
    for hostile in ("word " * 4000, "a, " * 7000, "(x " * 7000, "the the " * 2500, "-" * 20000):
        start = time.perf_counter()
        label = short_label(hostile, 90)
        assert time.perf_counter() - start < 1.0
        assert len(label) <= 100


def _labels(tree: dict[str, Any]) -> list[str]:
    return [c["label"] for n in tree["nodes"] for c in n.get("choices", [])]


def test_a_drafted_fix_choice_is_not_cut_inside_its_parenthesis(tmp_path: Any) -> None:
    """An archive fix whose sentence has an aside past the limit is offered up to the aside."""
    body = (
        "SYMPTOMS\n========\n\nPrint jobs stay in the queue and the spooler stops responding.\n\n"
        "WORKAROUND\n==========\n\nUse one of the following methods.\n\n"
        "Method 1\n--------\n\nRemove every printer driver that the spooler loads at startup "
        "(including any\ndriver that a print monitor installed) and restart the server.\n\n"
        "Method 2\n--------\n\nStop the Spooler service, delete the files in the Spool\\Printers "
        "folder, and\nthen start the Spooler service again.\n"
    )
    tree = draft_tree(mskb(body))
    labels = _labels(tree)
    assert not [label for label in labels if label.endswith(("(including any", "(including"))]
    assert [label for label in labels if "loads at startup" in label]


def test_a_label_is_not_cut_between_the_items_of_a_list() -> None:
    """ "a Typical, Custom, or Laptop installation" is not cut after its second item."""
    text = (
        "The add-in works with a Typical, Custom, or Laptop installation of Contoso Office, "
        "but not with a network installation that users run from a shared folder."
    )
    label = short_label(text, 90)
    assert (
        label == "The add-in works with a Typical, Custom, or Laptop installation of Contoso Office"
    )
    # an "or" inside a phrase (", at or near line 27") is no list: the comma ends the label
    message = (
        "Processing file 'C:\\setup\\app.ini', at or near line 27 The system cannot find it now."
    )
    assert short_label(message, 60) == "Processing file 'C:\\setup\\app.ini'"


def test_a_label_never_ends_on_a_conjunction_it_cut_after() -> None:
    """ "... cannot continue because" + " of the following error" ends before "because"."""
    text = "Fatal Error Contoso Server setup cannot continue because of the following error"
    assert short_label(text, 60) == "Fatal Error Contoso Server setup cannot continue"
