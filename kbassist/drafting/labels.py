"""Choice labels and the question that offers the fixes.

A label names a fix by the article's own name for it, as a whole phrase: never cut inside
quotes, brackets or a noun phrase, never a pronoun-only or status sentence ("You do so",
"This step doesn't resolve this issue"), never a bare section name beside other fixes.
The question over the fixes says what tells its answers apart (a fix, a workaround, an
update to download), in place of a generic "Which mitigation?".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from kbassist.drafting.choose_help import product_upgrade, told_apart, when_notes
from kbassist.drafting.text import clean, short_label, split_sentences

#: Words of a sentence that only points back at another ("If you do so", "If this step
#: doesn't resolve this issue", "If that fails"): no case of its own to choose.
_STATUS_WORDS = frozenset(
    "you it this that these those they we i do does did done doing so not no doesn't don't "
    "didn't isn't aren't wasn't won't can't cannot can could still step steps issue issues "
    "problem problems error resolve resolves resolved fix fixes fixed work works worked "
    "help helps helped method methods solution resolution workaround succeed succeeds "
    "fail fails failed persist persists remain remains occur occurs the a an is are was be "
    "been any procedure".split()
)


def status_only(text: str) -> bool:
    """A clause that names nothing of its own: "you do so", "this step doesn't resolve
    this issue", "that fails": every word points back or says whether something worked."""
    words = re.findall(r"[a-z']+", clean(text).casefold().replace("\u2019", "'"))
    return 1 <= len(words) <= 9 and all(w in _STATUS_WORDS for w in words)


#: A prefix a label keeps as it is: the article's own "Method 2:", "Resolution:".
_PREFIX_RE = re.compile(
    r"^(?:(?:method|option|resolution|workaround|solution|step|fix|upgrade|for [^:]{2,40})"
    r"\s*\d{0,2}\s*:\s+)",
    re.IGNORECASE,
)
#: "You must integrate X", "You can use X": the action, said as one.
_YOU_MODAL_RE = re.compile(
    r"^you (?:must|should|can|may|need to|have to|will need to|might want to|may want to)"
    r"(?: also| first| then)? (?=[a-z])",
    re.IGNORECASE,
)
#: A word joining the choice to the one before it: "Or, you can ...", "Otherwise, ...".
_JOINER_RE = re.compile(
    r"^(?:or|otherwise|alternatively|alternately|additionally|also|then),\s+"
    r"(?:you (?:can|could|may) (?:also )?(?=[a-z]))?",
    re.IGNORECASE,
)
#: "To Print TrueType Fonts as Graphics" (a heading): the way, said as an action.
_TO_HEAD_RE = re.compile(r"^to (?=[A-Za-z][a-z]+ )", re.IGNORECASE)
#: Words a phrase does not end on: a label ending on one was cut inside its phrase.
_OPEN_END = frozenset(
    "a an the to of for with by from in on at into onto as than like and or but nor that "
    "which whose who is are was were be your its their this these those between through though "
    "across via against without within about over under per after before during if when "
    "whether while using".split()
)
#: The article goes on after the label with a function word: the label cut a phrase.
_GOES_ON_RE = re.compile(
    r"^\s(?:to|of|for|with|by|from|in|on|at|into|as|than|like|and|or|that|which|whose"
    r"|between|through|across|under|over|against|without|within)\b"
)
#: A tail that finishes the label's phrase ("... Microsoft Service" + " for NetWare Directory
#: Services"), not a relative clause or a "by using the following steps" lead-in.
_NOUN_GOES_ON_RE = re.compile(
    r"^\s(?:of|for|in|on|to|into|between|from|at|with|and|as|than|across|through|over|under"
    r"|against|without|within)\b(?!.*\b(?:following|that|which|who|whom)\b)",
    re.IGNORECASE,
)
#: Where a shorter label may end: before a connective that opens the phrase it cut.
_CONNECTIVE_RE = re.compile(
    r"\s(?:that|which|who|by|with|from|in|on|for|to|using|when|if|so|because|under|at|as"
    r"|of|into|between|through|across|via|created|used|named|called)\s"
)
#: Section names that say nothing among other fixes.
BARE_RE = re.compile(
    r"^(?:mitigation|mitigating|resolution|solution|fix|remediation|troubleshooting|procedure"
    r"|workaround|diagnosis|alert description|description|summary|overview|more information)"
    r"s?\s*\d{0,2}$",
    re.IGNORECASE,
)
MAX_LABEL = 90
#: A relative clause that ends on its preposition: "... that X is mapped to".
_STRANDED_RE = re.compile(
    r"\b(?:that|which|whom)\b[^,;:]{3,60}\b\w+ed (?:to|in|on|for|with|from|at|into|by)$", re.I
)
#: A label that is a note, not a fix's name: never made longer.
_NOTE_RE = re.compile(r"^(?:warning|note|important|caution)\b", re.IGNORECASE)
_PARTICLES = frozenset(("in", "on", "up", "out", "off"))


def tidy_label(label: str, sources: Sequence[str]) -> str:
    """`label` as a complete short phrase: "To Print X" -> "Print X", "You must install
    X" -> "Install X", never ending inside quotes or brackets or on a word a phrase does
    not end on ("... update 2822241 into"), cut back to the whole phrase before it."""
    prefix_match = _PREFIX_RE.match(label)
    prefix = prefix_match.group(0) if prefix_match else ""
    body = label[len(prefix) :]
    if not body:
        return label
    said = _JOINER_RE.match(body)
    if said and len(body[said.end() :].split()) >= 3:
        # "Or, you can force delete the pod", "Otherwise, if you are ...": the choice itself
        body = body[said.end()].upper() + body[said.end() + 1 :]
    said = _YOU_MODAL_RE.match(body)
    if said and len(body) - said.end() >= 8:
        from kbassist.drafting.options import _is_action

        act = body[said.end()].upper() + body[said.end() + 1 :]
        # "You must integrate X" is the action; "You can still reach the API server" a finding
        must = re.match(r"you (?:must|should|need to|have to|will need to)\b", body, re.I)
        plain = must and not re.match(r"(?:still|not|now|only|also|\w+ly)\b", act, re.I)
        body = act if plain or _is_action(act) else body
    said = _TO_HEAD_RE.match(body)
    if said and body[said.end() :].split(" ", 1)[0] in _HEAD_VERBS:
        rest = body[said.end() :]
        body = rest[0].upper() + rest[1:]
    body = _closed(body, sources)
    body = _phrase_end(body, sources)
    return prefix + body if body.strip() else label


