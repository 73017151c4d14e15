"""Headings ticked as steps in modern articles (round 32, modern32).

Blind readers marked a modern support article's heading ticked ahead of the steps under
it: "1. Increase the connection-timeout parameter." over its two cases ("If you use an
application ..., increase ..." / "If you use SSMS, select ..."), a bold list item
"**Case 1 - You have an expired version of SQL server evaluation edition**" or a bare
"Option 2" over the numbered procedure it names. Such an item names a group of steps: it
is the group's title, shown with the steps it heads, never a tick of its own. An item
with nothing under it that the walk ticks (no nested list, or a heading whose section
holds only a paragraph) stays the one action, its paragraph the detail.

Only list items the Markdown itself nests content under are titles here, and only when
the tick after them is drawn from that content (most of its first words are the group's
own), so a short action followed by its sibling is never folded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kbassist.articles.model import Article, Block, ListBlock, Note, Paragraph, Quote
from kbassist.drafting.option_model import Option
from kbassist.drafting.steps import _action, _listed_action
from kbassist.drafting.text import split_detail, split_sentences, with_detail

#: "Option 2", "Case 1 - ...", "Scenario 2 - ...", "Method 3:": a label of a group.
_MARKED_RE = re.compile(
    r"^(?:option|case|scenario|method|step|approach|solution|workaround)\s+\d{1,2}\b",
    re.IGNORECASE,
)
#: A first verb of a step of its own, never a group's title: the walk must tick it ("Open
#: the Computer Certificate Store in MMC", "Select the Certificate tab, and check ...").
_UI_VERB_RE = re.compile(
    r"^(?:open|select|click|right-click|double-click|navigate|go|press|type|enter|expand|"
    r"run|start|launch|sign|log|take|look|review|inspect|check|verify|copy|download|install)\b",
    re.IGNORECASE,
)
#: Words too common to tell a group's own steps from another's.
_COMMON = frozenset(
    "the a an and or of to in on for with by from that this is are be it you your if then "
    "as at use using select click run open".split()
)
#: Most words a one-sentence title has.
MAX_TITLE_WORDS = 16
#: How many of the next tick's first content words are compared with the group's own.
_FIRST_WORDS = 8


def _words(text: str) -> set[str]:
    """Content words, lower-case (links and markup already plain in the model)."""
    return {w for w in re.findall(r"[a-z0-9][a-z0-9'-]{1,40}", text.casefold()) if w not in _COMMON}


def _block_text(blocks: Iterable[Block]) -> str:
    """The plain text of blocks, nested lists and notes included."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(block.text.plain)
        elif isinstance(block, ListBlock):
            for item in block.items:
                out.append(_block_text(item.blocks))
        elif isinstance(block, (Note, Quote)):
            out.append(_block_text(block.blocks))
        else:
            out.append(str(getattr(block, "code", "") or ""))
    return " ".join(out)


def _flat(text: str) -> str:
    return " ".join(text.split()).strip()


def _key(text: str) -> str:
    """A title's text as compared with a tick: markup gone, end punctuation dropped."""
    return re.sub(r"[*_`]", "", _flat(text)).rstrip(" .:").casefold()


def _bold(head: Paragraph) -> bool:
    """Whether the whole paragraph is bold ("**Case 1 - X**"): a heading in a list."""
    end = len(head.text.plain.rstrip(" .:"))
    return any(m.kind == "strong" and m.start == 0 and m.end >= end for m in head.text.marks)


def _is_title(head: Paragraph, rest: tuple[Block, ...]) -> bool:
    """A list item's first paragraph that titles what is nested under it: wholly bold, a
    marked label ("Option 2", "Case 1 - ..."), or one short sentence (no colon lead: the
    colon passes have their own rules) over a nested list."""
    plain = _flat(head.text.plain)
    if not plain or not rest:
        return False
    if _bold(head) or _MARKED_RE.match(plain):
        return True
    if plain.endswith(":") or len(plain.split()) > MAX_TITLE_WORDS:
        return False
    if re.search(r"[.!?]\s", plain):
        return False  # two sentences: an action with its note, not a title
    return any(isinstance(b, ListBlock) for b in rest)


#: The last article `group_heads` read and its answer: `heading_ticks` asks once per
#: option, and an article of 900 options walked its whole block tree 900 times (13 s).
_LAST: list[tuple[Article, dict[str, tuple[bool, tuple[Block, ...]]]]] = []


def group_heads(article: Article) -> dict[str, tuple[bool, tuple[Block, ...]]]:
    """Title key -> (wholly bold, the blocks nested under it), for every list item of the
    article that titles a group (see `_is_title`); their words are read only for a title
    ticked. Worked out once per article (the answer is shared: read it, never change it)."""
    last = _LAST[0] if _LAST else None  # read once: another thread may draft meanwhile
    if last is not None and last[0] is article:
        return last[1]
    heads = _group_heads(article)
    _LAST[:] = [(article, heads)]
    return heads


