"""The verify of the message the admin chose, not always the first (drafting round 11).

When the walk asks "Which of these do you see?" (the article lists several messages or
symptoms), readers mark a verify that checks one of them whatever was chosen: the admin
who saw "No KMS could be contacted" is told to check that "KMS is unavailable" no longer
appears. These passes give each choice its own check, shown only on its walk (`when`),
from the choice's own words: a message no longer appears, a symptom turned round
("Textures are not applied" -> "textures are applied"), after the same action redone.
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.drafting.own_check import message_without_label
from kbassist.drafting.symptom_sides import side_message
from kbassist.drafting.text import brace
from kbassist.drafting.verify_form import expected_state

#: A question over messages: "the following error messages", "Which message do you see?".
_MESSAGES_RE = re.compile(r"\b(?:messages?|errors?|events?|warnings?)\b", re.IGNORECASE)
#: The longest choice label said in a check.
MAX_SAID = 240
#: What the check after the action starts with: "Play X again: ", "When you print,
#: ", "While building a program, " (kept for each choice).
_BEFORE_CHECK_RE = re.compile(
    r"^(?P<pre>(?:[A-Z][^:]{2,120}? again|(?:When|While|If|After|Once)\s[^:]{3,150}?))"
    r"(?P<sep>:|,|, and) check that "
)
#: "Windows 7 Service Pack 1", "Windows Server 2012 R2": a product and its version (the
#: systems an article applies to), capitalised words and numbers only, no message.
_PRODUCT_RE = re.compile(r"^(?=.*\d)[A-Z][\w.+-]*(?:\s+(?:[A-Z][\w.+-]*|\d[\w.]*|\(\w+\)))*$")
#: A symptom list item that says what still works, not what goes wrong.
_GOOD_RE = re.compile(
    r"\b(?:fine|correctly|properly|successfully|as expected|continues? to work|works?|is complete"
    r"|(?:is|are) able to)\b",
    re.IGNORECASE,
)
#: A choice said in the article's prose, not a message's text: "The application event
#: log may show events that ...", "... a message similar to the following", "You open
#: the mail merge document as an e-mail attachment" (a case).
_PROSE_RE = re.compile(
    r"^(?:the|a|an|your|some)\s[^:]*\b(?:may|might)\s|\b(?:similar to|resembles) the following\b"
    r"|\bthe following\s*$|^you\s+(?:open|click|run|start|try|attempt|use|install|select|type"
    r"|press|receive|see|get|have)\b",
    re.IGNORECASE,
)
#: A choice that is no message or symptom of its own: a joiner ("-and/or-"), a case
#: ("If the code is compiled with ...", "Scenario 2: ...", "In Visual C++ 32-bit
#: edition"), a numbered stand-in ("Message 2"), a repeated label ("... (2)").
_NOT_SAID_RE = re.compile(
    r"^(?:-+\s*\w+(?:/\w+)?\s*-+|(?:if|when|whenever|in|on|for|with|regardless|scenario|case"
    r"|by using)\b|message \d+$)|\(\d+\)$",
    re.IGNORECASE,
)


def _check(label: str, before: tuple[str, str], messages: bool) -> str:
    """One choice's check: its message no longer appears, or its symptom turned round,
    after what the symptom's check did first (`before`: "Play X again", ":")."""
    said = side_message(" ".join(label.split())).rstrip(" .:")
    if messages:  # "Named Pipes > A connection ...": the message, not its label
        said = message_without_label(said)
    state = ""
    if not messages:
        state = expected_state(said)
    if not state:
        quote = said.replace('"', "'")
        state = (
            f'the message "{quote}" no longer appears'
            if messages
            else f'you no longer see this: "{quote}"'
        )
    pre = before[0]
    if pre:
        # "Activate Windows again, and check that": "Activate Windows again: check that"
        joined = ":" if pre.endswith(" again") else ","
        return f"{pre}{joined} check that {state}."
    return f"Check that {state}."


def _before(text: str) -> tuple[str, str]:
    """What a symptom check does before "check that" ("Play X again", "While building a
    program") and its separator; ("", "") when it starts with the check."""
    found = _BEFORE_CHECK_RE.match(text)
    if found is None:
        return "", ""
    # the text was written as a template: its braces doubled, said once here
    return found.group("pre").replace("{{", "{").replace("}}", "}"), found.group("sep")


