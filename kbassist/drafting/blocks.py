"""Options from the article's block tree (Markdown runbooks and support articles).

The flat section text of a Markdown article loses what a draft needs most: a fenced
command is a block of its own, a `### 1. If the diagnosis shows ...` heading under
Mitigation is one alternative, a list item is one action. This module reads the parts
the role table marks `resolution` (Mitigation, Resolution, Workaround, Solution N ...)
and turns them into `Option`s: one per sub-heading or per `-or-` alternative, each with
its steps in order, a command shown verbatim after the action that runs it, and notes
kept as detail of the step they follow (not items of their own).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from kbassist.articles import Article, Section
from kbassist.articles.model import (
    Block,
    Code,
    Image,
    Include,
    ListBlock,
    Note,
    Paragraph,
    Part,
    Quote,
    Table,
)
from kbassist.drafting.name_lists import name_list
from kbassist.drafting.session_output import with_output_marked
from kbassist.drafting.text import (
    DETAIL_SEP,
    clean,
    dedent_lines,
    is_boilerplate,
    short_label,
    split_sentences,
    step_text,
    with_detail,
    without_boilerplate,
)

#: A step's command is cut after this many lines (the citation points to the rest).
MAX_COMMAND_LINES = 12
#: A code block kept verbatim as a step's detail is cut after this many lines.
MAX_CODE_LINES = 60
_HEAD_NUMBER_RE = re.compile(r"^(?:\d{1,2}[.)]\s*|step\s+\d+\s*[:.-]\s*)", re.IGNORECASE)
_IF_HEAD_RE = re.compile(
    r"^(?:if|when)\s+(?:the\s+)?(?:diagnosis|output|logs?|check|investigation|above)?\s*"
    r"(?:shows?|indicates?|reveals?|reports?|finds?|says?)?\s*(?:that\s+)?",
    re.IGNORECASE,
)
#: "Option B: ...", "Solution 2 - ...", "Workaround:": the name is dropped; "Fix alerts
#: before continuing" keeps its verb (a letter counts only as a word of its own).
_OPTION_HEAD_RE = re.compile(
    r"^(?:option|method|solution|resolution|workaround|fix|approach|scenario|case)"
    r"(?:\s*(?:\d{1,2}|[A-H])(?!\w)\s*[:.-]?|\s*[:.-]|\s*$)\s*",
    re.IGNORECASE,
)


def part_sections(article: Article) -> dict[int, Section]:
    """Each part (by id) -> the flat section a citation names: itself or an ancestor."""
    by_name = {s.key: s for s in article.sections}
    out: dict[int, Section] = {}

    def visit(part: Part, inherited: Section | None) -> None:
        from kbassist.articles.model import section_key

        own = by_name.get(section_key(part.name)) or inherited
        if own is not None:
            out[id(part)] = own
        for child in part.children:
            visit(child, own)

    for part in article.document.parts:
        visit(part, None)
    return out


def heading_label(name: str, limit: int = 60) -> str:
    """ "### 1. If the diagnosis shows 401/403 errors" -> "401/403 errors": a choice label."""
    from kbassist.drafting.modern import md_plain

    text = _HEAD_NUMBER_RE.sub("", md_plain(name)).strip(" :*#")
    bare = _IF_HEAD_RE.sub("", text) if _IF_HEAD_RE.match(text) else text
    bare = _OPTION_HEAD_RE.sub("", bare) if _OPTION_HEAD_RE.match(bare) else bare
    bare = bare.strip(" :,")
    if len(bare) >= 4:
        text = bare[0].upper() + bare[1:]
    return short_label(text, limit)


def code_text(code: Code) -> str:
    """A command block on one line (for a one-line note), cut after MAX_COMMAND_LINES."""
    lines = [line.rstrip() for line in code.code.strip("\n").split("\n")]
    lines = [line for line in lines if line.strip()]
    if len(lines) > MAX_COMMAND_LINES:
        lines = [*lines[:MAX_COMMAND_LINES], "..."]
    return " ; ".join(line.strip() for line in lines)


def code_block(code: Code) -> str:
    """A command block as written, line by line (a multi-line query stays valid), cut
    after MAX_CODE_LINES lines; shown as the detail of its step."""
    lines = code.code.strip("\n").split("\n")
    if len(lines) > MAX_CODE_LINES:
        lines = [*lines[:MAX_CODE_LINES], "..."]
    if "$ " not in code.code and " :" not in code.code:
        return dedent_lines(lines)
    # a "$ command" session's sample output (or a list view pasted under its command) is
    # marked as output, not left to be typed
    return "\n".join(with_output_marked(dedent_lines(lines).split("\n"), OUTPUT_LABEL))


def _inline(blocks: Iterable[Block]) -> str:
    """Blocks as one line of detail (notes, quotes, tables)."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(clean(block.text.plain))
        elif isinstance(block, Code):
            out.append(code_text(block))
        elif isinstance(block, Table):
            rows = [" | ".join(clean(c.plain) for c in row) for row in (block.header, *block.rows)]
            out.append(" / ".join(r for r in rows if r))
        elif isinstance(block, ListBlock):
            out.extend(_inline(item.blocks) for item in block.items)
        elif isinstance(block, Note | Quote):
            out.append(_inline(block.blocks))
    return " ".join(t for t in out if t)


def _table_lines(table: Table) -> str:
    """A table as rows of cells, one row per line."""
    rows = [" | ".join(clean(c.plain) for c in row) for row in (table.header, *table.rows)]
    return "\n".join(r for r in rows if r.strip(" |"))


#: A line of a listing that is a command to run (a prompt, a variable set, a known tool),
#: so the listing is not only output even under "similar to the following".
_COMMAND_LINE_RE = re.compile(
    r"^\s*(?:\$\s|#\s*[A-Z_]+=|(?:sudo|oc|kubectl|ceph|rados|systemctl|curl|virtctl|etcdctl|"
    r"podman|crictl|journalctl|rbd|radosgw-admin)\s)",
    re.MULTILINE,
)
#: Over a listing an article shows as what a command prints: read it, do not run it.
OUTPUT_LABEL = "Output (what it shows, not a command to run):"


