"""The fix an archive article's STATUS states (issue 13, archive).

Old MS KB articles often give their fix only in STATUS: "A supported fix is now
available, but has not been fully regression-tested ... Unless you are severely impacted
..., Microsoft recommends that you wait for the next Service Pack that contains this
fix. Contact Microsoft Technical Support ...", or "This problem was corrected in the
latest Windows NT 3.51 U.S. Service Pack". Their RESOLUTION then says only what the fix
changed ("Basesrv.dll has been corrected to ...") or points down to STATUS ("Obtain the
hotfix mentioned below"). Readers marked such drafts: an information-only outcome ("it
gives no steps to follow") for a confirmed bug with a hotfix, a label cut at "mentioned
below", a "wait for the next service pack" beside a pack that is already out. Here the
STATUS's own fix becomes the outcome: the hotfix from support (with the wait the notice
offers), or the release that corrects it.
"""

from __future__ import annotations

import re

from kbassist.articles import Article, Section
from kbassist.drafting.option_model import Option
from kbassist.drafting.options import (
    RESOLUTION_KEYS,
    WORKAROUND_KEYS,
    _status_option,
    option_label,
)
from kbassist.drafting.text import clean, split_detail, split_sentences, step_text, with_detail
from kbassist.drafting.wait_pack import available_notice

#: "Obtain the hotfix mentioned below.", "Apply the fix referenced below.", "Contact
#: Microsoft Technical Support to obtain the updated files mentioned below.", "Obtain the
#: fix described below in the STATUS section.": a step that only points down to STATUS.
_POINTER_RE = re.compile(
    r"^(?:to (?:resolve|correct|work around|fix) (?:this|the) (?:problem|issue),\s*)?"
    r"(?:(?:contact|call) microsoft (?:product support services|technical support|pss)\s+"
    r"(?:to|and)\s+)?(?:obtain|apply|install|download|use|get|request)"
    r"(?:\s+and\s+(?:install|apply))?\s+the\s+(?:updated\s+|individual\s+)?"
    r"(?:hot ?fix|fix|update|patch|updated files?|files?|package)\s+"
    r"(?:(?:mentioned|referenced|described|listed)\s+below|as\s+described\s+below)"
    r"(?:\s+in\s+the\s+status\s+section)?\s*\.?$",
    re.IGNORECASE,
)
#: "Contact Microsoft Technical Support for more information.": who gives the fix.
_CONTACT_RE = re.compile(
    r"^(?:to resolve this problem immediately, )?contact "
    r"(?P<who>microsoft (?:product support services|technical support|pss))\b",
    re.IGNORECASE,
)
#: A fix offered now: got from support, downloaded, a release installed, or waited for.
_FIX_NOW_RE = re.compile(
    r"\b(?:contact|call)\b[^.]{0,80}\b(?:support|pss)\b|\bhot ?fix\b|\bservice pack\b"
    r"|\b(?:obtain|get|download|request|apply|install)\b[^.]{0,60}\b(?:fix|patch|update"
    r"|updated|version|files?|driver)\b|\bfrom microsoft\b|\bwait for\b",
    re.IGNORECASE,
)


def _status(article: Article) -> Section | None:
    return next((s for s in article.sections if s.key == "status" and s.text.strip()), None)


def _support_fix(status: Section) -> Option | None:
    """ "Contact Microsoft Technical Support to obtain the fix", its text the notice's
    "A supported fix is now available ..." sentence; None when STATUS has no such notice
    (both the "available" sentence and the "contact" one)."""
    said = split_sentences(" ".join(clean(status.text).split()))
    available = available_notice(said)
    contact = next((m for s in said if (m := _CONTACT_RE.match(s))), None)
    if not available or contact is None:
        return None
    step = f"Contact {contact.group('who')} to obtain the fix."
    return Option(status, step.rstrip("."), available, [step])


def _release(status: Section) -> Option | None:
    """The STATUS's "corrected in <release>" as an `upgrade` option named by its release
    ("Upgrade: Windows NT version 3.51", "Install the latest Windows NT 3.51 U.S. Service
    Pack"); None when it names none."""
    upgrade = _status_option(status)
    if upgrade is None or not upgrade.label.startswith(("Upgrade: ", "Install ")):
        return None
    return upgrade


def _points_to_status(article: Article, option: Option, pointer: str) -> bool:
    """Whether "mentioned below" is the STATUS: the next section with text after the
    option's own (a WORKAROUND between them aside), or named ("in the STATUS section")."""
    if "status section" in pointer.casefold():
        return True
    cited = [s for s in article.sections if s.text.strip()]
    at = next((n for n, s in enumerate(cited) if s is option.section), -1)
    if at < 0:
        return False
    for section in cited[at + 1 :]:  # a WORKAROUND between them gives no fix to point to
        if section.key == "status":
            return True
        if section.key not in WORKAROUND_KEYS:
            return False
    return False


