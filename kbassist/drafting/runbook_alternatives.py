"""Runbook mitigations that are not fixes to run in turn (round 34, rbalt35).

Blind readers of seed 94 marked runbook checklists that ticked what is no step and
offered what is no fix:

- "Start thinking about sharding prometheus" ticked, then verified "the alert clears":
  a long-term design change is an option marked long-term, checked by its own effect
  once done, never as the fix that clears the firing alert (`long_term_options`);
- "Or, you can force delete the pod using the previous command": a second outcome for a
  fix another option already gives, with no command of its own (`pointer_duplicates`);
- "This should allow the drain to continue ...": what the steps are expected to do, a
  note on the step before it, not a tick (`expected_effects_noted`);
- "... networks, offering the following benefits:" over "Segregation of Traffic: ..." /
  "Additional Throughput: ...": the benefits are the recommendation's note, and the
  recommendation said as its action ("Use separate public and private networks")
  (`benefits_noted`);
- "ceph osd set noup" then "Clear these flags with: ceph osd unset noup": the unset is
  the way back from the set, the outcome's rollback, not a step that undoes the fix just
  made (`cleared_flags_undo`); "Then patch it to the previous value after the upgrade
  completes" closing a temporary change is its rollback too (`restored_value_undo`);
- "Pool quotas can be adjusted up or down (or removed) with X" over a `max_bytes` and a
  `max_objects` command: a lead said as its action, only the command of the quota the
  alert names, and "Setting the quota value to 0 will disable the quota" offered as
  its own option (`quota_commands`);
- (round 40, rbcause40) "It is recommended to create a dedicated StorageClass with X"
  leading a Mitigation whose only items are a "Note that ..." over the StorageClass YAML
  and the support-case escalation: the recommendation is the fix, its first tick, with
  the note and the YAML under it, not under "Escalate" (`recommended_lead_step`); a lone
  Mitigation of "Check/Verify/Audit" places to look after a Diagnosis that says the alert
  "might also mean" another cause: one option per place, asked by what was found
  (`per_cause_checks`); "The mitigation depends on what is causing X. Check for A, or B.":
  A and B asked (`depends_on_cause`).
"""

from __future__ import annotations

import re

from kbassist.drafting.one_tick import effect_parts
from kbassist.drafting.option_model import Option
from kbassist.drafting.text import split_detail, with_detail

# --------------------------------------------------------------------------- long term

#: "Start thinking about sharding prometheus.", "Consider sharding ...", "In the long
#: term, plan X": a design change to plan, not a fix that clears the alert now.
_LONG_TERM_RE = re.compile(
    r"^(?:start (?:thinking|to think) about|think about|plan (?:for|on)|"
    r"in the long(?:er)?[- ]term,?\s+(?:consider|plan(?: for)?)?|consider(?= (?:sharding|"
    r"splitting|partitioning|migrating|redesigning|re-architecting)\b))"
    r"\s+(?P<what>\S[^.;:]{2,120}?)\.?$",
    re.IGNORECASE,
)
#: A fix titled by its heading "Long-term Solutions", "Long-term solutions to avoid X".
_LONG_TERM_LABEL_RE = re.compile(r"^long[- ]term\b", re.IGNORECASE)
#: What a long-term option's outcome says first.
LONG_TERM_LEAD = "A long-term change to plan: it does not clear the firing alert now."
#: The check of a long-term option: its own effect later, not the alert now.
LONG_TERM_CHECK = (
    "This is a long-term change, not a fix that clears the firing alert now: once it is "
    "in place, check that the alert no longer fires under the same load."
)


def long_term_options(options: list[Option]) -> None:
    """A one-step option that only says to start thinking about a change (or to consider
    sharding, migrating ...; "Consider restarting the pod" is a fix now): titled "Plan X
    (long term)", told as such, and checked by its own effect later; an option headed
    "Long-term Solutions" told and checked so too."""
    fixes = [o for o in options if o.kind == "option"]
    if len(fixes) < 2:  # the runbook's only way out stays its fix
        return
    for option in fixes:
        if _LONG_TERM_LABEL_RE.match(option.label.strip()):  # "## Long-term Solutions"
            option.lead = f"{option.lead} {LONG_TERM_LEAD}".strip()
            option.checks = [LONG_TERM_CHECK]
            continue
        if len(option.items) != 1 or split_detail(option.items[0])[1]:
            continue
        found = _LONG_TERM_RE.match(split_detail(option.items[0])[0].strip())
        if found is None:
            continue
        what = found.group("what").strip()
        option.label = f"Plan {what[:1].lower()}{what[1:]} (long term)"
        option.lead = f"{option.lead} {LONG_TERM_LEAD}".strip()
        option.checks = [LONG_TERM_CHECK]


