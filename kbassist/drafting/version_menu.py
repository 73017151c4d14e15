"""Which product, version or OS first, then only its procedures (issue 13, round 29).

An article whose procedures sit under one heading per system ("On Windows NT, Windows
2000, or Windows XP:" over two procedures, "On Windows 95, Windows 98, and Windows Me:"
over two others; "## Windows 10" / "## Windows 11") offered them as one flat menu, so a
reader on Windows 98 was shown the NT registry steps beside the ones for their system.
The system is asked first, in the article's own names; each answer leads to that
heading's procedures (and the ones under no heading, which are for everyone); "Another
version" leads to those general ones, or to an honest "the article covers only ..."
outcome. Every procedure stays reachable. A version named in passing, or a list of
products one shared fix applies to, is no heading over procedures and changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from kbassist.drafting.applies_gate import NOT_APPLICABLE_SUFFIX
from kbassist.drafting.text import brace

if TYPE_CHECKING:
    from kbassist.articles import Section
    from kbassist.drafting.option_model import Option

#: The outcome "Another version" reaches when every procedure is for a named system.
#: An exit, as the applicability gate's "not for this system" outcome is.
OTHER_ID = f"other-version{NOT_APPLICABLE_SUFFIX}"
#: "On Windows NT, Windows 2000, or Windows XP:", "For Visual C++ 4.0", "Windows 11":
#: a short line naming systems only (bounded, no nested repeats: linear on any input).
_SCOPE_RE = re.compile(
    r"^(?:(?:On|For|In|Under|With|Using)\s{1,3})?(?:Microsoft\s{1,3})?"
    r"(?P<name>[A-Z][\w.+/()-]{0,30}(?:[ ,]{1,3}[\w.+/()-]{1,30}){0,14})\s{0,3}:?$"
)
#: Every word of a scope name: a capitalised name, a version number, or a joining word.
_SCOPE_WORD_RE = re.compile(
    r"^(?:[A-Z0-9][\w.+/()-]{0,30}|and|or|version|versions|edition|editions|for|later|"
    r"earlier|x64|x86|v\d[\w.]{0,10})$"
)
#: A name that is a system: an OS, a product with a version ("SNA Server 4.0", "Outlook
#: 97", "GroupWise 5.x", "Windows '95"), an edition; never "PROBLEM 2" or "Windows Networking".
_SYSTEM_RE = re.compile(
    r"\b(?:NT|XP|Vista|MS-DOS|OS/2|Macintosh|Mac OS|macOS|Linux|Unix|Edition)\b|"
    r"\b\d{1,2}\.[\dxX]{1,3}\b|\b\d{2,4}\b|'\d\d\b",
)
#: Words that make a line a step or a title, not a system's name.
_NOT_SCOPE_RE = re.compile(
    r"\b(?:Steps?|Method|Procedure|Workaround|Resolution|Cause|Symptoms?|Status|Example|"
    r"Note|Summary|Information|Reference|How|To|Using|Update|Hotfix|Service Pack|Fix|"
    r"Error|Message|Table|Figure|Appendix|Option|Part|Section|Scenario|Issue|Problem|Case|"
    r"Troubleshooting|Colors?)\b",
    re.IGNORECASE,
)
_MD_HEAD_RE = re.compile(r"^(#{1,6})\s{1,5}(.{1,120}?)\s{0,3}#{0,6}$")
_BOLD_RE = re.compile(r"^\*\*(.{1,120}?)\*\*:?$")
_RULE_RE = re.compile(r"^(?:-{3,200}|={3,200})$")


def _scope_name(line: str) -> str:
    """ "On Windows 95, Windows 98, and Windows Me:" -> "Windows 95, Windows 98, and Windows
    Me"; "" when the line names anything but systems ("Steps to Reset _Default.pif")."""
    line = line.strip().rstrip(":").strip()
    if len(line) > 90 or _NOT_SCOPE_RE.search(line):
        return ""
    found = _SCOPE_RE.match(line)
    if found is None:
        return ""
    name = found.group("name").strip(" ,")
    words = [w.strip(",") for w in name.split()]
    if not all(_SCOPE_WORD_RE.match(w) for w in words if w):
        return ""
    if words[0].endswith("ing"):
        return ""  # "Displaying 256 Colors": a topic, not a system
    return name if _SYSTEM_RE.search(name) else ""


_MARKUP_CHARS_RE = re.compile(r"[*`#_]")


def _fold(text: str) -> str:
    return " ".join(_MARKUP_CHARS_RE.sub(" ", text).split()).casefold()


