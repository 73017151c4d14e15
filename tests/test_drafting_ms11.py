"""MS support drafts (issue 13, round 11 ms11): steps that only announce the steps after
them are shown, not ticked; a section's registry warning backs up and rolls back only the
fixes that edit the registry."""

from __future__ import annotations

from drafting_support import support, walked

from kbassist.drafting.tree import draft_tree, draft_tree_model
from kbassist.trees.checklist import Checklist

#: A Workaround of methods written the way MS support writes them: a goal and "To do this,
#: follow these steps:" over a list, the registry warning only in the method that edits it.
METHODS = (
    "## Symptoms\n\nWhen you try to start the Report Server service, you receive a time-out "
    "error.\n\n"
    "## Cause\n\nThe service cannot reach Windows Update in time.\n\n"
    "## Workaround\n\nTo work around this problem, use one of the following methods:\n\n"
    "- Method 1\n\n"
    "    Allow the server to contact Microsoft Update through the proxy server.\n\n"
    "- Method 2\n\n"
    "    Change the Group Policy settings. To do this, follow these steps:\n\n"
    "    1. In the Local Group Policy Editor, double-click **Policies**.\n"
    "    2. Double-click **Public Key Policies**.\n"
    "    3. Select **OK**, and then close the editor.\n\n"
    "- Method 3\n\n"
    "    Increase the service time-out.\n\n"
    "    > [!IMPORTANT]\n"
    "    > This section contains steps that tell you how to modify the registry. For added "
    "protection, back up the registry before you modify it.\n\n"
    "    To increase the service time-out, follow these steps:\n\n"
    "    1. Click **Start**, click **Run**, type *regedit*, and then click **OK**.\n"
    "    2. Locate the `HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control` subkey.\n"
    "    3. Right-click **Control**, point to **New**, and then click **DWORD**.\n"
)


def _fix(body: str, n: int) -> Checklist:
    return walked(support(body), {"symptom": "yes", "mitigation": f"workaround_{n}"})


def _steps(checklist: Checklist) -> list[tuple[str, str]]:
    return [(i.text, i.detail or "") for i in checklist.part("steps")]


def test_a_goal_with_to_do_this_follow_these_steps_is_shown_over_its_steps() -> None:
    """ "Change the Group Policy settings. To do this, follow these steps:" is not a tick
    of its own: the first real step is ticked first, the goal shown as the fix's title
    (or under the step when the title says something else)."""
    checklist = _fix(METHODS, 2)
    got = _steps(checklist)
    assert got[0][0].startswith("In the Local Group Policy Editor, double-click Policies")
    assert "Change the Group Policy settings" in checklist.outcome.title + got[0][1]
    assert not any("follow these steps" in t + d for t, d in got)
    assert len(got) == 3


def test_the_registry_warning_is_shown_under_the_first_step_not_ticked() -> None:
    """A goal, the registry warning and "To increase X, follow these steps:": the warning
    is read with the first regedit step, under the goal that is no tick of its own."""
    checklist = _fix(METHODS, 3)
    got = _steps(checklist)
    texts = [t for t, _ in got]
    assert "Increase the service time-out." not in texts
    regedit = next(d for t, d in got if t.startswith("Click Start, click Run"))
    assert "back up the registry" in regedit
    assert "Increase the service time-out" in checklist.outcome.title + regedit


def test_a_registry_backup_is_made_only_for_the_fix_that_edits_the_registry() -> None:
    """Method 3's registry warning backs up and rolls back Method 3; Methods 1 and 2 edit
    no registry and get neither step."""
    for n in (1, 2):
        checklist = _fix(METHODS, n)
        said = " ".join(i.text for i in [*checklist.part("steps"), *checklist.part("rollback")])
        assert "registry" not in said.casefold(), n
    edits = _fix(METHODS, 3)
    assert any("Back up the registry" in i.text for i in edits.part("steps"))
    assert any("restore the registry" in i.text for i in edits.part("rollback"))


#: A lead at the end of one procedure's list, for the next steps ("To X, follow these
#: steps:" written after the last item of the first list).
TWO_PARTS = (
    "## Symptoms\n\nUsers cannot reset passwords.\n\n"
    "## Resolution\n\n"
    "1. Select **Start**, type *dsa.msc*, and then select **OK**.\n"
    "2. Close the Active Directory Users and Computers snap-in.\n\n"
    "To resolve the issue in which users can't reset passwords, follow these steps:\n\n"
    "1. Open the **Security** tab of the domain object.\n"
    "2. Grant the **Reset password** right to the group.\n"
)


