"""Which Diagnosis check points to which runbook fix (round 33, runbook34).

Readers (seed 90) marked runbook walks whose every fix re-ran the same first Diagnosis
checks as its verify ("Find the ServiceAccount" after removing a NetworkPolicy), and a
fixes question titled "Which fix do the Diagnosis checks point to?" where the Diagnosis
only opens the PVC list and points to no fix in particular. A check points to a fix when
the words that name the fix ("NetworkPolicy", "ClusterRoleBinding", "disk"), and that do
not name the alert's subject itself (words of its title and Meaning), are in the check's
own words or its sub-heading. Two uses:

- `pointed_checks`: a fix's verify re-runs the checks that point to it; a check that
  points to no fix serves every fix; a check that points to another fix serves none.
- `diagnosis_points`: the Diagnosis points to fixes only when it names what tells two of
  them apart; else the question asks which fix fits the situation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from kbassist.articles import Article
from kbassist.drafting.text import split_camel

#: A word of a name: letters, digits, inner dots and dashes ("openshift-monitoring").
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9]{0,60}(?:[.-][A-Za-z0-9]{1,60}){0,6}")
#: A Markdown sub-heading line.
_HEADING_RE = re.compile(r"^#{2,6}[ \t]+(?P<name>[^\n]{1,300})$", re.MULTILINE)
#: Words that say what happens, not what: no fix is told apart by them.
_COMMON = frozenset(
    """
    command commands exactly name names placeholder possible replace try variable
    all and any are but can did for get got has how its may new not now one out own run
    see set the too two use was way who why yes you
    about above after again alert alerts also another available because before being
    fire fired fires firing
    below between both cause caused causes causing check checks cluster could does done
    each either ensure error errors every failed failing fails find first following from
    given have here higher however incorrect increase investigate issue issues large
    larger less like look lower make many mitigation missing more most much need needs
    none only other over problem problems reduce remove required resolve review running
    should show shows some such than that their them then there these they this those
    through under until using verify what when where which while will with within would
    your
    """.split()
)


def _stem(word: str) -> str:
    """A word folded for matching: lower case, a plural's ending off."""
    word = word.lower()
    if len(word) > 5 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text: str) -> set[str]:
    """The content words of `text`, folded; short and common words left out."""
    out = set()
    for found in _WORD_RE.finditer(text):
        word = _stem(found.group(0))
        if len(word) >= 3 and word not in _COMMON:
            out.add(word)
    return out


def subject_words(article: Article) -> set[str]:
    """Words naming the alert's subject: its title and Meaning, which every fix shares."""
    said = [article.title, article.id]
    said += [s.text for s in article.sections if s.key == "meaning"]
    split = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", f"{article.title} {article.id}")
    return words(" ".join([*said, split]))


def _heading_before(article: Article, line: str) -> str:
    """The Diagnosis sub-heading under which `line` (a command) is written; "" if none."""
    if len(line) < 6:
        return ""
    for section in article.sections:
        if section.role != "diagnosis":
            continue
        at = section.text.find(line)
        if at < 0:
            continue
        heads = list(_HEADING_RE.finditer(section.text, 0, at))
        return heads[-1].group("name") if heads else ""
    return ""


def check_words(article: Article, text: str, detail: str) -> set[str]:
    """What a Diagnosis check is about: its own words and its sub-heading's (not its
    command's arguments, which name namespaces and pods every check shares)."""
    first = next((ln.strip() for ln in detail.splitlines() if ln.strip()), "")
    first = first.removeprefix("$").strip().replace("{{", "{").replace("}}", "}")
    return words(f"{text} {_heading_before(article, first)}")


def fix_words(label: str, subject: set[str]) -> set[str]:
    """The words that name a fix: its label's, less the alert's subject."""
    return words(label) - subject


def per_fix(
    article: Article, titles: Sequence[str], checks: Sequence[Sequence[dict[str, Any]]]
) -> list[list[dict[str, Any]]]:
    """Each outcome's Diagnosis checks to re-run (`checks`, its candidates, with `titles`):
    the ones that point to its fix when the outcomes share the same checks and some
    check points to one fix; else its candidates as they are."""
    kept = [list(c) for c in checks]
    texts = {tuple(str(s["text"]) for s in c) for c in checks}
    if len(checks) < 2 or len(texts) != 1 or len(checks[0]) < 2:  # one check: every fix's
        return kept
    subject = subject_words(article)
    fixes = [fix_words(t, subject) for t in titles]
    said = [check_words(article, str(s["text"]), str(s.get("detail", ""))) for s in checks[0]]
    chosen = pointed_checks(fixes, said)
    if chosen is None:
        return kept
    return [[c[i] for i in picks] for c, picks in zip(checks, chosen, strict=True)]


def pointed_checks(fixes: Sequence[set[str]], checks: Sequence[set[str]]) -> list[list[int]] | None:
    """For each fix (its words), the indexes of the checks that point to it, else those
    that point to no fix; None when no check points to any single fix (nothing to tell
    apart: every fix keeps the checks it had)."""
    distinct: list[set[str]] = []
    for n, own in enumerate(fixes):
        others = set().union(*(f for m, f in enumerate(fixes) if m != n))
        distinct.append(own - others)
    points = [{n for n, d in enumerate(distinct) if d & check} for check in checks]
    if not any(len(p) == 1 for p in points):
        return None
    out: list[list[int]] = []
    for n in range(len(fixes)):
        mine = [c for c, p in enumerate(points) if n in p and len(p) < len(fixes)]
        out.append(mine or [c for c, p in enumerate(points) if not p])
    return out


def diagnosis_points(article: Article, labels: Sequence[str]) -> bool:
    """Whether the Diagnosis names what tells at least two of the fixes (their labels)
    apart, so that its checks point to one: words of a fix, not of the alert's subject
    nor of the other fixes, found in the Diagnosis (a camelCase name's parts too: a check
    of `workloadUpdateMethods` names the "automated workload updates" fix, rbdiag41)."""
    diagnosis = " ".join(s.text for s in article.sections if s.role == "diagnosis")
    said = words(diagnosis) | words(split_camel(diagnosis))
    subject = subject_words(article)
    own = [fix_words(label, subject) for label in labels]
    told = 0
    for n, mine in enumerate(own):
        others = set().union(*(o for m, o in enumerate(own) if m != n))
        if (mine - others) & said:
            told += 1
    return told >= 2


#: Marks the fixes question whose Diagnosis tells no fix apart, until `situation_asked`.
SITUATION_KEY = "_situation"
SITUATION_TITLE = "Which fix fits your situation?"
DIAGNOSIS_TITLE = "Which fix do the Diagnosis checks point to?"
SITUATION_TEXT = (
    "The Diagnosis checks show the problem but do not point to one of these fixes. "
    "Which fits your situation?"
)


def situation_asked(tree: dict[str, Any]) -> None:
    """Word the marked fixes question as a choice by situation, once every pass that
    orders the checks by its Diagnosis title has run; the mark is taken off."""
    for node in tree["nodes"]:
        marked = node.pop(SITUATION_KEY, None)
        # a pass that asked something else ("Can you scale up the cluster here?") keeps it
        if marked and node["kind"] == "question" and node.get("title") == DIAGNOSIS_TITLE:
            node["title"], node["text"] = SITUATION_TITLE, SITUATION_TEXT
