"""Round 33 (spupdate35): "obtain the latest service pack ... or the individual software
update" is asked as two fixes, each with the article's own source and steps, and no
restart the article does not say."""

from __future__ import annotations

import time

from drafting_support import archive, details, fixes, questions, ticks

from kbassist.drafting import pack_or_update
from kbassist.drafting.tree import draft_tree

HEAD = (
    "SYMPTOMS\n========\n\n"
    "When a print job larger than 64 KB is sent to a shared printer, the Spooler service\n"
    "stops and the job is lost.\n\n"
    "CAUSE\n=====\n\n"
    "The spooler copies the job into a fixed-size buffer that it does not grow.\n\n"
    "RESOLUTION\n==========\n\n"
)
OR_BLOCK = (
    "To resolve this problem, obtain the latest service pack for Windows NT 4.0 or the\n"
    "individual software update. For information on obtaining the latest service\n"
    "pack, please go to:\n\n"
    "- http://www.microsoft.com/Windows/ServicePacks/\n\n"
    "-or-\n\n"
    "- Q152734 How to Obtain the Latest Windows NT 4.0 Service Pack\n\n"
    "For information on obtaining the individual software update, contact Microsoft\n"
    "Product Support Services. For a complete list of Microsoft Product Support\n"
    "Services phone numbers and information on support costs, please go to the\n"
    "following address on the World Wide Web:\n\n"
    "  http://support.microsoft.com/default.aspx?scid=fh;EN-US;CNTACTMS\n\n"
)
TABLE = (
    "The English version of this fix should have the following file attributes or\n"
    "later:\n\n"
    "  Date      Time    Version        Size     File name\n"
    "  --------------------------------------------------------\n"
    "  05/11/99  03:12p  4.0.1381.212   83,216   Spoolss.dll\n\n"
)
STATUS = (
    "STATUS\n======\n\n"
    "Microsoft has confirmed this to be a problem in Windows NT version 4.0. This\n"
    "problem was first corrected in Windows NT version 4.0 Service Pack 5.\n"
)


def _draft(body: str) -> dict:
    return draft_tree(archive(HEAD + body + STATUS, product="Microsoft Windows NT"))


def test_two_ways_asked_not_merged() -> None:
    """The service pack and the individual update are two answers of the fix question."""
    tree = _draft(OR_BLOCK)
    labels = [" ".join(c["label"].split()) for q in questions(tree) for c in q["choices"]]
    assert any(
        label.endswith("Install the latest service pack for Windows NT 4.0") for label in labels
    )
    assert any(label.endswith(pack_or_update.UPDATE_LABEL) for label in labels)
    assert not any(" or the individual" in label for label in labels)


def test_each_way_keeps_its_source() -> None:
    """The pack's step shows its address and KB pointer; the update's names support and its list."""
    pack, update = fixes(_draft(OR_BLOCK))
    assert ticks(pack)[0] == "Obtain the latest service pack for Windows NT 4.0."
    assert "http://www.microsoft.com/Windows/ServicePacks/" in details(pack)
    assert "Q152734" in details(pack)
    assert ticks(update)[0] == (
        "Contact Microsoft Product Support Services to obtain the individual software update."
    )
    assert "CNTACTMS" in details(update)
    assert "CNTACTMS" not in details(pack)


def test_no_restart_the_article_does_not_say() -> None:
    """Neither way gains a "Restart the computer" tick the article never asks for."""
    for outcome in fixes(_draft(OR_BLOCK)):
        assert not any(t.startswith("Restart") for t in ticks(outcome))


def test_table_is_the_update_check() -> None:
    """The block's file table is the individual update's installed-version verify."""
    update = fixes(_draft(OR_BLOCK + TABLE))[1]
    checks = " ".join(" ".join(v["text"].split()) for v in update["verify"])
    assert "Spoolss.dll is version 4.0.1381.212 or later" in checks
    assert "Spoolss.dll" not in " ".join(ticks(update))  # read in the verify, not pasted


def test_pack_alone_stays_one_fix() -> None:
    """A resolution that names only the service pack is not split."""
    body = (
        "To resolve this problem, obtain the latest service pack for Windows 2000. For\n"
        "additional information, click the following article number:\n\n"
        "  Q260910 How to Obtain the Latest Windows 2000 Service Pack\n\n"
    )
    outcomes = fixes(_draft(body))
    assert len(outcomes) == 1
    assert not any(pack_or_update.UPDATE_LABEL in o["title"] for o in outcomes)


def test_or_without_support_sentence_stays() -> None:
    """Without the article saying where the update comes from, nothing is invented."""
    body = OR_BLOCK.split("For information on obtaining the individual")[0]
    outcomes = fixes(_draft(body))
    assert not any(pack_or_update.UPDATE_LABEL in o["title"] for o in outcomes)


def test_regexes_linear_on_hostile_text() -> None:
    """The step and block patterns stay fast on 20 KB of near-matching text."""
    hostile = "obtain the latest service pack for " + "Windows 4.0 or " * 1400
    start = time.perf_counter()
    assert pack_or_update._OR_STEP_RE.match(hostile) is None
    assert (
        pack_or_update._WHO_RE.match("for information on obtaining the individual " * 450) is None
    )
    pack_or_update._TABLE_LINE_RE.match("a " * 10000 + "x")
    pack_or_update._block("a\n" * 5000 + "\n\n" + "b  c\n----\n" * 800, "To resolve")
    assert time.perf_counter() - start < 1.0
