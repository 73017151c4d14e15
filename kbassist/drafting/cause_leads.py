"""Causes a modern article lists outside a Cause section (round 32, modern32).

bench_draft's "drafts that give no cause" was 11.7% on MS support and 30.0% on runbooks;
most of those articles name no cause, but some list them where the cause passes do not
look: a "Typical causes | Resolutions" table (each row already a fix chosen by its
cause), a "Possible causes" heading over a list, or a lead in the steps ("Now there is a
judgement call to make, this could be the result of:", "This can be caused by one of the
following:") over a list whose items say a cause each ("Faulty configuration, which could
be resolved by removing ..."). The cause line then names them, as the article does, never
a cause made up from the symptom; "X gives no cause." stays for the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

from kbassist.articles.model import Article, Block, ListBlock, Note, Paragraph, Quote, Table
from kbassist.drafting.option_model import Option
from kbassist.drafting.text import short_label, split_detail, with_detail

#: A table column of causes ("Typical causes", "Possible cause", "Reason"); not a column
#: of errors or symptoms, which say what is seen.
_CAUSE_HEAD_RE = re.compile(r"\b(?:(?:root )?causes?|reasons?)\b", re.IGNORECASE)
#: Its fix column ("Resolutions", "Solution", "What to do").
_FIX_HEAD_RE = re.compile(
    r"\b(?:resolutions?|solutions?|fix(?:es)?|workarounds?|actions?|what to do|"
    r"mitigations?|recommendations?)\b",
    re.IGNORECASE,
)
#: A lead over a list of causes: "this could be the result of:", "Possible causes
#: include:", "This error can be caused by one of the following:", "for one of the
#: following reasons:". It must end in a colon (checked apart) and say cause or reason,
#: never only "one of the following conditions" (also a precondition's lead).
_LEAD_RE = re.compile(
    r"\b(?:(?:possible|common|typical|known|potential|likely|several|various|multiple|main|"
    r"usual|frequent) (?:root )?(?:causes|reasons)|(?:causes|reasons) (?:include|are|can be|"
    r"may be|might be)|the following (?:root )?(?:causes|reasons)|(?:because|result) of (?:one "
    r"or more of |one of |any of )?the following|(?:could|can|may|might) be (?:the )?(?:a )?"
    r"(?:result of|caused by|due to)|(?:caused by|due to|for) (?:one or more|one|any|either) "
    r"of the following(?: \w+)?)\b",
    re.IGNORECASE,
)
#: A heading over the causes it lists ("Possible causes", "Common causes of X").
_HEADING_RE = re.compile(
    r"^(?:possible|common|typical|known|potential|likely|main|root) (?:root )?causes?\b",
    re.IGNORECASE,
)
#: Where an item's cause ends and its fix begins: "Faulty configuration, which could be
#: resolved by removing X", "The target is reporting faulty data, sometimes this can be
#: resolved by restarting it", "X. To fix this, do Y".
_FIX_SPLIT_RE = re.compile(
    r"(?:,|;|\.|\s[-\u2013\u2014])\s+(?:(?:which|this|that|it)\s+)?(?:(?:sometimes|usually|"
    r"often|typically)\s+)?(?:(?:this|it)\s+)?(?:(?:could|can|may|might|should|must)\s+"
    r"(?:usually\s+|often\s+|sometimes\s+)?be\s+(?:resolved|fixed|solved|addressed|mitigated|"
    r"corrected)\b|to\s+(?:resolve|fix|solve|address|mitigate|correct)\s+(?:this|it)\b)",
    re.IGNORECASE,
)
#: Causes a line can name; a longer list is cut with "and N more".
MAX_NAMED = 8
#: Fewest and most items a cause list has (one is no choice; a long one is a checklist).
MIN_ITEMS, MAX_ITEMS = 2, 10


def _plain(text: str) -> str:
    from kbassist.drafting.modern import md_plain

    return " ".join(md_plain(text).split())


def cause_of_item(text: str) -> str:
    """An item's cause, without the fix it pairs it with ("Faulty configuration, which
    could be resolved by ..." -> "Faulty configuration")."""
    flat = " ".join(text.split())
    found = _FIX_SPLIT_RE.search(flat, 0, 400)
    said = flat[: found.start()] if found else flat
    named = re.match(r"([^:.]{2,60}):\s+\S", said)  # "Disk Full: The pod is in ..."
    if named and len(named.group(1).split()) <= 6:
        said = named.group(1)
    return said.strip().rstrip(".:;,")


def _blocks(blocks: Iterable[Block], *, nested: bool = True) -> Iterable[Block]:
    """Blocks in order, those in notes included, and with `nested` those in list items."""
    for block in blocks:
        yield block
        if isinstance(block, ListBlock) and nested:
            for item in block.items:
                yield from _blocks(item.blocks, nested=nested)
        elif isinstance(block, (Note, Quote)):
            yield from _blocks(block.blocks, nested=nested)