# --------------------------------------------------------------------------- duplicates

#: "Or, you can force delete the pod using the previous command.": another option's fix.
_POINTER_RE = re.compile(
    r"^(?:or,?\s+|alternatively,?\s+)?(?:you can\s+|you could\s+)?(?P<act>[a-z][\w\s-]{3,80}?)\s+"
    r"(?:using|with|by running|as in) the (?:previous|above|preceding|earlier) "
    r"(?:command|step|example)s?\.?$",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"[a-z]{3,}")
_STOP = frozenset({"the", "you", "can", "and", "pod", "pods", "this", "that", "with", "from"})


def _words(text: str) -> set[str]:
    return {w for w in _WORD_RE.findall(text.casefold()) if w not in _STOP}


def pointer_duplicates(options: list[Option]) -> list[Option]:
    """Without an option whose one step only points back to an earlier option's command
    ("force delete the pod using the previous command") when that earlier option has a
    command and names the same action."""
    kept: list[Option] = []
    for option in options:
        text, detail = split_detail(option.items[0]) if len(option.items) == 1 else ("", "")
        found = _POINTER_RE.match(text.strip()) if text and not detail else None
        if found is not None:
            act = _words(found.group("act"))
            earlier = [
                o
                for o in kept
                if any(split_detail(i)[1] for i in o.items)
                and len(act) >= 2
                and act <= _words(" ".join(split_detail(i)[0] for i in o.items))
            ]
            if earlier:
                continue  # the same fix again, with no command of its own
        kept.append(option)
    return kept


# --------------------------------------------------------------------------- effects

#: "This should allow the drain to continue", "This will let the operator retry": what
#: the steps before are expected to do.
_EFFECT_RE = re.compile(
    r"^(?:this|that|doing so|these steps)\s+(?:should|will|would|is expected to)\s+"
    r"[a-z]{2,20}\b",
    re.IGNORECASE,
)


def expected_effects_noted(option: Option) -> None:
    """A step after others that only says what they should achieve: a note on the step
    before it, not a tick."""
    items: list[str] = []
    for item in option.items:
        text, detail = split_detail(item)
        if items and not detail and _EFFECT_RE.match(text.strip()):
            # "... and if the hook does not come back you can recreate it": the effect a
            # note, the offer its own "If X, Y." tick (one_tick's reading of it)
            effect, offer = effect_parts(text.strip()) or (text.strip(), "")
            items[-1] = with_detail(items[-1], f"Note: {effect}")
            if offer:
                items.append(offer)
            continue
        items.append(item)
    if len(items) != len(option.items) and not option.when and not option.asks:
        option.items = items


# --------------------------------------------------------------------------- benefits

#: "..., offering the following benefits:": the list after it says why, not what to do.
_BENEFITS_RE = re.compile(
    r"\b(?:the )?following (?:benefits|advantages)\s*:$",
    re.IGNORECASE,
)
#: "The upstream community suggests having separate X and Y networks, offering ...".
_SUGGESTS_RE = re.compile(
    r"\b(?:suggests?|recommends?|advises?)\s+(?:having|using)\s+(?P<what>\S[^:;]{2,200}?),?\s+"
    r"(?:offering|which offers?|giving|with)\b",
    re.IGNORECASE,
)
#: "Segregation of Traffic: ...": a benefit, titled.
_TITLED_RE = re.compile(r"^[A-Z][^:.]{2,60}:\s+\S")


def benefits_noted(option: Option) -> None:
    """A step ending "offering the following benefits:" and the titled items after it:
    one step, said as the action it recommends, the benefits its note."""
    for n, item in enumerate(option.items):
        text = split_detail(item)[0].strip()
        if not _BENEFITS_RE.search(text) or any(k >= n for k in option.when):
            continue
        end = n + 1
        while end < len(option.items) and _TITLED_RE.match(split_detail(option.items[end])[0]):
            end += 1
        if end == n + 1:
            return
        benefits = [split_detail(i)[0].strip() for i in option.items[n + 1 : end]]
        said = _SUGGESTS_RE.search(text)
        step = f"Use {said.group('what').strip()}." if said else text
        note = "\n".join(f"- {b}" for b in benefits)
        detail = f"{text}\n{note}" if said else note
        option.items[n:end] = [with_detail(step, detail)]
        return


