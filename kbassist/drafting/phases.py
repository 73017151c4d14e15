"""A how-to's sub-headed procedures that are stages of one job, not a choice (round 39,
together39).

Round 38 left how-to articles whose procedures under their own sub-headings must all be
done, in turn, offered as "Which of these applies?": "To install SatisFAXtion modem
boards" / "To check the telephone line" / "To install the SatisFAXtion software" / ...
/ "To run TESTCOM" (Q135696), or "S/36 Configuration" / "SNA Server Configuration" where
the second says "(These values were specified in step 14 of the S/36 configuration.)"
(Q138804). With no "follow all the steps in the following sections" lead, the stages
tell themselves apart from alternatives by one of:

- a later procedure pointing back at an earlier one's steps ("... specified in step 14
  of the S/36 configuration"), or one ending "you are ready to <the next sub-heading>"
  ("When the board and telephone connections are properly installed, you are ready to
  install the SatisFAXtion software" over "To install the SatisFAXtion software");
- sub-headings that are stages of one job: an install, then a configure, then a test
  ("To install X" / "To configure X" / "To test X"), at least two of those kinds, in order.

Sub-headings naming a system or version ("Windows 95" / "Windows NT", "For MS-DOS"),
a case ("If you use NTFS", "On the server"), a method, example or problem ("Method 1",
"Possible Problems"), one another's opposite ("To enable X" / "To disable X"), under a
lead offering a choice ("use one of the following two methods") or an "X or Y" title
stay choices.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kbassist.drafting.option_model import Option
from kbassist.drafting.text import Para, clean, short_label, with_detail

if TYPE_CHECKING:
    from kbassist.articles import Section

#: A sub-heading for one system, version or case: the admin picks theirs.
_PER_SYSTEM_RE = re.compile(
    r"\b(?:windows|ms-dos|dos|mac(?:intosh)?|os/2|nt|unix|linux|version|method|option"
    r"|workaround|resolution|alternative|examples?|samples?|scenarios?|problems?|troubleshoot\w*|x86|alpha|mips|intel)\b|\b\d+(?:\.\d+)+\b"
    r"|\b(?:9[58]|me|xp|2000|2003|vista)\b|^(?:for|if|when|on|under|using|with|without)\b",
    re.IGNORECASE,
)

#: The kind of stage a sub-heading's verb names, in the order they are done.
_STAGE_VERBS = (
    ("install", r"install|set ?up|add|create|copy|load|connect"),
    ("configure", r"configure|customi[sz]e|modify|edit|define|set|assign|register|enter"),
    ("test", r"test|verify|check|confirm|run|try"),
)
_STAGE_RE = [
    (kind, re.compile(rf"^(?:to |how to )?(?:{verbs})\b", re.IGNORECASE))
    for kind, verbs in _STAGE_VERBS
]
#: "S/36 Configuration", "Hardware Installation", "Testing the Connection"
_NOUN_STAGE_RE = [
    (
        "install",
        re.compile(r"\b(?:installation|installing|setup|setting up)\b\s*:?$|^installing\b", re.I),
    ),
    ("configure", re.compile(r"\bconfiguration\s*:?$|^configuring\b", re.IGNORECASE)),
    ("test", re.compile(r"\btesting\s*:?$|^(?:testing|verifying)\b", re.IGNORECASE)),
]

#: A later procedure saying it builds on an earlier one.
_BUILDS_ON_RE = re.compile(
    r"\b(?:specified|created|configured|installed|noted|defined|entered) in step \d+ of\b",
    re.IGNORECASE,
)
#: "When X is properly installed, you are ready to install the software" over the next
#: sub-heading "To install the software".
_READY_RE = re.compile(r"\byou are (?:now )?ready to (?P<next>[^.;:]{6,120})", re.IGNORECASE)


#: Opposite sub-headings: two ways, one wanted ("To enable X" / "To disable X").
_OPPOSITE_RE = re.compile(
    r"^(?:(?:how )?to )?(?:enable|disable|turn on|turn off|show|hide|add|remove|install|uninstall"
    r"|start|stop)\b",
    re.IGNORECASE,
)


_ORDER = {"install": 0, "configure": 1, "test": 2}


def _stage(head: str) -> str:
    head = clean(head).rstrip(":").strip()
    for kind, pattern in _STAGE_RE:
        if pattern.match(head):
            return kind
    for kind, pattern in _NOUN_STAGE_RE:
        if pattern.search(head):
            return kind
    return ""


def _topic(head: str) -> str:
    """ "S/36 Configuration" -> "s/36 configuration"; "To install X" -> "install x"."""
    head = clean(head).rstrip(":").strip().casefold()
    return re.sub(r"^(?:to|how to)\s+", "", head)


def _stage_name(head: str) -> str:
    """ "To install X:" -> "Install X"; "S/36 Configuration" as it is."""
    head = re.sub(r"^(?:to|how to)\s+", "", clean(head).rstrip(":").strip(), flags=re.I)
    if head.isupper():  # "INSTALL MICROSOFT MAIL": said, not shouted
        head = head.capitalize()
    return head[:1].upper() + head[1:]


def _opposites(heads: Sequence[str]) -> bool:
    """ "To enable X" / "To disable X": the same thing, done one way or the other."""
    verbs = [
        m.group(0).casefold().removeprefix("to ") for h in heads if (m := _OPPOSITE_RE.match(h))
    ]
    pairs = (
        ("enable", "disable"),
        ("turn on", "turn off"),
        ("show", "hide"),
        ("add", "remove"),
        ("install", "uninstall"),
        ("start", "stop"),
    )
    return any(a in verbs and b in verbs for a, b in pairs)


#: A lead offering what follows as a choice: "use one of the following two methods:".
_CHOICE_LEAD_RE = re.compile(
    r"\b(?:one of|either|any of|choose|alternatively|methods?|ways?|options?)\b", re.IGNORECASE
)


def stages_in_turn(heads: Sequence[str], bodies: Sequence[str], lead: str = "") -> bool:
    """Whether sub-headed procedures (`heads`, their texts `bodies`) are stages of one job,
    done one after another, rather than alternatives to choose from."""
    if len(heads) < 2 or len(heads) != len(bodies) or _CHOICE_LEAD_RE.search(lead):
        return False
    flat = [clean(h).rstrip(":").strip() for h in heads]
    if any(_PER_SYSTEM_RE.search(h) for h in flat) or _opposites(flat):
        return False
    if len({h.casefold() for h in flat}) < len(flat):
        return False  # the same heading twice: one per case, not stages
    opening = [" ".join(_topic(h).split()[:3]) for h in flat]
    if len(set(opening)) < len(opening):
        return False  # "Configure X to run locally" / "Configure X to connect": one of them
    # a later procedure saying it builds on an earlier one
    if any(_BUILDS_ON_RE.search(clean(body)) for body in bodies[1:]):
        return True
    # a procedure ending "you are ready to <the next sub-heading>"
    for body, after in zip(bodies, flat[1:], strict=False):
        ready = _READY_RE.search(clean(body))
        if ready and _topic(after) and clean(ready.group("next")).casefold() == _topic(after):
            return True
    # install, then configure, then test: at least two kinds of stage, every heading one,
    # in that order
    kinds = [_stage(h) for h in flat]
    order = [_ORDER[k] for k in kinds if k]
    return all(kinds) and len(set(kinds)) >= 2 and kinds[0] == "install" and order == sorted(order)


#: A how-to title: "How to Configure X", "Configuring X", "Setting Up X".
_HOWTO_TITLE_RE = re.compile(
    r"^(?:(?:how ?to|[A-Z][A-Za-z0-9/ ]{0,24}):\s*)?(?:how to\s+(?P<act>\w+)"
    r"|(?P<ger>\w+ing)\b(?P<up> up)?)\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
_GERUNDS = {
    "configuring": "Configure",
    "installing": "Install",
    "setting": "Set",
    "using": "Use",
    "creating": "Create",
    "connecting": "Connect",
    "enabling": "Enable",
}


def job_label(title: str) -> str:
    """ "FAX: Configuring PureData X" -> "Configure PureData X"; "" for no how-to title."""
    said = re.sub(r"^how ?to:\s*(?=\w+ing\b)", "", clean(title), flags=re.IGNORECASE)
    said = re.sub(r"^how ?to:\s*", "how to ", said, flags=re.IGNORECASE)
    found = _HOWTO_TITLE_RE.match(said)
    if found is None:
        return ""
    if found.group("act"):
        verb = found.group("act").capitalize()
    else:
        verb = _GERUNDS.get(found.group("ger").casefold(), "")
        if not verb or (verb == "Set") != bool(found.group("up")):
            return ""
        verb += " up" if found.group("up") else ""
    return f"{verb} {found.group('rest').rstrip('. ')}"


def stages_option(
    section: Section, heads: Sequence[str], procedures: Sequence[Option], title: str = ""
) -> Option | None:
    """One fix made of `procedures` (Options, one per sub-heading, in article order): each
    stage's steps in turn, its first step showing "Stage: <sub-heading>"."""
    items: list[str] = []
    for option in procedures:
        if option.when or option.asks or option.params or not option.items:
            return None  # per-case steps keyed by index: leave the procedures apart
        name = _stage_name(option.label)
        said = name
        lead_words = set(re.findall(r"\w+", clean(option.lead).casefold())) - {"to"}
        if lead_words - set(re.findall(r"\w+", name.casefold())):
            said = f"{name}: {clean(option.lead)}".strip(": ")  # not "X: To X" again
        steps = list(option.items)
        steps[0] = with_detail(steps[0], f"Stage: {said}")
        items.extend(steps)
    label = job_label(title) or ", then ".join(_stage_name(h) for h in heads)
    return Option(section, short_label(label, 80), "", items)


def headed_stages(
    section: Section, paras: Sequence[Para], procedures: Sequence[Option], title: str = ""
) -> Option | None:
    """The one staged fix for `procedures` read from `paras`' sub-headings when they are
    stages of one job (`stages_in_turn`), else None."""
    starts = [i for i, p in enumerate(paras) if p.heading]
    heads = [clean(paras[i].head) for i in starts]
    bodies: dict[str, str] = {}
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(paras)
        bodies.setdefault(heads[n].casefold(), " ".join(p.text for p in paras[start + 1 : end]))
    named = [clean(o.label) for o in procedures]
    if any(name.casefold() not in bodies for name in named):
        return None  # a procedure led by "If X, do the following:" or a product lead
    if re.search(r"\bor\b", job_label(title)):
        return None  # "Installing or Setting a Default Printer Driver": one or the other
    lead = " ".join(p.text for p in paras[: starts[0]]) if starts else ""
    if not stages_in_turn(named, [bodies[name.casefold()] for name in named], lead):
        return None
    return stages_option(section, named, procedures, title)
