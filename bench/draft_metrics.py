"""What bench_draft.py measures on one article: draft, lint, walk, and the draft metrics.

The metrics are defined in bench_draft.py's docstring and in bench/README.md; this module
is their implementation (placeholders in draft_placeholders.py), shared by bench_draft.py,
draft_sample.py and the smoke test (tests/test_bench_draft.py). Pure functions of an
article file: no index, no settings.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from draft_placeholders import (
    Placeholder,
    command_placeholders,
    placeholder_used,
    rendered_items,
)

from kbassist.articles import Article, ArticleSkip, load_article, section_key
from kbassist.drafting.applies_gate import NOT_APPLICABLE_SUFFIX
from kbassist.drafting.case_pairs import negated_pair
from kbassist.drafting.each_time import repeat_when
from kbassist.drafting.effect_ticks import ticked_explanation
from kbassist.drafting.goal_verify import LIMIT_RE, PROBLEM_KEYS
from kbassist.drafting.kept_condition import drop_changed_condition
from kbassist.drafting.open_ends import label_ends_open, plain_text
from kbassist.drafting.own_check import own_check_sentence, symptom_section_labels
from kbassist.drafting.phrase_ends import open_paren
from kbassist.drafting.round_only import problem_stays
from kbassist.drafting.symptom_only import not_symptom_label
from kbassist.drafting.text import DETAIL_SEP, split_sentences
from kbassist.drafting.this_outcome import is_diagnostic
from kbassist.drafting.tick_kinds import prompted_action, ticked_kind
from kbassist.drafting.verify_against import remedy_contradicted
from kbassist.trees.checklist import Checklist, build_checklist
from kbassist.trees.conditions import ConditionError
from kbassist.trees.engine import AnswerError, Walk
from kbassist.trees.loader import LoadResult
from kbassist.trees.model import Info, Input, Outcome, Question, Tree, TreeProblem
from kbassist.trees.values import FORMAT_EXAMPLES

#: A draft's walks are enumerated up to this many (every choice of every question).
MAX_WALKS = 64
#: A walk longer than this is abandoned as stuck (a loop the tree does not end).
MAX_WALK_STEPS = 200


# --------------------------------------------------------------------------- the seam


def draft_file(article: Article) -> tuple[str, str] | None:
    """The drafter's tree file for `article` as (tree id, YAML text), or None when it
    declines (no text to cite).

    The one place that names the drafter, so a change of its home is one import line.
    """
    from kbassist.drafting.tree import DraftError, draft_tree, draft_yaml

    try:
        tree = draft_tree(article)
    except DraftError:
        return None
    return str(tree["id"]), draft_yaml(tree, article)


def draft_loaded(article: Article) -> tuple[str, LoadResult] | None:
    """`draft_file`'s text and what the real loader reads from it (`drafted=True`), as
    `draft_text` gets them (`draft_checked`: the same text, Tree and problems as reading
    the text back, positions aside when lint passes). None when the drafter declines."""
    drafted = draft_linted(article)
    return None if drafted is None else drafted[:2]


def draft_linted(article: Article) -> tuple[str, LoadResult, list[TreeProblem]] | None:
    """`draft_loaded` and the lint problems, by `kbassist draft`'s own `draft_checked`
    (the Tree built from the drafter's dict; the written text read for positions only
    when lint finds a problem). None when the drafter declines."""
    from kbassist.drafting.tree import DraftError, draft_checked, draft_tree

    try:
        tree = draft_tree(article)
    except DraftError:
        return None
    # Named as `kbassist draft` names the file: lint checks the id matches the name.
    return draft_checked(tree, article, Path("<draft>") / f"{tree['id']}.yaml")


# --------------------------------------------------------------------------- walking


@dataclass
class WalkSet:
    """Every walk of a draft (up to MAX_WALKS): each finished walk's checklist."""

    checklists: list[Checklist] = field(default_factory=list)
    stuck: int = 0  # walks that could not go on (every answer refused, a loop)
    truncated: bool = False  # more walks than MAX_WALKS


def _candidates(node: Input) -> list[str | None]:
    """Answers to try at an input, first accepted wins: its default, then a sample."""
    raws: list[str | None] = [None] if node.default is not None else []
    if node.type == "choice":
        raws += [c.value for c in node.choices]
    elif node.type == "time":
        raws += ["01:00", "23:00"]
    elif node.type == "number":
        raws += [str(v) for v in (node.minimum, node.maximum) if v is not None] + ["1"]
    else:
        raws += [FORMAT_EXAMPLES.get(node.format, "example")]
    return raws


def enumerate_walks(tree: Tree) -> WalkSet:
    """Walk `tree` with the real engine: every choice at each question, the default (or
    a sample value) at each input, and the finished walk's real checklist."""
    found = WalkSet()
    walk = Walk(tree)

    def visit() -> None:
        if len(found.checklists) >= MAX_WALKS:
            found.truncated = True
            return
        node = walk.current
        if isinstance(node, Outcome):
            found.checklists.append(build_checklist(walk))
            return
        if walk.index >= MAX_WALK_STEPS:
            found.stuck += 1
            return
        if isinstance(node, Question):
            on_path = set(walk.path)
            for choice in node.choices:
                if choice.next in on_path:
                    continue  # a "try again" loop: the other choices go on
                try:
                    walk.answer(choice.value)
                except AnswerError:
                    continue
                visit()
                walk.back()
            return
        raws = [None] if isinstance(node, Info) else _candidates(node)  # type: ignore[arg-type]
        for raw in raws:
            try:
                walk.answer(raw)
            except AnswerError:
                continue
            visit()
            walk.back()
            return
        found.stuck += 1

    visit()
    return found


def asks_question(checklist: Checklist) -> bool:
    """The walk passed at least one question node."""
    return any(isinstance(step.node, Question) for step in checklist.steps)


# --------------------------------------------------------------------------- verbs

#: Imperative verbs that start a checklist step (lower case). `re`/`un` + a verb and any
#: `*-click` count too (see starts_with_verb).
ACTION_VERBS = frozenset(
    """
    accept access activate add ask consult cordon describe escalate gather highlight hold
    insert notify plug purchase refer adjust allow apply approve assign attach back boot browse
    build call cancel change check choose clean clear click close collect compare compile
    configure confirm connect contact convert copy correct create cut deactivate debug
    decrease define delete deploy deselect detach determine disable disconnect dismiss
    download drag drain drop edit eject empty enable end ensure enter erase examine exclude
    execute exit expand export extend extract fill find fix flush follow force format free
    get give go grant identify ignore import include increase inspect install investigate
    isolate keep kill launch leave limit list load locate lock log look lower make map
    mark migrate modify monitor mount move navigate obtain open override patch paste
    pause perform pick place point power press prevent print promote provide purge push
    put query quit raise read reboot recreate reduce refresh register release reload
    remove rename repair repeat replace request reset resize resolve restart restore
    resume retry return review revoke rollback rotate run save scale scan schedule scroll
    search select send set shrink shut sign skip specify start stop submit switch sync
    tap terminate test tick toggle trigger truncate turn type unblock uncheck uninstall
    unlock unmount unregister update upgrade upload use validate verify view visit wait
    watch wipe write position prepare tune append establish break try consider continue
    avoid complete troubleshoot evaluate take defragment invoke implement initialize proceed
    generate minimize declare capture diagnose comment distribute divide remember substitute
    shorten finish
    """.split()
)
#: Lead-ins before the imperative: "If X, click ..." / "In Control Panel, double-click ...".
_LEAD_CLAUSE_RE = re.compile(
    r"^(?:if|when|after|before|once|on|in|from|at|to|for|under|while|within|using|with)\b"
    r"[^,:]{0,100}[,:]\s+",
    re.IGNORECASE,
)
_FILLER_RE = re.compile(
    r"^(?:then|next|now|also|finally|first|second|third|optionally|please|and|or)\b,?\s+",
    re.IGNORECASE,
)
_STEP_MARKER_RE = re.compile(
    r"^(?:[-*\u2022]\s+|\(?\d{1,2}[.)]\s+|\(?[a-z][.)]\s+|step\s+\d+\s*[:.-]\s*)", re.IGNORECASE
)
_PROMPT_RE = re.compile(r"^(?:\$|#|>|PS [A-Z]:\\[^>]*>|[A-Z]:\\[^>]*>)\s*\S")


def _is_verb(word: str) -> bool:
    word = word.lower().strip("\"'`*_()[]").rstrip(",.:;!")  # "Wait, and watch", "Quit."
    if word.endswith("-click"):
        return True
    if word in ACTION_VERBS:
        return True
    for prefix in ("re-", "re", "un"):
        if word.startswith(prefix) and word[len(prefix) :] in ACTION_VERBS:
            return True
    return False


def starts_with_verb(text: str) -> bool:
    """Whether a checklist step reads as an action: its first word, after a list marker,
    a filler ("Then", "Optionally,") and one lead-in clause ending in a comma or colon
    ("If you use NTFS, ..."), is an imperative verb; "Do not X" / "Don't X" count when X
    is one; a line starting with a shell prompt ($, #, >, C:\\>) counts as "run this"."""
    text = " ".join(text.split())
    text = _STEP_MARKER_RE.sub("", text, count=1)
    if _PROMPT_RE.match(text):
        return True
    for _ in range(2):
        text = _FILLER_RE.sub("", text, count=1)
        text = _LEAD_CLAUSE_RE.sub("", text, count=1)
    words = text.split()
    if not words:
        return False
    if words[0].lower() in ("do", "don't", "dont") and len(words) > 1:
        rest = words[2:] if words[1].lower() == "not" else words[1:]
        return bool(rest) and _is_verb(rest[0])
    return _is_verb(words[0])


# --------------------------------------------------------------------------- labels

_ELLIPSIS_END_RE = re.compile(r"(?:\.\.\.|\u2026)\s*$")


def _normal(text: str) -> str:
    return " ".join(text.split())


def label_cut(label: str, article_text: str) -> bool:
    """A choice label is cut when it holds "[...]", ends in an ellipsis the article does
    not have there, or ends mid-word: found in the article (whitespace collapsed) only
    where a letter or digit follows its last character."""
    label = _normal(label)
    if "[...]" in label or "[\u2026]" in label:
        # the article's own "[...]" (Q236092's "click the ellipses [...]" button) is text
        return label not in article_text
    if _ELLIPSIS_END_RE.search(label):
        return label not in article_text
    if not label or not label[-1].isalnum():
        return False
    at = article_text.find(label)
    if at == -1:
        return False  # rewritten, not copied: cannot tell, so not counted as cut
    while at != -1:
        end = at + len(label)
        if end >= len(article_text) or not article_text[end].isalnum():
            return False
        at = article_text.find(label, at + 1)
    return True


#: Words a phrase does not end on (a whole lowercase word: "add-in" ends on no "in",
#: "Drive A" on no "a"): an article or possessive, a preposition, a conjunction,
#: "as"/"than"/"rather" of a comparison, "like"/"including" of a list, a dangling
#: "that"/"which", a bare "is"/"be". "in"/"on" only where the article has the label
#: ("located in" + ":"), as "You were signing in" may be whole.
_OPEN_END_RE = re.compile(
    r"(?<!\S)(?:a|an|the|to|of|for|with|by|from|at|into|onto|as|than|rather|like|and|or"
    r"|but|nor|that|which|whose|who|whom|is|are|be|such|including|via|per|whether|your"
    r"|their|its)$",
)
#: Words that open a noun phrase: a label ending a word or two after one, where the
#: article goes on with a plain word, stops inside it ("on the print" + " queue").
_NP_OPEN = frozenset(
    "a an the this these those your its their his her our my some any each every no all"
    " of on in at for to with by from into onto".split()
)
#: Determiners: after a label ending on a lowercase word, the object it left out
#: ("... or uncompress" + " a drive").
_DETERMINERS = frozenset("a an the your their its these those his her our my".split())
#: Auxiliaries: after a label whose last clause is only its subject, its predicate
#: ("... because the domain account" + " is locked out").
_AUX = frozenset(
    "is are was were may might can cannot could will would should must has have had does"
    " do did".split()
)
#: Words that go on a clause, not a noun phrase: function words, auxiliaries, common
#: verbs of a predicate ("The print queue" + " stops"), adverbs, pronouns, prepositions.
_NOT_HEAD = _AUX | frozenset(
    "to of for with by from in on at into onto as than like and or but nor that which whose"
    " who whom where when if because so then be been being not no appears appear occurs"
    " occur fails fail stops stop works work runs run returns return contains contain"
    " displays display shows show opens open closes close becomes become remains remain"
    " seems seem uses use needs need requires require causes cause gets get starts start"
    " again now first then also only too later here there instead anyway once either both"
    " while after before until unless since whether without within through using via per"
    " although though even just still yet already always never often you it they we he"
    " she i under over about between among against across along around behind below"
    " beneath beside beyond inside outside toward towards upon during except throughout"
    " such".split()
)
#: Verbs that need what follows ("does not attempt" + " to restore", "indicates" +
#: " that ..."): a label ending on one, where the article goes on with "to" + a verb or
#: with "that"/"whether"/"if", is cut.
_COMPLEMENT_VERBS = frozenset(
    "attempt attempts attempting try tries trying need needs want wants wanted indicate"
    " indicates indicated ensure ensures sure verify verifies confirm confirms specify"
    " specifies determine determines means meant states stated says said shows showed"
    " appear appears appeared seem seems seemed allow allows allowed enable enables able"
    " unable going used tell tells told decide decides expect expects expected require"
    " requires required".split()
)
#: The word that opens a pair the article's next word closes ("both the Standard" +
#: " and Professional", "as quickly" + " as possible", "either X" + " or Y").
_PAIR_OPENERS = {"as": "as", "and": "between|both", "or": "either", "nor": "neither"}
#: A comparative the article's "than" completes ("... rather" + " than the form").
_COMPARATIVE_RE = re.compile(r"(?:\b(?:more|less|rather|other|fewer)|\w{3,40}er)$", re.I)
#: A label that opens a list: the article's next items go on with it.
_LIST_OPEN_RE = re.compile(r"\b(?:like|such as|including|e\.g\.,?|for example,?)\s", re.I)
#: After the label, more items of its list: ", III, or IV", ", Calculator, and Edge".
_LIST_MORE_RE = re.compile(r"^,\s+(?!and\b|or\b)[^,.;:]{1,30},?\s+(?:and|or)\s(?!then\b)")
#: A label's last clause starts after its last mark or clause opener.
_CLAUSE_SPLIT_RE = re.compile(
    r"[:,;]\s|\s(?:when|if|because|that|which|who|where|while|since|after|before|and|or)\s"
)
#: A plain lowercase word (a noun's head, maybe with its clause mark).
_PLAIN_WORD_RE = re.compile(r"[a-z][a-z-]{0,40}[,;:.]?")
#: What follows a label the article says whole: its sentence's end, a link's "](".
_WHOLE_AFTER_RE = re.compile(r"^(?:[.!?](?:\s|$)|\]\(|$)")


def _bare(word: str) -> str:
    return word.strip("\"'`()[],;:.!?").casefold()


def _subject_only(label: str) -> bool:
    """Whether the label's last clause is only a subject ("The IISADMIN service"): up to
    six words, no auxiliary and no word that reads as a verb ("-ed", "-s" after a noun)."""
    clause = _CLAUSE_SPLIT_RE.split(f" {label} ")[-1].split()
    return 1 <= len(clause) <= 6 and not any(
        _bare(w) in _NOT_HEAD
        or (
            w.islower()
            and w.endswith(("ed", "s"))
            and n > 0
            and clause[n - 1].casefold() not in _NP_OPEN
        )
        for n, w in enumerate(clause)
    )


def _goes_on(label: str, rest: str) -> bool:
    """Whether `rest`, the article's text after `label`, goes on a phrase `label` stops
    inside: more items of a list it opened, the second half of a comparison or a pair,
    what its last verb needs, the object of a verb, the predicate of a bare subject, or
    the head of a noun phrase opened in its last three words. Not a clean stop before
    "and", "that", a preposition or a clause mark."""
    words = label.split()
    last = _bare(words[-1])
    if _LIST_MORE_RE.match(rest):
        tail = label.rsplit(",", 1)[1] if "," in label else ""
        item = rest[1:].lstrip()[:1]
        # "Application tiles like Alarm" + ", Calculator, and Edge"; "a HP LaserJet, II"
        return bool(_LIST_OPEN_RE.search(label)) or (
            bool(tail) and len(tail.split()) <= 3 and not item.islower()
        )
    if not rest[:1].isspace() or not rest.strip():
        return False  # the clause or sentence ends here: ", ", ".", ":", ")"
    after = rest.split(None, 1)[0]
    nxt = _bare(after)
    if not nxt:
        return False
    if nxt == "than":
        return bool(_COMPARATIVE_RE.search(last))  # "... rather" + " than the form"
    if nxt in _PAIR_OPENERS:
        opener = _PAIR_OPENERS[nxt]
        return bool(re.search(rf"\b(?:{opener})\b(?:\s+\S{{1,200}}){{1,3}}$", label, re.IGNORECASE))
    if nxt in ("to", "that", "whether", "if"):
        if last not in _COMPLEMENT_VERBS:
            return False  # "Add node pools" + " to avoid ...", "... the rights" + " that"
        # "does not attempt" + " to restore", not "used" + " to the default"
        return nxt != "to" or bool(
            re.match(r"\s+to\s+(?!(?:the|a|an|your|this|that|these|those|its|their)\b)[a-z]", rest)
        )
    if nxt in _AUX and after[:1].islower():
        return _subject_only(label)  # "... the domain account" + " is locked out"
    if nxt in _DETERMINERS and after[:1].islower():
        # "... or uncompress" + " a drive" (not "5" + " the following")
        return last not in _NOT_HEAD and words[-1].isalpha() and words[-1].islower()
    if nxt in _NOT_HEAD or nxt.endswith(("ly", "ing", "ed")) or not _PLAIN_WORD_RE.fullmatch(after):
        return False
    return any(_bare(w) in _NP_OPEN for w in words[-3:-1])  # "on the print" + " queue"


def label_cut_phrase(label: str, article_text: str) -> bool:
    """A label cut mid-phrase, as a reader sees it: whole words (labels cut mid-word are
    label_cut's), but ending on a word no phrase ends on (a determiner, a preposition, a
    conjunction, a dangling "that"), inside an open "(", or, where the article has it,
    everywhere stopped short of what its phrase needs (`_goes_on`: "... on the print" +
    " queue", "... does not attempt" + " to restore", "tiles like Alarm" + ", Calculator,
    and Edge"). A label that ends where its clause or sentence ends is whole, and so is a
    stop before "and", "that" or a preposition ("Replace the packages" + " that fail"):
    whether such a stop drops what the label needs is a drafting choice, not a cut."""
    label = _normal(label)
    if not label:
        return False
    if not label[-1].isalnum():
        return label.endswith("(")
    words = label.split()
    if len(words) < 3:
        return False  # "Yes", "Not sure", "Windows 95": too short to tell
    found = []
    at = article_text.find(label)
    while at != -1:
        end = at + len(label)
        if end < len(article_text) and article_text[end].isalnum():
            return False  # mid-word: label_cut's
        found.append(article_text[end : end + 60])
        at = article_text.find(label, at + 1)
    if any(_WHOLE_AFTER_RE.match(rest) for rest in found):
        return False  # the article's whole sentence or link text: "... logged on to."
    if _OPEN_END_RE.search(label) or (words[-1] in ("in", "on") and found):
        return True
    if open_paren(label) != -1:
        return True  # "... a space (including a"
    return bool(found) and all(_goes_on(label, rest) for rest in found)