def pointer_options(article: Article, options: list[Option]) -> list[Option]:
    """`options` with a RESOLUTION or WORKAROUND step that only points down to STATUS
    ("Obtain the hotfix mentioned below") replaced by the fix STATUS states: the release
    that corrects it, the hotfix from support, or both; the step's other sentences ("With
    the hotfix, X") shown under the new step. Unchanged when STATUS states neither."""
    status = _status(article)
    if article.style != "mskb" or status is None:
        return options
    out: list[Option] = []
    made: set[str] = set()
    changed = False
    for option in options:
        found = _from_pointer(article, option, status)
        changed = changed or found is not None
        if found is None:
            out.append(option)
            continue
        # "To resolve this problem, install the fix mentioned below." then "Obtain the fix
        # mentioned below or wait ...": one pack, one hotfix, however often pointed to
        for new in found:
            first = next((o for o in out if o.label == new.label and new.label in made), None)
            if first is None:
                out.append(new)
                continue
            said = [p for p in split_detail(new.items[0])[1].split("\n\n") if p.strip()]
            text, shown = split_detail(first.items[0])
            more = [p for p in said if p not in shown]  # what the other pointer's step adds
            first.items[0] = with_detail(text, "\n\n".join([shown, *more]).strip())
        made.update(o.label for o in found)
    return out if changed else options


#: "Changes were made to the SNA Server Manage Agent to correct this problem.": what the
#: fix changed, said before the pointer (no step of its own).
_CHANGED_RE = re.compile(
    r"\b(?:was|were|has been|have been)\s+(?:made|changed|modified|corrected|updated|fixed|"
    r"rewritten|added)\b",
    re.IGNORECASE,
)


def _from_pointer(article: Article, option: Option, status: Section) -> list[Option] | None:
    if option.kind != "option" or not option.items or option.pre_items:
        return None
    if option.section.key not in (*RESOLUTION_KEYS, *WORKAROUND_KEYS):
        return None
    text, detail = split_detail(option.items[0])
    if "below" not in text:
        return None  # no pointer down: the cheap test before the sentences are split
    from kbassist.drafting.steps import step_kind

    sentences = split_sentences(" ".join(clean(text).split()))
    # "A fix was made to the SNA Server service. To resolve this problem, obtain the
    # hotfix mentioned below.": the pointer after what the fix changed
    at = next((n for n, said in enumerate(sentences) if _POINTER_RE.match(said)), -1)
    if at < 0 or any(
        step_kind(said) != "statement" and not _CHANGED_RE.search(said) for said in sentences[:at]
    ):
        return None
    if not _points_to_status(article, option, sentences[at]):
        return None
    if detail.strip().startswith("STATUS: "):
        detail = ""  # the STATUS sentence _merge_upgrade put here: said again below
    rest = " ".join(sentences[:at] + sentences[at + 1 :])
    found: list[Option] = []
    # cited where the article says to get the fix (its RESOLUTION or WORKAROUND), with
    # what STATUS says shown under the step, as `_merge_upgrade` shows it
    if (release := _release(status)) is not None:
        said = "\n\n".join(p for p in (f"STATUS: {release.lead}", rest, detail.strip()) if p)
        release.items = [with_detail(release.items[0], said), *release.items[1:]]
        release.section, release.lead = option.section, option.lead
        found.append(release)
    if (fix := _support_fix(status)) is not None:
        # cited from STATUS, where "contact ..." and the notice are: a fix, not a
        # workaround (its pointer may sit in WORKAROUND)
        fix.items = [with_detail(fix.items[0], "\n\n".join(p for p in (rest, detail) if p))]
        fix.items += option.items[1:]
        found.append(fix)
    return found or None


def _statement_only(option: Option) -> bool:
    """An option whose steps only say what the fix changed ("Basesrv.dll has been
    corrected to ...", "An updated Spoolss.exe is available."): no step to tick."""
    from kbassist.drafting.steps import step_kind

    return option.kind == "option" and all(
        step_kind(split_detail(i)[0]) in ("statement", "note") for i in option.items
    )


