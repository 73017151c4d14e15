"""A tiny expression language for conditions on answers, parsed here, never `eval()`-ed.

Grammar (keywords are lower case)::

    expr    := and ("or" and)*
    and     := not ("and" not)*
    not     := "not" not | compare
    compare := atom (OP atom)?          OP: == != < <= > >=
    atom    := NAME | STRING | NUMBER | "(" expr ")"

A NAME is an answer variable (`copies`, `stop_server`); a STRING is in double or single
quotes (backslash escapes the quote and itself); a NUMBER is decimal (`2`, `-1`, `0.5`).
`copies >= 2 and not (stop_server == "yes")` is a condition; a bare NAME is not (say
what you compare it with), so every condition reads the same way in every tree.

Times of day are answers normalized to `HH:MM`, and they order like a schedule, not
like text: `a > b` means "a comes after b": the next time the clock shows `a` after
`b` is less than TIME_WINDOW_HOURS (12) hours later. So a copy at 23:30 and an
archive at 01:00 is a normal night (`archive_time > copy_time` holds: 1 h 30 min
later), while an archive at 23:00 for that copy is the real mistake (the next 23:00 is
23 h 30 min after the copy: it comes before it, not after). Exactly 12 hours apart is
neither before nor after. Ordering applies only to numbers and times (lint refuses it
on text and choices), so two strings ordered here are always two times.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

Value = str | int | float

#: Longest condition accepted: conditions are one line of a tree, not programs.
MAX_CONDITION_CHARS = 500
MAX_DEPTH = 20

OPERATORS = ("==", "!=", "<=", ">=", "<", ">")

#: A time `a` is after a time `b` when the clock next shows `a` less than this many
#: hours after `b` (one night's or one day's schedule; see the module docstring).
TIME_WINDOW_HOURS = 12
_DAY_MINUTES = 24 * 60
_HHMM_RE = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")
KEYWORDS = frozenset({"and", "or", "not"})


class ConditionError(Exception):
    """The condition cannot be parsed or evaluated; `offset` is 0-based in its text."""

    def __init__(self, message: str, offset: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


# --------------------------------------------------------------------------- the tree


@dataclass(frozen=True, slots=True)
class Var:
    """An answer, by its variable name."""

    name: str
    offset: int


@dataclass(frozen=True, slots=True)
class Lit:
    """A string or number written in the condition."""

    value: Value
    offset: int


@dataclass(frozen=True, slots=True)
class Compare:
    """`left OP right`."""

    op: str
    left: Var | Lit
    right: Var | Lit
    offset: int


@dataclass(frozen=True, slots=True)
class Not:
    operand: Expr


@dataclass(frozen=True, slots=True)
class And:
    operands: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class Or:
    operands: tuple[Expr, ...]


Expr = Compare | Not | And | Or


@dataclass(frozen=True, slots=True)
class Condition:
    """A parsed condition: its source text, its syntax tree and the names it reads."""

    source: str
    expr: Expr

    @property
    def variables(self) -> frozenset[str]:
        """Every answer this condition reads."""
        return frozenset(v.name for v in iter_vars(self.expr))

    def evaluate(self, answers: Mapping[str, Value]) -> bool:
        """True or False; ConditionError if an answer it reads is not set."""
        return _eval(self.expr, answers)

    def __str__(self) -> str:
        return self.source


def iter_vars(expr: Expr) -> Iterator[Var]:
    """Every variable reference, in order."""
    if isinstance(expr, Compare):
        for side in (expr.left, expr.right):
            if isinstance(side, Var):
                yield side
    elif isinstance(expr, Not):
        yield from iter_vars(expr.operand)
    else:
        for operand in expr.operands:
            yield from iter_vars(operand)


def iter_compares(expr: Expr) -> Iterator[Compare]:
    """Every comparison, in order (lint type-checks each one)."""
    if isinstance(expr, Compare):
        yield expr
    elif isinstance(expr, Not):
        yield from iter_compares(expr.operand)
    else:
        for operand in expr.operands:
            yield from iter_compares(operand)


# --------------------------------------------------------------------------- lexing

_TOKEN_RE = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<number>-?\d+(?:\.\d+)?(?![\w.]))
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<string>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')
  | (?P<op>==|!=|<=|>=|<|>)
  | (?P<paren>[()])
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # number name string op paren keyword end
    text: str
    offset: int


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    pos = 0
    while pos < len(text):
        match = _TOKEN_RE.match(text, pos)
        if match is None:
            char = text[pos]
            hint = " (use == to compare)" if char == "=" else ""
            if char in "\"'":
                raise ConditionError("string is not closed", pos)
            raise ConditionError(f"unexpected character {char!r}{hint}", pos)
        kind = match.lastgroup or ""
        if kind != "space":
            word = match.group()
            if kind == "name" and word in KEYWORDS:
                kind = "keyword"
            out.append(_Token(kind, word, pos))
        pos = match.end()
    out.append(_Token("end", "", len(text)))
    return out


def _unquote(token: str) -> str:
    return re.sub(r"\\(.)", r"\1", token[1:-1])


# --------------------------------------------------------------------------- parsing


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokens(text)
        self.pos = 0
        self.depth = 0

    @property
    def tok(self) -> _Token:
        return self.tokens[self.pos]

    def take(self) -> _Token:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def expect_end(self) -> None:
        if self.tok.kind != "end":
            raise ConditionError(f"unexpected {self.tok.text!r}", self.tok.offset)

    def expr(self) -> Expr:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ConditionError("condition is nested too deeply", self.tok.offset)
        operands = [self.conj()]
        while self.tok.kind == "keyword" and self.tok.text == "or":
            self.take()
            operands.append(self.conj())
        self.depth -= 1
        return operands[0] if len(operands) == 1 else Or(tuple(operands))

    def conj(self) -> Expr:
        operands = [self.neg()]
        while self.tok.kind == "keyword" and self.tok.text == "and":
            self.take()
            operands.append(self.neg())
        return operands[0] if len(operands) == 1 else And(tuple(operands))

    def neg(self) -> Expr:
        if self.tok.kind == "keyword" and self.tok.text == "not":
            self.take()
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise ConditionError("condition is nested too deeply", self.tok.offset)
            operand = self.neg()
            self.depth -= 1
            return Not(operand)
        return self.compare()

    def compare(self) -> Expr:
        if self.tok.kind == "paren" and self.tok.text == "(":
            self.take()
            inner = self.expr()
            if not (self.tok.kind == "paren" and self.tok.text == ")"):
                raise ConditionError("missing ')'", self.tok.offset)
            self.take()
            return inner
        left = self.atom()
        if self.tok.kind != "op":
            what = repr(self.tok.text) if self.tok.text else "the end"
            raise ConditionError(
                f"expected a comparison (==, !=, <, <=, >, >=) after {_show(left)}, found {what}",
                self.tok.offset,
            )
        op = self.take()
        right = self.atom()
        return Compare(op.text, left, right, left.offset)

    def atom(self) -> Var | Lit:
        token = self.take()
        if token.kind == "name":
            return Var(token.text, token.offset)
        if token.kind == "string":
            return Lit(_unquote(token.text), token.offset)
        if token.kind == "number":
            number: Value = float(token.text) if "." in token.text else int(token.text)
            return Lit(number, token.offset)
        if token.kind == "end":
            raise ConditionError("condition ends too early", token.offset)
        raise ConditionError(
            f"expected a name, a string or a number, found {token.text!r}", token.offset
        )


def _show(side: Var | Lit) -> str:
    return side.name if isinstance(side, Var) else repr(side.value)


def parse_condition(text: str) -> Condition:
    """Parse one condition; ConditionError (with the offset) if it is not valid."""
    if len(text) > MAX_CONDITION_CHARS:
        raise ConditionError(f"condition is longer than {MAX_CONDITION_CHARS} characters")
    if not text.strip():
        raise ConditionError("condition is empty")
    parser = _Parser(text)
    expr = parser.expr()
    parser.expect_end()
    return Condition(text, expr)


# --------------------------------------------------------------------------- evaluation


def _value(side: Var | Lit, answers: Mapping[str, Value]) -> Value:
    if isinstance(side, Lit):
        return side.value
    if side.name not in answers:
        raise ConditionError(f"{side.name} has no answer yet", side.offset)
    return answers[side.name]


def _is_number(value: Value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _minutes(value: str) -> int | None:
    match = _HHMM_RE.fullmatch(value)
    return int(match.group(1)) * 60 + int(match.group(2)) if match else None


def minutes_after(later: str, earlier: str) -> int:
    """How many minutes after `earlier` the clock next shows `later` (0 to 1439).

    `minutes_after("01:00", "23:30")` is 90; `minutes_after("23:00", "23:30")` is 1410.
    ValueError unless both are `HH:MM` times.
    """
    a, b = _minutes(later), _minutes(earlier)
    if a is None or b is None:
        raise ValueError(f"not both HH:MM times: {later!r}, {earlier!r}")
    return (a - b) % _DAY_MINUTES


def time_is_after(later: str, earlier: str, *, or_same: bool = False) -> bool:
    """`later` comes after `earlier` within TIME_WINDOW_HOURS (the same time: `or_same`)."""
    gap = minutes_after(later, earlier)
    return gap < TIME_WINDOW_HOURS * 60 and (gap > 0 or or_same)


def _order_times(expr: Compare, left: str, right: str) -> bool:
    """`<`, `<=`, `>`, `>=` between two times of day, as a schedule reads them."""
    try:
        if expr.op in (">", ">="):
            return time_is_after(left, right, or_same=expr.op == ">=")
        return time_is_after(right, left, or_same=expr.op == "<=")
    except ValueError:
        raise ConditionError(
            f"cannot order {_show(expr.left)} and {_show(expr.right)}: only numbers and "
            "times of day (HH:MM) have an order",
            expr.offset,
        ) from None


def _eval(expr: Expr, answers: Mapping[str, Value]) -> bool:
    if isinstance(expr, Compare):
        left = _value(expr.left, answers)
        right = _value(expr.right, answers)
        if _is_number(left) != _is_number(right):
            if expr.op == "==":
                return False
            if expr.op == "!=":
                return True
            raise ConditionError(
                f"cannot order {_show(expr.left)} and {_show(expr.right)}: "
                "one is a number, the other text",
                expr.offset,
            )
        if expr.op == "==":
            return left == right
        if expr.op == "!=":
            return left != right
        if isinstance(left, str) and isinstance(right, str):
            return _order_times(expr, left, right)
        # Numbers here (_is_number matched, two strings returned above), a fact mypy cannot
        # follow: narrowing it with isinstance would change what an ill-typed answer raises.
        if expr.op == "<":
            return left < right  # type: ignore[operator]
        if expr.op == "<=":
            return left <= right  # type: ignore[operator]
        if expr.op == ">":
            return left > right  # type: ignore[operator]
        return left >= right  # type: ignore[operator]
    if isinstance(expr, Not):
        return not _eval(expr.operand, answers)
    if isinstance(expr, And):
        return all(_eval(operand, answers) for operand in expr.operands)
    return any(_eval(operand, answers) for operand in expr.operands)
