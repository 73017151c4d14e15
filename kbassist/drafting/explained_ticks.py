"""Explanations ticked as steps, the action said after them (issue 13, "steps", round 25).

After every earlier pass (`one_action`, `glued_notes`, `not_one_action`,
`statement_ticks`) a tick that only explains is shown, not ticked, when it stands alone.
Three shapes were still ticked in all three corpora, the real action said last:

- **explanation, then the action**, in one tick: "Valid domain names have 15 or fewer
  characters. Change the value of this field ...", "New drivers have been released.
  Make sure that you have the updated drivers.": the action is the step, the sentences
  before it its note (shown, not ticked);
- **advice said as a statement**: "It's best to start with the journal logs on the
  node ...", "Otherwise, it's possible you may have to refer to the disaster recovery
  documentation.", "Start thinking about sharding prometheus.", "The best solution is to
  create a larger volume ...": said as the action it advises ("Start with the journal
  logs ...", "Otherwise, refer to ...", "Consider sharding prometheus.");
- **a whole paragraph as the fix's one tick**, the action buried at its end: "When the
  MCD first logs the error it will log the exact error ... For example:" with the
  listing, what the error indicates, and only then "If a node is failing to reboot.
  It's best to start with the journal logs on the node ...": the action is the step,
  everything before it its note. The same when the one tick is a statement and the
  action is an offer in the fix's own text ("If this is not intentional then you can
  check the MCP object ..."): the offer is the step, the statement its note.

A sentence is read as explanation only when it opens with a subject (a determiner, a
pronoun, a name, a case) and says what is (a finite verb), asks for nothing ("you
must", "please", an imperative): a real imperative never becomes a note. A fix left
with no action keeps its honest text.
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.drafting.non_steps import code_line
from kbassist.drafting.one_action import _FINITE_RE, _acts, _tells
from kbassist.drafting.options import option_label
from kbassist.drafting.statement_ticks import (
    _CONNECTOR_RE,
    _DETERMINERS,
    _FRONT_RE,
    _opens_with_verb,
    _verb,
)
from kbassist.drafting.steps import _action
from kbassist.drafting.text import split_sentences

#: A case or connector kept in front of the advised action ("Otherwise, ", "If X, ").
_HEAD = (
    r"(?P<head>(?:(?:if|when|once|otherwise|in\s+the\s+meantime|as\s+a\s+general\s+fix"
    r"|therefore|in\s+(?:this|that|such\s+a|most|some)\s+cases?)\b[^,]{0,160}?(?:,\s*|\s+then\s+)"
    r")?(?:then\s+)?)"
)
#: Advice said as a statement; `rest` is the action it advises.
_ADVICE_RE = re.compile(
    rf"^{_HEAD}(?:"
    r"it(?:'s|\s+is|\s+may\s+be|\s+might\s+be|\s+would\s+be|\s+will\s+be)\s+"
    r"(?:usually\s+|often\s+|probably\s+)?(?:best|better|advisable|a\s+good\s+idea"
    r"|recommended)\s+to"
    r"|(?:a\s+good\s+(?:first\s+)?step|the\s+(?:best|recommended|preferred|first)\s+(?:solution|option"
    r"|approach|way|fix|step|thing\s+to\s+do))\s+(?:here\s+)?(?:is|would\s+be)\s+to"
    r"|(?:it(?:'s|\s+is)\s+possible\s+(?:that\s+)?)?you\s+(?:may|might|will)\s+(?:also\s+)?"
    r"(?:have|need)\s+to"
    r"|(?:we|microsoft)\s+(?:strongly\s+)?recommends?\s+(?:that\s+)?you)"
    r"\s+(?P<rest>[a-z][^\n]{0,1500})$",
    re.IGNORECASE,
)
#: "Start thinking about sharding X.", "you can try restarting X": a vague lead before
#: the action, said as "Consider sharding X." / "Try restarting X.".
_CONSIDER_RE = re.compile(
    rf"^{_HEAD}(?:(?:start|begin)\s+(?:thinking|to\s+think)\s+about|think\s+about)\s+"
    r"(?P<rest>[a-z]+ing\b[^\n]{0,1500})$",
    re.IGNORECASE,
)
_TRY_RE = re.compile(
    rf"^{_HEAD}you\s+(?:can|could|may|might)\s+(?:also\s+)?try\s+(?P<rest>(?:to\s+[a-z]+|[a-z]+ing)"
    r"\b[^\n]{0,1500})$",
    re.IGNORECASE,
)
#: "If this is not intentional then you can check X": an offer, the fix's action only
#: where nothing else in the fix is one.
_OFFER_RE = re.compile(
    rf"^{_HEAD}you\s+can\s+(?:also\s+)?(?P<rest>[a-z][^\n]{{0,1500}})$",
    re.IGNORECASE,
)
#: "If a node is failing to reboot.": a case cut off by a stop, the action after it.
_CASE_ONLY_RE = re.compile(r"^(?:if|when)\s+[^,;:]{3,160}\.$", re.IGNORECASE)
#: "The preferred method is to X", "the workaround is ...": a way to act, never a note.
_WAY_RE = re.compile(
    r"\b(?:preferred|recommended|best|better|suggested)\s+(?:\w+\s+)?(?:method|way|solution"
    r"|option|approach|practice)\b|\bwork\s?around\b|\b(?:possible|one|another|other)\s+"
    r"(?:\w+\s+)?(?:resolution|solution|fix)\b",
    re.IGNORECASE,
)
#: Fewest words an explanation sentence has.
MIN_WORDS = 4
#: Longest tick read (a longer one is a pasted section; the patterns stay fast).
MAX_CHARS = 3000


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _joined(head: str, rest: str) -> str:
    """The advised action, with its case or connector in front ("Otherwise, refer ...")."""
    head = " ".join(head.split())
    if not head:
        return _cap(rest)
    head = re.sub(r"\s+then$", "", head).rstrip(", ")
    return f"{_cap(head)}, {rest}"


def advised(sentence: str, offer: bool = False) -> str:
    """The action a sentence of advice asks for ("It's best to start with X." ->
    "Start with X."), or "" when it is no such advice or what it advises is no action.
    `offer`: "you can X" is read as the advice too (only where a fix has no other action)."""
    flat = " ".join(sentence.split())
    if len(flat) > MAX_CHARS:
        return ""
    found = _ADVICE_RE.match(flat)
    if found:
        rest = found.group("rest")
        return _joined(found.group("head") or "", rest) if _verb_first(rest) else ""
    found = _CONSIDER_RE.match(flat)
    if found:
        return _joined(found.group("head") or "", f"consider {found.group('rest')}")
    found = _TRY_RE.match(flat)
    if found:
        rest = found.group("rest")
        if rest.casefold().startswith("to "):
            rest = rest[3:]
            return _joined(found.group("head") or "", rest) if _verb_first(rest) else ""
        return _joined(found.group("head") or "", f"try {rest}")
    found = _OFFER_RE.match(flat) if offer else None
    if found:
        rest = found.group("rest")
        return _joined(found.group("head") or "", rest) if _verb_first(rest) else ""
    return ""


def _verb_first(rest: str) -> bool:
    """What follows the advice opens with an action verb ("start with X", not "be X")."""
    words = rest.split(None, 1)
    word = words[0].casefold().rstrip(",.:;") if words else ""
    return word not in ("be", "have", "see", "get", "not") and (_verb(word) or _action(_cap(rest)))


def _acting(sentence: str) -> bool:
    """The sentence asks for an action (an imperative, one after a case or purpose)."""
    return _acts(sentence) or _action(sentence) or _opens_with_verb(sentence)


#: Words that never stand in a subject before its verb ("Hit ENTER until the dialog
#: appears", "Record the numbers that the tool is dialing"): the verb is another clause's.
_NOT_SUBJECT = frozenset(
    "until unless when if to in on from with by for into at and or that which who where"
    " while because so then as of a an the its their your".split()
)
#: A third-person verb ("calls", "stores"), not "class", "status", "this".
_THIRD_RE = re.compile(r"^[a-z]{2,}[^su\W]s$")
#: Most words before a subject's finite verb.
MAX_SUBJECT_WORDS = 7


def _subject_said(sentence: str, loose: bool = False) -> bool:
    """The sentence opens with a subject and its finite verb: a determiner or pronoun
    first ("The TPM is", "It creates"), or a few words with no clause mark and no
    preposition before a finite verb ("Valid domain names have", "New drivers have
    been", "Setting X to 1 allows" is not). `loose`: any third-person verb ("CONVERT.APP
    calls ...") counts, where a wrong yes only leaves a tick as it was."""
    bare = _FRONT_RE.sub("", _CONNECTOR_RE.sub("", sentence, count=1), count=1)
    words = bare.split(None, MAX_SUBJECT_WORDS + 1)[: MAX_SUBJECT_WORDS + 1]
    if not words or _verb(words[0].casefold().strip("\"'(")):
        return False
    if words[0].casefold().strip("\"'(") in _DETERMINERS:
        return True
    for n, word in enumerate(words):
        if _FINITE_RE.fullmatch(word.rstrip(".")) or (loose and n and _THIRD_RE.match(word)):
            return n >= 1
        if word.casefold() in _NOT_SUBJECT or word.endswith((",", ";", ":")):
            return False
    return False


def explains(sentence: str) -> bool:
    """A sentence that only explains: it opens with a subject, a connector or a case,
    says what is (a finite verb, at least MIN_WORDS words) and asks for nothing."""
    flat = " ".join(sentence.split())
    if not flat[:1].isupper() or not flat.endswith((".", "!")) or len(flat.split()) < MIN_WORDS:
        return False
    if not _subject_said(flat) or _WAY_RE.search(flat):
        return False  # "Hit ENTER until ...", "If X, allocate more memory": not said
    if not _FINITE_RE.search(flat) or _tells(flat) or code_line(flat):
        return False
    return not (_acting(flat) or advised(flat))


def _said_of(sentence: str) -> bool:
    """A sentence that opens with a subject and its verb, asking nothing ("If you
    continue, Schedule+ will clear your data."): no action, whatever a clause in it reads
    like."""
    return _subject_said(sentence, loose=True) and not _tells(sentence)


#: A note, a caution or a pointer: shown beside the fix, never the action it ticks.
_NOT_THE_ACTION_RE = re.compile(
    r"^(?:\[!)?(?:(?:important|please)\s+)?(?:notes?|caution|warning|tip|important)\b"
    r"|^(?:please\s+)?(?:see|refer\s+to|read|consult)\b",
    re.IGNORECASE,
)
#: The article's own short label before an action ("Cluster scoped: run ...").
_OWN_LABEL_RE = re.compile(r"^[\w()/ -]{1,40}:\s+(?=[A-Z])")
#: Words before the verb of an action: an order word, "just", the reader's modal.
_BEFORE_VERB_RE = re.compile(
    r"^(?:(?:then|next|now|also|finally|first|just|simply|please|and),?\s+){0,3}"
    r"(?:you\s+(?:can|should|must|need\s+to|may\s+want\s+to|will\s+need\s+to)\s+(?:also\s+)?)?",
    re.IGNORECASE,
)
#: A verb that is the subject's ("Quit is a method ...", "Test was run").
_SUBJECT_VERB_RE = re.compile(
    r"^(?:is|are|was|were|will|can|may|might|should|has|have|does|did|would|could)$", re.I
)


def _imperative(sentence: str) -> bool:
    """The sentence is an action: after its label, a case, a purpose, an order word or
    "you should", an action verb ("To fix this, switch to ...", "Just type X"); never a
    note, a caution or a pointer ("NOTE: If X, click Y", "Please see the sample")."""
    flat = " ".join(sentence.split()).lstrip("(\"'[ ")
    if _NOT_THE_ACTION_RE.match(flat):
        return False  # "(Note that this is ...)", "NOTE: If X, click Y": a note
    bare = _OWN_LABEL_RE.sub("", flat, count=1)
    bare = _FRONT_RE.sub("", _CONNECTOR_RE.sub("", bare, count=1), count=1)
    bare = _BEFORE_VERB_RE.sub("", bare, count=1)
    words = bare.split(None, 2)
    if not words:
        return False
    first = words[0].casefold().strip("\"'(")
    if len(words) > 1 and _SUBJECT_VERB_RE.match(words[1]):
        return False
    if first in ("do", "don't") and len(words) > 1:
        nxt = words[1].casefold()
        return nxt == "not" or _verb(nxt)
    return first == "never" or _verb(first)


#: An action that points back at what was said before it ("If this happens, ...", "If
#: so, ...", "In this case, ...", "However, ..."): read with it, so left in one tick.
_POINTS_BACK_RE = re.compile(
    r"^(?:(?:if|when|in|for|after|once|under)\s+(?:\w+\s+){0,2}?(?:this|that|these|those|so|such"
    r"|either|it)\b|however\b|if\s+not\b|otherwise\b|to\s+do\s+(?:this|so|that|it)\b)",
    re.IGNORECASE,
)


def _action_at(sentences: list[str], offer: bool = False) -> tuple[int, int, str]:
    """(first, past, step text) of the first sentence that acts or advises an action
    (sentences[first:past] said as the step: a case cut off by a stop just before it is
    joined to it); (-1, -1, "") when none does."""
    for n, sentence in enumerate(sentences):
        said = advised(sentence, offer)
        if not said and _imperative(sentence) and not _said_of(sentence):
            said = sentence
        if not said:
            continue
        if n and _CASE_ONLY_RE.match(sentences[n - 1]):
            case = sentences[n - 1].rstrip(".")
            return n - 1, n + 1, f"{case}, {said[:1].lower()}{said[1:]}"
        return n, n + 1, said
    return -1, -1, ""


def explained_first(text: str) -> tuple[str, str] | None:
    """(note, step) of a tick whose first sentences only explain and whose next sentence
    is the action (advice said as that action); None when the tick is no such thing."""
    flat = " ".join(text.split())
    if len(flat) > MAX_CHARS or "\n" in text.strip():
        return None
    sentences = split_sentences(flat)
    if len(sentences) < 2 or not explains(sentences[0]):
        return None
    first, past, said = _action_at(sentences)
    if first < 1 or not all(explains(s) for s in sentences[:first]):
        return None
    if _POINTS_BACK_RE.match(sentences[first]):
        return None  # "X may fail. If this happens, exit ...": one thought, left whole
    return " ".join(sentences[:first]), " ".join([said, *sentences[past:]])


def _said(text: object) -> str:
    return " ".join(str(text or "").split())


def _step_acts(step: dict[str, Any]) -> bool:
    """A step's text asks for an action (any sentence acts, or advises one)."""
    text = _said(step.get("text"))
    sentences = split_sentences(text) or [text]
    return _tells(text) or any(_acting(s) or advised(s) for s in sentences)


def _noted(step: dict[str, Any], note: str) -> None:
    """`note` shown with the step: before its detail, or after the listing its colon
    introduces."""
    old = str(step.get("detail") or "").strip("\n")
    if not old:
        step["detail"] = note
    elif _said(step.get("text")).endswith(":"):
        step["detail"] = f"{old}\n\n{note}"
    else:
        step["detail"] = f"{note}\n\n{old}"


#: "This method must be used because X.", "This is because X.": why the action before it,
#: said after it.
_BECAUSE_RE = re.compile(
    r"^(?:this|that|it)\b(?:\s+(?:method|step|approach|technique|workaround|procedure|setting"
    r"|change|style|option))?\s+(?:is|must\s+be\s+\w+|has\s+to\s+be\s+\w+|is\s+(?:necessary"
    r"|required|needed))\s+because\b",
    re.IGNORECASE,
)


def reason_after(text: str) -> tuple[str, str] | None:
    """(step, note) of "Use X to add the style. This method must be used because the
    control ignores it ...": the action ticked, why shown as its note; None otherwise."""
    flat = " ".join(text.split())
    if len(flat) > MAX_CHARS or "\n" in text.strip() or code_line(flat):
        return None  # a listing, not a sentence of the article's
    sentences = split_sentences(flat)
    if len(sentences) < 2 or not _imperative(sentences[0]):
        return None
    for n in range(1, len(sentences)):
        if _BECAUSE_RE.match(sentences[n]):
            if any(_imperative(s) or _tells(s) for s in sentences[n + 1 :]):
                return None  # an action after the reason: left for the passes that split
            return " ".join(sentences[:n]), " ".join(sentences[n:])
    return None


def _explained_steps(steps: list[dict[str, Any]]) -> None:
    """Each tick's explanation before its action shown as its note; advice said as its
    action."""
    for step in steps:
        text = step.get("text")
        if not isinstance(text, str) or "{" in text:
            continue  # a value asked in the text: its wording is the input's
        split = explained_first(text)
        if split is not None:
            note, step["text"] = split
            _noted(step, note)
            continue
        why = reason_after(text)
        if why is not None:
            step["text"], note = why
            _noted(step, note)
            continue
        sentences = split_sentences(_said(text))
        said = advised(sentences[0]) if sentences else ""
        if said:
            step["text"] = " ".join([said, *sentences[1:]])


def _prose(text: str) -> bool:
    """A paragraph of sentences: a capital first, an end mark, one line, no code."""
    return text[:1].isupper() and text.endswith((".", "!")) and not code_line(text)


def _buried(step: dict[str, Any]) -> bool:
    """The fix's one tick, no action, its detail a paragraph that ends in the action:
    that action is the step, the tick's text and everything before it the note."""
    detail = str(step.get("detail") or "")
    if not detail.strip() or len(detail) > MAX_CHARS:
        return False
    paragraphs = [p.strip() for p in detail.split("\n\n") if p.strip()]
    last = " ".join(paragraphs[-1].split())
    sentences = split_sentences(last)
    if not sentences or not last.endswith((".", "!")):
        return False
    first, past, said = _action_at(sentences, offer=True)
    if first < 0 or not all(explains(s) for s in sentences[:first]):
        return False
    if _POINTS_BACK_RE.match(sentences[first]) and not _CASE_ONLY_RE.match(sentences[first]):
        return False  # "To do this, save ...": the action said before it is the step
    for paragraph in paragraphs[:-1]:
        flat = " ".join(paragraph.split())
        if not _prose(flat):
            continue  # a listing or a log line shown, not said
        parts = split_sentences(flat) or [flat]
        if any(_acting(s) or _tells(s) or advised(s, offer=True) for s in parts):
            return False  # an action before it: no single action buried at the end
    before = " ".join(sentences[:first])
    note = "\n\n".join(
        p for p in (str(step.get("text", "")).strip(), *paragraphs[:-1], before) if p
    )
    step["text"] = " ".join([said, *sentences[past:]])
    step["detail"] = note
    return True


def _offered(outcome: dict[str, Any], step: dict[str, Any]) -> bool:
    """The fix's one tick a statement, its action an offer in the fix's own text ("If
    this is not intentional then you can check the MCP object ..."): the offer is the
    step, the statement (and what is shown under it) its note."""
    text = str(outcome.get("text") or "")
    if not text.strip() or len(text) > MAX_CHARS or "\n" in _said(step.get("text")):
        return False
    sentences = split_sentences(_said(text))
    first, past, said = _action_at(sentences, offer=True)
    if first < 0 or not advised(sentences[past - 1], offer=True):
        return False  # an imperative in the text is the fix's own lead, asked elsewhere
    if any(_acting(s) for s in sentences[:first] + sentences[past:]):
        return False
    shown = "\n\n".join(
        p for p in (str(step.get("text", "")).strip(), str(step.get("detail") or "").strip()) if p
    )
    step["text"] = said
    step["detail"] = shown
    kept = " ".join(sentences[:first] + sentences[past:])
    if kept:
        outcome["text"] = kept
    else:
        del outcome["text"]
    return True


#: Longest title said from a step's text.
MAX_TITLE_CHARS = 80


def _retitled(outcome: dict[str, Any], old: str, new: str) -> None:
    """A fix titled by its first tick's old words ("Start thinking about sharding
    prometheus", "Resolution: New drivers have been released") is titled by the action
    ticked now ("Consider sharding prometheus", "Resolution: Make sure that ...")."""
    title = str(outcome.get("title") or "")
    head, sep, said = title.rpartition(": ")
    if old == new or len(said) < MIN_WORDS or not old.startswith(said) or said in new:
        return
    label = option_label(new)
    if label and len(label) <= MAX_TITLE_CHARS:
        outcome["title"] = f"{head}{sep}{label}"


def explained_ticks(tree: dict[str, Any]) -> None:
    """Every fix's ticks with their explanations shown, not ticked, and the action the
    explanation leads to (or buries at its end) ticked."""
    for node in tree["nodes"]:
        if node.get("kind") != "outcome" or node.get("id") == "not_this_article":
            continue
        steps = node.get("steps")
        if not isinstance(steps, list) or not steps:
            continue
        old = _said(steps[0].get("text")).rstrip(".")
        _explained_steps(steps)
        _retitled(node, old, _said(steps[0].get("text")).rstrip("."))
        if len(steps) != 1 or steps[0].get("when") or _step_acts(steps[0]):
            continue
        said = str(steps[0].get("text")) + str(steps[0].get("detail") or "")
        if "{" in str(steps[0].get("text")) or "TODO" in said:
            continue  # a value asked in its text, a fix the runbook has not written: as drafted
        if not _buried(steps[0]):
            _offered(node, steps[0])
