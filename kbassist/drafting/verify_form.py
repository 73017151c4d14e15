"""A verify built from the symptom sentence's own structure (drafting round 9).

Readers mark "Check that the problem no longer occurs: When you start X, you may receive
the following error message: Y" as a restated symptom: it says neither what to do nor what
the admin should see. The sentence itself holds both: its trigger ("When you start X")
is what to do again, its result ("you may receive ... Y") is what must not be seen, and
with the hedge ("may") dropped and the result turned round it is the check:
"Start X again: check that the message "Y" no longer appears." These helpers read that
structure by the kind of sentence, never by article, and give "" when they cannot say the
check as a whole sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kbassist.drafting.prechecks import may_hold
from kbassist.drafting.text import Hinted, split_sentences
from kbassist.drafting.verify_against import failed_remedy, good_half
from kbassist.drafting.verify_forms import also_forms

#: The trigger's conjunction: "When you X, Y", "Y if you X".
_CONJ = r"(?:when(?:ever)?|if|after|while|once|as soon as)"
#: "you (try to) X": an action the admin can do again.
_YOU_ACT_RE = re.compile(
    r"^you\s+(?:first\s+|then\s+)?(?:(?:try|attempt)\s+to\s+)?(?P<act>[a-z][\w-]*\b.*)$", re.I
)
#: Words a redone action cannot start with: a state ("are running"), an auxiliary.
_NOT_VERB = frozenset(
    "am is are was were be been being have has had do does did don't doesn't didn't can"
    " cannot can't could may might must shall should will would need needs want wants also"
    " then first still not never no only just already own own know use using"
    " experience receive see get encounter notice".split()
)
#: The longest action "X again" repeats, in words.
MAX_ACTION_WORDS = 20
#: The longest check, in characters.
MAX_CHECK = 260
#: The longest message quoted in a check.
MAX_MESSAGE = 200

#: "you may receive the following error message: M", "the following error message may
#: appear: M", "you receive an "Access denied" error message": what is seen, a message.
_MESSAGE_RES_RE = re.compile(
    r"^(?:(?:(?:you|(?:an?|the|your)\s+(?:[\w.-]+\s+){0,5}?(?:client|user|server|computer"
    r"|application|program|workstation|station)s?)"
    r"\s+(?:may|might|can|will|could)?\s*(?:receive|get|see|encounter)"
    r"|(?:windows|setup|the \w+(?: \w+)?|(?:some |many |the )?[A-Za-z][\w.-]*(?: [\w.'-]+){0,11}?)"
    r"\s+(?:may |might |can |will )?(?:(?:display|return|show|report|generate|produce|log"
    r"|cause)s?|results? in))"
    r"\s+(?:(?:(?:one|either|any|each|some|all) of )?(?:the )?following|an?|this|these|the)"
    r"\s+(?:\w+\s+){0,3}?"
    r"|(?:(?:(?:one|either|any|each|some|all) of )?the following|an?|this)\s+(?:\w+\s+){0,3}?)"
    r"(?:error\s+|warning\s+|event\s+)?(?:messages?|errors?|warnings?|events?|dialog box(?:es)?)\b"
    r"(?:\s+(?:may|might|can|will|could)?\s*(?:appear|be displayed|be logged|occur|be"
    r" returned|be shown)s?)?(?:[^:.]|\.(?=\d)){0,160}:\s+(?P<msg>.+)$",
    re.IGNORECASE,
)
#: 'you may receive a "Call to undefined dynalink" error message': the message quoted in
#: the sentence, no colon before it; nothing may follow but the sentence's end.
_INLINE_MESSAGE_RE = re.compile(
    r"^you\s+(?:(?:may|might|will|could)\s+)?(?:also\s+)?(?:receive|get|see)\s+(?:an?|the)\s+"
    r"[\"\u201c](?P<msg>[^\"\u201c\u201d]{4,200}?)[.!]?[\"\u201d]\s+(?:error\s+|warning\s+)?"
    r"(?:message|error|dialog box|warning)$",
    re.IGNORECASE,
)
#: "you may be unable to X", "you cannot X": what the admin must be able to do.
_UNABLE_RE = re.compile(
    r"^you\s+(?:(?:may|might|could|will)\s+)?(?:be unable to|not be able to|are unable to"
    r"|are not able to|cannot|can ?not|can't|could not|couldn't)\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
#: The verb group after a short subject: a modal, a form of "be", a negation, or a verb
#: of failure ("hangs", "fails", "stops responding").
_FAIL_VERBS = (
    r"hang|fail|crash|stop|freeze|quit|close|disappear|appear|occur|cover|remain|"
    r"return|display|show|take|lose|overwrite|print|report|generate|cause|ignore|"
    r"truncate|corrupt|reset|revert|change|delete|become|produce|send|log|contain|"
    r"run|consume|continue|time out|flicker|reboot|restart|lock|leak|receive|get|see|"
    r"experience|encounter|notice"
)
_VERB_RE = re.compile(
    r"\b(?P<modal>may|might|can|could|will)?\s*(?P<neg>not\s+|never\s+)?"
    r"(?P<verb>(?(modal)(?:time out|stop responding|[a-z]+)|(?:is|are|was|were|be|does not"
    rf"|doesn't|do not|don't|did not|didn't|(?:{_FAIL_VERBS})(?:s|es|ed|d)?)))\b(?P<rest>.*)$",
)
#: "occurs", "appear": a verb whose subject says what goes wrong ("Screen corruption
#: occurs when ...", "device contention errors may occur").
_HAPPENS_RE = re.compile(r"^(?:occur|appear|happen|result)(?:s|red|ed)?$")
#: Words a subject never holds: a clause inside it, or the scene's own verbs.
_NOT_SUBJECT_RE = re.compile(
    r"\b(?:that|which|who|when|if|because|although|while|after|is|are|was|were|has|have"
    r"|it|should|would|must|following|but|and then|otherwise|however|therefore|instead|so"
    r"|thus|also)\b|^[A-Za-z]+ing\b"
    r"|[,;:()\"]",
    re.IGNORECASE,
)
#: A second clause after the verb ("... and SQL Server doesn't start", "... fail are not
#: accepted"): the result is more than one thing to turn round.
_SECOND_CLAUSE_RE = re.compile(
    r"\b(?:isn't|aren't|doesn't|don't|wasn't|weren't|didn't)\b"
    r"|\b(?:is|are|was|were|does|do|did)\s+not\b|\b(?:and|or) (?:never|not|then|also)\b"
    r"|,\s*but\b|;|\b(?:may|might)\b",
    re.IGNORECASE,
)
#: A subject's opening word said in lower case inside "check that ..." ("A call to X").
_LOWER_FIRST = frozenset(
    "the a an some all any you your many several one each every certain multiple most"
    " other these those".split()
)
#: " and will eventually time out", " and never activate", " and continually prompts": a
#: second result joined to the first, its own verb group after "and".
_SECOND_RESULT_RE = re.compile(
    r",?(?<!\s)\s+and\s+(?=(?:then\s+|also\s+|eventually\s+)?(?:will|may|might|would|never|not"
    r"|cannot|can't|can not|does not|doesn't|do not|don't|(?:fail|lose|hang|crash|freeze|quit"
    r"|stop|disappear|become|reboot|restart)(?:s|es)?|[a-z]+ly\s+[a-z]+s|ha(?:ve|s) to|must"
    r"|needs? to)\b)",
    re.IGNORECASE,
)
#: Verbs of failure that are also what an admin does: "You stop the service" is the
#: scene, never a failure to see gone ("you receive", "you fail to", "you lose" are).
_YOU_DO = frozenset(
    "stop close quit run change delete reset revert restart reboot print send log lock"
    " return display show overwrite generate produce report continue".split()
)
#: Adjectives that open a subject and are capitalised only because they open the sentence.
_ADJECTIVES = frozenset(
    "duplicate large small long short new old empty blank hidden incorrect invalid random"
    " extra additional various numerous".split()
)


def _lower_first(subject: str) -> bool:
    """Whether the subject's first word is a common word capitalised only because it began
    the sentence ("Mapped drives", "Messages destined to ...", "Duplicate appointments"),
    not a name ("Windows", "Outlook Express", "Setup", "SQL Server")."""
    words = subject.split()
    first = words[0]
    if _GERUND_SUBJECT_RE.match(subject):
        return True  # "Trying to open X causes ...": "trying to open X"
    if first.casefold() in _LOWER_FIRST or first.casefold() in _ADJECTIVES:
        return True
    named = len(words) > 1 and not words[1][:1].islower()
    if named or not re.fullmatch(r"[A-Z][a-z]{2,}", first):
        return False  # "Outlook Express", "SQL Server", "Windows 95": the name goes on
    low = first.casefold()
    if first in _NAMES_IN_S or low.endswith(("ss", "us", "is")):
        return False
    return low.endswith(("ed", "ing")) or low.endswith("s")


#: A result that goes wrong with no word of failure: a state ("is unavailable", "may
#: remain in sleep mode"), a repetition ("runs every time ..."), a duration ("may take
#: several hours"), a thing doubled ("a duplicate extension appears").
_ALSO_PROBLEM_RE = re.compile(
    r"\b(?:unavailable|inaccessible|unreadable|grayed out|dimmed|duplicated?|remains?|every"
    r" time|each time|continually|repeatedly|infinitely|a long time|(?:several|many)"
    r" (?:minutes|hours|seconds)|extremely slow|unresponsive)\b",
    re.IGNORECASE,
)
#: Verbs that say what goes wrong with no word of failure ("the buttons may cover a
#: portion of the Find box").
_HIDES = frozenset("cover covers overlap overlaps overwrite overwrites obscure obscures".split())
#: "is unavailable" turned round: "is available", not "is no longer unavailable".
_OPPOSITE = {
    "unavailable": "available",
    "incorrect": "correct",
    "invalid": "valid",
    "disabled": "enabled",
    "inaccessible": "accessible",
    "unreadable": "readable",
    "grayed out": "available",
    "dimmed": "available",
    "unable": "able",
}
#: "(dimmed)" after "unavailable": the same state said again, wrong once turned round.
_SAME_STATE_RE = re.compile(
    r"^\s*\((?:dimmed|gr[ae]yed(?: out)?|unavailable|disabled|inactive)\)", re.IGNORECASE
)
#: Hedges and framing removed from a check: "may", "might", "in some cases".
_HEDGE_RE = re.compile(
    r"(?<!\s)\s*\b(?:in some cases|sometimes|occasionally|intermittently|typically|usually),?", re.I
)
#: Whether `_HEDGE_RE` can match: its substitution is tried only then (it is tried at
#: every position of the text otherwise, `\s*` first).
_HEDGE_WORDS = Hinted(
    _HEDGE_RE,
    ("in some cases", "sometimes", "occasionally", "intermittently", "typically", "usually"),
)
#: A sentence that reassures, never a problem to check ("Typically, this should not be a
#: problem.", "This is not a problem in most cases.").
REASSURANCE_PATTERN = re.compile(
    r"\b(?:should|will|would|does|do|is|are|need) not (?:be |cause |pose )?(?:a |any |an )?"
    r"(?:real |serious |significant )?(?:problems?|issues?|concern)\b"
    r"|\bis (?:usually |typically |generally )?(?:harmless|benign)\b",
    re.IGNORECASE,
)
REASSURANCE_RE = Hinted(
    REASSURANCE_PATTERN,
    (
        "problem",
        "issue",
        "concern",
        "harmless",
        "benign",
    ),
)


#: Words that end a subject's head noun ("the latest DLLs for Jet", "Mail flow over ...").
_PREPOSITIONS = frozenset(
    "of for in on to from with at by over under between through across into within during"
    " about per via after before".split()
)
#: "designed to", "supported": whether a setup is supported is no result to check.
_SUPPORT_RE = re.compile(r"^(?:not\s+)?(?:designed|intended|supported|meant)\b", re.I)
#: "does not offer / provide a separate entry, any way, an option": a lacking feature (a
#: limit that stays), never a fault to see gone.
_LACKS = frozenset(("offer", "provide", "have", "include", "expose"))
_LACKED_RE = re.compile(
    r"^(?:a|an|any)\s(?:separate|way|option|setting|method|feature|mechanism|means)\b", re.I
)
#: Where a result's own words end: its cause ("because ..."), a consequence
#: (", resulting in ..."), a second clause (", it was ...").
_AFTER_RE = re.compile(
    r"(?<!\s)\s+because\b|(?<!\s)\s+since\b"
    r"|,\s*(?:resulting|causing|which|and|so|it|this|but|even though|even if)\b"
    r"|(?<!\s)\s+and (?:it|they|then|this|can|cannot|can not|is|are)\b",
    re.I,
)
#: "are re-created and the permissions are lost": a second subject with its own verb, cut
#: only when no condition comes before it ("if it fails ... and the password has changed"
#: is one condition).
#: "receive and run logon scripts": a second bare verb right after the first, the two
#: sharing the object that follows (never "and the computer ...", a second subject).
_SHARED_OBJECT_RE = re.compile(
    r"^\s+and\s+(?!(?:the|a|an|its|their|your|then|also|eventually|never|not|you|it|they)\b)"
    r"(?P<v>[a-z]{2,}(?<!ly)(?<!ed)(?<!ing))\b"
)
#: A verb that is a failure by itself ("may fail and return errorlevel 1", "may stop
#: responding and crash"): what follows its "and" is a second result, no shared object.
_WHOLE_FAILURE_RE = re.compile(
    r"(?:fail|hang|crash|freeze|quit|stop|time|reboot|restart|lock|abort|terminate)(?:s|es)?\b",
    re.IGNORECASE,
)
_SECOND_SUBJECT_RE = re.compile(
    r"^(?P<first>(?:(?!\b(?:if|when|while|after|unless|once)\b).)+?)(?<!\s)\s+and (?:the|all|its"
    r"|their|your|any)\s+(?:[\w-]+\s+){0,3}?(?:is|are|was|were|has|have|may|might|will|does"
    r"|do)\b",
    re.I,
)
#: Words after which a "verb" is a noun ("the changes", "a print job").
_DETERMINERS = frozenset(
    "the a an this that these those your my our their its some any all no".split()
)
#: Adverbs between "does not" and its verb.
_ADVERBS = frozenset("always ever even yet properly correctly automatically".split())
#: Singular names that end in "s" and open a sentence.
_NAMES_IN_S = frozenset("Windows Access News Series Analysis Status Address Process".split())


#: Auxiliaries a subject never ends with: the verb group has begun.
_AUXILIARIES = frozenset(
    "do does did is are was were has have had can could may might will not never".split()
)
#: Words after a head noun that start what qualifies it ("applications using the API",
#: "files that contain ...").
_HEAD_ENDS = frozenset("using running containing having that which who whose".split())


def _plural(subject: str) -> bool:
    """Whether a subject takes a plural verb ("the buttons", "users", "you"), read from
    its last word; a name ("Windows 95", "Developer Studio") is singular."""
    if _GERUND_SUBJECT_RE.match(subject):
        return False  # "Mixing calls to ... may yield": one act, singular
    words = subject.split()
    # the head noun comes before a prepositional tail ("the latest DLLs for Jet")
    for n, word in enumerate(words[1:], 1):
        if word.casefold() in _PREPOSITIONS or word.casefold() in _HEAD_ENDS:
            words = words[:n]
            break
    while len(words) > 1 and re.fullmatch(r"[a-z]{3,}ed", words[-1]):
        words = words[:-1]  # "Messages destined (to ...)": the participle after the noun
    last = words[-1] if words else ""
    if re.fullmatch(r"[A-Z]{2,}s", last):
        return True  # "DLLs", "APIs"
    if last.casefold() in {"you", "they", "we", "both"}:
        return True
    # "the users and groups" (not "File and Print Services": one name, its words capitalised)
    named = re.sub(r"\b[A-Z][\w-]* and [A-Z][\w-]*", "Name", subject)
    if re.search(r"\band (?!later\b|earlier\b|above\b)", named):
        return True
    first = subject.split()[0] if subject.split() else ""
    opens = re.fullmatch(r"[A-Z][a-z]+s", first) and first not in _NAMES_IN_S
    if opens and (len(words) == 1 or words[1][:1].islower()):
        return True  # "Tables ...", "Screens created with ...": a plural opening the sentence
    if not last[:1].islower():
        return False
    return last.endswith("s") and not last.endswith(("ss", "us", "is"))


def _conjugate(verb: str, plural: bool) -> str:
    """A base verb in the present tense for its subject ("hang" -> "hangs", "time out"
    -> "times out")."""
    if " " in verb:
        first, more = verb.split(" ", 1)
        return f"{_conjugate(first, plural)} {more}"
    low = verb.casefold()
    if low == "be":
        return "are" if plural else "is"
    if plural:
        return verb
    if low == "have":
        return "has"
    if low in {"do", "go"} or low.endswith(("s", "sh", "ch", "x", "z")):
        return f"{verb}es"
    if re.search(r"[^aeiou]y$", low):
        return f"{verb[:-1]}ies"
    return f"{verb}s"


def _base(verb: str) -> str:
    """ "hangs" -> "hang", "crashes" -> "crash" (a verb the result said in the present)."""
    low = verb.casefold()
    if low.endswith("ies"):
        return verb[:-3] + "y"
    if re.search(r"(?:sh|ch|x|z|ss)es$", low):
        return verb[:-2]
    if low.endswith("s") and not low.endswith("ss"):
        return verb[:-1]
    return verb


def _message(said: str) -> str:
    """The message a result quotes, its first sentence without quotes; "" when it is a
    list, a cut, or too short or long to quote."""
    said = said.strip()
    if said.startswith(("- ", "* ")) or "[...]" in said:
        return ""
    sentences = split_sentences(said)
    message = (sentences[0] if sentences else said).strip().strip("\"'\u201c\u201d ")
    message = message.rstrip(".").strip("\"'\u201c\u201d ")
    # "In MS-DOS: Run-time error R6003": the platform a list of messages names first
    message = re.sub(r"^(?:in|on|under) [\w .-]{2,30}:\s+(?=\S)", "", message, flags=re.I)
    # "...: Requested Header Not Found is returned.": the sentence's verb, not the message
    message = re.sub(r"\s+(?:is|are) (?:returned|displayed|shown|logged|generated)$", "", message)
    if message.count('"') % 2:
        return ""  # a quote left open: the message's end is not where the quotes are
    code = re.match(r"STOP\s+0x[0-9A-Fa-f]{4,}", message)  # "STOP 0x0000000A (0x63, ...)"
    if (len(re.findall(r"[A-Za-z]{2,}", message)) < 2 and not code) or len(message) > MAX_MESSAGE:
        return ""
    return message


#: At most this many messages of a list are quoted in a check.
MAX_LIST_MESSAGES = 3
#: A list item's bullet: "- Run-time error ...", never the dash inside a message
#: ("Services.exe - unable to find NWAPI32.DLL").
_BULLET_RE = re.compile(r"(?:^|(?<!\s)\s+)-\s+(?=[A-Z\"'\u201c<])")


def list_items(said: str) -> list[str]:
    """The items of a list the article flattened into one line ("- Cannot Share (ERROR
    2119) - Insufficient Memory"); [] when `said` does not open with a bullet."""
    if not said.lstrip().startswith(("- ", "* ", "\u2022 ")):
        return []
    said = re.sub(r"^\s*[*\u2022]\s+", "- ", said)
    return [item.strip() for item in _BULLET_RE.split(said) if item.strip()]