#: A lead over in-page links that names what the admin sees: the links are its cases.
_CASES_LEAD_RE = re.compile(r"\b(?:messages?|errors?|symptoms?|scenarios?|cases?)\b\W{0,3}$", re.I)
#: A heading said as a step is kept whole up to this length (a choice label is cut at 60).
STEP_HEADING_LIMIT = 130


class _Steps:
    """Collects checklist items: actions, each command after the action it belongs to."""

    def __init__(self, verify_after: bool = False, diagnosis: bool = False) -> None:
        #: A fix's steps: a "Verify ..." right after its own check is a check too (a
        #: Diagnosis reads every "Verify ..." as a step: it is how it checks).
        self.verify_after = verify_after
        #: A Diagnosis part: "Verify that X:" over its command is one of its checks, run
        #: before the fix, not the fix's verify (which dropped it from the Diagnosis).
        self.diagnosis = diagnosis
        self.items: list[str] = []
        self.lead: list[str] = []
        self.checks: list[str] = []
        #: The block before was a check: a command right after it is the check's.
        self.last_check = False
        #: A check was the last thing read (no action since): a "Verify ..." after it
        #: checks the fix too.
        self.after_check = False
        #: The block before made the last item (its action) or gave it a command: a
        #: command right after belongs to that item ("Check the status" + `oc get ...`).
        self.open = False
        #: A label over a list of actions ("Check Alerts:"): said with its first action.
        self.label = ""
        #: A longer lead-in over a list of actions, not an action: their context.
        self.context = ""
        #: The paragraph before announced output ("... displays something similar to the
        #: following example output:"): the code after it is shown as output, not run.
        self.shown = False
        #: (lead, paragraph) of links read before any step ("See [Job patterns](...)"
        #: first): the steps' lead, or the step itself when the part has no other.
        self.lead_refs: list[tuple[str, str]] = []

    def add(self, text: str) -> None:
        text = clean(without_boilerplate(text))
        if self.label and text:
            # "Verify cluster access:" over its sub-steps: said with the first of them (as
            # the action: "You may check X" reads "Check X")
            bare = _MODAL_LEAD_RE.sub("", text, count=1)
            if bare != text and _imperative(bare):
                text = bare[0].upper() + bare[1:]
            text, self.label = f"{self.label} {text}", ""
        if text and not is_boilerplate(text):
            self.after_check = False
            self.items.append(text)
            if self.context:
                # "In general the mitigation landscape is vast, some suggestions:" over
                # actions: shown under the first of them, not a step to tick
                self.items[-1] = with_detail(self.items[-1], self.context)
                self.context = ""

    def flush_pending(self) -> None:
        """A lead-in left over at a heading ("The top window ... lists problems ...:" over
        a quote) belongs to the steps above it, never to the next heading's step."""
        over = self.label or self.context
        self.label = self.context = ""
        if over:
            self.detail(over, "")

    def detail(self, text: str, label: str = "Note") -> None:
        """A note or table: detail of the step before it, never an item of its own;
        plain prose (label "") is shown as written, without a "Detail:" tag."""
        text = text.strip()
        if not text:
            return
        tagged = f"{label}: {text}" if label else text
        if self.items:
            self.items[-1] = with_detail(self.items[-1], tagged)
        else:
            self.lead.append(clean(tagged))

    def command(self, code: Code) -> None:
        """A command: the detail of the action that introduces it ("Restart the pod:"),
        else a step of its own; kept line by line either way."""
        command = code_block(code)
        if not command.strip():
            return
        if self.last_check and step_text(self.checks[-1]).endswith(":"):
            self.checks[-1] = with_detail(self.checks[-1], command)
            return
        last = step_text(self.items[-1]) if self.items else ""
        from kbassist.drafting.modern import message_text
        from kbassist.drafting.symptom_others import sample_said

        if self.items and self.items[-1] == last and sample_said(last):
            # "A sample alert message is provided below,": a lead into the sample, no
            # fragment cut at its comma
            last = self.items[-1] = f"{last.rstrip(' ,:')}:"
        if self.items and message_text(code.code, last):
            # the alert text as the admin sees it, not a command to run
            self.items[-1] = with_detail(self.items[-1], f"Alert text: {command.strip()}")
            return
        lead_in = last.endswith(":") and "`" not in last[-3:] and last == self.items[-1]
        if self.shown and self.items and not _COMMAND_LINE_RE.search(code.code):
            self.shown = False
            self.items[-1] = with_detail(self.items[-1], f"{OUTPUT_LABEL}\n{command}")
            self.open = True
            return
        if (self.open and self.items) or lead_in:
            self.items[-1] = with_detail(self.items[-1], command)
        else:
            config = code.language.casefold() in ("yaml", "yml", "json", "xml") or bool(
                re.match(r"\s*(?:apiVersion:|kind:|\{|<\?xml)", code.code)
            )
            lead = "Apply this configuration:" if config else "Run the command:"
            self.items.append(with_detail(lead, command))
        self.open = True

    def blocks(self, blocks: Sequence[Block], in_list: bool = False) -> None:
        for n, block in enumerate(blocks):
            if not isinstance(block, Code):
                self.open = False
                self.shown = False
            if isinstance(block, Paragraph):
                text = clean(block.text.plain)
                if not text:
                    continue
                shows = (
                    _SHOWS_RE.search(text) or _EXAMPLE_END_RE.search(text)
                ) and not _imperative(text)
                output = _OUTPUT_LEAD_RE.match(text) or (shows and _next_code(blocks, n))
                if self.items and output:
                    # "Example output:": what the step before shows, not a step
                    self.items[-1] = with_detail(self.items[-1], text)
                    self.open = True
                    self.shown = _next_code(blocks, n) and bool(_SAYS_OUTPUT_RE.search(text))
                    continue
                goal = _goal_over_links(text, blocks[n + 1] if n + 1 < len(blocks) else None)
                if goal:
                    # "To verify that X, see the following articles:" over links: the
                    # step is "Verify that X", the articles are shown under it
                    self.add(goal)
                    self.last_check = False
                    continue
                more = self.verify_after and self.after_check and _VERIFY_START_RE.match(text)
                looks = self.diagnosis and _VERIFY_START_RE.match(text)
                if (_is_check(text) and not looks) or more:
                    # the article's own check: the verify (with its command), never a step;
                    # "Verify using PromQL:" right after "Verify that ..." is one more
                    self.checks.append(text)
                    self.last_check = self.after_check = True
                    continue
                if (
                    self.verify_after
                    and self.last_check
                    and in_list
                    and n > 0
                    and not text.endswith(":")
                ):
                    # what the check's query returns when healthy: the check's own detail
                    self.checks[-1] = with_detail(self.checks[-1], text)
                    continue
                self.last_check = False
                nxt = blocks[n + 1] if n + 1 < len(blocks) else None
                if self._reference(block) or self._link_run(block):
                    continue  # "See [Quotas](...)": where to read, shown under the step
                leads_action = text.endswith(":") or isinstance(nxt, Code | ListBlock)
                if leads_action and self._pointer_over_links(text, nxt):
                    # "Further info ... can be found here." + its links: under the step above
                    from kbassist.drafting.modern import md_plain, with_urls

                    said = md_plain(with_urls(block))
                    if self.items:
                        self.detail(said, "")
                    else:
                        self.lead.append(said)
                    continue
                if not in_list and not leads_action and not _imperative(_unpleased(text)):
                    from kbassist.drafting.modern import with_urls

                    if self.items:
                        self.detail(with_urls(block), "")
                    else:
                        self.lead.append(with_urls(block))
                elif in_list and n > 0 and self.items and not leads_action:
                    self.detail(text, "")
                elif (
                    _remark_before_command(text, nxt)
                    and self.items
                    and not self.items[-1].count(DETAIL_SEP)
                ):
                    # "Check the collector logs" + "This is the most important step." + the
                    # command: a remark on the step above, whose command follows
                    self.detail(text, "")
                    self.open = True
                elif _label_over(text, nxt):
                    if _ANNOUNCE_RE.match(text):
                        # "To diagnose the cause of this alert, the following steps can be
                        # taken:": heads the steps below (the part's lead), never their detail
                        self.lead.append(text)
                    elif len(text.split()) <= MAX_LABEL_WORDS or _actionish(text):
                        self.label = text
                    else:
                        self.context = text
                else:
                    before = len(self.items)
                    self.add(text)
                    self.open = len(self.items) > before
                    if self.open:
                        self._links(block)
            elif isinstance(block, Code):
                self.command(block)
            elif isinstance(block, ListBlock):
                if self._toc_list(block) or self._code_list(block) or self._link_list(block):
                    continue
                if self._merged_list(block, blocks[n - 1] if n else None):
                    continue
                if self._name_list(block):  # a folder tree, a dialog's options: shown
                    continue
                for item in block.items:
                    self.blocks(item.blocks, in_list=True)
            elif isinstance(block, Note):
                self.detail(_inline(block.blocks), block.level.capitalize() or "Note")
            elif isinstance(block, Quote):
                self.detail(_inline(block.blocks), "Quote")
            elif isinstance(block, Table) and _results_table(blocks, n):
                # "The following results display ...": what the query returned once, shown
                # as output (no typed value put in it), never values to set
                self.detail(f"{OUTPUT_LABEL}\n{_table_lines(block)}", "")
            elif isinstance(block, Table):
                self.detail(_table_lines(block), "Table")
            elif isinstance(block, Include | Image):
                continue

    def _toc_list(self, block: ListBlock) -> bool:
        """A list of in-page links only (a table of contents): the sections it names
        follow as steps or fixes of their own, so it is shown under the step or lead
        before it, never ticked (toc_links)."""
        from kbassist.drafting.toc_links import toc_entries

        found = toc_entries(block)
        over = self.label or self.context
        said = over or (self.lead[-1] if self.lead else "")
        if not said and self.items:  # the lead already a step ("find the following ...:")
            said = step_text(self.items[-1])
        if not found or _CASES_LEAD_RE.search(said):
            # "you may find the following error messages:" over links to each message's
            # section: the cases the article answers one by one, read by the case finders
            return False
        self.label = self.context = ""
        shown = "; ".join(found)
        self.detail(f"{over} {shown}" if over else f"Sections below: {shown}", "")
        return True

    def _code_list(self, block: ListBlock) -> bool:
        """A list whose items are each one command in backticks (`net stop vss`,
        `regsvr32 ole32.dll`, ...) after "type the following commands": the commands of
        the step before, shown as one listing under it, not one step each."""
        if not self.items or len(block.items) < 2:
            return False
        lines: list[str] = []
        for item in block.items:
            first = item.blocks[0] if len(item.blocks) == 1 else None
            if not isinstance(first, Paragraph):
                return False
            plain = first.text.plain.strip()
            spans = [m for m in first.text.marks if m.kind == "code"]
            if len(spans) != 1 or first.text.plain[spans[0].start : spans[0].end].strip() != plain:
                return False
            lines.append(plain)
        self.items[-1] = with_detail(self.items[-1], "\n".join(lines))
        self.open = True
        return True

    def _name_list(self, block: ListBlock) -> bool:
        """A list of bare names (a directory tree, a dialog's options) after a step or
        its label: one block in that step's detail, not a tick per name."""
        if not (self.items or self.label or self.context):
            return False
        shown = name_list(block)
        if not shown:
            return False
        over = self.label or self.context
        self.label = self.context = ""
        if over and _imperative(over):  # "select the following options:": the step
            self.add(over)
            self.items[-1] = with_detail(self.items[-1], shown)
            return True
        shown = f"{over}\n{shown}" if over else shown
        if self.items:
            self.items[-1] = with_detail(self.items[-1], shown)
        else:
            self.lead.append(shown)
        return True

    def _link_list(self, block: ListBlock) -> bool:
        """A list of links only ("- [fsync](https://...)", "- [raft](...)"): references for
        the step before, kept under it (or in the outcome's text), not a step per link."""
        from kbassist.drafting.modern import links_of

        found: list[tuple[str, str]] = []
        for item in block.items:
            first = item.blocks[0] if len(item.blocks) == 1 else None
            if not isinstance(first, Paragraph):
                return False
            links = links_of([first]) or _site_links(first)
            plain = clean(first.text.plain).rstrip(".;")
            if len(links) != 1 or links[0][0].rstrip(".;") != plain:
                return False
            found.extend(links)
        if not found:
            return False
        lines = "\n".join(f"{text}: {url}" if url else text for text, url in found)
        if self.items:
            self.items[-1] = with_detail(self.items[-1], f"Links:\n{lines}")
        else:
            self.lead.append(
                clean(f"Links: {'; '.join(f'{t}: {u}' if u else t for t, u in found)}")
            )
        return True

    def _reference(self, paragraph: Paragraph) -> bool:
        """A paragraph that is only a link to read ("See [Quotas](...)", "[Windows 11
        requirements](/windows/...)"): shown under the step before (or with the part's
        lead), never a tick. A link whose text is an action ("[Cordon and drain node]
        (...)") stays a step."""
        from kbassist.drafting.modern import with_urls

        ref = reference_link(paragraph)
        if ref is None:
            return False
        label, url = ref
        shown = f"Link: {label}: {url}" if url else f"See: {label}"
        if self.items:
            self.items[-1] = with_detail(self.items[-1], shown)
        else:
            self.lead.append(clean(shown))
            self.lead_refs.append((clean(shown), with_urls(paragraph)))
        return True

    def _link_run(self, paragraph: Paragraph) -> bool:
        """A paragraph of two or more links only, one a line ("[Restore Ceph Mon Quorum
        Lost](...)" over "[Troubleshooting Monitor](...)"): each link on its own, as
        `_reference` takes one (a link named by an action a step, its link its detail; the
        others references under the step before), never their texts run together as one
        step (seed-106 readers: "Restore Ceph Mon Quorum Lost Troubleshooting Monitor")."""
        from kbassist.drafting.modern import links_of

        links = links_of([paragraph]) or _site_links(paragraph)
        if len(links) < 2:
            return False
        rest = clean(paragraph.text.plain)
        for label, _url in links:
            at = rest.find(label) if label else -1
            if at == -1:
                return False
            rest = f"{rest[:at]} {rest[at + len(label) :]}"
        if rest.strip(" ,;|.\u00b7-"):
            return False  # prose around the links: a sentence, not a run of links
        if not self.items and not any(_actionish(_unpleased(label)) for label, _ in links):
            return False  # no step to put them under, none to take: as the part's text
        for label, url in links:
            shown = f"Link: {label}: {url}" if url else f"See: {label}"
            if _actionish(_unpleased(label)):
                before = len(self.items)
                self.add(label.rstrip(".;"))
                if len(self.items) > before:
                    self.items[-1] = with_detail(self.items[-1], shown)
                    continue
            if self.items:
                self.items[-1] = with_detail(self.items[-1], shown)
            else:
                self.lead.append(clean(shown))
        return True

    def _pointer_over_links(self, text: str, nxt: Block | None) -> bool:
        """A pointer sentence ("Further info on etcd best practices can be found in the
        OpenShift docs here.") over a list of links only: references for the step above,
        not a step of its own."""
        from kbassist.drafting.modern import links_of

        named = bool(_RESOURCES_LABEL_RE.match(text))  # "**Additional Resources:**"
        # "For mitigation strategies and solutions, refer to:": where to read, no step
        refer = bool(_REFER_LEAD_RE.match(text) and self.items) and not _TO_GOAL_RE.match(text)
        if not (named or refer) and (text.endswith(":") or not _POINTER_RE.search(text)):
            return False
        if not refer and _imperative(_unpleased(text)):
            return False
        if not isinstance(nxt, ListBlock) or not nxt.items:
            return False
        for item in nxt.items:
            first = item.blocks[0] if len(item.blocks) == 1 else None
            if not isinstance(first, Paragraph):
                return False
            if len(links_of([first]) or _site_links(first)) != 1:
                return False
        return True

    def _links(self, paragraph: Paragraph) -> None:
        """A step's web links ("the [documentation][1]", "the Customer Portal") kept in its
        detail: the link text alone does not say where the admin must go."""
        from kbassist.drafting.modern import links_of

        found = links_of([paragraph])
        if found:
            lines = "\n".join(f"{text}: {url}" if text else url for text, url in found)
            self.items[-1] = with_detail(self.items[-1], f"Link: {lines}")

    def _case_list(self, block: ListBlock) -> bool:
        """A list of fixes each named by its cause ("Image issues: fix registry access";
        "Storage: resolve attach failures") after a lead-in ("Resolve root cause:"): one
        step per cause, "If the diagnosis found image issues, fix ...", run for its cause."""
        cases: list[str] = []
        checks: list[str] = []
        for item in block.items:
            if not item.blocks or not isinstance(item.blocks[0], Paragraph):
                return False
            match = _CASE_ITEM_RE.match(clean(item.blocks[0].text.plain))
            if match is None:
                return False
            if _CHECK_CASE_RE.match(match.group("case")):
                # "Validate resolution: confirm that one pod holds the lease": the verify
                # of every case, not a case
                detail = "\n\n".join(
                    code_block(b) if isinstance(b, Code) else _inline([b]) for b in item.blocks[1:]
                )
                checks.append(with_detail(clean(item.blocks[0].text.plain), detail.strip()))
                continue
            fix = match.group("fix")
            if not (_fix_verb(fix) or re.match(r"(?:if|when)\s", fix, re.IGNORECASE)):
                return False
            case = match.group("case")
            if case.split(" ", 1)[0][1:].islower():
                case = case[0].lower() + case[1:]
            # "found": the drafter asks this once, as "Which cause did you find?"; the
            # item's commands and notes stay under its step
            detail = "\n\n".join(
                code_block(b) if isinstance(b, Code) else _inline([b]) for b in item.blocks[1:]
            )
            step = f"If the diagnosis found {case}, {fix[0].lower()}{fix[1:]}"
            cases.append(with_detail(step, detail.strip()))
        if len(cases) < 2:
            return False
        self.checks.extend(checks)
        # "Based on the diagnosis results, apply the remediation that matches the root
        # cause:" is what the question asks; a label such as "Resolve root cause:" too
        # (kept, it hung as a detail under the first cause's tick: seed 52)
        self.items.pop()
        self.items.extend(cases)
        return True

    def _merged_list(self, block: ListBlock, before: Block | None) -> bool:
        """A list of things, not actions ("multiple causes, including the following:
        pod priority; volume mount issues"), after a lead-in that is not an action
        either: one item, the lead-in with the things, not one unticked item each."""
        if not isinstance(before, Paragraph) or not self.items:
            return False
        lead = clean(before.text.plain)
        if lead.endswith(":") and self.items[-1] == lead and self._case_list(block):
            return True
        if step_text(self.items[-1]) == lead and (
            (not lead.endswith(":") and "following" in lead.casefold() and not _imperative(lead))
            or (lead.endswith(":") and _imperative(lead))
        ):
            # "The following are common reasons a pivot can fail." or "Check pod template
            # parameters such as:" and its list of things: what to look for, shown under
            # that step, not one unticked step per thing
            looked = [_inline(item.blocks) for item in block.items]
            if any(_named_action(item.blocks) for item in block.items):
                # "Reduce the blast radius:" over "Migration loop: cancel ..." and
                # "Coordinate with ...": one tick per action, the lead-in their group title
                grouped = _grouped(lead, block)
                if grouped:
                    self.items[-1:] = grouped
                    return True
            if looked and all(t and not _imperative(t) for t in looked):
                self.items[-1] = with_detail(self.items[-1], "\n".join(f"- {t}" for t in looked))
                return True
            return False
        if not lead.endswith(":") or _imperative(lead) or self.items[-1] != lead:
            return False
        things: list[str] = []
        for item in block.items:
            if any(isinstance(b, Code | ListBlock) for b in item.blocks):
                return False
            text = _inline(item.blocks)
            if not text or _imperative(text) or len(text) > 160:
                return False
            things.append(text.rstrip(".;"))
        merged = f"{lead} {'; '.join(things)}."
        if len(merged) > MAX_MERGED_CHARS:
            # "Other things to check:" over eight things: one flattened sentence would be
            # cut; the lead is the step and the things are its detail, every one kept
            merged = with_detail(lead, "\n".join(f"- {t}" for t in things))
        self.items[-1] = merged
        return True


