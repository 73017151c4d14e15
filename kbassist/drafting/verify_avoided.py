"""A workaround's verify checks the workaround's own result, never the feature it avoids
(drafting round 22).

Readers mark a verify that can never pass: 'The article says this is by design ("This is
by design."); with the workaround above in place, check that the Setup.exe file ... is
included in the Update Kit' over "To install Microsoft Exchange Standard Edition, run the
Srvmin.exe file", and 'Check that the problem no longer occurs: The DataToClip() method is
not able to access data in a private data session.' over a routine that "stores it to the
_CLIPTEXT variable". The check names a file or code name (Setup.exe, DataToClip()) that no
step of the fix uses, while the steps use names of their own: the workaround goes round the
thing and never makes it work. Its verify then checks what the steps say they are for ("To
install X, run Y" -> "check that you can install X when you run Y") or where they put the
result ("stores it to the _CLIPTEXT variable"), by the shape of the step, never by article;
the verify stays as it was when the steps say neither.
"""

from __future__ import annotations

import re

from kbassist.drafting.text import split_detail, split_sentences, with_detail
from kbassist.drafting.verify_form import structured_check

#: A name the admin types or looks for: a file ("Setup.exe", "Vfp300.esl"), a call
#: ("DataToClip()", "_VFP.DataToClip()"), a system variable ("_CLIPTEXT").
_NAME_RE = re.compile(
    r"(?<![\w.\\/])(?:[A-Za-z_][\w$~-]*\.)*[A-Za-z_][\w$~-]*\(\)"
    r"|(?<![\w.\\/])[A-Za-z_][\w$~-]{1,40}\.(?:exe|dll|com|bat|cmd|ini|inf|sys|esl|ocx|vxd|drv"
    r"|hlp|txt|prg|scx|frx|mdb|dbf|cab|msi|reg|vbs|js|asp|htm|html|xml|csv|log|cfg|pdb|lib|h)\b"
    r"|(?<![\w.])_[A-Z][A-Z0-9_]{2,}\b",
    re.IGNORECASE,
)
#: The by-design verify that turns the design's own state round (verify_form.reshape).
_BY_DESIGN_RE = re.compile(
    r'^(?P<lead>The article says this is by design \("[^"]{1,400}"\)); with the '
    r"(?:workaround|fix|steps) above in place, (?P<check>.+)$"
)
#: The symptom pasted as the check.
_PASTED_RE = re.compile(
    r"^Check that (?:the problem no longer occurs|this no longer happens): (?P<check>.+)$"
)
#: "To install Microsoft Exchange Standard Edition, run the Srvmin.exe file.": what a step
#: is for, then the step; not a purpose that only names the fix ("To work around this").
_PURPOSE_RE = re.compile(
    r"^To\s+(?P<goal>(?P<verb>[a-z]+)\b[^,;:]{3,120}?),\s+(?P<act>[a-z][^;:]{3,160}?)\.?$"
)
_NOT_GOALS = frozenset(
    "work resolve fix avoid prevent correct solve remedy address do verify check determine"
    " see find make accomplish perform reproduce confirm bypass".split()
)
#: Words that open no imperative step after a purpose's comma.
_NOT_ACTS = frozenset(
    "unless if when whenever while you it this that there the a an we your they since as"
    " because although".split()
)
#: "... and stores it to the _CLIPTEXT variable": where a step puts its result.
_STORES_RE = re.compile(
    r"\b(?:stores?|saves?|writes?|copies|copy|puts?|places?|assigns?)\s+(?:it|them|this|"
    r"the (?:result|results|information|data|text|value|values|output))\s+(?:to|in|into)\s+"
    r"(?P<where>(?:the\s+)?(?P<name>\S+)(?:\s+(?P<noun>variable|file|property|field|array))?)"
)
#: The longest check this module writes.
MAX_AVOIDED = 380


def _names(text: str) -> set[str]:
    return {
        m.group(0).casefold().rsplit(".", 1)[-1]
        if m.group(0).endswith("()")
        else m.group(0).casefold()
        for m in _NAME_RE.finditer(text)
    }


