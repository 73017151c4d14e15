"""Labels and outcome titles that stop where no phrase ends (round 35). Blind readers of
seed 98 marked titles and choice labels that "just stopped": "... permissions to the C"
(a path cut at its colon), "... to inquire about how", "... whether the user account",
"... SQL Server 2012 or Microsoft SQL", "After upgrading ..., the Group Policy".

Many builders shorten a sentence into a label; this last pass looks at what they made.
A label (after its "Resolution: " prefix) found in the article where its sentence goes
on, and ending open (`ends_open`), is re-ended at a whole phrase: on to its clause's end
or its sentence's end when that is short enough, else back to its last clause boundary.
"""

from __future__ import annotations

import html
import re
from itertools import pairwise
from typing import Any

from kbassist.articles import Article

#: The longest a re-ended outcome title or choice label may be (prefix included).
MAX_MENDED_CHARS = 110
#: The longest a label may be when it is its whole sentence (a symptom heading).
MAX_WHOLE_CHARS = 140
#: A label backed up to a clause boundary keeps at least this many characters.
MIN_BODY_CHARS = 20

#: Words no phrase ends on: articles, prepositions, conjunctions, and the openers of a
#: clause that says what is asked ("about how", "whether", "why").
_OPEN_WORDS = frozenset(
    "a an the your its their our my his her to of for with by from in on"
    " at into onto about via per through between within without under over as than and or"
    " nor but that which whom whose whether how why where when while if because"
    " since unless until including like such is are was were be been being".split()
)
#: Words that open a clause whose subject then needs its verb ("whether the user account"
#: + " exists", "if the service" + " stops").
_SUBORDINATORS = frozenset(
    "whether if that because when whenever while although though unless".split()
)
#: A label whose first clause only sets a scene ("After upgrading ..., the Group Policy").
_SCENE_RE = re.compile(
    r"^(?:if|when|whenever|after|before|because|while|although|though|since|once|unless"
    r"|until|during|following|upon)\b",
    re.IGNORECASE,
)
#: Words that read as a verb or an auxiliary: a clause holding one is no bare subject.
_VERBISH = frozenset(
    "is are was were be may might can cannot could will would should must has have had"
    " does do did not exists exist fails fail occurs occur appears appear works work runs"
    " run stops stop contains contain".split()
)
#: A sentence's end in the article text: the label is never carried past it.
_SENTENCE_END_RE = re.compile(r"[.!?](?=\s|$)|\n|\s#{1,6}\s|\s```|$")
#: Where a phrase may end ahead of the cut: a clause mark, or before a word that opens
#: the next clause or coordinated action.
_BOUNDARY_RE = re.compile(
    r"[,;:](?=\s)|\s[-\u2013\u2014](?=\s)|(?=\s(?:and|but|then|so that|which|where)\s)"
    r"|(?=\s\()"
)
#: Ahead of the cut only: before a preposition a phrase's core has ended ("... whether
#: the user account exists" + " in the security policy settings").
_AHEAD_RE = re.compile(r"(?=\s(?:in|on|under|for|with|from|by|at|to|into|during)\s)")
#: A parenthesis right after the cut: an aside the label may leave out.
_ASIDE_RE = re.compile(r"^\s\([^()]{1,200}\)")
#: A spaced dash after the label: its clause ended there.
_DASH_RE = re.compile(r"\s[-\u2013\u2014]{1,2}\s")
#: Markdown emphasis the drafter's labels drop ("the *secpol.msc* file").
_EMPHASIS_RE = re.compile(r"\*{1,3}(?=\S)|(?<=\S)\*{1,3}")
#: A title's own name for its section before what it says: "Resolution: ", "Scenario 2: ".
_PREFIX_RE = re.compile(r"^[A-Z][^:]{1,40}:\s+")


def _words(text: str) -> list[str]:
    return [w.strip("\"'`,;:.()") for w in text.split()]


#: Words after which a plain "-s" word is a noun ("the files"), not a verb ("it fails").
_DETERMINERS = frozenset("a an the this these those your its their our my his her any all".split())


#: Subject pronouns: the word after one is its verb.
_PRONOUNS = frozenset("you it they we he she i this".split())


