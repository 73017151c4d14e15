"""A fix that stops at "obtain": the install (and restart) that makes it a procedure.

Thousands of MS KB articles resolve a problem with an update got elsewhere: "Obtain the
latest service pack for Exchange Server version 5.5.", "Contact Microsoft Product Support
Services to obtain the fix.", "Contact Iomega for an updated version of the Jaz Tools
software.", "You can also obtain an updated driver from the Intel Web site". Readers
mark such a checklist as not followable: the admin obtains the update and the walk ends,
with no step that installs it, no restart where the update needs one, and the support
address dropped. Here such a fix keeps its obtain step (with the article's own address:
the web page, the FTP path), then installs what was obtained, named as the article names
it with the version or date the article gives, then restarts the computer only where the
article says so or the update is of a kind that takes effect at start-up (a driver, the
BIOS, a Windows service pack). The install wording is honest where the article says no
more: "by following the instructions that come with it".
"""

from __future__ import annotations

import re

from kbassist.articles import Article
from kbassist.drafting.fixed_in import fixed_releases
from kbassist.drafting.option_model import Option
from kbassist.drafting.text import Hinted, split_detail, split_sentences, with_detail
from kbassist.drafting.ticks import named_label
from kbassist.drafting.verify import TABLE_LEAD_RE, file_versions