def _purpose_checks(steps: list[str]) -> list[str]:
    """ "you can V O when you <step>" for each step said as "To V O, <step>."."""
    checks: list[str] = []
    for step in steps:
        for sentence in split_sentences(" ".join(split_detail(step)[0].split())):
            said = _PURPOSE_RE.match(sentence)
            if said is None or said.group("verb").casefold() in _NOT_GOALS:
                continue
            if said.group("act").split()[0].casefold() in _NOT_ACTS:
                continue  # "To disable the pane, unless it is enabled, add ...": no step
            act = said.group("act").rstrip(" .")
            checks.append(f"you can {said.group('goal')} when you {act}")
    return checks


def _stored_check(steps: list[str]) -> str:
    """ "the _CLIPTEXT variable holds what the steps above store in it" for a step that
    stores its result in a named place; "" for any other steps."""
    for step in steps:
        said = _STORES_RE.search(" ".join(split_detail(step)[0].split()))
        if said and _NAME_RE.fullmatch(said.group("name").rstrip(".,")):
            where = said.group("where").rstrip(".,")
            if not where.casefold().startswith("the "):
                where = f"the {where}"
            return f"{where} holds what the steps above store in it"
    return ""


#: The symptom pasted as the check, opening on the action that brings it ("If you copy
#: more than one slide ..., you see only the first slide"): the check redoes it.
_PASTED_TRIGGER_RE = re.compile(
    r"^Check that (?:the problem no longer occurs|this no longer happens): (?:If|When) you\b"
)


def _one_purpose_check(text: str, steps: list[str]) -> str:
    """ "Check that you can have more than one slide image appear in your Word document
    when you copy the slides one at a time ..." for a pasted symptom that redoes its
    trigger over a one-step fix said as "To V O, <step>." (verify37): the step does
    something else to reach its own goal (the limit stays: "copy more than one slide"
    still shows one), so its goal is the check; "" otherwise."""
    if len(steps) != 1 or not _PASTED_TRIGGER_RE.match(text):
        return ""
    ours = _purpose_checks([split_detail(steps[0])[0]])
    if len(ours) != 1:
        return ""
    new = f"Check that {ours[0]}."
    return new if len(new) <= MAX_AVOIDED else ""


def avoided_verify(verify: str, steps: list[str], workaround: bool) -> str:
    """`verify` said as the workaround's own result when its check names a file or code
    name that no step uses while the steps use names of their own (the workaround goes
    round the thing): a by-design check always, a pasted symptom when `workaround`; the
    check is what the steps say they are for, or where they store their result. `verify`
    unchanged otherwise."""
    text = split_detail(verify)[0]
    own = "" if workaround else _one_purpose_check(text, steps)  # fitted_verify has those
    if own:
        return own
    if "(" not in text and "." not in text and "_" not in text:
        return verify  # no name to read (the pattern below needs one of these)
    by_design = _BY_DESIGN_RE.match(text)
    pasted = None if by_design else _PASTED_RE.match(text) if workaround else None
    said = by_design or pasted
    if said is None:
        return verify
    checked = _names(said.group("check"))
    plain = [split_detail(s)[0] for s in steps]
    used = _names(" ".join(plain))
    if not checked or not used or checked & used:
        return verify
    ours = _purpose_checks(plain)
    check = "; or that ".join(ours) if ours else _stored_check(plain)
    if not check:
        return verify
    avoided = next(m.group(0) for m in _NAME_RE.finditer(said.group("check")))
    if by_design:
        new = (
            f"{by_design.group('lead')}, and the workaround above leaves it as it is (it does "
            f"not use {avoided}): check that {check}."
        )
    else:
        new = (
            f"The workaround above goes round {avoided} and does not make it work: check that "
            f"{check}."
        )
    return new if len(new) <= MAX_AVOIDED else verify


