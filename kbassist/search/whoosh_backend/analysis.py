"""How Whoosh sees an article: the analyzer (words, versions, codes, shorthand), the
schema, and the document of each article.

Bump `kbassist.index.SCHEMA_VERSION` when the schema, the analyzer or the parser changes:
older indexes are rebuilt.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import filterfalse, pairwise
from typing import Any

from whoosh import columns, fields
from whoosh.analysis import Analyzer, Token
from whoosh.lang.porter import stem as _porter

from kbassist.articles import Article, normalize_id
from kbassist.search.snippets import snippet_source
from kbassist.search.whoosh_backend.mined import MINED

# Admins type short names that Porter mangles: "dos" must not become "do", "ras" "ra".
_NO_STEM = frozenset(
    "dos os ms nt ras sms iis wins dns dhcp ntfs xp ups mssql sql cmos bios scsi ide".split()
)
# Whoosh's English stop words plus the glue of symptom phrasing ("hangs during backup",
# "fails after the upgrade"): they carry no meaning and would make an every-word match
# depend on wording rather than on the problem.
_STOP_WORDS = frozenset(
    "a an and are as at be by can for from have if in is it may of on or tbd that the this "
    "to us we when will with yet you your i my our its was were been being has had do does "
    "did doing than then there these those what which who whom how why all any some so but "
    "into about also would should could they them their he she his her during while after "
    "before get gets got getting am t".split()
)
#: A word, dotted versions whole ("4.0", "win.ini"); possessive (the same matches, as
#: nothing follows that could make it give back), so no backtracking state is kept.
_TOKEN_RE = re.compile(r"\w++(?:\.\w++)*+")


class KBAnalyzer(Analyzer):
    """Tokenize, lower-case, drop stop words, keep dotted versions, stem: one pass.

    The same result as a RegexTokenizer | LowercaseFilter | StopFilter | StemFilter chain,
    in a single loop: the chain's generator hops were 40% of the full-archive build.
    `95.x` and `4.0` stay whole and their parts are indexed too, so "windows 95" finds
    "Windows 95.x" while "4.0" does not match every "4".
    """

    def __init__(self) -> None:
        self._stems: dict[str, str] = {}
        self._terms: dict[str, tuple[str, ...]] = {}
        #: Word -> its one term, or "" for a stop word (no term); words with more
        #: terms are not here (see `term_positions`).
        self._one_term: dict[str, str] = {}

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __getstate__(self) -> dict[str, object]:
        return {}  # the stem cache is not part of the schema

    def __setstate__(self, state: dict[str, object]) -> None:
        self._stems = {}
        self._terms = {}
        self._one_term = {}

    def stem(self, word: str) -> str:
        stems = self._stems
        stemmed = stems.get(word)
        if stemmed is None:
            if len(stems) > 300_000:
                stems.clear()
            stemmed = word if word in _NO_STEM or word[0].isdigit() else _porter(word)
            stems[word] = stemmed
        return stemmed

    def word_terms(self, word: str) -> tuple[str, ...]:
        """The terms one lower-cased word is indexed as (camelCase parts aside, which
        depend on how the text spelt it): what `__call__` yields for it, remembered."""
        terms = self._terms.get(word)
        if terms is not None:
            return terms
        if len(self._terms) > 300_000:
            self._terms.clear()
        stops = _STOP_WORDS
        found: list[str] = []
        if word not in stops:  # the body of `__call__`'s loop, for one word
            if "." in word or "_" in word:
                found.append(word)
                for part in _PART_RE.split(word):
                    if part and (len(part) > 1 or part.isdigit()) and part not in stops:
                        found.append(self.stem(part))
            else:
                found.append(self.stem(word))
            if word[0].isdigit() or len(word) == 8:
                code = hex_code(word)
                if code is not None and code != word:
                    found.append(code)
        terms = self._terms[word] = tuple(found)
        return terms

    def term_positions(self, value: str) -> dict[str, list[int]]:
        """Each index term of `value` -> its positions, in the order `__call__` yields
        them (positions=True): the build's one call per field, without a Token and a
        generator hop per word, and with a word's terms looked up once per build."""
        camel = _camel_parts(value)
        if camel:
            return self._camel_term_positions(value, camel)
        # Most words have one term (or none: stop words), looked up without a loop
        # over a tuple of one: the loop's set-up was a quarter of the time per word.
        one_term = self._one_term
        poses: dict[str, list[int]] = {}
        get = poses.get
        for pos, word in enumerate(_TOKEN_RE.findall(value.lower())):
            term = one_term.get(word)
            if term:
                found = get(term)
                if found is None:
                    poses[term] = [pos]
                else:
                    found.append(pos)
            elif term is None:
                terms = self._terms.get(word)
                if terms is None:
                    terms = self.word_terms(word)
                if len(terms) < 2 and (not terms or terms[0]):
                    if len(one_term) > 300_000:
                        one_term.clear()
                    one_term[word] = terms[0] if terms else ""
                for term in terms:
                    found = get(term)
                    if found is None:
                        poses[term] = [pos]
                    else:
                        found.append(pos)
        return poses

    def _camel_term_positions(
        self, value: str, camel: dict[str, list[str]]
    ) -> dict[str, list[int]]:
        """`term_positions` of a value holding camelCase words (their parts too)."""
        cache = self._terms
        poses: dict[str, list[int]] = {}
        for pos, word in enumerate(_TOKEN_RE.findall(value.lower())):
            terms = cache.get(word)
            if terms is None:
                terms = self.word_terms(word)
            for term in terms:
                found = poses.get(term)
                if found is None:
                    poses[term] = [pos]
                else:
                    found.append(pos)
            if word in camel and word not in _STOP_WORDS:
                for part in camel[word]:
                    if part not in _STOP_WORDS:
                        term = self.stem(part)
                        found = poses.get(term)
                        if found is None:
                            poses[term] = [pos]
                        else:
                            found.append(pos)
        return poses

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        *,  # keyword-only, as Whoosh passes them: PairAnalyzer takes them as **kwargs
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        token.boost = 1.0
        token.stopped = False
        if not tokenize:
            # Whoosh's Token declares no `original`, the attribute keeporiginal sets.
            token.original = token.text = value.lower()  # type: ignore[attr-defined]
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar, token.endchar = start_char, start_char + len(value)
            yield token
            return
        stem = self.stem
        stems = self._stems  # looked up here first: a call per word was 10% of this loop
        stops = _STOP_WORDS
        # CamelCase names (runbook alerts, "NetBIOS", "PowerPoint") are indexed whole and
        # as their words: one C-speed scan of the value, a dict lookup per word after.
        camel = _camel_parts(value)
        for pos, match in enumerate(_TOKEN_RE.finditer(value.lower())):
            word = match.group(0)
            if word in stops:
                continue
            if positions:
                token.pos = start_pos + pos
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            if keeporiginal:
                token.original = word  # type: ignore[attr-defined]  # (see above)
            if "." in word or "_" in word:
                token.text = word
                yield token
                for part in _PART_RE.split(word):
                    if part and (len(part) > 1 or part.isdigit()) and part not in stops:
                        token.text = stem(part)
                        yield token
            else:
                stemmed = stems.get(word)
                token.text = stem(word) if stemmed is None else stemmed
                yield token
            if word[0].isdigit() or len(word) == 8:
                code = hex_code(word)
                if code is not None and code != word:
                    token.text = code
                    yield token
            if camel and word in camel:
                for part in camel[word]:
                    if part not in stops:
                        token.text = stem(part)
                        yield token


