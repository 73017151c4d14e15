"""Ways a list of alternatives leaves out: its other items, and a titled way after it.

Readers of drafted walks (round 34, seed 94) found fixes the article gives missing from
the walk:

- "You can use one of the following workarounds:" over bullets, the first holding two
  ways joined by "-or-" ("- Do not define sync() ... -or- define your own overflow()")
  and a second bullet with its own fix and code ("- Change filebuf::overflow() ... to call
  sync() ..."): the `-or-` split took only the bullet that holds it, so the other bullets
  were lost (or, before it, read as the lead-in). Each bullet of such a list is a way;
  the one holding `-or-` gives two.
- "use one of the following methods." over "- Do not ..." bullets, then a titled way
  after the list ("Install the Latest Printer Driver for Your Printer:" over its
  paragraph): the list ended at the title, so the driver fix was dropped. A Title-Case
  line naming an action and ending with a colon, right after the list at its indent,
  with a body under it, is one more way.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from kbassist.drafting.text import Para, clean

#: Small words a title leaves in lower case.
_SMALL = frozenset(
    "a an and as at by for from in into of on or the to with your you via vs per".split()
)
#: A title's words (bounded: one line).
_WORD_RE = re.compile(r"[A-Za-z][\w'-]{0,40}")
#: "Method 2:", "Note:", "For more information ...:", "To do this, ...:": a lead or a
#: label, never a way's own title.
_NOT_TITLE_RE = re.compile(
    r"^(?:note|notes|important|warning|caution|example|for\b|to\b|if\b|when\b|method\b|step\b"
    r"|the following\b|following\b|see\b|more information\b)",
    re.IGNORECASE,
)
#: "-or", "or-": an `-or-` line the text reader did not take for one (a dash lost).
_STRAY_OR_RE = re.compile(r"^(?:-{1,3}\s{0,3}or|or\s{0,3}-{1,3})$", re.IGNORECASE)
#: The longest title line read.
_MAX_TITLE = 90


def _choose_lead(text: str) -> bool:
    """Whether `text` announces ways to choose from ("use one of the following methods")."""
    from kbassist.drafting.options import _CHOOSE_ONE_RE, _PLAIN_CHOOSE_ONE_RE

    flat = clean(text)
    if re.search(r"\b(?:all|both|each) of\b", flat, re.IGNORECASE):
        return False
    return bool(_CHOOSE_ONE_RE.search(flat) or _PLAIN_CHOOSE_ONE_RE.search(flat))


def way_title(para: Para) -> bool:
    """A line titling a way to fix it: "Install the Latest Printer Driver for Your
    Printer:" (Title Case, an action first, a colon last, one line, no sentence in it)."""
    from kbassist.drafting.options import _is_action

    if para.marker or para.separator or para.numbered or len(para.lines) != 1:
        return False
    text = clean(para.text)
    if not text.endswith(":") or len(text) > _MAX_TITLE or _NOT_TITLE_RE.match(text):
        return False
    title = text[:-1].strip()
    if re.search(r"[.;!?]\s", title) or "," in title:
        return False
    words = _WORD_RE.findall(title)
    big = [w for w in words if w.lower() not in _SMALL]
    if len(big) < 3 or sum(w[0].isupper() for w in big) < len(big):
        return False  # "Install the latest driver:": a lead-in over its steps, not a title
    return _is_action(title[0] + title[1:].lower())


def titled_ways_after(paras: Sequence[Para], end: int, indent: int) -> list[list[Para]]:
    """Titled ways right after a list that ends before `end` (its items at `indent`): each
    title with the blocks under it, up to the next title; [] when the block at `end` is
    no title or nothing stands under it."""
    ways: list[list[Para]] = []
    at = end
    while at < len(paras) and paras[at].indent == indent and way_title(paras[at]):
        body = [paras[at]]
        at += 1
        while at < len(paras) and not (paras[at].indent == indent and way_title(paras[at])):
            if paras[at].marker and paras[at].indent == indent and not body[1:]:
                break  # the list goes on: no body of its own
            body.append(paras[at])
            at += 1
        if len(body) < 2:
            return []
        ways.append(body)
    return ways


def _item_end(paras: Sequence[Para], start: int) -> int:
    """The end of the list item at `start`: the first later block at its indent or less."""
    indent = paras[start].indent
    at = start + 1
    while at < len(paras) and paras[at].indent > indent:
        at += 1
    return at


