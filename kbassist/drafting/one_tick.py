"""One action per tick; examples, effects and cautions shown, not ticked (round 34, steps35).

Blind readers of seed 94 still found, after every earlier pass, in all three corpora:

- **two tasks in one tick**, each said with its purpose ("To work with headers in another
  section, click Show Next. To view the header on another page, view the document in
  Page Layout."): one tick per task, the purpose kept with its action;
- **a list of things to try in a step's note** ("To make more memory available, try the
  following:" over "- Make sure ...", "- If X, reduce ..."): each item a tick of its own
  after the step, the explanation before the lead its note;
- **an example line ticked** ("device=c:\\dos\\emm386.exe ram p0=e000" under "... should look
  something like the following:"): the step's detail, not a step;
- **an expected effect ticked** ("This should allow the drain to continue and if the
  webhook does not come back you can recreate it via the backup."): the effect is the
  note of the step before it; an action after it ("if X you can Y") is its own
  conditional tick ("If X, Y.");
- **a whole workaround said as "Do not X"** ("Do not increase the dpi setting when Y."):
  said as the action it asks ("Lower the dpi setting when Y."), the caution kept as its
  note;
- **a release statement as a fix's only tick** ("The X driver versions 4.0.4202 and later
  allow Y."): "Upgrade to the X driver version 4.0.4202 or later.", the statement its note;
- **a follow-up ticked for everyone** ("Please contact Customer Service to request a
  refund." after "If the adapter does not meet the requirements, return the game for a
  refund"): on the case that offers it;
- **a finding offered in a note** ("In this case, you can try listing the mailboxes in
  order of date modified to isolate ..."): ticked after its step ("Try listing ...").

Every pattern has bounded repeats and no nested quantifier over overlapping classes: it is
linear on hostile text. A fix is never left without a tick.
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.drafting.non_steps import code_line
from kbassist.drafting.steps import _action
from kbassist.drafting.text import split_sentences

#: Longest tick or note read: a longer one is a pasted section, not a step.
MAX_CHARS = 600
#: Most list items a note's "try the following:" turns into ticks.
MAX_ITEMS = 8

#: "To view the header on another page, view ...": a purpose, then its action.
_PURPOSE_RE = re.compile(
    r"^to\s{1,3}(?!do\s{1,3}(?:this|so|that)\b)[a-z][^,;:]{2,160},\s{1,3}(?P<act>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)


def _flat(text: object) -> str:
    return " ".join(str(text or "").split())


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _tick(text: str, detail: str, beside: dict[str, Any]) -> dict[str, Any]:
    """A new tick with the source and case of the step it was said with."""
    new: dict[str, Any] = {"text": text, **({"detail": detail} if detail else {})}
    new.update({key: beside[key] for key in ("source", "when") if key in beside})
    return new


def _noted(step: dict[str, Any], note: str) -> None:
    old = str(step.get("detail") or "").strip("\n")
    step["detail"] = f"{old}\n\n{note}" if old else note


def _purpose_action(sentence: str) -> bool:
    """ "To X, do Y.": a purpose and the action that serves it."""
    found = _PURPOSE_RE.match(sentence)
    return found is not None and _action(found.group("act"))


def _means_of(sentence: str, before: str) -> bool:
    """ "To unmount a drive, start X." after "... unmount one of the drives.": how to do
    the action before it; "To save X.EXT, ..." after "To save a file ..., ...": the same
    goal's example. Neither is a task of its own."""
    verb = sentence.split()[1].casefold() if len(sentence.split()) > 1 else ""
    done = before.split(", ", 1)[-1].casefold()
    if verb and re.search(rf"\b{re.escape(verb)}\b", done) is not None:
        return True
    # "To save a file with the name X.EXT, enter ..." after "To save a file with an
    # unregistered extension, ...": the same goal again, its example
    said = before.split()[1].casefold() if len(before.split()) > 1 else ""
    return bool(verb) and before[:3].casefold() == "to " and verb == said


def purpose_tasks(text: str) -> list[str]:
    """The tasks of a tick said as two or more "To X, do Y." sentences, each with its
    purpose (only purposes and bare actions in it), or [] for one task."""
    flat = _flat(text)
    if len(flat) > MAX_CHARS:
        return []
    parts = split_sentences(flat)
    if len(parts) < 2 or len(parts) > MAX_ITEMS:
        return []
    purposes = sum(1 for p in parts if _purpose_action(p))
    if purposes < 2:
        return []
    if not all(_purpose_action(p) or _action(p) for p in parts):
        return []
    # a bare action goes on the task before it ("To X, click A. Click OK."), and so does
    # a purpose that is how to do it ("Unmount a drive. To unmount a drive, start X.")
    tasks: list[str] = []
    for part in parts:
        if tasks and (not _purpose_action(part) or _means_of(part, tasks[-1])):
            tasks[-1] = f"{tasks[-1]} {part}"
        else:
            tasks.append(part)
    return tasks if len(tasks) >= 2 else []


