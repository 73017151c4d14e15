"""Archive drafts where the article offers alternatives the old drafter merged or lost
(round 11, alts11): the hotfix notice's "wait for the next service pack" beside the fix
it defers."""

from __future__ import annotations

from functools import partial
from typing import Any

from drafting_support import archive, walked

from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999611", product="Microsoft Exchange")


SYMPTOMS = (
    "SYMPTOMS\n========\n\nWhen you start the Internet Mail Service, an access violation\n"
    "may occur in the information store.\n\n"
)

NOTICE = (
    "A supported fix is now available from Microsoft, but it is only intended to\n"
    "correct the problem described in this article and should be applied only to\n"
    "systems experiencing this specific problem. This fix may receive additional\n"
    "testing at a later time, to further ensure product quality. Therefore, if you\n"
    "are not severely affected by this problem, Microsoft recommends that you wait\n"
    "for the next {pack} service pack that contains this fix.\n\n"
    "To resolve this problem immediately, contact Microsoft Product Support Services\n"
    "to obtain the fix. For a complete list of Microsoft Product Support Services\n"
    "phone numbers and information about support costs, please go to the following\n"
    "address on the World Wide Web:\n\n"
    "  http://support.microsoft.com/default.aspx?scid=fh;EN-US;CNTACTMS\n\n"
)


def mitigation(tree: dict[str, Any]) -> dict[str, Any]:
    return next(n for n in tree["nodes"] if n["id"] == "mitigation")


def labels(tree: dict[str, Any]) -> list[str]:
    return [c["label"] for c in mitigation(tree)["choices"]]


def test_hotfix_notice_offers_waiting_for_the_service_pack_beside_the_fix() -> None:
    """The notice's "wait for the next service pack" is a choice beside "contact PSS"."""
    art = mskb(SYMPTOMS + "RESOLUTION\n==========\n\n" + NOTICE.format(pack="Exchange Server 5.5"))
    tree = draft_tree(art)
    assert labels(tree) == [
        "Resolution: Contact Microsoft Product Support Services to obtain the fix",
        "Resolution: Wait for the next Exchange Server 5.5 service pack",
    ]
    assert mitigation(tree)["title"] == "Get the fix now, or wait for the service pack?"
    assert "severely" in mitigation(tree)["text"]
    waited = walked(art, {"symptom": "yes", "mitigation": "resolution_2"})
    [step] = [item.text for item in waited.part("steps")]
    assert step.startswith("Wait for the next Exchange Server 5.5 service pack")
    now = walked(art, {"symptom": "yes", "mitigation": "resolution_1"})
    assert next(i.text for i in now.part("steps")) == (
        "Contact Microsoft Product Support Services to obtain the fix."
    )
    assert draft_text(art)[1] is not None  # loads and lints
    # a pack the article already says to obtain is out: no stale "wait" choice
    out = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "To resolve this problem, obtain the latest service pack for Exchange Server 5.5.\n\n"
        + NOTICE.format(pack="Exchange Server 5.5")
    )
    shown = [n["title"] for n in draft_tree(out)["nodes"] if n["kind"] == "outcome"]
    assert not any("Wait for" in title for title in shown)


def test_each_product_fix_gets_its_own_wait_for_its_own_pack() -> None:
    """Two product headings, each with the notice: each fix is followed by its own wait."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "SNA Server 4.0\n--------------\n\n" + NOTICE.format(pack="SNA Server 4.0") + ""
        "Host Integration Server 2000\n----------------------------\n\n"
        + NOTICE.format(pack="Host Integration Server 2000")
    )
    tree = draft_tree(art)
    # round 29: the product is asked first, each answer offering its own fix and wait
    assert [c["label"] for c in mitigation(tree)["choices"]][:2] == [
        "SNA Server 4.0",
        "Host Integration Server 2000",
    ]
    menus = [n for n in tree["nodes"] if n["id"] in ("mitigation_1", "mitigation_2")]
    assert [c["label"] for n in menus for c in n["choices"]] == [
        "SNA Server 4.0: Contact Microsoft Product Support Services to obtain the fix",
        "SNA Server 4.0: Wait for the next SNA Server 4.0 service pack",
        "Host Integration Server 2000: Contact Microsoft Product Support Services to obtain"
        " the fix",
        "Host Integration Server 2000: Wait for the next Host Integration Server 2000 service pack",
    ]


def test_or_wait_inside_the_fix_step_is_split_into_two_choices() -> None:
    """ "obtain the fix, or wait for the next SMS service pack" is two choices, not one tick."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "To work around this problem, contact Microsoft Technical Support to obtain the\n"
        "following fix, or wait for the next Systems Management Server service pack. The\n"
        "hotfix should have the following timestamp:\n\n"
        "  04/22/98   08:18 PM        182KB      Climonnt.exe (Alpha)\n"
        "  04/22/98   08:23 PM         80KB      Climonnt.exe (INTEL)\n\n"
        "STATUS\n======\n\n"
        "A supported fix is now available, but has not been fully regression-tested and\n"
        "should be applied only to systems experiencing this specific problem. Unless you\n"
        "are severely impacted by this specific problem, Microsoft recommends that you\n"
        "wait for the next Service Pack that contains this fix.\n"
    )
    tree = draft_tree(art)
    assert labels(tree) == [  # "the following fix" read as "the fix" (round 40)
        "Resolution: Contact Microsoft Technical Support to obtain the fix",
        "Resolution: Wait for the next Systems Management Server service pack",
    ]
    assert "severely" in mitigation(tree)["text"]  # the STATUS notice's own rule
    now = walked(art, {"symptom": "yes", "mitigation": "resolution_1"})
    assert all("wait" not in i.text.casefold() for i in now.part("steps"))


