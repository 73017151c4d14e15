"""Verifies that check what the fix changes, not what the symptom said (round 38, verify38).

Readers of seed 106 marked verifies copied from the symptom sentence that are wrong once
the fix is in place, of a few kinds, each read by the shape of the check and its steps,
never by one article:

- the setup that caused the problem replayed as the check's action ("Install Encarta 98
  Encyclopedia again: check that you can access the Lookup Reference feature from inside
  Microsoft Word"): installing or upgrading again may undo the fix; what the check reads
  is something used afterwards, so it is checked as it is now (`_setup_replayed`). A check
  about the setup itself (its message, Setup detecting a device, a hang during it) keeps
  its redo;
- the symptom's scene kept as the check's lead when the fix moves the work out of it
  ("When you try to use it with an MS-DOS-based program in a window, check that ..." over
  "Run ... using the MS-DOS Mode option"): the check is made with the change in place
  (`_scene_changed`);
- a workaround the article calls "the only way to V O" (kill the process by hand): the
  symptom stays, so the check is that the steps let you V O (`_only_way`);
- "Check that the message "M" no longer appears" where M is a dialog's field label joined
  to its heading ("Error Signature AppName", from "Error Signature / AppName: x.exe"): the
  item is dropped when the outcome keeps another check; or where M is a success message
  ("The password for <servername> has been changed ..."): it should still appear, and what
  it reports be right (`_not_failures`).

The article is read once per outcome that has a candidate (a few regexes per section).
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.articles import Article
from kbassist.drafting.verify import states_problem

#: "Install X again: check that S", "Upgrade to X again, and check that this no longer
#: happens: S": a setup redone as the check's action.
_SETUP_REDO_RE = re.compile(
    r"^(?P<act>(?:Install|Reinstall|Upgrade|Set up|Run (?:the )?Setup)\b[^:]{0,240}?) again"
    r"(?:: check that (?P<state>.+)|, and check that this no longer happens: (?P<said>.+))$"
)
#: A check about the setup itself: its messages, what Setup detects or copies, a hang or
#: restart during it; its redo is the check.
_ABOUT_SETUP_RE = re.compile(
    r"\b(?:set ?up|install\w*|upgrad\w*|percent|messages?|hangs?|stops? responding|restart\w*"
    r"|reboot\w*|detect\w*|copie[sd]|prompted|notified|error|fails?)\b|\"",
    re.IGNORECASE,
)
#: "Install X and run Y in Windows NT again": the redo also does the use that shows it.
_ALSO_USES_RE = re.compile(
    r"\b(?:and|or) (?:then )?(?:run|start|use|open|launch|try|print|connect|log on|send|play"
    r"|access)\b",
    re.IGNORECASE,
)
#: "When you try to use it with an MS-DOS-based program in a window, check that S".
_LEAD_RE = re.compile(r"^(?:When|If|While)\s+(?P<lead>[^,]{3,240}),\s+check that (?P<state>.+)$")
#: Scenes the fix moves the work out of: (the scene in the check's lead, what a step says
#: to use instead).
_SCENES = (
    (
        re.compile(r"\bin (?:a|its own) window\b|\bwindowed\b", re.IGNORECASE),
        re.compile(r"\bMS-DOS mode\b|\bfull[- ]screen\b", re.IGNORECASE),
    ),
)
#: "The only way to quit the instance of Word is to use PVIEWER.EXE ...": the goal.
_ONLY_WAY_RE = re.compile(
    r"\b[Tt]he only (?:way|method|workaround) to"
    r" (?P<goal>[a-z]+\b[^.;:,]{3,160}?),? is (?:to|by) (?P<how>[^.;:]{3,160})"
)
#: A goal that only names the fix, or a means that makes the symptom go (then the symptom
#: check stays right: "The only way to disable printer alerts is ...").
_NOT_GOALS = frozenset(
    "work resolve fix avoid correct solve do verify check prevent stop keep disable enable"
    " ensure guarantee eliminate turn change set make".split()
)
#: One quoted message the check waits to see gone.
_GONE_RE = re.compile(r'^Check that the message "(?P<m>[^"]{2,400})" no longer appears\.$')
#: A message that says something worked, with nothing failing in it.
_SUCCESS_RE = re.compile(
    r"\b(?:has|have) been (?:changed|updated|created|completed|saved|installed|added)\b"
    r"|\b(?:completed|finished) successfully\b|\bwas successful\b|\bsucceeded\b",
    re.IGNORECASE,
)
#: "If the command is successful", "when Setup succeeds": a run that worked.
_SUCCEEDS_RE = re.compile(r"\bsuccess(?:ful|fully)?\b|\bsucceeds?\b", re.IGNORECASE)
_FAILING_RE = re.compile(
    r"\b(?:not|no|cannot|unable|fail\w*|error|invalid|could|but|denied)\b|n't\b", re.IGNORECASE
)
#: What the symptom states to see gone, for the symptom checks `_only_way` replaces.
_SYMPTOM_ROLE = "symptom"


def _setup_replayed(text: str) -> str:
    """ "Check that S." for "Install X again: check that S" when S is not about the setup;
    "" otherwise."""
    said = _SETUP_REDO_RE.match(text)
    if said is None or _ALSO_USES_RE.search(said.group("act")):
        return ""
    state = said.group("state") or ""
    if state:
        if _ABOUT_SETUP_RE.search(state):
            return ""
        return f"Check that {state}"
    pasted = said.group("said")
    if _ABOUT_SETUP_RE.search(pasted) or not states_problem(pasted):
        return ""  # the setup's own trouble, or a pasted sentence that states none
    return f"Check that this no longer happens: {pasted}"


def _scene_changed(text: str, steps: list[str]) -> str:
    """ "With the steps above in place, check that S." when the check's lead names a scene
    a step moves the work out of; "" otherwise."""
    lead = _LEAD_RE.match(text)
    if lead is None:
        return ""
    joined = " ".join(steps)
    for scene, instead in _SCENES:
        if scene.search(lead.group("lead")) and instead.search(joined):
            if instead.search(lead.group("lead")):
                return ""  # the lead already names the new scene
            return f"With the steps above in place, check that {lead.group('state')}"
    return ""


def _section_text(article: Article, node: dict[str, Any]) -> str:
    name = str(node.get("source", {}).get("section", ""))
    section = article.section(name) if name else None
    return " ".join(section.text.split()) if section is not None else ""


def _only_way(article: Article, node: dict[str, Any], steps: list[str]) -> str:
    """ "Check that the step above lets you V O." when the outcome's section calls its steps
    the only way to V O; "" otherwise."""
    if not steps:
        return ""
    text = _section_text(article, node)
    if "he only " not in text:
        return ""
    said = _ONLY_WAY_RE.search(text)
    if said is None or said.group("goal").split()[0] in _NOT_GOALS:
        return ""
    if re.search(r"\b(?:it|them|this|that|these|those)$", said.group("goal").strip()):
        return ""  # "the only way to remove it": what it is went with the sentence before
    before = re.split(r"[.:;]", text[max(0, said.start() - 200) : said.start()])[-1]
    if re.search(r"\b(?:if|when|unless)\b", before, re.IGNORECASE):
        return ""  # "If the processor does not support X, the only way ...": one case
    how = set(re.findall(r"[a-z0-9]{4,}", said.group("how").casefold()))
    if not how & set(re.findall(r"[a-z0-9]{4,}", " ".join(steps).casefold())):
        return ""  # the steps do something else than the only way said
    goal = said.group("goal").strip()
    if len(steps) == 1:
        return f"Check that the step above lets you {goal}."
    return f"Check that the steps above let you {goal}."


def _is_label(message: str, body: str) -> bool:
    """Whether `message` is a field label joined to its heading: its words stand on more
    than one line of the article, the last one right before a colon and a value
    ("Error Signature\\n  AppName: dungeonsiege.exe")."""
    words = message.split()
    if not 2 <= len(words) <= 4 or not body:
        return False
    pattern = r"\s+".join(map(re.escape, words)) + r":[ \t]*\S"
    return any("\n" in found.group(0) for found in re.finditer(pattern, body))


def _success(message: str, body: str) -> bool:
    """Whether a quoted `message` says something worked, with nothing failing in it, and
    the article brings it in as what a run that succeeds shows ("if the Setpass command is
    successful the following message appears:")."""
    if not _SUCCESS_RE.search(message) or _FAILING_RE.search(message):
        return False
    flat = " ".join(body.split())
    at = flat.find(" ".join(message.split()[:6]))
    if at < 0:
        return False
    lead = flat[max(0, at - 200) : at]
    lead = re.split(r"[.!?]\s", lead)[-1]
    return bool(_SUCCEEDS_RE.search(lead)) and not _FAILING_RE.search(lead)


def _symptom_sections(article: Article) -> set[str]:
    return {s.name for s in article.sections if s.role == _SYMPTOM_ROLE}


def _not_failures(node: dict[str, Any], body: str) -> None:
    """The outcome's verify with a success message checked as still shown, and without the
    items that wait for a field label to go when another item stays; a choice the label
    was for then takes the item left for the other one (the same dialog)."""
    verify: list[dict[str, Any]] = node["verify"]
    labels = []
    for n, item in enumerate(verify):
        said = _GONE_RE.match(" ".join(str(item["text"]).split()))
        if said is None:
            continue
        if _success(said.group("m"), body):
            item["text"] = (
                f'Check that the message "{said.group("m")}" (the article quotes it as what you'
                " see when the command succeeds) still appears, and that what it reports is"
                " now right."
            )
        elif _is_label(said.group("m"), body):
            labels.append(n)
    if not labels or len(labels) == len(verify):
        return
    kept = [item for n, item in enumerate(verify) if n not in labels]
    dropped_whens = {verify[n].get("when") for n in labels} - {None}
    kept_whens = {item.get("when") for item in kept}
    if dropped_whens and len(kept_whens) == 1 and None not in kept_whens:
        for item in kept:  # the only other choice's check covers the label's dialog too
            del item["when"]
    elif dropped_whens - kept_whens and None not in kept_whens:
        return  # the label's choice would be left with no check: left as it was
    node["verify"] = kept


def changed_verify(tree: dict[str, Any], article: Article) -> None:
    """Each outcome's verify fitted to what its fix changes (see the module docstring)."""
    symptom_names: set[str] | None = None
    body: str | None = None  # the article's text with its line breaks, read when needed
    for node in tree["nodes"]:
        if node["kind"] != "outcome" or not node.get("verify"):
            continue
        steps = [str(s["text"]) for s in node.get("steps", [])]
        for item in node["verify"]:
            text = str(item["text"])
            new = _setup_replayed(text) or _scene_changed(text, steps)
            if new:
                item["text"] = new
        own = _only_way(article, node, steps)
        if own:
            if symptom_names is None:
                symptom_names = _symptom_sections(article)
            verify = node["verify"]
            at = [
                n
                for n, v in enumerate(verify)
                if str(v.get("source", {}).get("section", "")) in symptom_names
                and not str(v["text"]).startswith("Check with the user")
            ]
            if at:
                first = {"text": own.replace("{", "{{").replace("}", "}}")}
                first["source"] = node.get("source", verify[at[0]].get("source"))
                kept = [v for n, v in enumerate(verify) if n not in at]
                node["verify"] = [*kept[: at[0]], first, *kept[at[0] :]]
        if '" no longer appears' in " ".join(str(v["text"]) for v in node["verify"]):
            if body is None:
                body = article.body or "\n\n".join(s.text for s in article.sections)
            _not_failures(node, body)