#: Verbs a "To X ..." heading opens with, as its procedure's action.
_HEAD_VERBS = frozenset(
    (
        "Add Apply Change Check Clear Configure Copy Create Delete Disable Download Edit "
        "Enable Install Move Obtain Print Reinstall Remove Rename Repair Replace Reset "
        "Restart Restore Run Set Specify Start Stop Turn Uninstall Update Upgrade Use "
        "Verify Modify Register Unregister Rebuild Recreate Increase Decrease Allow Prevent "
        "Map Grant Assign Import Export Reconfigure Determine Install"
    ).split()
    + [w.lower() for w in "Add Change Create Delete Disable Enable Install Remove Use".split()]
)


def _balance(text: str) -> int:
    """Where an unclosed quote or bracket opens in `text`, or -1."""
    opened: list[int] = []
    quote = -1
    for at, char in enumerate(text):
        if char == '"':
            quote = -1 if quote >= 0 else at
        elif char in "([{":
            opened.append(at)
        elif char in ")]}" and opened:
            opened.pop()
    found = [at for at in (quote, *opened) if at >= 0]
    return min(found) if found else -1


@lru_cache(maxsize=64)
def _cleaned(source: str) -> str:
    """`clean(source)`, once per text: every label of a draft looks in the article body."""
    return clean(source)


def _found(body: str, sources: Sequence[str]) -> tuple[str, int]:
    """(the cleaned source that holds `body`, where it ends there), or ("", -1)."""
    for source in sources:
        text = _cleaned(source)
        at = text.find(body)
        if at < 0 and body:
            at = text.find(body[0].lower() + body[1:])
        if at >= 0:
            return text, at + len(body)
    return "", -1


def _closed(body: str, sources: Sequence[str]) -> str:
    """A label cut inside quotes or brackets: on to the closing mark when it is near,
    else back to before the opening one."""
    opened = _balance(body)
    if opened < 0:
        return body
    text, end = _found(body, sources)
    if end >= 0:
        close = '"' if body[opened] == '"' else {"(": ")", "[": "]", "{": "}"}[body[opened]]
        shut = text.find(close, end)
        if shut >= 0 and shut + 1 - end + len(body) <= MAX_LABEL + 20 and "." not in text[end:shut]:
            return body + text[end : shut + 1]
    head = body[:opened].rstrip(" ,;:-")
    return _drop_open_end(head) if len(head.split()) >= 3 else body


def _drop_open_end(body: str) -> str:
    words = body.split(" ")
    while len(words) > 2 and words[-1].casefold().strip(",;:") in _OPEN_END:
        if words[-1].casefold() in _PARTICLES and re.search(r"(?:ing|ed|gn|og)$", words[-2]):
            break  # "before signing in", "logged on": the verb's own particle
        if _STRANDED_RE.search(" ".join(words)):
            break  # "the UNC path that the virtual directory is mapped to": whole
        words.pop()
    return " ".join(words).rstrip(" ,;:(-")


#: What follows a label the article says whole: its sentence's end, or a link's "](".
_SAID_WHOLE_RE = re.compile(r"^(?:[.!?](?:\s|$)|\]\(|$)")


def _phrase_end(body: str, sources: Sequence[str]) -> str:
    """A label that ends on an open word, or that the article goes on after with a
    function word, cut back to the last whole phrase (at least three words)."""
    words = body.split()
    if len(words) < 3:
        return body
    ends_open = _ends_open(body)
    text, end = _found(body, sources)
    if end >= 0 and _SAID_WHOLE_RE.match(text[end : end + 3]):
        return body  # a whole sentence or link text of the article's: "... logged on to."
    goes_on = end >= 0 and bool(_GOES_ON_RE.match(text[end : end + 30]))
    if not (ends_open or goes_on):
        return body
    if end >= 0 and not _NOTE_RE.match(body):
        # the rest of the phrase, when it is short: "... firewall network devices between"
        # + " the nodes."
        # never into a link's or a bracket's closing mark ("... before signing in" + "](#")
        tail = re.match(
            r'(?:[^,;:.()"\[\]]|\.(?=\w)){0,60}?(?=[,;:()"\[\]]|\.(?!\w)|$)', text[end:]
        )
        whole = body + tail.group(0).rstrip() if tail else ""
        if (
            tail
            and (ends_open or _NOUN_GOES_ON_RE.match(tail.group(0)))
            and not re.search(r"\b(?:following|that|which|who|whom)\b", tail.group(0), re.I)
            and len(whole) <= MAX_LABEL + 25
            and not _ends_open(whole)
        ):
            return whole
    if not ends_open:
        return body  # a whole phrase the article goes on after: cutting it says less
    cut = _drop_open_end(body)
    if len(cut.split()) >= 3:
        return cut  # "Change the EMS Memory option in the PIF to:" -> "... in the PIF"
    found = [m.start() for m in _CONNECTIVE_RE.finditer(cut) if len(cut[: m.start()].split()) >= 3]
    return _drop_open_end(cut[: found[-1]]) if found else cut


_AND_SO_ON_RE = re.compile(r"\band so (?:on|forth)$", re.IGNORECASE)


def _ends_open(text: str) -> bool:
    words = text.split()
    if _AND_SO_ON_RE.search(text):
        return False
    return bool(words) and words[-1].casefold().strip(",;:") in _OPEN_END


def named_title(
    label: str, lead: str, items: Sequence[str], is_action: Callable[[str], bool]
) -> str:
    """A bare "Workaround" among other fixes named by what it does: the lead's action
    ("To work around this problem, X" -> X), else its first step when that is more than
    a click ("From DNS Manager, open ..."); `label` unchanged when neither names it."""
    if not BARE_RE.match(label.strip()):
        return label
    for text in [*split_sentences(clean(lead))[:2], *(clean(i) for i in items[:1])]:
        said = _fix_phrase(text)
        first = said.split(" ", 1)[0].casefold()
        if not said or _CLICK_RE.match(said) or _NOT_A_NAME_RE.match(said):
            continue
        if is_action(said) or first in _MORE_VERBS:
            said = _PURPOSE_END_RE.sub("", tidy_label(said, [text]))
            return f"{label.strip()}: {said}"
    return label


