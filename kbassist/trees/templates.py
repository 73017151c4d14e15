"""Checklist templates: text with `{name}` placeholders filled from the answers.

Parsed here rather than with `str.format`, which would let a tree reach attributes
(`{x.__class__}`) and index into values. `{{` and `}}` write literal braces.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from kbassist.trees.conditions import Value

_NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_BRACE_RE = re.compile(r"[{}]")


class TemplateError(Exception):
    """A placeholder is malformed; `offset` is 0-based in the template text."""

    def __init__(self, message: str, offset: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


@dataclass(frozen=True, slots=True)
class Placeholder:
    name: str
    offset: int


@dataclass(frozen=True, slots=True)
class Template:
    """Literal runs and placeholders, in order."""

    source: str
    parts: tuple[str | Placeholder, ...]

    @property
    def variables(self) -> frozenset[str]:
        """Every answer this template needs."""
        return frozenset(p.name for p in self.parts if isinstance(p, Placeholder))

    def render(
        self, answers: Mapping[str, Value], escape: Callable[[str], str] | None = None
    ) -> str:
        """Fill the placeholders; `escape` is applied to each value (not to the text).

        A value that is not set renders as `{name}` so a half-walked preview still reads.
        """
        out: list[str] = []
        for part in self.parts:
            if isinstance(part, str):
                out.append(part)
                continue
            if part.name not in answers:
                out.append("{" + part.name + "}")
                continue
            text = format_value(answers[part.name])
            out.append(escape(text) if escape else text)
        return "".join(out)

    def __str__(self) -> str:
        return self.source


def format_value(value: Value) -> str:
    """How an answer reads in text: `3`, not `3.0`; times are already `HH:MM`."""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def parse_template(text: str) -> Template:
    """Split `text` into literals and placeholders; TemplateError on a bad brace."""
    parts: list[str | Placeholder] = []
    literal: list[str] = []
    i = 0
    while i < len(text):
        brace = _BRACE_RE.search(text, i)  # the text up to the next brace is literal
        if brace is None:
            literal.append(text[i:])
            break
        if brace.start() > i:
            literal.append(text[i : brace.start()])
            i = brace.start()
        char = text[i]
        if char == "{" and text.startswith("{{", i):
            literal.append("{")
            i += 2
        elif char == "}" and text.startswith("}}", i):
            literal.append("}")
            i += 2
        elif char == "{":
            end = text.find("}", i + 1)
            if end == -1:
                raise TemplateError("'{' is not closed (write {{ for a literal brace)", i)
            name = text[i + 1 : end].strip()
            if not _NAME_RE.match(name):
                raise TemplateError(
                    f"{{{text[i + 1 : end]}}} is not a placeholder: write {{name}} with a "
                    "variable name, or {{ for a literal brace",
                    i,
                )
            if literal:
                parts.append("".join(literal))
                literal = []
            parts.append(Placeholder(name, i))
            i = end + 1
        else:  # a lone "}"
            raise TemplateError("'}' without '{' (write }} for a literal brace)", i)
    if literal:
        parts.append("".join(literal))
    return Template(text, tuple(parts))
