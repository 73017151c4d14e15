"""A workaround the article says in prose ("The only known workaround is to X") is
ticked as X, with the code it introduces, titled by X (issue 13, round 29)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from kbassist.articles import load_article
from kbassist.articles.model import Section
from kbassist.drafting.prose_workaround import (
    _INTRODUCES_RE,
    _IS_TO_RE,
    _ticks,
    workaround_fallback,
)
from kbassist.drafting.steps import INFO_STEP
from kbassist.drafting.tree import draft_tree


def _article(tmp_path: Path, resolution: str, number: str = "Q990291") -> Path:
    """An archive-style KB article (front matter, tab-indented body) with `resolution`."""
    body = f"""\
SYMPTOMS
========

When you resize the splitter of a list box, a grey band is left on the right
side of the window. This happens only when the splitter is very narrow.

RESOLUTION
==========

{resolution}

STATUS
======

Microsoft has confirmed this to be a problem in the Microsoft products listed at
the beginning of this article.
"""
    text = f"""---
layout: page
title: "{number}: BUG: Narrow Splitter Leaves Grey Band"
---

## {number}: BUG: Narrow Splitter Leaves Grey Band

{{% raw %}}

\tArticle: {number}
\tProduct(s): Microsoft Visual FoxPro
\tVersion(s): 3.0
\tKeyword(s): kbbuglist
\t-------------------------------------------------------------------------------

""" + "".join(f"\t{line}\n" if line else "\t\n" for line in body.split("\n"))
    text += "\n{% endraw %}\n"
    folder = tmp_path / number
    folder.mkdir()
    path = folder / "README.md"
    path.write_text(text, encoding="utf-8")
    return path


def _fix(tree: dict[str, Any]) -> dict[str, Any]:
    return next(
        n for n in tree["nodes"] if n.get("kind") == "outcome" and n["id"] != "not_this_article"
    )


CODE_WORKAROUND = """\
The only known workaround is to close the window and then reopen it. For example,
the following code could be placed in the Click event of a button on the window:

     ThisWindow.Visible=.F.
     ThisWindow.Visible=.T.

However, the window will flicker while it is drawn again. Resizing the list box
does not remove the band."""


def test_prose_workaround_is_ticked_with_its_code(tmp_path: Path) -> None:
    """The workaround sentence becomes steps, the code it introduces shown under them."""
    outcome = _fix(draft_tree(load_article(_article(tmp_path, CODE_WORKAROUND))))
    texts = [s["text"] for s in outcome["steps"]]
    assert texts == ["Close the window.", "Reopen the window."]
    assert not any(t.startswith(INFO_STEP) for t in texts)
    assert "ThisWindow.Visible=.F.\nThisWindow.Visible=.T." in outcome["steps"][-1]["detail"]


def test_prose_workaround_titled_by_action_not_caveat(tmp_path: Path) -> None:
    """The option is named by its action, never by the "However, ..." caveat."""
    outcome = _fix(draft_tree(load_article(_article(tmp_path, CODE_WORKAROUND))))
    assert outcome["title"] == "Workaround: Close the window and then reopen it"
    assert "However, the window will flicker" in outcome["text"]
    assert "ThisWindow.Visible" not in outcome["text"]  # code shown once, as code


def test_prose_workaround_verify_checks_problem_gone(tmp_path: Path) -> None:
    """The verify checks the symptom gone instead of 'do not expect the problem to go away'."""
    outcome = _fix(draft_tree(load_article(_article(tmp_path, CODE_WORKAROUND))))
    verify = " ".join(v["text"] for v in outcome["verify"])
    assert "do not expect the problem to go away" not in verify
    assert "grey band is left" in verify


def test_no_workaround_stays_information(tmp_path: Path) -> None:
    """A resolution of statements naming no workaround is still told, not ticked."""
    said = (
        "There is no known workaround for this problem. The band is removed the next\n"
        "time the window is drawn."
    )
    outcome = _fix(draft_tree(load_article(_article(tmp_path, said))))
    assert outcome["steps"][0]["text"].startswith(INFO_STEP)


def test_workaround_sentence_shapes() -> None:
    """The shapes of the kind are read, a feature's description is not."""
    assert _IS_TO_RE.match("Currently, the only workaround is to purchase Product 2.0.")
    assert _IS_TO_RE.match("The suggested workaround is to set a flag before the call.")
    assert not _IS_TO_RE.match("You can use the workaround tool to set a flag.")
    assert not _IS_TO_RE.match("There is no workaround for this problem.")
    assert _ticks("hide the form and then unhide it") == ["Hide the form.", "Unhide the form."]


