"""Preferences that stay: one `Settings` object, read once where the program starts.

The CLI reads it in `kbassist`'s group callback and hands it to every subcommand and to
the TUI; nothing below reads the config file or the environment again. Each key comes
from the first of, highest first:

    option (on the command line) > environment (KBASSIST_*) > file > default

The file is `$XDG_CONFIG_HOME/kbassist/config.toml` (`config_path()`): flat TOML keys,
strings and booleans only. It is read with the standard library's `tomllib` and written
by the small writer below, which edits one line and keeps the user's comments and other
keys. A bad file is one `DataError` naming the file and the line (exit 4), never a
traceback; a relative path in it is relative to the file's own folder, so the file means
the same from any working directory.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import platformdirs

from kbassist.errors import DataError, OutputError, UsageError
from kbassist.fileio import atomic_write
from kbassist.paths import APP_NAME

Source = Literal["default", "file", "environment", "option"]
Kind = Literal["str", "path", "bool", "seconds"]

#: A config file larger than this is not one a person wrote: refused, not parsed.
MAX_CONFIG_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class Key:
    """One setting: its type, its environment variable, whether the file may set it."""

    name: str
    kind: Kind
    env: str | None
    help: str
    in_file: bool = True


#: Every setting, in the order `kbassist config` lists them.
KEYS: dict[str, Key] = {
    key.name: key
    for key in (
        Key("theme", "str", "KBASSIST_THEME", "TUI colour theme (the TUI saves your choice)"),
        Key("articles_dir", "path", "KBASSIST_ARTICLES", "articles folder opened by default"),
        Key("index_dir", "path", "KBASSIST_INDEX_DIR", "index folder (default: per-user cache)"),
        Key("trees_dir", "path", "KBASSIST_TREES", "decision trees folder"),
        Key("export_dir", "path", "KBASSIST_EXPORT_DIR", "where TUI exports are written"),
        Key("export_host", "bool", "KBASSIST_EXPORT_HOST", "exports name this host"),
        Key("export_user", "bool", "KBASSIST_EXPORT_USER", "exports name the user"),
        Key("export_date", "bool", "KBASSIST_EXPORT_DATE", "exports carry the date"),
        Key(
            "lock_timeout",
            "seconds",
            "KBASSIST_LOCK_TIMEOUT",
            "seconds a second indexer waits for the lock (environment only)",
            in_file=False,
        ),
        Key(
            "debug",
            "bool",
            "KBASSIST_DEBUG",
            "print tracebacks of internal errors (environment only)",
            in_file=False,
        ),
    )
}

_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})


@dataclass(frozen=True)
class Settings:
    """The effective preferences and, in `sources`, where each one came from."""

    theme: str = "textual-dark"
    articles_dir: Path | None = None  # default articles folder (None: the bundled KB)
    index_dir: Path | None = None  # None: the per-user cache, one index per folder
    export_dir: Path | None = None  # where TUI exports go by default (None: the cwd)
    export_host: bool = True  # ticket-ready export fields, each switchable
    export_user: bool = True
    export_date: bool = True
    trees_dir: Path | None = None  # None: the bundled trees
    lock_timeout: float | None = None  # None: the index's own default
    debug: bool = False
    #: False when NO_COLOR is set to anything (no-color.org). Not a kbassist setting (no
    #: key in KEYS, not listed by `kbassist config`), but read here, with the others.
    colour: bool = True
    #: key -> "default" | "file" | "environment" | "option"
    sources: dict[str, str] = field(default_factory=dict, compare=False)
    #: The file the "file" values came from (shown by `kbassist config`).
    file: Path | None = field(default=None, compare=False)
    #: Why the file was left out, when it was read with `broken_file_ok` (else None).
    file_problem: DataError | None = field(default=None, compare=False)

    def source(self, key: str) -> str:
        """Where `key`'s value came from."""
        return self.sources.get(key, "default")

    def origin(self, key: str) -> str:
        """`source(key)`, naming the variable for "environment" (the file is `file`)."""
        where = self.source(key)
        if where == "environment":
            return f"environment ({KEYS[key].env})"
        return where

    def value(self, key: str) -> Any:
        """The value of `key` (an entry of KEYS)."""
        return getattr(self, key)

    def as_json(self) -> dict[str, dict[str, Any]]:
        """Every key as {"value", "source"} (plus "env"), for `kbassist config --json`."""
        out: dict[str, dict[str, Any]] = {}
        for name, key in KEYS.items():
            value = self.value(name)
            out[name] = {
                "value": str(value) if isinstance(value, Path) else value,
                "source": self.source(name),
                "env": key.env,
            }
        return out


