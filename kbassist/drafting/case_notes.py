"""Conditions inside a fix's checklist that are not steps of their own (round 15, alts15).

- "If you are prompted to install SP3, quit without installing SP3." is what to do when
  the step before it asks something: a note on that step, never a tick of its own (the
  admin cannot tick "if prompted" ahead of the prompt, and it is no case to ask up front).
- "If SP5 or later is installed, reinstalling the service pack should replace the file"
  is a step for one case said with its action as the subject: read as "Reinstall the
  service pack: it should replace the file" so the case is asked like "If X, do Y".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from kbassist.drafting.text import DETAIL_SEP, split_detail, with_detail

if TYPE_CHECKING:
    from kbassist.drafting.option_model import Option

#: "If you are prompted to install SP3, quit ...", "If prompted for the disk, insert it",
#: "If you are asked to restart, click Yes": what to do when the step before asks.
_PROMPTED_RE = re.compile(
    r"^if\s+(?:you\s+are\s+|you're\s+)?(?:prompted|asked)\b[^,.;:]{0,140},\s*(?:then\s+)?"
    r"(?P<then>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
#: "Then, copy the file": a step that followed the prompt's answer, first now.
_THEN_LEAD_RE = re.compile(r"^then,?\s+(?=[a-z])", re.IGNORECASE)


def _bare(text: str) -> str:
    return re.sub(r"[^\w\s]", "", text).casefold().split(".")[0].strip()


def prompted_notes(option: Option) -> None:
    """An "If you are prompted …, do Y" item becomes a note under the step whose prompt it
    answers (the first step's note goes under the next one, whose "Then," lead goes); an
    option named by that note is named by its first step instead."""
    from kbassist.drafting.options import option_label

    items = list(option.items)
    if len(items) < 2 or option.when:
        return
    if not any("prompted" in i[:40] or "asked" in i[:40] for i in items):
        return  # cheap guard: most checklists have no such item
    out: list[str] = []
    pending = ""  # a first item's note, waiting for the step after it
    relabel_from = ""
    for n, item in enumerate(items):
        text, detail = split_detail(item)
        found = _PROMPTED_RE.match(text.strip())
        if found is not None and (out or n + 1 < len(items)):
            note = with_detail(text.strip(), detail).replace(DETAIL_SEP, "\n")
            if out:
                out[-1] = with_detail(out[-1], note)
            else:
                pending = note
                relabel_from = found.group("then")
            continue
        if pending:
            bare = _THEN_LEAD_RE.sub("", text, count=1)
            text = bare[:1].upper() + bare[1:]
            item = with_detail(with_detail(text, pending), detail)
            pending = ""
        out.append(item)
    if len(out) == len(items):
        return
    option.items = out
    if relabel_from and out:
        head, colon, body = option.label.rpartition(": ")
        said = _bare(relabel_from)
        if body and said.startswith(_bare(body)[:30]):
            new = option_label(split_detail(out[0])[0])
            option.label = f"{head}{colon}{new}" if colon else new


#: "If SP5 or later is installed, reinstalling the service pack should replace the
#: Nhloader.exe file": a case, an action said as a gerund, and what it should do.
_GERUND_CASE_RE = re.compile(
    r"^if\s+(?P<cond>[^,.;:]{4,140}),\s*(?:then\s+)?(?P<verb>[a-z]{3,}ing)\s+(?P<obj>[^,.;:]{2,100}?)"
    r"\s+(?P<modal>should|will|may|can|might|could)\s+(?P<effect>(?:(?:also|then|probably|"
    r"usually)\s+)?(?:replace|fix|correct|resolve|solve|eliminate|allow|let|restore|remove|"
    r"update|enable|clear|prevent|repair)\b[^;:]*?)\.?$",
    re.IGNORECASE | re.DOTALL,
)
#: "If it is not, ...", "If this happens, ...": a case that points back, nothing to ask.
_POINTING_CASE_RE = re.compile(r"^(?:it|this|that|these|those|so|not)\b", re.IGNORECASE)


def _stem_verbs(gerund: str) -> list[str]:
    """ "reinstalling" -> reinstall, "removing" -> remove, "running" -> run."""
    stem = gerund[:-3]
    out = [stem, stem + "e"]
    if len(stem) >= 3 and stem[-1] == stem[-2]:
        out.append(stem[:-1])
    return out


def gerund_case(text: str, acting: Callable[[str], bool]) -> tuple[str, str] | None:
    """(case, imperative step) of "If X, doing Y should Z." (`acting` tells a step), or None
    when the sentence is no such step: a warning ("switching back may cause …"), a case
    that points back ("If it is not, correcting …"), or no verb of a step."""
    if not text[:3].casefold().startswith("if "):
        return None
    found = _GERUND_CASE_RE.match(" ".join(text.split()))
    if found is None:
        return None
    cond = found.group("cond").strip()
    if len(cond.split()) < 3 or _POINTING_CASE_RE.match(cond):
        return None
    obj = found.group("obj")
    for verb in _stem_verbs(found.group("verb").casefold()):
        step = f"{verb.capitalize()} {obj}"
        if acting(step):
            effect = found.group("effect").rstrip(". ")
            return cond, f"{step}: it {found.group('modal').casefold()} {effect}."
    return None