def _message_state(said: str) -> str:
    """'the message "M" no longer appears', or for a list of messages 'these messages no
    longer appear: "M1", "M2"'; "" when a message cannot be quoted whole."""
    items = list_items(said)
    if len(items) >= 2:
        messages = [_message(item) for item in items[:MAX_LIST_MESSAGES]]
        if not all(messages):
            return ""
        more = " (or the others the article lists)" if len(items) > MAX_LIST_MESSAGES else ""
        quoted = ", ".join(f'"{m}"' for m in messages)
        return f"these messages no longer appear: {quoted}{more}"
    message = _message(items[0] if items else said)
    return f'the message "{message}" no longer appears' if message else ""


#: A gerund that opens the sentence as its subject: "Trying to reference X will cause ...",
#: "Returning an invalid datatype ... results in ...", not "Using X, Y" (a comma).
_GERUND_SUBJECT_RE = re.compile(
    r"^[A-Z][a-z]+ing\s+(?:to|a|an|the|this|that|these|those|your|its|their|any|some|all"
    r"|multiple|several)\b"
)


#: "Commands that use the CTRL key (for example, CTRL+F4)": a relative clause or an aside
#: after the head noun, part of the subject but not of its head.
_RELATIVE_RE = re.compile(
    r"(?<!\s)\s+(?:that|which|who)\s+(?:(?:is|are|was|were)\s+(?=[a-z]+(?:ed|en)\b)|(?!is\b|are\b|was\b"
    r"|were\b|has\b|have\b|may\b|might\b|can\b|will\b|not\b|you\b))[a-z][\w-]*"
    r"(?:\s+[^\s,;:()\"]+){0,8}$"
)
#: "(for example, CTRL+F4)", "(Local device name already in use)": an aside in a subject.
_ASIDE_RE = re.compile(r"(?<!\s)\s*\([^()]{1,80}\)")
#: '"my billing information"': a quoted name in a subject, one word for its grammar.
_QUOTED_NAME_RE = re.compile(r"[\"\u201c][^\"\u201c\u201d]{1,40}[\"\u201d]")