def support_options(article: Article, options: list[Option]) -> list[Option]:
    """`options` with the STATUS notice's hotfix from support offered ("A supported fix
    is now available ... Contact Microsoft Technical Support"), when no option already
    gets a fix now: a RESOLUTION that only says what the fix changed is shown under the
    contact step instead of standing as an information-only outcome; workarounds stay
    beside it. Unchanged when STATUS has no such notice or a fix is offered already."""
    status = _status(article)
    if article.style != "mskb" or status is None or not options:
        return options
    if "supported" not in status.text or any(o.kind in ("upgrade", "nofix") for o in options):
        return options  # no notice; a release offered; or the no-fix path (wait_pack)
    texts = [" ".join([o.label, *(step_text(i) for i in o.items)]) for o in options]
    if any(_FIX_NOW_RE.search(t) for t in texts):
        return options
    fix = _support_fix(status)
    if fix is None:
        return options
    said = [o for o in options if _statement_only(o) and o.section.key in RESOLUTION_KEYS]
    if said:
        what = " ".join(
            " ".join(split_detail(i)[0] for i in o.items) for o in said if o.items
        ).strip()
        fix.items[0] = with_detail(fix.items[0], f"RESOLUTION: {what}" if what else "")
    return [*(o for o in options if o not in said), fix]


#: "To resolve this problem, obtain the latest service pack for Windows NT 4.0": the
#: service pack step of a RESOLUTION (its lead-in already taken off the step).
_PACK_STEP_RE = re.compile(
    r"^(?:to resolve this (?:problem|issue),\s*)?(?:obtain|install|apply|get)\b[^.]{0,60}"
    r"\bservice pack\b",
    re.IGNORECASE,
)
#: "To work around this problem, ...", "You can work around this problem by ...".
_WORK_AROUND_RE = re.compile(r"\bwork ?around this (?:problem|issue|behaviou?r)\b", re.I)
#: The RESOLUTION's "To resolve this problem, obtain the latest service pack".
_RESOLVE_PACK_RE = re.compile(
    r"\bto resolve this (?:problem|issue),\s*(?:obtain|install|apply|get)\b[^.]{0,60}"
    r"\bservice pack\b",
    re.IGNORECASE,
)


def pack_apart(options: list[Option]) -> list[Option]:
    """`options` with a RESOLUTION that says "To work around this problem, X." and then
    "To resolve this problem, obtain the latest service pack for Y." offered as two
    choices, the workaround and the service pack, not one checklist ticking both."""
    if not any(o.kind == "option" and len(o.items) >= 2 for o in options):
        return options
    out: list[Option] = []
    for option in options:
        out.extend(_pack_split(option) or [option])
    return out


def _pack_split(option: Option) -> list[Option] | None:
    if option.kind != "option" or len(option.items) < 2 or option.pre_items:
        return None
    if option.section.key not in RESOLUTION_KEYS or "service pack" not in option.section.text:
        return None
    text = " ".join(clean(option.section.text).split())
    pack, around = _RESOLVE_PACK_RE.search(text), _WORK_AROUND_RE.search(text)
    if pack is None or around is None or around.start() > pack.start():
        return None  # the workaround is said after the service pack: no such order
    at = next((n for n, i in enumerate(option.items) if n and _PACK_STEP_RE.match(step_text(i))), 0)
    if not at or any(_PACK_STEP_RE.match(step_text(i)) for i in option.items[:at]):
        return None
    name = option.label.split(": ", 1)[1] if ": " in option.label else option.label
    around_option = Option(option.section, f"Workaround: {name}", option.lead, option.items[:at])
    pack_label = f"Resolution: {option_label(step_text(option.items[at]))}"
    pack_option = Option(option.section, pack_label, "", option.items[at:])
    return [around_option, pack_option]


#: "Resolution: Wait for the next Windows NT service pack", "Wait for the next service pack".
_WAIT_LABEL_RE = re.compile(r"^(?:[^:]{1,80}:\s+)?wait for the next\b", re.IGNORECASE)


def stale_waits(article: Article, options: list[Option]) -> list[Option]:
    """`options` with "wait for the next service pack" replaced by installing it, when
    STATUS says the problem "was corrected in the latest ... Service Pack": the hotfix
    notice was written before that pack came out, and waiting for it is stale advice
    (readers: "offers 'Wait for the next service pack' though the article says the
    service pack already fixes it"). Unchanged when STATUS names no such pack."""
    status = _status(article)
    if article.style != "mskb" or status is None:
        return options
    waits = [o for o in options if o.kind == "wait" or _WAIT_LABEL_RE.match(o.label)]
    if not waits:
        return options
    release = _release(status)
    name = release.items[0] if release is not None else ""
    if release is None or not re.match(r"install the latest\b.*\bservice pack", name, re.I):
        return options
    if any(o.kind == "upgrade" for o in options):
        return [o for o in options if o not in waits]
    at = options.index(waits[0])
    kept = [o for o in options if o not in waits]
    return [*kept[:at], release, *kept[at:]]
