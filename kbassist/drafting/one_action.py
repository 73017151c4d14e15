"""Archive checklist ticks that are not one action (issue 13, "steps that are steps";
round 14, the seed-50 readers' notes).

An MS KB fix section says more than its steps, and what earlier passes leave as its own
item is ticked unless it is read for what it is:

- a step that ends in a colon over a flattened value table ("add the following Registry
  parameter and set to 0:" over "ArpAlwaysSourceRoute Key: HKEY_... Value Type:
  REG_DWORD ... Default: 0"): one step, the table its detail;
- "Example:" with nothing of its own: shown under the step it illustrates;
- an explanation ("When you set this parameter to 1, you force TCP/IP to ...", "At this
  point, each X should have ...", "Other causes of this error message include file
  permissions.", "With the LangPack installed, users can ..."), a note ("Note the INHERIT
  entry in the permissions. This is ..."), or a pointer to documentation ("For
  instructions about how to X, please see the printed documentation provided with the
  program."): shown under the step before, never ticked;
- an announcement ("Now that you have determined X, you can use the following steps to
  delete Y."): shown with the step it announces;
- two actions in one tick, the second said after the first is done ("Reapply Service
  Pack 2. When you are done, delete the parallel installation."): two steps.

Anything that may still tell the reader to act ("you must", "you can", "please",
"make sure") stays ticked: an action hidden as a note is worse than a note ticked.
"""

from __future__ import annotations

import itertools
import re

from kbassist.drafting.non_steps import result_sentence
from kbassist.drafting.steps import _RESULT_RE, _action, _remark
from kbassist.drafting.text import split_detail, split_sentences, with_detail

