"""Applicability asked, not ticked or left as prose (issue 13, round 15 apply15).

An article's fix that is only for some systems says so two ways: a warning at its top
("Important: Don't apply the workaround to computers that are running Windows 10 or
later") and a step that is a condition ("If you're running Windows Server 2008 as your
KMS host, you need this update hotfix 968912"). Both are a yes/no question about the
system before the steps they gate; the product and version stay as the article says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kbassist.drafting.text import brace

if TYPE_CHECKING:
    from kbassist.drafting.option_model import Option

#: The id ending of the outcome "The workaround is not for X": an exit, not a fix.
NOT_APPLICABLE_SUFFIX = "-not-applicable"
#: "Don't apply the workaround to computers that are running Windows 10 or later.":
#: the fix named, and the systems it must not touch.
_NOT_ON_RE = re.compile(
    r"\b(?:don't|do not|never) (?:apply|use|run|install) (?:the|this|these) "
    r"(?P<fix>workarounds?|fix(?:es)?|resolutions?|methods?|steps|updates?|hotfix(?:es)?|"
    r"solutions?|procedures?|settings?) (?:to|on|in) (?P<what>[^.;:]{4,120}?)\s*(?:[.;:]|$)",
    re.IGNORECASE,
)
#: "This workaround applies only to computers running X.": the only systems it is for.
_ONLY_ON_RE = re.compile(
    r"\b(?:the|this) (?P<fix>workaround|fix|resolution|method|update|hotfix|solution|procedure)"
    r" (?:that is mentioned in this article )?(?:applies only|only applies|is only|works only|"
    r"only works) (?:to|on|for) (?P<what>[^.;:]{4,120}?)\s*(?:[.;:]|$)",
    re.IGNORECASE,
)
#: "computers that are running Windows 10 or later" -> (computer, Windows 10 or later).
_RUNNING_ON_RE = re.compile(
    r"^(?:(?:any|all|a|an|the) )?(?P<noun>computers?|servers?|systems?|machines?|devices?|clients?|"
    r"hosts?|PCs?)(?: that (?:are|is)| which (?:are|is))? running (?P<what>.{3,100})$",
    re.IGNORECASE,
)
#: "I386-based computers", "Intel-based systems".
_BASED_RE = re.compile(
    r"^(?P<kind>[\w-]+?)-based (?P<noun>(?:\w+ )?(?:computers?|systems?|servers?|machines?|"
    r"PCs?))$",
    re.IGNORECASE,
)
#: "you need this update hotfix 968912": a thing to install, said as a need.
_NEED_INSTALL_RE = re.compile(
    r"^you (?:will )?(?:need|require|must (?:have|install)|have to install|should install) "
    r"(?P<what>(?:this|the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:update|hotfix|fix|patch|service pack|"
    r"rollup|package|KB\s?\d+)\b.*)$",
    re.IGNORECASE | re.DOTALL,
)
#: "you're running Windows Server 2008 as your KMS host", "you use Windows 7", "you have
#: a Windows Server 2003 domain controller": the system the step is for.
PRODUCT_CASE_RE = re.compile(
    r"^(?:you(?:'re| are)\s+(?:running|using)|you\s+(?:run|use|have)|(?:the|your)\s+"
    r"(?:computer|server|system|client|machine|host|KMS host)\s+(?:is\s+running|runs))\s+"
    r"(?P<what>.{3,100})$",
    re.IGNORECASE,
)
#: "... Windows-based programs", "... files": what a fix is for, not a system to ask about.
_NOT_SYSTEM_RE = re.compile(
    r"\b(?:programs?|applications?|files?|documents?|databases?|tables?|messages?)$", re.I
)
_HAVE_RE = re.compile(r"^you\s+have\b", re.IGNORECASE)
#: A product or version named: a capitalised word or a version number.
_NAMED_RE = re.compile(r"\b(?:[A-Z][\w.+-]*[A-Z0-9][\w.+-]*|[A-Z][a-z]+|\d+(?:\.\d+)*)\b")


def install_needed(then: str) -> str:
    """ "you need this update hotfix 968912" -> "Install this update hotfix 968912": the
    action of a condition's consequence said as a need; the text itself otherwise."""
    need = _NEED_INSTALL_RE.match(then.strip())
    if need is None:
        return then
    return f"Install {need.group('what')}"