_PLAIN_HEAD_RE = re.compile(r"[A-Z]?[a-z]+s\b|(?:the|all|some|any|many)\s")


@lru_cache(maxsize=512)  # pure: asked again and again per text
def _head(subject: str) -> str:
    """The subject without an aside in parentheses ("(for example, CTRL+F4)") and a
    relative clause after it ("that use the CTRL key"): what the verb agrees with."""
    bare = _QUOTED_NAME_RE.sub("Name", _ASIDE_RE.sub("", subject)).strip()
    if _PLAIN_HEAD_RE.match(bare):
        bare = _RELATIVE_RE.sub("", bare)  # only after a plain noun phrase's head
    return bare or subject


_ACRONYM_ASIDE_RE = re.compile(r"\s\([A-Z][A-Za-z0-9]{1,9}\)(?=\s|$)")


@lru_cache(maxsize=512)  # pure: asked again and again per text
def _subject_ok(subject: str) -> bool:
    """Whether the words before a verb can be its subject: a short noun phrase, or a
    gerund's phrase that opens the sentence."""
    last = subject.split()[-1].casefold() if subject.split() else ""
    if last in _DETERMINERS or last in _AUXILIARIES:
        # "applications that use the print ...": "print" is a noun; "directories that do
        # not contain ...": "contain" is the relative clause's verb, not the subject's
        return False
    subject = _head(subject)
    # "Active Server Pages (ASP) access": an acronym in parentheses is part of the name
    subject = _ACRONYM_ASIDE_RE.sub("", subject)
    gerund = bool(_GERUND_SUBJECT_RE.match(subject))
    plain = _NOT_SUBJECT_RE.search(subject[subject.find(" ") + 1 :] if gerund else subject)
    return bool(
        subject
        and len(subject.split()) <= 10
        and not plain
        and not re.match(r"(?:it|this|that|there)\b", subject, re.I)
        and subject.split()[-1].casefold() not in _DETERMINERS  # "the changes are": a noun
        and subject.split()[0].casefold() not in _PREPOSITIONS  # "On some computers X is"
    )


@lru_cache(maxsize=512)  # pure: asked again and again per text
def _find_verb(result: str) -> re.Match[str] | None:
    """The result clause's verb group after a subject that agrees with it: "log" in "The
    transaction log file does not grow" is a noun (a singular subject needs "logs"), so
    the verb is "does not"."""
    pos = 0
    while (verb := _VERB_RE.search(result, pos)) is not None:
        subject = result[: verb.start()].strip()
        word = verb.group("verb")
        bare = not verb.group("modal") and re.fullmatch(rf"(?:{_FAIL_VERBS})", word)
        if _subject_ok(subject) and not (bare and not _plural(subject)):
            return verb
        pos = verb.start("verb") + 1
    return None


