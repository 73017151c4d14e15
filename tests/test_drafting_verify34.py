"""Round 33 (verify34): a verify that fits the outcome it closes, never the symptom gone."""

from __future__ import annotations

import time

from drafting_support import archive, support

from kbassist.drafting.round_only import (
    problem_stays,
    round_only_verify,
    whole_clause_verify,
)
from kbassist.drafting.this_outcome import diagnostic_verify, own_tool_verify
from kbassist.drafting.tree import draft_tree

_NO_WAY = """\
SYMPTOMS
========

On Windows 2000, version 1.0 of the ListView control causes a WM_SETCURSOR message to
be generated when the user double-clicks a column header. The same control on Windows
98 does not cause the WM_SETCURSOR message to be generated.

CAUSE
=====

The control forwards the mouse messages to the DefWindowProc function.

RESOLUTION
==========

There is no way to prevent the WM_SETCURSOR message from being generated. You must
make sure that your application can handle the WM_SETCURSOR message without problems.

STATUS
======

Microsoft has confirmed this to be a bug in the Microsoft products listed at the
beginning of this article.
"""

_RESEARCHING = """\
SUMMARY
=======

When you install Microsoft Works 4.0 from a network share, you may receive the following
error message if you start the workstation from a floppy disk:

  Setup cannot find the startup files on drive A.

CAUSE
=====

Setup cannot reliably detect the startup disk in drive A.

RESOLUTION
==========

To continue installing Works 4.0, insert the startup disk and choose Retry.

STATUS
======

Microsoft has confirmed this to be a problem in Works 4.0. We are researching this
problem and will post new information here as it becomes available.
"""

_ONLY_WORKAROUND = """\
SYMPTOMS
========

Some laptops have a key combination that switches to an external projector. However,
this does not work while you are inside Microsoft Windows.

CAUSE
=====

Windows captures all keystroke commands.

WORKAROUND
==========

The only work around at this time is to press the key combination before starting
Windows.
"""

_FIXED = """\
SYMPTOMS
========

When you open a report in Example Reporter 2.0, you receive the error message "Cannot
open report".

CAUSE
=====

The report cache is damaged.

RESOLUTION
==========

To open the report, delete the Cache.dat file and then start Example Reporter again.
"""

_DIAGNOSTIC = """\
## Symptoms

When the server starts, it stops with the following error:

`STOP: c000021a {Fatal System Error} The Logon Process terminated unexpectedly.`

## Resolution

To determine which process failed, register Dr. Watson as the default system debugger.
Dr. Watson logs diagnostic information about process failures to a log file
(Drwtsn32.log).

1. At a command prompt, type *drwtsn32 -i*, and then press Enter.
2. After the server restarts from the error, view the Dr. Watson log to find the process.

### Last known good configuration

If the previous steps don't resolve the problem, follow these steps:

1. Restart the server and press F8.
2. Select **Last Known Good Configuration**.
"""


def _verifies(tree: dict[str, object]) -> dict[str, list[str]]:
    nodes = tree["nodes"]
    assert isinstance(nodes, list)
    return {
        str(node["title"]): [str(item["text"]) for item in node.get("verify", [])]
        for node in nodes
        if node["kind"] == "outcome" and node["id"] != "not_this_article"
    }


def test_no_way_to_prevent_checks_what_the_admin_must_ensure() -> None:
    """'There is no way to prevent X' is verified by the app handling X, the bug staying."""
    tree = draft_tree(archive(_NO_WAY, id_="Q990341", title="BUG: ListView Sends WM_SETCURSOR"))
    verify = [v for vs in _verifies(tree).values() for v in vs]
    assert verify
    assert not any("no longer" in v for v in verify)
    assert any("can handle the WM_SETCURSOR message" in v and "remains" in v for v in verify)


