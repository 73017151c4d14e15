"""Where a shortened choice label or outcome title may end: at a phrase boundary, never a
word or two into a phrase ("... (including a", "... on the print", "... that were
members"). Blind readers of seeds 80 and 82 marked such labels as cut; `short_label`
asks here before it cuts a sentence at a word.

The rules, for a sentence longer than its label's limit:
- a sentence (or the clause it opens) ending within `whole_cap` characters is kept whole;
- a cut never ends inside a parenthesis it opened: it ends before the "(";
- a cut inside a phrase (the next word a preposition, conjunction or relative pronoun,
  or its own last word one that cannot end a phrase) goes on to its clause's end when that
  is near, else backs up to the last clause boundary (before "and", "to", "when", ...).
"""

from __future__ import annotations

import re

#: A label this long may stay whole when that ends its sentence or clause: short enough
#: to read as a choice (the drafter's labels never pass MAX_LABEL_CHARS, 100).
WHOLE_LABEL_CHARS = 90
#: The longest a label kept whole past its limit may be.
MAX_KEPT_CHARS = 100
#: How far past its limit a label may go to end its clause.
MAX_OVERRUN = 30

#: Words that go on a phrase when they come next ("... on the print" + " queue" is not
#: it; "... that were members" + " in the given collection" is): the words the article's
#: sentence goes on with when the label stopped a phrase short.
_GOES_ON = frozenset(
    "to of for with by from in on at into onto as than like and or that which whose"
    " who whom where".split()
)
#: Words a phrase does not end on ("... the Windows", "... (including a", "... or").
_OPEN_END = frozenset(
    "a an the and or but nor to of in on at for with by from as if that which who whose"
    " than then is are was were be being been your its their this these those not no my our"
    " may might can will would could should must able you instead into onto about via per"
    " through between within without each every any such like including under over"
    " whether because since so when while after before until unless why how have has had"
    " do does did".split()
)
#: A clause ends here: a comma, semicolon or colon, a spaced dash (the text after it
#: is the next clause).
_CLAUSE_END_RE = re.compile(r"[,;:]\s|\s[-\u2013\u2014]\s")
#: A word that opens a clause: a label may end just before it ("Use the RAS modem
#: autodetection feature" + " and select ..."; "... go to all resources" + " that were
#: members in ..."). Not "to", "by", "or": "fill due to", "equal to or greater".
_CLAUSE_OPEN_RE = re.compile(
    r"\s(?:and|but|when|whenever|if|because|so that|until|unless|after|before|while|where"
    r"|which|that|who|then)\s"
)
#: After a comma, more items of a list: "CompuServe" + ", America Online, or the ...",
#: ", or the Diamond BBS" (not ", and then", the next step).
_LIST_ON_RE = re.compile(r"^,\s+[^,.;:]{1,30},?\s+(?:and|or)\s(?!then\b)")
#: Words that open a noun phrase: a cut a word or two after one is inside it ("on the
#: print" + " queue", "select the Hayes" + " Optima 14400 modem").
_NP_OPEN = frozenset(
    "a an the this these that those your its their his her our my some any each every"
    " of on in at for to with by from into onto under over".split()
)


#: After a comma, a list's next item and its comma before the last ("Typical" + ",
#: Custom/Complete, or Laptop ..."): the list goes on, so the comma ends no clause (not
#: ", at or near line 27", an "or" inside a phrase).
_LIST_ITEM_RE = re.compile(r"^,\s+[^,.;:]{1,30},\s+(?:and|or)\s(?!then\b)")
#: After a list's items, the comma before its last one: ", or Laptop ...".
_LIST_LAST_RE = re.compile(r"^,\s+(?:and|or)\s(?!then\b)")


def list_goes_on(rest: str, in_list: bool = False) -> bool:
    """Whether `rest`, after a comma, names more items of a list the comma is inside
    (`in_list`: an earlier comma of the same sentence was one, so ", or X" is its last)."""
    return bool(_LIST_ITEM_RE.match(rest) or (in_list and _LIST_LAST_RE.match(rest)))


def _last_word(text: str) -> str:
    words = text.split()
    return words[-1].casefold().strip("\"'`,;:") if words else ""


def _next_word(rest: str) -> str:
    words = rest.split(None, 1)
    return words[0].casefold() if words and rest[:1].isspace() else ""


def open_paren(text: str) -> int:
    """Where the last "(" that `text` does not close opens, or -1."""
    depth = 0
    for at in range(len(text) - 1, -1, -1):
        if text[at] == ")":
            depth += 1
        elif text[at] == "(":
            if depth == 0:
                return at
            depth -= 1
    return -1


