"""A workaround that goes round the thing the symptom names is verified by its own result
(round 22, archverify22): never "check that Setup.exe is included" under a by-design
article whose workaround runs another file, nor the avoided method "no longer" failing."""

from __future__ import annotations

from functools import partial
from typing import Any

from drafting_support import archive, fixes

from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999922")


def verify_texts(body: str) -> list[str]:
    """Every fix outcome's verify lines; the draft is lint-clean."""
    article = mskb(body)
    draft_text(article)  # lint-clean
    outcomes: list[dict[str, Any]] = fixes(draft_tree(article))
    assert outcomes
    return [" ".join(str(v["text"]).split()) for o in outcomes for v in o["verify"]]


def test_by_design_workaround_checks_what_its_steps_are_for() -> None:
    """A file missing by design, worked round by running others: check those installs."""
    checks = verify_texts(
        "SYMPTOMS\n========\n\nThe Setup.exe file for Contoso Mail Server version 2.5 is not"
        " included in\nthe Contoso Select CD-ROM Update Kit.\n\nCAUSE\n=====\n\nThis is by"
        " design.\n\nWORKAROUND\n==========\n\nTo install Contoso Mail Standard Edition, run the"
        " Mailmin.exe file. To\ninstall Contoso Mail Enterprise Edition, run the Mailmax.exe"
        " file.\n"
    )
    assert len(checks) == 1
    assert "Setup.exe file" not in checks[0]  # never "check that ... is included"
    assert "is included" not in checks[0]
    assert (
        "check that you can install Contoso Mail Standard Edition when you run the Mailmin.exe"
        " file; or that you can install Contoso Mail Enterprise Edition when you run the"
        " Mailmax.exe file." in checks[0]
    )
    assert checks[0].startswith('The article says this is by design ("This is by design.")')
    # a workaround that uses the very file the symptom names keeps its check
    checks = verify_texts(
        "SYMPTOMS\n========\n\nThe Contoso.ini file is not read when the program starts.\n\n"
        "CAUSE\n=====\n\nThis is by design.\n\nWORKAROUND\n==========\n\nTo keep your settings,"
        " copy the Contoso.ini file to the Windows folder.\n"
    )
    assert len(checks) == 1
    assert "goes round" not in checks[0] and "leaves it as it is" not in checks[0]
    assert "Contoso.ini file is read" in checks[0]


def test_workaround_that_bypasses_a_method_checks_where_it_stores_the_result() -> None:
    """A routine that stores into _CLIPTEXT instead of DataCopy(): check _CLIPTEXT."""
    checks = verify_texts(
        "SYMPTOMS\n========\n\nThe DataCopy() method is not able to access data in a private"
        " data session.\n\nCAUSE\n=====\n\nBecause DataCopy is associated with the Application"
        " Object, it only has\naccess to the data in DataSession 1.\n\nRESOLUTION\n==========\n\n"
        "One workaround is to write a routine that converts each field to character type\n(the"
        " Transform() function does this), concatenates the information, and\nstores it to the"
        " _CLIPTEXT variable.\n"
    )
    assert checks == [
        "The workaround above goes round DataCopy() and does not make it work: check that the"
        " _CLIPTEXT variable holds what the steps above store in it."
    ]
    # a fix (not a workaround) that installs another file checks the symptom
    checks = verify_texts(
        "SYMPTOMS\n========\n\nThe Mailsrv.exe program stops responding when you open a"
        " folder.\n\nRESOLUTION\n==========\n\nTo correct this problem, install the updated"
        " Mailcore.dll file.\n"
    )
    assert checks and not any("goes round" in c for c in checks)


