"""A fix said as a statement, read as the action it carries (issue 13, "steps that are
steps").

MS KB articles often give the workaround as a fact about the problem: "This behavior
does not occur if you use X", "The problem can be avoided by ensuring that X", "At this
time, the only way to correct this problem is to enable X", "Adding the switch /Op may
avoid this error message". Ticked as written, the reader gets a statement to tick and
the label names no action; read as the action ("Use X", "Ensure that X", "Enable X",
"Add the switch /Op to avoid this error message") the step is one to do. Each rewrite
keeps the article's own words after the verb; a sentence none of the shapes fits, or
whose rewrite is no action, is left as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kbassist.drafting.added_in import added_in
from kbassist.drafting.options import _fixed_in, _is_action, _verb_of
from kbassist.drafting.text import split_detail, split_sentences, with_detail

#: "At this time, ", "Currently, ": a remark before the sentence that carries the fix.
_REMARK_LEAD_RE = re.compile(
    r"^(?:at (?:this|the present) time|currently|presently|for now|for the time being|in the "
    r"meantime|meanwhile|however|therefore|thus|as a workaround|for a (?:short-term|temporary)"
    r" (?:workaround|solution)),\s*",
    re.IGNORECASE,
)
#: "The only work around is to modify the code", "the only way to correct this problem is
#: to enable network functionality".
_WAY_RE = re.compile(
    r"^(?:(?:the|an?|only|best|easiest|simplest|recommended|current|one|another|other|possible"
    r"|simple|easy|temporary|quick)\s+){0,3}"
    r"(?:way|work[- ]?around|solution|resolution|fix|remedy|approach|method|answer|possibility"
    r"|option|alternative)"
    r"(?:\s+(?P<to>to|for|around)\s+(?P<goal>[^,]{3,100}?))?\s+(?:at this time\s+)?"
    r"(?:is|would be|will be|may be|might be|could be)\s+(?:currently\s+)?to\s+"
    r"(?P<act>[a-z].+)$",
    re.IGNORECASE | re.DOTALL,
)
_PROBLEM = (
    r"(?:this|the|these|that|such)\s+(?:[\w-]+\s+){0,3}?(?:problem|issue|behaviou?r|error"
    r"|condition|limitation|situation|symptom|message|crash|failure)s?"
)
_FIXED = (
    r"(?:avoided|corrected|resolved|fixed|prevented|worked\s+around|eliminated|solved|remedied"
    r"|circumvented|overcome|alleviated|bypassed|addressed|minimized|reduced)"
)
_FIX = (
    r"(?:avoid|correct|resolve|fix|prevent|work\s*around|eliminate|solve|remedy|circumvent"
    r"|overcome|alleviate|bypass|minimize|reduce)"
)
_BY_DOING = r",?\s+by\s+(?:(?P<adv>[a-z]+ly)\s+)?(?P<g>[a-z]+ing)\b(?P<rest>.*)$"
#: "The problem can be avoided by ensuring that X", "This problem can be corrected by
#: creating a group definition".
_PASSIVE_RE = re.compile(
    rf"^{_PROBLEM}\s+(?:(?:can|may|might|could|should|will)\s+(?:also\s+|usually\s+|often\s+)?"
    rf"be|is|are|was|were|has\s+been|have\s+been)\s+(?:easily\s+)?{_FIXED}{_BY_DOING}",
    re.IGNORECASE | re.DOTALL,
)
#: "You may be able to work around this problem by putting MSExtensions=0 in ...".
_YOU_BY_RE = re.compile(
    rf"^(?:you|users?|administrators?)\s+(?:may|might|can|could|should)(?:\s+also)?"
    rf"(?:\s+be\s+able\s+to)?\s+{_FIX}\s+{_PROBLEM}{_BY_DOING}",
    re.IGNORECASE | re.DOTALL,
)
#: "Adding the compiler switch /Op for floating-point consistency may avoid this error".
_GERUND_HELPS_RE = re.compile(
    rf"^(?P<g>[A-Z][a-z]+ing)\b(?P<obj>[^,;:]{{3,160}}?)\s+(?:may|might|can|could|should|will"
    rf"|would)\s+(?:also\s+|usually\s+|often\s+)?(?:help\s+(?:to\s+)?|allow\s+(?:you|users?)"
    rf"\s+to\s+)?(?P<v>{_FIX}|(?<=to )[a-z]+)\b"
    rf"(?P<rest>.*)$",
    re.DOTALL,
)
#: "Removing PC-cillin resolves the problem.", "Disabling bus mastering on the client
#: network card solved this problem.": a fix said as what it does or did, no modal.
_GERUND_FIXED_RE = re.compile(
    rf"^(?P<g>[A-Z][a-z]+ing)\b(?P<obj>[^,;:]{{3,160}}?)\s+(?:usually\s+|also\s+|often\s+)?"
    rf"(?:solved|resolved|corrected|fixed|eliminated|avoided|prevented|solves|resolves|corrects"
    rf"|fixes|eliminates|avoids|prevents)\s+{_PROBLEM}\s*\.?$"
)
#: "The use of the STR() and VAL() functions may prevent this error."
_USE_OF_RE = re.compile(
    rf"^the\s+use\s+of\s+(?P<obj>.{{3,160}}?)\s+(?:may|might|can|could|should|will|would)\s+"
    rf"(?:also\s+)?(?:help\s+(?:to\s+)?)?(?P<v>{_FIX})\b(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
#: "This behavior does not occur if you use X", "The problem does not occur if either X or
#: Y is not enabled".
_NOT_IF_RE = re.compile(
    rf"^{_PROBLEM}\s+(?:does|do|will|would)\s*(?:not|n't)\s+(?:occur|happen|appear|exist"
    r"|recur)\s+(?:if|when|once|as long as)\s+(?P<cond>.+)$",
    re.IGNORECASE | re.DOTALL,
)
#: A state the admin sets: the condition under which the problem does not occur is what
#: to make true ("either X or Y option is not enabled").
_SETTABLE_RE = re.compile(
    r"\b(?:is|are)\s+(?:not\s+)?(?:enabled|disabled|selected|cleared|checked|unchecked|maximized"
    r"|minimized|hidden|visible|locked|unlocked|compressed|mounted|shared|paused|stopped|started"
    r"|turned (?:on|off)|set to|installed|removed|running|loaded|unloaded|configured|mapped"
    r"|connected|disconnected|closed|open|shared|empty|deleted)\b",
    re.IGNORECASE,
)
#: "To avoid these problems you should use MASM 5.1b": an instruction with its purpose,
#: said with a modal (no comma, so the "To X, Y" readers miss it).
_PURPOSE_MODAL_RE = re.compile(
    r"^(?P<lead>to\s+[a-z][^,]{3,200}?),?\s+(?:you|the user|users|an administrator"
    r"|administrators)\s+(?:should|must|need to|will need to|have to|will have to|can)\s+"
    r"(?:first\s+|also\s+)?(?P<act>(?!be\b)[a-z].+)$",
    re.IGNORECASE | re.DOTALL,
)
#: "An administrator will have to modify the permissions", "The user must select X".
_SOMEONE_MUST_RE = re.compile(
    r"^(?:the\s+|an?\s+)?(?:user|users|administrator|administrators|customer|customers)"
    r"\s+(?:will\s+)?(?:should|must|need to|needs to|has to|have to|will have to"
    r"|will need to)\s+(?:first\s+|also\s+)?(?P<act>(?!be\b)[a-z].+)$",
    re.IGNORECASE | re.DOTALL,
)
#: "The messages are harmless and can be ignored.", "These warnings can safely be ignored."
_IGNORE_RE = re.compile(
    r"^(?P<subj>(?:the|this|these|such)\s+[^,;]{2,80}?)\s+(?:(?:is|are)\s+(?:harmless|benign"
    r"|cosmetic|informational|expected)\s+and\s+)?(?:can|may)\s+(?:safely\s+)?be\s+"
    r"(?:safely\s+)?ignored(?P<rest>\s*\.?)$",
    re.IGNORECASE | re.DOTALL,
)


#: "This problem was corrected in the latest SNA Server version 4.0 U.S. Service Pack.":
#: the fix is to install what corrects it.
_FIXED_IN_RE = re.compile(
    rf"^{_PROBLEM}\s+(?:has|have|was|were|is|are)\s+(?:been\s+)?(?:first\s+)?(?:fixed|corrected"
    r"|resolved|addressed)\s+in\s+[A-Z\d]",
    re.IGNORECASE,
)
#: "This issue is resolved by the following updated file for Windows 95 ...:".
_FIXED_BY_RE = re.compile(
    rf"^{_PROBLEM}\s+(?:is|are|was|were|has\s+been|can\s+be)\s+(?:fixed|corrected|resolved)\s+by\s+"
    r"(?P<what>(?:the\s+following|an?|the)\s+(?:updated\s+|new\s+|later\s+)?(?:files?|drivers?"
    r"|update|hotfix|fix|version|service\s+pack|patch)\b.*)$",
    re.IGNORECASE | re.DOTALL,
)
#: "A hotfix to SNA Server 3.0 (post SP1) is available to correct this problem.", "There
#: is a fix available from Microsoft Technical Support that fixes this problem."
_AVAILABLE_RE = re.compile(
    r"^(?:(?:an?|the)\s+(?P<what>(?:supported\s+)?(?:fix|hotfix|update|patch)\b[^;]{0,80}?)\s+"
    r"(?:is|are)\s+(?:now\s+)?available|there\s+(?:is|are)\s+(?:now\s+)?(?:an?\s+)?"
    r"(?P<what2>(?:supported\s+)?(?:fix|hotfix|update|patch)(?:es)?)\s+(?:now\s+)?available)"
    r"(?P<rest>[^.;]*)\.?$",
    re.IGNORECASE,
)


#: "It is safe to delete the file with the .old extension.": advice to act.
_ADVISED_RE = re.compile(
    r"^it\s+is\s+(?:(?:always|usually|generally)\s+)?(?:safe|recommended|best|advisable|necessary"
    r"|important)\s+(?:for\s+you\s+)?to\s+(?P<act>[a-z].+)$",
    re.IGNORECASE | re.DOTALL,
)


#: "If the SNA Server client is used, ": the case a fix said after it is for.
_CASE_RE = re.compile(r"^(?:if|when)\b[^,]{3,200},\s*(?=[a-z])", re.IGNORECASE)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


#: Gerund stems that take back their final "e" ("capturing" -> "capture", "changing" ->
#: "change", "executing" -> "execute"); others stay ("editing" -> "edit").
_E_STEM_RE = re.compile(r"(?:at|ut|ur|iz|yz|is|ov|iv|av|ev|uc|ac|ic|ang|arg|erg|ul|ut|ir|os|as)$")


def _base_verb(gerund: str) -> str:
    """The imperative of a gerund the article uses as a fix ("by capturing the printer"):
    the step tools' verb, else the spelling rules ("" for what is no gerund)."""
    if verb := _verb_of(gerund):
        return verb
    base = gerund.casefold()[:-3]
    if len(base) < 3 or not base.isalpha():
        return ""
    if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsfz":
        return base[:-1]  # "putting" -> "put"
    return base + "e" if _E_STEM_RE.search(base) else base


