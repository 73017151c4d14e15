"""Methods tried in turn: "If the issue continues to occur, proceed to the next method"
(round 15, alts15; the seed-52 readers' Q258710 note).

An MS KB RESOLUTION that says "use the following methods in the order in which they are
presented" and ends each method with "If the issue continues to occur, proceed to the
next method" is no menu of alternatives and no single checklist: the admin does method 1,
then method 2 only if the problem is still there. The walk asks that in turn ("Still
failing after method 1?"): "no" leads to method 1's checklist, "yes" to the next question,
the last "yes" to the last method. The pointer sentences are said by those questions, so
they are no longer shown under a step.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from kbassist.drafting.text import (
    brace,
    short_label,
    split_detail,
    with_detail,
    without_asides,
)

if TYPE_CHECKING:
    from kbassist.articles import Section
    from kbassist.drafting.option_model import Option
    from kbassist.drafting.text import Para

#: "If the issue continues to occur, proceed to the next method.", "If the problem
#: persists, continue to the next method", "If this does not resolve the issue, go to the
#: next method": a method that did not help sends the admin on to the next one.
_STILL_NEXT_RE = re.compile(
    r"\bif\s+(?:the\s+|this\s+|that\s+)?(?:issue|problem|behaviou?r|error|symptom)s?\s+"
    r"(?:still\s+)?(?:continues?|persists?|occurs?|recurs?|remains?|is\s+not\s+resolved)"
    r"(?:\s+to\s+occur)?|\bif\s+(?:this|that|these|the\s+\w+)\s+(?:does|do|did)\s*(?:not|n't)\s+"
    r"(?:resolve|fix|solve|correct|help)\b[^,.]{0,60}",
    re.IGNORECASE,
)
_TO_NEXT_RE = re.compile(
    r",\s*(?:then\s+)?(?:proceed|continue|go|move\s+on|try)\s+(?:on\s+)?(?:to|with)\s+the\s+"
    r"next\s+(?:method|procedure|section|step|workaround|resolution|solution)\b",
    re.IGNORECASE,
)
#: One such sentence, whole, to drop where a step shows it.
_POINTER_SENTENCE_RE = re.compile(
    r"(?:^|(?<=[.!?])\s+)If\s[^.!?]{3,120}?,\s*(?:then\s+)?(?:proceed|continue|go|move\s+on|try)"
    r"\s+(?:on\s+)?(?:to|with)\s+the\s+next\s+(?:method|procedure|section|step|workaround|"
    r"resolution|solution)s?\b[^.!?]{0,40}[.!?]?",
    re.IGNORECASE,
)


#: "Method 2", "Method 2: Extract Riched32.dll Files": a method's own heading.
_METHOD_HEAD_RE = re.compile(r"^method\s+\d{1,2}\b:?", re.IGNORECASE)
#: "Step 1. ", "Step 2: ": a numbered part's number, which the chain's question says.
_NUMBER_PREFIX_RE = re.compile(
    r"^(?:step|part|procedure|solution|option)\s{1,3}\d{1,2}\s{0,2}[.:)-]?\s{0,3}", re.I
)
#: "Windows 3.1: Checking Amount of Total Free Memory": a heading for one case.
_CASE_HEAD_RE = re.compile(r"^[^:]{2,40}:\s+\S")


def tried_in_turn(text: str) -> bool:
    """Whether a section sends the admin to its next method when one did not help."""
    if "next" not in text:
        return False  # cheap guard
    flat = " ".join(text.split())
    return any(
        _STILL_NEXT_RE.search(flat[max(0, m.start() - 160) : m.start()] + ",")
        for m in _TO_NEXT_RE.finditer(flat)
    )


#: "After you complete each method, test …", "use the following methods in the order in
#: which they are presented": the section's methods are tried one after another.
_EACH_METHOD_RE = re.compile(
    r"\bafter (?:you (?:complete|perform|try) )?each (?:method|step|procedure)\b|\bin the order "
    r"(?:in which|that)? ?they (?:are|were) (?:listed|presented|given)\b|\bin the (?:order "
    r"presented|following order)\b",
    re.IGNORECASE,
)


def menu_in_turn(options: list[Option]) -> bool:
    """Whether fixes offered as a menu are one section's methods to try in turn: all from
    one section that says to go on when one did not help (in its lead, "After you
    complete each method", or after every "Method N" but the last), each a plain fix (no
    update, version or case) named by its own heading."""
    if len(options) < 2 or any(o.kind != "option" or o.case for o in options):
        return False
    section = options[0].section
    if any(o.section is not section for o in options):
        return False
    text = " ".join(section.text.split())
    if not tried_in_turn(text):
        return False
    # "After you complete each method, test …", or the pointer after every "Method N" but
    # the last (a menu of steps cut at their headings is no list of methods)
    pointers = len(_POINTER_SENTENCE_RE.findall(text))
    methods = all(_METHOD_HEAD_RE.match(o.label) for o in options)
    if not (_EACH_METHOD_RE.search(text) or (methods and pointers >= len(options) - 1)):
        return False
    return not any(_GENERIC_LABEL_RE.match(o.label) for o in options)


#: "Resolution: Use the following methods", "Workaround: Perform the following steps": a
#: lead taken for a fix, no method to name in a chain.
_GENERIC_LABEL_RE = re.compile(
    r"^(?:[\w ]{3,30}:\s+)?(?:use|perform|follow|try|do)\s+(?:the|these)\s+(?:following|steps)\b",
    re.IGNORECASE,
)


def stage_options(section: Section, paras: list[Para]) -> list[Option]:
    """One option per sub-headed method of an in-order section whose methods are tried in
    turn (each named by its heading, its steps or its prose as written), marked `chain`;
    [] when fewer than two methods have anything to do."""
    from kbassist.drafting.options import _option_from
    from kbassist.drafting.text import clean, dedent_lines
    from kbassist.drafting.tried_leads import numbered_heads

    starts = [i for i, p in enumerate(paras) if p.heading]
    heads = [clean(paras[i].head) for i in starts]
    if any(_METHOD_HEAD_RE.match(h) for h in heads):
        # "Method 2: Extract the File" over "Locate the File" / "Extract the File": the
        # headings between two methods are parts of the one before
        starts = [i for i, h in zip(starts, heads, strict=True) if _METHOD_HEAD_RE.match(h)]
    elif any(_CASE_HEAD_RE.match(h) for h in heads) and not numbered_heads(heads):
        return []  # "Windows 3.1: Checking ..." beside "Windows 95/98: ...": per case
    options: list[Option] = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(paras)
        name = clean(paras[start].head).rstrip(":")
        chunk = [p for p in paras[start + 1 : end] if not p.separator]
        option = _option_from(section, chunk) if chunk else None
        if option is None or not option.items:
            continue
        if not any(p.numbered for p in chunk):
            # prose ("To clean the CD-ROM, use a cleaning kit, or wipe ... Do not use a
            # circular motion."): one step named by its heading, the prose shown under it
            shown = "\n".join(dedent_lines(p.lines) for p in chunk)
            option.items, option.lead = [with_detail(f"{name}.", shown)], ""
        own = option.label
        if numbered_heads(heads) and not _METHOD_HEAD_RE.match(name):
            # "Step 1. Increasing Available XMS Memory": the chain's question numbers it
            name = _NUMBER_PREFIX_RE.sub("", name) or name
        option.label = short_label(name, 90)
        if _METHOD_HEAD_RE.fullmatch(name.strip()):  # a bare "Method 1": named by its step
            option.label = short_label(f"{name}: {own}", 90)
        option.chain = True
        options.append(option)
    return options if len(options) >= 2 else []


def without_pointers(items: list[str], drop: bool = True) -> list[str]:
    """`items` without "If the issue continues …, proceed to the next method": the chain's
    questions say it (a step that is only that goes, unless not `drop`: the steps' cases
    are indexed already; in a step or its detail, the sentence)."""
    out: list[str] = []
    for item in items:
        text, detail = split_detail(item)
        if "next" not in item:
            out.append(item)
            continue
        text = _POINTER_SENTENCE_RE.sub("", text).strip()
        detail = "\n".join(
            kept
            for line in detail.split("\n")
            if (kept := _POINTER_SENTENCE_RE.sub("", line).rstrip()) or not line.strip()
        ).strip("\n")
        if text:
            out.append(with_detail(text, detail))
        elif not drop:
            out.append(item)
        elif detail and out:
            out[-1] = with_detail(out[-1], detail)
    return out


#: An aside in parentheses: left out of a name too long to show whole.

#: What the fix question's help says about a menu of fixes: not so for a chain.
_MENU_NOTES_RE = re.compile(
    r"When to choose:.*$|The article does not say which of these fixes goes with which cause\.",
    re.DOTALL,
)


def chained_steps(option: Option) -> None:
    """A menu's fix now chained: its pointer sentences go (`without_pointers`), a step that
    was only the pointer too, its cases' step indexes (`option.when`) moved with them."""
    kept = without_pointers(option.items, drop=False)
    keep = [
        n
        for n, item in enumerate(kept)
        if item != option.items[n]
        or "next" not in item
        or _POINTER_SENTENCE_RE.sub("", split_detail(item)[0]).strip()
    ]
    if len(keep) == len(kept) or not keep:
        option.items = kept
        return
    moved = {old: new for new, old in enumerate(keep)}
    option.when = {
        (moved[n] if n >= 0 else n): cond for n, cond in option.when.items() if n < 0 or n in moved
    }
    option.items = [kept[n] for n in keep]


