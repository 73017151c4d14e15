"""Round 37 (labels37): a fix titled only by its section's name ("Mitigation",
"Workaround", "Resolution") is named by its first action, ended at a whole phrase."""

from __future__ import annotations

from pathlib import Path

from drafting_support import fixes, runbook, support

from kbassist.articles import load_article
from kbassist.drafting.bare_fix_titles import short_action
from kbassist.drafting.tree import draft_tree

_ROUTED = """\
## Meaning

This alert fires whenever there is an info alert in the namespace.

## Diagnosis

Look at the alert's labels in Alertmanager.

## Mitigation

Make sure this alert is routed to a null receiver and configured to inhibit alerts with
severity="info".
"""

_DIAGNOSED = """\
## Meaning

All the operator pods are down.

## Diagnosis

- Check the status of the operator pods.

  ```bash
  oc -n $NAMESPACE get pods -l control-plane=operator
  ```

## Mitigation

Try to identify the root cause and resolve the issue.
If you cannot resolve the issue, open a support case.
"""

_PROSE = """\
## Meaning

The alert fires when notifications fail.

## Diagnosis

- Review the logs of the alertmanager pods.

  ```bash
  oc logs alertmanager-main-0
  ```

## Mitigation

How you resolve the problem depends on the particular issue reported in the logs.
"""

_WORKAROUND = """\
## Symptoms

When you connect to a printer by its alias, you receive error 0x00000709.

## Cause

The print server does not accept the alias name.

## Workaround

To work around this issue, follow these steps on the print server:

1. Implement the DnsOnWire registry value that's described in the following article.
2. Restart the Print Spooler service.
"""


def _fix_titles(tree: dict[str, object]) -> list[str]:
    return [str(o["title"]) for o in fixes(tree)]


def test_runbook_mitigation_named_by_its_action() -> None:
    """A lone runbook fix reads "Mitigation: <what to do>", not the bare section name."""
    titles = _fix_titles(draft_tree(runbook(_ROUTED)))
    assert titles == ["Mitigation: Make sure this alert is routed to a null receiver"], titles


def test_diagnosis_checks_do_not_name_the_fix() -> None:
    """The Diagnosis checks ticked first do not title the fix; the Mitigation's action does."""
    titles = _fix_titles(draft_tree(runbook(_DIAGNOSED)))
    assert titles == ["Mitigation: Try to identify the root cause and resolve the issue"], titles


def test_no_action_keeps_the_section_name() -> None:
    """A Mitigation of prose only keeps its title: nothing is made up."""
    titles = _fix_titles(draft_tree(runbook(_PROSE)))
    assert titles == ["Mitigation"], titles


def test_support_workaround_named_without_its_pointer() -> None:
    """A "Workaround" is named by its first step, not by the section word alone."""
    titles = _fix_titles(draft_tree(support(_WORKAROUND, id_="error-709")))
    assert len(titles) == 1, titles
    assert titles[0].startswith("Workaround: Implement the DnsOnWire registry value"), titles


def test_short_action_never_ends_open() -> None:
    """A long step is cut at a whole phrase, never on "the", "should read" or "and"."""
    got = short_action(
        "Use the ICACLS utility to set the desired permissions that contain the Synchronize"
        " bit on every folder of the share."
    )
    assert got == "Use the ICACLS utility to set the desired permissions"
    assert short_action("The PROTOCOL ODINSUP section of the NET.CFG file should read") == ""
    assert short_action("Copy the following files from the folder to the server share") == ""


def test_loaded_from_disk_same_title(tmp_path: Path) -> None:
    """A runbook read from a file gets the same named title as one parsed in memory."""
    path = tmp_path / "TestAlert.md"
    path.write_text(
        "---\nid: TestAlert\ntitle: TestAlert\n---\n\n# TestAlert\n\n" + _ROUTED, encoding="utf-8"
    )
    titles = _fix_titles(draft_tree(load_article(path)))
    assert titles == ["Mitigation: Make sure this alert is routed to a null receiver"], titles