def _and_gerunds(text: str) -> str:
    """ "... source file and rebuilding the library" -> "... and rebuild the library": the
    second action of a gerund pair said as an imperative too."""

    def verb(m: re.Match[str]) -> str:
        # a known verb, or any gerund with its object after it ("rebuilding the library"),
        # never "and nothing", "and during"
        said = _verb_of(m.group(2)) or (_base_verb(m.group(2)) if m.group(3) else "")
        return f"{m.group(1)} {said or m.group(2)}"

    return re.sub(
        r"\b(and|or|then)\s+([a-z]{3,}ing)\b(?=(\s+(?:the|a|an|your|this|that|these|all|any)\b)?)",
        verb,
        text,
    )


def _from_gerund(found: re.Match[str]) -> str:
    """ "... by ensuring that X." -> "Ensure that X." ("" when the gerund is no verb)."""
    verb = _base_verb(found.group("g"))
    if not verb:
        return ""
    adv = found.group("adv")
    rest = _and_gerunds(found.group("rest"))
    return (f"{adv.capitalize()} {verb}" if adv else verb.capitalize()) + rest


def _condition_action(cond: str) -> str:
    """The condition under which the problem does not occur, as what to do: "you use X"
    -> "Use X", "you do not X" -> "Do not X", "X is not enabled" -> "Make sure that X is
    not enabled"; "" when it is no state the admin sets."""
    you = re.match(r"you\s+(?:only\s+|first\s+)?(?P<act>(?:do not |don't )?[a-z].+)$", cond, re.I)
    if you:
        act = _cap(you.group("act"))
        return act if _is_action(act) or act.lower().startswith(("do not ", "don't ")) else ""
    if _SETTABLE_RE.search(cond.split(",")[0]):
        return f"Make sure that {cond}"
    return ""


