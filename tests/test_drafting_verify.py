"""Drafted verifies and the steps around a fix (drafting round 7), by the kind of text a
reader found verified wrong: a scene sentence quoted as the problem, a hotfix whose file
table was the concrete check, a case the article says to ignore, a registry edit with no
backup and no way back."""

from __future__ import annotations

from functools import partial

import drafting_support
from drafting_support import archive, runbook, walked

from kbassist.articles import Article
from kbassist.drafting.tree import draft_tree_model
from kbassist.trees.checklist import Checklist

support = partial(drafting_support.support, id_="support-7", title="Support article")


#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999701")


def verifies(checklist: Checklist) -> list[str]:
    return [item.text for item in checklist.part("verify")]


SCENE_FIRST = (
    "SYMPTOMS\n========\n\n"
    "The index view in the Help viewer provides a search field you can use to find a\n"
    "topic. However, if you type slowly into the search field, the index list scrolls\n"
    "to a different section for each letter you type, and these letters are never\n"
    "displayed in the search field.\n\n"
    "CAUSE\n=====\n\nThe search field is cleared after each letter.\n\n"
    "RESOLUTION\n==========\n\nType the letters of the topic quickly.\n"
)


def test_a_verify_quotes_what_goes_wrong_not_the_scene_sentence_before_it() -> None:
    """A symptom opening with a description is verified by its sentence that says what fails."""
    [check] = verifies(walked(mskb(SCENE_FIRST), {"symptom": "yes"}))
    assert "provides a search field" not in check
    assert check.startswith("Check that the problem no longer occurs: If you type slowly")
    assert check.endswith("these letters are never displayed in the search field.")


def test_a_long_symptom_with_a_quoted_message_is_verified_by_that_message() -> None:
    """When the symptom sentence is too long to quote, the message it introduces is the check."""
    art = mskb(
        "SYMPTOMS\n========\n\n"
        "If you access a public contact folder by using the Outlook Web Access client, or\n"
        "access a custom contact folder or subfolder that contains contacts from another\n"
        "site in the organization over a slow link, one of the following error messages\n"
        "may be displayed:\n\n"
        "  This version of Outlook Web Access only supports your primary contact folder.\n\n"
        "RESOLUTION\n==========\n\nObtain the latest service pack for Exchange Server 5.5.\n"
    )
    [check] = verifies(walked(art, {"symptom": "yes"}))
    assert check == (
        "Check that this message no longer appears: This version of Outlook Web Access only "
        "supports your primary contact folder."
    )


def test_a_however_sentence_with_a_bare_pronoun_is_not_the_verify() -> None:
    """ "However, it is not unshared automatically." means nothing as a check on its own."""
    art = mskb(
        "SYMPTOMS\n========\n\n"
        "When a shared directory is moved, it appears to be unshared. However, it is not\n"
        "unshared automatically. Clients can no longer mount the share.\n\n"
        "RESOLUTION\n==========\n\nDo not move a shared directory; unshare it first.\n"
    )
    [check] = verifies(walked(art, {"symptom": "yes"}))
    assert not check.startswith("Check that this no longer happens: It is not")
    # round 13: the sentence after it is turned round, not quoted ("can no longer" once)
    assert check == "Check that clients can mount the share."


HOTFIX = (
    "SYMPTOMS\n========\n\n"
    "When a Lotus Notes client replies to a message, the address is truncated.\n\n"
    "RESOLUTION\n==========\n\n"
    "To resolve this problem, contact Microsoft Product Support Services to obtain the\n"
    "fix.\n\n"
    "The English version of this fix should have the following file attributes or\n"
    "later:\n\n"
    "  Date       Time     Version      Size            File name\n"
    "  --------------------------------------------------------------\n"
    "  09/22/98   07:38p   5.5.2348.0   211,216 bytes   Lsmexif.dll\n"
    "  09/22/98   07:38p   5.5.2348.0    48,912 bytes   Lsmexin.exe\n"
)


