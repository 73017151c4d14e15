"""Verifies drawn from what the article gives, not the pasted symptom (drafting round 11,
verify11): the release STATUS says fixed the problem, no symptom pasted after a version
check, the chosen message checked, no destructive steps replayed, a runbook's alert."""

from __future__ import annotations

from pathlib import Path

from drafting_support import walked

from kbassist.articles import Article, parse_article
from kbassist.drafting.tree import draft_tree


def mskb(body: str, *, id_: str = "Q999911", title: str = "Test article") -> Article:
    """An MS KB archive article: header fields, then underlined, tab-indented sections."""
    head = [f"## {id_}: {title}", "", f"Article: {id_}", "Product(s): Microsoft Windows NT", ""]
    lines = ["\t" + line if line else "" for line in body.strip("\n").split("\n")]
    return parse_article("\n".join([*head, *lines, ""]), Path(f"{id_}.txt"))


def verify(art: Article, answers: dict[str, str] | None = None) -> list[str]:
    checklist = walked(art, {"symptom": "yes", **(answers or {})})
    return [item.text for item in checklist.part("verify")]


_HANG = (
    "SYMPTOMS\n========\n\n"
    "A Windows NT computer may appear to stop responding (hang) in the Workstation\n"
    "Locked dialog box, but you will still be able to move the mouse and access the\n"
    "computer from the network.\n\n"
    "CAUSE\n=====\n\n"
    "This problem can occur when running a filter Gina.dll.\n\n"
)


def test_the_service_pack_status_names_is_the_check_of_obtain_the_latest_service_pack() -> None:
    """STATUS "first corrected in Windows NT 4.0 Service Pack 4" -> check SP4 is installed."""
    art = mskb(
        _HANG + "RESOLUTION\n==========\n\n"
        "To resolve this problem, obtain the latest service pack for Windows NT 4.0.\n\n"
        "STATUS\n======\n\n"
        "Microsoft has confirmed this to be a problem in Windows NT 4.0. This problem was\n"
        "first corrected in Windows NT 4.0 Service Pack 4.\n"
    )
    checks = verify(art)
    assert checks[0].startswith("Check that Windows NT 4.0 Service Pack 4 or later is installed")
    assert "winver" in checks[0]
    assert not any("no longer occurs: A Windows NT computer" in c for c in checks)
    # "corrected in the latest U.S. Service Pack": no number to check, none made up
    latest = mskb(
        _HANG + "RESOLUTION\n==========\n\n"
        "To resolve this problem, obtain the latest service pack for Windows NT 4.0.\n\n"
        "STATUS\n======\n\n"
        "This problem was corrected in the latest U.S. Service Pack for Windows NT 4.0.\n"
    )
    assert not any("or later is installed" in c for c in verify(latest))


def test_two_products_fixed_in_their_own_service_packs_are_both_named() -> None:
    """ "... Service Pack 4.0 and ... Terminal Server Edition Service Pack 4": both named."""
    art = mskb(
        _HANG + "RESOLUTION\n==========\n\n"
        "To resolve this problem, obtain the latest service pack for Windows NT 4.0 or\n"
        "Windows NT Server 4.0, Terminal Server Edition.\n\n"
        "STATUS\n======\n\n"
        "This problem was first corrected in Windows NT 4.0 Service Pack 4.0 and Windows NT\n"
        "Server 4.0, Terminal Server Edition Service Pack 4.\n"
    )
    check = verify(art)[0]
    assert "Windows NT 4.0 Service Pack 4.0; Windows NT Server 4.0, Terminal Server" in check


def test_the_service_pack_check_goes_to_the_fix_that_installs_it_not_the_workaround() -> None:
    """ "Obtain the latest service pack" gets STATUS's Service Pack 4; the WORKAROUND beside
    it (remove the filter) installs nothing and never gets it."""
    art = mskb(
        _HANG + "RESOLUTION\n==========\n\n"
        "To resolve this problem, obtain the latest service pack for Windows NT 4.0.\n\n"
        "WORKAROUND\n==========\n\n"
        "To work around this problem, remove the filter Gina.dll from the computer.\n\n"
        "STATUS\n======\n\n"
        "This problem was first corrected in Windows NT 4.0 Service Pack 4.\n"
    )
    tree = draft_tree(art)
    verifies = {
        n["id"]: [str(v["text"]) for v in n.get("verify", [])]
        for n in tree["nodes"]
        if n["kind"] == "outcome" and n["id"] != "not_this_article"
    }
    installs = [k for k, v in verifies.items() if any("Service Pack 4 or later is" in t for t in v)]
    assert [k for k in installs if k.startswith("resolution")], verifies
    assert not [k for k in installs if k.startswith("workaround")], verifies


def test_a_file_table_check_is_not_followed_by_the_pasted_symptom() -> None:
    """A hotfix's file version check stands alone where the other line only pastes the
    symptom ("the SLI application may "hang" indefinitely")."""
    art = mskb(
        "SYMPTOMS\n========\n\n"
        "When you are running a session-level interface (SLI) application designed for using\n"
        "asynchronous verb completion against the SNA Server versions listed at the beginning\n"
        'of this article, the SLI application may "hang" indefinitely.\n\n'
        "RESOLUTION\n==========\n\n"
        "To resolve this problem immediately, contact Microsoft Product Support Services\n"
        "to obtain the fix.\n\n"
        "The English version of this fix should have the following file attributes or\n"
        "later:\n\n"
        "+------------------------------------+\n"
        "| File name    | Date     | Time     |\n"
        "+------------------------------------+\n"
        "| Winsli32.dll | 02/02/01 | 02:05 pm |\n"
        "+------------------------------------+\n"
    )
    checks = verify(art)
    assert checks[0].startswith("Check that Winsli32.dll is dated 02/02/01 or later")
    assert not any("no longer occurs:" in c for c in checks)
