"""The last pass over an outcome's checklist, for every format: only actions are ticked.

Each item is read as an action, a lead-in ("Use one of the following methods.", "A sample
alert message is provided below,"), a note, or a statement ("The resolution depends on
the particular issue reported in the logs."). A lead-in goes with the step it announces,
a note or a statement is shown under the step it qualifies (the one before, or the next
when it comes first), an article's result sentence ("X should work normally") becomes
the verify when the fix has none of its own. Nothing is lost: text and detail move
together. The format readers (options.py, modern_plan.py) do the finer work; this pass
catches what reaches the checklist anyway.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kbassist.drafting.blocks import _REFER_LEAD_RE, _actionish, _fix_verb
from kbassist.drafting.non_steps import result_sentence
from kbassist.drafting.options import _LEAD_ONLY_RE, _NOTE_RE, _YOU_CAN_RE, _is_action
from kbassist.drafting.said_to_code import as_instruction
from kbassist.drafting.shown_names import names_listed
from kbassist.drafting.text import Hinted, split_detail, split_sentences, step_text, with_detail

#: "Use one of the following methods.", "Follow these steps.", "The following methods are
#: available:": an announcement of what comes next, no action of its own.
_ANNOUNCE_RE = re.compile(
    r"^(?:(?:use|follow|try|do|perform|choose|apply) (?:one|any|either|each|all) of "
    r"(?:the|these) (?:following|(?:\w+ )?(?:methods|ways|options|steps|workarounds|procedures"
    r"|solutions)(?: below)?)"
    r"|(?:follow|do|perform|complete|use) (?:these|the following) (?:steps|procedures?"
    r"|instructions|methods?|workarounds?|solutions?)"
    r"|(?:follow|do|perform|complete|use) the (?:steps|procedures?"
    r"|instructions|methods) below"
    r"|the following (?:\w+ )?(?:methods|ways|options|steps|workarounds|procedures|solutions)"
    r" (?:are|is|can|may|might|should|will)\b)"
    r"[^.:]{0,60}[.:,]?$",
    re.IGNORECASE,
)
#: "Use the following steps to set the zone transfers to name servers only option for the
#: zone.", "Use the information in the following paragraphs to eliminate the conditions
#: listed above.": an announcement with its purpose said at length; the purpose is shown
#: under the step it announces.
_PURPOSE_ANNOUNCE_RE = re.compile(
    r"^(?:use|follow|see|read|apply) (?:the|these) (?:following )?(?:information|details"
    r"|guidance|steps|instructions|procedures?|methods)(?: (?:in|from) (?:the|these) following"
    r" (?:\w+ )?(?:paragraphs|sections?|steps|list|table)| below| that follows?)?"
    r" (?:to|for) [^.:]{3,160}[.:]?$",
    re.IGNORECASE,
)
#: "Set the data access mode to one of the following modes:", "Grant the account the
#: following permissions:", "This can be resolved by either:": the items after it are its
#: choices or its list, one step with them shown under it (not each a tick of its own).
_LIST_LEAD_RE = re.compile(
    r"^(?!(?:if|when|whenever|otherwise|unless)\b)(?:[^:]{3,200}\b(?:following|these|either"
    r"|one of|below|as follows)\b[^:]{0,80}|[^:]{3,200}\b(?:are|is|include|includes)):$",
    re.IGNORECASE,
)
#: "a. Check ...", "2) Modify ...": a list marker before a list item's first word.
_MARKER_RE = re.compile(r"^(?:[a-z0-9]{1,2}[.)]|[-*\u2022])\s+", re.IGNORECASE)
#: "At a command prompt, run ...": a place before the imperative.
_PLACE_RE = re.compile(r"^(?:at|in|on|from|using|with|under|to|via)\b[^,]{1,80},\s+", re.I)
#: The longest item read as one choice of a list (a mode, a file, a condition).
MAX_CHOICE_WORDS = 25
#: "The following is an example query ...:", "A sample alert message is provided below,",
#: "For example, the following sample alert message refers to ...:": an example follows.
_EXAMPLE_RE = re.compile(
    r"^(?:for (?:example|instance)\s*:?\s*$"  # "For example:" over the code it shows
    r"|(?:for example,\s*)?(?:the following (?:is|are|shows?) (?:an? )?(?:example|sample)"
    r"|(?:an?|the|this|these|following) (?:\w+ ){0,2}(?:example|sample)s?\b[^.]{0,80}"
    r"\b(?:is|are|shows?|refers?|provided|given|follows?)\b"
    # "The following is a code segment of the X stored procedure:": a listing to read
    r"|the following (?:is|are|shows?) (?:an? |the )?(?:\w+ )?(?:code |script |query )?"
    r"(?:segment|snippet|excerpt|listing|fragment|portion|definition|part)s?\b"
    # "Below is an example of how to ...:", "For example, the fixed file will be as
    # follows:": a listing's caption
    r"|(?:below|here) (?:is|are) (?:an? )?(?:\w+ )?(?:example|sample)s?\b[^.]{0,160}:$"
    r"|for (?:example|instance),[^.]{0,160}\b(?:as follows|the following|below)\s*:$))",
    re.IGNORECASE,
)
#: What a statement opens with: a determiner, a pronoun, a connective, "Mitigation" or
#: "Deleting X", so a sentence is about something rather than telling the reader to act.
_SUBJECT_RE = re.compile(
    r"^(?:(?:the|this|these|that|those|it|its|there|a|an|each|every|any|some|most|all|both"
    r"|no|one|such|because|since|although|though|however|unfortunately|typically|usually"
    r"|generally|normally|currently|mitigation|mitigating|resolution|resolving|remediation)\b"
    r"|[a-z]+ing\b|(?-i:[A-Za-z][\w-]*[A-Z0-9_.][\w.-]*)\b)",
    re.IGNORECASE,
)
#: A finite verb within the first words: the sentence says what is, it asks nothing.
_FINITE_RE = re.compile(
    r"^(?:\S+\s+){0,7}?(?:is|are|was|were|has|have|had|does|did|can|cannot|could|will|would"
    r"|should|must|may|might|depends|depend|indicates|indicate|means|mean|occurs|occur"
    r"|happens|contains|requires|runs|works|uses|provides|refers|causes|needs|shows)\b",
    re.IGNORECASE,
)
#: "If X, ", "In case X, ", "For Y, ": a condition before what the sentence says.
_CONDITION_RE = re.compile(
    r"^(?:if|when|in case|in cases? where|for|once|after|while)\b[^,:]{2,120},\s+", re.I
)
#: "Prior to service pack 4 for Visual Studio 6.0, ": when what follows was so, before
#: a statement about then (not a case to ask: the reader does not choose the past).
_SINCE_RE = re.compile(r"^(?:prior to|until|up to|as of)\b[^,]{2,100},\s+", re.IGNORECASE)
#: "If you are using Schedule+ under Windows for Workgroups, you cannot change this
#: setting.": what a case cannot do, a limit shown with the step it qualifies.
_CANNOT_RE = re.compile(
    r"^(?:if|when)\b[^,]{3,160},\s*(?:then\s+)?(?:you|users?|administrators?)\s+(?:cannot|can't"
    r"|can not|are unable to|will not be able to)\s+[a-z]",
    re.IGNORECASE,
)
#: An instruction said as a fact: "you can exclude X", "it should be removed", "need to
#: force a reconciliation": the reader is still told to act.
_TOLD_RE = Hinted(
    re.compile(
        r"\b(?:you|we|administrators?|users?)\s+(?:\w+\s+)?(?:can|could|should|must|need|have to"
        r"|may want|might want|will need)\b|\b(?:should|must|needs? to|has to|have to) be\b"
        r"|(?:^|,\s*)need to\b|\b(?:is|are) (?:recommended|required|necessary)\b",
        re.IGNORECASE,
    ),
    # every branch holds one of its modal or verdict words
    (
        "can",
        "could",
        "should",
        "must",
        "need",
        "have to",
        "has to",
        "want",
        "recommended",
        "required",
        "necessary",
    ),
)
#: The article's result: "Mail should work normally again", "The error no longer appears".
_RESULT_RE = re.compile(
    r"\bshould (?:now |then |again )?(?:work|start|run|succeed|function|connect|appear"
    r"|display|print|open|load|be (?:able|available|resolved|fixed|gone|listed|visible))\b"
    r"|\bno longer (?:appears?|occurs?|fails?|fires?|happens?)\b",
    re.IGNORECASE,
)
#: "To check the version of Vfp300.esl file:", "To add this registry value:": what the
#: steps after it are for (a purpose, no action of its own), said with the first of them.
_PURPOSE_LEAD_RE = re.compile(r"^to [a-z]+\b[^.:;]{3,120}:$", re.IGNORECASE)
#: "Note that this hotfix is available only for ...", "IMPORTANT NOTE: ...": a note said
#: without the "NOTE:" marker the format readers look for.
_NOTE_THAT_RE = re.compile(r"^(?:(?:important|please) note\b|note that\b)", re.IGNORECASE)
#: Shortest lead-in kept as the next step's prefix ("Namespace scoped: run ...").
MAX_PREFIX_CHARS = 60


@lru_cache(maxsize=512)  # pure: asked again and again per text
def _action(text: str) -> bool:
    """An action: an imperative (also after "If X, " or a modal), or a typed command."""
    if _actionish(text) or _fix_verb(text) or _is_action(text):
        return True
    bare = _CONDITION_RE.sub("", text, count=1)
    return bare != text and (_actionish(bare) or _is_action(bare))


@lru_cache(maxsize=512)  # pure: asked again and again per text
def _statement(sentence: str) -> bool:
    """A sentence that says what is: a subject and a finite verb, no action."""
    dated = _SINCE_RE.sub("", sentence, count=1)  # "Prior to SP4, the fix was ...": said
    if dated != sentence and _SUBJECT_RE.match(dated) and _ANY_FINITE_RE.search(dated):
        return not (_action(dated) or _TOLD_RE.search(dated))  # of then, a statement
    bare = _CONDITION_RE.sub("", sentence, count=1)
    if _action(sentence) or sentence.endswith("?") or _TOLD_RE.search(sentence):
        return False
    if bare != sentence:
        return False  # "If X, Y happens", "For X, there is nothing to do": a case asked later
    clause = sentence.split(", ", 1)
    if len(clause) == 2 and _action(clause[1]):
        return False  # "Because X may be wrong, select Config ...": an action after all
    return bool(_SUBJECT_RE.match(bare) and _FINITE_RE.match(bare))


#: "If you receive an error when you click Add Host, then you may be having a problem
#: with ...": what a result would mean, a remark on the step before, no step.
_MEANING_IF_RE = re.compile(
    r"^(?:if|when)\b[^,]{3,200},\s*(?:then\s+)?(?:you|it|this|that|there)\s+(?:may|might|"
    r"could)\s+(?:be\b|have\s+(?!to\b))",
    re.IGNORECASE,
)
#: "If these steps do not resolve the issue, proceed to the next method.": the walk asks
#: for each method itself; this is the article's navigation, shown, not ticked.
_NEXT_METHOD_RE = re.compile(
    r"^(?:if\b[^,]{3,160},\s*)?(?:then\s+)?(?:proceed|go|continue|move|skip)\s+(?:on\s+)?to\s+"
    r"(?:the\s+)?next\s+(?:method|resolution|workaround|section|procedure)\b[^.]{0,40}\.?$",
    re.IGNORECASE,
)


#: "Do you see an elevated error rate?", "Maybe it's some dependency? etcd?": a question
#: the article asks itself, what to look for, never a step to tick.
_QUESTION_END_RE = re.compile(r"\?[\"')\]]*$")
#: A blockquote the parser did not read as one ("> Before you create ... > > - X"): its
#: markers, at the start and between its lines.
_QUOTE_MARK_RE = re.compile(r"(?:^|\s)>(?=\s|$)")


def _question(text: str) -> bool:
    """An item whose every sentence is a question: what to wonder, not what to do."""
    sentences = split_sentences(text)
    return bool(sentences) and all(_QUESTION_END_RE.search(s) for s in sentences)


def raw_quote(text: str) -> str:
    """A raw Markdown blockquote's text without its markers ("> [!NOTE] > Before you
    ..." as "Before you ..."), or "" when `text` is no such quote (a `> Get-Item` prompt,
    a redirect)."""
    flat = " ".join(text.split())
    if not flat.startswith("> "):
        return ""
    rest = " ".join(_QUOTE_MARK_RE.sub(" ", flat).split())
    rest = re.sub(r"^\[!(\w+)\]\s*", lambda m: f"{m.group(1).capitalize()}: ", rest)
    prose = len(rest.split()) >= 6 and not re.search(r"[$|=;{}]", rest)
    if not (prose or flat.count(" > ") or flat.startswith("> [!")):
        return ""
    return rest


@lru_cache(maxsize=512)  # pure: asked again and again per text
def step_kind(text: str) -> str:
    """'action', 'lead-in', 'example', 'note' or 'statement'; 'action' when unsure."""
    text = " ".join(text.split())
    if not text:
        return "action"
    if raw_quote(text):
        return "note"  # a note the parser left in its Markdown: shown, never ticked
    if _question(text):
        return "statement"  # shown under the step it wonders about
    if _NOTE_RE.match(text) or (_NOTE_THAT_RE.match(text) and not text.endswith(":")):
        return "note"
    if _NEXT_METHOD_RE.match(text) or (
        _MEANING_IF_RE.match(text) and len(split_sentences(text)) == 1
    ):
        return "note"  # a sentence after it may still say what to do: then an action
    if (
        _ANNOUNCE_RE.match(text)
        or _PURPOSE_ANNOUNCE_RE.match(text)
        or (_LEAD_ONLY_RE.match(text) and not _action(text))
    ):
        return "lead-in"
    if _EXAMPLE_RE.match(text):
        return "example"
    if result_sentence(text):
        return "statement"  # "After you do these steps, the users are able to ...": a result
    if (
        _CANNOT_RE.match(text)
        and not text.endswith(":")
        and not _TOLD_RE.search(text)
        and all(_statement(s) for s in split_sentences(_CANNOT_RE.sub("", text, count=1))[1:])
    ):
        return "statement"  # "If you use WfW, you cannot change this setting. ...": a limit
    if _action(text):
        return "action"
    if _RESULT_RE.search(text) and len(split_sentences(text)) == 1 and text.endswith("."):
        return "statement"  # "Mail should work normally again.": the result, not a step
    if _PURPOSE_LEAD_RE.match(text):
        return "lead-in"  # "To check the version of Vfp300.esl file:" over its steps
    if text.endswith((":", ",")):
        # "Microsoft Windows XP:" heads a procedure of its own: left as it is
        return "lead-in" if _statement(text[:-1]) else "action"
    sentences = split_sentences(text)
    if sentences and all(
        _statement(s) or _observed_if(s) or (_remark(s) and not _CONDITION_RE.match(s))
        for s in sentences
    ):  # "For X, there is nothing to do." is a case, asked elsewhere
        return "statement"
    return "action"


#: A finite verb anywhere: "A list of the storage systems ... will be visible." says
#: what is, even when the verb comes late.
_ANY_FINITE_RE = re.compile(
    r"\b(?:is|are|was|were|will|would|can|could|may|might|has|have|had|does|did|appears?"
    r"|opens?|displays?|shows?|lists?|provides?|contains?|returns?)\b",
    re.IGNORECASE,
)
#: "To ensure X, you can check Y.": an instruction said as a possibility, with its purpose.
_TOLD_HEAD_RE = re.compile(
    r"^(?:(?:to|if|when|for|therefore|so|then|thus|instead|in (?:both|either|each|this|that"
    r"|such|these)\b)[^,]{0,120},\s*){1,3}",
    re.IGNORECASE,
)
#: The lead of a tick said as a duty (round 23): a case, a time, a place, a purpose, an
#: order word ("First, you need to get ...", "From an MS-DOS prompt, you can run ...",
#: "In addition to adding this switch, you should increase ...").
_DUTY_HEAD_RE = re.compile(
    r"^(?:(?:to|if|when|for|therefore|so|then|thus|in|after|before|once|from|on|at|under"
    r"|as|first|second|third|next|last|lastly|finally|also|additionally|however|currently"
    r"|now)\b[^,]{0,120},\s*(?:then\s+)?){1,3}",
    re.IGNORECASE,
)
#: "you may receive ...", "you could lose ...": a possibility, never an action; also
#: what the reader sees or meets after a modal.
_NOT_DUTY_RE = re.compile(
    r"^(?:you|administrators?|users?)\s+(?:may|could|might)\s+(?!want\b|need\b|have\s+to\b)",
    re.IGNORECASE,
)
#: What the reader sees or meets after a modal ("you should see X", "you must have X");
#: after a duty ("you need to get X", "you must find X") getting is the action.
_NOT_DONE_RE = re.compile(
    r"^(?:receive|see|notice|lose|experience|encounter|want|need|have|observe|be)\b",
    re.IGNORECASE,
)
_NOT_DONE_OFFER_RE = re.compile(r"^(?:get|find)\b", re.IGNORECASE)
_DUTY_MODAL_RE = re.compile(r"\b(?:must|need\s+to|have\s+to)\s", re.IGNORECASE)
#: "manually close X": an adverb before the verb, kept with it.
_ADVERB_RE = re.compile(r"^[a-z]+ly\s+(?=[a-z])")
#: "You can find more information in ...": a pointer, never made a step.
_POINTER_RE = re.compile(
    r"\b(?:more|further|additional)\s+(?:information|details)\b|^(?:refer|see|read)\b", re.I
)


def _told_action(sentence: str) -> str:
    """ "To ensure etcd is running smoothly, you can check its health." as the action
    "To ensure etcd is running smoothly, check its health."; "" for any other sentence."""
    head = _TOLD_HEAD_RE.match(sentence)
    lead = head.group(0) if head else ""
    rest = sentence[len(lead) :]
    bare = _YOU_CAN_RE.sub("", rest, count=1)
    if bare == rest or not bare[:1].islower() or bare.startswith("be ") or _POINTER_RE.search(bare):
        return ""
    told = lead + (bare if lead else bare[0].upper() + bare[1:])
    return told if _action(told) or _action(bare[0].upper() + bare[1:]) else ""


def duty_said(item: str) -> str:
    """A tick whose first sentence says its action as a duty or an offer ("First, you need
    to get the name of the node ...", "If this does not resolve the problem, you may have
    to uninstall X", "You must wait until Word is finished") said as that action
    ("First, get the name of the node ..."), the rest of its text and its detail as they
    were. Never another way ("Or you can X", "Alternatively, ..."), a possibility ("you
    may receive X") or a pointer ("you can see X"); a first sentence with a line break
    in it (a command) is left as written."""
    text, detail = split_detail(item)
    body = text.lstrip()
    first = (split_sentences(body) or [""])[0]
    if not first or not body.startswith(first):
        return item
    head = _DUTY_HEAD_RE.match(first)
    rest = first[head.end() :] if head else first
    if not _YOU_CAN_RE.match(rest) or _NOT_DUTY_RE.match(rest):
        return item
    bare = _YOU_CAN_RE.sub("", rest, count=1)
    if not bare[:1].islower() or _NOT_DONE_RE.match(bare) or _POINTER_RE.search(bare):
        return item
    if _NOT_DONE_OFFER_RE.match(bare) and not _DUTY_MODAL_RE.search(rest[: len(rest) - len(bare)]):
        return item  # "you should get an error": what is seen
    verb = _ADVERB_RE.sub("", bare, count=1)
    if not _action(verb[0].upper() + verb[1:]):
        return item
    verb = bare[0].upper() + bare[1:]
    told = first[: head.end()] + bare if head else verb
    return with_detail(told + body[len(first) :], detail)


#: "You can, however, extend the range ...", "If you do not want X, you can also define
#: Y.", "However, you can X": what the article offers to do, said as a possibility among
#: statements ("This is by design. If X, you cannot add Y."); the offer is the step.
_OFFER_RE = re.compile(
    r"^(?:(?:however|alternatively|instead|also|typically|usually|generally|often),\s*)?"
    r"(?P<head>(?:(?:if|when|to|for|in|once|after)\b[^,]{0,160},\s*)?)"
    r"(?:you\s+(?:can|must|should|need\s+to|have\s+to)(?:,\s*however,|\s+however,?)?"
    r"(?:\s+(?:also|instead|still|then|now|typically|usually|generally|often))?"
    r"|typically|usually|generally)\s+"
    r"(?P<rest>[a-z].*)$",
    re.IGNORECASE,
)


#: "Alternatively, you can ...", "Instead, you can ...", "You can instead ...": another way.
_OTHER_WAY_RE = re.compile(r"^(?:(?:alternatively|instead),|you can instead\b)", re.IGNORECASE)


#: "You must use IP Helper Table Entries.": an action said with "you must", read as an
#: offer too when statements surround it ("If X, you cannot use Y. You must use Z.").
_MUST_RE = re.compile(r"^you\s+(?:must|need\s+to|have\s+to|should)\s+(?!be\b)", re.I)


def _offer(sentence: str) -> str:
    """ "You can, however, extend the range so ..." as "Extend the range so ..."; "If you
    do not want X, you can also define Y." as "If you do not want X, define Y."; "" when
    the sentence offers no action (a pointer, "you can see ...", "you can be ...")."""
    m = _OFFER_RE.match(sentence)
    if not m:
        return ""
    rest, head = m.group("rest"), m.group("head")
    verb = rest[0].upper() + rest[1:]
    if rest.startswith("be ") or _POINTER_RE.search(rest) or not _action(verb):
        return ""
    return head[0].upper() + head[1:] + rest if head else verb


#: "..., you will receive error messages indicating that the CD-ROM is damaged": what
#: the reader will see or what it means, after "If X, ".
_SEEN_AFTER_IF_RE = re.compile(
    r"^(?:then\s+)?(?:you\s+(?:will|may|might|would|should)\s+(?:also\s+)?(?:receive|see"
    r"|get|notice)\b|(?:it|this|that|there)\s+(?:will|may|might|is|are)\s+(?!not\b)\w+"
    # "..., then the device will prompt for ...": what will happen, said of a thing
    r"|(?:the|a|an|your)\s+(?:[\w-]+\s+){1,4}?(?:will|would)\s+(?!not\b|need\b|have to\b)\w+)",
    re.IGNORECASE,
)


@lru_cache(maxsize=512)  # pure: asked again and again per text
def _observed_if(sentence: str) -> bool:
    """ "If there are files that cannot be read, you will receive error messages ...": a
    case's result, not an action (an action after "If X, " is a step)."""
    if not re.match(r"(?:if|when|whenever)\b", sentence, re.IGNORECASE):
        return False  # "For public cloud providers, there is nothing to do": a case
    bare = _CONDITION_RE.sub("", sentence, count=1)
    if bare == sentence or _action(bare) or _TOLD_RE.search(bare):
        return False
    return bool(_SEEN_AFTER_IF_RE.match(bare))


@lru_cache(maxsize=512)  # pure: asked again and again per text
def _remark(sentence: str) -> bool:
    """A sentence inside a step that says what is ("The computer will go through its
    rebinding ...", "A list of the systems will be visible."), not what to do."""
    if _statement(sentence):
        return True
    if _action(sentence) or sentence.endswith("?") or _TOLD_RE.search(sentence):
        return False
    clause = sentence.split(", ", 1)
    if len(clause) == 2 and _action(clause[1]):
        return False  # "Because X may be wrong, select Config ...": an action after all
    if _observed_if(sentence):
        return True  # "If X, you will receive error messages ...": what the reader sees
    if _CONDITION_RE.match(sentence) or re.match(r"(?:if|when|unless)\b", sentence, re.I):
        return False  # "If X, Y happens": a case, left where it is
    return bool(_SUBJECT_RE.match(sentence) and _ANY_FINITE_RE.search(sentence))


#: The registry warning's sentences ("Use Registry Editor at your own risk."): a warning
#: glued to the step after it, never the action.
_RISK_RE = re.compile(r"\bat your own risk\b|^microsoft cannot guarantee\b", re.IGNORECASE)


def split_run_on(item: str, offered: bool = False) -> list[str]:
    """`item` as one step per action when its text is a run of sentences mixing actions
    and statements: "When the component has been added, choose Close. The computer will
    go through its rebinding ... Allow the computer to restart." is two steps, the
    statement shown under the first; a "Note: ..." sentence and what follows it is shown
    under the step, not ticked; leading statements before "To X, you can check Y." are
    shown under "To X, check Y.". Two actions with no statement between them stay one
    step (the article's own numbered step, "Click X. Click Y."; an MS KB run of bare
    actions is a tick each later, action_runs.action_run_ticks). With `offered` (an
    outcome with no action at all), what the article offers ("Typically, you can delete
    the files by using the same share.") is a step even with no statement beside it."""
    text, detail = split_detail(item)
    sentences = split_sentences(" ".join(text.split()))
    if len(sentences) < 2:
        told = _offer(sentences[0]) if offered and sentences and not _action(text) else ""
        return [with_detail(told, detail)] if told else [item]
    notes: list[str] = []
    for k, sentence in enumerate(sentences[1:], start=1):
        if _NOTE_RE.match(sentence) or _NOTE_THAT_RE.match(sentence):
            notes, sentences = sentences[k:], sentences[:k]
            break
    kinds = [
        "remark"
        if _RISK_RE.search(s)
        else "action"
        if _action(s)
        else "remark"
        if _remark(s)
        else "other"
        for s in sentences
    ]
    for k, sentence in enumerate(sentences):
        # "The problem is only X. Therefore, you can confirm Y and delete Z.": after a
        # remark, what the reader "can" do is the step
        told = _told_action(sentence) if k and kinds[k - 1] == "remark" else ""
        if told and kinds[k] == "other":
            sentences[k], kinds[k] = told, "action"
    offers = [
        _offer(s) if k == "other" or (k == "action" and _MUST_RE.match(s)) else ""
        for s, k in zip(sentences, kinds, strict=True)
    ]
    mixed = any(k != "action" and not o for k, o in zip(kinds, offers, strict=True))
    if any(offers) and (mixed or offered):
        # a paragraph of statements and offers ("This is by design. If X, you cannot add
        # Y. You can, however, extend Z."): the offers are the steps, the rest is shown
        for k, told in enumerate(offers):
            if told and k and _OTHER_WAY_RE.match(sentences[k]):
                # "Alternatively, you can Y": another way to do the step before, kept in
                # its words with it, asked as a way (ways.split_ways), not a next step
                kinds[k], offers[k] = "action", ""
            elif told:
                sentences[k], kinds[k] = told, "action"
            elif kinds[k] == "other":
                kinds[k] = "remark"
    if "action" not in kinds or ("remark" not in kinds and not notes):
        return [item]
    leading: list[str] = []
    groups: list[tuple[list[str], list[str]]] = []  # (ticked sentences, shown sentences)
    is_offer = [bool(o) for o in offers]
    for sentence, kind, offer in zip(sentences, kinds, is_offer, strict=True):
        if not groups:
            if kind != "remark":
                groups.append(([sentence], []))
            else:
                leading.append(sentence)
        elif kind == "action" and (groups[-1][1] or offer):  # each offer: a step
            groups.append(([sentence], []))  # an action after a remark: a step of its own
        elif kind == "remark" or groups[-1][1]:
            groups[-1][1].append(sentence)
        else:
            groups[-1][0].append(sentence)
    out = []
    for n, (ticked, shown) in enumerate(groups):
        parts = [" ".join(leading)] if leading and n == 0 else []
        parts.append(" ".join(shown))
        if n == len(groups) - 1:
            parts += [" ".join(notes), detail]
        ticked[0] = _told_action(ticked[0]) or ticked[0]  # "you can check" -> "check"
        out.append(with_detail(" ".join(ticked), "\n\n".join(p for p in parts if p.strip())))
    return out


#: "To identify orphaned snapshots, use the ODF CLI tool.": the tool the steps after it
#: use, a heading for them, no step of its own.
_TOOL_LEAD_RE = re.compile(
    r"^to [^,]{3,120},\s*use (?:the|an?) [^.:]{1,60}?\b(?:tool|utility|cli|console|program"
    r"|interface|command-line)\.?$",
    re.IGNORECASE,
)


#: "Investigate the following to diagnose ...:", "To determine X, do the following:": a
#: general verb whose object is what follows (not "Install MDAC, which can be obtained
#: from the following location:", an action of its own).
_HEADING_LEAD_RE = re.compile(
    r"^(?:to [^,]{3,120},\s*)?(?:(?:do|investigate|check|perform|complete|follow|try|use|review"
    r"|verify|examine|consider|note)\b[^:]{0,60}?\b(?:the following|these|below|as follows)\b"
    r"|(?:investigate|troubleshoot|diagnose)\b)",
    re.IGNORECASE,
)
#: Longest colon-ended step read as a heading of the steps after it ("Verify the
#: ObjectBucketClaim status:", "Check the collector service:").
MAX_HEADING_WORDS = 6


def _colon_lead(text: str, detail: str) -> bool:
    """ "Investigate the following to diagnose why ...:", "Verify the claim status:": an
    imperative that ends in a colon with nothing under it heads the steps after it (its
    condition, "If the log shows X:", is asked elsewhere and left as it is)."""
    flat = " ".join(text.split())
    if not _colon_end(flat, detail) or len(split_sentences(flat)) > 1:
        return False  # "Create a DSN. Configure the following settings:": actions of its own
    return bool(_HEADING_LEAD_RE.match(flat)) or len(flat.split()) <= MAX_HEADING_WORDS


def _colon_end(text: str, detail: str) -> bool:
    """A step ending in a colon with nothing under it, not a case ("If the log shows X:")."""
    flat = " ".join(text.split())
    if detail.strip() or not flat.endswith(":"):
        return False
    return not (
        _CONDITION_RE.match(flat) or re.match(r"(?:if|when|unless|otherwise)\b", flat, re.I)
    )


#: A token only a command line holds: a path, a switch, an assignment, a placeholder.
_COMMAND_TOKEN_RE = re.compile(r"(?:\S[\\/]\S|\s/[a-z?]\b|\S=\S|<[^>]+>|\s--?[a-z])", re.I)


def _command_line(text: str) -> bool:
    """ "EXPAND A:\\COMM.DR_ C:\\WINDOWS\\SYSTEM\\COMM.DRV", "dir mouse.ini /s": a line to
    type, not a sentence (no full stop at its end, a path, switch or assignment in it)."""
    flat = " ".join(text.split())
    if not flat or flat.endswith((".", ":", "?")) or len(flat.split()) > 12:
        return False
    return bool(_COMMAND_TOKEN_RE.search(flat))


#: "The complete message entry in event log resembles the following one:", "If the service
#: times out, you receive the following error message:": what the reader sees, shown over
#: a sample message, log entry or output.
_SEEN_RE = re.compile(
    r"\b(?:receive|see|get|notice|encounter|contains?|shows?|displays?|resembles?|looks? like"
    r"|includes?|logged|displayed|shown|reported|recorded|appears?|returns?|generated)\b"
    r"[^:]{0,80}\b(?:the following|similar to|like this|as follows)\b[^:]{0,60}:$"
    r"|^[^:]{3,80}\b(?:messages?|errors?|entries|events?)\s+(?:are|is)\s+(?:listed|shown|given)"
    r"\s+below:$",
    re.IGNORECASE,
)


@lru_cache(maxsize=512)  # pure: asked again and again per text
def _seen_lead(text: str) -> bool:
    """A sentence that says what the reader will see (an error message, an event-log entry,
    an alert's sample), the sample under it: no action to tick, shown with the steps it
    leads to."""
    flat = " ".join(text.split())
    bare = _CONDITION_RE.sub("", flat, count=1)
    # both branches end ":$" (no newline is left in `bare`): the colon is tested first
    if not bare.endswith(":") or not _SEEN_RE.search(bare) or _TOLD_RE.search(bare):
        return False
    return not (_action(bare) or _listed_action(bare))


def _announces(text: str, detail: str) -> bool:
    """An announcement of the steps after it ("Follow these steps, in the order given.")
    whose detail is only prose about them, no command or list of its own to show."""
    flat = " ".join(text.split())
    if not (_ANNOUNCE_RE.match(flat) or _LEAD_ONLY_RE.match(flat)):
        return False
    return "\n" not in detail.strip() and all(_remark(s) for s in split_sentences(detail))


def _lead_of(text: str) -> str:
    """The rest of an item after its leading statements ("X depends on Y. Check Z." ->
    "Check Z."), or "" when no later sentence is an action."""
    sentences = split_sentences(" ".join(text.split()))
    for n, sentence in enumerate(sentences):
        if not _statement(sentence):
            return " ".join(sentences[n:]) if n and _action(sentence) else ""
    return ""


@lru_cache(maxsize=512)  # pure: asked again and again per text
def _listed_action(text: str) -> bool:
    """An action also after a list marker or a place ("At a command prompt, run ...")."""
    bare = _MARKER_RE.sub("", " ".join(text.split()), count=1)
    return _action(bare) or _action(_PLACE_RE.sub("", bare, count=1))


def fold_lists(items: list[str]) -> list[str]:
    """`items` with the choices of a list lead-in shown under it: "Set X to one of the
    following modes:" then "Table or view - fast load", "SQL command" is one step whose
    detail lists the modes, not four ticks (nor ticks for the conditions after "when the
    following conditions are true:"). Items that are actions end the list."""
    out: list[str] = []
    n = 0
    while n < len(items):
        text, detail = split_detail(items[n])
        flat = " ".join(text.split())
        listed: list[str] = []
        lead = (flat.endswith(":") and _LIST_LEAD_RE.match(flat)) or (  # ":$" ends it
            flat.endswith(":") and _listed_action(flat) and not _CONDITION_RE.match(flat)
        )
        if not detail.strip() and lead:
            k = n + 1
            while k < len(items):
                item, more = split_detail(items[k])
                words = item.split()
                if more.strip() or not words or len(words) > MAX_CHOICE_WORDS:
                    break
                if _listed_action(item) or item.rstrip().endswith(":"):
                    break
                listed.append(f"- {' '.join(words)}")
                k += 1
        if listed:
            out.append(with_detail(text, "\n".join(listed)))
            n += 1 + len(listed)
            continue
        out.append(items[n])
        n += 1
    return out


#: Longest bullet kept as one of a lead's listed names ("Connect SQL", "View server state").
MAX_BULLET_WORDS = 6
#: A step said without its full stop ("Click OK"), never a listed name.
_UI_STEP_RE = re.compile(
    r"^(?:click|select|press|type|run|open|close|restart|reboot|choose|tap|enter|go|sign"
    r"|log|wait|save|exit|start|stop|install|uninstall|delete|remove|copy|paste)\b",
    re.IGNORECASE,
)


def _bullet_name(text: str) -> bool:
    """ "Connect SQL", "View server state": a short name (a permission, a setting) with no
    full stop, one line of a list under a lead, not a step of its own."""
    flat = " ".join(text.split())
    words = flat.split()
    if not words or len(words) > MAX_BULLET_WORDS or flat.endswith((".", ":", "?", "!")):
        return False
    return not (_UI_STEP_RE.match(flat) or _command_line(flat))


def fold_bullets(items: list[str]) -> list[str]:
    """`items` with a lead's flattened bullets put back under it: "Grant the account the
    following permissions:" holding "- ALTER any availability group", then "Connect SQL"
    and "View server state" as items of their own, is one step listing the three (a note
    under the last name is shown after the list)."""
    out: list[str] = []
    for n, item in enumerate(items):
        text, detail = split_detail(item)
        if out:
            lead, listed = split_detail(out[-1])
            lines = [line for line in listed.split("\n") if line.strip()]
            bullets = bool(lines) and all(
                line.startswith("- ") and _bullet_name(line[2:]) for line in lines
            )
            if not lines and n + 1 < len(items):
                # "For each service, click Restart:" then "Contoso Event System",
                # "Contoso Writer": a list read as items of its own (two names at least)
                bullets = not detail and _bullet_name(split_detail(items[n + 1])[0])
            if " ".join(lead.split()).endswith(":") and bullets and _bullet_name(text):
                names = "\n".join([*lines, f"- {' '.join(text.split())}"])
                out[-1] = with_detail(lead, f"{names}\n\n{detail}" if detail else names)
                continue
        out.append(item)
    return out


#: "Right-click the following services one at a time.": names a list it does not hold.
_FOLLOWING_NOUN_RE = re.compile(r"\bthe following (?:\w+ )?\w+s\b", re.IGNORECASE)


def list_with_its_lead(items: list[str]) -> list[str]:
    """ "Right-click the following services one at a time. For each service, click
    Restart:" over the services, read as two steps (the list under the second): one step,
    so the list stays under the sentence that names it."""
    out: list[str] = []
    for item in items:
        after, listed = split_detail(item)
        lines = [line for line in listed.split("\n") if line.strip()]
        if out and len(lines) >= 2 and all(line.startswith("- ") for line in lines):
            text, detail = split_detail(out[-1])
            if (
                not detail
                and text.rstrip().endswith(".")
                and _FOLLOWING_NOUN_RE.search(text)
                and not re.match(r"(?:if|when)\b", after, re.IGNORECASE)
            ):
                out[-1] = with_detail(f"{text.rstrip()} {after.lstrip()}", listed)
                continue
        out.append(item)
    return out


#: "For more information about X, see Y.": where to read more, after a step's action.
_READ_MORE_SENTENCE_RE = re.compile(
    r"^(?:for (?:more|further|additional) (?:information|details|info)\b|for details\b|"
    r"to learn more\b|see also\b)",
    re.IGNORECASE,
)


#: "This is done with a registry setting.", "This can be done with the following steps:":
#: how the goal before it is reached is the steps after it (not "This is done by
#: typing X", a how of its own).
_DONE_HOW_RE = re.compile(
    r"^(?:this|that|it) (?:is|can be|may be|will be|must be|should be) (?:done|accomplished"
    r"|achieved|performed|carried out) (?:with|through|using|via|in|from)\b"
    r"(?![^.:]*\bby [a-z]+ing\b)[^.:]{0,100}[.:]?$",
    re.IGNORECASE,
)


#: A step that looks for something in a log ("In the log entries ..., find the following
#: error messages:", "Check the Application log for ..."): a sample entry after it is its.
_LOOKS_IN_LOG_RE = re.compile(
    r"\b(?:find|look for|search|locate|check|review|examine|open)\b.{0,80}?\b(?:logs?|event"
    r" viewer|entries|entry)\b|\blog entries\b.{0,80}\b(?:find|look for|search)\b",
    re.IGNORECASE,
)


def read_more_shown(item: str) -> str:
    """A step whose action is followed by "For more information about X, see Y (link)."
    ticks the action; the pointer is shown under it (it is no second thing to do)."""
    text, detail = split_detail(item)
    sentences = split_sentences(" ".join(text.split()))
    at = next((k for k, s in enumerate(sentences) if k and _READ_MORE_SENTENCE_RE.match(s)), 0)
    if not at or not _action(sentences[0]):
        return item
    shown = " ".join(sentences[at:])
    return with_detail(" ".join(sentences[:at]), f"{shown}\n\n{detail}" if detail else shown)


_IF_WHEN_OPEN_RE = re.compile(r"(?:if|when|unless)\b", re.IGNORECASE)


def _goal_lead(text: str, detail: str) -> bool:
    """ "Disable dialog boxes from ever being displayed." with "This is done with a
    registry setting." under it, over the steps that do it: a goal that heads them, no
    step of its own."""
    flat = " ".join(text.split())
    if _IF_WHEN_OPEN_RE.match(flat):
        return False  # "If expansion is allowed, edit X. This can be done ...": a case
    first = " ".join(detail.strip().split("\n\n")[0].split()) if detail.strip() else ""
    said = split_sentences(flat)
    how = said[-1] if len(said) > 1 else first
    return len(said) <= 2 and bool(_DONE_HOW_RE.match(how))


#: "<network_number>": a placeholder an input is asked for, quoting the step it is in.
_PLACEHOLDER_RE = re.compile(r"<[A-Za-z][\w .:-]{0,40}>")
#: The one step of an outcome the article gives only as information.
INFO_STEP = "Tell the user what the article says here; it gives no steps to follow:"
#: Its verify: nothing in the article changes the problem, so nothing is said to go away.
INFO_CHECK = (
    "Check with the user that this answers what they asked; the article gives information "
    "here, not a fix, so do not expect the problem to go away."
)


def info_only(items: list[str]) -> list[str]:
    """An MS KB outcome of statements and notes only ("This behavior is by design.", "RPC
    runtime will now retry three times ..."): one honest step, telling the user, with what
    the article says shown under it, never statements ticked as if they were fixes. Other
    outcomes (a lead-in over a command, an example) come back unchanged. (A runbook's
    "Mitigation depends on the error ..." stays as written: its reader is the operator.)"""
    kinds = [step_kind(split_detail(i)[0]) for i in items]
    if not items or any(k not in ("statement", "note") for k in kinds):
        return items
    told = [as_instruction(i) for i in items]  # "The application should set ...": a step
    if len(items) == 1 and told == items:
        from kbassist.drafting.added_in import added_in

        if added_in(items[0]):  # "This functionality has been added on X": said_as's
            return items
    if told != items:
        return told
    if any(_PLACEHOLDER_RE.search(i) for i in items):
        return items  # "... in the format <network>.<node>": asked from its own words
    said = "\n\n".join("\n".join(p for p in split_detail(i) if p.strip()) for i in items)
    return [with_detail(INFO_STEP, said)]


def refers_only(item: str) -> bool:
    """ "For mitigation strategies and solutions, refer to:" with only its links under it:
    where to read more, shown under the step before, never a tick of its own."""
    text, detail = split_detail(item)
    if not _REFER_LEAD_RE.match(" ".join(text.split())):
        return False
    lines = [line for line in detail.split("\n") if line.strip()]
    return bool(lines) and lines[0].startswith(("Link:", "Links:", "See:"))


def quote_as_note(item: str) -> str:
    """A raw blockquote item ("> Before you create a new image ... > - %Windir%\\Panther")
    as the note it is ("Note: Before you create ..."), its Markdown markers gone."""
    text, detail = split_detail(item)
    said = raw_quote(text)
    if not said:
        return item
    return with_detail(f"Note: {said}" if not _NOTE_RE.match(said) else said, detail)


#: "For mitigation strategies and solutions, refer to:": what the pages are for.
_FOR_REFER_RE = re.compile(
    r"^for\s+(?P<what>[^,:]{3,120}),\s*(?:please\s+)?(?:refer\s+to|see|consult|read)\b[^:]{0,80}:$",
    re.IGNORECASE,
)


def as_reading(item: str) -> str:
    """A pointer over links left with no step to be shown under (the part says only
    "For mitigation strategies and solutions, refer to:" and its links): reading them is
    the step, said as one ("Read the pages below for mitigation strategies and
    solutions.")."""
    if not refers_only(item):
        return item
    text, detail = split_detail(item)
    flat = " ".join(text.split())
    found = _FOR_REFER_RE.match(flat)
    said = (
        f"Read the pages below for {found.group('what').strip()}."
        if found
        else f"{flat[:-1].rstrip()}."
    )
    return with_detail(said, detail)


#: A line of code, not prose: brackets, pipes, assignments, paths, switches, a script.
_CODE_LINE_RE = re.compile(r"[(){}\[\]|=$\\<>]|\.ps1\b|(?:^|\s)--?[a-z]|^\S+$", re.IGNORECASE)
#: Longest label read as the name of the listing under it ("Cluster scoped:").
MAX_LISTING_LABEL_WORDS = 5


def labelled_listing(item: str) -> str:
    """A label over a listing ("Cluster scoped:" over a query, "RDP Client:" over a
    script, "To override:" over a command) said as the step it is ("Cluster scoped: run
    the following:", "To override, run the following:"): a heading ticked does nothing."""
    text, detail = split_detail(item)
    flat = " ".join(text.split())
    first = next((line.strip() for line in detail.split("\n") if line.strip()), "")
    if (
        not flat.endswith(":")
        or ":" in flat[:-1]  # "Step 2: Inspect Node Events:": a step's own name
        or not flat[:1].isupper()  # "to:" between a line's old and new text
        # "Count the failed pods:": a verb and its object, the step itself
        or re.match(
            r"\S+\s+(?:the|a|an|this|these|that|those|your|all|each|every|any|its)\b", flat, re.I
        )
        or len(flat.split()) > MAX_LISTING_LABEL_WORDS
        or not first
        or not _CODE_LINE_RE.search(first)
        or re.match(r"(?:if|when|whenever|unless|once|after|before|and|then|or)\b", flat, re.I)
        or _action(flat[:-1])
        or step_kind(flat) == "note"
    ):
        return item
    if re.match(r"to\s", flat, re.IGNORECASE):
        return with_detail(f"{flat[:-1]}, run the following:", detail)
    return with_detail(f"{flat} run the following:", detail)


def final_steps(
    items: list[str], checks: list[str], results: bool = True
) -> tuple[list[str], list[str]]:
    """(items, checks) with only actions ticked (see _final_steps); a pointer over links
    still ticked at the end (no step to show it under) is said as the reading it asks,
    a label over a listing as the running of it."""
    items, checks = _final_steps(items, checks, results)
    return [duty_said(labelled_listing(as_reading(i))) for i in items], checks


def _kinds(items: list[str]) -> list[str]:
    """Each item's step_kind; a pointer over its links only is a statement (shown)."""
    return ["statement" if refers_only(i) else step_kind(split_detail(i)[0]) for i in items]


def _final_steps(
    items: list[str], checks: list[str], results: bool = True
) -> tuple[list[str], list[str]]:
    """(items, checks) with only actions ticked: lead-ins joined to the step they announce,
    notes, examples and statements shown under a step, a result sentence the verify when
    `checks` is empty (with `results`: a Diagnosis has no verify). An outcome whose every
    item is a statement keeps them (the honest "nothing to do" case, said elsewhere)."""
    items = [piece for item in fold_bullets(fold_lists(items)) for piece in split_run_on(item)]
    items = list_with_its_lead(items)
    items = [read_more_shown(item) for item in items]
    # a question the article asks itself or a quote left in its Markdown is never a tick,
    # whatever the step before it is (a place first: "At the very top check ...")
    quoted = {step_text(quote_as_note(i)) for i in items if raw_quote(step_text(i))}
    items = [quote_as_note(item) for item in items]
    kinds = _kinds(items)
    # "ADMIN.NME" after "Restore from backup.": listed under it, not a tick (never under
    # an item that is an action only by default, a flattened row of names)
    acts = [
        k == "action" and _listed_action(split_detail(i)[0])
        for k, i in zip(kinds, items, strict=True)
    ]
    listed = names_listed(items, acts)
    if len(listed) != len(items):
        items, kinds = listed, _kinds(listed)
    if "action" not in kinds:
        # nothing but statements: what they offer to do ("you can typically use that same
        # program to delete the files") is the fix
        offered = [piece for item in items for piece in split_run_on(item, offered=True)]
        if offered != items:
            items = offered
            kinds = _kinds(items)
    n = 0
    while n < len(items) - 1:
        text, detail = split_detail(items[n])
        after, more = split_detail(items[n + 1])
        if kinds[n] == "action" and _colon_end(text, detail) and _command_line(after):
            # "Reinstall X by typing the following:" over "EXPAND A:\X.DR_ C:\X.DRV": one
            # step, its command shown under it to copy
            items[n] = with_detail(text, "\n\n".join(p for p in (after, more) if p))
            del items[n + 1], kinds[n + 1]
        elif kinds[n] in ("action", "lead-in") and _seen_lead(text):
            kinds[n] = "seen"  # the message the steps after it are for, shown with them
        elif kinds[n] == "action" and _listed_action(after):
            flat = " ".join(text.split())
            if _colon_lead(text, detail) or (_TOOL_LEAD_RE.match(flat) and not detail):
                kinds[n] = "lead-in"  # shown with the step it heads, not ticked
            elif _goal_lead(text, detail):
                kinds[n] = "goal"  # "Disable X. This is done with a registry setting."
        n += 1
    if "action" not in kinds:
        return items, checks
    checks = list(checks)
    never = [_question(step_text(i)) or step_text(i) in quoted or refers_only(i) for i in items]
    out: list[str] = []
    pending: list[str] = []  # shown under the next action
    prefix = ""
    for n, item in enumerate(items):
        text, detail = split_detail(item)
        kind = kinds[n]
        # the step a lead-in announces: an action by its words, not only "not a statement"
        nxt = n + 1 < len(items) and _listed_action(split_detail(items[n + 1])[0])
        if kind == "lead-in" and detail and nxt and step_kind(detail.split("\n")[0]) == "note":
            # "To add this value:" holding a WARNING read before it: the warning is shown
            # under the first action, the lead-in names it (also after a backup step)
            pending.append(detail)
            detail = ""
        if kind == "action":
            rest = _lead_of(text)
            flat = " ".join(text.split())
            if rest and flat.endswith(rest):
                # "The mitigation depends on X. Check Y first.": Y is the step, X its detail
                pending.append(flat[: len(flat) - len(rest)].strip())
                text = rest
            if prefix:
                text, prefix = f"{prefix} {text}", ""
            if pending:
                detail = "\n\n".join([*pending, detail]) if detail else "\n\n".join(pending)
                pending = []
            out.append(with_detail(text, detail))
            continue
        if kind == "lead-in" and not detail and nxt:
            # what it announces comes next: a bare announcement is dropped, a short lead-in
            # says which step, a longer one is shown under it
            if _PURPOSE_ANNOUNCE_RE.match(text):
                pending.append(text)  # what the steps are for: said under the first
                continue
            if _ANNOUNCE_RE.match(text) or _LEAD_ONLY_RE.match(text):
                continue
            case_next = re.match(r"(?:if|when)\b", split_detail(items[n + 1])[0], re.I)
            if len(text) <= MAX_PREFIX_CHARS and not case_next:
                # not before "If X, stop it": that case is asked, the prefix would hide it
                prefix = text
            else:
                pending.append(text)
            continue
        if kind == "lead-in" and detail and nxt and _announces(text, detail):
            # "Follow these steps, in the order given." with "These steps will help you
            # determine the cause." under it: both shown with the first step, not ticked
            pending.append(f"{text}\n{detail}")
            continue
        if kind == "lead-in" and detail and not _EXAMPLE_RE.match(text):
            out.append(item)  # "Namespace scoped:" over its query: a step labelled by it
            continue
        if kind == "goal":  # what the steps after it achieve: shown with the first of them
            pending.append("\n\n".join(p for p in (text, detail) if p))
            continue
        if kind == "seen":
            said = "\n".join(p for p in (text, detail) if p)
            k = next((k for k in range(n + 1, len(items)) if kinds[k] == "action"), None)
            if out and _LOOKS_IN_LOG_RE.search(split_detail(out[-1])[0]):
                # "In the log entries ..., find the following error messages:" then "The
                # complete entry resembles ...": what that step finds, shown with it (not
                # under the next step, which may be one case's only)
                out[-1] = with_detail(out[-1], said)
            elif k is not None and kinds[k] == "action" and _action(split_detail(items[k])[0]):
                pending.append(said)  # "You receive this error:" over the fix for it
            elif out and _action(split_detail(out[-1])[0]):
                out[-1] = with_detail(out[-1], said)
            else:
                out.append(item)
            continue
        result = results and not checks and (_RESULT_RE.search(text) or result_sentence(text))
        if kind == "statement" and result and not detail:
            checks.append(text)  # the article's own result: the verify
            continue
        said = "\n".join(p for p in (text, detail) if p)
        if out and (_action(split_detail(out[-1])[0]) or never[n]):
            out[-1] = with_detail(out[-1], said)
        elif not out and (
            nxt or (kind == "note" and any(_action(split_detail(i)[0]) for i in items[n + 1 :]))
        ):
            pending.append(said)  # a warning first: shown under the first action after it
        else:
            out.append(item)  # a list of conditions or findings: no action to show it under
    if pending:  # statements after no action at all cannot happen (an action exists)
        out[-1] = with_detail(out[-1], "\n\n".join(pending))
    return out, checks


def announce_only(items: list[str]) -> bool:
    """An outcome whose every item only announces steps that are not in it ("Use the
    following method." with a NOTE under it, the methods drafted as fixes of their own):
    no fix to offer."""
    texts = [" ".join(split_detail(i)[0].split()) for i in items]
    return bool(texts) and all(_ANNOUNCE_RE.match(t) for t in texts)
