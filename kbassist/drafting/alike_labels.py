"""Sibling choice labels that read alike, relabelled by where their texts differ.

"Named Pipes > A connection was successfully established with the server" and "TCP > A
connection was successfully established with the server": each message cut at its first
clause, before the only words that differ ("... No process on the other end of the pipe" /
"... forcibly closed by remote host 10054"). "Rename the Mspst32.dll file" twice (then
reinstall Outlook 98 / then copy the file from a working computer) and "(2)" after the
second tell the admin nothing. A label that reads like a sibling's is said to where its
text differs: the whole of it when that is short, else its heading and "..." before the
words that differ. Labels that already differ are kept.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from kbassist.drafting.text import clean, short_label, split_sentences, step_text

if TYPE_CHECKING:
    from kbassist.drafting.option_model import Option

#: "Named Pipes > A connection ...": a heading the drafter put before a message.
_HEAD_SEP = " > "
#: The article's own elision inside a message ("function: sbpa4snd [...]").
_ELISION_RE = re.compile(r"(?<!\s)\s*\[(?:\.\.\.|\u2026)\]")
#: What a word is compared by: its letters and digits ("directory," is "directory").
_WORD_EDGE_RE = re.compile(r"^\W+|\W+$")
#: The most labels of one group told apart by where their texts differ: each is compared
#: with every other (900 alike steps of a pasted procedure: 6 s), so a larger group keeps
#: its labels. A bound on the work, not a reading rule: no article of the corpora comes
#: near it (the largest group in a fifth of the archive and every runbook: 4).
MAX_ALIKE = 50
#: A label's shared start kept before "..." when nothing names the message (chars).
_LEAD_CHARS = 32
#: How far past the limit a label may run to say its differing sentence whole.
_WHOLE_OVERRUN = 20
#: Fewer characters than this left for the differing words: no room to say them.
_MIN_REST = 16


@lru_cache(maxsize=8192)
def _key(word: str) -> str:
    """Cached: each label's words are compared with every alike sibling's (500 alike
    steps asked it 1.3 million times, 3 s)."""
    return _WORD_EDGE_RE.sub("", word).casefold()


def _split_head(text: str) -> tuple[str, str]:
    """("Named Pipes", "A connection ...") for a headed message; ("", text) otherwise."""
    head, sep, body = text.partition(_HEAD_SEP)
    return (head.strip(), body.strip()) if sep and 0 < len(head) <= 60 else ("", text)


def _words(text: str) -> list[str]:
    return list(_text_words(text))


@lru_cache(maxsize=1024)
def _text_words(text: str) -> tuple[str, ...]:
    """Cached: each of n alike texts is split again as a rival of the n - 1 others."""
    return tuple(clean(_ELISION_RE.sub("", text)).split())


def _shared_start(one: list[str], other: list[str]) -> int:
    n = 0
    for word, rival in zip(one, other, strict=False):
        if _key(word) != _key(rival):
            break
        n += 1
    return n


def _shared_end(one: list[str], other: list[str]) -> int:
    n = 0
    for word, rival in zip(reversed(one), reversed(other), strict=False):
        if _key(word) != _key(rival):
            break
        n += 1
    return n


def _trimmed(text: str) -> str:
    """The differing words without a bracket or quote left open by the cut around them."""
    text = text.strip(" ,;:-")
    for quote in "\"'":
        if text.count(quote) % 2 and (text.startswith(quote) or text.endswith(quote)):
            # "CLEANUP'" of "... named '[drive]: CLEANUP'": the quote opened before the cut
            text = text[1:] if text.startswith(quote) else text[:-1]
    for opens, closes in ("()", "[]"):
        while text.endswith(closes) and text.count(closes) > text.count(opens):
            text = text[:-1].rstrip()
        while text.startswith(opens) and text.count(opens) > text.count(closes):
            text = text[1:].lstrip()
    return text.strip(" ,;:-")


def _said_in(label: str, text: str) -> bool:
    """Whether the label's words (after its heading) are words of `text`, in order."""
    wanted = [_key(w) for w in _words(_split_head(label)[1])]
    words = [_key(w) for w in _words(text)]
    if not wanted:
        return False
    return any(words[k : k + len(wanted)] == wanted for k in range(len(words) - len(wanted) + 1))


