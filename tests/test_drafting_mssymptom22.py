"""MS support symptoms show the message the admin sees and causes say why (round 22,
mssymptom22; seed-62 readers 62:35-62:40): a summary's quoted message over its "This
article presents ..." line or title, a CBS log by its error lines, a cause from "Cause of
Error N" parts or an opening "by design" sentence, never the symptom's trigger."""

from __future__ import annotations

from functools import partial

from drafting_support import support

from kbassist.drafting.tree import draft_text, draft_tree

#: A modern support article with this file's own id.
ms = partial(support, id_="mssymptom22-article", title="Troubleshoot a STOP 0xC000021B error")


def verifies(tree: dict) -> list[str]:
    """Every verify line of the tree's outcomes."""
    return [
        " ".join(v["text"].split())
        for n in tree["nodes"]
        if n["kind"] == "outcome"
        for v in n.get("verify", [])
    ]


def test_a_summary_quoting_the_message_shows_it_not_the_article_line() -> None:
    """'This article presents steps for the STOP X error' then 'you may receive the following
    error message:' over a quote: the symptom is the quoted message, and the verify checks it."""
    article = ms(
        "This article presents advanced troubleshooting steps for the STOP 0xC000021B error.\n\n"
        "**Home users**: This article is intended for support agents and IT professionals.\n\n"
        "_Original KB number:_ &nbsp;999991\n\n"
        "When you use a server that's running one of the operating systems that's listed in "
        'the "Applies to" section, you may receive the following error message:\n\n'
        "> STOP: c000021b {Fatal System Error}  \n"
        "The Session Manager process terminated unexpectedly with a status of 0xc0000142.\n\n"
        "## Cause\n\nThe error occurs when Smss.exe fails because a system file is damaged.\n\n"
        "## Resolution\n\n1. Start the computer from the recovery media.\n"
        "2. Run `sfc /scannow` to repair the system files.\n"
    )
    tree = draft_tree(article)
    assert tree["symptom"] == (
        "You may receive the following error message: STOP: c000021b {Fatal System Error} The "
        "Session Manager process terminated unexpectedly with a status of 0xc0000142."
    )
    assert any("terminated unexpectedly with a status of 0xc0000142" in v for v in verifies(tree))
    draft_text(article)  # lint-clean


def test_a_summary_heading_with_the_errors_after_its_colon_is_the_symptom() -> None:
    """The opening says only 'This article provides a solution to the error X'; '## Summary'
    gives 'Validate may fail with either of the following errors:' and the lines: shown."""
    article = support(
        "This article provides a solution to the error 80070005 that occurs when validation "
        "fails.\n\n_Original KB number:_ &nbsp; 999992\n\n"
        "## Summary\n\n"
        "On a Windows Server 2008 Failover Cluster, Validate may fail with the following error:\n"
        "Validate IP Configuration\n"
        "There was an error creating the server-side agent (CPrepSrv).\n"
        "Creating an instance of the COM component failed due to the following error: 80070005.\n\n"
        "## Cause\n\nThe image was not prepared by using Sysprep.\n\n"
        "## Resolution\n\nRebuild the base image by using Sysprep with the /Generalize option.\n",
        id_="mssymptom22-cluster",
        title="Cluster validation fails with error 80070005",
    )
    tree = draft_tree(article)
    assert "server-side agent (CPrepSrv)" in tree["symptom"]
    assert tree["symptom"].startswith("On a Windows Server 2008 Failover Cluster, Validate may")
    symptom = next(n for n in tree["nodes"] if n["id"] == "symptom")
    assert symptom["source"]["section"] == "Summary"
    draft_text(article)


def test_a_title_only_symptom_becomes_the_problem_and_by_design_is_the_cause() -> None:
    """No Symptoms heading and an opening of metadata, a note, then 'Users cannot change X.
    ... This is by design as ...': the symptom says what goes wrong, the cause is by design."""
    article = support(
        "_Applies to:_ &nbsp; Windows 10\n\n"
        "> [!NOTE]\n> If you're not an IT professional, see the home page.\n\n"
        "Standard users cannot change the **Set daylight saving automatically** setting. The "
        'setting is "greyed out" in the **Settings** app. This is by design as the setting is '
        "a system-wide setting that applies to all user profiles.\n\n"
        "## Use Registry Editor\n\n"
        "1. Run Registry Editor as an administrator.\n"
        "2. Set `HKEY_LOCAL_MACHINE\\SYSTEM\\Contoso\\AutoDst` to 1.\n",
        id_="mssymptom22-dst",
        title="Can't set daylight saving automatically",
    )
    tree = draft_tree(article)
    assert tree["symptom"] == (
        "Standard users cannot change the Set daylight saving automatically setting. The "
        'setting is "greyed out" in the Settings app.'
    )
    assert tree["cause"].startswith("This is by design as the setting is a system-wide setting")
    draft_text(article)


