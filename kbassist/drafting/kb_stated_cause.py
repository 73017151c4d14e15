"""The cause an MS KB article states outside a CAUSE section (round 26, issue 13).

Many archive articles have no CAUSE heading but say why in a sentence of their own:
"When you print a 256-color graphic ..., small white spots may appear. This occurs if
your monitor is set to 256 colors." (SYMPTOMS), "This problem occurs because the
installation program installs an earlier version of SPUSH.VBX", "This is due to the way
Paintbrush remaps the color palette". The draft said "X gives no cause." and left the
sentence in the symptom. A STATUS "bug" article's SYMPTOMS often state the wrong
behaviour itself ("returns 0 rather than LB_ERR"): that bug is the cause.

`stated_cause` finds such a sentence (SYMPTOMS after its first sentence, then SUMMARY and
MORE INFORMATION), never in a note or a pointer ("Refer to Article Q145885 ..."), never
a negation ("This problem does not occur if ..."), never a lead over a list ("This
problem occurs when the following are true:"). `bug_cause` gives STATUS's "confirmed
this to be a bug" with the SYMPTOMS sentence that says what goes wrong. `without_cause`
takes the stated sentence out of the symptom, so the two nodes do not say the same.
"""

from __future__ import annotations

import re

from kbassist.articles import Article, Section
from kbassist.drafting.text import Hinted, clean, paragraphs, split_sentences

#: "This occurs if X", "This problem only occurs when X", "The problem may occur if X",
#: "This happens because X", "These codes may also occur if X": a sentence whose subject
#: is the problem and whose verb says when or why it happens.
_OCCURS_RE = re.compile(
    r"^(?:this|these|that|it|the (?:problem|error|behaviou?r|issue|symptom|message|"
    r"crash|failure)s?)\b(?P<mid>[^.:;]{0,60}?)\b(?:occur|happen|result|arise)s?\s+"
    r"(?:only\s+|usually\s+|mainly\s+)?(?:if|when|whenever|because|due to|as a result of)\s",
    re.IGNORECASE,
)
#: "This is due to X", "This behavior is caused by X", "It is the result of X", "The
#: reason is X", "The cause of this problem is X".
_IS_CAUSED_RE = re.compile(
    r"^(?:(?:this|these|that|it)(?: (?:problem|error|behaviou?r|issue|symptom|message|"
    r"crash|failure)s?)?|the (?:problem|error|behaviou?r|issue|symptom)s?)\s+"
    r"(?:is|are|was|were|can be|may be|might be)\s+(?:usually\s+|probably\s+)?"
    r"(?:caused by|due to|the result of|a result of|because)\s"
    r"|^the (?:reason|cause)\b[^.:;]{0,80}?\b(?:is|was)\s",
    re.IGNORECASE,
)
#: "does not occur", "won't happen", "never occurs": when it does NOT happen is no cause.
_NEGATED_RE = re.compile(r"\b(?:not|never|no longer|n't)\b", re.IGNORECASE)
#: A note, a pointer or a query: never the cause ("NOTE: Refer to Article Q145885 ...",
#: "For more information, see ...", "query on the following words").
_POINTER_RE = re.compile(
    # the lookahead: every branch's first letter (the scan skips the other positions)
    r"^(?:notes?|important|tip)\b\s*:|\b(?=[rfsqak])(?:refer to|for more information|"
    r"for additional information|see (?:the )?(?:following )?article|query on|article Q\d{4,7}|"
    r"knowledge base|Q\d{5,6})\b",
    re.IGNORECASE,
)
#: `_POINTER_RE` searched only in a sentence that holds one of its words (a Q number's
#: "q" too): most sentences do not, and skip the scan.
_POINTER_SEARCH_RE = Hinted(
    _POINTER_RE,
    (
        "q",
        "note",
        "important",
        "tip",
        "refer to",
        "for more information",
        "for additional information",
        "see ",
        "knowledge base",
    ),
)
#: "When you do X, this occurs if ..." style leads aside, the sentences an article opens
#: a procedure or an example with are no cause either.
_PROCEDURE_RE = re.compile(
    r"^(?:to |for example|for instance|in the following|the following)\b", re.IGNORECASE
)
#: "... occurs when you try to X", "... when trying to X": the act that shows the message,
#: the symptom's trigger (`symptom_kinds.trigger_after`, `verify_trigger`), not its cause.
_TRYING_RE = re.compile(
    r"(?:(?:you|the user|users|a user|someone)\s+(?:try|tries|attempt|attempts)|trying|"
    r"attempting)\s+to\s",
    re.IGNORECASE,
)
_SYMPTOM_KEYS = ("symptoms", "symptom")
_OTHER_KEYS = (("summary",), ("moreinformation",))
#: Longest stated cause kept (a cause is one sentence, said whole).
MAX_STATED_CHARS = 400