def product_case(option: Option, cond: str) -> bool:
    """A fix of one step for one system ("If you're running Windows Server 2008 as your KMS
    host, you need this update hotfix 968912"): the system is the option's case, asked
    before it (yes: the step; no: the article may not apply), never a tick that holds
    its condition. Sets `option.case`; False if the condition names no product."""
    found = PRODUCT_CASE_RE.match(cond)
    if option.case or found is None or not _NAMED_RE.search(found.group("what")):
        return False
    what = found.group("what")
    if _HAVE_RE.match(cond) and not (_SYSTEM_RE.search(what) or re.search(r"\d", what)):
        return False  # "you have permissions to modify the GPOs": a right, not a system
    if other_release_said(option.section.text, what):
        return False  # "no" has the article's own text: asking would end the walk there
    option.case = f"If {cond}"
    return True


#: A product named with its release: "Windows Server 2008", "SQL Server 2012 SP1".
_RELEASE_RE = re.compile(r"^(?P<family>(?:[A-Z][\w.+-]*\s+){1,4}?)(?P<release>\d[\w.]*)\b")
#: A sentence that says a release needs something too: an update, a fix, a hotfix.
_NEEDS_TOO_RE = re.compile(
    r"\b(?:needs?|needed|requires?|required|must|update|hotfix|fix(?:ed)?)\b", re.IGNORECASE
)


def other_release_said(text: str, what: str) -> bool:
    """Whether `text` (the fix's section) says what another release of the product in
    `what` needs ("An update is needed for the KMS host running on Windows Server 2003"
    beside "If you're running Windows Server 2008 as your KMS host, you need ..."): then
    "no, not this release" is answered by the article, not "this article may not apply"."""
    found = _RELEASE_RE.match(what.strip())
    if found is None or not text:
        return False
    family = " ".join(found.group("family").split())
    mine = found.group("release").casefold()
    other = re.compile(rf"\b{re.escape(family)}\s+(\d[\w.]*)", re.IGNORECASE)
    for sentence in re.split(r"(?<=[.!?])\s+", " ".join(text.split())):
        if not _NEEDS_TOO_RE.search(sentence):
            continue
        if any(m.group(1).casefold().rstrip(".") != mine for m in other.finditer(sentence)):
            return True
    return False


#: What a system is named by: a platform, a product version, a kind of computer.
_SYSTEM_RE = re.compile(
    r"\b(?:computers?|systems?|servers?|versions?|editions?|platforms?|workstations?|"
    r"clients?|Windows|MS-DOS|Macintosh|Intel|Alpha|x86|x64|I386|\d\d-bit)\b|-based\b",
    re.IGNORECASE,
)


def noted_gates(options: Sequence[Option]) -> None:
    """An MS KB method's own note "NOTE: This method is only for I386-based computers"
    (in its lead or under a step): that method is gated by the question, the others not."""
    for option in options:
        if option.kind != "option" or option.applies:
            continue
        for text in (option.lead, *option.items):
            if "only" not in text and "not" not in text:
                continue
            for sentence in re.split(r"(?<=[.!?])\s+", " ".join(text.split())):
                gate = gate_of(sentence)
                if gate and gate[0] in ("method", "procedure", "workaround", "steps"):
                    option.applies = sentence
                    break
            if option.applies:
                break


def _system_case(case: str) -> re.Match[str] | None:
    """ "If you are running Windows 3.1 or 3.11": the product case, when it names a system
    in a few words (not "you use the Record Narration feature on a presentation")."""
    found = PRODUCT_CASE_RE.match(re.sub(r"^(?:if|when)\s+", "", case, flags=re.I))
    what = found.group("what") if found else ""
    if len(what) > 60 or not (_SYSTEM_RE.search(what) or re.search(r"\d", what)):
        return None
    return found


def menu_cases_named(options: Sequence[Option]) -> None:
    """Fixes offered as a menu, one for "If you are running Windows 95/98" and one for
    "If you are running Windows NT": the product is said in each choice's label
    ("Windows 95/98: Open \\Windows\\SYSTEM"), so the choice answers it; asked again after
    the menu, "no" would end the walk on "this article may not apply". In a menu of
    causes, one such fix alone keeps its question ("Are you running Windows Server 2008
    as your KMS host?"): the cause is chosen, then whether its fix is for this system."""
    found_in = {id(o): _system_case(o.case) for o in options if o.case and not o.applies}
    by_cause = all(o.kind == "cause" for o in options)
    if by_cause and sum(bool(f) for f in found_in.values()) < 2:
        return  # a cause chosen, then is its fix for you: its own yes/no question
    for option in options:
        found = found_in.get(id(option))
        if found:
            what = found.group("what").strip().rstrip(".")
            what = what[0].upper() + what[1:]
            head, colon, rest = option.label.partition(": ")
            named = f"{head} ({what}): {rest}" if colon else f"{what}: {option.label}"
            option.label = named  # "Method 1 (Windows 98): Enable support for ..."
            option.case = ""


