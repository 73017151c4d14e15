"""Sub-headings of one fix that are alternatives, asked, not ticked in turn (round 33,
eitheror34).

Seed-90 readers gave "rewrite" to CephOSDCriticallyFull: its Mitigation's "### Delete
data" and "### Expand the storage capacity" each end the alert on their own ("the cluster
will resolve the alert through self healing processes"), yet the walk ticked both in one
checklist, and the size branch inside the second ("**Current Storage Size < 1TB**: ...
increase capacity via the addon" / "**Current Size itself is 1TB**: Please contact ...
support") was a note. Sub-headings named by actions are read as one procedure's stages
unless the text says they are alternatives; this module reads that from the text:

- the part's own lead joins two sub-headings with "either ... or" / "or" ("you can either
  enable the multi-arch boot image feature, or modify the workloads node placement");
- a later sub-part opens by declining an earlier one or offering another way ("If you do
  not want to enable ...", "Alternatively, ...", "Instead, ...");
- every sub-part says it ends the problem by itself ("... will resolve the alert").

Stages (Prerequisites, Procedure, Verification, "Step 2") never count. A sub-part of
bold-labelled cases bounded by a measure or a condition ("**Size < 1TB**:", "**If X**:")
gives one fix per case, each asked.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from kbassist.articles.model import Block, ListBlock, Note, Paragraph, Part, Text
from kbassist.drafting.option_model import Ask
from kbassist.drafting.text import clean, split_detail, with_detail

#: Most sub-headings read as alternatives of one fix.
MAX_WAYS = 6
#: Stage headings of one procedure: never alternatives of each other.
_STAGE_RE = re.compile(
    r"^(?:\d{1,2}[.)]\s*)?(?:step\b|stage\b|phase\b|prerequisites?\b|before you (?:begin|start)|"
    r"procedure\b|verif|validat|confirm|next steps?\b|overview\b|background\b|summary\b|"
    r"(?:additional |more )?(?:information|resources|references|notes?)\b|see also\b|"
    r"troubleshoot|diagnos|investigat|gather|collect|check\b|review\b|determine\b|identify\b)",
    re.IGNORECASE,
)
#: A sub-part's text saying it ends the problem: "the cluster will resolve the alert",
#: "This resolves the issue", "the alert clears".
_ENDS_RE = re.compile(
    r"\b(?:resolves?|clears?|fix(?:es)?|solves?|removes?) (?:the|this) (?:alert|issue|problem|"
    r"error|condition)\b|\b(?:the|this) (?:alert|issue|problem|error) (?:will |should )?"
    r"(?:clears?|resolves?|goes away|go away|stops? firing)\b",
    re.IGNORECASE,
)
#: A sub-part offering another way: "Alternatively, ...", "Instead, ...", "Another option".
_ANOTHER_RE = re.compile(
    r"^(?:alternatively|instead|or,|another (?:option|way|approach)|as an alternative)\b",
    re.IGNORECASE,
)
#: "If you do not want to enable ...", "If you can't delete ...": declines a verb.
_DECLINE_RE = re.compile(
    r"^if you (?:do not|don't|cannot|can't|can not|are unable to|prefer not to)"
    r"(?: want to| wish to)? (?P<verb>[a-z]{3,20})\b",
    re.IGNORECASE,
)
#: "either ... or" / " or " joining two ways in one sentence.
_OR_RE = re.compile(r"\b(?:either|or|alternatively)\b", re.IGNORECASE)
#: A bold case label that bounds or conditions: "Current Storage Size < 1TB", "If X".
_CASE_LABEL_RE = re.compile(
    r"[<>=\u2264\u2265]|\b(?:less|more|greater|fewer) than\b|\b(?:above|below|under|over|at "
    r"least|at most|itself is|is)\s{1,3}\d|^(?:if|when|for|on)\b",
    re.IGNORECASE,
)
#: Words too common to tie a sentence to a heading.
_COMMON = frozenset("the a an and or of to in on for with by from your this that data".split())


def _text(part: Part) -> str:
    """The part's own paragraphs (list items included), plain."""
    out: list[str] = []

    def add(blocks: Sequence[Block]) -> None:
        for block in blocks:
            if isinstance(block, Paragraph):
                out.append(clean(block.text.plain))
            elif isinstance(block, ListBlock):
                for item in block.items:
                    add(item.blocks)

    add(part.blocks)
    return " ".join(out)


