"""Shell variables a runbook sets from a placeholder (`export NAMESPACE="<alert namespace
label>"`, `NODE_NAME='<value of instance label from alert>'`): the placeholder is asked,
so a checklist item that uses `$NAMESPACE` without the line that sets it (the verify
"Run this Diagnosis check again: oc get vmi -n $NAMESPACE $VM_NAME", a later step) shows
the typed answer instead; the reader of that item never ran the assignment in this shell.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kbassist.articles import Article
from kbassist.drafting.text import find_params

#: `export NAMESPACE="<alert namespace label>"`, `NODE_NAME=<instance label from alert>`:
#: a shell variable (capitals, as shell scripts write them) set to one placeholder alone.
_ASSIGN_RE = re.compile(
    r"(?:^|[\s;(])(?:export\s{1,4})?(?P<name>[A-Z][A-Z0-9_]{0,40})="
    r"(?P<q>[\"']?)(?P<ph><[A-Za-z][^<>\n\"']{0,60}>)(?P=q)(?=[\s;)]|$)",
    re.MULTILINE,
)


@lru_cache(maxsize=64)
def _assignments(text: str) -> tuple[tuple[str, str], ...]:
    """(NAME, placeholder) of each variable the text sets from a placeholder, a name set
    twice (from different placeholders, or also from a command) left out: its value
    is then not the one answer."""
    found: dict[str, str] = {}
    dropped: set[str] = set()
    if "=" not in text:
        return ()
    for match in _ASSIGN_RE.finditer(text):
        name, ph = match.group("name"), match.group("ph")
        if found.get(name, ph) != ph:
            dropped.add(name)
        found[name] = ph
    for name in list(found):
        # also set from something else (`NAMESPACE=$(oc get ...)`): which value is meant
        # depends on the path, so the variable is left as written
        others = re.findall(rf"(?:^|[\s;(])(?:export\s+)?{name}=(\S{{0,80}})", text, re.M)
        if any(not _is_placeholder_value(value, found[name]) for value in others):
            dropped.add(name)
    return tuple((n, p) for n, p in found.items() if n not in dropped)


def _is_placeholder_value(value: str, ph: str) -> bool:
    """Whether an assignment's value (as split at a space) is the placeholder itself."""
    bare = value.strip("\"'")
    return bare == ph or ph.startswith(bare) or bare.startswith(ph)


def assigned_placeholders(article: Article, known: dict[str, str]) -> dict[str, str]:
    """`placeholder:$NAME` -> the variable of the asked placeholder the article assigns
    to NAME, for each such asked placeholder ({} when none: most articles)."""
    if article.style == "mskb" or not any(k.startswith("placeholder:") for k in known):
        return {}
    text = "\n".join(section.text for section in article.sections)
    out: dict[str, str] = {}
    for name, ph in _assignments(text):
        var = next(
            (
                known.get(f"placeholder:{param.key}")
                for _, _, param in find_params(ph)
                if param.kind == "placeholder" and param.literal == ph
            ),
            None,
        )
        if var is not None and f"placeholder:${name}" not in known:
            out[f"placeholder:${name}"] = var
    return out


def unset_in(item: str, assigned: dict[str, str]) -> dict[str, str]:
    """Those of `assigned` whose variable `item` does not set itself: there `$NAME` is
    filled in; an item that runs the assignment first keeps `$NAME` as written."""
    out: dict[str, str] = {}
    for ref, var in assigned.items():
        name = ref.split("$", 1)[1]
        if not re.search(rf"(?:^|[\s;(]){name}=", item):
            out[ref] = var
    return out
