"""Drafting speed (round 25, perf25): the shortcuts taken for speed change no draft, and the
bench reads the 120 s target on the drafting time alone."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path
from typing import Any

import pytest
import yaml
from drafting_support import archive, fixes

from kbassist.drafting.tree import _DraftDumper, draft_text, draft_tree
from kbassist.drafting.verify_stays import stays_verify
from kbassist.trees.safe_yaml import _DraftYAMLLoader

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))  # bench/ is scripts, not a package

import bench_draft  # noqa: E402
from draft_metrics import Record  # noqa: E402

mskb = partial(archive, id_="Q999925")

#: Prose, and every first character YAML 1.1 gives an implicit type to.
_VALUES = [
    "Click OK, and then restart the computer.",
    "Restart",
    "yes",
    "No",
    "on",
    "~",
    "null",
    "Null",
    "12",
    "-3.5",
    ".inf",
    "0x1F",
    "2001-12-14",
    "<<",
    "=",
    "",
    "Éditez le registre",
    "%SystemRoot%\\system32",
    "3 GB of memory",
    "True to its name",
]


@pytest.mark.parametrize("value", _VALUES)
def test_quick_resolve_tags_as_the_plain_resolver(value: str) -> None:
    """Every text value gets the tag PyYAML's own resolver gives it, written and read."""
    plain = yaml.resolver.Resolver()
    dumper = _DraftDumper(None)
    for implicit in ((True, False), (False, True), (True, True)):
        want = plain.resolve(yaml.ScalarNode, value, implicit)
        assert dumper.resolve(yaml.ScalarNode, value, implicit) == want
        if _DraftYAMLLoader is not None:
            loader = _DraftYAMLLoader("x: 1")
            try:
                assert loader.resolve(yaml.ScalarNode, value, implicit) == want
            finally:
                loader.dispose()


def test_draft_of_values_that_look_typed_reads_back_as_text() -> None:
    """A step that is only "Yes" or "10" stays text in the written, re-read draft."""
    article = mskb(
        "SYMPTOMS\n========\n\nContoso Setup stops with an error when you install the"
        " driver.\n\nRESOLUTION\n==========\n\n1. Click Start, and then click Run.\n\n"
        "2. Type 10, and then click OK.\n\n3. When you are prompted, click Yes.\n"
    )
    text, tree = draft_text(article)
    assert '"' in text
    assert fixes(draft_tree(article))
    assert tree.nodes


def _prohibition_tree(cause: str) -> dict[str, Any]:
    """A drafted tree whose one fix only says what not to do, verified by the symptom."""
    source = {"article": "Q999925", "section": "SYMPTOMS"}
    return {
        "symptom": "You cannot find how to resize the Contoso Ledger journal.",
        "cause": cause,
        "nodes": [
            {
                "id": "fix",
                "kind": "outcome",
                "steps": [{"text": "Do not try to resize the journal."}],
                "verify": [{"text": "Check that the problem no longer occurs.", "source": source}],
            }
        ],
    }


def test_documentation_error_fix_is_not_checked_by_the_symptom() -> None:
    """A "do not" fix for wrong documentation gets no "no longer occurs" check."""
    wrong = _prohibition_tree("The Contoso Ledger Help has documentation errors.")
    stays_verify(wrong, "SYMPTOMS You cannot find how to resize the journal.")
    assert "verify" not in wrong["nodes"][0]


def test_prohibition_fix_keeps_its_check_when_the_documentation_is_right() -> None:
    """Without a documentation error the same "do not" fix keeps a verify."""
    right = _prohibition_tree("The journal is locked while Contoso Ledger runs.")
    stays_verify(right, "SYMPTOMS You cannot find how to resize the journal. " + "x " * 3000)
    assert right["nodes"][0].get("verify")


def test_bench_prints_drafting_time_apart_from_wall_time() -> None:
    """The drafting-only row sums each article's parse+draft+lint seconds over the procs."""
    records = []
    for n in range(600):
        record = Record("archive", f"kb/{n}.txt", status="drafted")
        record.seconds_draft = 0.01
        record.seconds = 0.05
        records.append(record)
    column = bench_draft.summarize(records, wall=20.0, procs=2)
    assert column["wall time"].startswith("20.0 s")
    assert column["  drafting only (parse+draft+lint / procs)"] == "3.0 s"


def test_placeholder_explained_in_quotes_keeps_its_meaning() -> None:
    """'where "<share>" is the share name' still tells the input what to type."""
    from kbassist.drafting.tree import _explanation

    items = [
        'Type net use z: \\\\server\\<share>, where "<share>" is the name of the shared folder.',
        "Press ENTER, and then type the password and <share> again.",
    ]
    assert _explanation("<share>", items) == "the name of the shared folder"
    assert _explanation("<share>", items[1:]) == ""
    assert _explanation("<share>", ["Connect to <share> where share is the team folder."]) == (
        "the team folder"
    )
