"""Verifies drawn from what the article gives, not the pasted symptom (drafting round 11,
verify11): the release STATUS says fixed the problem, no symptom pasted after a version
check, the chosen message checked, no destructive steps replayed, a runbook's alert."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, runbook, support, walked

from kbassist.articles import Article
from kbassist.drafting.tree import draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999911", product="Microsoft Windows NT")


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


def test_each_symptom_chosen_gets_its_own_check_not_always_the_first() -> None:
    """ "Which of these do you see?" over three symptoms: the walk that chose "The basket
    flashes" checks that, not "textures are applied"."""
    art = mskb(
        "SYMPTOMS\n========\n\n"
        "When you play Microsoft Basketball 2000, you may experience any of the\n"
        "following symptoms:\n\n"
        "- Introductory screens are superimposed over one another.\n\n"
        "- The basket flashes when you play the game.\n\n"
        "- Textures are not applied to objects in the game.\n\n"
        "CAUSE\n=====\n\n"
        "This problem occurs because your video adapter driver is out of date.\n\n"
        "RESOLUTION\n==========\n\n"
        "Download and install the latest video driver for your video adapter.\n"
    )
    tree = draft_tree(art)
    choices = next(n for n in tree["nodes"] if n["id"] == "symptom")["choices"]
    flashes = next(c["value"] for c in choices if "flashes" in c["label"])
    textures = next(c["value"] for c in choices if "Textures" in c["label"])
    seen = verify(art, {"symptom": flashes})
    assert any("The basket flashes when you play the game" in c for c in seen), seen
    assert not any("textures" in c.casefold() for c in seen), seen
    other = verify(art, {"symptom": textures})
    assert any("check that textures are applied to objects in the game" in c for c in other)


def test_each_message_chosen_gets_its_own_message_check() -> None:
    """Two error messages to choose from: each walk checks the message it chose."""
    art = mskb(
        "SYMPTOMS\n========\n\n"
        "When you start Windows, you may receive one of the following error messages:\n\n"
        "   Memory is insufficient to run KRNL386.EXE\n\n"
        "   -or-\n\n"
        "   WINDOWMEMSIZE is too large in SYSTEM.INI\n\n"
        "CAUSE\n=====\n\n"
        "This problem occurs when the WINDOWMEMSIZE setting is set too high.\n\n"
        "RESOLUTION\n==========\n\n"
        "Remove the WINDOWMEMSIZE line from the [386Enh] section of the SYSTEM.INI file.\n"
    )
    tree = draft_tree(art)
    choices = next(n for n in tree["nodes"] if n["id"] == "symptom")["choices"]
    second = next(c["value"] for c in choices if "too large" in c["label"])
    seen = verify(art, {"symptom": second})
    assert any('"WINDOWMEMSIZE is too large in SYSTEM.INI" no longer appears' in c for c in seen)
    assert not any("KRNL386" in c for c in seen), seen


KMS = """
## Symptoms

When you try to activate Windows, you may get one of the following error messages:

- > 0xC004F074 with description "The Key Management Server (KMS) is unavailable"
- > No Key Management Service (KMS) could be contacted

## The Key Management Server (KMS) is unavailable

When you activate a KMS client, you may get this error message:

> The Key Management Server (KMS) is unavailable

### Time difference between KMS client and KMS host machine

The error may occur if the time on the client and the KMS host differs by more than 4
hours.

1. Make sure that the system time on the client and the KMS host is the same.
2. Run the `w32tm /resync` command to resync the time on the client.

## No Key Management Service (KMS) could be contacted

When you run `slmgr /ato`, you receive the following error message:

> No Key Management Service (KMS) could be contacted

### Sppsvc service on the KMS host has stopped running

Check if the sppsvc service is running on the KMS server. If the service is stopped, start it.

### Incorrect or old KMS host server record in DNS

1. Open the DNS management console.
2. Check if the correct KMS host server name is present in the _VLMCS SRV record.
"""


