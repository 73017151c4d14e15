"""A fix's steps given once per system: "Windows 95:" over its steps, "Microsoft Windows
98, ... or Microsoft Windows 2000:" over others (round 34, tried35; seed-94 readers).

Inside one fix (Q287923's "Resolve IRQ Conflict": "use the appropriate method for your
version of Microsoft Windows. Windows 95: 1. ... Windows 98/Me/2000: 1. ...") the draft ran
both procedures in turn and ticked the second system's name as a step. Here the walk asks
"Which version of Windows do you run?" with the article's own names as answers
("Not sure" shows each), each system's steps run only for it, and the name lines are no
steps. A system's steps end at the next system's line, at the next stage of a staged fix
("Stage: ..." under its first step), or at the end of the fix.

Names come from `version_menu`'s scope test (a short line naming systems only, "Windows
95", "MS-DOS 6.2", "Windows for Workgroups version 3.11"), so a step that ends in a colon
("Type the following:") is never one.
"""

from __future__ import annotations

import re

from kbassist.drafting.option_model import Ask, Option
from kbassist.drafting.text import short_label, split_detail
from kbassist.drafting.version_menu import _scope_name

_MAX_CASES = 6
#: The lead's last sentence: where "... for your version of Windows. Windows 95:" ends.
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s{1,4}(?=\S)")


def _scope(item: str) -> str:
    """The system a step only names ("Windows 95:"), or ""."""
    text, detail = split_detail(item)
    text = text.strip()
    if detail or not text.endswith(":") or len(text) > 140:
        return ""
    return _system_name(text)


#: "(Me)", "(32-bit)": a short aside the scope test does not read.
_ASIDE_RE = re.compile(r"\s{0,2}\([^()]{1,20}\)")


def _system_name(line: str) -> str:
    """The systems a line names, as the article writes them ("Microsoft Windows 98,
    Microsoft Windows Millennium Edition (Me), or Microsoft Windows 2000"), or ""."""
    line = line.strip().rstrip(":").strip()
    if not _scope_name(_ASIDE_RE.sub("", line)):
        return ""
    line = _SCOPE_WORD_RE.sub("", line)  # "For Windows 2000" -> "Windows 2000"
    return short_label(line, 80)


#: "For ", "On ", "Under ": the word before the systems a line names.
_SCOPE_WORD_RE = re.compile(r"^(?:On|For|In|Under|With|Using)\s{1,3}(?=\S)")


def _stage_start(item: str) -> bool:
    """Whether a step opens the next stage of a staged fix (its "Stage: ..." note)."""
    return "Stage: " in split_detail(item)[1]


def scoped_steps(option: Option, counter: int, limit: int) -> int:
    """Ask which system applies when a fix gives its steps per system under name lines;
    returns the question counter."""
    items = option.items
    if len(option.asks) >= limit or len(items) < 3 or option.kind not in ("option", "workaround"):
        return counter
    lead = option.lead.rstrip()
    lead_name = ""
    if lead.endswith(":"):
        lead_name = _system_name(_SENTENCE_END_RE.split(lead)[-1])
    marks = [(n, name) for n, item in enumerate(items) if (name := _scope(item))]
    if not marks or (not lead_name and len(marks) < 2):
        return counter
    if lead_name and marks[0][0] == 0:
        return counter  # "Windows 95:" ending the lead, then another name at once: no steps
    starts = ([(-1, lead_name)] if lead_name else []) + marks
    names = [name for _, name in starts]
    if not 2 <= len(names) <= _MAX_CASES or len({n.casefold() for n in names}) != len(names):
        return counter
    owners: dict[int, int] = {}
    for j, (at, _) in enumerate(starts):
        end = starts[j + 1][0] if j + 1 < len(starts) else len(items)
        n = at + 1
        while n < end:
            if n > at + 1 and _stage_start(items[n]):
                break  # the next stage is for every system
            owners[n] = j
            n += 1
        if n == at + 1:
            return counter  # a name over no steps
        if j + 1 < len(starts) and n < end:
            return counter  # a stage between two systems' steps: not one system's list
    if any(k in option.when for k in owners) or any(n in option.when for n, _ in marks):
        return counter
    counter += 1
    var = f"if_{counter}"
    for k, j in owners.items():
        option.when[k] = f'{var} == "case_{j + 1}" or {var} == "unsure"'
    dropped = {n for n, _ in marks}
    keep = [n for n in range(len(items)) if n not in dropped]
    moved = {old: new for new, old in enumerate(keep)}
    option.when = {
        (moved[k] if k >= 0 else k): v for k, v in option.when.items() if k < 0 or k in moved
    }
    option.items = [items[n] for n in keep]
    if lead_name:  # "... for your version of Microsoft Windows. Windows 95:" asked, not said
        cut = _SENTENCE_END_RE.split(lead)
        option.lead = lead[: len(lead) - len(cut[-1])].rstrip() if len(cut) > 1 else ""
    windows = all("windows" in name.casefold() for name in names)
    title = "Which version of Windows do you run?" if windows else "Which version do you run?"
    option.asks.append(
        Ask.of_cases(var, title, "version", names, "Which do you run? Only its steps are shown.")
    )
    return counter


