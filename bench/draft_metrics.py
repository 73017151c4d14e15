"""What bench_draft.py measures on one article: draft, lint, walk, and the draft metrics.

The metrics are defined in bench_draft.py's docstring and in bench/README.md; this module
is their one implementation, shared by bench_draft.py, draft_sample.py and the smoke test
(tests/test_bench_draft.py). Pure functions of an article file: no index, no settings.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kbassist.articles import Article, ArticleSkip, load_article, section_key
from kbassist.checklist import Checklist, build_checklist
from kbassist.trees.engine import AnswerError, Walk
from kbassist.trees.lint import lint_result
from kbassist.trees.loader import read_tree_bytes
from kbassist.trees.model import Info, Input, Outcome, Question, Tree

#: A draft's walks are enumerated up to this many (every choice of every question).
MAX_WALKS = 64
#: A walk longer than this is abandoned as stuck (a loop the tree does not end).
MAX_WALK_STEPS = 200


# --------------------------------------------------------------------------- the seam


def draft_file(article: Article) -> tuple[str, str] | None:
    """The drafter's tree file for `article` as (tree id, YAML text), or None when it
    declines (no text to cite).

    The one place that names the drafter: it is moving from kbassist.trees.draft to a
    kbassist.drafting package, and only this import line follows it.
    """
    from kbassist.trees.draft import DraftError, draft_tree, draft_yaml

    try:
        tree = draft_tree(article)
    except DraftError:
        return None
    return str(tree["id"]), draft_yaml(tree, article)


# --------------------------------------------------------------------------- walking


@dataclass
class WalkSet:
    """Every walk of a draft (up to MAX_WALKS): each finished walk's checklist."""

    checklists: list[Checklist] = field(default_factory=list)
    stuck: int = 0  # walks that could not go on (every answer refused, a loop)
    truncated: bool = False  # more walks than MAX_WALKS


def _candidates(node: Input) -> list[str | None]:
    """Answers to try at an input, first accepted wins: its default, then a sample."""
    raws: list[str | None] = [None] if node.default is not None else []
    if node.type == "choice":
        raws += [c.value for c in node.choices]
    elif node.type == "time":
        raws += ["01:00", "23:00"]
    elif node.type == "number":
        raws += [str(v) for v in (node.minimum, node.maximum) if v is not None] + ["1"]
    else:
        raws += ["example"]
    return raws


def enumerate_walks(tree: Tree) -> WalkSet:
    """Walk `tree` with the real engine: every choice at each question, the default (or
    a sample value) at each input, and the finished walk's real checklist."""
    found = WalkSet()
    walk = Walk(tree)

    def visit() -> None:
        if len(found.checklists) >= MAX_WALKS:
            found.truncated = True
            return
        node = walk.current
        if isinstance(node, Outcome):
            found.checklists.append(build_checklist(walk))
            return
        if walk.index >= MAX_WALK_STEPS:
            found.stuck += 1
            return
        if isinstance(node, Question):
            on_path = set(walk.path)
            for choice in node.choices:
                if choice.next in on_path:
                    continue  # a "try again" loop: the other choices go on
                try:
                    walk.answer(choice.value)
                except AnswerError:
                    continue
                visit()
                walk.back()
            return
        raws = [None] if isinstance(node, Info) else _candidates(node)  # type: ignore[arg-type]
        for raw in raws:
            try:
                walk.answer(raw)
            except AnswerError:
                continue
            visit()
            walk.back()
            return
        found.stuck += 1

    visit()
    return found


def asks_question(checklist: Checklist) -> bool:
    """The walk passed at least one question node."""
    return any(isinstance(step.node, Question) for step in checklist.steps)


# --------------------------------------------------------------------------- verbs

