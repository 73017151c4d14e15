"""Two or more cases written in one paragraph, each its own step (round 22, archalts22).

MS KB articles often write a step per case as sentences of one paragraph: "If the RAS
server is configured to assign addresses through DHCP, force the RAS server to obtain a
new set of leases. If the RAS server is configured with a static pool of addresses, edit
the address range to include unique addresses." Drafted as one tick, the admin was told
to do both. The paragraph is split into one step per case (a sentence after a case's own
goes with it), asked once, "Which of these applies?", each answer ticking its own step.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kbassist.drafting.option_model import Ask
from kbassist.drafting.text import short_label, split_detail, split_sentences

#: A case sentence's cheap guard: it starts with "If ".
_IF_START = re.compile(r"^if\s", re.IGNORECASE)
#: A case that goes on from the step before ("If this does not work", "If the problem
#: persists", "If it works", "If this happens"): a next step, not another case.
_GOES_ON_RE = re.compile(
    r"^(?:this|that|it|these|so|not|none|steps?|methods?|the (?:problem|issue|error|above|"
    r"previous|clean install))\b|\b(?:persists?|still|continues?|recurs?|does not work|"
    r"doesn't work|did not work|didn't work|not (?:resolved|fixed|solve)|"
    r"does not (?:solve|resolve|fix|help)|not successful|unsuccessful|prompted|you receive|"
    r"you see|you get|returns?|returned|reports?|(?:do|did) (?:this|that|so)|"
    r"(?:this|that) (?:option|step|method|change|procedure))\b",
    re.IGNORECASE,
)

#: "If X, force the server to obtain …": an action whose verb the drafter's lists lack,
#: read only beside a case sentence they do read (a bare verb, then its object).
_LOOSE_RE = re.compile(
    r"^if\s+(?P<cond>[^,.;:]{4,160}),\s+(?P<then>(?P<verb>[a-z]{3,})\s+(?:the|a|an|your|all|"
    r"each|any|it|them|this|that|these|those)\b.+)$",
    re.IGNORECASE,
)
#: Words after "If X, " that are no verb of a step ("you", "it", "there", "this").
_NOT_VERB = frozenset("you it there this that they he she we which".split())


def _loose_case(sentence: str) -> tuple[str, str] | None:
    found = _LOOSE_RE.match(sentence)
    if found is None:
        return None
    verb = found.group("verb").casefold()
    if verb in _NOT_VERB or verb.endswith(("ed", "ing", "ly", "s")):
        return None  # "If X, Word searches …", "If X, deleted items …": no imperative
    return found.group("cond").strip(), found.group("then")


#: (condition, action) of "If X, do Y" or None: the drafter's own reader of case steps.
SplitIf = Callable[[str], "tuple[str, str] | None"]


Run = tuple[str, str, str]  # (case, its steps, its sentences as written)


def _case_runs(text: str, split_if: SplitIf) -> tuple[list[str], list[Run]] | None:
    """(sentences before the first case, its cases) when the paragraph writes two or
    more different cases, each "If X, <action>.", with no statement between them; None
    otherwise."""
    sentences = split_sentences(text)
    if len(sentences) < 2:
        return None
    lead: list[str] = []
    runs: list[tuple[str, list[str], list[str]]] = []
    strict = 0  # case sentences the drafter's own reader takes
    for sentence in sentences:
        found = split_if(sentence) if _IF_START.match(sentence) else None
        strict += found is not None and bool(found[1])
        if found is None and _IF_START.match(sentence):
            found = _loose_case(sentence)
        if found is not None and found[1]:
            cond, then = found
            if _GOES_ON_RE.search(cond):
                return None  # "If the clean install does not solve it, call ...": in turn
            runs.append((cond, [then[0].upper() + then[1:]], [sentence]))
        elif _IF_START.match(sentence):
            return None  # "If the check box is selected, it is installed": a statement
        elif runs:
            runs[-1][1].append(sentence)  # "Then restart the computer.": that case's
            runs[-1][2].append(sentence)
        else:
            lead.append(sentence)
    if len(runs) < 2 or not strict or len({c.casefold() for c, _, _ in runs}) < len(runs):
        return None
    return lead, [(cond, " ".join(steps), " ".join(said)) for cond, steps, said in runs]


def _last_tail(runs: list[Run]) -> tuple[list[Run], str]:
    """The last case without the sentences after its own ("If B, do Y. Finish by clicking
    OK."): the paragraph does not say whether they are B's or every case's; done for
    every case they are never lost."""
    cond, steps, said = runs[-1]
    own = split_sentences(said)
    if len(own) < 2:
        return runs, ""
    tail = " ".join(own[1:])
    return [*runs[:-1], (cond, steps[: len(steps) - len(tail)].rstrip(), own[0])], tail


def _one_subject(runs: list[Run]) -> bool:
    """The cases name one thing each way ("If the RAS server is configured through DHCP"
    / "If the RAS server is configured with a static pool", "If you are using Windows 95"
    / "If you are using Windows 2000"): one of them is the admin's. Cases that start
    otherwise ("If you have more than one disk" / "If you don't have these files") may
    both hold: each is asked on its own."""
    leads = {" ".join(cond.casefold().split()[:2]) for cond, _, _ in runs}
    return len(leads) == 1 and not any(re.search(r"\bnot?\b|n't\b", c) for c, _, _ in runs)


def case_sentence_steps(
    items: list[str],
    asks: list[Ask],
    counter: int,
    limit: int,
    split_if: SplitIf,
    asked: dict[int, str] | None = None,
) -> tuple[list[str], dict[int, str], int]:
    """(items, when, counter): each step holding two or more "If X, do Y." sentences
    split into one step per case. Cases of one subject are asked in one "Which of these
    applies?" question ("Not sure" shows each); others stay "If X, do Y" steps, which
    the drafter asks one by one. Sentences before the cases are kept for every case.
    `asked`: steps already gated (a backup's "If you have a backup, …"): kept as they are,
    their gates moved with them."""
    out: list[str] = []
    when: dict[int, str] = {}
    for n, item in enumerate(items):
        if asked and n in asked:
            when[len(out)] = asked[n]
            out.append(item)
            continue
        text, detail = split_detail(item)
        # a listing or note under the paragraph may be either case's: left as written
        found = _case_runs(text, split_if) if text.count("If ") >= 2 and not detail else None
        if found is None:
            out.append(item)
            continue
        lead, runs = found
        runs, tail = _last_tail(runs)
        if lead:
            out.append(" ".join(lead))
        if not _one_subject(runs) or len(asks) >= limit:
            out.extend(said for _, _, said in runs)
            out.extend([tail] if tail else [])
            continue
        counter += 1
        var = f"if_{counter}"
        labels: list[str] = []
        for j, (cond, steps, _) in enumerate(runs, 1):
            labels.append(short_label(cond[0].upper() + cond[1:], 80))
            when[len(out)] = f'{var} == "case_{j}" or {var} == "unsure"'
            out.append(steps)
        out.extend([tail] if tail else [])
        asks.append(Ask.of_cases(var, "Which of these applies?", "case", labels, "Which is yours?"))
    return out, when, counter


#: "To install Microsoft Exchange Standard Edition, run the Srvmin.exe file.": a step
#: said with its purpose first.
_PURPOSE_RE = re.compile(
    r"^to (?P<verb>[a-z]{3,}) (?P<what>(?:[^,.:;]|\.(?=\d)){3,80}),\s+(?=[a-z])", re.I
)  # "Windows 3.1": a version's dot
#: "To do this", "To do so": a how, not a purpose of its own.
_NO_PURPOSE = frozenset({"do"})


def _purpose(text: str) -> tuple[str, str] | None:
    found = _PURPOSE_RE.match(" ".join(text.split()))
    if found is None or found.group("verb").casefold() in _NO_PURPOSE:
        return None
    return found.group("verb").casefold(), found.group("what")


def purpose_pairs(
    items: list[str], when: dict[int, str], asks: list[Ask], counter: int, limit: int
) -> int:
    """Adjacent steps whose purposes differ only in what they are for ("To install
    Exchange Standard Edition, run Srvmin.exe" / "To install Exchange Enterprise
    Edition, run Srvmax.exe"; "To correct this in Windows NT 3.5x, …" / "… in Windows NT
    4.0, …") are one per edition or case, of which the admin wants one: asked "Which of
    these do you want to do?" ("Not sure" shows each); returns the question counter."""
    n = 0
    while n < len(items) - 1 and len(asks) < limit:
        first = _purpose(split_detail(items[n])[0]) if n not in when else None
        if first is None:
            n += 1
            continue
        run = [n]
        whats = [first[1]]
        for m in range(n + 1, len(items)):
            other = _purpose(split_detail(items[m])[0]) if m not in when else None
            if other is None or other[0] != first[0]:
                break
            one, two = set(first[1].casefold().split()), set(other[1].casefold().split())
            if not one ^ two or len(one ^ two) > 4:
                break  # the very same purpose twice, or purposes of their own
            run.append(m)
            whats.append(other[1])
        if len(run) < 2:
            n += 1
            continue
        counter += 1
        var = f"if_{counter}"
        verb = first[0].capitalize()
        labels = [short_label(f"{verb} {what}", 80) for what in whats]
        for j, m in enumerate(run, 1):
            when[m] = f'{var} == "case_{j}" or {var} == "unsure"'
        asks.append(
            Ask.of_cases(
                var, "Which of these do you want to do?", "purpose", labels, "Which is yours?"
            )
        )
        n = run[-1] + 1
    return counter