#: A clause cut just after it opens: "... log file so that it".
_PURPOSE_END_RE = re.compile(
    r"\s+(?:so that|so|that|because|when|if|until|unless)(?:\s+(?:it|they|you|this|the))?$", re.I
)
#: Imperatives the step reader does not list that name a fix ("Display the UAC prompt ...").
_MORE_VERBS = frozenset(
    "display show keep let avoid switch save wait close reopen call contact".split()
)
#: A first sentence that introduces the fix instead of naming it: "Follow these
#: guidelines", "Back up the registry before you change anything".
_NOT_A_NAME_RE = re.compile(
    r"^(?:(?:follow|use|see|read|do|perform|complete|try) (?:these|the following|one of)|"
    r"back ?up\b|make a backup\b|before\b|note\b|important\b|warning\b)",
    re.IGNORECASE,
)
_CLICK_RE = re.compile(
    r"^(?:click|double-click|right-click|point|press|select|type|open|go|from|on|in)\b", re.I
)
_FIX_LEAD_RE = re.compile(
    r"^(?:to (?:work around|resolve|fix|correct|avoid|prevent|solve|mitigate)\b[^,:]{0,60}[,:]"
    r"\s*|(?:as a )?workaround,\s*|you (?:can|must|should|may) (?:also )?"
    r"|(?:if [^,]{3,90}, )?(?:another|a second|an alternative|one|the other) (?:workaround|way"
    r"|option|method|solution|resolution) is to )",
    re.IGNORECASE,
)


def _fix_phrase(text: str) -> str:
    text = _FIX_LEAD_RE.sub("", text.strip(), count=1)
    if not text:
        return ""
    return short_label(text[0].upper() + text[1:], 90)


# --------------------------------------------------------------------------- the question

_TEMPORARY_RE = re.compile(r"\b(?:temporar(?:y|ily)|in the meantime|interim|for now)\b", re.I)
_BEST_RE = re.compile(
    r"\b(?:recommended|preferred|best|permanent(?:ly)?|easiest|simplest)\b", re.IGNORECASE
)
_DOWNLOAD_RE = re.compile(
    r"\b(?:service pack|hotfix|service release|fix pack|update \d{6,7}|kb ?\d{6,7}|"
    r"cumulative update|update rollup|security update|"
    r"(?:download|obtain|install)(?: and install)? (?:the |an? )?"
    r"(?:latest |following |most recent )?"
    r"(?:update|hotfix|fix|patch|version|driver|service pack|cumulative update)|"
    r"contact (?:microsoft )?(?:product )?support)\b",
    re.IGNORECASE,
)
#: A restart of the computer (not of a service or a program): "Restart Windows", "reboot
#: the server", "restart your computer".
_RESTART_RE = re.compile(
    r"\b(?:reboot\w*|(?:restart\w*|shut\w* down)\s+(?:the\s+|your\s+|this\s+|each\s+)?"
    r"(?:computer|system|server|machine|windows|pc|workstation|node|host|domain controller|dc"
    r"|operating system|device)s?\b)",
    re.IGNORECASE,
)
#: A restart of a service: a short outage of what it serves, not of the computer.
_SERVICE_RESTART_RE = re.compile(
    r"\b(?:restart\w*|stop\w* and (?:re)?start\w*)\s+(?:the\s+)?[\w .()-]{0,50}?\bservices?\b",
    re.IGNORECASE,
)
#: A pod restarted (deleted to be recreated): "delete the pod to force a restart".
_POD_RESTART_RE = re.compile(
    r"\b(?:force a restart|(?:restart|delete|recreate)\w*\s+(?:the\s+)?[\w`.<>-]{0,40}\s?pods?)\b",
    re.IGNORECASE,
)
#: The registry edited by hand: the article's own warning says it is a risk.
_REGISTRY_EDIT_RE = re.compile(
    r"\b(?:registry editor|regedit|regedt32|registry (?:key|subkey|value|entry))", re.I
)
#: "less desirable", "not recommended": the article's own word against a fix.
_WORSE_RE = re.compile(
    r"\b(?:less desirable|not recommended|isn't recommended|less preferred|not the preferred)\b",
    re.I,
)
#: The case a fix's lead says it is for: "If you have already installed the operating
#: system and ..., follow these steps"; "To prevent this issue during future installs, ...".
_LEAD_CASE_RE = re.compile(r"^(?:if|when) (?P<case>[^,]{6,200}),\s", re.IGNORECASE)
_PREVENT_SCOPE_RE = re.compile(
    r"^to prevent (?:this|the) (?:issue|problem|error|behaviou?r) "
    r"(?P<scope>(?:during|in|on|for|from|with|after) [^,.;]{3,50}),",
    re.IGNORECASE,
)
_DOWNTIME_RE = re.compile(r"\b(?:downtime|offline|take .{0,30} offline|stop the \w+)\b", re.I)
#: The hotfix notice: "A supported fix is now available, but has not been fully
#: regression-tested and should be applied only to systems experiencing this specific
#: problem": a fix for a system that has the problem badly, not for every system.
_HOTFIX_ONLY_RE = re.compile(
    r"\bshould be applied only to (?:systems|computers)\b|\bnot (?:been )?fully regression",
    re.IGNORECASE,
)
#: The notice's other half: "Unless you are severely impacted by this specific problem,
#: Microsoft recommends that you wait for the next Service Pack that contains this fix."
_WAIT_ONLY_RE = re.compile(
    r"\b(?:unless you are|if you are not) severely (?:affected|impacted)\b", re.IGNORECASE
)
_WAITS_RE = re.compile(r"\bwait for the next\b", re.IGNORECASE)
_LAST_RE = re.compile(
    r"\b(?:last resort|if (?:none|nothing) (?:else )?works|if (?:the )?(?:resolutions?|methods?|"
    r"steps|workarounds?) [\d, and]{1,20} (?:aren't|are not|don't|do not|didn't|did not))\b",
    re.IGNORECASE,
)


#: "systems that have update 2677070 installed": an update the system has, no download.
_HAS_BEFORE_RE = re.compile(r"\b(?:have|has|had|with|without)\s+(?:the\s+)?$", re.IGNORECASE)
_HAS_AFTER_RE = re.compile(r"^\s+(?:(?:is|are)\s+)?(?:already\s+)?(?:installed|applied)\b", re.I)