def test_a_hotfix_with_a_file_table_is_verified_by_the_file_versions() -> None:
    """The fix's file table gives the concrete check: each file at that version or later."""
    checks = verifies(walked(mskb(HOTFIX), {"symptom": "yes"}))
    assert checks[0].startswith(
        "Check that Lsmexif.dll is version 5.5.2348.0 and Lsmexin.exe is version 5.5.2348.0 "
        "or later"
    )
    assert checks[1].startswith("When a Lotus Notes client replies to a message, check that")


def test_a_file_table_without_versions_checks_the_dates() -> None:
    """A table with dates and sizes only: the check names the file's date."""
    art = mskb(
        HOTFIX.split("  Date")[0]
        + "  Date         Time    Size     File name\n"
        + "  -----------------------------------------\n"
        + "  11/28/2000   16:18   80,384   Wsfures.dll\n"
    )
    checks = verifies(walked(art, {"symptom": "yes"}))
    assert checks[0].startswith("Check that Wsfures.dll is dated 11/28/2000 or later")


def test_an_ignore_it_resolution_is_not_verified_by_the_message_going_away() -> None:
    """ "You can safely ignore this message when ..." never says to check it no longer appears."""
    art = support(
        "## Symptoms\n\nWhen you install a cumulative update, setup completes. However, you "
        "may find the following error logged in the Application event log:\n\n"
        "> Update could not be installed. Error code 1642.\n\n"
        "## Resolution\n\nYou can safely ignore this message in the Application event log "
        "when the following conditions are true:\n\n- Setup of the cumulative update completed "
        "successfully.\n- No error messages are recorded in the Summary.txt file.\n"
    )
    # "yes" to every yes/no question: it is the symptom, and the case's conditions hold
    tree = draft_tree_model(art)
    answers = {
        str(n.var): "yes"
        for n in tree.nodes.values()
        if any(c.value == "yes" for c in getattr(n, "choices", None) or ())
    }
    checks = verifies(walked(art, answers))
    assert checks[0].startswith("Nothing to fix in this case: the article says")
    assert not any("no longer appears" in c for c in checks)


def test_a_nothing_to_do_case_does_not_wait_for_the_alert_to_clear() -> None:
    """The public-cloud "nothing to do" case gets an honest verify; the other cases the alert."""
    art = runbook(
        "## Meaning\n\nThe NooBaa system is over 95% of its capacity.\n\n"
        "## Mitigation\n\n- For public cloud providers, there is nothing to do.\n"
        "- For PV-Pool backingstores, increase the number of volumes in the backingstore "
        "spec.\n",
        id_="NooBaaCapacityTest",
    )
    tree = draft_tree_model(art)
    question = next(
        n
        for n in tree.nodes.values()
        if getattr(n, "choices", None)
        and any("public cloud" in (c.label or "").lower() for c in n.choices)
    )
    cloud = next(c.value for c in question.choices if "public cloud" in (c.label or "").lower())
    pool = next(c.value for c in question.choices if "pv-pool" in (c.label or "").lower())
    answers = {"symptom": "yes"} if "symptom" in tree.nodes else {}
    cloud_checks = verifies(walked(art, {**answers, question.var: cloud}))
    pool_checks = verifies(walked(art, {**answers, question.var: pool}))
    assert any(c.startswith("Nothing to fix in this case") for c in cloud_checks)
    assert not any("alert clears" in c for c in cloud_checks)
    assert any("alert clears" in c for c in pool_checks)
    assert not any(c.startswith("Nothing to fix") for c in pool_checks)


REGISTRY_EDIT = (
    "SYMPTOMS\n========\n\nThe redirector does not time out failed connections.\n\n"
    "RESOLUTION\n==========\n\n"
    "1. Start Registry Editor (Regedt32.exe).\n\n"
    "2. Locate the following key in the registry:\n\n"
    "  HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\Rdr\\Parameters\n\n"
    "3. On the Edit menu, click Add Value, and add the following value:\n\n"
    "  FailedConnectTimeout REG_DWORD 30\n\n"
    "4. Quit Registry Editor.\n"
)


