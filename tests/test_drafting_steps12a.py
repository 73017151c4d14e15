"""Drafted MS KB checklists tick only actions: a product heading names the steps under
it, code lines are the detail of the step that introduces them, a result sentence is the
verify, "Please X" after a statement is the step X, an example, a past workaround and a
case's limit are shown, not ticked (round 12, the seed-46 reader's "steps" notes)."""

from __future__ import annotations

from functools import partial
from typing import Any

from drafting_support import archive, details, fixes, ticks

from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999912")


def verifies(outcome: dict[str, Any]) -> list[str]:
    return [" ".join(s["text"].split()) for s in outcome.get("verify", [])]


SYMPTOMS = (
    "SYMPTOMS\n========\n\nWhen you start Contoso Mail, the shortcut opens the wrong program.\n\n"
)
CAUSE = "CAUSE\n=====\n\nThe shortcut's target was changed by another program.\n\n"


#: The archive's hotfix boilerplate, as each product's heading has it under it.
HOTFIX = (
    "A supported fix is now available from Microsoft, but it is only intended to\n"
    "correct the problem described in this article and should be applied only to\n"
    "systems experiencing this specific problem.\n\n"
    "To resolve this problem immediately, contact Microsoft Product Support Services\n"
    "to obtain the fix.\n\n"
)


def test_product_heading_names_the_steps_under_it() -> None:
    """'Contoso Server 2000' over its fix is not a step to tick: it names the step under
    it; the next product's heading (its fix drafted apart) is no tick either."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "Contoso Server 2000\n\n" + HOTFIX + "Contoso Gateway 4.0\n\n" + HOTFIX
    )
    steps = [t for f in fixes(draft_tree(article)) for t in ticks(f)]
    assert not {"Contoso Server 2000", "Contoso Gateway 4.0"} & set(steps)
    assert (
        "Contoso Server 2000: Contact Microsoft Product Support Services to obtain the fix."
        in steps
    )
    draft_text(article)  # lint-clean


def test_sample_code_is_shown_under_one_step_not_ticked_line_by_line() -> None:
    """A 'Sample Code' section's '#define IDS_HELLO 1' and 'CWinApp theApp;' are code to
    copy, shown under one step, never ticks of their own (nor braces doubled)."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "The resource string is loaded by the Win32 API ::LoadString() function. This\n"
        "method does not require any extra MFC initialization.\n\n"
        "Example #1 below uses this method.\n\n\n"
        "Sample Code - Example #1\n------------------------\n\n"
        "   /* Compile options needed: /MT\n   */\n"
        "   #include <afx.h>\n\n"
        "   #define IDS_HELLO 1\n\n"
        "   CWinApp theApp;\n\n"
        "   void main()\n   {\n       AfxWinInit(GetModuleHandle(NULL), NULL, NULL, 0);\n"
        "   }\n\n"
    )
    tree = draft_tree(article)
    steps = [t for f in fixes(tree) for t in ticks(f)]
    assert not [t for t in steps if "#define" in t or "theApp;" in t]
    shown = "\n".join(details(f) for f in fixes(tree))
    assert "#define IDS_HELLO 1" in shown and "CWinApp theApp;" in shown
    (sample,) = [f for f in fixes(tree) if "#define" in details(f)]
    assert len(sample["steps"]) == 1
    draft_text(article)


