"""Drafting speed (round 32, perf32): the shortcuts give the very drafts the long way
gives: the text-only YAML write, and the memoised text helpers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from drafting_support import archive

from kbassist.drafting.tree import _draft_header, draft_checked, draft_read, draft_tree, draft_yaml
from kbassist.drafting.yaml_emit import emit_draft, emit_text

_ARCHIVE = """
SYMPTOMS
========

When you print a report from the "Orders" form, you receive the following error message:

    Run-time error '3021': No current record.\tThe form C:\\Orders\\Forms\\Main is closed

CAUSE
=====

This behavior occurs because the report's RecordSource is empty when the form is closed.

RESOLUTION
==========

To resolve this problem, follow these steps:

1. Open the Orders form in Design view, and then click Properties on the View menu.
2. On the Data tab, type Orders in the RecordSource box, and then click OK.
3. Save the form, close it, and then open the report again.
"""

_VALUES = [
    "plain words",
    'A "quoted" path C:\\Windows\\System32\\drivers\\etc\\hosts and "more"',
    "tab\there, newline\nhere, NUL \x00 and ESC \x1b[0m, NEL \x85, BOM \ufeff",
    "word " * 60,
    ("double  spaces  " * 30) + "end",
    "a" * 88 + "  two spaces at the width" + " b" * 40,
    "",
]


@pytest.mark.parametrize("value", _VALUES)
def test_text_only_write_is_the_file_the_node_write_gives(value: str) -> None:
    """The file `kbassist draft` writes is byte for byte the same without the YAML nodes."""
    tree: dict[str, Any] = {
        "id": "t",
        "version": 1,
        "draft": True,
        "articles": [value, "Q1"],
        "nodes": [
            {
                "id": "n",
                "text": value,
                "source": {"article": value, "section": value},
                "steps": [{"text": value, "source": {"article": "Q1", "section": "S" * 80}}],
                "empty": [],
                "none": {},
            }
        ],
    }
    emitted = emit_draft(tree, "# h\n")
    assert emitted is not None
    assert emit_text(tree, "# h\n") == emitted[0]


def test_text_only_write_refuses_what_the_node_write_refuses() -> None:
    """A value outside the drafter's shape still falls back to libyaml's own writer."""
    for odd in ({"id": "t", "x": 1.5}, {"id": "t", "x": None}, {"id": "t", "yes": "a"}):
        assert emit_text(odd, "# h\n") is None
    assert emit_text({"id": "t"}, "# one\ntwo\r\n") is None


def test_checked_draft_is_the_written_file(tmp_path: Path) -> None:
    """The checked draft's text is the dumped YAML and reads back as the same Tree."""
    article = archive(_ARCHIVE, id_="Q999932", title="Run-time error 3021 when you print")
    tree = draft_tree(article)
    path = Path("<draft>") / f"{tree['id']}.yaml"
    text, result, problems = draft_checked(tree, article, path)
    assert text == draft_yaml(tree, article)
    assert text.startswith(_draft_header(tree, article))
    assert not problems
    assert result.tree == draft_read(tree, article, path)[1].tree
    (tmp_path / "draft.yaml").write_text(text, encoding="utf-8")


_FORM_TEXTS = [
    "Type the name of the server in the following format:",
    "Type the address in domain\\user form, and then click OK.",
    "Type <server name> in the Server box.",
    "Enter a value such as 30, and then click Apply.",
    "Use the following SYNTAX to map the drive.",
    "Type the path of the share, and then press ENTER.",
    "Type your password:  \n",
    "Click Formatting, and then click OK.",
    "Click the Format menu, and then click Cells.",
    "Type the name of the St\u00e4dte folder in the FORMAT box.",
    "Enter the name: \u00a0\x1f",
    ("word " * 4000) + "format",
]


@pytest.mark.parametrize("text", _FORM_TEXTS)
def test_form_precheck_finds_what_the_full_search_finds(text: str) -> None:
    """A step that says how its value is written is still left alone, as before."""
    from kbassist.drafting.prose_inputs import _FORM_RE, _says_form

    assert _says_form(text) == bool(_FORM_RE.search(text))


def test_two_ways_in_a_sentence_are_still_read() -> None:
    """ "Reduce X by either A-ing or B-ing" still gives both ways; a sentence without
    "either" gives none."""
    from kbassist.drafting.ways import _mid_either

    found = _mid_either(
        "Reduce the number of open files by either closing the programs you do not use "
        "or increasing the FILES setting in the Config.sys file."
    )
    assert found is not None and "closing the programs" in found[1]
    assert _mid_either("We need to EITHER increase the CPU or run more servers") is not None
    assert _mid_either("Reduce the number of open files by closing the programs.") is None


def test_by_design_and_pointer_patterns_match_as_before() -> None:
    """The by-design and "for more information" sentences are found in any case."""
    from kbassist.drafting.kb_stated_cause import _POINTER_RE
    from kbassist.drafting.tree import _BY_DESIGN_PATTERN

    for said in (
        "Microsoft has confirmed this to be by design. This Behavior Is Expected.",
        "THERE IS NO WORKAROUND for this problem.",
        "It works as intended when the service is running.",
    ):
        assert _BY_DESIGN_PATTERN.search(said)
    assert not _BY_DESIGN_PATTERN.search("The program is designed to run as a service.")
    for said in ("For more information, see Q123456.", "Query on the following words: X"):
        assert _POINTER_RE.search(said)
    assert not _POINTER_RE.search("The file is missing from the folder.")


