"""The latest service pack or the individual update: two ways, each with its source (r33).

About 400 Windows NT 4.0 articles resolve with one sentence and two addresses: "To resolve
this problem, obtain the latest service pack for Windows NT 4.0 or the individual
software update. For information on obtaining the latest service pack, please go to: -
http://... -or- - Q152734 ... For information on obtaining the individual software
update, contact Microsoft Product Support Services. For a complete list of Microsoft
Product Support Services phone numbers ...: http://...". Drafted as one step, the two
alternatives were one outcome ("Obtain the latest service pack ... or the individual
software update", then a restart the article never asks for) and where the individual
update comes from (support, the hotfix's FTP folder) was dropped (seed 90 readers).

Here the step becomes two fixes of the fix question: "Install the latest service pack
for X" (its address and the article's "-or-" Knowledge Base pointer, then the install)
and "Get the individual update (hotfix) from Microsoft Product Support Services" (the
support address, the hotfix's posted location, then the install with the fix's file
table when the same block shows one, read back as its verify). Both steps are built here,
so `obtain_install` adds no restart the article does not say.
"""

from __future__ import annotations

import re

from kbassist.articles import Article
from kbassist.drafting.option_model import Option
from kbassist.drafting.text import split_detail, split_sentences, with_detail
from kbassist.drafting.verify import TABLE_LEAD_RE

#: "Obtain the latest service pack for Windows NT 4.0 or the individual software update."
#: (the product may say "4.0" and "or Windows NT Server 4.0, Terminal Server Edition").
_OR_STEP_RE = re.compile(
    r"^(?:to (?:resolve|correct) (?:this|the) (?:problem|issue),\s)?obtain\s"
    r"(?P<pack>the latest service pack for (?:[^.]|\.(?=\d)){1,120}?)\sor\s"
    r"(?:the\s|an\s)?individual\s(?P<update>software update|hot ?fix|update|fix)\.?$",
    re.IGNORECASE,
)
#: "For information on obtaining the individual software update, contact Microsoft
#: Product Support Services." (the sentence that says where the second way comes from).
_WHO_RE = re.compile(
    r"^for (?:more |additional )?information (?:on|about) obtaining the individual "
    r"(?:software update|hot ?fix|update|fix),? (?:please )?contact (?P<who>microsoft product "
    r"support services|microsoft technical support)\.?$",
    re.IGNORECASE,
)
#: "For information on obtaining the latest service pack, please go to:" (the pack's lead).
_PACK_LEAD_RE = re.compile(
    r"^for (?:more |additional )?information (?:on|about) obtaining the latest service pack\b",
    re.IGNORECASE,
)
_URL_RE = re.compile(r"(?:https?|ftp)://[^\s<>\"')\]]+", re.IGNORECASE)
#: "Q152734 How to Obtain the Latest Windows NT 4.0 Service Pack": a Knowledge Base pointer.
_KB_LINE_RE = re.compile(r"^-?\s*Q\d{5,6}\s+\S")
#: A heading's underline ("-----", "====="): the next product's block starts above it.
_RULE_RE = re.compile(r"^\s*[-=]{4,}\s*$")
#: The hotfix's own place, said in the pack step's detail: "This hotfix has been posted to
#: the following Internet location as Smssfixi.exe (x86) ...".
_HOTFIX_PARA_RE = re.compile(r"\b(?:hot ?fix|this fix)\b[^\n]{0,80}\b(?:posted|available)\b", re.I)
#: A line of a file table: a box rule, or columns spaced apart.
_TABLE_LINE_RE = re.compile(r"^\s*(?:[-=+|]{3,}.*|.*\S(?:\s{2,}|\t)\S.*)$")

#: A later step said of one way only: "To use the hotfix, copy ... and run Setup.exe", the
#: hotfix's FTP folder; "Service Pack 5 sets a minimum allowed of 7", "When you apply SP6".
_HOTFIX_WORD_RE = re.compile(
    r"\b(?:hot ?fix(?:es)?|fix(?:es)?|(?:individual |software )update)\b", re.IGNORECASE
)
_PACK_WORD_RE = re.compile(r"\b(?:service pack|SP ?\d[a-z]?)\b", re.IGNORECASE)

UPDATE_LABEL = "Get the individual update (hotfix) from Microsoft Product Support Services"


def _plain(text: str) -> str:
    return " ".join(text.split())