def _needs_download(body: str) -> bool:
    """The fix gets an update: an update named, unless only as what a system has already
    ("allow systems that have update 2677070 installed to contact Microsoft Update")."""
    for found in _DOWNLOAD_RE.finditer(body):
        start, end = found.span()
        if _HAS_BEFORE_RE.search(body[max(0, start - 20) : start]) and _HAS_AFTER_RE.match(
            body[end : end + 30]
        ):
            continue
        return True
    return False


def way_kind(label: str, section: str, kind: str) -> str:
    """ "upgrade", "workaround" or "fix": what an option is to the admin choosing."""
    said = f"{label} {section}".casefold()
    if kind == "upgrade":
        return "upgrade"
    if "workaround" in said or "work around" in said:
        # "Upgrade the recipient's computer to Windows XP" under WORKAROUND: the article
        # offers it as a way round the problem, not as its permanent fix
        return "workaround"
    if re.match(r"upgrade\b", label, re.I):
        return "upgrade"
    return "fix"


def choose_notes(kind: str, lead: str, body: str) -> list[str]:
    """What tells a fix apart, from what its text says: permanent or temporary (said in
    its lead), needs a download, a restart or downtime (anywhere in it); [] when the text
    says nothing."""
    said: list[str] = []
    best = _BEST_RE.search(lead)
    worse = _WORSE_RE.search(lead)
    if kind == "upgrade":
        said.append("a permanent fix")
    elif _LAST_RE.search(lead):
        said.append("a last resort")
    elif _WAIT_ONLY_RE.search(lead) and _WAITS_RE.search(lead):
        said.append(
            "if this problem does not affect you severely: the next service pack brings the fix"
        )
    elif _HOTFIX_ONLY_RE.search(lead):
        said.append("a hotfix not fully tested: only if this problem affects you severely")
    elif kind == "workaround" or _TEMPORARY_RE.search(lead):
        said.append("works around the problem")
    elif worse:
        said.append(f"the article calls it {worse.group(0).casefold()}")
    elif best:
        said.append(f"the article calls it {best.group(0).casefold()}")
    if (kind == "upgrade" and not product_upgrade(lead)) or _needs_download(body):
        # an upgrade to Windows XP or Word 2000 is no update to download
        said.append("needs an update to download")
    if _RESTART_RE.search(body):
        said.append("needs a restart")
    elif _DOWNTIME_RE.search(body):
        said.append("needs downtime")
    elif _SERVICE_RESTART_RE.search(body):
        said.append("restarts a service")
    elif _POD_RESTART_RE.search(body):
        said.append("restarts a pod")
    if _REGISTRY_EDIT_RE.search(body):
        said.append("edits the registry")
    return said


def lead_case(label: str, lead: str) -> str:
    """The case a fix is for, in its lead's own words ("if you have already installed the
    operating system", "during future installs"), when the label does not say it already;
    "" when the lead names none."""
    for sentence in split_sentences(clean(lead))[:1]:  # a later "If ..." is a step's case
        found = _LEAD_CASE_RE.match(sentence)
        if found and (
            status_only(found.group("case"))
            or re.search(
                r"\d$|\b(?:resolutions?|methods?|steps?|workarounds?)\b", found.group("case"), re.I
            )
        ):
            continue  # "If you do so", "If Resolutions 1, 2 ... don't work": no case of its own
        if found:
            case = re.split(r"\s+(?:and|or)\s+(?:are|is|you|if|when)\b", found.group("case"))[0]
            case = _short_case(case)
            if not case:
                continue
            said = f"if {case}"
        elif found := _PREVENT_SCOPE_RE.match(sentence):
            said = f"prevents it {found.group('scope')}"
        else:
            continue
        words = set(re.findall(r"\w+", said.casefold())) - {"if", "you", "the", "a", "it"}
        if words and words <= set(re.findall(r"\w+", label.casefold())):
            return ""  # the label says it
        return said
    return ""


#: A label that quotes what the admin sees: an error code or message, an event.
_MESSAGE_RE = re.compile(
    r"^(?:(?:error|stop|event(?: id)?)\b\s*:?\s*|0x[0-9a-f]{6,}\b|\"|\u201c)", re.IGNORECASE
)
#: A modern article's header lines, not a word about its fixes.
APPLIES_RE = re.compile(
    r"_?applies to:_?.{0,300}?_?original kb number:_?\s*\d+\s*|_?original kb number:_?\s*\d+\s*",
    re.IGNORECASE,
)


_ALL_WORKAROUNDS_RE = re.compile(
    r"\b(?:two|three|four|several|the following|these|both|some|multiple) workarounds\b", re.I
)


_METHODS_WORK_AROUND_RE = re.compile(
    r"\bwork around\b[^.]{0,80}\b(?:following|these|two|three|several) methods\b", re.I
)


def _own_lead(label: str, said: str) -> str:
    """A fix's lead and first step, without the label they were given with."""
    return said[len(label) :].strip() if said.startswith(label) else said


#: A choice that only names a product and its version ("Windows 8.1", "Windows NT Server
#: 4.0, Terminal Server Edition", "SQL Server 2016"): which one runs, not a way to fix.
_VERSION_CHOICE_RE = re.compile(
    r"^(?:Microsoft\s+)?(?:Windows|MS-DOS|SQL Server|Exchange|Office|SharePoint|Internet "
    r"Explorer|Visual \w+|Outlook|Word|Excel|Access|PowerPoint|System Center|Systems "
    r"Management Server|SNA Server|Host Integration Server|\.NET Framework)\b"
    r"(?=[^:]*(?:\d|\b(?:XP|Vista|NT|Me)\b))[\w .,/()+-]{0,60}$"
)


def versions_only(labels: Sequence[str]) -> bool:
    """True when every choice of two or more is a product version, not a fix: asking "How
    do you want to work around it?" over them asks the admin's OS as a preference."""
    return len(labels) >= 2 and all(_VERSION_CHOICE_RE.match(" ".join(x.split())) for x in labels)


#: A when-to-choose note that is a case ("if X", "when X", "only if X"), not a cost.
_CASE_NOTE_RE = re.compile(r"(?:only\s)?(?:if|when|unless)\b", re.IGNORECASE)