#: Imperative verbs that start a checklist step (lower case). `re`/`un` + a verb and any
#: `*-click` count too (see starts_with_verb).
ACTION_VERBS = frozenset(
    """
    accept access activate add ask consult cordon describe escalate gather highlight hold
    insert notify plug purchase refer adjust allow apply approve assign attach back boot browse
    build call cancel change check choose clean clear click close collect compare compile
    configure confirm connect contact convert copy correct create cut deactivate debug
    decrease define delete deploy deselect detach determine disable disconnect dismiss
    download drag drain drop edit eject empty enable end ensure enter erase examine exclude
    execute exit expand export extend extract fill find fix flush follow force format free
    get give go grant identify ignore import include increase inspect install investigate
    isolate keep kill launch leave limit list load locate lock log look lower make map
    mark migrate modify monitor mount move navigate obtain open override patch paste
    pause perform pick place point power press prevent print promote provide purge push
    put query quit raise read reboot recreate reduce refresh register release reload
    remove rename repair repeat replace request reset resize resolve restart restore
    resume retry return review revoke rollback rotate run save scale scan schedule scroll
    search select send set shrink shut sign skip specify start stop submit switch sync
    tap terminate test tick toggle trigger truncate turn type unblock uncheck uninstall
    unlock unmount unregister update upgrade upload use validate verify view visit wait
    watch wipe write
    """.split()
)
#: Lead-ins before the imperative: "If X, click ..." / "In Control Panel, double-click ...".
_LEAD_CLAUSE_RE = re.compile(
    r"^(?:if|when|after|before|once|on|in|from|at|to|for|under|while|within|using|with)\b"
    r"[^,:]{0,100}[,:]\s+",
    re.IGNORECASE,
)
_FILLER_RE = re.compile(
    r"^(?:then|next|now|also|finally|first|second|third|optionally|please|and|or)\b,?\s+",
    re.IGNORECASE,
)
_STEP_MARKER_RE = re.compile(
    r"^(?:[-*\u2022]\s+|\(?\d{1,2}[.)]\s+|\(?[a-z][.)]\s+|step\s+\d+\s*[:.-]\s*)", re.IGNORECASE
)
_PROMPT_RE = re.compile(r"^(?:\$|#|>|PS [A-Z]:\\[^>]*>|[A-Z]:\\[^>]*>)\s*\S")


def _is_verb(word: str) -> bool:
    word = word.lower().strip("\"'`*_()[]")
    if word.endswith("-click"):
        return True
    if word in ACTION_VERBS:
        return True
    for prefix in ("re-", "re", "un"):
        if word.startswith(prefix) and word[len(prefix) :] in ACTION_VERBS:
            return True
    return False


def starts_with_verb(text: str) -> bool:
    """Whether a checklist step reads as an action: its first word, after a list marker,
    a filler ("Then", "Optionally,") and one lead-in clause ending in a comma or colon
    ("If you use NTFS, ..."), is an imperative verb; "Do not X" / "Don't X" count when X
    is one; a line starting with a shell prompt ($, #, >, C:\\>) counts as "run this"."""
    text = " ".join(text.split())
    text = _STEP_MARKER_RE.sub("", text, count=1)
    if _PROMPT_RE.match(text):
        return True
    for _ in range(2):
        text = _FILLER_RE.sub("", text, count=1)
        text = _LEAD_CLAUSE_RE.sub("", text, count=1)
    words = text.split()
    if not words:
        return False
    if words[0].lower() in ("do", "don't", "dont") and len(words) > 1:
        rest = words[2:] if words[1].lower() == "not" else words[1:]
        return bool(rest) and _is_verb(rest[0])
    return _is_verb(words[0])


# --------------------------------------------------------------------------- labels

_ELLIPSIS_END_RE = re.compile(r"(?:\.\.\.|\u2026)\s*$")


def _normal(text: str) -> str:
    return " ".join(text.split())


def label_cut(label: str, article_text: str) -> bool:
    """A choice label is cut when it holds "[...]", ends in an ellipsis the article does
    not have there, or ends mid-word: found in the article (whitespace collapsed) only
    where a letter or digit follows its last character."""
    label = _normal(label)
    if "[...]" in label or "[\u2026]" in label:
        return True
    if _ELLIPSIS_END_RE.search(label):
        return label not in article_text
    if not label or not label[-1].isalnum():
        return False
    at = article_text.find(label)
    if at == -1:
        return False  # rewritten, not copied: cannot tell, so not counted as cut
    while at != -1:
        end = at + len(label)
        if end >= len(article_text) or not article_text[end].isalnum():
            return False
        at = article_text.find(label, at + 1)
    return True