def gate_of(note: str) -> tuple[str, str, bool] | None:
    """(fix word, systems, excluded) from an applicability warning: "Don't apply the
    workaround to computers that are running Windows 10 or later" -> ("workaround",
    "computers that are running Windows 10 or later", True); None if it names none."""
    if "only" not in note and "n't" not in note and "not" not in note and "ever" not in note:
        return None  # cheap guard: every pattern holds one of these
    for pattern, excluded in ((_NOT_ON_RE, True), (_ONLY_ON_RE, False)):
        found = pattern.search(note)
        what = found.group("what") if found else ""
        if found and _NAMED_RE.search(what) and _SYSTEM_RE.search(what):
            if _NOT_SYSTEM_RE.search(what):
                return None  # "applies only to Microsoft Windows-based programs": files
            return found.group("fix").lower(), found.group("what").strip(), excluded
    return None


def gated_options(options: Sequence[Option], note: str) -> None:
    """Mark the fixes an applicability warning limits: a "workaround" note gates the
    workaround sections when the article has one (its resolution is for everyone), else
    every fix; a deprecation or a redirect is never gated."""
    gate = gate_of(note) if note else None
    if gate is None:
        return
    fixes = [o for o in options if o.kind not in ("deprecated", "redirect")]
    if gate[0].startswith("workaround"):
        named = [o for o in fixes if "workaround" in o.section.name.casefold()]
        fixes = named or fixes
    for option in fixes:
        option.applies = note


def gate_question(fix: str, what: str) -> str:
    """ "computers that are running Windows 10 or later" -> "Is this computer running
    Windows 10 or later?"; other systems are named as the article names them."""
    running = _RUNNING_ON_RE.match(what)
    if running:
        noun = running.group("noun").lower()
        noun = noun[:-1] if noun.endswith("s") and noun not in ("pcs",) else noun
        noun = "PC" if noun.startswith("pc") else noun
        return f"Is this {noun} running {running.group('what')}?"
    based = _BASED_RE.match(what)
    if based:  # "I386-based computers" -> "Is this an I386-based computer?"
        noun = based.group("noun").lower().rstrip("s")
        article = "an" if based.group("kind")[0].lower() in "aeiou" else "a"
        return f"Is this {article} {based.group('kind')}-based {noun}?"
    fix = fix[:-1] if fix.endswith("s") and not fix.endswith("ss") else fix
    return f"Would you apply the {fix} to {what}?"


def gate_nodes(
    option_id: str, cite: dict[str, str], note: str, yes_next: str, source_name: str
) -> list[dict[str, object]]:
    """The question before an option's first node and the honest outcome its "not for
    this system" answer reaches ("The article says not to apply the workaround to ...")."""
    gate = gate_of(note)
    assert gate is not None
    fix, what, excluded = gate
    question = gate_question(fix, what)
    out_id = f"{option_id}{NOT_APPLICABLE_SUFFIX}"
    said = note.split(": ", 1)[-1]
    skip = f"the article says not to apply the {fix} here"
    go = f"go on to the {fix}"
    if excluded:
        title = f"The {fix} is not for {what}"
        yes, no = (out_id, f"Yes: {skip}"), (yes_next, f"No: {go}")
    else:
        title = f"The {fix} is only for {what}"
        yes, no = (yes_next, f"Yes: {go}"), (out_id, f"No: {skip}")
    text = f'The article limits where its {fix} may be applied: "{said}" {question}'
    title = title if len(title) <= 100 else f"The {fix} does not apply to this system"
    return [
        {
            "id": f"{option_id}-applies",
            "kind": "question",
            "var": f"{option_id}_applies".replace("-", "_"),
            "title": question if len(question) <= 100 else "Does the fix apply to this system?",
            "text": brace(text),
            "source": cite,
            "choices": [
                {"value": "yes", "label": yes[1], "next": yes[0]},
                {"value": "no", "label": no[1], "next": no[0]},
            ],
        },
        {
            "id": out_id,
            "kind": "outcome",
            "title": title,
            "text": brace(f'The article says: "{said}"'),
            "source": cite,
            "steps": [
                {
                    "text": brace(
                        f"Do not apply the {fix} on this system: choose another of "
                        f"{source_name}'s fixes if it has one, or look for an article for "
                        "this system."
                    ),
                    "source": cite,
                }
            ],
        },
    ]