def _first_para(part: Part) -> str:
    first = next((b for b in part.blocks if isinstance(b, Paragraph)), None)
    return clean(first.text.plain) if first is not None else ""


def _verb(name: str) -> str:
    words = name.split()
    return words[0].casefold() if words else ""


def _named_in(sentence: str, name: str) -> bool:
    """The sentence names the heading: its verb and one more of its content words."""
    words = set(re.findall(r"[a-z][a-z-]{1,30}", sentence.casefold()))
    heading = [w for w in re.findall(r"[a-z][a-z-]{1,30}", name.casefold()) if w not in _COMMON]
    return bool(heading) and heading[0] in words and any(w in words for w in heading[1:])


def either_children(part: Part, children: Sequence[Part]) -> bool:
    """Whether the part's sub-headings are alternatives the text itself marks (see the
    module's docstring); stages of one procedure never are."""
    if not 2 <= len(children) <= MAX_WAYS:
        return False
    names = [clean(c.name) for c in children]
    if any(_STAGE_RE.match(n) for n in names):
        return False
    lead = _text(part)
    for sentence in re.split(r"(?<=[.!?])\s+", lead)[:20]:
        if _OR_RE.search(sentence) and sum(_named_in(sentence, n) for n in names) >= 2:
            return True
    verbs = {_verb(n) for n in names}
    for child in children[1:]:
        first = _first_para(child)
        declined = _DECLINE_RE.match(first)
        if _ANOTHER_RE.match(first) or (declined and declined.group("verb").casefold() in verbs):
            return True
    return all(_ENDS_RE.search(_text(c)) for c in children)


def _bold_label(block: Block) -> tuple[str, str] | None:
    """(label, rest) of a paragraph opening "**Label**: rest" whose label is a case."""
    if not isinstance(block, Paragraph):
        return None
    text = block.text
    first = min(text.marks, key=lambda m: m.start, default=None)
    if first is None or first.kind != "strong" or text.plain[: first.start].strip():
        return None
    label = text.plain[first.start : first.end].strip().rstrip(":").strip()
    rest = text.plain[first.end :].lstrip().removeprefix(":").strip()
    if not label or not rest or len(label) > 80 or not _CASE_LABEL_RE.search(label):
        return None
    return clean(label), rest


def bold_cases(child: Part) -> tuple[str, list[tuple[str, Part]]]:
    """(lead, one (case label, part) per bold-labelled case paragraph of `child`, two or
    more): the paragraphs before the first case are every case's lead ("Customer may
    assess their ability to expand."), blocks after the last case stay with it;
    ("", []) when the child has fewer than two such cases."""
    at = [n for n, block in enumerate(child.blocks) if _bold_label(block) is not None]
    if len(at) < 2 or len(at) > MAX_WAYS or at != list(range(at[0], at[0] + len(at))):
        return "", []
    before = child.blocks[: at[0]]
    if not all(isinstance(b, Paragraph) for b in before):
        return "", []  # a step or command ahead of the cases: one procedure, left whole
    lead = " ".join(clean(b.text.plain) for b in before if isinstance(b, Paragraph))
    lead = re.sub(
        r"\s*(?:here are some points|as follows|see below)\s*[,:]?$", "", lead, flags=re.I
    )
    out: list[tuple[str, Part]] = []
    for k, n in enumerate(at):
        found = _bold_label(child.blocks[n])
        assert found is not None
        label, rest = found
        after = child.blocks[n + 1 :] if k == len(at) - 1 else ()
        blocks = (Paragraph(Text(rest)), *after)
        out.append((label, Part(child.name, child.level, child.line, blocks)))
    return lead.strip().rstrip(",:").strip(), out