def _subject_only(clause: list[str]) -> bool:
    """Whether `clause` (its words) is at most five words with no verb: a subject (not
    "the problem persists": a plain "-s" or "-ed" word after a noun is its verb)."""
    if len(clause) > 1 and clause[0].casefold() in _PRONOUNS:
        return False  # "when you click Mail Recipient": a pronoun and its verb
    return 1 <= len(clause) <= 5 and not any(
        w.casefold() in _VERBISH
        or (
            w.islower()
            and w.endswith(("ed", "s"))
            and (n == 0 or clause[n - 1].casefold() not in _DETERMINERS)
        )
        for n, w in enumerate(clause)
    )


def ends_open(head: str, rest: str) -> bool:
    """Whether `head`, followed in its article by `rest`, stops where no phrase ends: on an
    article, preposition, conjunction, "how" or "whether"; on a drive letter whose ":"
    was cut; a word or two past "or"/"and" where more of the name follows ("or Microsoft
    SQL" + " Server 2008 R2"); or on a bare subject whose verb follows ("whether the user
    account" + " (or ...) exists", "After upgrading X, the Group Policy" + ' "..." may')."""
    if not rest.strip() or (not rest[:1].isspace() and not rest.startswith(":")):
        return False
    words = _words(head)
    if len(words) < 3 or not words[-1]:
        return False
    last = words[-1]
    if sum(w[:1].isupper() for w in words) * 3 > len(words) * 2:
        return bool(re.fullmatch(r"[A-Z]", last)) and rest.startswith(":")  # Title Case
    if last.casefold() in _OPEN_WORDS and last.islower():
        return True
    if head.count('"') % 2:
        return True  # inside a quoted name
    folded = [w.casefold() for w in words]
    if folded[-2] == "to" and len(folded) > 3 and folded[-3] in ("how", "what", "where"):
        return True  # "... about how to obtain" + " and install the latest version"
    if re.fullmatch(r"[A-Z]", last) and rest.startswith(":"):
        return True  # "... to the C" + ":\InetPub\scripts directory"
    if not rest[:1].isspace() or _DASH_RE.match(rest):
        return False  # "... features snow" + " -- for example": the clause ended
    nxt = rest.split(None, 1)[0].strip("\"'`,;:.()")
    if (
        any(w in ("or", "and") for w in words[-3:-1])
        and (nxt[:1].isupper() or nxt[:1].isdigit())
        and words[-1][:1].isupper()
    ):
        return True  # "... 2012 or Microsoft SQL" + " Server 2008 R2"
    for back in range(2, 7):
        if len(folded) > back and folded[-back] in _SUBORDINATORS:
            if _subject_only(words[-back + 1 :]) and folded[-1] not in _OPEN_WORDS:
                return True  # "whether the user account" + " (or any group ...) exists"
            break
    if ", " in head and _SCENE_RE.match(head):
        clause = _words(head.rsplit(", ", 1)[1])
        return _subject_only(clause) and nxt.casefold() not in _OPEN_WORDS
    return False


def _sentence_rest(text: str, end: int) -> str:
    """The article's text from `end` to its sentence's end."""
    match = _SENTENCE_END_RE.search(text, end, min(len(text), end + 600))
    return text[end : match.start() if match else min(len(text), end + 600)]


def _rest_of(body: str, text: str) -> str | None:
    """What `text` goes on with after `body` to its sentence's end; None if not found."""
    at = text.find(body)
    if at == -1 and body[:1].isupper():
        at = text.find(body[:1].lower() + body[1:])  # "To resolve this, contact ..."
    return None if at == -1 else _sentence_rest(text, at + len(body))


#: A line shorter than this ends where it breaks: a heading, a list item, a paragraph's
#: last line (a hard-wrapped KB line runs to about 75 characters).
SHORT_LINE_CHARS = 60