#: Where a phrase cut by length can end sooner and whole: before a relative clause or a
#: "but" clause ("from a working computer" + " that has the same ...").
_CLAUSE_START_RE = re.compile(r"\s(?:that|which|who|whose|where|so that|because|but)\s")


#: A preposition whose object the cut leaves one word of ("... buffering mode for
#: individual" + " forms"): the phrase ends before it.
_STRANDED_RE = re.compile(r"\s(?:for|of|in|on|at|to|from|with|by|into|under)\s+[a-z][a-z-]*$")


def _whole_phrase(said: str, rest: str) -> str:
    """`said`, cut by length from `rest`, ended before the clause it breaks off in."""
    if len(said) >= len(rest.rstrip(" .")):
        return said
    ends = [m.start() for m in _CLAUSE_START_RE.finditer(said)]
    said = said[: ends[-1]].rstrip(" ,;:") if ends and " " in said[: ends[-1]] else said
    stranded = _STRANDED_RE.search(said)
    said = said[: stranded.start()] if stranded and " " in said[: stranded.start()] else said
    if said.count('"') % 2 and " " in said[: said.rindex('"')].strip():
        said = said[: said.rindex('"')].rstrip(" ,;:")  # not 'error "An instance'
    return said


def _opens(label: str, text: str) -> bool:
    """Whether `text` begins with the label's words."""
    wanted = [_key(w) for w in _words(label)]
    return bool(wanted) and [_key(w) for w in _words(text)[: len(wanted)]] == wanted


#: Words a differing phrase starts before: "The" of "The handle is invalid" is shared with
#: "The certificate chain ..." but belongs to the words that differ.
_PHRASE_OPENERS = frozenset({"the", "a", "an", "this", "these", "that", "those", "no", "not"})


def phrase_start(words: list[str], start: int) -> int:
    """The first differing word `start`, moved back over a shared "The"/"a" that opens
    the differing phrase."""
    while start > 0 and _key(words[start - 1]) in _PHRASE_OPENERS:
        start -= 1
    return start


def differing_words(words: list[str], start: int, others: list[list[str]]) -> str:
    """`words` from `start` to where they meet every text in `others` again at the end
    (") Contoso Gateway, Error: 502."), without a bracket the cut leaves open."""
    end = max((_shared_end(words[start:], w[start:]) for w in others), default=0)
    end = min(end, len(words) - start - 1)
    return _trimmed(" ".join(words[start : len(words) - end]))


def _differing(full: str, others: list[str], limit: int) -> str:
    """A label for `full` that says where it differs from every text in `others`; ""
    when nothing in it differs (the same text, or the start of another) or it cannot be
    said within `limit`."""
    head, body = _split_head(full)
    words = _words(body)
    rivals = [_words(_split_head(o)[1]) for o in others]
    start = max(_shared_start(words, w) for w in rivals)
    if start >= len(words):
        return ""
    start = phrase_start(words, start)
    # the words after the shared start, up to the end they share ("... Error: 233.")
    rest = differing_words(words, start, rivals)
    shared = " ".join(words[:start])
    named = f"{head}{_HEAD_SEP}" if head else ""
    budget = limit - len(named) - len(shared) - 1
    if rest and budget >= _MIN_REST:
        # said whole to its sentence's end when that fits, a little over `limit` if need
        # be ("__pRawDllMain already defined in <projname>.obj"), else to `limit`
        whole = _trimmed(" ".join(words[start:]))
        sentences = split_sentences(whole)
        first = sentences[0].rstrip(" .:") if sentences else ""
        said = first if 0 < len(first) <= budget + _WHOLE_OVERRUN else ""
        room = limit + (_WHOLE_OVERRUN if said else 0)
        said = said or _whole_phrase(short_label(whole, budget), whole)
        if said and len(named) + len(shared) + 1 + len(said) <= room:
            return f"{named}{shared} {said}".strip()
    lead = "" if head else _lead(shared.rstrip(" ,;:(-"))
    budget = limit - len(named) - len(lead) - 4
    if not rest or budget < _MIN_REST:
        return ""
    said = _whole_phrase(short_label(rest, budget), rest)
    if not said or len(said) > budget:
        return ""
    return f"{named}{lead}... {said}".strip()