def option_labels(tree: Tree) -> list[str]:
    """Every choice label a walker can be shown: questions' and choice inputs'."""
    labels: list[str] = []
    for node in tree.nodes.values():
        if isinstance(node, (Question, Input)):
            labels.extend(c.label or c.value for c in node.choices)
    return labels


# --------------------------------------------------------------------------- placeholders

_HTML_TAGS = frozenset(
    """a abbr b blockquote br caption center code col dd del details div dl dt em font
    h1 h2 h3 h4 h5 h6 hr i img ins kbd li nobr ol p pre s small span strike strong sub
    summary sup table tbody td th thead tr tt u ul video iframe script style""".split()
)
#: Words in angle brackets that are keys or program output, not something to fill in.
_NOT_NAMES = frozenset(
    """none nil null unknown invalid empty dir enter return cr lf crlf esc tab space
    del ins home end backspace bs ctrl alt shift up down left right pgup pgdn break
    f1 f2 f3 f4 f5 f6 f7 f8 f9 f10 f11 f12 eof eol""".split()
)
_ANGLE_RE = re.compile(r"<(?P<t>[A-Za-z][A-Za-z0-9 _.:/\\-]{0,40}?)>")
_BRACE_RE = re.compile(r"(?<![$%{\w])\{(?P<t>[A-Za-z][A-Za-z0-9_-]{2,40})\}(?!\})")
_GUID_RE = re.compile(r"[0-9A-Fa-f]{8}-")
_YOUR_RE = re.compile(
    r"(?<![\w%$])(?P<t>(?:[Yy]our|YOUR)[_-]?[A-Z][A-Za-z0-9]*"
    r"|your[_-]?(?:server|domain|host|computer|machine|user|site|database|db|instance|"
    r"cluster|namespace|node|share|folder|app|service|account|tenant|subscription|"
    r"resource|vault|region|project|mail|url|port|printer|dc)[a-z0-9_.-]*"
    r"|(?:server|computer|share|domain|machine|host|printer)_?name)(?![\w%])",
)
#: `MyServer`-like names: placeholders in a Markdown command, program identifiers in
#: the archive's code listings (`MyData`, `MYAPP`), so counted in Markdown code only.
_MY_RE = re.compile(
    r"(?<![\w%$])(?P<t>(?:[Mm]y|MY)[_-]?[A-Z][A-Za-z0-9]*|my[_-]?(?:server|domain|host|"
    r"computer|user|database|db|instance|cluster|namespace|node|share|app|account|pod|"
    r"pvc|project)[a-z0-9_.-]*)(?![\w%])"
)
_WHERE_RE = re.compile(
    r"\bwhere\s+[\"'`]?(?P<t>[^\s\"'`]{1,30}?)[\"'`]?:?\\?\s+"
    r"(?:is|are|represents|stands for)\s+(?:the|your|a|an)\b"
    r"|\breplace\s+[\"'`]?(?P<r>[^\s\"'`]{1,30}?)[\"'`]?\s+with\b",
    re.IGNORECASE,
)
#: In plain text, what makes a placeholder's surroundings a command: an instruction
#: word shortly before it.
_TYPE_WORD_RE = re.compile(r"\b(?:type|run|enter|execute|command|prompt|syntax)\b", re.I)
#: ... unless a message is quoted: "error C1007: unrecognized flag '<flag>'".
_MESSAGE_WORD_RE = re.compile(r"\b(?:error|warning|fatal|message)\b", re.I)
_FENCE_RE = re.compile(r"^\s*(`{3,}|~{3,})")
_INLINE_CODE_RE = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
_TOKEN_CHARS_RE = re.compile(r"[^\s\"'`]+")


@dataclass(frozen=True)
class Placeholder:
    """One placeholder in one command of the article, with the words beside it."""

    token: str
    command: str  # the command (code line, code span or typed text), one line
    left: str  # the nearest word before the token in the command ("" at its start)
    right: str  # the nearest word after it ("" at its end)


@dataclass(frozen=True)
class _Context:
    """A stretch of article text that may hold commands."""

    text: str  # whitespace collapsed
    code: bool  # Markdown code, or an indented plain-text block (a listing, typed lines)
    section: str  # the section's text, to see an XML element's closing tag
    markdown: bool


