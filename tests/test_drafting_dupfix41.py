"""A summary and its own steps, a closing method remark, and a "no way to X" statement are
not offered as fixes of their own (round 41)."""

from __future__ import annotations

from drafting_support import archive, fixes, questions, ticks

from kbassist.drafting.tree import draft_tree

_SUMMARY_STEPS = """\
SYMPTOMS
========

When you open the widget, the error "Widget not registered" appears.

CAUSE
=====

The Widget.dll file is not registered.

RESOLUTION
==========

You need to manually register the Widget.dll file.

Step-by-Step Procedure
----------------------

1. Copy the Widget.dll file from the CD to your Windows\\System folder.

2. Click Start, click Run, type regsvr32 widget.dll, and then click OK.
"""

_METHOD_REMARK = """\
SYMPTOMS
========

When you merge the document, blank lines appear for empty fields.

WORKAROUND
==========

To work around this problem, use any of the following methods.

Method 1: Format the Field as Hidden
------------------------------------

Format the merge field in the main document as hidden.

Method 2: Remove the Field Name
-------------------------------

Remove the word "mergefield" from the merge field in the main document.

Method 3: Replace the Field with a REF Field
--------------------------------------------

Replace the word "mergefield" with the word "ref" in the field code.

Method 2 and method 3 do not permit you to suppress blank lines when a field is empty.
Method 1 automatically suppresses the blank lines.
"""

_NO_WAY = """\
SYMPTOMS
========

When you send secure mail over SSL, the connection to the server fails.

RESOLUTION
==========

At this time, SSL clients send commands that the server does not understand.
Consequently, there is no way of using this configuration for sending secure mail.

WORKAROUND
==========

There are two workarounds.

- Use a VPN connection to reach the server.

-or-

- Use message encryption by means of certificates to send messages securely.
"""


def test_summary_and_its_steps_are_one_fix() -> None:
    """A summary over its own 'Step-by-Step Procedure' is one fix: its steps, named by it."""
    tree = draft_tree(archive(_SUMMARY_STEPS))
    outs = fixes(tree)
    assert len(outs) == 1
    assert outs[0]["title"] == "Resolution: Manually register the Widget.dll file"
    assert "register the Widget.dll file" in outs[0]["text"]
    assert any("Copy the Widget.dll file" in t for t in ticks(outs[0]))
    assert not [q for q in questions(tree) if q["id"] == "mitigation"]


def test_closing_method_remark_is_help_not_a_fix() -> None:
    """'Method 2 and method 3 do not ...' after the methods is the question's help."""
    tree = draft_tree(archive(_METHOD_REMARK))
    labels = [c["label"] for q in questions(tree) for c in q.get("choices", [])]
    assert not any("do not permit" in label for label in labels)
    assert len(fixes(tree)) == 3
    helps = " ".join(q.get("help", "") for q in questions(tree))
    assert "Method 2 and method 3 do not permit" in helps


def test_no_way_statement_is_help_beside_workarounds() -> None:
    """'There is no way of using this configuration' is said in the help, not offered."""
    tree = draft_tree(archive(_NO_WAY))
    outs = fixes(tree)
    assert len(outs) == 2
    assert not any("At this time" in o["title"] for o in outs)
    helps = " ".join(q.get("help", "") for q in questions(tree))
    assert "There is no way of using this configuration" in helps


def test_no_way_with_an_offered_step_stays_a_fix() -> None:
    """'There is no way ... However, you can disable X' keeps its offered step as a fix."""
    body = _NO_WAY.replace(
        "Consequently, there is no way of using this configuration for sending secure mail.",
        "There is no way to avoid it. However, you can disable SSL on the client.",
    )
    outs = fixes(draft_tree(archive(body)))
    assert len(outs) == 3