def test_a_step_followed_by_the_next_steps_lead_keeps_its_tick() -> None:
    """ "Close the snap-in." carrying "To resolve X, follow these steps:" is a real step:
    it stays ticked, and the lead's purpose is shown over the steps it announces."""
    got = _steps(walked(support(TWO_PARTS), {"symptom": "yes"}))
    texts = [t for t, _ in got]
    assert "Close the Active Directory Users and Computers snap-in." in texts
    close = texts.index("Close the Active Directory Users and Computers snap-in.")
    assert "follow these steps" not in got[close][1]
    assert "To resolve the issue in which users can't reset passwords:" in got[close + 1][1]


#: A procedure that branches on what the screen shows, both ways written out.
SHOWN = (
    "## Symptoms\n\nThe printed documents ignore the duplex printing options.\n\n"
    "## Workaround\n\n"
    "1. Open the item that you want to print, and then select **Print**.\n"
    "2. Select a printer from the list.\n"
    "3. When **Duplex printing** is displayed in this pane, change the settings.\n"
    "4. Otherwise, select **More settings**, and then change the duplex settings there.\n"
    "5. Select **Print** to print the item.\n"
)


def _shown_walk(answer: str) -> list[str]:
    tree = draft_tree_model(support(SHOWN))
    asked = next(n for n in tree.nodes.values() if n.kind == "question" and n.id != "symptom")
    assert asked.title == "Is Duplex printing displayed in this pane?"
    return [t for t, _ in _steps(walked(support(SHOWN), {"symptom": "yes", asked.var: answer}))]


def test_when_x_is_displayed_otherwise_is_asked_not_ticked_twice() -> None:
    """ "When X is displayed, do A." + "Otherwise, do B.": asked "Is X displayed ...?",
    each answer ticks only its own way, never both."""
    shown, hidden = _shown_walk("yes"), _shown_walk("no")
    assert "Change the settings." in shown
    assert not any("More settings" in t for t in shown)
    assert any(t.startswith("Select More settings") for t in hidden)
    assert "Change the settings." not in hidden
    assert shown[-1] == hidden[-1] == "Select Print to print the item."


#: Two cases of one message, written the way MS support writes them: the same first
#: sentences, a different last one.
ALIKE = (
    "## Symptoms\n\n"
    "When you open the console, you receive one of the following messages:\n\n"
    "- If you can modify the policy, you receive the following message:  \n"
    "  > The permissions in the share are inconsistent with those in the directory. It is "
    "recommended that they match. To fix them now, click OK\n\n"
    "- If you cannot modify the policy, you receive the following message:  \n"
    "  > The permissions in the share are inconsistent with those in the directory. It is "
    "recommended that they match. Contact an administrator who can change this policy.\n\n"
    "## Cause\n\nThe share's folder inherits its permissions.\n\n"
    "## Workaround\n\nClick **OK** in the message.\n"
)


def test_messages_that_open_alike_are_labelled_by_the_sentence_that_differs() -> None:
    """Two messages sharing their first sentences are offered by what differs ("... click
    OK" / "Contact an administrator ..."), not twice as "... are inconsistent"."""
    tree = draft_tree_model(support(ALIKE))
    labels = [c.label for c in tree.nodes["symptom"].choices if c.value != "none"]
    assert len(labels) == 2
    assert labels[0].endswith("To fix them now, click OK")
    assert labels[1].endswith("Contact an administrator who can change this policy")
    assert labels[0].startswith("If you can modify the policy")
    assert not any(label.endswith("are inconsistent") for label in labels)


#: Symptoms seen together, the way MS support lists them, and a Resolution whose key is
#: a code span under its lead, then the values it must hold.
TOGETHER = (
    "## Symptoms\n\n"
    "You may notice the following symptoms when you connect to the server by using RDP:\n\n"
    "1. Local drives aren't redirected in the session.\n"
    "2. Other devices and resources may be properly redirected.\n"
    "3. There are no events in the Event Viewer about the failure.\n\n"
    "## Cause\n\nThe network provider value for RDP might be missing in the registry.\n\n"
    "## Resolution\n\n"
    "Make sure the Network Providers entry has at least the default entries:\n\n"
    "`HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\NetworkProvider\\Order`\n\n"
    "Default entries: RDPNP, LanmanWorkstation, web client\n"
)


def test_symptoms_seen_together_are_confirmed_not_offered_as_alternatives() -> None:
    """ "You may notice the following symptoms: 1. 2. 3." lists what is seen together:
    one "Does this match?" over all of them, not "Which of these do you see?" where
    "Other devices may be properly redirected" alone would lead to the fix."""
    node = draft_tree_model(support(TOGETHER)).nodes["symptom"]
    assert node.title == "Does this match what you see?"
    assert [c.value for c in node.choices] == ["yes", "no"]


def test_a_key_and_its_values_are_shown_under_the_step_not_ticked_again() -> None:
    """The registry key shown under "Make sure the entry has ...:" is not ticked a second
    time, and "Default entries: ..." is shown with it: one tick for the one change."""
    got = _steps(walked(support(TOGETHER), {"symptom": "yes"}))
    texts = [t for t, _ in got]
    assert texts == ["Make sure the Network Providers entry has at least the default entries:"]
    assert "NetworkProvider\\Order" in got[0][1]
    assert "Default entries: RDPNP, LanmanWorkstation, web client" in got[0][1]


