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
- one sentence of two imperatives joined by "; " (also "; then", "; and then").

Kept whole: a case ("If X, do Y"), a UI path within one sentence ("Click File, and then
click Save"), a look or a note after the action (other passes), a listing.
"""

from __future__ import annotations

import itertools
import re

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
    if len(pieces) == 1:
        return [item]
    return [*pieces[:-1], with_detail(pieces[-1], detail)]


def event_ticks(items: list[str]) -> list[str]:
    """`items` with two whole actions in one tick as two ticks."""
    return [piece for item in items for piece in split_actions(item)]
