"""Issue 9, export items: special files are never replaced, symbolic links are refused,
and text drawn from an article is escaped in the Markdown export like a typed answer.

Device nodes, FIFOs, sockets and links are made only inside tmp_path; no test touches
a real system path.
"""

from __future__ import annotations

import os
import socket
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from markdown_it import MarkdownIt

from kbassist import cli
from kbassist.errors import OutputError
from kbassist.fileio import atomic_write

REPO = Path(__file__).resolve().parent.parent
ANSWERS = REPO / "tests" / "trees_fixtures" / "answers" / "exclude-folder.yaml"
TREE_ID = "q98097-retrospect-mail-server"


def run(*args: str, stdin: str | None = None) -> Result:
    """`kbassist ARGS` in-process, stderr kept apart from stdout."""
    return CliRunner().invoke(cli.main, list(args), input=stdin, prog_name="kbassist")


def export(target: Path, *extra: str) -> Result:
    """`kbassist walk Q98097-tree --answers ... --export TARGET EXTRA`."""
    return run("walk", TREE_ID, "--answers", str(ANSWERS), "--export", str(target), *extra)


# --------------------------------------------------------------------------- item 9


def make_fifo(path: Path) -> None:
    os.mkfifo(path)


def make_device(path: Path) -> None:
    """A character device like /dev/null (1, 3), inside tmp_path; skipped when not allowed."""
    if os.geteuid() != 0:
        pytest.skip("creating a device node needs root")
    try:
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("this container may not create device nodes")


def make_socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
    except OSError as exc:  # a tmp_path too long for a socket address
        pytest.skip(f"cannot bind a socket here: {exc}")
    finally:
        server.close()


def make_dir(path: Path) -> None:
    path.mkdir()


KINDS: list[tuple[str, Callable[[Path], None], Callable[[int], bool], str]] = [
    ("fifo", make_fifo, stat.S_ISFIFO, "is a FIFO (named pipe), not a regular file"),
    ("device", make_device, stat.S_ISCHR, "is a character device, not a regular file"),
    ("socket", make_socket, stat.S_ISSOCK, "is a socket, not a regular file"),
    ("directory", make_dir, stat.S_ISDIR, "is a directory, not a regular file"),
]


