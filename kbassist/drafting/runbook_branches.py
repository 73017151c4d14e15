"""Alert runbooks whose walks diagnose: the support-case line is the last resort, not a
tick among the fixes; a Mitigation list of different remedies is a question; Mitigation
sub-headings that name what the Diagnosis finds ("Wrong endpoint configured") are asked
as findings; a helper page (no alert) is one procedure, not a choice of its sections.
`modern_plan` and `block_options` call these for Markdown articles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kbassist.articles import Article, Section
from kbassist.articles.model import Image, ListBlock, ListItem, Paragraph, Part
from kbassist.drafting.helper_check import helper_check
from kbassist.drafting.option_model import Option
from kbassist.drafting.runbook_checks_only import checks_only, gives_checks_only
from kbassist.drafting.text import HORIZON_WORDS, clean, split_detail, split_sentences, with_detail

# --------------------------------------------------------------------------- escalation

#: "If you cannot resolve the issue, log in to the Customer Portal and open a support
#: case, ...", "If the problem persists, contact support": what to do when nothing helped.
_ESCALATE_RE = re.compile(
    r"^(?:if (?:you (?:still )?(?:cannot|can't|can not|are (?:unable|not able) to) "
    r"(?:resolve|fix|solve|mitigate)|(?:the|this) (?:issue|problem|alert) (?:still )?"
    r"(?:persists|continues|is not resolved|keeps firing|still fires)|none of (?:these|the "
    r"above)[^,]{0,40}(?:helps?|works?|resolves?))"
    r".{0,200}?\b(?:open|file|raise) an? (?:support )?(?:case|ticket)|contact (?:\w+ ){0,2}"
    r"support)",
    re.IGNORECASE,
)
#: "If you cannot resolve the issue, " before what to do: said by the escalation's place.
_IF_CLAUSE_RE = re.compile(
    r"^if (?:you (?:still )?(?:cannot|can't|can not|are (?:unable|not able) to)|(?:the|this) "
    r"(?:issue|problem|alert)|none of)[^,]{3,120},\s*(?:please\s+)?",
    re.IGNORECASE,
)
#: The label of the choice that escalates when the article's fixes did not help.
ESCALATION_LABEL = "None of these helped: open a support case"


def _split_escalation(item: str) -> tuple[str, str]:
    """(the item without its escalation sentences, the escalation with the item's
    detail); ("", "") parts when the item has none or is only that."""
    text, detail = split_detail(item)
    sentences = split_sentences(clean(text))
    at = next((n for n, s in enumerate(sentences) if _ESCALATE_RE.match(s)), -1)
    if at < 0:
        return item, ""
    # the escalation is its sentence; what follows it ("Note: Starting from 4.14, ...")
    # is a note under the step before
    escalation = sentences[at]
    rest = " ".join(sentences[:at]).strip()
    after = " ".join(sentences[at + 1 :]).strip()
    if not rest:
        return after, with_detail(escalation, detail)
    # the link of "log in to the Customer Portal" belongs to the escalation
    return with_detail(rest, after), with_detail(escalation, detail)


def take_escalation(options: list[Option]) -> str:
    """Take the "If you cannot resolve the issue, ... open a support case" step out of
    every option's checklist; returns it ("" when no option has one)."""
    found = ""
    for option in options:
        kept: list[str] = []
        for item in option.items:
            rest, escalation = _split_escalation(item)
            if escalation:
                found = found or escalation
            if rest:
                kept.append(rest)
        option.items = kept
    return found


#: Option kinds among which "None of these helped" is a fair choice: ways to fix, not
#: the version the admin runs or the symptom seen.
_CHOOSABLE = ("option", "workaround")