def plain_text(article: Article) -> str:
    """The article's sections as the drafter's labels quote them: whitespace collapsed,
    entities and Markdown emphasis gone; a newline kept where a line ends its text (a
    blank line after it, or a short line: "Target Application or Service Failure" is a
    heading, not a name the next line goes on)."""
    out: list[str] = []
    for section in article.sections:
        said = _EMPHASIS_RE.sub("", html.unescape(section.text))
        lines = [" ".join(line.split()) for line in said.splitlines()] + [""]
        for line, after in pairwise(lines):
            if line:
                ends = not after or len(line) < SHORT_LINE_CHARS
                out.append(line + ("\n" if ends else " "))
    return "".join(out)


def label_ends_open(label: str, text: str) -> bool:
    """Whether `label` (maybe after its section prefix) stops where no phrase ends, where
    `text` (`plain_text`) has it: what the bench counts."""
    for body in (label, _PREFIX_RE.sub("", label, count=1)):
        rest = _rest_of(body, text)
        if rest is not None:
            return ends_open(body, rest)
    return False


def mend(body: str, text: str, room: int) -> str:
    """`body` re-ended at a whole phrase when it ends open where `text` (whitespace
    collapsed) has it; at most `room` characters; `body` unchanged otherwise."""
    rest = _rest_of(body, text)
    if rest is None or not ends_open(body, rest):
        return body
    rest = _ASIDE_RE.sub("", rest, count=1)  # "the user account" + " (or any group ...)"
    sentence = body + rest
    ahead = [*_BOUNDARY_RE.finditer(sentence, len(body) + 1)]
    ahead += _AHEAD_RE.finditer(sentence, len(body) + 1)
    for end in sorted({m.start() for m in ahead} | {len(sentence)}):
        if end > (MAX_WHOLE_CHARS - MAX_MENDED_CHARS + room if end == len(sentence) else room):
            break
        kept = sentence[:end].rstrip(" ,;:-")
        if not ends_open(kept, sentence[len(kept) :]):
            return kept
    backward = {m.start() for m in _BOUNDARY_RE.finditer(body)}
    backward |= {m.start() for m in _AHEAD_RE.finditer(body)}  # "... manufacturer" + " to"
    for end in sorted(backward, reverse=True):
        kept = body[:end].rstrip(" ,;:-")
        if len(kept) < MIN_BODY_CHARS:
            break
        if not ends_open(kept, sentence[len(kept) :]) and not _SCENE_RE.match(kept):
            return kept
    return body


#: A purpose clause before the action: "To obtain the new file, Snads.rtf, you need to
#: apply ..." (the action after "you need to", "you must", ...).
_PURPOSE_RE = re.compile(r"^To [a-z]+\b")
_MAIN_ACTION_RE = re.compile(
    r",\s+you (?:need to|must|should|have to|will need to|can|may)\s+(?:first\s+)?"
    r"(?P<act>[a-z][a-z-]+\s(?:[^.;:]|[.:](?=\S)){6,})"
)
#: A verb whose object is asked to do something: "Ask the user of X" + " that is running
#: ... to send a NetMeeting invitation ...".
_ASK_RE = re.compile(r"^(?:Ask|Tell|Instruct|Request that)\s")
#: A relative clause after the label, then the infinitive of what is asked.
_ASKED_TO_RE = re.compile(r"^\s(?:that|who|which)\s[^.;:,]{3,80}?\s(?=to\s[a-z]{3,}\s)")


def _ended(sentence: str, start: int, room: int) -> str:
    """`sentence` up to its first whole-phrase end at or after `start` within `room`
    characters (a clause mark, a clause opener or a preposition ahead), else ""."""
    ahead = [*_BOUNDARY_RE.finditer(sentence, start)]
    ahead += _AHEAD_RE.finditer(sentence, start)
    for end in sorted({m.start() for m in ahead} | {len(sentence)}):
        if end > room:
            break
        kept = sentence[:end].rstrip(" ,;:-")
        if not ends_open(kept, sentence[len(kept) :]):
            return kept
    return ""


