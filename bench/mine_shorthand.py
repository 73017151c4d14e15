"""Mine admins' shorthand from the archive itself; writes the table the search reads.

    python bench/mine_shorthand.py ROOT [--min N] > kbassist/search/whoosh_backend/mined.py

ROOT: a folder of articles (the benchmark's combined KB: the archive, the runbooks and
the MS support sample, unpacked by bench_quality.py).

Run by hand, once per corpus release; the output is reviewed before it is committed
(`REJECTED` below lists what review took out, and why). Two sources, both the corpus's
own words, so nothing is guessed:

1. Definitions in the text: "Outlook Web Access (OWA)", "Microsoft Cluster Server
   (MSCS)", "virtual machine instance (VMI)". The words before the parenthesis whose
   initials spell the abbreviation (a CamelCase word gives its capitals, "SourceSafe"
   -> "ss"; "Microsoft" may give "ms") are its expansion. Kept: seen at least `--min`
   times; the commonest expansion (its plural folded in) at least 70% of them; written
   in capitals in at least 90% of the places the word occurs (an acronym, not an
   English word: "post", "com", "his" fail this); and the expansion itself written out
   at least a fifth as often as the abbreviation (an abbreviation articles nearly
   always use as it is, "SNA", "TCP", gains nothing from its expansion).
2. Title prefixes: "WD97: ...", "PPT7: ...", "XL: ..." with the Product(s) header of
   the articles under them. A prefix of letters (then an optional version) maps to its
   product when at least 90% of its (at least `--min`) articles name that product and
   the letters abbreviate the product's name (a subsequence of it from a word start:
   "wd" of "Word", "ppt" of "PowerPoint"), so a prefix grouping articles by team
   ("XADM", "PRB") is not taken for a product.

The table maps a lower-case word to the words it stands for; `analysis.query_groups`
consults the reviewed `SHORTHAND` first, then this table, then prefix + version rules.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

#: Taken out on review: ambiguous in an admin's query, or the expansion is a generic
#: phrase that would only dilute the query (the abbreviation itself is still searched).
REJECTED = {
    "me": "English word (Windows Me is handled as 'me' itself)",
    "is": "English word",
    "us": "English word",
    "ui": "generic",
    "kb": "means the knowledge base itself",
    "dc": "device context vs domain controller: ambiguous",
    "ca": "ambiguous (Computer Associates, certificate authority)",
    "cd": "ambiguous",
    "ip": "the abbreviation is what articles use",
    "os": "generic",
    "sa": "ambiguous (system administrator)",
    "re": "English prefix",
    "sp": "handled with its version by the prefix rules",
    "com": "also .com",
    "post": "English word",
    "cap": "English word",
    "fat": "the abbreviation is what articles use",
    "his": "English word",
    "pm": "time of day",
    "av": "ambiguous",
    "dl": "ambiguous",
    "tp": "ambiguous",
    "ma": "ambiguous",
    "cb": "ambiguous",
    "km": "ambiguous",
    "ti": "ambiguous",
    "ri": "ambiguous",
    "ru": "ambiguous",
    "rh": "ambiguous",
    "cr": "ambiguous",
    "rc": "ambiguous",
    "ec": "ambiguous",
    "lu": "ambiguous",
    "cn": "ambiguous",
    "ou": "ambiguous",
    "eb": "ambiguous",
    "se": "ambiguous",
    "pf": "ambiguous",
    "rr": "ambiguous",
    "dn": "ambiguous",
    "gp": "ambiguous",
    "mac": "Macintosh, not Media Access Control",
    "fp": "the archive's product name is 'Word Front Page': SHORTHAND maps fp to frontpage",
    "fp97": "as fp",
    "fp98": "as fp",
    "sql": "the abbreviation is the name",
    "amd": "a company",
    "hp": "a company",
    "dec": "a company",
    "msic": "a sales office",
    "msj": "a magazine",
    "pss": "Microsoft's support service, not a product",
    "faq": "generic",
}

_DEF_RE = re.compile(r"((?:[A-Za-z][A-Za-z0-9+-]*[ -]){1,7})\(([A-Z][A-Za-z0-9]{1,7})\)")
_CAMEL_CAPS_RE = re.compile(r"[A-Z]")
_TITLE_RE = re.compile(r'^title:\s*"?(?:Q\d+:\s*)?(.*?)"?\s*$', re.M)
_PREFIX_RE = re.compile(r"([A-Za-z]{2,8})(\d{0,4}):\s")
_PRODUCT_RE = re.compile(r"Product\(s\):[ \t]*(.*)")
_WORD_RE = re.compile(r"\b[A-Za-z][A-Za-z0-9]{1,7}\b")
_PRODUCT_NOISE = re.compile(
    r"\b(?:microsoft|for|windows|retail|product|networks?|the|and|ms-dos|macintosh)\b", re.I
)


def _initials(word: str) -> list[str]:
    """The letters a word may give an abbreviation: its first, its capitals, "ms"."""
    options = [word[0].lower()]
    caps = "".join(_CAMEL_CAPS_RE.findall(word[1:]))
    if caps and not word.isupper():
        options.append((word[0] + caps).lower())
    if word.lower() == "microsoft":
        options.append("ms")
    return options


def _spells(words: list[str], abbr: str) -> bool:
    """True when the words' initials, taken in order, spell `abbr` exactly."""

    def go(i: int, at: int) -> bool:
        if i == len(words):
            return at == len(abbr)
        return any(
            abbr.startswith(opt, at) and go(i + 1, at + len(opt)) for opt in _initials(words[i])
        )

    return go(0, 0)


