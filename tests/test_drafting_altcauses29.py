"""Round 29 (altcauses29): alternative causes a CAUSE states in prose ("occurs if A, or if
B") are asked; a cause the article's one fix does not address leads to an honest "no fix"
outcome, never to the other cause's fix; conditions that must all hold are no choice."""

from __future__ import annotations

import time
from typing import Any

from drafting_support import archive, questions, support, walked

from kbassist.drafting import prose_causes
from kbassist.drafting.tree import draft_tree

SEARCH = """## Symptoms

The Indexer service does not start. When you start it manually, you receive an error
that says the service started and then stopped.

## Cause

You may see this issue if there are missing values under the following registry key:

`HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\Indexer\\Catalogs\\Primary`

Or if there are damaged journal files at the following location:

C:\\ProgramData\\Contoso\\Journal

> [!NOTE]
> The above registry key is unique to each computer, so do not copy it from another one.

## Resolution

To resolve this issue, delete all files with the `.JRN` extension in the following folder:

C:\\ProgramData\\Contoso\\Journal

After the files are deleted, restart the computer.
"""

SENTENCE = (
    "SYMPTOMS\n========\n\n"
    "When you open the Reports window, the program stops responding.\n\n"
    "CAUSE\n=====\n\n"
    "This problem occurs if the report cache file is damaged, or if the spooler\n"
    "queue folder is full.\n\n"
    "RESOLUTION\n==========\n\n"
    "To resolve this problem, follow these steps:\n\n"
    "1. Close the program.\n\n"
    "2. Delete the damaged report cache file Rptcache.dat from the program folder.\n\n"
    "3. Start the program again.\n"
)


def _which(tree: dict[str, Any]) -> dict[str, Any] | None:
    """The drafted "Which cause applies?" question, if any."""
    return next((q for q in questions(tree) if q["title"] == "Which cause applies?"), None)


def test_prose_cause_with_no_fix_leads_to_an_honest_outcome() -> None:
    """ "if A ... Or if B" over a fix for B only: A's answer says the article has no fix
    and runs none of B's steps; B's answer and "Not sure" run the fix."""
    article = support(SEARCH, title="Indexer service doesn't start")
    tree = draft_tree(article)
    which = _which(tree)
    assert which is not None
    labels = [c["label"] for c in which["choices"]]
    assert labels[0].startswith("There are missing values under HKEY_LOCAL_MACHINE")
    assert labels[1].endswith("C:\\ProgramData\\Contoso\\Journal")
    nofix = walked(article, {"symptom": "yes", "which_cause": "cause_1"})
    said = " ".join(i.text for i in nofix.part("steps"))
    assert ".JRN" not in said and "restart the computer" not in said.casefold()
    outcome = next(n for n in tree["nodes"] if n["id"] == which["choices"][0]["next"])
    assert outcome["text"].startswith("The article gives no fix for this cause")
    assert "unique to each computer" in outcome["text"]
    fix = next(n for n in tree["nodes"] if n["id"] == which["choices"][1]["next"])
    assert fix["title"] == "Resolution: Delete all files with the .JRN extension"
    fixed = walked(article, {"symptom": "yes", "which_cause": "cause_2"})
    assert any(".JRN" in i.text for i in fixed.part("steps"))
    unsure = walked(article, {"symptom": "yes", "which_cause": "unknown"})
    assert any(".JRN" in i.text for i in unsure.part("steps"))


def test_or_if_in_one_sentence_is_found_but_not_asked() -> None:
    """ "occurs if A, or if B" in one sentence: found as two causes, but one short fix
    cannot be told to miss a cause, so no cause question or no-fix outcome is drafted."""
    article = archive(SENTENCE)
    assert prose_causes.prose_causes(article) == [
        "the report cache file is damaged",
        "the spooler queue folder is full",
    ]
    tree = draft_tree(article)
    assert _which(tree) is None
    assert not [n for n in tree["nodes"] if n["id"].endswith("_nofix")]


PARAGRAPHS = (
    "SYMPTOMS\n========\n\n"
    "The Catalog service stops a few seconds after it starts.\n\n"
    "CAUSE\n=====\n\n"
    "This problem occurs if the catalog index folder is missing from the following\n"
    "location:\n\n"
    "C:\\CATALOG\\INDEX\n\n"
    "Or if the journal files are damaged in the following folder:\n\n"
    "C:\\CATALOG\\JOURNAL\n\n"
    "RESOLUTION\n==========\n\n"
    "To resolve this problem, delete the damaged journal files from C:\\CATALOG\\JOURNAL,\n"
    "and then restart the computer.\n"
)


def test_archive_paragraph_causes_ask_and_tell_the_unfixed_one() -> None:
    """An archive CAUSE with "if A:" and "Or if B:" paragraphs over a fix for B: the
    missing-index answer reaches the honest outcome, not the journal cleanup."""
    article = archive(PARAGRAPHS)
    which = _which(draft_tree(article))
    assert which is not None
    assert which["choices"][0]["next"].endswith("_nofix")
    nofix = walked(article, {"symptom": "yes", "which_cause": "cause_1"})
    assert not any("journal" in i.text.casefold() for i in nofix.part("steps"))


def test_conditions_that_must_all_hold_are_no_choice() -> None:
    """ "occurs if A and if B": both must hold, so nothing is asked."""
    body = PARAGRAPHS.replace("Or if the journal", "And if the journal")
    article = archive(body)
    assert prose_causes.prose_causes(article) == []
    assert _which(draft_tree(article)) is None


def test_fix_naming_no_cause_leaves_the_walk_alone() -> None:
    """A fix that shares no key words with either cause cannot be matched: the walk is
    not changed into a cause question."""
    body = PARAGRAPHS.replace(
        "delete the damaged journal files from C:\\CATALOG\\JOURNAL,", "install the update,"
    )
    assert _which(draft_tree(archive(body))) is None


def test_or_if_regex_is_linear_on_hostile_text() -> None:
    """20 KB of "if a, or if" repeats without a sentence end is split quickly."""
    hostile = "This occurs if " + "a, or if " * 2500
    started = time.perf_counter()
    prose_causes._OR_RE.search(hostile)
    prose_causes._OR_RE.search("if " + "x" * 20000)
    assert time.perf_counter() - started < 1.0