_PART_RE = re.compile(r"[._]")
#: Where a camelCase word may be: only the lines holding this are scanned for one.
_CAMEL_HINT_RE = re.compile(r"[a-z][A-Z]")
#: A word (at a word start, to its end) whose leading letters and digits hold a
#: lower-case letter before a capital: the matches of `\b[A-Za-z0-9]*[a-z][A-Z]\w*`,
#: with the search for the pair in a lookahead instead of backtracking.
_CAMEL_WORD_RE = re.compile(r"\b(?=[A-Za-z0-9]*?[a-z][A-Z])\w+")
_CAMEL_PART_RE = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_HEX_DIGITS = frozenset("0123456789abcdef")


def _camel_parts(value: str) -> dict[str, list[str]]:
    """Lower-cased camelCase words of `value` -> their lower-cased parts.

    A camelCase word holds a lower-case letter before a capital, and a word never
    spans lines: only the lines holding such a pair are scanned for words (the
    same matches as a scan of the whole value, a fraction of its cost).
    """
    found: dict[str, list[str]] = {}
    search = _CAMEL_HINT_RE.search
    hint = search(value)
    while hint is not None:  # the next hint is looked for after the line scanned
        at = hint.start()
        start = value.rfind("\n", 0, at) + 1
        done = value.find("\n", at)
        if done == -1:
            _camel_words(value, start, len(value), found)
            break
        _camel_words(value, start, done, found)
        hint = search(value, done)
    return found