def test_a_fix_under_the_second_message_checks_that_message() -> None:
    """ "Which message do you see?" -> "No KMS could be contacted": its fixes check that
    message, never "KMS is unavailable"."""
    tree = draft_tree(support(KMS))
    nodes = {n["id"]: n for n in tree["nodes"]}
    which = nodes["which_cause"]
    assert which["title"] == "Which message do you see?"
    contacted = next(c for c in which["choices"] if "could be contacted" in c["label"])
    fixes = nodes[contacted["next"]]
    for choice in fixes["choices"]:
        outcome = nodes[choice["next"]]
        while outcome["kind"] != "outcome":
            outcome = nodes[outcome["next"]]
        said = " ".join(str(v["text"]) for v in outcome["verify"])
        assert "could be contacted" in said, said
        assert "is unavailable" not in said, said


def test_steps_to_reproduce_that_set_the_clock_back_are_never_replayed() -> None:
    """ "Set the system clock back" in the steps to reproduce: the verify checks their
    result on the admin's own work, never "Repeat the article's steps"."""
    art = mskb(
        "SYMPTOMS\n========\n\n"
        "Labels added to a project do not appear in the project's history.\n\n"
        "CAUSE\n=====\n\n"
        "The workstation clocks are not synchronized.\n\n"
        "RESOLUTION\n==========\n\n"
        "Make sure the system clock is set to the right time before checking in files.\n\n"
        "MORE INFORMATION\n================\n\n"
        "STEPS TO REPRODUCE\n------------------\n\n"
        "1. Create a new project and add some files.\n\n"
        "2. Set the system clock back to an earlier date.\n\n"
        "3. Add a Label to the project.\n\n"
        "4. Check the files in.\n\n"
        "5. View the History of the project.\n\n"
        "RESULT: The label does not appear in the project's history.\n"
    )
    checks = verify(art)
    assert not any(c.startswith("Repeat the article's steps") for c in checks), checks
    assert any("check that the label appears in the project's history" in c for c in checks)


def test_a_runbook_condition_with_no_value_is_checked_against_the_alerts_threshold() -> None:
    """ "latency is XX seconds on node": the check runs the alert's expression against its
    threshold, not "the condition ... no longer holds: ... XX seconds"."""
    art = runbook(
        "## Meaning\n\nKubelet Pod startup 99th percentile latency is XX seconds on node.\n\n"
        "## Impact\n\nSlow pod starts.\n\n"
        "## Diagnosis\n\nUsually exhausted IOPS for node storage.\n\n"
        "## Mitigation\n\nCordon and drain the node and delete it.\n",
        id_="KubeletPodStartUpLatencyHigh",
    )
    tree = draft_tree(art)
    said = [
        str(v["text"]) for n in tree["nodes"] if n["kind"] == "outcome" for v in n.get("verify", [])
    ]
    assert any(
        t.startswith("Check that the value the KubeletPodStartUpLatencyHigh alert measures is")
        and "run its expression" in t
        for t in said
    ), said
    assert not any(t.startswith("Check that the condition the alert fires on") for t in said)


def test_two_results_joined_by_or_are_both_turned_round_after_the_trigger() -> None:
    """ "When you use X, performance may be reduced or your computer may seem to stop
    responding" -> both checked after the trigger, not the sentence pasted."""
    art = mskb(
        "SYMPTOMS\n========\n\n"
        "When you use a USB camera with certain PCI video cards in Windows 95 OEM Service\n"
        "Release version 2.1 (OSR2.1), performance may be reduced or your computer may seem\n"
        "to stop responding (hang).\n\n"
        "RESOLUTION\n==========\n\n"
        "To resolve this problem, use the following steps:\n\n"
        "1. In Control Panel, double-click Display.\n\n"
        "2. On the Performance tab, move the Hardware Acceleration slider to None.\n"
    )
    checks = verify(art)
    assert any(
        "check that performance is no longer reduced and your computer no longer seems to stop" in c
        for c in checks
    ), checks
    assert not any("no longer occurs:" in c for c in checks)


def test_the_problem_after_but_is_checked_not_the_scene_before_it() -> None:
    """ "you may be able to log on, but the shell may not start" -> "check that the shell
    starts" after the trigger."""
    art = mskb(
        "SYMPTOMS\n========\n\n"
        "After a clean installation of Windows NT, you may be able to log on, but the shell\n"
        "may not start. NOTE: Typically it will be a user, not the administrator, who sees\n"
        "this behavior.\n\n"
        "RESOLUTION\n==========\n\n"
        "Reformat the drive and reinstall Windows NT.\n"
    )
    checks = verify(art)
    assert "After a clean installation of Windows NT, check that the shell starts." in checks