def test_a_registry_edit_backs_up_the_key_first_and_restores_it_as_rollback() -> None:
    """A registry edit gets "back up the key" right before it and a rollback; a lookup
    gets none."""
    checklist = walked(mskb(REGISTRY_EDIT), {"symptom": "yes"})
    texts = [item.text for item in checklist.part("steps")]
    backup = next(n for n, t in enumerate(texts) if t.startswith("Back up the"))
    assert texts[backup].startswith(
        "Back up the HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\Rdr\\Parameters "
        "key before you change it"
    )
    # once the key is located, before the value is added (round 24)
    assert texts[0] == "Start Registry Editor (Regedt32.exe)."
    assert texts[backup + 1].startswith("On the Edit menu, click Add Value")
    [rollback] = checklist.part("rollback")
    assert "restore the registry key" in rollback.text
    # only a change needs a backup: looking a value up does not
    art = mskb(
        "SYMPTOMS\n========\n\nSetup fails.\n\n"
        "RESOLUTION\n==========\n\n"
        "1. Start Registry Editor (Regedt32.exe).\n\n"
        "2. Locate the following key in the registry and note its Version value:\n\n"
        "  HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Test\n\n"
        "3. Install the version of the program that matches it.\n"
    )
    checklist = walked(art, {"symptom": "yes"})
    assert not any(i.text.startswith("Back up") for i in checklist.part("steps"))
    assert not checklist.part("rollback")


def test_a_modern_scene_sentence_gives_way_to_a_title_that_states_the_problem() -> None:
    """ "In Windows Server 2008, you can use these tools ..." is no check; the title is."""
    art = support(
        "## Symptoms\n\nIn Windows Server 2008, you can use the following tools to provision "
        "a shared folder on a cluster disk.\n\n## Resolution\n\nInstall the update.\n",
        title="You can't share a folder in a failover cluster",
    )
    [check] = verifies(walked(art, {"symptom": "yes"}))
    assert check == "Check that you can share a folder in a failover cluster."


def test_more_information_notes_and_repro_steps_are_not_offered_as_fixes() -> None:
    """A MORE INFORMATION note ("the Guide is incomplete") or repro steps: never a fix."""
    note = mskb(
        "SYMPTOMS\n========\n\nMail to downstream postoffices is returned.\n\n"
        "RESOLUTION\n==========\n\nCreate a POSTMASTER account on all downstream postoffices.\n\n"
        "MORE INFORMATION\n================\n\n"
        'The Microsoft Mail Gateway to MHS "Administrator\'s Guide" is incomplete; it\n'
        "suggests that you create a POSTMASTER mailbox on the gateway postoffice, but\n"
        "does not mention that you should also create a POSTMASTER account on all\n"
        "downstream postoffices.\n"
    )
    repro = mskb(
        "SYMPTOMS\n========\n\nThe fetch blocks the program.\n\n"
        "RESOLUTION\n==========\n\nUse adAsyncFetch instead of adAsyncFetchNonBlocking.\n\n"
        "MORE INFORMATION\n================\n\n"
        "Step to Reproduce Behavior\n--------------------------\n\n"
        "1. Paste the following code into the Query Analyzer and execute it.\n\n"
        "2. Run the sample program.\n"
    )
    for art, fix in [
        (note, "Resolution: Create a POSTMASTER account on all downstream postoffices"),
        (repro, "Resolution: Use adAsyncFetch instead of adAsyncFetchNonBlocking"),
    ]:
        titles = [n.title for n in draft_tree_model(art).outcomes()]
        assert titles == [fix, "This article may not apply"]


