"""Drafting a decision tree from any article's text, so every article can be walked.

`draft_tree(article)` reads the article's sections and returns the tree as a plain,
YAML-ready dict (the format of docs/trees.md, marked `draft: true`):

* the symptom from SYMPTOMS (else SUMMARY's first paragraph, else the title), and the
  cause from CAUSE as an info step;
* one mitigation (outcome) per alternative: `Method N` headings, lists joined by
  `-or-`, lists after "one of the following", RESOLUTION and WORKAROUND as options of
  their own, a STATUS "fixed in ..." note as the option `upgrade`, and advice in
  SUMMARY or MORE INFORMATION ("administrators ... should", "To work around this ...");
* numbered procedures become checklist items in order; everything cites its section;
* literal parameters (times, drive letters, paths, file names, counts of backups or
  copies) become typed inputs asked before the outcome, defaulting to the literal,
  and the items use them.

`draft_yaml` emits the dict with every string double-quoted (no YAML 1.1 traps, no
` #` comments cutting text short), and `draft_tree_model` reads that text back through
the real loader and lint, so what is walked is exactly what would be written.

Pure functions: no files, no index. Heuristics only; the header of the file says so.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from kbassist.articles import Article, Section
from kbassist.errors import DataError
from kbassist.trees.model import Tree
from kbassist.trees.values import InvalidValue, parse_text, parse_time

#: Checklist lines are cut here (at a word) so a code listing does not become one line
#: of 5,000 characters; the citation points to the full text.
MAX_ITEM_CHARS = 500
#: At most this many inputs per mitigation; further literals stay as written.
MAX_INPUTS_PER_OPTION = 5
MAX_LABEL_CHARS = 100
MAX_CAUSE_CHARS = 1200
MAX_SYMPTOM_CHARS = 600

FALLBACK_ID = "read_article"
DRAFT_SUFFIX = "-draft"
#: The `path` of a drafted Tree that was never written to a file.
DRAFT_PATH = Path("<auto-drafted>")

_SYMPTOM_KEYS = ("symptoms", "symptom")
_CAUSE_KEYS = ("cause", "causes")
_RESOLUTION_KEYS = ("resolution", "solution", "resolutions")
_WORKAROUND_KEYS = ("workaround", "workarounds")
_STATUS_KEYS = ("status",)
_SUMMARY_KEYS = ("summary",)
_MORE_KEYS = ("moreinformation",)


class DraftError(DataError):
    """The article has nothing a tree could cite (no sections with text)."""


# --------------------------------------------------------------------------- paragraphs

_MARKER_RE = re.compile(r"^(?:[-*\u2022]|\d{1,2}[.)]|[a-z][.)])\s+")
_NUMBER_RE = re.compile(r"^\d{1,2}[.)]\s+")
_OR_RE = re.compile(r"^-*\s*or\s*-*$", re.IGNORECASE)
_OR_SEP_RE = re.compile(r"^-+\s*or\s*-+$", re.IGNORECASE)
_METHOD_RE = re.compile(
    r"^(?:method|workaround|option|solution|resolution)\s+(?:\d{1,2}|[A-H])\b", re.IGNORECASE
)
_UNDERLINE_RE = re.compile(r"^[-=~]{3,}$")
_CHOOSE_ONE_RE = re.compile(
    r"\b(?:(?:one|either|any) of the following|following (?:methods|workarounds|options|"
    r"ways|solutions|alternatives|resolutions))\b",
    re.IGNORECASE,
)
_ADVICE_RE = re.compile(
    r"^(?:to (?:work around|avoid|prevent|resolve|correct|fix|solve) (?:this|the)\b)"
    r"|\b(?:administrators?|users?|you)\b[^.]{0,80}\bshould\b",
    re.IGNORECASE,
)
_LEAD_IN_RE = re.compile(
    r"^to (?:prevent|avoid|work around|resolve|correct|fix|solve)\b", re.IGNORECASE
)
_REPRO_RE = re.compile(r"^steps to reproduce", re.IGNORECASE)
# A block that is only a pointer or a disclaimer (dropped with its continuations) ...
_BOILERPLATE_BLOCK_RE = re.compile(
    r"^(?:article-id|title\s*:|q\d{5,7}\b|https?://|s e r v p a c k|"
    r"additional query words|the third-party products|the products? included here)",
    re.IGNORECASE,
)
# ... and sentences that are (dropped from the block that holds them).
_BOILERPLATE_SENTENCE_RE = re.compile(
    r"^(?:for (?:more|additional|further) information|for information (?:about|on)|"
    r"microsoft (?:has confirmed|is researching|provides)|we are researching)"
    r"|make no warranty|vendor independent of microsoft|query on the following word|"
    r"click the article numbers? below|following articles? in the microsoft knowledge base",
    re.IGNORECASE,
)
_FIXED_RE = re.compile(
    r"\b(?:(?:was|were|is|are|has been|have been|been)\s+(?:first\s+)?"
    r"(?:fixed|corrected|resolved|addressed)\s+in|no longer occurs in|"
    r"fixed in (?:version|release|the)|corrected in (?:version|release|the))\b",
    re.IGNORECASE,
)
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'])")
_TAG_PREFIX_RE = re.compile(r"^(?:[A-Z]{2,8}|Mac Bkup|[A-Z][a-z]+ ?[A-Z]?[a-z]*):\s+")


@dataclass
class _Para:
    """A block of lines: one list item, one paragraph, one code block, one separator."""

    lines: list[str]

    @property
    def indent(self) -> int:
        first = self.lines[0]
        return len(first) - len(first.lstrip())

    @property
    def head(self) -> str:
        return self.lines[0].strip()

    @property
    def marker(self) -> bool:
        return bool(_MARKER_RE.match(self.head))

    @property
    def numbered(self) -> bool:
        return bool(_NUMBER_RE.match(self.head))

    @property
    def separator(self) -> bool:
        return len(self.lines) == 1 and bool(_OR_SEP_RE.match(self.head))

    @property
    def heading(self) -> bool:
        """A sub-heading: a short line underlined with dashes."""
        return len(self.lines) == 2 and bool(_UNDERLINE_RE.match(self.lines[1].strip()))

    @property
    def text(self) -> str:
        return " ".join(" ".join(line.split()) for line in self.lines if line.strip())


def _paragraphs(text: str) -> list[_Para]:
    """Blank lines, list markers and `-or-` lines start a new block."""
    out: list[_Para] = []
    current: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            if current:
                out.append(_Para(current))
                current = []
            continue
        starts = _MARKER_RE.match(stripped) or _OR_SEP_RE.match(stripped)
        if current and (starts or _OR_SEP_RE.match(current[-1].strip())):
            out.append(_Para(current))
            current = []
        current.append(line.rstrip())
    if current:
        out.append(_Para(current))
    return out


def _strip_marker(text: str) -> str:
    return _MARKER_RE.sub("", text, count=1)


def _clean(text: str) -> str:
    return " ".join(html.unescape(text).split())


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_RE.split(text) if s]


def _shorten(text: str, limit: int) -> str:
    """`text` cut at a word to at most `limit` characters, marked when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 6].rsplit(" ", 1)[0].rstrip(",;: ")
    return f"{cut} [...]"