_LIST_PUNCT_RE = re.compile(r"[,;]")


def _key(name: str) -> str:
    """ "Windows NT, Windows 2000, and Windows XP" and "... or Windows XP": one system."""
    words = _LIST_PUNCT_RE.sub(" ", name).casefold().split()
    return " ".join(w for w in words if w not in ("and", "or", "the", "microsoft"))


def scope_heads(text: str) -> list[tuple[int, int, str]]:
    """(line index, level, name) of each heading over a system's procedures: an underlined
    line (level 3 "===", 2 "---"), a Markdown heading (deeper is lower) or a bold line
    (level 1), or a lone short line ending in ":" (level 1)."""
    lines = text.splitlines()
    heads: list[tuple[int, int, str]] = []
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        below = lines[i + 1].strip() if i + 1 < len(lines) else ""
        above = lines[i - 1].strip() if i > 0 else ""
        level = 0
        if _RULE_RE.match(below):
            level = 3 if below.startswith("=") else 2
        elif md := _MD_HEAD_RE.match(line):
            level, line = 9 - len(md.group(1)), md.group(2)
        elif bold := _BOLD_RE.match(line):
            level, line = 1, bold.group(1)
        elif line.endswith(":") and not above and not below:
            level = 1
        name = _scope_name(line) if level else ""
        if name:
            heads.append((i, level, name))
    return heads


def _line_of(text: str, option: Option) -> int | None:
    """The line the option's procedure starts at: where its label, lead or first steps
    appear once in the section (None when none does)."""
    lines = [_fold(line) for line in text.splitlines()]
    joined = " ".join(lines)
    starts: list[int] = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    for probe in (option.label, option.lead, *option.items[:3]):
        probe = _fold(probe)[:40].rstrip(" .:")
        if len(probe) < 12 or joined.count(probe) != 1:
            continue
        at = joined.index(probe)
        return max(n for n, s in enumerate(starts) if s <= at)
    return None


def _section_heads(
    section: Section, cache: dict[int, list[tuple[int, int, str]]]
) -> list[tuple[int, int, str]]:
    """The section's system headings at the highest level that names two or more."""
    key = id(section)
    if key not in cache:
        heads = scope_heads(section.text)
        levels = sorted({lv for _, lv, _ in heads}, reverse=True)
        top = next((lv for lv in levels if len({_key(n) for _, x, n in heads if x == lv}) >= 2), 0)
        cache[key] = [h for h in heads if h[1] == top] if top else []
    return cache[key]


def option_scopes(options: Sequence[Option]) -> list[str]:
    """Each option's system, named by the heading it sits under ("" for none): the
    highest level of headings that name two or more systems in its section, or in the
    section its steps were brought from (a RESOLUTION's "see More Information")."""
    scopes: list[str] = []
    cache: dict[int, list[tuple[int, int, str]]] = {}
    for option in options:
        scope = ""
        for section in (option.section, option.also_from):
            heads = _section_heads(section, cache) if section is not None else []
            line = _line_of(section.text, option) if heads and section is not None else None
            over = [name for at, _, name in heads if line is not None and at <= line]
            if over:
                scope = over[-1]
                break
        scopes.append(scope)
    return scopes


def _names_one(name: str, said: str) -> bool:
    """ "... all Windows NT Command Prompts" names one of "Windows NT, Windows 2000"."""
    parts = [_key(p) for p in re.split(r",|\band\b|\bor\b", name)]
    return any(p and re.search(rf"\b{re.escape(p)}\b", said) for p in parts)


def _kind(names: Sequence[str]) -> str:
    """What the answers name: an operating system, a version, or a product."""
    if all(re.search(r"\b(?:Windows|MS-DOS|OS/2|Macintosh|macOS|Linux)\b", n) for n in names):
        return "operating system"
    if all(re.search(r"\d", n) for n in names):
        return "version"
    return "product"


#: "Windows 95/98 With FlexiCD": a configuration, not a version another one could replace.
_CONFIG_RE = re.compile(r"\b(?:with|without|using|not using)\b", re.IGNORECASE)


def _exit_fits(labels: Sequence[str], modern: bool) -> bool:
    """Whether "Another version" can honestly say "not covered": never on a current
    article (Windows 11 follows its Windows 10 steps), nor over configurations."""
    return not modern and not any(_CONFIG_RE.search(label) for label in labels)