#: "Migration loop: cancel in-flight migrations", "Storage: resolve attach failures": a
#: case's name, then what to do in it (not "For an x86-based computer: ...", a platform's
#: alternative).
_NAMED_ACTION_RE = re.compile(
    r"^(?!(?:for|if|when|on|in|with|after|before)\b)[A-Z][\w/ .-]{1,40}:\s+(?P<act>\S.*)$",
    re.DOTALL,
)


def _named_action(blocks: Sequence[Block]) -> bool:
    """Whether a list item is an action under a name ("Migration loop: cancel in-flight
    migrations" over its command): a step of its own, not a thing to look for."""
    first = blocks[0] if blocks else None
    if not isinstance(first, Paragraph):
        return False
    found = _NAMED_ACTION_RE.match(clean(first.text.plain))
    act = found.group("act") if found else ""
    return bool(act) and _fix_verb(act[:1].upper() + act[1:])


def _grouped(lead: str, block: ListBlock) -> list[str]:
    """Each list item under an action lead-in as its own tick titled by the group ("Reduce
    the blast radius (migration loop): cancel ...", its command under it); [] unless every
    item opens with an action, named or not."""
    title = lead.rstrip(" :")
    out: list[str] = []
    for item in block.items:
        first = item.blocks[0] if item.blocks else None
        if not isinstance(first, Paragraph):
            return []
        text = clean(first.text.plain)
        found = _NAMED_ACTION_RE.match(text)
        if found and _named_action(item.blocks):
            name = text[: found.start("act")].rstrip(" :")
            tick = f"{title} ({name[:1].lower()}{name[1:]}): {found.group('act')}"
        elif _fix_verb(text):
            tick = f"{title}: {text[:1].lower()}{text[1:]}"
        else:
            return []
        detail = "\n\n".join(
            code_block(b) if isinstance(b, Code) else _inline([b]) for b in item.blocks[1:]
        )
        out.append(with_detail(tick, detail.strip()) if detail.strip() else tick)
    return out


