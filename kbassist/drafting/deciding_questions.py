"""Questions that help the admin decide, never ones that change nothing (round 34).

Blind readers marked three kinds of question that do not help:

- a yes/no case question whose answers both go on to the one outcome while the case is
  that outcome's own premise (the section opens "If restarting the system temporarily
  solves the issue ..." and a step later asks "Is the issue temporarily solved with a
  system restart?"), or is what the outcome's own earlier check finds out ("Make Sure
  the Video Adapter Meets the Minimum System Requirements", then "If your video adapter
  does not meet them, upgrade it"): the admin cannot answer it before the steps, or
  answered it by choosing the outcome. The question goes; a premise's steps are ticked,
  a checked case's step is ticked as the article says it, "If X, do Y".
- an "I don't know" answer that leads to a question offering only the outcomes the
  asking question named: the unsure admin is asked the same choice again. It leads to
  the first named fix instead, its label saying to go on to the next if that does not
  help; the re-asking question goes when nothing else leads to it.
- "Do you video adapter does not meet ...?": an "If you X does Y" step (the article's
  typo for "your") pasted after "Do"; asked "Does this apply: your X does Y?".
"""

from __future__ import annotations

import re
from typing import Any

#: The quoted step of a case question: 'The article has a step for this case: "If X, Y"'.
_QUOTED_STEP_RE = re.compile(r'^The article has a step for this case: "(?P<step>.{1,400}?)" ')
#: The case and the action of an "If X, do Y" step.
_IF_THEN_RE = re.compile(
    r"^(?:if|when)\s+(?P<cond>[^,:;]{4,200}?)\s*,\s*(?:then\s+)?(?P<then>.+)$", re.I
)
#: A step that checks something: what it finds is the case asked after it.
_CHECKS_RE = re.compile(
    r"\b(?:make sure|ensure|verify|check|determine|find out|confirm|whether"
    r"|note (?:the|what|if))\b",
    re.IGNORECASE,
)
#: Words of three letters count: "one project" is not "all projects".
_WORD_RE = re.compile(r"[a-z0-9]{3,30}")
_STOP = frozenset(
    "the and for are was you not has but its can may any how who why "
    "does have that this with from your they their there then when what which were will "
    "would could should been being into than them these those also only".split()
)
#: Finite verbs: "you video adapter does not" has "you" as a typo for "your".
_FINITE = frozenset("does doesn't is isn't has hasn't was wasn't".split())


def _stems(text: str) -> set[str]:
    """Content words cut to five letters ("restarting" and "restart" alike)."""
    return {w[:5] for w in _WORD_RE.findall(text.casefold()) if w not in _STOP}


def _within(case: str, text: str) -> bool:
    """Nearly every content word of `case` (three at least) is in `text`."""
    words = _stems(case)
    return len(words) >= 3 and len(words & _stems(text)) >= 0.8 * len(words)


_NEGATION_RE = re.compile(r"\b(?:not|no|never|cannot)\b|n't\b", re.IGNORECASE)


def _negated(text: str) -> bool:
    """Whether the first clause of `text` says its case negated ("does not meet")."""
    return bool(_NEGATION_RE.search(re.split(r"[,;:.]", text, maxsplit=1)[0]))


def you_typo_question(words: list[str]) -> str:
    """ "you video adapter does not meet X" (the article's "you" for "your") asked as
    "Does this apply: your video adapter does not meet X?"; "" when the clause is not
    such a typo ("you use X" is asked "Do you use X?")."""
    low = [w.casefold() for w in words]
    if len(low) < 4 or low[0] != "you" or low[1] in _FINITE:
        return ""
    if not any(w in _FINITE for w in low[2:5]):
        return ""
    return f"Does this apply: your {' '.join(words[1:])}?"


def skip_node(nodes: list[dict[str, Any]], question: dict[str, Any], after: str) -> None:
    """Remove a node the walk no longer needs, every arrow into it sent on to `after`."""
    for node in nodes:
        if node.get("next") == question["id"]:
            node["next"] = after
        for choice in node.get("choices", []):
            if choice.get("next") == question["id"]:
                choice["next"] = after
    nodes.remove(question)


