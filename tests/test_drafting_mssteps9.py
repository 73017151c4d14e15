"""MS support Resolution paragraphs read as steps (issue 13, round 9 mssteps9): offers
among statements ticked one per offer, the statements shown under the step they qualify."""

from __future__ import annotations

from drafting_support import runbook, support, walked

from kbassist.trees.checklist import Checklist


def steps(checklist: Checklist) -> list[tuple[str, str]]:
    return [(i.text, i.detail or "") for i in checklist.part("steps")]


def test_offers_among_statements_are_the_steps() -> None:
    """ "This is by design. If X, you cannot Y. You can, however, extend Z. If W, you can
    also define V." ticks the two offers; the by-design statements are the outcome's text."""
    art = support(
        "## Symptoms\n\nYou cannot add a lease for a printer outside of the pool.\n\n"
        "## Resolution\n\nThis is by design. If the pool does not cover the whole network, "
        "you cannot add a lease outside of the pool. You can, however, extend the pool so "
        "that the whole network is covered, and add the lease after this step. If you do not "
        "want to hand out every address, you can also define an exclusion range. A lease "
        "that falls into an exclusion range will still work.\n"
    )
    # alts10: "If you do not want X, you can also define Y" is asked, Y ticked on "yes"
    checklist = walked(art, {"symptom": "yes", "if_1": "yes"})
    got = steps(checklist)
    assert [t for t, _ in got] == [
        "Extend the pool so that the whole network is covered, and add the lease after this step.",
        "Define an exclusion range.",
    ]
    assert "This is by design" not in got[0][1]
    assert checklist.outcome.text is not None
    assert checklist.outcome.text.source.startswith("This is by design.")  # the outcome says it
    assert "will still work" in got[1][1]


def test_a_resolution_of_statements_ticks_what_it_offers_not_its_first_statement() -> None:
    """A Resolution with no imperative ("Many programs expect X. ... You can typically
    delete the files by using the same share.") ticks the offers, not "Many programs ..."."""
    art = support(
        "## Symptoms\n\nYou cannot delete a file in a deep folder.\n\n"
        "## Cause 1: The path is too deep\n\nThe path is deeper than 255 characters.\n\n"
        "### Resolution 1: Use a tool that can traverse deep paths\n\n"
        "Many programs expect the maximum path length to be shorter than 255 characters. "
        "These programs only allocate enough storage for typical paths.\n\n"
        "Typically, you can manage files by using the software that creates them. If you "
        "have a program that can create deep files, you can typically use that same program "
        "to delete them. You can typically delete files that are created on a share by "
        "using the same share.\n"
    )
    got = steps(walked(art, {"symptom": "yes", "if_1": "yes"}))
    assert [t for t, _ in got] == [
        "Use that same program to delete them.",
        "Delete files that are created on a share by using the same share.",
    ]
    assert "Many programs expect" in got[0][1]


def test_bare_names_under_a_lead_stay_in_its_detail() -> None:
    """A loose bullet list of permission names under "Grant ... the following
    permissions:" is one step listing them, not a tick per name ("Connect SQL")."""
    art = support(
        "## Symptoms\n\nYou cannot create an availability group.\n\n## Resolution\n\n"
        "1. Create a login in SQL Server for the system account on each replica.\n\n"
        "1. Grant the system account the following server-level permissions:\n\n"
        "    - ALTER any availability group\n\n"
        "    - Connect SQL\n\n"
        "    - View server state\n\n"
        "    > [!NOTE]\n    > Make sure that no other permissions are granted.\n"
    )
    got = steps(walked(art, {"symptom": "yes"}))
    texts = [t for t, _ in got]
    assert "Connect SQL" not in texts and "View server state" not in texts
    grant = next(d for t, d in got if t.startswith("Grant the system account"))
    assert "- Connect SQL" in grant and "- View server state" in grant


def test_the_reboot_the_cause_requires_after_the_change_is_a_step() -> None:
    """ "If you change the setting to 0 and reboot the server, the problem disappears." in
    the Cause: the Workaround's change is followed by "Reboot the server." as a step."""
    art = support(
        "## Symptoms\n\nA user cannot reconnect a mapped drive.\n\n"
        "## Cause\n\nThis behavior is caused by a setting of **1** in the `Mode` registry "
        "value.\n\nIf the setting is **1**, the problem occurs. If you change the setting to "
        "**0** and reboot the server, the problem disappears.\n\n"
        "## Workaround\n\nChange the entry for `HKEY_LOCAL_MACHINE\\System\\Mode` from **1** "
        "to **0**.\n"
    )
    got = steps(walked(art, {"symptom": "yes"}))
    texts = [t for t, _ in got]
    assert texts[-1] == "Reboot the server."
    assert any(t.startswith("Change the entry") for t in texts[:-1])
    assert "and reboot the server" in got[-1][1]


def test_an_alternative_offer_among_statements_is_asked_as_a_way() -> None:
    """ "... You can, however, extend X. Alternatively, you can define Y." after statements
    asks which way, rather than ticking both (or neither) as steps."""
    art = support(
        "## Symptoms\n\nYou cannot add a lease outside of the pool.\n\n## Resolution\n\n"
        "This is by design. If the pool does not cover the whole network, you cannot add a "
        "lease outside of the pool. You can, however, extend the pool so that the whole "
        "network is covered. Alternatively, you can define the lease on another server that "
        "covers the network. A lease on another server works the same way.\n"
    )
    got = steps(walked(art, {"symptom": "yes", "mitigation": "resolution_2"}))
    assert [t for t, _ in got] == ["Define the lease on another server that covers the network."]
    first = steps(walked(art, {"symptom": "yes", "mitigation": "resolution_1"}))
    assert [t for t, _ in first] == ["Extend the pool so that the whole network is covered."]


def test_what_you_must_then_do_after_a_statement_is_the_step() -> None:
    """ "After the operator restarts, it will fix the secret. You must then restart the
    collector pod ..." ticks "Restart the collector pod ...", the statement shown."""
    art = runbook(
        "## Meaning\n\nThe metrics collector cannot forward metrics.\n\n## Mitigation\n\n"
        "After the operator restarts, it will fix the secret. You must then restart the "
        "collector pod to pick up the new, valid secret.\n"
    )
    got = steps(walked(art, {"symptom": "yes"}))
    assert [t for t, _ in got] == ["Restart the collector pod to pick up the new, valid secret."]
    assert "it will fix the secret" in got[0][1]


def test_you_must_after_you_cannot_is_the_step() -> None:
    """ "If you have a mix of X, you cannot use Y. You must use Z." ticks "Use Z.", the
    statement shown under it."""
    art = support(
        "## Symptoms\n\nClients fail to boot from the network.\n\n## Resolution\n\n"
        "If you have a mix of UEFI and BIOS machines, you cannot use scope options to direct "
        "clients to the boot program. You must use IP helper table entries.\n"
    )
    got = steps(walked(art, {"symptom": "yes"}))
    assert [t for t, _ in got] == ["Use IP helper table entries."]
    assert "you cannot use scope options" in got[0][1]
