"""Fixes an MS KB article says in prose, not as steps (issue 13, round 32).

Blind readers marked three kinds of weak walk:

- **A fix told as information** ("This issue has been addressed in release 10.3.1.13 of
  the SymEvent driver. The latest SymEvent driver can be obtained from: <url>", "An
  updated version of UNIDRV.DLL, which corrects this problem, is available from Microsoft
  Product Support Services."): every sentence is a statement, so the outcome said "it
  gives no steps ... do not expect the problem to go away" though the article names the
  release that fixes it. `released_fix` ticks it: "Install SymEvent driver 10.3.1.13 or
  later (from <url>).", or "Obtain X from Y." (the install step follows, as for any fix
  that only obtains), the article's words shown under the tick.
- **A release date left as a fix** ("Resolution: Release Date: August 23, 2001" where the
  download block it dates went to the fix before it): `dated_options` drops the date from
  an option's steps, and an option with nothing else is no fix.
- **An alternative paragraph run in turn** ("Also, and instead of using message boxes,
  you could use the MFC TRACE macros ...", "Instead of calling X from the control's code,
  you can also call it from the client:" over its own steps) after a fix's steps:
  `alternative_paras` makes it a fix of its own, a choice, never the next tick.
"""

from __future__ import annotations

import re

from kbassist.drafting.option_model import Option
from kbassist.drafting.text import short_label, split_detail, split_sentences, with_detail

#: "This issue has been addressed in release 10.3.1.13 of the SymEvent driver.", "The
#: problem ... has been resolved in the latest version of the Lexmark TCP/IP Port
#: Monitor", "This bug has been fixed in Microsoft VM for Java, builds 3234 ... and later".
_FIXED_RE = re.compile(
    r"^(?:this|the)\s(?:[\w./-]{1,40}\s){0,8}?(?:problem|issue|bug|error|behaviou?r)\b"
    r"[^.;]{0,120}?\s(?:has\s|have\s)?(?:been\s|was\s|is\s)(?:first\s)?"
    r"(?:addressed|fixed|corrected|resolved)\s(?:in|by|with)\s(?P<what>[^;]{3,200}?)\.?$",
    re.IGNORECASE,
)
#: "release 10.3.1.13 of the SymEvent driver": the product, then its release.
_RELEASE_OF_RE = re.compile(
    r"^(?:the\s)?(?P<kind>release|version|build|revision)\s(?P<n>[\d][\w.-]{0,30})\s+of\s+"
    r"(?:the\s)?(?P<what>.{3,120})$",
    re.IGNORECASE,
)
#: A release the admin cannot install yet: "a future release", "the next version".
_NOT_OUT_RE = re.compile(r"\b(?:future|next|upcoming|later\s+release|forthcoming)\b", re.I)
#: "X, which corrects this problem, is available from Y", "X is available at Y's FTP
#: server", "X can be obtained from: <url>", "X has been posted to the following location".
_AVAILABLE_RE = re.compile(
    r"^(?:[^,]{0,80},\s)?(?P<what>[^,]{3,160}?)(?:,\s(?:which|that)\s(?:corrects|fixes|"
    r"resolves)\s(?:this|the)\s(?:problem|issue|bug),)?\s(?:is|are)\s(?:now\s)?"
    r"(?:available|posted)\s(?P<how>from|at|on|through|in)\s(?P<where>[^;]{3,240}?)\.?$"
    r"|^(?P<what2>[^,]{3,160}?)\s(?:can|may)\sbe\s(?:obtained|downloaded)\s(?P<how2>from|at)"
    r"(?:\s(?P<where2>[^;]{3,240}?))?[.:]?$",
    re.IGNORECASE,
)
#: "Epson has a Windows video device driver, called LTWIN.DRV, that corrects this problem."
_HAS_FIX_RE = re.compile(
    r"^(?P<who>[A-Z][\w&.-]{1,30}(?:\s[A-Z][\w&.-]{1,30}){0,2})\s(?:has|offers|provides)\s"
    r"(?P<what>[^;]{3,160}?),?\s(?:that|which)\s(?:corrects|fixes|resolves)\s(?:this|the)\s"
    r"(?:problem|issue|bug)\.?$"
)
#: What a fix is obtained as: a driver, a patch, a newer version, a file.
_FIX_THING_RE = re.compile(
    r"\b(?:driver|version|bios|patch|fix|hotfix|update|upgrade|release|rom|firmware|utility|"
    r"service\s+pack|monitor|\w+\.(?:dll|drv|exe|sys|vxd|386))\b",
    re.IGNORECASE,
)
#: "This device driver", "It", "The file": a thing named before, not here.
_POINTING_RE = re.compile(r"^(?:this|these|that|those|it|they)\b", re.IGNORECASE)
#: "where it says 'What cannot be ...' ..." / "that corrects ...": the tail of a place.
_PLACE_TAIL_RE = re.compile(
    r"\s(?:that|which)\s(?:corrects|fixes|resolves)\b.{0,200}$|\s\(?under\s+MORE\s+INFO.{0,80}$",
    re.IGNORECASE,
)
#: "The Status section of this article describes a fix that": a pointer, not the fix.
_TOLD_RE = re.compile(r"\b(?:article|section|describes?|described|mentioned|listed)\b", re.I)
#: An address in the article's words: where the release is obtained.
_URL_RE = re.compile(r"\b(?:https?|ftp)://[^\s)>\"']{3,300}")
#: A statement-only item the readers take as the fix's words, not a fix: a caveat that the
#: fix is yet to come, a workaround said in the same breath (another rule's).
_WORKAROUND_RE = re.compile(r"\bwork\s?around\b", re.IGNORECASE)
MAX_SAID = 1500