#: "The customer may delete data and ...", "Customer may increase capacity via ...":
#: the runbook's offer, said to a third person; the walk's step is the action itself.
_OFFER_RE = re.compile(
    r"^(?:the )?(?:customer|user|administrator|admin|operator|you)s? (?:may|can|could)\s{1,3}"
    r"(?P<verb>[a-z]{3,20})\b",
    re.IGNORECASE,
)


#: "... and the cluster will resolve the alert ...": what follows the action, its note.
_THEN_RE = re.compile(r",? and (?P<then>(?:the|this|it) [^.;]{0,200}?\bwill\b[^;]{0,300})$")


#: "In the environments that are mentioned ..., we recommend that you don't upgrade to X":
#: the advice is the step.
_RECOMMEND_RE = re.compile(
    r"^(?P<where>(?:in|on|for) [^,]{3,160}, )?we (?:strongly )?recommend that you "
    r"(?P<act>(?:don't|do not|not) )?(?P<verb>[a-z]{3,20})\b",
    re.IGNORECASE,
)


def offered_actions(items: list[str]) -> list[str]:
    """Each item said as a third-person offer ("The customer may delete data and the
    cluster will resolve the alert ...") said as the action ("Delete data."), what it
    then does shown as its note."""
    out = []
    for item in items:
        advice = _RECOMMEND_RE.match(item)
        if advice:  # "... we recommend that you don't upgrade to X": "Don't upgrade to X"
            said = "Don't " if advice.group("act") else ""
            verb = advice.group("verb")
            rest = item[advice.end() :]
            where = (advice.group("where") or "").strip(" ,")
            item = f"{said}{verb}{rest}" if said else f"{verb[0].upper()}{verb[1:]}{rest}"
            if where:
                text, detail = split_detail(item)
                item = with_detail(text, "\n\n".join(d for d in (f"{where}.", detail) if d))
        offer = _OFFER_RE.match(item)
        if offer:
            verb = offer.group("verb")
            text, detail = split_detail(f"{verb[0].upper()}{verb[1:]}{item[offer.end() :]}")
            then = _THEN_RE.search(text)
            if then:
                said = then.group("then")
                text = f"{text[: then.start()]}."
                detail = "\n\n".join(d for d in (f"{said[0].upper()}{said[1:]}", detail) if d)
            item = with_detail(text, detail) if detail else text
        out.append(item)
    return out


#: A heading that is only a stage's name: "Prerequisites", "2. Procedure", "Verification".
_STAGE_NAME_RE = re.compile(
    r"^(?:\d{1,2}[.)]\s{0,3})?(?:prerequisites?|requirements|before you (?:begin|start)|"
    r"procedure|steps|verification|validation|next steps|overview|background)\s{0,3}:?$",
    re.IGNORECASE,
)


def stage_children(names: Sequence[str]) -> bool:
    """Two or more sub-headings that only name a stage ("Prerequisites", "Procedure",
    "Verification"): one procedure done in turn, never alternatives to pick from."""
    return sum(bool(_STAGE_NAME_RE.match(clean(n))) for n in names) >= 2


# --------------------------------------------------------------------------- guidelines

