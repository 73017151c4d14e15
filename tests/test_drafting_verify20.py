"""A pasted "When you X, Y." archive symptom is said as the redo and Y turned round (round
20, verify20), never the sentence pasted back; a result that cannot be turned is kept."""

from __future__ import annotations

from functools import partial
from typing import Any

from drafting_support import archive, fixes

from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999920")
#: A fix section every test article shares.
FIX = (
    "RESOLUTION\n==========\n\nTo resolve this problem, obtain the latest service pack for"
    " Windows NT 4.0.\n"
)


def verify_texts(symptom: str) -> list[str]:
    """Every fix outcome's verify lines for a one-paragraph SYMPTOMS; the draft is lint-clean."""
    article = mskb(f"SYMPTOMS\n========\n\n{symptom}\n\n{FIX}")
    draft_text(article)  # lint-clean
    outcomes: list[dict[str, Any]] = fixes(draft_tree(article))
    assert outcomes
    return [" ".join(str(v["text"]).split()) for o in outcomes for v in o["verify"]]


def test_present_tense_result_is_turned_after_the_redo() -> None:
    """'white text prints black' after a print: print again and check it no longer does."""
    checks = verify_texts(
        "When you print a Contoso chart object using the Contoso (CT) Color Jet\nprinter"
        " driver, white text prints black."
    )
    assert checks == [
        "Print a Contoso chart object using the Contoso (CT) Color Jet printer driver again:"
        " check that white text no longer prints black."
    ]


def test_you_use_x_redoes_the_use() -> None:
    """'When you use X, the Y process consumes 100 percent ...': use X again, check Y."""
    checks = verify_texts(
        "When you use the Contoso Routing update with Radius accounting, the\nCTROUTER process"
        " consumes 100 percent processor time."
    )
    assert checks == [
        "Use the Contoso Routing update with Radius accounting again: check that the CTROUTER"
        " process no longer consumes 100 percent processor time."
    ]


def test_passive_and_modal_results_are_turned() -> None:
    """'are replaced by' and 'will print' turn to 'are no longer replaced' / 'no longer
    print', never a plural noun read as the verb ('the extended no longer characters')."""
    replaced = verify_texts(
        "When you view a list field that contains accented characters in the\nContoso MIF"
        " utility, the accented characters are replaced by box characters."
    )
    assert replaced == [
        "View a list field that contains accented characters in the Contoso MIF utility"
        " again: check that the accented characters are no longer replaced by box characters."
    ]
    copies = verify_texts(
        "When you print a map from the Contoso Atlas to the Contoso Jet 1200c printer,\nthree"
        " copies of the map will print on each page."
    )
    assert copies[0].endswith("check that three copies of the map no longer print on each page.")


def test_only_turnable_results_are_turned() -> None:
    """'a blank box prints' turns; 'only one copy prints' (turned: none should print), a
    state as the trigger ('you are using') and 'still appears' are never turned wrong."""
    turned = verify_texts(
        "When you print the Contoso Contents screen using a Contoso Jet 4+ printer, a\nblank"
        " box prints in the lower left corner of the page."
    )
    assert turned[0].endswith(
        "again: check that a blank box no longer prints in the lower left corner of the page."
    )
    for symptom in (
        "When you try to print more than 99 copies of the Contoso list to a Jet printer,\nonly"
        " one copy prints.",
        "When you are using a High Color resolution with a Contoso video adapter, the\ncolors"
        " on the screen may have a blue tint.",
        "After you remove an internal modem that is assigned to a port, the port still\nappears"
        " in the Device Manager.",
    ):
        checks = verify_texts(symptom)
        assert not any("again: check that" in c for c in checks), checks