#: "Blank icons on the desktop, Start menu, and taskbar", "Slow logon": a title or symptom
#: that names what is wrong with a thing, and no verb.
_NAMED_PROBLEM_RE = re.compile(
    r"^(?P<adj>Blank|Missing|Duplicate|Duplicated|Corrupt|Corrupted|Slow|Incorrect|Wrong"
    r"|Garbled|Truncated|Empty|Broken|Invalid|High|Excessive)\s+(?P<what>[A-Za-z][^.;:!?]{2,120})$"
)
#: "Error when you share folders" (the trigger split off), "Timeout expired messages",
#: "Access violation": a problem named by its noun alone ("hangs", "crashes" are verbs
#: as often: "Developer Studio hangs").
_PROBLEM_NOUN_RE = re.compile(
    r"^(?:an?\s+|the\s+)?(?P<what>(?:[\w\"'.-]+\s+){0,4}?(?:errors?|error messages?"
    r"|messages?|exceptions?|failures?|deadlocks?|time-?outs?"
    r"|stop errors?|access violations?))$",
    re.IGNORECASE,
)
#: "there may be an additional X.400 address space on the Routing tab", "there are
#: duplicate entries": something present that should not be.
_EXTRA_RE = re.compile(
    r"^there\s+(?:(?:may|might|can|will|could)\s+be|(?P<be>is|are)|appears? to be)\s+"
    r"(?P<what>(?:an?\s+|one or more\s+|several\s+|multiple\s+|two\s+)?(?:additional|extra"
    r"|duplicate|unwanted|spurious|stray|orphaned|second|phantom)\b[^,;:]{3,120})$",
    re.IGNORECASE,
)
#: "The customer wants to listen to the radio or music online": a need the article meets.
_WISH_RE = re.compile(
    r"^(?P<who>[A-Za-z][\w .'-]{1,60}?)\s+(?:wants?|would like|needs?|wishes|wish)\s+to\s+"
    r"(?P<act>[a-z][^,;:]{3,150})$"
)


#: Verbs after "may" that say what someone can or must do, not what goes wrong ("you may
#: need to modify the .cab file", "you may want to", "you may use").
_MAY_SCENE = frozenset(
    "need want wish have choose use require prefer like find notice see decide contain include"
    " also be".split()
)
#: "be" after "may" that is still a scene: "may be used", "may be necessary".
_MAY_BE_SCENE_RE = re.compile(
    r"^(?:used|necessary|required|needed|desirable|helpful|useful|possible|installed|"
    r"configured|set|located|stored|found|run|enabled|defined|given|available|different|"
    r"similar|one|a|an|the|in|on|at|for|due|caused|because)\b",
    re.IGNORECASE,
)


def _hedged(result: str, verb: re.Match[str]) -> bool:
    """Whether a symptom's result hedged with "may" / "might" says what goes wrong though
    it has no word of failure: "DriveSpace 3 may change short filenames", "performance may
    be greatly reduced", "the user may be able to send messages" (the article hedges what
    it reports, never the scene); not "you may need to ...", "X may be used ...", nor
    "only the last page may be printed" (turned round it says something else)."""
    if verb.group("modal") not in {"may", "might"} or verb.group("neg"):
        return False
    word = verb.group("verb").casefold()
    if result[: verb.start()].strip().casefold() == "you" and word == "experience":
        # "you may experience choppy videos": what you experience is the problem ("you may
        # experience this" names none)
        said = verb.group("rest").strip()
        return not re.match(r"(?:this|that|it|these|those|the following)\b", said, re.I)
    rest = verb.group("rest").strip()
    subject = result[: verb.start()].strip().casefold()
    if subject.startswith(("only ", "some ", "you ")) or subject in {"you", "it", "this"}:
        return False
    if re.match(r"violate", rest):
        return False  # "may access violate": one verb of two words
    if word == "be":
        rest = re.sub(r"^(?:greatly|severely|significantly|very|much|extremely)\s+", "", rest)
        return bool(rest) and not _MAY_BE_SCENE_RE.match(rest)
    return word not in _MAY_SCENE and bool(re.fullmatch(r"[a-z]{3,}", word))


_RESULT_LINK_RE = re.compile(r"^(?:then|also|however|instead),?\s+", re.I)

_CANNOT_RE = re.compile(r"\b(?:cannot|can't|can ?not)\b", re.I)

_BE_NOT_RE = re.compile(r"\b(is|are|was|were)n't\b")

_MODAL_ALSO_RE = re.compile(r"\b(may|might|can|could|will) (?:also|then|even) ")

_FOLLOWING_RE = re.compile(r"\b(?:the )?following\b", re.I)


#: Words every `_MESSAGE_RES_RE` match holds (one of them), besides a colon.
_MESSAGE_WORDS = ("message", "error", "warning", "event", "dialog")


def _may_quote(text: str) -> bool:
    """Whether `_MESSAGE_RES_RE` may match `text`: a colon and a message word (its match
    was a scan of ~35 us a result, most results holding neither)."""
    return ":" in text and may_hold(text, _MESSAGE_WORDS)


@lru_cache(maxsize=512)  # pure: asked again and again per text
def _unquoted_sub(pattern: re.Pattern[str], repl: str, text: str) -> str:
    """`pattern.sub(repl, text)` outside double quotes: a quoted message is the article's
    own words ('"Cannot find REPORT.DLL"' never becomes '"can not find REPORT.DLL"')."""
    parts = text.split('"')
    parts[::2] = [pattern.sub(repl, part) for part in parts[::2]]
    return '"'.join(parts)