def fixes_question(
    options: Sequence[tuple[str, str, str, str, str]], lead: str
) -> tuple[str, str, list[str]]:
    """(title, text, notes) of the question over the article's fixes, each given as
    (label, section name, kind, lead, all its text): the article's own question when its lead asks
    one, "How do you want to fix it?" when the fixes differ in kind, and a one-line note
    per fix saying when to choose it."""
    kinds = [way_kind(label, section, kind) for label, section, kind, _, _ in options]
    if set(kinds) == {"fix"} and _ALL_WORKAROUNDS_RE.search(lead):
        kinds = ["workaround"] * len(kinds)  # "There are two workarounds:"
    if _METHODS_WORK_AROUND_RE.search(lead):
        # "To temporarily work around this problem, use either of the following methods."
        kinds = [
            "workaround" if k == "fix" and re.match(r"method\s*\d", label, re.I) else k
            for (label, *_), k in zip(options, kinds, strict=True)
        ]
    # the support case's data collection is chosen when the fixes did not help (its label
    # says so): its "Download the latest TSS tool", "Stop the traces" are no update to
    # download and no downtime (round 34)
    said = [
        []
        if raw == "escalation"
        else [
            *([case] if (case := lead_case(label, _own_lead(label, said))) else []),
            *choose_notes(kind, said, body),
        ]
        for (label, _, raw, said, body), kind in zip(options, kinds, strict=True)
    ]
    for these, (label, _, raw, opening, body) in zip(said, options, strict=True):
        if raw != "escalation":
            these.extend(when_notes(label, opening, body, these))  # its own case and cost
    # no trait the label says, no lone "(1) edits the registry." (choose_help.told_apart)
    labels = [label for label, *_ in options]
    said = told_apart(said, labels)
    # what every fix shares tells none of them apart
    shared = set.intersection(*(set(s) for s in said)) if len(said) >= 2 else set()
    # a case said of all fixes but one is a note they share ("if your application is
    # hosted through Web Apps" repeated on each method), not what picks one of them
    cases = [c for these in said for c in set(these) if _CASE_NOTE_RE.match(c)]
    shared |= {c for c in cases if cases.count(c) >= max(3, len(said) - 1)}
    # by the choice's number: the labels are on screen beside the help; a lone trait left
    # once the shared notes go ("(3) needs a restart.") is no help either
    apart = told_apart([[s for s in these if s not in shared] for these in said], labels)
    notes = [f"({n}) {', '.join(kept)}" for n, kept in enumerate(apart, 1) if kept]
    if all(_MESSAGE_RE.match(label) for label, *_ in options):
        # "0xC004F074 with description ...", "Error: ...": what the admin sees picks the fix
        return (
            "Which of these messages do you see?",
            "The article's fix depends on the message. Which one do you see?",
            [],
        )
    own = next((s for s in split_sentences(clean(lead)) if s.endswith("?")), "")
    if own and 12 <= len(own) <= 120:
        return own, own, notes
    if versions_only([label for label, *_ in options]):
        # "Windows 8" / "Windows 8.1": the fix is picked by what runs, not by preference
        return (
            "Which version do you run?",
            "The article's steps differ by version. Which one runs on this system?",
            notes,
        )
    if len(set(kinds)) >= 2:
        text = "The article gives a fix and a workaround; they differ as noted. Which fits here?"
        if "upgrade" in kinds:
            text = "The article gives an update and other ways round it. Which fits here?"
        return "How do you want to fix it?", text, notes
    if kinds[0] == "workaround":
        return (
            "How do you want to work around it?",
            "The article gives several workarounds. Which fits this system?",
            notes,
        )
    return (
        "Which fix fits this system?",
        "The article gives several ways to fix it. Which fits this system?",
        notes,
    )


#: A sub-heading that names a way to fix, not a case found: "To Print TrueType Fonts as
#: Graphics", "Method 2: Use Only One Session of Word", "Workaround 1".
_WAY_HEAD_RE = re.compile(
    r"^(?:to [a-z]+\b|(?:method|option|workaround|resolution|solution|alternative|approach)"
    r"\s*\d{0,2}\b)",
    re.IGNORECASE,
)


def way_heading(head: str) -> bool:
    """Whether a fix's sub-heading names a way to fix (chosen by preference) rather than
    a case the admin finds ("If you use NTFS", "Windows NT 4.0 Server")."""
    head = clean(head)
    if _WAY_HEAD_RE.match(head):
        return not re.match(r"to (?:work around|resolve|fix|correct)\b.*\bif\b", head, re.I)
    return False


# --------------------------------------------------------------------------- fix names