#: Words that tell the reader to act, anywhere in a sentence.
_TELLS_RE = re.compile(
    r"\b(?:you|we|an?\s+administrator|the\s+administrator)\s+(?:\w+\s+)?(?:can|could|should"
    r"|must|need|have\s+to|may\s+want|might\s+want|will\s+need|will\s+have)\b|\bplease\b"
    r"|\b(?:make|be)\s+sure\b|\bensure\b|\bremember\s+to\b|\bdo\s+not\b|\bdon't\b|\bnever\b"
    r"|\b(?:should|must|needs?\s+to|has\s+to|have\s+to)\s+be\s+\w+ed\b"
    r"|\b(?:is|are)\s+(?:recommended|required|necessary)\b|\bit\s+is\s+(?:best|advisable"
    r"|possible|necessary|recommended)\b|\bmust\b|\bshould\s+(?!(?:now\s+|then\s+|also\s+)?"
    r"(?:be|have|work|appear|see|display|show|contain|look|read|match|list)\b)",
    re.IGNORECASE,
)
#: Openers of a sentence that explains what is or what a step did.
_EXPLAINS_RE = re.compile(
    r"^(?:by\s+default|at\s+this\s+point|in\s+this\s+case|as\s+a\s+result|otherwise,\s+the"
    r"|with\s+[^,]{3,80}\s+(?:installed|enabled|disabled|in\s+place|applied|set|running),"
    r"|this\s+(?:step|will|is|means|setting|option|change|value|parameter|entry|procedure"
    r"|allows|causes|creates|ensures|prevents|forces)\b"
    r"|(?:other|additional|another|possible)\s+(?:causes?|reasons?|sources?)\s+(?:of|for)\b"
    r"|(?:after|once|when)\s+(?:applying|installing|adding|setting|you\s+\w+)\b[^,]{0,120},"
    r"\s*(?:(?:you|it|this|that|the|a|an|all|each|[a-z]+ing)\b))",
    re.IGNORECASE,
)
#: A finite verb: the sentence says what is.
_FINITE_RE = re.compile(
    r"\b(?:is|are|was|were|will|would|can|could|may|might|has|have|had|does|did|include"
    r"|includes|causes?|creates?|allows?|forces?|sets?|assigns?|deletes?|transmits?"
    r"|retries|retry|sends?|uses?|means?|prevents?|ensures?|contains?|appears?|occurs?"
    r"|force|should|must)\b",
    re.IGNORECASE,
)
#: "Note the INHERIT entry in the permissions.": what to look at in what was shown.
_NOTE_LEAD_RE = re.compile(r"^(?:(?:important|please)\s+)?note(?:\s+that\b|\s*:)", re.IGNORECASE)
_NOTE_THE_RE = re.compile(r"^note\s+(?:the|how|where|which|in)\b", re.IGNORECASE)
#: "For instructions about how to X, please see the printed documentation provided with
#: the program.": a pointer to documentation the reader has, not a step of this fix.
_DOC_POINTER_RE = re.compile(
    r"^for\s+(?:more\s+|further\s+|additional\s+|complete\s+)?(?:instructions|information"
    r"|details|help)\b[^,]{0,200},\s*(?:please\s+)?(?:see|refer\s+to|consult|read|check)"
    r"\s+(?:the\s+|your\s+)?(?:\w+\s+){0,3}(?:documentation|manual|guide|help\b|online\s+help"
    r"|user'?s?\s+guide|readme)",
    re.IGNORECASE,
)
#: "Now that you have determined X, you can use the following steps to Y.": announces
#: the steps after it (never a case, "If X, follow these steps:", which is asked).
_ANNOUNCES_RE = re.compile(
    r"^(?:(?:now\s+that|once|after|since|having)\b[^,]{3,200},\s*)?(?:you\s+(?:can|may|should"
    r"|will|must)\s+(?:now\s+)?)?(?:use|follow|perform|complete|do)\s+(?:the\s+following|these)"
    r"\s+(?:steps|procedures?|instructions)\b[^.:]*\.$",
    re.IGNORECASE,
)
#: "Example:" alone: what follows it illustrates the step before.
_EXAMPLE_ONLY_RE = re.compile(r"^(?:for\s+)?(?:example|sample)s?\s*:?$", re.IGNORECASE)
#: "For example, \\\\server\\share.": an instance of the step before, no sentence.
_FOR_INSTANCE_RE = re.compile(r"^for\s+(?:example|instance)\s*[,:]\s*(?P<rest>.+)$", re.I)
#: "Name: value" pairs of a flattened table ("Key: HKEY_... Value Type: REG_DWORD").
_PAIR_RE = re.compile(r"(?:^|\s)[A-Z][A-Za-z]*(?: [A-Z]?[a-z]+){0,2}:\s+\S")
#: The second action said after the first is done.
_AFTER_DONE_RE = re.compile(
    r"^(?:when\s+you\s+(?:are|have)\s+(?:done|finished)|when\s+(?:this|that|it)\s+is\s+"
    r"(?:done|complete|completed|finished)|after\s+(?:that|this|you\s+(?:are\s+done|have\s+"
    r"done\s+this|do\s+this|finish))|afterwards?|next|then|finally),?\s+",
    re.IGNORECASE,
)


_PURPOSE_HEAD_RE = re.compile(r"(?:to|in\s+order\s+to)\b", re.IGNORECASE)


def _acts(text: str) -> bool:
    """An action, also after its purpose ("In order to configure X, add the following
    Registry parameter and set to 0:")."""
    flat = " ".join(text.split())
    if _action(flat):
        return True
    place = _PLACE_RE.match(flat)
    if place and _action(place["rest"][0].upper() + place["rest"][1:]):
        return True
    head, sep, rest = flat.partition(", ")
    purpose = _PURPOSE_HEAD_RE.match(head)
    return bool(sep and purpose and rest and _action(rest[0].upper() + rest[1:]))


def _tells(text: str) -> bool:
    """The text may tell the reader to act: kept a tick."""
    return bool(_TELLS_RE.search(text))


def _explains(sentence: str) -> bool:
    """A sentence that says what is or what a step did, asking nothing of the reader."""
    if _action(sentence) or sentence.endswith((":", "?")) or _tells(sentence):
        return False
    if _WORKS_RE.search(sentence):
        return False  # the fix said as its result: left for the passes that read it
    clause = sentence.split(", ", 1)
    if len(clause) == 2 and _action(clause[1]):
        return False  # "When you are done, delete X": an action after its lead
    if _EXPLAINS_RE.match(sentence):
        return bool(_FINITE_RE.search(sentence))
    return _remark(sentence)


