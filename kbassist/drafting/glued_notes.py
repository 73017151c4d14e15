"""Notes glued onto ticks, lead-ins ticked over their steps, statements ticked (issue 13,
"steps that are steps"; round 15, the seed-52 readers' notes).

What a reader still finds ticked after the earlier passes (`one_action`, `modern_ticks`):

- a note or another tool said after the action, in the same tick: "Capture network
  traffic ... to determine which files the drivers are attempting to locate. You can
  also use Network Monitor to perform a trace.", "Avoid option /LARGEADDRESSAWARE:NO
  while compiling the applications. Note: By default a 64-bit application makes use of
  the Extended Address Space ...", "Ensure that X has full access to the directory ...
  By default, this is the \\Sms\\Logs directory.": the action ticked, the rest shown
  beside it;
- a lead-in ticked over the steps it announces, its list already ticks of their own
  ("Remove the border around the table by doing the following:", "To set up a user for
  Mail 3.0:"): shown with the first of them, the group's title;
- a statement of what exists ("In user mode, there are IpHelper APIs. For example:
  NotifyAddrChange: ..."), "This behavior occurs because ...": shown under the step
  before.

Anything that may still tell the reader to act ("you must", "do not", an imperative in
the note) stays ticked: a real action hidden as a note is worse than a note ticked.
"""

from __future__ import annotations

import re

from kbassist.drafting.one_action import _TELLS_RE, _acts
from kbassist.drafting.option_model import Option
from kbassist.drafting.options import option_label
from kbassist.drafting.steps import _action, _remark, step_kind
from kbassist.drafting.text import split_detail, split_sentences, with_detail
from kbassist.drafting.ways import _SECOND_RE, _two

#: "Note:", "NOTE:", "Note that", "Notes:", "[!Note]": a note opening a sentence.
_NOTE_OPEN_RE = re.compile(r"^(?:\[!)?(?:important\s+)?notes?(?:\]\s*|\s*:\s*|\s+that\s+)", re.I)
#: "You can also use Network Monitor to perform a trace.": another tool for the same step.
_ALSO_USE_RE = re.compile(
    r"^(?:you\s+(?:can|could|may|might)\s+also|alternatively,\s+you\s+(?:can|could|may))\s+"
    r"use\s+\S",
    re.IGNORECASE,
)
#: "By default, this is the \\Sms\\Logs directory.", "This behavior occurs because ...":
#: what is, said after the action.
_FACT_OPEN_RE = re.compile(
    r"^(?:by\s+default\b|this\s+(?:behaviou?r|issue|problem|error)\s+occurs\b"
    r"|(?:in\s+[^,]{3,60},\s*)?there\s+(?:is|are)\s+(?!no\b))",
    re.IGNORECASE,
)
#: What a note must not say: it tells the reader to act (one_action's list, "do not").
_NOTE_TELLS_RE = re.compile(r"\b(?:restart|reboot|reinstall|run|type|click|select|press)\b", re.I)
#: "Re-install your video drivers.": a hyphenated verb the verb lists spell without it.
_RE_HYPHEN_RE = re.compile(r"^Re-(?=[a-z])")


def _acts_first(sentence: str) -> bool:
    """An action the verb lists know, also "Re-install X"."""
    return _acts(_RE_HYPHEN_RE.sub("Re", sentence))


#: A sentence opening on a plain word ("Capture", "Avoid"), not a key path or code.
_WORD_OPEN_RE = re.compile(r"^[A-Z][a-z]+(?:-[a-z]+)?\s+[a-z(/\"']")


#: First words of a sentence that says what is or when, never an imperative.
_NOT_VERBS = frozenset(
    "a an the this that these those there it its by in on at for with from to of if when"
    " unless after before once since because although as under during some most many all"
    " each any every no users user you we they he she our your their".split()
)


#: "If the problem continues to occur, to work around this issue (...), ": the case and
#: purpose said before a step's action.
_LEAD_CLAUSES_RE = re.compile(r"^(?:(?:if|when|to|in\s+order\s+to)\b[^,]{3,160},\s*)+", re.I)