def _camel_words(value: str, start: int, end: int, found: dict[str, list[str]]) -> None:
    """Add the camelCase words of `value[start:end]` (whole lines) to `found`."""
    for word in _CAMEL_WORD_RE.findall(value, start, end):
        parts = [p.lower() for p in _CAMEL_PART_RE.findall(word) if len(p) > 1]
        if len(parts) > 1:
            found[word.lower()] = parts


def hex_code(word: str) -> str | None:
    """One spelling for an error code: 0x0000000A, 0xA, 0000000A and 0a all give "0xa".

    A word counts as a code when it says so (0x...), is eight hex digits (80004005,
    C0000005), or starts with 0 and holds a hex letter ("stop 0a").
    """
    if word.startswith("0x"):
        digits = word[2:]
        if not digits or not _HEX_DIGITS.issuperset(digits):
            return None
    elif len(word) == 8 or (len(word) >= 2 and word[0] == "0" and not word.isdigit()):
        digits = word
        if not _HEX_DIGITS.issuperset(digits):
            return None
    else:
        return None
    return "0x" + (digits.lstrip("0") or "0")


def status_forms(code: str) -> list[str]:
    """The other spelling of a STOP code with an NTSTATUS number: "0xc000021a" is said
    "stop 0x21a" (the archive writes both); a short code of three or four digits may
    stand for the long one. One or two digits ("0xa") are STOP codes of their own."""
    digits = code[2:]
    if len(digits) == 8 and digits.startswith("c000"):
        return ["0x" + (digits[4:].lstrip("0") or "0")]
    if 3 <= len(digits) <= 4:
        return ["0xc000" + digits.zfill(4)]
    return []