def _contexts(article: Article) -> Iterator[_Context]:
    """Markdown: each line of fenced code and each inline code span with a space in it
    (a lone `<name>` in backticks is a mention, not a command). MS KB plain text: each
    paragraph, marked code when its first line is indented."""
    markdown = article.style == "markdown"
    for section in article.sections:
        if not markdown:
            for para in re.split(r"\n\s*\n", section.text):
                indented = para.startswith(("  ", "\t"))
                yield _Context(_normal(para), indented, section.text, False)
            continue
        fence = ""
        for line in section.text.split("\n"):
            opened = _FENCE_RE.match(line)
            if fence:
                if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                    fence = ""
                elif line.strip():
                    yield _Context(_normal(line), True, section.text, True)
                continue
            if opened:
                fence = opened.group(1)
                continue
            for span in _INLINE_CODE_RE.findall(line):
                if " " in span.strip():
                    yield _Context(_normal(span), True, section.text, True)


def _angle_ok(token: str, context: _Context, start: int) -> bool:
    """Not an HTML tag, an XML element closed in the same section, a key or program
    output (`<ENTER>`, `<DIR>`, `<none>`), or a C header (`#include <stdio.h>`)."""
    word = token.split()[0]
    if word.lower() in _HTML_TAGS or token.lower() in _NOT_NAMES or "=" in token:
        return False
    if context.text[:start].rstrip().endswith("#include"):
        return False
    return f"</{word}" not in context.section


def _brace_ok(token: str) -> bool:
    """A name to fill in ({ServerName}), not a GUID or a template keyword ({end})."""
    return any(c.isupper() or c == "_" for c in token) and not _GUID_RE.match(token)


def _in_command(context: _Context, start: int) -> bool:
    """Whether a plain-text position is in a command: an indented block, a quoted
    string, or within 60 characters after type/run/enter/execute/command/prompt/syntax;
    never within 80 characters after error/warning/fatal/message (a quoted message)."""
    before = context.text[:start]
    if _MESSAGE_WORD_RE.search(before[-80:]):
        return False
    if context.code or before.count('"') % 2 == 1:
        return True
    return bool(_TYPE_WORD_RE.search(before[-60:]))


def _side_words(context: str, start: int, end: int) -> tuple[str, str]:
    before = _TOKEN_CHARS_RE.findall(context[:start])
    after = _TOKEN_CHARS_RE.findall(context[end:])
    return (before[-1][-12:] if before else "", after[0][:12] if after else "")


def command_placeholders(article: Article) -> list[Placeholder]:
    """Every (placeholder, command) pair in the article, once each.

    Strong forms: `<name>` (see _angle_ok), `{Name}` (with a capital or `_`; not `${x}`,
    `{{x}}`, a GUID), `YourServer` / `your_domain` / `servername`-like words, and in
    Markdown code `MyServer` / `my-namespace`. Weak forms: a token the text explains
    ("where x is the drive", "replace NAME with"), counted where it appears in Markdown
    code, or in plain text in the explaining paragraph or the one before it (a
    one-letter token only as a drive, `x:`). In plain text every occurrence must be in
    a command (_in_command). The explanation itself ("where <drive> is") is not a use.
    """
    found: dict[tuple[str, str], Placeholder] = {}
    contexts = list(_contexts(article))
    weak: set[str] = set()
    for section in article.sections:
        for match in _WHERE_RE.finditer(_normal(section.text)):
            token = (match.group("t") or match.group("r") or "").rstrip(":\\.,;")
            if token and not _ANGLE_RE.fullmatch(token) and token.lower() not in ("it", "this"):
                weak.add(token)

    def add(token: str, context: _Context, start: int, end: int, plain_ok: bool) -> None:
        text = context.text
        clause = text[max(0, start - 12) : start].lower().rstrip(" \"'`")
        if clause.endswith(("where", "replace")):
            return  # the explanation itself ("where <drive> is ..."), not a use
        if not context.markdown and not (plain_ok or _in_command(context, start)):
            return
        left, right = _side_words(text, start, end)
        if (token, text) not in found:
            found[(token, text)] = Placeholder(token, text[:300], left, right)

    for n, context in enumerate(contexts):
        if context.code or not context.markdown:
            for match in _ANGLE_RE.finditer(context.text):
                if _angle_ok(match.group("t"), context, match.start()):
                    add(match.group(0), context, *match.span(), plain_ok=False)
            for match in _BRACE_RE.finditer(context.text):
                if _brace_ok(match.group("t")):
                    add(match.group(0), context, *match.span(), plain_ok=False)
            for match in _YOUR_RE.finditer(context.text):
                add(match.group(0), context, *match.span(), plain_ok=False)
        if context.markdown and context.code:
            for match in _MY_RE.finditer(context.text):
                add(match.group(0), context, *match.span(), plain_ok=True)
        near = (context.markdown and context.code) or (
            not context.markdown and any(_WHERE_RE.search(c.text) for c in contexts[n : n + 2])
        )
        if not near:
            continue
        for token in weak:
            tail = r"(?=:)" if len(token) == 1 else r"(?![\w])"
            for match in re.finditer(rf"(?<![\w\\]){re.escape(token)}{tail}", context.text):
                add(token, context, *match.span(), plain_ok=True)
    return list(found.values())


