"""A fix titled by a lead-in or a dangling pointer is named by what it does (round 40).

Readers of seed 112 marked fix titles (and the answers carrying them) an admin cannot read
as an action: a lead-in ("Resolution: To resolve this problem,", "Use either of the
following methods to reinstall the MS Sans Serif font"), a clause cut before its action
("Workaround: Instead of using the POST command"), or an object left below the title
("... from the following Microsoft Web site", "... obtain the following fix", "Make sure
that this update is installed"). Each is renamed from its own words where they say the
action, else by the fix's first own step (`bare_fix_titles`' rules):

- a lead-in alone ("To resolve this problem,", "Use one of the following methods", "Do
  the following", "Use the appropriate method") -> the first action of its own steps;
- "Use either of the following methods to X" / "X by using one of the following methods"
  -> "X"; "To prevent X from Y" (a goal with no action said) -> "Prevent X from Y";
  "To resolve this problem use X" -> "Use X";
- "Instead of X" (the step goes on ", use Y ...") -> "Use Y ..." cut where a phrase ends;
- "... from/on/at the following (Microsoft) Web site/page" -> the action without it;
  "the following fix/hotfix/update" -> "the fix"; "this update" -> the update the
  article's paragraph names ("update KB 4565511").

When no rule gives a whole phrase that opens on an action, the title stays as it was.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from kbassist.drafting.bare_fix_titles import (
    LIMIT,
    _names_action,
    _naming_step,
    _whole,
    short_action,
)
from kbassist.drafting.open_ends import plain_text

if TYPE_CHECKING:
    from kbassist.articles import Article

#: A section name before the title's action: "Resolution: ", "Method 2: ", a case heading
#: ("Windows CE Services 2.2 Is Installed on My Desktop Computer: ").
_PREFIX_RE = re.compile(r"^(?P<prefix>(?:[^:.?!]|\.(?=\d)){2,80}):\s+(?=\S)")
#: A lead-in that says no action: the fix is in the steps under it.
_LEAD_ONLY_RE = re.compile(
    r"^(?:to (?:resolve|correct|fix|solve|work around|avoid|prevent|address) (?:this|the)"
    r" (?:problem|issue|behaviou?r|error|situation)(?: from occurring)?"
    r"|(?:use|try|follow|perform) (?:one|either|any|all|each) of the following"
    r"(?: \w+)? (?:methods?|procedures?|options?|workarounds?|resolutions?|steps)"
    r"|(?:do|perform|complete|follow) the following(?: steps?)?|follow these steps"
    r"|the following steps (?:demonstrate|show|describe) (?:this|the) procedure"
    r"|use the appropriate (?:method|procedure))\W*$",
    re.IGNORECASE,
)
#: "Use either of the following methods to X", "To X, use one of the following methods".
_WAYS = r"(?:methods?|procedures?|options?|ways?|commands?|workarounds?|techniques?)"
_GOAL_OF_WAYS_RE = re.compile(
    rf"^(?:(?:use|try|follow|perform) (?:one|either|any|all|each) of the following(?: \w+)?"
    rf" {_WAYS} (?:to|in order to) (?P<goal>.+)"
    rf"|to (?P<goal2>.+?),? (?:use|try|follow) (?:one|either|any) of the following"
    rf"(?: \w+)? {_WAYS})$",
    re.IGNORECASE,
)
_BY_WAYS_RE = re.compile(
    rf"^(?P<act>.+?),? by (?:using|following) (?:one|either|any) of the following(?: \w+)?"
    rf" {_WAYS}$",
    re.IGNORECASE,
)
#: "To resolve this problem(,) use X": the action after the lead.
_LEAD_THEN_RE = re.compile(
    r"^to (?:resolve|correct|fix|solve|work around) (?:this|the) (?:problem|issue|behaviou?r"
    r"|error),?\s+(?P<rest>[a-z].+)$",
    re.IGNORECASE,
)
#: A goal said with no action: "To prevent the compiler from displaying its logo".
_GOAL_ONLY_RE = re.compile(
    r"^to (?P<goal>(?:prevent|stop|keep|enable|disable|allow|avoid) (?!this\b|these\b|the"
    r" (?:problem|issue|behaviou?r|error)\b)[^,;:]{6,})$",
    re.IGNORECASE,
)
#: A clause cut before its action: "Instead of using the POST command".
_INSTEAD_RE = re.compile(r"^(?:instead of|rather than) [^,]{3,80}$", re.IGNORECASE)
#: A place the title points at instead of naming: " from the following Microsoft Web site".
_PLACE_RE = re.compile(
    r",?\s+(?:from|on|at|in|to|via) the following (?:[\w-]+ ){0,2}"
    r"(?:web ?sites?|web ?pages?|sites?|pages?|locations?|urls?)\W*$",
    re.IGNORECASE,
)
#: What a title may not end on once its pointer is gone: a reference with nothing to name.
_EMPTY_OBJECT_RE = re.compile(
    r"\b(?:the|a|this) (?:document|article|page|site|steps?|instructions?|link)$", re.IGNORECASE
)
#: "the following fix": the fix the article names below it.
_FOLLOWING_FIX_RE = re.compile(
    r"\bthe following (?P<kind>fix|hotfix|update|patch|service pack)\W*$", re.IGNORECASE
)
#: "this update" with the update named earlier in its paragraph.
_THIS_UPDATE_RE = re.compile(r"\bthis (?P<kind>update|hotfix|fix|security update)\b", re.I)
#: "... to add the following registry entry", "Add the following": what is added is below.
_ADD_FOLLOWING_RE = re.compile(
    r"\b(?:add|create) the following(?: registry)?(?: (?:entry|entries|values?|keys?))?\W*$",
    re.IGNORECASE,
)
#: A step that only opens the registry editor: the change is what follows it.
_OPENS_EDITOR_RE = re.compile(
    r"^(?:run|start|open) (?:the )?(?:registry editor|regedit|regedt32)", re.IGNORECASE
)
#: The name of the registry value a fix adds: "Value Name: MinFreeConnections", "Add a
#: key called PCICOptions", "create a new value named X".
_VALUE_NAME_RE = re.compile(
    r"\bvalue name\s*:\s*(?P<name>[A-Za-z][\w.-]{2,40})\b"
    r"|\b(?:add|create) an? (?:new )?(?:key|value|entry|string value|dword value)"
    r" (?:called|named) \"?(?P<name2>[A-Za-z][\w.-]{2,40})\b",
    re.IGNORECASE,
)
_KB_RE = re.compile(r"\bKB\s?(?P<num>\d{6,7})\b")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fits(text: str, is_action: Any) -> bool:
    """A title body that reads whole, opens on an action and fits a title's room."""
    return (
        len(text) <= LIMIT + 20
        and _whole(text)
        and _names_action(text, is_action)
        and not _EMPTY_OBJECT_RE.search(text)
    )