#: Admins' shorthand -> the words articles use. Reviewed by hand; a word with a known
#: prefix and a version ("xl97", "iis4", "w2k") is split by `_PREFIXES` instead, and
#: what the corpus defines itself is in `MINED` (bench/mine_shorthand.py).
SHORTHAND = {
    "bsod": "blue screen",
    "gpf": "general protection fault",
    "wfw": "windows for workgroups",
    "wfwg": "windows for workgroups",
    "dun": "dial-up networking",
    "vc++": "visual c++",
    "vb": "visual basic",
    "vba": "visual basic applications",
    "vfp": "visual foxpro",
    "fp": "frontpage",
    "ie": "internet explorer",
    "oe": "outlook express",
    "exch": "exchange",
    "xl": "excel",
    "ppt": "powerpoint",
    "dc": "domain controller",
    "ad": "active directory",
    "gpo": "group policy",
    "k8s": "kubernetes",
    "ocp": "openshift",
    "pvc": "persistent volume claim",
    "svc": "service",
    "config": "configuration",
}
#: "won't", "can't", "doesnt": a negated auxiliary says nothing an index can find (the
#: article says "fails", "cannot", "stops"), and split at its apostrophe it became
#: "won" and "t", words that matched articles by accident.
_NEGATION_RE = re.compile(
    r"(?:do|does|did|is|are|was|were|has|have|had|wo|ca|could|would|should|must|need|ai)n'?t"
)
_PREFIXES = {
    "nt": "nt",
    "win": "windows",
    "w": "windows",
    "wfw": "windows for workgroups",
    "vc": "visual c++",
    "vb": "visual basic",
    "vfp": "visual foxpro",
    "fp": "frontpage",
    "sp": "service pack",
    "xl": "excel",
    "wd": "word",
    "ppt": "powerpoint",
    "ol": "outlook",
    "exch": "exchange",
    "ie": "internet explorer",
    "iis": "iis",
    "sql": "sql server",
    "o": "office",
    "office": "office",
    "word": "word",
    "excel": "excel",
    "access": "access",
    "outlook": "outlook",
    "windows": "windows",
    "exchange": "exchange",
    "foxpro": "foxpro",
    "sms": "sms",
    "mac": "macintosh",
}
#: A number glued to its unit, as admins type sizes and speeds: "1gb", "100mb", "16bit".
_SIZE_RE = re.compile(r"(\d+(?:\.\d+)?)(kb|mb|gb|tb|bytes?|mhz|ghz|bits?|kbps|mbps|ms)")
_SHORT_VERSION_RE = re.compile(r"([a-z]+)(\d{1,4}(?:\.\d+)?|2k\d?)")


def _expansion(word: str) -> str | None:
    """What a shorthand word stands for, or None: "nt4" -> "nt 4", "w2k" -> "windows 2000".

    The reviewed `SHORTHAND` first, then what the corpus itself defines (`MINED`:
    "Outlook Web Access (OWA)", title prefixes such as "PPT7:"), then a known prefix
    with a version.
    """
    if word in SHORTHAND:
        return SHORTHAND[word]
    if word in MINED:
        return MINED[word]
    if word.endswith("s") and word[:-1] in MINED:
        return MINED[word[:-1]]  # "vms", "nics": the plural of an abbreviation
    size = _SIZE_RE.fullmatch(word)
    if size:
        return f"{size.group(1)} {size.group(2)}"  # "1gb" is what "1 GB" says
    match = _SHORT_VERSION_RE.fullmatch(word)
    if match and match.group(1) in _PREFIXES:
        version = match.group(2)
        if version.startswith("2k"):
            version = "2000" if version == "2k" else f"200{version[2:]}"
        elif len(version) == 2 and version.isdigit() and version[0] != "9":
            version = f"{version[0]}.{version[1]}"  # "sql65" is 6.5, "exch55" 5.5
        return f"{_PREFIXES[match.group(1)]} {version}"
    return None


def _word_forms(tokens: list[str]) -> tuple[str, ...]:
    """The forms one typed word is found by: itself, its error-code spelling, for a
    version ("4.0", "95.x") its leading number, which matches "NT 4" as well, and for a
    past tense ("stopped") the present's stem."""
    whole = tokens[0]
    forms = [whole]
    code = hex_code(whole)
    if code:
        forms.append(code)
        forms.extend(status_forms(code))
    if "." in whole and whole[0].isdigit():
        forms.append(whole.split(".")[0])
    if whole.isalpha():
        forms.extend(_undoubled(whole))
    return tuple(dict.fromkeys(forms))


#: A stem ending in a doubled consonant that Porter would have undone ("stopp", "transmitt").
_DOUBLED_END_RE = re.compile(r".*[aeiouy].*([^aeiouylsz])\1")


