"""Pilot tests: a modern Markdown article (a runbook) reads as text in the TUI, not as
its Markdown source, on the article screen and beside each step of its drafted walk."""

from __future__ import annotations

from pathlib import Path

from test_tui_walk import step
from textual.widgets import Static
from tui_support import StartTUI, build_app, screen_text, settle, wait_ready

from kbassist.tui.screens.article import ArticleScreen
from kbassist.tui.screens.walk import WalkScreen

RUNBOOK = """\
---
title: EtcdDiskSlow
---

# EtcdDiskSlow

## Meaning

This alert fires when etcd disk fsync takes too long.

<details>
<summary>Full context</summary>

Every write is synced to disk before etcd answers the client.

</details>

### Latency

Its query in the metrics UI:

```promql
histogram_quantile(0.99, etcd_disk_wal_fsync_duration_seconds_bucket)
```

## Diagnosis

The disk may be slow or the database fragmented. Query the fsync latency:

```promql
histogram_quantile(0.99, etcd_disk_wal_fsync_duration_seconds_bucket)
```

## Mitigation

Defragment the database in every etcd pod:

```console
$ etcdctl defrag
```
"""


def runbook_kb(tmp_path: Path) -> Path:
    root = tmp_path / "kb"
    root.mkdir()
    (root / "EtcdDiskSlow.md").write_text(RUNBOOK, encoding="utf-8")
    return root


def side_pane(app: object) -> str:
    """The article section shown beside the current step, as plain text."""
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, WalkScreen)
    return str(screen.query_one("#source-text", Static).render())


async def first_step_pane(root: Path, article_id: str, tmp_path: Path, tui: StartTUI) -> str:
    """Open `article_id`, press g, and read the section shown beside the first step."""
    app = build_app(root, tmp_path)
    pilot = await tui(app, size=(130, 45))
    await wait_ready(pilot)
    app.open_article(article_id)
    await settle(pilot)
    await step(pilot, "g")
    assert isinstance(app.screen, WalkScreen)
    await settle(pilot)
    return side_pane(app)


async def test_article_screen_hides_layout_html(tmp_path: Path, tui: StartTUI) -> None:
    """A runbook's `<details><summary>Full context</summary>` reads as "Full context"."""
    app = build_app(runbook_kb(tmp_path), tmp_path)
    pilot = await tui(app, size=(110, 40))
    await wait_ready(pilot)
    app.open_article("EtcdDiskSlow")
    await settle(pilot)
    assert isinstance(app.screen, ArticleScreen)
    shown = screen_text(app)
    assert "Full context" in shown and "Every write is synced" in shown
    assert "<details>" not in shown and "summary>" not in shown


async def test_a_closing_details_tag_under_the_last_sentence_is_not_shown(
    tmp_path: Path, tui: StartTUI
) -> None:
    """`</details>` on the line right under a paragraph (no blank line: part of it, as
    HTML is off) is hidden too, and the sentence before it still reads whole."""
    root = tmp_path / "kb"
    root.mkdir()
    text = RUNBOOK.replace(
        "Every write is synced to disk before etcd answers the client.\n\n</details>",
        "Every write is synced to disk before etcd answers the client.\n</details>",
    )
    assert "client.\n</details>" in text
    (root / "EtcdDiskSlow.md").write_text(text, encoding="utf-8")
    app = build_app(root, tmp_path)
    pilot = await tui(app, size=(110, 40))
    await wait_ready(pilot)
    app.open_article("EtcdDiskSlow")
    await settle(pilot)
    assert isinstance(app.screen, ArticleScreen)
    shown = screen_text(app)
    assert "before etcd answers the client." in shown
    assert "details>" not in shown


async def test_walk_side_pane_shows_the_section_not_its_markdown(
    tmp_path: Path, tui: StartTUI
) -> None:
    """Beside a drafted walk's steps, the cited section has no `###`, fences or HTML tags."""
    text = await first_step_pane(runbook_kb(tmp_path), "EtcdDiskSlow", tmp_path, tui)
    assert "Full context" in text and "Every write is synced" in text
    assert "Latency" in text and "histogram_quantile(0.99" in text
    for markup in ("<details>", "<summary>", "```", "### "):
        assert markup not in text, (markup, text)


SUPPORT_ARTICLE = """\
---
title: DNS zone transfer fails with the Name servers option
---

This article helps resolve an issue in which a DNS zone transfer fails when the
**Only to servers listed on the Name Servers tab** option is set. You receive:

> Zone Not Loaded by DNS Server

## Cause

The DNS server listens on every IP address of the adapter.

## Resolution

Set the DNS server to listen on one IP address only.
"""


async def test_walk_side_pane_renders_the_text_before_the_first_heading(
    tmp_path: Path, tui: StartTUI
) -> None:
    """A support article's intro beside step 1 reads without `**` or `> ` marks."""
    root = tmp_path / "kb"
    root.mkdir()
    (root / "dns-zone-transfer.md").write_text(SUPPORT_ARTICLE, encoding="utf-8")
    text = await first_step_pane(root, "dns-zone-transfer", tmp_path, tui)
    assert "Only to servers listed on the Name Servers tab option" in text, text
    assert "Zone Not Loaded by DNS Server" in text
    assert "**" not in text and "> Zone" not in text


def test_checklist_cites_a_section_once_per_run_of_items() -> None:
    """Steps drawn from one section show its citation once, then again where it changes."""
    from kbassist.trees.checklist import ChecklistItem
    from kbassist.trees.model import Source
    from kbassist.tui.widgets.checklist_view import ChecklistView

    fix = Source("dns-zone-transfer", "Use dnscmd")
    cause = Source("dns-zone-transfer", "Cause")
    items = [
        ChecklistItem("steps", text, text, source)
        for text, source in [
            ("Close the MMC.", fix),
            ("Run dnscmd.", fix),
            ("Wait 60 seconds.", fix),
            ("Check the adapter's addresses.", cause),
        ]
    ]
    items.append(ChecklistItem("verify", "Check the zone loads.", "", fix))
    view = ChecklistView(items)
    shown = [view.get_option(f"item-{n}").prompt for n in range(len(items))]
    cites = [str(prompt).count("dns-zone-transfer, ") for prompt in shown]
    assert cites == [1, 0, 0, 1, 1]