#: The drafter's "(2)" after a label that read like a sibling's.
_NUMBERED_RE = re.compile(r"\s+\(\d+\)$")
#: What a label cut before its sentence's end is followed by in the article: its clause
#: going on (", but then an error ...", " during the login").
_CLAUSE_ON_RE = re.compile(r"^(?:,\s|\s+[a-z(])")
#: Choices that name no text of the article ("None of these", "Not sure: ...").
_GENERIC_CHOICE_RE = re.compile(r"^(?:none of these|i don't know|not sure)\b", re.IGNORECASE)


def _label_tail(label: str) -> str:
    """A message label after the heading the drafter put before it ("TCP > ...")."""
    return label.rsplit(" > ", 1)[1] if " > " in label else label


def _clause_cut(label: str, article_text: str) -> bool:
    """Found in the article only where its clause goes on (", but ...", " during ...")."""
    at = article_text.find(label)
    if at == -1:
        return False
    while at != -1:
        if not _CLAUSE_ON_RE.match(article_text[at + len(label) : at + len(label) + 4]):
            return False
        at = article_text.find(label, at + 1)
    return True


def labels_alike(labels: list[str], article_text: str) -> bool:
    """Whether two of one question's labels do not tell its choices apart: the same
    label (but for the drafter's "(2)"), the same message after different headings but
    cut before its clause ends ("Named Pipes > A connection was ... with the server" and
    "TCP > " the same), or one the other's start and cut (`label_cut`,
    `label_cut_phrase`). `article_text` is whitespace-collapsed."""
    said = [_normal(x) for x in labels if not _GENERIC_CHOICE_RE.match(x)]
    for n, one in enumerate(said):
        for other in said[n + 1 :]:
            if _NUMBERED_RE.sub("", one).casefold() == _NUMBERED_RE.sub("", other).casefold():
                return True
            tail, other_tail = _label_tail(one), _label_tail(other)
            if tail.casefold() == other_tail.casefold() and _clause_cut(tail, article_text):
                return True
            short, long_ = sorted((tail, other_tail), key=len)
            if (
                len(short.split()) >= 3
                and long_.casefold().startswith(f"{short.casefold()} ")
                and (label_cut(short, article_text) or label_cut_phrase(short, article_text))
            ):
                return True
    return False


#: A title's own name for its section before what it does: "Resolution: ", "Method 2: ".
_TITLE_PREFIX_RE = re.compile(r"^[^:]{2,40}:\s+")
#: A title that points at what follows instead of saying it ("... do the following",
#: "... by updating the following", "Follow these steps"), or keeps a link's "]".
_TITLE_LEAD_IN_RE = re.compile(
    r"(?:\bfollowing|\bas follows|\bthese steps|\bthis method|\bthe steps)\W*$|^[^\[]*\]$",
    re.IGNORECASE,
)


def title_cut_phrase(title: str, article_text: str) -> bool:
    """An outcome title cut mid-phrase or ending on a lead-in: what label_cut_phrase
    counts for the title after its section prefix ("Resolution: ... page though" + " the
    settings link"), or a title ending on "the following", "these steps", or "]"."""
    title = _normal(title)
    body = _TITLE_PREFIX_RE.sub("", title, count=1)
    if _TITLE_LEAD_IN_RE.search(body):
        return True
    # the article's own "Note: ..." is the title; else the body after the drafter's prefix
    return label_cut_phrase(title if title in article_text else body, article_text)


#: A fix title or label that says no action (round 40, labels40): a bare section kind
#: ("Resolution", "Mitigation"), a lead-in ("To resolve this problem,", "Use one of the
#: following methods", "Do the following", "Use the appropriate method"), or an object
#: left below it ("... the following registry key", "... this update").
_BARE_KIND_RE = re.compile(
    r"^(?:resolution|workaround|mitigation|solution|fix|remediation|troubleshooting)s?"
    r"(?: \(\d+\))?$",
    re.IGNORECASE,
)
_LEAD_IN_ONLY_RE = re.compile(
    r"^(?:to (?:resolve|work around|fix|correct|avoid|prevent|solve|address) (?:this|the)"
    r" (?:problem|issue|behaviou?r|error)(?: from occurring)?"
    r"|.*\b(?:use|try|follow|perform) (?:one|either|any|all|each|both) of the following\b.*"
    r"|(?:do|follow|perform|complete) the following(?: \w+)?(?: steps?)?|follow these steps"
    r"|use the appropriate method)\W*$",
    re.IGNORECASE,
)
_DANGLING_RE = re.compile(
    r"\b(?:the|these) following(?:\s+[\w.-]+){0,4}\W*$|\bthis (?:update|hotfix|fix|patch)\W*$",
    re.IGNORECASE,
)


def label_says_no_action(label: str) -> bool:
    """A title or label that is a bare kind, a lead-in, or ends on "the following X" /
    "this update" whose object is below it (after a "Resolution: " prefix)."""
    label = _normal(label)
    body = _TITLE_PREFIX_RE.sub("", label, count=1)
    if _BARE_KIND_RE.match(label):
        return True
    return bool(_LEAD_IN_ONLY_RE.match(body) or _DANGLING_RE.search(body))


#: A fix label opening with a reason or a concession ("Even though the editor does not
#: show X", "Because there is no exposed method"): the action is in the clause after it.
_REASON_OPEN_RE = re.compile(
    r"^(?:even though|although|though|because|since|whereas|despite|in spite of)\b", re.I
)
#: A fix label opening with a case ("When a new server, Server B"): counted when the
#: label stops where the article goes on with the clause's comma (its action left out).
_CASE_OPEN_RE = re.compile(r"^(?:when|if|unless|after|before|once|while)\b", re.IGNORECASE)
#: A fix label pointing at what it does not say: "Configure the following policy to X",
#: "... to one of the following modes" (not "... the following: X").
_POINTS_AT_RE = re.compile(r"\b(?:the|these) following\b(?![^:]{0,80}:\s*\S)", re.IGNORECASE)
#: A label that counts steps or keeps a heading's horizon: "Resolution (5 steps)",
#: "Long term: Upgrade ...".
_EMPTY_NAME_RE = re.compile(
    r"^[\w ]{2,40}\(\d+ steps?\)$|^(?:short|long|medium|near)[ -]term\b\s*:", re.IGNORECASE
)
#: A first step that only gets somewhere: "On the startup screen, click Game Options",
#: "Click Start" (not "Select the VGA driver", which may be the fix itself).
_NAV_STEP_RE = re.compile(
    r"^(?:(?:on|in|at|from|under|within) [^,]{2,80}, (?:click|double-click|right-click|select"
    r"|choose|open|point to)|click|double-click|right-click|go to|navigate|point to)\b",
    re.IGNORECASE,
)


def title_not_action(title: str, article_text: str, first_step: str = "") -> bool:
    """A fix label that does not name what the fix does: a cut reason or case clause
    ("Resolution: Because there is no exposed property ..."), its first UI step ("On the
    StarLancer startup screen, click Game Options"), a bare code line ("ODBCINT.DLL =
    ODBCINT.DLL"), a pointer at what it does not say ("... the following policy ..."), a
    step count ("Resolution (5 steps)") or a horizon kept ("Long term: ...")."""
    title = _normal(title)
    body = _TITLE_PREFIX_RE.sub("", title, count=1)
    if _EMPTY_NAME_RE.match(title) or _POINTS_AT_RE.search(body):
        return True
    if _REASON_OPEN_RE.match(body):
        return True
    if (
        _CASE_OPEN_RE.match(body)
        and ", " not in body
        and re.search(re.escape(body) + r"\s*,", article_text)
    ):
        return True  # the case alone, its action left after the comma
    if (
        "=" in body
        and not re.search(r"\b[a-z]{3,}\s+[a-z]{2,}\b", body)
        and not re.match(r"[A-Z][a-z]+ (?:the|a|an|your) ", body)
    ):
        return True  # "ODBCINT.DLL = ODBCINT.DLL": a line to type, not a name
    first = _normal(first_step).rstrip(". ").casefold()
    said = body.rstrip(". ").casefold()
    return bool(first and _NAV_STEP_RE.match(body) and first.startswith(said[:60]))


#: A step that only announces others: "Use the information in the following paragraphs
#: ...", "Use the following steps to ...", "To resolve this problem:", a sentence ending
#: in a colon with nothing under it.
_LEAD_IN_STEP_RE = re.compile(
    r"^(?:(?:use|follow|see|read|apply|try|do|perform|complete) (?:one of |any of )?(?:the|these)"
    r" (?:information|details|guidance|following (?:steps|methods|procedures?|instructions"
    r"|paragraphs|sections?|information|workarounds|options|ways)|steps|instructions|methods"
    r"|procedures?)\b"
    r"|to (?:resolve|work ?around|fix|correct|avoid|prevent|solve) (?:this|the) "
    r"(?:problem|issue|behaviou?r|error)\b[^.]{0,80}:?$)",
    re.IGNORECASE,
)


#: "... To do it, follow these steps.", "... by using the following steps": a step's last
#: words that point at the steps after it.
_POINTS_ON_RE = re.compile(
    r"(?:^|[.;]\s+)(?:to do (?:this|it|so),?\s+|to [^,.:]{3,120},\s*)?(?:please\s+)?"
    r"(?:follow|complete|perform|use)\s+(?:these|the(?:\s+following)?)\s+(?:steps|procedures?"
    r"|instructions)(?:\s+below)?[^.:]{0,100}[.:]?$|\bby\s+(?:using|following)\s+(?:these|the"
    r"\s+following)\s+steps[.:]?$",
    re.IGNORECASE,
)
#: A detail that is only such a pointer, or a note beside it ("Important: ... registry").
_POINTER_DETAIL_RE = re.compile(
    r"^(?:(?:to do (?:this|it|so),?\s+)?(?:follow|complete|perform)\s+(?:these|the)\s+steps"
    r"[.:]?|(?:important|note|warning|caution)\b.*)$",
    re.IGNORECASE,
)


#: A step that only gets an update: "Obtain the latest service pack for X", "Contact
#: Microsoft Product Support Services to obtain the fix", "Contact Iomega for an updated
#: version of X", "Download Q254142_w2k_sp1_x86_en.exe now".
_OBTAIN_STEP_RE = re.compile(
    r"^(?:to (?:resolve|correct) this (?:problem|issue),\s+)?(?:obtain|get|download|order"
    r"|request)\b|^(?:contact|call)\b.{0,120}?\b(?:to (?:obtain|get|order)\b|for (?:an?|the)"
    r"\s+(?:updated?|new|newer|latest|fix|hot ?fix|patch|upgrade)\b)",
    re.IGNORECASE,
)
#: What an obtain step gets must be an update, not "the selector from the YAML".
_UPDATE_WORD_RE = re.compile(
    r"\b(?:service pack|service release|hot ?fix(?:es)?|fix(?:es)?|patch(?:es)?|update[sd]?"
    r"|upgrades?|versions?|drivers?|bios|firmware|release|rollup|package|software|program"
    r"|utility|converter|files?|\w+\.(?:exe|sys|dll|vxd|drv|ocx))\b",
    re.IGNORECASE,
)
#: What follows an obtained update: installing, applying, running or using it, a restart.
_INSTALL_WORD_RE = re.compile(
    r"\b(?:install\w*|apply|applying|run|setup|upgrade|restart|reboot|copy|replace|flash|use"
    r"|place|set)\b",
    re.IGNORECASE,
)


def obtain_only(texts: list[str]) -> bool:
    """A fix's checklist that only obtains an update: every step gets it (see
    _OBTAIN_STEP_RE; what it gets is an update, _UPDATE_WORD_RE) and none installs,
    applies, runs, uses it or restarts; the admin is left holding a download."""
    return bool(texts) and all(
        _OBTAIN_STEP_RE.match(t.strip())
        and _UPDATE_WORD_RE.search(t)
        and not _INSTALL_WORD_RE.search(t)
        for t in texts
    )


#: A step that only escalates ("Escalate if ...", "... open a support case", "Contact
#: Microsoft support").
_ESCALATE_STEP_RE = re.compile(
    r"^escalate\b|\b(?:open|file|raise) an? (?:support )?(?:case|ticket)\b|"
    r"\bcontact (?:\w+ ){0,2}support\b",
    re.IGNORECASE,
)
#: An outcome title that says it escalates or that no fix is documented.
_SAYS_ESCALATE_RE = re.compile(
    r"\bescalat|\bsupport\b|\bno (?:documented )?fix|\bchecks only\b|\bno fix steps\b",
    re.IGNORECASE,
)


def escalate_only(title: str, ticked: list[str]) -> bool:
    """A fix outcome whose every tick only escalates, titled as if it fixed ("Mitigation"):
    it hides that the article gives checks only, nothing to fix with."""
    return (
        bool(ticked)
        and all(_ESCALATE_STEP_RE.search(t) for t in ticked)
        and not _SAYS_ESCALATE_RE.search(title)
    )


def lead_in_step(text: str, detail: str) -> bool:
    """A ticked step that is a lead-in, not an action: it announces what follows (see
    _LEAD_IN_STEP_RE), ends in a colon with no detail (its list became ticks of their
    own: "Set X to one of the following modes:" over each mode), ends pointing at the
    next steps ("Unlock the drive. To do it, follow these steps.") with nothing under it,
    or carries only that pointer ("Change the settings." over "To do this, follow these
    steps:", its steps ticked after it)."""
    text = _normal(text)
    if detail.strip():
        paragraphs = [" ".join(p.split()) for p in detail.split("\n") if p.strip()]
        if re.match(r"(?:to do (?:this|it|so),?\s+)?follow\b", paragraphs[0], re.I) and all(
            _POINTER_DETAIL_RE.match(p) for p in paragraphs
        ):
            return True
        return bool(_LEAD_IN_STEP_RE.match(text)) and not re.search(r"\bcommands?\b", text, re.I)
    return text.endswith(":") or bool(_LEAD_IN_STEP_RE.match(text) or _POINTS_ON_RE.search(text))


#: An outcome title that is only a section's name: says nothing among other choices.
_BARE_TITLE_RE = re.compile(
    r"^(?:mitigation|mitigating|resolution|solution|fix|remediation|troubleshooting|procedure"
    r"|workaround|diagnosis|alert description|description|summary|overview)s?$",
    re.IGNORECASE,
)
#: A step that only says where to read more ("Further info on X can be found in ...").
_READ_MORE_RE = re.compile(
    r"\b(?:can|may) be found\b|^(?:for )?(?:more|further|additional) (?:detailed )?"
    r"(?:info|information|details|reading)\b|^(?:see also|related links)\b",
    re.IGNORECASE,
)


def bare_titles(tree: Tree) -> tuple[int, list[str]]:
    """(fix outcomes of a draft with two or more, the bare ones among them): outcomes
    titled only "Mitigation", "Troubleshooting", "Alert Description" beside others."""
    fixes = [
        o
        for o in tree.outcomes()
        if o.id != "not_this_article" and not o.id.endswith(NOT_APPLICABLE_SUFFIX)
    ]
    if len(fixes) < 2:
        return 0, []
    return len(fixes), [o.title for o in fixes if _BARE_TITLE_RE.match(o.title.strip())]


#: A section a fix outcome is cited from that only looks: a runbook's Diagnosis.
_DIAGNOSIS_SOURCE_RE = re.compile(r"^(?:diagnos[ie]s|diagnostics?)\b", re.IGNORECASE)
#: A checklist that only says to think about a change: "Start thinking about sharding X".
_LONG_TERM_STEP_RE = re.compile(
    r"^(?:start (?:thinking|to think) about|think about|consider)\b", re.IGNORECASE
)


def diagnosis_fixes(tree: Tree) -> list[str]:
    """Fix outcomes cited from a Diagnosis section beside a fix cited from another
    section (round 34): the runbook's checks offered as one of its fixes."""
    fixes = [o for o in tree.outcomes() if o.id != "not_this_article" and o.source is not None]
    diag = [o for o in fixes if _DIAGNOSIS_SOURCE_RE.match(o.source.section.strip())]  # type: ignore[union-attr]
    if not diag or len(diag) == len(fixes):
        return []
    return [o.title for o in diag]


def long_term_cleared(tree: Tree) -> list[str]:
    """Fix outcomes whose first step only says to think about a change ("Start thinking
    about sharding prometheus"), their only step, yet are verified by the alert clearing
    (round 34)."""
    return [
        o.title
        for o in tree.outcomes()
        if len(o.steps) == 1  # "Consider restarting the pod" over its checks: a fix now
        and _LONG_TERM_STEP_RE.match(_source(o.steps[0].template).strip())
        and any(re.search(r"\balert clears\b", _source(v.template)) for v in o.verify)
    ]


#: A title that is a fix's first UI step: "Workaround: Click Start", "Resolution: Open
#: SQL Server Configuration Manager", "Resolution: Log on by using an administrator account".
_FIRST_CLICK_TITLE_RE = re.compile(
    r"^(?:[\w ]{2,40}: )?(?P<body>(?:(?:before|after|when|once) [^,]{3,80}, )?"
    r"(?:click|double-click|right-click|select|open|start|press"
    r"|log (?:on|in)|sign in|navigate|go to|browse|expand|point to|in control panel)\b.*)$",
    re.IGNORECASE,
)


def first_click_titles(tree: Tree) -> list[str]:
    """Fix outcomes titled by their first UI step (the title begins the first step with a
    click, an open or a log-on), not by what the fix does."""
    found = []
    for outcome in tree.outcomes():
        match = _FIRST_CLICK_TITLE_RE.match(outcome.title.strip())
        if outcome.id == "not_this_article" or not match or not outcome.steps:
            continue
        first = _normal(_source(outcome.steps[0].template)).casefold()
        body = _normal(match.group("body")).casefold()
        if first.startswith(body) or body.startswith(first[:40]):
            found.append(outcome.title)
    return found


def read_more_step(text: str) -> bool:
    """A ticked step that only points to more reading, not an action to take."""
    text = _normal(text)
    return bool(_READ_MORE_RE.search(text)) and not starts_with_verb(text)


#: "For mitigation strategies and solutions, refer to:", "See the following articles:":
#: a pointer to the links under it, nothing to do.
_REFER_STEP_RE = re.compile(
    r"^(?:(?:for|to)\b[^:]{3,120},\s*)?(?:please\s+)?(?:refer\s+to|see|consult|read)\b[^:]{0,80}:$",
    re.IGNORECASE,
)
#: "The following is a code segment of the X stored procedure:": a listing's caption.
_CAPTION_RE = re.compile(
    r"^the following (?:is|are|shows?) (?:an? |the )?(?:\w+ )?(?:code |script |query )?"
    r"(?:segment|snippet|excerpt|listing|fragment|portion|definition|part)s?\b"
    r"|^(?:below|here) (?:is|are) (?:an? )?(?:\w+ )?(?:example|sample)s?\b[^.]{0,160}:$"
    r"|^for (?:example|instance),[^.]{0,160}\b(?:as follows|the following|below)\s*:$",
    re.IGNORECASE,
)
#: "Link: Quotas: https://...": the detail a link's label carries.
_LINK_DETAIL_RE = re.compile(r"^Links?:\s*(?P<label>.+?): \S+$")


