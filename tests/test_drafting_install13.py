"""Archive fixes that stopped at "obtain" (a service pack, a hotfix from support, an
updated version or driver) go on to install what was obtained, restart where the update
needs it, and keep the article's address (round 13, the seed-48 reader's notes on
Q192514, Q304621, Q159828, Q187581 and Q256055)."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

from drafting_support import archive, details, fixes, ticks

from kbassist.drafting.tree import draft_text, draft_tree

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import draft_metrics

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999913", product="Microsoft Exchange")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nThe directory synchronization service appends the characters\n"
    "001 at the end of the user's display name.\n\n"
)
CAUSE = "CAUSE\n=====\n\nThe code does not handle a NULL e-mail address correctly.\n\n"


def test_service_pack_step_is_followed_by_installing_it_with_the_file_version() -> None:
    """ "Obtain the latest service pack" is followed by installing that service pack,
    named with the table's file version; the "Component:" line is shown under the install
    step, never ticked; an Exchange pack gets no restart step."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "To resolve this problem, obtain the latest service pack for Exchange Server\n"
        "version 5.5. For more information, please see the following article in the\n"
        "Microsoft Knowledge Base:\n\n"
        "  Q191014 XGEN: How to Obtain the Latest Exchange Server 5.5 Service Pack\n\n"
        "The English version of this fix should have the following file attributes or\n"
        "later:\n\n"
        "  Component: DXA\n\n"
        "  File Name   Version\n"
        "  ----------------------\n"
        "  Dxa.exe     5.5.2393.0\n"
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only) == [
        "Obtain the latest service pack for Exchange Server version 5.5.",
        "Install the latest service pack for Exchange Server version 5.5 (Dxa.exe version"
        " 5.5.2393.0 or later) by following the instructions that come with it.",
    ]
    assert "Component: DXA" in details(only).split("\n\n")[-1]
    assert "Dxa.exe is version 5.5.2393.0" in only["verify"][0]["text"]
    draft_text(article)  # lint-clean