#: "In one instance, ", "In most cases, ": where the fix worked, before its gerund.
_INSTANCE_RE = re.compile(
    r"^(?:in\s(?:one|some|many|most|this|that|our)\s(?:instances?|cases?|tests?)|usually"
    r"|typically|often),\s(?=[a-z]+ing\b)",
    re.IGNORECASE,
)


def fixed_by_gerund(sentence: str) -> str:
    """ "Removing PC-cillin resolves the problem." -> "Remove PC-cillin.": the fix a
    sentence reports as having worked, as the step; "" for any other sentence."""
    text = _INSTANCE_RE.sub("", " ".join(sentence.split()), count=1)
    found = _GERUND_FIXED_RE.match(text[:1].upper() + text[1:])
    if found is None or not (verb := _base_verb(found.group("g"))):
        return ""
    return f"{verb.capitalize()}{_and_gerunds(found.group('obj'))}."


def as_action(sentence: str, alone: bool = True) -> str:
    """`sentence` said as the action it carries, or "" when it carries none (see the module
    docstring for the shapes read). Not `alone` (beside an action in the same step), "fixed
    in X" and "a fix is available" are remarks on that action, not steps of their own."""
    text = " ".join(sentence.split())
    bare = _REMARK_LEAD_RE.sub("", text, count=1)
    case = _CASE_RE.match(bare)
    if case and (told := as_action(bare[case.end() :], alone)):
        # "If X is used, a simple workaround would be to rename Y" -> "If X is used, rename Y"
        return case.group(0) + told[0].lower() + told[1:]
    told = ""
    sure = False  # a verb read from the article's own gerund needs no verb list
    if found := _WAY_RE.match(bare):
        told = _cap(found.group("act"))
        goal = found.group("goal") or ""
        if found.group("to") == "to" and not re.match(rf"{_FIX}\b|(?:this|the)\b", goal, re.I):
            told = f"To {goal}, {found.group('act')}"  # "the best way to upgrade X is to Y"
    elif found := _PASSIVE_RE.match(bare) or _YOU_BY_RE.match(bare):
        told, sure = _from_gerund(found), True
    elif (found := _GERUND_HELPS_RE.match(bare)) and (verb := _base_verb(found.group("g"))):
        obj = _and_gerunds(found.group("obj"))
        told = f"{verb.capitalize()}{obj} to {found.group('v')}{found.group('rest')}"
        sure = True
    elif told := fixed_by_gerund(bare):
        sure = True
    elif not alone and (_FIXED_IN_RE.match(bare) or _FIXED_BY_RE.match(bare)):
        return ""  # "Update X. This issue was resolved in the June 2017 updates."
    elif not alone and _AVAILABLE_RE.match(bare):
        return ""
    elif found := _USE_OF_RE.match(bare):
        told = f"Use {found.group('obj')} to {found.group('v')}{found.group('rest')}"
    elif _FIXED_IN_RE.match(bare) and _fixed_in(bare):
        what = re.split(r"\s+in\s+(?=[A-Z\d]|the\b)", bare)[-1].rstrip(". ")
        what = re.sub(r"\s+and\s+(later|above|newer)$", r" or \1", what)  # "SP3 and later"
        update = re.search(r"\b(?:service pack|sp\d|update|hotfix|fix|patch)", what, re.I)
        told = f"Install {what}." if update else f"Upgrade to {what}."
    elif found := _FIXED_BY_RE.match(bare):
        told = f"Install {found.group('what')}"
    elif alone and (upgrade := added_in(bare)):
        told = upgrade  # "This functionality has been added on X" -> "Upgrade to X."
    elif found := _AVAILABLE_RE.match(bare):
        what = found.group("what") or found.group("what2")
        rest = re.split(r",?\s+but\b", found.group("rest"))[0]  # "..., but has not been tested"
        told = f"Obtain the {what}{rest}."
    elif found := _NOT_IF_RE.match(bare):
        told = _condition_action(found.group("cond"))
    elif found := _PURPOSE_MODAL_RE.match(bare):
        act = found.group("act")
        told = f"{_cap(found.group('lead'))}, {act}" if _is_action(_cap(act)) else ""
    elif (found := _ADVISED_RE.match(bare)) or (found := _SOMEONE_MUST_RE.match(bare)):
        told = _cap(found.group("act"))
    elif found := _IGNORE_RE.match(bare):
        subj = found.group("subj")
        told = f"Ignore {subj[0].lower()}{subj[1:]}{found.group('rest') or '.'}"
    if not told:
        return ""
    action = sure or told.startswith(("Make sure that ", "Do not ", "Don't ", "To "))
    action = action or _is_action(told)
    return told if action else ""


