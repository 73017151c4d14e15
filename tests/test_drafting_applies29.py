"""Round 29: the product, version or OS is asked first when the procedures depend on it."""

from __future__ import annotations

import time
from typing import Any

from drafting_support import archive

from kbassist.drafting.tree import draft_tree
from kbassist.drafting.version_menu import OTHER_ID, scope_heads

_PER_OS = """\
SYMPTOMS
========

When you compile in the Widget Studio editor, the screen turns black for a moment.

CAUSE
=====

The console of the operating system is set to open full screen.

RESOLUTION
==========

Set the console to open in a window. Follow the steps in the More Information section.

MORE INFORMATION
================

On Windows NT or Windows 2000:
------------------------------

Use one of the following procedures to correct the problem:

Steps to Reset All Consoles
---------------------------

1. Open Control Panel and double-click Console.

2. Click the Options tab, and select Window.

Steps to Reset the Widget Helper Only
-------------------------------------

1. Start Regedt32 and open HKEY_CURRENT_USER\\Console.

2. Add a key named widgethelper.exe and set its FullScreen value to 0.

On Windows 95 or Windows 98:
----------------------------

Use one of the following procedures to correct the problem.

Steps to Reset _Default.pif
---------------------------

1. In Explorer, right-click _DEFAULT in your Windows folder and click Properties.

2. On the Screen tab, click Window, and then click OK.

Steps to Reset Winoa386.mod
---------------------------

1. Delete any _Default.pif file from your Windows folder.

2. Set Winoa386.mod to open in a window, as you did for _Default.pif.
"""

_PER_VERSION = """\
SUMMARY
=======

This article shows how to add a toolbar to every child window of a Widget MDI program.

MORE INFORMATION
================

For Widget Studio for Windows version 1.x, use the following steps to add the toolbar:

1. Create a new MDI program with the Widget Wizard.

2. Derive a new child window class from CWidgetChild.

3. Add a CToolBar member to the new class and create it in OnCreate.

For Widget Studio 32-bit Edition, version 2.0, the process is simpler:

1. Create a new MDI program with the Widget Wizard.

2. Open CChildFrame::OnCreate and create the toolbar there.
"""

_SHARED_FIX = """\
SYMPTOMS
========

When you print from Widget Writer, the last page is blank.

CAUSE
=====

The printer driver adds a form feed after the last page.

RESOLUTION
==========

This problem occurs on Windows 95 and on Windows NT 4.0. To work around it, follow
these steps:

1. On the File menu, click Page Setup.

2. Clear the Form feed after last page check box.

3. Click OK, and then print again.
"""


def _nodes(article_text: str, id_: str, title: str) -> dict[str, dict[str, Any]]:
    tree = draft_tree(archive(article_text, id_=id_, title=title))
    return {str(n["id"]): n for n in tree["nodes"]}


def _reach(nodes: dict[str, dict[str, Any]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        at = todo.pop()
        if at in seen or at not in nodes:
            continue
        seen.add(at)
        node = nodes[at]
        todo.extend(str(c["next"]) for c in node.get("choices", []))
        if "next" in node:
            todo.append(str(node["next"]))
    return seen


def test_os_is_asked_before_its_procedures() -> None:
    """A reader on Windows 98 is asked the OS and then sees only the 95/98 procedures."""
    nodes = _nodes(_PER_OS, "Q990291", "Screen Turns Black While Compiling")
    first = nodes["mitigation"]
    assert first["title"] == "Which operating system do you use?"
    labels = [c["label"] for c in first["choices"]]
    assert labels[:2] == ["Windows NT or Windows 2000", "Windows 95 or Windows 98"]
    assert labels[-1].startswith("Another")
    nt, win9x = first["choices"][0]["next"], first["choices"][1]["next"]
    nt_outcomes = {n for n in _reach(nodes, nt) if nodes[n]["kind"] == "outcome"}
    w9_outcomes = {n for n in _reach(nodes, win9x) if nodes[n]["kind"] == "outcome"}
    nt_titles = {nodes[n]["title"] for n in nt_outcomes}
    w9_titles = {nodes[n]["title"] for n in w9_outcomes}
    assert any("Default.pif" in t for t in w9_titles)
    assert not any("Default.pif" in t for t in nt_titles)
    w9_steps = " ".join(str(s["text"]) for n in w9_outcomes for s in nodes[n].get("steps", []))
    assert "double-click Console" not in w9_steps


def test_every_procedure_stays_reachable() -> None:
    """Asking the OS first drops none of the article's four procedures."""
    nodes = _nodes(_PER_OS, "Q990292", "Screen Turns Black While Compiling")
    said = " ".join(
        str(step["text"]) for n in _reach(nodes, "mitigation") for step in nodes[n].get("steps", [])
    )
    for step in ("double-click Console", "widgethelper.exe", "_DEFAULT", "Winoa386.mod"):
        assert step in said, step


def test_version_lead_keeps_both_procedures_and_asks() -> None:
    """'For X 2.0, the process is simpler:' is its own procedure, chosen by version."""
    nodes = _nodes(_PER_VERSION, "Q990293", "How to Add a Toolbar to Every Child Window")
    menu = nodes["mitigation"]
    labels = [c["label"] for c in menu["choices"]]
    assert any("1.x" in label for label in labels)
    assert any("2.0" in label for label in labels)
    assert labels[-1] == "Another version"
    other = nodes[OTHER_ID]
    assert other["kind"] == "outcome"
    assert "only for" in other["text"]


def test_products_named_with_one_shared_fix_ask_nothing() -> None:
    """Two systems named in passing over one shared fix: no OS question."""
    nodes = _nodes(_SHARED_FIX, "Q990294", "Last Page Prints Blank")
    assert not any(
        str(n.get("title", "")).startswith("Which operating system") for n in nodes.values()
    )
    assert OTHER_ID not in nodes


def test_scope_heads_are_linear_on_hostile_text() -> None:
    """A 20 KB line of system-like words is read in well under a second."""
    hostile = ("Windows NT, " * 1700)[:20000] + ":\n" + "-" * 30
    started = time.perf_counter()
    scope_heads(hostile)
    scope_heads(("A1 " * 7000)[:20000] + ":")
    assert time.perf_counter() - started < 1.0