def _sentinel(n: int) -> str:
    return f"qzvar{n}qz"


def placeholder_used(ph: Placeholder, rendered: list[str]) -> bool:
    """Whether some checklist item, its inputs filled with sentinels, holds a sentinel
    beside one of the command's neighbouring words (either one; none needed when the
    placeholder is the whole command)."""
    for text in rendered:
        for match in re.finditer(r"qzvar\d+qz", text):
            before = text[max(0, match.start() - 40) : match.start()]
            after = text[match.end() : match.end() + 40]
            if not ph.left and not ph.right:
                return True
            if (ph.left and ph.left in before) or (ph.right and ph.right in after):
                return True
    return False


def rendered_items(checklists: list[Checklist]) -> list[str]:
    """Every item of every walk's outcome, each input answered on that walk shown as a
    sentinel (`qzvarNqz`), so a test can see where an input lands in the text."""
    out: list[str] = []
    for checklist in checklists:
        inputs = [s.node.var for s in checklist.steps if isinstance(s.node, Input)]
        values = {var: _sentinel(n) for n, var in enumerate(inputs) if var}
        for _part, items in checklist.outcome.item_lists():
            out.extend(_normal(item.template.render(values)) for item in items)
    return out


# --------------------------------------------------------------------------- mitigations

FIX_RE = re.compile(r"\b(?:mitigat|resol|workaround|solution|remediat|fix)", re.IGNORECASE)
_POINTER_RE = re.compile(r"^(?:read|see|refer to|for (?:more|additional) information)\b", re.I)
_ATX_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def fix_sections(article: Article) -> set[str]:
    """Section keys of the article's fix sections: named Mitigation, Resolution,
    Workaround, Solution, Remediation or Fix, or (markdown) nested under such a heading."""
    keys = {s.key for s in article.sections if FIX_RE.search(s.name)}
    if article.style != "markdown":
        return keys
    try:
        lines = article.source.read_text(encoding="utf-8", errors="replace").split("\n")
    except OSError:
        return keys
    stack: list[tuple[int, bool]] = []  # (level, under a fix heading)
    fence = ""
    for line in lines:
        opened = _FENCE_RE.match(line)
        if opened and (not fence or opened.group(1)[0] == fence[0]):
            fence = "" if fence else opened.group(1)
            continue
        heading = None if fence else _ATX_RE.match(line)
        if heading is None:
            continue
        level = len(heading.group(1))
        while stack and stack[-1][0] >= level:
            stack.pop()
        under = bool(FIX_RE.search(heading.group(2))) or any(fix for _, fix in stack)
        stack.append((level, under))
        if under:
            keys.add(section_key(heading.group(2)))
    return keys


def real_mitigation(checklists: list[Checklist], fixes: set[str]) -> bool:
    """A step cited from a fix section that is not a pointer ("Read the article", "See
    ...") and has at least three words."""
    for checklist in checklists:
        for item in checklist.part("steps"):
            if section_key(item.source.section) not in fixes:
                continue
            if not _POINTER_RE.match(item.text) and len(item.text.split()) >= 3:
                return True
    return False


# --------------------------------------------------------------------------- one article