def _undoubled(stem: str) -> list[str]:
    """The stem the same word has in the present tense, for a stem Whoosh left doubled.

    Whoosh's Porter stemmer skips the undoubling of step 1b: "stopped" stems to "stopp"
    and "transmitted" to "transmitt", while "stop" and "transmit" stay themselves, so an
    admin typing "hotplugged" missed the runbook that says "hotplug". Only this way
    round: "set" as "sett" would find every "settings".
    """
    return [stem[:-1]] if _DOUBLED_END_RE.fullmatch(stem) else []


def query_groups(words: list[str]) -> list[tuple[str, ...]]:
    """The query as groups of equivalent index terms, one group per word the admin meant.

    A document covers a group when it holds any of its terms. Shorthand expands into a
    group per word it stands for, each still accepting the shorthand itself, so an
    article that writes "NT4" covers "nt4" as fully as one that writes "NT 4.0".
    """
    groups: list[tuple[str, ...]] = []
    for raw in " ".join(words).split():
        low = raw.lower().replace("\u2019", "'")
        if _NEGATION_RE.fullmatch(low.strip(".,;:!?()'\"")):
            continue
        expansion = _expansion(low.strip(".,;:!?()'\""))
        if expansion is None:
            # An alert name typed whole ("InfoInhibitor") stands for its words, as
            # shorthand does: a title that spells them apart covers it too.
            camel = _camel_parts(raw).get(low)
            if camel:
                expansion = " ".join(camel)
        if expansion:
            tokens = [t.text for t in ANALYZER(low)]
            own = tokens[0] if tokens else None
            for forms in _unit_groups(expansion):
                groups.append(forms + ((own,) if own and own not in forms else ()))
            continue
        groups.extend(_unit_groups(_CLITIC_RE.sub("", low)))
    return list(dict.fromkeys(groups))


def alert_names(words: list[str]) -> list[str]:
    """The index terms of CamelCase names typed whole ("OperatorConditionsUnhealthy"):
    an admin who pastes the alert's name means the runbook of that name, not a sibling
    whose name holds the same words ("HCOOperatorConditionsUnhealthy")."""
    names: list[str] = []
    typed = [raw.strip(".,;:!?()'\"") for raw in " ".join(words).split()]
    for word in typed:
        if word.lower() in _camel_parts(word):
            names.extend(t.text for t in ANALYZER(word.lower()))
    # the same name spelt out ("ceph cluster near full" for CephClusterNearFull): runs
    # of 2 to MAX_SPELT_WORDS plain words, joined, looked up as a title word
    plain = [w.lower() if w.isalnum() else "" for w in typed]
    for start in range(len(plain)):
        for end in range(start + 2, min(len(plain), start + MAX_SPELT_WORDS) + 1):
            run = plain[start:end]
            if not all(run):
                break
            names.extend(t.text for t in ANALYZER("".join(run)))
    return list(dict.fromkeys(names))


#: Longest run of typed words tried as one spelt-out alert name.
MAX_SPELT_WORDS = 6


#: "user's", "it's", "we'll": the clitic is no word of its own.
_CLITIC_RE = re.compile(r"'(?:s|ll|re|ve|d|m)\b")


def _unit_groups(text: str) -> list[tuple[str, ...]]:
    """A group per word unit of `text`: "virt-operator" and "ms-dos" are two words each,
    as the index has them (a hyphen splits), while "4.0", "share.exe" and "fin_wait_1"
    stay one word with their parts as forms."""
    groups = []
    for unit in _TOKEN_RE.findall(text):
        tokens = [t.text for t in ANALYZER(unit)]
        if tokens:
            groups.append(_word_forms(tokens))
    return groups