#: "To make more memory available, try the following:": a lead over things to do.
_TRY_LEAD_RE = re.compile(
    r"^(?:[^\n]{0,160}?,\s{1,3})?(?:try|do|perform|check)\s{1,3}(?:all\s{1,3}of\s{1,3})?"
    r"the\s{1,3}following\s{0,3}:$",
    re.IGNORECASE,
)
#: A list item's marker at the start of a line.
_ITEM_RE = re.compile(r"^\s{0,6}(?:[-*\u2022]|\d{1,2}[.)])\s{1,3}(?=\S)")
#: "If so, reduce ...", "If X, Y could be ... If so, reduce ...": an action in a case.
_IF_SO_RE = re.compile(r"^(?:if\s{1,3}so|if\s{1,3}not|otherwise|then),\s{1,3}", re.IGNORECASE)


def _acting_item(item: str) -> bool:
    """A list item that asks for an action in one of its sentences."""
    for sentence in split_sentences(item)[:4]:
        if _action(sentence) or _action(_IF_SO_RE.sub("", sentence, count=1)):
            return True
    return False


def tried_items(detail: str) -> tuple[str, list[str]] | None:
    """(note kept, items) when a note ends in "try the following:" over a list whose every
    item asks for an action; None otherwise."""
    if len(detail) > MAX_CHARS * 8:
        return None
    lines = detail.split("\n")
    at = next(
        (
            k
            for k, line in enumerate(lines)
            if _TRY_LEAD_RE.match(_flat(line.lstrip("| "))) and "one of" not in line.casefold()
        ),
        -1,
    )
    if at < 0:
        return None
    items: list[str] = []
    for line in lines[at + 1 :]:
        if not line.strip():
            continue
        marked = _ITEM_RE.match(line)
        if marked:
            items.append(line[marked.end() :].strip())
        elif items and line[:1].isspace():
            items[-1] = f"{items[-1]} {line.strip()}"
        else:
            return None  # the list is not the note's end: leave the note whole
    if len(items) < 2 or len(items) > MAX_ITEMS:
        return None
    items = [_flat(i) for i in items]
    if not all(_acting_item(i) for i in items):
        return None
    return "\n".join(lines[: at + 1]).strip("\n"), items


#: "This should allow the drain to continue", "Doing so will let X": what the step before
#: leads to, said of it.
_EFFECT_RE = re.compile(
    r"^(?:this|that|doing\s{1,3}(?:so|this)|these\s{1,3}(?:steps|changes)|this\s{1,3}"
    r"(?:step|change|command))\s{1,3}(?:should|will|would|may|might)\s{1,3}(?:now\s{1,3})?"
    r"(?:allow|let|enable|permit|resolve|fix|clear|restore|stop|make|help|cause|unblock)\b",
    re.IGNORECASE,
)
#: "... and if the webhook does not come back automatically you can recreate it ...".
_THEN_OFFER_RE = re.compile(
    r"^(?P<effect>[^;]{5,300}?),?\s{1,3}and\s{1,3}if\s{1,3}(?P<cond>[^,;]{3,200}?),?\s{1,3}"
    r"(?:then\s{1,3})?you\s{1,3}(?:can|could|may|should)\s{1,3}(?:also\s{1,3})?(?P<act>[a-z][^;]{2,300})$",
    re.IGNORECASE,
)


def effect_parts(text: str) -> tuple[str, str] | None:
    """(effect, conditional action or "") of a tick that says what the step before leads
    to; None for any other tick."""
    flat = _flat(text)
    if len(flat) > MAX_CHARS or not _EFFECT_RE.match(flat):
        return None
    if len(split_sentences(flat)) > 1:
        return None
    offer = _THEN_OFFER_RE.match(flat)
    if offer is None:
        return flat, ""
    act = offer.group("act").rstrip(".")
    if not _action(_cap(act)):
        return None
    return f"{offer.group('effect').rstrip(',')}.", f"If {offer.group('cond')}, {act}."


