"""What MORE INFORMATION says to do after the fix is applied: steps of that fix (issue 13,
archive; round 18).

Many MS KB hotfix articles resolve the problem with a fix got from Microsoft and say only
under MORE INFORMATION what makes it work: "After you apply the hotfix, use the following
steps to modify the registry: 1. Start Registry Editor ... 3. ... add the following
registry value: FindServerLessAttempts ... 5. Shut down and restart the computer.",
"After applying this fix, perform the steps below to create a new registry value.",
"After you apply this fix, you can manually add a registry entry to turn on this
functionality. To do this, follow these steps:". The draft ticked "obtain the fix" and
"install it" and dropped the procedure, so a walk ended with the fix installed and its
setting still at the default. Here that procedure becomes the fix's own later steps, after
its install (one restart at the end: the procedure's own, when it has one), cited from
MORE INFORMATION. Only a numbered procedure under such a lead is taken; "After you apply
the update, SNA Server will ..." says what the fix does, nothing to do.
"""

from __future__ import annotations

import re

from kbassist.articles import Article, Section
from kbassist.drafting.more_steps import _procedures
from kbassist.drafting.option_model import Option
from kbassist.drafting.options import MORE_KEYS, _procedure
from kbassist.drafting.registry_values import MAX_DWORD, _token
from kbassist.drafting.text import clean, paragraphs, split_detail, with_detail

#: "After you apply the hotfix", "After applying this fix", "After you install the
#: updated files", "After the update is applied": the fix is in place first.
_AFTER_RE = re.compile(
    r"\bafter (?:you (?:have )?(?:apply|applied|install|installed)|applying|"
    r"installing|(?:the|this) (?:hot ?fix|fix|update|patch|service pack) (?:is|has been) "
    r"(?:applied|installed))\b(?P<what>[^.:]{0,80})",
    re.IGNORECASE,
)
#: What is applied: an update of some kind, not "After you apply the policy".
_UPDATE_RE = re.compile(
    r"\b(?:hot ?fix|fix|update[ds]?|patch|service pack|files?|binar(?:y|ies)"
    r"|\w+\.(?:dll|sys|exe))\b|^\s*$",
    re.IGNORECASE,
)
#: The lead tells to do what follows: "use the following steps", "perform the steps
#: below", "follow these steps", "you can manually add a registry entry", "the following
#: registry entry must be added".
_DO_RE = re.compile(
    r"\b(?:use|follow|perform|complete|do)\s+(?:the|these)\s+(?:following\s+)?"
    r"(?:steps|procedure|instructions)\b|\bsteps below\b|\bfollow these steps\b"
    r"|\b(?:must|should|can|need to|have to)\s+(?:(?:manually|then|also)\s+)?(?:add|create|set"
    r"|modify|change|configure|edit|enable|be added|be created|be set)\b",
    re.IGNORECASE,
)
_NOTE_RE = re.compile(r"^(?:note|notes|caution|warning|important)\b\s*[:.-]", re.IGNORECASE)
_FIRST_RE = re.compile(r"^1[.)]\s")
#: A step that restarts (the fix's own restart is then not said twice).
_RESTART_RE = re.compile(
    r"\b(?:restart|reboot|shut down and restart)\b[^.]{0,40}\b(?:computer|server|system|"
    r"machine|windows|workstation)\b|^(?:restart|reboot)\b",
    re.IGNORECASE,
)
#: An option that gets or installs an update ("Contact Microsoft Product Support Services
#: to obtain the fix", "Install the fix ...", "Obtain the latest service pack").
_GETS_FIX_RE = re.compile(
    r"\b(?:obtain|install|apply|download|get)\b[^\n]{0,60}?\b(?:hot ?fix|fix|update|patch|"
    r"service pack)\b",
    re.IGNORECASE,
)


#: A step's value rows: "Value Name: FindServerLessAttempts", "Data Type: REG_DWORD",
#: "Value (Decimal): Maximum and default is 10. Use a value less than 10, such as 3."
#: A row's leading marks never span lines (`^\W*` rescanned every blank line below each
#: line start: quadratic on a detail of blank lines or an ASCII table's rules).
_NAME_ROW_RE = re.compile(
    r"^[^\w\n]*value name\s*:\s*(?P<name>[A-Za-z][\w.-]*(?: [\w.-]+){0,4})\s*$", re.I | re.M
)
_TYPE_ROW_RE = re.compile(
    r"^[^\w\n]*(?:data |value )?type\s*:\s*"
    r"(?P<type>(?:REG_)?(?:DWORD|SZ|EXPAND_SZ|MULTI_SZ|BINARY))\b",
    re.I | re.M,
)
#: "YES" (without the quotation marks)": the data, its quotes and their note dropped.
_UNQUOTED_RE = re.compile(r"(?<!\s)\s*\(without (?:the )?quotation marks\)", re.IGNORECASE)
_VALUE_ROW_RE = re.compile(
    r"^[^\w\n]*value(?: data)?(?: \((?:decimal|hexadecimal|hex)\))?\s*:\s*(?P<said>.+?)"
    r"(?=\n\s*\n|\n[^\w\n]*(?:note|value name|data type)\b|\Z)",
    re.I | re.M | re.S,
)
#: What the prose says of the number: "Maximum and default is 10", "The default is 3",
#: "a value between 2 and 10", "the minimum is 1".
_MAX_RE = re.compile(r"\bmaximum(?: \w+){0,2} is (?P<n>\d{1,9})\b", re.I)
_MIN_RE = re.compile(r"\bminimum(?: \w+){0,2} is (?P<n>\d{1,9})\b", re.I)
_DEFAULT_RE = re.compile(r"\bdefault(?: value)? is (?P<n>\d{1,9})\b", re.I)
_BETWEEN_RE = re.compile(r"\bbetween (?P<lo>\d{1,9}) and (?P<hi>\d{1,9})\b", re.I)