def config_path() -> Path:
    """$XDG_CONFIG_HOME/kbassist/config.toml (the platform's config dir elsewhere)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


# --------------------------------------------------------------------------- reading


def load_settings(
    options: Mapping[str, object] | None = None,
    *,
    path: Path | None = None,
    environ: Mapping[str, str] | None = None,
    broken_file_ok: bool = False,
) -> Settings:
    """The effective settings: default < file < environment < `options`.

    `options` are values given on the command line, by key (None means not given).
    A bad file raises DataError naming it and the line (exit 4), unless `broken_file_ok`
    (`kbassist config`, which must still show and mend it): then it is left out and the
    problem kept in `file_problem`. A bad environment variable or option raises
    UsageError naming it (exit 2).
    """
    path = config_path() if path is None else path
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    problem: DataError | None = None
    try:
        from_file = read_config_file(path)
    except DataError as exc:
        if not broken_file_ok:
            raise
        from_file, problem = {}, exc
    for name, value in from_file.items():
        values[name] = value
        sources[name] = "file"
    for name, key in KEYS.items():
        raw = environ.get(key.env or "", "")
        if key.env is None or not raw.strip():
            continue
        values[name] = _from_env(key, raw)
        sources[name] = "environment"
    for name, value in (options or {}).items():
        if name not in KEYS:
            raise ValueError(f"no setting {name!r}")  # a bug in the caller, not the user's
        if value is None:
            continue
        values[name] = _check_type(KEYS[name], value, f"option {name}")
        sources[name] = "option"
    colour = not environ.get("NO_COLOR")
    return Settings(
        **values,
        colour=colour,
        sources=sources,
        file=path if from_file else None,
        file_problem=problem,
    )


def _from_env(key: Key, raw: str) -> Any:
    """An environment variable's value, as the program has always read it."""
    text = raw.strip()
    if key.kind == "path":
        return Path(raw).expanduser()
    if key.kind == "seconds":
        try:
            seconds = float(text)
        except ValueError:
            seconds = -1.0
        if not 0 <= seconds < float("inf"):
            raise UsageError(f"{key.env} must be a number of seconds, not {raw!r}")
        return seconds
    if key.kind == "bool":
        if key.name == "debug":
            return True  # any non-empty KBASSIST_DEBUG has always meant on
        return parse_bool(text, what=key.env or key.name)
    return text


def parse_bool(text: str, *, what: str) -> bool:
    """yes/no, true/false, on/off, 1/0 (any case); UsageError naming `what` otherwise."""
    word = text.strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise UsageError(f"{what} must be true or false (yes/no, on/off, 1/0), not {text!r}")


def _check_type(key: Key, value: object, what: str) -> Any:
    if key.kind == "bool":
        if not isinstance(value, bool):
            raise UsageError(f"{what} must be true or false")
        return value
    if key.kind == "seconds":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise UsageError(f"{what} must be a number of seconds")
        return float(value)
    if key.kind == "path":
        if not isinstance(value, (str, Path)) or not str(value):
            raise UsageError(f"{what} must be a path")
        return Path(value).expanduser()
    if not isinstance(value, str) or not value:
        raise UsageError(f"{what} must be text")
    return value


