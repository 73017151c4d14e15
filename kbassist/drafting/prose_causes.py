"""Alternative causes a CAUSE states in prose, not as a list (round 29): "This problem
occurs if A, or if B." in one sentence, or "You may see this issue if A:" / <path> / "Or
if B:" / <path> in paragraphs.

Seeds 72 and 74 (windows-search: missing SystemIndex subkeys OR corrupted TxR log files,
where the fix only deletes the TxR logs) showed both causes as one paragraph and ran the
one fix for either. Two uses:

- `prose_causes` gives `alt_causes.alt_cause_steps` the causes when no bulleted list
  does, so a fix with one part per cause is asked as "Which of these applies?";
- `unfixed_cause_split` finds the single fix whose steps all name ONE cause (key words,
  `cause_list`'s rule) while another cause owns none: the walk asks which cause applies,
  the fixed one leads to the fix and the other to an honest outcome ("The article gives
  no fix for this cause: ..."), never to the other cause's fix.

Causes that must all hold ("if A and B") are no alternatives: only "or if" / "or when" /
"or because" splits, the same conjunction on both sides, after a lead that says the
problem occurs ("This error occurs", "see this issue"). Unmatched causes leave the walk as
it was.

Only causes given a paragraph each are acted on. The one-sentence form ("This behavior
can occur if A, or if B.") is found (bench_draft counts it) but left alone: read on the
archive, its one fix mostly covers both causes in words the causes do not share ("restore
the default security settings", "re-install the client with its help files"), and key
words gave the steps to the wrong cause in 10 of 14 changed drafts.
"""

from __future__ import annotations

import re
from typing import Any

from kbassist.articles import Article, Section
from kbassist.drafting.cause_list import _owners, _spans
from kbassist.drafting.causes import _words
from kbassist.drafting.numbered_causes import _cause_label
from kbassist.drafting.option_model import Option
from kbassist.drafting.options import option_label
from kbassist.drafting.text import brace, clean, split_detail, split_sentences

#: What says the problem occurs under a condition, naming it: "This problem occurs",
#: "You may see this issue", "This error can be caused"; not a bare "This occurs when you
#: close Terminal", which tells when a thing is done, not why a problem happens.
_LEAD_RE = re.compile(
    r"\b(?:(?:problems?|issues?|errors?|behaviou?rs?|messages?|situation|symptoms?|failures?)"
    r"(?: \w{1,20}){0,3} (?:occurs?|happens?|appears?|arises?|results?|(?:is|are|be) caused)"
    r"|see (?:this|the) (?:issue|problem|error|behaviou?r|message))\b",
    re.IGNORECASE,
)
#: "... occurs if A, or if B": the same conjunction twice, bounded both sides.
_OR_RE = re.compile(
    r"\b(?P<conj>if|when|because)[ \t]{1,4}(?P<a>(?:[^.;:!?]|[.:](?=\S)){8,300}?),?[ \t]{1,4}or"
    r"[ \t]{1,4}(?:else[ \t]{1,4})?(?P=conj)[ \t]{1,4}(?P<b>(?:[^.;!?]|\.(?=\S)){8,300})",
    re.IGNORECASE,
)
#: A paragraph opening the second cause: "Or if there are corrupted log files ...".
_OR_PARA_RE = re.compile(r"^or,?[ \t]{1,4}(?P<conj>if|when|because)[ \t]{1,4}", re.IGNORECASE)
#: "the following registry location:" at a clause's end: the path paragraph after it.
_FOLLOWING_RE = re.compile(
    r"(?:the following|this)(?: \w{1,20}){0,2} (?:location|path|folder|directory|key|subkey|"
    r"file)s?$",
    re.IGNORECASE,
)
#: A path or key on its own line: no spaces, or a registry key.
_PATH_RE = re.compile(r"^(?:[A-Za-z]:\\|\\\\|HKEY_|%)\S[^\n]{0,250}$")
#: A note paragraph (an admonition): not part of the cause.
_NOTE_RE = re.compile(r"^(?:>[ \t]{0,4})?(?:\[!\w{1,12}\]|note\b)", re.IGNORECASE)
#: "contact Microsoft Product Support Services", "contact your system administrator".
_CONTACT_RE = re.compile(
    r"\bcontact (?:\w{1,20} ){0,4}(?:support|administrator|vendor|manufacturer|microsoft|"
    r"help ?desk|services?)\b",
    re.IGNORECASE,
)
MAX_CAUSES = 4
WHICH_ID = "which_cause"


