"""The restart an article requires after its change, kept as a step (issue 13).

"If you change the setting to 0 and reboot the server, the problem disappears." in the
Cause, with the Workaround saying only "Change the entry ... from 1 to 0.": the change
takes effect only after the reboot, so the checklist ends with "Reboot the server.",
citing the article's sentence, when no step of the fix restarts anything yet.
"""

from __future__ import annotations

import re

from kbassist.articles.model import Section
from kbassist.drafting.option_model import Option
from kbassist.drafting.text import split_detail, split_sentences, with_detail

#: "If you change the setting to 0 and reboot the server", "set X, and then restart the
#: computer": a change the article says needs a restart of what it names.
_AFTER_CHANGE_RE = re.compile(
    r"\b(?:change|set|modify|edit|update)\b[^.;]{0,200}?,?\s+and\s+(?:then\s+)?"
    r"(?P<verb>reboot|restart)\s+(?P<what>(?:the|your|this)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:server|computer|machine|system|device|service|node|host|pc))\b",
    re.IGNORECASE,
)
#: A step that changes a setting: the one the restart follows.
_CHANGE_STEP_RE = re.compile(r"^(?:change|set|modify|edit)\b", re.IGNORECASE)
_RESTART_RE = re.compile(r"\b(?:restart|reboot)", re.IGNORECASE)


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[*`]", "", text).split())


def restart_step(option: Option, sections: list[Section | None]) -> None:
    """Append the restart `sections` (the cause, the fix's own) say the change needs,
    when the fix changes a setting and none of its steps restarts anything."""
    if not any(_CHANGE_STEP_RE.match(split_detail(i)[0].strip()) for i in option.items):
        return
    if any(_RESTART_RE.search(i) for i in option.items):
        return
    for section in sections:
        if section is None:
            continue
        paragraphs = re.split(r"\n\s*\n", section.text)
        for sentence in (s for p in paragraphs for s in split_sentences(_plain(p))):
            m = _AFTER_CHANGE_RE.search(sentence)
            if m:
                step = f"{m.group('verb').capitalize()} {m.group('what')}."
                option.items.append(with_detail(step, f'The article: "{sentence}"'))
                return


#: A note's "After modifying the registry entry, please restart the Print Spooler service
#: for the entry to take effect": the restart the change needs, said in a note.
_NOTED_RE = re.compile(
    r"(?:^|(?<=[.;,]\s))(?:please\s+|you\s+(?:must|need\s+to|will\s+need\s+to|have\s+to)\s+)?"
    r"(?P<step>(?:shut\s+down\s+and\s+)?(?:restart|reboot)\s+(?:the|your)\s+[^.;:,]{2,80}?"
    r"\s+(?:for|to\s+allow|in\s+order\s+for)\s+(?:the|these|this|your)\s+[\w-]{2,30}"
    r"(?:\s+[\w-]{2,30})?\s+to\s+take\s+effect)\b",
    re.IGNORECASE,
)


def noted_restart(items: list[str]) -> list[str]:
    """A restart said only in a step's note ("please restart the Print Spooler service for
    the entry to take effect") is ticked after that step: readers marked the required
    restart buried in a note. Nothing changes when a step already restarts something."""
    if any(_RESTART_RE.search(split_detail(i)[0]) for i in items):
        return items
    for at, item in enumerate(items):
        detail = split_detail(item)[1]
        found = _NOTED_RE.search(_plain(detail)) if _RESTART_RE.search(detail) else None
        if found:
            step = found.group("step")
            step = step[0].upper() + step[1:] + "."
            return [*items[: at + 1], step, *items[at + 1 :]]
    return items
