"""Issue 14, CLI half: settings and `kbassist config`, shell completion, --json listings,
NO_COLOR, `search | head`, and the product filter that forgives.

In-process through click's CliRunner; a real subprocess only for the pipe to `head`,
whose point is the exit status of the real entry point when its reader goes away.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kbassist import cli
from kbassist.errors import DataError, UsageError
from kbassist.index import KBIndex, match_products
from kbassist.settings import KEYS, config_path, load_settings, save_setting

REPO = Path(__file__).resolve().parent.parent
TREE_ID = "q98097-retrospect-mail-server"
ANSWERS = REPO / "tests" / "trees_fixtures" / "answers" / "mail-backup-copy.yaml"


def run(*args: str, stdin: str | None = None, color: bool = False) -> Result:
    """`kbassist ARGS` in-process, stderr kept apart from stdout."""
    return CliRunner().invoke(cli.main, list(args), input=stdin, prog_name="kbassist", color=color)


def write_config(text: str) -> Path:
    """The settings file in the isolated XDG config dir (conftest), with `text`."""
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- settings


def test_config_path_is_in_the_isolated_xdg_config_dir(isolated_home: Path) -> None:
    """The settings file is $XDG_CONFIG_HOME/kbassist/config.toml."""
    assert config_path() == isolated_home / ".config" / "kbassist" / "config.toml"


def test_precedence_default_file_environment_option(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Each key takes the highest of option > environment > file > default."""
    write_config(
        'theme = "nord"\narticles_dir = "/from/file"\nindex_dir = "/file/ix"\nexport_host = false\n'
    )
    monkeypatch.setenv("KBASSIST_ARTICLES", "/from/env")
    monkeypatch.setenv("KBASSIST_INDEX_DIR", "/env/ix")
    settings = load_settings({"index_dir": Path("/option/ix"), "articles_dir": None})
    assert settings.theme == "nord" and settings.source("theme") == "file"
    assert settings.articles_dir == Path("/from/env")
    assert settings.source("articles_dir") == "environment"
    assert settings.index_dir == Path("/option/ix") and settings.source("index_dir") == "option"
    assert settings.export_host is False and settings.source("export_host") == "file"
    assert settings.export_user is True and settings.source("export_user") == "default"


def test_relative_path_in_the_file_is_relative_to_the_file() -> None:
    """`articles_dir = "kb"` means the kb folder beside config.toml, from any cwd."""
    path = write_config('articles_dir = "kb"\n')
    assert load_settings().articles_dir == path.parent / "kb"