def _lead(shared: str) -> str:
    """The shared start's first words, to `_LEAD_CHARS`, so the label still says what it is."""
    if len(shared) <= _LEAD_CHARS:
        return f"{shared} " if shared else ""
    cut = shared[: _LEAD_CHARS + 1].rsplit(" ", 1)[0].rstrip(" ,;:(-")
    return f"{cut} " if cut else ""


def alike_key(label: str) -> str:
    """What two labels that read alike share: the label after its heading, casefolded."""
    return " ".join(_key(w) for w in _words(_split_head(label)[1]))


def told_by_difference(labels: list[str], fulls: list[str], limit: int = 80) -> list[str]:
    """`labels`, each that reads like a sibling's (the same words after its heading)
    relabelled by where the text it stands for (`fulls`, in the same order) differs from
    theirs; a label whose text differs nowhere, or is not the text's own words, is kept,
    and so is any new label that would read like another."""
    groups: dict[str, list[int]] = {}
    for n, label in enumerate(labels):
        if key := alike_key(label):
            groups.setdefault(key, []).append(n)
    out = list(labels)
    for members in groups.values():
        if not 2 <= len(members) <= MAX_ALIKE or not all(
            _said_in(labels[n], fulls[n]) for n in members
        ):
            continue
        for n in members:
            others = [fulls[k] for k in members if k != n]
            said = _differing(fulls[n], others, limit)
            if said and said.casefold() not in {o.casefold() for o in out}:
                out[n] = said
    # "In the form designer" beside "In the form designer, set the form's BufferMode
    # property to 2": the cut one said to where its text differs, the other kept
    keys = [alike_key(label) for label in labels]
    for n, key in enumerate(keys):
        longer = [fulls[k] for k, other in enumerate(keys) if other.startswith(f"{key} ")]
        if not key or not longer or out[n] != labels[n] or not _said_in(labels[n], fulls[n]):
            continue
        said = _differing(fulls[n], longer, limit)
        if said and said.casefold() not in {o.casefold() for o in out}:
            out[n] = said
    return out


def _option_text(label: str, lead: str, steps: list[str]) -> str:
    """What an option's label stands for: its lead when the lead says the label ("Error
    message 2: 18805/18836 LogReader ..."), else its steps in turn ("Rename the file,
    then reinstall Outlook 98")."""
    if lead and _said_in(label, lead):
        return lead
    if not steps or not _opens(label, steps[0]):
        return ""  # a label not drawn from the first step: what it stands for is unknown
    from kbassist.drafting.options import _is_action

    said = []
    for n, step in enumerate(s.strip().rstrip(".") for s in steps):
        if n and _is_action(step) and step[:1].isupper() and step[1:2].islower():
            step = step[:1].lower() + step[1:]  # "then reinstall", not "then Reinstall"
        said.append(step)
    return ", then ".join(said)


def options_told_apart(options: list[Option], bases: list[str], limit: int = 80) -> None:
    """Relabel the options whose labels (`bases`, before any "(2)") read alike by where
    their leads or steps differ; the others, and any that differ nowhere, keep theirs."""
    keys = [alike_key(b) for b in bases]
    if not any(k and o.startswith(k) for n, k in enumerate(keys) for o in keys[n + 1 :] + keys[:n]):
        return  # the usual case: no label the same as, or the start of, another
    fulls = [
        _option_text(base, o.lead, [step_text(i) for i in o.items])
        for base, o in zip(bases, options, strict=True)
    ]
    said = told_by_difference(bases, fulls, limit)
    taken = {o.label.casefold() for o in options}
    for option, base, new in zip(options, bases, said, strict=True):
        if new != base and new.casefold() not in taken:
            taken.add(new.casefold())
            option.label = new
