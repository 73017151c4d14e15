"""A runbook that names several alert variants asks which one fired.

Readers (72:22, 72:26, 74:09) marked the Network Observability runbooks: DNSErrors lists
`DNSErrors_Critical`, `DNSErrors_PerDstNamespace{Critical,Warning,Info}` ... under
"Possible alert variants:", PacketDropsByDevice its `_Critical`/`_Warning`/`_Info`/
`_PerNode`, yet the walk never asked which of them fired, so the admin could not tell
whether a global or a per-namespace threshold was crossed. A runbook that names two or
more variants of its alert (a list or a table whose lines open with the alert's name and
a suffix, or "This runbook covers X, X_Critical ...") asks "Which alert fired?" right
after the symptom is confirmed, as a choice; the answer names the alert in the verify
("Check that the DNSErrors_PerDstNamespace alert clears"), so the admin checks the one
that fired. Any other runbook keeps its walk.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from kbassist.drafting.text import brace

if TYPE_CHECKING:
    from kbassist.articles import Article

#: How many variants are offered at most (a choice list, not a catalogue).
MAX_VARIANTS = 16
#: The variable the answer is kept in (another when the tree already has it).
VARIABLE = "alert"
INPUT_ID = "which_alert"

#: A list line or table row that opens with a code-quoted name: "- `X_Critical` - ...",
#: "| `X_Warning` | ...", "* **`X_Info`**: ...".
_LINE_RE = re.compile(
    r"^[ \t]{0,8}(?:[-*+]|\d{1,3}[.)]|\|)[ \t]{0,4}(?:\*\*)?`(?P<name>[A-Za-z][\w.:-]{0,80})"
    r"(?:\{(?P<sev>[A-Za-z][\w, ]{0,80})\})?`(?:\*\*)?[ \t]*(?:[-:|\u2013\u2014][ \t]*)?"
    r"(?P<desc>[^\n]{0,300})$",
    re.MULTILINE,
)
#: "This runbook covers X, X_Critical and X_Warning." (one sentence, up to its period)
_COVERS_RE = re.compile(
    r"\b(?:this|the) (?:runbook|page|document|alert rule) (?:covers|applies to|is for|describes)"
    r"(?: the(?: following)?(?: alerts?)?:?)?[ \t]{1,4}(?P<list>[^.\n]{1,400})",
    re.IGNORECASE,
)
_TOKEN_RE = re.compile(r"`?(?P<name>[A-Za-z][\w]{0,80})`?")


def _continued(body: str, end: int) -> str:
    """The indented lines that carry on a list item's description after `end`."""
    out: list[str] = []
    for line in body[end:].split("\n")[1:6]:
        if not line.startswith(("  ", "\t")) or not line.strip() or line.lstrip()[:1] in "-*+|":
            break
        out.append(line.strip())
    return " ".join(out)


def alert_variants(base: str, body: str) -> list[tuple[str, str]]:
    """(value, label) of each variant of alert `base` the runbook names in a list, a
    table or a "This runbook covers ..." sentence; [] when it names fewer than two."""
    if not base or f"{base}_" not in body:
        return []  # a cheap guard: no variant name anywhere
    found: dict[str, str] = {}
    for match in _LINE_RE.finditer(body):
        name = match.group("name")
        if name != base and not name.startswith(f"{base}_"):
            continue
        desc = " ".join(f"{match.group('desc')} {_continued(body, match.end())}".split())
        desc = desc.strip(" |").split(" | ")[0].strip()
        sev = match.group("sev")
        levels = [s.strip() for s in (sev or "").split(",") if s.strip()]
        label = name
        if levels:
            joined = ", ".join(levels[:-1]) + f" or {levels[-1]}" if len(levels) > 1 else levels[0]
            label = f"{name} ({joined})"
        if desc:
            label = f"{label}: {desc}"
        found.setdefault(name, label[:200])
    if len(found) < 2:
        for said in _COVERS_RE.finditer(body):
            names = [m.group("name") for m in _TOKEN_RE.finditer(said.group("list"))]
            named = [n for n in names if n == base or n.startswith(f"{base}_")]
            if len(set(named)) >= 2:
                found = {n: n for n in named}
                break
    if len(found) < 2:
        return []
    return list(found.items())[:MAX_VARIANTS]


def _source(article: Article, name: str) -> dict[str, str]:
    """The citation of the section that lists the variants ({} when none holds it)."""
    for section in article.sections:
        if f"`{name}" in section.text or f"{name}`" in section.text:
            return {"article": article.id, "section": section.name}
    return {}


def _variable(nodes: list[dict[str, Any]]) -> str:
    """A variable name no node of the tree uses yet."""
    used = {str(n.get("var", "")) for n in nodes}
    return next(v for v in (VARIABLE, "alert_variant", "which_alert_fired") if v not in used)


def variants_asked(tree: dict[str, Any], article: Article) -> None:
    """After "Yes, this is what I see", ask which of the runbook's alert variants fired
    (a choice input), and name the chosen one where a step or verify says "the <base>
    alert"; the tree as it is when the runbook names no variants or the answer would
    be used nowhere."""
    base, body = article.id, article.body or ""
    variants = alert_variants(base, body)
    nodes: list[dict[str, Any]] = tree.get("nodes", [])
    symptom = next((n for n in nodes if n.get("id") == "symptom"), None)
    if not variants or symptom is None or symptom.get("kind") != "question":
        return
    yes = next((c for c in symptom.get("choices", []) if c.get("value") == "yes"), None)
    if yes is None or any(n.get("id") == INPUT_ID for n in nodes):
        return
    var = _variable(nodes)
    # "the X alert is disabled: the edited resource lists it": the rule, not one variant
    said = re.compile(rf"\b(?P<the>[Tt]he) {re.escape(brace(base))} alert\b(?! is disabled)")
    disabled = re.compile(rf"\b[Tt]he {re.escape(brace(base))} alert(?= is disabled\b)")
    uses = 0
    for node in nodes:
        if node.get("kind") != "outcome" or node.get("id") == "not_this_article":
            continue
        for key in ("steps", "verify"):
            for item in node.get(key, []):
                text = str(item.get("text", ""))
                new = said.sub(rf"\g<the> {{{var}}} alert", text)
                new = disabled.sub(rf"\g<0> (and with it the {{{var}}} alert that fired)", new, 1)
                if new != text:
                    item["text"] = new
                    uses += 1
    if not uses:
        return  # asked for nothing: the walk as it was
    names = ", ".join(v for v, _ in variants[:4]) + (" ..." if len(variants) > 4 else "")
    node = {
        "id": INPUT_ID,
        "kind": "input",
        "var": var,
        "type": "choice",
        "title": "Which alert fired?",
        "text": brace(
            f"The runbook names several variants of the {base} alert ({names}). "
            "Which one fired? Its description says which threshold it was and what it "
            "was measured over."
        ),
        "help": brace(
            "The alertname label of the firing alert, as the console's Alerting page or "
            "Alertmanager shows it."
        ),
        "source": _source(article, variants[0][0]) or dict(symptom.get("source", {})),
        "choices": [{"value": v, "label": label} for v, label in variants],
        "next": yes["next"],
    }
    yes["next"] = INPUT_ID
    nodes.insert(nodes.index(symptom) + 1, node)
