"""Modern ticks that are an aside of the step before, and actions said only in a lead-in
(round 18, the seed-56 readers' notes on MS support and runbooks).

- A list of bare names under a lead-in (a SYSVOL directory tree: "domain", "Policies",
  "{GUID}", "Adm", ...; a dialog's options after "select the following options:") is
  what that step shows or picks: one block in its detail (indented as the article has
  it), never a tick per name.
- "Use NetBIOS name: 192.168.0.10 CNAME" / "Don't use FQDN: ..." after "The following
  example is for illustration only": the example, shown under the step it illustrates.
- "In this command, X represents Y": help of the command step before it.
- "E.g. to determine who ...:" / "For example, ..." and "The `audit` subcommand also
  supports ...": notes of the step before (with their commands), not steps.
- "Make sure that you check whether the problem is resolved after every step." ticked
  first: how to work through the steps, the outcome's text.
- "..., follow these steps on the print server, and then restart the Print Spooler
  service:": the restart said only in the lead-in is ticked after the steps.
"""

from __future__ import annotations

import re

from kbassist.articles.model import Section
from kbassist.drafting.name_lists import MAX_NAME_WORDS, bare_name_text, imperative, is_listing
from kbassist.drafting.option_model import Option
from kbassist.drafting.text import split_detail, split_sentences, with_detail

#: "Use NetBIOS name: 192.168.0.10 CNAME", "Don't use FQDN: 192.168.0.10 CNAME.X.COM":
#: an example line, a label and the value it shows.
_USE_LINE_RE = re.compile(
    r"^(?:(?:do\s+not|don't|never)\s+)?use\s+(?P<what>[^:.]{1,40}):\s+(?P<value>\S[^:]{0,120})$",
    re.IGNORECASE,
)
#: "In this command, ADFSServiceName represents the FQDN ...": what a command's part is.
_REPRESENTS_RE = re.compile(
    r"^in\s+(?:this|that|the\s+(?:above|previous|preceding))\s+(?:command|cmdlet|example|"
    r"syntax|script|path|string|line)s?,\s+\S.{0,200}?\b(?:represents?|is|are|stands?\s+for"
    r"|refers?\s+to)\b",
    re.IGNORECASE | re.DOTALL,
)
#: "E.g. to determine who ...", "For example, ...", "For instance, ...": an example.
_EXAMPLE_RE = re.compile(r"^(?:e\.\s?g\.|for\s+(?:example|instance)\b)", re.IGNORECASE)
#: "The `audit` subcommand also supports the `--failed-only` option ...": more it can do.
_ALSO_SUPPORTS_RE = re.compile(
    r"^(?:the\s+)?[\w`.'-]+(?:\s+[\w`.'-]+){0,3}\s+(?:also\s+(?:supports?|accepts?|offers?|"
    r"provides?|allows?)|can\s+also\s+(?:be\s+used|take|accept|show|return))\b",
    re.IGNORECASE,
)
#: "Make sure that you check whether the problem is resolved after every step.": how to
#: work through the steps, no step.
_CHECK_EACH_RE = re.compile(
    r"^(?:make\s+sure|be\s+sure)\s+(?:that\s+)?(?:you\s+)?(?:check|test|verify)\s+(?:whether|if)"
    r"\s+the\s+(?:problem|issue|error)\s+is\s+(?:resolved|fixed|solved)\s+after\s+(?:every|each)"
    r"\s+(?:step|method|change)\b[^:]*$",
    re.IGNORECASE,
)
#: "Follow these steps, in the order given.": how to go through the steps, no step.
_FOLLOW_STEPS_RE = re.compile(
    r"^(?:to\s+[^,]{3,80},\s+)?follow\s+(?:these|the\s+following)\s+steps\b[^:]*\.$",
    re.IGNORECASE,
)
#: "..., follow these steps on the print server, and then restart the Print Spooler
#: service:": a lead-in whose last action is said only there.
_LEAD_THEN_RE = re.compile(
    r"\b(?:steps|procedure|following|commands?)\b[^:.;]{0,120}?,?\s+and\s+then\s+"
    r"(?P<act>(?:restart|reboot|start|stop|log\s+off|sign\s+out|close|reopen|run|update|"
    r"refresh|reconnect)\b[^:.;]{2,100}?)\s*:?\s*$",
    re.IGNORECASE,
)
#: An instruction anywhere in a line ("At a command prompt, type X, and then select the
#: following options:"): a step, not a legend over a listing.
_INSTRUCTION_RE = re.compile(
    r"\b(?:select|click|type|choose|run|open|press|enter|check|clear|set|add|remove)\b", re.I
)
#: Where a list item's marker and indent show its depth.
_ITEM_LINE_RE = re.compile(r"^(?P<indent>\s*)[-*+]\s+(?P<text>.+?)\s*$")