#: "Obtain the latest service pack for X", "Download Q254142_w2k_sp1_x86_en.exe now",
#: "You can also obtained an updated driver from ..." (the article's own typo), "Contact
#: Microsoft Product Support Services to obtain the fix", "Contact Iomega for an updated
#: version of X", "Contact Dell to obtain a BIOS upgrade".
_OBTAIN_RE = re.compile(
    r"^(?:to (?:resolve|correct|fix) (?:this|the) (?:problem|issue|behaviou?r),\s+)?"
    r"(?:(?:you\s+)?(?:can|may|should|must)\s+(?:also\s+)?)?(?:please\s+)?"
    r"(?:(?:obtain(?:ed)?|get|download|order|request)\s+(?P<obj>.+?)"
    r"|(?:contact|call)\s+(?P<who>.+?)\s+(?:to\s+(?:obtain|get|order|request)|for)\s+"
    r"(?P<obj2>.+?))\s*[.:]?$",
    re.IGNORECASE,
)
#: What an update is called: the object of an obtain step must be one of these (not "more
#: information", "a faster modem", "assistance").
_UPDATE_RE = re.compile(
    r"\b(?:service\s+pack|service\s+release|hot\s?fix(?:es)?|fix(?:es)?|patch(?:es)?"
    r"|update[sd]?|upgrades?|rollup|revision"
    r"|(?:new|newer|later|latest|current|most\s+recent)\s+(?:[\w-]+\s+){0,2}?versions?"
    r"|versions?\s+\S*\d|converters?|utility|utilities"
    r"|drivers?|bios|firmware|package|setup\s+program|[\w-]+\.(?:exe|sys|dll|vxd|drv|386|nlm|ocx))\b",
    re.IGNORECASE,
)
#: A product at a version, the whole object: "Visual SourceSafe 4.0", "MetaEdit 2.1".
_PRODUCT_RE = re.compile(r"^(?:the\s+)?(?:[A-Z][\w+#-]*\s+){1,5}\d+(?:\.\d+)+[a-z]?$")
#: A second action in the step: it is no obtain step alone ("Obtain and use the ACCTONME
#: utility", "... and upgrade the firmware", "... and place it in ...").
_OTHER_ACTION_RE = re.compile(
    r"\b(?:and|then)\s+(?:use|install|apply|run|place|copy|replace|upgrade|set|update|extract"
    r"|expand|flash|load)\b|\binstall(?:ing|ed|s)?\b|\bapply\b",
    re.IGNORECASE,
)
#: "To obtain the patch, please contact Franz, Inc.", "For more information, see ...":
#: a sentence that only says where the obtain step's update comes from.
_WHERE_SENTENCE_RE = re.compile(
    r"^(?:Q\d{5,6}\s+\S|(?:with|in)\s+the\s+(?:hot\s?)?fix,\s|visit\s+the\s+[^.]{0,60}\b(?:web|ftp)"
    r"\s+site\b|you\s+can\s+(?:also\s+)?(?:download|obtain|get)\b[^.]{0,80}\bfrom\b|to\s+obtain\b|for\s+(?:more\s+)?information\b|for\s+a\s+complete\s+list\b"
    r"|(?:please\s+)?(?:contact|call)\b[^.]{0,120}\b(?:for|to obtain)\b)",
    re.IGNORECASE,
)
#: Where the object stops being the update and starts saying where it is or what it does:
#: "the hotfix mentioned below", "an updated DPACCESS.SYS file from Tandon", "a BIOS
#: upgrade that resolves the problem".
_OBJECT_END_RE = re.compile(
    r",?\s+(?:(?:mentioned|referenced|listed|described|shown)\s+(?:below|above|earlier|later)"
    r"|below|above|from|which|that|at|when|to\s+(?:work|resolve|correct|fix)|on\s+the\s+web"
    r"|by\s+(?:calling|contacting)|if)\b.*$",
    re.IGNORECASE,
)
#: The article's own restart step after the obtain step.
_RESTART_STEP_RE = re.compile(r"^(?:restart|reboot)\b", re.IGNORECASE)
#: An update that takes effect only when the computer starts: a driver, the BIOS, firmware.
_DRIVER_RE = re.compile(r"\b(?:drivers?|bios|firmware)\b", re.IGNORECASE)
_DRIVER_FILE_RE = re.compile(r"\.(?:sys|vxd|drv|386|mpd)$", re.IGNORECASE)
#: A service pack or release of Windows itself (it replaces system files in use).
_WINDOWS_PACK_RE = re.compile(
    r"\b(?:service\s+pack|service\s+release|security\s+rollup|rollup\s+package|osr)\b",
    re.IGNORECASE,
)
_WINDOWS_RE = re.compile(r"\bwindows(?:\s+(?:nt|2000|xp|95|98|me|server))?\b", re.IGNORECASE)
#: Another product named for the pack: "service pack for Exchange Server", "SNA Server".
_OTHER_PRODUCT_RE = re.compile(
    r"\b(?:exchange|sna|sql|office|word|excel|access|visual|outlook|internet\s+explorer"
    r"|frontpage|proxy|site\s+server|commerce|sms|systems\s+management|mail|money|works"
    r"|foxpro|project|publisher|powerpoint|reader|backoffice|small\s+business|ie)\b",
    re.IGNORECASE,
)
#: The article's own restart after the update: "You must restart the computer after you
#: install the fix", "Reboot for the changes to take effect".
_SAID_RESTART_RE = re.compile(
    r"\b(?:restart|reboot)\b[^.]{0,120}\b(?:after|when|for)\b[^.]{0,80}"
    r"\b(?:install\w*|apply\w*|update|fix|take effect|driver|service pack)\b"
    r"|\b(?:after|when)\b[^.]{0,80}\b(?:install\w*|apply\w*)\b[^.]{0,120}\b(?:restart|reboot)\b",
    re.IGNORECASE,
)
#: "Iomega Jaz Tools software with a date prior to 6/25/96 is not compatible": the date
#: (or version) below which the update is needed, as the article says it.
_DATED_BEFORE_RE = Hinted(
    re.compile(
        r"\b(?:with\s+a\s+date|dated)\s+(?:prior\s+to|before|earlier\s+than)\s+"
        r"(?P<date>\d{1,2}/\d{1,2}/\d{2,4})"
        r"|\b(?:versions?\s+(?:prior\s+to|earlier\s+than|before)|prior\s+to\s+version)\s+"
        r"(?P<version>\d+(?:\.\d+){0,3}[a-z]?)\b",
        re.IGNORECASE,
    ),
    ("date", "prior", "earlier", "before"),  # a whole section, searched at every word
)
_PACK_RE = re.compile(r"\bservice\s+(?:pack|release)\b", re.IGNORECASE)
#: "driver, version PV4.0 or later": the least version the article asks for.
_LATER_VERSION_RE = re.compile(
    r"\bversion\s+(?P<version>[A-Z]{0,3}\d+(?:\.\d+){0,3}[a-z]?)\s+or\s+(?:later|higher|newer)\b",
    re.IGNORECASE,
)
_OBTAINED_TYPO_RE = re.compile(r"^Obtained\b|(?<=: )Obtained\b")
#: A line of a file table (a box rule, a row between bars, columns spaced apart) and the
#: note said of the table ("NOTE: Because of file dependencies, ...").
_TABLE_LINE_RE = re.compile(r"^\s*(?:[-=+|]{3,}.*|\|.*\||.*\S(?:\s{2,}|\t)\S.*)$")
_DEPENDENCIES_RE = re.compile(r"^note:\s+because of file dependencies\b", re.IGNORECASE)
#: The longest lead sentence shown over the address.
MAX_WHERE_LEAD = 220
_URL_RE = re.compile(r"(?:https?|ftp)://[^\s<>\"')\]]+", re.IGNORECASE)
#: The obtain step's detail that is the update's file table (or its "Component: DXA"
#: line): about what is installed, so shown under the install step.
_COMPONENT_RE = re.compile(r"^\s*component:\s", re.IGNORECASE | re.MULTILINE)


