"""A RESOLUTION that names the same release as STATUS is one fix, not two options.

"RESOLUTION: This problem is fixed in Microsoft Windows NT 4.0 Service Pack 4" becomes
"Install Microsoft Windows NT 4.0 Service Pack 4." late (said_as), after options.py's
`_merge_upgrade` ran, so STATUS's "fixed in Windows NT 4.0 Service Pack 4" stayed a second
outcome with the same step. Readers mark the pair as a duplicate fix (seed 76, Q196947).
"""

from __future__ import annotations

import re

from kbassist.drafting.option_model import Option
from kbassist.drafting.text import split_detail, with_detail

#: "Install X." / "Upgrade to X.": the release a one-step outcome installs.
_INSTALL_RE = re.compile(r"^(?:install|upgrade to|apply|obtain)\s+(?P<what>[^\n]{3,200})$", re.I)
_NOISE_RE = re.compile(r"\b(?:microsoft|the|latest)\b|[^\w\s.]", re.IGNORECASE)


def _release(step: str) -> str:
    """The release `step` installs, normalized ("windows nt 4.0 service pack 4"), or ""."""
    found = _INSTALL_RE.match(split_detail(step)[0].strip().rstrip("."))
    if found is None:
        return ""
    return " ".join(_NOISE_RE.sub(" ", found.group("what").casefold()).split())


def same_release_merged(options: list[Option]) -> list[Option]:
    """Drop the STATUS upgrade when another one-step outcome installs the same release;
    what STATUS says is shown under that step instead."""
    upgrade = next((o for o in options if o.kind == "upgrade" and len(o.items) == 1), None)
    if upgrade is None:
        return options
    wanted = _release(upgrade.items[0])
    if not wanted:
        return options
    for option in options:
        if option is upgrade or option.kind != "option" or len(option.items) != 1:
            continue
        if _release(option.items[0]) == wanted:
            option.items[0] = with_detail(option.items[0], f"STATUS: {upgrade.lead}")
            return [o for o in options if o is not upgrade]
    return options