#: "Do not increase X when Y.": a whole workaround said as what to avoid; the verbs
#: whose opposite is one action.
_DO_NOT_RE = re.compile(
    r"^(?:do\s{1,3}not|don't)\s{1,3}(?P<verb>increase|raise|enable|turn\s{1,3}on|select"
    r"|configure|set)\s{1,3}(?P<rest>[^;]{3,400})$",
    re.IGNORECASE,
)
_OPPOSITE = {"increase": "Lower", "raise": "Lower", "enable": "Disable", "select": "Clear"}
#: "Do not select the X check box": clear it (a list entry or an object has no opposite).
_CHECK_BOX_RE = re.compile(r"^[^;]{0,200}?\bcheck\s{0,3}box\b", re.IGNORECASE)
#: "configure the program to use X": "Configure the program not to use X".
_SET_TO_RE = re.compile(r"^(?P<obj>[^,;]{2,120}?)\s{1,3}to\s{1,3}(?P<verb>[a-z]{2,20}\b.*)$")


def said_as_action(text: str) -> str:
    """ "Do not increase X when Y." said as the action it asks ("Lower X when Y."), or
    "" when it has no one opposite."""
    flat = _flat(text)
    found = _DO_NOT_RE.match(flat)
    if found is None or len(split_sentences(flat)) > 1:
        return ""
    verb = " ".join(found.group("verb").casefold().split())
    rest = found.group("rest")
    if verb == "turn on":
        return f"Turn off {rest}"
    if verb == "select" and not _CHECK_BOX_RE.search(rest):
        return ""  # "Do not select the objects together": no check box to clear
    if verb in _OPPOSITE:
        return f"{_OPPOSITE[verb]} {rest}"
    to = _SET_TO_RE.match(rest)  # configure / set X to Y: configure / set X not to Y
    if to is None or not _action(_cap(to.group("verb"))):
        return ""
    return f"{_cap(verb)} {to.group('obj')} not to {to.group('verb')}"


#: "The X driver versions 4.0.4202 and later allow Y.": a release that fixes it, said.
_RELEASE_RE = re.compile(
    r"^(?P<what>(?:the\s{1,3})?[A-Z][^,;:]{2,120}?)\s{1,3}versions?\s{1,3}(?P<ver>\d[\w.]{0,30})"
    r"\s{1,3}(?:and|or)\s{1,3}(?:later|newer|above)\s{1,3}(?:allow|support|accept|fix|correct"
    r"|resolve|handle|permit|let|do\s{1,3}not|don't|no\s{1,3}longer)\b[^;]{0,300}\.$"
)


def release_action(text: str) -> str:
    """ "Upgrade to X version N or later." for a tick that only says later releases of X
    do it, or ""."""
    flat = _flat(text)
    found = _RELEASE_RE.match(flat)
    if found is None or len(flat) > MAX_CHARS or len(split_sentences(flat)) > 1:
        return ""
    what = re.sub(r"^the\s{1,3}", "", found.group("what"), flags=re.IGNORECASE)
    return f"Upgrade to the {what} version {found.group('ver')} or later."


#: "In this case, you can try listing X to isolate Y.": a finding offered in a note.
_TRY_OFFER_RE = re.compile(
    r"^(?:(?:in\s{1,3}this\s{1,3}case|if\s{1,3}so|then),\s{1,3})?you\s{1,3}(?:can|could|may)"
    r"\s{1,3}try\s{1,3}(?P<act>[a-z]{3,30}ing\b[^;]{3,300})$",
    re.IGNORECASE,
)


def offered_try(detail: str) -> tuple[str, str] | None:
    """(note left, "Try X-ing ...") when a step's note (prose, no listing) ends with "you
    can try X-ing ..."; None otherwise."""
    flat = _flat(detail)
    if not flat or len(flat) > MAX_CHARS or "\n\n" in detail.strip():
        return None
    parts = split_sentences(flat)
    found = _TRY_OFFER_RE.match(parts[-1]) if parts else None
    if found is None:
        return None
    act = re.sub(r"\bto\s{1,3}try\s{1,3}to\s{1,3}", "to ", found.group("act"))
    return " ".join(parts[:-1]), f"Try {act}"


#: A token that only a setting, a path or a command line holds: "p0=e000", "c:\\dos".
_SETTING_TOKEN_RE = re.compile(r"(?<!\S)\S{0,80}?[=\\/]\S{0,80}")
#: Plain lower-case words a line of settings has at most (more: a sentence).
MAX_PLAIN_WORDS = 3


def example_line(text: str) -> bool:
    """A tick that is a line the article shows ("device=c:\\dos\\emm386.exe ram p0=e000"),
    no sentence: a setting, path or command token, few plain words, no action."""
    flat = _flat(text)
    if not flat or len(flat) > 200 or flat.endswith((".", ":")) or code_line(flat):
        return code_line(flat) and not _action(flat)
    if _SETTING_TOKEN_RE.search(flat) is None:
        return False
    if len(_PROSE_WORD_RE.findall(flat)) > MAX_PLAIN_WORDS:
        return False
    return not _action(flat)