def test_researched_bug_checks_the_resolution_goal() -> None:
    """A still-researched bug's 'To continue installing X' is the check, not the message."""
    tree = draft_tree(archive(_RESEARCHING, id_="Q990342", title="Works Setup Asks for Disk"))
    verify = [v for vs in _verifies(tree).values() for v in vs]
    assert any(v.startswith("Check that you can now continue installing Works 4.0") for v in verify)
    assert not any("no longer appears" in v for v in verify)


def test_only_workaround_says_the_problem_remains() -> None:
    """'The only work around ... before starting Windows' never promises it works inside."""
    tree = draft_tree(archive(_ONLY_WORKAROUND, id_="Q990343", title="Laptops Cannot Switch"))
    verify = [v for vs in _verifies(tree).values() for v in vs]
    assert verify
    assert not any("no longer" in v for v in verify)
    assert any("the problem itself remains" in v for v in verify)


def test_a_fix_keeps_its_symptom_check() -> None:
    """A plain RESOLUTION that removes the cause still checks the message is gone."""
    tree = draft_tree(archive(_FIXED, id_="Q990344", title="Cannot Open Report"))
    verify = [v for vs in _verifies(tree).values() for v in vs]
    assert any("open report" in v.casefold() and "no longer" in v for v in verify)
    assert not any("remains" in v for v in verify)


def test_fixed_release_is_no_researched_bug() -> None:
    """A STATUS that names a corrected release is a fix: nothing stays."""
    fixed = "We are researching this problem. It was corrected in Example 2.1."
    assert problem_stays("", fixed, "", fixed, False) == ""
    status = "We are researching this problem and will post new information here."
    assert problem_stays("", status, "", status, False) == "researching"


def test_cut_clause_quote_becomes_the_main_clause() -> None:
    """'no longer happens: version 7.0, on a computer ..., X hangs' quotes 'X hangs'."""
    verify = (
        "Use the Export command again, and check that this no longer happens: version 2.0, "
        "on a computer that has both Writer 5 and Writer 6, Export starts Writer 6 and then "
        "stops responding."
    )
    assert whole_clause_verify(verify) == (
        "Use the Export command again, and check that this no longer happens: Export starts "
        "Writer 6 and then stops responding."
    )


def test_diagnostic_outcome_checks_its_log() -> None:
    """Registering a debugger is verified by the log it writes, never the STOP error gone."""
    tree = draft_tree(support(_DIAGNOSTIC, id_="stop-test", title="Troubleshoot a STOP error"))
    verifies = _verifies(tree)
    debugger = next(v for k, v in verifies.items() if k.startswith("Resolution"))
    assert any("Drwtsn32.log" in v and "do not fix" in v for v in debugger)
    assert not any("no longer" in v for v in debugger)


def test_other_language_outcome_is_checked_with_its_own_language() -> None:
    """'Use JScript' is never verified 'using VBScript ... message no longer appears'."""
    verify = (
        'When you add two Currency fields using VBScript, check that the message "Microsoft '
        "VBScript runtime error '800a000d'\" no longer appears."
    )
    said = own_tool_verify(verify, "Use JScript, because JScript does not show this", ["x"])
    assert said == (
        "When you add two Currency fields using JScript, check that it runs without that error."
    )
    assert own_tool_verify(verify, "Use JScript", ["Rewrite the VBScript page in JScript"]) == (
        verify
    )


def test_patterns_are_linear_on_hostile_text() -> None:
    """Each rule returns quickly on a 20 KB string built to make a regex backtrack."""
    hostile = "to a" + ", to " * 4000 + "a" * 2000
    started = time.perf_counter()
    problem_stays(hostile, hostile, hostile, hostile, True)
    round_only_verify(
        "Check that the problem no longer occurs: x", hostile, hostile, hostile, "no-fix"
    )
    whole_clause_verify("Check that this no longer happens: a " + ", A" * 8000)
    diagnostic_verify("Check that this no longer appears: x", "Collect " + "a " * 9000, [hostile])
    own_tool_verify("using VBScript, check " + "using X " * 3000, "Use JScript", [hostile])
    assert time.perf_counter() - started < 2.0