def _step_first(sentence: str) -> bool:
    """The tick's first sentence reads as its step: an action the verb lists know, or
    a plain sentence the step reader takes for one and no statement ("Capture network
    traffic ...", "Avoid option /X while ...": verbs no list holds; not "By design, X
    must be static.", "Compressed audio clips may fail to play ...")."""
    if _acts_first(sentence):
        return True
    bare = _LEAD_CLAUSES_RE.sub("", sentence, count=1)
    if bare != sentence and bare:  # "If X, to work around this, unplug Y": the case's step
        return _step_first(bare[0].upper() + bare[1:])
    if not _WORD_OPEN_RE.match(sentence) or sentence.split()[0].casefold() in _NOT_VERBS:
        return False
    return step_kind(sentence) == "action" and not _remark(sentence)


def _next_acts(sentence: str) -> bool:
    """The step after a lead-in is an action: one the verb lists know, or a sentence on
    plain words ("With the table selected, on the Format menu, click X.") that is no
    statement; never a key path or code ("HKEY_LOCAL_MACHINE ...", "start rdr $1")."""
    if _acts_first(sentence):
        return True
    if not re.match(r"[A-Z][a-z]+\b", sentence):
        return False
    return step_kind(sentence) == "action" and not _remark(sentence)


def _way_asked(sentences: list[str]) -> bool:
    """ "X. You can also use Y." read as two ways of one step by `ways.way_steps`, which
    asks which one: left for it."""
    if len(sentences) != 2:
        return False
    second = _SECOND_RE.match(sentences[1])
    return second is not None and _two(sentences[0], second.group("b")) is not None


def _aside(sentence: str, in_note: bool) -> bool:
    """A sentence shown beside the action: a note, another tool for it, or a fact; inside
    a note also what the note goes on to say. Never one that tells the reader to act."""
    flat = " ".join(sentence.split())
    also = _ALSO_USE_RE.match(flat)
    if also:
        return not _TELLS_RE.search(flat[also.end() :])
    note = _NOTE_OPEN_RE.match(flat)
    body = flat[note.end() :] if note else flat
    if not body or _TELLS_RE.search(body) or flat.endswith((":", "?")):
        return False
    lead = body[0].upper() + body[1:]
    if _action(lead) or _NOTE_TELLS_RE.match(body):
        return False  # "Note: Restart the computer.": a step said as a note
    if note:
        return True
    if _FACT_OPEN_RE.match(flat):
        return True
    return in_note and not _action(flat)


def unglue(item: str) -> str:
    """ "X. You can also use Y to Z." / "X. Note: Y." / "X. By default, Y." as the tick
    "X." with the rest shown beside it; `item` unchanged when the first sentence is no
    action or anything after it may tell the reader to act."""
    text, detail = split_detail(item)
    flat = " ".join(text.split())
    if "." not in flat[:-1] or not flat.endswith("."):
        return item
    sentences = split_sentences(flat)
    if len(sentences) < 2 or not _step_first(sentences[0]) or _way_asked(sentences):
        return item
    start = next(
        (
            k
            for k, s in enumerate(sentences[1:], start=1)
            if _NOTE_OPEN_RE.match(s) or _ALSO_USE_RE.match(s) or _FACT_OPEN_RE.match(s)
        ),
        0,
    )
    if not start:
        return item
    in_note = False
    for s in sentences[start:]:
        if not _aside(s, in_note):
            return item
        in_note = in_note or bool(_NOTE_OPEN_RE.match(s) or _ALSO_USE_RE.match(s))
    said = " ".join(sentences[start:])
    return with_detail(" ".join(sentences[:start]), f"{said}\n\n{detail}" if detail else said)