def test_config_json_says_where_each_value_came_from(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`kbassist config --json`: default, file, environment (old variables too), option."""
    write_config('theme = "gruvbox"\nexport_date = false\n')
    monkeypatch.setenv("KBASSIST_ARTICLES", str(tmp_path / "kb"))
    result = run("--index-dir", str(tmp_path / "ix"), "config", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    shown = {key: (v["value"], v["source"]) for key, v in data["settings"].items()}
    assert shown["theme"] == ("gruvbox", "file")
    assert shown["export_date"] == (False, "file")
    assert shown["articles_dir"] == (str(tmp_path / "kb"), "environment")
    assert shown["index_dir"] == (str(tmp_path / "ix"), "option")
    assert shown["lock_timeout"] == (1.0, "environment")  # conftest sets it
    assert shown["export_user"] == (True, "default")
    assert set(shown) == set(KEYS)
    assert data["file"] == str(config_path())


def test_config_text_lists_every_key_with_its_origin(monkeypatch: pytest.MonkeyPatch) -> None:
    """The plain listing names the file, every key, and the variable or file it came from."""
    path = write_config("export_host = false\n")
    monkeypatch.setenv("KBASSIST_DEBUG", "1")
    result = run("config")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"# settings file: {path}"
    rows = {line.split()[0]: line for line in lines[1:]}
    assert set(rows) == set(KEYS)
    assert rows["export_host"].split()[1] == "false"
    assert rows["export_host"].endswith("  file")
    assert rows["debug"].endswith("environment (KBASSIST_DEBUG)")
    assert rows["theme"].endswith("default")
    assert "\x1b" not in result.stdout


def test_config_set_and_unset_keep_comments_and_other_keys() -> None:
    """`config set` edits one line; the user's comments and other settings stay."""
    path = write_config('# my settings\ntheme = "nord"  # dark room\nexport_user = false\n')
    result = run("config", "set", "export_host", "no")
    assert result.exit_code == 0, result.stderr
    assert path.read_text() == (
        '# my settings\ntheme = "nord"  # dark room\nexport_user = false\nexport_host = false\n'
    )
    assert run("config", "set", "theme", "textual-light").exit_code == 0
    assert 'theme = "textual-light"\n' in path.read_text()
    assert "# my settings" in path.read_text()
    assert run("config", "unset", "export_user").exit_code == 0
    settings = load_settings()
    assert settings.export_user is True and settings.source("export_user") == "default"
    assert (settings.theme, settings.export_host) == ("textual-light", False)


def test_save_setting_writes_strings_toml_reads_back() -> None:
    """Quotes, backslashes and control characters in a value survive the round trip."""
    save_setting("theme", 'odd "name" \\ with\ttab')
    assert load_settings().theme == 'odd "name" \\ with\ttab'


def test_config_set_refuses_unknown_and_environment_only_keys() -> None:
    """A key that is not a file setting is a usage error (exit 2) naming the real ones."""
    result = run("config", "set", "colour", "red")
    assert result.exit_code == 2
    assert "no setting 'colour'" in result.stderr and "export_host" in result.stderr
    assert run("config", "set", "debug", "true").exit_code == 2
    assert run("config", "set", "export_host", "maybe").exit_code == 2
    assert not config_path().exists()


def test_bad_toml_is_one_line_naming_file_and_line_exit_4() -> None:
    """A settings file that is not TOML stops every command with file:line, exit 4."""
    path = write_config('theme = "nord"\nexport_host = yes please\n')
    result = run("search", "backup")
    assert result.exit_code == 4
    assert result.stderr.startswith(f"kbassist: error: {path}:2:")
    assert "not valid TOML" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_unknown_key_in_file_names_line_and_suggests() -> None:
    """A misspelt key names its line and the key it probably means."""
    path = write_config('theme = "nord"\n\nexport_hots = false\n')
    result = run("config")
    assert result.exit_code == 4
    assert f"{path}:3: export_hots: no such setting (did you mean 'export_host'?)" in (
        result.stderr
    )


def test_a_misspelt_key_can_be_mended_from_the_cli() -> None:
    """`them = 3` stops other commands, but `config` still lists the settings and names
    the fix, and `config unset them` takes the line out, keeping the rest."""
    path = write_config('theme = "nord"\nthem = 3\n')
    assert run("search", "backup").exit_code == 4
    listed = run("config")
    assert listed.exit_code == 4
    assert "`kbassist config unset them` removes it" in listed.stderr
    assert "export_host" in listed.stdout
    assert run("config", "unset", "them").exit_code == 0
    assert path.read_text() == 'theme = "nord"\n'
    assert run("config").exit_code == 0


def test_an_environment_only_key_is_named_with_its_variable() -> None:
    """`config set lock_timeout 5` says which environment variable sets it."""
    result = run("config", "set", "lock_timeout", "5")
    assert result.exit_code == 2
    assert "KBASSIST_LOCK_TIMEOUT" in result.stderr


def test_wrong_type_and_environment_only_key_in_file_are_refused() -> None:
    """`export_host = "no"` (a string) and `debug = true` (env only) name their line."""
    write_config('export_host = "no"\n')
    with pytest.raises(DataError, match=r":1: export_host: must be true or false"):
        load_settings()
    write_config('theme = "x"\ndebug = true\n')
    with pytest.raises(DataError, match=r":2: debug: set by the environment variable"):
        load_settings()


def test_settings_file_that_is_a_fifo_is_refused_without_hanging() -> None:
    """A FIFO at the settings path is reported (exit 4), never opened for a blocking read."""
    path = config_path()
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    result = run("config")
    assert result.exit_code == 4
    assert "not a regular file" in result.stderr


def test_save_setting_leaves_a_broken_file_untouched() -> None:
    """Saving into a file that does not parse refuses and keeps the user's bytes."""
    original = 'theme = "nord"\nthis is not toml\n'
    path = write_config(original)
    with pytest.raises(DataError):
        save_setting("theme", "textual-light")
    assert path.read_text() == original


def test_bad_environment_value_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """KBASSIST_EXPORT_HOST=perhaps is refused naming the variable (exit 2)."""
    monkeypatch.setenv("KBASSIST_EXPORT_HOST", "perhaps")
    with pytest.raises(UsageError, match="KBASSIST_EXPORT_HOST must be true or false"):
        load_settings()
    result = run("config")
    assert result.exit_code == 2 and "KBASSIST_EXPORT_HOST" in result.stderr


def test_articles_dir_from_the_file_is_the_default_kb(kb_dir: Path) -> None:
    """`articles_dir` in the settings file is searched when no option or variable is set."""
    write_config(f"articles_dir = {json.dumps(str(kb_dir))}\n")
    result = run("search", "spooler")
    assert result.exit_code == 0, result.stderr
    assert "KB-PRN-1" in result.stdout


def test_environment_still_beats_the_file(kb_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """KBASSIST_ARTICLES keeps working, and wins over the file's articles_dir."""
    write_config('articles_dir = "/nowhere/at/all"\n')
    monkeypatch.setenv("KBASSIST_ARTICLES", str(kb_dir))
    result = run("search", "spooler")
    assert result.exit_code == 0, result.stderr
    assert "KB-PRN-1" in result.stdout


# --------------------------------------------------------------------------- completion


@pytest.mark.parametrize(
    ("shell", "marker"),
    [
        ("bash", "complete -o nosort -F _kbassist_completion kbassist"),
        ("zsh", "#compdef kbassist"),
        ("fish", "complete --no-files --command kbassist"),
    ],
)
def test_completion_prints_the_shell_script(shell: str, marker: str) -> None:
    """`kbassist completion SHELL` prints click's script for that shell, for `kbassist`."""
    result = run("completion", shell)
    assert result.exit_code == 0, result.stderr
    assert marker in result.stdout
    assert f"_KBASSIST_COMPLETE={shell}_complete" in result.stdout
    assert result.stderr == ""


def test_completion_refuses_other_shells() -> None:
    """An unknown shell is a usage error listing the three."""
    result = run("completion", "tcsh")
    assert result.exit_code == 2
    assert "bash" in result.stderr and "fish" in result.stderr


def _complete(words: str, cword: int) -> list[str]:
    """What bash completion offers for the words typed so far (through the real hook)."""
    result = CliRunner().invoke(
        cli.main,
        [],
        prog_name="kbassist",
        env={"_KBASSIST_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": str(cword)},
    )
    return [line.split(",", 1)[1] for line in result.stdout.splitlines() if "," in line]


def test_completion_offers_commands_settings_and_trees() -> None:
    """The script's hook completes subcommands, setting keys and tree ids."""
    assert {"config", "completion"} <= set(_complete("kbassist co", 1))
    assert _complete("kbassist config set export_", 3) == [
        "export_dir",
        "export_host",
        "export_user",
        "export_date",
    ]
    assert TREE_ID in _complete("kbassist walk q98", 2)


def test_completion_offers_saved_session_names() -> None:
    """`walk --resume <TAB>` lists the saved sessions."""
    result = run("walk", TREE_ID, "--answers", str(ANSWERS), "--session", "night-copy")
    assert result.exit_code == 0, result.stderr
    assert _complete("kbassist walk --resume ni", 3) == ["night-copy"]


# --------------------------------------------------------------------------- --json listings


def test_trees_list_json() -> None:
    """`trees list --json` is a JSON list with id, version, title, articles, draft."""
    result = run("trees", "list", "--json")
    assert result.exit_code == 0, result.stderr
    trees = json.loads(result.stdout)
    by_id = {tree["id"]: tree for tree in trees}
    assert by_id[TREE_ID]["articles"] == ["Q98097"]
    assert by_id[TREE_ID]["draft"] is False
    assert isinstance(by_id[TREE_ID]["version"], int)
    assert by_id[TREE_ID]["path"].endswith(f"{TREE_ID}.yaml")


def test_trees_list_json_empty_is_an_empty_list(tmp_path: Path) -> None:
    """No trees prints `[]`, still valid JSON, not a message on stdout."""
    result = run("trees", "list", "--json", "--trees", str(tmp_path))
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_sessions_json() -> None:
    """`sessions --json` lists saved walks with their tree, steps and state."""
    assert json.loads(run("sessions", "--json").stdout) == []
    result = run("walk", TREE_ID, "--answers", str(ANSWERS), "--session", "night-copy")
    assert result.exit_code == 0, result.stderr
    listing = json.loads(run("sessions", "--json").stdout)
    assert len(listing) == 1
    saved = listing[0]
    assert saved["name"] == "night-copy" and saved["tree_id"] == TREE_ID
    assert saved["finished"] is True and saved["current"] is None
    assert saved["steps"] >= 7
    assert saved["drafted_from"] is None


# --------------------------------------------------------------------------- NO_COLOR


def test_no_color_drops_styles_even_on_a_terminal(
    kb_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With NO_COLOR set, search prints no escape codes where it would style otherwise."""
    coloured = run("--articles", str(kb_dir), "search", "spooler", color=True)
    assert coloured.exit_code == 0, coloured.stderr
    assert "\x1b[" in coloured.stdout  # styled when colour is on: the test can fail
    monkeypatch.setenv("NO_COLOR", "1")
    plain = run("--articles", str(kb_dir), "search", "spooler", color=True)
    assert plain.exit_code == 0, plain.stderr
    assert "\x1b" not in plain.stdout
    assert "KB-PRN-1" in plain.stdout


# --------------------------------------------------------------------------- search | head


def test_search_piped_into_head_exits_0_quietly(tmp_path: Path, env: dict[str, str]) -> None:
    """`kbassist search ... | head -n 1`: exit 0, no traceback or BrokenPipe noise."""
    kb = tmp_path / "big"
    kb.mkdir()
    body = "The spooler stops responding while the queue grows. " * 20
    for n in range(400):
        (kb / f"a{n}.md").write_text(
            f"---\nid: KB-{n}\ntitle: Spooler problem {n}\n---\n\n## Symptoms\n\n{body}\n"
        )
    assert run("--articles", str(kb), "index").exit_code == 0  # not timed below
    script = (
        f"{sys.executable} -m kbassist --articles {kb} search spooler --limit 400 --json "
        "| head -n 1"
    )
    env = {k: v for k, v in env.items() if k != "KBASSIST_INDEX_DIR"}  # the index built above
    proc = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {script}"],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "[\n"
    assert "Traceback" not in proc.stderr
    assert "BrokenPipe" not in proc.stderr and "Exception ignored" not in proc.stderr


# --------------------------------------------------------------------------- --product


def test_product_match_is_forgiving_but_exact_names_stay_exact() -> None:
    """Word or word-prefix, any case; an exact name picks only that product."""
    names = {
        "microsoft exchange": "Microsoft Exchange",
        "microsoft exchange server": "Microsoft Exchange Server",
        "odbc": "ODBC",
        "microsoft sna server": "Microsoft SNA Server",
    }
    assert match_products(names, "exchange") == [
        "microsoft exchange",
        "microsoft exchange server",
    ]
    assert match_products(names, "EXCH") == ["microsoft exchange", "microsoft exchange server"]
    assert match_products(names, "Microsoft  Exchange") == ["microsoft exchange"]
    assert match_products(names, "change") == []
    assert match_products(names, "sna") == ["microsoft sna server"]
    assert match_products(names, "odbc") == ["odbc"]


def test_products_keep_their_real_casing(kb_dir: Path, tmp_path: Path) -> None:
    """The KB's product list spells names as the articles do, not lower-cased."""
    kb = KBIndex(kb_dir, tmp_path / "ix")
    kb.update()
    try:
        assert kb.products() == [
            "Microsoft Mail For Appletalk Networks",
            "Print Server",
            "Windows 95",
        ]
        assert kb.match_products("appletalk") == ["Microsoft Mail For Appletalk Networks"]
    finally:
        kb.close()


def test_search_product_word_finds_the_product_and_says_which(kb_dir: Path) -> None:
    """`--product appletalk` finds Q98097 and names "Microsoft Mail For Appletalk Networks"."""
    result = run("--articles", str(kb_dir), "search", "backup", "--product", "appletalk")
    assert result.exit_code == 0, result.stderr
    assert "Q98097" in result.stdout
    assert "kbassist: product: Microsoft Mail For Appletalk Networks" in result.stderr
    print_only = run("--articles", str(kb_dir), "search", "spooler", "--product", "PRINT")
    assert "KB-PRN-1" in print_only.stdout


def test_search_product_that_matches_nothing_says_what_exists(kb_dir: Path) -> None:
    """A product filter that picks no product says so and names the close ones."""
    result = run("--articles", str(kb_dir), "search", "spooler", "--product", "print servr")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "no product name matches 'print servr' (did you mean: Print Server?)" in (result.stderr)


def test_advanced_query_uses_the_same_product_filter(kb_dir: Path) -> None:
    """A phrase query (Whoosh's own matcher) filters products the same forgiving way."""
    result = run("--articles", str(kb_dir), "search", '"spooler stops"', "--product", "print")
    assert result.exit_code == 0, result.stderr
    assert "KB-PRN-1" in result.stdout
    none = run("--articles", str(kb_dir), "search", '"spooler stops"', "--product", "windows")
    assert "KB-PRN-1" not in none.stdout


# --------------------------------------------------------------------------- walk --export


def test_missing_export_folder_is_refused_before_the_first_question(tmp_path: Path) -> None:
    """`walk --export nofolder/x.md` says so at once, not after the admin answered it all."""
    out = tmp_path / "nofolder" / "x.md"
    result = run("walk", TREE_ID, "--export", str(out), stdin="")
    assert result.exit_code == 6
    assert result.stderr == f"kbassist: error: {out}: cannot write: no folder {out.parent}\n"


# --------------------------------------------------------------------------- titles


def test_a_title_that_repeats_the_id_is_printed_once(tmp_path: Path) -> None:
    """A runbook titled by its alert name lists `CephOSDNearFull`, not the name twice."""
    root = tmp_path / "kb"
    (root / "ceph").mkdir(parents=True)
    (root / "ceph" / "CephOSDNearFull.md").write_text(
        "# CephOSDNearFull\n\n## Meaning\n\nThe OSD storage device is nearly full.\n",
        encoding="utf-8",
    )
    (root / "dns.md").write_text(
        "---\nid: KB-DNS-2\ntitle: DNS lookups time out\n---\n\n## Symptoms\n\nThe OSD "
        "host name lookups time out.\n",
        encoding="utf-8",
    )
    found = run("--articles", str(root), "search", "osd")
    assert found.exit_code == 0, found.stderr
    lines = found.stdout.splitlines()
    assert "CephOSDNearFull" in lines
    assert "KB-DNS-2  DNS lookups time out" in lines
    shown = run("--articles", str(root), "show", "CephOSDNearFull")
    assert shown.stdout.splitlines()[0] == "CephOSDNearFull"