def _plain(text: str) -> str:
    return " ".join(text.split())


def _obtained(text: str) -> str:
    """The update an obtain step gets, as the step names it ("the latest service pack for
    Exchange Server version 5.5", "an updated version of the Jaz Tools software"); "" when
    the step is not only an obtain step of an update."""
    sentences = split_sentences(_plain(text))
    if not sentences:
        return ""
    found = _OBTAIN_RE.match(sentences[0])
    if found is None or any(not _WHERE_SENTENCE_RE.match(s) for s in sentences[1:]):
        return ""
    if _OTHER_ACTION_RE.search(sentences[0]):
        return ""
    obj = (found.group("obj") or found.group("obj2") or "").strip()
    if re.match(r"(?:more\s+)?information\b", obj, re.IGNORECASE):
        return ""
    if not (_UPDATE_RE.search(obj) or _PRODUCT_RE.match(_named(obj))):
        return ""
    return obj


def _named(obj: str) -> str:
    """The obtained update said as what is installed; "the individual package or the
    Windows NT 4.0 Security Rollup Package, whichever you obtained" for a choice."""
    ways = re.split(r",?\s+or\s+(?:obtain|get|download|order|request)\s+", obj, flags=re.I)
    if len(ways) > 1:
        return " or ".join(_one_named(w) for w in ways) + ", whichever you obtained"
    return _one_named(obj)


def _one_named(obj: str) -> str:
    """The obtained update said as what is installed: "an updated DPACCESS.SYS file from
    Tandon" -> "the updated DPACCESS.SYS file"; "Q254142_w2k_sp1_x86_en.exe now (http://
    ...)" -> "Q254142_w2k_sp1_x86_en.exe"."""
    obj = _URL_RE.sub("", obj)
    obj = re.sub(r"\s*\(\s*\)", "", obj)
    obj = re.sub(r"\s+now\b", "", obj, flags=re.IGNORECASE)
    obj = _OBJECT_END_RE.sub("", obj).strip(" ,;:")
    obj = re.sub(r"^(?:an?|the\s+following)\s+", "the ", obj, flags=re.IGNORECASE)
    if obj.count("(") > obj.count(")"):  # "Ncopy.exe (version 4.13" cut at ", which"
        inside = obj[obj.rfind("(") + 1 :]
        if re.fullmatch(r"version\s+[\w.-]+", inside, re.IGNORECASE):
            obj += ")"
        else:
            obj = obj[: obj.rfind("(")].rstrip(" ,")
    return obj or "the update"