class PairAnalyzer(KBAnalyzer):
    """Adjacent word pairs ("shut_down", "mail_server") of a title or problem statement.

    Indexed in their own field, they reward an article where the query's words stand
    together: cheap proximity, without reading positions at search time.
    """

    def __call__(
        self, value: str, positions: bool = False, chars: bool = False, **kwargs: Any
    ) -> Iterator[Token]:
        token = Token(positions, chars, **kwargs)
        token.boost = 1.0
        token.stopped = False
        previous = None
        stops = _STOP_WORDS
        stems = self._stems
        for match in _TOKEN_RE.finditer(value.lower()):
            word = match.group(0)
            if word in stops:
                continue
            stemmed = stems.get(word)
            if stemmed is None:
                stemmed = self.stem(word)
            if previous is not None:
                token.text = f"{previous}_{stemmed}"
                yield token
            previous = stemmed

    def term_counts(self, value: str) -> dict[str, int]:
        """Each pair of `value` -> how often it occurs: what `__call__` yields, counted,
        in one call (the build's; see `KBAnalyzer.term_positions`)."""
        # Filtered and stemmed by C-level map and filter: a list comprehension's
        # per-word step was half of this call.
        seq = list(filterfalse(_STOP_WORDS.__contains__, _TOKEN_RE.findall(value.lower())))
        try:
            seq = list(map(self._stems.__getitem__, seq))
        except KeyError:  # a word not stemmed before
            seq = list(map(self.stem, seq))
        return Counter(map("_".join, pairwise(seq)))


# Every index's table of contents holds its schema, pickled, and the pickle names the
# analyzers by module. Indexes have always named them `kbassist.index.KBAnalyzer` and
# `kbassist.index.PairAnalyzer` (kbassist/index.py re-exports both): kept, so an index
# stays readable by every kbassist of the same SCHEMA_VERSION, older or newer.
KBAnalyzer.__module__ = PairAnalyzer.__module__ = "kbassist.index"


def make_analyzer() -> KBAnalyzer:
    """The one analyzer for indexing and querying (search what is indexed)."""
    return KBAnalyzer()


ANALYZER = make_analyzer()

#: A comma inside one product name ("Active Directory\\User, computer, group, ..."), as
#: stored: the `products` field is a comma-separated list. Read back as a comma.
PRODUCT_COMMA = "\u201a"


def product_names(stored: str) -> list[str]:
    """The product names of a stored `products` value, their own commas back."""
    return [p.replace(PRODUCT_COMMA, ",") for p in stored.split(",") if p.strip()]


SEARCH_FIELDS = ("title", "symptoms", "text", "cause", "resolution", "code", "keywords", "product")
#: The body, split by role: what a `text:` (`body:`) filter searches.
BODY_FIELDS = ("text", "cause", "resolution")
FIELD_BOOSTS = {
    "title": 3.0,
    "symptoms": 2.0,
    "keywords": 1.5,
    "product": 1.2,
    "text": 1.0,
    "cause": 1.0,
    "resolution": 1.0,
    "code": 0.5,
}


def make_schema() -> fields.Schema:
    """Fields an admin searches by, plus what the result list shows without a file read."""
    return fields.Schema(
        path=fields.ID(unique=True, stored=True),
        id=fields.ID(stored=True),
        idkey=fields.ID(),  # the id case-folded: `show q98097` finds Q98097
        title=fields.TEXT(analyzer=ANALYZER, stored=True),
        product=fields.TEXT(analyzer=ANALYZER),
        products=fields.KEYWORD(stored=True, commas=True, lowercase=True),
        keywords=fields.TEXT(analyzer=ANALYZER),
        symptoms=fields.TEXT(analyzer=ANALYZER),
        text=fields.TEXT(analyzer=ANALYZER),
        cause=fields.TEXT(analyzer=ANALYZER),
        resolution=fields.TEXT(analyzer=ANALYZER),
        code=fields.TEXT(analyzer=ANALYZER),
        section=fields.KEYWORD(stored=True, lowercase=True),
        pairs=fields.TEXT(analyzer=PairAnalyzer(), phrase=False),
        # Unstemmed title words: what "did you mean" suggests (real words, small lexicon).
        spell=fields.KEYWORD(lowercase=True),
        # What snippets are cut from, bounded (`snippet_source`): searching never reads
        # or parses an article file. A column, not a stored field, so reading every
        # title for the palette does not decompress every snippet source too.
        snippet=fields.COLUMN(columns.CompressedBytesColumn()),
    )


