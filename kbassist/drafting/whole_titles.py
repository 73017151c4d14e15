"""Fix titles that end where the article's phrase ends, never inside it.

An admin picks a fix by its title, so a title cut inside its phrase misleads: "No fix:
Microsoft has confirmed this to be a problem in version 4.0" (of which product?),
"Resolution: Modify the Protocol.ini file and ensure" (ensure what?), "Resolution:
Microsoft network clients" (the subject of "... will need to wait for the netlogon
services to restart"). Earlier stages cut a long sentence at a length or at a connective;
this last pass reads the article where the title was taken from and, when the title stops
where its sentence goes on inside a phrase (a function word or more items of a list follow
it, it ends on "the", "such", "and", or it is a case clause the sentence goes on after
with its comma), names it again:

- a subject the sentence says must act ("Microsoft network clients that ... will need to
  wait for X", "Exchange administrators should verify that Y") by that action ("Wait for
  X", "Verify that Y");
- else the title goes on to the next clause boundary (a comma, a colon, the sentence's
  end, or a clause of its own: "when", "if", "because", "so that", "using", ...) when that
  is near;
- else it goes back to the last such boundary, keeping at least three words.

Nothing is made up: every title is the article's words from where the title started (or
the acting clause's verb on). A title the article does not hold is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from kbassist.drafting.labels import _PREFIX_RE, _balance, _found

#: The longest title body this pass writes: past it the title is a paragraph.
LIMIT = 120
#: How much of the sentence after a title is read for a boundary.
MAX_READ = 400

#: Words a phrase does not end on (those bench/draft_metrics.py counts as a cut).
_OPEN_END_RE = re.compile(
    r"(?<![\w-])(?:a|an|the|to|of|for|with|by|from|in|on|at|into|onto|as|than|like|and|or|but"
    r"|nor|that|which|whose|who|is|are|was|were|be|such|your|its|their|this|these|those|very"
    r"|ensure|verify|indicating|between|through|via|without|within|about|per|during|whether"
    r"|using|if|when|while)$",
    re.IGNORECASE,
)
#: The sentence goes on inside the title's phrase: a function word ("... in version 4.0"
#: + " of Microsoft Exchange") or more items of its list (", Calculator, and Edge").
_GOES_ON_RE = re.compile(
    r"^(?:\s(?:to|of|for|with|by|from|in|on|at|into|as|than|like|and|or|that|which|whose)\b"
    r"|,\s+[^,.;:]{1,30},?\s+(?:and|or)\s)",
)
#: A case or scene clause: whole only with the clause its comma leads to.
_SCENE_RE = re.compile(
    r"^(?:if|when|whenever|after|before|because|while|although|though|even though|since|once"
    r"|unless|until|to)\b",
    re.IGNORECASE,
)
#: Where a clause ends inside a sentence: a comma, semicolon or colon, the sentence's end,
#: or before a clause of its own ("... when X", "... so that Y", "... using Z").
_BOUNDARY_RE = re.compile(
    r"[,;:](?=\s)|[.!?](?=\s|$)|\Z|\s(?=(?:when|whenever|if|because|so that|so|before|after|until"
    r"|unless|while|where|since|although|though|but|then|except|instead of|without|prior to"
    r"|otherwise)\s)"
)
#: A pointer at what follows: a title never goes on into one.
_POINTER_RE = re.compile(r"\b(?:following|as follows|these steps|below)\b", re.IGNORECASE)
#: What only points on: "... as follows:", "... for the following lines".
_POINTER_ON_RE = re.compile(r"^,?\s(?:as follows|\w+\s+(?:the|these)\s+following)\b", re.I)
#: A clause that goes on to the next action: ", and then ...", ", then ...".
_THEN_RE = re.compile(
    r"^(?:(?:and\s+)?then|see|refer|for (?:more|additional|example|details)|e\.g)\b",
    re.IGNORECASE,
)
#: "X that ... will need to wait for Y", "Exchange administrators should verify Z": the
#: subject, then what it must do (no comma before the modal: not a case clause's subject).
_MODAL_RE = re.compile(
    r"^(?P<subj>[A-Z][^,.;:!?]{2,160}?)\s+(?:will need to|will have to|need to|needs to|must"
    r"|should|has to|have to)\s+(?:first\s+|also\s+|then\s+)?(?P<act>[a-z][^.;:!?]{4,300})"
)
#: A subject that is a reader, a person, a product or part of one: not "This problem".
_NOT_AGENT_RE = re.compile(
    r"^(?:this|that|the|these|it|there)\s+(?:problem|issue|behaviou?r|error|fix|update|hotfix"
    r"|change|article|information|workaround|resolution)\b|^(?:it|there|this|that)$|^you\b",
    re.IGNORECASE,
)


#: The drafter's own names before a title: "No fix: ", "If this is the cause: ".
_OWN_PREFIX_RE = re.compile(
    r"^(?:no fix(?: in the article)?|if this is the cause|by design|upgrade|method \d{1,2}"
    r"|workaround \d{1,2}|option \d{1,2})\s*:\s+",
    re.IGNORECASE,
)


#: The last item of a list after its comma: ", and token-decrypting certificates".
_LAST_ITEM_RE = re.compile(r"^,\s+(?:and|or)\s+(?!then\b)")


def _whole(head: str, rest: str) -> bool:
    """Whether `head`, followed in its sentence by `rest`, ends where a phrase ends."""
    if len(head.split()) < 3 or _OPEN_END_RE.search(head) or _balance(head) >= 0:
        return False
    if _GOES_ON_RE.match(rest) or ("," in head and _LAST_ITEM_RE.match(rest)):
        return False  # "X, token-signing" + ", and token-decrypting ...": a list goes on
    return not (_SCENE_RE.match(head) and "," not in head and rest.startswith(","))


def _cut(body: str, rest: str) -> bool:
    """Whether the article goes on after `body` inside its phrase (see the module doc)."""
    if re.match(r"^(?:[.!?](?:\s|$)|\]\(|$)", rest[:3]):
        return False  # the article's whole sentence, or a link's text
    if _OPEN_END_RE.search(body):
        return True
    if _GOES_ON_RE.match(rest):
        return not _POINTER_ON_RE.match(rest)
    if _CASE_RE.match(body):
        return False  # "When the providers support X": a case, the choice's own name
    return bool(_SCENE_RE.match(body)) and "," not in body and rest.startswith(",")


#: A case a choice is named by ("When the data providers support X", "If you use Y"):
#: whole as a label of "What did you find?", though its sentence goes on after the comma.
_CASE_RE = re.compile(r"^(?:if|when|whenever|unless)\b", re.IGNORECASE)


def _sentence_end(text: str, start: int) -> int:
    """Where the sentence holding `start` ends (its full stop), at most MAX_READ on."""
    found = re.compile(r"[.!?](?=\s|$)").search(text, start, start + MAX_READ)
    return found.start() if found else min(len(text), start + MAX_READ)


def _from(text: str, start: int, cut: int, is_action: Callable[[str], bool]) -> str:
    """The phrase that starts at `start` in `text` and was cut at `cut`: on to the first
    whole clause boundary after the cut within LIMIT characters, else back to the last
    one before it; "" when none is whole. It never goes on past a pointer ("... from the
    following Web site") or into a second action (", choose Properties, and ...")."""
    end = _sentence_end(text, start)
    back = ""
    for found in _BOUNDARY_RE.finditer(text, start, end + 1):
        head = text[start : found.start()].rstrip(" ,;:")
        rest = text[found.start() :]
        if found.start() < cut:
            back = head if _whole(head, rest) else back
            continue
        if len(head) > LIMIT or _POINTER_RE.search(head):
            break
        if _whole(head, rest):
            return head
        after = re.sub(r"^(?:and|or)\s+", "", rest.lstrip(" ,;:"))
        item = re.match(r"[^,;:.]{0,200}", after)
        listed = (_GOES_ON_RE.match(rest) or _LAST_ITEM_RE.match(rest)) and (
            item is None or len(item.group(0).split()) <= 2
        )  # "to compress" + ", upgrade, or uncompress a drive": one list of verbs
        if (
            rest.startswith(",")
            and not listed
            and not _SCENE_RE.match(head)  # "After loading X" + ", read them out ...": its point
            and (is_action(after[:1].upper() + after[1:]) or _THEN_RE.match(after))
        ):
            break  # the next clause is an action of its own
    return back


def _acting(text: str, start: int, is_action: Callable[[str], bool]) -> str:
    """ "Microsoft network clients that ... will need to wait for X": "Wait for X"."""
    said = _MODAL_RE.match(text[start : _sentence_end(text, start) + 1])
    if said is None or _NOT_AGENT_RE.match(said.group("subj")):
        return ""
    if re.match(r"(?:be|not|have|still|now|only|always)\b", said.group("act")):
        return ""  # "should be fixed", "must not", "should have": no action of the reader's
    begin = start + said.start("act")
    act = _from(text, begin, begin, is_action)
    if not act:
        return ""
    act = act[:1].upper() + act[1:]
    return act if is_action(act) else ""


#: A purpose after an action: " to reflect the placement", not " to the default".
_PURPOSE_ON_RE = re.compile(
    r"^ to (?!(?:the|a|an|this|that|these|those|your|its|their|all|any|each|every|one|no|it"
    r"|them)\b)[a-z]+\b"
)
#: The drafter's name for waiting for the fix: kept as it is.
_WAIT_RE = re.compile(r"^wait for the next\b", re.IGNORECASE)


@lru_cache(maxsize=64)
def _headings(source: str) -> tuple[str, ...]:
    """The Markdown headings of `source`, once per text (every option reads the body)."""
    if "#" not in source:
        return ()
    return tuple(
        line.lstrip("#").strip().replace("**", "")
        for line in source.splitlines()
        if line.startswith("#")
    )


def whole_title(label: str, sources: Sequence[str], is_action: Callable[[str], bool]) -> str:
    """`label` ending where the article's phrase ends (see the module doc); as it was when
    the article does not hold it, it is whole already, or no whole phrase is near."""
    prefix_match = _PREFIX_RE.match(label) or _OWN_PREFIX_RE.match(label)
    prefix = prefix_match.group(0) if prefix_match else ""
    body = label[len(prefix) :].strip()
    if len(body.split()) < 2:
        return label
    # a heading first: its line ends its phrase ("### Step 6: Make sure that X, Y, and Z
    # are configured correctly" runs on into the paragraph under it once collapsed)
    headings = [line for source in sources for line in _headings(source)]
    if any(line.casefold() == body.casefold() for line in headings):
        return label  # a whole heading ("### Windows 8.1"), not a cut of the title's words
    text, end = _found(body, [*headings, *sources])
    if end < 0 or not _cut(body, text[end : end + 60]):
        return label
    if is_action(body) and (_WAIT_RE.match(body) or _PURPOSE_ON_RE.match(text[end : end + 30])):
        # "Change the size of the gray box" + " to reflect ...": a purpose after a whole
        # action; "Wait for the next service pack" is the drafter's own name for the wait
        return label
    start = end - len(body)
    said = "" if is_action(body) else _acting(text, start, is_action)
    if not said:
        said = _from(text, start, end, is_action)
        if said and len(said) < len(body) and not is_action(said) and len(said.split()) < 6:
            said = ""  # "This problem occurs" + " because of ...": the cause cut away
        said = body[:1] + said[1:] if said else ""
    return prefix + said if said else label


#: STATUS's "in the Microsoft products that are listed at the beginning of this article":
#: 40 characters that say only "the products the article lists", too long for a title.
_LISTED_RE = re.compile(
    r"(?<!\s)\s+in the (?:Microsoft )?products (?:that are )?(?:listed|mentioned)"
    r" (?:at the (?:beginning|top) of this article|in the \"?applies to\"? section"
    r"(?: of this article)?|above)(?=\.?$)",
    re.IGNORECASE,
)


def status_title(why: str, limit: int) -> str:
    """A STATUS sentence as a "No fix" title: "Microsoft has confirmed this to be a
    problem in the products the article lists", whole, not cut at "... Microsoft
    products" before "that are listed at the beginning of this article"."""
    from kbassist.drafting.text import short_label, split_sentences

    sentences = split_sentences(" ".join(why.split())) or [why]
    said = _LISTED_RE.sub(" in the products the article lists", sentences[0].rstrip(". "))
    # a whole sentence when it fits: "... in version 4.0" is no title without "of X"
    return short_label(said, max(limit, len(said)) if len(said) <= LIMIT else limit)


#: A bracket closing a code before a new line of a message: "... message <subject>
#: [80070005-508-0-322]" + " You do not have sufficient permission ...".
_CODE_END_RE = re.compile(r"(?:\[[^\]\s]{3,40}\]|\((?:0x)?[0-9A-Fa-f-]{4,40}\))(?=\s+[A-Z])")


def message_head(text: str, limit: int) -> str:
    """A long message's head up to a bracketed code that ends its first line, when that
    is within `limit`: "Error synchronizing folder [80070005-508-0-322]", not "...
    [80070005-508-0-322] You do not have sufficient"; "" when it has none."""
    found = _CODE_END_RE.finditer(text, 0, limit + 3)
    ends = [m.end() for m in found if 12 <= m.end() <= limit]
    return text[: ends[-1]] if ends else ""


def horizon_label(horizon: str, fix: str, section_text: str, said_as: str, under: int) -> str:
    """A horizon's choice named by its fix first, the horizon after: "Throttle
    non-essential traffic on the node (short term)". A horizon the article gives as a
    bare line over several ways ("2. Long term:" over "* Upgrade to higher-speed NICs",
    "* Use multiple bonded interfaces", "* Separate storage ... traffic") says it holds
    them: "Upgrade to higher-speed NICs, or 2 other ways (long term)"."""
    bare = re.search(
        rf"^[ \t]{{0,12}}(?:\d{{1,2}}[.)]|[-*+])?[ \t]{{0,4}}\*{{0,2}}{re.escape(said_as)}"
        r"[ \t*:]{0,8}$",
        section_text,
        re.IGNORECASE | re.MULTILINE,
    )
    more = f", or {under} other way{'s' if under > 1 else ''}" if bare and under else ""
    return f"{fix}{more} ({horizon.lower()})"