def still_failing_nodes(
    question: dict[str, Any], rest: list[Option], entries: list[str], noun: str = "method"
) -> list[dict[str, Any]]:
    """The fix question as a chain: "Still failing after method k?" for each method but
    the last, "no" to method k's entry, "yes" to the next question (the last "yes" to the
    last method). The first keeps the question's id, source and help. `noun`: what the
    article calls them ("step" for "### Step 1: ..." parts)."""
    nodes: list[dict[str, Any]] = []
    count = len(rest)
    for k, option in enumerate(rest[:-1], 1):
        nid = question["id"] if k == 1 else f"{question['id']}_{k}"
        after = entries[k] if k == count - 1 else f"{question['id']}_{k + 1}"
        name = _METHOD_HEAD_RE.sub("", option.label).strip() or option.label
        if len(name) > 70:  # "... debugger (if it isn't already ...)": not cut inside its aside
            name = without_asides(name).strip() or name
        name = short_label(name, 70)
        node: dict[str, Any] = {
            "id": nid,
            "kind": "question",
            "title": f"Still failing after {noun} {k} ({name})?",
            "text": (
                f"The article's {count} {noun}{'es' if noun.endswith('x') else 's'} are "
                "tried in order, the next one only when "
                f"the one before did not fix the problem. {noun.capitalize()} {k} is "
                f'"{brace(name)}". '
                "Have you done it, and does the problem still occur?"
            ),
        }
        said = _MENU_NOTES_RE.sub("", str(question.get("help", ""))).strip()
        if k == 1 and said:  # the lead ("use the following methods in order"), no menu notes
            node["help"] = said
        if question.get("source"):
            node["source"] = question["source"]
        node["choices"] = [
            {"value": "no", "label": f"No, not done yet: do {noun} {k}", "next": entries[k - 1]},
            {"value": "yes", "label": f"Yes, {noun} {k} did not fix it", "next": after},
        ]
        nodes.append(node)
    return nodes
