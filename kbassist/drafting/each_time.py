"""The verify of a workaround the article says to repeat each time (round 30, verify30).

Readers mark "Check that the problem no longer occurs: You sign in to MSN Explorer ..."
under a resolution that ends "You must do this procedure each time you sign in": the
behaviour is how the product works and comes back, so the check is what the procedure
itself gives ("Check that you can now view the entries sorted by another field"), never
that the problem is gone. The kind is read from the fix's own words ("repeat these steps
each time you restart", "must follow these steps every time you print"), never from one
article.
"""

from __future__ import annotations

import re

from kbassist.drafting.goal_verify import fix_goal, goal_check, step_result

#: "You must do this procedure each time you sign in", "you need to repeat these steps
#: every time that you restart", "Repeat this procedure each time you open X" (the step
#: said as an order): a workaround that does not last (bounded: linear).
EACH_TIME_RE = re.compile(
    r"\b(?:(?:must|need to|have to|should)\s(?:do|perform|follow|run|apply|use)|(?:(?:must|need"
    r"\sto|have to|should)\s)?(?:repeat|redo))\s"
    r"(?:this|these|that|it|the above|the preceding)"
    r"(?:\s(?:procedure|steps?|workaround|process|method|change|settings?|technique))?"
    r"\s(?:again\s)?(?:each|every)\stime\b(?P<when>[^.;:]{0,120})",
    re.IGNORECASE,
)
#: "If you wish to view the entries sorted by another field, click ...": the goal of a
#: workaround said as the admin's wish (bounded: linear).
_WISH_RE = re.compile(
    r"\bif you (?:wish|want|would like|need) to (?P<goal>[a-z][^,.:;]{3,160}?),", re.IGNORECASE
)
#: The verifies that promise the problem is gone for good.
_GONE_RE = re.compile(
    r"^Check that (?:the problem no longer occurs|this no longer happens)[:.]"
    r"|^Check that the problem \S+ .{1,60} describes no longer occurs\.$"
)


def repeat_when(text: str) -> str | None:
    """When the article says its workaround must be repeated ("each time you sign in"),
    that case ("you sign in", maybe ""); None when it says nothing of the kind."""
    found = EACH_TIME_RE.search(" ".join(text[:20000].split()))
    if found is None:
        return None
    return re.sub(r"^\s?that\s", " ", found.group("when")).strip(" ,")


def each_time_verify(verify: str, label: str, lead: str, section: str, items: list[str]) -> str:
    """`verify` for a fix the article says to repeat each time: its goal as a check, else
    its last step's result, else a check that it works this time; `verify` unchanged
    when the fix lasts or the verify already checks something other than the problem
    gone."""
    if _GONE_RE.match(verify) is None or "\n" in verify:
        return verify
    when = repeat_when(" ".join([lead, *items]))
    if when is None:
        return verify
    wished = _WISH_RE.search(" ".join(" ".join(items).split()[:400]))
    goal = wished.group("goal") if wished else fix_goal(label, lead, section)[0]
    check = goal_check(goal) if goal else ""
    if check:
        return check
    result = step_result(items)
    if result:
        return f"Check that you get what the last step describes: {result}"
    again = f" {when}" if when else ""
    return (
        f"The article says to repeat the steps above each time{again}: check that they work "
        "this time, and do them again when the problem comes back."
    )