#: Words that ask something of the reader: a tick holding one may be an action.
_ASKS_RE = re.compile(
    r"\b(?:you|we|administrators?)\s+(?:\w+\s+)?(?:can|could|should|must|need|have\s+to|may"
    r"\s+want|will\s+need)\b|\bplease\b|\b(?:make|be)\s+sure\b|\bensure\b|\bdo\s+not\b"
    r"|\bdon't\b|\bremember\s+to\b|\b(?:must|should|needs?\s+to)\s+be\b",
    re.IGNORECASE,
)
#: "Example:", "Note the X ...", "For instructions about X, see the printed documentation".
_SHOWN_STEP_RE = re.compile(
    r"^(?:(?:for\s+)?examples?:?$|note\s+the\b|for\s+(?:more\s+)?(?:instructions|information"
    r"|details)\b[^,]{0,200},\s*(?:please\s+)?(?:see|refer\s+to|consult|read)\s+(?:the\s+|your"
    r"\s+)?(?:\w+\s+){0,3}(?:documentation|manual|guide|help\b))",
    re.IGNORECASE,
)
#: How a sentence that says what is starts: a determiner or pronoun as its subject, or
#: "By default,", "At this point,", "With X installed,", "Other causes of ...".
_SAYS_RE = re.compile(
    r"^(?:(?:the|this|these|those|that|it|its|there|each|every|both|such|other|additional"
    r"|another|most|many|some|no)\s+\w+|by\s+default,|at\s+this\s+point,|in\s+this\s+case,"
    r"|as\s+a\s+result,|with\s+[^,]{3,80}\s+(?:installed|enabled|applied|in\s+place),)",
    re.IGNORECASE,
)
#: "..., then click OK. When you are done, delete X.": a second action after the first.
_THEN_ACTION_RE = re.compile(
    r"[.!]\s+(?:when\s+you\s+are\s+(?:done|finished)|after\s+that|afterwards?|next|then"
    r"|finally),?\s+[a-z]+\b",
    re.IGNORECASE,
)


def statement_step(text: str) -> bool:
    """A ticked step that is a statement, an explanation, a note or a pointer (the
    seed-50 readers' notes: "Other causes of this error message include file
    permissions.", "At this point, each X should have ...", "Example:", "Note the INHERIT
    entry ...", "For instructions ..., please see the printed documentation ..."): no
    imperative first and nothing it asks the reader to do; a case ("If X, do Y") is not."""
    text = _normal(text)
    if _SHOWN_STEP_RE.match(text):
        return True
    if not text.endswith(".") or starts_with_verb(text) or _ASKS_RE.search(text):
        return False
    return bool(_SAYS_RE.match(text))


#: A note, another tool or a default said after a step's first sentence: "... . You can
#: also use Network Monitor to perform a trace.", "... . Note: By default a 64-bit ...".
_GLUED_NOTE_RE = re.compile(
    r"[.!)]\s+(?:(?:important\s+)?note(?:s?\s*:|\s+that\b)|you\s+(?:can|could|may)\s+also\s+use\b"
    r"|by\s+default,)",
    re.IGNORECASE,
)


def glued_note_step(text: str) -> bool:
    """A ticked step that carries a note, another tool or a default after its action
    (the seed-52 readers' notes): "Capture network traffic ... . You can also use Network
    Monitor to perform a trace.", "Avoid option X. Note: By default ...": shown beside
    the step, not ticked with it."""
    return bool(_GLUED_NOTE_RE.search(_normal(text)))


#: A registry value's row: "Type: REG_DWORD", "- Data type: REG_SZ", "Name: Start".
_REG_ROW_RE = re.compile(
    r"^\s*(?:[-*]\s+)?(?:(?:value |setting )?name|(?:data |value )?type|(?:value )?data"
    r"|(?:registry )?path)\s*:\s*\S",
    re.IGNORECASE | re.MULTILINE,
)


def registry_row_step(text: str, detail: str) -> bool:
    """A ticked registry row ("Type: REG_DWORD"), or a step over "Name: / Type: REG_X /
    Data:" rows that does not say the value it sets (no REG_ type in its text)."""
    if _REG_ROW_RE.match(text):
        return True
    return "REG_" in detail and "REG_" not in text and bool(_REG_ROW_RE.search(detail))


#: A step that announces a table of values to set: "... set the data value of X as
#: follows:", "... add the following four values:".
_VALUE_TABLE_LEAD_RE = re.compile(
    r"\b(?:set|change|add|create|configure|modify|use)\b[^\n]{0,300}?(?:\bas follows|"
    r"\bthe following(?: \w{1,12})?(?: registry)? (?:values?|entr(?:y|ies)|settings?|data))"
    r"\s*:\s*$",
    re.IGNORECASE,
)
#: A table's header that holds a value: "Table: Value data | Result", "| Value Name | ...".
_VALUE_TABLE_HEAD_RE = re.compile(
    r"^\s*(?:Table:\s*)?\|?\s*(?:value|data|setting|registry value|value name)\b[^\n|]{0,20}\|",
    re.IGNORECASE,
)


def value_table_step(text: str, detail: str) -> bool:
    """A step that ends announcing the values to set over a table of them ("... set the
    value of X as follows:" over "Value data | Result" rows): it does not say which."""
    if not _VALUE_TABLE_LEAD_RE.search(text):
        return False
    lines = [x for x in detail.split("\n") if x.strip() and not set(x.strip()) <= set("+-=| ")]
    return bool(lines) and bool(_VALUE_TABLE_HEAD_RE.match(lines[0]))


#: A ticked step that backs up the registry or a key ("Back up the HKEY_...\\X key before
#: you change it", "Back up the registry before you change anything"), not a private key.
_REG_BACKUP_RE = re.compile(
    r"^back\s?up (?:the |your )?(?:registry\b|(?:HKEY_|HKLM\\|HKCU\\)\S*(?: \S+){0,4}? key\b)",
    re.IGNORECASE,
)
#: A step that changes a key or value: an edit verb before a registry word, the editor's
#: menus, reg.exe / PowerShell writes, merging a .reg file.
_REG_CHANGE_RE = re.compile(
    r"\b(?:add|change|set|edit|modify|create|delete|remove|rename|type|enter|reset)\b[^.\n]{0,80}?"
    r"\b(?:values?|keys?|subkeys?|entr(?:y|ies)|data|dword|qword)\b|\badd (?:value|key)\b"
    r"|\bvalue data\b|\bnew\b[^.\n]{0,30}?\b(?:dword|qword|string|key|value)\b|\breg(?:\.exe)? "
    r"(?:add|delete|import)\b|\b(?:set|new|remove)-itemproperty\b|\bregedit(?:\.exe)? /s\b"
    r"|\.reg\b",
    re.IGNORECASE,
)
#: The step that opens Registry Editor ("Start Registry Editor (Regedt32.exe).", "Run
#: regedit", "open Registry Editor").
_REG_OPEN_RE = re.compile(
    r"\b(?:start|open|run|launch|type)\b[^.\n]{0,60}?\b(?:registry editor|regedit|regedt32)",
    re.IGNORECASE,
)


def registry_backup_place(steps: list[tuple[str, str]]) -> str:
    """How an outcome's registry backup step sits among its (text, detail) steps: "" with
    no backup step; "no_change" when no other step changes a key (a UI-only fix carrying
    a backup and rollback); "before_open" when it comes before the step that opens
    Registry Editor (the export needs the editor open and the key selected), unless
    that step changes the key too; "ok"."""
    at = next((n for n, (t, _) in enumerate(steps) if _REG_BACKUP_RE.match(t)), -1)
    if at < 0:
        return ""
    rest = [f"{t}\n{d}" for n, (t, d) in enumerate(steps) if n != at]
    if not any(_REG_CHANGE_RE.search(r) for r in rest):
        return "no_change"
    opens = next((n for n, (t, _) in enumerate(steps) if _REG_OPEN_RE.search(t)), -1)
    if opens > at and not _REG_CHANGE_RE.search(steps[opens][0]):
        return "before_open"  # (a step that opens the editor and changes the key: first)
    return "ok"


def two_action_step(text: str) -> bool:
    """A ticked step that says an action, then another after it is done ("Reapply Service
    Pack 2. When you are done, delete the parallel installation."): two steps in one."""
    text = _normal(text)
    return starts_with_verb(text) and bool(_THEN_ACTION_RE.search(text))


#: The drafter's own labels before a step's text ("Install the update that fixes it: X",
#: "Confirm the cause first: X", "Last resort: X"): the text after one is what is ticked.
#: A prefix that is the action itself ("Check whether this applies here and remove it:",
#: "Tell the user what the article says here; ...", "Escalate ...") is not one of them.
_DRAFTER_PREFIX_RE = re.compile(
    r"^(?:install\s+the\s+(?:version\s+or\s+)?update\s+that\s+(?:corrects\s+the\s+problem|fixes"
    r"\s+it)|confirm\s+the\s+cause\s+first|last\s+resort):\s+",
    re.IGNORECASE,
)
#: Where one action ends and the next begins inside a sentence: "X; Y", "X, and then Y",
#: "X, then Y" (the clause after it is counted when it opens with an imperative).
_CLAUSE_CUT_RE = re.compile(r";\s+|,\s+(?:and\s+)?then\s+", re.IGNORECASE)
#: Steps that are the drafter's own whole action over the article's text, never the
#: article's step ("Tell the user what the article says here; ...", "Check whether this
#: applies here and remove it: <cause>", "Escalate if ...").
_DRAFTER_ACTION_RE = re.compile(
    r"^(?:tell\s+the\s+user\s+(?:what\s+the\s+article\s+says|that\b)|check\s+whether\s+this\s+applies"
    r"|escalate\b)",
    re.IGNORECASE,
)


#: An article's own short label before an action ("Immediately: Identify ...", "x86:
#: Download ...", "Short term (in guest OS): Restart ...") and an adverb before the verb
#: ("Manually update ...", "Completely disable ...").
_OWN_LABEL_RE = re.compile(r"^[\w()/ -]{1,40}:\s+(?=[A-Z])")
_ADVERB_RE = re.compile(r"^(?:[a-z]+ly|just|always|instead),?\s+", re.IGNORECASE)
#: A lead clause longer than `starts_with_verb` reads ("If the hard disk drive with the
#: primary system partition has failed and you have ..., set ...").
_LONG_LEAD_RE = re.compile(
    r"^(?:if|when|to|in\s+order\s+to|after|before|once|for|on|in|under|from|at)\b[^,;:]{0,250},\s+",
    re.IGNORECASE,
)


def _own_text(text: str) -> str:
    """A step's text without the drafter's label before it ("Last resort: X" -> "X")."""
    return _DRAFTER_PREFIX_RE.sub("", _normal(text), count=1)


def _opens_as_action(sentence: str) -> bool:
    """`starts_with_verb`, also after a short label of the article's own or an adverb."""
    if starts_with_verb(sentence):
        return True
    bare = _ADVERB_RE.sub("", _OWN_LABEL_RE.sub("", sentence, count=1), count=1)
    if bare != sentence and starts_with_verb(bare[:1].upper() + bare[1:]):
        return True
    rest = _LONG_LEAD_RE.sub("", sentence, count=1)
    return rest != sentence and starts_with_verb(rest[:1].upper() + rest[1:])


def action_units(text: str) -> tuple[int, int]:
    """(imperative sentences, imperative clauses) of a step's text: each sentence that
    opens with an action (`starts_with_verb`), and each part of a sentence, cut at "; ",
    ", and then " and ", then ", that does ("Click Start, and then click Run." is one
    sentence, two clauses)."""
    own = _own_text(text)
    if _DRAFTER_ACTION_RE.match(own):
        return (1, 1)
    sentences = split_sentences(own) or [own]
    said = clauses = 0
    for sentence in sentences:
        said += _opens_as_action(sentence)
        clauses += sum(_opens_as_action(part) for part in _CLAUSE_CUT_RE.split(sentence) if part)
    return said, clauses


def multi_action_step(text: str) -> str:
    """'sentences' when a ticked step's text holds two or more imperative sentences
    ("Back up disks A and B. Boot from Disk A."), 'clauses' when it holds them only as
    clauses of one sentence ("Click Start, and then click Run.", "X; Y"), '' for one
    action (or none)."""
    said, clauses = action_units(text)
    if said >= 2:
        return "sentences"
    return "clauses" if clauses >= 2 else ""


def not_action_step(text: str) -> bool:
    """A ticked step whose text, after the drafter's own label ("Last resort: ",
    "Install the update that fixes it: "), does not open with an imperative
    (`starts_with_verb`): a statement, a note, a bare key path, a case's sentence ("If
    you receive a response, ..." with no action after it), a duty ("You must X")."""
    own = _own_text(text)
    return not _DRAFTER_ACTION_RE.match(own) and not _opens_as_action(own)


def non_step(text: str, detail: str) -> bool:
    """A ticked step that is no action at all (the seed-46 readers' notes): a link's
    label ("See Quotas" over "Link: Quotas: https://..."), a pointer over links ("For
    mitigation strategies and solutions, refer to:"), a question ("Maybe it's some
    dependency of the APIServer? etcd?"), raw Markdown ("> Before you create ...") or a
    code listing's caption ("The following is a code segment of ...:")."""
    text = _normal(text)
    if text.startswith("> ") or _REFER_STEP_RE.match(text) or _CAPTION_RE.match(text):
        return True
    if text.endswith("?") and all(
        s.rstrip().endswith("?") for s in re.split(r"(?<=[.!])\s+", text)
    ):
        return True
    first = detail.strip().split("\n")[0].strip() if detail.strip() else ""
    link = _LINK_DETAIL_RE.match(first)
    label = re.sub(r"^(?:see|refer to|read)\s+", "", text, flags=re.IGNORECASE).rstrip(".")
    if not link or link.group("label").casefold() != label.casefold():
        return False
    return label != text.rstrip(".") or not starts_with_verb(label)  # "Cordon and drain node"


#: A sentence that reads what fired ("This usually indicates X", "This means that X",
#: "Typically, this indicates X"), not one that restates when it fires ("This means the
#: alert fires if ...") nor the condition said of the alert ("This alert indicates that
#: one of the Ceph nodes went down").
READING_RE = re.compile(
    r"^(?:(?:usually|typically|often|generally|commonly),?\s+)?(?:this|that|it)\s+"
    r"(?:(?:usually|typically|often|generally|"
    r"commonly|most likely|likely)\s+)?(?:indicates?|means?|suggests?|implies|signals?)\b"
    r"(?!.*\b(?:fires?|fired|firing|triggers?|triggered)\b)",
    re.IGNORECASE,
)
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
#: A repeated sentence that says why ("dropped targets because ...", "due to slow rule
#: group evaluation", "may happen", "during an upgrade") is a cause, even said twice.
_WHY_RE = re.compile(
    r"\b(?:because|due to|caused|since|prevent\w*|as a result|during|by design|in progress|"
    r"(?:can|may|might|could) (?:also )?(?:occur|happen|be caused)|results? from)\b"
    r"|\bmeans\b(?! that)",
    re.IGNORECASE,
)


def _said(text: str) -> str:
    return " ".join(text.split()).rstrip(" .").casefold()


#: A bulleted list flattened into one line of a cause: "... the following: - A. - B."
#: (bounded runs; the markers are " - " after a colon, then again before a capital).
_RUN_ON_LIST_RE = re.compile(r":[ \t]{1,4}[-*][ \t]{1,4}\S[^\n]{2,400}?[ \t][-*][ \t]{1,4}[A-Z]")


def causes_run_on(tree: Tree) -> bool:
    """The cause node runs a bulleted list of causes into one paragraph ("Among them are
    the following: - Mismatched system files ... - A Service Pack ...") where the
    reader scans one per line (causes34)."""
    for node in tree.nodes.values():
        if isinstance(node, Info) and node.id == "cause" and node.text is not None:
            text = str(getattr(node.text, "source", node.text) or "")
            if "\n" not in text and _RUN_ON_LIST_RE.search(text):
                return True
    return False


def cause_mixed(symptom: str, cause: str) -> tuple[bool, bool]:
    """(the cause only repeats sentences the symptom shows and says no why, the symptom holds the
    article's reading of what fired: "This usually indicates X" is a cause, not what is
    seen). Round 15 (rbfix15); "X gives no cause." repeats nothing."""
    said = _said(symptom)
    sentences = [s for s in _SENTENCE_END_RE.split(cause.strip()) if s.strip()]
    repeats = (
        bool(sentences)
        and not cause.endswith("gives no cause.")
        and not _WHY_RE.search(cause)
        and all(_said(s) in said for s in sentences)
    )
    reading = any(READING_RE.match(s) for s in _SENTENCE_END_RE.split(symptom.strip()))
    return repeats, reading


#: A sentence that states why the problem happens (round 26, causes26): "This occurs if
#: X", "This problem only happens when X", "This is due to X", "The reason is X", "It is
#: usually caused by X". Not an alert's "fires when" (its condition), not a negation.
_STATES_WHY_RE = re.compile(
    r"^(?:this|these|that|it|the (?:problem|error|issue|behaviou?r|symptom|crash|failure)s?)\b"
    r"(?P<mid>[^.:;]{0,60}?)\b(?:occur|happen|arise)s?\s+(?:only\s+|usually\s+)?"
    r"(?:if|when|whenever|because|due to)\s"
    r"|^(?:this|these|that|it)\b[^.:;]{0,40}?\b(?:is|are|was|were|can be|may be)\s+"
    r"(?:usually\s+|often\s+|typically\s+|probably\s+)?(?:caused by|due to|because)\s"
    r"|^the (?:reason|cause)\b[^.:;]{0,80}?\b(?:is|was)\s",
    re.IGNORECASE,
)
_NEGATION_RE = re.compile(r"\b(?:not|never|n't)\b", re.I)
_POINTING_RE = re.compile(r"\b(?:refer to|for more information|see (?:the )?article)\b", re.I)
_TRYING_RE = re.compile(r"(?:you (?:try|attempt)|trying|attempting) to\b", re.I)
#: Sections whose prose tells what happens and why, not what to do.
_TELLING_KEYS = ("symptom", "summary", "moreinformation", "meaning", "impact", "overview")


def stated_not_given(article: Article, cause: str) -> bool:
    """Whether the draft gives no cause ("gives no cause", or only the alert's condition)
    though a telling section of the article states one in a sentence of its own (see
    `_STATES_WHY_RE`). Round 26 (causes26)."""
    if not (cause.endswith("gives no cause.") or " names no cause beyond " in cause):
        return False
    for section in article.sections:
        if not any(k in section.key for k in _TELLING_KEYS):
            continue
        for sentence in split_sentences(" ".join(section.text.split())):
            said = sentence.lstrip("*_ ")
            found = _STATES_WHY_RE.match(said)
            if (
                found
                and not said.endswith(":")
                and not _NEGATION_RE.search(found.group(0))
                and not _POINTING_RE.search(said)
                and not _TRYING_RE.match(said, found.end())
            ):
                return True
    return False


#: A symptom or cause that opens by talking about the article or the reader's task
#: ("This article discusses the cause and some possible resolutions ...", "When
#: troubleshooting basic Start issues, ..."): no problem seen, no why. Round 17.
_ABOUT_ARTICLE_RE = re.compile(
    r"^(?:this|the following) (?:article|document|topic|guide)s? (?:also )?(?:\w+ )?"
    r"(?:describes?|discuss(?:es)?|explains?|provides?|helps?|introduces?|presents?|covers?)\b|"
    r"^(?:when|while) (?:you(?:'re| are)? )?troubleshoot(?:ing)?\b",
    re.IGNORECASE,
)


def about_article(symptom: str, cause: str) -> bool:
    """Whether the symptom or the cause opens with a sentence about the article or the
    reader's troubleshooting, not about the problem. Round 17 (mscause17)."""
    return any(_ABOUT_ARTICLE_RE.match(text.strip()) for text in (symptom, cause))


