"""One observable as the verify, not the symptom paragraph (drafting round 17).

Readers mark a verify that pastes the whole symptom back ("Check that the problem no
longer occurs: The HP DeskJet Plus printer driver ... does not provide support for font
cartridges. The maximum font cartridges option is displayed as zero.") and one that checks
a mechanism nobody can see ("check that a directory handle is no longer inadvertently
deallocated") where the symptom names what the admin does see: the value a field shows,
the message quoted in the text. These helpers pick that one observable, by the shape of
the sentence, never by article, and give "" when the symptom names none.
"""

from __future__ import annotations

import re

from kbassist.drafting.text import Hinted, split_sentences
from kbassist.drafting.verify_form import (
    _LEAD_RE,
    MAX_CHECK,
    _action,
    _message_state,
    _split_trigger,
    whole_check,
)

#: The drafter's pasted symptom, after every pass that could read it failed.
_PASTED_RE = re.compile(
    r"^Check that (?:the problem no longer occurs|this no longer happens): (?P<q>.+)$"
)
#: "The maximum font cartridges option is displayed as zero.", "The Size column shows 0
#: bytes": a thing the admin can look at and the value it wrongly shows.
_SHOWN_AS_RE = re.compile(
    r"^(?P<subj>(?:the|a|an|your|its|each|every)\s[^,;:()\"]{2,80}?)\s+"
    r"(?:(?P<be>is|are)\s+(?:(?:always|still|now|incorrectly|wrongly)\s+)?"
    r"(?P<pp>displayed|shown|listed|reported|set|reset|returned|given|read)\s+as"
    r"|(?P<act>shows|show|displays|display|reports|report|reads|read|returns|return"
    r"|lists|list))\s+(?P<val>[^;:]{1,60}?)\.?$",
    re.IGNORECASE,
)
#: "the total word count returned is 6 (instead of 4 as expected)": a value the admin can
#: read and the one it should be; after a condition it keeps ("if ..., the count is 6").
_INSTEAD_RE = re.compile(
    r"^(?:for example,\s+)?(?:(?P<cond>(?:if|when)\s[^;:()]{3,160}?),\s+)?"
    r"(?P<subj>(?:the|a|an|its|your)\s[^,;:()]{2,60}?)\s+(?P<verb>is|are|returns|shows|displays"
    r"|reads)\s+(?P<wrong>[^,;:()]{1,30}?)\s*[(,]?\s*(?:instead of|rather than)\s+"
    r"(?P<right>[^,;:()]{1,30}?)(?:\s+as expected)?\)?\.?$",
    re.IGNORECASE,
)
#: "Using the RUN command to shell to MS-DOS results in an ICE": what the admin did (a
#: gerund phrase) and what it brings; the check keeps both, turned round.
_GERUND_CAUSES_RE = re.compile(
    r"^(?P<act>[A-Z][a-z]{2,}ing\s[^;:\"]{3,140}?)\s+(?:(?:may|can|will|might|could)\s+)?"
    r"(?P<verb>causes?|results? in|generates?|produces?)\s+(?P<res>[^;:]{3,140}?)"
    r"(?:\s+because\b.*)?\.?$"
)
#: Opening "-ing" words that are no action of the admin's.
_NOT_ACTS = frozenset(
    "according during following regarding depending concerning beginning starting"
    " considering including excluding notwithstanding".split()
)
#: An act that holds a negation, a comma or "also": no plain gerund subject.
_ACT_BREAK_RE = re.compile(r",|\b(?:not|also|never|does|do|did)\b", re.IGNORECASE)
_THIRD = {
    "cause": "causes",
    "result in": "results in",
    "generate": "generates",
    "produce": "produces",
}
#: The value a shown-as sentence names must be one the admin can compare: a number, a
#: word for nothing, or a quoted text.
_VALUE_RE = re.compile(
    r"\d|\b(?:zero|none|nothing|blank|empty|unknown|null|n/a|not available)\b|[\"\u201c]",
    re.IGNORECASE,
)
#: A message quoted in a symptom sentence: '"Invalid handle" messages appear', 'the
#: "Error While Printing Picture. Picture Ignored" message is displayed', 'the error
#: message "Out of memory"'.
_QUOTED_MESSAGE_RE = re.compile(
    r"[\"\u201c](?P<m1>[^\"\u201c\u201d]{3,120}?)[\"\u201d]\s+(?:error\s+)?(?:messages?|errors?"
    r"|warnings?)\b(?:\s+(?:may\s+|might\s+|will\s+)?(?:appears?|is displayed|are displayed"
    r"|is returned|occurs?|is shown|be displayed|appear))?"
    r"|\b(?:error\s+)?(?:messages?|errors?)\s+[\"\u201c](?P<m2>[^\"\u201c\u201d]{3,120}?)"
    r"[\"\u201d]",
    re.IGNORECASE,
)
#: `_QUOTED_MESSAGE_RE` searched only in a text with a quote mark: both branches need one.
_QUOTED_MESSAGE_SEARCH = Hinted(_QUOTED_MESSAGE_RE, ('"', "\u201c"))
#: Before a quoted message, words that make it no failure of its own: a negation (the
#: problem is what does not appear), a relative clause describing the screen, a second
#: message it is one of.
_NOT_THE_PROBLEM_RE = re.compile(
    r"\b(?:not|never|no longer)\b|\b(?:which|that)\s+(?:displays|shows|reads|says)\b|n't\b"
    r"|[\"\u201d]\s+(?:or|and)\s+$",
    re.IGNORECASE,
)
#: The trigger after a quoted message, in its sentence: '... error when you attempt to do a
#: File+Open from the Editor form, on some ...'.
_AFTER_MESSAGE_RE = re.compile(
    r"^[^.;:\"\u201c]{0,40}?\bwhen(?:ever)?\s+(?P<cond>you\s[^,.;:\"\u201c]{3,160})"
)
#: A check of a mechanism: a passive state ("a directory handle is no longer inadvertently
#: deallocated") after the action redone.
_MECHANISM_RE = re.compile(
    r"^(?P<act>.+?) again: check that (?:an?|the|its|their)\s[^:]{2,80}?\s(?:is|are) no longer"
    r"\s(?:[a-z]+ly\s)?[a-z]+ed\.$"
)
#: The sentence after the mechanism that says what it leads to: "This may cause the
#: following symptoms", "As a result, ...", "This results in ...".
_LEADS_TO_RE = re.compile(
    r"\b(?:this|these|that)\s+(?:problem\s+|behaviou?r\s+|issue\s+)?(?:(?:may|can|will|could"
    r"|might)\s+)?(?:cause|result in|lead to|produce)s?\b|\bas a result\b|\bfollowing symptoms\b",
    re.IGNORECASE,
)
#: The longest message quoted in a check.
MAX_MESSAGE = 120
#: The longest paste reading on: sentences of the symptom read for an observable.
MAX_SENTENCES = 6