#: Nouns of a pointer at what follows: "in the following format", "to the following".
_POINTER_NOUNS = (
    r"(?:format|formats|steps|step|method|methods|procedure|values?|settings?|entry|entries"
    r"|changes|command|commands|code|text|line|lines|modes?|options?|manner|way|information)"
)
#: A lead-in tail that points at what follows instead of saying it: "... do the following",
#: "... by updating the following", "... to the following", "..., as follows".
_LEAD_TAIL_RE = re.compile(
    r"(?:,\s*(?:please\s+)?(?:do|follow|use|perform|complete|try|carry out)\s+"
    r"(?:the following|these|this|one of the following)"
    r"(?:\s+(?:steps?|methods?|procedures?|instructions|tasks?))?"
    r"|,?\s+do the following"
    r"|\s+(?:by\s+)?(?:following|using|with|doing)\s+(?:these|the following|the)\s+"
    r"(?:steps|procedures?|instructions)"
    r"|,?\s+as follows"
    r"|\s+(?:by\s+)?(?:updating|using|changing|editing|doing|performing|following|setting"
    r"|adding|running|modifying)\s+the following(?:\s+" + _POINTER_NOUNS + r")?"
    r"|\s+(?:to|in|into|with|using|at|on|by)\s+the following(?:\s+" + _POINTER_NOUNS + r")?"
    r")\s*[.:]?$",
    re.IGNORECASE,
)
#: What a cut lead-in must not end on: a pronoun or a state ("put it", "are stored").
_LEFT_HANGING_RE = re.compile(
    r"(?:\b(?:it|them|this|that|you|these|those)"
    r"|\b(?:is|are|was|were|be|been) (?:\w+(?:ed|en)|set))$",
    re.IGNORECASE,
)
#: What a file's part should say, its words to follow: "The PROTOCOL ODINSUP section of
#: the NET.CFG file should read" (+ " as follows:").
_SHOULD_READ_RE = re.compile(
    r"^(?P<subj>(?:the|your) (?:[^,;:.]|\.(?=\S)){3,80}?) (?:should|must) (?:now )?"
    r"(?:read|look|look like|be|contain|resemble|appear)$",
    re.IGNORECASE,
)
#: A part of a file or setting an admin edits.
_FILE_PART_RE = re.compile(
    r"\b(?:file|section|line|lines|entry|entries|key|value|statement|setting|settings)$"
    r"|\.(?:ini|cfg|inf|sys|bat|conf|config|xml|txt|reg)\b",
    re.IGNORECASE,
)
#: A purpose clause that says only that it fixes: "To work around this problem and X".
_FIX_PURPOSE_RE = re.compile(
    r"^to (?:work ?around|resolve|fix|correct|avoid|prevent|solve|mitigate) "
    r"(?:this|the|these) (?:problem|issue|behaviou?r|error|issues|problems)s?"
    r"(?: (?:and|,)\s*|,\s*(?:and\s+)?)(?=[a-z])",
    re.IGNORECASE,
)
#: A whole label that only announces steps: "Follow these steps", "Use the following
#: method", "The following steps describe how to resolve this problem".
_ONLY_LEAD_IN_RE = re.compile(
    r"^(?:(?:please\s+)?(?:follow|use|perform|complete|do|try|see|apply|carry out)\s+"
    r"(?:these|the following|this|the|one of the following)\s+"
    r"(?:steps?|methods?|procedures?|instructions|workarounds?|resolutions?|tasks?)"
    r"|the following (?:steps|methods?|procedures?|instructions) (?:describe|explain|show"
    r"|illustrate|demonstrate)\b.*"
    r"|do the following)\.?$",
    re.IGNORECASE,
)
#: "The following steps illustrate how to X": the steps do X.
_HOW_TO_RE = re.compile(
    r"^the following (?:steps|procedures?|instructions|methods?) (?:describe|explain|show"
    r"|illustrate|demonstrate)s? how (?:to|you can) (?P<what>[a-z][^.:]{4,90}?)[.:]?$",
    re.IGNORECASE,
)
#: A first step that only opens a tool or a file ("Open the user's SYSTEM.INI file", "Run
#: Registry Editor (Regedt32.exe) and locate the following subkey", "Click Start"): it
#: names where the fix happens, not what it does.
_OPENER_RE = re.compile(
    r"^(?:(?:open|start|run|launch)(?: up)?\s+(?P<tool>(?:the\s+|an?\s+|your\s+)?[^,;]{2,80}?)"
    r"(?:\s+(?:and|,)\s+(?:then\s+)?(?:locate|find|go to|navigate to|open|select|click|expand)"
    r"\b.*)?"
    r"|click start|(?:in|on) (?P<where>(?:the\s+)?[^,;]{2,80}?)(?:,)?)\.?$",
    re.IGNORECASE,
)
#: What an opener opens: a named tool or file ("Registry Editor (Regedt32.exe)", "the
#: user's SYSTEM.INI file", "an elevated Command Prompt"), not "the following command".
_TOOL_RE = re.compile(
    r"^(?!the following\b)(?:(?:the|an?|your)\s+)?(?:[\w'-]+\s+){0,3}?"
    r"(?:[A-Z][\w.]*|[\w-]+\.[A-Za-z]{2,4})\b(?![^()]*\bcommand\b)",
)
#: A registry value a fix's steps set, add or delete: "Type the name of the value as
#: MaxCachedOpenFiles", "add the EnableRouting value", "Value Name: Foo".
_REG_VALUE_RE = re.compile(
    r"\b(?:value (?:name\s*)?(?:as|named|called|:)\s*|name of the value as\s+|value name:\s*)"
    r"\"?(?P<name>[A-Za-z][\w.]{2,60})"
    r"|\b(?:the\s+)?\"?(?P<name2>[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+)\"?"
    r" (?:registry )?(?:value|entry)\b"
)
_REGISTRY_TOOL_RE = re.compile(r"\b(?:registry editor|regedit|regedt32|registry)\b", re.I)
#: "To set up the icon, do one of the following": what the section's ways are for.
_WAYS_PURPOSE_RE = re.compile(
    r"\bto (?P<what>[a-z][^,.:;]{4,70}?),\s+(?:do|use|follow|try|perform)\s+"
    r"(?:one|either|any)\s+of\s+(?:the\s+following|these)\b",
    re.IGNORECASE,
)
#: "To X, do the following", "To X: follow these steps": this fix's own purpose.
_OWN_PURPOSE_RE = re.compile(
    r"^to (?P<what>[a-z][^,.:;]{4,80}?)[,:]\s+(?:do|follow|use|perform|complete|try)\b",
    re.IGNORECASE,
)


#: How long a label may grow to be its whole sentence rather than a cut one.
MAX_WHOLE = MAX_LABEL + 25


def whole_sentence(label: str, sources: Sequence[str]) -> str:
    """A label cut inside its sentence by length ("Make sure that the schedule on the
    connector" + " of the remote ... is not set to Never") as the whole sentence when it
    fits in MAX_WHOLE characters; `label` unchanged otherwise, or when the article's
    sentence does not start with it."""
    prefix_match = _PREFIX_RE.match(label)
    prefix = prefix_match.group(0) if prefix_match else ""
    body = label[len(prefix) :].strip()
    if len(body.split()) < 3:
        return label
    for source in sources:
        text = _cleaned(source)
        at = text.find(body)
        if at < 0 or (at > 0 and not re.search(r"(?:^|[.!?:]\s|\n|^\W*)$", text[:at][-3:])):
            continue
        rest = text[at + len(body) :]
        verb_cut = bool(_INFINITIVE_END_RE.search(body))  # "... to verify" + " that ..."
        if not re.match(r"\s+[a-z(\"]", rest) or (
            re.match(r"\s+(?:that|who|whom)\s", rest) and not verb_cut
        ):
            return label  # the sentence ends here, goes on with a new one or a relative
        # to the clause's end: not into a reason, an aside or a new clause after a comma
        end = re.search(r"[.!?;:,](?=\s|$)|\s-or-\s|\n|\s(?:because|which|since)\s", rest)
        tail = rest[: end.start()] if end else rest
        whole = (body + tail).rstrip(" ,")
        if (
            len(whole) <= MAX_WHOLE
            and _balance(whole) < 0
            and not _ends_open(whole)
            and not re.search(r"\b(?:the following|as follows)\b", whole, re.IGNORECASE)
        ):
            return prefix + whole
        infinitive = re.search(r"\s+to\s+[a-z]+$", body)
        if infinitive:
            # too long whole, cut inside an infinitive: "Change the trigger for the Key
            # Distribution Service (KdsSvc) to start" + " the service as soon as ...",
            # "Check with the message recipient to verify" + " that ...": the phrase before
            cut = _drop_open_end(body[: infinitive.start()].rstrip(" ,;:"))
            if len(cut.split()) >= 3 and not _ends_open(cut) and _balance(cut) < 0:
                return prefix + cut
        return label
    return label