def symptom_cut(tree: Tree) -> bool | None:
    """Whether the first question's quote of the symptom holds "[...]"; None with no
    symptom question."""
    node = tree.nodes.get("symptom")
    if not isinstance(node, Question):
        return None
    text = str(getattr(node.text, "source", node.text) or "")
    return "[...]" in text or "[\u2026]" in text


#: A symptom choice that is no message an admin sees: an event cut to its field names
#: ("Event ID 4097 Source"), the drafter's "(2)" on a near-duplicate, an SQL statement
#: or a time-stamped trace line.
_FRAGMENT_CHOICE_RE = re.compile(
    r"\b(?:Source|Type|Category|Description)\s*:?$|\s\(\d+\)$|"
    r"^(?:update|insert into|delete from|select)\s+\S+\s+(?:set|from|values|where)\b|"
    r"^\d{1,2}:\d{2}:\d{2}[.,]\d+\s",
    re.IGNORECASE,
)


def symptom_choice_labels(tree: Tree) -> list[str]:
    """The labels of the symptom question's message choices ("None of these" and
    yes/no left out)."""
    node = tree.nodes.get("symptom")
    if not isinstance(node, Question):
        return []
    return [str(c.label) for c in node.choices if str(c.value).startswith("message_")]


def fragment_choice(label: str) -> bool:
    """A symptom choice that is a fragment, not a form of the symptom (see
    _FRAGMENT_CHOICE_RE)."""
    return bool(_FRAGMENT_CHOICE_RE.search(label.strip()))


#: A lead into a scenario's conditions ("Consider the following scenario:", "This issue
#: might occur in the following scenario:", "when the following conditions are true:").
_SCENARIO_LEAD_RE = re.compile(
    r"\b(?:scenarios?|conditions?|situations?|circumstances)\b[^:.]{0,40}:\s*$", re.IGNORECASE
)


_GLUED_LEAD_RE = re.compile(r"^\S[^\n]{0,300}:\s*$")


def scenario_items(article: Article) -> list[str]:
    """The list items under a scenario lead (see _SCENARIO_LEAD_RE) anywhere in the
    article, whitespace-normalised: the conditions a symptom happens under."""
    from kbassist.drafting.text import paragraphs, strip_marker

    items: list[str] = []
    for section in article.sections:
        under = False
        for para in paragraphs(section.text):
            if para.separator:
                continue  # "-or-" between two conditions
            lines = para.lines
            text = _normal(para.text)
            if para.marker and under:
                # a lead glued under the last item ("- C\nOn this computer, you may see:")
                cut = next(
                    (k for k in range(1, len(lines)) if _GLUED_LEAD_RE.match(lines[k])),
                    len(lines),
                )
                items.append(_normal(strip_marker(" ".join(lines[:cut]))).lstrip("> "))
                if cut == len(lines):
                    continue
                text = _normal(" ".join(lines[cut:]))
            under = bool(_SCENARIO_LEAD_RE.search(text[-200:]))
    return items


#: A choice that opens like a step but is a message's own text: a prompt ("Please insert
#: disk 2"), a stop code ("STOP: 0x0000000A"), a failure ("Access to the file ... denied").
_MESSAGE_LIKE_RE = re.compile(
    r"^(?:please\b|(?-i:[A-Z]{2,})\b|\S+:)|\b(?:errors?|denied|fail(?:s|ed|ure)?|violation"
    r"|not found|cannot|can't|could not|unable|invalid|complete|assertion|exception|terminate)\b",
    re.IGNORECASE,
)


def odd_symptom_choices(labels: list[str], article: Article) -> list[str]:
    """Symptom choices that are no form of the symptom (round 31, seed-82 readers): a
    procedure step (`starts_with_verb`: "Close the browser") or a scenario's condition
    (the label opens an item of `scenario_items`: "The computer is originally connected
    to the internet")."""
    conditions = scenario_items(article) if labels else []
    odd: list[str] = []
    for label in labels:
        said = _ELLIPSIS_END_RE.sub("", label).strip().rstrip(".")
        if (starts_with_verb(said) and not _MESSAGE_LIKE_RE.search(said)) or (
            len(said) >= 12 and any(c.startswith(said) for c in conditions)
        ):
            odd.append(label)
    return odd


_CUT_MARK_RE = re.compile(r"(\S+(?:\s+\S+)?)\s+\[(?:\.\.\.|\u2026)\]")
_CAUSE_LINE_RE = re.compile(r"^\W*cause\b", re.IGNORECASE)


def ours_cut(text: str, article_text: str) -> bool:
    """Whether `text` holds a "[...]" the drafter put there: the words before it are not
    followed by "[...]" in the article itself (an article's own elision is not ours)."""
    if "[..." not in text and "[\u2026" not in text:
        return False  # the pattern backtracks at every word; most texts have no mark
    for match in _CUT_MARK_RE.finditer(text):
        if match.group(0) not in article_text and _normal(match.group(0)) not in article_text:
            return True
    return False


def _source(template: object) -> str:
    return str(getattr(template, "source", template) or "")


def texts_cut(tree: Tree, article_text: str) -> list[tuple[str, str]]:
    """Every text a user reads that the drafter cut with "[...]", as (where, text): step
    text, step detail, symptom, cause, help, question, outcome text, verify. Choice
    labels are counted by `label_cut`. `article_text` is whitespace-collapsed."""
    found: list[tuple[str, str]] = []

    def note(where: str, template: object) -> None:
        text = _source(template)
        if not text or not ours_cut(text, article_text):
            return
        lines = [line for line in text.splitlines() if ours_cut(line, article_text)]
        if lines and _CAUSE_LINE_RE.match(lines[0]):
            where = "cause"
        found.append((where, _normal(text)[:160]))

    for node in tree.nodes.values():
        if isinstance(node, Question) and node.id == "symptom":
            note("symptom", node.text)
        elif isinstance(node, Outcome):
            note("outcome text", node.text)
        else:
            note("question", node.text)
        note("help", node.help)
        if isinstance(node, Outcome):
            for item in (*node.steps, *node.rollback):
                note("step text", item.template)
                note("step detail", item.detail)
            for item in node.verify:
                note("verify", item.template)
                note("verify", item.detail)
    return found


def option_labels(tree: Tree) -> list[str]:
    """Every choice label a walker can be shown: questions' and choice inputs'."""
    labels: list[str] = []
    for node in tree.nodes.values():
        if isinstance(node, (Question, Input)):
            labels.extend(c.label or c.value for c in node.choices)
    return labels


# --------------------------------------------------------------------------- mitigations

FIX_RE = re.compile(r"\b(?:mitigat|resol|workaround|solution|remediat|fix)", re.IGNORECASE)
_POINTER_RE = re.compile(r"^(?:read|see|refer to|for (?:more|additional) information)\b", re.I)
_ATX_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE_RE = re.compile(r"^\s*(`{3,}|~{3,})")


def fix_sections(article: Article) -> set[str]:
    """Section keys of the article's fix sections: named Mitigation, Resolution,
    Workaround, Solution, Remediation or Fix, or (markdown) nested under such a heading."""
    keys = {s.key for s in article.sections if FIX_RE.search(s.name)}
    if article.style != "markdown":
        return keys
    try:
        lines = article.source.read_text(encoding="utf-8", errors="replace").split("\n")
    except OSError:
        return keys
    stack: list[tuple[int, bool]] = []  # (level, under a fix heading)
    fence = ""
    for line in lines:
        opened = _FENCE_RE.match(line)
        if opened and (not fence or opened.group(1)[0] == fence[0]):
            fence = "" if fence else opened.group(1)
            continue
        heading = None if fence else _ATX_RE.match(line)
        if heading is None:
            continue
        level = len(heading.group(1))
        while stack and stack[-1][0] >= level:
            stack.pop()
        under = bool(FIX_RE.search(heading.group(2))) or any(fix for _, fix in stack)
        stack.append((level, under))
        if under:
            keys.add(section_key(heading.group(2)))
    return keys


#: A numbered step 1 at the start of a line of an MS KB section's text.
_STEP_ONE_RE = re.compile(r"^\s*1[.)]\s+\S", re.MULTILINE)
#: What shows the problem in MORE INFORMATION: "Steps to Reproduce Behavior", "To
#: reproduce this problem, ...", "To demonstrate the problem": no procedure after it fixes.
_REPRO_LEAD_RE = re.compile(
    r"^\s*(?:steps to (?:reproduce|re-?create|duplicate|demonstrate)|to (?:reproduce|re-?create"
    r"|duplicate|demonstrate|see) (?:the|this)\b)",
    re.IGNORECASE | re.MULTILINE,
)
MORE_SECTION = "moreinformation"


def fix_in_more(article: Article) -> bool:
    """An MS KB article whose RESOLUTION / WORKAROUND sections hold no numbered step while
    MORE INFORMATION holds a numbered list before anything that reproduces the problem:
    a fix said in prose whose procedure may be in MORE INFORMATION."""
    if article.style != "mskb":
        return False
    fixes = [s for s in article.sections if s.key in ("resolution", "workaround", "workarounds")]
    more = next((s for s in article.sections if s.key == MORE_SECTION), None)
    if not fixes or more is None or any(_STEP_ONE_RE.search(s.text) for s in fixes):
        return False
    repro = _REPRO_LEAD_RE.search(more.text)
    text = more.text[: repro.start()] if repro else more.text
    return bool(_STEP_ONE_RE.search(text))


def more_steps_ticked(tree: Tree) -> bool:
    """Some fix outcome ticks two or more steps cited from MORE INFORMATION (a procedure,
    not one check or pointer)."""
    for outcome in tree.outcomes():
        if outcome.id in ("not_this_article", "read_article"):
            continue
        cited = [i for i in outcome.steps if section_key(i.source.section) == MORE_SECTION]
        if len(cited) >= 2:
            return True
    return False


def real_mitigation(checklists: list[Checklist], fixes: set[str]) -> bool:
    """A step cited from a fix section that is not a pointer ("Read the article", "See
    ...") and has at least three words."""
    for checklist in checklists:
        for item in checklist.part("steps"):
            if section_key(item.source.section) not in fixes:
                continue
            if not _POINTER_RE.match(item.text) and len(item.text.split()) >= 3:
                return True
    return False


# --------------------------------------------------------------------------- verify

#: The drafter's wordings that check nothing in particular: the article named instead of
#: what goes wrong, "do it again", "the result is what the article describes".
GENERIC_VERIFY_RE = re.compile(
    r"^Check that the problem (?:in \S+ \(|\S+ .{1,60} describes no longer occurs)|^Do again "
    r"what you were doing|^Do what you were doing the way the steps above say"
    r"|^Check that the result is what |^Check that each command above ran",
    re.IGNORECASE,
)
#: A verify that quotes the symptom: "... no longer occurs: X", "... no longer happens: X"
#: (a quoted message, "... no longer appears: X", is always a concrete check).
_QUOTED_VERIFY_RE = re.compile(r"\bno longer (?:occurs|happens): (?P<said>.+)$", re.I)
#: A verify that repeats the article's "Steps to Reproduce Behavior" (drafting/verify.py).
_REPRO_VERIFY_RE = re.compile(r"^Repeat the article's steps to reproduce the problem\b")
#: A verify that restates the symptom instead of saying what to do and what to see: the
#: symptom pasted after "no longer occurs/happens:", or a by-design "the behavior itself
#: stays" (the readers' commonest verify note, round 9).
RESTATED_VERIFY_RE = re.compile(
    r"^Check that (?:the problem no longer occurs|this no longer happens): "
    r"|\bagain, and check that this no longer happens: |\bthe behavior itself stays\b",
    re.IGNORECASE,
)
#: A verify that names the article's section or title instead of what to check ("Check
#: that the problem Q136951 SYMPTOMS describes no longer occurs", round 16).
SECTION_ONLY_VERIFY_RE = re.compile(
    r"^Check that the problem (?:in \S+ \(|\S+ .{1,60} describes no longer occurs)"
)
#: A verify line that reads broken (round 13): it ends on a word no sentence ends on ("...
#: check that you user tile no longer disappears and.", "(if your"), pastes a list flat
#: ("... may not function: - Software eject - Write protect"), redoes an action on a bare
#: pronoun ("Scan for it again: ..."), quotes a whole "If you ..., you receive ..."
#: sentence where a message is expected ("this no longer appears: If you have ..."), or
#: puts "you" before a noun ("check that you user tile no longer disappears"), turns a
#: negation twice ("no longer no longer appears") or leaves a list's bullet alone (": -").
_VERIFY_END_WORD_RE = re.compile(
    r"(?:\b(?:and|or|but|nor|the|a|an|to|of|with|for|from|by|as|than|if|when|that"
    r"|which|your|its|their)|[(,])[.:;]?\s*$",
    re.IGNORECASE,
)
_VERIFY_FLAT_LIST_RE = re.compile(r"(?::|\.)\s+[-*\u2022]\s+\S.*?\s[-*\u2022]\s+[A-Z\"'\u201c]")
_VERIFY_PRONOUN_ACT_RE = re.compile(
    r"^[A-Z][a-z]+(?:\s+(?:for|on|to|at|with|in|from|off|up))?\s+(?:it|them)\s+again\b"
)
_VERIFY_PASTED_IF_RE = re.compile(
    r"\bno longer appears?: (?:if|when|whenever)\b[^.]*,\s+you\b", re.IGNORECASE
)
#: "no longer no longer appears", "you no longer be able to": a negation turned twice;
#: ": -" at the end or "occurs: - X": a list's bullet left alone in the line.
_VERIFY_TWICE_RE = re.compile(r"\bno longer (?:no longer|be)\b|[:.]\s+[-*\u2022](?:\s*$|\s+\S)")
_VERIFY_YOU_NOUN_RE = re.compile(
    r"\bcheck that you (?:[a-z]+ ){1,2}(?:no longer [a-z]+s|is|does|has|was)\b", re.IGNORECASE
)


_SO_ON_RE = re.compile(r"\b(?:and|or) so on\b")
_QUOTED_WHOLE_RE = re.compile(r"\bno longer (?:occurs|happens|appears): [A-Z\"].*[.!?\"]$")
#: Characters before a line's end that a match of _VERIFY_END_WORD_RE can start within
#: (its longest word, 5, and a stop), with room to spare.
_END_WORD_REACH = 16


def malformed_verify(text: str, detail: str = "") -> bool:
    """True when a verify line reads broken (see _VERIFY_END_WORD_RE and the patterns
    after it); a line that ends with a colon over a detail (the command it runs) is whole."""
    said = " ".join(text.split())
    if said.endswith(":") and detail.strip():
        return False
    if "so on" in said:
        said = _SO_ON_RE.sub("and more", said)  # a list's own ending
    return bool(
        # a match ends the line and is at most 6 characters long (the line is one-spaced,
        # stripped): searched from near the end, not tried at every position
        (
            _VERIFY_END_WORD_RE.search(said, max(0, len(said) - _END_WORD_REACH))
            # the article's own sentence quoted whole may end on "of." ("... a member of.")
            and not _QUOTED_WHOLE_RE.search(said)
        )
        or _VERIFY_FLAT_LIST_RE.search(said)
        or _VERIFY_PRONOUN_ACT_RE.match(said)
        or _VERIFY_PASTED_IF_RE.search(said)
        or _VERIFY_YOU_NOUN_RE.search(said)
        or _VERIFY_TWICE_RE.search(said)
    )


#: What goes wrong, in a quoted sentence: a negation, a failure, an error, a wrong result.
#: A quote with none of these sets the scene ("The index view provides a search field").
_PROBLEM_WORD_RE = re.compile(
    r"\b(?:not|no|never|cannot|can't|unable|fail\w*|error\w*|crash\w*|hang\w*|stops?|"
    r"incorrect\w*|wrong\w*|missing|lost|loss|denied|slow\w*|freez\w*|invalid|unexpected\w*|"
    r"\w+n't|blank|corrupt\w*|disappear\w*|exception|violation|fault|vulnerab\w*|leak\w*|"
    r"time[sd]? ?out|unresponsive|truncated|garbled|deadlock|offline|busy|instead|rather than|"
    r"expected|compromised|reveals?|spikes?|delay\w*|logged|message)\b",
    re.IGNORECASE,
)


#: A verify item that only waits for the alert to resolve: concrete by verify_kind, but no
#: runbook check re-run (round 9: readers call a verify of only this generic).
ALERT_ONLY_RE = re.compile(
    r"^Check that the \S+ alert clears: it no longer shows as firing|"
    r"^Check that the alert .{1,200} stops firing and its condition clears"
)

#: The drafter's Meaning condition restated ("the condition the alert fires on no longer
#: holds: <Meaning sentence>"): with the alert clearing and nothing else it checks no
#: read-out (round 16: readers call it the symptom restated).
CONDITION_ONLY_RE = re.compile(r"^Check that the condition the alert fires on no longer holds: ")


def own_check_left(outcome: Outcome, verifies: list[str]) -> bool:
    """Whether an outcome's steps still say the article's own check ("Restart X. The
    error log should now indicate ...") that its verify does not (round 21; any step: the
    drafter may split the last one, a check said mid-way counts too)."""
    said = " ".join(verifies)
    for step in outcome.steps:
        for part in (step.template.source, step.detail.source if step.detail else ""):
            if "should" not in part and "fter" not in part and "nce" not in part:
                continue
            for sentence in split_sentences(" ".join(part.split())):
                if own_check_sentence(sentence) and sentence not in said:
                    return True
    return False


#: The drafter's own kinds (an article with no problem section; a limit, not a fault):
#: the bench counts what the drafter left, by the same definition.
_PROBLEM_KEYS = PROBLEM_KEYS
_LIMIT_RE = LIMIT_RE
#: "How to ...", "HOWTO: ...": a title that names a goal, not a fault.
_HOWTO_TITLE_RE = re.compile(r"^(?:Q\d+:\s+)?(?:how ?to\b|howto:)", re.IGNORECASE)


def misfit_verify(article: Article, title: str, verifies: list[str]) -> bool:
    """Whether an outcome checks "the problem no longer occurs" with a quote that is no
    fault to see gone: a how-to's (no SYMPTOMS, CAUSE or fix section; a "How to" title)
    sentence that says nothing goes wrong, or a limit ("searches for string values
    only") that a workaround, a how-to or an article with no RESOLUTION leaves in place:
    the goal or the workaround's result is the check there (round 26)."""
    restated = [m.group("said") for v in verifies if (m := _QUOTED_VERIFY_RE.search(v))]
    if not restated or any(_REPRO_VERIFY_RE.match(v) for v in verifies):
        return False
    keys = {s.key for s in article.sections}
    howto = (article.style == "mskb" and not keys & _PROBLEM_KEYS) or bool(
        _HOWTO_TITLE_RE.match(article.title)
    )
    if howto and any(not _PROBLEM_WORD_RE.search(said) for said in restated):
        return True
    stays = howto or "workaround" in title.casefold() or not keys & {"resolution", "solution"}
    return stays and any(_LIMIT_RE.search(said) for said in restated)


#: A condition clause in a verify that states the setting the problem needed (round 32):
#: "... if you are using the X driver version 7.33 or earlier", "when one or both
#: computers are using only NetBEUI", "After applying Service Pack 1 ..., check that",
#: "If you are running Windows 3.1 on a computer with X, check that". A clause that says
#: what the admin does or sees ("When you copy a file, if its name starts with a period")
#: is how to see the effect, and is not counted.
_SETTING_RE = re.compile(
    r"\b(?:if|when|while|whenever)\s(?:one or both|both|all|the)?\s?[^.:;,]{0,60}?\b(?:are|is)\s"
    r"using only\b"
    r"|\b(?:if|when|while)\s[^:;,]{0,160}?\bversions?\s[\d.]{1,12}\s(?:or|and)\s(?:earlier|prior"
    r"|older)\b|^(?:If|When|After)\s(?:you\s(?:have\s)?)?(?:apply|applying|applied|install"
    r"|installing|installed)\s(?:service\spack|sp\d)[^,]{0,120},\s(?:check|verify)\b"
    r"|^(?:If|When|While)\syou\s(?:are|were)\s(?:using|running)\s[^,:]{3,200},\s(?:check|verify)\b"
    r"|\bfor any reason\b|\bin this scenario\b",
    re.IGNORECASE,
)