#: A lead-in and its list of things are one step up to this long; a longer list is shown
#: under the lead as its detail (whole) rather than as one long sentence.
MAX_MERGED_CHARS = 300


#: A label is this short: "Verify cluster access:", "Check Alerts:".
MAX_LABEL_WORDS = 6


_MODAL_LEAD_RE = re.compile(
    r"^(?:[^,]{0,80},\s*)?(?:you|we) (?:can|could|should|may|might|must|need to|have to)"
    r"(?: also| first)? ",
    re.IGNORECASE,
)


#: A remark that introduces or describes a command is no remark on the step above.
_ABOUT_COMMAND_RE = re.compile(
    r"(?<![\w-])(?:following|below|command|script|query|snippet|example|run|execute)\b",
    re.IGNORECASE,
)


def _remark_before_command(text: str, nxt: Block | None) -> bool:
    """ "This is the most important step. The logs will show the exact error." right
    before a command: a remark (no action, no lead-in, not about the command)."""
    return (
        isinstance(nxt, Code)
        and not text.endswith(":")
        and not _actionish(text)
        and not text.casefold().startswith(("to ", "if ", "when ", "for "))
        and not _ABOUT_COMMAND_RE.search(text)
    )


def _unpleased(text: str) -> str:
    """ "Please contact Dedicated Support." read as the action "contact ..." (Markdown)."""
    return re.sub(r"^please\s+", "", text, flags=re.IGNORECASE)


