"""Two whole actions in one tick are two ticks (issue 13, round 27).

Readers of seed 72 marked a tick that asks for two things one after the other: "Click
Start, click Run, and then type "signup" in the Open box. When the MSN Signup program
starts, click to select the I Am Already A Member check box." (the second action waits for
what the first one starts), and "Install the client locally; set the ODBC System DSN to
Local Server" (two actions joined by a semicolon). In every format the admin ticks both at
once and loses the place between them.

Split, each piece a whole action with an imperative of its own:

- a later sentence that opens on what the earlier action brought about ("When the X
  program starts,", "After the installation completes,", "Once the computer restarts,")
  and then acts;
- a later sentence opening with "Then," / "Next," and an imperative (MS KB has this in
  `one_action`; the modern formats write it as well);
- one sentence of two imperatives joined by "; " (also "; then", "; and then");
- one sentence chaining whole actions with ", and then" / ", then" (also "A, B, and then
  C"), each with its own object and none a UI gesture (round 40, merged40: "Shut down MSN
  Explorer, restart your computer, and then re-start MSN Explorer." is three ticks;
  "Click OK, click Close, and then close My Computer" stays one, as MS numbers it).

Kept whole: a case ("If X, do Y"), a UI path within one sentence ("Click File, and then
click Save"), a look or a note after the action (other passes), a listing.
"""

from __future__ import annotations

import itertools
import re

from kbassist.drafting.note_titles import _SUMMARY_VERB_RE, _content
from kbassist.drafting.options import _is_action
from kbassist.drafting.text import split_detail, split_sentences, with_detail

