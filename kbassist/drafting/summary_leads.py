"""Lead-ins and summaries ticked as steps of their own (issue 13, round 36).

Seed-102 readers ticked sentences that only introduce the steps after them:

- **a colon lead-in with nothing under it** ("After the nodes return to a ready state,
  verify the changes:", "To copy the Visual FoxPro disks:", "SOUND PLAYS BUT IS
  DISTORTED:"): no action of its own; it becomes the heading shown under the first tick
  it introduces (in the steps or in the verify);
- **a section's summary over its numbered procedure** ("Set a registry key to exclude
  the files ... from file-level backups." before "1. In Registry Editor, locate ...",
  the outcome already titled by it; "For a more permanent workaround, replace the
  query-generated statistics ..." under an outcome titled "For a more permanent
  workaround"): the outcome's intro, not a tick done before the steps that do it; a
  title that was only the summary's lead phrase is named by the summary's action;
- **a summary the next tick says again** ("Remove JSON Patch annotations before upgrade
  to avoid potential issues." over "Remove a specific JSON Patch annotation from the
  HyperConverged CR:" and its command): the intro, the next tick does it.

A tick is moved only when another tick stays in its list; the article is read once per
draft (its paragraphs that lead a numbered list), and only when a candidate is found.
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.drafting.steps import _action

#: Longest lead-in considered (a longer line is a paragraph with more in it).
MAX_LEAD = 160
#: "After the nodes return to a ready state, verify the changes:".
_VERIFY_LEAD_RE = re.compile(
    r"^(?:after|once|when)\s[^:;.]{3,150},\s*(?:then\s+)?(?:verify|check|confirm|make\s+sure"
    r"|ensure|validate)\b[^:;.]{0,120}:$",
    re.IGNORECASE,
)
#: "To copy the Visual FoxPro disks:", "Method 2: To set a left-aligned Equation:": a
#: purpose only (no comma: "To X, do Y:" is an action; a lower-case "to DoubleSpace:" is
#: the cut tail of a sentence, no lead).
_PURPOSE_LEAD_RE = re.compile(
    r"^(?:(?:method|option|workaround|step)\s+\d+\s*:\s*)?(?-i:T)o\s+[a-z][^:;,.]{3,120}:$",
    re.IGNORECASE,
)
#: "Method 2: ", "Workaround 1 - ", "Resolution: " before an outcome's title.
_TITLE_PREFIX_RE = re.compile(
    r"^(?:(?:method|option|workaround|solution|resolution|fix)\s*\d*\s*[:.)-]\s*)",
    re.IGNORECASE,
)
#: Lines of a numbered list ("1. ", "1) ").
_NUMBERED_RE = re.compile(r"^\s{0,12}1[.)]\s+\S")
#: A paragraph that announces the list after it.
_ANNOUNCES_RE = re.compile(
    r"(?::\s*$|\b(?:follow|complete|perform|use)\s+(?:these|the\s+following)\s+"
    r"(?:steps|procedures?|instructions)\b|\bto\s+do\s+(?:this|so|it)\b)",
    re.IGNORECASE,
)
_STOP = frozenset(
    "the a an to of in on for and or with from that this these those by is are be your you "
    "it its as at into all any each".split()
)


#: Words any step may share with another: no sign one says the other again.
_GENERIC = frozenset({"following", "code", "command", "commands", "file", "step", "steps"})


def _flat(text: object) -> str:
    return " ".join(str(text or "").split())


def _key(text: str) -> str:
    """Letters and digits only, case-folded: a sentence as the article and the draft say it."""
    return re.sub(r"[^0-9a-z]+", "", text.casefold())


def _content(text: str) -> set[str]:
    """Content words, a plural's "s" dropped."""
    return {
        w[:-1] if w.endswith("s") and len(w) > 4 else w
        for w in re.findall(r"[a-z0-9][\w-]*", text.casefold())
        if w not in _STOP and len(w) > 2
    }


def _heading_lead(text: str) -> bool:
    """ "SOUND DOES NOT PLAY AT ALL:", "Removing the Risk:", "Disk Is Full:": a heading
    said as a tick (Title or upper case, a few words, no action)."""
    body = text[:-1].strip()
    words = body.split()
    if not 1 <= len(words) <= 8 or len(body) > 80 or re.search(r"[.;,!?]", body):
        return False
    if _action(text) or not words[0][:1].isupper():
        return False  # "to DoubleSpace:": the cut tail of a sentence
    return all(w[:1].isupper() or not w[:1].isalpha() or len(w) <= 3 for w in words)


def colon_lead(text: str) -> bool:
    """The tick is only a lead-in over the ticks after it (no action of its own)."""
    text = _flat(text)
    if not text.endswith(":") or len(text) > MAX_LEAD or "{" in text:
        return False
    if re.match(r"^(?:if|unless|otherwise)\b", text, re.IGNORECASE):
        return False  # a condition: `tick_kinds.condition_lead` asks it
    return bool(_VERIFY_LEAD_RE.match(text) or _PURPOSE_LEAD_RE.match(text) or _heading_lead(text))


def _lead_paragraphs(article_text: str) -> set[str]:
    """Keys of the article's paragraphs that sit right over a numbered list (notes and
    blank lines between) and either announce it or open their section."""
    found: set[str] = set()
    lines = article_text.splitlines()
    for n, line in enumerate(lines):
        if not _NUMBERED_RE.match(line):
            continue
        k = n - 1
        while k >= 0 and (not lines[k].strip() or lines[k].lstrip().startswith(">")):
            k -= 1
        end = k
        while k >= 0 and lines[k].strip() and not lines[k].lstrip().startswith(">"):
            k -= 1
        para = [s.strip() for s in lines[k + 1 : end + 1]]
        if not para or re.match(r"^(?:[-*+#|]|\d+[.)])", para[0]) or para[0].startswith("```"):
            continue
        text = " ".join(para)
        j = k
        while j >= 0 and not lines[j].strip():
            j -= 1
        headed = j < 0 or lines[j].lstrip().startswith("#")
        if headed or _ANNOUNCES_RE.search(text):
            found.add(_key(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text))[:300])
    return found