def _joined(*parts: str) -> str:
    return "\n\n".join(p for p in parts if p.strip())


def _names_block(names: list[str], section: Section | None) -> str:
    """The names as "- name" lines, indented as the article's list has them (its Markdown
    read from the section's text; flat where a name is not found there)."""
    lines = section.text.split("\n") if section is not None else []
    at = 0
    found: list[tuple[int, str]] = []
    for name in names:
        indent = -1
        for n in range(at, len(lines)):
            m = _ITEM_LINE_RE.match(lines[n])
            if m and re.sub(r"[*`]", "", m.group("text")).strip() == name:
                indent, at = len(m.group("indent")), n + 1
                break
        found.append((indent, name))
    depths = sorted({i for i, _ in found if i >= 0})
    return "\n".join(f"{'  ' * (depths.index(i) if i >= 0 else 0)}- {name}" for i, name in found)


def _under(item: str, block: str, after: str) -> str:
    """`item` with the names `block` under its lead line ("SYSVOL directory structure:"
    ending its detail: one paragraph with it), then what followed the list."""
    text, detail = split_detail(item)
    if detail.rstrip().endswith(":"):
        return with_detail(with_detail(text, f"{detail.rstrip()}\n{block}"), after)
    return with_detail(item, _joined(block, after))


#: "select the following options:", "click to select these check boxes:": what follows
#: are a dialog's option names, which may read like actions ("Create crash dump").
_PICK_LEAD_RE = re.compile(
    r"\b(?:select|choose|check|clear|enable|pick)\b[^:]{0,60}\b(?:following|these|options?|"
    r"check\s*box(?:es)?|settings?)\b[^:]*:$",
    re.IGNORECASE,
)


def _names_run(items: list[str], start: int, options: bool) -> int:
    """The end of the run of bare-name items from `start` (`start` when none); `options`:
    under a "select the following options:" lead, where a name may read like an action."""
    end = start
    while end < len(items):
        text, detail = split_detail(items[end])
        if not bare_name_text(text, options=options):
            break
        end += 1
        if detail and end - 1 > start:
            break  # what follows the list: the run ends with the name it is glued to
    return end


def _lead_of(items: list[str], out: list[str], n: int) -> tuple[str, bool]:
    """(the lead-in over item `n`'s list, whether it is glued under item `n` itself):
    a detail glued under the first name, else the step before's text or last detail
    paragraph when it ends ":"."""
    glued = split_detail(items[n])[1].strip()
    if glued and "\n" not in glued and glued.endswith(":"):
        return glued, True
    if glued or not out:
        return "", False
    text, detail = split_detail(out[-1])
    last = detail.rstrip().rsplit("\n", 1)[-1] if detail.strip() else text.rstrip()
    return (last, False) if last.endswith(":") else ("", False)


def names_shown(items: list[str], section: Section | None) -> list[str]:
    """`items` with each run of two or more bare names under a lead-in (a step or detail
    ending ":") shown as one block in that step's detail."""
    if len(items) < 2:
        return items
    out: list[str] = []
    n = 0
    while n < len(items):
        lead, glued = _lead_of(items, out, n)
        end = _names_run(items, n, bool(_PICK_LEAD_RE.search(lead))) if lead else n
        if end - n < 2:
            out.append(items[n])
            n += 1
            continue
        last_detail = split_detail(items[end - 1])[1] if end - 1 > n else ""
        block = _names_block([split_detail(i)[0].strip() for i in items[n:end]], section)
        if glued:  # "select the following options:" glued under the first name: the step
            out.append(with_detail(lead, _joined(block, last_detail)))
        else:
            out[-1] = _under(out[-1], block, last_detail)
        n = end
    return out


def _aside(text: str) -> bool:
    """An example, a command's legend or what else a tool supports: a note of the step
    before."""
    flat = " ".join(text.split())
    return bool(
        _REPRESENTS_RE.match(flat) or _EXAMPLE_RE.match(flat) or _ALSO_SUPPORTS_RE.match(flat)
    )