@lru_cache(maxsize=512)  # pure: asked again and again per text
def _actionish(text: str) -> bool:
    """An action, also when said with a modal: "When this alert fires, you can investigate"."""
    return _imperative(text) or _imperative(_MODAL_LEAD_RE.sub("", text, count=1))


#: A lead that only announces the steps below it ("To diagnose the cause of this alert,
#: the following steps can be taken:", "Perform the following steps:"): it says nothing a
#: step does not, so it heads them and is neither a tick nor a step's detail.
_ANNOUNCE_RE = re.compile(
    r"^(?:to (?:diagnose|investigate|troubleshoot|identify|determine|find)\b[^.:]{0,80},\s*)?"
    r"(?:(?:perform|follow|do|take|complete|use|run) )?(?:the following|these) "
    r"(?:steps|checks|actions|procedure)\b[^.:]{0,40}:$"
    r"|^to (?:diagnose|investigate|troubleshoot) (?:the|this)\b[^.:]{0,80}:$",
    re.IGNORECASE,
)


#: "For mitigation strategies and solutions, refer to:", "Refer to the documentation on
#: Loki configuration:", "See the following articles:": a pointer to the links below.
_REFER_LEAD_RE = re.compile(
    r"^(?:(?:for|to)\b[^:]{3,120},\s*)?(?:please\s+)?(?:refer\s+to|see|consult|read|check\s+out)"
    r"\b[^:]{0,80}:$",
    re.IGNORECASE,
)
#: "To verify that your computer meets the requirements, see the following articles:":
#: the goal is the step, the articles are where to read how.
_TO_GOAL_RE = re.compile(
    r"^to\s+(?P<verb>[a-z]+)\s+(?P<rest>[^,:]{3,160}),\s*(?:please\s+)?(?:refer\s+to|see"
    r"|consult|read)\b[^:]{0,60}:$",
    re.IGNORECASE,
)
#: "See [Quotas](...)", "Refer to [X](...)": a pointer word before a link's text.
_SEE_RE = re.compile(
    r"^(?:(?:please\s+)?(?:see|refer\s+to|read|check\s+out|consult)(?:\s+also)?:?\s+)?",
    re.IGNORECASE,
)