# --------------------------------------------------------------------------- flags


#: A command line that sets a flag: "ceph osd set noup   # prevent ...".
_SET_RE = re.compile(r"^\s*(?P<pre>[\w./-]+(?: [\w./-]+){0,4}?) set (?P<flag>[\w.-]+)")
_UNSET_RE = re.compile(r"^\s*(?P<pre>[\w./-]+(?: [\w./-]+){0,4}?) unset (?P<flag>[\w.-]+)")
#: "... respectively. Clear these flags with:": the lead's own action sentence.
_CLEAR_RE = re.compile(r"(?:^|(?<=[.!?]\s))(?P<lead>(?:clear|unset|remove)\b[^.!?]{0,120}:)$", re.I)


def _commands(detail: str) -> list[str]:
    return [line for line in detail.split("\n") if line.strip()]


def cleared_flags_undo(option: Option) -> None:
    """A later step whose commands only unset the flags an earlier step set: the
    outcome's rollback (what it says after the commands goes with it)."""
    flags: set[tuple[str, str]] = set()
    for n, item in enumerate(option.items):
        text, detail = split_detail(item)
        block, _, after = detail.partition("\n\n")
        lines = _commands(block)
        unsets = [_UNSET_RE.match(line) for line in lines]
        undoes = all((m.group("pre"), m.group("flag")) in flags for m in unsets if m)
        if n and lines and flags and all(unsets) and undoes and n not in option.when:
            lead = _CLEAR_RE.search(text.strip())
            said = text.strip()[: lead.start()].strip() if lead else ""
            step = lead.group("lead") if lead else text
            note = "\n\n".join(p for p in (block, said, after.strip()) if p)
            option.undo = [with_detail(step, note), *option.undo]
            del option.items[n]
            return
        for line in lines:
            if found := _SET_RE.match(line):
                flags.add((found.group("pre"), found.group("flag")))


#: "Then patch it to the previous value after the upgrade completes.": the way back from
#: a temporary change, said after it in the same step.
_BACK_RE = re.compile(
    r"(?:^|(?<=[.!?]\s))(?P<back>(?:then|afterwards|later),?\s+(?P<act>(?:patch|set|change|"
    r"revert|restore|return)\b[^.!?]{0,80}?\b(?:previous|original|old) values?\b[^.!?]{0,80}"
    r"[.!]?))\s*$",
    re.IGNORECASE,
)


def restored_value_undo(option: Option) -> None:
    """A step's closing "Then patch it to the previous value after X" (a temporary
    change): the outcome's rollback, the step the change alone."""
    for n, item in enumerate(option.items):
        text, detail = split_detail(item)
        found = _BACK_RE.search(text.strip())
        if found is None or not text.strip()[: found.start()].strip() or n in option.when:
            continue
        act = found.group("act").strip()
        option.undo = [*option.undo, f"{act[:1].upper()}{act[1:]}"]
        option.items[n] = with_detail(text.strip()[: found.start()].strip(), detail)
        return


# --------------------------------------------------------------------------- quotas

#: "Pool quotas can be adjusted up or down (or removed) with Ceph CLI": a statement over
#: the commands that do it.
_CAN_BE_RE = re.compile(
    r"^(?P<subj>[A-Z][\w -]{2,60}?) can be (?P<verb>adjusted|changed|modified|raised|"
    r"increased|updated)(?P<rest>[^.:;]{0,150}?)\.?$",
)
_ASIDE_RE = re.compile(r"\s*\((?:or|and) [^()]{1,40}\)")
_VERBS = {
    "adjusted": "Adjust",
    "changed": "Change",
    "modified": "Modify",
    "raised": "Raise",
    "increased": "Increase",
    "updated": "Update",
}
#: "set-quota <pool> max_bytes <bytes>": the quota kind a command sets.
_QUOTA_RE = re.compile(r"\bmax_(?P<kind>bytes|objects)\b")
#: "Setting the quota value to 0 will disable the quota.": another way, its own option.
_ZERO_RE = re.compile(
    r"^setting (?:the )?(?P<what>[\w -]{2,40}?) (?:value )?to (?P<v>0|zero) (?:will )?"
    r"(?:disables?|removes?) (?:the )?(?P<obj>[\w -]{2,40}?)\.$",
    re.IGNORECASE,
)