def _paras(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def _block(text: str, step: str) -> list[str]:
    """The paragraphs of `text` from the one that says `step` to the next product's
    heading (a line over a rule) or the end; [] when no paragraph says it."""
    paras = _paras(text)
    head = _plain(step).casefold().rstrip(".")  # whole: another block opens the same way
    for n, para in enumerate(paras):
        if head in _plain(para).casefold():
            out = [para]
            for later in paras[n + 1 :]:
                lines = later.strip("\n").split("\n")
                if (
                    len(lines) >= 2
                    and _RULE_RE.match(lines[1])
                    and not _RULE_RE.match(lines[0])
                    and not re.search(r"\S(?:\s{2,}|\t)\S", lines[0].strip())  # a table's
                ):
                    break  # "Windows NT Server 4.0, Terminal Server Edition" over "-----"
                if re.match(r"\s*to (?:resolve|correct) (?:this|the)\b", later, re.I):
                    break  # the next way's own sentence
                out.append(later)
            return out
    return []


def _addressed(lead: str, paras: list[str]) -> str:
    """`lead` and the addresses in the paragraphs after it ("- http://... -or- - Q152734
    How to Obtain ..."), a line each; only the paragraphs that are addresses count."""
    lines = [lead] if lead else []
    for para in paras:
        flat = _plain(para)
        if flat in {"-or-", "- or -", "or"}:
            lines.append("-or-")
        elif _URL_RE.fullmatch(flat.lstrip("- ")) or _KB_LINE_RE.match(flat):
            lines.append(flat.lstrip("- "))
        else:
            break
    while lines and lines[-1] == "-or-":
        lines.pop()
    return "\n".join(lines) if len(lines) > (1 if lead else 0) else ""


def _ways(block: list[str]) -> tuple[str, str, str, str] | None:
    """(the pack's where, who gives the update, the update's where, its file table) from
    the block, or None when it does not say where the individual update comes from."""
    pack_where, who, update_where, table = "", "", "", ""
    for n, para in enumerate(block):
        sentences = split_sentences(_plain(para))
        for k, sentence in enumerate(sentences):
            if _PACK_LEAD_RE.match(sentence) and not pack_where:
                rest = " ".join(sentences[k:])
                pack_where = _addressed(rest, block[n + 1 :])
            found = _WHO_RE.match(sentence)
            if found is not None and not who:
                who = found.group("who")
                rest = " ".join(sentences[k + 1 :])
                update_where = _addressed(rest, block[n + 1 :]) if rest.endswith(":") else rest
        if who and TABLE_LEAD_RE.search(_plain(para)):
            rows = [para, *_table_after(block[n + 1 :])]
            table = "\n\n".join(p.strip("\n") for p in rows)
            break
    if not who:
        return None
    return pack_where, who, update_where, table


def _table_after(paras: list[str]) -> list[str]:
    """The paragraphs after a table lead that are the table's lines."""
    out: list[str] = []
    for para in paras:
        lines = [line for line in para.split("\n") if line.strip()]
        if not lines or not all(_TABLE_LINE_RE.match(line) for line in lines):
            break
        out.append(para)
    return out


def _split_detail(detail: str) -> tuple[str, str]:
    """(the pack step's detail, the paragraphs of it that say where the hotfix is)."""
    kept: list[str] = []
    moved: list[str] = []
    for para in detail.split("\n\n"):
        (moved if moved or _HOTFIX_PARA_RE.search(para) else kept).append(para)
    return "\n\n".join(kept), "\n\n".join(moved)


def _later_steps(later: list[str]) -> tuple[list[str], list[str]]:
    """(the pack's later steps, the update's): a step that names one way only goes to that
    way, and so do the items listed under it ("... in Service Pack 6 as follows:"); the
    rest to both."""
    pack: list[str] = []
    update: list[str] = []
    lead = (True, True)  # the ways the items under the last "...:" step belong to
    for item in later:
        text = split_detail(item)[0].strip()
        hotfix = bool(_HOTFIX_WORD_RE.search(text))
        named = bool(_PACK_WORD_RE.search(text))
        ways = (named or not hotfix, hotfix or not named) if hotfix != named else lead
        if hotfix != named:
            lead = ways if text.endswith(":") else (True, True)
        if ways[0]:
            pack.append(item)
        if ways[1]:
            update.append(item)
    return pack, update


def _pair(option: Option) -> list[Option]:
    """The option as its two ways, or [option] when its first step is not the "or" step
    or its section does not say where the individual update comes from."""
    text, detail = split_detail(option.items[0])
    found = _OR_STEP_RE.match(_plain(text))
    if found is None:
        return [option]
    ways = _ways(_block(option.section.text, text))
    if ways is None:
        return [option]
    pack_where, who, update_where, table = ways
    who = who[0].upper() + who[1:]
    pack, update = found.group("pack"), f"the individual {found.group('update')}"
    kept, hotfix = _split_detail(detail)
    prefix = option.label.split(": ", 1)[0] + ": " if ": " in option.label else ""
    # what the article says after the fix is got holds for both, unless it names one way
    later = option.items[1:]
    pack_later, update_later = _later_steps(later)

    option.label = f"{prefix}Install {pack}"
    option.items = [
        with_detail(f"Obtain {pack}.", "\n\n".join(p for p in (kept, pack_where) if p)),
        "Install the service pack by following the instructions that come with it.",
        *pack_later,
    ]
    get = with_detail(
        f"Contact {who} to obtain {update}.",
        "\n\n".join(p for p in (update_where, hotfix) if p),
    )
    install = f"Install {update} by following the instructions that come with it."
    other = Option(
        option.section,
        f"{prefix}{UPDATE_LABEL}",
        "",
        [get, with_detail(install, table) if table else install, *update_later],
    )
    other.checks, other.case, other.applies = list(option.checks), option.case, option.applies
    other.pre_items, other.pre_section = list(option.pre_items), option.pre_section
    return [option, other]


def pack_or_update_options(article: Article, options: list[Option]) -> list[Option]:
    """`options` with each "obtain the latest service pack for X or the individual
    software update" fix split into its two ways, the update's right after the pack's."""
    if article.style != "mskb":
        return options
    out: list[Option] = []
    for option in options:
        if option.kind != "option" or not option.items or option.when or option.asks:
            out.append(option)
            continue
        out.extend(_pair(option))
    return out