def _site_links(paragraph: Paragraph) -> list[tuple[str, str]]:
    """(text, "") of links to a page of the same site ("/windows/whats-new/..."): a page
    the reader can open, named by its text (the site-relative path is no address)."""
    plain = paragraph.text.plain
    return [
        (clean(plain[m.start : m.end]), "")
        for m in paragraph.text.marks
        if m.kind == "link" and m.target.startswith("/") and not m.target.startswith("//")
    ]


def reference_link(paragraph: Paragraph) -> tuple[str, str] | None:
    """(label, address or "") when the paragraph is only one link to read, maybe after
    "See": "See [Quotas](https://...)", "[Windows 11 requirements](/windows/...)"; None
    for prose, an anchor on the page or a link whose text is an action."""
    from kbassist.drafting.modern import links_of

    links = links_of([paragraph]) or _site_links(paragraph)
    if len(links) != 1:
        return None
    label, url = links[0]
    plain = clean(paragraph.text.plain).rstrip(".;")
    bare = _SEE_RE.sub("", plain, count=1)
    # "[Loki Operator documentation](...) (note that it is for OpenShift Logging)": the
    # link and a remark on it
    aside = bare[len(label) :].strip() if label and bare.startswith(label) else ""
    if aside and not re.fullmatch(r"\([^()]{1,200}\)", aside):
        return None
    if not label or (not aside and bare.rstrip(".;") != label.rstrip(".;")):
        return None
    if bare == plain and _actionish(_unpleased(label)):
        return None  # "[Cordon and drain node](...)": the step, its link its detail
    return f"{label.rstrip('.;')} {aside}".strip(), url


def _goal_over_links(text: str, nxt: Block | None) -> str:
    """ "To verify that X, see the following articles:" right over a list of links only,
    as the step "Verify that X."; "" otherwise."""
    from kbassist.drafting.modern import links_of

    found = _TO_GOAL_RE.match(text)
    if not found or not isinstance(nxt, ListBlock) or not nxt.items:
        return ""
    for item in nxt.items:
        first = item.blocks[0] if len(item.blocks) == 1 else None
        if not isinstance(first, Paragraph) or reference_link(first) is None:
            return ""
        if len(links_of([first]) or _site_links(first)) != 1:
            return ""
    step = f"{found.group('verb').capitalize()} {found.group('rest').strip()}."
    return step if _imperative(step) else ""


def _label_over(text: str, nxt: Block | None) -> bool:
    """ "Check Alerts:" (or a longer lead-in that is no action: "In general the landscape
    is vast, some suggestions:") right over a list whose items are actions: said with the
    steps below it, not a step of its own."""
    if not text.endswith(":"):
        return False
    if len(text.split()) > MAX_LABEL_WORDS and _actionish(text):
        return False  # "Check the pods in the namespace given by the alert:" is a step
    if not isinstance(nxt, ListBlock) or not nxt.items:
        return False
    firsts = [i.blocks[0] for i in nxt.items if i.blocks]
    actions = sum(isinstance(b, Paragraph) and _actionish(clean(b.text.plain)) for b in firsts)
    return actions * 2 >= len(nxt.items)