def test_quick_patterns_are_linear_on_hostile_text() -> None:
    """A 20 KB run of near-matches takes no visible time to search."""
    import time

    from kbassist.drafting.kb_stated_cause import _POINTER_RE
    from kbassist.drafting.prose_inputs import _says_form
    from kbassist.drafting.tree import _BY_DESIGN_PATTERN
    from kbassist.drafting.ways import _mid_either

    hostile = "it is a bit this there is na refer to be by desig " * 400
    started = time.perf_counter()
    _BY_DESIGN_PATTERN.search(hostile)
    _POINTER_RE.search(hostile)
    _says_form(hostile + " such a syntaxes")
    _mid_either("Do it by either " + "x" * 20000)
    assert time.perf_counter() - started < 1.0


def test_prechecked_patterns_find_what_the_full_patterns_find() -> None:
    """Each pattern now searched only past a cheap test still finds the same headers,
    messages, tables and workarounds, whatever their case."""
    from kbassist.drafting.labels import APPLIES_RE
    from kbassist.drafting.tree import _without_applies, _works_round
    from kbassist.drafting.verify import TABLE_LEAD_PATTERN, TABLE_LEAD_RE
    from kbassist.drafting.verify_observable import _QUOTED_MESSAGE_RE, _QUOTED_MESSAGE_SEARCH

    leads = [
        "_Applies to:_ Windows 10 _Original KB number:_ 974998 This article helps fix it.",
        "_ORIGINAL KB NUMBER:_ 123456 When you start the computer ...",
        "When you start the computer, the screen stays black.",
        "Applies to: Windows 10 (the original KB number is not given)",
    ]
    for lead in leads:
        assert _without_applies(lead) == APPLIES_RE.sub("", lead)
    texts = [
        'You receive an "Invalid page fault" error message.',
        "You receive the error message \u201cAccess denied\u201d when you save.",
        "The FILE ATTRIBUTES of the update are listed below.",
        "The English version of this fix has the following file versions:\n\nA.dll 1.0",
        "  Date   Time   Version   Size   File name\n  05-Jan-99 ...",
        "Versions of the following files are updated.",
        "To work around this problem, restart the computer.",
        "Use the WORK-AROUND below. The network is slow.",
        "The network works again after the restart.",
    ]
    for text in texts:
        assert bool(_QUOTED_MESSAGE_SEARCH.search(text)) == bool(_QUOTED_MESSAGE_RE.search(text))
        lead = TABLE_LEAD_RE.search(text)
        plain = TABLE_LEAD_PATTERN.search(text)
        assert (lead and lead.span()) == (plain and plain.span())
    assert _works_round(texts[6]) and _works_round(texts[7]) and not _works_round(texts[8])


def test_lookahead_patterns_match_the_spans_of_the_old_ones() -> None:
    """The first-letter lookaheads change no match: the same spans as the patterns before."""
    import re

    from kbassist.drafting.kb_stated_cause import _POINTER_RE
    from kbassist.drafting.tree import _BY_DESIGN_PATTERN
    from kbassist.drafting.verify import TABLE_LEAD_PATTERN

    old_table = re.compile(
        r"\bfile attributes\b|\bfollowing (?:time ?stamps?|updated files?)\b"
        r"|\bfollowing (?:file )?versions?\b|\bversions? of the following files\b"
        r"|^\s*(?:\|\s*)?(?:date\s+time\s+)?(?:version\s+)?(?:size\s+)?file ?name\b",
        re.IGNORECASE | re.MULTILINE,
    )
    old_design = re.compile(_BY_DESIGN_PATTERN.pattern.replace(r"\b(?=[iawbt])", r"\b", 1), re.I)
    old_pointer = re.compile(_POINTER_RE.pattern.replace(r"\b(?=[rfsqak])", r"\b", 1), re.I)
    texts = [
        "The English version has the FOLLOWING FILE VERSION or later:\n File name  Size",
        "   | Date  Time  Version  Size  File name\n",
        "Versions of the following files: a.dll. This behavior is by design.",
        "It is expected behaviour. THERE IS NO FIX. This works as designed.",
        "NOTE: For additional information, see article Q123456 in the Knowledge Base.",
        "Refer to the manual; query on the words. Tip: q12345",
        "A \u212aelvin file attributes line and \u017fee article",
    ]
    for text in texts:
        for new, old in ((TABLE_LEAD_PATTERN, old_table), (_BY_DESIGN_PATTERN, old_design)):
            assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]
        assert [m.span() for m in _POINTER_RE.finditer(text)] == [
            m.span() for m in old_pointer.finditer(text)
        ]


def test_choice_lead_lookaheads_match_the_spans_of_the_old_ones() -> None:
    """ "Use one of the following methods:" and its kin are found where they were."""
    import re

    from kbassist.drafting.options import _CHOOSE_ONE_PATTERN, _PLAIN_CHOOSE_ONE_PATTERN

    pairs = [
        (_CHOOSE_ONE_PATTERN, _CHOOSE_ONE_PATTERN.pattern.replace(r"\b(?=[oeaf])", r"\b", 1)),
        (
            _PLAIN_CHOOSE_ONE_PATTERN,
            _PLAIN_CHOOSE_ONE_PATTERN.pattern.replace(r"\b(?=[oeaft])", r"\b", 1),
        ),
    ]
    texts = [
        "To work around this problem, use ONE OF THE FOLLOWING methods:",
        "There are three possible workarounds. Either of these options below works.",
        "Here are two basic ways to do this:",
        "You can resolve this by either:",
        "The FOLLOWING 3 solutions apply; any of these alternatives here will do.",
        "Click OK, and then restart the computer.",
    ]
    for new, old_pattern in pairs:
        old = re.compile(old_pattern, re.IGNORECASE)
        assert new.pattern != old_pattern
        for text in texts:
            assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]
