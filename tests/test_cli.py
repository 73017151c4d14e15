"""The command line through its real entry point: output, JSON, exit codes, errors."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from cli_support import run_kbassist


def kbassist(
    *args: str, env: dict[str, str], stdin: str | None = None
) -> subprocess.CompletedProcess:
    """Run `kbassist ARGS` as a user would."""
    return run_kbassist(*args, env=env, stdin=stdin)


def assert_one_line_error(result: subprocess.CompletedProcess, code: int, text: str) -> None:
    """A failure is exactly one `kbassist: error:` line on stderr and its exit code."""
    assert result.returncode == code, result.stderr
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert len(errors) == 1, result.stderr
    assert text in errors[0]
    assert "Traceback" not in result.stderr


def test_search_bundled_kb_builds_index_and_finds_seed(env: dict[str, str]) -> None:
    """A first search on the bundled KB indexes it, says so, and prints Q98097 with a snippet."""
    result = kbassist("search", "mail", "server", "backup", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Q98097  Mac Bkup: Retrospect Remote May Corrupt")
    assert "Microsoft Mail For Appletalk Networks" in result.stdout
    assert "backup" in result.stdout.lower()
    assert "indexing" in result.stderr
    again = kbassist("search", "mail", "server", "backup", env=env)
    assert "indexing" not in again.stderr


def test_search_json(kb_dir: Path, env: dict[str, str]) -> None:
    """--json prints a list of hits with id, title and score, best first, --limit honoured."""
    result = kbassist(
        "search", "--articles", str(kb_dir), "--json", "--limit", "2", "queue", env=env
    )
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert isinstance(hits, list) and len(hits) == 1
    assert hits[0]["id"] == "KB-PRN-1"
    assert {"id", "title", "score", "snippet", "products"} <= hits[0].keys()
    both = json.loads(
        kbassist(
            "search", "--articles", str(kb_dir), "--json", "-n", "1", "driver", "file", env=env
        ).stdout
    )
    assert len(both) == 1


def test_pasted_switches_are_query_words_and_options_still_work(
    kb_dir: Path, env: dict[str, str]
) -> None:
    """`search netstat -an -n 1` finds the article on `netstat -an`; -n after the words is
    still the limit; a misspelt option is a usage error naming the right one."""
    (kb_dir / "netstat.md").write_text(
        "---\nid: KB-NET-1\ntitle: Connections stuck in FIN_WAIT_1\n---\n\n"
        "## Symptoms\n\nRunning netstat -an lists sockets stuck in FIN_WAIT_1.\n",
        encoding="utf-8",
    )
    result = kbassist(
        "search", "--articles", str(kb_dir), "--json", "netstat", "-an", "-n", "1", env=env
    )
    assert result.returncode == 0, result.stderr
    assert [hit["id"] for hit in json.loads(result.stdout)] == ["KB-NET-1"]
    typo = kbassist("search", "--articles", str(kb_dir), "queue", "--limt", "5", env=env)
    assert typo.returncode == 2
    assert "no such option: --limt (did you mean --limit?)" in typo.stderr


def test_articles_from_environment(kb_dir: Path, env: dict[str, str]) -> None:
    """KBASSIST_ARTICLES selects the knowledge base like --articles does."""
    result = kbassist("search", "spooler", env={**env, "KBASSIST_ARTICLES": str(kb_dir)})
    assert result.stdout.startswith("KB-PRN-1")


def test_did_you_mean_on_stderr(env: dict[str, str]) -> None:
    """A misspelt query shows what it searched instead, and the results."""
    result = kbassist("search", "retrospct", env=env)
    assert "showing results for 'retrospect'" in result.stderr
    assert result.stdout.startswith("Q98097")


def test_show_prints_article_and_section(env: dict[str, str]) -> None:
    """`show` prints header fields and sections; --section only the one asked for."""
    whole = kbassist("show", "q98097", env=env)
    assert whole.returncode == 0
    assert re.search(r"^Product: +Microsoft Mail For Appletalk Networks$", whole.stdout, re.M)
    assert "MORE INFORMATION" in whole.stdout and "SUMMARY" in whole.stdout
    one = kbassist("show", "Q98097", "--section", "more information", env=env)
    assert one.stdout.startswith("MORE INFORMATION")
    assert "SUMMARY" not in one.stdout


def test_show_strips_escape_sequences(tmp_path: Path, env: dict[str, str]) -> None:
    """An article's terminal escape sequences never reach the terminal from `show`."""
    kb = tmp_path / "evil"
    kb.mkdir()
    (kb / "evil.md").write_text(
        '---\nid: EVIL\ntitle: "\\e]2;pwned\\aTitle"\n---\n## Cause\n\nText \x1b[2J here\x9b31m.\n'
        "\x1b]0;retitled\x07\n"
    )
    result = kbassist("show", "EVIL", "--articles", str(kb), env=env)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x9b" not in result.stdout
    assert "Text  here" in result.stdout
    assert result.stdout.splitlines()[0] == "EVIL: Title"
    assert "retitled" not in result.stdout


def test_index_command_reports_counts(kb_dir: Path, env: dict[str, str]) -> None:
    """`index DIR` reports what it did; a second run finds nothing to do."""
    first = kbassist("index", str(kb_dir), env=env)
    assert first.returncode == 0
    assert "3 articles indexed, 3 added" in first.stderr
    (kb_dir / "junk.md").write_bytes(b"\x00\x00")
    second = kbassist("index", str(kb_dir), env=env)
    assert "0 added, 0 changed, 0 removed" in second.stderr
    assert f"skipped {kb_dir / 'junk.md'}: binary file" in second.stderr


@pytest.mark.parametrize(
    ("args", "code", "text"),
    [
        (["show", "Q12345"], 3, "no article with id 'Q12345'"),
        (["show", "Q98097", "--section", "cause"], 3, "has no section 'cause'"),
        (["search", "(" * 1000], 2, "deeper than"),
        (["search", "*"], 2, "no words"),
        (["search", "NOT"], 2, "only operators"),
        (["search", "x " * 600], 2, "longer than"),
        (["search", "--articles", "/nonexistent/kb", "x"], 4, "articles folder does not exist"),
    ],
)
def test_bad_input_is_one_line_and_exit_code(
    args: list[str], code: int, text: str, env: dict[str, str]
) -> None:
    """Each bad input gives one stderr line and its documented exit code, no traceback."""
    assert_one_line_error(kbassist(*args, env=env), code, text)


def test_empty_articles_folder(tmp_path: Path, env: dict[str, str]) -> None:
    """An empty articles folder is exit 4 naming the folder."""
    (tmp_path / "empty").mkdir()
    result = kbassist("search", "--articles", str(tmp_path / "empty"), "x", env=env)
    assert_one_line_error(result, 4, "holds no .md articles")


def test_unwritable_index_dir(tmp_path: Path, env: dict[str, str]) -> None:
    """An index dir that cannot be created is exit 5 naming it."""
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = kbassist("search", "--index-dir", str(blocker / "ix"), "x", env=env)
    assert_one_line_error(result, 5, "cannot create index folder")


def test_missing_query_is_usage_error(env: dict[str, str]) -> None:
    """`kbassist search` with no words is a usage error (exit 2)."""
    result = kbassist("search", env=env)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
