"""A fix titled by its first UI step named by what it does.

Modern articles often give a fix as steps that begin by opening a tool: the title taken
from the first step then reads "Workaround: Click Start" or "Resolution: Open SQL Server
Configuration Manager", which says where the reader clicks first, not what the fix does.
The fix is named instead by the first thing its steps do past that navigation: "Open
Device Manager ..., and then uninstall the TPM driver" -> "Uninstall the TPM driver";
"Open the Hosts file, make the necessary changes" after "... click Run as administrator"
-> "Edit the Hosts file as an administrator"; "At the command prompt, type the following
command ...: sfc /verifyonly" -> "Run sfc /verifyonly".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from kbassist.drafting.text import clean, short_label, split_sentences

#: A clause that only gets somewhere: a click, an open, a log-on, "In Control Panel".
_NAV_RE = re.compile(
    r"^(?:click|double-click|right-click|select|choose|open|start|launch|press|tap"
    r"|log (?:on|in)|sign in|navigate|go to|browse|expand|point to|switch to"
    r"|(?:in|on|at|from|under|within) (?:the )?[\w .'-]{1,60}$)\b",
    re.IGNORECASE,
)
#: The same, for the title: a fix named by a click, an open or a log-on.
_NAV_TITLE_RE = re.compile(
    r"^(?:(?:before|after|when|once) [^,]{3,80}, )?(?:click|double-click|right-click|select"
    r"|open|start|press|log (?:on|in)|sign in|navigate|go to|browse|expand|point to"
    r"|in control panel)\b",
    re.IGNORECASE,
)
#: A step that only looks: kept as the name only when nothing else is done.
_LOOK_RE = re.compile(r"^(?:check|verify|examine|review|locate|find|look|see|note)\b", re.I)
#: Clause breaks inside one sentence: ", and then", ", then", " and then".
_CLAUSE_RE = re.compile(r",\s+(?:and\s+)?(?:then,?\s+)?|\s+and then\s+|;\s+", re.IGNORECASE)
#: "type the following command and then press Enter: sfc /verifyonly".
_TYPED_RE = re.compile(
    r"^(?:at (?:the|a|an elevated) command prompt,\s+)?(?:type|run|enter) the following"
    r" command\b[^:]{0,60}:\s*(?P<cmd>\S[^\n]{0,80})$",
    re.IGNORECASE,
)
#: A clause saying when the step is done, before what it does.
_WHEN_RE = re.compile(r"^(?:before|after|when|once)\s", re.IGNORECASE)
#: "type the following at the Command Prompt:": the command is the step's detail.
_TYPE_SHOWN_RE = re.compile(
    r"^(?:type|run|enter) the following\b[^:]{0,60}:$|^(?:type|run|enter) this command\b",
    re.IGNORECASE,
)
#: "make the necessary changes" after "Open the Hosts file": the fix edits that file.
_CHANGES_RE = re.compile(
    r"^make (?:the |your |any )?(?:necessary |required |needed )?changes\b", re.IGNORECASE
)
_OPENED_RE = re.compile(r"^open (?P<what>.{3,80})$", re.IGNORECASE)
_ADMIN_RE = re.compile(r"\b(?:administrator|elevated|admin rights)\b", re.IGNORECASE)
#: A section name before the title's colon: "Workaround: ", "Resolution 2: ".
_PREFIX_RE = re.compile(r"^(?P<head>[A-Z][\w ]{1,40}?\d*): (?P<body>.+)$")


def action_title(
    label: str,
    lead: str,
    steps: Sequence[str],
    is_action: Callable[[str], bool],
    details: Sequence[str] = (),
) -> str:
    """`label` ("Workaround: Click Start") named by its `lead` when that says the fix
    ("Store a trusted credential in Credential Manager. To do this, ..."), else by the
    first thing the fix's `steps` do past their navigation, when the label is the start of
    its first step; `label` unchanged when it names more than a click or nothing better
    is said."""
    found = _PREFIX_RE.match(label)
    head, body = (found.group("head") + ": ", found.group("body")) if found else ("", label)
    if not steps or not _NAV_TITLE_RE.match(body):
        return label
    first = " ".join(clean(steps[0]).split()).casefold()
    if not first.startswith(body.rstrip(".").casefold()):
        return label  # named by something else than its first step
    name = _lead_name(lead, is_action) or _named(steps[:5], is_action, details)
    return head + name if name else label


#: A lead that only announces the steps: "To resolve this, follow these steps:".
_ANNOUNCE_RE = re.compile(
    r"^(?:to (?:do|resolve|fix|work around|avoid)\b|follow|do the following|use (?:one|either)"
    r"|perform|complete|try)\b",
    re.IGNORECASE,
)


#: Imperatives the step reader does not list that name a fix ("Store a trusted credential").
_MORE_VERBS = frozenset("store save keep grant assign".split())


def _lead_name(lead: str, is_action: Callable[[str], bool]) -> str:
    """The lead's first sentence when it is an imperative that names the fix."""
    said = split_sentences(" ".join(clean(lead).replace("**", "").split()))
    if not said:
        return ""
    first = said[0].rstrip(".:")
    if (
        _ANNOUNCE_RE.match(first)
        or _NAV_RE.match(first)
        or _LOOK_RE.match(first)
        or not (is_action(first) or first.split(" ", 1)[0].casefold() in _MORE_VERBS)
        or len(first) > 90
    ):
        return ""
    return first


def _named(
    steps: Sequence[str], is_action: Callable[[str], bool], details: Sequence[str] = ()
) -> str:
    """The first clause of `steps` that does something, said as the fix's name; a "type
    the following ...:" clause is named by the command its detail (`details`) shows."""
    looked = ""
    admin = False
    opened = ""
    for n, step in enumerate(steps):
        said = split_sentences(" ".join(clean(step).split()))
        if not said or re.match(r"^if\b", said[0], re.IGNORECASE):
            continue  # a step for one case only does not name the fix
        typed = _TYPED_RE.match(said[0]) or (
            _TYPED_RE.match(" ".join(said[:2])) if len(said) > 1 else None
        )
        if typed:
            return _as_admin(f"Run {typed.group('cmd').rstrip('.').strip('`')}", admin)
        for k, clause in enumerate(_CLAUSE_RE.split(said[0].rstrip("."))):
            clause = clause.strip()
            if not clause or (k == 0 and _WHEN_RE.match(clause)):
                continue  # "Before you add the network printer, open ...": its time
            act = clause[0].upper() + clause[1:]
            shown = details[n].strip().split("\n", 1)[0].strip() if n < len(details) else ""
            if _TYPE_SHOWN_RE.match(act) and shown and len(shown) <= 80:
                return _as_admin(f"Run {shown.strip('`')}", admin)
            if _CHANGES_RE.match(act) and opened:
                return _as_admin(f"Edit {opened}", admin)
            if _NAV_RE.match(act):
                admin = admin or bool(_ADMIN_RE.search(act))
                was = _OPENED_RE.match(act)
                opened = was.group("what") if was else ""
                continue
            if not is_action(act):
                break  # prose, not a step: the rest of the sentence says no more
            if _LOOK_RE.match(act):
                looked = looked or act
                break
            return _as_admin(short_label(act, 90), admin)
    return short_label(looked, 90) if looked else ""


def _as_admin(name: str, admin: bool) -> str:
    """`name` with "as an administrator" when the navigation it follows elevated."""
    if not admin or _ADMIN_RE.search(name):
        return name
    return f"{name} as an administrator"