def _noun_goes_on(head: str, rest: str) -> bool:
    """Whether `rest` goes on the noun phrase `head` ends inside: a noun phrase opened in
    its last three words, and the next word no function word ("the print" + " queue")."""
    nxt = _next_word(rest)
    if not nxt or not nxt[:1].isalnum() or nxt in _GOES_ON or nxt in _OPEN_END:
        return False
    return any(word.casefold() in _NP_OPEN for word in head.split()[-3:])


def mid_phrase(head: str, rest: str) -> bool:
    """Whether `head`, followed in its sentence by `rest`, stops a phrase short: its last
    word cannot end one, the next word goes on with it, more items of its list follow, it
    leaves a parenthesis open, or it is a word or two into a noun phrase."""
    if not rest.strip():
        return False
    return (
        _last_word(head) in _OPEN_END
        or _next_word(rest) in _GOES_ON
        or _next_word(rest) in ("a", "an", "the")  # "... or uncompress" + " a drive"
        or bool(_LIST_ON_RE.match(rest))
        or open_paren(head) != -1
        or _noun_goes_on(head, rest)
    )


def _noun_end(text: str, start: int, cap: int) -> int:
    """Where the noun phrase going on at `start` ends (before the next function word,
    clause mark or parenthesis), when that is at most `cap`; -1 when further."""
    at = start
    for match in re.finditer(r"\S+", text[start : cap + 1]):
        word = match.group().casefold()
        if word in _GOES_ON or word in _OPEN_END or not word[:1].isalnum():
            break
        at = start + match.end()
        if word[-1:] in ",;:" or at > cap:
            break
    if at == start or at > cap or at >= len(text) + 1:
        return -1
    if at < len(text) and text[at - 1 : at] not in ",;:" and text[at : at + 1].isalnum():
        return -1  # the window ended mid-word
    return at


#: A sentence that ends pointing at what follows ("... terminated with the following
#: error", "... as follows"): the point is elsewhere, so it is not kept whole for its length.
_POINTER_END_RE = re.compile(r"\b(?:following(?:\s+\w+){0,2}|as follows|these steps)$", re.I)


def points_on(text: str) -> bool:
    """Whether `text` ends pointing at what follows it ("... with the following error")."""
    return bool(_POINTER_END_RE.search(text))


def keep_whole(text: str, limit: int) -> bool:
    """Whether a sentence over `limit` is kept whole as its label: it ends near the limit
    (a long label: over the 60 characters that callers such as a heading's "is it short"
    test rely on) and does not end pointing at what follows."""
    return limit > 60 and len(text) <= whole_cap(limit) and not _POINTER_END_RE.search(text)


def whole_cap(limit: int) -> int:
    """How long a label shortened to `limit` may be kept whole to end its sentence."""
    return min(max(limit, WHOLE_LABEL_CHARS), MAX_KEPT_CHARS)


def clause_end(text: str, start: int, cap: int) -> int:
    """Where the clause going on at `start` ends (a clause mark that no list goes on
    after, else the sentence's end), when that is at most `cap`; -1 when further."""
    for match in _CLAUSE_END_RE.finditer(text, start):
        if match.start() > cap:
            return -1
        if match.start() > start and not _LIST_ON_RE.match(text[match.start() :]):
            return match.start() if open_paren(text[: match.start()]) == -1 else -1
    return len(text) if len(text) <= cap else -1


#: A restrictive relative clause's opener: no comma before it ("packages that are
#: failing", not "packages, which ...").
_RELATIVE_RE = re.compile(r"\s(?:that|which|who)\s")


#: Verbs whose "that" opens what they say, not a relative clause ("... indicates that").
_SAYING_VERBS = frozenset(
    "indicates indicate states state says say means mean shows show ensure ensures verify"
    " confirms confirm specifies specify determine determines notes note so such sure"
    " recommend recommends recommended confirmed assume assumes assumed require requires"
    " required suggest suggests suggested believe think know found".split()
)
#: A last word that needs what the article goes on with when that is a preposition or
#: "than": a participle or adjective ("that is built" + " into", "that are compatible"
#: + " with", "lines longer" + " than"), not an "-ing" verb ("that are failing" + " with").
_NEEDS_MORE_RE = re.compile(r"(?:ed|er|ble|ly|ware|ilt|de|wn|ne|ten|nt)$")
_NEEDS_MORE = frozenset("set run part due able unable similar equal prior".split())
#: Words that go on with a subject's predicate: a relative clause kept before one leaves
#: its sentence's verb out ("Version 3.6 of X that works with 3.51" + " does not allow").
_PREDICATE_WORDS = frozenset(
    "is are was were may might can cannot could will would should must has have had does"
    " do did".split()
)


