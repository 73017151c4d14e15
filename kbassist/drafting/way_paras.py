"""MS KB fix paragraphs that offer alternatives in words, each a fix of its own.

"One way to eliminate this error is to initialize Var in the C code: ... Another
work-around is to declare Var in the Assembly code ...", "Using "map drive" instead of
UNC names prevents these commands from being chained together. You can also resolve this
problem by upgrading to Windows NT 4.0.": neither first paragraph is an imperative, so
the split into fixes (`options._fix_groups`) did not see a fix before "Another ..." and
both ways became consecutive ticks of one outcome (doing both contradicts itself). Here
the first way is read from the way it is said, and the lead-ins ("One way to X is to",
"Another work-around is to") are cut from the steps, so the fixes question names the ways.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kbassist.drafting.text import Para, clean, short_label, split_detail, with_detail

if TYPE_CHECKING:
    from kbassist.drafting.option_model import Option

#: A paragraph that says it is a way (not an imperative): "One way to eliminate this error
#: is to ...", "The easiest workaround is to ...", "Using "map drive" instead of UNC names
#: prevents ...", "Upgrading to version 2.0 resolves this problem."
_SAYS_WAY_RE = re.compile(
    r"^(?:one (?:way|method|work-?around|solution|option|alternative|possible (?:way|solution|"
    r"work-?around))\b"
    r"|the (?:first|simplest|easiest|best|quickest|recommended) (?:way|method|work-?around|"
    r"solution)\b"
    r"|[A-Za-z]+ing\b[^.:;]{3,160}?\b(?:prevents|resolves|fixes|corrects|avoids|eliminates|"
    r"works around|solves)\b)",
    re.IGNORECASE,
)
#: Another way said in words the older split did not read: "Another work-around is to ...",
#: "Another solution is to ...", "A second method is to ..." (the older split reads
#: "Another way", "Alternatively", "You can also ...").
_ANOTHER_RE = re.compile(
    r"^(?:another (?:work-around|solution|alternative|approach|possible (?:way|solution|"
    r"work-?around))|a second (?:way|method|work-?around|solution|option|alternative))\b",
    re.IGNORECASE,
)
#: The lead-in a way's first step opens with: "One way to eliminate this error is to",
#: "Another work-around is to", "A second method is to", "The easiest workaround is to".
_WAY_LEAD_RE = re.compile(
    r"^(?:one|another|a second|the (?:first|second|simplest|easiest|best|quickest|"
    r"recommended)) (?:possible )?(?:way|method|work-?around|solution|option|alternative|"
    r"approach)(?: to [^,.:;]{3,100}?| for [^,.:;]{3,100}?)? is (?:to|by)\s+(?=[a-z])",
    re.IGNORECASE,
)


def says_a_way(text: str) -> bool:
    """Whether a fix paragraph offers a way in words ("One way to X is to Y", "Using X
    prevents Y") rather than as an imperative."""
    return text[:1].isalpha() and bool(_SAYS_WAY_RE.match(text))


def another_way(text: str) -> bool:
    """Whether a paragraph opens another way in words the older split does not read."""
    return text[:1] in "AaSs" and bool(_ANOTHER_RE.match(text))


def without_way_lead(text: str) -> str:
    """A way's step without its lead-in: "One way to eliminate this error is to
    initialize Var in the C code:" -> "Initialize Var in the C code:" (the lead is not
    an action to tick)."""
    if text[:1] not in "OoAaTt":
        return text
    found = _WAY_LEAD_RE.match(text)
    if found is None or len(text) - found.end() < 8:
        return text
    rest = text[found.end() :]
    return rest[0].upper() + rest[1:]


def way_lead_cut(option: Option) -> None:
    """A fix whose first step opens with "One way to X is to" / "Another work-around is
    to": the step without that lead, and the fix named by the step, not the lead."""
    if not option.items:
        return
    text, detail = split_detail(option.items[0])
    cut = without_way_lead(text)
    if cut == text:
        return
    option.items[0] = with_detail(cut, detail)
    old = " ".join(text.split()).rstrip(".:")
    head, sep, body = option.label.rpartition(": ")
    if body.strip() and old.startswith(body.rstrip(".: ")):
        from kbassist.drafting.options import option_label

        option.label = f"{head}{sep}{option_label(cut)}"


#: A paragraph for one case: "If the device is disabled, consult ...", "If you are using
#: Windows 95 OSR2, use the following steps to enable IRQ steering:".
_CASE_PARA_RE = re.compile(r"^if (?P<case>[^,:;]{4,160}?),\s+(?P<then>[a-z].{3,})$", re.I)
#: A case that goes on from the one before ("If this does not work", "If the problem
#: persists", "If you are prompted"), not another case of its own.
_FOLLOW_ON_RE = re.compile(
    r"^(?:this|that|it|these|those|they|so|not|necessary|needed|desired|prompted|asked"
    r"|you are (?:prompted|asked)|the (?:problem|issue|error|behavior|above|previous)\b)"
    r"|\b(?:still|persists?|continues?|recurs?|does not (?:work|help|resolve)|do not (?:work"
    r"|help|resolve)|fails?|unsuccessful|not (?:resolved|fixed|successful))\b",
    re.IGNORECASE,
)


def case_of(text: str) -> str:
    """The case a paragraph opens with ("the device is disabled"), or "" if it opens with
    none or with one that goes on from the paragraph before."""
    if text[:1] not in "Ii":  # not "When installing X, do Y": a time, both are done
        return ""
    found = _CASE_PARA_RE.match(text)
    if found is None or _FOLLOW_ON_RE.search(found.group("case")):
        return ""
    return found.group("case").casefold()


def another_case(first: str, text: str) -> bool:
    """Whether `text` opens a fix for another case than the fix `first` opens ("If the
    device is disabled, consult ..." then "If you are using Windows 95 OSR2, use the
    following steps ..."): two cases, each its own fix, so the answer "no" to the first
    still reaches the second."""
    one = case_of(first)
    return bool(one) and case_of(text) not in ("", one)


def case_named(label: str, first: str) -> str:
    """A fix named only by its section ("Resolution") whose text opens with its case
    ("If MSN is very busy when you try to play a sound clip, the only solution is ..."):
    named by that case, so the fixes question tells it from the other cases' fixes."""
    found = _CASE_PARA_RE.match(first) if first[:1] in "Ii" else None
    if found is None:
        return label
    case = short_label(found.group("case"), 70)
    return f"{label} (if {case})"


#: A paragraph that is only a value: a path ("c:\\Program Files\\Internet
#: Explorer\\Iexplore.exe", "\\\\server\\share", "%SystemRoot%\\..."), a URL or a key.
_LITERAL_RE = re.compile(
    r"^(?:[A-Za-z]:\\|\\\\|%\w+%|https?://|HKEY_|HKLM\\|HKCU\\)[^\n]{0,200}$|^[\w.-]+\.[a-z]{2,4}$",
)


def literal_ors(paras: Sequence[Para], seps: Sequence[int]) -> set[int]:
    """Those of the `-or-`s at `seps` that stand between two bare values (paths, URLs,
    keys): the places one step's file may be, not fixes to choose between (an answer
    "c:\\Program Files\\Internet Explorer\\Iexplore.exe" is no fix). Each one's nearest
    other blocks come from one pass each way, not a walk over the blocks per `-or-`
    (3,000 `-or-` lines took 36 s)."""
    before: list[int | None] = []
    last: int | None = None
    for i, para in enumerate(paras):
        before.append(last)
        if not para.separator:
            last = i
    after: list[int | None] = [None] * len(paras)
    last = None
    for i in range(len(paras) - 1, -1, -1):
        after[i] = last
        if not paras[i].separator:
            last = i
    out = set()
    for at in seps:
        one, other = before[at], after[at]
        if one is None or other is None:
            continue
        if all(_LITERAL_RE.match(clean(paras[i].text).strip()) for i in (one, other)):
            out.add(at)
    return out
