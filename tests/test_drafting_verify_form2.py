"""Verifies said as what to do and what to see, second pass (drafting round 9, verify9b):
a hotfix's box-drawn or worded file table, by-design wording per outcome, a second result
after the first, a subject capitalised only by the sentence, a message quoted in the
sentence, a failure said with no word of failure."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, walked

from kbassist.articles import Article
from kbassist.drafting.verify_form import structured_check

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999902", product="Microsoft Exchange")


def verify(art: Article, answers: dict[str, str] | None = None) -> list[str]:
    checklist = walked(art, {"symptom": "yes", **(answers or {})})
    return [item.text for item in checklist.part("verify")]


def test_a_hotfix_box_table_gives_the_file_version_check() -> None:
    """ "| Store.exe | 5.5.2144.0 |" in a box table -> "Store.exe is version 5.5.2144.0"."""
    art = mskb(
        "SYMPTOMS\n========\n\n"
        "The Information Store service stops responding when a client opens a large folder.\n\n"
        "RESOLUTION\n==========\n\n"
        "To resolve this problem, obtain the latest service pack for Exchange Server 5.5.\n"
        "The English version of this fix should have the following file attributes or\n"
        "later:\n\n"
        "Component: Information Store\n\n"
        "+------------------------+\n"
        "| File name | Version    |\n"
        "+------------------------+\n"
        "| Store.exe | 5.5.2144.0 |\n"
        "+------------------------+\n"
        "| Mdbmsg.dll | 5.5.2144.0 |\n"
        "+------------------------+\n"
    )
    checks = verify(art)
    assert checks[0].startswith(
        "Check that Store.exe is version 5.5.2144.0 and Mdbmsg.dll is version 5.5.2144.0 or later"
    )


def test_a_time_stamp_list_with_versions_in_words_gives_the_file_version_check() -> None:
    """ "Dispatch.exe 7/10/98 5:39p 85,245 bytes (version 3.5.34)" -> version 3.5.34."""
    art = mskb(
        "SYMPTOMS\n========\n\n"
        "Dates after December 31, 1999 are displayed incorrectly in the directory.\n\n"
        "RESOLUTION\n==========\n\n"
        "Contact Microsoft Product Support Services to obtain the fix.\n"
        "This fix should have the following time stamp:\n\n"
        "  Dispatch.exe   7/10/98   5:39p    85,245 bytes (version 3.5.34)\n"
        "  Import.exe     7/10/98   5:39p   205,905 bytes (version 3.5.34)\n"
    )
    assert verify(art)[0].startswith(
        "Check that Dispatch.exe is version 3.5.34 and Import.exe is version 3.5.34 or later"
    )


BY_DESIGN_WORKAROUND = (
    "SYMPTOMS\n========\n\n"
    "When you insert an odd page section break, a new blank page appears in print preview.\n\n"
    "WORKAROUND\n==========\n\n"
    "To work around this behavior, type text on the blank page.\n\n"
    "STATUS\n======\n\nThis behavior is by design.\n"
)


def test_a_by_design_workaround_outcome_says_workaround_not_fix() -> None:
    """A WORKAROUND outcome of a by-design article: "with the workaround above in place"."""
    [check] = verify(mskb(BY_DESIGN_WORKAROUND))
    assert "with the workaround above in place" in check
    assert "with the fix above in place" not in check


def test_a_by_design_no_workaround_is_not_followed_by_with_the_workaround() -> None:
    """ "There is no workaround" then a WORKAROUND outcome: "with the steps above in place"."""
    art = mskb(
        BY_DESIGN_WORKAROUND.replace("This behavior is by design.", "There is no workaround.")
    )
    [check] = verify(art)
    assert "with the workaround above in place" not in check
    assert "with the steps above in place" in check


def test_design_changes_as_the_cause_are_not_a_by_design_statement() -> None:
    """ "caused by design changes in Windows 95" is a cause, not "this is by design"."""
    art = mskb(
        "SYMPTOMS\n========\n\n"
        "After you upgrade to Windows 95, drawn images created with GRAMS are not filled.\n\n"
        "RESOLUTION\n==========\n\nUpgrade to GRAMS version 3.0 or later.\n\n"
        "STATUS\n======\n\n"
        "This situation is most likely caused by design changes in Windows 95.\n"
    )
    [check] = verify(art)
    assert "by design" not in check


def test_no_workaround_for_one_case_is_not_a_by_design_statement() -> None:
    """ "If you made backups with a beta, there is no workaround" names one case only."""
    art = mskb(
        "SYMPTOMS\n========\n\n"
        "When you restore backups with Microsoft Backup, you receive the following error\n"
        "message:\n\n   Alert! Unknown compression of file\n\n"
        "WORKAROUND\n==========\n\n"
        "Make the backups again with the released version of Microsoft Backup. If you made\n"
        "backups with a beta version of Microsoft Backup, there is no workaround for this\n"
        "situation.\n"
    )
    [check] = verify(art)
    assert "by design" not in check
    assert "Alert! Unknown compression of file" in check


def test_a_subject_capitalised_by_the_sentence_is_lowered_in_the_check() -> None:
    """ "Mapped drives may not be available." -> "check that mapped drives are available"."""
    assert structured_check("Mapped drives may not be available.") == (
        "Check that mapped drives are available."
    )
    assert structured_check("Users cannot log on to the domain.") == (
        "Check that users can log on to the domain."
    )
    # a name keeps its capital
    assert structured_check("Windows cannot find the file.") == (
        "Check that Windows can find the file."
    )


def test_a_second_result_is_not_carried_into_the_turned_check() -> None:
    """ "will not be sent and will eventually time out" -> "are sent", not "are sent and
    will eventually time out"."""
    check = structured_check(
        "Messages destined to the called MTA will not be sent and will eventually time out,"
        " in which case a non-delivery report (NDR) is generated."
    )
    assert check == "Check that messages destined to the called MTA are sent."
    assert structured_check("The service may remain inactive and never activate.") == (
        "Check that the service no longer remains inactive."
    )
    # a condition with two parts is one condition: kept whole
    assert structured_check(
        "Outlook causes an access violation if it fails to make an RPC connection and the"
        " password has changed during the connection failure."
    ) == (
        "Check that Outlook no longer causes an access violation if it fails to make an RPC"
        " connection and the password has changed during the connection failure."
    )