def _items(block: ListBlock) -> list[str]:
    """Each item's first paragraph, plain."""
    said = []
    for item in block.items:
        first = next((b for b in item.blocks if isinstance(b, Paragraph)), None)
        if first is not None and first.text.plain.strip():
            said.append(_plain(first.text.plain))
    return said


def table_causes(article: Article) -> list[str]:
    """The cause cells of a causes-and-resolutions table ("Typical causes | Resolutions")."""
    for part in article.document.walk():
        for block in _blocks(part.blocks):
            if not isinstance(block, Table):
                continue
            header = [_plain(cell.plain) for cell in block.header]
            cause = next((n for n, h in enumerate(header) if _CAUSE_HEAD_RE.search(h)), None)
            if cause is None or not any(
                n != cause and _FIX_HEAD_RE.search(h) for n, h in enumerate(header)
            ):
                continue
            cells = [_plain(row[cause].plain) for row in block.rows if cause < len(row)]
            said = [re.split(r"\s*[\u2014\u2013]\s*|\s+-{1,2}\s+", c)[0] for c in cells]
            said = [s.rstrip(". ") for s in said if s.strip()]
            if len(said) >= MIN_ITEMS:
                return said
    return []


def led_causes(article: Article) -> list[str]:
    """The items of a list led by a cause lead ("this could be the result of:") or under
    a "Possible causes" heading, each as its cause."""
    if any(p.role == "cause" for p in article.document.walk()):
        return []  # a Cause section's list is the cause passes' (one per symptom, or none)
    parts = [("", article.document.blocks)] + [(p.name, p.blocks) for p in article.document.walk()]
    for name, own in parts:
        # the article's own list, not one nested in a case ("If the log shows 401: ... This
        # can be caused by: - A - B"), whose causes are that case's only
        blocks = list(_blocks(own, nested=False))
        if _HEADING_RE.match(_plain(name)) and blocks:
            first = next((n for n, b in enumerate(blocks) if isinstance(b, ListBlock)), None)
            if first is not None and first <= 1:  # the list, or one line of lead before it
                said = [cause_of_item(i) for i in _items(blocks[first])]  # type: ignore[arg-type]
                if _causes_said(said):
                    return said
    led = cause_lists(article)
    return [cause_of_item(i) for i in led[0][1]] if led else []


def cause_lists(article: Article) -> list[tuple[str, list[str]]]:
    """(lead, items) of each list of the article's own (not nested in a case) led by a
    cause lead ("this could be the result of:") whose items read as causes."""
    if any(p.role == "cause" for p in article.document.walk()):
        return []
    out: list[tuple[str, list[str]]] = []
    for own in [article.document.blocks, *(p.blocks for p in article.document.walk())]:
        for block, after in pairwise(list(_blocks(own, nested=False))):
            if not (isinstance(block, Paragraph) and isinstance(after, ListBlock)):
                continue
            lead = _plain(block.text.plain)
            if not lead.endswith(":") or not _LEAD_RE.search(lead[-300:]):
                continue
            items = _items(after)
            if _causes_said([cause_of_item(i) for i in items]):
                out.append((lead, items))
    return out


#: An item that is no cause: a doing ("Checking application logs ..."), a case of
#: when ("During the installation process, ..."), a file, a number or a link title.
_NOT_CAUSE_RE = re.compile(
    r"^(?:\w+ing\b(?! (?:is|are|was|were|has|have)\b)|(?:during|after|before|when|while|if|"
    r"see|for more)\b|\S+$)",
    re.IGNORECASE,
)


def _causes_said(said: list[str]) -> bool:
    """Whether a list's items read as causes: two to ten, none a doing, a case, a file
    name or a number, none an action to take."""
    from kbassist.drafting.steps import _action

    return MIN_ITEMS <= len(said) <= MAX_ITEMS and not any(
        _NOT_CAUSE_RE.match(s) or _action(s) for s in said
    )


#: Sections that tell what happens (not the fix's): where a usual cause is said.
_TELLING_KEYS = ("symptom", "summary", "meaning", "impact", "overview", "description")
#: "An unusual change of leader is usually produced by problems in network connection",
#: "... activity on a single base image, typically driven by automation such as backup
#: tools", "Most likely cause- disk write performance": a usual cause said in passing.
_USUALLY_RE = re.compile(
    r"\b(?:(?:is|are|was|were)\s+)?(?:usually|often|typically|commonly|generally|mostly|"
    r"most often|frequently)\s+(?:caused|produced|triggered|driven|brought on)\s+by\s+\w|"
    r"\bmost (?:likely|common|frequent) (?:root )?cause\b\s*(?:is\b|[-:\u2013\u2014])",
    re.IGNORECASE,
)


