"""Parts of one fix, and remarks about fixes, that an MS KB section's reading offers as
fixes of their own (round 41, dupfix41).

- A summary paragraph right over its own "Step-by-Step Procedure" / "More detailed
  steps" / "Detailed Steps" sub-heading ("You need to manually register the Msstkprp.dll
  file." then the steps that register it) is one fix: the procedure's steps, named by the
  summary, the summary shown as the outcome's text.
- A closing remark after the methods that compares them ("Method 2 and method 3 do not
  permit you to suppress blank lines ... Method 1 automatically suppresses them.") is no
  fix: it is the fixes question's help, the reason to prefer one.
- A "there is no way of/to X" statement with no step, beside fixes that have steps, is no
  fix either: it is said in the help.

Each rule reads only the options already found (no article scan).
"""

from __future__ import annotations

import re

from kbassist.drafting.option_model import Option
from kbassist.drafting.text import clean, split_detail, split_sentences

#: The heading of a section's own detailed steps, as options.py prefixes it to the label.
_STEPS_HEAD_RE = re.compile(
    r"^(?:step[- ]by[- ]step (?:procedure|instructions|steps)|more detailed steps|"
    r"detailed (?:steps|procedure|instructions))\s*:\s*",
    re.IGNORECASE,
)
#: A remark that names two or more of the methods ("Method 2 and method 3 do not ...",
#: "Methods 1 and 2 require ...", "Both methods ...").
_COMPARES_RE = re.compile(
    r"^(?:note:?\s*)?(?:methods? \d+,? (?:and|or) (?:method )?\d+|both (?:of these )?methods"
    r"|either method)\b",
    re.IGNORECASE,
)
#: "there is no way of using this configuration", "there is currently no way to X".
#: A label the section reader headed by the remark's own first words ("Method 2: and ...").
_METHOD_HEAD_RE = re.compile(r"^(methods? \d+):\s", re.IGNORECASE)
_NO_WAY_RE = re.compile(
    r"\bthere (?:is|are) (?:currently |presently |still |at this time )?no (?:way|method|means)"
    r" (?:of|to|for)\b",
    re.IGNORECASE,
)
#: "The issue may be resolved by changing X" -> "Change X".
_RESOLVED_BY_RE = re.compile(
    r"^(?:the|this) (?:issue|problem|error|behaviou?r) (?:may|can|might|could) be (?:resolved"
    r"|fixed|corrected|avoided) by (?P<gerund>[a-z]+ing) (?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL,
)
#: "you can disable idle timeout ...": an offer to act, a step after all.
_OFFER_RE = re.compile(r"^you (?:can|could|may|might|should|must|need to)\s", re.IGNORECASE)
_LEAD_WORD_RE = re.compile(
    r"^(?:consequently|therefore|thus|so|however|instead|alternatively|but),\s*", re.IGNORECASE
)


def _text(option: Option) -> str:
    return " ".join(clean(split_detail(i)[0]) for i in option.items).strip()


def _acts(option: Option) -> bool:
    """Any step of the option, or any sentence of its text or detail ("However, disable
    idle timeout ..."), is an action."""
    from kbassist.drafting.options import _is_action

    for item in option.items:
        text, detail = split_detail(item)
        if _is_action(clean(text)):
            return True
        for sentence in split_sentences(clean(f"{text} {detail}")):
            bare = _LEAD_WORD_RE.sub("", sentence)
            if _is_action(bare) or _OFFER_RE.match(bare):
                return True
    return False


def _summary_label(summary: Option) -> str:
    """The summary's own label when it is one paragraph or opens with an action; else
    its last action's ("According to the Help, ... To work around it, use X": "Use X")."""
    from kbassist.drafting.options import _is_action, _verb_of, option_label

    texts = [clean(split_detail(i)[0]) for i in summary.items]
    prefix = summary.label.split(":", 1)[0] + ": " if ":" in summary.label else ""
    if any(t.endswith(":") for t in texts):
        return ""  # "... set as shown:" over a list the outcome's text cannot show
    by = _RESOLVED_BY_RE.match(texts[0]) if len(texts) == 1 else None
    if by and (verb := _verb_of(by.group("gerund"))):
        return prefix + option_label(f"{verb.capitalize()} {by.group('rest')}")
    if len(texts) == 1 or _is_action(texts[0]):  # "You need to register X", "Modify X."
        return summary.label
    acting = [t for t in texts if _is_action(t)]
    if not acting:
        return ""
    return prefix + option_label(acting[-1])


def _merged_summaries(options: list[Option]) -> list[Option]:
    """A section's one summary option right before its "Step-by-Step Procedure" option:
    the procedure, named by the summary, its text the outcome's lead."""
    out: list[Option] = []
    for option in options:
        head = _STEPS_HEAD_RE.match(option.label)
        if (
            head
            and out
            and out[-1].section is option.section
            and out[-1].kind == "option"
            and sum(o.section is option.section for o in out) == 1
            and not _STEPS_HEAD_RE.match(out[-1].label)
            and option.items
            and 1 <= len(out[-1].items) <= 3
        ):
            summary = out[-1]
            label = _summary_label(summary)
            if label:
                said = _text(summary)
                option.label = label
                option.lead = f"{said} {option.lead}".strip()
                out[-1] = option
                continue
        out.append(option)
    return out


def one_fix_parts(lead: str, options: list[Option]) -> tuple[str, list[Option]]:
    """(`lead`, `options`) with a summary and its own detailed steps made one fix, and
    closing method remarks and "no way to X" statements moved into `lead` (the fixes
    question's help); other options come back unchanged."""
    if len(options) < 2:
        return lead, options
    options = _merged_summaries(options)
    notes: list[str] = []
    noway: list[str] = []
    kept: list[Option] = []
    for n, option in enumerate(options):
        text = _text(option)
        if option.kind != "option" or not text or _acts(option):
            kept.append(option)
            continue
        siblings = [o for o in options if o is not option and o.section is option.section]
        later = any(o.section is option.section for o in options[n + 1 :])
        head = _METHOD_HEAD_RE.match(option.label)  # "Method 2: and method 3 do not ..."
        if head and re.match(r"(?:and|or)\s", text, re.IGNORECASE):
            text = f"{head.group(1)} {text}"
        if (
            _COMPARES_RE.match(text)
            and len(siblings) >= 2
            and not later
            and all(_acts(o) for o in siblings)
        ):
            notes.append(text)
            continue
        sentences = split_sentences(text) or [text]
        said = [s for s in sentences if _NO_WAY_RE.search(s)]
        others = [o for o in options if o is not option and o.kind == "option" and _acts(o)]
        if said and others:
            bare = _LEAD_WORD_RE.sub("", said[0])
            noway.append(bare[:1].upper() + bare[1:])
            continue
        kept.append(option)
    if not notes and not noway:
        return lead, options
    if noway and len(kept) == 1:  # no question to help: the one fix's outcome says it
        kept[0].lead = " ".join([*noway, kept[0].lead]).strip()
        noway = []
    lead = " ".join([*noway, lead, *notes]).strip()
    return lead, kept
