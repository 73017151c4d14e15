"""Fix titles that end where the article's phrase ends (round 25, titles25): a subject the
article says must act is named by that action, a title cut inside its phrase goes on to
the clause's end when that is near, and STATUS's "No fix" keeps the product it names."""

from __future__ import annotations

import time
from functools import partial

from cpu_budget import budget
from drafting_support import archive, fixes, questions, runbook, support

from kbassist.drafting.options import _is_action
from kbassist.drafting.tree import draft_text, draft_tree
from kbassist.drafting.whole_titles import status_title, whole_title

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999925")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nWhen a backup domain controller is promoted, a warning says that\n"
    "client connections will be lost.\n\n"
)


def test_subject_that_must_act_is_titled_by_its_action() -> None:
    """ "Network clients that ... will need to wait for X" is titled "Wait for X", not
    by its cut subject "Network clients"."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "Network clients that do not have sessions against the domain controller will\n"
        "need to wait for the logon services to restart on the new domain controller.\n"
    )
    (fix,) = fixes(draft_tree(art))
    assert fix["title"] == (
        "Resolution: Wait for the logon services to restart on the new domain controller"
    )
    draft_text(art)  # lint-clean


def test_no_fix_title_keeps_the_product_it_names() -> None:
    """STATUS's "... a problem in version 4.0 of Contoso Mail" is the whole title, not
    "... in version 4.0" with the product cut off."""
    art = mskb(
        SYMPTOMS + "STATUS\n======\n\n"
        "Microsoft has confirmed this to be a problem in version 4.0 of Contoso Mail\n"
        "Server. We are researching this problem and will post new information here.\n"
    )
    (fix,) = fixes(draft_tree(art))
    assert fix["title"].startswith("No fix: ")
    assert fix["title"].endswith("in version 4.0 of Contoso Mail Server")
    draft_text(art)


def test_no_fix_title_says_listed_products_short() -> None:
    """ "... in the Microsoft products that are listed at the beginning of this article"
    becomes "... in the products the article lists", never cut at "... products"."""
    said = status_title(
        "Microsoft has confirmed this to be a problem in the Microsoft products that are "
        "listed at the beginning of this article.",
        70,
    )
    assert said == "Microsoft has confirmed this to be a problem in the products the article lists"


def test_cut_title_goes_on_to_its_clause_end() -> None:
    """ "Modify the PROTOCOL.INI file and ensure" goes on to "... that the binding is
    listed", the comma that ends its clause."""
    text = (
        "Modify the PROTOCOL.INI file and ensure that the binding is listed, then restart "
        "the computer."
    )
    said = whole_title("Resolution: Modify the PROTOCOL.INI file and ensure", [text], _is_action)
    assert said == "Resolution: Modify the PROTOCOL.INI file and ensure that the binding is listed"


def test_whole_title_is_left_alone() -> None:
    """A title the article says whole, or does not hold, is not changed."""
    text = "Restart the print spooler service. Then print a test page."
    said = whole_title("Resolution: Restart the print spooler service", [text], _is_action)
    assert said == "Resolution: Restart the print spooler service"
    said = whole_title("Resolution: Print again later", [text], _is_action)
    assert said == "Resolution: Print again later"


def test_whole_title_is_linear_on_hostile_text() -> None:
    """20 KB of one word, or of commas, never makes the title pass slow."""
    for text in ("a " * 10_000, "x, " * 7_000, "Users that " * 2_000 + "must wait"):
        started = time.perf_counter()
        whole_title("Resolution: a a a", [text], _is_action)
        whole_title("Users that Users that", [text], _is_action)
        status_title(text, 70)
        assert time.perf_counter() - started < budget(1.0)