def escalate_last(article: Article, options: list[Option]) -> list[Option]:
    """The support-case line as the last resort: among two or more fixes a choice of its
    own, "None of these helped: open a support case" (its own outcome); for one fix its
    checklist's final step, said as the escalation it is, after every action."""
    if not options or not all(o.kind in _CHOOSABLE for o in options):
        return options
    before = [list(o.items) for o in options]
    escalation = take_escalation(options)
    if not escalation:
        return options
    if len(options) > 1 and any(not o.items for o in options):
        # the line was one fix's only step: that fix is the escalation, as written
        for option, items in zip(options, before, strict=True):
            option.items = items
        return options
    text, detail = split_detail(escalation)
    said = _IF_CLAUSE_RE.sub("", text, count=1)
    said = said[:1].upper() + said[1:] if said != text else text
    if len(options) == 1 and not options[0].items and gives_checks_only(options[0].lead):
        # no fix step above it: the runbook gives checks only, and the outcome says so
        checks_only(options[0], said, detail)
        return options
    if len(options) == 1:
        # after the Diagnosis checks (and the fix, if any): the step when nothing helped
        # "Escalate if the steps above did not clear the alert: log in to ..."
        last = f"Escalate if the steps above did not clear the alert: {said[:1].lower()}"
        options[0].items.append(with_detail(last + said[1:], detail))
        return options
    escalation = with_detail(said, detail)
    section = options[-1].section
    option = Option(
        section,
        ESCALATION_LABEL,
        "The article's fixes did not clear the alert: it says to escalate.",
        [escalation],
        kind="escalation",
    )
    # asked as the others are: a "What did you find?" stays one when most fixes are cases
    option.condition = sum(o.condition for o in options) * 2 > len(options)
    option.checks = [
        "Check that the support case is open and has the output of the Diagnosis steps "
        f"attached ({article.id})."
    ]
    return [*options, option]


# --------------------------------------------------------------------------- remedies

#: A lead that says the list after it is a choice of remedies: "the mitigation can be:",
#: "some suggestions:", "The mitigation depends on whether you are installing or ...:",
#: "Possible causes and mitigations include:", "Depending on the cause, ...:".
_REMEDY_LEAD_RE = re.compile(
    r"\b(?:(?:mitigations?|remed(?:y|ies)|fix(?:es)?|solutions?) (?:can|could|may) be|"
    r"(?:some|possible|other) (?:suggestions|remedies|mitigations)|"
    r"(?:mitigation|fix|solution|remedy) depends on|depending on\b[^:]{0,80}|"
    r"possible (?:causes and )?(?:mitigations|fixes|remedies|solutions) include|"
    r"(?:do|use|apply|choose) (?:one|either) of the following)"
    r"[^:]{0,80}:$",
    re.IGNORECASE,
)
#: First words of a bullet that looks rather than fixes ("Check if ...", "See [X]").
_LOOK_RE = re.compile(
    r"^(?:check|verify|validate|confirm|review|audit|inspect|identify|investigate|look|"
    r"see|read|refer|examine|monitor|find|determine|understand|consult)\b",
    re.IGNORECASE,
)
#: A Mitigation heading (runbooks name their fix section so; support articles do not).
_MITIGATION_HEAD_RE = re.compile(r"^mitigat", re.IGNORECASE)


#: "Review existing quota ... and adjust it accordingly", "Review resources used by the
#: quota and fine tune them": a look whose point is the change after it, a remedy.
_LOOK_THEN_ACT_RE = re.compile(
    r"^(?:review|check|inspect|examine|audit)\b[^.;:]{3,100}?\band (?:then )?"
    r"(?:adjust|fine[- ]tune|tune|increase|raise|reduce|lower|decrease|remove|delete|scale|"
    r"resize|change|update|fix|correct|clean up|free)\b",
    re.IGNORECASE,
)


def _look_then_act(text: str) -> bool:
    """Whether a bullet that starts as a look ("Review X") goes on to change what it
    looked at ("... and adjust it"): a remedy, not a check."""
    return bool(_LOOK_THEN_ACT_RE.match(text))


def _plain_item(item: object) -> str:
    """The text of a list item that is one paragraph (screenshots beside it allowed), else
    "" (code, nested lists)."""
    blocks = [b for b in getattr(item, "blocks", ()) if not isinstance(b, Image)]
    if len(blocks) != 1 or not isinstance(blocks[0], Paragraph):
        return ""
    return clean(blocks[0].text.plain)