#: "For MS-DOS 6.22, use ...", "In Windows 98: click ...": a step led by the system it is for.
_PREFIX_RE = re.compile(r"^(?:For|On|In|Under)\s{1,3}(?=[A-Z])")
#: The last word of a system's name: a version, an OS, "later" ("Windows 98 and earlier").
_NAME_END_RE = re.compile(
    r"(?:\d[\w.]{0,8}|\d{0,4}\.?[xX]|NT|XP|Me|Vista|2000|Macintosh|MS-DOS|OS/2|Windows|"
    r"Edition|later|earlier|above|higher|versions?|editions?|x64|x86|'\d\d)$"
)
#: A name's words that tell systems apart: a version number or an OS's own name.
_VERSION_TOKEN_RE = re.compile(r"\d|^(?:nt|xp|me|vista|macintosh|ms-dos|os/2)$")
_COMMA_COLON_RE = re.compile(r"[,:]")


def _doing(rest: str) -> bool:
    """Whether what follows the system's name is something to do ("use X", "from the Data
    menu, choose Y"), not a statement ("these files are on Disk 1")."""
    from kbassist.drafting.options import _is_action

    if _is_action(rest):
        return True
    head, _, tail = rest.partition(", ")
    return bool(tail) and len(head.split()) <= 8 and _is_action(tail)


def _prefixed(item: str, doing: bool = True) -> str:
    """The system a step is for when it opens by naming it ("For MS-DOS 6.0 and 6.2, use
    MS-DOS DoubleSpace"), or ""; the longest name that is a system's and (`doing`) is
    followed by something to do."""
    text = split_detail(item)[0].strip()
    lead = _PREFIX_RE.match(text)
    if lead is None:
        return ""
    best = ""
    for cut in _COMMA_COLON_RE.finditer(text, lead.end(), min(len(text), lead.end() + 100)):
        name = text[lead.end() : cut.start()].strip()
        rest = text[cut.end() :].strip()
        if not rest or not _NAME_END_RE.search(name) or not _system_name(name):
            continue
        if not doing or _doing(rest[0].lower() + rest[1:]):
            best = _system_name(name)
    return best


def _tokens(name: str) -> frozenset[str]:
    """What tells a system from the others: its version numbers ("6.0", "6.2"), else its
    OS's own name ("nt", "xp"); two names that share one overlap ("4.0, 5.0, and 5.5")."""
    words = re.sub(r"[,;/]", " ", name).casefold().split()
    numbers = frozenset(w.rstrip(".") for w in words if any(c.isdigit() for c in w))
    return numbers or frozenset(w for w in words if _VERSION_TOKEN_RE.search(w))


def prefixed_steps(option: Option, counter: int, limit: int) -> int:
    """Ask which system applies when two or more steps in a row each open by naming a
    different system ("For MS-DOS 6.0 and 6.2, use DoubleSpace." / "For MS-DOS 6.22, use
    DriveSpace."): alternatives by version, not a sequence. Only the chosen system's step
    runs; the steps around them stay shared. Returns the question counter."""
    items = option.items
    if len(items) < 2 or option.kind not in ("option", "workaround"):
        return counter
    if sum(1 for item in items if _PREFIX_RE.match(item)) < 2:
        return counter  # a run needs two steps led by a system
    names = [("" if n in option.when else _prefixed(item)) for n, item in enumerate(items)]
    runs = _runs(names)
    if not runs or any(_unread_neighbour(items, names, run) for run in runs):
        return counter
    start = counter
    #: each set of systems asked: its variable and its systems, by their tokens
    asked: dict[frozenset[frozenset[str]], tuple[str, list[frozenset[str]], list[str]]] = {}
    new_asks: list[Ask] = []
    for run in runs:
        key = frozenset(_tokens(names[n]) for n in run)
        if len(run) > _MAX_CASES or len(key) != len(run):
            return start
        if key in asked:
            continue
        cases = [names[n] for n in run]
        reused = _asked_already(option, key)
        if reused:
            asked[key] = reused
            continue
        if len(option.asks) + len(new_asks) >= limit:
            return start
        counter += 1
        var = f"if_{counter}"
        asked[key] = (
            var,
            [_tokens(c) for c in cases],
            [f"case_{j}" for j in range(1, len(cases) + 1)],
        )
        new_asks.append(
            Ask.of_cases(
                var,
                _version_title(cases),
                "version",
                cases,
                "Which do you run? Only its steps are shown.",
            )
        )
    gated: dict[int, str] = {}
    for n, name in enumerate(names):
        if not name:
            continue
        mine = _tokens(name)
        if any(len(toks) > 1 and mine >= frozenset().union(*toks) for _, toks, _ in asked.values()):
            continue  # "For Exchange Server 4.0, 5.0, and 5.5, ...": every system's step
        hits = [
            (var, values[toks.index(mine)]) for var, toks, values in asked.values() if mine in toks
        ]
        if len(hits) != 1:
            return start  # a system no question asks: the steps are not read right
        var, value = hits[0]
        others = [c for _, toks, _ in asked.values() for c in toks if c != mine]
        if any(_names_also(items[n], other) for other in others):
            return start  # "For 2.11, do X. For 3.0, do Y" in one step: not one system's
        gated[n] = f'{var} == "{value}" or {var} == "unsure"'
    option.when.update(gated)
    option.asks.extend(new_asks)
    return counter