def _be_short(clause: list[str], nxt: str) -> bool:
    """Whether a relative clause is only "that is contained" / "that were members" before
    the preposition it needs (" in the given collection"): it says no more than the noun."""
    return (
        len(clause) == 3
        and clause[1].casefold() in ("is", "are", "was", "were")
        and clause[2].casefold().endswith(("ed", "s"))
        and nxt in _GOES_ON
    )


def relative_cut(text: str, cut: str, at: int, limit: int) -> str:
    """`cut` keeping the restrictive relative clause opening at `at`, rather than backed
    up before it, or "": the clause says which things are meant ("SSIS packages" is not
    "SSIS packages that are failing"; seed-84 readers marked such labels). Kept, with
    the words no phrase ends on dropped from its end, when the label stays within
    WHOLE_LABEL_CHARS (a label of 60 or fewer characters within its limit), the clause
    keeps its verb (two words after the opener) and ends no phrase short but before a
    preposition ("... that are failing" + " with OLE DB ..." ends its clause's core)."""
    if not _RELATIVE_RE.match(cut, at) or cut[:at].endswith(","):
        return ""
    if _last_word(cut[:at]) in _SAYING_VERBS:
        return ""  # "... indicates" + " that the time setting ...": what it says, no relative
    words = cut.split(" ")
    opener_words = len(cut[:at].split(" "))  # the words up to and including the opener
    while len(words) > opener_words + 2 and _last_word(words[-1]) in _OPEN_END:
        words.pop()
    kept = " ".join(words)
    rest = text[len(kept) :]
    if len(kept[at:].split()) < 3 or open_paren(kept) != -1:
        return ""
    if len(kept) > (WHOLE_LABEL_CHARS if limit > 60 else limit):
        return ""
    if (
        _last_word(kept) in _OPEN_END
        or _noun_goes_on(kept, rest)
        or _next_word(rest) in ("a", "an", "the", "and", "or")
        or _next_word(rest) in _PREDICATE_WORDS  # "Version 3.6 that works" + " does not"
        or _be_short(kept[at:].split(), _next_word(rest))
        or (
            (_next_word(rest) in _GOES_ON or _next_word(rest) == "than")
            and (_last_word(kept) in _NEEDS_MORE or bool(_NEEDS_MORE_RE.search(_last_word(kept))))
        )
        or _LIST_ON_RE.match(rest)
    ):
        return ""
    return kept


def phrase_cut(text: str, cut: str, limit: int) -> str:
    """`cut` (whole words of `text`, at most `limit` characters) ending at a phrase
    boundary: before a "(" it leaves open; when mid-phrase, on to its clause's end within
    the cap, else back to its last clause boundary at half the limit or more; `cut` as it
    is when none is found (a run of words with no boundary)."""
    paren = open_paren(cut)
    if paren >= 12:
        cut = cut[:paren].rstrip(" ,;:-")
    elif paren != -1:
        close = text.find(")", paren)
        if close != -1 and close + 1 <= whole_cap(limit):
            cut = text[: close + 1]  # "Error 4096 (or 4097)": the aside is short
    if not mid_phrase(cut, text[len(cut) :]):
        return cut
    # a label of 60 or fewer characters stays within its limit (callers test its length)
    cap = max(limit, min(limit + MAX_OVERRUN, MAX_KEPT_CHARS)) if limit > 60 else limit
    end = clause_end(text, len(cut), cap)
    if end != -1 and not _POINTER_END_RE.search(text[:end].rstrip(" ,;:-")):
        return text[:end].rstrip(" ,;:-")
    rest = text[len(cut) :]
    if _noun_goes_on(cut, rest):
        end = _noun_end(text, len(cut), cap)
        if end != -1:
            return text[:end].rstrip(" ,;:-")  # "... than the actual" + " value"
    floor = max(12, limit // 2)
    for match in reversed(list(_CLAUSE_OPEN_RE.finditer(cut))):
        head = cut[: match.start()].rstrip(" ,;:-")
        if len(head) < floor:
            break
        if kept := relative_cut(text, cut, match.start(), limit):
            return kept  # "... the Dataflow Tasks that are failing" (+ " with OLE DB ...")
        if _last_word(head) not in _OPEN_END and open_paren(head) == -1:
            return head
    words = cut.split(" ")
    while len(words) > 3 and _last_word(words[-1]) in _OPEN_END:
        words.pop()  # "... cannot continue because" + " of the following error"
    return " ".join(words).rstrip(" ,;:-")