def quota_commands(alert: str, options: list[Option]) -> list[Option]:
    """ "X can be adjusted ... with Y" over commands: said as the action; of commands that
    set several quota kinds, the one the alert's name says ("QuotaBytes": max_bytes); a
    closing "Setting the value to 0 will disable the quota": its own option."""
    out: list[Option] = []
    for option in options:
        out.append(option)
        if len(option.items) != 1:
            continue
        text, detail = split_detail(option.items[0])
        said = _CAN_BE_RE.match(text.strip())
        if said is None:
            continue
        rest = _ASIDE_RE.sub("", said.group("rest")).strip()
        step = f"{_VERBS[said.group('verb')]} the {said.group('subj').strip().lower()} {rest}"
        paras = detail.split("\n\n")
        zero = next((p for p in paras if _ZERO_RE.match(p.strip())), "")
        kinds = {m.group("kind") for m in _QUOTA_RE.finditer(detail)}
        named = [k for k in kinds if k in alert.casefold()]
        if len(kinds) > 1 and len(named) == 1:
            paras = [
                "\n".join(
                    line
                    for line in p.split("\n")
                    if (m := _QUOTA_RE.search(line)) is None or m.group("kind") == named[0]
                )
                for p in paras
            ]
        kept = "\n\n".join(p for p in paras if p and p != zero)
        option.items = [with_detail(step.strip() + ".", kept)]
        option.label = step.strip()
        if zero:
            found = _ZERO_RE.match(zero.strip())
            assert found is not None
            obj = found.group("obj").strip()
            what = f"{found.group('what').strip()} value"
            commands = [
                re.sub(r"<[\w-]+>\s*$", "0", line)
                for line in kept.split("\n")
                if re.search(r"\bset-quota\b|\bset\b", line) and re.search(r"<[\w-]+>\s*$", line)
            ]
            extra = Option(
                option.section,
                f"Remove the {obj}",
                "",
                [with_detail(f"Set the {what} to 0 to disable the {obj}.", "\n".join(commands))],
            )
            out.append(extra)
    return out


# --------------------------------------------------------------------------- one of

#: "To mitigate X, you can do one of the following:": the ways after it are a choice.
_ONE_OF_RE = re.compile(
    r"\b(?:do|use|apply|try|choose|perform|take)\b[^.:;]{0,40}?\b(?:one|either) of the "
    r"following\b[^.:;]{0,60}:$",
    re.IGNORECASE,
)
#: "If you have a self-built image ..., you can modify the pre-defined DICT to use your
#: image.": another way, said inside the step before it.
_IF_YOU_CAN_RE = re.compile(
    r"^if you (?:have|want|use|need|prefer)\b[^,;:]{3,160},\s+you can\s+(?P<act>\S[^.;:]{3,160})",
    re.IGNORECASE,
)


def _own_ways(option: Option) -> list[list[str]] | None:
    """The ways of an option whose first step carries "you can do one of the following:"
    as its lead: a short step alone, a lead ending in a colon and the steps under it,
    and an "If you have X, you can Y" paragraph with the steps after it. None when the
    option is not of that shape or gives fewer than two ways."""
    if not option.items or option.when or option.asks:
        return None
    first, lead = split_detail(option.items[0])
    if not _ONE_OF_RE.search(lead.strip()) or "\n" in lead.strip():
        return None
    ways: list[list[str]] = [[first]]
    for item in option.items[1:]:
        text, detail = split_detail(item)
        if text.rstrip().endswith(":") and len(ways[-1]) == 1 and not split_detail(ways[-1][0])[1]:
            ways.append([item])  # "Disable the pre-defined DICTs ...:" after a one-line way
            continue
        paras = detail.split("\n\n")
        at = next((k for k, p in enumerate(paras) if _IF_YOU_CAN_RE.match(p.strip())), None)
        if at is None:
            ways[-1].append(item)
            continue
        ways[-1].append(with_detail(text, "\n\n".join(paras[:at])))
        ways.append([with_detail(paras[at].strip(), "\n\n".join(paras[at + 1 :]))])
    return ways if 2 <= len(ways) <= 5 else None