def _plural(named: str) -> bool:
    """Whether what is installed is said as several things ("the latest versions of
    COMCTL32.OCX and COMCTL32.DEP", "the updated files"), not "the Jaz Tools software"."""
    if named.endswith("whichever you obtained"):
        return False
    head = re.split(r"\s+(?:of|for|to|from|in|on)\s+", named, maxsplit=1)[0].split()[-1]
    return bool(re.fullmatch(r"[a-z]+[^s]s", head)) and head not in {"windows", "tools"}


def _version_said(article: Article, option: Option, obj: str, shared: bool) -> str:
    """What the article says the installed update is at least: the file table's files and
    versions (or dates), else the date or version its cause says is too old ("with a date
    prior to 6/25/96": "dated 6/25/96 or later"); "" when it says none."""
    shown = ["\n".join(split_detail(item)) for item in option.items]
    for text in shown if shared else [*shown, option.section.text]:
        rows = file_versions(text)
        if rows:
            said = [
                f"{name} {'version ' + version if version else 'dated ' + date}"
                for name, version, date in rows[:2]
            ]
            if len(rows) > 2:
                return f"{', '.join(said)} and the other files the article lists, or later"
            return f"{' and '.join(said)}{', or later' if len(said) > 1 else ' or later'}"
    found = _too_old(article)
    if found:
        return found
    if obj:  # "first corrected in Exchange Server 5.5 Service Pack 2", "in X version 2.0"
        releases = _releases_of(fixed_releases(article), obj)
        if releases:
            return "; ".join(f"{r} or later" for r in releases)
    head = obj.split()[-1].casefold() if obj.split() else ""
    versions = {
        m.group("version")
        for sentence in split_sentences(_plain(option.section.text))
        if head and head in sentence.casefold()
        for m in _LATER_VERSION_RE.finditer(sentence)
    }
    if len(versions) == 1:  # "the updated driver, version PV4.0 or later"
        return f"version {versions.pop()} or later"
    return ""


def _bare(text: str) -> str:
    """Words of a product name to compare: "Microsoft SNA Server version 4.0" -> "sna
    server 4.0"."""
    words = re.findall(r"[\w.+]+", text.casefold().replace("microsoft", ""))
    return " ".join(w.strip(".") for w in words if w != "version")


def _releases_of(releases: list[str], obj: str) -> list[str]:
    """The releases STATUS names that are of the product the step obtains a service pack
    for ("Exchange Server 5.5 Service Pack 2" for "the latest service pack for Exchange
    Server version 5.5"; not "SNA Server 3.0 Service Pack 4" for SNA Server 4.0)."""
    out = []
    for release in releases:
        release = re.split(r"\.(?=[A-Z])", release, maxsplit=1)[0]  # "Pack 1.Microsoft has"
        pack = re.search(r",?\s+service\s+(?:pack|release)\b", release, re.IGNORECASE)
        if pack is not None:  # "SNA Server version 3.0 Service Pack 4": the name before it
            product = release[: pack.start()]
        else:  # "FrontPage Server Extensions version 2.0.3.209"
            product = re.split(r",?\s+(?:version\s+)?\d", release, maxsplit=1)[0]
            if release.rsplit(None, 1)[-1] in obj:
                continue  # "Visual SourceSafe 4.0" names the version already
        if _bare(release) in _bare(obj):
            continue  # "Install Visual Studio 6.0 Service Pack 5" names it already
        if _bare(product) and _bare(product) in _bare(obj):
            out.append(release)
    return out