def expected_state(result: str) -> str:
    """What the admin should see once the fix works, said from a symptom's result clause
    with its hedge dropped: "you may receive the following error message: M" -> 'the
    message "M" no longer appears'; "you may be unable to quit IE" -> "you can quit IE";
    "Developer Studio hangs" -> "Developer Studio no longer hangs"; "" when the clause
    is not one of these shapes."""
    from kbassist.drafting.verify import states_problem

    # the message as the article quotes it, before any word of the sentence is normalised
    # ("The object cannot be found" stays, never "can not")
    said = " ".join(result.split()).strip().rstrip(".")
    if failed_remedy(said):
        return ""  # "Clicking refresh does not resolve the problem": never "... resolves it"
    shown = _MESSAGE_RES_RE.match(said) if _may_quote(said) else None
    if shown and not REASSURANCE_RE.search(result):
        return _message_state(shown.group("msg"))
    result = " ".join(result.split())
    if _HEDGE_WORDS.search(result):
        result = _HEDGE_RE.sub("", result)
    result = result.strip().rstrip(".")
    result = _RESULT_LINK_RE.sub("", result)
    if may_hold(result, ("can",)):  # every `_CANNOT_RE` match holds it
        result = _unquoted_sub(_CANNOT_RE, "can not", result)
    if "n't" in result:
        result = _unquoted_sub(_BE_NOT_RE, r"\1 not", result)
    # "Visual C++ may also load ...": "also" ties the result to another, not part of it
    if "also " in result or "then " in result or "even " in result:
        result = _MODAL_ALSO_RE.sub(r"\1 ", result)
    result = re.sub(
        r"^in (?:this|that|such a) (?:scenario|situation|case),?\s+", "", result, flags=re.I
    )
    if not result or REASSURANCE_RE.search(result) or result.endswith("?"):
        return ""  # a question ("Do you want to save the page with this URL?") is no result
    shown = _MESSAGE_RES_RE.match(result) if _may_quote(result) else None
    if shown:
        return _message_state(shown.group("msg"))
    inline = _INLINE_MESSAGE_RE.match(result)
    if inline:  # 'you receive a "Call to undefined dynalink" error message'
        return f'the message "{inline.group("msg")}" no longer appears'
    if _FOLLOWING_RE.search(result):
        return ""  # "you may see the following message and ...": the message is elsewhere
    unable = _UNABLE_RE.match(result)
    if unable:
        # "... program, and you can not delete it in raw mode": the second clause goes
        rest = _AFTER_RE.split(unable.group("rest"), maxsplit=1)[0].strip().rstrip(",")
        return f"you can {rest}"
    noticed = re.match(
        r"^you (?:may |might |will )?(?:notice|find|see) that (?P<what>.+)$", result, re.I
    )
    if noticed:  # "you may notice that the backup fails": what is noticed is the result
        return expected_state(noticed.group("what"))
    named = _NAMED_PROBLEM_RE.match(result)
    if named and _find_verb(named.group("what")) is None:
        # "Blank icons on the desktop": a title that names the problem, no verb to turn
        what, adjective = named.group("what"), named.group("adj").casefold()
        be = "are" if _plural(what) else "is"
        what = f"{what[:1].lower()}{what[1:]}" if _lower_first(what) else what
        return f"{what} {be} no longer {adjective}"
    noun = _PROBLEM_NOUN_RE.match(result)
    verbal = re.search(
        r"\b(?:you|may|might|can|could|will|causes?|gets?|receives?|encounters?|says?|is|are)\b",
        result,
        re.I,
    )
    if noun and not verbal and not re.fullmatch(r"(?:the |an? )?messages?", result, re.I):
        # "Error when you share folders", "Timeout expired messages": none appears any more
        what = noun.group("what")
        shown = re.search(r"(?:errors?|messages?|exceptions?|warnings?)$", what, re.I)
        plural = bool(re.search(r"(?:s|es)$", what))
        happens = ("appear" if shown else "occur") + ("" if plural else "s")
        return f"no {what[:1].lower()}{what[1:]} {happens}"
    extra = _EXTRA_RE.match(result)
    if extra:  # "there may be an additional X.400 address space": there is none any more
        are = "are" if extra.group("be") == "are" else "is"
        return f"there {are} no longer {extra.group('what')}"
    wish = _WISH_RE.match(result)
    wish_modal = (
        re.search(
            r"\b(?:may|might|can|could|will|would|should|must|not|never|no)$", wish.group("who")
        )
        if wish
        else None
    )
    if wish and not wish_modal and _subject_ok(wish.group("who")):
        # "The customer wants to listen to the radio": a need, no failure; met when they can
        who = wish.group("who")
        who = who[:1].lower() + who[1:] if _lower_first(who) else who
        return f"{who} can {wish.group('act')}"
    bare = re.match(r"^(?:can not|unable to|fails? to)\s+(?P<rest>[a-z].+)$", result, re.I)
    if bare and bare.group("rest")[:1].islower():  # "Can't delete files on NTFS file system."
        return f"you can {bare.group('rest')}"
    lost = _NO_LONGER_RE.match(result)
    if (
        lost
        and _subject_ok(lost.group("subject"))
        and not _CLAUSE_IN_SUBJECT_RE.search(
            lost.group("subject").split(" ", 1)[-1] if " " in lost.group("subject") else ""
        )
    ):
        return _regained(lost)
    verb = _find_verb(result)
    if verb is None:
        return ""
    said = result[verb.start() :]
    if _HAPPENS_RE.match(verb.group("verb")):
        said = result  # "Screen corruption occurs": the subject says what goes wrong
    wrong = states_problem(said) or _ALSO_PROBLEM_RE.search(said) or _hedged(result, verb)
    if not wrong and verb.group("verb") not in _HIDES:
        return ""  # "IBM is shipping its own version": the scene, nothing to turn round
    subject = result[: verb.start()].strip()
    if re.fullmatch(
        r"(?:(?:a|an|the|some|several|various|other)\s+)?(?:problems?|issues?)", subject, re.I
    ):
        return ""  # "problems occur if ...": names no problem a check could see gone
    # "may remain inactive and never activate", "will not be sent and will eventually time
    # out": the first result turned round is the check, the second only follows from it
    first_rest = _SECOND_RESULT_RE.split(verb.group("rest"), maxsplit=1)[0]
    # "may receive and run logon scripts inconsistently": two verbs share one object, and
    # cutting at the "and" would leave "no longer receives." with nothing received
    shared = bool(_SHARED_OBJECT_RE.match(verb.group("rest"))) and not _WHOLE_FAILURE_RE.match(
        verb.group("verb")
    )
    if verb.group("modal") and not shared:
        # "may stop processing DDRs and generate an error": the second verb shares "may"
        first_rest = re.split(rf",?\s+and\s+(?=(?:{_FAIL_VERBS})\b)", first_rest, maxsplit=1)[0]
    elif shared:
        first_rest = verb.group("rest")
    # a colon in a later clause (", and you see Event ID 4000 logged in the logs: ...")
    # is that clause's; the result itself must hold none
    own = re.split(r",\s*and\s+(?=(?:you|the|a|an)\s)", first_rest, maxsplit=1)[0]
    if _SECOND_CLAUSE_RE.search(first_rest) or ":" in own:
        return ""
    acted = _base(verb.group("verb").casefold())
    if subject.casefold() == "you" and not verb.group("modal") and acted in _YOU_DO:
        return ""  # "You stop the service and restart it": what the admin did, the scene
    adverb = ""
    if (
        re.fullmatch(r"[a-z]+ly", subject.split()[-1])
        and len(subject.split()) > 1
        and _head(subject) == subject
    ):
        # "the toolbar partially covers": "no longer partially covers"
        subject, adverb = subject.rsplit(" ", 1)
    plural = _plural(_head(subject))  # read before the capital goes: "Applications such as"
    if _lower_first(subject):
        subject = subject[:1].lower() + subject[1:]
    adverb_said = ""
    modal, neg = verb.group("modal"), bool(verb.group("neg"))
    if modal in {"can", "could"} and not neg and not _HAPPENS_RE.match(verb.group("verb")):
        return ""  # "the errors can be handled by ...": a possibility, not the problem
    word, rest = verb.group("verb"), first_rest.strip()
    rest = re.sub(r"^again\s+", "", rest)  # "is again denied access": the "again" goes
    low = word.casefold()
    if re.fullmatch(r"(?:does|do|did) not|doesn't|don't|didn't", low):
        neg, word = True, rest.split(" ", 1)[0] if rest else ""
        rest = rest.split(" ", 1)[1] if " " in rest else ""
        low = word.casefold()
        if (low in _ADVERBS or re.fullmatch(r"[a-z]+ly", low)) and rest:
            # "doesn't always switch": "always switches"
            adverb_said = f"{word} "
            word, rest = [*rest.split(" ", 1), ""][:2]
            low = word.casefold()
        if not word or not re.fullmatch(r"[a-z]+", low):
            return ""
        if low in {"need", "have", "want", "wish", "require"}:
            return ""  # "You do not need to reapply the patch": advice, no failure
    elif modal and (low in _ADVERBS or low == "still" or re.fullmatch(r"[a-z]+ly", low)) and rest:
        # "may not properly release": "properly releases"; "may still issue": "no longer
        # issues" (the "still" goes with the problem)
        adverb_said = "" if low == "still" else f"{word} "
        word, rest = [*rest.split(" ", 1), ""][:2]
        if word.endswith(",") and re.match(r"and\b", rest):
            # "may randomly fail, and require ...": a second clause ("cannot fully display,
            # or save to a file, messages" is one verb group)
            word, rest = word.rstrip(","), ""
        low = word.casefold()
    elif re.fullmatch(r"fail(?:s|ed)?", low) and re.match(r"to [a-z]+\b", rest):
        # "Windows may fail to start": "Windows starts"
        neg, (word, rest) = True, [*rest[3:].split(" ", 1), ""][:2]
        low = word.casefold()
        if (low in _ADVERBS or re.fullmatch(r"[a-z]+ly", low)) and rest:
            # "may fail to automatically mount": "automatically mounts", never a verb
            # made of the adverb ("automaticallies mount")
            adverb_said = f"{word} "
            word, rest = [*rest.split(" ", 1), ""][:2]
            low = word.casefold()
    elif low in {"is", "are", "was", "were"}:
        if rest.casefold().startswith("not "):
            neg, rest = True, rest[4:]
        low = word = "be"
    elif not modal:
        word = _base(word) if not low.endswith("ed") else word
        low = word.casefold()
    if low.endswith("ed") and low not in {"need", "feed", "seed", "exceed"}:
        return ""  # "the file was deleted": a past result, no present check
    if (
        re.match(r"(?:show|seem|appear|indicate)s?$", low) and re.match(r"that\b", rest)
    ) or re.search(r"\bnot to\b", rest):
        return ""  # "may show that X fails", "causes X not to be installed": no plain state
    if re.search(r"\buntil\b", rest, re.I):
        return ""  # "is unavailable until the wizard ends": "available until" says the opposite
    rest = re.sub(r",?\s+either$", "", rest)  # "is not displayed correctly either"
    if _SUPPORT_RE.match(rest):
        return ""  # "is not designed / supported": a statement of support, not a failure
    if neg and low in _LACKS and _LACKED_RE.match(rest):
        # "Pine does not offer a separate entry for ...": a feature the product lacks,
        # which a workaround goes round; turned round it contradicts the article
        return ""
    # the cause or a second clause after the result is not part of the check
    rest = _AFTER_RE.split(rest, maxsplit=1)[0].rstrip(" ,")
    second = _SECOND_SUBJECT_RE.match(rest)
    if second and re.search(r"\band\b", second.group("first")):
        return ""  # "starts and access from the network and the console is": whose verb?
    rest = second.group("first") if second else rest
    tail = f" {rest}" if rest else ""
    if low == "be" and not neg:
        # "the icon is the standard icon, not the icon you specified": it is the second
        instead = re.match(
            r"^(?P<wrong>(?:the|a|an|your)\s[^,]{3,80}?)(?:,\s+not|\s+instead of)\s+"
            r"(?P<right>(?:the|a|an|your)\s.+)$",
            rest,
        )
        if instead:
            return f"{subject} {_conjugate('be', plural)} {instead.group('right')}"
    if low == "be":
        verb_said = _conjugate("be", plural)
        for word_said, opposite in _OPPOSITE.items():
            if not neg and rest.casefold().startswith(word_said):
                # "is unavailable (dimmed)": the parenthesis said the same, it goes too
                after = re.sub(_SAME_STATE_RE, "", rest[len(word_said) :], count=1)
                return f"{subject} {verb_said} {opposite}{after}"
        if neg and modal in {"can", "could"}:
            return f"{subject} can be{tail}"  # "cannot be run": "can be run"
        if not neg and rest.casefold().startswith("no longer "):
            # "hidden shares are no longer available": they are available again
            return f"{subject} {verb_said} {rest[len('no longer ') :]}"
        return f"{subject} {verb_said}{tail}" if neg else f"{subject} {verb_said} no longer{tail}"
    if neg:
        # "do not load with event 4000": the event goes with the failure, not the check
        tail = re.sub(r"\s+with (?:the )?(?:errors?|events?)\b.*$", "", tail)
        # "do not display the banner or the buttons": turned round, both are displayed
        tail = re.sub(r"\s+or\s+(?=(?:the|a|an|its|their|your)\s)", " and ", tail, count=1)
        if subject.casefold() == "you" or modal in {"can", "could"}:
            return f"{subject} can {adverb_said}{word}{tail}"  # "Windows NT can access"
        return f"{subject} {adverb_said}{_conjugate(word, plural)}{tail}"
    adverb = f"{adverb} " if adverb else ""
    if shared:  # "receives and runs logon scripts": the second verb agrees too
        tail = _SHARED_OBJECT_RE.sub(lambda m: f" and {_conjugate(m.group('v'), plural)}", tail)
    return f"{subject} no longer {adverb}{adverb_said}{_conjugate(word, plural)}{tail}"