def one_of_ways(options: list[Option]) -> list[Option]:
    """An option whose steps are the ways of "you can do one of the following:": an
    option per way, titled by its first step, never all of them run in turn."""
    out: list[Option] = []
    for option in options:
        ways = _own_ways(option) if option.kind == "option" else None
        if ways is None:
            out.append(option)
            continue
        for way in ways:
            head = split_detail(way[0])[0].strip()
            said = _IF_YOU_CAN_RE.match(head)
            name = said.group("act") if said else head
            name = re.sub(r"\s+to turn this alert off\b|[:.]$", "", name).strip()
            name = f"{name[:1].upper()}{name[1:]}"
            items = list(way)
            if said:  # "If you have X, you can Y. To do so, Z": Y is done by Z
                items[0] = with_detail(f"{name}.", split_detail(way[0])[0].strip())
                rest = split_detail(way[0])[1]
                if rest:
                    items[0] = with_detail(items[0], rest)
            split = Option(option.section, f"{option.label}: {name}", option.lead, items)
            split.checks = list(option.checks)
            out.append(split)
    return out


#: "It is recommended to create a dedicated StorageClass with ...", "We recommend that
#: you X": the fix the Mitigation's lead recommends, said as what to do.
_RECOMMENDED_RE = re.compile(
    r"^(?:it is (?:strongly )?recommended (?:that you |to )|we (?:strongly )?recommend "
    r"(?:that you )?)(?P<act>[a-z]+\b[^.]{8,240}?)\.?$",
    re.IGNORECASE,
)
#: An item that is no step of its own: a note on the fix ("Note that changing the used
#: storage class will not ...").
_NOTE_ITEM_RE = re.compile(r"^(?:note\b|important\b)", re.IGNORECASE)


def recommended_lead_step(option: Option) -> None:
    """An option whose lead recommends the fix ("It is recommended to create a dedicated
    StorageClass with ... for the disks of virtual machines, to use a bounce buffer ...")
    while its items are only notes and the escalation: the recommendation becomes the
    first step, the lead's other sentences, the notes and their detail (the YAML to
    apply) under it; the escalation stays last. Any other option is left as it was."""
    from kbassist.drafting.runbook_branches import _ESCALATE_RE
    from kbassist.drafting.text import split_sentences

    if option.kind != "option" or option.when or option.asks or not option.lead:
        return
    said = split_sentences(" ".join(option.lead.split()))
    found = _RECOMMENDED_RE.match(said[0]) if said else None
    if found is None:
        return
    heads = [split_detail(i)[0].strip() for i in option.items]
    notes = [k for k, h in enumerate(heads) if _NOTE_ITEM_RE.match(h)]
    rest = [k for k, h in enumerate(heads) if k not in notes and not _ESCALATE_RE.match(h)]
    if rest:  # the option has steps of its own: the lead is their context
        return
    act = found.group("act").strip()
    parts = [" ".join(said[1:])] if said[1:] else []
    for k in notes:  # what to apply first, then the note on it
        head, detail = split_detail(option.items[k])
        parts.extend([detail, head] if detail else [head])
    step = with_detail(f"{act[:1].upper()}{act[1:]}.", "\n\n".join(p for p in parts if p))
    kept = [i for k, i in enumerate(option.items) if k not in notes]
    option.items = [step, *kept]
    option.lead = ""


#: A Mitigation bullet that is a place to look, not a fix to run in turn: "Check for a
#: misconfiguration that ...", "Audit the rule groups ...", "Verify whether ...".
_LOOK_RE = re.compile(
    r"^(?:check|verify|audit|review|investigate|inspect|examine)\b", re.IGNORECASE
)
#: Diagnosis text that names alternative causes: "it might indicate that X ... it might
#: also mean that other problems exist, such as A or B".
_ALTERNATIVES_RE = re.compile(r"\b(?:might|may|could) also (?:indicate|mean|be)\b", re.IGNORECASE)


#: A place to look said as what it finds: "Check for X" / "Check whether X" -> X;
#: "Audit the rule groups that fire the alert to identify expensive queries and
#: consider ..." -> "expensive queries in the rule groups that fire the alert".
_LOOK_FOR_RE = re.compile(r"^(?:check|verify|confirm)\s+(?:for|whether|if)\s+(?P<what>.+)$", re.I)
_LOOK_TO_FIND_RE = re.compile(
    r"^(?:audit|review|inspect|examine|investigate|check)\s+(?P<obj>.+?)\s+to\s+(?:identify|find)"
    r"\s+(?P<what>[^,;]+?)(?:\s+and\s+.*)?$",
    re.IGNORECASE,
)