def _read_bytes(path: Path) -> bytes | None:
    """The file's bytes; None if there is none. Never blocks on a FIFO or a device."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        return None  # a file where the config folder should be: no config in it
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror or exc}", path=path) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = "a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise DataError(f"is {kind}; the settings file must be a TOML file", path=path)
        if info.st_size > MAX_CONFIG_BYTES:
            raise DataError(
                f"is {info.st_size} bytes; a settings file is at most {MAX_CONFIG_BYTES}",
                path=path,
            )
        with os.fdopen(fd, "rb", closefd=True) as handle:
            fd = -1
            return handle.read(MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror or exc}", path=path) from None
    finally:
        if fd >= 0:
            os.close(fd)


_TOML_WHERE_RE = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")


def read_config_file(path: Path) -> dict[str, Any]:
    """The settings a config file sets (typed, paths resolved), {} if there is none.

    Any problem is a DataError naming the file and, where there is one, the line.
    """
    data = _read_bytes(path)
    if data is None:
        return {}
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_line = data[: exc.start].count(b"\n") + 1
        raise DataError("is not UTF-8 text", path=path, line=bad_line) from None
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_WHERE_RE.search(message)
        line: int | None = None
        column: int | None = None
        if match:
            message = message[: match.start()]
            line, column = int(match.group(1)), int(match.group(2))
        raise DataError(
            f"not valid TOML: {message[:1].lower()}{message[1:]}",
            path=path,
            line=line,
            column=column,
        ) from None
    values: dict[str, Any] = {}
    for name, value in table.items():
        line = _key_line(text, name)
        key = KEYS.get(name)
        if key is None:
            close = difflib.get_close_matches(name, [k for k in KEYS if KEYS[k].in_file], n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            known = ", ".join(k for k in KEYS if KEYS[k].in_file)
            raise DataError(
                f"{name}: no such setting{hint}; the settings are: {known} "
                f"(`kbassist config unset {name}` removes it)",
                path=path,
                line=line,
            )
        if not key.in_file:
            raise DataError(
                f"{name}: set by the environment variable {key.env} only, not in the file",
                path=path,
                line=line,
            )
        values[name] = _file_value(key, value, path, line)
    return values


def _file_value(key: Key, value: object, path: Path, line: int | None) -> Any:
    if key.kind == "bool":
        if not isinstance(value, bool):
            raise DataError(f"{key.name}: must be true or false", path=path, line=line)
        return value
    if not isinstance(value, str):
        raise DataError(f'{key.name}: must be a quoted string ("...")', path=path, line=line)
    if not value.strip() or "\x00" in value:
        raise DataError(
            f"{key.name}: empty; remove the line to use the default", path=path, line=line
        )
    if key.kind == "path":
        folder = Path(value).expanduser()
        return folder if folder.is_absolute() else path.parent / folder
    return value


def _key_line(text: str, name: str) -> int | None:
    """The 1-based line where `name = ...` is set, for error messages."""
    pattern = _key_re(name)
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return None


def _key_re(name: str) -> re.Pattern[str]:
    quoted = re.escape(name)
    return re.compile(rf"""^\s*(?:{quoted}|"{quoted}"|'{quoted}')\s*=""")


# --------------------------------------------------------------------------- writing


def toml_value(value: str | bool) -> str:
    """One TOML value: `true`/`false`, or a basic string with every escape it needs."""
    if isinstance(value, bool):
        return "true" if value else "false"
    out = []
    for char in value:
        if char == '"':
            out.append('\\"')
        elif char == "\\":
            out.append("\\\\")
        elif ord(char) < 0x20 or ord(char) == 0x7F or 0xD800 <= ord(char) <= 0xDFFF:
            out.append(f"\\u{ord(char) if ord(char) < 0xD800 else 0xFFFD:04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _stored(key: Key, value: object) -> str | bool:
    """What the file keeps for `value`: a bool, or text (a path as given, made absolute)."""
    if key.kind == "bool":
        if not isinstance(value, bool):
            raise UsageError(f"{key.name} must be true or false")
        return value
    if key.kind == "path":
        if not isinstance(value, (str, Path)) or not str(value).strip():
            raise UsageError(f"{key.name} must be a folder path")
        folder = Path(value).expanduser()
        return str(folder if folder.is_absolute() else Path.cwd() / folder)
    if not isinstance(value, str) or not value.strip():
        raise UsageError(f"{key.name} must be non-empty text")
    return value


def save_setting(key: str, value: object, *, path: Path | None = None) -> None:
    """Set `key` in the config file (None removes it), keeping every other key and comment.

    The write is atomic (a crash leaves the old file or the new one); a file that does
    not parse is left alone and reported (DataError), never replaced by one that loses
    the user's other settings. A relative path is stored as an absolute one.
    """
    path = config_path() if path is None else path
    if key not in KEYS and value is None and _drop_unknown(path, key):
        return
    spec = _file_key(key)
    current = read_config_file(path)  # refuses to touch a broken file
    data = _read_bytes(path)
    text = data.decode("utf-8") if data is not None else ""
    stored = None if value is None else _stored(spec, value)
    new_text = _edited(text, key, stored)
    expected = {k: v for k, v in current.items() if k != key}
    if stored is not None:
        expected[key] = _file_value(spec, stored, path, None)
    if _parses_to(new_text, path, expected) is False:
        # The line edit met something it does not understand (a multi-line string):
        # write the keys afresh rather than a file that means something else.
        new_text = _fresh(expected)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise OutputError(
            f"cannot create the settings folder: {exc.strerror or exc}", path=path.parent
        ) from None
    atomic_write(path, new_text, overwrite=True)


def _file_key(key: str) -> Key:
    """The setting `key` names, if the file may set it; UsageError saying what would do."""
    spec = KEYS.get(key)
    if spec is not None and spec.in_file:
        return spec
    if spec is not None:
        raise UsageError(f"{key} is set by the environment variable {spec.env} only")
    in_file = [k for k in KEYS if KEYS[k].in_file]
    close = difflib.get_close_matches(key, in_file, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise UsageError(f"no setting {key!r}{hint}; the settings are: {', '.join(in_file)}")


def _drop_unknown(path: Path, name: str) -> bool:
    """Remove a key the file sets but kbassist does not know (a typo such as `them`);
    True if it was there. Every other command refuses such a file, so without this the
    only way out would be an editor."""
    data = _read_bytes(path)
    if data is None:
        return False
    try:
        text = data.decode("utf-8")
        table = tomllib.loads(text)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False  # read_config_file names what is wrong with it
    if name not in table or isinstance(table[name], dict):
        return False
    new_text = _edited(text, name, None)
    rest = {k: v for k, v in table.items() if k != name}
    try:
        if tomllib.loads(new_text) != rest:
            return False  # a multi-line value the line edit cannot take out alone
    except tomllib.TOMLDecodeError:
        return False
    atomic_write(path, new_text, overwrite=True)
    return True


def _edited(text: str, key: str, stored: str | bool | None) -> str:
    """`text` with `key`'s line replaced (or removed, or appended) and nothing else."""
    lines = text.splitlines(keepends=True)
    pattern = _key_re(key)
    new_line = None if stored is None else f"{key} = {toml_value(stored)}\n"
    for index, line in enumerate(lines):
        if pattern.match(line):
            lines[index : index + 1] = [] if new_line is None else [new_line]
            return "".join(lines)
    if new_line is None:
        return text
    if not lines:
        return "# kbassist settings: `kbassist config` lists every key.\n" + new_line
    if not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    return "".join(lines) + new_line


def _parses_to(text: str, path: Path, expected: dict[str, Any]) -> bool:
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return False
    got = {}
    for name, value in table.items():
        key = KEYS.get(name)
        if key is None or not key.in_file:
            return False
        try:
            got[name] = _file_value(key, value, path, None)
        except DataError:
            return False
    return got == expected


def _fresh(values: Mapping[str, Any]) -> str:
    lines = ["# kbassist settings: `kbassist config` lists every key.\n"]
    for name in KEYS:
        if name in values:
            value = values[name]
            text = toml_value(str(value) if isinstance(value, Path) else value)
            lines.append(f"{name} = {text}\n")
    return "".join(lines)


def setting_from_text(key: str, text: str) -> str | bool:
    """A value typed on the command line (`kbassist config set KEY VALUE`) for `key`."""
    spec = _file_key(key)
    if spec.kind == "bool":
        return parse_bool(text, what=key)
    return text