def items_with_ors(
    paras: Sequence[Para], seps: list[int]
) -> tuple[list[Para], list[list[Para]]] | None:
    """(lead-in, ways) when every `-or-` at `seps` stands in a bulleted list of ways led by
    "one of the following workarounds:" and the `-or-` reading would lose items: each item
    a way, one holding an `-or-` with a way after it inside the item one way per part
    ("- Do not define sync() -or- define your own overflow()" / "- Change overflow()"), and
    items after the last `-or-` kept ("- A" / "-or-" / "- B" / "- C"). None for any other
    `-or-` (the caller's reading)."""
    item = next(
        (i for i in range(seps[0] - 1, -1, -1) if paras[i].indent < paras[seps[0]].indent), None
    )
    if item is None or not paras[item].marker or paras[item].numbered:
        return None
    indent = paras[item].indent
    starts = [item]
    at = item
    while at > 0:  # the items before, back to the list's first
        prev = next((i for i in range(at - 1, -1, -1) if paras[i].indent <= indent), None)
        if prev is None or not paras[prev].marker or paras[prev].numbered:
            break
        if paras[prev].indent != indent or _item_end(paras, prev) != at:
            break
        starts.insert(0, prev)
        at = prev
    first = starts[0]
    if first == 0 or not _choose_lead(paras[first - 1].text):
        return None
    lead = paras[first - 1]
    if lead.marker or lead.indent > 0 or lead.indent > indent:
        return None  # "5. Save ...: Do one of the following:" / "- A" / "-or-": that step's
    at = _item_end(paras, item)
    while at < len(paras) and paras[at].marker and paras[at].indent == indent:
        if paras[at].numbered or clean(paras[at - 1].text).endswith(":"):
            return None  # "- Replace X from the CD:" / "- Insert the CD": that item's steps
        starts.append(at)
        at = _item_end(paras, at)
    if at < len(paras) and paras[at].numbered:
        return None  # "- Modify the registry ..., as shown below:" / "1. Start ...": its steps
    if seps[-1] >= at or len(starts) < 2:
        return None  # an `-or-` after the list: the caller's reading
    ways: list[list[Para]] = []
    lost = False  # a way the `-or-` reading drops
    for n, start in enumerate(starts):
        stop = _item_end(paras, start)
        inner = [s for s in seps if start < s < stop]
        tail = bool(inner) and inner[-1] + 1 >= stop  # "- A" / "  -or-": between items
        parts_at = inner[:-1] if tail else inner
        bounds = [start, *parts_at, stop]
        parts = [list(paras[a:b]) for a, b in itertools.pairwise(bounds)]
        for k, part in enumerate(parts):
            part = part[1:] if k else part
            if tail and k == len(parts) - 1:
                part = part[: len(part) - (stop - inner[-1])]
            while part[1:] and _STRAY_OR_RE.match(part[-1].head):
                part = part[:-1]  # "- Upgrade to BackPack 2.09." / "  -or": a stray `-or`
            if part:
                ways.append(part)
        joined = bool(inner) or any(start < s < _item_end(paras, starts[n - 1]) for s in seps if n)
        lost = lost or bool(parts_at) or not joined
    if not lost or len(ways) < 3:
        return None
    return list(paras[:first]), ways


#: "This workaround is described in more detail below.", "The steps are shown below.": a
#: listed way whose procedure stands under a heading after the list.
#: "Note:", "Important:": a paragraph already said as a note.
_NOTE_HEAD_RE = re.compile(r"^(?:note|notes|important|warning|caution|tip)\b", re.IGNORECASE)
_BELOW_RE = re.compile(
    r"\b(?:described|explained|detailed|shown|listed|outlined)\s(?:in\s(?:more\s|greater\s|"
    r"further\s)?detail\s|further\s)?below\b",
    re.IGNORECASE,
)


def described_below(paras: Sequence[Para], end: int, alts: list[list[Para]]) -> list[list[Para]]:
    """`alts` with the one way that says its procedure is "described in more detail below"
    given the sub-headed part right after the list (its heading, lead, steps and note, up to
    the next heading): "- Place all ENUMS into a separate DLL ... described in more detail
    below." over "Steps to Implement the Type Library Workaround" / "1. ... 12. ..." (seed-106
    readers, Q184286). Unchanged when no way or more than one says so, or no heading with
    numbered steps follows the list."""
    said = [n for n, alt in enumerate(alts) if any(_BELOW_RE.search(p.text) for p in alt)]
    if len(said) != 1 or end >= len(paras) or not paras[end].heading:
        return alts
    stop = next((i for i in range(end + 1, len(paras)) if paras[i].heading), len(paras))
    part = list(paras[end + 1 : stop])
    last = max((i for i, p in enumerate(part) if p.numbered), default=-1)
    if last < 0:
        return alts
    step = part[last].indent
    for at in range(last + 1, len(part)):
        para = part[at]
        # "You can also bypass unregistering ...": a note after the steps, shown under the
        # last one rather than ticked as a step (or offered as a fix) of its own
        if (
            para.indent <= step
            and not (para.marker or para.separator or para.heading)
            and not _NOTE_HEAD_RE.match(para.head)
        ):
            lead = para.lines[0][: para.indent]
            part[at] = Para([f"{lead}Note: {para.head}", *para.lines[1:]])
    out = [list(alt) for alt in alts]
    out[said[0]].extend(part)
    return out
