"""The verify of a helper page of commands (a runbook's "Access the Toolbox", "Gather
logs"): what the commands are for, never "showed what the article says it shows" when
the article says nothing about their output (round 36, verify37).

"Run the following to rsh to the toolbox pod:" names the goal: the check is that it was
reached ("... ran without an error, and that you could rsh to the toolbox pod"). A page
that says what the output shows ("The output should list ...") keeps the old check: it
points at something the article does say.
"""

from __future__ import annotations

import re

from kbassist.articles import Article
from kbassist.drafting.option_model import Option
from kbassist.drafting.text import split_detail

#: The old check: right only where the article says what the commands show.
SAID_CHECK = "Check that each command above ran and showed what the article says it shows."
#: No goal and no output said: the commands ran; nothing more is claimed.
RAN_CHECK = "Check that each command above ran without an error."

#: The article says what a command's output shows or should show.
_OUTPUT_SAID_RE = re.compile(
    r"\b(?:(?:should|will|must) (?:now )?(?:show|see|return|display|print|list|contain|"
    r"output|report)|(?:status|state|value|output|result)\b[^.]{0,40}\bshould be|"
    r"there should be|an indication that|indicates? that|if you (?:cannot|can't|see|get)|"
    r"(?:the )?output (?:shows|lists|contains|looks|is|will|should|"
    r"must)|you (?:will|should|can|may) (?:now )?see|expected output|similar to the "
    r"following|look(?:s)? (?:like|for)|resembles?)\b",
    re.IGNORECASE,
)
#: "Run the following to rsh to the toolbox pod:": the commands' purpose.
_PURPOSE_RE = re.compile(
    r"^(?:run|use|execute|type|enter|issue)\b[^:.;]{0,40}?\bto (?P<goal>[a-z][^:.;()]{3,80}?)"
    r"\s*[:.]?\s*$",
    re.IGNORECASE,
)


def _said_output(article: Article) -> bool:
    return any(_OUTPUT_SAID_RE.search(s.text) for s in article.sections)


def helper_check(article: Article, option: Option) -> str:
    """The check under a helper page's commands: their goal reached when the lead (or the
    first step, which may carry it) names it ("Run the following to X:"), the old "showed
    what the article says" when the article says what they show, else that they ran
    without an error."""
    first = split_detail(option.items[0])[0] if option.items else ""
    found = _PURPOSE_RE.match(" ".join(option.lead.split())) or _PURPOSE_RE.match(
        " ".join(first.split())
    )
    if found:
        goal = found.group("goal").rstrip(" ,")
        return f"Check that each command above ran without an error, and that you could {goal}."
    if _said_output(article):
        return SAID_CHECK
    return RAN_CHECK
