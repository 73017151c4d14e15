"""Round 40 (labels40): a fix titled by a lead-in ("To resolve this problem,", "Use either
of the following methods to X"), a cut clause ("Instead of using X") or a dangling pointer
("... from the following Web site", "the following fix", "this update", "add the
following registry entry") is named by what it does; a title whose action cannot be told
stays as it was."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, fixes, support

from kbassist.drafting.lead_titles import lead_titles_named
from kbassist.drafting.options import _is_action
from kbassist.drafting.tree import draft_tree

mskb = partial(archive, id_="Q999840")

SYMPTOMS = "SYMPTOMS\n========\n\nThe Widget service does not start after you upgrade.\n\n"
CAUSE = "CAUSE\n=====\n\nThe Widget.dll file was not replaced during the upgrade.\n\n"


def _titles(body: str) -> list[str]:
    return [str(node["title"]) for node in fixes(draft_tree(mskb(SYMPTOMS + CAUSE + body)))]


def _outcome(title: str, *steps: str) -> dict:
    return {
        "nodes": [
            {
                "id": "mitigation",
                "kind": "question",
                "choices": [{"value": "a", "label": title, "next": "fix"}],
            },
            {
                "id": "fix",
                "kind": "outcome",
                "title": title,
                "source": {"section": "RESOLUTION"},
                "steps": [{"text": s, "source": {"section": "RESOLUTION"}} for s in steps],
            },
        ]
    }


def _named(title: str, *steps: str) -> tuple[str, str]:
    tree = _outcome(title, *steps)
    lead_titles_named(tree, mskb(SYMPTOMS), _is_action)
    return tree["nodes"][1]["title"], tree["nodes"][0]["choices"][0]["label"]


def test_lead_in_title_named_by_first_action() -> None:
    """ "Resolution: To resolve this problem," names the fix by its first step, and the
    answer leading to it follows."""
    title, label = _named(
        "Resolution: To resolve this problem,",
        "Copy the original Widget.dll file from the CD to the Widget folder.",
        "Start the Widget service.",
    )
    assert title == "Resolution: Copy the original Widget.dll file from the CD to the Widget folder"
    assert label == title


def test_methods_lead_in_named_by_its_goal() -> None:
    """ "Use either of the following methods to reinstall the X font" reads "Reinstall
    the X font"."""
    title, _ = _named(
        "Use either of the following methods to reinstall the Tahoma Sans font",
        "Use either of the following methods to reinstall the Tahoma Sans font:",
        "Open the Fonts folder and click Install New Font.",
    )
    assert title == "Reinstall the Tahoma Sans font"


def test_instead_of_clause_named_by_its_action() -> None:
    """A title cut to "Instead of using X" is named by the action the step goes on with."""
    title, _ = _named(
        "Workaround: Instead of using the PUT verb",
        "Instead of using the PUT verb, use the PATCH verb in the client code, or send the "
        "whole record.",
    )
    assert title == "Workaround: Use the PATCH verb in the client code, or send the whole record"


def test_dangling_web_site_and_fix_dropped() -> None:
    """ "... from the following Web site" and "obtain the following fix" lose the
    pointer at what is below them; the action stays whole."""
    title, _ = _named(
        "Resolution: Download and install Widget Sync 3.1 from the following Microsoft Web site",
        "Download and install Widget Sync 3.1 from the following Microsoft Web site:",
    )
    assert title == "Resolution: Download and install Widget Sync 3.1"
    title, _ = _named(
        "Workaround: Contact Microsoft Technical Support to obtain the following fix",
        "Contact Microsoft Technical Support to obtain the following fix.",
    )
    assert title == "Workaround: Contact Microsoft Technical Support to obtain the fix"


def test_registry_entry_named_by_its_value() -> None:
    """ "... to add the following registry entry" and a lead-in over "Run Registry Editor"
    name the value the steps add ("Add the WidgetRetries registry value")."""
    body = (
        "RESOLUTION\n==========\n\nTo correct this problem, do the following:\n\n"
        "1. Run Registry Editor (REGEDT32.EXE).\n\n"
        "2. From the HKEY_LOCAL_MACHINE subtree, go to the following key:\n\n"
        "   \\SYSTEM\\CurrentControlSet\\Services\\Widget\\Parameters\n\n"
        "3. From the Edit menu, choose Add Value.\n\n"
        "4. Add the following:\n\n"
        "   Value Name: WidgetRetries\n   Data Type: REG_DWORD\n   Data: 5\n\n"
    )
    said = _titles(body)
    assert any("Add the WidgetRetries registry value" in t for t in said), said
    title, _ = _named(
        "Resolution: To correct this problem",
        "Run Registry Editor (REGEDT32.EXE).",
        "Add the following value: Value Name: WidgetRetries Data Type: REG_DWORD",
        "Add a key called WidgetMode with the value 2.",
    )
    assert title == "Resolution: To correct this problem"  # two values: not told apart


def test_this_update_named_by_its_kb() -> None:
    """ "Make sure that this update is installed" names the update its paragraph gives."""
    art = support(
        "## Symptoms\n\nThe server stops with error 7E.\n\n## Resolution\n\n"
        "To fix this problem, the [KB 4512345 update](https://example.com/4512345) includes "
        "a fix to Widget.sys. Make sure that this update is installed.\n"
    )
    said = [str(node["title"]) for node in fixes(draft_tree(art))]
    assert any("update KB 4512345 is installed" in t for t in said), said


def test_whole_titles_left_alone() -> None:
    """A title that already says its action, or whose pointer leaves nothing to name, is
    left as it was."""
    for title in (
        "Resolution: Install the latest service pack",
        "See the following Microsoft Web site",
        "Resolution: Use the appropriate method",
    ):
        assert _named(title, title + ".")[0] == title


def test_lead_in_only_fix_not_offered() -> None:
    """A fix whose only step is the lead-in "Use the appropriate method." is not offered
    beside the two methods it leads to."""
    tree = {
        "nodes": [
            {
                "id": "mitigation",
                "kind": "question",
                "choices": [
                    {"value": "a", "label": "Resolution: Use the appropriate method", "next": "r1"},
                    {"value": "b", "label": "Widget Installed: Install SR-1", "next": "r2"},
                    {"value": "c", "label": "Widget Not Installed: Run Fixit.exe", "next": "r3"},
                ],
            },
            *(
                {"id": oid, "kind": "outcome", "title": text, "steps": [{"text": text + "."}]}
                for oid, text in (
                    ("r1", "Use the appropriate method"),
                    ("r2", "Install SR-1"),
                    ("r3", "Run Fixit.exe"),
                )
            ),
        ]
    }
    lead_titles_named(tree, mskb(SYMPTOMS), _is_action)
    assert [c["next"] for c in tree["nodes"][0]["choices"]] == ["r2", "r3"]
    assert [n["id"] for n in tree["nodes"]] == ["mitigation", "r2", "r3"]


def test_general_fix_suggestion_names_bare_mitigation() -> None:
    """A lone "Mitigation" whose step says "As a general fix, try restarting the affected
    pods" is titled "Mitigation: Restart the affected pods"."""
    from drafting_support import runbook

    art = runbook(
        "## Meaning\n\nThe widget database has not been updated for a while.\n\n"
        "## Diagnosis\n\nCheck the widget pods' logs.\n\n"
        "## Mitigation\n\nAs a general fix, try restarting the affected pods.\n"
    )
    said = [str(node["title"]) for node in fixes(draft_tree(art))]
    assert "Mitigation: Restart the affected pods" in said, said