#: A label ending on a verb its cut infinitive completes ("... does not attempt" + " to
#: send", "... to verify" + " that ...", "you need" + " to ...").
_INFINITIVE_END_RE = re.compile(
    r"\b(?:attempts?|tries|try|need|needs|want|wants|able|unable|continue|continues|fails?"
    r"|verify|ensure|confirm|check|indicating|indicates|intended|designed|allowed|required"
    r"|used)$",
    re.IGNORECASE,
)


def fix_name(label: str, lead: str, items: Sequence[str], context: str = "") -> str:
    """`label` as what the fix does, not how it starts: a lead-in tail dropped ("Reduce
    the memory required by Encarta do the following" -> "Reduce the memory required by
    Encarta"), "To work around this problem and X" -> "X", a label that only announces
    steps ("Follow these steps") or only opens a tool ("Open the user's SYSTEM.INI file")
    named by the purpose its lead or `context` (the section's text) gives, or by the
    registry value it changes. `label` unchanged when nothing better is said."""
    prefix_match = _PREFIX_RE.match(label)
    prefix = prefix_match.group(0) if prefix_match else ""
    body = label[len(prefix) :].strip()
    if not body:
        return label
    purpose = re.match(r"^to (?P<what>[a-z]+ [^,;:]{3,100})$", body)
    if purpose and not _FIX_ONLY_RE.match(purpose.group("what")):
        from kbassist.drafting.options import _is_action

        act = purpose.group("what")[0].upper() + purpose.group("what")[1:]
        if _is_action(act):  # "To update your MS-DOS EXTERNAL.EXE file": the way, as an action
            return prefix + act
    how = _HOW_TO_RE.match(body)
    if how and not _FIX_ONLY_RE.match(how.group("what")):  # "... how to handle X" -> "Handle X"
        return prefix + how.group("what")[0].upper() + how.group("what")[1:]
    named = _lead_in_free(body)
    if named != body and len(named.split()) >= 2:
        return prefix + named
    steps = [clean(i) for i in items]
    if len(steps) >= 2 and _same_step(body, steps[:1]):
        # named by its first step while its lead says what the steps do: "To reduce the
        # memory X, do the following:", "The following steps illustrate how to handle X"
        said = _purpose(lead) or _how_to(lead)
        if said:
            return prefix + said
    if _ONLY_LEAD_IN_RE.match(body):
        said = _purpose(lead) or _first_condition(lead)
        return prefix + said if said else label
    opener = _OPENER_RE.match(body)
    if opener and opener.group("where") is not None and not prefix:
        opener = None  # "From a NetWare client computer" beside another client: a case
    if opener and opener.group("tool") is not None and not _TOOL_RE.match(opener.group("tool")):
        opener = None  # "Start applications manually", "Run the following command": actions
    if opener and len(steps) >= 2 and _same_step(body, steps):
        tool = (opener.group("tool") or opener.group("where") or "").strip()
        tool = re.sub(r"\s*\([^)]*\)$", "", tool).rstrip(" .")
        registry = _REGISTRY_TOOL_RE.search(body) or any(
            _REGISTRY_TOOL_RE.search(s) for s in steps[:3]
        )
        value = _registry_value(steps) if registry else ""
        goal = _purpose(lead) or _ways_purpose(context)
        if goal and tool and not re.match(r"start$", tool, re.I):
            return f"{prefix}{goal} in {_lower_article(tool)}"
        if value:
            return f"{prefix}{value}"
        if goal:
            return prefix + goal
        said = _lead_action(lead) or _first_change(steps[1:5])
        if said:
            return prefix + said
    return label


#: A step that only gets somewhere (a click, a menu, a tool opened, a key located) or
#: sets the scene: it does not say what the fix changes.
_NAV_RE = re.compile(
    r"^(?:click|double-click|right-click|point|press|select|choose|type|open|start|run|launch"
    r"|go to|navigate|locate|find|expand|browse|scroll|switch to|in|on|from|under|at|when|if"
    r"|note|back ?up|make a backup|exit|close|quit|log ?on|sign in|then|examine|check|view|look"
    r"|review|determine|identify|see|read|verify|test|highlight|for|to|with|by|as|after|before"
    r"|once|while)\b",
    re.IGNORECASE,
)


def _lead_action(lead: str) -> str:
    """The action a lead names after saying it fixes: "To work around this issue, delete
    the invalid registry value:" -> "Delete the invalid registry value"."""
    from kbassist.drafting.options import _is_action

    for sentence in split_sentences(clean(lead))[:1]:
        found = _FIX_LEAD_RE.match(sentence)
        if not found:
            continue
        said = sentence[found.end() :].rstrip(" .:")
        if said and not _NAV_RE.match(said) and not _ONLY_LEAD_IN_RE.match(said):
            said = said[0].upper() + said[1:]
            if _is_action(said) and not _LEAD_TAIL_RE.search(said):
                return short_label(said, MAX_LABEL)
    return ""


def _first_change(steps: Sequence[str]) -> str:
    """The first of `steps` that changes something ("Make sure that the service account
    is a member of the Domain Admins group"), not a click or a key located."""
    from kbassist.drafting.options import _is_action

    for step in steps:
        text = step.strip()
        if not text or _NAV_RE.match(text) or not _is_action(text):
            continue
        if re.search(r"\bback (?:from|to)\b|\bagain\b", text, re.IGNORECASE):
            continue  # "Change the same value back from No to Yes": an undo, not the fix
        said = _PURPOSE_END_RE.sub("", short_label(text, MAX_LABEL))
        if len(said.split()) >= 3 and not _ends_open(said) and not said.endswith(":"):
            return said
    return ""