def states_cause(sentence: str, explaining: bool = True) -> bool:
    """Whether `sentence` is the article saying why the problem happens. `explaining`:
    "This is because X" and "The reason is X" count too (in SYMPTOMS and SUMMARY; in MORE
    INFORMATION they explain a step or an example as often as the problem)."""
    if sentence.endswith(":") or len(sentence) > MAX_STATED_CHARS:
        return False  # a lead over a list of conditions, or a paragraph run together
    if _POINTER_SEARCH_RE.search(sentence) or _PROCEDURE_RE.match(sentence):
        return False
    if _ABOUT_RE.match(sentence):
        return False  # "This article discusses some problems that may occur when ..."
    found = _OCCURS_RE.match(sentence)
    if found is not None:
        if _TRYING_RE.match(sentence, found.end()):
            return False  # "The error occurs when you try to map a drive": the trigger
        return not _NEGATED_RE.search(found.group("mid"))
    return explaining and bool(_IS_CAUSED_RE.match(sentence))


#: A sentence about the article or one of its parts, not the problem.
_ABOUT_RE = re.compile(
    r"^(?:this|the) (?:article|document|topic|section|step|procedure|method|example|sample|"
    r"list|table)\b",
    re.IGNORECASE,
)


def _sentences(section: Section, skip_first: bool) -> list[str]:
    """The section's prose sentences, notes and pointers' paragraphs left out."""
    out: list[str] = []
    for para in paragraphs(section.text):
        if para.heading:
            continue
        text = clean(para.text)
        if _POINTER_RE.match(text):
            continue  # "NOTE: ..." is an aside, whatever it goes on to say
        out.extend(split_sentences(text))
    return out[1:] if skip_first else out


def stated_cause(article: Article) -> tuple[str, Section | None]:
    """The sentence an MS KB article with no CAUSE states its cause in, cited; ("",
    None) when it states none."""
    from kbassist.drafting.symptoms import find_section

    if article.style != "mskb":
        return "", None
    symptoms = find_section(article, _SYMPTOM_KEYS)
    places: list[tuple[Section | None, bool]] = [(symptoms, True)]
    places += [(find_section(article, keys), False) for keys in _OTHER_KEYS]
    for section, skip_first in places:
        if section is None:
            continue
        explaining = section.key != "moreinformation"
        for sentence in _sentences(section, skip_first):
            if states_cause(sentence, explaining):
                return sentence, section
    return "", None


#: STATUS: "Microsoft has confirmed this to be a bug in Windows versions 3.0 and 3.1."
_BUG_RE = re.compile(r"\bconfirmed (?:this|these|that) (?:to be|is|are) (?:a )?bugs?\b", re.I)
#: A SYMPTOMS sentence that says what goes wrong against what should: "returns 0 rather
#: than LB_ERR", "is displayed instead of", "incorrectly reports".
_WRONG_RE = re.compile(r"\b(?:rather than|instead of|incorrectly|erroneously)\b", re.I)
_TURN_RE = re.compile(r"^(?:however|but|instead),?\s+", re.IGNORECASE)


