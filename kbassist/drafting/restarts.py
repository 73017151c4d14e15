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