def one_way_cases(tree: dict[str, Any]) -> None:
    """Drop the yes/no case questions whose answers both reach one outcome when the case
    is that outcome's premise or what its earlier check finds (see the module)."""
    nodes: list[dict[str, Any]] = tree["nodes"]
    by_id = {n["id"]: n for n in nodes}
    for question in [n for n in nodes if n["kind"] == "question" and "-if_" in n["id"]]:
        var = question.get("var")
        nexts = {c["next"] for c in question.get("choices", [])}
        values = {c["value"] for c in question.get("choices", [])}
        outcome = by_id.get(next(iter(nexts))) if len(nexts) == 1 else None
        if not var or values != {"yes", "no"} or outcome is None or outcome["kind"] != "outcome":
            continue
        yes, no = f'{var} == "yes"', f'{var} == "no"'
        users = [s for n in nodes for s in n.get("steps", []) if var in str(s.get("when", ""))]
        steps = outcome.get("steps", [])
        if not users or any(s["when"] not in (yes, no) for s in users):
            continue
        if any(all(s is not t for t in steps) for s in users):
            continue  # a step of another outcome depends on it
        quoted = _QUOTED_STEP_RE.match(str(question.get("text", "")))
        said = _IF_THEN_RE.match(quoted.group("step")) if quoted else None
        if said is None or quoted is None or quoted.group("step").endswith(("...", "\u2026")):
            continue
        cond = said.group("cond")
        first = min(n for n, s in enumerate(steps) if s in users)
        lead = str(outcome.get("text", ""))
        opens = _IF_THEN_RE.match(lead)
        premise = bool(opens) and _within(cond, lead) and _negated(cond) == _negated(lead)
        checked = any(
            _CHECKS_RE.search(seen) and _within(cond, seen)
            for seen in [
                lead,
                *(f"{s.get('text', '')} {s.get('detail', '')}" for s in steps[:first]),
            ]
        )
        if checked and not premise and sum(s["when"] == yes for s in users) != 1:
            checked = False  # "When you have determined X, follow these steps:": a procedure
        if not premise and not checked:
            continue
        dropped = [s for s in users if premise and s["when"] == no]  # the case holds
        for step in users:
            if step["when"] == yes and not premise:  # "If X, do Y", as the article says
                then = str(step["text"])
                opener = quoted.group("step").split()[0]  # "If" / "When"
                step["text"] = f"{opener} {cond}, {then[:1].lower()}{then[1:]}"
            del step["when"]
        outcome["steps"] = [s for s in steps if all(s is not d for d in dropped)]
        skip_node(nodes, question, outcome["id"])


_UNSURE_RE = re.compile(r"^(?:i don't know|i do not know|not sure)\b", re.IGNORECASE)
#: Outcomes that leave the article: an answer going there is no named alternative.
_EXIT_RE = re.compile(r"^(?:not_this_article|read_article)$|-not-applicable$")


def unsure_not_reasked(tree: dict[str, Any]) -> None:
    """An "I don't know" answer that would re-ask the same choice leads to the first
    named fix, its label saying to go on to the next (see the module)."""
    nodes: list[dict[str, Any]] = tree["nodes"]
    by_id = {n["id"]: n for n in nodes}
    for question in [n for n in nodes if n["kind"] == "question"]:
        choices = question.get("choices", [])
        for choice in choices:
            after = by_id.get(choice.get("next", ""))
            if not _UNSURE_RE.match(str(choice.get("label", ""))) or after is None:
                continue
            if after["kind"] != "question":
                continue
            named = [c for c in choices if c is not choice]
            if any(_EXIT_RE.search(c["next"]) for c in after.get("choices", [])):
                continue  # "Another version": a gate only this question asks
            again = {c["next"] for c in after.get("choices", [])}
            if not named or not again or not again <= {c["next"] for c in named}:
                continue
            fixes = [c["next"] for c in named if c["next"] in again]
            if not fixes:
                continue
            choice["next"] = fixes[0]  # the first named answer's fix, never `after` itself
            choice["label"] = (
                "I don't know: start with the fix for the first answer;"
                " if it does not help, try the next"
            )
            still = any(
                n.get("next") == after["id"]
                or any(c.get("next") == after["id"] for c in n.get("choices", []))
                for n in nodes
            )
            if not still and tree.get("start") != after["id"]:
                nodes.remove(after)
                # "It depends on whether you install X", "(1) if the server is a Compaq":
                # said where the choice is made, numbered as its answers are
                told = _moved_help(str(after.get("help", "")), after, question)
                if told and "help" not in question:
                    placed = list(question.items())
                    at = next((n for n, (k, _) in enumerate(placed) if k == "source"), len(placed))
                    placed.insert(at, ("help", told))  # written where a question's help goes
                    question.clear()
                    question.update(placed)


def _moved_help(told: str, after: dict[str, Any], question: dict[str, Any]) -> str:
    """`after`'s help said over `question`'s answers: each "(k) note" numbered as the
    answer of `question` leading where `after`'s answer k leads; a note whose fix no
    answer leads to goes."""
    if "When to choose:" in told:  # the notes, not "use either of the following methods"
        told = told[told.index("When to choose:") :]
    elif not re.search(r"\bdepends on\b", told):
        return ""
    where = [c["next"] for c in after.get("choices", [])]
    mine = [c["next"] for c in question.get("choices", [])]

    def renumber(match: re.Match[str]) -> str:
        k = int(match.group(1))
        if k > len(where) or where[k - 1] not in mine:
            return "(?)"
        return f"({mine.index(where[k - 1]) + 1})"

    told = _NOTE_NUMBER_RE.sub(renumber, told)
    return "" if "(?)" in told else told