_PROSE_WORD_RE = re.compile(r"(?<!\S)[A-Za-z][a-z]{1,30}(?=[\s,]|$)")


#: "Please contact Customer Service at X to request a refund.": what a case before it offers
#: ("If X, return the game for a refund"), asked for.
_FOLLOW_UP_RE = re.compile(
    r"^(?:please\s{1,3})?(?:contact|call|write\s{1,3}to)\b[^.;]{0,200}?\bto\s{1,3}(?:request|obtain"
    r"|get|ask\s{1,3}for|arrange)\s{1,3}(?:a\s{1,3}|an\s{1,3}|the\s{1,3}|your\s{1,3})?"
    r"(?P<noun>[a-z]{3,30})\b",
    re.IGNORECASE,
)


def follows_case(text: str, before: dict[str, Any]) -> bool:
    """The tick asks for what the conditional tick before it offers ("... to request a
    refund." after "If X: return the game for a refund"): on that case only."""
    found = _FOLLOW_UP_RE.match(_flat(text)[:MAX_CHARS])
    if found is None or not before.get("when"):
        return False
    noun = found.group("noun").casefold()
    return re.search(rf"\b{re.escape(noun)}\b", _flat(before.get("text")).casefold()) is not None


def _same_case(a: object, b: dict[str, Any]) -> bool:
    return isinstance(a, dict) and a.get("when") == b.get("when")


def _ends_with_colon(step: dict[str, Any]) -> bool:
    """The step (its note, when it has one) ends in a colon, or in a line of its example:
    what follows is its listing."""
    detail = str(step.get("detail") or "").strip()
    last = detail.split("\n")[-1] if detail else _flat(step.get("text"))
    return _flat(last).endswith(":") or (bool(detail) and example_line(last))


def _outcome(node: dict[str, Any]) -> None:
    steps = node.get("steps")
    if not isinstance(steps, list) or not steps:
        return
    only = len(steps) == 1
    n = 0
    while n < len(steps):
        step = steps[n]
        text = step.get("text") if isinstance(step, dict) else None
        if not isinstance(text, str) or "\n" in text.strip():
            n += 1
            continue
        before = steps[n - 1] if n else None
        detail = str(step.get("detail") or "")
        if tasks := purpose_tasks(text):
            step["text"] = tasks[0]
            if detail:
                del step["detail"]
            for k, task in enumerate(tasks[1:], 1):
                last = k == len(tasks) - 1
                steps.insert(n + k, _tick(task, detail if last else "", step))
            n += len(tasks)
            continue
        if (
            before is not None
            and _same_case(before, step)
            and example_line(text)
            and _ends_with_colon(before)
        ):
            _noted(before, f"{_flat(text)}\n\n{detail}".strip("\n"))  # the example shown
            del steps[n]
            continue
        if before is not None and _same_case(before, step) and not detail:
            effect = effect_parts(text)
            if effect is not None:
                _noted(before, effect[0])
                if effect[1]:
                    step["text"] = effect[1]
                    n += 1
                else:
                    del steps[n]
                continue
        if isinstance(before, dict) and not step.get("when") and follows_case(text, before):
            step["when"] = before["when"]  # the refund the case offers, on that case only
        if only and not detail and (said := said_as_action(text) or release_action(text)):
            step["text"] = said  # the whole fix said as what it asks; the article's words
            step["detail"] = _flat(text)  # shown under it
        if detail and (tried := tried_items(detail)):
            kept, items = tried
            if kept:
                step["detail"] = kept
            else:
                del step["detail"]
            for k, item in enumerate(items, 1):
                steps.insert(n + k, _tick(item, "", step))
            n += len(items) + 1
            continue
        if detail and (offer := offered_try(detail)):
            kept, act = offer
            if kept:
                step["detail"] = kept
            else:
                del step["detail"]
            steps.insert(n + 1, _tick(act, "", step))
            n += 2
            continue
        n += 1


def one_tick_each(tree: dict[str, Any]) -> None:
    """Every fix's ticks one action each; examples and effects shown beside the step they
    go with; a whole "Do not" fix and a release statement said as the action they ask."""
    for node in tree.get("nodes", []):
        kind = node.get("kind") if isinstance(node, dict) else None
        if kind == "outcome" and node.get("id") != "not_this_article":
            _outcome(node)