@pytest.mark.parametrize(("name", "make", "is_kind", "message"), KINDS, ids=[k[0] for k in KINDS])
def test_export_force_refuses_special_targets(
    name: str,
    make: Callable[[Path], None],
    is_kind: Callable[[int], bool],
    message: str,
    tmp_path: Path,
) -> None:
    """`--export X --force` on a device, FIFO, socket or folder: one line, exit 6, X untouched."""
    target = tmp_path / f"fake-{name}"
    make(target)
    result = export(target, "--force")
    assert result.exit_code == 6, result.stderr
    assert result.stderr == (f"kbassist: error: {target}: {message}; kbassist never replaces it\n")
    assert is_kind(os.lstat(target).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_export_to_a_folder_without_force_is_not_called_an_existing_file(
    tmp_path: Path,
) -> None:
    """A folder as --export says it is a folder before the walk, not "use --force"."""
    folder = tmp_path / "out"
    folder.mkdir()
    result = run("walk", TREE_ID, "--export", str(folder), stdin="")
    assert result.exit_code == 6
    assert result.stderr == (
        f"kbassist: error: {folder}: is a directory, not a regular file; kbassist never "
        "replaces it\n"
    )


def test_export_refuses_a_symlink_and_leaves_its_target(tmp_path: Path) -> None:
    """A symlink target is refused (exit 6): the link stays a link, the real file unchanged."""
    real = tmp_path / "real-checklist.md"
    real.write_text("the admin's notes\n", encoding="utf-8")
    link = tmp_path / "checklist.md"
    link.symlink_to(real)
    result = export(link, "--force")
    assert result.exit_code == 6
    assert result.stderr == (
        f"kbassist: error: {link}: is a symbolic link (to {real}); kbassist does not write "
        "through links: name the file itself\n"
    )
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8") == "the admin's notes\n"


def test_export_refuses_a_dangling_symlink_without_force(tmp_path: Path) -> None:
    """A link to nowhere is not "no file": it is refused, not replaced by a new file."""
    link = tmp_path / "checklist.md"
    link.symlink_to(tmp_path / "nowhere.md")
    result = export(link)
    assert result.exit_code == 6
    assert "is a symbolic link" in result.stderr
    assert link.is_symlink()
    assert not (tmp_path / "nowhere.md").exists()


def test_draft_output_refuses_a_symlink(tmp_path: Path) -> None:
    """`kbassist draft -o X --force` refuses a symlinked X the same way (exit 6)."""
    real = tmp_path / "elsewhere.yaml"
    real.write_text("keep: me\n", encoding="utf-8")
    link = tmp_path / "q98097-draft.yaml"
    link.symlink_to(real)
    result = run("draft", "Q98097", "-o", str(link), "--force")
    assert result.exit_code == 6
    assert "is a symbolic link" in result.stderr
    assert real.read_text(encoding="utf-8") == "keep: me\n"


def test_export_force_still_replaces_a_regular_file(tmp_path: Path) -> None:
    """The ordinary case keeps working: --force replaces a regular file, keeping its mode."""
    target = tmp_path / "checklist.md"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    result = export(target, "--force")
    assert result.exit_code == 0, result.stderr
    assert "Extensions Folder" in target.read_text(encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.parametrize(("name", "make", "is_kind", "message"), KINDS, ids=[k[0] for k in KINDS])
def test_atomic_write_never_replaces_special_files(
    name: str,
    make: Callable[[Path], None],
    is_kind: Callable[[int], bool],
    message: str,
    tmp_path: Path,
) -> None:
    """The core writer (CLI, TUI, sessions) refuses special files even with overwrite=True."""
    target = tmp_path / f"fake-{name}"
    make(target)
    with pytest.raises(OutputError) as info:
        atomic_write(target, "data", overwrite=True)
    assert str(info.value) == f"{target}: {message}; kbassist never replaces it"
    assert is_kind(os.lstat(target).st_mode)


def test_atomic_write_does_not_clobber_a_file_that_appears_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without overwrite, a file created while the data is written is kept, not replaced."""
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "checklist.md"
    real_fsync = os.fsync

    def other_process_writes(fd: int) -> None:
        real_fsync(fd)
        if not target.exists():
            target.write_text("someone else's file\n", encoding="utf-8")

    monkeypatch.setattr(os, "fsync", other_process_writes)
    with pytest.raises(OutputError, match="file exists"):
        atomic_write(target, "ours\n", overwrite=False)
    assert target.read_text(encoding="utf-8") == "someone else's file\n"
    assert [p.name for p in folder.iterdir()] == ["checklist.md"]  # no temp file left


# --------------------------------------------------------------------------- item 10

HOSTILE_ARTICLE = """\
---
id: KB-EVIL-1
title: Mail store stops <details><summary>x</summary></details>
---

## Symptoms

The store stops. See [the fix](https://evil.example/x.exe) and
![](https://evil.example/track.png) or mail ops@evil.example.

## Cause

&lt;img src=x onerror=alert(1)&gt; sits in the queue; ask @admins about it.

## Resolution

1. Download https://evil.example/fix.exe and run it as <b>root</b>.
2. Restart the store from [the console](javascript:alert(1)) and tell @ops-team.
"""


def rendered(markdown: str) -> str:
    """HTML as a GFM-like renderer (tables, raw HTML, bare-URL links) would make it."""
    return MarkdownIt("gfm-like").render(markdown)


def live_html(html: str) -> list[str]:
    """The live elements in rendered HTML: links, images, raw tags from the article."""
    return [tag for tag in ("<a ", "<img", "<details", "<summary", "<b>") if tag in html]


@pytest.fixture
def drafted_export(kb_dir: Path, tmp_path: Path) -> str:
    """The Markdown export of a walk auto-drafted from a hostile article."""
    (kb_dir / "evil.md").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    out = tmp_path / "evil-checklist.md"
    result = run(
        "walk",
        "KB-EVIL-1",
        "--articles",
        str(kb_dir),
        "--export",
        str(out),
        stdin="yes\n" + "\n" * 30,
    )
    assert result.exit_code == 0, result.stderr
    assert "auto-drafted" in result.stderr
    return out.read_text(encoding="utf-8")


def test_drafted_export_renders_no_live_html_links_or_images(drafted_export: str) -> None:
    """Article text in a drafted export renders as text: no link, image or HTML element."""
    html = rendered(drafted_export)
    assert live_html(html) == []
    assert "evil.example/fix.exe" in html  # still there to read, as text


def test_drafted_export_neutralizes_mentions_and_bare_urls(drafted_export: str) -> None:
    """`@admins`, e-mail addresses and bare URLs from the article become code spans."""
    assert "`@admins`" in drafted_export
    assert "`@ops-team`" in drafted_export
    assert "`https://evil.example/fix.exe`" in drafted_export
    assert "`ops@evil.example`" in drafted_export


def test_drafted_export_is_stamped_not_reviewed(drafted_export: str) -> None:
    """A drafted export says at the top and in its footer that nobody reviewed it."""
    lines = drafted_export.splitlines()
    assert lines[2].startswith("> **Auto-drafted, not reviewed:**")
    assert "(auto-drafted, not reviewed)" in lines[-1]


def test_hand_written_export_keeps_its_markdown_and_no_stamp(tmp_path: Path) -> None:
    """A hand-written tree's own Markdown is unchanged and its export carries no draft stamp."""
    out = tmp_path / "c.md"
    result = export(out)
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "- **Chosen mitigation:** Exclude the System Folder or Extensions Folder" in text
    assert "not reviewed" not in text.lower()


def test_typed_answers_with_urls_and_mentions_stay_inert(tmp_path: Path) -> None:
    """A typed volume name holding a URL and an @mention renders no link and pings no one."""
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "must_backup: yes\ncan_stop: no\ncopy_time: midnight\n"
        "backup_volume: '@ops-team https://evil.example/x.exe'\n"
        "volume_kind: external\ncopies: 1\narchive_time: 1:00 AM\n",
        encoding="utf-8",
    )
    result = run("walk", TREE_ID, "--answers", str(answers))
    assert result.exit_code == 0, result.stderr
    assert live_html(rendered(result.stdout)) == []
    assert "`@ops-team` `https://evil.example/x.exe`" in result.stdout