def _flat(text: str) -> str:
    return " ".join(text.split())


def _the(what: str) -> str:
    """ "an updated version of UNIDRV.DLL" -> "the updated version of UNIDRV.DLL"."""
    return re.sub(r"^(?:an?|some|the)\s", "the ", what, count=1, flags=re.IGNORECASE)


def _release(what: str) -> str:
    """The release to install as a tick names it: "release 10.3.1.13 of the SymEvent
    driver" is "SymEvent driver 10.3.1.13 or later"; "Windows NT Server version 3.51" is
    "Windows NT Server version 3.51 or later"; "the latest version of X" stays."""
    named = re.split(r",?\s(?:which|that)\s(?:ships|shipped|is|was|are|were|comes)\b", what)[0]
    if not re.search(r"\d", named):  # "the version of MAPI.DLL which is included with
        return what.strip(" ,.")  # version 1.0 of X": the clause names the release
    what = named.strip(" ,.")
    found = _RELEASE_OF_RE.match(what)
    if found:
        what = f"{found.group('what').strip()} {found.group('n')}"
    if re.search(r"\d", what) and not re.search(r"\b(?:later|latest|newer)\b", what, re.I):
        what = f"{what} or later"
    return what[0].upper() + what[1:] if what[:1].islower() and found else what


def _where(text: str, said: str) -> str:
    """Where to obtain it: the address the article gives, else the place it names."""
    url = _URL_RE.search(said)
    if url:
        return url.group(0).rstrip(".,;:")
    return _PLACE_TAIL_RE.sub("", text).strip(" .:,")


def _ticks(sentences: list[str], said: str) -> list[str]:
    """The ticks the sentences state, in order: [] when none states a fix to obtain."""
    release = ""
    obtain: tuple[str, str] | None = None
    owner: tuple[str, str] | None = None  # "Epson has X that corrects this problem"
    for sentence in sentences:
        s = sentence.strip()
        if len(s) > 400:
            continue
        fixed = _FIXED_RE.match(s)
        if fixed and not release and not _NOT_OUT_RE.search(fixed.group("what")):
            release = _release(fixed.group("what"))
            continue
        has = _HAS_FIX_RE.match(s)
        if has and owner is None:
            owner = (has.group("what").strip(" ,"), has.group("who"))
            continue
        found = _AVAILABLE_RE.match(s)
        if found and obtain is None:
            what = (found.group("what") or found.group("what2") or "").strip(" ,")
            where = found.group("where") or found.group("where2") or ""
            how = (found.group("how") or found.group("how2") or "from").casefold()
            if _POINTING_RE.match(what) and owner is not None:
                what = owner[0]
            elif _POINTING_RE.match(what) and release:
                what = release
            if (not _FIX_THING_RE.search(what) and not release) or _TOLD_RE.search(what):
                continue  # "Help is available from the menu": nothing to obtain
            where = _where(where, said if not where.strip() else where) or _where("", said)
            if not where or _POINTING_RE.match(what):
                continue
            obtain = (what, where if how != "on" else f"{how} {where}")
    if owner is not None and obtain is None and not release:
        obtain = (owner[0], owner[1])
    if release:
        where = obtain[1] if obtain else (_URL_RE.search(said) or [""])[0]
        where = where.rstrip(".,;:")
        if not where:
            return [f"Install {release}."]
        place = where if where.startswith("on ") else f"from {where}"
        return [f"Install {release} ({place})."]
    if obtain is not None:
        what, where = obtain
        if where.startswith("on "):  # "on Disk 3 of the installation disk set"
            return [f"Install {_the(what)} from {where[3:]}."]
        return [f"Obtain {_the(what)} from {where}."]
    return []


