"""A runbook Mitigation in prose with "See [doc](url)" lines: its actions ticked, the
links shown under them (round 26).

KubeDaemonSetRolloutStuck's Mitigation is three paragraphs: "See [DaemonSet rolling
update is stuck](https://...)", "In some rare cases you may need to change node
affinities or delete pod manually ...", "See [Debugging Pods](https://...)". No sentence
read as an action, so the whole section was one ticked blob of two links and a remark;
KubePodCrashLooping, KubeletDown and KubeNodeNotReady glued their "See [...]" line onto
their one action the same way. Such a Mitigation is now said paragraph by paragraph:
each action sentence is a tick, the explaining sentences around it its detail, and a
"See <doc> (url)" paragraph a "Link:" note under the action it follows (or precedes,
when it opens the section). A pointer to another runbook's page keeps a tick of its own,
so `runbook_pointers.pointer_steps` says it as "Follow the X runbook". A section with
no such pointer paragraph is left to the other readers.
"""

from __future__ import annotations

import re

from kbassist.articles.model import Paragraph, Part
from kbassist.drafting.text import split_sentences, with_detail

#: One web pointer: "See DaemonSet rolling update is stuck (https://...)", as
#: `modern.with_urls` writes a "See [title](url)" line; bounded, so linear on any text.
_WEB_POINTER_RE = re.compile(
    r"(?:see|refer to|check out)\s{1,5}(?:the\s{1,5})?(?P<name>[^()\n]{2,120}?)\s{0,5}"
    r"\((?P<url>https?://[^\s()]{1,400})\)\s{0,5}\.?",
    re.IGNORECASE,
)
#: A paragraph that points elsewhere with no web address: "See [Node Filesystem Files
#: Filling Up]({{< ref ... >}}) for additional mitigation steps." (another runbook).
_POINTS_RE = re.compile(r"^(?:see|refer to|follow|read)\b", re.IGNORECASE)
#: "In some rare cases you may need to change node affinities ...", "You may need to
#: limit which metrics to send": an action (and its case) said as what may be needed.
_NEED_TO_RE = re.compile(
    r"^(?:(?P<case>(?:in|if|when|for)\b[^,;:]{2,80}?),?\s{1,5})?you\s{1,5}"
    r"(?:(?:may|might|will|would)\s{1,5})?(?:need|have)\s{1,5}to\s{1,5}(?P<act>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)

#: What runbooks say the admin may need to do that the imperative list does not know.
_MORE_VERBS_RE = re.compile(r"^(?:limit|restrict|lower|raise|tune|throttle)\b", re.IGNORECASE)


def web_pointers(text: str) -> list[tuple[str, str]] | None:
    """(name, url) of each "See X (url)" when `text` is nothing but such pointers; None
    when it says anything else."""
    found: list[tuple[str, str]] = []
    at = 0
    for match in _WEB_POINTER_RE.finditer(text):
        if text[at : match.start()].strip():
            return None
        found.append((match.group("name").strip(), match.group("url")))
        at = match.end()
    if not found or text[at:].strip():
        return None
    return found


def _tick(sentence: str) -> str:
    """The sentence said as a tick, or "" when it explains rather than asks."""
    from kbassist.drafting.blocks import _imperative
    from kbassist.drafting.runbook_prose_ticks import _as_tick

    need = _NEED_TO_RE.match(sentence)
    if need:
        act = need.group("act")
        if _imperative(act[:1].upper() + act[1:]) or _MORE_VERBS_RE.match(act):
            case = need.group("case") or ""
            return f"{case[:1].upper()}{case[1:]}, {act}" if case else act[:1].upper() + act[1:]
    return _as_tick(sentence)


def _paragraph_ticks(text: str) -> list[str]:
    """A paragraph's action sentences as ticks, each explaining sentence shown under the
    tick it follows (or the first tick, when it comes before any); [] with no action."""
    ticks: list[str] = []
    before: list[str] = []
    for sentence in split_sentences(text):
        tick = _tick(sentence)
        if tick:
            ticks.append(with_detail(tick, " ".join(before)) if not ticks and before else tick)
            before = []
        elif ticks:
            ticks[-1] = with_detail(ticks[-1], sentence)
        else:
            before.append(sentence)
    return ticks


def _names(paragraph: Paragraph, page: str) -> bool:
    """Whether the paragraph links to `page` (a Markdown link or a Hugo `ref`)."""
    said = [paragraph.text.plain, *(m.target for m in paragraph.text.marks if m.kind == "link")]
    return any(page.casefold() in text.casefold() for text in said)


def see_noted_steps(part: Part, own: str = "") -> list[str]:
    """The ticks of a prose Mitigation that holds a "See <doc> (url)" paragraph: its
    actions, with each such link a note under the action beside it; [] when the part
    is not prose with such a pointer (a list, a command, no pointer). `own`: the
    article's file name, so "See [this page](./Own.md) for more steps" is no step."""
    from kbassist.drafting.modern import prose_paragraphs, with_urls

    paragraphs = prose_paragraphs(part)
    if not paragraphs or len(paragraphs) < 2:
        return []
    items: list[str] = []
    pending: list[str] = []  # links seen before any action
    pointed = False
    for paragraph in paragraphs:
        text = with_urls(paragraph) if isinstance(paragraph, Paragraph) else ""
        if not text:
            continue
        if own and _POINTS_RE.match(text) and _names(paragraph, own):
            pointed = True  # the runbook points at itself: nowhere to go
            continue
        links = web_pointers(text)
        if links is not None:
            pointed = True
            notes = "\n\n".join(f"Link: {name}: {url}" for name, url in links)
            if items:
                items[-1] = with_detail(items[-1], notes)
            else:
                pending.append(notes)
            continue
        ticks = _paragraph_ticks(text)
        if not ticks and items and not _POINTS_RE.match(text):
            items[-1] = with_detail(items[-1], text)  # it explains the action above
            continue
        if not ticks and _POINTS_RE.match(text) and len(split_sentences(text)) == 1:
            pointed = True  # another runbook's page: its own tick, "Follow the X runbook"
        items.extend(ticks or [text])
        if pending:  # the links opening the section: under its first action
            items[0] = with_detail(items[0], "\n\n".join(pending))
            pending = []
    if not pointed or not items:
        return []
    return items