#: "See [Quotas](https://...)", "Refer to [the docs](...)": a pointer to read more, not a
#: remedy of its own.
_SEE_LINK_RE = re.compile(r"^(?:see|refer to|read|check out)\b(?P<rest>.{0,80})$", re.IGNORECASE)


def without_references(block: ListBlock) -> tuple[ListBlock, str]:
    """A remedy list without its bare "See [Quotas](url)" items, and their links as one
    detail ("Link: Quotas: url"): the reading helps with each remedy, it is not one to
    choose (asked, it ended its walk on a page to read). The list as it is when no item
    is such a pointer or fewer than two remedies would be left."""
    from kbassist.drafting.modern import links_of

    kept: list[ListItem] = []
    links: list[tuple[str, str]] = []
    for item in block.items:
        text = _plain_item(item)
        found = _SEE_LINK_RE.match(text) if text else None
        item_links = links_of(item.blocks) if found else []
        named = " ".join(t for t, _ in item_links)
        if found and item_links and len(found.group("rest").replace(named, "").split()) <= 2:
            links.extend(item_links)
        else:
            kept.append(item)
    if not links or len(kept) < 2:
        return block, ""
    detail = "Link: " + "; ".join(f"{text}: {url}" for text, url in links)
    return ListBlock(tuple(kept), block.ordered, block.start, block.alternatives), detail


def unbulleted_remedies(article: Article, part: Part) -> Part | None:
    """A Mitigation that is one paragraph written one whole sentence a line ("Start
    thinking about sharding prometheus." / "Increase scrape times to perform it less
    frequently."): the list it is, without its bullets, when the remedy-list rules take
    it as remedies (the part with that list), else None. Wrapped prose (a sentence
    running on to the next line) and a paragraph with links stay prose."""
    from kbassist.articles.model import ListItem, Text

    if not _MITIGATION_HEAD_RE.match(part.name.strip()) or part.children:
        return None
    if len(part.blocks) != 1 or not isinstance(part.blocks[0], Paragraph):
        return None
    paragraph = part.blocks[0]
    if paragraph.text.marks:
        return None
    lines = article.body.splitlines()
    at = part.line - article.body_line + 1
    while at < len(lines) and not lines[at].strip():
        at += 1
    written: list[str] = []
    while at < len(lines) and lines[at].strip():
        written.append(lines[at].strip())
        at += 1
    sentences = split_sentences(clean(paragraph.text.plain))
    if len(written) < 2 or len(sentences) != len(written):
        return None
    if not all(w[:1].isupper() and w.endswith((".", "!")) for w in written):
        return None
    items = tuple(ListItem((Paragraph(Text(sentence)),)) for sentence in sentences)
    listed = Part(part.name, part.level, part.line, (ListBlock(items),), part.children)
    # only when the lines are remedies to choose from: else the prose stays as written
    return listed if remedy_list(listed.name, listed.blocks) else None


def wrapped_remedies(part: Part, child: Part) -> Part:
    """A Mitigation whose only content is one sub-heading ("### Recommended Actions")
    over a list of remedies: that list as the Mitigation's own (so it can be asked);
    `part` unchanged otherwise."""
    if child.children or not remedy_list(part.name, child.blocks):
        return part
    return Part(part.name, part.level, part.line, child.blocks)