def bug_cause(article: Article) -> tuple[str, Section | None]:
    """An MS KB bug article's cause: the SYMPTOMS sentence that says what the product
    does wrong, then STATUS's "confirmed this to be a bug" sentence, cited to STATUS;
    ("", None) unless STATUS says it is a bug."""
    from kbassist.drafting.symptoms import find_section

    if article.style != "mskb":
        return "", None
    status = find_section(article, ("status",))
    if status is None or not _BUG_RE.search(status.text):
        return "", None
    said = next(
        (s for s in split_sentences(clean(status.text)) if _BUG_RE.search(s) and len(s) < 300),
        "",
    )
    if not said:
        return "", None
    symptoms = find_section(article, _SYMPTOM_KEYS)
    wrong = ""
    if symptoms is not None:
        wrong = next(
            (
                s
                for s in _sentences(symptoms, False)
                if _WRONG_RE.search(s) and not s.endswith(":") and len(s) < 300
            ),
            "",
        )
    said = _named_products(said, article)
    if wrong:
        wrong = _TURN_RE.sub("", wrong)
        wrong = wrong[0].upper() + wrong[1:]
        return f"{said} {wrong}", status
    return said, status


#: STATUS's stock words for the header's products: "in the Microsoft products listed at
#: the beginning of this article", "in the products listed above".
_LISTED_RE = re.compile(
    r"\b(?:the )?(?:microsoft )?products? (?:that are )?listed (?:at the beginning of this"
    r" article|above)",
    re.IGNORECASE,
)
_VERSION_RE = re.compile(r"\d{1,2}(?:\.\d{1,3}){0,2}[a-z]?")


def _named_products(said: str, article: Article) -> str:
    """STATUS's "a bug in the Microsoft products listed at the beginning of this article"
    with the header's products named ("a bug in Microsoft Fortran Compiler 4.0"): as a
    cause, the stock words alone name nothing."""
    if not article.products or not _LISTED_RE.search(said):
        return said
    products = " and ".join(article.products[:3])
    versions = [v for v in article.versions if _VERSION_RE.fullmatch(v.strip())]
    if len(article.products) == 1 and versions and len(versions) == len(article.versions):
        shown = versions if len(versions) <= 3 else [*versions[:2], versions[-1]]
        sep = ", " if len(shown) > 2 else " and "
        products += " " + (sep.join(shown) if len(versions) <= 3 else f"{shown[0]} to {shown[-1]}")
    return _LISTED_RE.sub(lambda _m: products, said, count=1)


#: A sentence that leans on the one before it: "In either case, this will happen if ...".
_BACK_REF_RE = re.compile(
    r"\s{0,20}(?:in (?:either|both|each|this|that|such|these) cases?\b|in either event\b"
    r"|(?:this|these|that|it|they|then)\b)",
    re.IGNORECASE,
)


def without_cause(symptom: str, cause: str) -> str:
    """The symptom with the stated cause sentence taken out (it is the cause node's),
    unless that would leave no symptom."""
    if not cause or cause not in symptom:
        return symptom
    if _BACK_REF_RE.match(symptom.split(cause, 1)[1]):
        return symptom  # "In either case, ..." after it needs the cause sentence
    kept = " ".join(symptom.replace(cause, " ").split())
    return kept if len(kept) >= 20 else symptom


def not_pointer(paragraph: str) -> str:
    """A paragraph that explains, without its note and pointer sentences ("NOTE: Refer to
    Article Q145885 ... for more details"): a pointer is never a cause; "" when the
    paragraph is a note or nothing but pointers, or what is left says no why."""
    if _POINTER_RE.match(paragraph):
        return ""
    kept = [s for s in split_sentences(paragraph) if not _POINTER_SEARCH_RE.search(s)]
    text = " ".join(kept)
    return text if _WHY_RE.search(text) else ""


#: What the explaining paragraph was chosen for (options._EXPLAINS_RE), still there.
_WHY_RE = re.compile(r"\b(?:because|is caused by|occurs (?:when|if|because))\b", re.IGNORECASE)
