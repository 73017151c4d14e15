"""An MS KB CAUSE that names each cause in a paragraph of its own over a RESOLUTION whose
one case step is the second cause's fix (round 33, causes34).

Seed 90's readers marked Q107995: CAUSE "The above error messages may be caused by an
incorrect I/O base address, an incorrect RAM address, or an improper IRQ setting in the
PROTOCOL.INI file." / "These errors may be generated if the Transport= line ... contains
protocols that are not in use.", RESOLUTION "Correct the invalid setting." / "If the
Transport= line contains invalid references, remove them". The draft showed both causes
in one info node, then asked "Does this apply: the Transport= line contains invalid
references", both answers reaching one outcome. Each cause has its own fix, so
`cause_case_steps` asks "Which of these applies?" instead: the case step goes to the cause
whose key words its condition shares (two or more, that cause only), the plain step to
the other cause. Only two causes over two steps: the pairing is then not a guess.
"""

from __future__ import annotations

import re

from kbassist.articles import Article
from kbassist.drafting.cause_list import MIN_SHARED, ask_which_cause, owned_steps
from kbassist.drafting.causes import _words
from kbassist.drafting.numbered_causes import _cause_label
from kbassist.drafting.option_model import Option
from kbassist.drafting.text import split_detail, split_sentences

#: A paragraph naming a cause: "The above error messages may be caused by X", "These
#: errors may be generated if X", "This problem can also occur when X".
_PARA_LEAD_RE = re.compile(
    r"^(?:the|these|this)(?: \w{1,20}){0,3} (?:errors?|messages?|problems?|issues?|"
    r"behaviou?rs?|symptoms?) (?:(?:can|may|might|could|will)(?: also)? )?"
    r"(?:(?:be )?(?:caused|generated|triggered|produced)(?: by| if| when| because)?"
    r"|occurs?(?: if| when| because)|happens?(?: if| when| because))[ \t]{1,4}",
    re.IGNORECASE,
)

#: A sentence ending inside a closing quote: 'an "echo firewall." The echo ...'.
_QUOTED_END_RE = re.compile(r'\.(["\u201d])(?=[ \t]{1,4}[A-Z])[^\n]*$')


def paragraph_causes(article: Article) -> list[str]:
    """The causes a CAUSE gives one paragraph each (each opening with a cause lead), in
    the article's words (the clause after the lead); [] unless exactly two, or when a
    paragraph before the first names none."""
    section = next((s for s in article.sections if s.role == "cause"), None)
    if section is None:
        return []
    causes: list[str] = []
    for para in re.split(r"\n[ \t]*\n", section.text):
        if not para.strip() or para[:1] in " \t":
            continue  # an example line under the paragraph before
        flat = " ".join(para.split())
        found = _PARA_LEAD_RE.match(flat)
        if found is None:
            if not causes:
                return []  # the CAUSE opens with something else: not one cause a paragraph
            continue  # "but the only protocol in use is NetBeui, ...": the cause goes on
        first = (split_sentences(flat[found.end() :]) or [""])[0]
        # 'an "echo firewall." The echo firewall is ...': the sentence ends in the quote
        first = _QUOTED_END_RE.sub(r"\1", first, count=1).rstrip(".")
        if len(first) < 12:
            return []
        causes.append(first)
    return causes if len(causes) == 2 else []


def cause_case_steps(article: Article, option: Option, before: int, written: list[str]) -> None:
    """Replace the yes/no case question asked over the fix's second-cause step with "Which
    of these applies?" over the CAUSE's two paragraph causes, each answer keeping its own
    step as the article words it (`before`: the fix's asks before the case pass ran;
    `written`: its steps then)."""
    if article.style != "mskb" or option.section.role not in ("resolution", "workaround"):
        return
    if len(option.items) != 2 or len(option.asks) != before + 1 or before:
        return
    ask = option.asks[-1]
    values = {c["value"] for c in ask.choices}
    if values != {"yes", "no"} or len(option.when) != 1:
        return
    ((case_at, rule),) = option.when.items()
    if rule != f'{ask.var} == "yes"':
        return
    causes = paragraph_causes(article)
    if not causes:
        return
    words = [_words(c) for c in causes]
    common = words[0] & words[1]
    said = _words(f"{ask.title} {split_detail(option.items[case_at])[0]}")
    shared = [len(said & (w - common)) for w in words]
    owner = 0 if shared[0] > shared[1] else 1
    if shared[owner] < MIN_SHARED or shared[1 - owner] >= MIN_SHARED:
        return
    plain_at = 1 - case_at
    if len(_words(split_detail(option.items[plain_at])[0]) & (words[owner] - common)) > len(
        _words(split_detail(option.items[plain_at])[0]) & (words[1 - owner] - common)
    ):
        return  # the plain step speaks of the case's cause too: not one fix each
    owners: list[int | None] = [None, None]
    owners[case_at], owners[plain_at] = owner, 1 - owner
    if len(written) == 2:  # "If the Transport= line ..., remove them": "them" keeps its referent
        option.items[case_at] = written[case_at]
    option.when = {}
    owned_steps(option, ask.var, owners)
    labels = [_cause_label(c[:1].upper() + c[1:]) for c in causes]
    option.asks.pop()  # its yes/no question: the causes' question asks it now
    # "Resolution: Correct the invalid setting" named the first cause's fix only
    ask_which_cause(option, ask.var, labels, "Each cause has its own fix.", relabel=True)