def test_instead_of_workaround_redoes_the_task_with_its_own_thing() -> None:
    """'Use NetBIOS instead of TCP/IP': the check connects with NetBIOS, never TCP/IP."""
    checks = verify_texts(
        "SYMPTOMS\n========\n\nWhen you attempt to connect remotely to another computer that is"
        " using the\nContoso 815 graphics chip set by using TCP/IP as the remote control protocol,"
        " the\ncomputer that is running the Contoso Administrative console may stop responding\n"
        "and you see a white screen when you attempt the connection.\n\n"
        "WORKAROUND\n==========\n\nUse NetBIOS instead of TCP/IP as the remote control"
        " communications protocol.\n"
    )
    assert len(checks) == 1
    assert "TCP/IP" not in checks[0]
    assert "by using NetBIOS as the remote control protocol" in checks[0]
    # 'Use Forward instead of Reply' over 'When you reply': no name to swap
    checks = verify_texts(
        "SYMPTOMS\n========\n\nWhen you reply to a Contoso Mail message that contains an OLE"
        " object, the\nOLE object is no longer visible.\n\nWORKAROUND\n==========\n\nUse Forward"
        " instead of Reply. Forward includes the OLE objects.\n"
    )
    assert checks and all("forward" not in c.casefold() for c in checks)
    # a name the symptom says comes from a library keeps its own (no "library GetTime()")
    checks = verify_texts(
        "SYMPTOMS\n========\n\nThe C run-time library clock() function may return a time"
        " that is off by\none hour.\n\nRESOLUTION\n==========\n\nOne workaround is to call"
        " GetTime() instead of clock().\n"
    )
    assert checks and all("library GetTime()" not in c for c in checks)


def test_background_opening_gives_way_to_the_sentence_that_goes_wrong() -> None:
    """A README's instructions pasted as the symptom: the 'However, if you run X' is checked."""
    checks = verify_texts(
        "SYMPTOMS\n========\n\nThe Readme.txt file in the root folder of the CD-ROM states that"
        " to install\nthe Contoso Demo, you should run Autorun.exe from the Demo folder."
        " However,\nif you run \\Demo\\Autorun.exe, My Computer will open and display the root"
        "\nfolder of drive C.\n\nWORKAROUND\n==========\n\nFrom the Demo folder, open"
        " Start.htm.\n"
    )
    assert checks == [
        "Check that this no longer happens: If you run \\Demo\\Autorun.exe, My Computer will"
        " open and display the root folder of drive C."
    ]
    # a symptom with no word of failure, then "This problem occurs when ...": kept as it is
    checks = verify_texts(
        "SYMPTOMS\n========\n\nSome horizontal lines expand the width of the display window"
        " and appear to\nbe left-aligned. This problem occurs when you format Web pages.\n\n"
        "RESOLUTION\n==========\n\nObtain the latest Contoso Courier driver.\n"
    )
    assert checks and all("Some horizontal lines expand the width" in c for c in checks)
    # a turn from a plain result is the normal case told apart, not the problem
    checks = verify_texts(
        "SYMPTOMS\n========\n\nOn the Mailbox Resource tab, Contoso Mail Services may contain"
        ' a large\nnumber in the "total K" column. However, if you view the Mailbox Resources'
        ' container,\nContoso Mail Services has 0 in the "total K" column.\n\nWORKAROUND\n'
        "==========\n\nRestart the Contoso Mail Services service.\n"
    )
    assert checks and all("has 0" not in c for c in checks)


def test_background_opening_over_a_failing_clause_turns_that_clause() -> None:
    """'X is used to ensure Y. When X is used with Z, Y may be calculated incorrectly; ...'."""
    checks = verify_texts(
        "SYMPTOMS\n========\n\nWhen you are using Contoso Installer, the Check Disk Space"
        " script is used to\nensure that the destination computer has adequate disk space for"
        " the\ninstallation. When the Check Disk Space script is used with a list of components"
        "\nfor the installation, the disk space may be calculated incorrectly; the\ninstallation"
        " may be attempted although there is inadequate available space on\nthe target drive."
        "\n\nRESOLUTION\n==========\n\nObtain the latest service pack for Contoso Installer.\n"
    )
    assert (
        "When the Check Disk Space script is used with a list of components for the"
        " installation, check that the disk space is no longer calculated incorrectly."
    ) in checks