#: "you may no longer be able to send mail", "the drive letter no longer appears": a thing
#: that stopped; turned round it is back ("you can send mail", "the drive letter appears"),
#: never "no longer no longer appears".
_NO_LONGER_RE = re.compile(
    r"^(?P<subject>[A-Za-z][^,;:]{0,80}?)\s+(?:(?P<modal>may|might|will|can|could|would)\s+)?"
    r"no longer\s+(?P<verb>[a-z]+)\b(?P<rest>[^;:]*)$"
)


#: A subject that holds a verb or a clause is no subject ("You can also use this program
#: to remove a driver you" + "no longer use"): the "no longer" is inside a relative clause.
_CLAUSE_IN_SUBJECT_RE = re.compile(
    r"\b(?:you|can|cannot|may|might|will|could|would|should|must|to|that|which|who|is|are|was"
    r"|were|do|does|did|has|have|had)\b",
    re.IGNORECASE,
)


def _regained(lost: re.Match[str]) -> str:
    """The state of a `_NO_LONGER_RE` result once the fix is in: the verb without "no
    longer", agreeing with its subject; "" when the verb is no plain verb."""
    subject, verb, rest = lost.group("subject"), lost.group("verb"), lost.group("rest")
    rest = good_half(_AFTER_RE.split(rest, maxsplit=1)[0]).rstrip(" ,.")
    plural = _plural(_head(subject))
    if _lower_first(subject):
        subject = subject[:1].lower() + subject[1:]
    if verb == "be":
        able = re.match(r"\s+able to\s+(?P<act>.+)$", rest)
        if able:
            return f"{subject} can {able.group('act')}"
        return f"{subject} {_conjugate('be', plural)}{rest}"
    if verb in _AUXILIARIES or verb in {"longer", "no", "not"}:
        return ""
    if lost.group("modal") in {"can", "could"}:
        return f"{subject} can {verb}{rest}"  # "clients can no longer mount the share"
    if lost.group("modal") or subject.casefold() == "you":
        verb = verb if subject.casefold() == "you" else _conjugate(verb, plural)
    return f"{subject} {verb}{rest}"


@lru_cache(maxsize=512)  # pure: asked again and again per text
def _action(condition: str) -> str:
    """ "you try to reset your password" -> "reset your password": a trigger the admin can
    redo; "" when it is a state ("you have a file open") or too long."""
    said = _YOU_ACT_RE.match(condition.strip())
    if said is None:
        return ""
    action = said.group("act").strip()
    words = action.split()
    first = words[0].casefold()
    if (
        first in _NOT_VERB
        or (first.endswith("ing") and len(first) > 5)
        or (first.endswith("ed") and len(first) > 5)
        or len(words) > MAX_ACTION_WORDS
        or re.search(r"[()\[\]{};:]|\byou\b|\b(?:and|or) (?:you|then)\b", action, re.I)
    ):
        return ""
    return action


#: A clause that opens on a subordinating conjunction ("even though TCP/IP is not
#: installed"): it qualifies the result before it and is none itself; turned round it read
#: "check that even though TCP/IP is installed" (seed 118).
_SUBORDINATE_RE = re.compile(
    r"(?:even (?:though|if|when)|although|though|because|since|unless|whereas)\b", re.I
)


@lru_cache(maxsize=512)  # pure: asked again and again per text
def _split_trigger(sentence: str) -> tuple[str, str, str] | None:
    """(conjunction, condition, result) of "When you X, Y" (the comma before the result
    clause, not one inside X) or "Y when you X"; None when neither shape."""
    lead = re.match(rf"^(?P<conj>{_CONJ})\s+(?P<body>.+)$", sentence, re.I)
    if lead:
        body = lead.group("body")
        for comma in re.finditer(r",\s+", body):
            if ";" in body[: comma.start()]:
                break  # "...; however, ...": a second sentence, not the trigger
            result = body[comma.end() :]
            if re.match(r"(?:but|and|or|so|which|that)\b", result, re.I):
                continue  # the second half of a clause, not the result
            if _SUBORDINATE_RE.match(result):
                continue  # "..., even though X is installed": an aside, no result (round 41)
            if expected_state(result):
                return lead.group("conj"), body[: comma.start()], result
        return None
    tail = re.match(rf"^(?P<res>.+?),?\s+(?P<conj>{_CONJ})\s+(?P<cond>you\s.+)$", sentence, re.I)
    if tail and _dangling_end(tail.group("res")):
        return None  # "X disappears and when you ...": the result is half of a pair
    if tail and expected_state(tail.group("res")):
        return tail.group("conj"), tail.group("cond"), tail.group("res")
    return None


#: A clause that ends on a word no sentence ends on: a conjunction, an article, a
#: preposition ("You user tile disappears and", "... (if your").
_DANGLING_END_RE = re.compile(
    r"(?:\b(?:and|or|but|nor|the|a|an|to|of|with|for|from|by|as|than|if|when|that"
    r"|which|your|its|their)|[(,])[\s.:;]*$",
    re.IGNORECASE,
)
_DANGLING_WORDS = (
    *("and", "or", "but", "nor", "the", "a", "an", "to", "of", "with", "for", "from", "by"),
    *("as", "than", "if", "when", "that", "which", "your", "its", "their"),
)


def _dangling_end(text: str) -> bool:
    """`_DANGLING_END_RE` found in `text`. Anchored at the end but searched from the
    start, it was tried at every word; it runs only when the text, the white space and
    ".:;" after its last word taken off, ends in "(", "," or one of its words (an ASCII
    end that, lowercased, does not cannot match: IGNORECASE folds ASCII as `lower` does)."""
    end = text
    while (shorter := end.rstrip().rstrip(".:;")) != end:
        end = shorter
    end = end[-8:]
    if end.isascii() and not end.lower().endswith(("(", ",", *_DANGLING_WORDS)):
        return False
    return bool(_DANGLING_END_RE.search(text))