def released_fix(option: Option, items: list[str]) -> list[str]:
    """An outcome of statements only (as `steps.info_only` reads them) that says the release
    which fixes the problem, or where its fix is available, as the steps that get it: the
    install (or obtain) tick, the article's words shown under it. Other items come back
    unchanged."""
    from kbassist.drafting.steps import step_kind

    kinds = [step_kind(split_detail(i)[0]) for i in items]
    if not items or any(k not in ("statement", "note") for k in kinds):
        return items
    said = "\n\n".join("\n".join(p for p in split_detail(i) if p.strip()) for i in items)
    if len(said) > MAX_SAID or _WORKAROUND_RE.search(said):
        return items
    sentences: list[str] = []
    for item in items:
        text = _flat(split_detail(item)[0])
        if re.match(r"^(?:note|important|caution)\b", text, re.IGNORECASE):
            continue  # a note says how, not what
        sentences.extend(split_sentences(text))
    ticks = _ticks(sentences, said)
    if not ticks:
        return items
    # named by what it installs, not "Resolution: This issue has been addressed in ..."
    from kbassist.drafting.options import _is_action

    if not _is_action(option.label.rpartition(": ")[2]):
        option.label = short_label(
            re.sub(r"\s\((?:from|on)\s.*\)\.$", "", ticks[0]).rstrip("."), 90
        )
    return [with_detail(ticks[0], said), *ticks[1:]]


#: "Release Date: August 23, 2001" (round 31's `tick_kinds._RELEASE_RE`, on an item).
_DATE_RE = re.compile(r"^release\s{1,3}date\s{0,3}:\s{0,3}[^\n]{1,40}$", re.IGNORECASE)


#: "To resolve this behavior, ": the purpose before a step's action.
_PURPOSE_RE = re.compile(
    r"^to\s(?:resolve|work\saround|avoid|correct|fix)\s[^,]{0,80},\s", re.IGNORECASE
)
#: "Once you do that, you will encounter ...": the paragraph is the next step, not a way.
_THEN_RE = re.compile(r"\b(?:once|after)\syou\s(?:do|have\sdone)\s(?:that|this)\b", re.I)


def dated_options(options: list[Option]) -> list[Option]:
    """`options` with a leading "Release Date: X" item cut from each fix (the date of a
    download another step or fix names) and a fix left with nothing to do dropped, while
    another fix remains: "Resolution: Release Date: August 23, 2001" is no fix."""
    from kbassist.drafting.options import _is_action

    out: list[Option] = []
    for option in options:
        items = option.items
        while items and _DATE_RE.match(_flat(split_detail(items[0])[0])):
            detail = split_detail(items[0])[1]
            items = items[1:]
            if detail.strip() and items:  # the file table under the date: the next step's
                text, own = split_detail(items[0])
                items[0] = with_detail(text, "\n\n".join(p for p in (own, detail) if p.strip()))
        if len(items) == len(option.items) or option.when or option.asks:
            out.append(option)  # none cut; or asked steps whose places would move
            continue
        if items:
            option.items = items
            if _DATE_RE.match(_flat(option.label.split(": ", 1)[-1])):
                first = _PURPOSE_RE.sub("", _flat(split_detail(items[0])[0])).rstrip(". ")
                first = first[:1].upper() + first[1:]
                # "To resolve this, set X" is named by its step; "NOTES" or a case is not
                named = _is_action(first)
                said = _flat(split_detail(items[0])[0]).rstrip(". ")  # as the article says it
                option.label = short_label(said, 90) if named else option.section.name.title()
            out.append(option)
        elif len(options) == 1:
            out.append(option)  # the only fix: kept as the article gives it
    return out if out else options


#: A paragraph that opens another way to the end the steps before it reach: "Instead of
#: using message boxes, you could use X", "Also, and instead of X, you could Y" (not
#: "Instead of including X, replace it with Y": the one way, said against a default),
#: "Alternatively, you can Y", "Another way is to Y", "You could also Y".
_ALT_PARA_RE = re.compile(
    r"^(?:also,?\s(?:and\s)?)?(?:"
    r"(?P<instead>instead\sof\s[^,]{3,160}),\syou\s(?:can|could|may|might)\s(?:also\s)?"
    r"|alternatively,\s(?:you\s(?:can|could|may|might)\s(?:also\s)?)?"
    r"|(?P<another>another\s(?:way|method|option|workaround|solution)(?:\sto\s[^,.]{3,80}?)?"
    r"\sis\sto\s)"
    r"|you\s(?:could|might)\salso\s"
    r"|or,\syou\s(?:can|could)\s)"
    r"(?P<verb>[a-z]{2,20})\b(?P<rest>.{3,600})$",
    re.IGNORECASE,
)
#: "you could also see ...", "you can also verify": a check or a remark, not a way.
_NOT_A_WAY = frozenset(
    "be see verify check confirm notice find get expect need want have receive".split()
)