#: "Check that you can now upgrade X (the steps work round the problem ...)": round 33's
#: round-only check (kbassist/drafting/round_only.py).
_ROUND_ONLY_RE = re.compile(r"^Check that you can now [^\n]{3,300}\(the steps work round the")
#: "Confirm that All Application Packages group is missing": the problem's sign checked.
_DIAGNOSIS_VERIFY_RE = re.compile(
    r"^(?:confirm|verify|check|make sure|ensure) that\s[^\n]{3,200}?\s(?:is|are) "
    r"(?:missing|absent|not (?:present|listed|there))\.?$",
    re.IGNORECASE,
)
#: "Check that X starts if Y is removed and reinstalled": the symptom's condition kept.
_CONDITION_KEPT_RE = re.compile(
    r"^Check that [^,:;\n]{3,200}?\s(?:starts|runs|works|loads|opens|connects|responds)"
    r"\s(?:if|when)\s[^,:;\n]{3,300}$"
)


def unfit_verify36(article: Article, title: str, verifies: list[str]) -> bool:
    """Whether an outcome's verify misfits its fix (round 35, verify36): round-only
    ("the steps work round the problem") under steps that do what the CAUSE says was not
    done, a diagnosis ("Confirm that X is missing"), or a positive check with the
    symptom's condition pasted after it ("... starts if X is removed")."""
    from kbassist.drafting.fit_checks import removes_cause

    texts = [v.partition(DETAIL_SEP)[0].strip() for v in verifies]
    if any(_DIAGNOSIS_VERIFY_RE.match(t) or _CONDITION_KEPT_RE.match(t) for t in texts):
        return True
    if not any(_ROUND_ONLY_RE.match(t) for t in texts):
        return False
    cause = " ".join(s.text for s in article.sections if s.key in ("cause", "causes"))
    return removes_cause(cause, title)


def rollback_said_none(article: Article, outcome: Outcome) -> str:
    """The article's sentence that the outcome's change cannot be rolled back, when it
    says so in the outcome's section or of "these changes" anywhere; "" otherwise."""
    from kbassist.drafting.fit_checks import no_rollback

    cited = outcome.source.section if outcome.source is not None else ""
    own = " ".join(s.text for s in article.sections if s.name == cited)
    return no_rollback(own, article.body or " ".join(s.text for s in article.sections))


def setting_kept(verify: str) -> bool:
    """Whether a verify keeps a clause that states the symptom's setting (the product the
    admin runs, a version or earlier, "only" one protocol, a service pack applied), which
    may be false once the fix is in (round 32); a quoted message after "appears:" or
    "happens:" is the article's own text and is not read."""
    text = verify.partition(DETAIL_SEP)[0]
    text = re.split(r"\b(?:appears|happens|occurs):\s", text, maxsplit=1)[0]
    return _SETTING_RE.search(text[:1500]) is not None


def stays_misfit(article: Article, verifies: list[str]) -> bool:
    """Whether an outcome promises the problem gone ("no longer occurs/happens/appears")
    in an article that says it stays: its fix section says there is no way to prevent it
    or this is the only work round, its CAUSE or STATUS calls it the design or a limit,
    or its STATUS says it is still researched and names no release that corrects it
    (round 33, `round_only.problem_stays`)."""
    if not any(_STAYS_PROMISE_RE.search(v.partition(DETAIL_SEP)[0]) for v in verifies):
        return False
    text = {
        key: " ".join(s.text for s in article.sections if s.key in keys)
        for key, keys in (
            ("fix", ("resolution", "resolutions", "solution", "workaround", "workarounds")),
            ("status", ("status",)),
            ("cause", ("cause", "causes")),
        )
    }
    why = problem_stays(
        text["fix"], text["status"], text["cause"], f"{text['status']} {text['fix']}", False
    )
    return why in {"no-fix", "limit", "researching"}


_STAYS_PROMISE_RE = re.compile(r"\bno longer (?:occurs|happens|appears)\b", re.IGNORECASE)
#: "... no longer happens: version 7.0, on a computer that ...": a quote that starts
#: inside a sentence (a lower-case word, then a space; a code name has no space after).
_CUT_CLAUSE_RE = re.compile(r"\bno longer (?:happens|occurs|appears): [a-z]{1,30}[ ,]")


def cut_clause(verify: str) -> bool:
    """Whether a verify quotes a clause cut out of the middle of a sentence (round 33)."""
    return _CUT_CLAUSE_RE.search(verify.partition(DETAIL_SEP)[0]) is not None


def diagnostic_misfit(title: str, verifies: list[str]) -> bool:
    """Whether a diagnostic outcome ("Register Dr. Watson as the default debugger",
    "Collect a network trace") is verified as if it removed the symptom (round 33)."""
    return is_diagnostic(title) and any(
        _STAYS_PROMISE_RE.search(v.partition(DETAIL_SEP)[0]) for v in verifies
    )


#: A verify that promises the problem gone for good ("no longer occurs", "is no longer").
_GONE_FOR_GOOD_RE = re.compile(r"\bno longer\b", re.IGNORECASE)


def each_time_misfit(ticked: list[str], verifies: list[str]) -> bool:
    """Whether an outcome whose steps say to repeat them each time ("You must do this
    procedure each time you sign in") is verified as if the problem were gone for good
    (round 30): the procedure's own effect is the check there."""
    return repeat_when(" ".join(ticked)) is not None and any(
        _GONE_FOR_GOOD_RE.search(v) for v in verifies
    )


#: A lead into alternative forms: "you receive one of the following error messages:",
#: "you may experience one or more of the following symptoms:".
_FORMS_LEAD_RE = re.compile(
    r"\b(?:one|any|either)(?: or more)? of the following\b[^:\n]{0,60}?\b(?:messages?|errors?"
    r"|warnings?|symptoms?|problems?|events?)\b[^:\n]{0,80}:\s*$",
    re.IGNORECASE,
)
#: A lead into one message: "the following warning is generated:", "you receive the
#: following error messages if you start X from a command prompt:".
_ONE_LEAD_RE = re.compile(
    r"\bthe following (?:\w+ ){0,2}(?:messages?|errors?|warnings?|entries)\b[^:\n]{0,100}:\s*$",
    re.IGNORECASE,
)
#: "This error is frequently caused by one of the following problems:": causes.
_CAUSED_RE = re.compile(r"\b(?:caused by|due to|because of|results? from)\b", re.IGNORECASE)
#: A side's own message: "On the host computer, the dialog box displays "X"".
_SIDE_RE = re.compile(
    r"^(?:on|in|using|with|from) [^,:;\"]{3,80}, [^\n]{0,200}?\b(?:message|error|displays?"
    r"|shows?|receive)\b[^\n]{0,100}?\"[^\"\n]{3,200}\"",
    re.IGNORECASE,
)


def listed_forms(article: Article) -> int:
    """How many forms of the symptom its section lists for the admin to tell apart (round
    32, symmsg33): the items under a "one of the following messages:" lead, else one per
    lead into its own message block plus one per side paragraph quoting its message
    ("On the host computer, ... "X""), when two or more; 0 otherwise. Said from the
    article's text alone, never from the drafter's reading of it."""
    from kbassist.drafting.text import clean, paragraphs

    section = next((s for s in article.sections if s.role == "symptom"), None)
    if section is None:
        return 0
    paras = [p for p in paragraphs(section.text) if not p.heading]
    singles = 0
    for n, para in enumerate(paras):
        if para.marker or para.indent:
            continue
        text = " ".join(clean(para.text).split())
        after = paras[n + 1] if n + 1 < len(paras) else None
        shown = after is not None and (
            after.indent > para.indent or after.marker or after.text.lstrip().startswith(">")
        )
        if _CAUSED_RE.search(text[-300:]):
            continue  # "caused by one of the following problems:": causes, not forms
        if _FORMS_LEAD_RE.search(text[-300:]) and shown:
            items = 0
            for later in paras[n + 1 :]:
                if later.separator:
                    continue  # "-or-" between two messages is none
                if not (later.indent > para.indent or later.marker):
                    break
                items += 1
            if items >= 2:
                return min(items, 8)
        elif (_ONE_LEAD_RE.search(text[-300:]) and shown) or _SIDE_RE.match(text):
            singles += 1
    return singles if singles >= 2 else 0


def symptom_labels(article: Article) -> list[str]:
    """The labels a modern article's Symptoms name its messages by ("**Named Pipes**")."""
    if article.style == "mskb":
        return []
    section = next((s for s in article.sections if s.role == "symptom"), None)
    return symptom_section_labels(section.text) if section is not None else []


#: A message quoted back in a verify: what follows is the message.
_QUOTED_BACK_RE = re.compile(r'\bno longer (?:appears|happens|occurs): |\bthe message "')


def glued_label(verify: str, labels: list[str]) -> bool:
    """Whether a verify quotes a message with the label over it glued on ("... appears:
    Named Pipes A connection ...", 'the message "TCP > The connection ..."') (round 21)."""
    at = _QUOTED_BACK_RE.search(verify)
    if at is None:
        return False
    message = verify[at.end() :]
    if re.match(r"[^>\"]{2,60}?:?\s+>\s+[A-Z]", message):
        return True
    return any(
        message.startswith(label) and re.match(r":?\s+[A-Z0-9\"'(\[]|\.?$", message[len(label) :])
        for label in labels
    )


def verify_kind(texts: list[str]) -> str:
    """An outcome's verify, read as a reader would: "generic" (checks nothing in
    particular), "scene" (quotes a symptom sentence that says nothing goes wrong, or a
    bare "It is ..." sentence), else "concrete" (the article's own check, a file version,
    an alert clearing, a message or problem to see gone, an honest "nothing to fix")."""
    if not texts:
        return "generic"
    kinds = []
    for text in texts:
        quoted = _QUOTED_VERIFY_RE.search(text)
        if GENERIC_VERIFY_RE.search(text):
            kinds.append("generic")
        elif quoted and _REPRO_VERIFY_RE.match(text):
            # the article's own steps to reproduce, ending in what they show ("Notice that
            # the value has changed back to Hello"): a test, whether or not it says "not"
            kinds.append("concrete")
        elif quoted and (
            not _PROBLEM_WORD_RE.search(quoted.group("said"))
            or re.match(r"(?:it|this|that) (?:is|was|does)\b", quoted.group("said"), re.I)
        ):
            kinds.append("scene")
        else:
            kinds.append("concrete")
    return "concrete" if "concrete" in kinds else kinds[0]


# --------------------------------------------------------------------------- one article


@dataclass
class Record:
    """Everything measured on one article file (one JSON record)."""

    corpus: str
    path: str
    id: str = ""
    status: str = ""  # drafted | declined | skipped | exception
    error: str = ""  # one line: the exception, or why the file was skipped
    lint: list[str] = field(default_factory=list)
    seconds_draft: float = 0.0  # parse + draft + load + lint
    seconds: float = 0.0  # everything, walks and metrics included
    sections: list[str] = field(default_factory=list)
    outcomes: int = 0
    inputs: int = 0
    fallback_only: bool = False  # the only outcome is "Read the article"
    #: not one problem (round 32): "several" (which item is yours), "reference" (told), ""
    not_one: str = ""
    #: a step "Check whether this applies here and remove it: <cause>" (a cause ticked)
    remove_cause: bool = False
    #: the CAUSE states alternatives in prose ("occurs if A, or if B"; round 29) ...
    prose_causes: bool = False
    #: ... and no question asks which cause (or case) applies: merged into one paragraph
    prose_causes_merged: bool = False
    #: an outcome "No fix in the article for this cause" (a cause the fix does not address)
    cause_no_fix: bool = False
    listed_causes: bool = False  # a runbook's likely causes listed (round 35)
    listed_causes_merged: bool = False  # ... and no question asks them
    walks: int = 0
    walks_stuck: int = 0
    asks_question: bool = False
    items: int = 0
    verb_items: int = 0
    not_verbs: list[str] = field(default_factory=list)  # a few, for reading
    labels: int = 0
    cut_labels: list[str] = field(default_factory=list)
    phrase_cut_labels: list[str] = field(default_factory=list)  # whole words, phrase cut
    asked_questions: int = 0  # questions the walk asks (choice labels counted by labels_alike)
    alike_questions: list[str] = field(default_factory=list)  # labels that read alike
    titles: int = 0  # outcome titles but "This article may not apply"
    phrase_cut_titles: list[str] = field(default_factory=list)  # see title_cut_phrase
    no_action_titles: list[str] = field(default_factory=list)  # see label_says_no_action
    open_end_labels: list[str] = field(default_factory=list)  # see label_ends_open (round 35)
    fix_labels: int = 0  # fix titles and the fix questions' choice labels, once each
    not_action_labels: list[str] = field(default_factory=list)  # see title_not_action
    lead_in_items: list[str] = field(default_factory=list)  # ticked announcements
    fix_checklists: int = 0  # fix outcomes with checklist steps (once per outcome)
    obtain_only: list[str] = field(default_factory=list)  # titles of those only obtaining
    escalate_only: list[str] = field(default_factory=list)  # titles: see escalate_only
    symptom_question: bool = False
    symptom_cut: bool = False
    cause_repeats: bool = False  # see cause_mixed
    symptom_reading: bool = False  # see cause_mixed
    no_cause: bool = False  # the cause line says "X gives no cause."
    causes_run_on: bool = False  # the cause node runs a bulleted list into one line
    stated_no_cause: bool = False  # see stated_not_given
    about_article: bool = False  # see about_article
    symptom_choices: int = 0  # message choices of the symptom question
    fragment_choices: list[str] = field(default_factory=list)
    odd_choices: list[str] = field(default_factory=list)  # see odd_symptom_choices
    not_symptom_choices: list[str] = field(default_factory=list)  # see not_symptom_label
    listed_forms: int = 0  # see listed_forms
    texts_cut: list[tuple[str, str]] = field(default_factory=list)  # (where, text)
    placeholders: list[dict[str, object]] = field(default_factory=list)
    #: pairs left out of `placeholders`: {"token", "command", "why"} (message, explanation)
    placeholders_excluded: list[dict[str, str]] = field(default_factory=list)
    has_fix_section: bool = False
    real_mitigation: bool = False
    verify_outcomes: int = 0  # outcomes with a verify part (the fallbacks have none)
    verify_concrete: int = 0
    verify_generic: int = 0
    verify_scene: int = 0
    verify_restated: int = 0  # outcomes whose verify restates the symptom (RESTATED_VERIFY_RE)
    verify_section_only: int = 0  # outcomes whose verify names the section (SECTION_ONLY_...)
    verify_alert_only: int = 0  # outcomes whose only check is the alert clearing (ALERT_ONLY_RE)
    verify_condition_only: int = 0  # only the condition restated and the alert clearing
    verify_own_left: int = 0  # the fix's last step says its own check, the verify does not
    verify_glued_label: int = 0  # a message quoted back with its Symptoms label glued on
    verify_misfit: int = 0  # 'no longer occurs' on a how-to or a limit (misfit_verify)
    verify_kept_condition: int = 0  # keeps a condition the fix's steps change (round 28)
    verify_setting: int = 0  # keeps the symptom's setting ("if you are using ... 7.33 or earlier")
    setting_verifies: list[str] = field(default_factory=list)
    verify_each_time: int = 0  # 'no longer' on a fix the article says to repeat (round 30)
    verify_stays: int = 0  # 'no longer' where the article says the problem stays (round 33)
    verify_cut_clause: int = 0  # quotes a clause cut from inside a sentence (round 33)
    verify_unfit36: int = 0  # round-only on a cause-removing fix, diagnosis, pasted condition
    rollback_denied: int = 0  # a rollback where the article says the change cannot be undone
    verify_negated: int = 0  # checks a remedy works that the article says does not (round 34)
    verify_diagnostic: int = 0  # a diagnostic outcome verified as a fix (round 33)
    stays_verifies: list[str] = field(default_factory=list)  # a few, for reading
    misfit_verifies: list[str] = field(default_factory=list)  # a few, for reading
    malformed_verifies: list[str] = field(default_factory=list)  # see malformed_verify
    weak_verifies: list[str] = field(default_factory=list)  # a few, for reading
    questions: int = 0  # questions with two or more answers that stay in the article
    meeting: list[str] = field(default_factory=list)  # ids of those whose answers all meet
    answered_before: list[str] = field(default_factory=list)  # see answered_before
    converging: list[str] = field(default_factory=list)  # junk_questions (round 34)
    unsure_loops: list[str] = field(default_factory=list)  # junk_questions
    duplicate_options: list[str] = field(default_factory=list)  # junk_questions
    wrong_kind_labels: list[str] = field(default_factory=list)  # junk_questions
    alternative_steps: list[str] = field(default_factory=list)  # see ALTERNATIVE_STEP_RE
    either_ticked: list[str] = field(default_factory=list)  # see either_ticked
    condition_steps: list[str] = field(default_factory=list)  # see CONDITION_STEP_RE
    fallback_ticks: list[str] = field(default_factory=list)  # see FALLBACK_TICK_RE
    system_ticks: list[str] = field(default_factory=list)  # see system_ticks
    ways_in_turn: list[str] = field(default_factory=list)  # see ways_in_turn
    fix_options: int = 0  # options of questions choosing between fixes (round 33)
    fix_helped: int = 0  # of those, options with their own when-to-choose note
    fix_unhelped: list[str] = field(default_factory=list)  # see fix_choose_help
    alternatives_in_turn: list[str] = field(default_factory=list)  # see alternatives_in_turn
    choose_one_ticked: list[str] = field(default_factory=list)  # see choose_one_ticked
    other_way_steps: list[str] = field(default_factory=list)  # see other_way_steps
    negated_asked: list[str] = field(default_factory=list)  # see negated_questions
    step_jumps: list[str] = field(default_factory=list)  # see step_jumps
    unasked_applies: list[str] = field(default_factory=list)  # see unasked_applicability
    asks_system: bool = False  # asks which OS/version/product first (round 29, see system_asked)
    systems_unasked: bool = False  # procedures headed per system, never asked (round 29)
    fix_outcomes: int = 0  # fix outcomes of drafts with two or more (see bare_titles)
    bare_titles: list[str] = field(default_factory=list)
    diagnosis_fixes: list[str] = field(default_factory=list)  # see diagnosis_fixes
    long_term_cleared: list[str] = field(default_factory=list)  # see long_term_cleared
    fix_count: int = 0  # fix outcomes (not "This article may not apply")
    first_click_titles: list[str] = field(default_factory=list)  # see first_click_titles
    read_more_items: list[str] = field(default_factory=list)  # see read_more_step
    non_step_items: list[str] = field(default_factory=list)  # see non_step
    statement_items: list[str] = field(default_factory=list)  # see statement_step
    two_action_items: list[str] = field(default_factory=list)  # see two_action_step
    #: round 30: ticks that are an outcome sentence, an example, a pointer to more help or
    #: an "as follows" lead-in (see tick_kinds), and notes opening with a conditional
    #: action ("If you are prompted ..., click Yes."), never ticked
    kind_items: list[str] = field(default_factory=list)
    prompt_notes: list[str] = field(default_factory=list)
    #: round 35: ticks that are an expected effect, what a finding means, or only explain
    #: (see effect_ticks.ticked_explanation)
    effect_items: list[str] = field(default_factory=list)
    #: round 29: outcomes titled with a step count ("Method 2 (3 steps)"), and those where
    #: a walk's checklist ticks another number of steps (see count_label_wrong)
    count_labels: int = 0
    count_labels_wrong: list[str] = field(default_factory=list)
    #: round 23: steps holding two or more imperative sentences (see multi_action_step)
    multi_sentence_items: list[str] = field(default_factory=list)
    #: ... or two or more imperative clauses of one sentence only ("X, and then Y")
    multi_clause_items: list[str] = field(default_factory=list)
    not_action_items: list[str] = field(default_factory=list)  # see not_action_step
    glued_note_items: list[str] = field(default_factory=list)  # see glued_note_step
    backup_outcomes: int = 0  # outcomes with a registry backup step
    backup_no_change: list[str] = field(default_factory=list)  # see registry_backup_place
    backup_before_open: list[str] = field(default_factory=list)  # see registry_backup_place
    registry_row_items: list[str] = field(default_factory=list)  # see registry_row_step
    value_table_items: list[str] = field(default_factory=list)  # see value_table_step
    input_answers: int = 0  # (walk, input) pairs: an input answered on a finished walk
    unused_inputs: list[str] = field(default_factory=list)  # titles of those it never uses
    mistyped_inputs: list[str] = field(default_factory=list)  # "Your number for <Name>"
    asks_on_walks: int = 0  # (walk, input or question) pairs, the symptom question left out
    asked_early: list[str] = field(default_factory=list)  # asked before the check showing it
    fix_in_more: bool = False  # see fix_in_more: the fix's procedure may be in MORE INFO
    more_steps: bool = False  # a fix outcome ticks 2+ steps cited from MORE INFORMATION
    #: round 25: numbered procedures of a fix (or fix-cited) section no step of reaches
    #: the draft (see lost_procedures), and fix steps pointing at what they never show
    lost_procedures: list[str] = field(default_factory=list)
    pointing_steps: list[str] = field(default_factory=list)
    #: round 29: variants of the runbook's alert it names (`X_Critical`, `X_PerNode`),
    #: whether the walk asks which fired, and fix steps acting on a node no step names
    variants_named: int = 0
    variant_asked: bool = False
    node_unasked: list[str] = field(default_factory=list)
    #: round 30: Diagnosis checks shown in an info step that no outcome ticks, and
    #: outcomes whose fix only cordons/drains or advises yet whose verify waits for the
    #: alert to clear
    diag_unticked: list[str] = field(default_factory=list)
    hopeful_verifies: list[str] = field(default_factory=list)