#: "follow these guidelines, as appropriate:": the list after it is cases, one applies.
_GUIDE_RE = re.compile(
    r"\b(?:as appropriate|whichever (?:one )?applies|that applies to (?:you|your \w+))\s{0,3}:$",
    re.IGNORECASE,
)
#: "Use one of the following methods:" inside a case: its methods are alternatives.
_ONE_OF_RE = re.compile(r"\b(?:one|either) of the following (?:methods|options|ways)\b", re.I)
#: "Method 1: Roll back the .NET Framework version": a method's own name.
_METHOD_NAME_RE = re.compile(r"^(?:method|option|workaround)\s{1,3}(?P<n>\d{1,2})\s{0,3}:", re.I)
#: "you can use only the Method 2 workaround": the note allows one method there.
_ONLY_METHOD_RE = re.compile(
    r"^(?P<case>if [^,]{5,200}),.{0,400}?\b(?:you can use only|only) (?:the )?method "
    r"(?P<n>\d{1,2})\b",
    re.IGNORECASE | re.DOTALL,
)
#: Most words of a case's state ("The .NET client is already upgraded to 4.6.2").
MAX_STATE_WORDS = 20


def _plain(block: Block) -> str:
    if isinstance(block, Paragraph):
        return clean(block.text.plain)
    if isinstance(block, Note):
        return " ".join(_plain(b) for b in block.blocks)
    return ""


def _state(blocks: Sequence[Block]) -> str:
    """A list item's short first line naming its case, with content under it; ""."""
    if len(blocks) < 2 or not isinstance(blocks[0], Paragraph):
        return ""
    text = _plain(blocks[0])
    if not text or text.endswith((".", ":")) or len(text.split()) > MAX_STATE_WORDS:
        return ""
    return text


def _methods(blocks: Sequence[Block]) -> list[tuple[str, tuple[Block, ...]]]:
    """(method name, its blocks) of "Use one of the following methods:" over a list of
    "Method N: name" items; [] when the case has no such list."""
    for before, block in itertools.pairwise(blocks):
        if not (isinstance(block, ListBlock) and _ONE_OF_RE.search(_plain(before))):
            continue
        named = [
            (_plain(item.blocks[0]), item.blocks[1:])
            for item in block.items
            if item.blocks and _METHOD_NAME_RE.match(_plain(item.blocks[0]))
        ]
        return named if len(named) == len(block.items) >= 2 else []
    return []


def guideline_cases(
    blocks: Sequence[Block],
) -> tuple[list[str], list[tuple[str, str, tuple[Block, ...]]], tuple[Block, ...]] | None:
    """(notes before, [(state, method name or "", blocks)], blocks after) of "To work around
    this problem, follow these guidelines, as appropriate:" over a list of cases, each a
    short state with its own text ("The client isn't yet upgraded" / "... already
    upgraded" over "Use one of the following methods: Method 1 ... Method 2 ..."); None
    when the part is not so written."""
    for n, (before, block) in enumerate(itertools.pairwise(blocks)):
        if not (isinstance(block, ListBlock) and _GUIDE_RE.search(_plain(before))):
            continue
        states = [_state(item.blocks) for item in block.items]
        if len(states) < 2 or not all(states):
            return None
        cases: list[tuple[str, str, tuple[Block, ...]]] = []
        for state, item in zip(states, block.items, strict=True):
            methods = _methods(item.blocks[1:])
            cases.extend((state, name, body) for name, body in methods)
            if not methods:
                cases.append((state, "", tuple(item.blocks[1:])))
        notes = [_plain(b) for b in blocks[:n] if isinstance(b, Note)]
        return notes, cases, tuple(blocks[n + 2 :])
    return None


def only_method(notes: Sequence[str]) -> tuple[str, str] | None:
    """(the case, the method's number) of a note allowing one method there: "If your
    client application is hosted through Web Apps on Azure App Service, ... you can use
    only the Method 2 workaround" -> ("If your client ... App Service", "2")."""
    for note in notes:
        for sentence in [note]:
            found = _ONLY_METHOD_RE.search(sentence)
            if found:
                return found.group("case"), found.group("n")
    return None


#: "If your client application is hosted through X" -> asked "Is your ... X?".
_IF_IS_RE = re.compile(
    r"^if (?P<subject>(?:your|the) [^,]{2,80}?) (?P<verb>is|are) (?P<rest>[^,]{3,160})$",
    re.IGNORECASE,
)