def _too_old(article: Article) -> str:
    """ "dated 6/25/96 or later" from the cause's "with a date prior to 6/25/96" (or a
    version from "versions earlier than 2.1"); "" when the article says neither."""
    for section in article.sections:
        if section.key not in {"cause", "causes", "resolution", "status"}:
            continue
        found = _DATED_BEFORE_RE.search(_plain(section.text))
        if found is not None:
            if found.group("date"):
                return f"dated {found.group('date')} or later"
            return f"version {found.group('version')} or later"
    return ""


def _restart(article: Article, option: Option, obj: str, shared: bool) -> str:
    """The restart step with its reason, or "" when neither the article nor the kind of
    update (a driver, the BIOS or firmware, a Windows service pack) needs one."""
    said = [] if shared else [option.section.text]  # a shared section's may be the other's
    said += [s.text for s in article.sections if s.key in {"status", "more information"}]
    for text in said:
        for sentence in split_sentences(_plain(text)):
            if _SAID_RESTART_RE.search(sentence):
                return with_detail("Restart the computer.", f'The article: "{sentence}"')
    shown = ["\n".join(split_detail(item)) for item in option.items]
    files = [name for text in shown for name, _, _ in file_versions(text)]
    if not shared:
        files += [name for name, _, _ in file_versions(option.section.text)]
    drivers = [f for f in dict.fromkeys(files) if _DRIVER_FILE_RE.search(f)]
    if drivers:
        return with_detail(
            "Restart the computer.",
            f"The update replaces a driver ({', '.join(drivers[:3])}); Windows loads the new "
            "driver when it starts.",
        )
    kind = _DRIVER_RE.search(obj)
    if kind is not None:
        what = "driver" if kind.group(0).lower().startswith("driver") else kind.group(0)
        return with_detail(
            "Restart the computer.", f"The updated {what} is loaded when the computer starts."
        )
    products = " ".join([obj, *article.products])
    if (
        _WINDOWS_PACK_RE.search(obj)
        and _WINDOWS_RE.search(obj if _WINDOWS_RE.search(obj) else products)
        and not _OTHER_PRODUCT_RE.search(obj)
    ):
        return with_detail(
            "Restart the computer.",
            "The update replaces Windows system files that are in use; the new files take "
            "effect when the computer restarts.",
        )
    return ""


def _where(option: Option, step: str) -> str:
    """The address the article gives right after its obtain sentence ("For a complete list
    of Microsoft Product Support Services phone numbers ... go to the following address on
    the World Wide Web: http://..."), when the step does not show one yet; "" otherwise."""
    text, detail = split_detail(step)
    if _URL_RE.search(text) or _URL_RE.search(detail):
        return ""
    paras = [p for p in re.split(r"\n\s*\n", option.section.text) if p.strip()]
    head = _plain(text)[:40].casefold()
    for n, para in enumerate(paras):
        if head and head not in _plain(para).casefold().replace("to resolve this problem, ", ""):
            continue
        prev = ""
        for near in paras[n : n + 3]:
            url = _URL_RE.search(near)
            if url is not None:
                led = near if _plain(near[: url.start()]) else f"{prev}\n{near}"
                return _where_said(led, url.group(0).rstrip(".,;"))
            if (
                near is not para
                and not near.strip().endswith(":")
                and not re.search(r"\bfollowing (?:address|location|web site)\b", near, re.I)
            ):
                break
            prev = near
        break
    return ""


def _where_said(para: str, url: str) -> str:
    """The address with the article's own lead sentence when that sentence only leads to
    it ("For a complete list of ... phone numbers ..., please go to the following address
    on the World Wide Web:"), else "Where: <address>"."""
    before = _plain(para[: para.find(url)]) if url in para else ""
    sentences = split_sentences(before)
    lead = sentences[-1] if sentences else ""
    if lead.endswith(":") and len(lead) <= MAX_WHERE_LEAD:
        return f"{lead}\n{url}"
    return f"Where: {url}"


