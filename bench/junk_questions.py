"""Questions that do not help the admin decide (round 34, questions35).

Blind readers of the seed-94 sample marked four kinds; each is counted here per question
(`bench_draft` sums them):

- **converging**: a question (not the symptom one) whose every answer that stays in the
  article goes on to one and the same node: "Do you video adapter does not meet ...?"
  with "yes" and "no" both leading to the one outcome. The answer may still gate a step
  there, but a reader sees the same outcome either way.
- **unsure loops**: an "I don't know" / "Not sure" answer that leads to a question whose
  every answer is one the asking question already offered (the same outcomes): the
  unsure admin is asked the same choice again.
- **duplicate options**: two answers of one question whose outcomes say the same fix: one
  label is the other's after its leading verb ("The Microsoft ODBC Driver for Access
  versions 4.0.4202" beside "Install the Microsoft ODBC Driver for Access versions
  4.0.4202 and later"), or the two outcomes tick nearly the same words (nine in ten of
  either's).
- **wrong-kind labels**: a fix question's answer labelled as a cause ("You did not set
  password policy in the Default Domain policy"), or a "What did you find?" answer that
  is a fix ("Set a default storage class") or a cut condition ("The issue does not
  resolve itself").
"""

from __future__ import annotations

import re

from kbassist.trees.model import Outcome, Question, Tree

#: An answer for the admin who cannot tell ("I don't know: check each fix", "Not sure").
UNSURE_RE = re.compile(r"^(?:i don't know|i do not know|not sure)\b", re.IGNORECASE)
#: A fix question's title ("Which fix fits this system?", "How do you want to fix it?").
FIX_TITLE_RE = re.compile(r"^(?:Which fix\b|How do you want to (?:fix|work around)\b)")
#: A findings question's title.
FOUND_TITLE_RE = re.compile(r"^What did you find\b|^Which of these did you find\b")
#: A label that states a cause, not the fix: "You did not set X", "X is not set".
CAUSE_LABEL_RE = re.compile(
    r"^(?:you (?:did not|didn't|have not|haven't|do not|don't)\b|"
    r"(?:the|this|your) [^.]{1,80}? (?:is|are|was|were) not (?:set|enabled|configured|"
    r"installed|running|available)\b)",
    re.IGNORECASE,
)
#: A condition cut from its step: "The issue does not resolve itself", "If X persists".
CONDITION_LABEL_RE = re.compile(
    r"^(?:if|when)\b|\b(?:does not|doesn't|did not|didn't) (?:resolve|clear|go away|help)\b"
    r"|\b(?:persists?|continues?)$",
    re.IGNORECASE,
)
#: A label that says its own case: "Override the thresholds (if the alert is noise)".
CASE_SAID_RE = re.compile(r"\((?:if|when|only if)\b[^()]{1,200}\)$", re.IGNORECASE)
_WORD_RE = re.compile(r"[a-z0-9][a-z0-9.]{0,40}")


def _exits(tree: Tree) -> set[str]:
    from draft_metrics import _exit_ids

    return _exit_ids(tree)


def converging(tree: Tree) -> list[str]:
    """Ids of questions (not "symptom") whose every in-article answer has one `next`."""
    exits = _exits(tree)
    found = []
    for node in tree.nodes.values():
        if not isinstance(node, Question) or node.id == "symptom":
            continue
        real = [c for c in node.choices if c.next not in exits]
        if len(real) >= 2 and len({c.next for c in real}) == 1:
            found.append(node.id)
    return found


def _targets(tree: Tree, question: Question, exits: set[str]) -> set[str]:
    return {c.next for c in question.choices if c.next not in exits}


def unsure_loops(tree: Tree) -> list[str]:
    """Ids of questions whose unsure answer re-asks their own choice."""
    exits = _exits(tree)
    found = []
    for node in tree.nodes.values():
        if not isinstance(node, Question):
            continue
        for choice in node.choices:
            if not UNSURE_RE.match(choice.label or ""):
                continue
            after = tree.nodes.get(choice.next)
            if not isinstance(after, Question):
                continue
            named = {c.next for c in node.choices if c is not choice}
            again = _targets(tree, after, exits)
            if again and again <= named:
                found.append(node.id)
    return found


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text.casefold())


def _ticked_words(outcome: Outcome) -> set[str]:
    return {w for item in outcome.steps for w in _words(str(item.template)) if len(w) > 3}


def _label_echo(a: str, b: str) -> bool:
    """`a`'s words, at least four, are `b`'s after b's first word (its verb)."""
    wa, wb = _words(a), _words(b)
    return len(wa) >= 4 and len(wb) > len(wa) and wb[1 : 1 + len(wa)] == wa


def duplicate_options(tree: Tree) -> list[str]:
    """Ids of questions two of whose answers lead to outcomes saying the same fix."""
    exits = _exits(tree)
    found = []
    for node in tree.nodes.values():
        if not isinstance(node, Question) or node.id == "symptom":
            continue
        real = [c for c in node.choices if c.next not in exits]
        outs = [(c, tree.nodes.get(c.next)) for c in real]
        pairs = [(c, o) for c, o in outs if isinstance(o, Outcome)]
        hit = False
        for i, (ca, oa) in enumerate(pairs):
            for cb, ob in pairs[i + 1 :]:
                if oa.id == ob.id:
                    continue
                la, lb = ca.label or "", cb.label or ""
                if _label_echo(la, lb) or _label_echo(lb, la):
                    hit = True
                wa, wb = _ticked_words(oa), _ticked_words(ob)
                small, big = sorted((wa, wb), key=len)
                if len(small) >= 4 and len(small & big) >= 0.9 * len(small | big):
                    hit = True
        if hit:
            found.append(node.id)
    return found


def wrong_kind_labels(tree: Tree) -> list[str]:
    """Labels of fix answers that state a cause, and of findings answers that are a fix
    or a condition cut from its step."""
    from draft_metrics import starts_with_verb

    found = []
    for node in tree.nodes.values():
        if not isinstance(node, Question):
            continue
        for choice in node.choices:
            label = choice.label or ""
            if (
                UNSURE_RE.match(label)
                or label.startswith("None of these")
                or CASE_SAID_RE.search(label)
            ):
                continue
            as_cause = FIX_TITLE_RE.match(node.title) and CAUSE_LABEL_RE.match(label)
            as_fix = FOUND_TITLE_RE.match(node.title) and (
                starts_with_verb(label) or CONDITION_LABEL_RE.search(label)
            )
            if as_cause or as_fix:
                found.append(label[:120])
    return found