def usual_cause(article: Article) -> str:
    """The sentence of a telling section (Meaning, Impact, Summary, ...) that says what
    usually causes the problem, or ""."""
    from kbassist.drafting.text import split_sentences

    for section in article.sections:
        if not any(k in section.key for k in _TELLING_KEYS):
            continue
        for sentence in split_sentences(_plain(section.text)):
            if _USUALLY_RE.search(sentence) and not sentence.rstrip().endswith(":"):
                return sentence.strip()
    return ""


def listed_cause_line(article: Article) -> str:
    """The cause line of a modern article that lists its causes where no cause pass
    looked, or "" (then the draft says it gives no cause)."""
    if article.style == "mskb":
        return ""
    table = table_causes(article)
    causes = table or led_causes(article)
    if not causes:
        said = usual_cause(article)
        return f"The article says what usually causes it: {said}" if said else ""
    named = [short_label(c, 90) for c in causes[:MAX_NAMED]]
    more = f"; and {len(causes) - MAX_NAMED} more" if len(causes) > MAX_NAMED else ""
    how = " typical causes, each with its own fix" if table else " possible causes"
    return f"The article lists {len(causes)}{how}: {'; '.join(named)}{more}."


#: "..., which could be resolved by removing X", "sometimes this can be resolved by
#: restarting the target, or ...": the fix said as a doing, after "by".
_BY_FIX_RE = re.compile(r"\bby\s+(?P<adv>[a-z]{2,20}ly\s+)?(?P<g>[a-z]{3,30}ing)\b")


def _fix_of_item(text: str) -> str:
    """The fix an item pairs with its cause, said as a tick ("Faulty configuration, which
    could be resolved by removing the offending ServiceMonitor" -> "Remove the offending
    ServiceMonitor"), or "" when the item names no fix."""
    from kbassist.drafting.options import _verb_of

    flat = " ".join(text.split())
    split = _FIX_SPLIT_RE.search(flat, 0, 400)
    if split is None:
        return ""
    found = _BY_FIX_RE.search(flat, split.start(), split.end() + 40)
    if found is None or found.start() > split.end() + 2:
        return ""
    verb = _verb_of(found.group("g"))
    if not verb:
        return ""
    adv = (found.group("adv") or "").strip()
    said = f"{adv} {verb}" if adv else verb
    rest = flat[found.end() :].rstrip()
    if len(rest.split()) < 1:
        return ""
    return said[0].upper() + said[1:] + rest


def cause_lead_steps(article: Article, option: Option, counter: int) -> int:
    """A cause lead ticked over its causes ("this could be the result of:" then "Faulty
    configuration, which could be resolved by removing X", "The target is reporting
    faulty data, sometimes this can be resolved by restarting it"), or the one tick the
    passes made of them: asked "Which of these applies?", each cause's answer ticking its
    own fix (the cause shown under it); the lead is the question's help. Returns the
    counter."""
    from kbassist.drafting.cause_list import ask_which_cause, owned_steps

    if article.style == "mskb" or option.asks or option.when or len(option.items) < 2:
        return counter
    for lead, items in cause_lists(article):
        fixes = [_fix_of_item(i) for i in items]
        if sum(bool(f) for f in fixes) < MIN_ITEMS:
            continue  # the article does not pair them: the cause line names them only
        key = " ".join(lead.split())[:60].casefold()
        at = next(
            (
                n
                for n, item in enumerate(option.items)
                if " ".join(split_detail(item)[0].split()).casefold().startswith(key)
            ),
            None,
        )
        if at is None:
            continue
        text, detail = split_detail(option.items[at])
        rest = option.items[at + 1 : at + 1 + len(items)]
        if " ".join(text.split()) != " ".join(lead.split()):
            rest = []  # the list was folded into the lead's tick: its items from the article
        elif [cause_of_item(split_detail(r)[0])[:30] for r in rest] != [
            cause_of_item(i)[:30] for i in items
        ]:
            continue
        steps = []
        for n, item in enumerate(items):
            more = split_detail(rest[n])[1] if rest else ""
            shown = f"Cause: {cause_of_item(item)}."
            if more.strip():
                shown = f"{shown}\n\n{more}"
            steps.append(with_detail(fixes[n] or item, shown))
        if detail.strip() and steps:
            said, more = split_detail(steps[-1])
            steps[-1] = with_detail(said, f"{more}\n\n{detail}")
        end = at + 1 + len(rest)
        option.items[at:end] = steps
        counter += 1
        var = f"if_{counter}"
        owners: list[int | None] = [None] * len(option.items)
        for j in range(len(items)):
            owners[at + j] = j
        owned_steps(option, var, owners)
        labels = [short_label(cause_of_item(i), 80) for i in items]
        ask_which_cause(option, var, labels, f"The article: {lead}", relabel=False)
        return counter
    return counter