def _paras(text: str) -> list[str]:
    """The section's paragraphs on one line each, markdown code marks dropped."""
    paras = [" ".join(p.replace("`", "").split()) for p in re.split(r"\n[ \t]*\n", text)]
    return [p for p in paras if p]


def _with_path(clause: str, paras: list[str], at: int) -> str:
    """The clause with the path paragraph after it ("... the following location:" /
    "C:\\windows\\system32\\config\\TxR") joined on."""
    clause = clause.strip().rstrip(",")
    if clause.endswith(":") and at < len(paras) and _PATH_RE.match(paras[at]):
        return f"{clause} {paras[at]}"
    return clause.rstrip(":")


def prose_causes(article: Article, *, paragraphs: bool = False) -> list[str]:
    """The alternative causes the CAUSE states in prose ("occurs if A, or if B"; "...
    if A:" then a paragraph "Or if B:"), each as text; [] when it states none so.
    `paragraphs`: only causes given a paragraph each, the form the drafter acts on."""
    section = next((s for s in article.sections if s.role == "cause"), None)
    if section is None:
        return []
    paras = _paras(section.text)
    for n, para in enumerate(paras):
        if _NOTE_RE.match(para):
            continue
        nxt = n + 1
        if nxt < len(paras) and _PATH_RE.match(paras[nxt]):
            nxt += 1
        said = _OR_PARA_RE.match(paras[nxt]) if nxt < len(paras) else None
        if said is not None:
            head = split_sentences(para)[-1] if split_sentences(para) else para
            m = re.search(rf"\b{said['conj']}[ \t]{{1,4}}", head, re.IGNORECASE)
            if m is None or not _LEAD_RE.search(head[: m.start()]):
                continue
            first = _with_path(head[m.end() :], paras, n + 1)
            second = _with_path(paras[nxt][said.end() :], paras, nxt + 1)
            return [first, second]
        for sentence in split_sentences(para) if not paragraphs else []:
            m = _OR_RE.search(sentence)
            if m is None or not _LEAD_RE.search(sentence[: m.start()]):
                continue
            if len(sentence[: m.start()]) > 120 or re.search(r"\band\b\W*$", m["a"]):
                continue
            # "because of A, or because of B"; "..., or both" says so again
            pair = [re.sub(r"^of[ \t]{1,4}", "", m[k].strip()) for k in ("a", "b")]
            return [pair[0], re.sub(r",?[ \t]{1,4}or both$", "", pair[1].rstrip("."))]
    return []


def prose_label(cause: str) -> str:
    """A cause's answer: the clause with its path in place of "the following location"
    when that fits, capitalised, whole up to 100 characters."""
    clause, _, path = cause.partition(": ")
    clause = clause.rstrip(":")
    if path and _FOLLOWING_RE.search(clause):
        put = _FOLLOWING_RE.sub(lambda _: path.rstrip("."), clause)
        if len(put) > 100:  # "the SystemIndex registry location": the path's last part
            last = re.split(r"[\\/]", path.rstrip(".\\/"))[-1]
            put = re.sub(r"\b(?:the following|this)\b", f"the {last}", clause, count=1)
        clause = put if len(put) <= 100 else clause
    return _cause_label(clause[:1].upper() + clause[1:])


def _step_owners(article: Article, causes: list[str], option: Option) -> list[int | None]:
    """`cause_list._owners` with the title's words left out of the causes: "reboot the
    machine" after "the Search Index is being rebuilt" names the product, not the
    SystemIndex cause."""
    known = _words(article.title)
    trimmed = [" ".join(sorted(_words(c) - known)) for c in causes]
    return _owners(trimmed, option)


def unfixed_cause_split(article: Article, option: Option) -> tuple[list[str], int] | None:
    """The CAUSE's prose causes and the one whose key words the single fix's steps share
    when the other causes share none of its steps; None when the fix cannot be matched
    (no step names a cause, two causes' steps, or the fix already asks)."""
    if option.asks or option.when or option.kind != "option":
        return None
    if option.section.role not in ("resolution", "workaround"):
        return None
    causes = prose_causes(article, paragraphs=True)
    if not 2 <= len(causes) <= MAX_CAUSES or not option.items:
        return None
    owners = _spans(_step_owners(article, causes, option))
    named = {o for o in owners or [] if o is not None}
    if owners is None or len(named) != 1:
        return None
    fixed = named.pop()
    # the fix must not say a third or more of the other cause's own words: "correct the
    # mismatch or ensure the CICS region is running" fixes both causes in one step, and
    # "unmount one of the mounted drives" is the fix for "more than 15 mounted drives"
    known = _words(article.title)
    said = _words(" ".join(option.items))
    for n, cause in enumerate(causes):
        others = set().union(*(_words(c) for k, c in enumerate(causes) if k != n))
        if n == fixed:
            continue
        own = _words(cause) - known - others  # "four" of "a description with four characters"
        if (
            len(own) < 2
            or len(own & said) * 3 >= len(own)
            or len((_words(cause) - known) & said) >= 3
        ):
            return None  # too few words to tell, or the fix says them
    return causes, fixed