#: A lead-in that announces the steps after it: "... by doing the following:", "...
#: by performing the following steps:", "... as follows:", "Use these steps to X:".
_ANNOUNCES_RE = re.compile(
    r"\b(?:(?:by\s+)?(?:doing|performing|following|using|completing|do|perform|follow|use"
    r"|complete)\s+(?:the\s+following|these)(?:\s+(?:steps|procedure|instructions))?"
    r"|as\s+follows)\b[^.:]{0,80}:$",
    re.IGNORECASE,
)
#: "To set up a user for Mail 3.0:": the purpose the steps after it serve.
_PURPOSE_LEAD_RE = re.compile(r"^to\s+[a-z][^:]{3,120}:$", re.IGNORECASE)
#: Alternatives or content, not steps: "Use either of the following methods:", "Type the
#: following command:", "create the following key:", "... one of the following tasks:".
_NOT_STEPS_RE = re.compile(
    r"\b(?:one|any|either|each)\s+of\b|\bfollowing\s+(?:methods?|ways?|options?|tasks?"
    r"|workarounds?|articles?|commands?|lines?|text|code|keys?|values?|entr(?:y|ies)"
    r"|settings?|files?|information|sections?|script|formula)\b|\b(?:type|enter|paste)\b",
    re.IGNORECASE,
)
#: "Go to the installation folder and do the following to check X:": an action of its
#: own before the announcement, never only shown.
_AND_DO_RE = re.compile(
    r"\band\s+(?:then\s+)?(?:do|perform|follow|use|complete)\s+(?:the\s+following|these)\b",
    re.IGNORECASE,
)
#: "Next, double-click My.udl and use the Wizard as follows:": a concrete step of its
#: own (a click, a program started, a place gone to) said with the lead, kept ticked.
_UI_ACT_RE = re.compile(
    r"^(?:next|then|now|first|finally)\b|\b(?:(?:double|right)-click|click|open|run|start"
    r"|type|press|select|go\s+to|navigate\s+to|insert)\s+(?:\S+\s+){0,6}?(?:and|then)\b",
    re.IGNORECASE,
)
#: A case: asked by the passes after this one, never folded away.
_CASE_RE = re.compile(r"^(?:if|when|unless|in\s+case|for|in\s+the\s+event)\b", re.IGNORECASE)


def _lead_in(text: str) -> bool:
    """One sentence that only announces the steps after it (see _ANNOUNCES_RE), or says
    their purpose ("To X:")."""
    flat = " ".join(text.split())
    if not flat[:1].isupper() or not flat.endswith(":") or _CASE_RE.match(flat):
        return False
    if len(split_sentences(flat)) != 1:
        return False
    if _NOT_STEPS_RE.search(flat) or _AND_DO_RE.search(flat) or _UI_ACT_RE.search(flat):
        return False
    if _PURPOSE_LEAD_RE.match(flat) and "," not in flat:
        return True
    return bool(_ANNOUNCES_RE.search(flat)) and step_kind(flat) in ("action", "lead-in")


#: "Follow these steps:" alone: it names nothing the steps do not, so it is not shown.
_BARE_LEAD_RE = re.compile(
    r"^(?:please\s+)?(?:follow|use|perform|complete|do)\s+(?:these|the\s+following)"
    r"(?:\s+(?:steps|procedure|instructions))?\s*:$",
    re.IGNORECASE,
)


def leads_over_steps(option: Option) -> None:
    """A lead-in with nothing under it (its list already ticks of their own) shown with
    the first step after it, which must be an action read on the same answers (a case's
    steps, keyed by position, are left as they are)."""
    steps = option.items
    n = 0
    while n < len(steps) - 1:
        text, detail = split_detail(steps[n])
        if detail.strip() or option.when.get(n) != option.when.get(n + 1) or not _lead_in(text):
            n += 1
            continue
        nxt = split_detail(steps[n + 1])[0]
        if not _next_acts(" ".join(nxt.split())) or _lead_in(nxt):
            n += 1
            continue
        lead = " ".join(text.split())
        shown_with_next(option, n, "" if _BARE_LEAD_RE.match(lead) else lead)  # bare: says nothing


def shown_with_next(option: Option, n: int, shown: str) -> None:
    """Step n is no tick of its own: `shown` (its text, or "" when it says nothing more)
    goes above the next step's detail, and the case keys after it move down one."""
    steps = option.items
    nxt, more = split_detail(steps[n + 1])
    if shown:
        more = f"{shown}\n\n{more}" if more.strip() else shown
    steps[n + 1] = with_detail(nxt, more) if more else nxt
    del steps[n]
    option.when = {(k - 1 if k > n else k): v for k, v in option.when.items()}


#: "In user mode, there are IpHelper APIs.", "There is a registry value that ...": what
#: exists, not what to do.
_EXISTS_RE = re.compile(r"^(?:in\s+[^,]{3,60},\s*)?there\s+(?:is|are)\s+(?!no\b)", re.I)
#: "For example:" and what it lists.
_EXAMPLE_RE = re.compile(r"^for\s+(?:example|instance)\s*:", re.IGNORECASE)


def _exists_only(text: str) -> bool:
    """Statements of what exists ("In user mode, there are IpHelper APIs."), with an
    example after them; nothing asked of the reader."""
    sentences = split_sentences(" ".join(text.split()))
    if not sentences or not _EXISTS_RE.match(sentences[0]):
        return False
    return all(
        not _TELLS_RE.search(s)
        and (_EXISTS_RE.match(s) or _EXAMPLE_RE.match(s) or k > 0)
        and not _action(s)
        for k, s in enumerate(sentences)
    )