def _legend(text: str, detail: str) -> bool:
    """ "A comma-separated list in parentheses of specific rights:" over "- RC - read
    control", "- RD - read data": what a command's parts mean, said as a statement over a
    listing of names."""
    return (
        text.endswith(":")
        and bool(detail)
        and is_listing(detail.strip())
        and not re.match(r"(?:if|when|to)\b", text, re.IGNORECASE)
        and not _INSTRUCTION_RE.search(text)
        and not imperative(text)
    )


#: "This action modifies the ACLs ...", "This command configures X as ...": what the
#: step before it does, said after it in the same paragraph.
_EXPLAINS_RE = re.compile(
    r"^(?:this|that)\s+(?:action|command|cmdlet|step|change|setting|option|procedure)\s+"
    r"(?!must\b|should\b|needs?\b|has\s+to\b|may\s+take\b|requires?\b)[a-z]+s\b",
    re.IGNORECASE,
)


def _explained(text: str) -> tuple[str, str] | None:
    """(the step, its explanation) of a step whose later sentence explains it ("... click
    OK. This action modifies the ACLs ...", "Type X. In this command, Y represents Z");
    None when it has none."""
    if "this" not in text.casefold():
        return None  # the common case: no such sentence (a cheap test first)
    sentences = split_sentences(text)
    for n, sentence in enumerate(sentences[1:], 1):
        if _EXPLAINS_RE.match(sentence) or _REPRESENTS_RE.match(sentence):
            return " ".join(sentences[:n]), " ".join(sentences[n:])
    return None


def asides_shown(items: list[str]) -> list[str]:
    """`items` with example lines, a command's legend, "E.g. ..." and "X also supports
    ..." shown under the step before them."""
    out: list[str] = []
    for n, item in enumerate(items):
        text, detail = split_detail(item)
        flat = " ".join(text.split())
        said = _explained(flat)
        if said:  # "Click OK. This action modifies the ACLs ...": the step, then its help
            flat = text = said[0]
            detail = _joined(said[1], detail)
            item = with_detail(text, detail)
        if out and (_aside(flat) or _legend(flat, detail)):
            out[-1] = with_detail(out[-1], _joined(flat, detail))
            continue
        use = _USE_LINE_RE.match(flat)
        if out and use and not split_sentences(use.group("value"))[1:]:
            near = [split_detail(i)[0] for i in items[max(0, n - 1) : n + 2]]
            pair = sum(bool(_USE_LINE_RE.match(" ".join(t.split()))) for t in near) >= 2
            if pair or "example" in out[-1].casefold():
                out[-1] = with_detail(out[-1], _joined(flat, detail))
                continue
        out.append(item)
    return out


def lead_action(option: Option) -> None:
    """Tick the action a lead-in says after "and then" ("..., follow these steps on the
    print server, and then restart the Print Spooler service:") after the steps, unless
    a step already does it; move "Make sure that you check whether the problem is
    resolved after every step." from the ticks to the outcome's text."""
    kept: list[str] = []
    for item in option.items:
        text, detail = split_detail(item)
        if _CHECK_EACH_RE.match(" ".join(text.split())) and len(option.items) > 1:
            said = [text.strip()]
            if len(kept) == 1 and _FOLLOW_STEPS_RE.match(split_detail(kept[0])[0]):
                # "Follow these steps, in the order given." before it: the same lead-in
                said = [" ".join(split_detail(kept.pop())).strip(), *said]
            option.lead = " ".join(p for p in (option.lead, *said) if p)
            if kept and detail:
                kept[-1] = with_detail(kept[-1], detail)
            continue
        kept.append(item)
    option.items = kept
    lead = " ".join(option.lead.split())
    if not option.items or ", and then" not in lead:
        return
    then = next((m for s in split_sentences(lead) if (m := _LEAD_THEN_RE.search(s))), None)
    if then is None:
        return
    act = then.group("act").strip()
    words = [w for w in re.findall(r"[a-z0-9]+", act.casefold()) if len(w) > 3]
    for item in option.items:
        flat = split_detail(item)[0].casefold()
        if words and all(w in flat for w in words[:3]):
            return  # a step does it already
    if len(act.split()) > MAX_NAME_WORDS * 3:
        return
    option.items.append(f"{act[0].upper()}{act[1:]}.")
