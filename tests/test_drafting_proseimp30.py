"""A fix step keeps the reference the article gives for how to do it (round 30, proseimp30)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from kbassist.articles import load_article
from kbassist.drafting.step_pointers import _POINTER_RE, pointers_kept
from kbassist.drafting.tree import draft_tree

MSKB = """\
SYMPTOMS
========

When you copy a sound clip from the Reference Library, you receive the error
message "Sound Recorder is not installed."

RESOLUTION
==========

1. In Program Manager, verify that Sound Recorder is installed.

2. If the problem continues to occur, rebuild the Reg.dat file.

For additional information about how to rebuild the Reg.dat file in Windows 3.1,
please see the following article in the Microsoft Knowledge Base:

  Q80393 How to Rebuild the Default Windows REG.DAT File

For additional information about how to download Microsoft Support files, click
the article number below to view the article in the Microsoft Knowledge Base:

  Q119591 How to Obtain Microsoft Support Files from Online Services
"""

SUPPORT = """\
---
title: Device locks after too many PIN attempts
---
# Device locks after too many PIN attempts

## Symptoms

The device shows "Too many PIN entry attempts" at startup.

## Workaround

- Reinstall the operating system, and then reset the security chip.

## More information

For more information about how to reset the security chip, see
[Reset the chip lockout](/previous-versions/windows/it-pro/dd851452(v=ws.11)).
"""


def _steps(tree: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for n in tree["nodes"] for s in n.get("steps", []) or [] if isinstance(s, dict)]


def _archive(tmp_path: Path, number: str, body: str) -> Path:
    """An archive-style MS KB page: front matter, header block, tab-indented body."""
    text = f"""---
layout: page
title: "{number}: Sound Clips Do Not Play from the Reference Library"
---

## {number}: Sound Clips Do Not Play from the Reference Library

{{% raw %}}

\tArticle: {number}
\tProduct(s): Microsoft Reference Library
\tVersion(s): 1.0
\tKeyword(s): kbsound
\t-------------------------------------------------------------------------------

""" + "".join(f"\t{line}\n" if line else "\t\n" for line in body.split("\n"))
    folder = tmp_path / number
    folder.mkdir()
    path = folder / "README.md"
    path.write_text(text + "\n{% endraw %}\n", encoding="utf-8")
    return path


def _draft(tmp_path: Path, name: str, text: str) -> dict[str, Any]:
    if name.startswith("Q"):
        return draft_tree(load_article(_archive(tmp_path, name, text)))
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return draft_tree(load_article(path))


def test_kb_step_keeps_its_how_to_article(tmp_path: Path) -> None:
    """'rebuild the Reg.dat file' shows 'See Q80393 How to Rebuild ...' under it."""
    tree = _draft(tmp_path, "Q555001", MSKB)
    step = next(s for s in _steps(tree) if "rebuild the reg.dat file" in s["text"].lower())
    assert "Q80393 How to Rebuild the Default Windows REG.DAT File" in step.get("detail", "")
    shown = " ".join(str(s.get("detail", "")) for s in _steps(tree))
    assert "Q119591" not in shown  # no step downloads support files: left alone


def test_support_step_keeps_its_link_with_a_whole_address(tmp_path: Path) -> None:
    """'reset the security chip' shows its link, site-rooted path made a full address."""
    tree = _draft(tmp_path, "chip-lockout.md", SUPPORT)
    step = next(s for s in _steps(tree) if "reset the security chip" in s["text"].lower())
    detail = step.get("detail", "")
    assert "Reset the chip lockout (https://learn.microsoft.com/previous-versions/" in detail


def test_about_pointer_needs_a_how_to_title(tmp_path: Path) -> None:
    """'For more information about X' with a general title is not pinned to a step."""
    article = load_article(_archive(tmp_path, "Q555002", MSKB.replace("how to rebuild", "the")))
    tree = {"nodes": [{"steps": [{"text": "Install the Reg.dat file update."}]}]}
    pointers_kept(tree, article)
    assert "detail" not in tree["nodes"][0]["steps"][0]


def test_pointer_regex_is_linear() -> None:
    """A hostile 20 KB run of pointer-like text is scanned fast."""
    hostile = "For more information about " + "a.b " * 5000 + "\n" * 3
    started = time.perf_counter()
    list(_POINTER_RE.finditer(hostile * 1))
    list(_POINTER_RE.finditer("for more information on " * 800))
    assert time.perf_counter() - started < 0.5


RUNBOOK = """\
# StorageMgrMissingReplicas

## Meaning

The storage manager is missing replicas.

## Impact

Health status reporting is stale.

## Mitigation

Check the storage manager pod and restart it if necessary:

```bash
oc delete pod -l app=storage-mgr -n storage
```

Debug with [pod debug](helpers/podDebug.md).
"""


def test_runbook_relative_link_says_where_it_is(tmp_path: Path) -> None:
    """A helper link is said as the file beside the runbook, never a bare dead path."""
    folder = tmp_path / "storage-operator"
    folder.mkdir()
    tree = _draft(folder, "StorageMgrMissingReplicas.md", RUNBOOK)
    shown = " ".join(f"{s['text']} {s.get('detail', '')}" for s in _steps(tree))
    assert "helpers/podDebug.md, beside this page in storage-operator/" in shown
    assert "(helpers/podDebug.md)" not in shown