@dataclass
class Record:
    """Everything measured on one article file (one JSON record)."""

    corpus: str
    path: str
    id: str = ""
    status: str = ""  # drafted | declined | skipped | exception
    error: str = ""  # one line: the exception, or why the file was skipped
    lint: list[str] = field(default_factory=list)
    seconds_draft: float = 0.0  # parse + draft + load + lint
    seconds: float = 0.0  # everything, walks and metrics included
    sections: list[str] = field(default_factory=list)
    outcomes: int = 0
    inputs: int = 0
    fallback_only: bool = False  # the only outcome is "Read the article"
    walks: int = 0
    walks_stuck: int = 0
    asks_question: bool = False
    items: int = 0
    verb_items: int = 0
    not_verbs: list[str] = field(default_factory=list)  # a few, for reading
    labels: int = 0
    cut_labels: list[str] = field(default_factory=list)
    placeholders: list[dict[str, object]] = field(default_factory=list)
    has_fix_section: bool = False
    real_mitigation: bool = False


def load_draft(article: Article) -> tuple[Tree | None, list[str], str]:
    """(tree, lint problems, yaml): the draft read back by the real loader and linted
    with its citations checked against the article, as `kbassist trees lint` would."""
    drafted = draft_file(article)
    if drafted is None:
        return None, [], ""
    tree_id, text = drafted
    # Named as `kbassist draft` names the file: lint checks the id matches the name.
    result = read_tree_bytes(text.encode("utf-8"), Path("<draft>") / f"{tree_id}.yaml")
    key = article.id.casefold()
    problems = lint_result(result, lambda ref: article if ref.casefold() == key else None)
    return result.tree, [str(p) for p in problems], text


def _one_line(exc: BaseException) -> str:
    return " ".join(f"{type(exc).__name__}: {exc}".split())[:300]


def measure(path: Path, corpus: str = "", rel: str = "") -> Record:
    """Every metric of one article file; never raises (an exception is recorded)."""
    record = Record(corpus, rel or str(path))
    started = time.perf_counter()
    try:
        article = load_article(path)
        record.id = article.id
        record.sections = [s.key for s in article.sections]
        tree, record.lint, _ = load_draft(article)
        record.seconds_draft = time.perf_counter() - started
        if tree is None:
            record.status = "declined"
        else:
            record.status = "drafted"
            _measure_tree(record, article, tree)
    except ArticleSkip as exc:
        record.status, record.error = "skipped", str(exc)
    except Exception as exc:  # the bench counts them: the target is zero
        record.status, record.error = "exception", _one_line(exc)
    record.seconds = time.perf_counter() - started
    return record


def _measure_tree(record: Record, article: Article, tree: Tree) -> None:
    outcomes = tree.outcomes()
    record.outcomes = len(outcomes)
    record.inputs = sum(isinstance(n, Input) for n in tree.nodes.values())
    record.fallback_only = len(outcomes) == 1 and outcomes[0].title == "Read the article"
    walks = enumerate_walks(tree)
    record.walks, record.walks_stuck = len(walks.checklists), walks.stuck
    record.asks_question = any(asks_question(c) for c in walks.checklists)
    first_by_outcome: dict[str, Checklist] = {}
    for checklist in walks.checklists:
        first_by_outcome.setdefault(checklist.outcome.id, checklist)
    for checklist in first_by_outcome.values():
        for item in checklist.part("steps"):
            if _POINTER_RE.match(item.text):
                continue  # "Read the article": counted by fallback_only, not here
            record.items += 1
            if starts_with_verb(item.text):
                record.verb_items += 1
            elif len(record.not_verbs) < 3:
                record.not_verbs.append(item.text[:120])
    text = _normal(" ".join(s.text for s in article.sections))
    labels = option_labels(tree)
    record.labels = len(labels)
    record.cut_labels = [label for label in labels if label_cut(label, text)]
    rendered = rendered_items(walks.checklists)
    record.placeholders = [
        {"token": ph.token, "command": ph.command, "used": placeholder_used(ph, rendered)}
        for ph in command_placeholders(article)
    ]
    fixes = fix_sections(article)
    record.has_fix_section = bool(fixes)
    record.real_mitigation = bool(fixes) and real_mitigation(walks.checklists, fixes)