def test_a_message_quoted_in_the_sentence_is_checked_without_a_colon() -> None:
    """'you may receive a "call to an undefined dynalink" error message when you start X'."""
    assert structured_check(
        'You may receive a "call to an undefined dynalink" error message when you attempt to'
        " start Microsoft Word 6.0 for Windows."
    ) == (
        "Start Microsoft Word 6.0 for Windows again: check that the message "
        '"call to an undefined dynalink" no longer appears.'
    )


def test_a_failure_with_no_word_of_failure_is_turned_round() -> None:
    """ "is unavailable", "may remain in sleep mode", "runs every time": states to undo."""
    assert (
        structured_check(
            "When the Text tool is selected in Paint, the Clear Image command is unavailable."
        )
        == "When the Text tool is selected in Paint, check that the Clear Image command is"
        " available."
    )
    assert structured_check(
        "A Windows NT 4.0 unattended upgrade will continually cycle through the installation."
    ) == (
        "Check that a Windows NT 4.0 unattended upgrade no longer continually cycles through "
        "the installation."
    )


def test_also_after_the_hedge_is_not_taken_for_the_verb() -> None:
    """ "Visual C++ may also load the wrong files" -> "no longer loads", never "alsos"."""
    assert structured_check("Visual C++ may also load the wrong version of source files.") == (
        "Check that Visual C++ no longer loads the wrong version of source files."
    )


def test_a_two_part_action_is_not_redone_with_again_after_its_last_part() -> None:
    """ "When you save X, and the Y option is selected, Z" -> no "is selected again"."""
    check = structured_check(
        "When you save a document for the first time, and the Prompt For Document Properties"
        " option is selected, the General tab shows incorrect information."
    )
    assert "selected again" not in check


def test_a_message_is_quoted_as_the_article_says_it() -> None:
    """ "The object cannot be found" stays "cannot" (never "can not", "isn't" stays)."""
    check = structured_check(
        "The Repair Disk Utility may return the following errors: The object cannot be found"
        " in the directory."
    )
    assert check == (
        'Check that the message "The object cannot be found in the directory" no longer appears.'
    )


def test_a_trigger_before_the_colon_is_redone_before_the_message() -> None:
    """ "X generates the following error when you type cast Y: M" -> type cast Y again."""
    assert structured_check(
        "The compiler generates the following error when you type cast a 'const float' to"
        " 'const int' in an array declarator: error C2057: expected constant expression"
    ) == (
        "Type cast a 'const float' to 'const int' in an array declarator again: check that the"
        ' message "error C2057: expected constant expression" no longer appears.'
    )


def test_a_product_scene_before_the_sentence_stays_before_the_check() -> None:
    """ "In Windows NT 3.51, X fail." -> "In Windows NT 3.51, check that X no longer fail"."""
    assert structured_check(
        "In Windows NT 3.51, non-anonymous FTP connections from trusted domains fail."
    ) == (
        "In Windows NT 3.51, check that non-anonymous FTP connections from trusted domains no"
        " longer fail."
    )
    assert structured_check("In some cases, the server stops responding.") == (
        "Check that the server no longer stops responding."
    )


def test_an_act_said_as_a_gerund_is_the_subject_of_the_check() -> None:
    """ "Trying to reference X will cause VB to crash" -> "trying to ... no longer causes"; a
    name or a compound noun that only looks like a gerund ("Floating point") is left."""
    assert structured_check(
        "Trying to reference a non-existent member in an Enum definition will cause Visual"
        " Basic 5.0 to crash."
    ) == (
        "Check that trying to reference a non-existent member in an Enum definition no longer"
        " causes Visual Basic 5.0 to crash."
    )
    assert (
        structured_check(
            "Floating point decimal values generally do not have an exact binary representation."
        )
        == ""
    )
    assert structured_check("Mastering Microsoft Visual Basic 4.0 setup does not complete.") == ""


