"""The verify of a fix that installs a release: the release the article says fixed it.

Readers mark "Check that the problem no longer occurs: <the symptom pasted>" under
"Obtain the latest service pack for Windows NT 4.0" as a restated symptom where the
article gives a better check: its STATUS says "This problem was first corrected in
Windows NT 4.0 Service Pack 4", so the admin checks that Service Pack 4 or later is
installed. These helpers read that sentence by its kind, never by article, and say
which outcomes install a release (a service pack, an upgrade, "the version or update
that fixes it") as opposed to a workaround or a hotfix from support, whose files the
service pack's number does not describe.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kbassist.drafting.text import Hinted, split_detail, split_sentences
from kbassist.drafting.verify import installed_how

if TYPE_CHECKING:
    from kbassist.articles import Article

#: "This problem was first corrected in Windows NT 4.0 Service Pack 4.", "This bug has
#: been fixed in Visual Basic 5.0.": the release that fixed the problem.
_FIXED_SENTENCE_RE = re.compile(
    r"^(?:this|the)\s+(?:problem|bug|issue|behaviou?r|error)\s+(?:was|has\s+been|is)\s+"
    r"(?:first\s+)?(?:corrected|fixed|resolved)\s+(?:in|with\s+(?=(?-i:[A-Z]))"
    r"|by\s+(?=(?-i:[A-Z]))(?=(?:[\w.]+\s+){0,6}Service\s+Pack\s+\d))(?P<what>.{3,160}?)\.?$",
    re.IGNORECASE,
)
#: A release the check cannot name: "the latest U.S. Service Pack", "a future release",
#: "the documentation of ...", "later versions".
_UNNAMED_RE = re.compile(
    r"^(?:the\s+)?(?:latest|next|current|future|later|newer|upcoming|a\s|an\s)|\bdocumentation\b"
    r"|\b(?:latest|later|future)\b",
    re.IGNORECASE,
)
#: A release named by its number: "Service Pack 4", "version 3.51", "Office 97", "SR-2".
_NUMBERED_RE = re.compile(r"\d")
#: The longest release named in a check.
MAX_RELEASE = 120


def fixed_releases(article: Article) -> list[str]:
    """The releases STATUS (or RESOLUTION) says first corrected the problem, as written
    ("Windows NT 4.0 Service Pack 4.0", "Windows NT Server 4.0, Terminal Server Edition
    Service Pack 4"); [] when it names none by number ("the latest U.S. Service Pack")."""
    for section in article.sections:
        if section.key not in {"status", "resolution"}:
            continue
        for sentence in split_sentences(" ".join(section.text.split())):
            found = _FIXED_SENTENCE_RE.match(sentence.strip())
            if found is None:
                continue
            # "Visual C++ version 2.0, which includes MFC version 3.0": the release only
            what = re.split(r",?\s+(?:which|that)\s", found.group("what"), maxsplit=1)[0]
            what = what.strip().rstrip(".")
            if _UNNAMED_RE.search(what) or len(what) > MAX_RELEASE:
                return []
            parts = [p.strip(" ,") for p in re.split(r"\s+and\s+(?=[A-Z])", what)]
            if len(parts) >= 2 and all(_NUMBERED_RE.search(p) for p in parts):
                return parts
            return [what] if _NUMBERED_RE.search(what) else []
    return []


#: "FORTRAN PowerStation version 1.0 can be differentiated from the maintenance release
#: version 1.0a by invoking the linker.": the article's own way to tell the releases apart.
_TOLD_APART_RE = re.compile(
    r"\bcan be (?:differentiated|distinguished|told apart) from\b(?:[^.]|\.\w){0,120}\bby\b", re.I
)
#: 'Typing "link32 | more" ... will show version 2.8 for ...': the sentence that says how.
_SHOWS_RE = re.compile(
    r"\b(?:show|shows|display|displays|report|reports)\b(?:[^.]|\.\w){0,80}\bversion\b"
)


def told_apart_check(article: Article) -> str:
    """ "Check which release is installed, the way the article tells them apart: <its
    sentences>" when STATUS says how to tell the fixed release from the old one (a
    command whose output shows the version); "" otherwise."""
    for section in article.sections:
        lower = section.text.casefold()
        if section.key != "status" or (
            "differentiated" not in lower and "distinguished" not in lower
        ):
            continue
        said = split_sentences(" ".join(section.text.split()))
        for n, sentence in enumerate(said):
            if not _TOLD_APART_RE.search(sentence):
                continue
            how = [sentence]
            if n + 1 < len(said) and _SHOWS_RE.search(said[n + 1]):
                how.append(said[n + 1])
            return (
                "Check that the release with the fix is installed, the way the article tells "
                f"them apart: {' '.join(how)}"
            )
    return ""


def fixed_release_check(releases: list[str]) -> str:
    """ "Check that Windows NT 4.0 Service Pack 4.0 or later is installed (the release the
    article says first corrected this problem): run winver, ...": where the admin reads
    it; "" for no release."""
    if not releases:
        return ""
    how = installed_how(releases[0])
    if len(releases) > 1:
        # "Windows NT 4.0 Service Pack 4.0 and Windows NT Server 4.0, Terminal Server
        # Edition Service Pack 4": one per product, the admin's is the one to check
        return (
            "Check that the release that corrected this problem for your product, or a later "
            f"one, is installed (the article: {'; '.join(releases)}): {how}."
        )
    return (
        f"Check that {releases[0]} or later is installed (the release the article says "
        f"corrected this problem): {how}."
    )


#: What installs a release: a service pack or service release, an upgrade, "the version
#: or update that fixes it"; never a hotfix obtained from support (its files predate the
#: service pack the STATUS names).
#: (Searched only where one of its words is: `Hinted`.)
_INSTALLS_RE = Hinted(
    re.compile(
        r"\bservice\s+(?:pack|release)s?\b|\bSR-?\d\b|^upgrade\b|\bupgrade to\b"
        r"|\bversion or update\b|\b(?:obtain|install|get)\s+(?:the\s+)?(?:latest\s+)?version\b",
        re.IGNORECASE,
    ),
    ("service", "sr", "upgrade", "version"),
)
_HOTFIX_RE = Hinted(
    re.compile(r"\bhot ?fix\b|\bproduct support services\b|\bPSS\b", re.IGNORECASE),
    ("hot", "product support services", "pss"),
)


def installs_release(label: str, items: list[str]) -> bool:
    """Whether an outcome installs a release (its label or its first step names a service
    pack or an upgrade), not a hotfix from support or a workaround."""
    said = [label, *(split_detail(i)[0] for i in items[:1])]
    if any(_HOTFIX_RE.search(s) for s in said):
        return False
    return any(_INSTALLS_RE.search(s) for s in said)


#: The drafter's verify that pastes the symptom ("Check that the problem no longer occurs:
#: <symptom>", "<Action> again, and check that this no longer happens: <result>").
_RESTATED_RE = re.compile(
    r"^Check that (?:the problem no longer occurs|this no longer happens): "
    r"|\bagain, and check that this no longer happens: "
)


def restates(verify: str) -> bool:
    """Whether a verify only pastes the symptom: after a version check (a file table's, a
    service pack's) it adds nothing a reader can check and is left out."""
    return bool(_RESTATED_RE.search(split_detail(verify)[0]))


#: A step to reproduce that changes the system for everyone on it: the clock or date set
#: back, a disk formatted or partitioned, system files or registry keys deleted. Replayed
#: as a verify on a real system it does harm (readers: "would damage a real project").
_HARMFUL_STEP_RE = re.compile(
    r"\bset (?:the |your )?(?:system |computer's )?(?:clock|date|time)\b"
    r"|\b(?:change|move) (?:the |your )?(?:system |computer's )?(?:clock|date|time)\b"
    r"|\bclock back\b|\bformat (?:the |a |your )?(?:hard )?(?:disk|drive)\b|\bfdisk\b"
    r"|\bdelete (?:the |a |your )?(?:registry|system files?|partition)",
    re.IGNORECASE,
)


def replays_harm(verify: str) -> bool:
    """Whether a "repeat the article's steps to reproduce" verify replays a step that
    changes the system for everyone (the clock set back, a disk formatted): never a check
    to run on a real system after a fix."""
    text, detail = split_detail(verify)
    return bool(_HARMFUL_STEP_RE.search(detail or text))


def result_without_replay(verify: str) -> str:
    """The result a harmful steps-to-reproduce verify ends with, turned round and checked
    on the admin's own work instead of replayed ("Do not repeat the article's steps to
    reproduce (they set the system clock back); check that the label appears in the
    project's history."); "" when the result does not turn round."""
    from kbassist.drafting.verify_form import structured_check

    text, detail = split_detail(verify)
    said = re.search(r"\bcheck that this no longer happens: (?P<res>.+)$", text)
    harm = _HARMFUL_STEP_RE.search(detail or text)
    if said is None or harm is None:
        return ""
    check = structured_check(said.group("res"))
    if not check.startswith("Check that "):
        return ""
    return (
        f'Do not repeat the article\'s steps to reproduce (one is "{harm.group(0)}"): in your '
        f"own work, c{check[1:]}"
    )
