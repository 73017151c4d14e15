"""What a modern fix's lead leaves under its first tick once the draft has said it
elsewhere: the lead that names the fix ("Change the Group Policy settings.", now the
outcome's title) and the registry warning boilerplate ("Important: This section, method,
or task contains steps that tell you how to modify the registry ...") once the outcome
opens with its own "Back up the registry" step and has the rollback (54:31).
"""

from __future__ import annotations

import re
from typing import Any

#: The MS support registry warning, in any of its admonition words.
_REGISTRY_WARNING_RE = re.compile(
    r"^(?:important|warning|caution|note)\s*:\s.{0,300}?\bmodify the registry incorrectly\b",
    re.IGNORECASE | re.DOTALL,
)
_BACKUP_RE = re.compile(r"^back up the registry\b", re.IGNORECASE)


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s-]", " ", text.casefold()).split())


def leftovers_dropped(tree: dict[str, Any]) -> None:
    """Each modern outcome's step details lose a paragraph that is only the outcome's
    title again, and the registry warning when a backup step already leads the fix."""
    for node in tree["nodes"]:
        if node.get("kind") != "outcome" or not node.get("steps"):
            continue
        title = _words(node.get("title", ""))
        backed_up = any(_BACKUP_RE.match(step["text"]) for step in node["steps"])
        for step in node["steps"]:
            detail = step.get("detail")
            if not detail or (title not in _words(detail) and not backed_up):
                continue
            paras = detail.split("\n\n")
            kept = [
                p
                for p in paras
                if _words(p) != title and not (backed_up and _REGISTRY_WARNING_RE.match(p.strip()))
            ]
            if len(kept) == len(paras):
                continue
            if any(p.strip() for p in kept):
                step["detail"] = "\n\n".join(kept).strip("\n")
            else:
                del step["detail"]
