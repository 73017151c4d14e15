"""Bare file names ticked as steps: shown as the list of the step before (round 32).

The seed-86 readers found "ADMIN.NME", "ACCESS2.GLB" ticked one by one after "Restore
from backup." (the article's "The complete list of files to restore are:" and its
bullets): a file name alone asks nothing, it is what the step before acts on. A run of
such items after a step is listed under that step, never ticked.
"""

from __future__ import annotations

import re

from kbassist.drafting.text import split_detail, with_detail

#: One file name or path, maybe after a list marker: "ADMIN.NME", "- C:\\MAIL\\ACCESS.GLB",
#: "%windir%\\system32\\mmc.exe" (bounded: linear on hostile text).
_BARE_NAME_RE = re.compile(r"^(?:[-*\u2022]\s{1,4})?[\w$%~:\\/.-]{0,200}[\w$~-]\.[A-Za-z0-9]{2,4}$")


def bare_name(item: str) -> bool:
    """An item that is only a file name, with no detail of its own."""
    text, detail = split_detail(item)
    flat = " ".join(text.split())
    return not detail.strip() and bool(flat) and " " not in flat and bool(_BARE_NAME_RE.match(flat))


def _listed_under(detail: str, names: list[str]) -> str:
    """`detail` with `names` listed under the paragraph that announces them ("The complete
    list of files to restore are:"), else after it all."""
    listed = "\n".join(f"- {name}" for name in names)
    paragraphs = detail.split("\n\n") if detail.strip() else []
    for n, paragraph in enumerate(paragraphs):
        if paragraph.rstrip().endswith(":"):
            paragraphs[n] = f"{paragraph.rstrip()}\n{listed}"
            return "\n\n".join(paragraphs)
    return "\n\n".join([*paragraphs, listed])


def names_listed(items: list[str], acts: list[bool]) -> list[str]:
    """`items` with each run of bare file names after a step (`acts`: which items open
    with an action's verb) listed under that step's detail, not ticked."""
    out: list[str] = []
    names: list[str] = []
    step = -1  # where in `out` the last action is, while only names follow it

    def flush() -> None:
        if names:
            text, detail = split_detail(out[step])
            out[step] = with_detail(text, _listed_under(detail, names))
            names.clear()

    for item, action in zip(items, acts, strict=True):
        if step >= 0 and bare_name(item):
            names.append(re.sub(r"^[-*\u2022]\s+", "", " ".join(split_detail(item)[0].split())))
            continue
        flush()
        out.append(item)
        # a name with no step before it lists nothing: ticked as it was (never the step)
        step = len(out) - 1 if action and not bare_name(item) else -1
    flush()
    return out