def _sayable(labels: list[str], messages: bool) -> bool:
    """Whether every choice is a message or symptom a check can name: none is a joiner, a
    case or a stand-in; a symptom that does not turn round says what goes wrong (never
    "... continue to work fine" as something to see gone)."""
    from kbassist.drafting.verify import states_problem

    for label in labels:
        said = " ".join(label.split())
        if len(said) > MAX_SAID or _NOT_SAID_RE.search(said):
            return False
        if len(re.findall(r"[A-Za-z]{3,}", said)) < 2 or _PRODUCT_RE.match(said):
            return False
        if _GOOD_RE.search(said) and not states_problem(said):
            return False  # "connections ... continue to work fine": nothing to see gone
        if messages and _PROSE_RE.search(said):
            return False  # "The application event log may show events ...": prose
    return True


def chosen_message_verify(tree: dict[str, Any]) -> None:
    """Each outcome's check drawn from the symptom (cited from the symptom's section)
    becomes one check per "Which of these do you see?" choice, for the walks that chose
    it; outcomes whose verify already depends on an answer are left as they are."""
    nodes = tree["nodes"]
    symptom = next((n for n in nodes if n["id"] == "symptom"), None)
    if symptom is None:
        return
    chosen = [
        c for c in symptom.get("choices", []) if str(c.get("value", "")).startswith("message_")
    ]
    messages = bool(_MESSAGES_RE.search(str(symptom.get("text", ""))))
    if len(chosen) < 2 or not _sayable([str(c.get("label", "")) for c in chosen], messages):
        return
    var = str(symptom.get("var") or symptom["id"])
    source = symptom.get("source")
    for node in nodes:
        if node["kind"] != "outcome" or not node.get("verify"):
            continue
        verify = node["verify"]
        if any("when" in v for v in verify):
            continue
        own = [v for v in verify if v.get("source") == source]
        if len(own) != 1:
            continue  # no check drawn from the symptom, or more than one: left as drafted
        named = [_quotes(str(own[0]["text"]), str(c["label"])) for c in chosen]
        if not any(named) or all(named):
            # the check names none of the choices: they are not what it checks (cases,
            # headings, a second list the question was drawn from); or it names every one
            # ('these messages no longer appear: "A", "B"'), the chosen one too
            continue
        before = _before(str(own[0]["text"]))
        at = verify.index(own[0])
        per_choice = [
            {
                "text": brace(_check(str(c["label"]), before, messages)),
                "when": f'{var} == "{c["value"]}"',
                "source": source,
            }
            for c in chosen
        ]
        node["verify"] = [*verify[:at], *per_choice, *verify[at + 1 :]]


def message_cause_verify(tree: dict[str, Any]) -> None:
    """Under "Which message do you see?" (the article's causes grouped by message, "## No
    KMS could be contacted" over its own causes), a fix of one message's causes checks
    that message, not the one the symptom quoted first."""
    nodes = {n["id"]: n for n in tree["nodes"]}
    question = nodes.get("which_cause")
    if question is None or question.get("title") != "Which message do you see?":
        return
    groups = [c for c in question.get("choices", []) if str(c["value"]).startswith("cause_")]
    labels = [brace(str(c["label"])) for c in groups]
    for choice, label in zip(groups, labels, strict=True):
        after = _through(nodes, str(choice["next"]))
        if after is None:
            continue
        reached: list[dict[str, Any] | None] = [after] if after["kind"] == "outcome" else []
        if after["kind"] == "question":
            reached = [_through(nodes, str(c["next"])) for c in after.get("choices", [])]
        for node in reached:
            if node is None or node["kind"] != "outcome":
                continue
            for n, item in enumerate(node.get("verify", [])):
                text = str(item["text"])
                other = any(o in text for o in labels if o != label)
                if not other or label in text:
                    continue
                said = _check(str(choice["label"]), _before(text), messages=True)
                node["verify"][n] = {**item, "text": brace(said)}


def _through(nodes: dict[str, Any], at: str) -> dict[str, Any] | None:
    """The node `at`, past the inputs asked on the way (an outcome's placeholders)."""
    node = nodes.get(at)
    for _ in range(len(nodes)):
        if node is None or node["kind"] != "input":
            break
        node = nodes.get(str(node.get("next")))
    return node


#: Words too common to tell two texts apart; the modals a symptom hedges with ("The
#: program may stop responding") and its check drops ("no longer stops responding").
_COMMON = frozenset(
    "the and you that this with for are not from when your can may might could will would"
    " should".split()
)
#: The share of a choice's words a check must hold to be that choice's check.
MIN_SHARED = 0.75


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]{3,}", text.casefold()) if w not in _COMMON}


def _quotes(check: str, label: str) -> bool:
    """Whether `check` is about the choice `label` (holds most of its words): the
    symptom's check was drawn from one of the choices."""
    said = _words(label)
    return bool(said) and len(said & _words(check)) >= MIN_SHARED * len(said)
