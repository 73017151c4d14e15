"""A workaround said in prose ("The only known workaround is to X") is ticked as X
(issue 13, round 29).

Readers of the seed-74 A/B marked MS KB walks that said "Tell the user what the article
says here; it gives no steps" under a title cut from a caveat ("Resolution: However, the
form will have to redraw") though the RESOLUTION opens with its workaround: "The only
known workaround is to hide the form and then unhide it. For instance, the following code
could be placed in a Command button ...:" over the code that does it. The sentence is a
statement, so every item of the option read as information, and the code was flattened
into the outcome's text.

When every item of an option is a statement or a note, a sentence of its text or items
that says "the (only / suggested / known) workaround is to X" gives the steps: X ticked,
one tick per action ("hide the form" then "unhide the form"), the code block the section
introduces after it shown under the last tick with its lead, the option titled
"Workaround: X", and the other statements ("However, ...") kept as the outcome's text,
never its title. Its verify is then the symptom's own (nothing says it stays).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from kbassist.articles import Section
from kbassist.drafting.option_model import Option
from kbassist.drafting.steps import step_kind
from kbassist.drafting.text import brace, short_label, split_detail, split_sentences, with_detail
from kbassist.drafting.verify import problem_sentence, whole_sentences

#: "The only known workaround is to X", "Currently, the suggested workaround is to X",
#: "The workaround for this problem is to X". Bounded repeats only.
_IS_TO_RE = re.compile(
    r"^(?:currently,?\s{1,3})?(?:the|one|a)\s{1,3}(?:(?:only|suggested|known|recommended|"
    r"simplest|easiest|best|possible|available|current)\s{1,3}){0,3}work\s?-?arounds?\s{1,3}"
    r"(?:(?:for|to)\s{1,3}(?:this|the)\s{1,3}(?:problem|issue|behaviou?r|bug)\s{1,3})?"
    r"(?:is|would\s{1,3}be)\s{1,3}to\s{1,3}(?P<act>[a-z][^;]{2,300}?)[.:]?$",
    re.IGNORECASE,
)
#: "hide the form and then unhide it": two actions, in that order.
_THEN_RE = re.compile(r",?\s{1,3}and\s{1,3}then\s{1,3}|,\s{1,3}then\s{1,3}")
#: "hide the form": a verb and a short object a following "it" stands for.
_VERB_OBJECT_RE = re.compile(r"^[a-z]{2,20}\s{1,3}(?P<obj>(?:the|this|that|your)\s[\w ]{1,40})$")
#: "For instance, the following code could be placed ...:", "such as the following:".
_INTRODUCES_RE = re.compile(r"\b(?:the\s{1,3}following|below)\b[^.]{0,200}:$", re.IGNORECASE)
MAX_ACTIONS = 3
#: The longest symptom sentence quoted as the verify.
MAX_CHECK = 300


def _flat(text: str) -> str:
    return " ".join(text.split())


def _ticks(action: str) -> list[str]:
    """ "hide the form and then unhide it" -> ["Hide the form.", "Unhide the form."]."""
    parts = [p.strip(" ,") for p in _THEN_RE.split(action.rstrip(" .:"))]
    if len(parts) > MAX_ACTIONS or any(len(p.split()) < 1 for p in parts):
        parts = [action.rstrip(" .:")]
    ticks: list[str] = []
    for n, part in enumerate(parts):
        if n and part.endswith(" it"):
            found = _VERB_OBJECT_RE.match(parts[n - 1])
            if found is not None:  # "unhide it": the object the step before named
                part = f"{part[:-3]} {found.group('obj').strip()}"
        ticks.append(f"{part[0].upper()}{part[1:]}.")
    return ticks


def _code_after(section_text: str, sentence: str) -> str:
    """The lead (" ... the following code could be placed ...:") and the indented block
    after the paragraph that says `sentence`, as written; "" when none follows it."""
    paragraphs = re.split(r"\n[ \t]*\n", section_text)
    key = _flat(sentence)[:60]
    at = next((k for k, p in enumerate(paragraphs) if key and key in _flat(p)), -1)
    if at < 0 or at + 1 >= len(paragraphs):
        return ""
    said = split_sentences(_flat(paragraphs[at]))
    lead = said[-1] if said and _INTRODUCES_RE.search(said[-1]) else ""
    if not lead:
        return ""
    block: list[str] = []
    for para in paragraphs[at + 1 :]:
        lines = [line for line in para.split("\n") if line.strip()]
        if not lines or not all(line.startswith(("  ", "\t")) for line in lines):
            break
        block.append("\n".join(lines))
    if not block:
        return ""
    code = "\n\n".join(block)
    indent = min(len(line) - len(line.lstrip()) for line in code.split("\n") if line.strip())
    code = "\n".join(line[indent:] for line in code.split("\n"))
    return f"{lead}\n\n{code}"


def workaround_ticked(option: Option, symptom: str = "") -> bool:
    """Tick the workaround an all-statement option says in prose; True when it did. Its
    verify checks the symptom's problem sentence gone (not a reproduction's last step,
    which is often the workaround itself)."""
    if not option.items or any(
        step_kind(split_detail(i)[0]) not in ("statement", "note") for i in option.items
    ):
        return False
    said = [("lead", s) for s in split_sentences(_flat(option.lead))]
    for n, item in enumerate(option.items):
        said += [(str(n), s) for s in split_sentences(_flat(split_detail(item)[0]))]
    found = next(((w, s, m) for w, s in said if (m := _IS_TO_RE.match(s)) is not None), None)
    if found is None:
        return False
    where, sentence, match = found
    ticks = _ticks(match.group("act"))
    code = _code_after(option.section.text, sentence)
    if code:
        ticks[-1] = with_detail(ticks[-1], code)
    lead = [s for w, s in said if w == "lead"]
    if code:  # the code's lead and the code flattened into the text: shown under the tick
        cut = _flat(code.split("\n\n")[0])
        lead = lead[: next((k for k, s in enumerate(lead) if s.startswith(cut)), len(lead))]
    details = [_flat(split_detail(i)[1]) for i in option.items if split_detail(i)[1].strip()]
    rest = [s for w, s in said if w != "lead" and s != sentence]
    option.lead = " ".join([sentence] * (where != "lead") + lead + rest + details).strip()
    option.items = ticks
    act = match.group("act").rstrip(" .:")
    option.label = "Workaround: " + short_label(f"{act[0].upper()}{act[1:]}", 80)
    problem = problem_sentence(symptom, MAX_CHECK) or whole_sentences(symptom, MAX_CHECK)
    problem = split_sentences(problem)[0] if problem else ""
    if problem and not option.checks:
        option.checks = [f"Check that the problem no longer occurs: {problem}"]
    return True


#: MORE INFORMATION's / SUMMARY's "To work around this problem, (you can) X" and "You can
#: work around the problem by Xing": the workaround of an article with no RESOLUTION.
_TO_WORK_AROUND_RE = re.compile(
    r"^to\s{1,3}work\s?-?around\s{1,3}(?:this|the|these)\b[^,.:]{0,120},\s{1,3}"
    r"(?:you\s{1,3}(?:can|should|must|may)\s{1,3}(?:also\s{1,3}|simply\s{1,3})?|simply\s{1,3})?"
    r"(?P<act>[a-z][^;:]{2,300}?)\.?$",
    re.IGNORECASE,
)


#: A paragraph that is an item of a list ("- The printout is smeared ...", "2. ..."): its
#: workaround is for that one listed problem, not the article's.
_LISTED_RE = re.compile(r"^(?:[-*\u2022]\s|\d{1,2}[.)]\s)")
#: A symptom sentence that says why, not what is seen: never quoted as the check.
_CAUSE_SAID_RE = re.compile(r"\b(?:caused by|because|due to)\b", re.IGNORECASE)


def _workaround_action(sentence: str) -> str:
    """The action of a sentence that states a workaround, or ""."""
    from kbassist.drafting.options import _is_action

    flat = _flat(sentence)
    found = _TO_WORK_AROUND_RE.match(flat) or _IS_TO_RE.match(flat)
    if found is None:
        return ""
    act = found.group("act").rstrip(" .:")
    return act if _is_action(f"{act[0].upper()}{act[1:]}.") else ""


def workaround_fallback(
    node: dict[str, Any], sections: list[Section], symptom: str, cite: Callable[[Section], Any]
) -> bool:
    """The "Read the article" outcome of an article whose only workaround is a sentence of
    MORE INFORMATION or SUMMARY ("To work around this problem, remove X from the Startup
    group.") ticks it, titled by it, with the code it introduces; True when it did."""
    paras = [(s, p) for s in sections for p in re.split(r"\n[ \t]*\n", s.text)]
    for section, para in paras:
        if _LISTED_RE.match(para.strip()):
            continue  # "- The printout is smeared ... To work around this, X": one listed
        for sentence in split_sentences(_flat(para)):
            act = _workaround_action(sentence)
            if not act:
                continue
            ticks = _ticks(act)
            code = _code_after(section.text, sentence)
            if code:
                ticks[-1] = with_detail(ticks[-1], code)
            source = cite(section)
            node["title"] = "Workaround: " + short_label(f"{act[0].upper()}{act[1:]}", 80)
            node["text"] = brace(sentence)  # "use the long code for Insert, {Insert}": literal
            node["source"] = source
            node["steps"] = [_entry(t, source) for t in ticks]
            problem = problem_sentence(symptom, MAX_CHECK)  # never an INFO title as "problem"
            if problem and not _CAUSE_SAID_RE.search(problem):  # "X is caused by Y": no check
                check = f"Check that the problem no longer occurs: {split_sentences(problem)[0]}"
                node["verify"] = [{"text": brace(check), "source": source}]
            return True
    return False


def _entry(tick: str, source: Any) -> dict[str, Any]:
    text, detail = split_detail(tick)
    said = {"text": brace(text), "source": source}
    return {**said, "detail": brace(detail)} if detail else said
