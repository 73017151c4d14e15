"""Pair an MS KB article's several causes with its fixes (issue 13).

A CAUSE that lists causes ("The display is set to more than 256 colors", "The Timer
driver is not installed") over a RESOLUTION with one part per cause ("Change Your
Display Settings", "Install the Timer driver") is asked as "Which cause applies?", each
answer leading to the fix that shares its key words. Causes no fix shares words with,
and "I don't know", go on to the article's list of fixes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kbassist.articles import Article, Section
from kbassist.articles.model import Part
from kbassist.drafting.option_model import Option
from kbassist.drafting.options import _alternatives, _body_until_repro, _procedure
from kbassist.drafting.text import (
    short_label,
    split_detail,
    split_sentences,
    step_text,
    strip_marker,
    with_detail,
)


@dataclass
class Group:
    """One cause a modern article names in a heading, and the fixes it gives for it."""

    label: str
    options: list[Option]
    #: The group is a message the article heads a part with ("## No Key Management Service
    #: (KMS) could be contacted"), its options the causes under it: asked "Which message?".
    message: bool = False
    #: The group is a case the fix sets out ("**Case 1 - X**" over its own steps, see
    #: `case_parts`): asked "Which case is yours?".
    case: bool = False


_WORD_RE = re.compile(r"[a-z][a-z0-9]+")

#: Words that say nothing about which cause a fix is for.
_STOP = frozenset(
    """the and for are was were you your this that with from not have has had into onto
    than then there these those their them they its can may might will would should could
    been being any all more most less some such other use using used make sure run running
    following follow method resolution workaround cause problem issue error computer
    microsoft windows set setting settings change install installed one two
    program programs file files does did our out about over under when what which who
    how also only just too very each both either per to in on of or if it do so at by as an
    be is no""".split()
)


def _stem(word: str) -> str:
    """A crude stem, so "installation" meets "install" and "disabled" meets "disable"."""
    for suffix in ("ations", "ation", "ments", "ment", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _words(text: str) -> set[str]:
    return {_stem(w) for w in _WORD_RE.findall(text.casefold()) if w not in _STOP}


def pair_causes(causes: list[str], options: list[Option]) -> list[int | None]:
    """For each cause, the index of the one option that shares the most key words with it
    (its label, the lead-in's first sentence and the first step), or None when none does
    or two tie. Words every option shares (the product's name), or other causes share,
    tell nothing and are left out."""
    named = [_words(o.label) for o in options]  # a fix's name counts twice
    said = [
        n
        | _words(
            " ".join([*split_sentences(o.lead)[:1], *(split_detail(i)[0] for i in o.items[:1])])
        )
        for n, o in zip(named, options, strict=True)
    ]
    common = set.intersection(*said) if said else set()
    cause_words = [_words(c) - common for c in causes]
    pairs: list[int | None] = []
    for words in cause_words:
        # "The username does not have the X permission" twice: X tells them apart
        others = set().union(*(w for w in cause_words if w is not words))
        words = (words - others) or words
        scores = [len(words & s) + len(words & n) for s, n in zip(said, named, strict=True)]
        best = max(scores, default=0)
        if best == 0 or scores.count(best) > 1:
            pairs.append(None)
        else:
            pairs.append(scores.index(best))
    return pairs


#: The workarounds' lead offering them as a free choice for the problem ("To work around
#: this issue, use either of the following methods:").
_ANY_FIX_RE = re.compile(
    r"\b(?:use|try|perform|do)\s+(?:either|any|one) of the following\b", re.IGNORECASE
)


def paired(pairs: list[int | None], lead: str = "", options: list[Option] | None = None) -> bool:
    """Asking is worth it: two or more causes lead to two or more different fixes. Not
    when the article's WORKAROUND offers fewer ways round it than there are causes, under a
    lead offering them for any cause ("use either of the following methods" over four
    conditions), and some cause shares words with none: a workaround is for the problem,
    whatever its cause, and the few shared words were a coincidence (cases40, Q173771)."""
    if options and None in pairs and lead and _ANY_FIX_RE.search(lead):
        around = [n for n, o in enumerate(options) if o.section.key == "workaround"]
        if 0 < len(around) < len(pairs) and all(p in around for p in pairs if p is not None):
            return False
    return len({p for p in pairs if p is not None}) >= 2


def cause_labels(section: Section, modern: bool = False) -> list[str]:
    """Each cause a CAUSE lists as alternatives, named in its own words (its first
    sentence, cut only at a clause; a modern article's as plain text); [] when it names
    fewer than two."""
    from kbassist.drafting.modern import md_plain

    _, alts = _alternatives(_body_until_repro(section), plain=True)
    out: list[str] = []
    for alt in alts:
        lead, items = _procedure(alt)
        text = lead or (step_text(items[0]) if items else "")
        if text:
            text = md_plain(strip_marker(text)) if modern else strip_marker(text)
            out.append(short_label(text, 110))
    return out if len(out) >= 2 else []


# --------------------------------------------------------------------------- modern

#: "## Cause 1: The file uses an ACL", "## Cause 2 - The file is being used".
_NUMBERED_CAUSE_RE = re.compile(r"^(?:cause|reason)\s+\d{1,2}\s*[:.)-]", re.IGNORECASE)
#: "To resolve this issue, change the permissions on the file.": a cause's own fix.
_OWN_FIX_RE = re.compile(
    r"^(?:to (?:resolve|fix|work around|avoid|correct|solve) (?:this|the) (?:issue|problem|"
    r"behavior)[^,]{0,60},\s*)(?P<act>[a-z].{5,})$",
    re.IGNORECASE,
)


def cause_groups(article: Article, options: list[Option]) -> tuple[list[Option], list[Group]]:
    """A modern article organized by "## Cause N: X" parts: the options, with one more for
    each cause whose fix is only said in its prose ("To resolve this issue, run Chkdsk"),
    and per cause (its name, its options). ([...], []) unless two or more causes."""
    from kbassist.drafting.blocks import heading_label, part_sections, part_steps

    parts = [p for p in article.document.walk() if p.role == "cause"]
    parts = [p for p in parts if _NUMBERED_CAUSE_RE.match(p.name)]
    if len(parts) < 2 or len({p.level for p in parts}) != 1:
        return message_groups(article, options)
    sections = part_sections(article)
    groups: list[Group] = []
    out = list(options)
    paired_fixes = resolution_partners(article, parts, options, sections)
    for part in parts:
        own = {id(sections[id(p)]) for p in part.walk() if id(p) in sections}
        found = [o for o in options if id(o.section) in own] or paired_fixes.get(id(part), [])
        section = sections.get(id(part))
        if not found and section is not None:
            lead, items, _ = part_steps(Part(part.name, part.level, part.line, part.blocks))
            said = " ".join([lead, *(split_detail(i)[0] for i in items)]).strip()
            fixes = part_fixes(part)
            if fixes:
                option = Option(section, _cause_name(part.name), said, fixes, kind="cause")
                option.condition = True
                out.append(option)
                found = [option]
        if section is not None:
            cases = sub_case_options(part, section)
            if cases and len(found) == 1 and found[0].kind == "cause":
                # beside a sub-case's fix, the cause's own fix is named by what it does
                found[0].label = short_label(_main_step(found[0].items).rstrip("."), 90)
            out.extend(cases)
            found.extend(cases)
        groups.append(Group(_cause_name(part.name), found))
    for part, option in after_causes_options(article, parts, sections):
        out.append(option)
        groups.append(Group(heading_label(part.name, 90) or part.name, [option]))
    if sum(bool(g.options) for g in groups) < 2:
        return options, []
    return out, groups


#: "You may have to take ownership of the files to change the permissions.": a step the
#: fix said just before needs (said as a possibility, it is still the admin's to do).
_MAY_HAVE_RE = re.compile(
    r"^(?:so,?\s+|then,?\s+)?you (?:may|might) (?:also )?(?:have|need) to (?P<act>[a-z].{5,})$",
    re.IGNORECASE,
)
#: "In this situation, you can use the Subinacl utility ... to change ownership ...": a
#: tool offered for the job is the fix.
_CAN_USE_RE = re.compile(
    r"^(?:(?:in this (?:situation|case)|then|instead),?\s+)?you can (?P<act>use\b.{5,}?\bto "
    r"[a-z].{3,})$",
    re.IGNORECASE,
)
#: "You can now delete this file by using the Del command ...": what the fix lets you do.
_CAN_NOW_RE = re.compile(r"^you can now (?P<act>[a-z].{5,})$", re.IGNORECASE)


def part_fixes(part: Part) -> list[str]:
    """The steps a cause's own text gives (not its sub-headings'): "To resolve this issue,
    X" and "To work around this issue, X", "you can use Y to Z", and after them "you may
    have to W" and "You can now V"; the example command a step introduces ("Here's an
    example:") stays under it. [] when the text gives no fix."""
    from kbassist.drafting.blocks import _imperative, part_steps

    lead, items, _ = part_steps(Part(part.name, part.level, part.line, part.blocks))
    fixes: list[str] = []
    for n, chunk in enumerate([lead, *items] if lead else items):
        text, detail = split_detail(chunk)
        found = _fix_sentences(text, bool(fixes))
        first = split_sentences(text)[:1]
        if not found and first and (n or not lead) and _imperative(first[0]):
            found = first  # the steps reader said "To work around this issue, X" as X
        example, _, rest = detail.partition("\n\n")
        if found and example.strip() and text.rstrip().endswith(":"):
            found[-1] = with_detail(found[-1], example.strip())
            found += _fix_sentences(rest.replace("\n", " "), True, after_only=True)
        fixes.extend(found)
    return list(dict.fromkeys(fixes))


def _fix_sentences(text: str, after_fix: bool, after_only: bool = False) -> list[str]:
    """The fix steps `text`'s sentences say, in order (see `part_fixes`)."""
    found: list[str] = []
    sentences = split_sentences(text)
    for n, sentence in enumerate(sentences):
        m = None if after_only else _OWN_FIX_RE.match(sentence)
        if m is None and not after_only and (after_fix or found or _SITUATION_RE.match(sentence)):
            m = _CAN_USE_RE.match(sentence)  # a tool offered after a fix, or "In this case"
            if m and n + 1 < len(sentences) and _BUT_RE.match(sentences[n + 1]):
                m = None  # "You can use the Delete command. But the file isn't deleted ..."
        if m is None and (after_fix or found):
            m = _MAY_HAVE_RE.match(sentence) or _CAN_NOW_RE.match(sentence)
        if m is not None:
            act = _capital(m.group("act"))
            goal = re.search(r"\bto (?P<goal>[a-z]+(?: [a-z]+){1,2})\b[^,]*$", act)
            last = found[-1].casefold() if found else ""
            if goal and last.startswith(goal.group("goal").casefold()):
                # "You may have to take ownership of the files to change the permissions":
                # what the fix before it needs, so done first
                found.insert(len(found) - 1, act)
            else:
                found.append(act)
    return found


_SITUATION_RE = re.compile(r"^(?:in this (?:situation|case)|instead),?\s", re.IGNORECASE)
_BUT_RE = re.compile(r"^(?:but|however)\b", re.IGNORECASE)


def sub_case_options(part: Part, section: Section) -> list[Option]:
    """A cause's sub-headed case with its own fix ("### You can't use certain security
    tools ... because the file has a non-canonical ACL": "To work around this issue, use
    another tool"): one option each, chosen under that cause beside its main fix.
    Sub-headings with the resolution role are the article's fixes already."""
    from kbassist.drafting.blocks import heading_label
    from kbassist.drafting.modern import md_plain

    out: list[Option] = []
    for child in part.children:
        if child.role in ("resolution", "cause"):
            continue
        fixes = part_fixes(child)
        if fixes:
            because = _BECAUSE_HEAD_RE.search(md_plain(child.name))
            label = (
                short_label(_capital(because.group("why").strip()), 90)
                if because
                else heading_label(child.name, 90) or child.name
            )
            option = Option(section, label, "", fixes, kind="cause")
            option.condition = True
            out.append(option)
    return out


#: "### You can't use X because the file has a non-canonical ACL": the case is the reason.
_BECAUSE_HEAD_RE = re.compile(r"\bbecause (?P<why>[^,.;]{8,})$", re.IGNORECASE)


def after_causes_options(
    article: Article, parts: list[Part], sections: dict[int, Section]
) -> list[tuple[Part, Option]]:
    """A part after the numbered causes, at their level and with no role of its own, that
    gives a fix ("## Combinations of causes": "you can use the Subinacl utility ... to
    change ownership"): one more answer to "Which cause applies?", with that fix."""
    from kbassist.drafting.blocks import heading_label

    level, last = parts[-1].level, parts[-1]
    out: list[tuple[Part, Option]] = []
    after = False
    for part in article.document.walk():
        if part is last:
            after = True
            continue
        if not after or part.level != level:
            continue
        if part.role:
            break  # "## More information", "## References": the causes are over
        section = sections.get(id(part))
        fixes = part_fixes(part)
        if section is not None and fixes:
            label = heading_label(part.name, 90) or part.name
            option = Option(section, label, "", fixes, kind="cause")
            option.condition = True
            out.append((part, option))
    return out


def _cause_name(heading: str) -> str:
    """ "Cause 2: The file is being used" -> "The file is being used"."""
    from kbassist.drafting.blocks import heading_label

    return heading_label(_NUMBERED_CAUSE_RE.sub("", heading).strip(), 90) or heading


def _capital(text: str) -> str:
    return text[0].upper() + text[1:]


#: "If this issue occurs because you did not set X, set Y.": another cause's own fix,
#: written inside the first cause's steps (after a sentence, or glued to a command line).
_BECAUSE_RE = re.compile(
    r"(?:(?<=[.!?])\s+|(?<!\s)\s+(?=If\b))(?P<all>If (?:this|the) (?:issue|problem|error|behavior) "
    r"(?:occurs|happens|is caused)\s+(?:because|by)\s+(?P<cause>[^,]{5,160}),\s*(?:then\s+)?"
    r"(?P<fix>[a-z][^.]{5,300}(?:\.|$)))"
)


def because_cases(options: list[Option]) -> list[Option]:
    """`options`, with each "If this issue occurs because X, do Y" sentence of a step taken
    out into an option of its own (the case X, its step Y), after the option it was in."""
    out: list[Option] = []
    for option in options:
        out.append(option)
        for n, item in enumerate(option.items):
            text, detail = split_detail(item)
            if "If th" not in text:  # each match holds it (case kept): most steps skip the scan
                continue
            found = list(_BECAUSE_RE.finditer(text))
            if not found:
                continue
            kept = _BECAUSE_RE.sub("", text).strip()
            option.items[n] = with_detail(kept, detail)
            for match in found:
                case = Option(
                    option.section,
                    short_label(_capital(match.group("cause")), 90),
                    "",
                    [_capital(match.group("fix"))],
                    kind=option.kind,
                )
                case.condition = True
                out.append(case)
    return out


# --------------------------------------------------------------------------- "can also"

#: "This error can also happen if the host name fails to resolve to an IP address."
_ALSO_RE = re.compile(
    r"^(?:this|the) (?:error|problem|issue|behavior|symptom)s? (?:can|may) also (?:occur|happen|"
    r"be caused|result)\s+(?:if|when|because|by)\s+(?P<cause>[^.]{8,200})\.",
    re.IGNORECASE,
)
#: "This issue can be worked around by providing a proper host name resolution method".
_WORKED_AROUND_RE = re.compile(
    r"^(?:this|the|it)(?: \w+)? can be (?:worked around|resolved|corrected|fixed|avoided) by "
    r"(?P<g>[a-z]+ing)\b(?P<rest>.{3,300})$",
    re.IGNORECASE,
)
_TO_FIX_RE = re.compile(
    r"^to (?:resolve|work around|correct|fix|avoid) (?:this|the) (?:issue|problem|error|"
    r"behavior)[^,]{0,40},\s*(?P<act>[a-z].{5,300})$",
    re.IGNORECASE,
)


#: "This problem occurs when ...": the cause is what follows.
_OCCURS_RE = re.compile(
    r"^(?:this|the) (?:problem|error|issue|behavior) (?:occurs|happens|can occur|may occur)"
    r"\s+(?:when|if|because)\s+(?=\S)",
    re.IGNORECASE,
)


def also_cause(section: Section) -> tuple[str, str, Option] | None:
    """A CAUSE's later paragraph naming another cause with its own fix ("This error can also
    happen if the host name fails to resolve ... This issue can be worked around by
    providing a proper host name resolution method"): (the first cause's name, the other's,
    an option for its fix); None when there is no such paragraph or it gives no fix."""
    from kbassist.drafting.options import _verb_of
    from kbassist.drafting.text import clean

    body = _body_until_repro(section)
    if any(p.heading for p in body):
        return None  # "Cause 1" / "Cause 2" sub-headings: causes of another kind
    paras = [clean(p.text) for p in body if clean(p.text)]
    if not paras or re.search(r"\bfollowing\b|:$", paras[0], re.IGNORECASE):
        return None  # "This error can be caused by the following situations."
    for para in paras[1:]:
        found = _ALSO_RE.match(para)
        if found is None:
            continue
        fix = ""
        for sentence in split_sentences(para)[1:]:
            if (m := _WORKED_AROUND_RE.match(sentence)) and (verb := _verb_of(m.group("g"))):
                fix = f"{verb.capitalize()}{m.group('rest')}"
            elif m := _TO_FIX_RE.match(sentence):
                fix = _capital(m.group("act"))
            if fix:
                break
        if not fix:
            return None
        first = split_sentences(paras[0])[0] if split_sentences(paras[0]) else paras[0]
        first = _capital(_OCCURS_RE.sub("", first, count=1))
        label = short_label(_capital(found.group("cause")), 110)
        option = Option(section, label, para, [fix], kind="cause")
        option.condition = True
        return short_label(first, 110), label, option
    return None


# --------------------------------------------------------------------------- "can occur if"

#: "This behavior can occur if X." / "This issue may also occur when Y.": a paragraph that
#: names one possible cause (said as a possibility, or as another one).
_MAY_OCCUR_RE = re.compile(
    r"^(?:this|the) (?:error|problem|issue|behavior|behaviour|symptom)s? "
    r"(?:(?:can|may|might)(?: also)?|also) (?:occur|happen)s?\s+(?:if|when)\s+"
    r"(?P<cause>[^:]{8,200}?)(?:\.(?=\s|$)|:)",
    re.IGNORECASE,
)
#: "... features snow -- for example": the example is the article's, not the cause's name.
#: (no leading blanks in the pattern: the caller strips them; "\s*" there made a long run of
#: spaces quadratic)
_EXAMPLE_TAIL_RE = re.compile(r"(?:--|,)\s*(?:for example|such as)\b.*$", re.IGNORECASE)
#: "... if both of the following conditions are true:": one cause, said in parts.
_CONDITIONS_RE = re.compile(
    r"\bfollowing (?:conditions?|situations?|circumstances)\b|\b(?:both|all|any|one|either) "
    r"of the following\b",
    re.IGNORECASE,
)


def occur_causes(section: Section) -> list[str]:
    """The causes a CAUSE names one paragraph each ("This behavior can occur if X." /
    "This behavior can also occur if Y."), each in its own words; [] unless two or more.
    Without this they were merged into one "Why it happens" text, never asked."""
    from kbassist.drafting.text import clean

    body = _body_until_repro(section)
    if any(p.heading for p in body):
        return []  # "Cause 1" / "Cause 2" sub-headings: asked another way
    out: list[str] = []
    for para in body:
        if para.marker:
            continue
        text = clean(para.text)
        if "occur" not in text and "happen" not in text:
            continue  # the cheap test first
        found = _MAY_OCCUR_RE.match(text)
        if found is None or _CONDITIONS_RE.search(found.group("cause")):
            continue  # "... if both of the following conditions are true:": one cause
        cause = _EXAMPLE_TAIL_RE.sub("", found.group("cause")).strip()
        out.append(short_label(_capital(cause), 110))
    return out if len(out) >= 2 else []


# --------------------------------------------------------------------------- messages

#: A sentence of a cause's prose that says what to install or do ("If you're running
#: Windows Server 2008 as your KMS host, you need this update hotfix 968912.").
_NEED_RE = re.compile(r"\byou (?:need|must|should) (?:to )?(?:install |apply |run |use )?\w", re.I)


def message_groups(article: Article, options: list[Option]) -> tuple[list[Option], list[Group]]:
    """A support article whose parts are headed by the message they are about ("## The Key
    Management Server (KMS) is unavailable" over a quote of it) and hold that message's
    causes as sub-headings, each with its fix ("### Sppsvc service on the KMS host has
    stopped running"): "Which message?", then that message's causes. Options that only
    repeat a message (its quote as the one step) are dropped. ([...], []) unless two
    such parts."""
    from kbassist.articles.model import Quote
    from kbassist.drafting.blocks import heading_label, part_sections, part_steps
    from kbassist.drafting.modern import md_plain

    sections = part_sections(article)
    groups: list[Group] = []
    for part in article.document.parts:
        section = sections.get(id(part))
        if section is None or part.role not in ("", "symptom") or not part.children:
            continue
        if not any(isinstance(b, Quote) for b in part.blocks):
            continue  # the part quotes the message it is named for
        found: list[Option] = []
        for child in part.children:
            lead, items, _ = part_steps(Part(child.name, child.level, child.line, child.blocks))
            if not items:
                items = [s for s in split_sentences(md_plain(lead)) if _NEED_RE.search(s)]
            if items:
                label = heading_label(child.name, 90) or child.name
                option = Option(section, label, "", list(items), kind="cause")
                option.condition = True
                found.append(option)
        if found:
            groups.append(Group(heading_label(part.name, 110) or part.name, found, True))
    if len(groups) < 2:
        return options, []
    said = [g.label.casefold() for g in groups]
    kept = [
        o
        for o in options
        if not all(any(m in md_plain(split_detail(i)[0]).casefold() for m in said) for i in o.items)
    ]
    return [*kept, *(o for g in groups for o in g.options)], groups


def group_causes(
    groups: list[Group], cause: str, section: Section | None
) -> tuple[str, Section] | None:
    """The cause of an article whose causes are asked by group: each message with its
    causes (see `message_groups`), or the numbered causes when the drafter found none
    ("gives no cause" though "## Cause 1" and "## Cause 2" name them), cited from the
    first; None when the article's own Cause part says it."""
    if len(groups) < 2 or not all(g.options for g in groups):
        return None
    if all(g.message for g in groups):
        if section is not None and section.role == "cause":
            return None
        said = " ".join(f"{g.label}: {'; '.join(o.label for o in g.options)}." for g in groups)
        return f"The article names the causes of each message. {said}", groups[0].options[0].section
    if cause.strip() or any(g.message for g in groups):
        return None
    said = "; ".join(g.label for g in groups)
    return f"The article names {len(groups)} causes: {said}.", groups[0].options[0].section


#: "## Resolution 2", "## Solution for cause 2", "## Workaround 2": the fix of cause 2.
_NUMBERED_FIX_RE = re.compile(
    r"^(?:resolution|solution|fix|workaround|method)s?\s+(?:for\s+(?:cause|issue)\s+)?"
    r"(?P<n>\d{1,2})\b",
    re.IGNORECASE,
)
_CAUSE_NUMBER_RE = re.compile(r"^(?:cause|reason)\s+(?P<n>\d{1,2})\b", re.IGNORECASE)


def resolution_partners(
    article: Article, parts: list[Part], options: list[Option], sections: dict[int, Section]
) -> dict[int, list[Option]]:
    """ "## Cause 1: X" followed by its own "## Resolution 1" (a sibling, not a sub-heading):
    the options drafted from each cause's Resolution, by the cause part's id. A fix is
    paired by its number ("Resolution 2" with "Cause 2"), else by following its cause
    before the next one; {} when the fixes are not sibling parts."""
    from kbassist.drafting.modern import md_plain

    fixes = [
        p for p in article.document.walk() if p.role == "resolution" and p.level == parts[0].level
    ]
    if not fixes:
        return {}
    numbers = {}
    for part in parts:
        found = _CAUSE_NUMBER_RE.match(md_plain(part.name).strip())
        if found:
            numbers[found.group("n")] = part
    order = list(article.document.walk())
    out: dict[int, list[Option]] = {}
    for fix in fixes:
        section = sections.get(id(fix))
        if section is None:
            continue
        numbered = _NUMBERED_FIX_RE.match(md_plain(fix.name).strip())
        cause = numbers.get(numbered.group("n")) if numbered else None
        if cause is None:
            before = [p for p in parts if order.index(p) < order.index(fix)]
            later = [p for p in parts if order.index(p) > order.index(fix)]
            if not before or (later and not numbered and len(fixes) != len(parts)):
                continue
            cause = before[-1]
        drawn = [o for o in options if o.section is section]
        if drawn:
            out.setdefault(id(cause), []).extend(drawn)
    return out


def _main_step(items: list[str]) -> str:
    """The step a cause's fix is named by: the first, unless it is only what the second
    needs ("Take ownership of the files to change the permissions" before "Change the
    permissions on the file")."""
    first = split_detail(items[0])[0]
    if len(items) > 1:
        second = split_detail(items[1])[0]
        goal = " ".join(second.casefold().split()[:3])
        if goal and f" to {goal}" in first.casefold():
            return second
    return first
