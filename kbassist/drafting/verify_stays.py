"""A verify that fits what the outcome does (drafting round 24).

Readers mark verifies that can never pass or cannot be read as written:

- the symptom stays by the article's own word, yet the check waits for it to go: a fix
  that concedes it ("Even though the dialog editor does not display a visual
  representation of the control, you can change the size and position of the gray box")
  checks what the step says you can do; a fix that goes round a missing feature
  ("Because there is no exposed property or method for setting MinDate and MaxDate at the
  same time, a direct call to the SendMessage API must be made") checks that the goal is
  reached that way, not that the property works; a documentation error whose only step is
  a prohibition ("Do not try to edit the database") has nothing to check, and its pasted
  symptom ("you may be unable find this information") is left out;
- a symptom's scope kept as the check's lead ("On some Windows 7-based devices, check
  that ..."): the admin is on the device already, the lead goes;
- a lead that names what the fix takes away ("When a 64-bit application compiled with
  /LARGEADDRESSAWARE:NO option is running ..., check that" over "Avoid option
  /LARGEADDRESSAWARE:NO"): the check is made with the change in place instead;
- "Check that X starts" with no step that starts anything: "Start X, and check that it
  starts."

Each rule reads the shape of the step or check, never one article.
"""

from __future__ import annotations

import re
from typing import Any

#: A verify item that restates the symptom (pasted, turned round, or the repro redone):
#: the one that waits for the problem to go.
_SYMPTOM_CHECK_RE = re.compile(
    r"\bno longer\b|\bthe problem no longer occurs\b|\bthis no longer happens\b",
    re.IGNORECASE,
)
#: "Even though X does not ..., you can Y": the fix concedes the problem stays.
_CONCEDES_RE = re.compile(
    r"^(?:even though|although|though|while)\s+(?P<stays>[^,]{8,240}),\s+you\s+can\s+"
    r"(?:still\s+)?(?P<can>[a-z][^;:]{8,240}?)\.?$",
    re.IGNORECASE,
)
#: A concession of something the product does not do ("does not display", "cannot").
_SHORTFALL_RE = re.compile(
    r"\b(?:not|no|cannot|can't|doesn't|don't|isn't|aren't|never|unable)\b", re.IGNORECASE
)
#: A can-clause that is itself the fix ("to try to resolve this issue").
_RESOLVES_RE = re.compile(r"\b(?:resolve|fix|correct|work around|avoid|prevent)\b", re.I)
#: "Because there is no exposed property or method for setting X, ...": the fix goes
#: round a feature that is missing; `goal` is what it reaches another way.
_BYPASS_RE = re.compile(
    r"^(?:because|since|as)\s+there\s+(?:is|are)\s+no\s+(?P<what>[^,]{3,120}?)\s+"
    r"(?P<to>for|to)\s+(?P<goal>[a-z][^,]{5,160}),",
    re.IGNORECASE,
)
#: The article says its own documentation (or information) is wrong.
_DOC_ERROR_RE = re.compile(
    r"\bdocumentation errors?\b|\b(?:this|the) (?:information|documentation) is (?:incorrect"
    r"|wrong|in error)\b|\b(?:is|are) (?:incorrectly|wrongly) documented\b",
    re.IGNORECASE,
)
#: A step that only says what not to do.
_PROHIBITION_RE = re.compile(r"^(?:do not|don't|never|avoid)\b", re.IGNORECASE)
#: A symptom's scope as the check's lead: "On some Windows 7-based devices, ", "In some
#: cases, ", "Sometimes, "; never a scene ("With many files open, ").
_SCOPE_LEAD_RE = re.compile(
    r"^(?:(?:on|in|for)\s+(?:some|certain)\b[^,]{0,120}"
    r"|sometimes|occasionally|in (?:some|rare|certain) (?:cases|situations|instances))"
    r",\s+check that ",
    re.IGNORECASE,
)
#: A check's scene lead: "When a 64-bit application ... is running ..., check that ".
_WHEN_LEAD_RE = re.compile(r"^(?:when|while|if)\s+(?P<lead>[^,]{3,240}),\s+check that ", re.I)
#: A switch, option or name an admin types: "/LARGEADDRESSAWARE:NO", "-fno-x", "Foo.dll".
_TOKEN_RE = re.compile(r"(?<![\w/-])(?:/|--?)[A-Za-z][\w:+-]{2,60}|\b\w{2,40}\.(?:exe|dll|sys)\b")
#: A step that takes something away: "Avoid option X", "Do not use X", "Remove X".
_TAKES_AWAY_RE = re.compile(
    r"\b(?:avoid|do not use|don't use|without|remove|delete|disable|turn off|clear|omit)\b",
    re.IGNORECASE,
)
#: "Check that Remote Desktop Licensing Service starts.": a start the steps never made.
_STARTS_RE = re.compile(
    r"^Check that (?P<what>[A-Z][^.,;:]{2,120}?) (?:starts|starts successfully|starts correctly)"
    r"\.?$"
)
#: A kind of service named by the title, not one service ("Service using gMSA account",
#: "Services that run as LocalSystem"): the admin's own are the ones to check (round 34).
_CLASS_RE = re.compile(
    r"^(?P<noun>Services?|Applications?|Programs?|Apps?)\s+"
    r"(?P<how>using|that use|that uses|configured to use|running as|that run as)\b"
)
#: A step that restarts the whole system (every service starts again) or runs something.
_RESTART_RE = re.compile(
    r"\b(?:restart|reboot|start)\s+(?:the |your )?(?:computer|server|system|machine|device)\b"
    r"|\breboot\b|\bnet start\b",
    re.IGNORECASE,
)
#: Words too common to tell a symptom from a fix.
_COMMON = frozenset(
    "the and you that this with for are not from when your can does into its".split()
)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]{4,}", text.casefold()) if w not in _COMMON}