def _first_own_step(outcome: dict[str, Any]) -> str:
    steps = outcome.get("steps") or []
    return " ".join(str(steps[0].get("text", "")).split()) if steps else ""


def _named_update(said: str, plain: str) -> str:
    """The update a title's "this update" means: the one KB number its paragraph names
    before the sentence ("" when it names none or several)."""
    at = plain.find(said)
    if at == -1:
        return ""
    start = plain.rfind("\n", 0, at) + 1
    found = {m.group("num") for m in _KB_RE.finditer(plain, start, at)}
    return f"KB {found.pop()}" if len(found) == 1 else ""


def _registry_named(outcome: dict[str, Any]) -> str:
    """ "Add the X registry value" when the fix's own steps add one named value (a
    "Value Name: X" row, "Add a key called X"), else ""."""
    names: set[str] = set()
    for step in outcome.get("steps") or []:
        said = f"{step.get('text', '')}\n{step.get('detail', '') or ''}"
        for found in _VALUE_NAME_RE.finditer(said):
            names.add(found.group("name") or found.group("name2"))
    if len(names) != 1 or any("{" in n for n in names):
        return ""
    return f"Add the {names.pop()} registry value"


def _renamed(body: str, outcome: dict[str, Any], plain: Any, is_action: Any) -> str:
    """The title body said as its action, or "" when no rule gives one."""
    said = body.strip()
    if _LEAD_ONLY_RE.match(said):
        if _OPENS_EDITOR_RE.match(_first_own_step(outcome)):
            return _registry_named(outcome)  # not "Run Registry Editor": what it adds
        return _naming_step(outcome, is_action)
    if _ADD_FOLLOWING_RE.search(said):
        return _registry_named(outcome)
    found = _GOAL_OF_WAYS_RE.match(said)
    if found:
        goal = _cap(found.group("goal") or found.group("goal2"))
        return goal if _fits(goal, is_action) else ""
    found = _BY_WAYS_RE.match(said)
    if found:
        act = _cap(found.group("act"))
        return act if _fits(act, is_action) else ""
    found = _LEAD_THEN_RE.match(said)
    if found:
        rest = _cap(found.group("rest").rstrip(" .,"))
        return rest if _fits(rest, is_action) else ""
    found = _GOAL_ONLY_RE.match(said)
    if found:
        goal = _cap(found.group("goal").rstrip(" .,"))
        return goal if _fits(goal, is_action) else ""
    if _INSTEAD_RE.match(said):
        step = _first_own_step(outcome)
        if step.startswith(said + ", "):
            act = short_action(_cap(step[len(said) + 2 :]), is_action)
            return act if act and _fits(act, is_action) else ""
        return ""
    found = _PLACE_RE.search(said)
    if found:
        act = said[: found.start()].rstrip(" ,")
        return act if _fits(act, is_action) else ""
    found = _FOLLOWING_FIX_RE.search(said)
    if found:
        act = f"{said[: found.start()]}the {found.group('kind')}"
        return act if _fits(act, is_action) else ""
    found = _THIS_UPDATE_RE.search(said)
    if found and found.group("kind").lower().endswith("update"):
        name = _named_update(said, plain())
        if name:
            act = f"{said[: found.start()]}{found.group('kind')} {name}{said[found.end() :]}"
            return act if _fits(act, is_action) else ""
    return ""