@lru_cache(maxsize=512)  # pure: asked again and again per text
def _plain_action(sentence: str) -> bool:
    from kbassist.drafting.steps import _action

    return _action(sentence)


def _paired(sentence: str) -> str:
    """An imperative read from "by modifying X and rebuilding Y" by the option reader:
    "Modify X and rebuild Y" (only a known verb before its object)."""
    return re.sub(
        r"^([A-Z][a-z]+\b[^;:]*?\s)and\s+([a-z]{3,}ing)(?=\s+(?:the|a|an|your|this|that|these|all"
        r"|any)\b)",
        # never "... by starting X and checking Y": that pair is the "by" phrase's
        lambda m: (
            m.group(0)
            if re.search(r"[a-z]{2,}ing\b", m.group(1))
            else f"{m.group(1)}and {_verb_of(m.group(2)) or m.group(2)}"
        ),
        sentence,
        count=1,
    )


def item_as_action(item: str) -> str:
    """`item` with each sentence of its text that states a fix said as that action (its
    detail unchanged); the item itself when none does."""
    text, detail = split_detail(item)
    sentences = split_sentences(" ".join(text.split()))
    alone = not any(_plain_action(s) for s in sentences)  # no other action in the step
    said = [_paired(s) if _plain_action(s) else (as_action(s, alone) or s) for s in sentences]
    if len(sentences) > 1:
        # among other sentences only a rewrite the step pass reads as an action is kept
        # ("To use X, you must Y" beside a remark is split there, by its own reader)
        said = [
            n if n == o or _plain_action(n) else o for n, o in zip(said, sentences, strict=True)
        ]
    if said == sentences:
        return item
    return with_detail(" ".join(said), detail)