def _same_verb_again(text: str, after: dict[str, Any]) -> bool:
    """ "Remove JSON Patch annotations before upgrade ..." over "Remove a specific JSON
    Patch annotation from the HyperConverged CR:" with its command: said again, done there."""
    nxt = re.sub(r"^to\s+", "", _flat(after.get("text")), flags=re.IGNORECASE)
    if not nxt.endswith(":") or not after.get("detail"):
        return False
    verb, _, rest = text.partition(" ")
    if not verb.isalpha() or nxt.split(" ", 1)[0].casefold() != verb.casefold():
        return False
    if not _action(text) or len(text) > MAX_LEAD or not text.endswith("."):
        return False
    shared = _content(rest) & _content(nxt.partition(" ")[2])
    return len(shared - _GENERIC) >= 2


def _summary_title(node: dict[str, Any], text: str) -> str | None:
    """The outcome's title the summary gives ("" when the title already says it), or None
    when the title is not the summary's: "Method 2: Set a registry key ..." over "Set a
    registry key ..."; "For a more permanent workaround" over "For a more permanent
    workaround, replace X." gives "Replace X"."""
    title = _flat(node.get("title"))
    bare = _TITLE_PREFIX_RE.sub("", title).rstrip(". ")
    body = text.rstrip(". ")
    if len(bare) < 12:
        return None
    if _key(bare) == _key(body):
        return ""
    if body.casefold().startswith(bare.casefold() + ", "):
        rest = body[len(bare) + 2 :].strip()
        if _action(rest) and 12 <= len(rest) <= 120 and "{" not in rest:
            return rest[0].upper() + rest[1:]
    return None


def _intro(node: dict[str, Any], step: dict[str, Any]) -> None:
    """The summary tick as the outcome's intro (its notes with it)."""
    said = "\n\n".join(p for p in (_flat(step.get("text")), str(step.get("detail") or "")) if p)
    old = str(node.get("text") or "").strip()
    node["text"] = f"{said}\n\n{old}" if old else said


def _retitled(tree: dict[str, Any], node: dict[str, Any], title: str) -> None:
    old = node.get("title")
    node["title"] = title
    for other in tree.get("nodes", []):
        for choice in other.get("choices", []) if isinstance(other, dict) else []:
            goes = choice.get("value") == node.get("id") or choice.get("next") == node.get("id")
            if goes and choice.get("label") == old:
                choice["label"] = title


def _leads_shown(steps: list[Any]) -> None:
    n = 0
    while n < len(steps) - 1:
        step, after = steps[n], steps[n + 1]
        if (
            isinstance(step, dict)
            and isinstance(after, dict)
            and not step.get("detail")
            and step.get("when") == after.get("when")
            and after.get("text")
            and colon_lead(step.get("text", ""))
        ):
            old = str(after.get("detail") or "").strip("\n")
            lead = _flat(step["text"])
            after["detail"] = f"{lead}\n\n{old}" if old else lead
            del steps[n]
            continue
        n += 1


def leads_shown(tree: dict[str, Any]) -> None:
    """Only the colon lead-ins, for nodes drafted after `summary_leads` ran (an archive
    article that is a list of items: `not_one.not_one_problem`)."""
    for node in tree.get("nodes", []):
        if isinstance(node, dict) and node.get("kind") == "outcome":
            for key in ("steps", "verify"):
                ticks = node.get(key)
                if isinstance(ticks, list) and len(ticks) > 1:
                    _leads_shown(ticks)


def summary_leads(tree: dict[str, Any], article_text: str) -> None:
    """Every fix's colon lead-ins shown over the ticks they introduce; a summary over its
    procedure made the outcome's intro (and its title when the title was its lead)."""
    leads: set[str] | None = None
    for node in tree.get("nodes", []):
        if not isinstance(node, dict) or node.get("kind") != "outcome":
            continue
        if node.get("id") == "not_this_article":
            continue
        for key in ("steps", "verify"):
            ticks = node.get(key)
            if isinstance(ticks, list) and len(ticks) > 1:
                _leads_shown(ticks)
        steps = node.get("steps")
        if not isinstance(steps, list) or len(steps) < 2 or not isinstance(steps[0], dict):
            continue
        first = 1 if _flat(steps[0].get("text")).casefold().startswith("back up the") else 0
        if first + 1 >= len(steps):
            continue
        step = steps[first]
        if not isinstance(step, dict) or step.get("when"):
            continue
        text = _flat(step.get("text"))
        if not text or "{" in text or text.endswith(":") or "\n" in str(step.get("detail") or ""):
            continue
        after = steps[first + 1]
        said_again = not step.get("detail") and isinstance(after, dict) and not after.get("when")
        if said_again and _same_verb_again(text, after):
            _intro(node, step)
            del steps[first]
            continue
        title = _summary_title(node, text) if first + 2 < len(steps) else None
        if title is None:
            continue
        if leads is None:
            leads = _lead_paragraphs(article_text)
        key = _key(text)[:60]
        if len(key) < 20 or not any(p.startswith(key) for p in leads):
            continue
        _intro(node, step)
        del steps[first]
        if title:
            _retitled(tree, node, title)
