"""A paragraph of bare actions is one tick per action (round 22, archalts22).

MS KB fix sections often write a short procedure as one paragraph: "Enter the user name
only in the logon screen. Do not enter a password. Click OK. Click Yes to create the
password list file." Drafted as one tick, the admin ticks four actions at once and loses
the place between them. Two or more sentences, each a bare imperative (no case, no
time lead, no lead-in colon, no statement), are one tick each, in order. (Round 23,
steps23: two as well as three; "Rerun the Setup Wizard. In Step 2, under Optional
Components, select the X check box." is two things to do and to tick, as the graders'
"one checklist item per action" reads it.)
"""

from __future__ import annotations

import re

from kbassist.drafting.options import _is_action
from kbassist.drafting.text import split_detail, split_sentences, with_detail

#: A sentence that is not a bare action: a case or a time ("If …", "When …", "After …",
#: "Once …"), a purpose ("To …"), a note, a pointer back ("Repeat this step"), or one
#: that names what came before ("This …", "It …").
_NOT_BARE_RE = re.compile(
    r"^(?:if|when|whenever|after|once|before|unless|for|while|as|to|in order|note|repeat|"
    r"this|these|that|those|it|there|you|see|refer|check whether|verify whether|then)\b",
    re.IGNORECASE,
)
#: A flattened numbered list ("3.Choose the Link tab") or a step number: the article's
#: own list, left to the passes that read it.
_NUMBERED_RE = re.compile(r"(?:^|\s)\d{1,2}\.\s?[A-Z]|\bsteps? \d", re.IGNORECASE)


#: "in step 2", "steps 3 through 5": a step named by its number in the article's list.
_STEP_REF_RE = re.compile(r"\bsteps?\s+\d", re.IGNORECASE)
#: Where the action is done, before it: "From the Mail menu, choose Options.", "Under
#: Show, click to select the Field Codes check box".
_PLACE_RE = re.compile(
    r"^(?:from|under|in|on|at|within)\s+[^,.:;]{1,80},\s+(?=[a-z])", re.IGNORECASE
)
#: Fewest bare actions in one paragraph that are a tick each.
MIN_RUN = 2


def _bare_actions(text: str) -> list[str]:
    """The sentences of a paragraph when it is MIN_RUN or more bare actions, else []."""
    flat = " ".join(text.split())
    if flat.count(". ") < MIN_RUN - 1 or _NUMBERED_RE.search(flat):
        return []
    sentences = split_sentences(flat)
    if len(sentences) < MIN_RUN:
        return []
    for sentence in sentences:
        if sentence.endswith((":", "?")) or _NOT_BARE_RE.match(sentence):
            return []
        if not _bare_action(sentence):
            return []
    return sentences


def _bare_action(sentence: str) -> bool:
    """An action, also after where it is done ("From the Mail menu, choose Options.")."""
    if _is_action(sentence):
        return True
    rest = _PLACE_RE.sub("", sentence, count=1)
    return rest != sentence and _is_action(rest[0].upper() + rest[1:])


def action_run_ticks(items: list[str]) -> list[str]:
    """`items` with each paragraph of two or more bare actions split into one tick per
    action (what is shown under the paragraph stays under its last action). Steps that
    point at each other by number ("Delete the file that you expanded in step 2") keep
    the article's steps whole, so the numbers still point where they did."""
    if any(_STEP_REF_RE.search(item) for item in items):
        return items
    out: list[str] = []
    for item in items:
        text, detail = split_detail(item)
        actions = _bare_actions(text)
        if not actions:
            out.append(item)
            continue
        out.extend(actions[:-1])
        out.append(with_detail(actions[-1], detail))
    return out