#: "scan for it", "close them": an action whose object is a bare pronoun, said before
#: what it stands for ("Scan for it again: check that X can find the TCP/IP protocol").
_PRONOUN_OBJECT_RE = re.compile(
    r"^[a-z][\w-]*(?:\s+(?:for|on|to|at|with|in|from|off|up|down))?\s+(?:it|them)\b", re.I
)
#: "check that you user tile ...": "you" read as the subject of a noun (the article's
#: "You user tile" for "Your user tile"), no sentence to give a reader.
_YOU_NOUN_RE = re.compile(
    r"^you (?:[a-z]+ ){1,2}(?:no longer [a-z]+s|is|does|has|was)\b", re.IGNORECASE
)


def whole_check(check: str) -> bool:
    """True when a drafted check reads as a whole sentence: not ending on a conjunction or
    an article, no "you" before a noun (round 13: readers marked such lines garbled)."""
    body = check.rstrip().rstrip(".")
    if _dangling_end(body) or re.search(r"\bno longer (?:no longer|be|nots?)\b", body):
        return False  # "... disappears and", "you no longer no longer be able to"
    said = re.search(r"\bcheck that (?P<s>.+)$", body, re.IGNORECASE)
    return not (said and _YOU_NOUN_RE.match(said.group("s")))


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


#: "In Windows NT 3.51, ...", "On a Windows NT computer, ...": a scene of a product or
#: version before the sentence proper.
_SCENE_LEAD_RE = re.compile(
    r"^(?P<lead>(?:in|on|under|with)\s+[^,;:]{3,80}?),\s+(?P<rest>.+)$", re.I
)
#: "Some public folders generate the following error message when you use X: M": the
#: trigger before the colon that brings the message.
_MESSAGE_TRIGGER_RE = re.compile(
    r"^(?P<pre>.+?\b(?:messages?|errors?|warnings?))\s+(?P<conj>when|whenever|if|after)\s+"
    r"(?P<cond>you\s[^:]{3,150}?):\s*(?P<msg>.+)$",
    re.IGNORECASE,
)


_TURN_LEAD_RE = re.compile(r"^(?:however|but|instead|unfortunately),?\s+", re.I)

_BULLET_LEAD_RE = re.compile(r"^[-*\u2022]\s+")


@lru_cache(maxsize=512)  # pure: asked again and again per text
def structured_check(sentence: str) -> str:
    """The verify a symptom sentence gives once its structure is read: "Start X again:
    check that the message "Y" no longer appears." for "When you start X, you may receive
    the following error message: Y"; "When <scene>, check that <result turned round>."
    for a trigger that is no action; "Check that <result turned round>." for a sentence
    with no trigger; "" when the sentence is none of these (the caller keeps its quote)."""
    sentence = " ".join(sentence.split()).strip()
    sentence = _TURN_LEAD_RE.sub("", sentence)
    sentence = _BULLET_LEAD_RE.sub("", sentence)  # a list item's bullet
    if not sentence or "[...]" in sentence or REASSURANCE_RE.search(sentence):
        return ""
    scene = _SCENE_LEAD_RE.match(sentence)
    if scene and re.search(r"[A-Z0-9]", scene.group("lead")[3:]):
        # "In Windows NT 3.51, X fail.": the check keeps the scene it holds in
        check = structured_check(scene.group("rest"))
        if check:
            lead = scene.group("lead")
            return f"{lead[:1].upper()}{lead[1:]}, {check[:1].lower()}{check[1:]}"
    shown = _MESSAGE_TRIGGER_RE.match(sentence)
    if shown:
        # "X generates the following error when you reference that property: M"
        state = expected_state(f"{shown.group('pre')}: {shown.group('msg')}")
        action = _action(shown.group("cond"))
        conj = shown.group("conj").casefold()
        if state and action and conj not in {"while", "after", "once"}:
            check = f"{_cap(action)} again: check that {state}."
            return check if len(check) <= MAX_CHECK else ""
    trigger = _split_trigger(sentence.rstrip("."))
    if trigger is not None:
        conj, condition, result = trigger
        state = expected_state(result)
        action = _action(condition)
        if re.fullmatch(
            r"(?:this|that|it|the (?:issue|problem|error|behaviou?r))(?: (?:issue|problem|error"
            r"|behaviou?r))? (?:occurs|happens)",
            condition,
            re.I,
        ):
            return f"Check that {state}."  # "When this issue occurs": no condition to name
        if action and re.search(
            r",\s+(?:and|or)\s+(?:[\w-]+\s+){1,6}?(?:is|are|was|were)\b", action
        ):
            # "save a document for the first time, and the X option is selected": "again"
            # after the last part would redo only that part
            check = f"When you {action}, check that {state}."
        elif action and _PRONOUN_OBJECT_RE.match(action):
            # "Scan for it again" names nothing: the check first, then what was done
            check = f"Check that {state} when you {action}."
        elif action and "," in action:
            check = f"When you {action} again, check that {state}."
        elif action and conj.casefold() not in {"while", "after", "once"}:
            again = "" if re.search(r"\b(?:again|second time|twice)\b", action, re.I) else " again"
            check = f"{_cap(action)}{again}: check that {state}."
        else:
            check = f"{_cap(conj.casefold())} {condition}, check that {state}."
    else:
        state = expected_state(sentence)
        if not state:
            return ""
        check = f"Check that {state}."
    check = check.replace("..", ".")
    return check if len(check) <= MAX_CHECK and whole_check(check) else ""


#: The drafter's verifies that restate the symptom: "Check that the problem no longer
#: occurs: <symptom>", "<Action> again, and check that this no longer happens: <result>",
#: and a by-design note that the behaviour stays.
_QUOTE_RE = re.compile(
    r"^Check that (?:the problem no longer occurs|this no longer happens): (?P<q>.+)$"
)
_REDO_QUOTE_RE = re.compile(
    r"^(?P<act>[^:]+?) again, and check that this no longer happens: (?P<q>.+)$"
)
_BY_DESIGN_STAYS_RE = re.compile(
    r'^The article says this is by design \("(?P<said>.+)"\): the behavior itself stays; '
    r"check that the steps above give you what you need\.$"
)


def reshape(verify: str, symptom: str, has_fix: bool) -> str:
    """`verify` said as what to do and what to see when it restates the symptom (see
    structured_check); a by-design note over an article with a fix of its own
    (RESOLUTION, WORKAROUND) checks the fix's effect instead of "the behavior stays";
    `verify` unchanged when no sentence can be read that way."""
    from kbassist.drafting.verify import states_problem

    quoted = _QUOTE_RE.match(verify)
    if quoted:
        # a quote from beyond the symptom's opening may be a message's own text ('The
        # memory could not be "written".'): the symptom's sentences first then; a
        # message's own sentences ("Unable to log on.") are never read as prose
        return sentences_check(symptom) or sentences_check(quoted.group("q")) or verify
    if _SECTION_ONLY_RE.match(verify):
        return sentences_check(symptom) or verify
    redo = _REDO_QUOTE_RE.match(verify)
    if redo:
        act = redo.group("act")
        sentences = split_sentences(redo.group("q"))
        if sentences:
            check = structured_check(f"When you {act[:1].lower()}{act[1:]}, {sentences[0]}")
            if check:
                return check
        # "you may experience one of the following symptoms: - Setup may stop responding":
        # the first item or later sentence that turns round, after the same action
        for said in _results(redo.group("q"))[1:]:
            state = expected_state(said)
            if state and not re.search(r"\b(?:below|above)\b", said, re.I):
                check = f"{act} again: check that {state}."
                return check if len(check) <= MAX_CHECK else verify
        return verify
    stays = _BY_DESIGN_STAYS_RE.match(verify)
    if stays and has_fix:
        for sentence in split_sentences(" ".join(symptom.split()))[:3]:
            # "the X section may be unavailable" says what goes wrong with no word of failure
            wrong = states_problem(sentence) or _ALSO_PROBLEM_RE.search(sentence)
            check = structured_check(sentence) if wrong else ""
            by_hand = _by_hand_check(stays.group("said"), sentence, check) if check else ""
            if by_hand:
                return by_hand
            if check:
                return (
                    f'The article says this is by design ("{stays.group("said")}"); with the '
                    f"fix above in place, {check[:1].lower()}{check[1:]}"
                )
    return verify