def _split_table(detail: str) -> tuple[str, str]:
    """(the obtain step's detail without the update's file table, its "Component:" line
    and its file-dependencies note, that table): the table says what is installed, so it
    goes under the install step; the rest (where the fix is posted) stays."""
    kept: list[str] = []
    moved: list[str] = []
    for para in detail.split("\n\n"):
        lines = [line for line in para.split("\n") if line.strip()]
        tabled = bool(lines) and all(_TABLE_LINE_RE.match(line) for line in lines)
        if (
            TABLE_LEAD_RE.search(para)
            or _COMPONENT_RE.search(para)
            or (moved and (tabled or _DEPENDENCIES_RE.match(para.strip())))
        ):
            moved.append(para)
        else:
            kept.append(para)
    return "\n\n".join(kept), "\n\n".join(moved)


def install_after_obtain(article: Article, option: Option, shared: bool = False) -> None:
    """Follow a fix whose every step only obtains an update with the step that installs
    it (and a restart where one is needed); the obtain step keeps the article's address.
    `shared`: another fix comes from the same section, whose file table may be that fix's
    (Windows 2000's service pack beside Windows NT 4.0's hotfix), so only the steps' own
    table names files."""
    if article.style != "mskb" or option.kind not in {"option", "upgrade"} or not option.items:
        return
    # the obtain steps, and after them at most the article's own restart ("Restart the
    # server after you install the hotfix."): the install goes between them
    end = len(option.items)
    if end >= 2 and _RESTART_STEP_RE.match(split_detail(option.items[-1])[0].strip()):
        end -= 1
    objects = [_obtained(split_detail(item)[0]) for item in option.items[:end]]
    if not objects or not all(objects):
        return
    obj = objects[-1]
    if len(option.items) == 1:  # named by its whole step, as a one-step fix is
        option.label = named_label(option.label, [split_detail(option.items[0])[0]])
    last = option.items[end - 1]
    named = _named(obj)
    version = _version_said(article, option, named, shared)  # before the table moves
    text, detail = split_detail(last)
    where = _where(option, last)
    kept, table = _split_table(detail)
    if where:
        lead = where.rpartition("\n")[0]
        if lead and lead in kept:  # the lead is shown already, its address was not
            kept = kept.replace(lead, where, 1)
        else:
            kept = "\n\n".join(p for p in (kept, where) if p.strip())
    said = _OBTAINED_TYPO_RE.sub("Obtain", text)  # the article's "You can also obtained"
    if said != text:
        option.label = _OBTAINED_TYPO_RE.sub("Obtain", option.label)
    option.items[end - 1] = with_detail(said, kept) if kept.strip() else said
    if version and version.casefold() in named.casefold():
        version = ""  # "the fix for the 3C59x driver (version 1.10.00 or later)" says it
    version = f" ({version})" if version else ""
    chosen = ", whichever you obtained"
    if named.endswith(chosen):  # "A or B (files ...), whichever you obtained"
        named, version = named.removesuffix(chosen), f"{version}{chosen},"
    if re.fullmatch(r"[\w.-]+\.exe", named, re.IGNORECASE):  # the downloaded package
        step = f"Run {named} to install the fix{version}, following its instructions."
    elif named.startswith("the file") and re.search(r"\.exe\b", obj, re.IGNORECASE):
        step = (
            f"Run the file you downloaded to install the fix{version}, following its instructions."
        )
    else:
        them = "them" if _plural(named) else "it"
        step = f"Install {named}{version} by following the instructions that come with {them}."
    option.items.insert(end, with_detail(step, table) if table.strip() else step)
    old = _too_old(article)
    if old.startswith("dated ") and not option.checks:  # the cause's date, read back
        option.checks = [f"Check that {named} is {old}: look at the date of its files."]
    restart = _restart(article, option, obj, shared) if end == len(option.items) - 1 else ""
    if restart:
        option.items.append(restart)