def test_a_message_lead_with_a_file_name_in_it_still_brings_the_message() -> None:
    """ "... when attempting to open the Mailbox.rpt file in the Samples directory: M":
    the dot of the file name ends no lead-in, so M is checked, not the section named."""
    art = mskb(
        "SYMPTOMS\n========\n\n"
        "When you run Seagate's Crystal Reports on an computer running Exchange Server\n"
        "4.0 or 5.0 with Service Pack 2 installed, you may receive the following error\n"
        "message when attempting to open the Mailbox.rpt file in the Samples directory:\n\n"
        "  The Library P2SexSr.dll cannot be found, continue to open the report for\n"
        "  viewing only\n\n"
        "WORKAROUND\n==========\n\n"
        "Purchase the 101 BackOffice Report Pack, which includes the P2SexSr.dll file.\n"
    )
    checks = verify(art)
    assert any(
        '"The Library P2SexSr.dll cannot be found, continue to open the report for viewing only"'
        " no longer appears" in c
        for c in checks
    ), checks


def test_a_second_result_joined_by_and_is_checked_after_the_trigger() -> None:
    """ "you may see the following message and Windows will fail to start" -> "check that
    Windows starts" after the trigger, not the sentence pasted."""
    art = support(
        "## Symptoms\n\n"
        "When you press or hold down keys on the keyboard as you start your computer, you\n"
        "may see the following message and Windows will fail to start.\n\n"
        "## Workaround\n\n"
        "Do not press any keys during startup until the Windows startup screen is displayed.\n"
    )
    tree = draft_tree(art)
    said = [
        str(v["text"]) for n in tree["nodes"] if n["kind"] == "outcome" for v in n.get("verify", [])
    ]
    assert any(t.endswith("check that Windows starts.") for t in said), said
    assert not any(t.startswith("Check that this no longer happens:") for t in said), said


def test_a_statement_that_stays_true_gives_way_to_the_consequence_after_it() -> None:
    """ "the result is a floating point number" stays true after the fix; "As such, the
    displayed value may not be the exact value" is the problem to check."""
    art = mskb(
        "SYMPTOMS\n========\n\n"
        "When subtracting two DateTimes, the result is a floating point number. As such,\n"
        "the displayed value may not be the exact value. This may lead to further\n"
        "inaccuracies.\n\n"
        "CAUSE\n=====\n\n"
        "Floating point math is frequently inaccurate in any language.\n\n"
        "RESOLUTION\n==========\n\n"
        "When subtracting DateTimes, use ROUND(nDifference, 0) to ensure that you are\n"
        "working with the value you think you are.\n"
    )
    checks = verify(art)
    assert "Check that the displayed value is the exact value." in checks, checks
    assert not any("floating point number" in c for c in checks), checks


def test_redoing_a_trigger_that_crashes_the_computer_says_where_to_do_it() -> None:
    """A verify that prints the 1-point-font document again, after a blue screen, says to do
    it on a test computer or in a maintenance window; a mere error message does not."""
    crash = mskb(
        "SYMPTOMS\n========\n\nWhen you print a document that contains a 1 point font, the print\n"
        "server stops with the following Blue Screen error: STOP 0x0000001e.\n\n"
        "WORKAROUND\n==========\n\nDelete the *.spl and *.shd files from the spool folder.\n"
    )
    [check] = [i.text for i in walked(crash, {"symptom": "yes"}).part("verify")]
    assert "again" in check and "test computer or in a maintenance window" in check
    mild = mskb(
        "SYMPTOMS\n========\n\nWhen you print a document that contains a 1 point font, you\n"
        'receive the error message "Cannot print".\n\n'
        "WORKAROUND\n==========\n\nDelete the *.spl and *.shd files from the spool folder.\n"
    )
    assert not any(
        "maintenance window" in i.text for i in walked(mild, {"symptom": "yes"}).part("verify")
    )