def only_method_ask(case: str, n: str, var: str) -> tuple[Ask, str] | None:
    """The question a note allowing only Method n asks before any other method, and the
    step its "yes" gets: ("Is your client application hosted through ...?", "Use Method
    2 instead: ..."); None when the case is not "If <subject> is <state>"."""
    found = _IF_IS_RE.match(case)
    if found is None:
        return None
    title = f"{found.group('verb').capitalize()} {found.group('subject')} {found.group('rest')}?"
    text = f'The article says: "{case}, you can use only Method {n}." {title}'
    choices = [
        {"value": "yes", "label": f"Yes: only Method {n} works here"},
        {"value": "no", "label": "No"},
    ]
    step = f"Use Method {n} instead: the article says only Method {n} works in this case."
    return Ask(var, title, text, choices), step


def only_method_when(items: Sequence[str], asks: Sequence[Ask], when: dict[int, str]) -> None:
    """The steps `only_method_ask` gates, keyed once the option's steps are final: its
    "Use Method n instead" for "yes", every other step for "no"."""
    ask = next((a for a in asks if a.var.startswith("only_")), None)
    if ask is None or not items or not items[0].startswith("Use Method "):
        return
    when[0] = f'{ask.var} == "yes"'
    when.update({k: f'{ask.var} == "no"' for k in range(1, len(items))})


# --------------------------------------------------------------------------- fallbacks

#: "If the ceph mgr pod restart fails, use general pod troubleshooting": what to do when
#: the step before did not work, a step of its own after it.
_FALLBACK_RE = re.compile(
    r"^if (?:the |this |that |it |your )?[^,.;]{0,120}?\b(?:fails?|failed|does not (?:help|work|"
    r"resolve)|doesn't (?:help|work|resolve)|is unsuccessful|did not (?:help|work))\b"
    r"[^,.;]{0,40},\s{0,3}\S",
    re.IGNORECASE,
)


def fallbacks_apart(items: list[str]) -> list[str]:
    """A tick whose last sentence is the fallback when its action fails ("Verify the pod
    is failing and restart if necessary. If the ceph mgr pod restart fails, use general
    basic pod troubleshooting to resolve.") as two ticks: the action, then the fallback
    (its "If ... fails," case read after the action, as any conditional step)."""
    out: list[str] = []
    for item in items:
        text, detail = split_detail(item)
        sentences = re.split(r"(?<=[.!?])\s+(?=If\s)", text)
        if len(sentences) >= 2 and _FALLBACK_RE.match(sentences[-1]):
            # links only ("Link: pod debug: ..."): the fallback's help; else the action's
            late = detail if detail.startswith("Link:") else ""
            first = " ".join(sentences[:-1])
            out.append(with_detail(first, detail) if detail and not late else first)
            out.append(with_detail(sentences[-1], late) if late else sentences[-1])
            continue
        out.append(item)
    return out


#: "If you do not want to enable the feature, you can modify ...": the decline, then the act.
_DECLINE_LEAD_RE = re.compile(
    r"^if you (?:do not|don't|cannot|can't|can not|prefer not to)(?: want to| wish to)? "
    r"(?P<verb>[a-z]{3,20})\b[^,;]{0,160},\s{0,3}(?:you can\s{1,3}|you may\s{1,3})?(?P<rest>\S)",
    re.IGNORECASE,
)


def chosen_not_declined(items: list[str], names: Sequence[str]) -> list[str]:
    """Once this way is chosen, its "If you do not want to <another way's verb> ..., " lead
    is answered: the tick is the action ("Modify the workloads node placement ...")."""
    verbs = {_verb(clean(n)) for n in names}
    out = []
    for item in items:
        found = _DECLINE_LEAD_RE.match(item)
        if found and found.group("verb").casefold() in verbs:
            rest = item[found.start("rest") :]
            item = rest[0].upper() + rest[1:]
        out.append(item)
    return out