def _shown_check(sentence: str) -> str:
    """ "Check that X is no longer displayed as Y." for a sentence that says a thing
    shows a value; "" for any other sentence."""
    said = " ".join(sentence.split()).strip()
    instead = _INSTEAD_RE.match(said) if "nstead of" in said or "ather than" in said else None
    if instead and _VALUE_RE.search(instead.group("wrong") + instead.group("right")):
        subject = instead.group("subj")
        state = (
            f"{subject[:1].lower()}{subject[1:]} {instead.group('verb')} "
            f"{instead.group('right')}, not {instead.group('wrong')}"
        )
        cond = instead.group("cond")
        check = (
            f"{cond[:1].upper()}{cond[1:]}, check that {state}." if cond else f"Check that {state}."
        )
        return check if len(check) <= MAX_CHECK and whole_check(check) else ""
    shown = _SHOWN_AS_RE.match(said)
    if shown is None or not _VALUE_RE.search(shown.group("val")):
        return ""
    subject = shown.group("subj")
    subject = subject[:1].lower() + subject[1:]
    value = shown.group("val").rstrip(" .")
    if shown.group("pp"):
        state = f"{subject} {shown.group('be')} no longer {shown.group('pp')} as {value}"
    else:
        verb = shown.group("act")
        base = verb[:-1] if verb.endswith("s") else verb
        state = f"{subject} no longer {base if verb == base else verb} {value}"
    check = f"Check that {state}."
    return check if len(check) <= MAX_CHECK and whole_check(check) else ""