#: A fix question ("Which fix fits this system?", "How do you want to fix it?").
_FIX_TITLE_RE = re.compile(r"^(?:Which fix\b|How do you want to (?:fix|work around)\b)")
#: A label stating a cause, not the fix: "You did not set password policy in X".
_CAUSE_LABEL_RE = re.compile(
    r"^(?:you (?:did not|didn't|have not|haven't|do not|don't)\b|"
    r"(?:the|this|your) [^.]{1,80}? (?:is|are|was|were) not (?:set|enabled|configured|"
    r"installed|running|available)\b)",
    re.IGNORECASE,
)


def fixes_named(tree: dict[str, Any]) -> None:
    """A fix outcome titled by its cause ("You did not set password policy in the Default
    Domain policy", from "If this issue occurs because you did not set X, set Y") with one
    ticked action is titled by that action ("Set all password policies in the Default
    Domain policy"), and so are the fix questions' answers leading to it."""
    from kbassist.drafting.name_lists import imperative
    from kbassist.drafting.text import short_label

    nodes: list[dict[str, Any]] = tree["nodes"]
    named: dict[str, tuple[str, str]] = {}  # outcome id -> (old title, new title)
    for outcome in nodes:
        title = str(outcome.get("title", ""))
        if outcome["kind"] != "outcome" or not _CAUSE_LABEL_RE.match(title):
            continue
        steps = outcome.get("steps", [])
        if len(steps) != 1 or "when" in steps[0] or not imperative(str(steps[0]["text"])):
            continue
        outcome["title"] = short_label(str(steps[0]["text"]), 90)
        named[outcome["id"]] = (title, outcome["title"])
    for question in nodes:
        if question["kind"] != "question" or not _FIX_TITLE_RE.match(question.get("title", "")):
            continue
        for choice in question.get("choices", []):
            old, new = named.get(choice.get("next", ""), ("", ""))
            if old and choice.get("label") == old:
                choice["label"] = new


_LABEL_WORD_RE = re.compile(r"[a-z0-9][a-z0-9.]{0,40}")


def _echoes(label: str, other: str) -> bool:
    """`label` opens with `other`'s words after its first word, its verb (four words at
    least), and one of the two ends there: "The ODBC Driver for Access versions 4.0.4202
    [and later allow ...]" beside "Install the ODBC Driver for Access versions 4.0.4202
    and later"."""
    mine = _LABEL_WORD_RE.findall(label.casefold())
    theirs = _LABEL_WORD_RE.findall(other.casefold())[1:]
    same = 0
    for a, b in zip(mine, theirs, strict=False):
        if a != b:
            break
        same += 1
    return same >= 4 and same in (len(mine), len(theirs))


_NOTE_NUMBER_RE = re.compile(r"\((\d{1,2})\)")


def _renumbered(help_text: str, gone: int) -> str:
    """A when-to-choose help with answer `gone` taken out: its note dropped, the notes of
    the answers after it numbered one less."""
    help_text = re.sub(rf"\({gone}\) [^;()]{{0,300}}?(?:; |(?=\.$))", "", help_text)
    help_text = help_text.replace("; .", ".").replace("When to choose: .", "").strip()

    def less(match: re.Match[str]) -> str:
        n = int(match.group(1))
        return f"({n - 1})" if n > gone else match.group(0)

    return _NOTE_NUMBER_RE.sub(less, help_text)


def echoed_options_dropped(tree: dict[str, Any]) -> None:
    """A fix question's answer that only names what another answer does, its one tick a
    statement ("The ODBC Driver versions 4.0.4202 and later allow ..." beside "Install the
    ODBC Driver versions 4.0.4202 and later"), goes with its outcome: the admin would
    choose between one fix and the same fix said as a fact."""
    from kbassist.drafting.name_lists import imperative

    nodes: list[dict[str, Any]] = tree["nodes"]
    by_id = {n["id"]: n for n in nodes}
    for question in [n for n in nodes if n["kind"] == "question"]:
        if not _FIX_TITLE_RE.match(str(question.get("title", ""))):
            continue
        choices = question.get("choices", [])
        for choice in list(choices):
            outcome = by_id.get(choice.get("next", ""))
            steps = outcome.get("steps", []) if outcome and outcome["kind"] == "outcome" else []
            if len(steps) != 1 or imperative(str(steps[0]["text"])) or len(choices) <= 2:
                continue
            label = str(choice.get("label", ""))
            if not any(
                c is not choice and _echoes(label, str(c.get("label", ""))) for c in choices
            ):
                continue
            gone = choices.index(choice) + 1
            choices.remove(choice)
            if "help" in question:  # "When to choose: (1) X; (3) Y." counts the answers
                question["help"] = _renumbered(str(question["help"]), gone)
                if not question["help"]:
                    del question["help"]
            assert outcome is not None
            led = any(
                n.get("next") == outcome["id"]
                or any(c.get("next") == outcome["id"] for c in n.get("choices", []))
                for n in nodes
            )
            if not led:
                nodes.remove(outcome)