#: "When the MSN Signup program starts, click ...": the event the action before caused,
#: then an action. Bounded: linear on hostile text.
_EVENT_RE = re.compile(
    r"^(?P<lead>(?:when|once|after)\s{1,3}(?:the|this|that|your)\s{1,3}[^,;]{1,80}?\s{1,3}"
    r"(?:starts|appears|opens|loads|finishes|completes|restarts|reboots|comes\s{1,3}up"
    r"|is\s{1,3}(?:displayed|shown|loaded|complete|completed|finished|running|started|open"
    r"|restarted)|has\s{1,3}(?:started|finished|completed|restarted|opened|loaded))"
    r")\s{0,3},\s{0,3}(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
#: Clauses after an event's comma: several actions, said after the event, not turned round.
_SEVERAL_RE = re.compile(r",|;|\band\b|\bthen\b", re.IGNORECASE)
#: "Then, click OK.", "Next, restart the server.": the next action, said as next.
_NEXT_RE = re.compile(r"^(?:then|next)\s{0,3},?\s{1,3}(?P<rest>\S.*)$", re.IGNORECASE | re.DOTALL)
#: "; ", "; then ", "; and then ": where one action ends and the next begins.
_SEMI_RE = re.compile(r";\s{1,3}(?:and\s{1,3})?(?:then\s{1,3})?", re.IGNORECASE)
#: ", and then " / ", then " / ", " before them: where a chained action ends (round 40).
_CHAIN_SEP_RE = re.compile(r",\s{1,3}(?:and\s{1,3}then\s{1,3}|then\s{1,3})?")
#: Verbs of a UI gesture or of a walk through dialogs ("click X, and then click OK",
#: "double-click Setup.exe, and then follow the instructions"): the chain is one step.
_GESTURE_RE = re.compile(
    r"^(?:click|double-click|right-click|select|deselect|clear|check|point|press|type|enter"
    r"|choose|tap|expand|highlight|drag|scroll|browse|navigate|go|open|locate|follow|accept"
    r"|use|repeat|try|make|see|refer|continue|proceed|wait|look|find|note|do|perform|view"
    r"|paste|fill|specify|provide|hold|keep|release)\b",
    re.IGNORECASE,
)
#: Closing, saving or starting a program: done on the way to the action beside it
#: ("Close Control Panel, and then restart the computer", "Remove X, save the file, and
#: then quit the text editor"); a chain splits only with two or more other actions.
_ON_THE_WAY_RE = re.compile(
    r"^(?:close|quit|exit|save|start|launch|run|log\s+(?:on|in|off))\b", re.IGNORECASE
)
#: A later part that names what an earlier one did: "paste it back", "create a new one".
_BACK_RE = re.compile(r"\b(?:it|them)\b|\b(?:new|another|same|old|other)\s+ones?\b", re.I)
#: "plug the keyboard back in", "turn it back on": the first part undone, one gesture.
_UNDONE_RE = re.compile(r"\bback\s+(?:in|on|up)\b|\bon\s+again\b", re.IGNORECASE)
#: Words after which a part leans on another part or on a case: kept one step.
_LEANS_RE = re.compile(
    r"\b(?:if|when|unless|whether|prompted|these\s+steps|the\s+steps|this\s+step|above|below"
    r"|following|follows|either|or\s+you|instead)\b|\bas\s+follows\b",
    re.IGNORECASE,
)
#: "re-start MSN Explorer": the verb after its hyphenated prefix.
_RE_PREFIX_RE = re.compile(r"^re-(?=[a-z])", re.IGNORECASE)
#: A piece opening on a case: what follows in its sentence may belong to it.
_CASE_RE = re.compile(r"^(?:if|when|whenever|unless|once|after|before|while|in case)\b", re.I)
#: Longest tick read: a paragraph longer than this is left to the passes that read them.
MAX_TICK = 600


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _acts(text: str) -> bool:
    """A whole action: an imperative of at least three words."""
    return len(text.split()) >= 3 and _is_action(_cap(text))


def _said_after(match: re.Match[str]) -> str:
    """ "When the X starts, click Y." as "Click Y when the X starts.": the action first,
    so no later pass reads the event as a case to ask about (it follows from the tick
    before)."""
    rest = _cap(match.group("rest").rstrip())
    end = rest[-1] if rest[-1] in ".!" else "."
    lead = " ".join(match.group("lead").split())
    return f"{rest.rstrip('.!')} {lead[:1].lower()}{lead[1:]}{end}"


def _cut_sentences(sentences: list[str]) -> list[int]:
    """Where a later sentence starts an action of its own (an event's turned round)."""
    cuts = []
    for k, sentence in enumerate(sentences[1:], start=1):
        event = _EVENT_RE.match(sentence)
        match = event or _NEXT_RE.match(sentence)
        if event is not None and _SEVERAL_RE.search(event.group("rest")):
            continue  # "When the editor opens, add 1 ..., then click OK": no single action
        if match is not None and _acts(match.group("rest")):
            if _CASE_RE.match(sentences[k - 1]):
                continue  # "If you do so, start at X. Then rename Y": the case's own steps
            cuts.append(k)
            # "Then, select X" on its own tick is "Select X"; an event said after its action
            sentences[k] = _said_after(event) if event is not None else _cap(match.group("rest"))
    return cuts


def _semi_parts(sentence: str) -> list[str]:
    """One sentence's "; "-joined actions, or [sentence] when any part is no whole action."""
    if "(" in sentence or '"' in sentence or ":" in sentence or _CASE_RE.match(sentence):
        return [sentence]  # a quoted value, an aside or a label's list holds the semicolon
    parts = [p.strip() for p in _SEMI_RE.split(sentence)]
    if len(parts) < 2 or not all(_acts(p) for p in parts):
        return [sentence]
    out = []
    for n, part in enumerate(parts):
        part = _cap(part)
        out.append(part if n == len(parts) - 1 or part.endswith(".") else f"{part}.")
    return out


def _whole(part: str) -> bool:
    """A whole action of its own: an imperative, not a gesture, with an object."""
    verb = _RE_PREFIX_RE.sub("re", part)
    words = part.split()
    return (
        len(words) >= 3
        and not _GESTURE_RE.match(part)
        and not _LEANS_RE.search(part)
        and words[1].lower() not in ("it", "them", "there", "this", "that", "so")
        and _is_action(_cap(verb))
    )


def _chain_parts(sentence: str) -> list[str]:
    """One sentence's chained whole actions ("Shut down X, restart your computer, and then
    re-start X.") as one tick each, or [sentence]: the chain must end in ", and then" /
    ", then", every part must be a whole action with its own object, none a UI gesture
    ("Click OK, click Close, and then close My Computer"), a case or a pointer."""
    if not re.search(r",\s{1,3}(?:and\s{1,3})?then\s", sentence):
        return [sentence]
    if any(c in sentence for c in '();:"') or _CASE_RE.match(sentence):
        return [sentence]  # an aside, a quoted value, a lead over a list: read as written
    body = sentence.rstrip()
    end = body[-1] if body[-1] in ".!" else "."
    parts = [p.strip() for p in _CHAIN_SEP_RE.split(body.rstrip(".!"))]
    if len(parts) < 2 or len(parts) > 4 or not all(_whole(p) for p in parts):
        return [sentence]
    if sum(not _ON_THE_WAY_RE.match(p) for p in parts) < 2:
        return [sentence]  # "Close Control Panel, and then restart the computer": one step
    if any(_BACK_RE.search(p) for p in parts[1:]):
        return [sentence]  # "Edit X, then copy and paste it back": the parts lean together
    if len(parts) == 2 and _UNDONE_RE.search(parts[1]):
        return [sentence]  # "Unplug the keyboard, and then plug it back in": one gesture
    if _SUMMARY_VERB_RE.match(parts[0]) and len(_content(parts[0]) & _content(parts[1])) >= 2:
        return [sentence]  # "Add a space ..., and then edit X to replace the space": one
        # change said in two halves; alone, the first would read as the fix's summary
    return [f"{_cap(p)}{end}" for p in parts]


#: A detail that opens the steps the tick sums up.
_STEPS_UNDER_RE = re.compile(r"^\s*to\s+do\s+(?:so|this)\b|\bfollow\s+these\s+steps\b", re.I)
#: A detail that warns or notes: shown before the first of the split actions.
_NOTE_DETAIL_RE = re.compile(r"^(?:note|important|caution|warning)\b", re.IGNORECASE)


def split_actions(item: str) -> list[str]:
    """`item` as one tick per whole action it holds; the detail under the last."""
    text, detail = split_detail(item)
    flat = " ".join(text.split())
    if "\n" in text.strip() or len(flat) > MAX_TICK or "{" in flat:
        return [item]
    sentences = split_sentences(flat)
    if not sentences or not _acts(sentences[0]) or _CASE_RE.match(sentences[0]):
        return [item]  # "If X, do Y. Then, go to step 6.": all of it the case's
    bounds = [0, *_cut_sentences(sentences), len(sentences)]
    pieces = [" ".join(sentences[a:b]) for a, b in itertools.pairwise(bounds)]
    if len(pieces) == 1 and len(sentences) == 1:
        pieces = _semi_parts(flat)
    if len(pieces) == 1 and len(sentences) == 1 and not _STEPS_UNDER_RE.search(detail):
        pieces = _chain_parts(flat)  # (a chain over "To do so, follow these steps:" sums
        # up the steps under it: left one line)
        if len(pieces) > 1 and _NOTE_DETAIL_RE.match(detail):
            return [with_detail(pieces[0], detail), *pieces[1:]]  # read before acting
    if len(pieces) == 1:
        return [item]
    return [*pieces[:-1], with_detail(pieces[-1], detail)]


def event_ticks(items: list[str]) -> list[str]:
    """`items` with two whole actions in one tick as two ticks."""
    return [piece for item in items for piece in split_actions(item)]
