"""A hotfix download beside the service pack: its own choice (issue 13, archive).

Exchange Server 5.5 articles (and others written the same way) say "To resolve this
problem, obtain the latest service pack for Exchange Server 5.5." and then "The
following files are available for download from the Microsoft Download Center: x86:
Q248838engi.exe ... Alpha: Q248838enga.exe". The download is a second way to get the
fix (a hotfix package, no whole service pack), but the step finder kept it as detail
under the service-pack step, with the page's "DownloadDownload ... now" link text and
its "stored on secure servers" line. Here it becomes an option of its own, its files
named per platform with their addresses.
"""

from __future__ import annotations

import re

from kbassist.articles import Article
from kbassist.drafting.option_model import Option
from kbassist.drafting.text import split_detail, step_text, with_detail

#: A step that gets a whole service pack: "Obtain the latest service pack for Exchange
#: Server 5.5.", "Install Windows NT 4.0 Service Pack 6a."
_PACK_STEP_RE = re.compile(
    r"^(?:to resolve this problem, )?(?:obtain|install|apply|get|download)\b[^.]{0,40}"
    r"\bservice pack\b",
    re.IGNORECASE,
)

#: "The following files are available for download from the Microsoft Download Center:"
_DOWNLOAD_LEAD_RE = re.compile(
    r"^the following (?:files? (?:is|are)|hotfix(?:es)? (?:is|are)) available for "
    r"download from the microsoft download center\b",
    re.IGNORECASE,
)

#: "x86: DownloadDownload Q248838engi.exe now": a platform and its file.
_FILE_LINE_RE = re.compile(
    r"^(?:(?P<platform>[A-Za-z][\w ]{0,20}):\s*)?(?:Download)*\s*(?P<file>[\w.-]+\.exe)\b"
    r"(?:\s+now)?\s*$",
    re.IGNORECASE,
)
_URL_LINE_RE = re.compile(r"^\(?(?P<url>https?://\S+?)\)?$")

#: The download page's notice: "The file is stored on secure servers ...".
_SECURE_RE = re.compile(r"\b(?:stored|housed) on secure servers\b", re.IGNORECASE)

DOWNLOAD_LABEL = "Download the fix from the Microsoft Download Center"


def listed_file(text: str) -> str:
    """The first file a "The following file is available for download from the Microsoft
    Download Center:" lead in `text` lists ("Gm1170.exe"), or ""."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for n, line in enumerate(lines):
        if _DOWNLOAD_LEAD_RE.match(line):
            for later in lines[n + 1 : n + 3]:
                if found := _FILE_LINE_RE.match(later):
                    return found.group("file")
    return ""


def _files(lines: list[str]) -> list[str]:
    """ "x86: Q248838engi.exe (http://...)" per file the listing names; [] when a line
    is neither a file nor its address (the listing is not one this reads)."""
    out: list[str] = []
    for line in lines:
        file_line = _FILE_LINE_RE.match(line)
        url = _URL_LINE_RE.match(line)
        if file_line is not None:
            platform = file_line.group("platform")
            name = file_line.group("file")
            out.append(f"{platform}: {name}" if platform else name)
        elif url is not None and out and "(" not in out[-1]:
            out[-1] = f"{out[-1]} ({url.group('url')})"
        else:
            return []
    return out


def _unsecured(para: str) -> list[str]:
    """The paragraph's lines without the download page's "secure servers" notice."""
    return [line for line in para.split("\n") if not _SECURE_RE.search(line)]


def _lines(para: str) -> list[str]:
    return [line.strip() for line in para.split("\n") if line.strip()]


def _split(detail: str) -> tuple[str, list[str]]:
    """(the detail without the download listing and its notice, the files listed); the
    listing may go on in the paragraphs after its lead ("x86: ..." and "Alpha: ..." a
    blank line apart)."""
    paras = detail.split("\n\n")
    for n, para in enumerate(paras):
        lines = _lines(para)
        if not lines or not _DOWNLOAD_LEAD_RE.match(lines[0]):
            continue
        files = _files(lines[1:]) if lines[1:] else []
        if lines[1:] and not files:
            return detail, []  # a listing this does not read: left where it is
        end = n + 1
        while end < len(paras) and (more := _files(_lines(paras[end]))):
            files, end = files + more, end + 1
        if not files:
            return detail, []
        rest = ["\n".join(_unsecured(p)) for p in paras[:n] + paras[end:]]
        return "\n\n".join(p for p in rest if p.strip()), files
    return detail, []


def download_options(article: Article, options: list[Option]) -> list[Option]:
    """`options` with each service-pack step's download listing ("The following files are
    available for download from the Microsoft Download Center: x86: ...") offered as an
    option of its own after it, followed by the same later steps ("After you apply the
    fix, run Isinteg ...")."""
    if article.style != "mskb":
        return options
    out: list[Option] = []
    for option in options:
        out.append(option)
        if option.kind != "option" or not option.items:
            continue
        text, detail = split_detail(option.items[0])
        if not _PACK_STEP_RE.match(step_text(text)):
            continue
        kept, files = _split(detail)
        if not files:
            continue
        option.items[0] = with_detail(text, kept)
        prefix = option.label.split(": ", 1)[0] if ": " in option.label else ""
        step = (
            "Download the file for your platform from the Microsoft Download Center: "
            + "; ".join(re.sub(r"\s*\(https?://\S+\)", "", f) for f in files)
            + "."
        )
        out.append(
            Option(
                option.section,
                f"{prefix}: {DOWNLOAD_LABEL}" if prefix else DOWNLOAD_LABEL,
                "",
                # what the article says to do after the fix is got holds for both ways
                [with_detail(step, "\n".join(files)), *option.items[1:]],
            )
        )
    return out