def said_action(body: str, text: str, room: int) -> str:
    """A label that stopped before what it asks for, as that action (graded seed 102):
    only a purpose clause ("To obtain the new file, Snads.rtf" + ", you need to apply
    Exchange Server 5.5 SP3 ...", or its tail "Snads.rtf, you need to apply ...") is the
    action after "you need to"; "Ask the user of the
    MSN Messenger client" + " that is running ... to send a NetMeeting invitation" keeps
    what is asked ("... client to send a NetMeeting invitation"). `body` otherwise."""
    rest = _rest_of(body, text)
    if rest is None or (rest and rest[:1] not in " ,"):
        return body
    sentence = body + rest
    main = _MAIN_ACTION_RE.search(sentence)
    # "Guide.rtf, you need to apply ...": the purpose clause's tail left before the action
    tail = (
        main is not None and 0 < main.start() < len(body) and len(body[: main.start()].split()) <= 2
    )
    # a purpose clause alone ("To prevent the compiler from displaying its logo") says its
    # goal whole: only one cut after its comma ("To obtain the new file, Snads.rtf") is mended
    if (_PURPOSE_RE.match(body) and ", " in body) or tail:
        if main is None or (main.start("act") < len(body) and not tail):
            return body  # the label says its action already ("..., you could send X")
        act = main.group("act")
        act = act[0].upper() + act[1:]
        from kbassist.drafting.options import _is_action

        if not (_is_action(act) or act.startswith("Have the ")):
            return body  # "Have the X audit policy turned on": what to make so, an action
        return act if len(act) <= room else _ended(act, 12, room) or body
    if _ASK_RE.match(body):
        asked = _ASKED_TO_RE.match(rest)
        if asked is None:
            return body
        said = f"{body} {rest[asked.end() :]}"
        return _ended(said, len(body) + 4, room) or body
    return body


#: An aside that ends a label: "Use PVIEWER.EXE (a program provided with the Windows NT
#: Resource Kit)".
_END_ASIDE_RE = re.compile(r"\s\([^()]{1,120}\)$")
#: What the article goes on with after such a label when the aside cut the phrase: a
#: purpose, a place, or the subject's verb (" to kill the NTVDM process", " before the
#: extended character", " in the SQL Server name field", " does not have ... rights").
_GOES_ON_AFTER_ASIDE_RE = re.compile(
    r"^ (?:to|before|in|into|on|onto|at|for|from|does|do|is|are|was|were|has|have|can"
    r"|cannot|must|should|will|may)\s(?=\S)"
)


def aside_dropped(body: str, text: str, room: int) -> str:
    """A label that ends on an aside where its sentence goes on with what the phrase
    needs ("Use PVIEWER.EXE (a program provided with X)" + " to kill the NTVDM process"),
    as the phrase without its aside, on to its next whole-phrase end within `room`
    ("Use PVIEWER.EXE to kill the "NTVDM" process"): seed-106 readers marked the aside
    kept and the action dropped. `body` otherwise."""
    aside = _END_ASIDE_RE.search(body)
    if aside is None:
        return body
    rest = _rest_of(body, text)
    if rest is None or not _GOES_ON_AFTER_ASIDE_RE.match(rest):
        return body
    head = body[: aside.start()]
    kept = _ended(head + rest, len(head) + 2, room)
    return kept if kept and len(kept.split()) > len(head.split()) else body


def _mended(label: str, text: str) -> str:
    """`label` mended, its section prefix ("Resolution: ") kept before the body."""
    prefix = ""
    if text.find(label) == -1 and (match := _PREFIX_RE.match(label)):
        prefix = match.group()
    body = label[len(prefix) :]
    room = MAX_MENDED_CHARS - len(prefix)
    said = said_action(body, text, room)
    if said != body:
        return prefix + said
    said = aside_dropped(body, text, room)
    if said != body:
        return prefix + said
    return prefix + mend(body, text, room)


def whole_phrase_labels(tree: dict[str, Any], article: Article) -> None:
    """Re-end every outcome title and choice label that stops mid-phrase (`ends_open`);
    a choice keeps its old label when the new one would repeat a sibling's."""
    text = plain_text(article)
    for node in tree.get("nodes", []):
        if node.get("kind") == "outcome" and isinstance(node.get("title"), str):
            node["title"] = _mended(node["title"], text)
        choices = node.get("choices") or []
        for choice in choices:
            label = choice.get("label")
            if not isinstance(label, str):
                continue
            new = _mended(label, text)
            if new != label and all(new != c.get("label") for c in choices):
                choice["label"] = new
