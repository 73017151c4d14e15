"""Lists whose items the article joins, never read as "one of these" (round 38, together38).

Seed 106's readers marked three BIOS settings all to be made ("make sure the following
options have these settings: - Infrared Port: set to REAR - Serial Ports: set to ENABLED
- Infrared/Serial Ports: set to RECONFIGUREABLE") offered as three alternative fixes, and
the details of one crash dialog ("When you click click here, you receive error message
details similar to the following:") offered as a second form of the symptom.

"the following options" is a choice when the article offers them ("use one of the
following options:", "You have the following options:", "try the following options"),
but a list of settings when it is the object of a setting verb ("set the following
options:", "Select the following options in the order listed:", "make sure the following
options have these settings:"): the items are all made, one tick each, in one fix.
"""

from __future__ import annotations

import re

from kbassist.drafting.text import Hinted

#: A setting verb whose object is "the following options" ("set the following options:",
#: "make sure that the following options are selected:"), or those options said to hold
#: values ("the following options have these settings:", "... are set to:"). Bounded:
#: the gap is at most 80 characters with no sentence mark.
_SETTINGS_LEAD_RE = re.compile(
    r"\b(?:set|select|check|enable|disable|configure|specify|clear|add|type|apply|make sure"
    r"|ensure|verify|confirm)\b[^.:;]{0,80}?\bthe following (?:\w+ )?options\b"
    r"|\bfollowing (?:\w+ )?options (?:have|has|are (?:set|selected|enabled|checked|cleared"
    r"|turned on|turned off)|set to|with these)\b",
    re.IGNORECASE,
)
#: Words that make even such a lead a choice ("select one of the following options:",
#: "set any of the following options", "a combination of the following options").
_CHOICE_WORDS_RE = re.compile(
    r"\b(?:one|either|any|some|each|combination) of\b|\bone or (?:more|both)\b|\bor more\b"
    r"|\beither\b|\bdepending\b",
    re.IGNORECASE,
)


def settings_lead(text: str) -> bool:
    """Whether `text` leads into settings all to be made ("set the following options:"),
    not options to choose from (see _SETTINGS_LEAD_RE, _CHOICE_WORDS_RE)."""
    return bool(_SETTINGS_LEAD_RE.search(text)) and not _CHOICE_WORDS_RE.search(text)


class ChooseOne(Hinted):
    """A `Hinted` lead of alternatives that does not take a list of settings for one:
    a match on "following ... options" in a settings lead (`settings_lead`) is no match."""

    __slots__ = ()

    def search(self, text: str) -> re.Match[str] | None:
        found = super().search(text)
        if found is not None and "option" in found.group(0).lower() and settings_lead(text):
            return None
        return found
