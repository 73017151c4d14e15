"""Integrator fixes after round 25's blind A/B (seed 70): what the readers marked on
the new drafts."""

from __future__ import annotations

import time

from cpu_budget import budget
from drafting_support import archive, walked

from kbassist.drafting.whole_titles import status_title

#: A how-to whose procedure exports a branch and searches the text: nothing is changed,
#: though a step explains the format of DWORD and Binary data.
SEARCH = (
    "SUMMARY\n=======\n\nThe Find tool in Registry Editor searches string values only.\n\n"
    "MORE INFORMATION\n================\n\n"
    "To search for DWORD or Binary data, follow these steps:\n\n"
    "1. Start Regedit.exe and click the HKEY_LOCAL_MACHINE branch.\n\n"
    "2. On the Registry menu, click Export Registry File.\n\n"
    "3. Type a file name, and then click Save.\n\n"
    "4. Open the file with a text editor.\n\n"
    "5. Use the text editor's search feature to find the data. The format of the text\n"
    "   depends on the data type (DWORD or Binary).\n"
)

#: The same editor, a value added: the backup belongs before the change.
ADD = (
    "SYMPTOMS\n========\n\nThe Contoso service logs event 623 when it starts.\n\n"
    "RESOLUTION\n==========\n\n"
    "1. Start Registry Editor (Regedt32.exe).\n\n"
    "2. Locate the HKEY_LOCAL_MACHINE\\Software\\Contoso key.\n\n"
    "3. On the Edit menu, point to New, and then click DWORD Value.\n\n"
    "4. Quit Registry Editor.\n"
)


def _ticks(body: str) -> list[str]:
    checklist = walked(archive(body), {"symptom": "yes"})
    return [item.text for item in checklist.items]


def test_a_procedure_that_only_reads_the_registry_gets_no_backup() -> None:
    """Exporting a branch to search it changes no key: no "Back up the registry key"
    step is added, however its note names DWORD data."""
    assert not any(t.startswith("Back up the") for t in _ticks(SEARCH))


def test_a_procedure_that_adds_a_dword_value_still_gets_its_backup() -> None:
    """ "Click DWORD Value" on the Edit menu changes a key: the backup comes before it."""
    ticks = _ticks(ADD)
    backup = next(n for n, t in enumerate(ticks) if t.startswith("Back up the"))
    assert backup < next(n for n, t in enumerate(ticks) if "DWORD Value" in t)


def test_a_status_sentence_of_spaces_is_titled_in_linear_time() -> None:
    """A STATUS sentence holding a 20,000-space run is titled fast (the "listed at the
    beginning of this article" rule tried the run from each of its spaces: 7 s)."""
    started = time.process_time()
    status_title("Microsoft has confirmed this" + " " * 20_000 + "to be a problem.", 120)
    assert time.process_time() - started < budget(0.5)
