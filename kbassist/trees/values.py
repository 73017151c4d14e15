"""Turning what an admin types into a typed answer, with a message when it cannot be.

One function per input type; the engine, the loader (for defaults) and the answers-file
reader all use these, so a value means the same wherever it is written.
"""

from __future__ import annotations

import ipaddress
import math
import re
from collections.abc import Sequence

from kbassist.trees.conditions import Value

MAX_TEXT_CHARS = 200

_TIME_RE = re.compile(
    r"^(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ampm>[ap])?(?:\.?\s*m\.?)?$", re.IGNORECASE
)
_NAMED_TIMES = {"midnight": "00:00", "noon": "12:00", "midday": "12:00"}
_TIME_HELP = "try 00:00, 23:30, 1:00 AM, midnight or noon"
_NUMBER_RE = re.compile(r"^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class InvalidValue(Exception):
    """The text is not a valid value; the message says what would be."""


def parse_time(raw: str) -> str:
    """`00:00`, `9:05`, `1:00 AM`, `1 pm`, `midnight`, `noon` -> `HH:MM` (24-hour)."""
    text = raw.strip()
    named = _NAMED_TIMES.get(text.lower())
    if named:
        return named
    match = _TIME_RE.match(text)
    if not match or (match.group("m") is None and match.group("ampm") is None):
        raise InvalidValue(f"{raw.strip()!r} is not a time of day: {_TIME_HELP}")
    hour = int(match.group("h"))
    minute = int(match.group("m") or 0)
    ampm = (match.group("ampm") or "").lower()
    if minute > 59:
        hours = "hours go from 00 to 23 and " if hour > 23 and not match.group("ampm") else ""
        raise InvalidValue(f"{raw.strip()!r}: {hours}minutes go from 00 to 59")
    if ampm:
        if not 1 <= hour <= 12:
            raise InvalidValue(f"{raw.strip()!r}: with AM or PM the hour goes from 1 to 12")
        hour = hour % 12 + (12 if ampm == "p" else 0)
    elif hour > 23:
        raise InvalidValue(f"{raw.strip()!r}: hours go from 00 to 23 ({_TIME_HELP})")
    return f"{hour:02d}:{minute:02d}"


def parse_number(
    raw: str, *, minimum: float | None, maximum: float | None, integer: bool
) -> int | float:
    """A decimal number within the bounds; whole when `integer`."""
    text = raw.strip().replace("_", "")
    kind = "a whole number" if integer else "a number"
    bounds = describe_bounds(minimum, maximum)
    if not _NUMBER_RE.match(text):
        raise InvalidValue(f"{raw.strip()!r} is not {kind}{bounds}")
    number = float(text)
    if not math.isfinite(number):
        raise InvalidValue(f"{raw.strip()!r} is not {kind}{bounds}")
    if integer:
        if number != int(number):
            raise InvalidValue(f"{raw.strip()!r} is not {kind}{bounds}")
        value: int | float = int(number)
    else:
        value = int(number) if number == int(number) and "." not in text else number
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise InvalidValue(f"{raw.strip()} is out of range: enter {kind}{bounds}")
    return value


def describe_bounds(minimum: float | None, maximum: float | None) -> str:
    """` from 1 to 10`, ` of at least 1`, ` of at most 10`, or nothing."""

    def show(n: float) -> str:
        return f"{n:g}"

    if minimum is not None and maximum is not None:
        return f" from {show(minimum)} to {show(maximum)}"
    if minimum is not None:
        return f" of at least {show(minimum)}"
    if maximum is not None:
        return f" of at most {show(maximum)}"
    return ""


def parse_text(raw: str, *, max_chars: int = MAX_TEXT_CHARS, fmt: str = "") -> str:
    """One line of text, trimmed, without control characters; of `fmt` when given."""
    text = raw.strip()
    if not text:
        raise InvalidValue("an answer is required")
    if "\n" in text or "\r" in text:
        raise InvalidValue("must be one line")
    if _CONTROL_RE.search(text):
        raise InvalidValue("contains control characters")
    if len(text) > max_chars:
        raise InvalidValue(f"is longer than {max_chars} characters")
    return check_format(text, fmt) if fmt else text


#: Characters that change what a shell or cmd.exe line does: a value typed for a
#: command's placeholder and pasted with it must not end the command, chain another,
#: redirect it or expand a variable.
_COMMAND_METACHARS = frozenset(";|&<>`$\"'")
_HOST_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,252})$")
_MAC_RE = re.compile(r"^[0-9A-Fa-f]{2}(?:([-:]?)[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4})$")
_DRIVE_RE = re.compile(r"^[A-Za-z]:?\\?$")

#: What a text input's `format` accepts: the example in each message says what would do.
TEXT_FORMATS: dict[str, str] = {
    "host": "a host name: letters, digits, hyphens and dots, e.g. SERVER1",
    "ip": "an IP address, e.g. 192.168.1.10",
    "mac": "a MAC address, e.g. 00-1A-2B-3C-4D-5E",
    "drive": "a drive letter, e.g. D or D:",
    "path": "a path",
    "name": "a name",
    "value": "a value",
}
#: A value of each format (what a walk of every branch types where no default is given).
FORMAT_EXAMPLES: dict[str, str] = {
    "host": "SERVER1",
    "ip": "192.168.1.10",
    "mac": "00-1A-2B-3C-4D-5E",
    "drive": "D",
    "path": r"C:\Data",
    "name": "example",
    "value": "example",
}


def check_format(text: str, fmt: str) -> str:
    """`text` if it is a value of `fmt` (see TEXT_FORMATS); InvalidValue otherwise.

    Text inputs of a drafted tree go into the article's commands: a host name that
    carried "& format c:" would be pasted into a console with the rest of the line.
    """
    if fmt == "host":
        ok = bool(_HOST_RE.match(text))
    elif fmt == "ip":
        try:
            ipaddress.ip_address(text)
            ok = True
        except ValueError:
            ok = False
    elif fmt == "mac":
        ok = bool(_MAC_RE.match(text))
    elif fmt == "drive":
        ok = bool(_DRIVE_RE.match(text))
    else:
        bad = sorted(set(text) & _COMMAND_METACHARS)
        if bad:
            shown = " and ".join(", ".join(bad).rsplit(", ", 1))
            raise InvalidValue(
                f"{text!r} cannot go into the command: {shown} would change what it does"
            )
        return text
    if not ok:
        raise InvalidValue(f"{text!r} is not {TEXT_FORMATS[fmt]}")
    return text


def match_choice(raw: str, choices: Sequence[tuple[str, str]]) -> str:
    """A choice's value from its value, its label (any case) or its 1-based number."""
    text = raw.strip()
    folded = text.casefold()
    for value, label in choices:
        if folded in (value.casefold(), label.casefold()):
            return value
    if text.isdigit() and 1 <= int(text) <= len(choices):
        return choices[int(text) - 1][0]
    raise InvalidValue(
        f"{text!r} is not one of the choices: type its number (1 to {len(choices)}) or its label"
    )


def value_text(value: Value) -> str:
    """The text that parses back to `value` (what sessions and previews store)."""
    if isinstance(value, float):
        return f"{value:g}" if value == float(f"{value:g}") else repr(value)
    return str(value)
