"""Verify lines that paste the article's example record or lean on a referent they do not
carry (round 36, verify37).

- An event or log line quoted as the article shows it keeps that one occurrence's
  timestamp and volume ("event 547 ('The backup operation that started at
  '?2012?-?03?-?31T07:00:05.7Z' has encountered errors for the volume(s)'F:'')"; "Check
  that this no longer appears: 2012-01-14 22:16:26.47 spid20s Error: 15581, ..."): the
  admin's record never has that time. The time is elided ("'...'"), a leading log stamp
  dropped, and in a record that had one, a quoted drive or path too.
- "Check that the transaction log file grows by that value.": "that value" pointed at the
  symptom's sentence before ("The file growth value that is configured ..."), which the
  verify left behind: the noun phrase is said instead.

File-date checks ("Ntfs.sys is dated 11/05/98 or later") are the article's own figures,
never an example: left as they are.
"""

from __future__ import annotations

import re
from typing import Any

#: A date, ISO or US, with an optional time; the archive's '?2012?-?03?-?31T07:00:05Z'
#: keeps the direction marks the web page had as "?".
_STAMP = (
    r"(?:\?\d{4}\?-\?\d{2}\?-\?\d{2}\?*|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?(?: ?[AP]M)?)?"
)
#: The stamp inside a quote: 'started at '...' has'.
_QUOTED_STAMP_RE = re.compile(rf"(?P<q>['\"]){_STAMP}(?P=q)")
#: A log line's leading stamp and the token after it ("22:16:26.47 spid20s", "| ").
_LEADING_STAMP_RE = re.compile(
    rf"(?P<at>(?:appears|occurs|logged|reported): |\(\"|\"|\. ){_STAMP}"
    r"(?:\s+(?:\||[a-z]+\d+[a-z]?\b))?\s*"
)
#: A later log line's stamp: "V3.2a 06/12/95 16:52:23 | Fatal [ 7] ...".
_PIPED_STAMP_RE = re.compile(rf"\s+{_STAMP}\s+\|\s+")
#: A quoted drive or path in the same record: "volume(s)'F:'", "'C:\\Logs\\x.log'".
_QUOTED_PLACE_RE = re.compile(r"(?P<q>')[A-Za-z]:(?:\\[^'\s]*)?(?P=q)")
#: The article's own figures: a file's date, a release's version.
_FILE_DATE_RE = re.compile(r"\bis dated\b|\bModified date\b|\bdated \S+ or later\b")


def example_elided(text: str) -> str:
    """`text` with the example record's own time (and then place) elided; unchanged
    when it quotes no stamped record or is a file-date check."""
    if _FILE_DATE_RE.search(text) or not re.search(_STAMP, text):
        return text
    out = _QUOTED_STAMP_RE.sub(lambda m: f"{m['q']}...{m['q']}", text)
    out = _LEADING_STAMP_RE.sub(lambda m: m["at"], out)
    out = _PIPED_STAMP_RE.sub(" ... ", out)  # a second log line's stamp: where it starts
    if out == text:
        return text
    return _QUOTED_PLACE_RE.sub("'...'", out)


#: "by that value": a demonstrative noun the verify took from its sentence without the
#: sentence before, where it was named.
_DEMONSTRATIVE_RE = re.compile(
    r"\b(?P<d>that|this|those|these) (?P<n>value|amount|size|number|setting|limit|threshold)"
    r"(?P<s>s?)\b"
)


def referent_said(text: str, symptom: str) -> str:
    """`text` with "that value" said as the symptom names it ("the file growth value that
    is configured"): only when the verify names no such noun itself and the symptom names
    exactly one; else unchanged."""
    found = _DEMONSTRATIVE_RE.search(text)
    if found is None or not symptom:
        return text
    noun = found["n"]
    if re.search(rf"\b(?:the|a|an) (?:[\w-]+ ){{0,3}}{noun}s?\b", text[: found.start()], re.I):
        return text
    flat = " ".join(symptom.split())
    named = {
        m.group(0)[0].lower() + m.group(0)[1:]
        for m in re.finditer(
            rf"\b[Tt]he (?!{found['d']}\b)(?:[\w-]+ ){{1,3}}{noun}s?(?: that is \w+ed)?\b", flat
        )
    }
    if len(named) != 1:
        return text
    return f"{text[: found.start()]}{named.pop()}{text[found.end() :]}"


def verify_examples(tree: dict[str, Any], symptom: str) -> None:
    """Every outcome's verify with the example record's time elided and a dangling "that
    value" named (see the module docstring)."""
    for node in tree.get("nodes") or []:
        if not isinstance(node, dict) or node.get("kind") != "outcome":
            continue
        for n, item in enumerate(node.get("verify") or []):
            if not isinstance(item, dict):
                continue
            text = str(item.get("text", ""))  # no pattern here reads or writes a brace
            said = referent_said(example_elided(text), symptom)
            if said != text:
                node["verify"][n] = {**item, "text": said}