def test_a_check_that_goes_on_to_its_fix_is_a_step_not_the_verify() -> None:
    """ "Verify that the service isn't disabled for the profile. If it is disabled for the
    profile, click Enable." fixes what it finds: ticked in its place among the steps, not
    moved to the verify."""
    body = (
        "## Symptoms\n\nThe service stops with error 1058.\n\n"
        "## Resolution\n\n"
        "1. Open **Services**, and then double-click the service.\n"
        "2. Select the **Log On** tab.\n"
        "3. Verify that the service isn't disabled for the hardware profile that you're "
        "using. If the service is disabled for the hardware profile, select **Enable**.\n"
        "4. Select **OK**.\n"
    )
    checklist = walked(support(body), {"symptom": "yes"})
    texts = [t for t, _ in _steps(checklist)]
    assert texts[2].startswith("Verify that the service isn't disabled for the hardware profile")
    assert texts[3] == "Select OK."
    assert not any("select Enable" in i.text for i in checklist.part("verify"))


def test_the_case_already_chosen_is_not_asked_again() -> None:
    """ "If you encounter a connection-timeout error, follow the steps:" in the fix chosen
    by "You encounter a connection-timeout error" asks nothing more, and its bare "follow
    the steps:" is no tick: the steps it points at are."""
    body = (
        "## Symptoms\n\nYou receive a Timeout expired message.\n\n"
        "## Troubleshoot timeout expired errors\n\n"
        "- If you encounter a query timeout error, see the query time-out article.\n\n"
        "- If you encounter a connection-timeout error, follow the steps:\n\n"
        "    1. Increase the connection-timeout value to 30 seconds.\n"
        "    2. Connect again, and check whether the connection succeeds.\n"
    )
    tree = draft_tree_model(support(body))
    first = next(n for n in tree.nodes.values() if n.kind == "question" and n.id != "symptom")
    choice = next(c for c in first.choices if "connection-timeout" in c.label)
    assert tree.nodes[choice.next].kind == "outcome"  # no second, repeated question
    checklist = walked(support(body), {"symptom": "yes", first.var: choice.value})
    texts = [t for t, _ in _steps(checklist)]
    assert texts[0].startswith("Increase the connection-timeout value")
    assert not any(t.startswith("Follow the steps") for t in texts)


def test_a_value_the_fix_leaves_to_the_admin_is_asked_with_the_example_as_default() -> None:
    """ "type the number of milliseconds that you want to wait ... For example, ... type
    60000." after the steps that create ServicesPipeTimeout: asked as a whole number
    (default 60000), and the answer is what the step types."""
    body = (
        "## Symptoms\n\nThe service does not start in time.\n\n"
        "## Resolution\n\n"
        "1. Click **Start**, click **Run**, type *regedit*, and then click **OK**.\n"
        "2. Locate the `HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control` subkey.\n"
        "3. In the **New Value** box, type *ServicesPipeTimeout*, and then press Enter.\n"
        "4. Right-click **ServicesPipeTimeout**, and then click **Modify**.\n"
        "5. Click **Decimal**, type the number of milliseconds that you want to wait until "
        "the service times out, and then click **OK**.\n"
        "   For example, to wait 60 seconds before the service times out, type 60000.\n"
    )
    tree = draft_tree_model(support(body))
    asked = next(n for n in tree.nodes.values() if n.kind == "input")
    assert asked.title == "Value for ServicesPipeTimeout"
    assert asked.default == 60000
    checklist = walked(support(body), {"symptom": "yes", asked.var: "90000"})
    typed = next(t for t, _ in _steps(checklist) if t.startswith("Click Decimal"))
    assert typed == "Click Decimal, type 90000, and then click OK."


def test_a_symptom_that_ends_announcing_what_is_not_kept_does_not_end_on_a_colon() -> None:
    """ "... information that resembles the following is logged in the Application log:"
    with no event text kept: the question ends that sentence, not on a colon."""
    art = support(
        "## Symptoms\n\nWhen you try to start SSRS, you receive a time-out error. Additionally, "
        "event ID 1530 is logged, and information that resembles the following is logged in "
        "the Application log:\n\n> [!NOTE]\n> The placeholder <Event Time> is the time.\n\n"
        "## Cause\n\nThe certificate trust lists cannot be retrieved.\n\n"
        "## Workaround\n\nDisable the automatic root certificates update.\n"
    )
    [ask] = [n for n in draft_tree(art)["nodes"] if n["id"] == "symptom"]
    assert ": Is this what you see?" not in ask["text"]
    assert "event ID 1530 is logged, and information is logged in the Application log." in (
        " ".join(ask["text"].split())
    )