def _lead_says_after(text: str) -> bool:
    """A lead paragraph that says to do something once the fix is applied."""
    if "after" not in text.casefold():
        return False
    for found in _AFTER_RE.finditer(text):
        what = found.group("what")
        rest = text[found.start() :]
        start = re.split(r"[.!?:]\s+", text[: found.start()])[-1].lstrip()
        if start[:3].casefold() == "to ":
            continue  # "To remove X after you install the update, ...": another goal
        if not _UPDATE_RE.search(what.split(",")[0]):
            continue
        if _DO_RE.search(rest) or re.match(r"[^,.:]*:\s*$", what + text[found.end() :]):
            return True  # "After applying the hotfix:" right over its steps
    return False


def post_fix_procedure(section: Section) -> list[str]:
    """The checklist items of the numbered procedure `section` says to carry out after
    the fix is applied ([] if it says none)."""
    text = section.text
    if "after" not in text.casefold() or not re.search(r"^[ \t]*1[.)][ \t]", text, re.M):
        return []  # the cheap test before any paragraph is read
    paras = paragraphs(text)
    for _, steps, _ in _procedures(section, frozenset()):
        at = next((n for n, p in enumerate(paras) if p is steps[0]), None)
        if at is None:
            at = next((n for n, p in enumerate(paras) if p == steps[0]), None)
        if at is None:
            continue
        before = []
        for para in reversed(paras[max(0, at - 5) : at]):
            if para.numbered or para.heading:
                break
            before.append(para)
        leads = [clean(p.text) for p in before]
        # the lead, maybe over the registry WARNING and its pointer to Help
        if not any(_lead_says_after(t) for t in leads):
            continue
        items = _procedure(steps)[1]
        if len(items) >= 2:
            return items
    return []


def _gets_fix(option: Option) -> bool:
    """An option that obtains or installs the fix: an upgrade (the release that has it),
    or a step that gets or installs an update."""
    if option.kind == "upgrade":
        return True
    return option.kind == "option" and any(
        _GETS_FIX_RE.search(split_detail(i)[0]) for i in option.items
    )


#: "To install the hotfix, perform the following steps on each Systems Management Server
#: logon server ...:", "To install, you must replace the Netlogon.dll file ... with the
#: version that is associated with this hotfix:": the lead of the fix's own install
#: procedure, in another section than the fix (kbref40).
_INSTALL_LEAD_RE = re.compile(
    r"^to install(?:\s+(?:the|this)\s+(?:hot ?fix|fix|update|patch)(?:es)?)?,\s+"
    r"(?:[^:.]|\.(?=\w)){5,240}:$",
    re.IGNORECASE,
)
#: A release, not the hotfix: "the latest service pack for SMS 2.0", "version 4.1".
_PACK_RE = re.compile(r"\bservice\s+(?:pack|release)|\bversion\b|\brollup\b", re.IGNORECASE)
#: The install step `install_after_obtain` writes when the article says no more.
_GENERIC_INSTALL = "by following the instructions that come with"


def install_procedure(article: Article, option: Option) -> None:
    """The article's own install procedure instead of "Install the fix by following the
    instructions that come with it": the numbered steps under "To install the hotfix,
    perform the following steps ...:" in MORE INFORMATION or CAUSE, led by that sentence
    (which says where to carry them out), cited from that section."""
    at = next((n for n, i in enumerate(option.items) if _GENERIC_INSTALL in i), None)
    if at is None or option.also_from is not None:
        return
    if _PACK_RE.search(split_detail(option.items[at])[0]):
        return  # "Install the latest service pack": the hotfix's steps are not the pack's
    for section in article.sections:
        if section is option.section or "o install" not in section.text:
            continue
        for lead, steps, bare in _procedures(section, frozenset()):
            said = clean(lead)
            if bare or not _INSTALL_LEAD_RE.match(said):
                continue
            items = _procedure(steps)[1]
            if len(items) < 2:
                continue
            # the lead (where to carry the steps out) under the first step, as
            # `pointed_steps` shows a procedure's lead; the install step's table over it
            table = split_detail(option.items[at])[1]
            text, detail = split_detail(items[0])
            notes = "\n\n".join(p for p in (table, said, detail) if p.strip())
            option.items[at : at + 1] = [with_detail(text, notes), *items[1:]]
            option.also_from = section
            return