def _first_sentence(text: str, limit: int = MAX_LABEL_CHARS) -> str:
    sentences = _sentences(text)
    first = sentences[0] if sentences else text
    return _shorten(first.rstrip(":"), limit)


def _brace(text: str) -> str:
    """Literal text for a template: braces written doubled."""
    return text.replace("{", "{{").replace("}", "}}")


def _boilerplate(text: str) -> bool:
    """A pointer or disclaimer block, or one made only of such sentences."""
    return bool(_BOILERPLATE_BLOCK_RE.search(text)) or not _without_boilerplate(text)


def _without_boilerplate(text: str) -> str:
    """`text` without its pointer and disclaimer sentences."""
    kept = [s for s in _sentences(text) if not _BOILERPLATE_SENTENCE_RE.search(s)]
    return " ".join(kept)


# --------------------------------------------------------------------------- parameters

_WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
}
_PARAM_RES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "time",
        re.compile(
            r"(?<![\w:])(?P<v>midnight|noon|(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s?"
            r"(?:[AP]\.M\.|[AP]M|[ap]\.m\.|[ap]m))(?![\w])",
        ),
    ),
    ("path", re.compile(r"(?<![\w\\])(?P<v>[A-Z]:\\[^\s\"'<>|,;()]*[^\s\"'<>|,;().:])")),
    (
        "drive",
        re.compile(r"\b(?:drive\s+(?P<v>[A-Z])(?=:?(?![\w\\]))|(?P<w>[A-Z]):?\s+drive\b)"),
    ),
    (
        "file",
        re.compile(
            r"(?<![\w.\\/%$@-])(?P<v>[A-Za-z0-9_~$-]{1,40}\.(?:ini|exe|dll|sys|bat|cfg|log|dat|"
            r"mdb|inf|vxd|drv|pst|ost|mmf|ldb|edb|chk|hlp|cpl|msc|pol|adm|bak|pif|ocx|tlb|mdw))"
            r"(?![\w\\/-])",
            re.IGNORECASE,
        ),
    ),
    (
        "count",
        re.compile(
            r"\b(?P<v>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve)"
            r"(?=\s+(?:(?:full|daily|weekly|incremental|previous|separate|backup)\s+)?"
            r"(?:backups?|copies|generations|tapes|retries|attempts)\b)",
            re.IGNORECASE,
        ),
    ),
)
_PARAM_HELP = {
    "time": "A time of day, e.g. 01:00, 1:00 AM or midnight.",
    "path": "A path on your system.",
    "drive": "A drive letter, e.g. C.",
    "file": "A file name.",
    "count": "A whole number.",
}
_PARAM_TITLE = {
    "time": "Time",
    "path": "Path",
    "drive": "Drive",
    "file": "File name",
    "count": "How many",
}


