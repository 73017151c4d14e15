"""Round 33 (causes34): causes named as the article names them; alternatives asked."""

from __future__ import annotations

import time
from typing import Any

from drafting_support import archive, fixes, runbook, support

from kbassist.drafting.para_causes import _PARA_LEAD_RE, _QUOTED_END_RE
from kbassist.drafting.runbook_cause_ask import _FIND_CAUSE_RE
from kbassist.drafting.tree import draft_tree

_TWO_PARAGRAPHS = """\
SYMPTOMS
========

When you start the workstation, you receive the following error message:

  Error 7100: Card <card-name> did not respond

CAUSE
=====

The above error message may be caused by an incorrect interrupt or an incorrect port
address in the NETCARD.INI file.

This error may be generated if the Drivers= line in the [Network] section of the
WIN.INI lists drivers that are not installed. For example, if the Drivers= line reads

       Drivers=tcpip.drv,spx.drv

but only TCP/IP is installed, the error may occur.

RESOLUTION
==========

Correct the invalid value.

If the Drivers= line lists drivers that are not installed, remove them from the line.
"""

_HCO_LIKE = """\
## Meaning

This alert fires when the Widget operator runs for more than an hour without a `Widget`
custom resource.

This alert has the following causes:

- During the installation process, you installed the operator but you did not create
the `Widget` resource.
- During the removal process, you deleted the `Widget` resource before removing the
operator and the operator is still running.

## Mitigation

The mitigation depends on whether you are installing or removing the operator:

- Complete the installation by creating a `Widget` resource:

  ```bash
  $ oc apply -f widget.yaml
  ```

- Remove the operator. If the removal keeps running, resolve that first.
"""

_FIND_IN_LOGS = """\
## Meaning

The gauge collector is missing replicas. That means the metrics service does not have
the required number of replicas.

## Diagnosis

To resolve this alert, you will need to determine the cause of the disappearance of the
gauge collector through the logs and restart it if necessary.

## Mitigation

Check the collector pod's logs with `oc logs deploy/gauge-collector`.
"""

_LISTED_SUPPORT = """\
## Symptoms

The computer stops with a blue screen and the error STOP 0x0000BEEF.

## Cause

The error occurs when the session manager fails. This error may have several causes.
Among them are the following:

- Mismatched system files have been installed.
- An update installation has failed.
- An incompatible program has been installed.

## Resolution

Start the computer by using the last known good configuration.
"""


_KB_CONDITIONS = """\
SYMPTOMS
========

When you start the game, the screen goes black.

CAUSE
=====

This behavior can occur if both of the following conditions are true:

- A Zenith 3D video adapter is installed in your computer.

- An outdated version of the Zenith video driver is installed.

RESOLUTION
==========

Obtain the latest video driver from Zenith and install it.
"""


def _node(tree: dict[str, Any], node_id: str) -> dict[str, Any]:
    return next(n for n in tree["nodes"] if n["id"] == node_id)


def test_paragraph_causes_with_a_fix_each_are_asked() -> None:
    """Two CAUSE paragraphs, each with its own RESOLUTION step: asked which applies."""
    tree = draft_tree(archive(_TWO_PARAGRAPHS))
    asked = [n for n in tree["nodes"] if n.get("title") == "Which of these applies?"]
    assert asked, "the causes should be asked"
    labels = [c["label"] for c in asked[0]["choices"]]
    assert any("interrupt" in label for label in labels)
    assert any("Drivers= line" in label for label in labels)
    steps = fixes(tree)[0]["steps"]
    by_text = {s["text"]: s.get("when", "") for s in steps}
    first = next(w for t, w in by_text.items() if t.startswith("Correct the invalid value"))
    second = next(w for t, w in by_text.items() if "remove them" in t)
    assert "case_1" in first and "case_2" not in first
    assert "case_2" in second and "case_1" not in second


def test_runbook_listed_causes_lead_to_their_own_mitigation() -> None:
    """A runbook's "has the following causes:" list, one fix each: each cause leads to its fix."""
    tree = draft_tree(runbook(_HCO_LIKE))
    which = _node(tree, "which_cause")
    targets = {c["label"][:40]: c["next"] for c in which["choices"] if c["value"] != "unknown"}
    assert len(targets) == 2
    assert len(set(targets.values())) == 2, "each cause should reach a different fix"
    install = next(v for k, v in targets.items() if "installation" in k)
    assert "Complete the installation" in _node(tree, install)["title"]


def test_runbook_cause_left_to_the_logs_is_said_so() -> None:
    """A cause that only restates Meaning where the runbook says to find it in the logs."""
    tree = draft_tree(runbook(_FIND_IN_LOGS))
    text = str(_node(tree, "cause")["text"])
    assert "does not name the cause" in text
    assert "through the logs" in text
    assert "required number of replicas" not in text


def test_support_cause_list_shown_one_per_line() -> None:
    """A support article's bulleted causes sharing one fix are listed one per line."""
    tree = draft_tree(support(_LISTED_SUPPORT))
    text = str(_node(tree, "cause")["text"])
    assert "\n- Mismatched system files have been installed." in text
    assert "\n- An update installation has failed." in text


def test_kb_cause_conditions_shown_one_per_line() -> None:
    """An MS KB CAUSE's "- A" / "- B" conditions are shown one per line, not run on."""
    tree = draft_tree(archive(_KB_CONDITIONS))
    text = str(_node(tree, "cause")["text"])
    assert "following conditions are true:\n- A Zenith 3D video adapter" in text
    assert "\n- An outdated version of the Zenith video driver is installed." in text


def test_new_patterns_are_linear_on_hostile_text() -> None:
    """The new cause patterns stay fast on 20 KB of near-matching text."""
    hostile = [
        "The " + "above error " * 1800 + "messages may be",
        "determine " * 2000 + "the root",
        "These errors may be caused by " + "x" * 20_000,
        'a "b." C ' * 2000,
    ]
    start = time.perf_counter()
    for text in hostile:
        _PARA_LEAD_RE.match(text)
        _FIND_CAUSE_RE.search(text)
        _QUOTED_END_RE.sub(r"\1", text, count=1)
    assert time.perf_counter() - start < 1.0