def test_workaround_pattern_linear_on_hostile_input() -> None:
    """The sentence pattern stays fast on a hostile 20 KB string."""
    hostile = "the only " + "known " * 3000 + "workaround is to " + "a" * 5000 + ";"
    start = time.perf_counter()
    _IS_TO_RE.match(hostile)
    _INTRODUCES_RE.search("the following " * 1500 + "x")
    assert time.perf_counter() - start < 0.5


def _info_article(tmp_path: Path, more: str) -> Path:
    """An archive-style article with SUMMARY and MORE INFORMATION but no RESOLUTION."""
    body = f"""\
SUMMARY
=======

After a client logs on to the domain, the logon script stops responding and the
taskbar shows an extra icon.

MORE INFORMATION
================

{more}
"""
    text = (
        '---\nlayout: page\ntitle: "Q990292: Logon Script Stops Responding"\n---\n\n'
        "## Q990292: Logon Script Stops Responding\n\n{% raw %}\n\n"
        "\tArticle: Q990292\n\tProduct(s): Microsoft Systems Management Server\n"
        "\t-------------------------------------------------------------------------------\n\n"
        + "".join(f"\t{line}\n" if line else "\t\n" for line in body.split("\n"))
        + "\n{% endraw %}\n"
    )
    folder = tmp_path / "Q990292"
    folder.mkdir()
    path = folder / "README.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_more_information_workaround_is_ticked() -> None:
    """'To work around this problem, X' in MORE INFORMATION is a step, not 'Read the article'."""
    more = Section(
        "MORE INFORMATION",
        "The problem may occur if the naming provider is loaded.\n\n"
        "To work around this problem, remove the naming provider from the Startup group\n"
        "and then restart the computer.",
        12,
    )
    node: dict[str, Any] = {"id": "read_article", "title": "Read the article", "steps": []}
    symptom = "After a client logs on, the logon script stops responding."
    assert workaround_fallback(node, [more], symptom, lambda s: {"section": s.name})
    assert node["title"].startswith("Workaround: Remove the naming provider")
    assert [s["text"] for s in node["steps"]] == [
        "Remove the naming provider from the Startup group.",
        "Restart the computer.",
    ]
    assert "stops responding" in node["verify"][0]["text"]


def test_more_information_feature_prose_not_ticked(tmp_path: Path) -> None:
    """A MORE INFORMATION that only describes a feature still says to read the article."""
    more = (
        "The naming provider lists the servers of the site. You can sort the list by\n"
        "name or by the time each server last answered."
    )
    outcome = _fix(draft_tree(load_article(_info_article(tmp_path, more))))
    assert outcome["title"] == "Read the article"


def test_listed_problem_workaround_not_the_article_fix() -> None:
    """A workaround inside one item of a list of problems is not ticked as the article's fix."""
    more = Section(
        "MORE INFORMATION",
        "- The printout is smeared at the left margin. To work around this problem, use\n"
        "  the generic printer driver.\n\n"
        "- Some fonts print in the wrong size.",
        30,
    )
    node: dict[str, Any] = {"id": "read_article", "title": "Read the article", "steps": []}
    assert not workaround_fallback(node, [more], "", lambda s: {"section": s.name})
    assert node["title"] == "Read the article"