@dataclass(frozen=True)
class _Param:
    kind: str
    literal: str  # as written in the article
    key: str  # normalized, to give one literal one variable

    @property
    def default(self) -> str | int:
        if self.kind == "count":
            return _count_value(self.literal)
        return self.literal


def _count_value(text: str) -> int:
    return int(text) if text.isdigit() else _WORD_NUMBERS[text.lower()]


def _find_params(text: str) -> list[tuple[int, int, _Param]]:
    """(start, end, parameter) of each literal in `text`, leftmost first, no overlaps."""
    found: list[tuple[int, int, _Param]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PARAM_RES:
        for match in pattern.finditer(text):
            group = "v" if match.group("v") is not None else "w"
            start, end = match.span(group)
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            literal = match.group(group)
            param = _make_param(kind, literal)
            if param is None:
                continue
            taken.append((start, end))
            found.append((start, end, param))
    return sorted(found, key=lambda f: f[0])


def _make_param(kind: str, literal: str) -> _Param | None:
    try:
        if kind == "time":
            key = parse_time(literal)
        elif kind == "count":
            value = _count_value(literal)
            if not 1 <= value <= 999:
                return None
            key = str(value)
        else:
            key = parse_text(literal).casefold()
    except InvalidValue:
        return None
    return _Param(kind, literal, key)


# --------------------------------------------------------------------------- options


@dataclass
class _Option:
    """One mitigation: where it comes from, what it says, and its steps in order."""

    section: Section
    label: str
    lead: str  # shown as the outcome's text
    items: list[str]  # plain text, in order
    kind: str = "option"  # option | upgrade
    id: str = ""
    params: list[_Param] = field(default_factory=list)


def _procedure(paras: Sequence[_Para]) -> tuple[str, list[str]]:
    """(lead-in, items): numbered steps in order; other blocks are items of their own.

    Blocks indented deeper than the item before them (continuations, code, notes) are
    joined to it; boilerplate (vendor disclaimers, "for more information" pointers) is
    dropped together with its continuations.
    """
    paras = [p for p in paras if not p.separator and not p.heading]
    first_step = next((i for i, p in enumerate(paras) if p.numbered), None)
    lead_paras: list[_Para] = []
    if first_step is not None and first_step > 0:
        lead_paras = [p for p in paras[:first_step] if p.indent <= paras[first_step].indent]
        if len(lead_paras) == first_step:
            paras = paras[first_step:]
        else:
            lead_paras = []
    items: list[list[str]] = []
    dropped = False
    base = -1
    for para in paras:
        text = _strip_marker(para.text) if para.marker else para.text
        if items or dropped:
            deeper = para.indent > base and not (para.numbered and para.indent <= base + 3)
            if deeper and not para.marker:
                if not dropped:
                    items[-1].append(text)
                continue
        base = para.indent
        dropped = _boilerplate(text)
        if not dropped:
            items.append([_without_boilerplate(text)])
    lead = " ".join(
        _without_boilerplate(_strip_marker(p.text)) for p in lead_paras if not _boilerplate(p.text)
    )
    out = [_clean(" ".join(parts)) for parts in items]
    return _clean(lead), [t for t in out if t]


def _alternatives(paras: list[_Para]) -> tuple[list[_Para], list[list[_Para]]]:
    """(lead-in, alternatives) if the blocks offer a choice; else ([], [])."""
    # `Method 1`, `Method 2` ... (as a line of their own or as a sub-heading)
    starts = [i for i, p in enumerate(paras) if p.indent == 0 and _METHOD_RE.match(p.head)]
    if len(starts) >= 2:
        ends = [*starts[1:], len(paras)]
        return paras[: starts[0]], [paras[s:e] for s, e in zip(starts, ends, strict=True)]
    seps = [i for i, p in enumerate(paras) if p.separator]
    if seps:
        return _split_or(paras, seps)
    for i, para in enumerate(paras):
        if para.head and para.text.endswith(":") and _CHOOSE_ONE_RE.search(para.text):
            alts = _list_after(paras, i + 1)
            if len(alts) >= 2:
                return paras[: i + 1], alts
    return [], []


def _split_or(paras: list[_Para], seps: list[int]) -> tuple[list[_Para], list[list[_Para]]]:
    """Alternatives joined by `-or-` lines: the blocks around each separator."""
    first_chunk = paras[: seps[0]]
    if not first_chunk:
        return [], []
    markers = [i for i, p in enumerate(first_chunk) if p.marker]
    if markers:
        top = min(first_chunk[i].indent for i in markers)
        start = max(i for i in markers if first_chunk[i].indent == top)
    else:
        start = len(first_chunk) - 1
    alts = [first_chunk[start:]]
    for a, b in itertools.pairwise(seps):
        if paras[a + 1 : b]:
            alts.append(paras[a + 1 : b])
    last = paras[seps[-1] + 1 :]
    if last:
        head = last[0]
        take = [head]
        for para in last[1:]:
            if para.indent > head.indent or (head.text.endswith(":") and para.numbered):
                take.append(para)
            else:
                break
        alts.append(take)
    return first_chunk[:start], [a for a in alts if a]


def _list_after(paras: list[_Para], start: int) -> list[list[_Para]]:
    """The top-level list items from `start`, each with its continuation blocks."""
    alts: list[list[_Para]] = []
    if start >= len(paras) or not paras[start].marker:
        return alts
    top = paras[start].indent
    for para in paras[start:]:
        if para.marker and para.indent == top:
            alts.append([para])
        elif para.indent > top and alts:
            alts[-1].append(para)
        else:
            break
    return alts


def _body_until_repro(section: Section) -> list[_Para]:
    paras = _paragraphs(section.text)
    for i, para in enumerate(paras):
        if para.heading and _REPRO_RE.match(para.head):
            return paras[:i]
    return paras


def _option_from(section: Section, paras: Sequence[_Para], prefix: str = "") -> _Option | None:
    lead, items = _procedure(paras)
    if not items:
        if not lead:
            return None
        items, lead = [lead], ""
    label_from = lead or items[0]
    first = paras[0] if paras else None
    if first is not None and _METHOD_RE.match(first.head):
        label_from = first.head if len(first.head) > 12 else (lead or items[0])
    label = _first_sentence(_strip_marker(label_from))
    return _Option(section, prefix + label, lead, items)


def _section_options(section: Section, kind: str) -> tuple[str, list[_Option]]:
    """(lead-in, options) a section offers; kind is resolution|workaround|summary|more."""
    paras = _body_until_repro(section)
    lead_paras, alts = _alternatives(paras)
    if alts:
        options = [o for o in (_option_from(section, alt) for alt in alts) if o is not None]
        if len(options) >= 2 or kind in ("resolution", "workaround"):
            return _clean(" ".join(p.text for p in lead_paras)), options
    if kind in ("resolution", "workaround"):
        option = _option_from(section, paras, prefix=f"{kind.capitalize()}: ")
        return "", [option] if option is not None else []
    # SUMMARY / MORE INFORMATION: advice to the admin, with what follows it.
    for i, para in enumerate(paras):
        if not para.marker and not para.heading and _ADVICE_RE.search(para.text):
            rest = paras[i:]
            for j, later in enumerate(rest[1:], start=1):
                if later.heading:
                    rest = rest[:j]
                    break
            option = _option_from(section, rest)
            return "", [option] if option is not None else []
    return "", []


def _status_option(section: Section) -> _Option | None:
    """STATUS saying the problem was fixed in a version: the option `upgrade`."""
    text = _clean(section.text)
    fixed = [s for s in _sentences(text) if _FIXED_RE.search(s) and not _boilerplate(s)]
    if not fixed:
        return None
    items = [f"Install the version or update that corrects the problem: {s}" for s in fixed]
    return _Option(
        section,
        "Upgrade to the version or update that fixes it",
        _shorten(fixed[0], MAX_CAUSE_CHARS),
        items,
        kind="upgrade",
    )


def _find(article: Article, keys: Iterable[str]) -> Section | None:
    wanted = tuple(keys)
    for section in article.sections:
        if section.key in wanted and section.text.strip():
            return section
    return None


def _options(article: Article) -> tuple[str, list[_Option]]:
    """Every option in article order, and the lead-in of the first list of alternatives."""
    lead = ""
    options: list[_Option] = []
    for section in article.sections:
        key = section.key
        if not section.text.strip():
            continue
        if key in _STATUS_KEYS:
            status = _status_option(section)
            found: list[_Option] = [status] if status else []
            section_lead = ""
        elif key in _RESOLUTION_KEYS:
            section_lead, found = _section_options(section, "resolution")
        elif key in _WORKAROUND_KEYS:
            section_lead, found = _section_options(section, "workaround")
        elif key in _SUMMARY_KEYS:
            section_lead, found = _section_options(section, "summary")
        elif key in _MORE_KEYS:
            section_lead, found = _section_options(section, "more")
        else:
            continue
        if found and not lead:
            lead = section_lead
        options.extend(found)
    if not options:
        cause = _find(article, _CAUSE_KEYS)
        if cause is not None:
            lead, options = _cause_options(cause)
    return lead, options


def _cause_options(section: Section) -> tuple[str, list[_Option]]:
    """No fix offered: one option per cause CAUSE lists (or one for the whole cause).

    These are marked kind "cause" (outcome ids `cause_N`): the article names what is
    wrong, and the step is to check for it and remove it.
    """
    paras = _body_until_repro(section)
    lead_paras, alts = _alternatives(paras)
    if not alts:
        alts, lead_paras = [paras], []
    options: list[_Option] = []
    for alt in alts:
        lead, items = _procedure(alt)
        texts = ([lead] if lead else []) + items
        if not texts:
            continue
        label = "If this is the cause: " + _first_sentence(_strip_marker(texts[0]), 80)
        steps = [f"Check whether this applies here and remove it: {texts[0]}", *texts[1:]]
        options.append(_Option(section, label, "", steps, kind="cause"))
    return _clean(" ".join(p.text for p in lead_paras)), options


# --------------------------------------------------------------------------- the tree


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "section"


def draft_id(article: Article) -> str:
    """`Q98097` -> `q98097-draft`: the id (and file name) a draft gets by default."""
    base = re.sub(r"[^a-z0-9._-]+", "-", article.id.lower()).strip("-._") or "article"
    return f"{base[:90]}{DRAFT_SUFFIX}"


def _cite(article: Article, section: Section) -> dict[str, str]:
    return {"article": article.id, "section": section.name}


def _symptom(article: Article) -> tuple[str, Section | None]:
    section = _find(article, _SYMPTOM_KEYS)
    if section is not None:
        paras = [p.text for p in _paragraphs(section.text) if not p.heading]
        text = _clean(" ".join(paras[:2]))
        return _shorten(text, MAX_SYMPTOM_CHARS), section
    summary = _find(article, _SUMMARY_KEYS)
    if summary is not None:
        paras = _paragraphs(summary.text)
        if paras:
            kept: list[str] = []
            for sentence in _sentences(_clean(paras[0].text)):
                if sentence.endswith(":") or _LEAD_IN_RE.search(sentence):
                    break  # "To prevent this problem, do one of the following:"
                kept.append(sentence)
            if kept:
                return _shorten(" ".join(kept), MAX_SYMPTOM_CHARS), summary
    return article.title, None


def _cause(article: Article) -> tuple[str, Section | None]:
    section = _find(article, _CAUSE_KEYS)
    if section is not None:
        return _shorten(_clean(section.text), MAX_CAUSE_CHARS), section
    # No CAUSE section: a sentence that explains, in SUMMARY or MORE INFORMATION.
    for keys in (_SUMMARY_KEYS, _MORE_KEYS):
        found = _find(article, keys)
        if found is None:
            continue
        for para in _paragraphs(found.text):
            if re.search(r"\b(because|is caused by|occurs (?:when|if|because))\b", para.text, re.I):
                return _shorten(_clean(para.text), MAX_CAUSE_CHARS), found
    return "", None


def _template(text: str, params: dict[str, str]) -> tuple[str, list[_Param]]:
    """Item text with each known literal replaced by its `{variable}`."""
    out: list[str] = []
    used: list[_Param] = []
    at = 0
    for start, end, param in _find_params(text):
        var = params.get(f"{param.kind}:{param.key}")
        if var is None:
            continue
        out.append(_brace(text[at:start]))
        out.append("{" + var + "}")
        used.append(param)
        at = end
    out.append(_brace(text[at:]))
    return "".join(out), used


def draft_tree(article: Article, tree_id: str | None = None) -> dict[str, Any]:
    """The draft tree of `article` as a YAML-ready dict (keys in the order written).

    `tree_id` defaults to `draft_id(article)`; a tree file must be named after its id.
    Raises DraftError when the article has no section with text to cite.
    """
    cited = [s for s in article.sections if s.text.strip()]
    if not cited:
        raise DraftError(f"{article.id} has no text to draft a tree from", path=article.source)
    tree_id = tree_id or draft_id(article)
    symptom, symptom_section = _symptom(article)
    cause, cause_section = _cause(article)
    lead, options = _options(article)

    # Ids, labels and choice values, unique; one variable per distinct literal.
    used_ids: set[str] = {"cause", "mitigation"}
    counters: dict[str, int] = {}
    variables: dict[str, str] = {}  # "kind:key" -> variable name
    labels: set[str] = set()
    for option in options:
        base = "upgrade" if option.kind == "upgrade" else _slug(option.section.name)[:40]
        n = 1
        option.id = base if option.kind == "upgrade" else f"{base}_{n}"
        while option.id in used_ids:
            n += 1
            option.id = f"{base}_{n}"
        used_ids.add(option.id)
        label, n = option.label, 1
        while label.casefold() in labels or label.casefold() == option.id:
            n += 1
            label = f"{option.label} ({n})"
        labels.add(label.casefold())
        option.label = label
        seen: set[str] = set()
        for item in option.items:
            for _, _, param in _find_params(item):
                ref = f"{param.kind}:{param.key}"
                if ref in seen or len(seen) >= MAX_INPUTS_PER_OPTION:
                    continue
                seen.add(ref)
                if ref not in variables:
                    counters[param.kind] = counters.get(param.kind, 0) + 1
                    variables[ref] = f"{param.kind}_{counters[param.kind]}"
                option.params.append(param)

    nodes: list[dict[str, Any]] = []
    first_after_cause = ""
    if len(options) >= 2:
        first_after_cause = "mitigation"
    elif options:
        first_after_cause = _entry(options[0], variables)
    else:
        first_after_cause = FALLBACK_ID

    if cause and cause_section is not None:
        nodes.append(
            {
                "id": "cause",
                "kind": "info",
                "title": "Why it happens",
                "text": _brace(cause),
                "source": _cite(article, cause_section),
                "next": first_after_cause,
            }
        )
    if len(options) >= 2:
        question: dict[str, Any] = {
            "id": "mitigation",
            "kind": "question",
            "title": "Which mitigation?",
            "text": "Which of the article's mitigations fits this system?",
        }
        if lead:
            question["help"] = _brace(_shorten(lead, 300))
        question["source"] = _cite(article, options[0].section)
        question["choices"] = [
            {"value": o.id, "label": o.label, "next": _entry(o, variables)} for o in options
        ]
        nodes.append(question)

    verify_text = (
        f"Check that the problem no longer occurs: {_shorten(symptom, 300)}"
        if symptom_section is not None
        else f"Check that the problem in {article.id} ({article.title}) no longer occurs."
    )
    for option in options:
        nodes.extend(_input_nodes(article, option, variables))
        nodes.append(_outcome(article, option, variables, verify_text, symptom_section))
    if not options:
        section = (
            _find(article, _RESOLUTION_KEYS + _WORKAROUND_KEYS + _MORE_KEYS + _SUMMARY_KEYS)
            or cited[-1]
        )
        nodes.append(
            {
                "id": FALLBACK_ID,
                "kind": "outcome",
                "title": "Read the article",
                "text": "The article names no mitigation this draft could pick out.",
                "source": _cite(article, section),
                "steps": [
                    {
                        "text": _brace(f"Read {article.id} {section.name} and follow it."),
                        "source": _cite(article, section),
                    }
                ],
            }
        )

    tree: dict[str, Any] = {
        "id": tree_id,
        "title": _title(article),
        "version": 1,
        "draft": True,
        "articles": [article.id],
        "symptom": symptom,
        "cause": cause or f"{article.id} gives no cause.",
        "nodes": nodes,
    }
    return tree


def _title(article: Article) -> str:
    return _TAG_PREFIX_RE.sub("", article.title).strip() or article.title or article.id


def _entry(option: _Option, variables: dict[str, str]) -> str:
    """The first node of an option: its first input, else its outcome."""
    if option.params:
        return f"{option.id}-{variables[_ref(option.params[0])]}"
    return option.id


def _ref(param: _Param) -> str:
    return f"{param.kind}:{param.key}"


def _input_nodes(
    article: Article, option: _Option, variables: dict[str, str]
) -> list[dict[str, Any]]:
    nodes: list[dict[str, Any]] = []
    for n, param in enumerate(option.params):
        var = variables[_ref(param)]
        following = (
            f"{option.id}-{variables[_ref(option.params[n + 1])]}"
            if n + 1 < len(option.params)
            else option.id
        )
        context = next((s for i in option.items for s in _sentences(i) if param.literal in s), "")
        node: dict[str, Any] = {
            "id": f"{option.id}-{var}",
            "kind": "input",
            "var": var,
            "type": "number" if param.kind == "count" else "text",
        }
        if param.kind == "time":
            node["type"] = "time"
        node["title"] = f"{_PARAM_TITLE[param.kind]} (the article: {param.literal})"
        node["text"] = _brace(
            f"The article uses {param.literal} here: "
            f'"{_shorten(context, 200)}" What should it be on this system?'
        )
        node["help"] = _brace(f"{_PARAM_HELP[param.kind]} Enter keeps {param.literal}.")
        if param.kind == "count":
            node["integer"] = True
            node["min"] = 1
            node["max"] = 999
        node["default"] = param.default
        node["source"] = _cite(article, option.section)
        node["next"] = following
        nodes.append(node)
    return nodes


def _outcome(
    article: Article,
    option: _Option,
    variables: dict[str, str],
    verify_text: str,
    symptom_section: Section | None,
) -> dict[str, Any]:
    asked = {_ref(p) for p in option.params}
    known = {ref: var for ref, var in variables.items() if ref in asked}
    steps = []
    for item in option.items:
        text, _ = _template(_shorten(item, MAX_ITEM_CHARS), known)
        steps.append({"text": text, "source": _cite(article, option.section)})
    outcome: dict[str, Any] = {
        "id": option.id,
        "kind": "outcome",
        "title": option.label,
    }
    if option.lead:
        outcome["text"] = _brace(_shorten(option.lead, 400))
    outcome["source"] = _cite(article, option.section)
    outcome["steps"] = steps
    outcome["verify"] = [
        {
            "text": _brace(verify_text),
            "source": _cite(article, symptom_section or option.section),
        }
    ]
    return outcome


# --------------------------------------------------------------------------- YAML


# libyaml's emitter when present (4x faster; the representer below is the same).
_BaseDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _DraftDumper(_BaseDumper):  # type: ignore[valid-type,misc]
    """Every string double-quoted (keys plain), sources in flow style, no aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def represent_mapping(self, tag: str, mapping: Any, flow_style: Any = None) -> yaml.Node:
        node = super().represent_mapping(tag, mapping, flow_style)
        for key, _ in node.value:
            key.style = None  # keys are plain words: id, kind, text ...
        if isinstance(mapping, dict) and set(mapping) == {"article", "section"}:
            node.flow_style = True
        return node


def _quoted(dumper: Any, data: str) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style='"')


_DraftDumper.add_representer(str, _quoted)


def draft_yaml(tree: dict[str, Any], article: Article | None = None) -> str:
    """The tree file's text: a comment header saying it is a draft, then the tree."""
    title = " ".join(str(article.title if article else tree["title"]).split())
    header = [
        f"# DRAFT decision tree for {', '.join(tree['articles'])}: {title}",
        "# Written by `kbassist draft` from the article text. Check every step against the",
        "# article, edit it, then delete `draft: true`. Format: docs/trees.md.",
    ]
    body = yaml.dump(
        tree,
        Dumper=_DraftDumper,
        sort_keys=False,
        allow_unicode=True,
        width=92,
        default_flow_style=False,
    )
    return "\n".join(header) + "\n" + body


def draft_text(article: Article, tree_id: str | None = None) -> tuple[str, Tree]:
    """The draft's file text and the Tree the real loader reads from it, lint-checked.

    Lint runs with citations checked against `article` itself; any problem is a bug in
    the drafter, raised as a DraftError rather than written or walked.
    """
    from kbassist.trees.lint import lint_result
    from kbassist.trees.loader import read_tree_bytes

    tree = draft_tree(article, tree_id)
    text = draft_yaml(tree, article)
    # Not a real file: a session of a drafted walk must not point at one.
    result = read_tree_bytes(text.encode("utf-8"), DRAFT_PATH / f"{tree['id']}.yaml")
    key = article.id.casefold()
    problems = lint_result(result, lambda ref: article if ref.casefold() == key else None)
    if problems or result.tree is None:
        first = problems[0] if problems else "no tree"
        raise DraftError(f"the draft of {article.id} does not pass lint: {first}")
    return text, replace(result.tree, drafted_from=article.id)


def draft_tree_model(article: Article, tree_id: str | None = None) -> Tree:
    """The draft as a walkable Tree, read back from `draft_yaml` by the real loader,
    so what is walked is exactly what `kbassist draft` would write."""
    return draft_text(article, tree_id)[1]


def guided_tree_for(article: Article, trees: Sequence[Tree]) -> tuple[Tree, bool]:
    """The tree to walk for `article`: a hand-written one drawn from it, else its draft.

    Returns (tree, drafted). Hand-written trees win, first in the order given.
    """
    from kbassist.trees.catalog import trees_for_article

    written = trees_for_article(list(trees), article.id)
    if written:
        return written[0], False
    return draft_tree_model(article), True