def test_message_choices_end_at_their_code_not_mid_sentence() -> None:
    """Two long messages that differ only in their first line are offered as that line
    with its code ("Error copying folder [80070005-12]"), not cut at "You do not have"."""
    art = mskb(
        "SYMPTOMS\n========\n\nWhen you copy folders to the server, the following error\n"
        "messages may appear in the copy log:\n\n"
        "   Error copying message <subject> [80070005-12-0-7]\n"
        "   You do not have sufficient permission to perform this operation on this\n"
        "   object. See the folder owner or your system administrator.\n\n"
        "   Error copying folder [80070005-12-0-7]\n"
        "   You do not have sufficient permission to perform this operation on this\n"
        "   object. See the folder owner or your system administrator.\n\n"
        "RESOLUTION\n==========\n\nGrant the user Owner permission on the folder.\n"
    )
    tree = draft_tree(art)
    symptom = next(n for n in tree["nodes"] if n["id"] == "symptom")
    labels = [c["label"] for c in symptom["choices"]]
    assert "Error copying message <subject> [80070005-12-0-7]" in labels
    assert "Error copying folder [80070005-12-0-7]" in labels
    draft_text(art)


def test_horizon_choices_lead_with_the_fix_and_say_the_ways_they_hold() -> None:
    """A runbook's "Short term: X" is offered as "X (short term)", and a bare "Long term:"
    over three ways as its first way "or 2 other ways", not as the first way alone."""
    art = runbook(
        "## Meaning\n\nThe storage node's network link is saturated.\n\n## Mitigation\n\n"
        "1. Short term: Pause the rebalance of the storage pool.\n"
        "2. Long term:\n"
        "    * Add a second storage network.\n"
        "    * Move client traffic to its own VLAN.\n"
        "    * Replace the link with a faster one.\n",
        id_="StorageLinkSaturated",
    )
    ask = next(q for q in questions(draft_tree(art)) if "h_1" in str(q))
    labels = [c["label"] for c in ask["choices"]]
    assert labels[:2] == [
        "Pause the rebalance of the storage pool (short term)",
        "Add a second storage network, or 2 other ways (long term)",
    ]
    draft_text(art)


def test_title_cut_inside_a_list_goes_on_past_its_last_item() -> None:
    """ "Make sure that the service communication" + ", token-signing, and token-decrypting
    certificates are configured correctly" is titled with the whole list, from its
    heading (whose line ends the phrase though no full stop does)."""
    body = (
        "### Step 6: Make sure that the service communication, token-signing, and "
        "token-decrypting certificates are configured correctly\n\n"
        "For more information, see the certificate article.\n"
    )
    said = whole_title("Make sure that the service communication", [body], _is_action)
    assert said == (
        "Make sure that the service communication, token-signing, and token-decrypting "
        "certificates are configured correctly"
    )


def test_title_cut_in_a_list_of_verbs_goes_on_to_its_end() -> None:
    """ "... to compress" + ", upgrade, or uncompress a drive" is one list of verbs, not
    a second action: the title goes on to the sentence's end."""
    text = "Quit Disk Checker before you use DiskPack to compress, upgrade, or uncompress a drive."
    said = whole_title(
        "Resolution: Quit Disk Checker before you use DiskPack to", [text], _is_action
    )
    assert said == (
        "Resolution: Quit Disk Checker before you use DiskPack to compress, upgrade, or "
        "uncompress a drive"
    )


def test_a_choice_named_by_its_heading_is_not_run_on_into_the_title() -> None:
    """A version choice named by its own heading ("### Windows 8.1") keeps that name,
    not the title's "Windows 8.1 and Windows 8", which overlaps the other choice."""
    art = support(
        "# Duplex printing cannot be set in Windows 8.1 and Windows 8\n\n"
        "## Symptoms\n\nYou cannot set two-sided printing for an app.\n\n"
        "## Workaround\n\n### Windows 8\n\n1. Open Devices and Printers.\n"
        "2. Right-click the printer, and then click Printing preferences.\n\n"
        "### Windows 8.1\n\n1. Open the print pane of the app.\n"
        "2. Click More settings, and then set Duplex printing.\n",
        title="Duplex printing cannot be set in Windows 8.1 and Windows 8",
    )
    labels = [o["title"] for o in fixes(draft_tree(art))]
    assert "Windows 8.1 and Windows 8" not in labels
