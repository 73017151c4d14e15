"""Cases a draft asks once, or not at all (round 14, alts14).

- A case the chosen option already states: "Method 1: Windows NT Is on a FAT Partition"
  holds the step "If Windows NT is installed on a FAT partition, boot …": asking "Does
  this apply?" there leads to the same outcome either way (only the method's own first
  step dropped on "no"), so the step is ticked unasked.
- Steps written per case, "For a drive using the FAT file system, copy …" then "For a
  drive using the NTFS file system, try replacing …": alternatives for different systems,
  asked as one "Which of these is yours?" question whose answer selects the step, not
  ticked in turn.
"""

from __future__ import annotations

import re

#: "Method 2:", "Workaround 1 -", "Resolution:": an option label's numbering, not its case.
_LABEL_HEAD_RE = re.compile(
    r"^(?:(?:method|workaround|resolution|solution|option|fix|step|case)\s*\d*\s*[:.)-]\s*)+",
    re.IGNORECASE,
)

#: Words that do not tell two cases apart ("is installed on", "you are running").
_FILLER = frozenset(
    "a an the is are be been this that these those on in of to for with your you its it"
    " installed running using run use uses has have located stored there".split()
)


_NEGATIONS = frozenset({"not", "no", "never", "longer", "without"})


def _content(text: str) -> frozenset[str]:
    """The words that name a case, plural "s" dropped, lower case."""
    words = re.findall(r"[\w.+#-]+", text.casefold())
    out = set()
    for word in words:
        word = word.strip(".-")
        if not word or word in _FILLER:
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        out.add(word)
    return frozenset(out)


def label_states_case(label: str, cond: str) -> bool:
    """True when an option's label names the very case a step's "If …" asks ("Method 1:
    Windows NT Is on a FAT Partition" / "Windows NT is installed on a FAT partition";
    "Microsoft Windows 98" / "you are using Windows 98"): the admin chose that case by
    choosing the option. The case needs two or more words; the label may add at most
    two (a vendor, "on your computer") when it is not itself an action ("Upgrade the
    Server Extensions" is the fix, not the case "the Server Extensions are installed"),
    and both say "not" alike. A label "Case: fix" is compared by its case."""
    from kbassist.drafting.options import _imperative_text

    head = _LABEL_HEAD_RE.sub("", " ".join(label.split()))
    head = re.sub(r"^(?:if|when)\s+", "", head.split(": ")[0], flags=re.IGNORECASE)
    cond = re.sub(r"^\s*(?:if|when)\s+", "", cond, flags=re.IGNORECASE)
    named, asked = _content(head), _content(cond)
    if len(asked) < 2 or len(named & _NEGATIONS) != len(asked & _NEGATIONS):
        return False
    if named == asked:
        return True
    return asked < named and len(named - asked) <= 2 and not _imperative_text(head)


#: "For a drive using the FAT file system, copy …", "For Office 2000, go to:", "For a
#: JPEG graphic, save it …": a step for one case. Not "For each …", "For example, …",
#: "For the Object, select …" (a field of a dialog box), "For more information …".
_FOR_CASE_RE = re.compile(
    r"^for\s+(?!(?:each|every|all|any|both|example|instance|more|further|details|information"
    r"|this|that|these|those|the|your|best|most|some|now|security|compatibility)\b)"
    r"(?P<what>[A-Za-z0-9][^,.:;()]{2,70}?),\s+(?P<then>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)


_FIELD_RE = re.compile(r"^(?:enter|type|fill|specify|select)\b", re.IGNORECASE)
_TRY_RE = re.compile(r"^(?:try|consider)\s+\w{3,}ing\b", re.IGNORECASE)  # "try replacing"


def for_case(text: str) -> tuple[str, str] | None:
    """(the case, its action) of "For X, do Y" whose action is an imperative; else None."""
    from kbassist.drafting.options import _imperative_text

    found = _FOR_CASE_RE.match(" ".join(text.split()))
    if found is None:
        return None
    then = found.group("then")
    then = then[0].upper() + then[1:]
    if not (_imperative_text(then) or _TRY_RE.match(then)):
        return None
    what = found.group("what").strip()
    if re.search(r"\s\d{1,2}\.\s+[A-Z]", then):
        return None  # "… utility. 6. After …, re-install Office": a step for every case
    if len(what.split()) < 2 or _FIELD_RE.match(then):
        return None  # "For username, enter your user ID": a box to fill, not a case
    return what[0].upper() + what[1:], then


def for_cases(texts: list[str]) -> list[tuple[int, str, str]]:
    """(index, case, action) of the first run of two or more adjacent "For X, do Y" steps
    naming different cases: one step per system, product or file type, of which the
    admin has one. A single "For X, do Y" is left to read as written."""
    runs: list[list[tuple[int, str, str] | None]] = [[]]
    for n, text in enumerate(texts):
        found = for_case(text)
        if found is None and not _FOR_CASE_RE.match(" ".join(text.split())):
            if runs[-1]:
                runs.append([])
            continue
        # "For public cloud providers, there is nothing to do" beside the others: a case
        # said as a statement, which the run's question could not offer (None)
        runs[-1].append((n, *found) if found else None)
    for run in runs:
        whole = [c for c in run if c is not None]
        names = {what.casefold() for _, what, _ in whole}
        if len(whole) >= 2 and len(whole) == len(run) and len(names) == len(whole):
            return whole
    return []