def shown_kind(text: str) -> str:
    """'note', 'pointer', 'statement' or 'example' for an item shown, not ticked;
    '' for a tick (an action, or anything that may be one)."""
    flat = " ".join(text.split())
    if not flat:
        return ""
    if _EXAMPLE_ONLY_RE.match(flat):
        return "example"
    instance = _FOR_INSTANCE_RE.match(flat)
    said = instance["rest"] if instance else ""
    if instance and not _action(said[0].upper() + said[1:]) and not _FINITE_RE.search(said):
        return "example"  # "For example, C:\\Logon.bat.": what the step names, not a step
    if _DOC_POINTER_RE.match(flat) and len(split_sentences(flat)) == 1:
        return "pointer"
    sentences = split_sentences(flat)
    if (
        _NOTE_THE_RE.match(flat)
        and len(sentences) > 1
        and not re.search(r",?\s+and\s+(?:then\s+)?[a-z]+\b", sentences[0])
        and all(not _tells(s) for s in sentences)
        and all(_explains(s) for s in sentences[1:])
    ):
        # "Note the X in Y. This is the option that ...": look at what was shown, what it
        # is said after it ("Note the IP address and change X" is an action)
        return "note"
    if result_sentence(flat) or (_RESULT_RE.search(flat) and len(sentences) == 1):
        return ""  # the article's own result: the final pass makes it the verify
    if sentences and flat.endswith(".") and all(_explains(s) for s in sentences):
        return "statement"
    return ""


def _table_block(text: str) -> bool:
    """A flattened value table or listing ("ArpAlwaysSourceRoute Key: HKEY_... Value
    Type: REG_DWORD - Boolean Valid Range: 0,1"): no sentence, no action."""
    flat = " ".join(text.split())
    if not flat or flat.endswith(".") or _action(flat):
        return False
    return len(_PAIR_RE.findall(flat)) >= 2


def _split_done(item: str) -> list[str]:
    """ "Reapply Service Pack 2. When you are done, delete the parallel installation." as
    two steps; any other item as it is."""
    text, detail = split_detail(item)
    sentences = split_sentences(" ".join(text.split()))
    if len(sentences) < 2 or not _action(sentences[0]):
        return [item]
    cuts = [
        k
        for k, s in enumerate(sentences[1:], start=1)
        if _AFTER_DONE_RE.match(s) and _done_action(s)
    ]
    if not cuts:
        return [item]
    bounds = [0, *cuts, len(sentences)]
    steps = [" ".join(sentences[a:b]) for a, b in itertools.pairwise(bounds)]
    return [*steps[:-1], with_detail(steps[-1], detail)]


#: "If a custom recipient exists for that user, the Migration Wizard assigns ...": what
#: the program does in a case, nothing asked of the reader.
_IF_DOES_RE = re.compile(
    r"^(?i:if|when)\b[^,]{3,160},\s*(?:(?i:the|this|that|its)\s+\w|it\s+[a-z]|[A-Z][\w-]*\s+[a-z])"
)
#: A main clause that says the problem goes away: a fix said as its result ("When you
#: use Service Pack 4, the events work with ADO 2.1"), never only shown.
_WORKS_RE = re.compile(
    r"\b(?:works?|worked|no\s+longer|resolved|fixed|corrected|succeeds?|correctly|properly)\b",
    re.IGNORECASE,
)
#: "In the Confirm Item Delete window choose YES": where, then the action.
_PLACE_RE = re.compile(
    r"^(?:in|on|from|under|at)\s+the\s+[^,]{1,80}?\s+(?:window|box|menu|tab|dialog\s+box"
    r"|pane|list|screen|field|folder)\s*,?\s+(?P<rest>\w.*)$",
    re.IGNORECASE,
)


def _explanation(sentence: str) -> bool:
    """A sentence after a step's action that explains it: shown, not ticked."""
    if _explains(sentence):
        return True
    if not _IF_DOES_RE.match(sentence) or _tells(sentence) or sentence.endswith((":", "?")):
        return False
    main = sentence.split(", ", 1)[1]
    return not _action(main[0].upper() + main[1:]) and bool(_FINITE_RE.search(main))


