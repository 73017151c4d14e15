"""A download list per language is one step, never a fix per language (issue 13, archive).

MS KB hotfix articles list their files under one line per language ("US English:",
"Dutch:", ... each with "x86: Q123i.exe" and "Alpha: Q123a.exe"), often twice (the fix,
then its debug symbols). Read as sub-headings they became fixes named "US English",
"Dutch", "US English (2)", each ticking the x86 and the Alpha file together. The admin
downloads one file: the list is the detail of one "Download the fix" step.
"""

from __future__ import annotations

import re

from kbassist.drafting.option_model import Option
from kbassist.drafting.text import split_detail, with_detail

#: A label that only names a language of a download list ("US English", "Chinese
#: (Simplified)", "Portuguese (Brazil)") or a platform ("x86", "Alpha").
_LANGUAGE_RE = re.compile(
    r"^(?:(?:us|u\.s\.|international|british)\s+)?(?:english|arabic|chinese|czech|danish|dutch"
    r"|finnish|french|german|greek|hebrew|hungarian|italian|japanese|korean|norwegian"
    r"|polish|portuguese|brazilian portuguese|russian|spanish|swedish|turkish|thai"
    r"|x86|alpha|ia-?64|itanium|x64|mips|ppc|powerpc)"
    r"(?:\s+\((?:simplified|traditional|brazil|portugal|taiwan|hong kong|prc)\))?"
    r"(?:\s+\(\d{1,2}\))?$",
    re.IGNORECASE,
)
#: The step that gets the files: it shows them.
_DOWNLOAD_STEP_RE = re.compile(r"\bdownload", re.IGNORECASE)
#: The page's link text around a file name.
_LINK_TEXT_RE = re.compile(r"DownloadDownload\s+|\s+now\b")

LIST_STEP = "Download the file for your language and platform, then run it to install the fix."


def _announces(item: str) -> bool:
    """A download step whose last line leads into the list ("... Download Center:")."""
    return bool(_DOWNLOAD_STEP_RE.search(item)) and item.rstrip().endswith(":")


def language_option(option: Option) -> bool:
    """Whether the option is only one language's (or platform's) files of a list."""
    return option.kind == "option" and bool(_LANGUAGE_RE.match(option.label.strip()))


def _shown(option: Option) -> str:
    """One language's files as one line: "Dutch: x86: Q1i.exe (url); Alpha: Q1a.exe"."""
    files = []
    for item in option.items:
        text, _ = split_detail(item)
        if re.search(r"\.(?:exe|msi|msu|zip|cab)\b", text, re.IGNORECASE):
            files.append(" ".join(_LINK_TEXT_RE.sub(" ", text).split()))
    return f"{option.label}: {'; '.join(files)}" if files else ""


def language_downloads(options: list[Option]) -> list[Option]:
    """Two or more language (or platform) options become the detail of the download step
    before them, else of one new "Download the fix" option in their place."""
    found = [o for o in options if language_option(o)]
    if len(found) < 2:
        return options
    lines = [line for line in map(_shown, found) if line]
    if len(lines) < 2:
        return options
    listing = "Files:\n" + "\n".join(lines)
    first = options.index(found[0])
    kept = [o for o in options if all(o is not f for f in found)]
    # the step that announces the list ("Download the fix as instructed below." over "The
    # following files are available for download ...:"), else the option just before
    leads = [o for o in options[:first] if o.items and _announces(o.items[-1])]
    before = leads[-1] if leads else (options[first - 1] if first else None)
    if before is not None and before.items and _DOWNLOAD_STEP_RE.search(before.items[-1]):
        before.items[-1] = with_detail(before.items[-1], listing)
        return kept
    merged = Option(found[0].section, "Download the fix", found[0].lead, [LIST_STEP])
    merged.items[0] = with_detail(LIST_STEP, listing)
    kept.insert(first, merged)
    return kept