def _how_to(lead: str) -> str:
    """ "The following steps illustrate how to handle X." -> "Handle X"."""
    for sentence in split_sentences(clean(lead))[:1]:
        how = _HOW_TO_RE.match(sentence)
        if how and not _FIX_ONLY_RE.match(how.group("what")):
            return how.group("what")[0].upper() + how.group("what")[1:]
    return ""


def _lead_in_free(body: str) -> str:
    """`body` without a lead-in tail or a fix-only purpose: "To view and change the
    current swapfile settings, do the following" -> "View and change the current
    swapfile settings"."""
    cut = _LEAD_TAIL_RE.sub("", body).rstrip(" ,;:")
    if cut == body:
        return body
    cut = _FIX_PURPOSE_RE.sub("", cut)
    said = re.match(r"^to (?=[a-z]+\b)", cut, re.IGNORECASE)
    if said:
        cut = cut[said.end() :]
    reads = _SHOULD_READ_RE.match(cut)
    if reads:
        # "The PROTOCOL ODINSUP section of the NET.CFG file should read as follows": the
        # edit it asks for, not "... should read" (seed-106 readers: cut before its object)
        subject = reads.group("subj")
        return f"Edit {subject[:1].lower()}{subject[1:]}" if _FILE_PART_RE.search(subject) else body
    if not cut or _ends_open(cut) or _LEFT_HANGING_RE.search(cut):
        return body
    if re.match(
        r"^(?:you can )?(?:prevent|resolve|fix|avoid|work ?around|correct) (?:this|the) "
        r"(?:problem|issue|error|behaviou?r)\b",
        cut,
        re.IGNORECASE,
    ):
        return body  # "You can prevent the problem described here": says only that it fixes
    return cut[0].upper() + cut[1:]


def _purpose(lead: str) -> str:
    """The fix's own purpose from its lead ("To reduce the memory X, do the following" ->
    "Reduce the memory X"), unless it only says it fixes ("To resolve this problem")."""
    for sentence in split_sentences(clean(lead))[:2]:
        found = _OWN_PURPOSE_RE.match(sentence)
        if found:
            what = _FIX_PURPOSE_RE.sub("", "to " + found.group("what"))
            what = re.sub(r"^to ", "", what, flags=re.I)
            if what and not _FIX_ONLY_RE.match(what):
                return what[0].upper() + what[1:]
    return ""


#: A purpose that only says it fixes ("resolve this problem", "work around the problem
#: when installing new printers") or only points back ("To do so, use either of the
#: following methods": seed-106 readers marked "Method 1: Do so in Package.rul ..."): it
#: names no fix.
_FIX_ONLY_RE = re.compile(
    r"^(?:(?:work ?around|resolve|fix|correct|avoid|prevent|solve|mitigate) (?:this|the|these) "
    r"(?:problem|issue|behaviou?r|error)s?\b|do (?:so|this|that|it)\b)",
    re.IGNORECASE,
)


def _ways_purpose(context: str) -> str:
    """What the section's alternative ways are for: "To set up the icon, do one of the
    following" -> "Set up the icon"."""
    found = _WAYS_PURPOSE_RE.search(clean(context))
    if not found or _FIX_ONLY_RE.match(found.group("what")):
        return ""
    what = found.group("what")
    return what[0].upper() + what[1:]


def _first_condition(lead: str) -> str:
    """The case the lead says the fix is for: "If you have already installed the
    operating system and are currently receiving ...,  follow these steps" -> "If you
    have already installed the operating system"."""
    for sentence in split_sentences(clean(lead))[:2]:
        found = re.match(r"^(?:if|when) (?P<case>[^,]{6,200}),", sentence, re.IGNORECASE)
        if found:
            case = re.split(r"\s+(?:and|or)\s+(?:are|is|you|if|when)\b", found.group(0))[0]
            return _short_case(case.rstrip(" ,"), MAX_LABEL)
    return ""


def _short_case(case: str, limit: int = 64) -> str:
    """A case clause of at most `limit` characters, cut before a connective ("you're
    using a gMSA account" + " to run the SQL Server Service"), never on an open word;
    "" when it cannot be cut whole."""
    if len(case) <= limit:
        return case
    found = [m.start() for m in _CASE_CUT_RE.finditer(case) if 12 <= m.start() <= limit]
    for at in reversed(found):
        head = case[:at].rstrip(" ,;:")
        if not re.search(r"\b(?:due|prior|according|able|order|how|want|wants|need|needs)$", head):
            return _drop_open_end(head)  # never "malfunctioning due" before " to ..."
    return ""


#: Where a long case may be cut: before what it is for or how ("... gMSA account" + " to
#: run the SQL Server Service"), never before a relative clause its verb comes after.
_CASE_CUT_RE = re.compile(r"\s(?:to|by|using|for|on|in|with|from|via|under)\s")


def _same_step(body: str, steps: Sequence[str]) -> bool:
    """Whether the label is one of the first steps, as written (the fix named by its
    first step, not by a heading)."""
    key = body.casefold().rstrip(". ")
    return any(s.casefold().startswith(key[:40]) for s in steps[:2] if s)


def _registry_value(steps: Sequence[str]) -> str:
    """ "Add the MaxCachedOpenFiles registry value" from steps that name a value and what
    is done to it; "" when no value is named."""
    text = " ".join(steps)
    found = _REG_VALUE_RE.search(text)
    if not found:
        return ""
    name = (found.group("name") or found.group("name2") or "").rstrip(".")
    if len(name) < 3 or name.casefold() in ("the", "data", "value", "name", "type"):
        return ""
    if re.search(r"\b(?:delete|remove)\b", text, re.I):
        verb = "Delete"
    elif re.search(r"\b(?:add value|new value|add the\b|create\b|add a\b)", text, re.I):
        verb = "Add"
    else:
        verb = "Set"
    return f"{verb} the {name} registry value"


def _lower_article(tool: str) -> str:
    return re.sub(r"^(The|An|A|Your)\b", lambda m: m.group(1).lower(), tool)