def variant_choice(article: Article, tree: Tree) -> tuple[int, bool]:
    """(how many variants of its alert the runbook names code-quoted, whether a choice
    of the walk offers two or more of them): DNSErrors' `DNSErrors_Critical` ..."""
    body = article.body or ""
    base = article.id
    if f"`{base}_" not in body:
        return 0, False
    named = set(re.findall(rf"`{re.escape(base)}_[A-Za-z]\w{{0,60}}", body))
    asked = any(
        isinstance(n, Input)
        and n.type == "choice"
        and sum(c.value.startswith(f"{base}_") for c in n.choices) >= 2
        for n in tree.nodes.values()
    )
    return len(named), asked


#: A fix step that acts on a node: "Cordon and drain node ...", "Delete node if ...".
_NODE_ACT_RE = re.compile(
    r"^(?:cordon|uncordon|drain|delete|remove|reboot|restart|replace)\b[^.\n]{0,40}?\bnodes?\b",
    re.IGNORECASE,
)


def node_unasked(tree: Tree) -> list[str]:
    """Fix steps that act on a node with no command under them and no node named by an
    answer ("Cordon and drain node and delete it"): the admin is left to guess which."""
    out: list[str] = []
    for outcome in tree.outcomes():
        for item in outcome.steps:
            text = _source(item.template)
            if item.detail is not None and any(
                not line.strip().lower().startswith(("link", "http", "1:", "2:", "3:"))
                for line in _source(item.detail).splitlines()
                if line.strip()
            ):
                continue  # a command under it names the node its own way
            if _NODE_ACT_RE.match(text) and not item.template.variables:
                out.append(text)
    return out


#: Where a numbered check starts in an info step's text.
_CHECK_ITEM_RE = re.compile(r"\n\n\d{1,3}\. ([^\n]{1,300})")


#: The questions the Diagnosis shown before them answers (round 36): the checks chose
#: the answer, the export lists them under "Checks run on the way"; not ticked again.
_DECIDED_RE = re.compile(
    r"^(?:Which fix do the Diagnosis checks point to\?|Which fix fits your situation\?"
    r"|What did you find\?|Which of these (?:did you find|applies(?: here)?|do you see)\?)$"
)


def _decides(tree: Tree, node: Info) -> bool:
    """The info step leads, through inputs and other info steps, to a question its checks
    answer."""
    at = tree.nodes.get(node.next)
    seen: set[str] = set()
    while isinstance(at, (Info, Input)) and at.id not in seen:
        seen.add(at.id)
        at = tree.nodes.get(at.next)
    return isinstance(at, Question) and bool(_DECIDED_RE.match(at.title))


def diag_unticked(tree: Tree) -> list[str]:
    """Diagnosis checks an info step lists that no outcome of the walk ticks: read as a
    wall of text, with nothing to tick and no output recorded (not the checks that answer
    the question after them: round 36)."""
    ticked = {_source(i.template) for o in tree.outcomes() for i in o.steps}
    out = []
    for node in tree.nodes.values():
        if not (isinstance(node, Info) and node.checks and node.text is not None):
            continue
        if node.source is None or "diagnos" not in node.source.section.casefold():
            continue
        if _decides(tree, node):
            continue
        out += [c for c in _CHECK_ITEM_RE.findall(_source(node.text)) if c not in ticked]
    return out


#: A fix step that only moves workloads off a node, or only advises.
_MOVES_OR_ADVISES_RE = re.compile(
    r"^(?:cordon|drain|evacuate)\b|^there (?:is|are) no \w{1,20} ?options?\b"
    r"|^continue with (?:the )?standard\b",
    re.IGNORECASE,
)
_CLEARS_RE = re.compile(r"^Check that the \S{1,200} alert clears\b|alert fires on no longer holds")


def hopeful_verifies(tree: Tree) -> list[str]:
    """Outcomes whose own steps only cordon/drain a node or give advice, yet whose verify
    expects the alert to clear: those steps cannot clear it."""
    out = []
    for outcome in tree.outcomes():
        own = [
            _source(i.template)
            for i in outcome.steps
            if "diagnos" not in i.source.section.casefold()
            and not _source(i.template).startswith("Escalate")
        ]
        if not own or outcome.title.startswith("No documented fix"):
            continue
        if all(_MOVES_OR_ADVISES_RE.match(t) for t in own) and any(
            _CLEARS_RE.search(_source(v.template)) for v in outcome.verify
        ):
            out.append(outcome.id)
    return out


def not_action_labels(tree: Tree, titles: list[str], text: str) -> tuple[int, list[str]]:
    """(fix labels of a draft, those that do not name the fix): each fix outcome's title
    (checked against its first step) and each choice of a "mitigation" question, once."""
    firsts = {o.title: _source(o.steps[0].template) if o.steps else "" for o in tree.outcomes()}
    labels = dict.fromkeys(titles)
    for node in tree.nodes.values():
        if isinstance(node, Question) and node.id.startswith("mitigation"):
            labels.update(dict.fromkeys(c.label for c in node.choices if c.label))
    found = [
        label for label in labels if label and title_not_action(label, text, firsts.get(label, ""))
    ]
    return len(labels), found


def load_draft(article: Article) -> tuple[Tree | None, list[str], str]:
    """(tree, lint problems, yaml): the draft read back by the real loader and linted
    with its citations checked against the article, as `kbassist trees lint` would.

    Read as `draft_text` reads it for a drafted walk (`draft_checked`: the Tree built
    from the drafter's dict, the written file read for positions only on a lint problem;
    the same Tree and problems as the strict reader gives the written file,
    tests/test_drafting_perf30.py and bench/draft_roundtrip.py check it)."""
    drafted = draft_linted(article)
    if drafted is None:
        return None, [], ""
    text, result, problems = drafted
    return result.tree, [str(p) for p in problems], text


def _one_line(exc: BaseException) -> str:
    return " ".join(f"{type(exc).__name__}: {exc}".split())[:300]


def measure(path: Path, corpus: str = "", rel: str = "") -> Record:
    """Every metric of one article file; never raises (an exception is recorded)."""
    record = Record(corpus, rel or str(path))
    started = time.perf_counter()
    try:
        article = load_article(path)
        record.id = article.id
        record.sections = [s.key for s in article.sections]
        tree, record.lint, _ = load_draft(article)
        record.seconds_draft = time.perf_counter() - started
        if tree is None:
            record.status = "declined"
        else:
            record.status = "drafted"
            _measure_tree(record, article, tree)
    except ArticleSkip as exc:
        record.status, record.error = "skipped", str(exc)
    except Exception as exc:  # the bench counts them: the target is zero
        record.status, record.error = "exception", _one_line(exc)
    record.seconds = time.perf_counter() - started
    return record


def _measure_tree(record: Record, article: Article, tree: Tree) -> None:
    outcomes = tree.outcomes()
    record.outcomes = len(outcomes)
    record.inputs = sum(isinstance(n, Input) for n in tree.nodes.values())
    record.fallback_only = len(outcomes) == 1 and outcomes[0].title == "Read the article"
    kinds = [
        k
        for k, node in (("several", "which_item"), ("reference", "reference"))
        if node in tree.nodes
    ]
    record.not_one = kinds[0] if kinds else ""
    record.remove_cause = any(
        i.template.source.startswith("Check whether this applies here and remove it")
        for o in outcomes
        for i in o.steps
    )
    from kbassist.drafting.prose_causes import prose_causes

    record.prose_causes = bool(prose_causes(article))
    record.prose_causes_merged = record.prose_causes and not any(
        isinstance(n, Question) and any(c.value.startswith(("cause_", "case_")) for c in n.choices)
        for n in tree.nodes.values()
    )
    from kbassist.drafting.listed_cause_ask import listed_causes

    record.listed_causes = bool(listed_causes(article))
    record.listed_causes_merged = record.listed_causes and not any(
        isinstance(n, Question) and any(c.value.startswith(("cause_", "case_")) for c in n.choices)
        for n in tree.nodes.values()
    )
    record.cause_no_fix = any(o.title == "No fix in the article for this cause" for o in outcomes)
    walks = enumerate_walks(tree)
    record.walks, record.walks_stuck = len(walks.checklists), walks.stuck
    record.asks_question = any(asks_question(c) for c in walks.checklists)
    record.questions, record.meeting = meeting_questions(tree, walks)
    record.answered_before = answered_before(tree)
    from junk_questions import converging, duplicate_options, unsure_loops, wrong_kind_labels

    record.converging, record.unsure_loops = converging(tree), unsure_loops(tree)
    record.duplicate_options = duplicate_options(tree)
    record.wrong_kind_labels = wrong_kind_labels(tree)
    record.alternative_steps = alternative_steps(walks.checklists)
    record.either_ticked = either_ticked(walks.checklists)
    record.count_labels, record.count_labels_wrong = count_labels_wrong(walks.checklists)
    record.condition_steps = condition_steps(walks.checklists)
    record.fallback_ticks = fallback_ticks(walks.checklists)
    record.system_ticks = system_ticks(walks.checklists)
    record.ways_in_turn = ways_in_turn(tree)
    record.fix_options, record.fix_helped, record.fix_unhelped = fix_choose_help(tree)
    record.alternatives_in_turn = alternatives_in_turn(tree)
    record.choose_one_ticked = choose_one_ticked(tree)
    record.other_way_steps = other_way_steps(tree)
    record.negated_asked = negated_questions(tree)
    record.step_jumps = step_jumps(tree)
    record.unasked_applies = unasked_applicability(tree, walks.checklists)
    record.asks_system = system_asked(tree)
    record.systems_unasked = not record.asks_system and systems_headed(article)
    record.fix_outcomes, record.bare_titles = bare_titles(tree)
    record.diagnosis_fixes = diagnosis_fixes(tree)
    record.long_term_cleared = long_term_cleared(tree)
    record.fix_count = sum(o.id != "not_this_article" for o in tree.outcomes())
    record.first_click_titles = first_click_titles(tree)
    first_by_outcome: dict[str, Checklist] = {}
    whole_text = " ".join(section.text for section in article.sections)
    labels = symptom_labels(article)
    for checklist in walks.checklists:
        first_by_outcome.setdefault(checklist.outcome.id, checklist)
    for checklist in first_by_outcome.values():
        verifies = [item.text for item in checklist.part("verify")]
        if verifies:
            record.verify_outcomes += 1
            kind = verify_kind(verifies)
            record.verify_concrete += kind == "concrete"
            record.verify_generic += kind == "generic"
            record.verify_scene += kind == "scene"
            record.verify_restated += any(RESTATED_VERIFY_RE.search(v) for v in verifies)
            record.verify_section_only += any(SECTION_ONLY_VERIFY_RE.search(v) for v in verifies)
            record.verify_alert_only += all(ALERT_ONLY_RE.search(v) for v in verifies)
            record.verify_condition_only += any(
                CONDITION_ONLY_RE.search(v) for v in verifies
            ) and all(CONDITION_ONLY_RE.search(v) or ALERT_ONLY_RE.search(v) for v in verifies)
            record.verify_own_left += own_check_left(checklist.outcome, verifies)
            record.verify_glued_label += any(glued_label(v, labels) for v in verifies)
            if misfit_verify(article, checklist.outcome.title, verifies):
                record.verify_misfit += 1
                if len(record.misfit_verifies) < 2:
                    record.misfit_verifies.append(verifies[0][:160])
            ticked = [f"{i.text} {i.detail}" for i in checklist.part("steps")]
            record.verify_each_time += each_time_misfit(ticked, verifies)
            stays = stays_misfit(article, verifies)
            record.verify_stays += stays
            if stays and len(record.stays_verifies) < 2:
                record.stays_verifies.append(verifies[0][:160])
            record.verify_cut_clause += any(cut_clause(v) for v in verifies)
            record.verify_unfit36 += unfit_verify36(article, checklist.outcome.title, verifies)
            record.rollback_denied += bool(checklist.part("rollback")) and bool(
                rollback_said_none(article, checklist.outcome)
            )
            record.verify_negated += any(
                remedy_contradicted(v.partition(DETAIL_SEP)[0], whole_text) for v in verifies
            )
            record.verify_diagnostic += diagnostic_misfit(checklist.outcome.title, verifies)
            setting = [v for v in verifies if setting_kept(v)]
            record.verify_setting += bool(setting)
            if setting and len(record.setting_verifies) < 2:
                record.setting_verifies.append(setting[0][:160])
            record.verify_kept_condition += any(
                drop_changed_condition(v, ticked) != v for v in verifies
            )
            broken = [
                i.text for i in checklist.part("verify") if malformed_verify(i.text, i.detail)
            ]
            if broken:
                record.malformed_verifies.append(broken[0][:160])
            if kind != "concrete" and len(record.weak_verifies) < 2:
                record.weak_verifies.append(f"{kind}: {verifies[0][:120]}")
        ticked = [i.text for i in checklist.part("steps") if not _POINTER_RE.match(i.text)]
        if ticked and checklist.outcome.id not in ("not_this_article", "read_article"):
            record.fix_checklists += 1
            if obtain_only(ticked):
                record.obtain_only.append(checklist.outcome.title[:120])
            if escalate_only(checklist.outcome.title, ticked):
                record.escalate_only.append(checklist.outcome.title[:120])
        place = registry_backup_place([(i.text, i.detail or "") for i in checklist.part("steps")])
        record.backup_outcomes += bool(place)
        if place == "no_change":
            record.backup_no_change.append(checklist.outcome.title[:120])
        elif place == "before_open":
            record.backup_before_open.append(checklist.outcome.title[:120])
        for item in checklist.part("steps"):
            if _POINTER_RE.match(item.text):
                continue  # "Read the article": counted by fallback_only, not here
            record.items += 1
            if lead_in_step(item.text, item.detail):
                record.lead_in_items.append(item.text[:120])
            if read_more_step(item.text):
                record.read_more_items.append(item.text[:120])
            if non_step(item.text, item.detail):
                record.non_step_items.append(item.text[:120])
            if statement_step(item.text):
                record.statement_items.append(item.text[:120])
            if two_action_step(item.text):
                record.two_action_items.append(item.text[:120])
            if ticked_kind(item.text, item.detail or ""):
                record.kind_items.append(item.text[:120])
            if prompted_action(item.detail or ""):
                record.prompt_notes.append(item.text[:120])
            if ticked_explanation(item.text):
                record.effect_items.append(item.text[:120])
            multi = multi_action_step(item.text)
            if multi == "sentences":
                record.multi_sentence_items.append(item.text[:200])
            elif multi == "clauses":
                record.multi_clause_items.append(item.text[:200])
            if not_action_step(item.text):
                record.not_action_items.append(item.text[:200])
            if glued_note_step(item.text):
                record.glued_note_items.append(item.text[:120])
            if registry_row_step(item.text, item.detail or ""):
                record.registry_row_items.append(item.text[:120])
            if value_table_step(item.text, item.detail or ""):
                record.value_table_items.append(item.text[:120])
            if starts_with_verb(item.text):
                record.verb_items += 1
            elif len(record.not_verbs) < 3:
                record.not_verbs.append(item.text[:120])
    text = _normal(" ".join(s.text for s in article.sections))
    labels = option_labels(tree)
    record.labels = len(labels)
    record.cut_labels = [label for label in labels if label_cut(label, text)]
    record.phrase_cut_labels = [label for label in labels if label_cut_phrase(label, text)]
    for node in tree.nodes.values():
        if isinstance(node, Question):
            record.asked_questions += 1
            if labels_alike([c.label for c in node.choices], text):
                record.alike_questions.append(" | ".join(c.label for c in node.choices)[:160])
    titles = [
        o.title
        for o in outcomes
        if o.id not in ("not_this_article", "read_article")
        and not o.id.endswith(NOT_APPLICABLE_SUFFIX)
    ]
    record.titles = len(titles)
    record.phrase_cut_titles = [t for t in titles if title_cut_phrase(t, text)]
    record.no_action_titles = [x for x in [*labels, *titles] if label_says_no_action(x)]
    plain = plain_text(article)
    record.open_end_labels = [x for x in [*labels, *titles] if label_ends_open(x, plain)]
    record.fix_labels, record.not_action_labels = not_action_labels(tree, titles, text)
    record.texts_cut = texts_cut(tree, text)
    record.cause_repeats, record.symptom_reading = cause_mixed(tree.symptom, tree.cause)
    record.no_cause = tree.cause.strip().endswith("gives no cause.")
    record.causes_run_on = causes_run_on(tree)
    record.stated_no_cause = stated_not_given(article, tree.cause.strip())
    record.about_article = about_article(tree.symptom, tree.cause)
    cut = symptom_cut(tree)
    record.symptom_question, record.symptom_cut = cut is not None, bool(cut)
    choices = symptom_choice_labels(tree)
    record.symptom_choices = len(choices)
    record.fragment_choices = [c for c in choices if fragment_choice(c)]
    record.odd_choices = odd_symptom_choices(choices, article)
    record.not_symptom_choices = [c for c in choices if not_symptom_label(c)]
    record.listed_forms = listed_forms(article)
    excluded: list[tuple[str, Placeholder]] = []
    pairs = command_placeholders(article, excluded)
    rendered = rendered_items(walks.checklists) if pairs else []  # most articles have none
    record.placeholders = [
        {"token": ph.token, "command": ph.command, "used": placeholder_used(ph, rendered)}
        for ph in pairs
    ]
    record.placeholders_excluded = [
        {"token": ph.token, "command": ph.command, "why": why} for why, ph in excluded
    ]
    record.input_answers, record.unused_inputs = unused_inputs(walks.checklists)
    record.mistyped_inputs = mistyped_inputs(tree)
    record.asks_on_walks, record.asked_early = asked_early(tree, walks.checklists)
    record.fix_in_more = fix_in_more(article)
    record.more_steps = more_steps_ticked(tree)
    record.lost_procedures = lost_procedures(article, tree)
    record.pointing_steps = pointing_steps(tree)
    record.variants_named, record.variant_asked = variant_choice(article, tree)
    record.node_unasked = node_unasked(tree)
    record.diag_unticked = diag_unticked(tree)
    record.hopeful_verifies = hopeful_verifies(tree)
    fixes = fix_sections(article)
    record.has_fix_section = bool(fixes)
    record.real_mitigation = bool(fixes) and real_mitigation(walks.checklists, fixes)


