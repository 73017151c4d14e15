"""Hotfix steps keep the article's own KB reference, install procedure and file table
(round 40, kbref40)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from drafting_support import draft_written, outcome_steps

from kbassist.drafting.verify import file_versions

_HEAD = """\
## Q999401: Widget Service Stops Responding

Article: Q999401
Product(s): Microsoft Widget Server

SYMPTOMS
========

The Widget service stops responding when a client disconnects.

CAUSE
=====

The Widget service keeps a handle to the client session open after it ends.

"""

_REFERENCED = (
    _HEAD
    + """\
RESOLUTION
==========

A supported fix that corrects this problem is now available from Microsoft. For
additional information about this fix, click the article number below to view
the article in the Microsoft Knowledge Base:

  Q999402 Widget Sessions May Not Be Released on the Server

STATUS
======

Microsoft has confirmed this to be a problem.
"""
)

_PACK = (
    _HEAD
    + """\
RESOLUTION
==========

To resolve this problem, obtain the latest service pack for Widget Server 4.0. For
additional information, please see the following article in the Microsoft
Knowledge Base:

  Q999403 How to Obtain the Latest Widget Server 4.0 Service Pack

STATUS
======

Microsoft has confirmed this to be a problem.
"""
)

_DANGLING = (
    _HEAD
    + """\
RESOLUTION
==========

To resolve this issue, use the appropriate method.

The Service Runs on a Cluster
-----------------------------

Please see the following Knowledge Base article for issues regarding Widget
services that run on a cluster:

  Q999404 Widget Service Fails Over to the Wrong Node of the
  Cluster

STATUS
======

This behavior is by design.
"""
)

_TABLE_AND_PROCEDURE = (
    _HEAD
    + """\
RESOLUTION
==========

To resolve this problem immediately, contact Microsoft Product Support Services
to obtain the fix.

The English version of this fix should have the following file attributes or
later:

  Date      Time         Size      File name   Platform
  -----------------------------------------------------
  10/5/98   10:43am      154,704   Widgsvc.exe (Intel)
  10/5/98   10:42am      528,656   Widgsvc.exe (Alpha)

STATUS
======

Microsoft has confirmed this to be a problem.

MORE INFORMATION
================

To install the hotfix, perform the following steps on each Widget server:

1. Stop the Widget service.

2. Replace the current Widgsvc.exe file with the hotfixed version.

3. Start the Widget service.
"""
)


_draft = draft_written
_steps = outcome_steps


def _verify(tree: dict[str, Any]) -> list[str]:
    return [str(v["text"]) for n in tree["nodes"] for v in n.get("verify") or []]


def test_fix_step_keeps_the_kb_article_it_points_to(tmp_path: Path) -> None:
    """ "Obtain the supported fix" shows the KB article (number and title) the article names."""
    steps = _steps(_draft(tmp_path, _REFERENCED))
    obtain = next(s for s in steps if str(s["text"]).startswith("Obtain"))
    assert "Q999402 Widget Sessions May Not Be Released on the Server" in obtain.get("detail", "")


def test_service_pack_step_keeps_how_to_obtain_article(tmp_path: Path) -> None:
    """ "Obtain the latest service pack" shows the "How to Obtain" KB article under it."""
    steps = _steps(_draft(tmp_path, _PACK))
    obtain = next(s for s in steps if str(s["text"]).startswith("Obtain the latest service pack"))
    assert "See Q999403 How to Obtain the Latest Widget Server 4.0 Service Pack" in obtain.get(
        "detail", ""
    )


def test_pointer_step_ends_with_its_article_number_and_title(tmp_path: Path) -> None:
    """A "Please see the following Knowledge Base article ...:" step names the article."""
    steps = _steps(_draft(tmp_path, _DANGLING))
    pointer = next(s for s in steps if "Knowledge Base article" in str(s["text"]))
    assert str(pointer["text"]).endswith(
        ": Q999404 Widget Service Fails Over to the Wrong Node of the Cluster"
    )


def test_file_table_with_platform_column_is_read() -> None:
    """A hotfix table whose file cell carries its platform or size is read as a table."""
    text = (
        "This fix should have the following time stamp:\n\n"
        "  05/19/98  03:26am               331,968 widget.dll (Intel)\n"
        "  05/19/98  03:24am               648,976 widget.dll (Alpha)\n"
    )
    assert file_versions(text) == [("widget.dll", "", "05/19/98")]


def test_hotfix_table_is_a_file_check_and_install_uses_article_steps(tmp_path: Path) -> None:
    """The fix's own install steps replace "follow the instructions"; its table is a check."""
    tree = _draft(tmp_path, _TABLE_AND_PROCEDURE)
    texts = [str(s["text"]) for s in _steps(tree)]
    assert not any("instructions that come with" in t for t in texts)
    assert "Stop the Widget service." in texts
    assert "Replace the current Widgsvc.exe file with the hotfixed version." in texts
    stop = next(s for s in _steps(tree) if s["text"] == "Stop the Widget service.")
    assert "on each Widget server" in stop.get("detail", "")
    assert any(
        v.startswith("Check that Widgsvc.exe is dated 10/5/98 or later") for v in _verify(tree)
    )


def test_install_step_names_the_kb_article_that_describes_the_fix(tmp_path: Path) -> None:
    """The install step says which KB article describes the fix, not invented instructions."""
    texts = [str(s["text"]) for s in _steps(_draft(tmp_path, _REFERENCED))]
    assert "Install the supported fix that Q999402 describes." in texts
    assert not any("instructions that come with" in t for t in texts)


_OR_WAIT = (
    _HEAD
    + """\
WORKAROUND
==========

To work around this problem, contact Microsoft Technical Support to obtain the
following fix, or wait for the next Widget Server service pack.

STATUS
======

Microsoft has confirmed this to be a problem in Widget Server version 1.2.
"""
)


def test_wait_for_service_pack_says_to_install_it(tmp_path: Path) -> None:
    """The "wait for the next service pack" way ends by installing the pack when it is out."""
    texts = [str(s["text"]) for s in _steps(_draft(tmp_path, _OR_WAIT))]
    waits = [t for t in texts if t.startswith("Wait for the next")]
    assert waits
    assert all(t.endswith("and install it when it is out.") for t in waits)