CBS_LOG = (
    "> *\\<DateTime>*, Info CSI 00000029 Begin executing advanced installer phase 32 "
    "(0x00000020) index 11 (sequence 41)  \n"
    'Old component: [l:0]""  \n'
    'New component: [ml:344{172},l:342{171}]"Contoso-Multipath-Module, Culture=neutral, '
    'Version=6.2.9200.16384, PublicKeyToken=31bf3856ad364e35, versionScope=NonSxS"  \n'
    "Install mode: install  \n"
    "Installer ID: {3d07d150-2f3d-4184-9793-d0fd59b0c885}  \n"
    'Installer name: [12]"Root Devices"  \n'
    "*\\<DateTime>*, Error CSI 00000002@*\\<DateTime>* (F) CMIADAPTER: AI failed. HRESULT = "
    "800f0207 [Error,Facility=(000f),Code=519 (0x0207)]  \n"
    "*\\<DateTime>*, Info CSI 0000002a Performing 1 operations; 1 are not lock/unlock  \n"
    "*\\<DateTime>*, Info CBS Added C:\\Windows\\Logs\\CBS\\CBS.log to WER report.  \n"
)


def test_a_cbs_log_in_the_symptom_is_shown_by_its_error_lines() -> None:
    """A CBS.log quote whose 'Install mode:' / 'Installer name:' lines look like an event's
    fields is excerpted by its failing line with its HRESULT, not kept whole and cut."""
    article = support(
        "## Symptoms\n\n"
        "When you install the MPIO feature, you receive the following error message:\n\n"
        "> Installation of one or more roles, role services, or features failed. Error: "
        "0x800f0922.\n\n"
        "Additionally, information that resembles the following is logged in the CBS.log:\n\n"
        f"{CBS_LOG}\n"
        "## Cause\n\nThis issue occurs because of stale entries in the MPIO registry key.\n\n"
        "## Resolution\n\nRemove the `HKEY_LOCAL_MACHINE\\SYSTEM\\Contoso\\MPIO\\0001` key.\n",
        id_="mssymptom22-cbs",
        title="Error 0x800f0922 when the MPIO feature installation fails",
    )
    symptom = draft_tree(article)["symptom"]
    assert "CMIADAPTER: AI failed. HRESULT = 800f0207" in symptom
    assert "Install mode" not in symptom and "Facility=" not in symptom
    draft_text(article)


def test_cause_parts_per_error_are_the_cause_not_the_symptoms_trigger() -> None:
    """'## Cause of Error 1 ...' and '## Cause of Error 2 ...' (no plain Cause heading): the
    cause names each error's why, not the Symptoms' 'This issue occurs when you run X'."""
    article = support(
        "## Symptoms\n\n"
        "This issue occurs when you run a DISM command to convert Server Core to the GUI. You "
        "receive the following error message:\n\n"
        "> Error: 0x800f0906 The source files could not be downloaded.\n\n"
        "## Cause of Error 1 in CBS logs\n\n"
        "This issue occurs when the conversion requires files to be downloaded for updates "
        "that are bundled in a single updateID.\n\n"
        "## Cause of Error 2 in CBS logs\n\n"
        "The cause is a missing Map Package entry in the wuindex.xml file.\n",
        id_="mssymptom22-dism",
        title="DISM fails with error 0x800f0906",
    )
    cause = draft_tree(article)["cause"]
    assert cause == (
        "The article gives a cause for each error. Error 1 in CBS logs: This issue occurs "
        "when the conversion requires files to be downloaded for updates that are bundled in "
        "a single updateID. Error 2 in CBS logs: The cause is a missing Map Package entry in "
        "the wuindex.xml file."
    )
    draft_text(article)