# --------------------------------------------------------------------------- inputs


def unused_inputs(checklists: list[Checklist]) -> tuple[int, list[str]]:
    """(answered, unused titles): each input answered on a finished walk, and those whose
    answer no item shown on that walk uses (in its text, detail or condition): asked on a
    path that never needs it, or asked for a sample the article only shows."""
    answered = 0
    unused: list[str] = []
    for checklist in checklists:
        needed: set[str] = set()
        for _part, items in checklist.outcome.item_lists():
            for item in items:
                if item.when is not None:
                    needed |= item.when.variables
                    try:
                        if not item.when.evaluate(checklist.answers):
                            continue
                    except ConditionError:
                        continue
                needed |= item.template.variables
                if item.detail is not None:
                    needed |= item.detail.variables
        for step in checklist.steps:  # an info step shown on the walk reads answers too
            if isinstance(step.node, Info) and step.node.text is not None:
                needed |= step.node.text.variables
        for step in checklist.steps:
            node = step.node
            if isinstance(node, Input) and node.var:
                answered += 1
                if node.var not in needed:
                    unused.append(node.title)
    return answered, unused


#: A line of a Diagnosis info step that is no command: a check's numbered title, a link,
#: a shell comment in prose ("# Inspect events for a pod", not a root prompt's "# lsof"),
#: a check's sentence ("Get detailed information about the affected node:").
_NOT_COMMAND_RE = re.compile(r"^\s*(?:\d+\.\s|Link:|#+ [A-Z][a-z]|$)")


def _prose_line(line: str) -> bool:
    """A sentence: a capitalised word, a space, a "." or ":" at the end (no regex: a
    `.* .*` pattern backtracks for seconds on a long line)."""
    ends = line.rstrip().endswith((".", ":"))
    return bool(re.match(r"[A-Z][a-z]", line)) and " " in line and ends


#: An input's help saying the alert gives its value ("Its value comes from the alert: ...").
_FROM_ALERT_RE = re.compile(r"Its value comes from the alert\b")


def _has_command(lines: list[str]) -> bool:
    """Whether some line runs or shows something: not a _NOT_COMMAND_RE line, nor the
    rest of a prose comment going on over lines ("# (may require admin" + "# permissions)")."""
    prose = False
    for n, line in enumerate(lines):
        goes_on = n and prose and line.startswith("# ") and lines[n - 1].startswith("#")
        prose = bool(_NOT_COMMAND_RE.match(line) or _prose_line(line) or goes_on)
        if not prose:
            return True
    return False


def _meets_at(tree: Tree, start: str, target: str) -> bool:
    """Whether `target` is reached from node `start` before any outcome."""
    seen, todo = set(), [start]
    while todo:
        at = todo.pop()
        if at == target:
            return True
        node = tree.nodes.get(at)
        if at in seen or node is None or isinstance(node, Outcome):
            continue
        seen.add(at)
        todo.extend(n for _, n in node.successors())
    return False


def asked_early(tree: Tree, checklists: list[Checklist]) -> tuple[int, list[str]]:
    """(asked, titles asked early): (walk, input or question) pairs, the symptom question
    left out, and those asked before the Diagnosis check that reveals the answer: a
    question whose every answer goes on to the same checks shown later on the walk (what
    they show cannot depend on it: "Which cause did you find?" before the checks that
    find it), or an input whose answer a later checks step uses after a command it could
    have shown first (`$NODE_NAME` asked before "oc get nodes" lists the nodes)."""
    exits = _exit_ids(tree)
    asked, early = 0, []
    for checklist in checklists:
        steps = [s.node for s in checklist.steps]
        for n, node in enumerate(steps):
            later = [s for s in steps[n + 1 :] if isinstance(s, Info) and s.checks and s.text]
            if isinstance(node, Question) and node.id != "symptom":
                asked += 1
                real = [c.next for c in node.choices if c.next not in exits]
                if len(real) > 1 and any(
                    all(_meets_at(tree, nxt, info.id) for nxt in real) for info in later
                ):
                    early.append(node.title)
            elif isinstance(node, Input) and node.var:
                asked += 1
                if node.help is not None and _FROM_ALERT_RE.match(node.help.source):
                    continue  # the alert gives it: known before any check
                use = next((s for s in later if node.var in s.text.variables), None)  # type: ignore[union-attr]
                if use is None or use.text is None:
                    continue
                body = use.text.source.split("\n\n", 1)[-1]
                before = body[: body.find("{" + node.var + "}")].rpartition("\n")[0]
                if _has_command(before.splitlines()):
                    early.append(node.title)
    return asked, early


#: A placeholder's name that names something (`<AccountName>`, `<host-name>`).
_NAME_TOKEN_RE = re.compile(r"name>?$|name\W|_name|-name", re.IGNORECASE)


def mistyped_inputs(tree: Tree) -> list[str]:
    """Titles of inputs whose kind does not fit the placeholder's own name: a number asked
    for `<AccountName>`, a drive letter for `<ServerName>`."""
    out: list[str] = []
    for node in tree.nodes.values():
        if not isinstance(node, Input):
            continue
        found = re.match(r"Your (?P<kind>[\w ]+?) for (?P<token>.+)$", node.title)
        if found:
            kind, token = found.group("kind"), found.group("token")
        else:  # round 21: a modern article's input is titled by what it names ("Node
            # name"); its text quotes the token, its type and format say the kind
            text = node.text.source if node.text else ""
            said = re.match(r"The article writes (?P<token>.+?) where you type\b", text)
            if not said:
                continue
            kind = "number" if node.type == "number" else ""
            kind = "drive letter" if node.format == "drive" else kind
            token = said.group("token")
        if kind in {"number", "drive letter"} and _NAME_TOKEN_RE.search(token):
            out.append(node.title)
    return out


# --------------------------------------------------------------------------- branching


def _exit_ids(tree: Tree) -> set[str]:
    """Outcomes that leave the article ("not this article", "Read the article"): an
    answer going there is an exit, not one of the alternatives a question branches on."""
    from kbassist.drafting.tree import FALLBACK_ID, NOT_THIS_ID

    exits = {NOT_THIS_ID, FALLBACK_ID} & set(tree.nodes)
    # "The workaround is not for X" (apply15): the article's answer that the fix does
    # not apply to this system leaves the article as "not this article" does
    return exits | {n for n in tree.nodes if n.endswith(NOT_APPLICABLE_SUFFIX)}


def _tail(checklist: Checklist, node_id: str) -> tuple[str, ...]:
    """What a walk does after `node_id`: its outcome and checklist items, and (since round
    13) the Diagnosis checks it shows after the node, which the admin runs as much as the
    items (the answers given before the node are left out, so two answers are compared
    on what follows)."""
    nodes = [s.node for s in checklist.steps]
    at = next((n for n, node in enumerate(nodes) if node.id == node_id), len(nodes))
    checks = [
        f"checks:{node.id}" for node in nodes[at + 1 :] if isinstance(node, Info) and node.checks
    ]
    return (
        checklist.outcome.id,
        *(f"{item.part}:{item.text}" for item in checklist.items),
        *checks,
    )


def meeting_questions(tree: Tree, walks: WalkSet) -> tuple[int, list[str]]:
    """(questions with two or more real answers, ids of those whose answers all meet
    again; the symptom question left out): every non-exit answer reaches the very same
    set of outcomes and checklist items, so asking it changes nothing the admin does.
    Walks cut at MAX_WALKS may hide a difference; such a tree is counted on the walks it
    has."""
    exits = _exit_ids(tree)
    asked, meeting = 0, []
    for node in tree.nodes.values():
        if not isinstance(node, Question) or node.id == "symptom":
            continue  # the symptom's forms are told apart to recognise it, not to branch
        real = [c for c in node.choices if c.next not in exits]
        if len(real) < 2:
            continue
        asked += 1
        tails: dict[str, set[tuple[str, ...]]] = {c.value: set() for c in real}
        for checklist in walks.checklists:
            if node.id not in checklist.path:
                continue
            value = checklist.answers.get(node.variable)
            if value in tails:
                tails[str(value)].add(_tail(checklist, node.id))
        seen = [t for t in tails.values() if t]
        if len(seen) >= 2 and all(t == seen[0] for t in seen):
            meeting.append(node.id)
    return asked, meeting


_ASKED_CASE_RE = re.compile(r"^(?:does this apply:|(?:do|does|is|are)\b)\s*", re.IGNORECASE)


def _then_on_no(tree: Tree, question: Question) -> bool:
    """The question's outcome has a step for its "yes" followed by a "Then …" step shown
    whatever the answer: "no" ticks the second half of the case's own procedure."""
    outcome = tree.nodes.get(question.choices[0].next)
    if not isinstance(outcome, Outcome):
        return False
    steps = outcome.steps
    for first, then in pairwise(steps):
        gated = first.when is not None and question.variable in first.when.variables
        text = str(getattr(then.template, "source", then.template))
        if gated and re.match(r"^then\b", text, re.IGNORECASE) and then.when is None:
            return True
    return False


def answered_before(tree: Tree) -> list[str]:
    """Ids of yes/no case questions whose every answer goes on to one node, asked right
    after a choice whose label names the same case ("Method 1: Windows NT Is on a FAT
    Partition", then "Does this apply: Windows NT is installed on a FAT partition?"): the
    admin answered it by choosing, yet a reader sees a question that leads to the same
    outcome either way. `meeting_questions` misses it (the "no" walk drops one step).
    Also (`_then_on_no`) such a question whose "no" still ticks the "Then …" step that goes
    on from the case's own ("update the config map" / "Then delete the pods")."""
    from kbassist.drafting.case_choices import label_states_case

    found: list[str] = []
    for node in tree.nodes.values():
        if not isinstance(node, Question) or node.id == "symptom":
            continue
        if {c.value for c in node.choices} != {"yes", "no"}:
            continue
        if len({c.next for c in node.choices}) != 1:
            continue
        case = _ASKED_CASE_RE.sub("", node.title).rstrip("?")
        if _then_on_no(tree, node):
            found.append(node.id)
            continue
        if any(
            choice.next == node.id and label_states_case(choice.label, case)
            for other in tree.nodes.values()
            if isinstance(other, Question)
            for choice in other.choices
        ):
            found.append(node.id)
    return found


#: A checklist step that introduces another alternative's own procedure ("For Netscape
#: Navigator 3.0, follow these steps:", "To disable the fix:", "Disable the fix"; not a
#: place such as "In the Options dialog box, do the following:") or
#: lists its conditions ("It is safe to ignore this error when:"): in one checklist with
#: the first alternative, the walk does both.
ALTERNATIVE_STEP_RE = re.compile(
    r"^(?:(?:for(?!\s+(?:example|instance|more)\b)|with|under|if you (?:use|are using|have|run)"
    r"|(?:in|on)(?!\s+(?:the|that|this|each|addition)\b))\s+[^:]{2,80}?,?\s+"
    r"(?:follow these steps|do the following|use (?:these|the following) (?:steps|method))"
    r"|(?:to\s+)?(?:disable|undo|revert|roll ?back|remove|uninstall|turn off)\s+"
    r"(?:the|this)\s+(?:fix|workaround|change|changes|setting|hotfix|update)\b"
    r"|[^.]{0,80}\bsafe to ignore\b[^.]{0,80}:\s*$"
    # round 17 (alts17): another way said in words, "Another work-around is to Y",
    # "Alternatively, Y", "A second method is to Y", "One way to X is to Y"
    r"|(?:another|a second|one) (?:possible )?(?:way|method|work-?around|solution|alternative)"
    r"\b[^.]{0,80}? is (?:to|by)\b|alternatively,)",
    re.IGNORECASE,
)


#: A condition ticked as if it were a step: "If you are prompted to restart, click Yes"
#: (what to do when the step before asks), or a step or its note sending the admin on to
#: the next method ("If the issue continues to occur, proceed to the next method").
CONDITION_STEP_RE = re.compile(
    r"^if\s+(?:you\s+are\s+|you're\s+)?(?:prompted|asked)\b[^,.]{0,140},",
    re.IGNORECASE,
)
#: Round 30 (seed-78 readers): "If you are prompted to restart, click Yes." is an action
#: of its own, ticked; only a prompt that is no action ("..., quit without X") counts.
NEXT_METHOD_RE = re.compile(
    r"\bif\s[^.]{3,120}?,\s*(?:then\s+)?(?:proceed|continue|go|move\s+on)\s+(?:to|with)\s+"
    r"the\s+next\s+(?:method|procedure|section|workaround|resolution|solution)\b",
    re.IGNORECASE,
)


#: A step for when the steps before did not help, ticked with its action (round 34,
#: tried35): "If nothing found, verify X", "If the problem persists, restart Y", "If this
#: does not resolve the issue, do Z" as a step's text or a line of its note. The drafter's
#: checkpoint ("If nothing found, go on with the next step; otherwise stop here.") and the
#: pointer to the next method (NEXT_METHOD_RE) are not counted.
FALLBACK_TICK_RE = re.compile(
    r"^if\s(?:nothing|no\s(?:issues?|problems?|errors?))\s(?:(?:is|are|was|were)\s)?found"
    r"|^if\s(?:the\s|this\s|that\s)?(?:issue|problem|error|alert|symptom)s?\s(?:still\s\w+|"
    r"persists?|continues?|recurs?|remains?|does\snot\s(?:resolve|clear)|is\snot\sresolved)"
    r"|^if\s(?:this|that|it|these\ssteps|the\sabove(?:\ssteps)?)\s(?:does|do|did)\s?(?:not|n't)\s"
    r"(?:help|work|resolve|fix|solve|correct)",
    re.IGNORECASE,
)
CHECKPOINT_TEXT = ", go on with the next step; otherwise "


def once_per_outcome(checklists: list[Checklist]) -> list[Checklist]:
    """One checklist per outcome: walks that end in the same outcome count it once."""
    seen: set[str] = set()
    out: list[Checklist] = []
    for checklist in checklists:
        if checklist.outcome.id not in seen:
            seen.add(checklist.outcome.id)
            out.append(checklist)
    return out


def fallback_ticks(checklists: list[Checklist]) -> list[str]:
    """Steps (once per outcome) that tick a "when the steps before did not help" action
    with its condition, or carry one in their note, with no checkpoint of their own."""
    found: list[str] = []
    for checklist in once_per_outcome(checklists):
        for item in checklist.part("steps"):
            text = " ".join(item.text.split())
            if CHECKPOINT_TEXT in text or ("next" in text and NEXT_METHOD_RE.search(text)):
                continue
            lines = [text, *(ln.strip() for ln in item.detail.split("\n"))]
            if any(FALLBACK_TICK_RE.match(ln) and "," in ln for ln in lines):
                found.append(text[:120])
    return found


#: "Windows 95:", "Microsoft Windows 98, ... (Me), or Microsoft Windows 2000:": a line that
#: only names systems, over the steps for them.
def system_ticks(checklists: list[Checklist]) -> list[str]:
    """Steps (once per outcome) whose text only names a system ("Windows 95:"): the label
    over one system's procedure ticked as a step (round 34, tried35)."""
    from kbassist.drafting.version_menu import _scope_name

    found: list[str] = []
    for checklist in once_per_outcome(checklists):
        for item in checklist.part("steps"):
            text = " ".join(item.text.split())
            if text.endswith(":") and len(text) <= 140:
                bare = re.sub(r"\s{0,2}\([^()]{1,20}\)", "", text)
                if _scope_name(bare):
                    found.append(text[:120])
    return found


def condition_steps(checklists: list[Checklist]) -> list[str]:
    """Steps (once per outcome) that are a condition, not an action: an "If you are
    prompted …" tick, or a step or note that says to go on to the next method."""
    found: list[str] = []
    for checklist in once_per_outcome(checklists):
        for item in checklist.part("steps"):
            if (CONDITION_STEP_RE.match(item.text) and not prompted_action(item.text)) or (
                "next" in item.text + item.detail
                and NEXT_METHOD_RE.search(" ".join(f"{item.text} {item.detail}".split()))
            ):
                found.append(item.text[:120])
    return found


#: "If you're running Windows Server 2008 as your KMS host, you need this update ...":
#: a step for one product or version, ticked whatever the admin runs.
SYSTEM_CONDITION_RE = re.compile(
    r"^[Ii]f\s+[Yy]ou(?:'re|\u2019re|\s+are)?\s+(?:run|running|use|using|have)\s+[^,]{0,80}?"
    r"\b(?:[A-Z][\w.+-]*[A-Z0-9]|[A-Z][a-z]+\s+(?:Server\s+)?\d|\d+(?:\.\d+)+)[^,]{0,80},",
)
#: "Don't apply the workaround to computers that are running Windows 10 or later" left in
#: a fix's text: where the fix must not go, said but not asked.
NOT_APPLY_RE = re.compile(
    r"\b(?:don't|do not|never) (?:apply|use|run|install) (?:the|this|these) (?:workarounds?|"
    r"fix(?:es)?|resolutions?|methods?|steps|updates?|hotfix(?:es)?|solutions?|procedures?)"
    r" (?:to|on|in)\b",
    re.IGNORECASE,
)


#: The question that asks the system first: "Which operating system do you use?"
SYSTEM_QUESTION_RE = re.compile(
    r"^Which (?:operating system|version|product)(?: of [\w ]{1,30})? do you (?:use|run)\?$"
    r"|^Which of these do you run\?$"
)


def system_asked(tree: Tree) -> bool:
    """The walk asks which product, version or OS the admin uses (round 29)."""
    return any(
        isinstance(node, Question) and SYSTEM_QUESTION_RE.match(node.title)
        for node in tree.nodes.values()
    )


def systems_headed(article: Article) -> bool:
    """A fix section (or MORE INFORMATION) heads its procedures by system: two or more
    headings at one level naming systems ("On Windows NT:" / "On Windows 95:"), each
    over numbered steps (`version_menu.scope_heads`)."""
    from kbassist.drafting.version_menu import scope_heads

    fixes = fix_sections(article)
    for section in article.sections:
        if section.key not in fixes and not section.key.startswith("more"):
            continue
        heads = scope_heads(section.text)
        lines = section.text.splitlines()
        over: dict[int, set[str]] = {}
        for n, (at, level, name) in enumerate(heads):
            end = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
            if any(re.match(r"\s*(?:\d{1,3}[.)]|[a-z][.)])\s", ln) for ln in lines[at:end]):
                over.setdefault(level, set()).add(name.casefold())
        if any(len(names) >= 2 for names in over.values()):
            return True
    return False


