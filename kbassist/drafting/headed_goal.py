"""A how-to article's one procedure under a heading that names its goal (round 32).

An MS KB how-to (no SYMPTOMS, CAUSE, RESOLUTION or WORKAROUND) often gives its one
procedure under a sub-heading of MORE INFORMATION or SUMMARY that says what it does ("To
update your SETUP.INF file", "Change the LDAP Port for Exchange Server"), among other
sub-headings that only inform ("To download the updated file" over a list of download
sites, "Before You Update ...: Important Information"). `_headed_procedures` takes
headed procedures only when there are two or more, or one heading alone, so such an
article ended at "Read the article", or at a lone sentence before the heading ("After you
download WSETUP.EXE ..., run it to extract the files"), and the procedure's commands, with
their `<path>` and `<destination>`, were never shown nor asked. Here that procedure is
the fix: its steps in order, a lone step the article gives before its heading first;
not when the article types commands with placeholders elsewhere (the procedure is then
one task of several, and "Read the article and run its commands" shows them all).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kbassist.articles import Article, Section
from kbassist.drafting.option_model import Option
from kbassist.drafting.text import DETAIL_SEP, Para, clean, short_label
from kbassist.drafting.typed_commands import typed_commands

#: A heading that names what its procedure does: "To update your SETUP.INF file", "How
#: to install the drivers" (an imperative heading is read by the caller's verb test).
_GOAL_HEAD_RE = re.compile(r"^(?:how )?to\s+(?P<verb>[a-z]{2,20})\b", re.IGNORECASE)
#: Goals that are no fix: showing the problem, or looking at something.
_NOT_GOAL_RE = re.compile(
    r"^(?:how )?to\s+(?:reproduce|demonstrate|see|view|verify|test|check|determine|confirm|"
    r"display|find out|learn)\b",
    re.IGNORECASE,
)
#: A heading over sample code or a demonstration ("Create the Demonstration Program",
#: "Sample Code", "Step-by-Step Example"): the article's sample, left as it is.
_SHOWN_HEAD_RE = re.compile(r"\b(?:demonstrat\w*|samples?|examples?|reproduc\w*)\b", re.I)
_TO_RE = re.compile(r"^(?:how )?to\s+", re.IGNORECASE)


def goal_heading(head: str, is_action: bool) -> bool:
    """Whether a sub-heading names a goal its procedure does ("To update ...", or an
    imperative the caller's verb test accepts), not a repro or a look at something."""
    head = clean(head)
    if _NOT_GOAL_RE.match(head) or _SHOWN_HEAD_RE.search(head):
        return False
    first = head.split()[0] if head.split() else ""
    if len(first) > 1 and first.isupper():
        return False  # "SET ANSI ON | OFF", "INSERT, DELETE, AND UPDATE Performance": names
    return bool(_GOAL_HEAD_RE.match(head)) or is_action


def single_headed(paras: Sequence[Para]) -> tuple[int, list[Para]] | None:
    """(index of its heading, the paragraphs under it) of the one sub-heading of the
    section whose text holds a numbered procedure (two steps or more), when exactly one
    of two or more sub-headings does; None otherwise."""
    heads = [i for i, p in enumerate(paras) if p.heading]
    if len(heads) < 2:
        return None
    found: list[tuple[int, list[Para]]] = []
    for n, start in enumerate(heads):
        end = heads[n + 1] if n + 1 < len(heads) else len(paras)
        chunk = list(paras[start + 1 : end])
        if sum(p.numbered for p in chunk) >= 2:
            found.append((start, chunk))
    return found[0] if len(found) == 1 else None


def commands_outside(article: Article, chunk: Sequence[Para]) -> bool:
    """Whether the article types a command with a placeholder outside the headed
    procedure (" <x>: install " in SUMMARY, `rmtshare \\\\server[\\sharename]` under
    another heading): the procedure is then one task of several, and "Read the article
    and run its commands" hands over all of them."""
    inside = " ".join(" ".join(line.split()) for p in chunk for line in p.lines)
    for _, step in typed_commands(article):
        text, _, detail = step.partition(DETAIL_SEP)
        command = detail.split("\n", 1)[0] if detail else text
        if " ".join(command.split()) not in inside:
            return True
    return False


def goal_option(
    section: Section, head: str, lead: str, items: list[str], before: Option | None
) -> Option:
    """The fix a goal heading's procedure is: labelled by its goal ("Update your SETUP.INF
    file"); a lone step the article gives before the heading (`before`, one item: "After
    you download X, run it to extract the files") done first, as the article orders it."""
    goal = _TO_RE.sub("", clean(head)).rstrip(" :.")
    label = short_label(goal[:1].upper() + goal[1:], 80)
    first = list(before.items) if before is not None and len(before.items) == 1 else []
    return Option(section, label, lead, [*first, *items])