def test_hotfix_from_support_keeps_the_address_and_a_driver_fix_restarts() -> None:
    """ "Contact Microsoft Product Support Services to obtain the fix" keeps the support
    page's address under it, then installs the fix; a fix that replaces a .sys driver
    restarts the computer, saying why."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "To resolve this problem, contact Microsoft Product Support Services to obtain the\n"
        "fix. For a complete list of Microsoft Product Support Services phone numbers and\n"
        "information on support costs, please go to the following address on the World\n"
        "Wide Web:\n\n"
        "  http://support.microsoft.com/default.aspx?scid=fh;EN-US;CNTACTMS\n\n"
        "The English version of this fix should have the following file attributes or\n"
        "later:\n\n"
        "  Date         Time   Version        Size     File name\n"
        "  ------------------------------------------------------\n"
        "  26-Jul-2001  11:24  5.2000.328.23  201,104  Nfssvr.sys\n",
        product="Microsoft Windows NT",
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only) == [
        "Contact Microsoft Product Support Services to obtain the fix.",
        "Install the fix (Nfssvr.sys version 5.2000.328.23 or later) by following the"
        " instructions that come with it.",
        "Restart the computer.",
    ]
    first, _, restart = (s.get("detail") or "" for s in only["steps"])
    assert "CNTACTMS" in first and "phone numbers" in first
    assert "Nfssvr.sys" in restart and "driver" in restart
    draft_text(article)


def test_updated_version_from_a_vendor_is_installed_and_checked_by_the_causes_date() -> None:
    """ "Contact Iomega for an updated version" is followed by installing it, dated as the
    cause says the old one is too old ("with a date prior to 6/25/96"), and the verify
    checks that date; a program update gets no restart."""
    article = mskb(
        "SYMPTOMS\n========\n\nWhen you use Iomega's Jaz Tools software on a FAT32 cartridge,\n"
        "Software eject may not function.\n\n"
        "CAUSE\n=====\n\nIomega Jaz Tools software with a date prior to 6/25/96 is not\n"
        "compatible with the FAT32 file system.\n\n"
        "RESOLUTION\n==========\n\n"
        "Contact Iomega for an updated version of the Jaz Tools software.\n",
        product="Microsoft Windows 95",
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only) == [
        "Contact Iomega for an updated version of the Jaz Tools software.",
        "Install the updated version of the Jaz Tools software (dated 6/25/96 or later) by"
        " following the instructions that come with it.",
    ]
    assert [v["text"] for v in only["verify"]] == [
        "Check that the updated version of the Jaz Tools software is dated 6/25/96 or later:"
        " look at the date of its files."
    ]
    draft_text(article)


def test_a_driver_from_a_web_site_is_installed_at_the_version_asked_and_restarted() -> None:
    """ "You can also obtained an updated driver from the Intel Web site" is said as
    "Obtain ...", keeps its address, installs the driver at the version the section asks
    for ("version PV4.0 or later") and restarts; "Contact X for more information" is no
    obtain step and gets nothing added."""
    article = mskb(
        "SYMPTOMS\n========\n\nThe art sample may appear distorted on the Page Border tab.\n\n"
        "CAUSE\n=====\n\nThis problem occurs with adapters that use the Intel740 chip.\n\n"
        "RESOLUTION\n==========\n\n"
        "To resolve this problem, download and install the updated Intel740 Graphics\n"
        "Accelerator driver, version PV4.0 or later.\n\n"
        "You can also obtained an updated driver from the Intel Web site, at the following\n"
        "address:\n\n"
        "  http://developer.intel.com/design/graphics/drivers/\n\n"
        "WORKAROUND\n==========\n\n"
        "Contact Intergraph Corporation for more information.\n",
        product="Word 97 for Windows",
    )
    tree = draft_tree(article)
    web = next(o for o in fixes(tree) if "Intel Web site" in o["title"])
    assert web["title"].startswith("Resolution: Obtain an updated driver from the Intel Web site")
    assert ticks(web) == [
        "Obtain an updated driver from the Intel Web site, at the following address:",
        "Install the updated driver (version PV4.0 or later) by following the instructions"
        " that come with it.",
        "Restart the computer.",
    ]
    assert "http://developer.intel.com/design/graphics/drivers/" in details(web)
    more = next(o for o in fixes(tree) if "Intergraph" in o["title"])
    assert ticks(more) == ["Contact Intergraph Corporation for more information."]
    draft_text(article)


def test_windows_service_pack_restarts_and_the_status_release_names_it() -> None:
    """A Windows service pack restarts the computer (it replaces system files in use); the
    release STATUS says first corrected the problem names the pack installed."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "To resolve this problem, obtain the latest service pack for Windows NT 4.0.\n\n"
        "STATUS\n======\n\n"
        "Microsoft has confirmed this to be a problem in Windows NT 4.0. This problem was\n"
        "first corrected in Windows NT 4.0 Service Pack 4.\n",
        product="Microsoft Windows NT",
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only)[1:] == [
        "Install the latest service pack for Windows NT 4.0 (Windows NT 4.0 Service Pack 4"
        " or later) by following the instructions that come with it.",
        "Restart the computer.",
    ]
    assert "Windows system files" in details(only)
    draft_text(article)