def post_fix_steps(article: Article, option: Option) -> None:
    """Add to `option`, a fix that obtains and installs an update, the procedure MORE
    INFORMATION says to carry out after the fix is applied (see the module docstring)."""
    if article.style != "mskb" or not option.items or not _gets_fix(option):
        return
    install_procedure(article, option)
    # MORE INFORMATION's procedure, or STATUS's ("This problem was first corrected in SP3.
    # After you apply the fix, you must configure the X.400 Connector ... use the following
    # steps": the steps to carry out once the release is in)
    found = [
        (more, items)
        for more in article.sections
        if more.key in (*MORE_KEYS, "status") and more.text.strip() and option.section is not more
        if (items := post_fix_procedure(more))
    ]
    if not found:
        return
    more, items = found[0]
    said = {clean(split_detail(i)[0]).casefold() for i in option.items}
    items = [i for i in items if clean(split_detail(i)[0]).casefold() not in said]
    if not items:
        return
    items = _prose_values(article, option, items)
    mine = list(option.items)
    if any(_RESTART_RE.search(split_detail(i)[0]) for i in items):
        while mine and _RESTART_RE.search(split_detail(mine[-1])[0]):
            mine.pop()  # one restart, the procedure's own, at the end
    option.items = [*mine, *items]
    if option.also_from is None:
        option.also_from = more


def _said_range(said: str, article: Article) -> tuple[int, int, int | None] | None:
    """(min, max, default) of a DWORD whose value the step says in prose; the article's
    "a value between 2 and 10" gives the bottom when the prose gives only the top."""
    within = _BETWEEN_RE.search(said)
    top = _MAX_RE.search(said)
    if within is None and top is None:
        return None
    high = int(within.group("hi")) if within else int(top.group("n")) if top else MAX_DWORD
    low = int(within.group("lo")) if within else 0
    bottom = _MIN_RE.search(said)
    if bottom is not None:
        low = int(bottom.group("n"))
    elif within is None:
        body = " ".join(" ".join(s.text for s in article.sections).split())  # "2\nand 10"
        ranges = {(int(m.group("lo")), int(m.group("hi"))) for m in _BETWEEN_RE.finditer(body)}
        if len(ranges) == 1 and next(iter(ranges))[1] == high:
            low = next(iter(ranges))[0]  # the CAUSE's "to a value between 2 and 10"
    found = _DEFAULT_RE.search(said) or (
        top if top and re.search(r"\band default\b", top.group(0), re.I) else None
    )
    default = int(found.group("n")) if found else None
    if not low < high or (default is not None and not low <= default <= high):
        return None
    return low, high, default


def _prose_values(article: Article, option: Option, items: list[str]) -> list[str]:
    """Each step over "Value Name: / Data Type: / Value:" rows says the value it adds: its
    name, type and data ("... add the following registry value: RenegCNOSAtReconnect
    (REG_SZ), set to YES."); a DWORD whose data the article says only in prose ("Maximum
    and default is 10. Use a value less than 10, such as 3.") is asked as `{Name}`, a
    whole number in the range the article gives."""
    out = []
    for item in items:
        text, detail = split_detail(item)
        name = _NAME_ROW_RE.search(detail) if "REG_" in text + detail or "DWORD" in detail else None
        kind = _TYPE_ROW_RE.search(detail) if name else None
        if name is None or kind is None or "REG_" in text or not text.rstrip().endswith(":"):
            out.append(item)  # no value rows, or the step says more than "the following"
            continue
        said = _VALUE_ROW_RE.search(detail)
        value = " ".join(said.group("said").split()) if said else ""
        value = _UNQUOTED_RE.sub("", value).strip("\"' ")
        typed = kind.group("type").upper()
        typed = typed if typed.startswith("REG_") else f"REG_{typed}"
        named = f"{text.rstrip(' :')}: {name.group('name')} ({typed})"
        if value and len(value.split()) <= 3 and not re.search(r"\b(?:or|if|where)\b", value):
            out.append(with_detail(f"{named}, set to {value}.", detail))  # the article's data
            continue
        bounds = _said_range(value, article) if value and typed == "REG_DWORD" else None
        token = _token(name.group("name"))
        if bounds is None or token in option.bounds:
            out.append(with_detail(f"{named}.", detail))  # its data shown under it
            continue
        option.bounds[token] = bounds
        option.bound_names[token] = name.group("name")
        option.bound_notes[token] = value
        out.append(with_detail(f"{named}, set to {token}.", detail))
    return out
