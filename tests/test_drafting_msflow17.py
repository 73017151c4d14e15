"""MS support questions, step references and "when to choose" help, round 17 (msflow17;
seed-54 readers 54:31, 54:40): a case and its negation asked apart, "go to step 6" ticked
as written, "needs an update to download" for a fix that downloads nothing, and a fix's
lead and the registry warning left under its first tick."""

from __future__ import annotations

from drafting_support import details, fixes, questions, support, ticks, walked

from kbassist.drafting.tree import draft_text, draft_tree

SYMPTOMS = "## Symptoms\n\nClients fail to connect over SSL after TLS 1.2 is enabled.\n\n"

CERTIFICATE = SYMPTOMS + (
    "## Resolution\n\n"
    "To resolve these errors, follow these steps:\n\n"
    "1. Open SQL Server Configuration Manager, and then select **Properties**.\n\n"
    "1. Select the **Certificate** tab, and check which certificate is being used.\n\n"
    "   - If a certificate exists, select **View** to examine it, and then select "
    "**Clear**. Then, go to step 9.\n\n"
    "   - If no certificate exists, examine the SQL Server error log file to get the hash "
    "code.\n\n"
    "1. Open the **Computer Certificate Store** in MMC.\n"
    "1. Save the changes.\n"
    "1. Restart SQL Server.\n\n"
    "   If the problem isn't resolved, return to step 2.\n"
)


def test_a_case_and_its_negation_are_one_question() -> None:
    """'If a certificate exists, ...' / 'If no certificate exists, ...' is asked once, 'Does
    a certificate exist?', each answer ticking its own step (both could be answered yes)."""
    article = support(CERTIFICATE)
    draft_text(article)  # lint-clean
    asked = questions(draft_tree(article))
    assert [q["title"] for q in asked] == ["Does a certificate exist?"]
    var = asked[0]["var"]
    yes = [
        " ".join(i.text.split())
        for i in walked(article, {"symptom": "yes", var: "yes"}).part("steps")
    ]
    no = [
        " ".join(i.text.split())
        for i in walked(article, {"symptom": "yes", var: "no"}).part("steps")
    ]
    assert any(t.startswith("Select View to examine it") for t in yes)
    assert not any("error log" in t for t in yes)
    assert any(t.startswith("Examine the SQL Server error log file") for t in no)
    assert not any("Select View" in t for t in no)


def test_a_jump_to_a_step_number_names_the_step_or_goes() -> None:
    """'return to step 2' names the article's step 2 (the checklist is numbered
    otherwise), and 'go to step 9' in a five-step list, which points nowhere, is dropped."""
    (fix,) = fixes(draft_tree(support(CERTIFICATE)))
    said = ticks(fix)
    back = (
        "If the problem isn't resolved, return to the step "
        '"Select the Certificate tab, and check which certificate is being used".'
    )
    assert any(t.endswith(back) for t in said)
    assert not any("step 9" in t or "step 2." in t for t in said)
    assert "Select View to examine it, and then select Clear." in said


WAYS = SYMPTOMS + (
    "## Workaround\n\n"
    "To work around this problem, use one of the following methods:\n\n"
    "- Method 1\n\n"
    "    Validate that the proxy servers allow systems that have update 2677070 installed "
    "to contact Microsoft Update.\n\n"
    "- Method 2\n\n"
    "    Modify the registry. To do this, follow these steps.\n\n"
    "    > [!IMPORTANT]\n"
    "    > This section, method, or task contains steps that tell you how to modify the "
    "registry. However, serious problems might occur if you modify the registry "
    "incorrectly. Therefore, make sure that you follow these steps carefully. For added "
    "protection, back up the registry before you modify it. Then, you can restore the "
    "registry if a problem occurs.\n\n"
    "    1. Select **Start**, select **Run**, type *regedit* in the **Open** box, and then "
    "click **OK**.\n"
    "    2. Locate and then select the following registry subkey: "
    "`HKLM\\Software\\Policies\\Microsoft\\SystemCertificates`.\n"
    "    3. Right-click AuthRoot, select **New**, and then click **DWORD**.\n"
    "    4. Type *DisableRootAutoUpdate*, and then press Enter.\n\n"
    "- Method 3\n\n"
    "    Download and install the latest update for the computer.\n"
)


def test_an_update_the_system_has_is_no_download() -> None:
    """A fix that lets 'systems that have update 2677070 installed' reach Microsoft Update
    does not 'need an update to download'; a fix that downloads one still does."""
    (asked,) = [q for q in questions(draft_tree(support(WAYS))) if q["id"] == "mitigation"]
    # a lone "(3) needs an update to download" beside its own "Download ..." is dropped
    assert "(1) needs an update to download" not in asked.get("help", "")
    assert "Download and install" in asked["choices"][2]["label"]


def test_the_fix_name_and_registry_warning_are_not_left_under_the_first_tick() -> None:
    """'Modify the registry.' (the outcome's title) and the registry 'Important' warning are
    not shown under the first step; the backup is ticked once the subkey is selected,
    before the first change (round 24)."""
    (fix,) = [f for f in fixes(draft_tree(support(WAYS))) if f["title"] == "Modify the registry"]
    said = ticks(fix)
    backup = next(n for n, t in enumerate(said) if t.startswith("Back up the registry"))
    assert said[backup - 1].startswith("Locate and then select") and backup + 1 < len(said)
    shown = details(fix)
    assert "Modify the registry." not in shown
    assert "This section, method, or task" not in shown


def test_how_a_script_step_went_is_not_asked_up_front() -> None:
    """'If the script can't access the registry key ..., run ... -allprofiles' after the
    step that runs the script stays a conditional tick: asked first, the admin could not
    know it and both answers reached the same fix (54:39)."""
    article = support(
        SYMPTOMS + "## Resolution\n\n"
        "1. Download the scripts to fix the issue.\n"
        "1. Open a PowerShell prompt under the affected user identity, and run the script "
        "`FixPermissions.ps1`.\n"
        "1. If the script can't access the registry key because the registry permissions "
        "are wiped out, open an elevated PowerShell prompt and run `FixPermissions.ps1 "
        "-allprofiles`.\n"
        "1. Restart the computer.\n"
    )
    draft_text(article)
    tree = draft_tree(article)
    assert questions(tree) == []
    (fix,) = fixes(tree)
    assert any(t.startswith("If the script can't access the registry key") for t in ticks(fix))