def test_install_goes_before_the_articles_restart_and_a_choice_is_named_both() -> None:
    """ "Obtain X or obtain Y. You must restart the server after you install the hotfix."
    installs "X or Y, whichever you obtained" before that restart, and adds no second one;
    a restart said elsewhere in the article ("after you install the fix") is quoted."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "Obtain the individual hotfix referenced below or obtain the Exchange Server 5.5\n"
        "Security Rollup Package.\n\n"
        "You must restart the server after you install the hotfix.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only) == [
        "Obtain the individual hotfix referenced below or obtain the Exchange Server 5.5"
        " Security Rollup Package.",
        "Install the individual hotfix or the Exchange Server 5.5 Security Rollup Package,"
        " whichever you obtained, by following the instructions that come with it.",
        "Restart the server after you install the hotfix.",
    ]
    draft_text(article)
    said = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "To resolve this problem, contact Microsoft Product Support Services to obtain the\n"
        "fix.\n\n"
        "STATUS\n======\n\n"
        "Microsoft has confirmed this to be a problem in Exchange Server 5.5. You must\n"
        "restart the computer after you install the fix.\n"
    )
    (only,) = fixes(draft_tree(said))
    assert ticks(only)[1:] == [
        "Install the fix by following the instructions that come with it.",
        "Restart the computer.",
    ]
    assert 'The article: "You must restart the computer after you install the fix."' in (
        details(only)
    )
    draft_text(said)


def test_bench_counts_a_fix_that_only_obtains() -> None:
    """bench_draft's "fixes that only obtain" row: obtain steps alone count, a checklist
    that installs, uses or restarts does not."""
    assert draft_metrics.obtain_only(["Obtain the latest service pack for Exchange 5.5."])
    assert draft_metrics.obtain_only(["Contact Iomega for an updated version of Jaz Tools."])
    assert not draft_metrics.obtain_only(
        ["Contact Microsoft Product Support Services to obtain the fix.", "Install the fix."]
    )
    assert not draft_metrics.obtain_only(["Obtain and use the ACCTONME utility."])
    assert not draft_metrics.obtain_only(["Contact Intergraph for more information."])
    assert not draft_metrics.obtain_only(["Get the selector from the pod disruption budget."])


def test_a_service_pack_beside_another_products_hotfix_does_not_take_its_file_table() -> None:
    """Windows 2000's "obtain the latest service pack" beside Windows NT 4.0's hotfix in
    one RESOLUTION installs the service pack STATUS names, not the NT 4.0 hotfix's
    Tcpip.sys; the hotfix's own install names its file and restarts for the driver."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "Windows 2000\n------------\n\n"
        "To resolve this problem, obtain the latest service pack for Windows 2000.\n\n"
        "Windows NT 4.0\n--------------\n\n"
        "To resolve this problem, contact Microsoft Product Support Services to obtain the\n"
        "fix.\n\n"
        "The English version of this fix should have the following file attributes or\n"
        "later:\n\n"
        "  Date        Time    Size     File name  Platform\n"
        "  ------------------------------------------------\n"
        "  02/25/2000  07:47p  174,448  Tcpip.sys  x86\n\n"
        "STATUS\n======\n\n"
        "Microsoft has confirmed this to be a problem. This problem was first corrected in\n"
        "Windows 2000 Service Pack 1.\n",
        product="Microsoft Windows 2000",
    )
    # round 29: "Another version" reaches an exit, no fix
    drafted = [f for f in fixes(draft_tree(article)) if not f["id"].endswith("-not-applicable")]
    pack, hotfix = drafted
    assert ticks(pack)[1:] == [
        "Install the latest service pack for Windows 2000 (Windows 2000 Service Pack 1 or"
        " later) by following the instructions that come with it.",
        "Restart the computer.",
    ]
    assert "Tcpip.sys" not in " ".join(ticks(pack)) + details(pack)
    assert ticks(hotfix)[1:] == [
        "Install the fix (Tcpip.sys dated 02/25/2000 or later) by following the instructions"
        " that come with it.",
        "Restart the computer.",
    ]
    draft_text(article)


def test_what_the_step_names_already_is_not_said_twice_nor_cut_open() -> None:
    """ "Obtain Microsoft Office 97 Service Release 2 (SR-2)" installs it without repeating
    the STATUS release in brackets; "Ncopy.exe (version 4.13, which is included with ...)"
    installs "Ncopy.exe (version 4.13)", its bracket closed."""
    office = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "Obtain Microsoft Office 97 Service Release 2 (SR-2).\n\n"
        "STATUS\n======\n\n"
        "This problem was corrected in Microsoft Office 97 Service Release 2 (SR-2).\n",
        product="Microsoft Office 97",
    )
    (only,) = fixes(draft_tree(office))
    assert ticks(only)[1] == (
        "Install Microsoft Office 97 Service Release 2 (SR-2) by following the instructions"
        " that come with it."
    )
    ncopy = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "Obtain an updated copy of Ncopy.exe (version 4.13, which is included with Novell\n"
        "NetWare 4.1).\n",
        product="Microsoft Windows 95",
    )
    (only,) = fixes(draft_tree(ncopy))
    assert ticks(only)[1] == (
        "Install the updated copy of Ncopy.exe (version 4.13) by following the instructions"
        " that come with it."
    )
