"""Round 23 (hostile23): long runs a user's KB can hold (a pasted log, a big listing)
must not hang `kbassist draft` or the TUI's drafted walk."""

from __future__ import annotations

import time
from pathlib import Path

from cpu_budget import budget
from drafting_support import archive, runbook, support

from kbassist.articles import Article, load_article
from kbassist.drafting.tree import draft_text

#: CPU seconds a hostile article may take: each of these takes at most 2 s now (4-40 s
#: before); the slack is for a suite run beside other load.
_BUDGET = 5.0

#: An MS KB article in Markdown and an alert runbook, the run `{r}` in each place they
#: hold text (a symptom, a cause, a step, a list item, a command).
_MSKB = """# Q999999: Hostile run

## SYMPTOMS

When you run X, you receive: {r}

## CAUSE

This occurs because {r}

## RESOLUTION

To resolve this problem, follow these steps:

1. {r}
2. Restart.

## MORE INFORMATION

{r}
"""
_RUNBOOK = """---
title: Hostile run
---
# Alert

## Meaning

{r}

## Mitigation

- {r}

```
kubectl get {r}
```

1. Delete the pod.
"""


def _drafted_fast(article: Article) -> str:
    """The draft of `article` (blanks folded), asserted to take under `_BUDGET` of CPU
    (after a small draft, so the first test does not pay for compiling the rules)."""
    draft_text(runbook("## Mitigation\n\nDelete the pod.\n"))
    started = time.process_time()
    text = draft_text(article)[0]
    assert time.process_time() - started < budget(_BUDGET)
    return " ".join(text.split())


def _written(tmp_path: Path, template: str, run: str) -> Article:
    """The article `template` makes of `run`, read from a file as `kbassist draft` reads
    it (an MS KB article from its `kb/` folder)."""
    name = "kb/999/Q999999/README.md" if template is _MSKB else "runbooks/HostileRun.md"
    path = tmp_path / name
    path.parent.mkdir(parents=True)
    path.write_text(template.format(r=run))
    return load_article(path)


def test_a_kb_article_of_angle_placeholders_drafts_fast(tmp_path: Path) -> None:
    """A runbook and an MS KB article holding 13,332 `<x>` in each place draft in linear
    time (each `<x>` was checked against every one taken before it and searched the whole
    text for its closing tag: 16 s and more) and their last steps are still read."""
    assert "Delete the pod." in _drafted_fast(_written(tmp_path / "rb", _RUNBOOK, "<x>" * 13_332))
    assert "Restart." in _drafted_fast(_written(tmp_path / "kb", _MSKB, "<x>" * 13_332))


def test_a_kb_article_of_or_lines_drafts_fast(tmp_path: Path) -> None:
    """An MS KB article holding 3,333 `-or-` lines in each place drafts in linear time
    (each `-or-` looked back over every block for its step and its neighbours: 11 s)."""
    assert "Restart." in _drafted_fast(_written(tmp_path, _MSKB, "-or-\n\n" * 3333))


def test_a_runbook_of_times_drafts_fast(tmp_path: Path) -> None:
    """A runbook holding 2,222 times ("1:00 PM 2:00 PM ...") in each place drafts in
    linear time (each time searched its whole line for a file date: 9 s)."""
    times = "".join(f"{i % 12 + 1}:00 PM " for i in range(2222))
    assert "Delete the pod." in _drafted_fast(_written(tmp_path, _RUNBOOK, times))


def test_a_runbook_of_an_explained_drive_letter_drafts_fast(tmp_path: Path) -> None:
    """A runbook that says "where x is the drive." and then holds 6,666 `x:` in each
    place drafts in linear time (each `x:` was checked against every one taken: 32 s)."""
    run = "where x is the drive. " + "x: " * 6666
    assert "Delete the pod." in _drafted_fast(_written(tmp_path, _RUNBOOK, run))


def test_a_kb_procedure_of_steps_with_an_or_each_drafts_fast(tmp_path: Path) -> None:
    """An MS KB article holding 500 numbered steps, each with an indented `-or-` way, in
    each place drafts fast (each `-or-` walked every block, and each of the 900 alike
    labels was compared with every other: 7.7 s) and its steps are still read."""
    run = "".join(f"{i}. Click A.\n\n   -or-\n\n   Click B.\n\n" for i in range(1, 500))
    assert "Click B." in _drafted_fast(_written(tmp_path, _MSKB, run))


def test_an_archive_line_of_forty_thousand_letters_or_parens_drafts_fast() -> None:
    """An archive article whose sections each hold one 40 KB word, or 40,000 "(", as a
    paragraph drafts in linear time (the code-line test tried each letter or "(" to the
    end of the line: 13 s) and its RESOLUTION is still an outcome with the run as its step
    (the "follow these steps:" lead-in only announces them, so it is no longer shown)."""
    for run in ("a" * 40_000, "(" * 40_000):
        body = (
            f"SYMPTOMS\n========\n\n{run}\n\nCAUSE\n=====\n\n{run}\n\n"
            "RESOLUTION\n==========\n\nTo resolve this problem, follow these steps:\n\n"
            f"{run}\n\nMORE INFORMATION\n================\n\n{run}\n"
        )
        text = _drafted_fast(archive(body))
        assert 'section: "RESOLUTION"} steps: - text:' in text


def test_a_command_with_a_thousand_distinct_placeholders_drafts_fast() -> None:
    """A runbook command holding 1,000 different `<placeholderN>` drafts in linear time
    and its placeholders are still asked for."""
    command = " ".join(f"<placeholder{i}>" for i in range(1000))
    body = f"## Mitigation\n\nRun:\n\n```\nkubectl get {command}\n```\n"
    assert "placeholder999" in _drafted_fast(runbook(body))


def test_a_support_article_with_a_table_of_two_thousand_rows_drafts_fast() -> None:
    """A support article whose Resolution holds a 2,000-row Markdown table drafts fast
    and the step after the table is still read."""
    rows = "".join(f"| key{i} | value {i} |\n" for i in range(2000))
    body = (
        "## Symptoms\n\nThe service fails.\n\n## Resolution\n\n1. Set the keys:\n\n"
        f"   | Name | Value |\n   |---|---|\n{rows}\n1. Restart the service.\n"
    )
    assert "Restart the service." in _drafted_fast(support(body))