def _message_check(message: str) -> str:
    return f'check that the message "{message}" no longer appears.'


def _quoted_message(text: str) -> str:
    """The first message a symptom quotes inline ('"Invalid handle" messages appear');
    "" when it quotes none."""
    found = _QUOTED_MESSAGE_SEARCH.search(text)
    if found is None:
        return ""
    # the message's own clause: after the last sentence end, colon or list bullet
    opening = re.split(r"(?<=[.!?:;])\s+|\s+[-*\u2022]\s+", text[: found.start()])[-1]
    if re.match(r"(?:when|whenever|if|after|once)\b", opening, re.I) and "," not in opening:
        return ""  # 'When Setup displays the "M" message, choose ...': M brings a step
    if _NOT_THE_PROBLEM_RE.search(opening):
        # 'the dialog does not appear when the screen ... displays the message "Press
        # Ctrl + Alt + Delete"': the problem is what is missing; '"A" or "B" error': which?
        return ""
    return (found.group("m1") or found.group("m2") or "").strip().rstrip(".:,")


def _message_in(joined: str) -> str:
    """The check of the first message `joined` quotes inline, after the action that
    brings it when the sentence names one; "" when it quotes none. A message's own full
    stop ("Error While Printing Picture. Picture Ignored") splits nothing here: the
    trigger is read from the text before the message."""
    found = _QUOTED_MESSAGE_SEARCH.search(joined)
    message = _quoted_message(joined)
    if found is None or not message or len(message) > MAX_MESSAGE:
        return ""
    opening = re.split(r"(?<=[.!?])\s+(?=[A-Z])", joined[: found.start()])[-1]
    lead = re.sub(r",?\s*(?:the|an?|this|these)?\s*$", "", opening, flags=re.I)
    trigger = _split_trigger(f'{lead}, you receive an "{message}" error message')
    opens = trigger and trigger[0].casefold() in {"when", "whenever", "if"}
    action = _action(trigger[1]) if trigger and opens else ""
    after = _AFTER_MESSAGE_RE.match(joined[found.end() :])
    if not action and after:
        # 'can fail with an "Overflow" error when you attempt to do a File+Open'
        action = _action(after.group("cond"))
    if action:
        # "If you try to print X, the "M" message is displayed": print X again
        check = f"{action[:1].upper()}{action[1:]} again: {_message_check(message)}"
        if len(check) <= MAX_CHECK:
            return check
    return f"Check that {_message_check(message)[len('check that ') :]}"


def _gerund_check(quote: str) -> str:
    """ "Check that using X no longer results in Y." for a quoted sentence whose subject is
    what the admin did and whose verb says what it brings ("causes", "results in"), Y a
    failure; "" for any other sentence."""
    from kbassist.drafting.verify import states_problem

    first = next(iter(split_sentences(quote)), "")
    said = _GERUND_CAUSES_RE.match(first) if "ing " in first[:20] else None
    if said is None or not states_problem(said.group("res")):
        return ""
    act = said.group("act")
    if act.split()[0].casefold() in _NOT_ACTS or _ACT_BREAK_RE.search(act):
        return ""  # "According to X, ...", "... does not produce", "..., also causes"
    verb = said.group("verb")
    verb = _THIRD.get(verb, verb)
    check = f"Check that {act[:1].lower()}{act[1:]} no longer {verb} {said.group('res')}."
    return check if len(check) <= MAX_CHECK and whole_check(check) else ""


