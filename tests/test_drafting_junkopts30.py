"""No table-of-contents link, precondition detail, cut label or per-language download
is offered as a fix or ticked as a step (issue 13 junk options, round 30)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from kbassist.articles import load_article
from kbassist.drafting.download_lists import _LANGUAGE_RE
from kbassist.drafting.precondition_parts import _DETAIL_HEAD_RE
from kbassist.drafting.text import short_label
from kbassist.drafting.tree import draft_tree

SUPPORT_HEAD = """---
title: {title}
ms.topic: troubleshooting
---

# {title}

"""


def _support(tmp_path: Path, title: str, body: str) -> dict[str, Any]:
    """Draft a modern support article (front matter, Markdown body) written to tmp_path."""
    path = tmp_path / "article.md"
    path.write_text(SUPPORT_HEAD.format(title=title) + body, encoding="utf-8")
    return draft_tree(load_article(path))


def _steps(tree: dict[str, Any]) -> list[str]:
    return [s["text"] for n in tree["nodes"] if n["kind"] == "outcome" for s in n["steps"]]


def _labels(tree: dict[str, Any]) -> list[str]:
    return [c["label"] for n in tree["nodes"] if n["kind"] == "question" for c in n["choices"]]


TOC_BODY = """## Symptoms

Clients cannot print to the shared queue, and they see this message:

> The job was cancelled because there is no print broker available to accept it.

## Cause

This usually indicates a problem in the print broker configuration.

## Check the print broker configuration

Check the print broker configuration by using Print Management. Verify the following:

- The print broker role is installed and the broker is registered.
- The queue uses the correct broker. The details depend on your deployment:

  - [Configure the broker for a deployment that includes a cluster](#cluster).
  - [Configure the broker for a deployment that includes one server](#single).

### <a id=cluster></a>Configure the broker for a clustered deployment

1. On the cluster node, open Print Management.
2. Select **Print Servers** > **Broker**, and then enter the broker name.

### <a id=single></a>Configure the broker for a single server

1. On the print server, select **Start**, and then enter **gpedit.msc**.
2. Enable the **Use the specified print broker** policy, and then enter the broker name.
"""


def test_in_page_links_are_never_ticked(tmp_path: Path) -> None:
    """A list of links to the page's own sections is shown, never ticked as steps."""
    tree = _support(tmp_path, "Cannot print because no print broker is available", TOC_BODY)
    steps = _steps(tree)
    assert not [s for s in steps if s.startswith("Configure the broker for a deployment")]
    assert "On the cluster node, open Print Management." in steps


PRECONDITION_BODY = """## Symptoms

Consider the following scenario:

- You sign in to the client, and the shared folders are available.
- The ShareLinkedSessions registry entry is configured.

In this scenario, the shared folders are unavailable in an elevated window.

## Cause

The elevated window runs in a new logon session that does not see the shared folders.

## Workaround

Open the shared folders again in the elevated window, for example by using a script.

## Detail to configure the ShareLinkedSessions registry entry

1. In Registry Editor, locate the HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\Policies subkey.
2. Right-click Policies, select New, and then select DWORD (32-bit) Value.
3. Name the new entry ShareLinkedSessions, and set it to 1.
"""


def test_detail_of_a_symptom_precondition_is_not_a_fix(tmp_path: Path) -> None:
    """A 'Detail to configure X' part is no fix when the symptom needs X configured."""
    tree = _support(tmp_path, "Shared folders are not available when elevated", PRECONDITION_BODY)
    titles = [n["title"] for n in tree["nodes"] if n["kind"] == "outcome"]
    assert not [t for t in titles if "ShareLinkedSessions" in t]
    assert not [label for label in _labels(tree) if label.startswith("Detail to")]


def test_a_label_is_not_cut_a_word_before_its_end() -> None:
    """A fix label a word or two past the limit ends its noun phrase, never mid-phrase."""
    text = "Disable the Block Inheritance option on the Domain Controllers organizational unit"
    assert short_label(text, 70) == text
    cut = short_label(
        "Show the prompt on the standard user desktop instead of on the lock desktop", 60
    )
    assert not cut.endswith(("instead", "of", "the"))


def _kb(tmp_path: Path, resolution: str) -> dict[str, Any]:
    """Draft an archive-style KB article (tab-indented body) with `resolution`."""
    body = f"""SYMPTOMS
========

A request with many dots in the address makes the Web service use all the CPU.

RESOLUTION
==========

{resolution}
"""
    text = (
        '---\nlayout: page\ntitle: "Q990330: Dots in a Request Cause High CPU"\n---\n\n'
        "## Q990330: Dots in a Request Cause High CPU\n\n{% raw %}\n\n"
        "\tArticle: Q990330\n\tProduct(s): Internet Information Server\n\tVersion(s): 4.0\n"
        "\t-------------------------------------------------------------------------------\n\n"
    )
    text += "".join(f"\t{line}\n" if line else "\t\n" for line in body.split("\n"))
    text += "\n{% endraw %}\n"
    folder = tmp_path / "Q990330"
    folder.mkdir()
    (folder / "README.md").write_text(text, encoding="utf-8")
    return draft_tree(load_article(folder / "README.md"))


DOWNLOADS = """To resolve this problem, download the fix as instructed below.

The following files are available for download from the Microsoft Download Center:

US English:

  x86: DownloadDownload Dotfixi.exe now
  (http://download.example.com/Q990330/EN/Dotfixi.exe)

  Alpha: DownloadDownload Dotfixa.exe now
  (http://download.example.com/Q990330/EN/Dotfixa.exe)

German:

  x86: DownloadDownload Dotfixi.exe now
  (http://download.example.com/Q990330/DE/Dotfixi.exe)

  Alpha: DownloadDownload Dotfixa.exe now
  (http://download.example.com/Q990330/DE/Dotfixa.exe)

Japanese:

  x86: DownloadDownload Dotfixi.exe now
  (http://download.example.com/Q990330/JA/Dotfixi.exe)

  Alpha: DownloadDownload Dotfixa.exe now
  (http://download.example.com/Q990330/JA/Dotfixa.exe)"""


def test_download_languages_are_one_step_not_fixes(tmp_path: Path) -> None:
    """Per-language download lines are the detail of one step, never a fix each."""
    tree = _kb(tmp_path, DOWNLOADS)
    labels = _labels(tree) + [n["title"] for n in tree["nodes"] if n["kind"] == "outcome"]
    assert not [x for x in labels if x in ("US English", "German", "Japanese")]
    shown = str(tree)
    assert "German: x86: Dotfixi.exe" in shown


def test_new_patterns_are_linear_on_hostile_text() -> None:
    """The heading and language patterns answer at once on hostile 20 KB strings."""
    hostile = ["Details to configure " + "the " * 5000, "US " * 7000 + "(", "x86 (" * 4000]
    started = time.perf_counter()
    for text in hostile:
        _DETAIL_HEAD_RE.match(text)
        _LANGUAGE_RE.match(text)
    assert time.perf_counter() - started < 0.5