def relabel(label: str, old_first: str, new_first: str) -> str:
    """`label` named by the new first step when it was named by an old first step that was
    no action ("Workaround: This behavior does not occur if ..." -> "Workaround: Make sure
    that ...", "Workaround: WARNING: If you use Registry Editor incorrectly" -> "Workaround:
    Configure the following registry setting"); otherwise unchanged."""
    from kbassist.drafting.options import _NOTE_RE, option_label
    from kbassist.drafting.steps import _NOTE_THAT_RE, INFO_STEP, _action

    old = " ".join(split_detail(old_first)[0].split())
    new = " ".join(split_detail(new_first)[0].split())
    if old == new or not old or not new or not _action(new) or new.startswith(INFO_STEP):
        return label  # an information-only outcome keeps the article's words as its name
    first = (split_sentences(old) or [old])[0]
    if not (as_action(first) or _NOTE_RE.match(first) or _NOTE_THAT_RE.match(first)):
        return label  # named by an action, or by a statement not said as this one
    for at in (label.find(": "), label.rfind(": ")):
        head, body = (label[:at], label[at + 2 :]) if at >= 0 else ("", label)
        if body.strip() and old.startswith(body.rstrip(".")):
            return f"{head}: {option_label(new)}" if head else option_label(new)
    return label