#: "is not changed automatically": what the design leaves undone by itself, which a
#: workaround does by hand.
_BY_ITSELF_RE = re.compile(r",?(?<!\s)\s+(?:automatically|by itself|on its own)\b", re.IGNORECASE)


def _by_hand_check(said: str, sentence: str, check: str) -> str:
    """The by-design check of a fix that does by hand what the design does not do by
    itself ("the user profile path isn't changed automatically"): what to expect as
    designed, then the fix's effect, never "check that the path is changed automatically"
    after redoing the trigger; "" when the check claims no automatic change."""
    state = re.search(r"check that (?P<s>.+?)\.?$", check)
    if state is None or not _BY_ITSELF_RE.search(state.group("s")):
        return ""
    done = _BY_ITSELF_RE.sub("", state.group("s")).strip()
    expect = sentence.rstrip(".")
    if len(expect) > MAX_CHECK:
        return ""
    return (
        f'The article says this is by design ("{said}"), so expect this: {expect}. With the '
        f"fix above in place, check that {done}."
    )


#: A colon that brings a message's text: "the following error message:", "logged in the
#: DNS event logs:", "an error similar to the following:".
_QUOTES_RE = re.compile(
    r"\b(?:messages?|errors?|events?|logs?|dialog(?: box)?|text|reads|says|similar to(?: the"
    r" following)?)\b[^:]{0,80}:(?:\s|$)",
    re.IGNORECASE,
)


def _results(quote: str) -> list[str]:
    """A quoted result's sentences, a flattened list's items each one of them; after a
    sentence that ends with a colon only list items ("symptoms may occur: - The WWW service
    stops"), never the quoted text a colon brings ("logged in the event logs: Event ID
    4000: The DNS server was unable ... The event data is the error code.")."""
    text = re.sub(r"(?:^|(?<=[.:!?])\s+)(?:[-*\u2022]|\d{1,2}[.)])\s+", "\n\u2022 ", quote.strip())
    out: list[str] = []
    quoting = False
    for part in text.split("\n"):
        item = part.startswith("\u2022 ")
        for n, sentence in enumerate(split_sentences(" ".join(part.lstrip("\u2022 ").split()))):
            if quoting and not (item and n == 0):
                return out
            out.append(sentence)
            quoting = bool(_QUOTES_RE.search(sentence))  # a message's lead-in, or its text
    return out


#: "Check that the problem Q263594 SYMPTOMS describes no longer occurs.": the symptom
#: named, not said (it held no sentence short enough to quote).
_SECTION_ONLY_RE = re.compile(r"^Check that the problem \S+ .{1,60} describes no longer occurs\.$")
#: The symptom sentences read for a check when the quoted one gives none.
MAX_SYMPTOM_SENTENCES = 6


@lru_cache(maxsize=512)  # pure: asked again and again per text
def sentences_check(symptom: str) -> str:
    """The first check a symptom sentence that says what goes wrong gives, read in the
    article's order (a list item "- Setup does not install X" is a sentence of its own);
    "" when none does. For a verify that quoted a sentence with no structure to read, or
    only named the symptom's section."""
    from kbassist.drafting.verify import bare_pronoun, states_problem

    text = " ".join(symptom.split())
    opening = split_sentences(text)[:MAX_TURN_AT]
    # "X cannot see the Bcc recipients if ... . However, if ..., they may be able to see
    # them": the sentence that turns from the scene says what goes wrong, read first
    turn = next((t for t in opening[1:] if _TURN_RE.match(t)), "")
    check = structured_check(turn) if turn else ""
    if not check and opening:
        check = structured_check(opening[0])  # the first sentence whole, its messages too
        # "... hang during Setup. Even if Setup completes, X may hang during boot": both
        check = also_forms(check, text) if check else check
    if check:
        return check
    # a list's items after a lead-in or a sentence ("... problems: - Setup does not ..."),
    # never the dash inside a message ("Services.exe - unable to find NWAPI32.DLL")
    sentences = _results(symptom)[:MAX_SYMPTOM_SENTENCES]
    for n, sentence in enumerate(sentences):
        lead = _LEAD_RE.search(sentence)
        if lead:
            # "... you receive the following error message: <drive>:\ is not accessible.":
            # the message, and what follows it is the message's own text, never prose
            # ("Unable to log on." is no failure to turn round)
            check = structured_check(sentence) if n else ""
            at = text.find(sentence[:60])
            shown = _LEAD_RE.search(text[at:]) if at >= 0 else None
            state = _message_state(shown.group("msg")) if shown and shown.group("msg") else ""
            return check or (f"Check that {state}." if state else "")
        if sentence.rstrip().endswith(":") or not (n == 0 or states_problem(sentence)):
            continue  # the first sentence is read whole; expected_state asks for a failure
        if n and (bare_pronoun(sentence) or re.search(r"\b(?:below|above)\b", sentence, re.I)):
            # "This address space is not added", "The same application under NT 3.51 does
            # not have this problem": true while the problem occurs; "the sample below": a
            # part of the article the check does not show
            continue
        check = structured_check(sentence)
        if check:
            return check
    return ""


#: A sentence that turns from the scene to the problem ("However, when the child signs in,
#: ..."), looked for among the symptom's first few sentences.
_TURN_RE = re.compile(r"^(?:however|but|unfortunately),?\s", re.IGNORECASE)
MAX_TURN_AT = 3


#: "you receive the following error message: M", "the following events may appear:": the
#: lead-in of a message quoted after it (in the same sentence or the next); a file name's
#: dot ("when you open the Mailbox.rpt file:") ends no lead-in.
_LEAD_RE = re.compile(
    r"\b(?:following|this|these)\s+(?:\w+\s+){0,2}?(?:error\s+|warning\s+)?(?:messages?|errors?"
    r"|warnings?|events?)\b(?:[^:.]|\.(?=\w)){0,120}:\s*(?P<msg>.*)$",
    re.IGNORECASE,
)


#: A version token after a product's name: "99", "2000", "4.0", "97a", "SR-1".
_VERSION_TOKEN = r"(?:\d[\w.-]*|SR-?\d+|SP\d+)"


def upgraded(verify: str, label: str) -> str:
    """The verify of an upgrade outcome ("Upgrade: Microsoft Bookshelf 2000") that redoes
    its action with the product it installs where the symptom named the old one ("Start
    Microsoft Bookshelf 99 again" -> "Start Microsoft Bookshelf 2000 again"); `verify`
    unchanged when its action names no other version of that product."""
    product = re.sub(r"^Upgrade(?: to)?:?\s+", "", label).strip().rstrip(".")
    words = product.split()
    while words and re.fullmatch(_VERSION_TOKEN, words[-1]):
        words.pop()
    if not words or len(words) == len(product.split()) or len(" ".join(words)) < 4:
        return verify  # no version at the end of the label: nothing to tell apart
    # only the action redone ("Start X 99 again: ..."); what is seen keeps the article's
    # words (a "Windows 95 OSR2" in a message is no product the upgrade installs)
    redo = re.search(r" again(?::|,) check that ", verify)
    if redo is None:
        return verify  # asked first: the pattern below is compiled per product
    name = r"\s+".join(map(re.escape, words))
    found = re.compile(rf"\b{name}\s+(?P<old>{_VERSION_TOKEN}(?:\s+{_VERSION_TOKEN})*)\b")

    def swap(match: re.Match[str]) -> str:
        return match.group(0) if product in match.group(0) else product

    return found.sub(swap, verify[: redo.start()]) + verify[redo.start() :]


def for_outcome(verify: str, workaround: bool) -> str:
    """The shared verify said for one outcome: a by-design check "with the fix above in
    place" says "workaround" under a WORKAROUND outcome, which leaves the behavior as
    designed and only works round it."""
    fix = "with the fix above in place, "
    if workaround and re.search(r"\bno (?:fix|resolution|workaround)\b", verify.split(fix)[0]):
        # "There is no workaround for this issue."; then a workaround: only "the steps"
        verify = verify.replace(
            ". With the fix above in place, ", ". With the steps above in place, ", 1
        )
        return verify.replace(f"; {fix}", "; with the steps above in place, ", 1)
    if workaround:
        verify = verify.replace(
            ". With the fix above in place, ", ". With the workaround above in place, ", 1
        )
        return verify.replace(f"; {fix}", "; with the workaround above in place, ", 1)
    return verify
