"""A modern support article's Cause that lists alternative causes ("This issue occurs for
one of the following reasons: - The dependency services aren't running. - The firewall
doesn't allow it.") over one Resolution whose steps fix each cause in turn.

The draft showed the list as the cause and ticked every step for every admin (seed-54
readers, 54:40: "Causes listed as bullets ... must become 'Which of these applies?'").
`cause_list_steps` asks "Which of these applies?" with one answer per cause; the steps
that share a cause's key words (and the sub-steps between two of them) run only for that
cause, steps that name none (the final "Turn on Network Discovery") for every answer,
and "Not sure" shows them all. Nothing is asked when the causes' steps interleave (the
article's procedures are not one per cause) or fewer than two causes own a step.
"""

from __future__ import annotations

import re
from itertools import pairwise

from kbassist.articles import Article
from kbassist.articles.model import ListBlock, Paragraph
from kbassist.drafting.causes import _words
from kbassist.drafting.option_model import Ask, Option
from kbassist.drafting.text import short_label, split_detail

#: The lead of a list of alternative causes ("This issue occurs for one of the following
#: reasons:", "may occur if one or more of the following conditions are true:", "Such
#: causes include the following issues:", "This error may have several causes. Among them
#: are the following:"); not "the following scenario:", whose parts hold together.
_LEAD_RE = re.compile(
    r"\b(?:(?:one|any|either|one or more) of the following(?: \w+)? (?:reasons?|causes?|"
    r"conditions?|issues?|factors?|problems?|scenarios?)|(?:possible|common|likely|main|"
    r"several|various|multiple|two|three|four) (?:main )?(?:causes|reasons)|causes include|"
    r"the following (?:reasons|causes)|among them are the following)\b",
    re.IGNORECASE,
)
#: Causes a question can offer; more is a checklist, not a choice.
MAX_CAUSES = 6
#: Key words a step shares with a cause before it is that cause's step.
MIN_SHARED = 2


def listed_causes(article: Article) -> list[str]:
    """The causes a Cause part lists after its "one of the following reasons:" lead, each
    as plain text; [] when there is no such list or it has fewer than two items."""
    from kbassist.drafting.modern import md_plain

    parts = article.parts_by_role("cause")
    if len(parts) != 1:
        return []  # "## Cause 1" / "## Cause 2": each with its own fix already
    blocks = parts[0].blocks
    for n, block in enumerate(blocks[:-1]):
        if not isinstance(block, Paragraph):
            continue
        lead = md_plain(block.text.plain)
        after = blocks[n + 1]
        if not (lead.endswith(":") and _LEAD_RE.search(lead) and isinstance(after, ListBlock)):
            continue
        causes = []
        for item in after.items:
            said = next((b for b in item.blocks if isinstance(b, Paragraph)), None)
            if said is not None:
                causes.append(md_plain(said.text.plain))
        return causes if 2 <= len(causes) <= MAX_CAUSES else []
    return []


def _owners(causes: list[str], option: Option) -> list[int | None]:
    """For each step, the one cause whose key words it shares most (at least
    MIN_SHARED, words every cause shares left out), else None."""
    words = [_words(c) for c in causes]
    common = set.intersection(*words)
    words = [w - common for w in words]
    owners: list[int | None] = []
    for item in option.items:
        text, detail = split_detail(item)
        said = _words(f"{text} {detail}")
        scores = [len(said & w) for w in words]
        best = max(scores)
        unique = best >= MIN_SHARED and scores.count(best) == 1
        owners.append(scores.index(best) if unique else None)
    return owners


def _spans(owners: list[int | None]) -> list[int | None] | None:
    """Owners with the unowned steps between two of one cause's steps given to it (a
    procedure's sub-steps); None when two causes' steps interleave."""
    filled = list(owners)
    owned = [n for n, o in enumerate(owners) if o is not None]
    for a, b in pairwise(owned):
        if owners[a] == owners[b]:
            for m in range(a + 1, b):
                filled[m] = owners[a]
    order = [o for n, o in enumerate(filled) if o is not None and (n == 0 or filled[n - 1] != o)]
    return filled if len(order) == len(set(order)) else None


def cause_list_steps(article: Article, option: Option, counter: int) -> int:
    """The article's listed causes asked as "Which of these applies?" over the one fix's
    steps, each answer keeping its own steps and the shared ones; returns the questions
    counter."""
    if option.asks or option.when or len(option.items) < 2:
        return counter  # steps already asked for: one question at a time
    causes = listed_causes(article)
    if not causes:
        return counter
    owners = _spans(_owners(causes, option))
    if owners is None or len({o for o in owners if o is not None}) < 2:
        return counter
    counter += 1
    var = f"if_{counter}"
    owned_steps(option, var, owners)
    # "Resolution: Make sure that the dependency services are started" titled the fix by
    # the first cause's step: it is now the fix of whichever cause applies
    ask_which_cause(
        option,
        var,
        [short_label(c, 80) for c in causes],
        "Which applies here? Each has its own steps.",
        relabel=owners[0] is not None,
    )
    return counter


def owned_steps(option: Option, var: str, owners: list[int | None]) -> None:
    """Each step a cause owns runs when that cause is the answer, or when the admin is not
    sure; steps no cause owns are shared and always run."""
    for n, owner in enumerate(owners):
        if owner is not None:
            option.when[n] = f'{var} == "case_{owner + 1}" or {var} == "unsure"'


def ask_which_cause(
    option: Option, var: str, labels: list[str], help_text: str, *, relabel: bool
) -> None:
    """Ask "Which of these applies?" over `labels` (the causes, each owning its steps) and,
    when `relabel`, title the fix "Fix the cause that applies": its old title named one
    cause's step or cut a marker ("Resolution: For the first scenario")."""
    if relabel:
        head = option.label.split(":", 1)[0] if ":" in option.label else ""
        option.label = (
            f"{head}: Fix the cause that applies" if head else "Fix the cause that applies"
        )
    option.asks.append(Ask.of_cases(var, "Which of these applies?", "cause", labels, help_text))