def unasked_applicability(tree: Tree, checklists: list[Checklist]) -> list[str]:
    """Where a fix applies, said but not asked: a ticked step "If you('re) run/use/have
    <product>, ..." (once per outcome), or a fix outcome whose text says "Don't apply the
    workaround to X"."""
    found: list[str] = []
    for checklist in once_per_outcome(checklists):
        found.extend(
            item.text[:120]
            for item in checklist.part("steps")
            if SYSTEM_CONDITION_RE.match(item.text)
        )
    for outcome in tree.outcomes():
        text = getattr(outcome.text, "source", outcome.text) or ""
        if NOT_APPLY_RE.search(text) and not outcome.id.endswith(NOT_APPLICABLE_SUFFIX):
            found.append(text[:120])
    return found


#: A step that opens one of several numbered ways: "Method 2: Alter the endpoint ...",
#: "Option 1", "Option 2: Locate the directory ...".
WAY_MARK_RE = re.compile(r"^(?:option|method|alternative)\s+([1-9])\b", re.IGNORECASE)
#: An outcome's text that offers its steps as alternatives: "To resolve this issue, use
#: one of the following methods:" (not "one or more of", not "one of the following errors").
WAYS_LEAD_RE = re.compile(
    r"\b(?:use|do|try|apply|perform|choose|take)\b[^.:;]{0,30}?\b(?:one|either|any) of the "
    r"following\b(?! (?:entries|messages?|errors?|symptoms?|conditions?))[^.:;]{0,40}[:.]\s*$",
    re.IGNORECASE,
)


#: A question choosing between the article's fixes (not between cases or causes found).
FIX_QUESTION_RE = re.compile(
    r"^(?:Which fix\b|How do you want to (?:fix|work around)\b|Which mitigation\b)"
)
#: "When to choose: (1) needs a restart; (2) works around the problem.": one note a choice.
#: "Restart the Operator (if the issue persists ...)", "(short term)": the label says when.
_LABEL_CASE_RE = re.compile(
    r"\((?:if|when|in|only|sometimes|immediate|short term|long term)\b[^()]{0,200}\)$"
)
_CHOOSE_NOTE_RE = re.compile(r"\((\d{1,2})\) ([^;(]{1,300})")


def fix_choose_help(tree: Tree) -> tuple[int, int, list[str]]:
    """(options, options with a when-to-choose note, questions with none) over the
    questions choosing between fixes: a note is the help's "(n) ..." for choice n, not
    one only repeating its label, or a case the label ends on ("(if ...)", "(short
    term)"). Round 33, choosehelp35; issue 13."""
    options = helped = 0
    bare: list[str] = []
    for node in tree.nodes.values():
        if not isinstance(node, Question) or not FIX_QUESTION_RE.match(node.title):
            continue
        help_text = _source(node.help)
        said = help_text.partition("When to choose:")[2]
        notes = {int(m.group(1)): m.group(2) for m in _CHOOSE_NOTE_RE.finditer(said)}
        mine = 0
        for n, choice in enumerate(node.choices, 1):
            options += 1
            note = set(re.findall(r"\w+", notes.get(n, "").casefold()))
            if _LABEL_CASE_RE.search(choice.label) or (
                note and not note <= set(re.findall(r"\w+", choice.label.casefold()))
            ):
                mine += 1
        helped += mine
        if not mine:
            bare.append(f"{node.id}: {node.title}")
    return options, helped, bare


def ways_in_turn(tree: Tree) -> list[str]:
    """Alternatives ticked one after the other in one outcome: steps marked "Method 1" /
    "Method 2" (two numbers or more) that no answer tells apart, or two or more steps no
    answer tells apart under a text that says "use one of the following methods:"."""
    found: list[str] = []
    for outcome in tree.outcomes():
        free = [i for i in outcome.steps if i.when is None]
        marks = [
            (m.group(1), _source(i.template))
            for i in free
            if (m := WAY_MARK_RE.match(_source(i.template)))
        ]
        if len({n for n, _ in marks}) >= 2:
            found.extend(text[:120] for _, text in marks)
            continue
        text = _source(outcome.text).strip()
        if len(free) >= 2 and len(free) == len(outcome.steps) and WAYS_LEAD_RE.search(text):
            found.append(text[-120:])
    return found


def choose_one_ticked(tree: Tree) -> list[str]:
    """Round 32 (oneof33): a "do one of the following:" lead (`WAYS_LEAD_RE`) in an
    outcome's text or ticked as a step, with two or more steps after it that no answer
    tells apart: the alternatives are all ticked in turn ("Enable the guest account" and
    "create a matching account" and "run as system"). Wider than `ways_in_turn`, which
    reads only the outcome's text over steps that are all free."""
    found: list[str] = []
    for outcome in tree.outcomes():
        steps = list(outcome.steps)
        text = _source(outcome.text).strip()
        if WAYS_LEAD_RE.search(text) and sum(s.when is None for s in steps) >= 2:
            found.append(text[-120:])
            continue
        for n, item in enumerate(steps):
            said = _source(item.template).strip()
            if WAYS_LEAD_RE.search(said) and sum(s.when is None for s in steps[n + 1 :]) >= 2:
                found.append(said[-120:])
                break
    return found


#: A way that opens a command line ("Open an administrative Command Prompt window").
SHELL_WAY_RE = re.compile(r"\b(?:command[- ]prompt|command[- ]line|powershell|cmd\.exe)\b", re.I)
#: A step that runs the command the article shows ("Run the following command:").
RUN_COMMAND_RE = re.compile(
    r"^(?:run|type|enter|execute)\b[^.:;]{0,80}?\b(?:commands?|cmdlets?)\b", re.IGNORECASE
)
#: A step that is the other half of a way or a case: "or create a custom recipient ...",
#: "In case you have other domain controllers, then configure ...".
OTHER_HALF_RE = re.compile(
    r"^(?:or(?:\s+else)?,?\s+(?:you\s+can\s+)?[a-z]|in\s+case\s+(?!of\b)[^,]{3,160},)",
    re.IGNORECASE,
)


def alternatives_in_turn(tree: Tree) -> list[str]:
    """Alternatives inside one outcome ticked one after the other (round 30): a step no
    answer tells apart that opens with the other way ("or create ...") or a case ("In
    case X, ..."), or a command step run on every walk right after a way that opens a
    command line while the other way does not ("Use Registry Editor ..." / "Open a
    Command Prompt" then "Run the following command:")."""
    found: list[str] = []
    for outcome in tree.outcomes():
        steps = list(outcome.steps)
        for n, item in enumerate(steps):
            text = _source(item.template).strip()
            if item.when is None and OTHER_HALF_RE.match(text):
                found.append(text[:120])
            if item.when is None or n + 1 >= len(steps) or steps[n + 1].when is not None:
                continue
            said = _source(item.when)
            if said.endswith('"way_2"') and SHELL_WAY_RE.search(text):
                first = next((s for s in steps if _source(s.when) == said[:-2] + '1"'), None)
                after = _source(steps[n + 1].template)
                other = first is not None and not SHELL_WAY_RE.search(_source(first.template))
                if other and RUN_COMMAND_RE.match(after):
                    found.append(after[:120])
    return found


_CASE_TITLE_RE = re.compile(r"^does this apply:\s*(?P<case>.+?)\?$", re.IGNORECASE)


def negated_questions(tree: Tree) -> list[str]:
    """Titles of "Does this apply: X?" questions asked beside one for X negated ("a
    certificate exists?" / "no certificate exists?"): both can be answered yes, and the
    two are one question."""
    cases = [
        (node.title, found.group("case"))
        for node in tree.nodes.values()
        if isinstance(node, Question) and (found := _CASE_TITLE_RE.match(node.title))
    ]
    found: list[str] = []
    for n, (title, case) in enumerate(cases):
        if any(negated_pair(case, other) >= 0 for _, other in cases[n + 1 :]):
            found.append(title)
    return found


#: "go to step 6", "return to Step 2", "skip to step 3": a jump by the article's number,
#: which the draft's checklist does not keep.
STEP_JUMP_RE = re.compile(
    r"\b(?:go|skip|return|proceed|continue|jump|move)\s+(?:(?:directly|ahead|back|on)\s+)?"
    r"(?:to|with)\s+step\s+\d",
    re.IGNORECASE,
)


def step_jumps(tree: Tree) -> list[str]:
    """Checklist steps (text or note) that jump to a step by its number."""
    found: list[str] = []
    for outcome in tree.outcomes():
        for item in outcome.steps:
            said = f"{_source(item.template)} {_source(item.detail)}"
            if "step" in said.casefold() and STEP_JUMP_RE.search(said):
                found.append(_source(item.template)[:120])
    return found


#: Round 25 (alts25): a checklist step that opens another way to do what the steps
#: before it did, said in words the row above does not read: "Or you can stop your
#: workstation and restart it ...", "Or, use ...", "Instead, you can ...", "-or-", "For a
#: more effective method of registering applications, use ...", a lone "Method 2: Works
#: Setup:" heading, a lead "Create X for A, B, or both." ticked before its own ways; or a
#: note paragraph that is another way ("The second way is to create your own dialog
#: box ..."). Bounded runs only.
OTHER_WAY_STEP_RE = re.compile(
    r"^(?:or(?:,|\s+(?:you\s+(?:can|could|may)|else)\b)|instead,|-or-"
    r"|(?:for|as)\s+(?:a|an)\s+(?:more\s+effective|better|easier|faster|simpler|quicker|"
    r"alternative|other)\s+(?:method|way)\b"
    r"|(?:method|option|alternative|way)\s+(?:[1-9]|two|three|four)\s{0,3}[:.-]"
    r"|[^.]{3,160},\s+or\s+both\.$)",
    re.IGNORECASE,
)
OTHER_WAY_NOTE_RE = re.compile(
    r"^(?:the|a)\s+(?:second|other|third)\s+(?:way|method|option|alternative)\b,?\s+is\b"
    r"|^or(?:,|\s+you\s+(?:can|could)\b)",
    re.IGNORECASE | re.MULTILINE,
)


def other_way_steps(tree: Tree) -> list[str]:
    """Steps no answer tells apart that open another way inside one outcome (see
    OTHER_WAY_STEP_RE): not the outcome's first step, or any such step's note; the "or
    both" lead when steps follow it."""
    found: list[str] = []
    for outcome in tree.outcomes():
        steps = outcome.steps
        for k, item in enumerate(steps):
            if item.when is not None:
                continue  # asked: a way the walk shows for its answer
            text = _source(item.template)
            both = text.rstrip().endswith("or both.")
            if OTHER_WAY_STEP_RE.match(text) and (
                (k > 0 and not both) or (both and k + 1 < len(steps))
            ):
                found.append(text[:120])
            elif OTHER_WAY_NOTE_RE.search(_source(item.detail)):
                found.append(f"(note) {text[:100]}")
    return found


#: An option label counting its steps: "Method 2 (1 step)", "Resolution (5 steps) (2)".
COUNT_LABEL_RE = re.compile(r"\((?P<n>\d{1,3}) steps?\)(?: \(\d{1,3}\))?$")


def count_label_wrong(title: str, ticked: int) -> bool:
    """An outcome titled with a step count that a walk's checklist does not tick ("Method
    2 (1 step)" over two steps): a count named before later passes split the ticks."""
    found = COUNT_LABEL_RE.search(title)
    return found is not None and int(found.group("n")) != ticked


def count_labels_wrong(checklists: list[Checklist]) -> tuple[int, list[str]]:
    """(outcomes titled with a step count, the titles of those where some walk ticks
    another number of steps), each outcome once."""
    titled: set[str] = set()
    wrong: list[str] = []
    for checklist in checklists:
        title = checklist.outcome.title
        if not COUNT_LABEL_RE.search(title):
            continue
        titled.add(checklist.outcome.id)
        if title[:120] not in wrong and count_label_wrong(title, len(checklist.part("steps"))):
            wrong.append(title[:120])
    return len(titled), wrong


def alternative_steps(checklists: list[Checklist]) -> list[str]:
    """Steps (once per outcome, never the first step) that start another alternative
    inside the same checklist (see ALTERNATIVE_STEP_RE)."""
    found: list[str] = []
    for checklist in once_per_outcome(checklists):
        steps = checklist.part("steps")
        found.extend(item.text[:120] for item in steps[1:] if ALTERNATIVE_STEP_RE.match(item.text))
    return found


#: Round 35 (either35): a ticked step that offers two ways in its own text: "If CHKDSK
#: does not correct the problem, either obtain ... ScanDisk ..., or obtain a third-party
#: program", "Disable the driver manually. Do this with A or by B" (not "in either case").
EITHER_TICK_RE = re.compile(
    r"\beither\s(?!(?:case|way|of|side|one|version|on|in|at|to|by|for|from|with|the|a|an)\b)"
    r"(?-i:[a-z])(?:[^.;:]|\.(?=\w)){3,200}?,?\sor\s(?-i:[a-z])"
    r"|\bdo (?:this|so|that),? (?:with|by|using|through|via)\s[^.;]{3,200}?\sor "
    r"(?:with|by|using|through|via)\s",
    re.IGNORECASE,
)
#: An outcome led by a count of alternatives: "The following are two known solutions".
COUNTED_WAYS_RE = re.compile(
    r"\b(?:two|three|four|2|3|4) (?:known |possible |different |alternative |available )?"
    r"(?:solutions|workarounds|resolutions|ways|methods|options|fixes)\b(?![^.]{0,40}\bboth\b)",
    re.IGNORECASE,
)


def either_ticked(checklists: list[Checklist]) -> list[str]:
    """Steps (once per outcome) that tick "either A or B" as one, and outcomes led by "two
    known solutions" that tick every one of them in turn (round 35, either35)."""
    found: list[str] = []
    for checklist in once_per_outcome(checklists):
        steps = checklist.part("steps")
        found.extend(item.text[:120] for item in steps if EITHER_TICK_RE.search(item.text))
        said = checklist.outcome.text
        lead = f"{checklist.outcome.title} {said.source if said else ''}"
        if len(steps) >= 2 and COUNTED_WAYS_RE.search(lead):
            found.append(lead[:120])
    return found


# --------------------------------------------------------------------------- lost procedures

#: A numbered step at a line's start: "1. Log on ...", "  2) Click ...". Bounded, linear.
_NUMBERED_LINE_RE = re.compile(r"^[ \t]{0,12}(?P<n>\d{1,2})[.)][ \t]{1,8}(?P<text>\S[^\n]{0,400})")
#: A procedure led as something other than the fix: a repro, a check, a demonstration.
_NOT_FIX_LEAD_RE = re.compile(
    r"\b(?:reproduc|re-?creat|demonstrat|duplicat)\w{0,6}\b|\bsteps to (?:see|view)\b"
    r"|\bto (?:see|view|determine|verify|check|confirm|find out|test|observe|illustrate)\b"
    r"|\bto (?:undo|remove|uninstall|roll ?back|revert|restore)\b|\bsample\b|\bexample\b"
    r"|\bcontact\b|\bone of the following\b",
    re.IGNORECASE,
)
#: A step that points at a procedure or code it does not hold: "as shown below", "the
#: steps in the MORE INFORMATION section", "see the sample code below".
POINTING_STEP_RE = re.compile(
    r"\b(?:as )?(?:shown|described|outlined|listed|detailed)\s+below\b"
    r"|\bmore information\W{0,3}\s{1,3}section\b"
    r"|\b(?:sample|example)\s+(?:code|program|macro)\s+(?:below|in\s+the\b)"
    r"|\bsteps?\s+\d{1,2}\s+(?:through|to|thru|-)\s+\d{1,2}\s+(?:in|of)\b"
    r"|\b(?:follow|use|perform|complete)\s+(?:the\s+following|these)\s+steps\b",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"[a-z0-9]{1,40}")


def _bigrams(text: str) -> set[tuple[str, str]]:
    words = _WORD_RE.findall(text.casefold())
    return set(pairwise(words))


def numbered_procedures(text: str) -> list[tuple[str, list[str]]]:
    """(lead, first lines of its steps) of each numbered list of 2+ steps in `text`
    (1, 2, 3 ... in turn), the lead being the last non-blank line before step 1."""
    found: list[tuple[str, list[str]]] = []
    lines = text.split("\n")
    current: list[str] | None = None
    expect = 0
    lead = ""
    last_prose = ""
    for line in lines:
        match = _NUMBERED_LINE_RE.match(line)
        number = int(match.group("n")) if match else 0
        if match and number == 1:
            if current is not None and len(current) >= 2:
                found.append((lead, current))
            current, expect, lead = [match.group("text")], 2, last_prose
        elif match and current is not None and number == expect:
            current.append(match.group("text"))
            expect += 1
        elif line.strip() and not match:
            last_prose = line.strip()
    if current is not None and len(current) >= 2:
        found.append((lead, current))
    return found


def _draft_texts(tree: Tree) -> list[set[tuple[str, str]]]:
    """The word pairs of each text a walker meets: steps, verify, rollback (with their
    details), questions and notes."""
    texts: list[set[tuple[str, str]]] = []
    for node in tree.nodes.values():
        if isinstance(node, Outcome):
            for item in (*node.steps, *node.verify, *node.rollback):
                texts.append(_bigrams(_source(item.template) + " " + _source(item.detail)))
        else:
            texts.append(_bigrams(f"{node.title} {_source(node.text)}"))
            if getattr(node, "help", None) is not None:
                texts.append(_bigrams(_source(node.help)))  # type: ignore[attr-defined]
    return texts


def _step_shown(step: str, texts: list[set[tuple[str, str]]]) -> bool:
    """Half the word pairs of the step's first line are in one text of the draft."""
    pairs = _bigrams(step)
    if len(pairs) < 2:
        return True  # too short to tell
    return any(len(pairs & text) >= 0.5 * len(pairs) for text in texts)


def lost_procedures(article: Article, tree: Tree) -> list[str]:
    """Numbered procedures of a fix section, or of a section a fix outcome's steps cite,
    not led as a repro, a check or a sample, of which no step reaches the draft (the
    round-25 kind: "all seven numbered steps dropped, the checklist holds only the
    closing clean-up sentence"). Each as "SECTION: first step"."""
    fixes = [o for o in tree.outcomes() if o.id not in ("not_this_article", "read_article")]
    if not fixes:
        return []
    keys = fix_sections(article) | {section_key(i.source.section) for o in fixes for i in o.steps}
    texts = _draft_texts(tree)
    lost = []
    for section in article.sections:
        if section.key not in keys:
            continue
        text = section.text
        repro = _REPRO_LEAD_RE.search(text) if section.key == MORE_SECTION else None
        if repro:
            text = text[: repro.start()]
        for lead, steps in numbered_procedures(text):
            if _NOT_FIX_LEAD_RE.search(lead) or _NOT_FIX_LEAD_RE.search(steps[0]):
                continue
            if not any(_step_shown(step, texts) for step in steps):
                lost.append(f"{section.name}: {steps[0][:100]}")
    return lost


def pointing_steps(tree: Tree) -> list[str]:
    """Fix steps that point at a procedure or code ("as shown below", "see the MORE
    INFORMATION section for sample code") and are the last step of their checklist with
    no detail: what they point at never reaches the walker."""
    found = []
    for outcome in tree.outcomes():
        if outcome.id in ("not_this_article", "read_article") or not outcome.steps:
            continue
        last = outcome.steps[-1]
        text = _source(last.template)
        if last.detail is None and POINTING_STEP_RE.search(text):
            found.append(text[:160])
    return found