def _is_abbreviation_of(letters: str, name: str) -> bool:
    """ "wd" of "Word", "ppt" of "PowerPoint", "fp" of "Front Page": a subsequence of the
    name that starts a word."""
    low = name.lower()
    for start in (m.start() for m in re.finditer(r"\b\w", low)):
        if low[start] != letters[0]:
            continue
        at = start + 1
        ok = True
        for ch in letters[1:]:
            at = low.find(ch, at) + 1
            if not at:
                ok = False
                break
        if ok:
            return True
    return False


def mine(root: Path, minimum: int) -> dict[str, tuple[str, str]]:
    """word -> (expansion, how it was found)."""
    defs: dict[str, Counter[str]] = defaultdict(Counter)
    prefix_products: dict[str, Counter[str]] = defaultdict(Counter)
    prefix_versions: dict[str, Counter[str]] = defaultdict(Counter)
    upper: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    texts = []
    for path in sorted(root.rglob("*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        texts.append(text)
        for match in _DEF_RE.finditer(text):
            abbr = match.group(2).lower()
            words = match.group(1).split()
            for k in range(1, len(words) + 1):
                if _spells(words[-k:], abbr):
                    defs[abbr][" ".join(words[-k:]).lower()] += 1
                    break
        title = _TITLE_RE.search(text[:2000])
        prefix = _PREFIX_RE.match(title.group(1)) if title else None
        product = _PRODUCT_RE.search(text[:3000])
        if prefix and product and product.group(1).strip():
            letters, version = prefix.group(1).lower(), prefix.group(2)
            prefix_products[letters + version][product.group(1).strip()] += 1
            if version:
                prefix_versions[letters + version][version] += 1
    wanted = {a for a, c in defs.items() if sum(c.values()) >= minimum}
    for text in texts:
        for word in _WORD_RE.findall(text):
            low = word.lower()
            if low in wanted:
                if word.isupper():
                    upper[low] += 1
                else:
                    lower[low] += 1
    # How often each candidate's long form is written out: an abbreviation articles
    # nearly always use as it is ("SNA", "TCP") gains nothing from its expansion.
    longs: dict[str, str] = {}
    for abbr in wanted:
        longs.update({p: abbr for p in defs[abbr]})
    long_re = re.compile(
        r"\b(" + "|".join(re.escape(p) for p in sorted(longs, key=len, reverse=True)) + r")\b"
    )
    spelt: Counter[str] = Counter()
    for text in texts:
        for match in long_re.finditer(text.lower()):
            spelt[longs[match.group(1)]] += 1
    table: dict[str, tuple[str, str]] = {}
    for abbr in sorted(wanted):
        counts = Counter()
        for phrase, n in defs[abbr].items():  # a plural counts for its singular
            single = phrase[:-1] if phrase.endswith("s") and phrase[:-1] in defs[abbr] else phrase
            counts[single] += n
        total = sum(counts.values())
        phrase, top = counts.most_common(1)[0]
        seen = upper[abbr] + lower[abbr]
        if len(abbr) < 2 or top < 0.7 * total or (seen and upper[abbr] < 0.9 * seen):
            continue
        if spelt[abbr] < 0.2 * seen:
            continue
        table[abbr] = (
            phrase,
            f"defined {top} of {total} times; capitals {upper[abbr]}/{seen}; "
            f"spelt out {spelt[abbr]}",
        )
    for prefix, products in sorted(prefix_products.items()):
        total = sum(products.values())
        product, top = products.most_common(1)[0]
        letters = re.match(r"[a-z]+", prefix)
        if total < minimum or top < 0.9 * total or not letters:
            continue
        name = " ".join(_PRODUCT_NOISE.sub(" ", product).lower().split())
        if letters.group(0) in name.split() or not _is_abbreviation_of(letters.group(0), name):
            continue
        version = prefix[len(letters.group(0)) :]
        if version and version not in name.split():
            name = f"{name} {version}"
        if name and prefix not in table:
            table[prefix] = (name, f"title prefix of {top} of {total} articles on {product!r}")
    return {k: v for k, v in table.items() if k not in REJECTED and v[0] != k}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="the unpacked archive (or any articles folder)")
    parser.add_argument("--min", type=int, default=5, help="least evidence for an entry")
    args = parser.parse_args()
    table = mine(args.root, args.min)
    out = sys.stdout
    out.write(
        '"""Shorthand mined from the articles themselves by bench/mine_shorthand.py\n'
        "(generated; reviewed: see REJECTED there). Word -> the words articles use for it,\n"
        "each with the evidence found for it.\n"
        '"""\n\n'
        "MINED = {\n"
    )
    for word, (phrase, why) in sorted(table.items()):
        out.write(f"    # {why}\n    {json.dumps(word)}: {json.dumps(phrase)},\n")
    out.write("}\n")


if __name__ == "__main__":
    main()