def path_key(rel: str) -> str:
    """How the index spells a file's path below the articles folder.

    Whoosh writes terms as strict UTF-8, so a name that is not UTF-8 (`caf\xe9.md`,
    surrogate-escaped by Python as `caf\udce9.md`) could not be stored: each bad byte is
    written `//XX` instead. A path never holds `//`, so every other path is stored as it
    is, and indexes written before this stay valid.
    """
    if rel.isascii() or not _SURROGATE_RE.search(rel):
        return rel
    return _SURROGATE_RE.sub(lambda m: f"//{ord(m.group(0)) - 0xDC00:02X}", rel)


def path_from_key(key: str) -> str:
    """The path `path_key` spelt `key` for (surrogate-escaped again, ready to open)."""
    if "//" not in key:
        return key
    return re.sub(r"//([89A-F][0-9A-F])", lambda m: chr(0xDC00 + int(m.group(1), 16)), key)


_SURROGATE_RE = re.compile("[\udc80-\udcff]")


#: Roles whose text states the problem an admin sees: SYMPTOMS in the archive, Symptoms
#: in a support article, Meaning and Impact in a runbook.
SYMPTOM_ROLES = frozenset({"symptom", "impact"})
#: Role -> the field its text is indexed in; other roles go to `text`.
ROLE_FIELDS = {"cause": "cause", "resolution": "resolution"}
_FENCE_RE = re.compile(r"^[ \t]*(```+|~~~+)[^\n]*\n(.*?)^[ \t]*\1", re.S | re.M)
_CODE_SPAN_RE = re.compile(r"`([^`\n]{2,200})`")


def code_text(text: str) -> str:
    """Fenced code blocks and inline code spans: commands, paths, registry keys."""
    found = [m.group(2) for m in _FENCE_RE.finditer(text)]
    found += [m.group(1) for m in _CODE_SPAN_RE.finditer(_FENCE_RE.sub(" ", text))]
    return "\n".join(found)


def document(article: Article, relpath: str) -> dict[str, object]:
    """The fields Whoosh indexes for one article.

    Sections are split by role (kbassist/articles/roles.py), so "symptom" means the same
    in Q98097, a runbook and a support article: the problem statement is every symptom
    and impact section, else the summary; cause and resolution have their own fields;
    the rest is `text`. No text is indexed twice except code spans (small).
    """
    roles = [section.role for section in article.sections]
    problem = SYMPTOM_ROLES if SYMPTOM_ROLES.intersection(roles) else {"summary"}
    parts: dict[str, list[str]] = {"symptoms": [], "cause": [], "resolution": [], "text": []}
    for section, role in zip(article.sections, roles, strict=True):
        if role == "applies-to" or section.key == "appliesto":
            continue
        if role in problem:
            parts["symptoms"].append(section.text)
        else:
            parts[ROLE_FIELDS.get(role, "text")].append(section.text)
    symptoms = parts["symptoms"]
    sections = [s.key for s in article.sections if s.key] + [r for r in roles if r]
    return {
        "path": path_key(relpath),
        "id": article.id,
        "idkey": normalize_id(article.id),
        "title": article.title,
        "product": " ".join(article.products),
        "products": ",".join(p.replace(",", PRODUCT_COMMA) for p in article.products),
        "keywords": " ".join(article.query_words + article.keywords),
        "symptoms": "\n".join(symptoms),
        "text": "\n".join(parts["text"]),
        "cause": "\n".join(parts["cause"]),
        "resolution": "\n".join(parts["resolution"]),
        "code": code_text(article.body) if "`" in article.body else "",
        "section": " ".join(dict.fromkeys(sections)),
        "pairs": article.title + "\n" + "\n".join(symptoms),
        "spell": " ".join(dict.fromkeys(_TOKEN_RE.findall(article.title.lower()))),
        "snippet": snippet_source(article).encode("utf-8"),
    }
