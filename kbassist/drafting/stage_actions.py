"""A stage's own action, said in its lead before a look-up procedure: ticked after it.

"Update Video Adapter Driver: If your video adapter meets ... the requirements, you may
need to update to the latest video driver for your video adapter. To determine the
version of your video driver: 1. Click Start ... 5. Click Exit." (Q287923) was drafted as
the five steps that read the version, the update itself only in the stage's note, so
readers found the driver method "only reads the version" (round 34, seed 94). When a
stage's lead holds an action ("Contact your hardware manufacturer to ...", "you may
need to update to X") and then leads a procedure that only finds something out ("To
determine ...:", "use the appropriate method for your version"), the action is the
stage's last tick, after what the steps find.
"""

from __future__ import annotations

import re

from kbassist.drafting.text import split_sentences

#: "To determine the version of your video driver", "To check whether ...", "use the
#: appropriate method for your version of Windows": a lead over steps that look.
_LOOK_RE = re.compile(
    r"^(?:to (?:determine|check|find(?: out)?|see|identify|confirm|learn|verify) (?:if|whether"
    r"|which|what|how|the)\b|[^.]{0,200}\buse the (?:appropriate|following) (?:method|steps|"
    r"procedure) for your (?:version|operating system)\b)",
    re.IGNORECASE,
)
#: "Verify that ...", "Make sure the resolution is ...": a check the look-up itself makes.
_CHECKS_RE = re.compile(
    r"^(?:(?:if|when)\b[^,]{3,240},\s*)?(?:verify|check|make sure|ensure|confirm|determine|see"
    r"|find out|note)\b",
    re.IGNORECASE,
)
#: "If X, you may need to update to Y", "you should contact Z": the action after a modal.
_MODAL_RE = re.compile(
    r"^(?P<case>(?:if|when)\b[^,]{3,240},(?:[^,]{3,240},)?\s*)?(?:you|we)\s+(?:may|might|should|must|can|will)\s+"
    r"(?:also\s+)?(?:(?:need|want|have)\s+to\s+)?(?P<act>[a-z][^.;]{3,300})\.?$",
    re.IGNORECASE,
)


def lead_action(lead: str) -> str:
    """The action a stage's lead says before its look-up lead ("If X, update to the latest
    video driver for your video adapter."); "" when its lead is no such pair."""
    from kbassist.drafting.options import _is_action

    sentences = split_sentences(" ".join(lead.split()))
    if len(lead) > 800:
        return ""
    look = next((k for k in range(1, len(sentences)) if _LOOK_RE.match(sentences[k])), 0)
    for sentence in sentences[:look]:
        said = sentence.rstrip()
        if _CHECKS_RE.match(said):
            continue  # "Verify that X meets ...": what the look-up does, no step after it
        if _is_action(said.rstrip(".")):
            return said if said.endswith(".") else f"{said}."
        found = _MODAL_RE.match(said)
        if found is None:
            continue
        act = found.group("act").rstrip(". ")
        if not _is_action(act[0].upper() + act[1:]):
            continue
        case = found.group("case") or ""
        return f"{case}{act}." if case else f"{act[0].upper()}{act[1:]}."
    return ""
