"""Modern checklist items that are no action, shown instead of ticked (round 14, the
seed-48/50 readers' notes on runbooks and MS support).

A runbook's or support article's fix section reaches the checklist item by item; the
readers found ticks that do nothing:

- Docs markup the Markdown pass left in a paragraph of its own (`:::image type=...
  alt-text="Screenshot of ..." :::`): nothing to read, dropped.
- The support site's boilerplate: "We would appreciate your feedback. ... leave a
  comment ..." and, after the steps, "Check whether the problem is fixed. If the problem
  is fixed, you're finished with this section. ..." are dropped (the outcome's verify
  says what to check).
- Statements: "There is no fix for SQL Server 2008 ..." opening a workaround is the
  outcome's text; "We do not support adding ...", "At least four aggregated APIs exist in
  an OpenShift cluster:", "In most all cases, the operator should prevent this ..." are
  shown with the step they qualify (a sentence inside a step goes under it).
- Section headings ("### Enable the multi-arch boot image feature" over its numbered
  steps): the name of those steps, said before the first of them, not a step.
- A pointer whose link was "here" ("Please follow the OpenShift documentation here on
  how to manually rotate the signer certificates."): the action it points at, the
  documentation shown with it.

Runs before `steps.final_steps`, which places the lead-ins, notes and the statements it
knows itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kbassist.articles import Article
from kbassist.articles.model import Block, Document, ListBlock, Note, Paragraph, Quote
from kbassist.drafting.blocks import _actionish, _fix_verb
from kbassist.drafting.modern import md_plain
from kbassist.drafting.nofix import NO_FIX_PATTERN
from kbassist.drafting.option_model import Option
from kbassist.drafting.options import _is_action
from kbassist.drafting.runbook_cause import is_alert_runbook
from kbassist.drafting.steps import _statement, step_kind
from kbassist.drafting.text import DETAIL_SEP, split_detail, split_sentences, with_detail

#: `:::image type="content" source="..." alt-text="...":::`, `:::image-end:::`,
#: `:::row:::`: Microsoft Docs' block markup, nothing a reader reads.
_DOCS_MARKUP_RE = re.compile(r":::\s*[a-z][\w-]*\b.*?:::", re.IGNORECASE | re.DOTALL)
#: "We would appreciate your feedback.": the support site's request, never a step.
_FEEDBACK_RE = re.compile(
    r"^(?:we|microsoft)\s+(?:would\s+)?(?:appreciate|welcome|value)\s+your\s+feedback\b", re.I
)
#: What the site says after that check: "If the problem is fixed, you're finished with this
#: section.", "If not, go to the next method.", "..., contact Microsoft Support."
_FINISHED_RE = re.compile(
    r"\byou(?:'re|\s+are)\s+(?:finished|done)\b|\b(?:go|continue|proceed|move)\s+(?:on\s+)?"
    r"(?:to|with)\s+(?:the\s+)?next\b|\bcontact\b.*\bsupport\b",
    re.IGNORECASE,
)
#: "Check whether the problem is fixed. If the problem is fixed, you're finished with this
#: section.": the site's end-of-method check, the outcome's verify.
_FIXED_CHECK_RE = re.compile(
    r"^check\s+(?:whether|if|to\s+see\s+(?:whether|if))\s+the\s+(?:problem|issue)\s+is\s+"
    r"(?:fixed|resolved|solved)\b",
    re.IGNORECASE,
)
#: "We do not support adding ...", "Microsoft doesn't support X.": what is not supported.
_NOT_SUPPORTED_RE = re.compile(
    r"^(?:we|microsoft|red\s+hat|[\w-]+\s+support)\s+(?:do|does)\s*(?:not|n't)\s+"
    r"(?:support|offer|provide)\b"
    r"|^(?:this|that|it|these|those)\s+(?:configuration|scenario|setup|option|feature)?\s*"
    r"(?:is|are)\s+not\s+supported\b",
    re.IGNORECASE,
)
#: "At least four aggregated APIs exist in an OpenShift cluster:", "Two kinds of X are
#: available": a count of things, what the list after it holds.
_COUNT_EXIST_RE = re.compile(
    r"^(?:at\s+least\s+|more\s+than\s+|up\s+to\s+|only\s+)?(?:\d+|one|two|three|four|five"
    r"|six|seven|eight|nine|ten|several|many|multiple)\s+(?:[\w-]+\s+){1,4}?"
    r"(?:exists?|are\s+(?:available|present|defined|installed|deployed|supported))\b",
    re.IGNORECASE,
)
#: "In most all cases, the operator should prevent this from happening.": how things
#: usually go, said of something other than the reader.
_USUALLY_RE = re.compile(
    r"^(?:in\s+(?:most|many|some|all|almost\s+all|most\s+all|nearly\s+all|rare|most\s+of\s+the)"
    r"\s+cases|usually|typically|normally|generally),\s+(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL,
)
#: "the operator should prevent ...": a third party's doing, no step for the reader.
_THIRD_PARTY_RE = re.compile(
    r"^(?:the|this|that|an?|its)\s+(?:[\w-]+\s+){0,3}?(?:should|will|would|may|might|can|is|are"
    r"|does|do)\b",
    re.IGNORECASE,
)
#: "Please follow the OpenShift documentation here on how to manually rotate X.": the
#: link's "here" lost, the action it is about kept.
_FOLLOW_DOCS_RE = re.compile(
    r"^(?:please\s+)?(?:follow|see|refer\s+to|consult|use|read)\s+(?:the\s+)?"
    r"(?P<doc>[^.:;]{0,60}?\b(?:documentation|docs|guide|instructions|article|procedure|kcs"
    r"|solution))(?:\s+here)?\s+(?:on|about|for|to\s+learn)\s+how\s+to\s+(?P<what>[a-z][^:;]+?)"
    r"\.?$",
    re.IGNORECASE,
)


#: "In cases in which X, we suggest that you install Y.": the article's advice, the step.
_WE_SUGGEST_RE = re.compile(
    r"^(?P<head>(?:if|when|in\s+cases?\s+(?:in\s+which|where)|for|to)\b[^,]{3,160},\s*)?"
    r"(?:we|microsoft)\s+(?:strongly\s+)?(?:suggest|recommend)\s+(?:that\s+)?you\s+"
    r"(?P<rest>[a-z].*)$",
    re.IGNORECASE | re.DOTALL,
)
#: "**Upgrade shared features only**": bold the Markdown pass left in a paragraph.
_BOLD_RE = re.compile(r"\*\*(?=\w)([^*\n]{1,80}?)(?<=[\w.)])\*\*")
#: A prose paragraph (one sentence or more, no code): where bold is only emphasis.
_PROSE_RE = re.compile(r"^[A-Z][^\n$|=;{}<>]*[.:]$")
#: "Troubleshoot and fix the issue or issues causing X by checking the availability
#: status for each API and by verifying ...": what the steps after it do, said first.
_SUMMARY_LEAD_RE = re.compile(
    r"^(?:troubleshoot|investigate|diagnose)(?:\s+and\s+(?:fix|resolve|correct|address))?\s+"
    r"(?:the|any|this|these)\s+(?:issues?|problems?|errors?|causes?)\b[^.]{0,160}?\bby\s+"
    r"(?:checking|verifying|reviewing|examining|inspecting|looking)\b[^.]*\.?$",
    re.IGNORECASE,
)


#: "User will have to create a new cluster ...": the reader told what to do, in the
#: third person.
_WILL_HAVE_TO_RE = re.compile(
    r"^(?:the\s+)?(?:users?|customers?|administrators?|admins?|operators?|cluster\s+admins?)"
    r"\s+(?:will\s+)?(?:have|has|need|needs|must)\s+(?:to\s+)?(?P<rest>[a-z].*)$",
    re.IGNORECASE | re.DOTALL,
)


_TOLD_ANYWHERE_RE = re.compile(
    r"(?:^|[.!?]\s+)(?:the\s+)?(?:users?|customers?|administrators?|admins?|operators?)\s+"
    r"(?:will\s+)?(?:have|has|need|needs|must)\b",
    re.IGNORECASE,
)


#: "If the binding is missing, need to force a reconciliation by ...": a case's action
#: said as a need, its subject left out.
_CASE_NEED_RE = re.compile(
    r"^(?P<head>(?:if|when|once|after)\b[^,]{3,160},\s*)(?:then\s+)?(?:you\s+)?"
    r"(?:will\s+|may\s+|might\s+)?(?:need|have)\s+to\s+(?P<rest>[a-z].*)$",
    re.IGNORECASE | re.DOTALL,
)


def suggested(sentence: str) -> str:
    """ "In cases in which X, we suggest that you install Y." as "In cases in which X,
    install Y."; `sentence` unchanged when it is no such advice or what follows is no
    action."""
    told = _WILL_HAVE_TO_RE.match(sentence)
    if told:
        verb = told.group("rest")[0].upper() + told.group("rest")[1:]
        return verb if _verb(verb) else sentence
    need = _CASE_NEED_RE.match(sentence)
    m = _WE_SUGGEST_RE.match(sentence) or need
    if not m:
        return sentence
    rest, head = m.group("rest"), m.group("head") or ""
    verb = rest[0].upper() + rest[1:]
    if not need and not _verb(verb):  # after "need to" a verb by grammar
        return sentence
    return head[0].upper() + head[1:] + rest if head else verb


def _then_clause(clause: str) -> str:
    """A clause without the joining word before its action ("so remove X": "Remove X")."""
    rest = re.sub(r"^(?:so|then|and|instead|therefore)\b,?\s*", "", clause.strip(), flags=re.I)
    return rest[:1].upper() + rest[1:]


def _verb(text: str) -> bool:
    """An imperative first word (the drafter's own tests of an action)."""
    return bool(text) and (_actionish(text) or _fix_verb(text) or _is_action(text))


def shown_sentence(sentence: str) -> bool:
    """A sentence that says what is and asks nothing of the reader: no support for X, no
    fix, a count of what exists, how things usually go, the site's feedback request."""
    flat = " ".join(sentence.split())
    said = _NOT_SUPPORTED_RE.match(flat) or _COUNT_EXIST_RE.match(flat) or _FEEDBACK_RE.match(flat)
    if said:  # "We do not support X, so remove Y.": the clause after it is a step
        clauses = re.split(r"[,:;]\s+", flat[said.end() :])[1:]
        return not any(_verb(_then_clause(c)) for c in clauses)
    if re.match(NO_FIX_PATTERN, flat) or re.match(r"^there (?:is|are) no\b", flat, re.I):
        return bool(NO_FIX_PATTERN.search(flat))
    usual = _USUALLY_RE.match(flat)
    if usual:
        rest = usual.group("rest")
        return bool(_THIRD_PARTY_RE.match(rest)) and not _verb(rest[0].upper() + rest[1:])
    return False


def _without_markup(item: str) -> str:
    """`item` with Docs block markup taken out of its text and detail ("" when nothing is
    left of its text: a screenshot alone is no step)."""
    text, detail = split_detail(item)
    if ":::" not in item:
        return item
    text = " ".join(_DOCS_MARKUP_RE.sub(" ", text).split())
    detail = "\n\n".join(
        p.strip() for p in _DOCS_MARKUP_RE.sub("", detail).split("\n\n") if p.strip()
    )
    if not text:
        # its detail still goes under the step before
        return f"{DETAIL_SEP}{detail}" if detail else ""
    return with_detail(text, detail)


def _docs_action(text: str) -> str:
    """ "Rotate the signer certificates manually as the OpenShift documentation
    describes." for "Please follow the OpenShift documentation here on how to manually
    rotate ..." (a pointer at documentation on how to do X); "" for any other text."""
    flat = " ".join(text.split())
    m = _FOLLOW_DOCS_RE.match(flat)
    if not m:
        return ""
    what = m.group("what").strip()
    adverb = re.match(r"(?:manually|first|then|safely)\s+", what, re.IGNORECASE)
    if adverb:  # "manually rotate X": "Rotate X manually"
        what = f"{what[adverb.end() :]} {adverb.group(0).strip()}"
    said = what[0].upper() + what[1:]  # after "how to": a verb by grammar
    doc = " ".join(m.group("doc").split())
    return f"{said} as the {doc} describes."


def _split_shown(text: str) -> tuple[str, str, str]:
    """(statements before, the step, statements after) of an item's text: the sentences
    `shown_sentence` knows, at either end, around the rest."""
    sentences = split_sentences(" ".join(text.split()))
    if len(sentences) < 2:
        return "", text, ""
    flags = [shown_sentence(s) for s in sentences]
    if all(flags):
        return "", text, ""
    start = flags.index(False)
    # after the step also what is said of the result ("Choosing a larger CIDR could
    # prevent this."), when the step itself is an action
    after_flags = [f or _statement(s) for f, s in zip(flags, sentences, strict=True)]
    end = len(flags) - flags[::-1].index(False)
    if False in after_flags[start:]:
        said = len(flags) - after_flags[::-1].index(False)
        if any(_verb(s) for s in sentences[start:said]):
            end = said  # an action to show them under
    if start == 0 and end == len(flags):
        return "", text, ""
    before, rest, after = sentences[:start], sentences[start:end], sentences[end:]
    return " ".join(before), " ".join(rest), " ".join(after)


#: "For mitigation strategies and solutions, refer to:": a pointer, no step to show under.
_POINTER_RE = re.compile(
    r"^(?:(?:for|to)\b[^,]{0,120},\s*)?(?:please\s+)?(?:refer|see|read)\b", re.I
)


def _acted_after(items: list[str]) -> bool:
    """Whether the first of `items` that is no statement is an action to show one under
    (not a pointer over links)."""
    for item in items:
        text = " ".join(split_detail(item)[0].split())
        if text and step_kind(text) != "statement":
            return step_kind(text) == "action" and not _POINTER_RE.match(text)
    return False


def _image_alts(blocks: Sequence[Block]) -> set[str]:
    """The alt texts of the screenshots inside paragraphs (`![Increase Quota
    Dialog](x.png)` under a list item): the parser keeps them as words of the text."""
    alts: set[str] = set()
    for block in blocks:
        if isinstance(block, Paragraph):
            for mark in block.text.marks:
                if mark.kind == "image":
                    alt = " ".join(block.text.plain[mark.start : mark.end].split())
                    if len(alt) >= 3:
                        alts.add(alt)
        elif isinstance(block, ListBlock):
            for entry in block.items:
                alts |= _image_alts(entry.blocks)
        elif isinstance(block, (Quote, Note)):
            alts |= _image_alts(block.blocks)
    return alts


#: The last document `_document_alts` read and its alt texts: each option of an article
#: asks about the same (frozen) document.
_ALTS_SEEN: list[tuple[Document, frozenset[str]]] = []


def _document_alts(document: Document) -> frozenset[str]:
    """Every screenshot alt text of `document` (`_image_alts` of each part), read once
    per document, not once per option (500 options each walked the whole article: 8 s)."""
    if _ALTS_SEEN and _ALTS_SEEN[0][0] is document:
        return _ALTS_SEEN[0][1]
    alts = frozenset(a for part in document.walk() for a in _image_alts(part.blocks))
    _ALTS_SEEN[:] = [(document, alts)]
    return alts


def without_screenshots(text: str, alts: set[str]) -> tuple[str, list[str]]:
    """(`text` without the screenshots' alt texts flattened onto its end, those alt
    texts): "Increase the capacity of the PVC. Storage -> Storage Client -> Edit Increase
    Quota Dialog" is the step "Increase the capacity of the PVC."; ("", alts) when the
    text is screenshots only."""
    flat = " ".join(text.split())
    found: list[str] = []
    rest = flat
    while True:
        alt = next(
            (a for a in sorted(alts, key=len, reverse=True) if f" {rest}".endswith(" " + a)), ""
        )
        if not alt:
            break
        found.insert(0, alt)
        rest = rest[: len(rest) - len(alt)].rstrip()
    if not found or (rest and rest[-1:] not in ".:!?)"):
        return flat, []  # no screenshot, or its alt text ends a sentence of the step
    return rest, found


def _fixed_check(text: str) -> bool:
    """The site's "Check whether the problem is fixed. If ... you're finished ..." and
    nothing more: an item that goes on to an action ("If it isn't fixed, restart the
    Print Spooler service.") is a step, not the site's boilerplate."""
    flat = " ".join(text.split())
    if not _FIXED_CHECK_RE.match(flat):
        return False
    rest = split_sentences(flat)[1:]
    return all(_FINISHED_RE.search(sentence) for sentence in rest)


def _headings(article: Article) -> set[str]:
    """The article's section and sub-section names, as items carry them."""
    return {_key(md_plain(p.name)) for p in article.document.walk() if p.name}


def _key(text: str) -> str:
    return " ".join(text.split()).strip(" :.").casefold()


def _named_by(heading: str, item: str) -> str:
    """The first step under `heading` with the heading said before it ("Enable the
    multi-arch boot image feature: Set the ... feature gate ..."), not twice when the step
    already says it."""
    text, detail = split_detail(item)
    flat = " ".join(text.split())
    if _key(heading) in _key(flat):
        return item  # "Modify the workloads node placement in ...": said already
    if re.match(r"(?:if|when|unless)\b", flat, re.IGNORECASE):
        # "If you do not want X, do Y": the case is asked; the name goes under it
        return with_detail(text, "\n\n".join(p for p in (heading, detail) if p))
    return with_detail(f"{heading.rstrip(' :.')}: {flat}", detail)


def modern_ticks(article: Article, option: Option) -> None:
    """`option`'s items with only actions left to tick (see the module's docstring):
    markup, feedback and the site's fixed-check dropped, statements shown
    (an opening "There is no fix ..." as the outcome's text), headings naming their
    first step."""
    heads = _headings(article)
    runbook = is_alert_runbook(article)
    alts = set(_document_alts(article.document))
    items: list[str] = []
    said_first: list[str] = []  # statements that open the outcome: its text
    pending: list[str] = []  # shown under the next step
    heading = ""
    raw = [_without_markup(i) for i in option.items]
    for n, item in enumerate(raw):
        if not item:
            continue
        text, detail = split_detail(item)
        flat = " ".join(text.split())
        if not flat:  # a screenshot's paragraph: what was under it goes with the step before
            if items and detail:
                items[-1] = with_detail(items[-1], detail)
            continue
        if (
            _WE_SUGGEST_RE.search(flat)
            or _TOLD_ANYWHERE_RE.search(flat)
            or _CASE_NEED_RE.match(flat)
        ):
            flat = " ".join(suggested(s) for s in split_sentences(flat)) or flat
            text = flat
        if "**" in detail:
            detail = "\n\n".join(
                _BOLD_RE.sub(r"\1", p) if _PROSE_RE.match(p.strip()) else p
                for p in detail.split("\n\n")
            )
        if alts:
            step, shots = without_screenshots(flat, alts)
            if shots:  # "... data loss. Storage -> Storage Client -> Edit": pictures
                text = flat = step
                detail = "\n\n".join(p for p in ("Screenshots: " + "; ".join(shots), detail) if p)
            detail = "\n\n".join(
                "Screenshots: " + "; ".join(shown)
                if (shown := without_screenshots(p, alts)[1])
                and not without_screenshots(p, alts)[0]
                else p
                for p in detail.split("\n\n")
            )
            if not flat:  # a line of screenshots: shown under the step before
                if items:
                    items[-1] = with_detail(items[-1], detail)
                else:
                    pending.append(detail)
                continue
        sentences = split_sentences(flat) or [flat]
        if _FEEDBACK_RE.match(flat):
            continue  # "We would appreciate your feedback ...": the site's, no step
        if _fixed_check(flat) and (items or n):
            continue  # the site's end-of-method check: the outcome's verify says it better
        if heading and step_kind(flat) == "statement":
            # "The feature is in the alpha stage." between a heading and its first step
            pending.append("\n\n".join(p for p in (flat, detail) if p))
            continue
        nxt = next(
            (
                i
                for i in raw[n + 1 :]
                if split_detail(i)[0].strip() and step_kind(split_detail(i)[0]) != "statement"
            ),
            "",
        )
        next_text = " ".join(split_detail(nxt)[0].split())
        if (
            _key(flat) in heads
            and not flat.endswith((".", ":", "?"))
            and next_text
            and _key(next_text) not in heads
            and _verb(next_text)
        ):
            # a heading over its steps: it names the first of them, its paragraph is shown
            heading = flat
            if detail:
                pending.append(detail)
            continue
        if _SUMMARY_LEAD_RE.match(flat) and any(
            step_kind(split_detail(i)[0]) == "action" for i in raw[n + 1 :] if i.strip()
        ):
            # "Troubleshoot and fix X by checking Y and by verifying Z": Y and Z are the
            # steps after it; said over the first of them
            pending.append("\n\n".join(p for p in (flat, detail) if p))
            continue
        docs = _docs_action(flat)
        if docs:
            text = docs  # the pointer's words are its link, shown in the detail
            flat = docs
        if all(shown_sentence(s) for s in sentences) and (
            any(split_detail(i)[0].strip() for i in raw[n + 1 :]) or items
        ):
            said = "\n\n".join(p for p in (flat, detail) if p)
            if items:
                items[-1] = with_detail(items[-1], said)
            elif not said_first and not detail and re.match(NO_FIX_PATTERN, flat):
                said_first.append(flat)  # "There is no fix for X.": what the outcome says
            else:
                pending.append(said)
            continue
        before, step, after = _split_shown(flat)
        if before and re.match(NO_FIX_PATTERN, before) and not items and not said_first:
            said_first.append(before)
            before = ""
        elif (
            before
            and runbook
            and not (items or said_first or option.lead)
            and all(_NOT_SUPPORTED_RE.match(s) for s in split_sentences(before))
        ):
            # "We do not support adding X." opening a runbook's fix: why the fix is what
            # it is, the outcome's text (under the step it read as the step's note)
            said_first.append(before)
            before = ""
        shown = [p for p in (before, after) if p]
        if step != flat or shown:
            text = step
            detail = "\n\n".join(p for p in (*shown, detail) if p)
        if not items and step_kind(text) == "statement" and _acted_after(raw[n + 1 :]):
            # "The thanos-object-storage secret is incorrect." (or what "There is no fix"
            # goes on to explain) before the steps: shown with the first step after it
            pending.append("\n\n".join(p for p in (text, detail) if p))
            continue
        if heading:
            text, detail = split_detail(_named_by(heading, with_detail(text, detail)))
            heading = ""
        if pending:
            detail = "\n\n".join(p for p in (*pending, detail) if p)
            pending = []
        items.append(with_detail(text, detail) if detail else text)
    if pending and items:
        items[-1] = with_detail(items[-1], "\n\n".join(pending))
    if not items:
        return  # nothing but statements: the honest "nothing to do" case stays as written
    option.items = items
    if said_first:
        option.lead = " ".join([*said_first, option.lead]).strip()