def remedy_list(part_name: str, blocks: Sequence[object]) -> list[ListBlock]:
    """A runbook Mitigation's list of different remedies, each one a way to fix ("Add
    more nodes", "Add node pools", "Use pod priorities"): `[list]`, else []. Either a lead
    says it is a choice ("the mitigation can be:", "some suggestions:"), or the list is
    the whole section and two or more of its bullets are remedies, none a check."""
    from kbassist.drafting.blocks import _imperative

    if not _MITIGATION_HEAD_RE.match(part_name.strip()):
        return []
    lists = [b for b in blocks if isinstance(b, ListBlock)]
    for n, block in enumerate(blocks):
        if not isinstance(block, ListBlock) or len(block.items) < 2 or n == 0:
            continue
        before = blocks[n - 1]
        lead = clean(before.text.plain) if isinstance(before, Paragraph) else ""
        if lead and _REMEDY_LEAD_RE.search(lead):
            return [block]
    headed = _headed_remedies(lists)
    if headed:
        return [headed]
    if len(lists) != 1 or len(blocks) != 1 or lists[0].ordered:
        return []
    texts = [_plain_item(i) for i in lists[0].items]
    if len(texts) < 2 or not all(texts):
        return []
    remedies = [t for t in texts if _imperative(t) and (not _LOOK_RE.match(t) or _look_then_act(t))]
    looks = [t for t in texts if _LOOK_RE.match(t) and not _look_then_act(t)]
    said = [t for t in texts if _STATEMENT_RE.match(t)]
    if len(remedies) >= 2 and len(looks) <= 1 and not said:
        return [lists[0]]
    return []


#: A bullet head that names a fix by when or how it helps: "Short term (in guest OS):",
#: "Immediate actions:", "Temporary workaround:", "Alternative:".
_HORIZON_HEAD_RE = re.compile(
    rf"^(?:\*\*)?(?:{HORIZON_WORDS}|temporar(?:y|ily)|"
    r"quick|permanent|workaround|alternative(?:ly)?)\b",
    re.IGNORECASE,
)


def _item_head(item: object) -> str:
    """The first paragraph of a list item that has more under it and ends in ":" (a head
    over its own steps), else ""."""
    blocks = [b for b in getattr(item, "blocks", ()) if not isinstance(b, Image)]
    if len(blocks) < 2 or not isinstance(blocks[0], Paragraph):
        return ""
    text = clean(blocks[0].text.plain)
    return text if text.endswith(":") else ""


def _headed_remedies(lists: Sequence[ListBlock]) -> ListBlock | None:
    """ "- Short term (in guest OS):" over its own steps and "- Increase the VM memory
    (...):" over its own: a bulleted list whose items are each a head over their own
    steps, one head naming when it helps (short term, immediate, temporary, alternative),
    none a check: ways to choose between, not steps to run one after the other."""
    from kbassist.drafting.blocks import _imperative

    for block in lists:
        if block.ordered or len(block.items) < 2:
            continue
        heads = [_item_head(i) for i in block.items]
        if not all(heads) or any(_LOOK_RE.match(h) for h in heads):
            continue
        timed = [h for h in heads if _HORIZON_HEAD_RE.match(h)]
        if timed and len(timed) < len(heads) and any(_imperative(h) for h in heads):
            return block  # (all timed: "Which fix are you making now?" asks them)
    return None