def version_first(
    question: dict[str, Any], rest: Sequence[Option], source_name: str, modern: bool = False
) -> list[dict[str, Any]]:
    """The menu `question` (one choice per option of `rest`, in order) split by system:
    the question becomes "Which <OS/version> do you use?", whose answers lead to a menu of
    that system's options (or straight to a lone one); the nodes to add after it. Empty
    (and the question unchanged) unless two or more systems each head an option."""
    choices = question.get("choices", [])
    if len(choices) != len(rest) or len(rest) < 2:
        return []
    scopes = option_scopes(rest)
    names: dict[str, str] = {}
    for scope in scopes:
        if scope:
            names.setdefault(_key(scope), scope)
    if len(names) < 2 or len(names) > 8:
        by_version = question["title"] in (
            "Which of these do you run?",
            "Which version do you run?",
        )
        if not by_version and not all(o.kind == "version" for o in rest):
            return []
        if not all(_scope_name(str(c["label"])) for c in choices):
            return []  # "Additional Exchange Server Troubleshooting Steps": not a version
        # "Which of these do you run?" over one procedure per version: one more answer for
        # a version the article does not cover, that says so
        listed = "; ".join(str(c["label"]) for c in choices)
        if not _exit_fits([str(c["label"]) for c in choices], modern):
            return []
        choices.append({"value": "other", "label": "Another version", "next": OTHER_ID})
        return [other_outcome(question["source"], listed, source_name)]
    for n, scope in enumerate(scopes):
        if scope:
            continue
        said = _key(" ".join((rest[n].label, rest[n].lead)))
        named = [k for k in names if re.search(rf"\b{re.escape(k)}(?!\w)", said)]
        named = named or [k for k, name in names.items() if _names_one(name, said)]
        if len(named) == 1:  # "... all Windows NT Command Prompts": that system's
            scopes[n] = names[named[0]]
    general = [c for c, s in zip(choices, scopes, strict=True) if not s]
    if not general and len(names) == len(choices):
        # one procedure per system: the menu already asks it; say what is not covered
        listed = "; ".join(names.values())
        if not _exit_fits(list(names.values()), modern):
            return []
        choices.append({"value": "other", "label": "Another version", "next": OTHER_ID})
        return [other_outcome(question["source"], listed, source_name)]
    kind = _kind(list(names.values()))
    word = "version" if kind == "version" else kind
    menu_id = str(question["id"])
    nodes: list[dict[str, Any]] = []
    answers: list[dict[str, str]] = []
    for k, (key, name) in enumerate(names.items(), 1):
        own = [c for c, s in zip(choices, scopes, strict=True) if s and _key(s) == key]
        offered = [c for c in choices if c in own or c in general]
        if len(offered) == 1:
            answers.append({"value": f"system_{k}", "label": name, "next": offered[0]["next"]})
            continue
        sub = {**question, "id": f"{menu_id}_{k}", "choices": [dict(c) for c in offered]}
        sub["text"] = brace(f"For {name}, the article gives these. Which fits this system?")
        nodes.append(sub)
        answers.append({"value": f"system_{k}", "label": name, "next": sub["id"]})
    listed = "; ".join(names.values())
    if general:
        other = {**question, "id": f"{menu_id}_other", "choices": [dict(c) for c in general]}
        if len(general) == 1:
            answers.append(
                {"value": "other", "label": f"Another {word}", "next": general[0]["next"]}
            )
        else:
            other["text"] = brace("The article gives these for any system. Which fits?")
            nodes.append(other)
            answers.append({"value": "other", "label": f"Another {word}", "next": other["id"]})
    else:
        answers.append({"value": "other", "label": f"Another {word}", "next": OTHER_ID})
        nodes.append(other_outcome(question["source"], listed, source_name))
    question["title"] = f"Which {word} do you use?"
    question["text"] = brace(
        f"The article's procedures differ by {word} ({listed}). Which do you use?"
    )
    question["choices"] = answers
    for node in (question, *nodes):
        if re.search(r"\(\d{1,2}\)", str(node.get("help", ""))):
            del node["help"]  # "When to choose: (1) ... (4) ...": the flat menu's numbers
    return nodes


def other_outcome(cite: dict[str, str], listed: str, source_name: str) -> dict[str, Any]:
    """The honest end of "Another version": the article's procedures are for others."""
    return {
        "id": OTHER_ID,
        "kind": "outcome",
        "title": "The article's procedures are for other versions",
        "text": brace(f"{source_name} gives procedures only for: {listed}."),
        "source": cite,
        "steps": [
            {
                "text": brace(
                    f"Do not follow {source_name}'s procedures on this system: look for an "
                    "article for the version you use."
                ),
                "source": cite,
            }
        ],
    }