def _pointer_only(outcome: dict[str, Any]) -> bool:
    """Whether every step of the fix is only a lead-in ("Use the appropriate method.")."""
    steps = outcome.get("steps") or []
    return bool(steps) and all(
        _LEAD_ONLY_RE.match(" ".join(str(s.get("text", "")).split()).rstrip(" .:"))
        and not s.get("detail")
        for s in steps
    )


def _drop_pointer_fixes(nodes: list[dict[str, Any]]) -> None:
    """Drop a fix that is only the lead-in over its siblings ("Resolution: Use the
    appropriate method", offered beside the two methods it leads to): only when every
    answer leading to it is in a question that keeps two answers or more."""
    for outcome in list(nodes):
        if outcome.get("kind") != "outcome" or not _pointer_only(outcome):
            continue
        oid = outcome.get("id")
        asking = [n for n in nodes if n is not outcome and f'"{oid}"' in json.dumps(n)]
        if not asking or any(
            n.get("kind") != "question"
            or n.get("next") == oid
            or len([c for c in n.get("choices", []) if c.get("next") != oid]) < 2
            or any(
                c.get("next") == oid and set(c) - {"value", "label", "next"} for c in n["choices"]
            )
            for n in asking
        ):
            continue
        for node in asking:
            node["choices"] = [c for c in node["choices"] if c.get("next") != oid]
        nodes.remove(outcome)


def lead_titles_named(tree: dict[str, Any], article: Article, is_action: Any) -> None:
    """Rename each fix outcome titled by a lead-in or a dangling pointer (see the module);
    the answers carrying the same title follow."""
    said: list[str] = []

    def plain() -> str:  # the article as labels quote it: read once, only when asked
        if not said:
            said.append(plain_text(article))
        return said[0]

    nodes: list[dict[str, Any]] = tree["nodes"]
    _drop_pointer_fixes(nodes)
    for outcome in nodes:
        oid = str(outcome.get("id", ""))
        if outcome.get("kind") != "outcome" or oid == "not_this_article":
            continue
        if oid.endswith("-not-applicable") or not outcome.get("steps"):
            continue
        title = " ".join(str(outcome.get("title", "")).split())
        prefix = _PREFIX_RE.match(title)
        body = title[prefix.end() :] if prefix else title
        action = _renamed(body, outcome, plain, is_action)
        if not action or action == body:
            continue
        named = f"{prefix.group('prefix')}: {_cap(action)}" if prefix else _cap(action)
        outcome["title"] = named
        for node in nodes:
            if node.get("id") == "symptom":
                continue
            for choice in node.get("choices", []) or []:
                if " ".join(str(choice.get("label", "")).split()) == title:
                    choice["label"] = named