#: A sentence that only says where to read more ("Further info on X can be found in ...",
#: "For more information, see ...", "More details are in ...").
_POINTER_RE = re.compile(
    r"\b(?:can|may) be found\b|^(?:for )?(?:more|further|additional) (?:info|information|"
    r"details|reading)\b|^(?:see also|related links)\b",
    re.IGNORECASE,
)
#: A label over a list of links only: "Additional Resources:", "Related Links".
_RESOURCES_LABEL_RE = re.compile(
    r"^(?:(?:additional|related|useful|further) (?:resources|links|reading)|references|see also)"
    r"\s*:?$",
    re.IGNORECASE,
)
#: "When a pivot occurs the following will be logged.": what a log or output shows next.
_SHOWS_RE = re.compile(
    r"\b(?:(?:will|is|are|gets?) (?:be )?(?:logged|shown|displayed|printed|returned)|"
    r"(?:will )?logs? (?:its|the following)|looks? like|resembles?|similar to"
    # "The output should contain the `notAfter` field ...": the listing after it is output
    r"|output (?:should|will|must) (?:contain|show|include|list|read|print)"
    # "Here is an example. We have a `ServiceMonitor` using ...": the YAML after it is
    # the example, shown under the step above, not a configuration to apply
    r"|^here(?: is|'s) an? (?:\w+ )?example)\b",
    re.IGNORECASE,
)


#: "The notification details should list the node. For example:", "... as shown in the
#: following example:": an example of what the alert or a command shows comes next.
_EXAMPLE_END_RE = re.compile(
    r"(?:\bfor example|\bas shown in the following example|\bprovides an example)\s*:$",
    re.IGNORECASE,
)


#: A lead that says a result follows: "The following results display ...", "If you receive
#: a result set that resembles the following, ...", "The query returns:".
_RESULTS_RE = re.compile(r"\b(?:results?(?: set)?|output|returns?|returned)\b", re.IGNORECASE)


def _results_table(blocks: Sequence[Block], n: int) -> bool:
    """Whether the table `blocks[n]` is what a command or query returned: the paragraph
    before it (past tables before it, a result in parts) says the result or output shows
    or resembles what follows."""
    at = n - 1
    while at >= 0 and isinstance(blocks[at], Table):
        at -= 1
    lead = blocks[at] if at >= 0 else None
    if not isinstance(lead, Paragraph):
        return False
    text = clean(lead.text.plain)
    return (
        bool(_RESULTS_RE.search(text))
        and bool(_SAYS_OUTPUT_RE.search(text) or _SHOWS_RE.search(text))
        and not _imperative(text)
    )


def _next_code(blocks: Sequence[Block], n: int) -> bool:
    return n + 1 < len(blocks) and isinstance(blocks[n + 1], Code)


#: An output lead that says it is output ("example output", "displays something similar
#: to"), not "Run it with your namespace, for example:" over a command to run.
_SAYS_OUTPUT_RE = re.compile(
    r"\b(?:output|displays?|prints?|returns?|logged|logs the following|similar to the "
    r"following|looks? like)\b",
    re.IGNORECASE,
)
#: "Example output:", "The output is similar to the following:": a command's output follows.
_OUTPUT_LEAD_RE = re.compile(
    r"^(?:(?:example|sample|expected)\s+(?:\w+\s+)?(?:output|result|response|message|log)s?"
    r"|(?:the\s+)?output\s+(?:is\s+)?(?:similar|like|resembles|looks)|for example"
    r"|the following is an? (?:sample|example) (?:\w+ )?(?:output|message|log|error)"
    r"|[\w-]+(?: [\w-]+)? example)\b[^.]{0,60}:$",
    re.IGNORECASE,
)
#: Verbs a runbook's fix starts with that the shared imperative list lacks.
_MORE_FIX_VERBS = frozenset(
    "resolve solve address repair recreate rebuild redeploy cancel coordinate pause".split()
)


@lru_cache(maxsize=512)  # pure: asked again and again per text
def _fix_verb(text: str) -> bool:
    """An action: an imperative, or one of the runbook verbs in _MORE_FIX_VERBS."""
    first = text.split(" ", 1)[0].casefold()
    return _imperative(text) or first in _MORE_FIX_VERBS


#: "Validate resolution:", "Verify the fix:": a list item that checks, among the causes.
_CHECK_CASE_RE = re.compile(
    r"^(?:validate|verify|confirm|check)\b(?:\s+(?:the\s+)?(?:resolution|fix|recovery|result))?$",
    re.IGNORECASE,
)
#: "Image issues: fix registry access ...": a fix for one cause, named before the colon.
_CASE_ITEM_RE = re.compile(r"^(?P<case>[A-Z][^:.;]{1,40}?):\s+(?P<fix>\S.{4,})$", re.DOTALL)


_CHECK_RE = re.compile(
    r"^(?:the (?:output|result|command) should|you should (?:now )?see|to verify|verify that"
    r"|confirm that|the alert (?:should )?(?:clears?|resolves?|stops?)"
    r"|(?:validate|verify|confirm) (?:the )?(?:resolution|fix|recovery|mitigation)\b"
    r"|ensure (?:that )?the (?:alert|failed|error|count|problem|issue|metric|value)\b"
    r"|after\b[^.]{0,120}\b(?:should|will)\b[^.]{0,80}\b(?:stop|clears?|resolves?|disappears?|"
    r"go away|no longer)\b)",
    re.IGNORECASE,
)


#: A step that verifies ("Verify using PromQL:", "Validate the result"): a check when it
#: follows the article's own check with no action between.
_VERIFY_START_RE = re.compile(r"^(?:verify|validate|confirm)\b", re.IGNORECASE)


#: "Verify that the service isn't disabled for the profile. If it is, click Enable.": a
#: check that goes on to the fix for what it finds is a step (ticked), not the verify.
REMEDY_RE = re.compile(
    r"[.;]\s+(?:if|when)\b[^,.]{3,120},\s*(?:then\s+)?(?:click|select|set|change|enable"
    r"|disable|start|restart|run|type|install|remove|delete|add|clear|turn|tap|choose"
    r"|re-?enable|correct|fix)\b",
    re.IGNORECASE,
)