def _symptom_checks(verify: list[dict[str, Any]]) -> list[int]:
    """The positions of the verify items that wait for the symptom to go."""
    return [n for n, v in enumerate(verify) if _SYMPTOM_CHECK_RE.search(str(v["text"]))]


def _concedes(stays: str, can: str, symptom_words: set[str]) -> bool:
    """Whether "Even though <stays>, you can <can>" concedes the symptom stays: a shortfall
    of the product said in the symptom's words ("does not display a visual
    representation"), then what the step lets you do instead; never a fix said after
    "although" ("you can change X to resolve this"), nor "you can safely ignore it"."""
    if not _SHORTFALL_RE.search(stays) or _RESOLVES_RE.search(can):
        return False
    if re.match(r"(?:safely )?ignore\b", can, re.IGNORECASE):
        return False
    return len(_words(stays) & symptom_words) >= 2


def _stays_check(steps: list[str], symptom: str) -> str:
    """The check of a fix whose step says the symptom stays: what the step says you can
    do (a concession) or the goal reached another way (a missing feature gone round);
    "" when no step says so."""
    said = _words(symptom)
    for step in steps:
        text = " ".join(step.split())
        conceded = _CONCEDES_RE.match(text)
        if conceded and _concedes(conceded.group("stays"), conceded.group("can"), said):
            return f"Check that you can {conceded.group('can').rstrip(' .')}."
        bypass = _BYPASS_RE.match(text)
        if bypass and len(_words(bypass.group("goal")) & said) >= 2:
            goal, what = bypass.group("goal").rstrip(" ."), bypass.group("what")
            why = (
                f"(the article says there is no {what} for this, so the behavior it describes "
                "stays)"
            )
            if bypass.group("to").casefold() == "to":
                return f"Check that you can {goal} by the steps above {why}."
            return f"Check that {goal} works when done by the steps above {why}."
    return ""