def _group_heads(article: Article) -> dict[str, tuple[bool, tuple[Block, ...]]]:
    """`group_heads`, read afresh."""
    heads: dict[str, tuple[bool, tuple[Block, ...]]] = {}

    def visit(blocks: Iterable[Block]) -> None:
        for block in blocks:
            if isinstance(block, ListBlock):
                for item in block.items:
                    first, rest = (item.blocks[0], item.blocks[1:]) if item.blocks else (None, ())
                    if isinstance(first, Paragraph) and _is_title(first, rest):
                        key = _key(first.text.plain)
                        bold, had = heads.get(key, (True, ()))
                        heads[key] = (bold and _bold(first), had + rest)
                    visit(item.blocks)
            elif isinstance(block, (Note, Quote)):
                visit(block.blocks)

    for part in article.document.walk():
        visit(part.blocks)
    return heads


def _drawn_from(step: str, own: set[str]) -> bool:
    """Whether a tick's first content words are mostly the group's own."""
    said = [w for w in re.findall(r"[a-z0-9][a-z0-9'-]{1,40}", step.casefold()) if w not in _COMMON]
    first = said[:_FIRST_WORDS]
    return len(first) >= 2 and sum(w in own for w in first) * 3 >= len(first) * 2


def heading_ticks(article: Article, option: Option) -> None:
    """A group's title ticked over its own steps: shown above the steps it heads (each
    step of a case it heads, when the steps after it are asked case by case), not ticked.
    A title whose next tick is not drawn from its group is left (it is the one action)."""
    if article.style == "mskb" or len(option.items) < 2:
        return
    heads = group_heads(article)
    if not heads:
        return
    for n in range(len(option.items) - 1, -1, -1):  # inner titles first ("Option 1" in Case 3)
        text, detail = split_detail(option.items[n])
        found = heads.get(_key(text))
        if found is None:
            continue
        bold, nested = found
        if _MARKED_RE.fullmatch(_flat(text).rstrip(" .:")) and _label_over_detail(option, n):
            continue  # "Option 1" over "Apply SP1 ...": that sentence is the tick
        if n + 1 >= len(option.items):
            continue
        if n in option.when and option.when.get(n + 1) != option.when[n]:
            continue
        # the steps it heads: the next, and with no case of its own the cased run after it
        span = [n + 1]
        asked = _asked_var(option.when.get(n + 1, ""))
        if n not in option.when and asked:
            while _asked_var(option.when.get(span[-1] + 1, "")) == asked:
                span.append(span[-1] + 1)
        nxt = split_detail(option.items[n + 1])[0]
        if not _drawn_from(nxt, _words(_block_text(nested))) or _key(nxt) in heads:
            continue
        if not _titles(_flat(text), nxt, bold):
            continue
        title = _flat(text).rstrip(" .:") + ":"
        shown = f"{title}\n\n{detail.strip()}" if detail.strip() else title
        seen: set[str | None] = set()
        for k in span:
            case = option.when.get(k)
            if case in seen:
                continue  # a case's first step shows it, not each of them
            seen.add(case)
            said, more = split_detail(option.items[k])
            option.items[k] = with_detail(said, f"{shown}\n\n{more}" if more.strip() else shown)
        del option.items[n]
        option.when = {(k - 1 if k > n else k): v for k, v in option.when.items()}


def _titles(title: str, nxt: str, bold: bool) -> bool:
    """Whether a nested group's first line titles the tick after it rather than being a
    step of its own: the tick after it is an action (not "If X, restarting may help:"),
    and the title is a case or cause ("Invalid TLS configuration."), a label, a bold
    heading, or a goal the tick after it does again ("Increase the connection-timeout
    parameter." over "..., increase the relevant connection-timeout parameter values");
    never a step the
    walk must tick ("Open X", "Take a look at the dashboard")."""
    if not _listed_action(nxt) or _UI_VERB_RE.match(title):
        return False
    if bold or _MARKED_RE.match(title) or not _action(title.rstrip(":") + "."):
        return True
    verb = title.split(" ", 1)[0].casefold()
    return bool(re.search(rf"\b{re.escape(verb)}\b", nxt.casefold()))


def _asked_var(when: str) -> str:
    """The variable a step's case asks (`if_2 == "case_1" or ...` -> "if_2"), or ""."""
    found = re.match(r"\s*(\w+)\s*==", when)
    return found.group(1) if found else ""


def _label_over_detail(option: Option, n: int) -> bool:
    """A bare "Option 1" ticked with its paragraph as the detail ("Apply Service Pack 1
    ... ."): the paragraph's first sentence, an action, is the tick, the label its title."""
    text, detail = split_detail(option.items[n])
    paras = detail.strip().split("\n\n", 1)
    said = split_sentences(_flat(paras[0])) if paras[0].strip() else []
    if not said or not _action(said[0]) or said[0].endswith(":"):
        return False
    rest = " ".join(said[1:])
    more = "\n\n".join(x for x in (rest, paras[1] if len(paras) > 1 else "") if x.strip())
    title = _flat(text).rstrip(" .:") + ":"
    option.items[n] = with_detail(said[0], f"{title}\n\n{more}" if more else title)
    return True