def test_no_longer_in_the_symptom_is_turned_into_the_state_restored() -> None:
    """ "hidden shares are no longer available" -> "hidden shares are available" (not "are no
    longer no longer available")."""
    assert structured_check(
        "After you save changes with System Policy Editor, hidden shares are no longer available."
    ) == (
        "After you save changes with System Policy Editor, check that hidden shares are available."
    )


def test_a_second_failure_after_and_is_not_kept_as_expected() -> None:
    """ "doesn't recognize the disk and continually prompts you" -> never "recognizes the
    disk and continually prompts you" (the second failure said as what to see)."""
    check = structured_check(
        "The installation program doesn't recognize that you have inserted the requested disk"
        " in the drive and continually prompts you to insert the next disk in the set."
    )
    assert "continually prompts" not in check


def test_the_sentence_after_the_last_step_is_the_article_own_check() -> None:
    """ "... close Device Manager." then "The card should now be disabled." is the verify."""
    art = mskb(
        "SYMPTOMS\n========\n\n"
        "Windows 95 detects the disabled internal network card during Plug and Play detection.\n\n"
        "RESOLUTION\n==========\n\n"
        "To disable the internal network card in Windows 95:\n\n"
        "1. Click the Start button, point to Settings, and then click Control Panel.\n\n"
        "2. Double-click the System icon, and then click the Device Manager tab.\n\n"
        "3. Click the OK button to accept the change, then close Device Manager.\n\n"
        "The internal network interface card should now be disabled.\n"
    )
    assert verify(art) == ["The internal network interface card should now be disabled."]


def test_a_check_after_a_scene_clause_is_the_article_own_check() -> None:
    """ "After turning off File Sharing, you should be able to drag the icon" is the verify."""
    art = mskb(
        "SYMPTOMS\n========\n\n"
        "You cannot eject a CD-ROM or drag its icon to the Trash.\n\n"
        "WORKAROUND\n==========\n\n"
        "Choose Sharing Setup from Control Panels and turn off File Sharing. After turning off\n"
        "File Sharing, you should be able to drag the CD icon to the Trash.\n"
    )
    assert verify(art) == [
        "After turning off File Sharing, you should be able to drag the CD icon to the Trash."
    ]


def test_what_the_admin_did_is_never_turned_into_a_check() -> None:
    """ "You stop the service and restart it" is the scene, not a failure to see gone."""
    assert structured_check("You stop the service and restart it using a user account.") == ""


def test_a_plural_subject_keeps_its_verb_when_its_capital_goes() -> None:
    """ "Applications such as Word do not recognize" -> "applications ... recognize"."""
    assert structured_check(
        "Applications such as Microsoft Word for MS-DOS do not recognize pictures in the"
        " 256-color format."
    ) == (
        "Check that applications such as Microsoft Word for MS-DOS recognize pictures in the"
        " 256-color format."
    )


def test_a_second_subject_is_not_said_as_what_to_see() -> None:
    """ "the views are re-created and the permissions are lost" -> only the views; "starts
    and access from the network and the console is prohibited" -> no turned check."""
    assert (
        structured_check(
            "When you create views and re-run SMSVIEW, the views are re-created and the"
            " permissions are lost."
        )
        == "Create views and re-run SMSVIEW again: check that the views are no longer re-created."
    )
    assert (
        structured_check(
            "The Netlogon service does not start and access to the server from both the network"
            " and the console is prohibited."
        )
        == ""
    )
    assert (
        structured_check(
            "Applications such as Notepad do not keep default form settings and have to be set"
            " manually for every print job."
        )
        == "Check that applications such as Notepad keep default form settings."
    )


def test_a_repeated_state_and_a_platform_label_do_not_survive_the_turn() -> None:
    """ "is unavailable (dimmed)" -> "is available" (no "(dimmed)"); "In MS-DOS: M" -> M."""
    assert (
        structured_check(
            "When you justify text, the Justify command is unavailable (dimmed) on the menu."
        )
        == "Justify text again: check that the Justify command is available on the menu."
    )
    assert (
        structured_check(
            "Certain editing sequences can cause the following errors: In MS-DOS: Run-time error"
            " R6003 - integer divide by 0"
        )
        == 'Check that the message "Run-time error R6003 - integer divide by 0" no longer appears.'
    )


def test_a_name_with_an_acronym_or_and_inside_is_a_singular_subject() -> None:
    """ "The File and Print Services (FPNW) service may slowly leak memory" -> "no longer
    slowly leaks"; "(DDM) may stop X and generate Y" -> only "no longer stops X"."""
    assert (
        structured_check(
            "The Microsoft File and Print Services (FPNW) service may slowly leak memory."
        )
        == "Check that the Microsoft File and Print Services (FPNW) service no longer slowly"
        " leaks memory."
    )
    assert (
        structured_check(
            "Discovery Data Manager (DDM) may stop processing records and generate an error in"
            " the Ddm.log file."
        )
        == "Check that Discovery Data Manager (DDM) no longer stops processing records."
    )
