"""Where the drafter's registry backup goes, and for which fix (round 24).

The export needs Registry Editor open and the key selected, so the backup belongs right
after the steps that open the editor and locate the key ("Start Registry Editor
(Regedt32.exe).", "Locate and click the following key: ..."), before the first step that
changes it ("On the Edit menu, click Add Value ..."). A fix whose own steps change no key
gets no backup step and no rollback: "Right-click the print queue and clear Use Printer
Offline. ... Instead, you can delete the registry key ..." changes the key only in the
other way the step offers, so the backup is a note beside that step. The key is named
when the article names it (its placeholder kept, `<print queue name>`, for the walker to
fill in) and `reg export "<key>" backup.reg` offered as the command.
"""

from __future__ import annotations

import re

from kbassist.drafting.text import split_detail, split_sentences, with_detail

#: A sentence that offers another way than the step's own action ("Instead, you can
#: delete the registry key ...", "Alternatively, ...", "You can also ..."): a change of
#: the key said there is not what ticking the step does.
_OTHER_WAY_RE = re.compile(
    r"^(?:instead|alternatively|as an alternative|or|otherwise)\b|^you (?:can|could) also\b",
    re.IGNORECASE,
)


def own_sentences(text: str) -> tuple[str, str]:
    """(the step's own action sentences, the sentences that offer another way) of a step's
    text; a step of one sentence is all its own."""
    if "nstead" not in text and "lternativ" not in text and " also " not in text:
        return text, ""  # most steps: no other way said, no sentence split
    own: list[str] = []
    other: list[str] = []
    for sentence in split_sentences(text):
        (other if other or _OTHER_WAY_RE.match(sentence.strip()) else own).append(sentence)
    return " ".join(own), " ".join(other)


#: A command under a step that changes a key ("Run the following command:" over `reg add
#: HKLM\... /v X /d 1`): the step that runs it changes the key.
_COMMAND_EDIT_RE = re.compile(
    r"\breg(?:\.exe)? (?:add|delete|import)\b|\b(?:set|new|remove)-itemproperty\b"
    r"|\bregedit(?:\.exe)? /s\b",
    re.IGNORECASE,
)


def edit_at(items: list[str], edits: re.Pattern[str]) -> tuple[int, int]:
    """(the first step whose own action, or the command under it, changes a key, the
    first step that changes one only in another way it offers); -1 for none."""
    own_at = other_at = -1
    for n, item in enumerate(items):
        text, detail = split_detail(item)
        own, other = own_sentences(text)
        if _edits(own, edits) or (detail and _COMMAND_EDIT_RE.search(detail)):
            return n, other_at
        if other_at < 0 and other and _edits(other, edits):
            other_at = n
    return own_at, other_at


#: A value's kind named alone ("DWORD", "string value", "value data"): a change only in a
#: sentence that acts ("Click DWORD Value", "In the Value data box, type 1"), not in one
#: that explains ("The format depends on the data type (DWORD or Binary)").
_KIND_ONLY_RE = re.compile(r"dword|string value|binary value|value data", re.IGNORECASE)
_ACTS_RE = re.compile(
    r"\b(?:(?<!data )(?<!as )(?<!file )(?<!value )type|enter|click|double-click|right-click|select"
    r"|point to|set|change|add|create"
    r"|modify|edit|delete|remove|rename|specify|assign)\b",
    re.IGNORECASE,
)


def _edits(text: str, edits: re.Pattern[str]) -> bool:
    """Whether `text` changes a key: a match of `edits` that is more than a value's kind,
    or a value's kind in a sentence with an action."""
    for match in edits.finditer(text):
        if not _KIND_ONLY_RE.fullmatch(match.group(0)):
            return True
        start = max(text.rfind(". ", 0, match.start()) + 1, 0)
        end = text.find(". ", match.end())
        if _ACTS_RE.search(text, start, end if end >= 0 else len(text)):
            return True
    return False


#: A change said through the editor's own dialogs ("Click String on the Edit menu, type
#: the site name in the String box", "double-click the Start value", "enter the name in
#: the Appsetup value"): where the backup goes, once Registry Editor is open (the step
#: that types "regedit" in the Run box, or a search string, is no change).
_DIALOG_EDIT_RE = re.compile(
    r"\b(?:type|enter)\b[^.\n]{0,50}?\b(?:values?|data|string|box)\b|\b(?:on|from) the edit menu\b"
    r"|\bdouble-click\b[^.\n]{0,60}?\bvalue\b|\bclick (?:modify|new|string|dword)\b",
    re.IGNORECASE,
)
_OPENS_RE = re.compile(r"\bregedit|\bregedt32|\bregistry editor\b", re.IGNORECASE)


def place_at(items: list[str], edit: int, first: int) -> int:
    """The first step at or after `first` (the one naming the registry) that changes a
    key: `edit` or an earlier one said through the editor's dialogs."""
    for n in range(first, edit if edit >= 0 else len(items)):
        own = own_sentences(split_detail(items[n])[0])[0]
        if _DIALOG_EDIT_RE.search(own) and not _OPENS_RE.search(own) and "search" not in own:
            return n
    return edit


def backup_text(*keys: str) -> str:
    """The backup step: in Registry Editor, or `reg export` with the key when it is named;
    every key when the fix edits several (each exported to its own file)."""
    if not keys or not keys[0]:
        return (
            "Back up the registry key before you change it: in Registry Editor, select it "
            "and click File > Export (or run `reg export` on it) to save a .reg file."
        )
    if len(keys) == 1:
        return (
            f"Back up the {keys[0]} key before you change it: in Registry Editor, select it "
            f'and click File > Export, or run `reg export "{keys[0]}" backup.reg`.'
        )
    named = " and the ".join(f"{key} key" for key in keys)
    exports = ", then ".join(f'`reg export "{key}" backup{n}.reg`' for n, key in enumerate(keys, 1))
    return (
        f"Back up the {named} before you change them: in Registry Editor, select each and "
        f"click File > Export, or run {exports}."
    )


def is_backup_text(text: str) -> bool:
    """Whether a step is `backup_text`'s: the drafter's words, never the article's to quote
    (a placeholder's prompt quoted "Back up the ...\\Printers\\<print queue name> key")."""
    return text.startswith("Back up the ") and (
        " key before you change it: in Registry" in text
        or " key before you change them: in Registry" in text
    )


def restore_text(*keys: str) -> str:
    """What the rollback restores, with how (the exported files of `backup_text`)."""
    if not keys or not keys[0]:
        return "registry key (double-click the .reg file you exported)"
    if len(keys) == 1:
        return "registry key (double-click backup.reg, or run `reg import backup.reg`)"
    files = " and ".join(f"backup{n}.reg" for n in range(1, len(keys) + 1))
    return f"registry keys (double-click {files}, or run `reg import` on each)"


def other_way_note(items: list[str], at: int, key: str) -> None:
    """The backup said beside the step whose other way changes the key (not ticked: the
    step's own action changes none, and neither does the fix's rollback)."""
    what = f"the {key} key" if key else "the registry key"
    command = f' (`reg export "{key}" backup.reg`)' if key else ""
    note = (
        f"If you take the step's other way and change {what}, back it up first: in Registry "
        f"Editor, select it and click File > Export{command}."
    )
    text, detail = split_detail(items[at])
    items[at] = with_detail(text, "\n\n".join(p for p in (detail, note) if p))