#: "NotifyAddrChange: Notifies the user about address changes.": an entry of a listing
#: (a name, then what it does), not a step.
_ENTRY_RE = re.compile(
    r"^(?!(?:note|important|warning|caution|tip|step)\b)[A-Za-z][\w.-]{2,60}:\s+[A-Z][a-z]+s\b"
    r"(?<!ss)[^:]*\.?$",
    re.IGNORECASE,
)


def _opens_listing(item: str) -> bool:
    """The step (or what is shown under it last) ends in a colon: a listing follows."""
    text, detail = split_detail(item)
    last = detail.strip().split("\n")[-1] if detail.strip() else text
    return last.rstrip().endswith(":")


def statements_beside(items: list[str]) -> list[str]:
    """`items` with a statement of what exists shown under the action before it, and the
    entries of a listing ("Name: Does X.") under the step that opens the listing."""
    out: list[str] = []
    listing = False  # the last item kept opened a listing, or took one of its entries
    for item in items:
        text, detail = split_detail(item)
        flat = " ".join(text.split())
        said = "\n".join(p for p in (flat, detail.strip("\n")) if p)
        if out and listing and _ENTRY_RE.match(flat) and not _action(flat):
            out[-1] = with_detail(out[-1], said)
            continue
        if out and _exists_only(text) and (listing or _step_first(split_detail(out[-1])[0])):
            out[-1] = with_detail(out[-1], said)
            listing = flat.endswith(":")
            continue
        out.append(item)
        listing = _opens_listing(item)
    return out


def glued_notes(items: list[str]) -> list[str]:
    """`items` with notes and other tools beside their action and statements of what
    exists under the step before (see the module's docstring)."""
    if not items:
        return items
    return statements_beside([unglue(i) for i in items])


#: "To fix this issue, we recommend that you contact the VPN provider for a solution ...":
#: the article's first step, said as advice in the outcome's text.
_ADVICE_RE = re.compile(
    r"^(?:to\s+(?:fix|resolve|work\s+around|avoid)\s+this\s+(?:issue|problem|behaviou?r"
    r"|error),\s*)?(?:we|microsoft)\s+(?:strongly\s+)?recommends?\s+(?:that\s+)?you\s+"
    r"(?P<rest>(?!back\s+up\b)[a-z].*\.)$",
    re.IGNORECASE,
)


#: An outcome's label said as the article's advice: "We recommend that you contact X".
_LABEL_ADVICE_RE = re.compile(
    r"^(?:we|microsoft)\s+(?:strongly\s+)?recommends?\s+(?:that\s+)?you\s+(?P<rest>[a-z].*)$",
    re.IGNORECASE,
)


def advice_as_step(option: Option) -> None:
    """An outcome's text that is one piece of advice over steps of another kind ("To fix
    this issue, we recommend that you contact the VPN provider for ...") as its first
    tick, and names the outcome when its label was named by the old first step or by the
    advice; the text is left empty. Not when the steps already say it. A label said as
    advice ("We recommend that you contact X") is said as the step ("Contact X")."""
    head, sep, body = option.label.rpartition(": ")
    advice = _LABEL_ADVICE_RE.match(body)
    if advice:  # "Resolution: We recommend that you contact X": "Resolution: Contact X"
        rest = advice.group("rest")
        option.label = f"{head}{sep}{rest[0].upper()}{rest[1:]}"
    lead = " ".join(option.lead.split())
    found = _ADVICE_RE.match(lead)
    if found is None or len(split_sentences(lead)) != 1 or not option.items:
        return
    rest = found.group("rest")
    step = rest[0].upper() + rest[1:]
    if not _acts_first(step):
        return
    first_words = " ".join(step.split()[:3]).casefold()
    if any(first_words in split_detail(i)[0].casefold() for i in option.items):
        return
    # a label named by the old first step or by the advice itself names the new first step
    head, sep, body = option.label.partition(": ")
    said = body.rstrip(".").casefold()
    if (
        sep
        and said
        and (
            said in " ".join(split_detail(option.items[0])[0].split()).casefold()
            or said in lead.casefold()
        )
    ):
        option.label = f"{head}: {option_label(step)}"
    option.items = [step, *option.items]
    option.lead = ""