def _alternative(text: str) -> str:
    """The paragraph as the first step of another way ("Use the MFC TRACE macros ...",
    "Instead of calling X from the control's code, call it from the client:"), or ""."""
    from kbassist.drafting.name_lists import imperative

    flat = _flat(text)
    found = _ALT_PARA_RE.match(flat)
    if found is None or _THEN_RE.search(flat) or found.group("verb").casefold() in _NOT_A_WAY:
        return ""
    step = f"{found.group('verb')}{found.group('rest')}"
    step = step[0].upper() + step[1:]
    # "Another workaround is to simplify the code": "is to" puts a verb there, listed or not
    if not found.group("another") and not imperative(step):
        return ""
    instead = found.group("instead")
    if instead:  # "Instead of calling X, call it directly ...": "it" keeps its noun
        return f"{instead[0].upper()}{instead[1:]}, {step[0].lower()}{step[1:]}"
    return step


#: "NOTE: Another workaround to this problem is to X.": the note's lead, not the way.
_NOTE_LEAD_RE = re.compile(r"^(?:note|notes|tip)\s*:\s*", re.IGNORECASE)


#: "Another workaround to this problem is to X", "Another way to resolve this is to X": the
#: note says it replaces the whole fix, not only the step it is under.
_WHOLE_FIX_RE = re.compile(
    r"^another\s(?:workaround|solution|(?:way|method)\sto\s(?:resolve|fix|correct|avoid|work"
    r"\saround)\b)",
    re.IGNORECASE,
)


def _noted_alternative(option: Option) -> Option | None:
    """Another way said as the last note of a fix's last step ("NOTE: Another workaround
    to this problem is to configure Windows for the standard VGA display.", "Alternatively,
    you can X"): cut from that note and returned as a fix of its own, or None. A note under
    an earlier step ("NOTE: You can also set X in the INI file" under step 1 of 3), or an
    "Alternatively, ..." after the last of several steps ("Alternatively, run DBLSPACE and
    mount it" after "type dblspace /mo"), is another way to do that step: a note still.
    Only a note that says it replaces the whole fix ("Another workaround ... is to") is
    taken after several steps."""
    text, detail = split_detail(option.items[-1])
    paras = detail.split("\n\n")
    said = _flat(paras[-1])
    if not said or said.endswith(":") or ("\n" in paras[-1].strip() and ":" in said[:-1]):
        return None  # a lead over lines, or a block with its own lines: not one sentence
    if len(split_sentences(said)) > 2:
        return None
    said = _NOTE_LEAD_RE.sub("", said)
    first = _alternative(said)
    if not first or first.startswith("Instead of "):
        return None  # "Instead of X, ..." names what the fix above did: said beside it
    if len(option.items) > 1 and not _WHOLE_FIX_RE.match(said):
        return None  # "Alternatively, run DBLSPACE and mount it" after step 3: that step's note
    option.items[-1] = with_detail(text, "\n\n".join(paras[:-1]))
    other = Option(option.section, short_label(first.rstrip(".:"), 90), "", [first])
    other.kind, other.checks = option.kind, list(option.checks)
    return other


def alternative_paras(options: list[Option]) -> list[Option]:
    """`options` with a fix whose later paragraph opens another way ("Instead of using
    message boxes, you could use the TRACE macros ...") split there: the steps before it
    one fix, that paragraph and the steps under it another, named by its own action. An
    alternative is a choice between fixes, never the next tick."""
    out: list[Option] = []
    for option in options:
        if option.kind not in ("option", "workaround") or option.chain or not option.items:
            out.append(option)
            continue
        at, first = 0, ""
        for k in range(1, len(option.items)):
            text, _ = split_detail(option.items[k])
            first = _alternative(text)
            if first:
                at = k
                break
        if not at:
            out.append(option)
            noted = _noted_alternative(option)
            if noted is not None:  # "NOTE: Another workaround is to X" after the last step
                out.append(noted)
            continue
        detail = split_detail(option.items[at])[1]
        rest = [with_detail(first, detail) if detail.strip() else first, *option.items[at + 1 :]]
        option.items = option.items[:at]
        named = first.split(", ", 1)[1] if first.startswith("Instead of ") else first
        named = named[0].upper() + named[1:]
        other = Option(option.section, short_label(named.rstrip(".:"), 90), "", rest)
        other.kind, other.checks = option.kind, list(option.checks)
        out.extend([option, other])
    return out
