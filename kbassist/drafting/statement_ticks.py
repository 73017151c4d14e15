"""Ticks that only say what is or happens: a step's note, the outcome's text, or told.

Round 24 (ticks24): after every earlier pass (`not_one_action.statements_noted`,
`steps.info_only`, `modern_non_actions`), about two thirds of the ticks that are no
action still were statements and explanations ("Machine Config Pools will apply a
machine config to nodes that match ...", "If the message is addressed to an invalid
node name, it is returned to the originator ...", "Depending on the above diagnosis,
the issue will most likely be described in the error log line ..."). Those passes read
a statement only after a determiner or a name in capitals, or call a tick an action
when unsure. This pass reads a statement more widely (a sentence with a finite verb, no
action, no duty or offer, no lead over what follows) and puts it where a reader expects
it, never as a thing to tick:

- after a step (on the same answers): shown as that step's note;
- first, before the outcome's steps: shown as the outcome's text (what the fix is
  about), the steps after it ticked;
- a list item ticked over its own nested list (a heading: "Short term: Throttle X."
  over "Taint the node ...", "Drain ..."): the title of those steps, shown with the
  first of them;
- an outcome whose every tick is such a statement: in an alert runbook, an honest
  escalation with the statements shown under it (the runbook gives no step to take);
  elsewhere, one "Tell the user what the article says here" step showing them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from kbassist.drafting.named_subjects import adjective_subject, file_subject, third_person
from kbassist.drafting.non_steps import code_line
from kbassist.drafting.not_one_action import _DUTY_RE, _acts, _label_over_list
from kbassist.drafting.runbook_checks_only import NO_FIX_LABEL
from kbassist.drafting.steps import INFO_CHECK, INFO_STEP, _action
from kbassist.drafting.text import split_sentences

#: A finite verb or a modal: what a statement says of its subject (lower case: "Report"
#: in "the Data Report properties" is a name; "to run" is no finite verb).
_FINITE_RE = re.compile(
    r"(?<!\bto )\b(?:is|are|was|were|isn't|aren't|wasn't|will|won't|would|can|cannot|could"
    r"|may|might"
    r"|has|have|had|does|doesn't|did|didn't|tends?|indicates?|means?|depends?|applies"
    r"|occurs?|happens?|appears?|contains?|includes?|provides?|supports?|requires?|uses?"
    r"|returns?|shows?|lists?|displays?|works?|fails?|runs?|takes?|proceeds?|causes?"
    r"|allows?|lets|makes?|becomes?|remains?|stays?|keeps?|gives?|reports?|matches?|stores|sends"
    r"|creates|loads|writes|reads|prevents|generates|receives|produces|exists?|affects|results"
    r"|consists|expects|handles|detects|fires|triggers|seems|looks|belongs|differs|varies"
    r"|specifies|defines|determines|represents|describes|explains|continues|assigns|prompts)\b",
)
#: "you select No", "we recommend": the reader (or the writer) doing something, a step
#: told as a story; never a statement. What the reader sees or cannot do is one.
_YOU_DO_RE = re.compile(
    r"(?:^|,\s+)(?:you|we)\s+(?!(?:cannot|can't|can\s+not|are|were|will\s+(?:see|receive|notice"
    r"|get|be)|may\s+(?:see|receive|notice|get|experience|be)|might\s+(?:see|receive|notice|be)"
    r"|see|receive|notice|get|experience|have\s+(?:a|an|the|no)\b))\w+",
    re.IGNORECASE,
)
#: Verbs an action opens with, many of which the drafter's imperative test does not know
#: ("Read X and follow it.", "Try a different cable.", "See if there are any X.",
#: "Spread services to other nodes."): the bench's list of action verbs and a few more.
#: A sentence that opens with one, or has one after a lead clause's comma, is no
#: statement (a noun that is also a verb, "Access 2000 displays ...", stays a tick).
_PLAIN_VERBS = frozenset(
    """
    accept access activate add ask consult cordon describe escalate gather highlight hold
    insert notify plug purchase refer adjust allow apply approve assign attach back boot browse
    build call cancel change check choose clean clear click close collect compare compile
    configure confirm connect contact convert copy correct create cut deactivate debug
    decrease define delete deploy deselect detach determine disable disconnect dismiss
    download drag drain drop edit eject empty enable end ensure enter erase examine exclude
    execute exit expand export extend extract fill find fix flush follow force format free
    get give go grant identify ignore import include increase inspect install investigate
    isolate keep kill launch leave limit list load locate lock log look lower make map
    mark migrate modify monitor mount move navigate obtain open override patch paste
    pause perform pick place point power press prevent print promote provide purge push
    put query quit raise read reboot recreate reduce refresh register release reload
    remove rename repair repeat replace request reset resize resolve restart restore
    resume retry return review revoke rollback rotate run save scale scan schedule scroll
    search select send set shrink shut sign skip specify start stop submit switch sync
    tap terminate test tick toggle trigger truncate turn type unblock uncheck uninstall
    unlock unmount unregister update upgrade upload use validate verify view visit wait
    watch wipe write position prepare tune append establish break try consider continue
    avoid complete troubleshoot evaluate take defragment invoke implement initialize proceed
    generate minimize declare capture diagnose comment distribute divide remember substitute
    shorten finish see spread talk store separate double roll fine-tune address downgrade
    rebuild rerun redeploy reapply exec note record share tell have let shell think plan do
    """.split()
)
#: A lead clause before an action ("From the File Open dialog box, choose ...").
_LEAD_RE = re.compile(
    r"^(?:if|when|after|before|once|on|in|from|at|to|for|under|while|within|using|with)\b"
    r"[^,:]{0,160}[,:]\s+",
    re.IGNORECASE,
)
#: An order word or an adverb before the verb ("Also read ...", "Periodically shell ...").
_FILLER_RE = re.compile(
    # "Either give all users Full Control, or restore ...": two actions, no statement
    r"^(?:(?:then|next|now|also|finally|first|optionally|please|simply|just|either"
    r"|[a-z]+ly),?\s+){1,3}",
    re.I,
)
#: What a statement that says a fix reads like ("Oracle requires Windows 3.0a or later"):
#: an outcome of these is left as it was, never told as information only.
_FIX_HINT_RE = re.compile(
    r"\b(?:requires?|later|latest|newer|upgrade|update|service\s+pack|fix(?:ed|es)?|corrected"
    r"|resolved?|workaround|work\s+around|tell|download)\b",
    re.IGNORECASE,
)


_VERB_PREFIX_RE = re.compile(r"^(?:re-?|un)")


def _verb(word: str) -> bool:
    """An action verb, also redone or undone ("re-enter", "reinstall", "unhide")."""
    if word in _PLAIN_VERBS or word.endswith("-click"):
        return True
    bare = _VERB_PREFIX_RE.sub("", word)
    return bare != word and bare in _PLAIN_VERBS


#: A place said first, maybe with no comma after it.
_PLACE_RE = re.compile(r"^(?:in|on|from|at|under|within|using)\s", re.IGNORECASE)


def _opens_with_verb(sentence: str) -> bool:
    """The sentence (or what follows its lead clause or label) opens with an action verb."""
    bare = _LEAD_RE.sub("", sentence, count=1)
    for part in (sentence, bare, _FILLER_RE.sub("", bare, count=1), _LABEL_RE.sub("", sentence)):
        words = part.split(None, 1)
        word = words[0].casefold().rstrip(",.:;") if words else ""
        if _verb(word):
            return True
    if _PLACE_RE.match(sentence):  # "In the Size box select or type ...": no comma after it
        finite = _FINITE_RE.search(sentence)
        head = sentence[: finite.start()] if finite else sentence
        if any(_verb(w.casefold()) for w in head.split()[2:12]):
            return True
    return any(
        _verb(m.group(1).casefold())
        for m in re.finditer(r",\s+(?:and\s+)?(?:then\s+)?(?:simply\s+)?([a-z][\w-]*)", sentence)
    )


#: "Image issues: fix registry access, ...": the article's own label, then the action.
_LABEL_RE = re.compile(r"^[^:]{1,40}:\s+")
#: Advice, not a fact: "It is highly recommended to X", "it may be best to X".
_ADVICE_RE = re.compile(
    r"\brecomm?end|\badvis|\bsuggest|\bbest\b|\bbetter\b|\bshould\b|\bprefer", re.IGNORECASE
)
#: What a statement never is: a lead over what follows, a link's label, a prompt line.
_NOT_PROSE_RE = re.compile(r"[:;]$|^[>$#]|^\W|https?://|\{|\bTODO\b")
#: "If X, Y happens": a case in front, asked elsewhere when it has an action; as a
#: statement it is still said, not done.
_WORDS_RE = re.compile(r"[A-Za-z][\w'-]*")
#: Fewest words a statement has ("It is by design." is short, "Inbox" is no statement).
MIN_WORDS = 5
#: Longest tick read as a statement: a longer one is a pasted section, left as it was
#: (and the patterns stay fast on hostile input).
MAX_CHARS = 1500


#: A connector before a statement's subject: "However, ", "Unfortunately, ", "Now ".
_CONNECTOR_RE = re.compile(
    r"^(?:(?:however|also|further|furthermore|now|then|thus|therefore|in\s+addition"
    r"|in\s+(?:most|some|many|all|this|that|such)\s+cases?|by\s+default|for\s+example"
    r"|[a-z]+ly),?\s+)+",
    re.IGNORECASE,
)
#: A case, a time or a place in front of the subject: "If X, ", "Depending on X, ".
_FRONT_RE = re.compile(
    r"^(?:if|when|whenever|after|once|although|though|because|since|while|during|as|before"
    r"|until|unless|depending\s+on|in|on|for|with|under|at|by|from|to)\b[^,]{0,160},\s+",
    re.IGNORECASE,
)
#: Words a subject opens with: a determiner or a pronoun.
_DETERMINERS = frozenset(
    "the this that these those it its there a an each every some all any no your their our"
    " his her one another other both such most many several few you they he she we".split()
)


def _subject_first(sentence: str) -> bool:
    """The sentence opens (after a connector and a case, time or place) with a subject:
    a determiner or a pronoun ("The TPM", "It", "There"), or a name ("Machine Config
    Pools", "SCSI", "Microsoft Press has ..."): never a word that may be a verb of an
    action the drafter does not know ("Link or import data ...", "Further disable X")."""
    said = sentence.split(None, 2)
    if len(said) > 1 and adjective_subject(said[0], said[1]):
        return True  # "Early versions of X use ...": an age before a plural noun ("Early"
        # is no adverb connector)
    bare = _CONNECTOR_RE.sub("", sentence, count=1)
    bare = _FRONT_RE.sub("", bare, count=1)
    words = bare.split(None, 2)
    if not words:
        return False
    first = words[0].strip("\"'(")
    if first.casefold() in _DETERMINERS:
        return True
    if not first[:1].isupper():
        return False
    nxt = words[1] if len(words) > 1 else ""
    if file_subject(first) and (_FINITE_RE.match(nxt) or third_person(nxt, _verb)):
        return True  # "Sbconfig.exe restarts your computer.": a file that acts
    return (
        sum(c.isupper() for c in first) >= 2
        or nxt[:1].isupper()
        or bool(nxt and _FINITE_RE.match(nxt))
    )


def _file_acts(sentence: str) -> bool:
    """ "Sbconfig.exe restarts your computer.": a file name, then what it does."""
    bare = _FRONT_RE.sub("", _CONNECTOR_RE.sub("", sentence, count=1), count=1)
    words = bare.split(None, 2)
    return len(words) > 1 and file_subject(words[0]) and third_person(words[1], _verb)


def _said_sentence(sentence: str) -> bool:
    """One sentence that says what is or happens: a capital first, an end mark, a finite
    verb, no action (an imperative, one after a case or a purpose), no duty or offer
    ("you must", "can be set", "please"), no step told as a story ("you select No")."""
    if not sentence[:1].isupper() or not sentence.endswith((".", "!")):
        return False
    if not _subject_first(sentence) or sentence.startswith("Nothing "):
        return False  # most ticks stop here: an action opens with its verb
    if len(_WORDS_RE.findall(sentence)) < MIN_WORDS or _NOT_PROSE_RE.search(sentence):
        return False
    if not (_FINITE_RE.search(sentence) or _file_acts(sentence)):
        return False
    if _DUTY_RE.search(sentence) or _ADVICE_RE.search(sentence):
        return False
    if _YOU_DO_RE.search(sentence) or code_line(sentence) or _opens_with_verb(sentence):
        return False
    return not (_acts(sentence) or _action(sentence))


@lru_cache(maxsize=2048)  # pure: each tick is read as a step, a heading and the step before
def plain_statement(text: str) -> bool:
    """Whether a tick's text only says what is or happens: every sentence does
    (`_said_sentence`), none on a line of its own (a command or a listing)."""
    if "\n" in text.strip() or len(text) > MAX_CHARS:
        return False
    flat = " ".join(text.split())
    sentences = split_sentences(flat) or [flat]
    return all(_said_sentence(s) for s in sentences)


def _flat(text: object) -> str:
    return " ".join(str(text or "").split())


def _step_said(step: dict[str, Any]) -> str:
    """A step's text, then its detail, as shown under another."""
    return "\n".join(p for p in (str(step.get("text", "")).strip(), step.get("detail", "")) if p)


def _statement_step(step: dict[str, Any]) -> bool:
    return isinstance(step.get("text"), str) and plain_statement(step["text"])


def _acting(step: dict[str, Any]) -> bool:
    """The step asks for an action (a note goes under a step, never under a lead with
    nothing shown under it, a statement or a code line)."""
    text = _flat(step.get("text"))
    if not text or (text.endswith(":") and not step.get("detail")) or plain_statement(text):
        return False
    return any(_acts(s) or _action(s) for s in split_sentences(text) or [text])


def _noted_after(steps: list[dict[str, Any]], body: str) -> None:
    """Statements after a step on the same answers: shown as that step's note."""
    n = 1
    while n < len(steps):
        step, before = steps[n], steps[n - 1]
        if (
            step.get("when") == before.get("when")
            and _statement_step(step)
            and _acting(before)
            and not _label_over_list(body, str(step.get("text", "")))
        ):
            said = _step_said(step)
            old = before.get("detail", "")
            before["detail"] = f"{old}\n\n{said}" if old else said
            del steps[n]
            continue
        n += 1


#: A list item's marker: "1.", "a)", "-", "*", "+".
_MARKER_RE = re.compile(r"^\s*(?:[-*+]|\d{1,2}[.)]|[a-z][.)])\s+")


def _nested_first(body: str, text: str) -> str:
    """The first item of the list nested under `text` in the article ("1. Short term:
    Throttle X." over "    * Taint the node ..."), or "" when `text` is no list item
    with a deeper list right under it."""
    words = re.findall(r"\w+", text)[:8]
    if len(words) < 3:
        return ""
    found = re.search(r"[\W_]+".join(map(re.escape, words)), body)
    if found is None:
        return ""
    start = body.rfind("\n", 0, found.start()) + 1
    end = body.find("\n", start)
    line = body[start : end if end >= 0 else len(body)]
    if not _MARKER_RE.match(line) or end < 0:
        return ""
    own = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
    for after in body[end + 1 :].splitlines()[:20]:
        if not after.strip():
            continue
        indent = len(after.expandtabs(4)) - len(after.expandtabs(4).lstrip())
        marker = _MARKER_RE.match(after)
        if marker and indent > own:
            return after[marker.end() :].strip()
        if indent <= own or marker:
            return ""
    return ""


#: The article's own label before a heading: "Short term: ", "Option 2: ".
_HEAD_LABEL_RE = re.compile(r"^[A-Z][\w ()/-]{1,30}:\s+\S")


def _opening(text: str) -> list[str]:
    return [w.casefold() for w in re.findall(r"\w+", text)[:4]]


def _headings_shown(steps: list[dict[str, Any]], body: str) -> None:
    """A list item ticked over its own nested list ("Short term: Throttle non-essential
    traffic on the node." over "Taint the OSD node ...", "Drain ..."): the title of the
    steps under it, shown with the first of them, not a tick beside them. Only a heading
    with the article's own label, or a statement ("The telemeter client fails to send
    metrics." over its case's steps): "Go to the folder and do the following:" and "Take a
    look at the dashboard." over their steps are steps of their own."""
    n = 0
    while n < len(steps) - 1:
        step, nxt = steps[n], steps[n + 1]
        text = _flat(step.get("text"))
        heading = not text.endswith(":") and bool(
            _HEAD_LABEL_RE.match(text) or plain_statement(text)
        )
        first = _nested_first(body, text) if heading else ""
        if (
            not first
            or step.get("when") != nxt.get("when")
            or _opening(first) != _opening(_flat(nxt.get("text")))
        ):
            n += 1
            continue
        more = nxt.get("detail", "")
        title = _step_said(step)
        nxt["detail"] = f"{title}\n\n{more}" if more else title
        del steps[n]


def _first_as_text(outcome: dict[str, Any], steps: list[dict[str, Any]]) -> None:
    """A statement ticked first, before the outcome's own steps on the same answers:
    what the fix is about, shown as the outcome's text."""
    while len(steps) >= 2 and _statement_step(steps[0]):
        first, nxt = steps[0], steps[1]
        if first.get("when") or nxt.get("when") or not _acting(nxt):
            return
        detail = str(first.get("detail") or "")
        if detail and not plain_statement(detail):
            return  # "Try to identify the root cause ..." under it: a step, left ticked
        said = _step_said(first)
        old = str(outcome.get("text", ""))
        if _flat(said) not in _flat(old):
            outcome["text"] = f"{old}\n\n{said}" if old else said
        del steps[0]


#: The verify of an escalation: what it must carry (`runbook_nofix`'s wording).
_ESCALATED = (
    "Check that the escalation has the output of the Diagnosis checks attached: the runbook "
    "has no fix of its own, so the alert clears only after the owner's fix."
)


def _runbook_escalation(tree: dict[str, Any]) -> str:
    alert = str((tree.get("articles") or [""])[0])
    return (
        f"Escalate to the team that owns the {alert} alert, with the output of the Diagnosis "
        "checks: the runbook's fix only says what is shown under this step, no step to take."
    )


def _only_statements(outcome: dict[str, Any], runbook: bool, tree: dict[str, Any]) -> None:
    """An outcome whose every tick only says what is: told honestly, never ticked."""
    steps: list[dict[str, Any]] = outcome["steps"]
    if any(s.get("when") for s in steps) or not all(_statement_step(s) for s in steps):
        return
    said = "\n\n".join(_step_said(s) for s in steps)
    if not runbook and (_FIX_HINT_RE.search(said) or _DUTY_RE.search(said)):
        return  # "X requires Windows 3.0a or later": a fix said as a fact, left as it was
    if runbook and _DUTY_RE.search(_flat(outcome.get("text"))):
        return  # "If this is not intended, you can check the MCP object": the fix is said
    source = steps[0].get("source")
    step: dict[str, Any] = {
        "text": _runbook_escalation(tree) if runbook else INFO_STEP,
        "detail": said,
    }
    if source is not None:
        step["source"] = source
    outcome["steps"] = [step]
    fixes = [
        n for n in tree["nodes"] if n.get("kind") == "outcome" and n.get("id") != "not_this_article"
    ]
    if runbook and fixes == [outcome]:  # the one fix: titled and checked as no fix
        outcome["title"] = NO_FIX_LABEL
        outcome["verify"] = [{"text": _ESCALATED, **({"source": source} if source else {})}]
    if not runbook:  # nothing in the article changes the problem: not said to go away
        outcome["verify"] = [{"text": INFO_CHECK, **({"source": source} if source else {})}]


def statements_placed(tree: dict[str, Any], body: str, runbook: bool) -> None:
    """Every outcome's ticks that only say what is: a note under the step before, the
    outcome's text when first, told (or escalated, in an alert runbook) when alone."""
    for node in tree["nodes"]:
        if node.get("kind") != "outcome" or node.get("id") == "not_this_article":
            continue
        steps = node.get("steps")
        if not isinstance(steps, list) or not steps:
            continue
        if any(str(s.get("text", "")).startswith(INFO_STEP) for s in steps):
            continue  # told already
        if str(node.get("title", "")).startswith("Reference"):
            continue  # a reference page: what it says is the content, shown as it is
        _headings_shown(steps, body)
        _noted_after(steps, body)
        _first_as_text(node, steps)
        _only_statements(node, runbook, tree)