def test_hotfix_download_under_the_service_pack_step_is_its_own_choice() -> None:
    """The Download Center files after "obtain the latest service pack" are a second fix."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "To resolve this problem, obtain the latest service pack for Exchange Server 5.5.\n\n"
        "The following files are available for download from the Microsoft Download\n"
        "Center:\n\n"
        "  x86: DownloadDownload Q248838engi.exe now\n"
        "  (http://www.microsoft.com/downloads/release.asp?ReleaseID=25443)\n\n"
        "  Alpha: DownloadDownload Q248838enga.exe now\n"
        "  (http://www.microsoft.com/downloads/release.asp?ReleaseID=25444)\n\n"
        "Microsoft used the most current virus detection software available on the date of\n"
        "posting to scan this file for viruses. Once posted, the file is housed on secure\n"
        "servers that prevent any unauthorized changes to the file.\n"
    )
    tree = draft_tree(art)
    assert labels(tree) == [
        "Resolution: Obtain the latest service pack for Exchange Server 5.5",
        "Resolution: Download the fix from the Microsoft Download Center",
    ]
    pack = walked(art, {"symptom": "yes", "mitigation": "resolution_1"})
    detail = "\n".join(i.detail for i in pack.part("steps"))
    assert "Q248838" not in detail and "secure servers" not in detail
    got = walked(art, {"symptom": "yes", "mitigation": "resolution_2"})
    (text, detail), *_ = [(i.text, i.detail) for i in got.part("steps")]
    assert "x86: Q248838engi.exe; Alpha: Q248838enga.exe" in text
    assert "ReleaseID=25444" in detail and "DownloadDownload" not in detail
    assert draft_text(art)[1] is not None


def test_two_causes_each_with_their_steps_are_asked_not_both_ticked() -> None:
    """ "If the folders are protected ... If they are not, use the following steps": one each."""
    art = mskb(
        "SYMPTOMS\n========\n\nWhen you start the program, you receive the following error\n"
        "message:\n\n  The CD was ejected while it was in use.\n\n"
        "CAUSE\n=====\n\nThis can be caused by one of the following:\n\n"
        "- The System or application folders are protected.\n\n"
        "- The computer cannot read the compact disc.\n\n"
        "RESOLUTION\n==========\n\n"
        "To resolve this problem, make sure the System Folder and application folders are\n"
        "not protected. If the folders are protected, remove the protection by following\n"
        "these steps:\n\n"
        "1. On the Apple Menu, point to Control Panels, and then click General Controls.\n\n"
        "2. In the Folder Protection area, click the Protect System Folder check box to\n"
        "  clear it.\n\n"
        "If the System Folder and application folders are not protected, use the following\n"
        "steps to verify that your compact disc is readable and working correctly.\n\n"
        "1. Clean the compact disc. Focus on fingerprints, smudges, and dust.\n\n"
        "2. On the Apple menu, point to Control Panels, and then click Extensions Manager.\n\n"
        "3. Make sure Apple CD-ROM is listed under Extensions.\n"
    )
    tree = draft_tree(art)
    ask = next(n for n in tree["nodes"] if n["kind"] == "question" and "if_1" in n["id"])
    var = ask.get("var", ask["id"])
    protected = [i.text for i in walked(art, {"symptom": "yes", var: "no"}).part("steps")]
    unread = [i.text for i in walked(art, {"symptom": "yes", var: "yes"}).part("steps")]
    assert any("Folder Protection" in s for s in protected)
    assert not any("Clean the compact disc" in s for s in protected)
    assert any("Clean the compact disc" in s for s in unread)
    assert not any("Folder Protection" in s for s in unread)
    assert draft_text(art)[1] is not None


def test_the_problem_beside_messages_that_may_also_come_is_a_choice() -> None:
    """ "Also, you may receive these messages": the problem without them is no 'None of these'."""
    art = mskb(
        "SYMPTOMS\n========\n\n"
        "When you create a new collection on a site that is the parent of one or more\n"
        "child sites, the collection may not be populated correctly on the child sites.\n\n"
        "Also, you may receive the following status messages for a secondary site:\n\n"
        "  Status Message ID 2519\n"
        "  SMS Collection Evaluator failed to enumerate members of collection.\n\n"
        "  Status Message ID 2512\n"
        "  SMS Collection Evaluator failed to replicate collection to child sites.\n\n"
        "CAUSE\n=====\n\nThe child sites do not have User Discovery enabled.\n\n"
        "WORKAROUND\n==========\n\nEnable User Discovery at the child primary site.\n"
    )
    tree = draft_tree(art)
    symptom = next(n for n in tree["nodes"] if n["id"] == "symptom")
    problem = [c for c in symptom["choices"] if "populated correctly" in c["label"]]
    assert len(symptom["choices"]) == 4 and len(problem) == 1
    assert problem[0]["next"] != "not_this_article"
    steps = walked(art, {"symptom": problem[0]["value"]}).part("steps")
    assert [i.text for i in steps] == ["Enable User Discovery at the child primary site."]
    # a first sentence that itself announces the message is no separate problem
    said = mskb(
        "SYMPTOMS\n========\n\nWhen you start RAS, the following error message is displayed:\n\n"
        "  Error 714: Configuration error.\n\n  -or-\n\n  RAS.EXE caused a General Protection"
        " Fault.\n\nYou can also receive this error message if IFSHLP.SYS is not loaded.\n\n"
        "CAUSE\n=====\n\nThe file is damaged.\n\n"
        "RESOLUTION\n==========\n\nRe-create the SERIAL.INI file.\n"
    )
    labels = [c["label"] for c in draft_tree(said)["nodes"][0]["choices"]]
    assert not any(label.startswith("The problem without") for label in labels)


def test_status_with_a_supported_fix_is_no_longer_drafted_as_no_fix() -> None:
    """A STATUS saying a supported fix is available from support offers it, and the wait."""
    art = mskb(
        SYMPTOMS + "CAUSE\n=====\n\nWINS may start scavenging from the wrong version number.\n\n"
        "STATUS\n======\n\n"
        "Microsoft has confirmed this to be a problem in Windows NT Server version 3.51.\n"
        "A supported fix is now available, but has not been fully regression-tested and\n"
        "should be applied only to systems experiencing this specific problem. Unless you\n"
        "are severely impacted by this specific problem, Microsoft recommends that you\n"
        "wait for the next Service Pack that contains this fix. Contact Microsoft\n"
        "Product Support Services for more information.\n\n"
        "This fix has been posted to the following Internet location:\n\n"
        "  ftp://ftp.microsoft.com/bussys/winnt/winnt-public/fixes/usa/nt351/hotfixes-postSP5/\n"
    )
    tree = draft_tree(art)
    step, *_ = walked(art, {"symptom": "yes", "mitigation": "status_1"}).part("steps")
    assert "ftp://ftp.microsoft.com/bussys/winnt" in step.detail
    assert labels(tree) == [
        "Contact Microsoft Product Support Services to obtain the fix",
        "Wait for the next service pack",
    ]
    shown = " ".join(n["title"] for n in tree["nodes"] if n["kind"] == "outcome")
    assert "No fix" not in shown
    assert draft_text(art)[1] is not None


def test_the_notices_apply_it_only_sentence_is_no_step_or_label() -> None:
    """ "Apply it only to computers that are experiencing this problem" is the notice's rule."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "A supported fix is now available from Microsoft, but it is only intended to\n"
        "correct the problem that is described in this article. Apply it only to\n"
        "computers that are experiencing this specific problem. This fix may receive\n"
        "additional testing. Therefore, if you are not severely affected by this problem,\n"
        "Microsoft recommends that you wait for the next Windows NT 4.0 service pack that\n"
        "contains this fix.\n\n"
        "To resolve this problem immediately, contact Microsoft Product Support Services\n"
        "to obtain the fix.\n"
    )
    assert labels(draft_tree(art))[0] == (
        "Resolution: Contact Microsoft Product Support Services to obtain the fix"
    )
    steps = walked(art, {"symptom": "yes", "mitigation": "resolution_1"}).part("steps")
    assert next(i.text for i in steps) == (
        "Contact Microsoft Product Support Services to obtain the fix."
    )


def test_stages_a_lead_orders_are_one_fix_not_alternatives() -> None:
    """ "You must first determine X, determine Y, and then delete Z" over the sub-headings
    "Determine X", "Determine Y", "Remove Z": one fix done in that order, not a choice."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "To resolve this issue, you must first determine the log file location, determine\n"
        "which log files the restore requires, and then delete the unneeded logs. To do\n"
        "this, follow these steps.\n\n"
        "Determine the Log File Location\n-------------------------------\n\n"
        "1. Start the Administrator program.\n\n2. Note the log file location.\n\n"
        "Determine Which Log Files the Restore Requires\n"
        "----------------------------------------------\n\n"
        "1. Start Registry Editor.\n\n2. Note the first and last log file names.\n\n"
        "Remove Unneeded Log Files\n-------------------------\n\n"
        "1. Move the other log files to a Temp folder.\n\n2. Start the service.\n"
    )
    tree = draft_tree(art)
    assert not any(n["kind"] == "question" and n["id"] == "mitigation" for n in tree["nodes"])
    steps = [i.text for i in walked(art, {"symptom": "yes"}).part("steps")]
    assert steps.index("Start the Administrator program.") < steps.index(
        "Move the other log files to a Temp folder."
    )