#: "Use NetBIOS instead of TCP/IP as the remote control communications protocol.",
#: "Instead of using the SetPixel() command, use the PatBlt() command to draw the pixel.":
#: the thing the fix uses (x) in place of the one the symptom names (y).
_INSTEAD_RES = (
    re.compile(
        r"\b(?:use|call|choose|select|run)\s+(?P<x>[^.;:,()]{2,60}?(?:\(\))?[^.;:,()]{0,30}?)"
        r"\s+(?:instead of|rather than)\s+(?:using\s+|calling\s+)?(?P<y>[^.;:,()]{2,60}?"
        r"(?:\(\)[^.;:,()]{0,30}?)?)(?=\s+(?:as|to|for|in|on|when)\b|\s*[.;:,]|$)",
        re.IGNORECASE,
    ),
    re.compile(
        r"^instead of\s+(?:using\s+|calling\s+)?(?P<y>[^.;:,]{2,60}?),\s+(?:use|call)\s+"
        r"(?P<x>[^.;:,]{2,60}?)(?=\s+(?:as|to|for|in|on|when)\b|\s*[.;:,]|$)",
        re.IGNORECASE,
    ),
)
_THE_RE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
#: Words before a name that say where it comes from ("the C run-time library time()"),
#: which the name put in its place need not share.
_ORIGIN_RE = re.compile(r"\b(?:library|libraries|API|SDK|run-?time|module|class|DLL)\s+$", re.I)
#: What a swapped name is ("the PatBlt() command"): both names must be the same kind.
_HEADS = frozenset(
    "command function method statement protocol property option driver tool utility file"
    " program switch parameter setting service".split()
)
#: One name: "NetBIOS", "TCP/IP", "PatBlt()", "IPX/SPX"; never a phrase or a pronoun.
_BARE_RE = re.compile(r"^(?=[\w/().+-]*[A-Z(])[A-Za-z_][\w/().+-]{1,40}$")


def _bare(phrase: str) -> tuple[str, str]:
    """("PatBlt()", "command") for "the PatBlt() command"; ("", "") for anything but one
    name with at most a kind word after it."""
    words = _THE_RE.sub("", phrase.strip()).split()
    head = words.pop().casefold() if len(words) == 2 and words[-1].casefold() in _HEADS else ""
    if len(words) != 1 or not _BARE_RE.match(words[0]):
        return "", ""
    return words[0], head


def instead_verify(verify: str, steps: list[str]) -> str:
    """`verify` with the thing a step uses in place of another ("Use NetBIOS instead of
    TCP/IP as the ... protocol") named where the verify names the other one: the check
    redoes what the workaround does ("connect ... by using NetBIOS"), never the thing it
    avoids; a pasted symptom that then reads as a check is said as one. `verify` unchanged
    when it names neither, or a step swaps no named thing."""
    text, detail = split_detail(verify)
    if "nstead of" not in " ".join(steps) and "ather than" not in " ".join(steps):
        return verify
    for step in steps:
        plain = " ".join(split_detail(step)[0].split())
        for pattern in _INSTEAD_RES:
            said = pattern.search(plain)
            if said is None:
                continue
            old, old_head = _bare(said.group("y"))
            new, new_head = _bare(said.group("x"))
            if not old or not new or old_head != new_head or old.casefold() == new.casefold():
                # "this function instead of MOD()", "the READ statement instead of GetStrQQ",
                # "a Windows 95 printer driver instead of Emulaser": no like-for-like name
                continue
            found = re.search(rf"(?<![\w.]){re.escape(old)}(?![\w])", text)
            if found is None or re.search(rf"(?<![\w.]){re.escape(new)}(?![\w])", text):
                continue
            if _ORIGIN_RE.search(text[max(0, found.start() - 40) : found.start()]):
                continue  # "the C run-time library time() function": not where X comes from
            swapped = text[: found.start()] + new + text[found.end() :]
            pasted = _PASTED_RE.match(swapped)
            if pasted:
                swapped = structured_check(pasted.group("check")) or swapped
            return with_detail(swapped, detail)
    return verify
