"""A runbook Mitigation that states its remedies in prose is asked "which way?".

The kube-prometheus runbooks write their Mitigation as a few plain sentences, each a
different way out, told apart by how often or when it applies: "Depending on the
conditions usually adding new nodes solves the issue. Otherwise probably deployment or
HPA definition needs to be fixed. ... In rare cases roll back to previous version. In
extremely rare situations scale oldest ReplicaSets to 0 and delete them." The drafter
made that one tick holding every remedy. Each sentence that offers a remedy is now an
answer of its own, titled by what it does (a gerund or "X needs to be fixed" said as
the action) and by when the runbook says it applies ("in rare cases").
"""

from __future__ import annotations

import re

from kbassist.articles import Section
from kbassist.articles.model import Paragraph, Part
from kbassist.drafting.modern import links_of
from kbassist.drafting.option_model import Option
from kbassist.drafting.text import clean, short_label, split_sentences, with_detail

#: How a sentence says when its remedy applies: "usually", "Otherwise", "In rare cases",
#: "In case of maintenance", "If you can not add nodes then".
_WHEN_RE = re.compile(
    r"^(?:(?P<usual>(?:depending on (?:the )?conditions?,?\s+)?(?:usually|often|typically|"
    r"generally|mostly))|(?P<sometimes>sometimes)|(?P<otherwise>otherwise),?(?:\s+probably)?|"
    r"(?P<rare>in (?:(?:extremely|very) )?rare (?:cases|situations)|in (?:some|other|most) "
    r"(?:cases|situations)),?|in case of (?P<case>[^,]{3,60}?),?|"
    r"if (?P<if>[^,]{3,80}?),?\s+then)\s+(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
#: "In case of scale out usually ...": a case with no comma, ended by "usually".
_CASE_USUALLY_RE = re.compile(
    r"^in case of (?P<case>\S.{1,60}?)\s+(?:usually|often|typically|generally|mostly)\s+"
    r"(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
#: "adding new nodes solves the issue", "manually deleting pod helps".
_GERUND_RE = re.compile(
    r"^(?P<adverb>\w+ly\s+)?(?P<verb>[a-z]+ing)\s+(?P<what>.+?)\s+(?:usually\s+)?(?:solves|"
    r"fixes|resolves|helps|may help|might help|can help|should help)\b.*$",
    re.IGNORECASE | re.DOTALL,
)
#: "deployment or HPA definition needs to be fixed".
_NEEDS_RE = re.compile(
    r"^(?:probably\s+)?(?P<what>.+?)\s+(?:needs|need|has|have|must|should)\s+(?:to\s+)?be\s+"
    r"(?P<verb>[a-z]+ed)\b.*$",
    re.IGNORECASE | re.DOTALL,
)
#: "you can change ...", "ensure to cordon and drain node", "it may be better to ...".
_MODAL_RE = re.compile(
    r"^(?:you (?:can|could|may|might|should)(?: also)?|ensure to|try to|it (?:may|might) be "
    r"better to)\s+(?P<rest>[a-z].*)$",
    re.IGNORECASE | re.DOTALL,
)
#: A sentence that only points on: "See [Debugging Pods](...)" (not "See if ...").
_POINTER_RE = re.compile(r"^(?:see|refer to)\s+(?!if\b|whether\b|that\b|what\b)", re.I)
#: "- see [Kubernetes Docs - Rolling Back](...)": a pointer after the remedy.
_SEE_AFTER_RE = re.compile(r"\s+-\s+see\s+.*$|\s+\(see .*\)$", re.IGNORECASE | re.DOTALL)


def _linked(sentence: str, links: list[tuple[str, str]]) -> str:
    """The sentence with the target of each link it names: "See Debugging Pods
    (https://...)"."""
    for text, target in links:
        if text and text in sentence and target not in sentence:
            sentence = sentence.replace(text, f"{text} ({target})", 1)
    return clean(sentence)


def _verb(word: str, ending: str) -> str:
    """The bare verb of "adding" / "deleting" / "fixed" / "updated" that the drafter
    knows as an action, "" when none is."""
    from kbassist.drafting.blocks import _imperative

    stem = word[: -len(ending)]
    for verb in (stem, f"{stem}e", stem[:-1]):
        if len(verb) >= 2 and _imperative(f"{verb.capitalize()} it"):
            return verb
    return ""


def _remedy(rest: str) -> str:
    """What the sentence says to do, as an action ("Add new nodes"); "" for a sentence
    that does not offer one."""
    from kbassist.drafting.blocks import _imperative

    rest = _SEE_AFTER_RE.sub("", rest).strip().rstrip(".:)( ")
    rest = re.sub(r"\s*:\)$", "", rest)
    found = _GERUND_RE.match(rest)
    if found and (verb := _verb(found.group("verb").lower(), "ing")):
        adverb = (found.group("adverb") or "").strip()
        return " ".join(w for w in (verb.capitalize(), found.group("what"), adverb) if w)
    found = _NEEDS_RE.match(rest)
    if found and (verb := _verb(found.group("verb").lower(), "ed")):
        return f"{verb.capitalize()} {found.group('what')}"
    found = _MODAL_RE.match(rest)
    if found:
        rest = found.group("rest")
    said = rest[:1].upper() + rest[1:]
    return said if _imperative(said) else ""


def _when(found: re.Match[str]) -> str:
    """When the runbook says a remedy applies, as a short aside for its title."""
    if found.group("case"):
        return f"in case of {found.group('case')}"
    if found.group("if"):
        return f"if {found.group('if')}"
    if found.group("rare"):
        return found.group("rare").lower()
    if found.group("sometimes"):
        return "sometimes helps"
    if found.group("otherwise"):
        return "when the usual fix does not apply"
    return "usually"


def stated_remedies(section: Section, part: Part) -> list[Option]:
    """A Mitigation of plain paragraphs whose sentences offer different remedies, most of
    them said with when they apply: one option per remedy (its sentence as the step);
    the sentences before the first remedy and the "See [...]" pointers are each
    option's text. [] when fewer than two remedies or fewer than two "when" words."""
    if part.children or not re.match(r"^mitigat", part.name.strip(), re.IGNORECASE):
        return []
    if not part.blocks or not all(isinstance(b, Paragraph) for b in part.blocks):
        return []  # commands or lists: the other readers' shapes
    links = links_of(part.blocks)
    sentences = [
        s
        for b in part.blocks
        if isinstance(b, Paragraph)
        for s in split_sentences(" ".join(b.text.plain.split()))
    ]
    lead: list[str] = []
    pointers: list[str] = []
    remedies: list[tuple[str, str, str]] = []  # (title, step, when)
    marked = 0
    for sentence in sentences:
        if _POINTER_RE.match(sentence):
            pointers.append(_linked(sentence, links))
            continue
        found = _WHEN_RE.match(sentence)
        if found and found.group("case"):
            # "In case of scale out usually adding new nodes ...": the case ends at "usually"
            found = _CASE_USUALLY_RE.match(sentence) or found
        rest = found.group("rest") if found else sentence
        again = _WHEN_RE.match(rest) if found else None
        if again and not again.group("case"):
            rest = again.group("rest")
        action = _remedy(rest)
        if not action:
            if remedies:
                return []  # prose between the remedies: not a plain list of ways
            lead.append(_linked(sentence, links))
            continue
        when = _when(found) if found else ""
        marked += (bool(found) and when != "usually") or bool(again)
        named = [f"{text}: {target}" for text, target in links if text and text in sentence]
        step = with_detail(f"{action}.", "; ".join(f"Link: {n}" for n in named))
        title = short_label(action, 80) + (f" ({when})" if when and when != "usually" else "")
        remedies.append((title, step, when))
    # "usually adding new nodes solves the issue." then "Set proper affinity rules ...":
    # the usual way said as such is enough to tell the ways apart (round 18)
    usual = any(when == "usually" for _, _, when in remedies)
    if (
        len(remedies) < 2
        or not (marked or usual)
        or len({t for t, _, _ in remedies}) < len(remedies)
    ):
        return []
    text = " ".join([*lead, *pointers])
    return [Option(section, title, text, [step]) for title, step, _ in remedies]
