"""Checklist items that are no action of their own (issue 13, "steps that are steps";
round 21, the two most common shapes in a 120-draft survey of all three corpora).

A tick is one thing to do. Two shapes still reached the checklists after every earlier
pass, in MS KB, MS support and runbook drafts alike:

- **a statement after a step**, what the step does or shows, a default, a fact about the
  tool: "SCSI Host Adapter address ID is set by default to 7." after "Set each SCSI
  device to a unique ID", "If this doesn't correct the problem, there is likely a true
  disk error.", "If you do a hardware scan, the TPM will be detected as a security
  device ...", "Another host-level command is the free command which allows you to ...".
  Nothing to do, so nothing to tick: shown as a note under the step before it (with any
  detail it had), on the same answers;
- **a case's lead over its own steps**: "If you are using SQL Server as configuration
  server, follow these steps to reset the permission for service account:" asked as a
  question, the lead ticked on "yes" ("Follow these steps to reset ...:") while the
  steps it introduces were ticked on every answer. The lead is shown under the first of
  its steps, and those steps (the article's list right after the lead) are ticked on
  the lead's answer only.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from kbassist.drafting.blocks import _imperative
from kbassist.drafting.non_steps import code_line
from kbassist.drafting.steps import _action
from kbassist.drafting.text import split_sentences

#: A case in front of a statement: "If this doesn't correct the problem, ...".
_CASE = r"(?:(?:if|when|after|once|then)\b[^,]{0,160},\s+)?"
#: What says what is or happens: a finite verb (or a modal) after a short subject.
_FINITE = (
    r"(?:is|are|was|were|isn't|aren't|wasn't|will|won't|would|should|can|could|may|might"
    r"|has|have|had|does|doesn't|do|don't|did|provides?|allows?|contains?|includes?"
    r"|causes?|occurs?|appears?|works?|means?|indicates?|shows?|lists?|returns?|uses?"
    r"|lets|gives?|makes?|becomes?|remains?|stays?|keeps?|happens?|fails?|succeeds?|runs?)"
)
#: A subject that names a thing: a determiner or pronoun first ("The TPM", "Each node",
#: "Another host-level command", "there"), or a name in capitals ("SCSI Host Adapter
#: address ID", "User-defined DICTs"); never an action's first word ("Resolve any issues
#: that are ...", "Scroll until you find the service that is ...").
_DETERMINER = (
    r"(?:the|this|that|these|those|it|its|there|another|each|other|some|both|such|all|most"
    r"|many|any|no|one|your|their|our)\b"
)
_NAME = r"(?-i:(?=[\w'./-]*[A-Z][\w'./-]*[A-Z])[\w'()./-]+)"
_SUBJECT = (
    rf"(?:{_DETERMINER}(?:\s+[\w'()./-]+){{0,6}}?"
    rf"|{_NAME}(?:\s+[\w'()./-]+){{0,5}}?"
    rf"|[\w'()./-]+(?:\s+[\w'()./-]+)?\s+{_NAME}|[\w'()./-]+\s+{_NAME}\s+[\w'()./-]+)"
)
#: "SCSI Host Adapter address ID is set ...", "the TPM will be detected ...", "there is
#: likely ...", "Each node also contains ...": the subject, an adverb or two, then the
#: finite verb; after a case, "you're using X" and "you see X" say what is too.
_STATEMENT_RE = re.compile(
    rf"^{_CASE}(?:(?P<you>you're|you\s+are|you\s+(?:will\s+|can\s+)?see|you\s+receive)\b"
    rf"|(?P<subject>{_SUBJECT})\s+(?:(?:also|now|then|usually|typically|often|only|still"
    rf"|likely|automatically|normally|by\s+default)\s+){{0,2}}{_FINITE}\b)",
    re.IGNORECASE,
)
#: First words a statement may open with: a determiner or pronoun, a case, a connector.
_OPENERS = frozenset(
    (
        "the this that these those it its there another each other some both such all most"
        " many any no one your their our if when after once then you you're additionally also"
        " however therefore thus in otherwise for by usually typically normally note"
    ).split()
)
#: A word with two capitals among the first words: a name ("SCSI", "DICTs", "ODF").
_TWO_CAPS_RE = re.compile(r"[A-Z][^\s]*[A-Z]")
#: Words a subject never holds: a case or a condition inside it is an action's clause.
_NOT_IN_SUBJECT = frozenset("if when until unless because whether".split())
#: What makes a sentence something to do after all: a duty, an offer to the reader.
_DUTY_RE = re.compile(
    r"\b(?:you|we)\s+(?:must|should|need|have\s+to|will\s+need|can|could|may|might)\b"
    r"(?!\s+(?:see|be|not|notice|get\s+the\s+following)\b)"
    r"|\bmust\b|\bneeds?\s+to\b|\bhas\s+to\b|\bhave\s+to\b|\brequired\b|\brecommended\b"
    r"|\b(?:might|may|will|would)\s+need\b|\bpossible\s+to\b|\bnecessary\b"
    r"|\b(?:can|could)\s+(?:also\s+)?be\s+(?:\w+ed|\w+en|set|run|put|made|done|found|kept|sent"
    r"|read|built|shown)\b|\bone\s+(?:can|could|may|might|should|must)\b|\bmake\s+sure\b|\bbe\s+sure\b|\bensure\b|\bplease\b|\bdo\s+not\b|\bdon't\b(?!\s+\w+\s+to\b)",
    re.IGNORECASE,
)
#: Subjects that are no subject: an action's own words ("Set each ...", "To do X").
_NOT_SUBJECT_RE = re.compile(r"^(?:to|in|on|at|for|from|under|with|by|as|note|example)\b", re.I)
#: "The operator is a community operator.": a short "X is a Y." reads as a case's label
#: over the steps after it, never as a note on the step before.
_LABEL_RE = re.compile(r"^[^,]{0,60}\b(?:is|are)\s+(?:a|an|not\s+a|not\s+an)\s+[^,]{1,50}\.$", re.I)
#: A purpose clause in front of an action: "To see the log, select ...".
_PURPOSE_RE = re.compile(r"^to\s[^,]{2,120},\s+(?P<act>.+)$", re.IGNORECASE | re.DOTALL)
#: What follows a comma, "then" left out: an action after a case or a scene.
_CLAUSE_RE = re.compile(r",\s+(?:and\s+)?(?:then\s+)?(?P<act>[a-z][^,]+)", re.IGNORECASE)
#: Cheap test before the statement pattern: a statement has a finite verb somewhere.
_FINITE_WORDS = frozenset(
    form
    for word in re.findall(r"[a-z'?]+", _FINITE)
    for form in ((word[:-2], word[:-1]) if word.endswith("?") else (word,))
)


def _flat(text: object) -> str:
    return " ".join(str(text or "").split())


def _acts(sentence: str) -> bool:
    """The sentence asks for an action: an imperative, or one after a purpose clause or
    after a case ("If it's disabled, enable it.")."""
    sentence = re.sub(r"^(?:then|next|finally|also|additionally),?\s+", "", sentence, flags=re.I)
    if _imperative(sentence) or _action(sentence):
        return True
    _head, colon, rest = sentence.partition(": ")  # "X are useful: Use the top command ..."
    if colon and rest[:1].isupper() and _acts(rest):
        return True
    purpose = _PURPOSE_RE.match(sentence)
    if purpose and _imperative(purpose.group("act")[:1].upper() + purpose.group("act")[1:]):
        return True
    for clause in _CLAUSE_RE.finditer(sentence):  # "If it's disabled, (then) enable it."
        act = clause.group("act")
        if _imperative(act[:1].upper() + act[1:]):
            return True
    return False


@lru_cache(maxsize=1024)  # pure: each tick is read as a step and as the step before
def statement(text: str, shown: bool = False) -> bool:
    """Whether a tick's text says only what is or happens: every sentence a statement
    (a subject, then a finite verb), none asks for an action, a duty or an offer.
    `shown`: the tick has something shown under it, so a closing colon introduces that
    ("Then, you can see the following result ...:") and no steps after it."""
    flat = _flat(text)
    if shown and flat.endswith(":"):
        flat = flat[:-1].rstrip()
    if not flat or flat.endswith(("?", ":")) or not flat[:1].isupper():
        return False
    opening = flat.split(None, 3)[:3]
    if opening[0].casefold().rstrip(",") not in _OPENERS and not _TWO_CAPS_RE.search(
        " ".join(opening)
    ):  # a cheap look at the first words before the patterns: most ticks stop here
        return False
    words = set(re.findall(r"[a-z']+", flat.casefold()))
    if not words & _FINITE_WORDS or _DUTY_RE.search(flat):
        return False
    if "{" in flat or code_line(flat):  # a value asked, a code line: never a note
        return False
    sentences = split_sentences(flat) or [flat]
    if len(sentences) == 1 and _LABEL_RE.match(flat):
        return False
    return all(_says(s) for s in sentences)


#: "Additionally, ...", "In other words, ...": a connector before a sentence's subject.
_CONNECTOR_RE = re.compile(
    r"^(?:additionally|also|however|therefore|thus|in\s+addition|in\s+other\s+words"
    r"|in\s+this\s+case|in\s+most\s+cases|otherwise|for\s+example|for\s+instance"
    r"|by\s+default|usually|typically|normally|note\s+that),?\s+",
    re.IGNORECASE,
)


def _says(sentence: str) -> bool:
    """One sentence says what is: a subject that names a thing, then a finite verb, and
    no action in it (an unknown first word is never read as a subject)."""
    bare = _CONNECTOR_RE.sub("", sentence, count=1)
    found = _STATEMENT_RE.match(bare)
    if found is None:
        return False
    subject = found.group("subject") or ""
    if _NOT_SUBJECT_RE.match(subject) or _NOT_IN_SUBJECT & set(subject.casefold().split()):
        return False
    return not _acts(sentence)


def _noted(before: dict[str, Any], step: dict[str, Any]) -> None:
    """`step` (its text, then its detail) shown under `before`."""
    said = "\n".join(p for p in (str(step.get("text", "")).strip(), step.get("detail", "")) if p)
    old = before.get("detail", "")
    before["detail"] = f"{old}\n\n{said}" if old else said


_MARKER_RE = re.compile(r"^\s*(?:[-*+]|\d{1,2}[.)]|[a-z][.)])\s")


def _label_over_list(body: str, text: str) -> bool:
    """The statement is a list item with a list nested under it in the article ("* The
    telemeter client fails to send metrics to the server." over "* If you use a
    firewall, ..."): a case's label over its own steps, not a note on the step before."""
    words = re.findall(r"\w+", text)[:8]
    if len(words) < 3:
        return False
    found = re.search(r"[\W_]+".join(map(re.escape, words)), body)
    if found is None:
        return False
    start = body.rfind("\n", 0, found.start()) + 1
    line = body[start : body.find("\n", start) if "\n" in body[start:] else len(body)]
    if not _MARKER_RE.match(line):
        return False
    own = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
    for after in body[start + len(line) :].splitlines()[1:40]:
        if not after.strip():
            continue
        indent = len(after.expandtabs(4)) - len(after.expandtabs(4).lstrip())
        if _MARKER_RE.match(after):
            return indent > own
        if indent <= own:
            return False
    return False


def _acting(text: str) -> bool:
    """The step before asks for an action (a statement goes under a step, never under
    another statement, a cause or a code line)."""
    return not statement(text) and any(_acts(s) for s in split_sentences(text) or [text])


def _statements_in(steps: list[dict[str, Any]], body: str) -> None:
    n = 1
    while n < len(steps):
        step, before = steps[n], steps[n - 1]
        prior = _flat(before.get("text"))
        if (
            step.get("when") == before.get("when")
            and statement(str(step.get("text", "")), bool(step.get("detail")))
            and not (prior.endswith(":") and not before.get("detail"))
            and _acting(prior)
            and not _label_over_list(body, str(step.get("text", "")))
        ):
            _noted(before, step)
            del steps[n]
            continue
        n += 1


def statements_noted(tree: dict[str, Any], body: str) -> None:
    """Every outcome's ticks that only say what is or happens, after a step, are shown
    as that step's note: nothing to do, nothing to tick."""
    for node in tree["nodes"]:
        if node.get("kind") == "outcome" and node.get("id") != "not_this_article":
            steps = node.get("steps")
            if isinstance(steps, list) and len(steps) >= 2:
                _statements_in(steps, body)


#: A list item's marker: "1.", "a)", "-", "*", "o" (the archive's bullets).
_ITEM_RE = re.compile(r"^(?P<indent>\s*)(?:[-*+o]|\d{1,2}[.)]|[a-z][.)])\s+(?P<text>\S.*)$")


def _list_after(body: str, lead: str) -> list[str] | None:
    """The items of the list right after `lead` in the article (each item's text with
    its wrapped lines), or None when the lead is not found or no list follows it."""
    words = re.findall(r"\w+", lead)[-8:]
    if len(words) < 3:
        return None
    found = re.search(r"[\W_]+".join(map(re.escape, words)) + r"\W*\n", body, re.IGNORECASE)
    if found is None:
        return None
    items: list[str] = []
    own: int | None = None
    fence = blank = False
    for line in body[found.end() :].expandtabs(4).splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
            continue
        if fence or not line.strip():
            blank = not fence
            continue
        indent = len(line) - len(line.lstrip())
        item = _ITEM_RE.match(line)
        if own is None:
            if item is None:
                return None
            own = indent
        if item is not None and indent == own:
            items.append(item.group("text"))
        elif items and (indent > own or (not blank and item is None)):  # wrapped, lazy too
            items[-1] += " " + line.strip()
        else:
            break
        blank = False
    return items or None


def _opening(text: str, n: int = 3) -> tuple[str, ...]:
    return tuple(w.casefold() for w in re.findall(r"\w+", text)[:n])


def _own_steps(steps: list[dict[str, Any]], at: int, items: list[str]) -> int:
    """How many ticks after `steps[at]` are the article's `items`: the first tick opens
    the first item, each after it opens a later item or goes on with the one before
    (an item said in two ticks); 0 when the first does not line up. A tick asked on
    answers of its own ends the run."""
    if len(steps) <= at + 1 or _opening(str(steps[at + 1].get("text"))) != _opening(items[0]):
        return 0
    openings = [_opening(item) for item in items]
    said = [" ".join(w.casefold() for w in re.findall(r"\w+", item)) for item in items]
    seen = 0  # the item the last tick belongs to
    count = 0
    for step in steps[at + 1 :]:
        if step.get("when"):
            break
        text = str(step.get("text"))
        later = [k for k in range(seen, len(items)) if openings[k] == _opening(text)]
        if later:
            seen = later[0]
        elif count == 0 or " ".join(_opening(text, 4)) not in said[seen]:
            break
        count += 1
    return count


#: A lead that only announces the steps after it: "..., follow these steps:", "...
#: check the following:", "... as follows:"; never alternatives ("one of the following").
_ANNOUNCES_RE = re.compile(
    r"\b(?:follow(?:ing)?\s+(?:these|the\s+following|the)\s+steps|these\s+steps"
    r"|(?:use|perform|complete|do|check|try)\s+the\s+following(?:\s+(?:steps?|procedures?|tasks?))?"
    r"|as\s+follows|the\s+steps\s+below)\b[^:]{0,80}:$",
    re.IGNORECASE,
)
_ALTERNATIVES_RE = re.compile(r"\b(?:one|any|either|each)\s+of\b|\bor\s+more\b", re.IGNORECASE)
#: "For Netscape Navigator 3.0, follow these steps:", "In Outlook 98, ...": which product
#: or place is an alternative the walk asks (or the bench counts), never folded here.
_SCOPE_RE = re.compile(r"^(?:for|in|on|with|under|from|at)\b[^,]{2,80},", re.IGNORECASE)


def _lead(step: dict[str, Any], after: dict[str, Any]) -> bool:
    """`step` is a lead over the ticks after it: a colon, nothing shown under it, the
    next tick asked on every answer; asked on its own answer (a case the walk asks), or
    said as only an announcement ("If you receive X, to troubleshoot the issue check the
    following:")."""
    text = _flat(step.get("text"))
    if step.get("detail") or not text.endswith(":") or after.get("when"):
        return False
    if _ALTERNATIVES_RE.search(text):
        return False
    if step.get("when"):
        return True
    if _SCOPE_RE.match(text):
        return False
    return bool(_ANNOUNCES_RE.search(text)) and not _acting_first(text)


def _acting_first(text: str) -> bool:
    """A sentence before the lead's last asks for an action of its own ("Insert the CD.
    If X, follow these steps:"): the lead stays ticked."""
    return any(_acts(s) for s in (split_sentences(text) or [text])[:-1])


def _case_leads_in(steps: list[dict[str, Any]], body: str) -> None:
    n = 0
    while n < len(steps) - 1:
        lead = steps[n]
        text = _flat(lead.get("text"))
        when = lead.get("when")
        if not _lead(lead, steps[n + 1]):
            n += 1
            continue
        items = _list_after(body, text[:-1])
        count = _own_steps(steps, n, items) if items else 0
        if count == 0:
            n += 1
            continue
        for step in steps[n + 1 : n + 1 + count] if when else ():
            step["when"] = when
        if _acting_first(text):  # "Send X to PSS. To find Y, do the following:": kept
            n += 1 + count
            continue
        first = steps[n + 1]
        more = first.get("detail", "")
        first["detail"] = f"{text}\n\n{more}" if more else text
        del steps[n]
        n += count


def case_leads_merged(tree: dict[str, Any], body: str) -> None:
    """A case's lead ticked on its answer ("Follow these steps to reset the permission
    for service account:") over steps ticked on every answer: the lead is shown under
    the first of its own steps, and those steps are ticked on the lead's answer. A lead
    that only announces ("..., check the following:") is shown the same way."""
    if ":" not in body:
        return
    for node in tree["nodes"]:
        if node.get("kind") == "outcome" and node.get("id") != "not_this_article":
            steps = node.get("steps")
            if isinstance(steps, list) and len(steps) >= 2:
                _case_leads_in(steps, body)