def test_a_more_information_check_of_the_cause_runs_before_the_fix() -> None:
    """ "You can check the validity of the CRL by ...": its steps, command and result come first."""
    art = mskb(
        "SYMPTOMS\n========\n\n"
        "If the CRL file is not signed, Inetinfo causes an Access Violation error.\n\n"
        "RESOLUTION\n==========\n\nAsk your CA to correctly sign the CRL file.\n\n"
        "MORE INFORMATION\n================\n\n"
        "You can check the validity of the CRL by doing the following:\n\n"
        "1. Save the CRL to your local disk.\n\n"
        "2. Run the following command:\n\n"
        "  CERTUTIL <CRL file name>\n\n"
        'The output of CERTUTIL will indicate "No Signature" at the end.\n'
    )
    tree = draft_tree_model(art)
    crl = next(n for n in tree.nodes.values() if getattr(n, "kind", "") == "input")
    checklist = walked(art, {"symptom": "yes", crl.var: "bad.crl"})
    first, fix = checklist.part("steps")
    assert first.text.startswith("Confirm the cause first: You can check the validity of the CRL")
    assert first.source.section == "MORE INFORMATION"
    assert "CERTUTIL bad.crl" in first.detail
    assert first.detail.endswith('The output of CERTUTIL will indicate "No Signature" at the end.')
    assert fix.text == "Ask your CA to correctly sign the CRL file."


def test_a_long_modern_message_is_verified_by_its_whole_first_sentences() -> None:
    """A long quoted error is checked by its opening sentences, whole, never cut with "[...]"."""
    art = support(
        "## Symptoms\n\nYou may receive the following error message in the trace log:\n\n"
        "> An internal error occurred on the report server. See the error log for more details. "
        "(rsInternalError) Get Online Help Key not valid for use in specified state. (Exception "
        "from HRESULT: 0x8009000B) You may receive this error message when the Report Server "
        "service starts or when you try to access the Reporting Services Web site.\n\n"
        "## Resolution\n\nRestore the symmetric key.\n"
    )
    [check] = verifies(walked(art, {"symptom": "yes"}))
    assert check == (
        "Check that this no longer appears: An internal error occurred on the report server. "
        "See the error log for more details. (rsInternalError) Get Online Help Key not valid "
        "for use in specified state."
    )


def test_one_long_sentence_that_says_what_fails_is_quoted_whole() -> None:
    """A 300-character symptom sentence that says what fails is quoted whole, not named."""
    long = (
        "If you have a shared network installation of Windows 95 that uses either a Windows NT "
        "Server or Windows NT Workstation as a file server, and you change either the file "
        "server's name or network share name and also make the appropriate changes in the "
        "AUTOEXEC.BAT file, Windows 95 no longer boots up correctly."
    )
    art = mskb(f"SYMPTOMS\n========\n\n{long}\n\nRESOLUTION\n==========\n\nRun Setup again.\n")
    [check] = verifies(walked(art, {"symptom": "yes"}))
    assert check == f"Check that the problem no longer occurs: {long}"


def test_the_intro_scenario_and_its_message_are_not_offered_as_a_fix() -> None:
    """An intro that describes the problem and quotes its error is no "Follow the article's
    steps" option beside the article's own procedures."""
    art = support(
        "You configure multiple IP addresses on a network adapter. If you allow zone transfers "
        "only to the listed servers, the transfer fails, and you receive this error:\n\n"
        "> Zone Not Loaded by DNS Server\n\n"
        '## Change the "Allow zone transfers" setting\n\n'
        "To work around this issue, set the **Allow zone transfers** setting to **To any "
        "server**.\n\n"
        "## Use the zoneresetsecondaries command\n\n"
        "1. Close the Microsoft Management Console (MMC).\n"
        "2. From an elevated command prompt, run the following command:\n\n"
        "    ```console\n    dnscmd <servername> /zoneresetsecondaries <zonename> /securens\n"
        "    ```\n",
        title="DNS zone transfer fails when using the name servers setting",
    )
    titles = [n.title for n in draft_tree_model(art).outcomes()]
    assert "Follow the article's steps" not in titles
    assert titles[:2] == [
        'Change the "Allow zone transfers" setting',
        "Use the zoneresetsecondaries command",
    ]