def _finding(check: str) -> str:
    """What a place to look shows when it is the cause, in the check's words ("Check
    whether any storeAPI endpoints have connectivity issues." -> "Any storeAPI endpoints
    have connectivity issues"); "" when the check is not of such a shape."""
    check = check.strip().rstrip(".")
    found = _LOOK_TO_FIND_RE.match(check)
    if found:
        what = f"{found.group('what')} in {found.group('obj')}"
    elif (found := _LOOK_FOR_RE.match(check)) is not None:
        what = re.sub(r",?\s+and\s+whether\s+", " or ", found.group("what"))
    else:
        return ""
    what = what.strip()
    return f"{what[:1].upper()}{what[1:]}" if len(what) <= 160 else ""


def per_cause_checks(options: list[Option]) -> list[Option]:
    """A lone Mitigation of three to six one-line places to look ("Check for a
    misconfiguration that ...", "Audit the rule groups ...", "Verify whether resource
    limits ...", "Check whether any storeAPI endpoints ...") after Diagnosis checks that
    say the alert might mean one thing or might also mean another: one option per
    bullet, chosen by what those checks show, not all four run in turn under a title
    naming the first. Anything else is left as it was."""
    fixes = [o for o in options if o.kind == "option"]
    if len(fixes) != 1:
        return options
    option = fixes[0]
    if option.when or option.asks or option.condition or not option.pre_items:
        return options
    said = [split_detail(i) for i in option.items]
    if not 3 <= len(said) <= 6 or any(d or not _LOOK_RE.match(t.strip()) for t, d in said):
        return options
    if not any(_ALTERNATIVES_RE.search(i) for i in option.pre_items):
        return options
    found = [_finding(t) for t, _ in said]
    if not all(found):
        return options
    out: list[Option] = []
    for (text, _), finding in zip(said, found, strict=True):
        split = Option(option.section, finding, option.lead, [text.strip()])
        split.condition = True
        split.pre_items = list(option.pre_items)
        split.pre_section = option.pre_section
        split.checks = list(option.checks)
        out.append(split)
    at = options.index(option)
    return [*options[:at], *out, *options[at + 1 :]]


def depends_on_cause(options: list[Option]) -> list[Option]:
    """A lone one-step Mitigation that says the fix depends on the issue causing the
    condition and names the issues ("The mitigation depends on what is causing the
    Kubelets to become unresponsive. Check for wide-spread networking issues, or node
    level configuration issues."): asked, one option per issue ("Check for wide-spread
    networking issues."), the "depends on" sentence kept under it. Anything else is
    left as it was."""
    from kbassist.drafting.runbook_said_cause import _DEPENDS_RE, _ISSUES_RE
    from kbassist.drafting.text import split_sentences

    fixes = [o for o in options if o.kind == "option"]
    if len(fixes) != 1 or len(fixes[0].items) != 1:
        return options
    option = fixes[0]
    if option.when or option.asks or option.condition:
        return options
    text, detail = split_detail(option.items[0])
    paras = detail.split("\n\n") if detail else []
    said = split_sentences(" ".join(text.split()))
    if paras and len(said) == 1 and _DEPENDS_RE.match(" ".join(paras[0].split())):
        said, paras = [" ".join(paras[0].split()), *said], paras[1:]  # the note over the tick
    if len(said) != 2 or not _DEPENDS_RE.match(said[0]):
        return options
    issues = _ISSUES_RE.match(said[1])
    if issues is None:
        return options
    out: list[Option] = []
    for issue in (issues.group("one").strip(), issues.group("two").strip()):
        note = "\n\n".join([said[0], *paras])
        split = Option(option.section, f"{issue[:1].upper()}{issue[1:]}", option.lead, [])
        split.items = [with_detail(f"Check for {issue}.", note)]
        split.pre_items = list(option.pre_items)
        split.pre_section = option.pre_section
        split.checks = list(option.checks)
        split.condition = True
        out.append(split)
    at = options.index(option)
    return [*options[:at], *out, *options[at + 1 :]]


def runbook_alternatives(alert: str, options: list[Option]) -> list[Option]:
    """The passes of this module over an alert runbook's options, in order."""
    for option in options:
        recommended_lead_step(option)  # "It is recommended to X": the first tick
    options = per_cause_checks(options)  # "might also mean": a bullet per cause, asked
    options = depends_on_cause(options)  # "depends on what is causing X. Check for A, or B"
    options = pointer_duplicates(options)
    options = quota_commands(alert, options)
    options = one_of_ways(options)
    long_term_options(options)
    # a change to plan after the fixes that clear the alert now
    options.sort(key=lambda o: o.checks == [LONG_TERM_CHECK])
    for option in options:
        if option.kind == "option":
            expected_effects_noted(option)
            benefits_noted(option)
    return options