#: A fix titled by its section's name only ("Resolution"): bare beside the no-fix outcome.
_BARE_RE = re.compile(r"^(?:resolution|workaround|solution|mitigation|fix)s?$", re.IGNORECASE)


#: "in the following directory" ending a title: it points at what the title does not say.
_POINTER_TAIL_RE = re.compile(
    r"[ ,]{1,3}(?:in|at|under|from|to|on) (?:the following|this)(?: \w{1,20}){0,2}:?$",
    re.IGNORECASE,
)


def named_fix(option: Option) -> None:
    """Title a fix called only "Resolution" by its first step ("Resolution: Delete all
    files with .BLF ..."), as it now stands beside the other cause's no-fix outcome."""
    if _BARE_RE.match(option.label.strip()) and option.items:
        said = option_label(split_detail(option.items[0])[0])
        # "... extension in the following directory": the path is the step's, not the title's
        said = _POINTER_TAIL_RE.sub("", said) or said
        option.label = f"{option.label.strip()}: {said}"


def _contact(article: Article) -> str:
    """The article's own "contact ..." sentence, where the admin can take a cause the
    article gives no fix for; "" when it names none."""
    for section in article.sections:
        if section.role == "cause":
            continue
        for sentence in split_sentences(clean(section.text)):
            if len(sentence) <= 300 and _CONTACT_RE.search(sentence):
                return sentence
    return ""


def unfixed_cause_nodes(
    article: Article,
    section: Section,
    split: tuple[list[str], int],
    fix_entry: str,
) -> list[dict[str, Any]]:
    """ "Which cause applies?" over the prose causes (the fixed one leads to the fix,
    "Not sure" too, since it is the article's only fix) and one honest outcome per cause
    the article gives no fix for: what the cause is, and whom the article says to
    contact, else that the article has nothing more."""
    causes, fixed = split
    cite = {"article": article.id, "section": section.name}
    contact = _contact(article)
    notes = [  # "> [!NOTE] The above registry key is unique to each machine ...": kept
        re.sub(
            r"^(?:>[ \t]{0,4})?(?:\[!\w{1,12}\][ \t]{0,4}(?:>[ \t]{0,4})?|note:?[ \t]{0,4})", "", p
        )
        for p in _paras(section.text)
        if _NOTE_RE.match(p)
    ]
    choices: list[dict[str, str]] = []
    outcomes: list[dict[str, Any]] = []
    for n, cause in enumerate(causes, 1):
        label = prose_label(cause)
        if n - 1 == fixed:
            choices.append({"value": f"cause_{n}", "label": label, "next": fix_entry})
            continue
        node_id = f"cause_{n}_nofix"
        choices.append({"value": f"cause_{n}", "label": label, "next": node_id})
        said = cause[:1].upper() + cause[1:].rstrip(".")
        noted = " ".join(x for x in notes if _words(x) & _words(cause))
        step = (
            f"Escalate as the article says: {contact}"
            if contact
            else f"Escalate this cause, or look for an article that covers it: {article.id} "
            "gives no fix for it."
        )
        outcomes.append(
            {
                "id": node_id,
                "kind": "outcome",
                "title": "No fix in the article for this cause",
                "text": brace(
                    f"The article gives no fix for this cause: {said}. Its fix is for the other"
                    f" cause, so it is not run here. {noted}".strip()
                ),
                "source": cite,
                "steps": [{"text": brace(step), "source": cite}],
            }
        )
    choices.append(
        {"value": "unknown", "label": "Not sure: try the article's fix", "next": fix_entry}
    )
    names = "; ".join(c["label"] for c in choices[:-1])
    question = {
        "id": WHICH_ID,
        "kind": "question",
        "title": "Which cause applies?",
        "text": brace(
            f"The article names {len(causes)} causes ({names}) and gives a fix for one of them."
            " Which applies here?"
        ),
        "source": cite,
        "choices": choices,
    }
    return [question, *outcomes]
