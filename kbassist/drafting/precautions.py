"""A user's precaution before the fix is no fix of its own (round 32, oneof33).

"If corruption exists, restore from backup." then "For Mail for Windows: Users should make a
backup of their MMF file prior to restoring the files ..." under a "For X:" head: what the
users of X save BEFORE the restore, not a way to fix the problem. Offered as an option, a
reader picks "Make a backup of their MMF file" and fixes nothing. The precaution is shown
as a note on the fix it precedes (the option before it); whatever the group goes on to say
("If the ADMIN.NME file is corrupt, run ACCTONME.EXE ...") stays an option of its own.
"""

from __future__ import annotations

import re

from kbassist.drafting.option_model import Option
from kbassist.drafting.text import split_detail, with_detail

#: "Make an archive of their mail folders prior to restoring the files", "Back up X
#: before you reinstall": an action done before the fix's own verb, not the fix.
_PRECAUTION_RE = re.compile(
    r"^(?:make|create|take|save|export|copy|back\s?up)\b[^.]{0,160}?\b(?:prior to|before)\s+"
    r"(?:you\s+)?(?P<verb>restor|reinstall|rebuild|recreat|re-?run|running|overwrit|replac|"
    r"delet|remov)",
    re.IGNORECASE,
)
#: "For Mail for Windows: ...": the head naming whose precaution it is.
_FOR_HEAD_RE = re.compile(r"^(For [^:]{2,80}):\s")


def precautions_noted(options: list[Option], prefix: str) -> list[Option]:
    """`options` with each "For X:" option that opens with a precaution ("make a backup
    of ... prior to restoring") folded into the fix before it as a note on its first step;
    the rest of its steps, if any, stay an option (labelled by its first step)."""
    from kbassist.drafting.options import option_label

    out: list[Option] = []
    for option in options:
        head = _FOR_HEAD_RE.match(option.label)
        n, verbs = 0, []
        while n < len(option.items) and (
            found := _PRECAUTION_RE.match(split_detail(option.items[n])[0])
        ):
            verbs.append(found.group("verb").casefold())
            n += 1
        if not (out and head and n and out[-1].items):
            out.append(option)
            continue
        said = " ".join(split_detail(i)[0] for i in option.items[:n])
        at = _step_it_precedes(out[-1].items, verbs[0])
        text, detail = split_detail(out[-1].items[at])
        note = f"{head.group(1)}: {said}"
        out[-1].items[at] = with_detail(text, f"{detail}\n\n{note}" if detail else note)
        option.items = option.items[n:]
        if option.items:
            option.label = prefix + option_label(split_detail(option.items[0])[0])
            out.append(option)
    return out


def _step_it_precedes(items: list[str], verb: str) -> int:
    """The index of the first step that does what the precaution comes before ("restore
    from backup" for "prior to restoring"); the first step when none says it."""
    pattern = re.compile(rf"\b{re.escape(verb)}", re.IGNORECASE)
    return next((n for n, i in enumerate(items) if pattern.search(split_detail(i)[0])), 0)