def repro_article(status: str, last_step: str, *, fix: bool = True) -> Article:
    """A PRB/BUG article whose MORE INFORMATION has numbered steps to reproduce."""
    fix_text = "RESOLUTION\n==========\n\nSave the record before you close the form.\n\n"
    return mskb(
        "SYMPTOMS\n========\n\nThe current edit is not saved when you click a toolbar button.\n\n"
        + (fix_text if fix else "")
        + f"STATUS\n======\n\n{status}\n\n"
        "MORE INFORMATION\n================\n\n"
        "Steps to Reproduce Behavior\n---------------------------\n\n"
        "1. Create a toolbar with a command button.\n\n"
        "2. Type the following in the Command window:\n\n"
        "     CREATE TABLE temp (myfield C(10))\n\n"
        '3. Type "TESTING" in the field.\n\n'
        f"4. {last_step}\n"
    )


def test_steps_to_reproduce_are_the_verify_with_the_result_they_end_with() -> None:
    """The article's Steps to Reproduce are repeated as the verify, quoting what they show."""
    art = repro_article(
        "Microsoft has confirmed this to be a bug.",
        'Click the toolbar button. Notice that the value has changed back to "Hello."',
    )
    [check] = walked(art, {"symptom": "yes"}).part("verify")
    assert check.text.startswith("Repeat the article's steps to reproduce the problem")
    assert check.text.endswith(
        "no longer happens: Click the toolbar button. Notice that the value has changed back"
        ' to "Hello."'
    )
    assert "with the fix above in place" not in check.text
    assert "1. Create a toolbar with a command button." in check.detail
    assert "CREATE TABLE temp (myfield C(10))" in check.detail
    assert check.source.section == "MORE INFORMATION"


def test_a_by_design_repro_is_the_verify_only_when_a_fix_works_around_it() -> None:
    """By design: the repro checks the workaround; with no fix the by-design note stays."""
    last = 'Click the toolbar button. Notice that the value has changed back to "Hello."'
    worked = repro_article("This behavior is by design.", last)
    [check] = verifies(walked(worked, {"symptom": "yes"}))
    assert check.startswith(
        'Repeat the article\'s steps to reproduce the problem ("Steps to Reproduce Behavior"'
        " in MORE INFORMATION) with the fix above in place, and check that this no longer"
    )
    bare = repro_article("This behavior is by design.", last, fix=False)
    for check in verifies(walked(bare, {"symptom": "yes"})):
        assert not check.startswith("Repeat the article's steps")


def test_repro_steps_ending_in_the_good_result_are_checked_for_that_result() -> None:
    """Steps that end with the fix shown working are not verified as a problem to see gone."""
    art = repro_article(
        "Microsoft has confirmed this to be a bug.",
        "Run the form again, and note that the correct value is displayed.",
    )
    [check] = verifies(walked(art, {"symptom": "yes"}))
    assert check.endswith(
        "check that you get what its last step describes: Run the form again, and note that"
        " the correct value is displayed."
    )


def test_repro_steps_ending_in_an_action_check_the_symptom_after_them() -> None:
    """Steps that end with an action and no result are repeated, checking the symptom's problem."""
    art = repro_article(
        "Microsoft has confirmed this to be a bug.", "Right-click the view and click New Folder."
    )
    [check] = verifies(walked(art, {"symptom": "yes"}))
    assert check == (
        'Repeat the article\'s steps to reproduce the problem ("Steps to Reproduce Behavior" in'
        " MORE INFORMATION), and check that the problem no longer occurs: The current edit is"
        " not saved when you click a toolbar button."
    )
