"""A hotfix's file table shown with the check it is for, not under "Contact Microsoft
Product Support Services to obtain the fix" (issue 13, "steps that are steps").

The verify already reads the table ("Check that Apasetup.exe is version 1380.1082 or
later ..."); shown under the step that obtains the fix, the table and its "Due to file
dependencies ..." note read as part of that step. They are shown under the check instead.
"""

from __future__ import annotations

from kbassist.drafting.text import split_detail, with_detail
from kbassist.drafting.verify import TABLE_LEAD_RE, file_versions

#: "NOTE: Due to file dependencies, the most recent hotfix ... may also contain additional
#: files.": the table's own note.
_DEPENDENCY_NOTE = "due to file dependencies"


def table_to_check(items: list[str]) -> tuple[list[str], str]:
    """(items, table): the first step's detail paragraph that is a hotfix file table (with
    its lead-in and its dependency note) taken out, and that text; (items, "") when no
    step's detail holds one."""
    for n, item in enumerate(items):
        text, detail = split_detail(item)
        paras = detail.split("\n\n")
        at = next(
            (k for k, p in enumerate(paras) if TABLE_LEAD_RE.search(p) and file_versions(p)),
            None,
        )
        if at is None:
            continue
        moved = [paras[at]]
        rest = paras[:at] + paras[at + 1 :]
        notes = [p for p in rest if _DEPENDENCY_NOTE in p.casefold()]
        moved += notes
        rest = [p for p in rest if p not in notes]
        out = list(items)
        out[n] = with_detail(text, "\n\n".join(p for p in rest if p.strip()))
        return out, "\n\n".join(moved)
    return items, ""