def one_observable(verify: str, symptom: str) -> str:
    """`verify` said as the one thing the admin can see: the value a pasted symptom says
    a field shows, or the message it quotes, in place of the whole paragraph; a redo whose
    check is a mechanism (a passive "X is no longer deallocated") checks the message the
    symptom says it leads to. `verify` unchanged when the symptom names neither."""
    pasted = _PASTED_RE.match(verify)
    if pasted:
        quote = pasted.group("q")
        # the quoted sentences first (a later sentence of a long symptom), then the
        # symptom's opening ones
        texts = [quote, " ".join(split_sentences(" ".join(symptom.split()))[:MAX_SENTENCES])]
        for text in texts:
            for sentence in split_sentences(text):
                check = _shown_check(sentence)
                if check:
                    return check
        for text in texts:
            check = _message_in(text)
            if check:
                return check
        return _gerund_check(quote) or verify
    mechanism = _MECHANISM_RE.match(verify)
    if mechanism and _LEADS_TO_RE.search(symptom):
        text = " ".join(symptom.split())
        at = _LEADS_TO_RE.search(text)
        message = _quoted_message(text[at.start() :]) if at else ""
        if message and len(message) <= MAX_MESSAGE:
            check = f"{mechanism.group('act')} again: {_message_check(message)}"
            return check if len(check) <= MAX_CHECK else verify
    return verify


#: A fix that only interrupts the problem while it happens: "Press ESC to stop the
#: spelling checker from constantly rechecking the same word", "press CTRL+BREAK to cancel
#: the search". The key stops this run; nothing in it keeps the problem from coming back.
_INTERRUPT_RE = re.compile(
    r"^(?:to work around this (?:problem|issue|behaviou?r),\s+)?press\s+(?P<key>[A-Z][\w+-]*"
    r"(?:\s+key)?)\s+to\s+(?P<verb>stop|interrupt|cancel|break|halt|end)\s+(?P<what>[^.;:]{3,160}?)"
    r"\.?$",
    re.IGNORECASE,
)


def interrupt_verify(verify: str, steps: list[str]) -> str:
    """The verify of a fix whose one step only interrupts the problem ("Press ESC to stop
    the spelling checker from constantly rechecking the same word"): the key stops it when
    it happens, and it may come back, never "check that the problem no longer occurs";
    `verify` unchanged for any other fix."""
    if len(steps) != 1 or "press" not in steps[0].casefold():
        return verify
    said = _INTERRUPT_RE.match(" ".join(steps[0].split()))
    if said is None:
        return verify
    key, what = said.group("key"), said.group("what")
    verb = said.group("verb").casefold()
    verbs = {"stop": "stops", "end": "ends", "halt": "halts", "break": "breaks"}
    does = verbs.get(verb, f"{verb}s")
    check = (
        f"While the problem is happening, press {key}: check that this {does} {what} "
        f"(pressing {key} only interrupts it; expect it to come back until a fix is in place)."
    )
    return check if len(check) <= MAX_CHECK + 80 else verify


def shown_message_state(problem: str) -> str:
    """'the message "M" no longer appears' for a symptom sentence that brings its message
    after a lead-in ("When using {INS} in a SendKeys statement, the following error occurs:
    Invalid procedure call or argument."); "" when it quotes none."""
    said = " ".join(problem.split())
    lead = _LEAD_RE.search(said) if ":" in said else None
    if lead is None or not lead.group("msg"):
        return ""
    state = _message_state(lead.group("msg").strip())
    said_lead = lead.group(0)[: lead.start("msg") - lead.start()]
    if state.startswith("the message ") and _ONE_OF_RE.search(said_lead):
        # "you may see one of the following errors: M1 -or- M2": M1 is one of them
        state = state.replace(
            '" no longer appears', '" (or another the article lists) no longer appears', 1
        )
    return state if len(state) <= MAX_CHECK else ""


#: A lead-in to several messages: "one of the following errors", "the following messages".
_ONE_OF_RE = re.compile(
    r"\b(?:one|either|any|each|some|all) of\b|\b(?:errors|messages|warnings)\b", re.IGNORECASE
)