#: A bullet that states rather than does: "Because etcd is crucial ...", "In the event
#: this alert is firing, ...", "The API server is overloaded": no remedy of its own.
_STATEMENT_RE = re.compile(
    r"^(?:the|a|an|this|these|that|those|it|its|there|because|since|as|if|when|in|for|on|"
    r"by|usually|most|some|all|each|every|no|not|any|[\w-]+ (?:is|are|was|were|has|have|"
    r"can|may|might|will|should)\b)\b",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------- findings

#: Words that name a failure: a Mitigation sub-heading with one names a case found
#: ("Wrong endpoint configured", "Insufficient RBAC permissions", "Node failures").
_FAILURE_RE = re.compile(
    r"\b(?:issues?|problems?|failures?|fail(?:s|ed|ing)?|errors?|wrong|incorrect|invalid|"
    r"missing|insufficient|not (?:running|ready|available|reachable|found|responding)|down|"
    r"corrupt(?:ed|ion)?|duplicat\w*|intermittent|connectivity|persists|mismatch\w*|expired|"
    r"unavailable|unreachable|bugs?|misconfigur\w*|outage|crash\w*|stuck|exhaust\w*|"
    r"overload\w*|full)\b",
    re.IGNORECASE,
)


#: A heading that says what to do ("Try allocating more space", "Resolve the underlying
#: issue", "Increasing the limit"): a fix to choose, even when it names the problem.
_DOING_RE = re.compile(
    r"^(?:\w+ing|try|resolve|override|allocate|adjust|increase|decrease|reduce|restart|"
    r"delete|remove|scale|update|upgrade|configure|fix|add|expand|create|enable|disable|set|"
    r"change|replace|migrate|move|free|clean|purge|stop|start|wait|apply|edit|patch|run|"
    r"install|uninstall|rebuild|recreate|drain|cordon|uncordon|evict|rotate|renew|grant|"
    r"allow|provide|use|contact|escalate|consider|reboot|redeploy|rollback|roll back)\b",
    re.IGNORECASE,
)


def findings(article: Article, options: list[Option]) -> str:
    """Fixes under Mitigation sub-headings that name what the Diagnosis finds ("Intermittent
    network connectivity" / "Wrong endpoint configured"), none an action: each is marked a
    case found (asked "What did you find?"); returns the cause they name together, or ""."""
    from kbassist.drafting.blocks import _imperative

    fixes = [o for o in options if o.kind in _CHOOSABLE]  # (_LOOK_RE: "Check X" is a step)
    if len(fixes) < 2 or len(fixes) != len(options) or all(o.condition for o in fixes):
        return ""
    if not any(o.pre_items for o in fixes):
        return ""  # nothing runs first to tell the cases apart
    labels = [o.label.strip() for o in fixes]
    if any(_imperative(x) or _DOING_RE.match(x) or _LOOK_RE.match(x) for x in labels):
        return ""
    if sum(bool(_FAILURE_RE.search(x)) for x in labels) * 2 < len(labels):
        return ""
    for option in fixes:
        option.condition = True
    return (
        f"The article names {len(labels)} causes, told apart by its Diagnosis: "
        + "; ".join(labels)
        + "."
    )


# --------------------------------------------------------------------------- helper pages

#: Roles that make a page an alert runbook or a support article, not a helper procedure.
_ALERT_ROLES = ("symptom", "impact", "cause", "resolution", "summary")
#: Sections of background, not steps: "Further info", "Related Links", "References".
_BACKGROUND_HEAD_RE = re.compile(
    r"^(?:further|more|additional) (?:info|information|reading|resources)|^related links?$|"
    r"^references?$|^see also$|^links$",
    re.IGNORECASE,
)


#: A section that checks a state ("OCS Operator Pod Health", "Worker Node Status").
_STATE_RE = re.compile(r"\b(?:health|status|access|connectivity|state)$", re.IGNORECASE)


def helper_procedure(article: Article, options: list[Option]) -> list[Option]:
    """A helper page with no alert (a shared "Diagnosis cluster" procedure: no Meaning,
    Impact or fix heading, no front-matter description) whose sections check things
    ("Verify cluster access", "Check Alerts", "OCS Operator Pod Health"): one procedure
    in order, not fixes to choose from; "Further info" / "Related Links" are dropped."""
    from kbassist.drafting.blocks import heading_label
    from kbassist.drafting.modern import described_alert, md_plain

    if len(options) < 2 or article.description or described_alert(article):
        return options
    if any(p.role in _ALERT_ROLES for p in article.document.walk()):
        return options
    if any(o.condition or o.kind != "option" for o in options):
        return options  # "- Error message 1: ..." cases are found, not run in turn
    kept = [o for o in options if not _BACKGROUND_HEAD_RE.match(md_plain(o.label).strip())]
    checking = [o for o in kept if _LOOK_RE.match(o.label) or _STATE_RE.search(o.label)]
    if not kept or len(checking) * 2 < len(kept):
        return options  # "Change the setting" / "Use the command": fixes to choose from
    items: list[str] = []
    for option in kept:
        steps = list(option.items)
        label = md_plain(option.label).strip()
        if steps and label and label != "Follow the article's steps":
            text, detail = split_detail(steps[0])
            steps[0] = with_detail(f"{label}: {text}", detail)
        items.extend(steps)
    first = kept[0]
    merged = Option(
        first.section,
        heading_label(md_plain(article.title)) or first.label,
        first.lead,
        items,
    )
    merged.checks = [helper_check(article, first)]
    return [merged]


#: Where a remedy's own words end and its reason or aside begins: "Add node pools with
#: different instance types to avoid problem when ...", "Add more nodes - usually ...".
_ASIDE_RE = re.compile(
    r"\s+(?:-|\u2013|\u2014)\s+|,\s+(?:see|usually|which|because)\b", re.IGNORECASE
)
#: The clause before a remedy's action: "For a smoother update of multiple VMs, ".
_FOR_CLAUSE_RE = re.compile(r"^(?:for|to|in|on|from)\b[^,:]{3,100},\s+(?=[a-z])", re.I)
#: The reason after an action, cut only when the whole would not fit a label.
_REASON_RE = re.compile(
    r",?\s+(?:to avoid|to prevent|so that|in order to|to(?= \w+ )|by(?= \w+ing\b))\s+",
    re.IGNORECASE,
)


def remedy_label(text: str) -> str:
    """The title of one remedy of a list: its action, without an aside ("Add more nodes
    - usually ...") or, when too long, the reason after it ("Add different node pools
    with different instance types" [to avoid problem when using only one ...])."""
    from kbassist.drafting.text import short_label

    text = clean(split_detail(text)[0]).rstrip(".")
    text = split_sentences(text)[0].rstrip(".") if text else text
    named = re.match(r"^([A-Z][^:.]{2,58}):\s+\S", text)
    if named:  # "Expand the PVC Size: Increase the capacity ...": the remedy's own name
        return named.group(1)
    lead = _FOR_CLAUSE_RE.match(text)
    if lead:  # "For a smoother update of multiple VMs, use the X tool": what it does
        text = text[lead.end() :]
        text = text[:1].upper() + text[1:]
    cut = _ASIDE_RE.search(text)
    if cut and cut.start() >= 12:
        text = text[: cut.start()]
    reason = _REASON_RE.search(text)
    if len(text) > LABEL_CHARS and reason and reason.start() >= 12:
        text = text[: reason.start()]
    return short_label(text, LABEL_CHARS)


#: A remedy's title is at most this long.
LABEL_CHARS = 90


#: "Alternative: remove the machine field ...", "Alternatively, delete the VM ...": one
#: more remedy after a list of them, with the blocks (a command) under it.
_ALTERNATIVE_RE = re.compile(r"^(?:alternative(?:ly)?|another option|or)\s*[:,]\s*\S", re.I)


def alternative_after(section: Section, part: Part, at: int) -> tuple[int, Option | None]:
    """(where the steps for every remedy end, the remedy an "Alternative: ..." paragraph
    after the list opens, or None): that paragraph and what follows it are its own."""
    from kbassist.drafting.blocks import part_steps

    for n in range(at, len(part.blocks)):
        block = part.blocks[n]
        if isinstance(block, Paragraph) and _ALTERNATIVE_RE.match(clean(block.text.plain)):
            _, items, _ = part_steps(Part(part.name, part.level, part.line, part.blocks[n:]))
            if not items:
                break
            text = _ALTERNATIVE_RE.sub(lambda m: m.group(0)[-1], clean(block.text.plain), 1)
            label = remedy_label(text[:1].upper() + text[1:])
            return n, Option(section, label, "", items)
    return len(part.blocks), None


def remedy_lead(blocks: Sequence[object], listed: ListBlock) -> str:
    """The sentence that introduces a list of remedies ("The mitigation depends on
    whether you are installing or uninstalling the HCO:"), shown as the question's help;
    "" when the list has none."""
    at = next((n for n, b in enumerate(blocks) if b is listed), 0)
    before = blocks[at - 1] if at else None
    if not isinstance(before, Paragraph):
        return ""
    text = clean(before.text.plain).rstrip(" :")
    if re.search(r"\bbe$", text):
        return f"{text} one of these."  # "the mitigation can be:" over the answers
    if re.search(r"\b(?:include|includes|are)$", text):
        return f"{text} these."
    return f"{text}." if text else ""  # its colon pointed at the list, now the answers


#: A paragraph that offers another remedy in prose: "Another option is to delete node if
#: it affects only one,", "Alternatively, you can also delete unnecessary data ...", "In
#: extreme situations recreate cluster.", "In extremely rare situations it may be better
#: to delete problematic pods."
_PROSE_ALTERNATIVE_RE = re.compile(
    r"^(?:another (?:option|way) is to|alternatively,?(?:\s+you (?:can|could|may)(?:\s+also)?)?"
    r"|in extreme(?:ly rare)? (?:situations|cases),?(?:\s+it (?:may|might) be better to)?)"
    r"\s+(?P<rest>[a-z].*)$",
    re.IGNORECASE | re.DOTALL,
)


#: "You can also unpause manually by:": another way to reach what the step before does,
#: when its verb is that step's (not "You can also check ...", a further look).
_ALSO_SAME_RE = re.compile(
    r"^you (?:can|could|may) also (?P<rest>(?P<verb>[a-z]{2,30})\b.{0,300})$",
    re.IGNORECASE | re.DOTALL,
)


def prose_alternatives(section: Section, part: Part) -> list[Option]:
    """A runbook Mitigation in paragraphs whose later ones offer other remedies ("Another
    option is to delete node ...", "In extreme situations recreate cluster."): the first
    remedy and each offered one are options of their own; [] when none is offered."""
    from kbassist.drafting.blocks import _imperative, part_steps
    from kbassist.drafting.options import ALSO_NOT_A_WAY

    if not _MITIGATION_HEAD_RE.match(part.name.strip()) or part.children:
        return []
    starts: list[tuple[int, str, bool]] = []  # (block, remedy, "In extreme situations")
    verbs: set[str] = set()  # the verbs the remedies so far open with
    also_at: set[int] = set()  # the blocks that open "You can also <the same verb> ..."
    for n, block in enumerate(part.blocks):
        if not isinstance(block, Paragraph):
            continue
        said = clean(block.text.plain)
        also = _ALSO_SAME_RE.match(said)
        verb = also.group("verb").casefold() if also else ""
        if n and also and verb in verbs and not re.fullmatch(ALSO_NOT_A_WAY, verb):
            # "Unpause the pool: <command>" then "You can also unpause manually by:
            # <command>": the same goal another way, an alternative, not the next step
            rest = _BY_END_RE.sub("", also.group("rest").rstrip(" :"))
            starts.append((n, rest[:1].upper() + rest[1:], False))
            also_at.add(n)
            continue
        if _imperative(said) or _DOING_RE.match(said) or (said.endswith(":") and not also):
            verbs.add(said.split(" ", 1)[0].casefold())  # "Unpause the pool (...):" too
        found = _PROSE_ALTERNATIVE_RE.match(said) if n else None
        if found:
            rest = found.group("rest").rstrip(" ,")
            rest = rest[:1].upper() + rest[1:]
            if _imperative(rest) or _DOING_RE.match(rest):
                starts.append((n, rest, found.group(0).lower().startswith("in extreme")))
    if not starts:
        return []
    lead, first, _ = part_steps(Part(part.name, part.level, part.line, part.blocks[: starts[0][0]]))
    if not first:
        return []
    # "You must unpause the pool. NOTE: ... ALL pending configuration ...": said before
    # each way the runbook gives to do it
    shared = lead if also_at else ""
    options = [Option(section, _way_label(first, bool(also_at)), shared, first)]
    bounds = [n for n, _, _ in starts] + [len(part.blocks)]
    for (n, rest, extreme), end in zip(starts, bounds[1:], strict=True):
        if n in also_at:  # its own paragraph leads its command: one step, as written
            _, items, _ = part_steps(Part(part.name, part.level, part.line, part.blocks[n:end]))
            items[:1] = (
                [
                    rest[:1].upper() + rest[1:] + ":" + items[0].split(":", 1)[1]
                    if items and ":" in items[0]
                    else items[0]
                ]
                if items
                else []
            )
            # "You must unpause the pool.": the goal, ticked as a step of its own where
            # no step says it; the first way's text says it, the warnings go with each
            told = [t for t in split_sentences(shared) if not _MUST_RE.match(t)]
            options.append(
                Option(section, _way_label(items or [rest], True), " ".join(told), items)
            )
            continue
        _, items, _ = part_steps(Part(part.name, part.level, part.line, part.blocks[n + 1 : end]))
        label = remedy_label(rest)
        if extreme:
            label = f"{label} (extreme situations only)"  # the article's caution, kept
        options.append(Option(section, label, "", [rest, *items]))
    return options


#: "You must unpause the pool.": the goal every way reaches, not a way's note.
_MUST_RE = re.compile(r"^you (?:must|need to|have to|should)\b", re.IGNORECASE)
#: "... manually by:", "... using:": the end of a lead-in whose command follows.
_BY_END_RE = re.compile(r" (?:by|using|with|via)$", re.IGNORECASE)
#: An aside in parentheses ("(substitute the pool name for $MCP_NAME)"): no part of a title.
_PAREN_RE = re.compile(r" ?\([^()]{1,160}\)")


def _way_label(items: list[str], named: bool) -> str:
    """A remedy's title; `named`: one of two ways to the same goal, told apart by the
    command each runs ("Unpause the pool (oc patch mcp)", "Unpause manually (oc edit mcp)")."""
    if not named:
        return remedy_label(items[0])
    text, detail = split_detail(items[0])
    label = _BY_END_RE.sub("", _PAREN_RE.sub("", remedy_label(text)).rstrip(" :"))
    words = detail.strip().split("\n", 1)[0].split()[:3] if detail.strip() else []
    command = " ".join(w for w in words if re.fullmatch(r"[a-z][\w.-]{0,30}", w))
    return f"{label} ({command})" if command else label


# --------------------------------------------------------------------------- diagnosis

#: Words that say nothing of which failure a heading is about.
_HEAD_STOP = frozenset(
    "diagnosis diagnose for due to halted the a an of in on is are was not no if when with "
    "and or verify check inspect confirm issue issues problem problems failure failures "
    "step steps".split()
)


def _head_words(name: str) -> set[str]:
    from kbassist.drafting.modern import md_plain

    words = re.findall(r"[a-z0-9][a-z0-9'/-]*", md_plain(name).lower())
    return {w.strip("'") for w in words if w.strip("'") not in _HEAD_STOP and not w.isdigit()}


def _matches(fix: str, check: str) -> bool:
    """Whether a Diagnosis sub-heading is about the failure a Mitigation one fixes: the
    shorter's words all in the longer ("Diagnosis for Data Corruption" / "Halted due to
    Data Corruption", "Prometheus issues" / "Prometheus")."""
    a, b = _head_words(fix), _head_words(check)
    return bool(a and b) and (a <= b or b <= a)


def matched_diagnosis(article: Article, options: list[Option]) -> None:
    """A Diagnosis with one sub-heading per failure pattern ("Diagnosis for 'no space
    left on device'", "... for Data Corruption", "... for S3 Connection Failure") beside a
    Mitigation with the same patterns: each fix runs the Diagnosis steps shared by all and
    only its own pattern's, not the other patterns' checks (and their inputs)."""
    from kbassist.drafting.blocks import part_steps
    from kbassist.drafting.options import MAX_DIAGNOSIS_STEPS

    fixes = [o for o in options if o.kind in _CHOOSABLE and o.pre_items]
    parts = article.parts_by_role("diagnosis")
    if len(fixes) < 2 or not parts or len(parts[0].children) < 2:
        return
    part = parts[0]
    pairs: dict[int, Part] = {}
    for option in fixes:
        found = [c for c in part.children if _matches(option.label, c.name)]
        if len(found) == 1:
            pairs[id(option)] = found[0]
    owned = {id(c) for c in pairs.values()}
    if len(owned) < 2 or len(owned) < len(pairs):
        return  # fewer than two patterns told apart, or two fixes for one pattern
    for option in fixes:
        own = pairs.get(id(option))
        kept = tuple(c for c in part.children if id(c) not in owned or c is own)
        _, items, _ = part_steps(Part(part.name, part.level, part.line, part.blocks, kept))
        if items:
            option.pre_items = items[:MAX_DIAGNOSIS_STEPS]