def test_result_after_the_steps_is_the_verify_not_a_step() -> None:
    """'After an administrator performs these steps, the users are able to ...' says what
    the steps achieve: it is the verify, not a tick."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "1. Start Registry Editor (Regedt32.exe).\n\n"
        "2. Locate the ProfileLimit value under the following key:\n\n"
        "   HKEY_LOCAL_MACHINE\\Software\\Contoso\\Mail\n\n"
        "3. Quit Registry Editor.\n\n"
        "After an administrator performs these steps, the users are able to open their\n"
        "mailboxes again.\n\n"
    )
    (only,) = fixes(draft_tree(article))
    assert not [t for t in ticks(only) if t.startswith("After an administrator")]
    assert any("the users are able to open their mailboxes" in v for v in verifies(only))


def test_please_contact_after_a_statement_is_the_step() -> None:
    """'This is a hardware issue. Please contact your hardware vendor ...' ticks the
    contact, with the statement shown under it."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "This is a hardware issue. Please contact your hardware vendor for assistance\n"
        "with this problem.\n\n"
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only) == ["Contact your hardware vendor for assistance with this problem."]
    assert "This is a hardware issue." in details(only)


def test_for_example_items_are_shown_under_the_step_they_illustrate() -> None:
    """'For example: Install X and share it as A. Install Y and share it as B.' after a
    method's step is its example, not two more steps."""
    article = mskb(
        SYMPTOMS + CAUSE + "WORKAROUND\n==========\n\n"
        "Method 1: Install the printer on each client as a local printer.\n\n"
        "Method 2: Install the PostScript and PCL printer drivers on the server with two\n"
        "different share names. For example: Install the Contoso 4 printer and share it\n"
        "as \\\\PRINTSRV\\C4. Install the Contoso 4 PostScript printer and share it as\n"
        "\\\\PRINTSRV\\C4PS. Everyone who attaches to this share can now choose either.\n\n"
    )
    steps = [t for f in fixes(draft_tree(article)) for t in ticks(f)]
    assert not [t for t in steps if t.startswith(("For example", "Install the Contoso 4"))]
    assert "Install the PostScript and PCL printer drivers on the server with two" in " ".join(
        steps
    )


def test_past_workarounds_and_a_case_limit_are_not_ticked() -> None:
    """'Prior to service pack 4, the workarounds were:' and 'If you use X, you cannot
    change this setting.' are statements: shown with a step, not ticked."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "Prior to service pack 4 for Contoso Studio 6.0, the workarounds for the wizard\n"
        "problem were:\n\n"
        " - Open the database through an ODBC DSN.\n\n"
        " - Build the form manually.\n\n"
        "If you are using Contoso Mail for Workgroups, you cannot change this setting.\n"
        "This limit can only be changed in the Contoso administrator program.\n\n"
    )
    steps = [t for f in fixes(draft_tree(article)) for t in ticks(f)]
    assert not [t for t in steps if t.startswith(("Prior to", "If you are using"))]
    assert "Open the database through an ODBC DSN." in " ".join(steps)


def test_a_notes_closing_lead_in_heads_the_next_procedure() -> None:
    """A NOTE under 'Click OK.' that ends 'To configure X, follow these steps:' heads the
    steps after it, not the step it is written under."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "1. In Control Panel, double-click the Network icon.\n\n"
        "2. Click the Advanced tab, and then change the value to 10.\n\n"
        "3. Click OK.\n\n"
        "NOTE: This may not completely eliminate the problem. To use real-mode\n"
        "drivers, follow these steps:\n\n"
        "1. In Control Panel, double-click the Network icon.\n\n"
        "2. Click the Real Mode NDIS Driver option button.\n\n"
    )
    steps = [t for f in fixes(draft_tree(article)) for t in ticks(f)]
    assert "To use real-mode drivers: In Control Panel, double-click the Network icon." in steps


def test_a_result_said_on_its_own_is_not_ticked() -> None:
    """'You are now able to export the original list.' after the steps is what they
    achieve (the verify), not one more thing to do."""
    article = mskb(
        SYMPTOMS + CAUSE + "WORKAROUND\n==========\n\n"
        "1. On the File menu, click Export List.\n\n"
        "2. Click Save.\n\n"
        "You are now able to export the original list from the List Maker.\n\n"
    )
    (only,) = fixes(draft_tree(article))
    assert ticks(only) == ["On the File menu, click Export List.", "Click Save."]
    assert any("able to export the original list" in v for v in verifies(only))