def _runs(names: list[str]) -> list[list[int]]:
    """The indexes of each run of two or more steps in a row led by systems that share
    no version ("6.0 and 6.2" / "6.22"; "4.0, 5.0, and 5.5" after "4.0 and 5.0" ends it)."""
    runs: list[list[int]] = []
    run: list[int] = []
    for n, name in enumerate(names):
        mine = _tokens(name) if name else frozenset()
        if mine and not any(mine & _tokens(names[k]) for k in run):
            run.append(n)
            continue
        if len(run) >= 2:
            runs.append(run)
        run = [n] if mine else []
    if len(run) >= 2:
        runs.append(run)
    return runs


def _unread_neighbour(items: list[str], names: list[str], run: list[int]) -> bool:
    """Whether the step just before or after a run opens the same way ("For Visual C++
    version 1.0 and above, ...") with a name not read as a system's: one more case."""
    word = items[run[0]].split(None, 1)[0]
    for n in (run[0] - 1, run[-1] + 1):
        if 0 <= n < len(items) and not names[n] and re.match(rf"{word}\s[A-Z]", items[n]):
            return True
    return False


#: "If you are running Windows NT": an earlier question's case that names a system.
_RUNNING_RE = re.compile(r"^(?:if )?(?:you(?:'re| are) (?:running|using) |on |in |for )", re.I)


def _asked_already(
    option: Option, key: frozenset[frozenset[str]]
) -> tuple[str, list[frozenset[str]], list[str]] | None:
    """An earlier question of this fix whose cases are these systems ("You are running
    Windows NT" / "You are running Windows 2000"): its variable, so it is not asked twice."""
    for ask in option.asks:
        cases = [c for c in ask.choices if c["value"].startswith("case_")]
        toks = [_tokens(_RUNNING_RE.sub("", c["label"])) for c in cases]
        if len(cases) == len(key) and set(toks) == set(key):
            return ask.var, toks, [c["value"] for c in cases]
    return None


def _names_also(item: str, other: frozenset[str]) -> bool:
    """Whether a step also speaks of another system later on ("... For SNA Server versions
    3.0 and 4.0, ...")."""
    for found in re.finditer(r"\b(?:For|On|In|Under) (?=[A-Z])", item[1:]):
        name = _prefixed(item[1 + found.start() :], doing=False)
        if name and _tokens(name) == other:
            return True
    return False


_NOT_PRODUCT_WORD_RE = re.compile(r"\d|^(?:versions?|and|or|for)$", re.IGNORECASE)


def _version_title(cases: list[str]) -> str:
    """ "Which version of MS-DOS do you run?" when every name opens with the same product
    ("MS-DOS 6.0 and 6.2" / "MS-DOS 6.22"), else by Windows, else "Which do you use?"."""
    common: list[str] = []
    for words in zip(*(c.split() for c in cases), strict=False):
        if len({w.casefold() for w in words}) != 1 or _NOT_PRODUCT_WORD_RE.search(words[0]):
            break
        common.append(words[0])
    if common and common[0].casefold() == "microsoft":
        common = common[1:]
    if common and not any(c.isdigit() for c in " ".join(common)):
        return f"Which version of {' '.join(common)} do you run?"
    if all("windows" in c.casefold() for c in cases):
        return "Which version of Windows do you run?"
    return "Which of these do you use?"