def _is_check(text: str) -> bool:
    return bool(_CHECK_RE.search(text)) and not REMEDY_RE.search(text)


_IMPERATIVE_RE = re.compile(
    # "During Windows NT setup, click Cancel ...": a time before the action is no note
    r"^(?:(?:if|when|after|before|once|in|on|from|to|for|using|during|while)\b"
    r"[^,:]{0,100}[,:]\s+)?"
    r"(?:re|un)?(?:add|apply|install|load|boot|register|map|log|shut|press|point|exit|quit|"
    r"save|download|obtain|contact|call|insert|close|double-click|right-click|include|"
    r"exclude|provide|pass|append|wait|delete|"
    r"back|change|check|clean|clear|configure|confirm|copy|create|delete|"
    r"disable|drain|edit|enable|ensure|examine|expand|find|identify|increase|inspect|"
    r"install|investigate|kill|list|look|make|modify|monitor|move|open|patch|reboot|"
    r"reduce|remove|rename|replace|reset|restart|restore|review|rollback|roll|run|scale|"
    r"select|set|start|stop|update|upgrade|use|verify|wait|contact|escalate|consult|"
    r"cordon|uncordon|delete|free|resize|raise|lower|type|click|go|navigate|follow|"
    r"execute|determine|retry|revert|fix|adjust|collect|gather|open|get|query|write|assign|"
    r"troubleshoot|"
    r"grant|specify|allow|increase|decrease|clear|refresh|flush|ping|connect|disconnect|"
    r"mount|format|extract|turn|switch|attach|detach|schedule|import|export|sign|do not|"
    r"don't|make sure|be sure)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=512)  # pure: asked again and again per text
def _imperative(text: str) -> bool:
    return bool(_IMPERATIVE_RE.match(text))


def _starts_with_action(blocks: Sequence[Block]) -> bool:
    """Whether a part's first block is an action (or a list or command of its own)."""
    first = blocks[0] if blocks else None
    if isinstance(first, Paragraph):
        text = clean(first.text.plain)
        # "To view all subvolumes, including stale ones:" over its command is the step
        return _imperative(text) or text.endswith(":") or text.casefold().startswith("to ")
    return not isinstance(first, Note | Quote | Table | Image | Include)


def part_steps(
    part: Part, verify_after: bool = False, diagnosis: bool = False
) -> tuple[str, list[str], list[str]]:
    """(lead, items, checks) of one part and its children, in document order;
    `verify_after`: a fix's part, whose "Verify ..." after its own check is a check;
    `diagnosis`: a Diagnosis part, whose "Verify that X" is one of its checks (a step)."""
    steps = _Steps(verify_after, diagnosis)
    steps.blocks(part.blocks)
    first: int | None = None
    for child in part.walk():
        if child is part:
            continue
        if child.blocks:
            steps.flush_pending()
            before = len(steps.items)
            # a step, not a choice label: said whole ("Make sure that the versions of your
            # RDS CALs, RD Session Hosts, and RD License Servers are compatible")
            named = heading_label(child.name, STEP_HEADING_LIMIT)
            if _imperative(named) and not _starts_with_action(child.blocks):
                # "### Review pods" over prose and links: the heading is the step, its
                # prose the detail (never the detail of the step above another heading)
                asked = _asked_in_prose(named, child.blocks)
                steps.add(f"{named}: {asked}" if asked else named)
                if asked and _FIRST_RE.search(asked) and first is None:
                    first = len(steps.items) - 1
            steps.blocks(child.blocks, in_list=False)
            if len(steps.items) == before and steps.lead and not steps.items:
                continue
    if first:
        # "Please view and troubleshoot the other alerts first.": before the steps above
        steps.items.insert(0, steps.items.pop(first))
    if not steps.items:
        # "See [Container waiting](...)" and no step: said as written (the part's only
        # instruction is to read it)
        for shown, said in steps.lead_refs:
            steps.lead[steps.lead.index(shown)] = said
    from kbassist.drafting.options import tidy_items

    lead, items = tidy_items(" ".join(steps.lead), steps.items)
    return lead, items, steps.checks


#: "Please view and troubleshoot the other alerts first.": the prose's own instruction.
_PLEASE_RE = re.compile(r"^please\s+(?P<do>[a-z][^.!?]{8,160})[.!]?$", re.IGNORECASE)
#: An instruction to do something before anything else.
_FIRST_RE = re.compile(r"\b(?:first|before (?:anything|continuing|you (?:start|begin)))$", re.I)


def _asked_in_prose(heading: str, blocks: Sequence[Block]) -> str:
    """The instruction a heading's prose asks for ("Make changes to solve alert" over
    "... Please view and troubleshoot the other alerts first."), said with the heading;
    "" when there is none or it only repeats the heading's verb ("Verify the binding" over
    "Verify this binding is correct" has none: it says no more)."""
    verb = heading.split(" ", 1)[0].casefold()
    for block in blocks:
        if not isinstance(block, Paragraph):
            continue
        for sentence in split_sentences(clean(block.text.plain)):
            found = _PLEASE_RE.match(sentence)
            if found and found.group("do").split(" ", 1)[0].casefold() != verb:
                return found.group("do").rstrip(" .")
    return ""


def resolution_parts(article: Article) -> list[Part]:
    """The outermost parts with the resolution role (a fix nested in a fix is not twice)."""
    out: list[Part] = []
    inside: set[int] = set()
    for part in article.document.walk():
        if id(part) in inside:
            continue
        if part.role == "resolution":
            out.append(part)
            inside.update(id(p) for p in part.walk())
    return out


def diagnosis_checks(article: Article) -> list[tuple[Part, str]]:
    """The article's own checks ("the output should show ...") in Diagnosis parts."""
    found: list[tuple[Part, str]] = []
    for part in article.parts_by_role("diagnosis"):
        for sub in part.walk():
            _, _, checks = part_steps(Part(sub.name, sub.level, sub.line, sub.blocks))
            found.extend((sub, c) for c in checks)
    return found