def test_a_message_after_a_background_scene_is_the_symptom() -> None:
    """Symptoms opening with background ('X can be upgraded by various methods. For example:'
    and a list) and only then 'you may receive the following error message:': the message
    with its lead is the symptom, not the background."""
    article = support(
        "## Symptom\n\n"
        "Windows 10 S can be upgraded to Windows 10 Pro by using various methods. For example:\n\n"
        "- Manually entering a product key\n- Using installation media (in-place upgrade)\n\n"
        "For more information, see the upgrade guide.\n\n"
        "After you do an in-place upgrade, when you open a command prompt, you may receive "
        "the following error message:\n\n"
        "> Your organization used Device Guard to block this app\n\n"
        "## Cause\n\nThis issue occurs because the S mode policy has not cleared.\n\n"
        "## Resolution\n\nRestart the computer two or three times to clear the policy.\n",
        id_="mssymptom22-scene",
        title="Command prompt doesn't open after an in-place upgrade",
    )
    tree = draft_tree(article)
    assert tree["symptom"] == (
        "After you do an in-place upgrade, when you open a command prompt, you may receive the "
        "following error message: Your organization used Device Guard to block this app"
    )
    assert any("Device Guard to block this app" in v for v in verifies(tree))
    draft_text(article)


def test_an_opening_that_says_what_the_issue_is_related_to_is_the_cause() -> None:
    """No Cause heading; the opening says 'The issue is related to problems with the icon
    cache': that is the cause, not 'gives no cause'."""
    article = support(
        "This article provides basic guidelines to troubleshoot issues where shortcuts show "
        "blank icons.\n\n"
        "Application shortcuts on the desktop show blank icons. Double-clicking a blank icon "
        "still opens the application.\n\n"
        "The issue is related to problems with the icon cache. Here are the steps to resolve "
        "this issue.\n\n"
        "## Step 1: Clear the icon cache\n\n"
        "1. Open Task Manager and end the Windows Explorer task.\n"
        "2. Delete the `%localappdata%\\IconCache.db` file.\n",
        id_="mssymptom22-icons",
        title="Application shortcuts show blank icons",
    )
    tree = draft_tree(article)
    assert tree["cause"] == "The issue is related to problems with the icon cache."
    draft_text(article)


def test_a_message_quoted_after_the_problem_is_added_to_it() -> None:
    """'The service fails to start.' then two more paragraphs, and only later 'you receive the
    following error message:' over a quote: the problem is kept and the message follows it."""
    article = support(
        "## Symptoms\n\n"
        "The Contoso Indexer service fails to start after you move its data folder.\n\n"
        "This issue affects Contoso Indexer versions 2 and 3.\n\n"
        "For more information about the service, see the Contoso documentation.\n\n"
        "When you start the service manually, you receive the following error message:\n\n"
        "> Error 1067: The process terminated unexpectedly.\n\n"
        "## Cause\n\nThis issue occurs because the service account can't read the new folder.\n\n"
        "## Resolution\n\nGrant the service account Read access to the new data folder.\n",
        id_="mssymptom22-append",
        title="Contoso Indexer service doesn't start",
    )
    tree = draft_tree(article)
    assert tree["symptom"].startswith("The Contoso Indexer service fails to start after")
    assert tree["symptom"].endswith(
        "When you start the service manually, you receive the following error message: Error "
        "1067: The process terminated unexpectedly."
    )
    assert any("Error 1067: The process terminated unexpectedly." in v for v in verifies(tree))
    draft_text(article)


def test_parts_headed_cause_1_and_cause_2_each_give_their_why() -> None:
    """'## Cause 1' and '## Cause 2' (no name after the number): the cause names each by its
    heading with the sentence that says why, not the Symptoms' own 'occurs when you' line."""
    article = support(
        "## Symptoms\n\n"
        "This issue occurs when you start the Contoso Sync service. You receive the following "
        "error message:\n\n> Error 5: Access is denied.\n\n"
        "## Cause 1\n\nThe service account is not a member of the Sync Operators group.\n\n"
        "## Cause 2\n\nThis issue occurs because the sync folder is on a read-only volume.\n",
        id_="mssymptom22-numbered",
        title="Contoso Sync service doesn't start with error 5",
    )
    cause = draft_tree(article)["cause"]
    assert cause == (
        "The article gives a cause for each case. Cause 1: The service account is not a member "
        "of the Sync Operators group. Cause 2: This issue occurs because the sync folder is on a "
        "read-only volume."
    )
    draft_text(article)