def _starts(step: str, what: str) -> bool:
    """Whether `step` restarts the system or starts `what` ("Start the Remote Desktop
    Licensing service"), not some tool on the way ("Start Registry Editor")."""
    if _RESTART_RE.search(step):
        return True
    named = _words(what) - {"service", "services"}
    for said in re.finditer(r"\b(?:re)?start(?:s|ed)?\b", step, re.IGNORECASE):
        if named & _words(step[said.end() : said.end() + 80]):
            return True
    return False


def _phrased(text: str, steps: list[str]) -> str:
    """`text` with a scope lead dropped, a scene lead that names what the fix takes away
    said as the change in place, and a start no step made asked for."""
    scoped = _SCOPE_LEAD_RE.match(text)
    if scoped:
        rest = text[scoped.end() :]
        return f"Check that {rest}"
    when = _WHEN_LEAD_RE.match(text)
    if when:
        tokens = {t.casefold() for t in _TOKEN_RE.findall(when.group("lead"))}
        away = [s for s in steps if _TAKES_AWAY_RE.search(s)]
        if tokens and any(t in s.casefold() for s in away for t in tokens):
            return f"With the change above in place, check that {text[when.end() :]}"
    starts = _STARTS_RE.match(text)
    if starts and (kind := _CLASS_RE.match(starts.group("what"))):
        # "Service using gMSA account" (the title turned): a kind of service, not one by
        # name; the admin's own, and after a restart when they start with the computer
        what = starts.group("what")[kind.end() :].strip()
        return (
            f"Restart the computer (or start them), then check that each of your "
            f"{kind.group('noun').casefold().rstrip('s')}s {kind.group('how')} {what} starts."
        )
    if starts and not any(_starts(s, starts.group("what")) for s in steps):
        what = starts.group("what")
        if what.casefold().endswith(" service") and not what.casefold().startswith("the "):
            what = f"the {what}"
        return f"Start {what}, and check that it starts."
    return text


def _doc_error(tree: dict[str, Any], symptom: str, article_text: str) -> bool:
    """The article says its documentation is wrong (a search over 4,000 characters: done
    only for an outcome that needs it, not for every draft)."""
    return bool(_DOC_ERROR_RE.search(f"{tree.get('cause', '')} {symptom}")) or bool(
        _DOC_ERROR_RE.search(article_text[:4000])
    )


def stays_verify(tree: dict[str, Any], article_text: str) -> None:
    """Each outcome's verify fitted to what its steps do (see the module docstring)."""
    symptom = str(tree.get("symptom", ""))
    doc_error: bool | None = None  # searched only when an outcome's steps all prohibit
    for node in tree["nodes"]:
        if node["kind"] != "outcome" or not node.get("verify"):
            continue
        steps = [str(s["text"]) for s in node.get("steps", [])]
        verify: list[dict[str, Any]] = node["verify"]
        at = _symptom_checks(verify)
        if at and steps:
            prohibits = all(_PROHIBITION_RE.match(s) for s in steps)
            if prohibits and doc_error is None:
                doc_error = _doc_error(tree, symptom, article_text)
            if prohibits and doc_error:
                # nothing the admin does changes what the documentation says
                node["verify"] = [v for n, v in enumerate(verify) if n not in at]
                if not node["verify"]:
                    del node["verify"]
                continue
            own = _stays_check(steps, symptom)
            if own:
                first = {"text": own.replace("{", "{{").replace("}", "}}")}
                first["source"] = node.get("source", verify[at[0]].get("source"))
                if "when" in verify[at[0]]:
                    first["when"] = verify[at[0]]["when"]
                kept = [v for n, v in enumerate(verify) if n not in at]
                node["verify"] = [*kept[: at[0]], first, *kept[at[0] :]]
                continue
        for item in verify:
            said = _phrased(str(item["text"]), steps)
            if said != item["text"]:
                item["text"] = said