def _trailing_explained(item: str) -> str:
    """ "Run X. This step creates Y. If Z, the wizard assigns W." as the tick "Run X." with
    what the sentences after it explain shown under it."""
    text, detail = split_detail(item)
    sentences = split_sentences(" ".join(text.split()))
    k = len(sentences)
    while k > 1 and (_explanation(sentences[k - 1]) or _NOTE_LEAD_RE.match(sentences[k - 1])):
        k -= 1  # a "Note that X." before them is shown with them (the final pass shows it)
    if k == len(sentences) or ":" in sentences[0] or not _acts(sentences[0]):
        return item  # "Check whether this applies: X. Y.": the whole of it is the check
    if any(_tells(s) for s in sentences[:k]):
        return item  # "you must X" before them: the final pass says it as the step
    said = " ".join(sentences[k:])
    return with_detail(" ".join(sentences[:k]), f"{said}\n\n{detail}" if detail else said)


#: "you can safely", "you": the reader named before the verb of a next action.
_YOU_RE = re.compile(
    r"^you\s+(?:(?:can|should|must|may|need\s+to|will\s+need\s+to)\s+)?(?:(?:also|now|safely"
    r"|then)\s+)?",
    re.IGNORECASE,
)


def _done_action(sentence: str) -> bool:
    """The sentence after "When you are done," / "Then" is itself an action ("Then you
    can safely choose Save As" too)."""
    rest = _YOU_RE.sub("", _AFTER_DONE_RE.sub("", sentence, count=1), count=1)
    return bool(rest) and bool(_action(rest[0].upper() + rest[1:]))


def _statements_lead(item: str) -> str:
    """ "By default, X is set to 50. To change this setting, edit Y." as the tick "To
    change this setting, edit Y." with what it says first shown under it; never a case
    ("If X, ...", asked elsewhere) nor a sentence that may tell the reader to act."""
    text, detail = split_detail(item)
    sentences = split_sentences(" ".join(text.split()))
    j = 0
    while j < len(sentences) - 1 and not _CASE_RE.match(sentences[j]) and _explains(sentences[j]):
        j += 1
    if not j or not _acts(sentences[j]) or _CASE_RE.match(sentences[j]) or _tells(sentences[j]):
        return item  # "Therefore, you should X": the final pass says it as the step
    said = " ".join(sentences[:j])
    return with_detail(" ".join(sentences[j:]), f"{said}\n\n{detail}" if detail else said)


#: A case the drafter asks about: left where it is.
_CASE_RE = re.compile(r"^(?:if|when|unless|in\s+case|for)\b", re.IGNORECASE)


def one_action_ticks(items: list[str]) -> list[str]:
    """`items` with each tick one action: a table under the step that introduces it,
    notes, explanations and pointers shown under the step before, an announcement with
    the step after it, two actions said one after the other as two steps."""
    # statements only (the honest "nothing to do" case, said elsewhere): only a note or
    # an example is read with the listing it is about
    acting = any(_acts(split_detail(item)[0]) for item in items)
    out: list[str] = []
    pending = ""  # an announcement, shown under the next tick
    if acting:
        items = [
            _trailing_explained(_statements_lead(piece))
            for item in items
            for piece in _split_done(item)
        ]
    for item in items:
        text, detail = split_detail(item)
        flat = " ".join(text.split())
        if out:
            last, _ = split_detail(out[-1])
            last_flat = " ".join(last.split())
            if last_flat.endswith(":") and _acts(last_flat) and _table_block(text) and not detail:
                out[-1] = with_detail(out[-1], text.strip())  # the step's own table
                continue
            kind = shown_kind(text)
            if kind in ("note", "example") or (kind and acting and _acts(last_flat)):
                # a note or an example under what it is about, also a listing ("Note the
                # INHERIT entry ..."); a statement under a step, never a list entry
                said = "\n".join(p for p in (text.strip(), detail.strip("\n")) if p)
                out[-1] = with_detail(out[-1], said)
                continue
        if acting and not detail and _ANNOUNCES_RE.match(flat) and len(split_sentences(flat)) == 1:
            pending = flat  # "Now that X, you can use the following steps to Y."
            continue
        if pending:
            item = with_detail(text, f"{pending}\n\n{detail}" if detail else pending)
            pending = ""
        out.append(item)
    if pending:
        out.append(pending)  # announced nothing here: left as it was
    return out
