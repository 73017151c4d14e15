"""Required follow-ups a fix's lead says: its last ticks (round 36, followups36).

A method's lead often says what has to be done once it is carried out, before the steps
themselves: "After you delete the encrypted content, you must reenter the missing
connection strings ... Additionally, you must update all the subscriptions that use
delivery extensions ... To delete the encrypted content, follow these steps:". The draft
ticked the steps and dropped the follow-ups with the rest of the lead (seed-102 readers).
Here such a sentence, when its "After you X" names the fix's own action (a word of the
fix's label or steps), gives a tick after the fix's steps, and so does each "Additionally,
you must Y" / "You must also Y" straight after it; a "This includes ..." after one is its
detail. Not taken: "After you X, you can Y" (a choice, no requirement), a follow-up whose
action a step already says or whose own procedure the lead goes on to introduce ("you must
add the folders ... To define the scope of the catalog:"), and "After you X" about
something else than the fix.
"""

from __future__ import annotations

import re

from kbassist.drafting.option_model import Option
from kbassist.drafting.text import split_detail, split_sentences, with_detail

#: "After you delete the encrypted content, you must reenter X": a required follow-up.
_AFTER_MUST_RE = re.compile(
    r"^after (?:you (?:have )?)?(?P<done>[a-z][^,.;:]{3,100}), you (?:must|need to|will need to"
    r"|have to) (?P<then>[a-z][^;:]{8,300}?)\.$",
    re.IGNORECASE,
)
#: "Additionally, you must update X", "You must also update X": one more, right after it.
_ALSO_MUST_RE = re.compile(
    r"^(?:(?:additionally|also|then|in addition),? you (?:must|need to|will need to|have to)"
    r"|you (?:must|will) also(?: need to)?|you also (?:must|need to)) (?P<then>[a-z][^;:]{8,300}?)"
    r"\.$",
    re.IGNORECASE,
)
#: "To define the scope of the catalog:", "To delete the encrypted content, follow these
#: steps:": the goal of the procedure the lead introduces.
_GOAL_RE = re.compile(r"^to ([a-z][^,:;.]{3,120})[,:]", re.IGNORECASE)
_THIS_INCLUDES_RE = re.compile(r"^(?:this|these) includes?\b", re.IGNORECASE)
#: Words that tell nothing about which action is meant.
_FILLER = frozenset(
    "the this that these those your you all any and then with from into have has been "
    "follow following steps step method procedure".split()
)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z0-9]{3,}", text.casefold()) if w not in _FILLER}


def _follow_ups(option: Option) -> list[str]:
    """The ticks the lead of `option` requires after its steps, in order."""
    if "after" not in option.lead.casefold():
        return []
    sentences = split_sentences(option.lead)
    own = _words(option.label) | {w for i in option.items for w in _words(split_detail(i)[0])}
    steps = [_words(split_detail(i)[0]) for i in option.items]
    out: list[str] = []
    at = 0
    while at < len(sentences):
        found = _AFTER_MUST_RE.match(sentences[at].strip())
        at += 1
        if found is None:
            continue
        done = _words(found.group("done"))
        if not done & own:
            continue
        thens = [found.group("then")]
        while at < len(sentences):
            later = sentences[at].strip()
            more = _ALSO_MUST_RE.match(later)
            if more is not None:
                thens.append(more.group("then"))
            elif _THIS_INCLUDES_RE.match(later):
                thens[-1] = with_detail(thens[-1], later)
            else:
                break
            at += 1
        goals = [g.group(1) for t in sentences[at:] if (g := _GOAL_RE.match(t.strip()))]
        if any(len(_words(g) & _words(thens[0])) > len(_words(g) & done) for g in goals):
            continue  # "... you must add the folders. To define the scope:": its procedure
        for then in thens:
            text, detail = split_detail(then)
            mine = _words(text)
            if any(len(mine & step) >= 0.5 * len(mine) for step in steps):
                continue  # a step already says it ("After you restart, install the module")
            out.append(with_detail(f"{text[0].upper()}{text[1:]}.", detail))
    return out


def must_follow_ups(options: list[Option]) -> None:
    """Tick, after each fix's steps, what its lead says must be done once it is done."""
    for option in options:
        if option.kind != "option" or not option.items or not option.lead:
            continue
        option.items.extend(_follow_ups(option))
