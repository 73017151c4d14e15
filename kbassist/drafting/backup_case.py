"""Restore from a backup, or another way when there is none: asked, not ticked in turn
(issue 13, round 18).

"Restore the file from a backup copy. If a backup copy is not available, run the FIXIDX
utility ...", "Restore the specified files from a backup. If a backup is not available,
contact Microsoft Product Support Services.": the article offers two ways that depend on
what the admin has, and a literal walk of one checklist restores the backup and then
rebuilds over it. The restore is asked as "Do you have a backup of X?": "yes" ticks the
restore, "no" the other way. The same for a fix written as two procedures under a lead
that says which is for which ("if you have a backup copy of the Dhcp.mdb file, replace
…; if you do not have a backup copy of the file, re-create the database": "To replace
…, follow these steps:" … "To re-create …, follow these steps:" …).
"""

from __future__ import annotations

import re

from kbassist.drafting.option_model import Ask, Option
from kbassist.drafting.text import sentence_cut, split_detail, split_sentences, with_detail

#: "restore the file from a backup copy", "Restore the MMF from backup", "replace the
#: damaged Dhcp.mdb file with the backup copy", "recover a copy of X from a tape backup".
_FROM_BACKUP_RE = re.compile(
    r"\b(?:restor(?:e|ing)|recover(?:ing)?|retriev(?:e|ing)|replac(?:e|ing)|reload(?:ing)?|copy(?:ing)?)\b(?P<what>(?:[^.;]|\.(?=\w)){0,100}?)\s+"
    r"(?:from|with)\s+(?:(?:a|an|the|your)\s+)?(?:[\w-]+\s+){0,2}?back\s?up\b"
    r"(?:\s+(?:copy|copies|tape|set|file))?(?:\s+of\s+(?P<of>[^,.;()]{3,60}))?",
    re.IGNORECASE,
)
#: "If a backup copy is not available, Y", "However, if you do not have a valid backup,
#: Y", "If no backup exists, Y": the other way, for a site without one.
_NO_BACKUP_RE = re.compile(
    r"^(?:(?:however|but|or|otherwise),?\s+)?(?:if|when)\s+(?P<cond>[^,;:]{3,120}?)\s*,\s*"
    r"(?:then\s+)?(?P<then>[a-z].+)$",
    re.IGNORECASE | re.DOTALL,
)
_BACKUP_WORD_RE = re.compile(r"\bback\s?ups?\b", re.IGNORECASE)
_NEGATED_RE = re.compile(r"\b(?:not|no|never|without)\b|n't\b", re.IGNORECASE)
#: "a backup of the SAM database", "a recent backup copy of the MMF": what is backed up.
_COND_OF_RE = re.compile(
    r"\b(?:a|an|no|any)\s+(?P<adj>(?:[\w-]+\s+){0,2}?)back\s?up(?:\s+(?:copy|copies|tape))?"
    r"(?:\s+of\s+(?P<of>(?:[^,.;()]|\.(?=\w)){3,60}?))?(?=\s+(?:is|are|was|exists?|available)\b|$)",
    re.IGNORECASE,
)
#: "you can run X", "you must re-create X": the action after the modal.
_MODAL_RE = re.compile(
    r"^(?:you|the administrator|the admin)\s+(?:can|could|must|should|will need to|will have to"
    r"|may need to|need to|have to)\s+(?:also\s+)?",
    re.IGNORECASE,
)
#: "Decompress the Priv.edb ...": a verb the step readers do not list, before its object.
_BARE_VERB_RE = re.compile(
    r"^(?!(?:There|It|This|That|These|Those|The|A|An|Your|Its|No|Some|All|Any)\b)"
    r"[A-Z][a-z]{2,}(?<![^s]s)(?<!ed)\s+(?:the|a|an|all|any|your|its|them|it|this|these)\b"
)
#: Adjectives of the backup worth keeping in the question ("a recent backup").
_KEPT_ADJ = frozenset({"recent", "valid", "good", "current", "tape", "full", "online", "offline"})
#: The object of the restore said as a pronoun: not named in the question.
_PRONOUNS = frozenset({"it", "them", "this", "that", "these", "those", "", "from"})


def _action(text: str) -> str:
    """ "you can run the FIXIDX utility ..." -> "Run the FIXIDX utility ..." ("" when
    what is left is no action: "there is no recovery from this corruption")."""
    from kbassist.drafting.options import _is_action

    text = _MODAL_RE.sub("", text.strip(), count=1)
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if _is_action(text) or _BARE_VERB_RE.match(text) else ""


_TRY_RE = re.compile(r"^(?:try|attempt) (?P<verb>restor|recover|retriev|replac|reload)ing\b", re.I)


def _restore_step(text: str) -> str:
    """ "Try restoring the .FLD file from a backup copy." -> "Restore the .FLD file from a
    backup copy.": the restore the "yes" answer ticks, said as the action."""
    found = _TRY_RE.match(text)
    if found is None:
        return text
    verb = found.group("verb").capitalize()
    verb += "e" if verb.endswith(("r", "v", "c")) and not verb.endswith("over") else ""
    return f"{verb}{text[found.end() :]}"


def _what(restore: re.Match[str], cond: str) -> tuple[str, str]:
    """(adjective, what is backed up) for the question, from the case's own words ("a
    recent backup copy of the MMF") or the restore ("restore the file from a backup")."""
    adj, what = "", ""
    said = _COND_OF_RE.search(cond)
    if said is not None:
        words = said.group("adj").split()
        adj = " ".join(w for w in words if w.casefold() in _KEPT_ADJ)
        what = (said.group("of") or "").strip()
    if not what:
        what = (restore.group("of") or "").strip()
    if not what:
        what = " ".join(restore.group("what").split())
        what = re.sub(r"^(?:only\s+)?(?:a copy of\s+)?", "", what, flags=re.IGNORECASE)
    if what.casefold() in _PRONOUNS or len(what.split()) > 8:
        what = ""
    return adj, what


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?", ":")) else f"{text}."


def _ask(var: str, adj: str, what: str, restore: str, other: str) -> Ask:
    backup = f"a {adj} backup" if adj else "a backup"
    backup = backup.replace("a o", "an o")  # "an offline backup", "an online backup"
    title = f"Do you have {backup} of {what}?" if what else f"Do you have {backup} to restore?"
    said = [sentence_cut(_sentence(way), 200) for way in (restore, other)]
    text = (
        f'The article restores from a backup: "{said[0]}" Without one, it does another '
        f'thing: "{said[1]}" {title}'
    )
    choices = [
        {"value": "yes", "label": "Yes, I have a backup to restore"},
        {"value": "no", "label": "No backup is available"},
    ]
    return Ask(var, title, text, choices)


#: "If this does not correct the problem, however, you may need to restore the metabase
#: from a system backup": a second, wider backup after the first restore.
_WIDER_RE = re.compile(
    r"^if (?:this|that|it|doing so) (?:does not|doesn't|did not|didn't) (?:correct|fix|resolve"
    r"|solve|work)\b[^,]{0,40},\s*(?:however,\s*)?(?P<then>[a-z].+)$",
    re.IGNORECASE | re.DOTALL,
)
_KIND_RE = re.compile(
    r"\bfrom an? (?P<kind>system|tape|full|complete|server|offline|online) back\s?up\b", re.I
)


def _wider_backup(option: Option, sentences: list[str], j: int, var: str) -> tuple[str, str] | None:
    """ "Restore the metabase from a backup. If this does not correct the problem, restore
    it from a system backup.": (the first restore, the wider one) asked as which backup
    the site has, or None."""
    found = _WIDER_RE.match(sentences[j].strip())
    if found is None or not j:
        return None
    then = _action(found.group("then"))
    kind = _KIND_RE.search(then)
    first = _FROM_BACKUP_RE.search(sentences[j - 1])
    if not then or kind is None or first is None or _KIND_RE.search(sentences[j - 1]):
        return None
    _, what = _what(first, "")
    what = what or "it"
    title = f"Which backup can you restore {what} from?"
    text = (
        f'The article restores from a backup first: "{_sentence(sentences[j - 1])}" and from '
        f'a {kind.group("kind").casefold()} backup when that does not help: "{_sentence(then)}" '
        f"{title}"
    )
    choices = [
        {"value": "yes", "label": f"A backup of {what}"},
        {"value": "no", "label": f"Only a {kind.group('kind').casefold()} backup"},
    ]
    option.asks.append(Ask(var, title, text, choices))
    return sentences[j - 1], then


#: "The program FIXIDX can also be used if no backup is available.": the other way said
#: with its tool as the subject (seed-106 readers: it was left in the restore's note).
_ALSO_USED_RE = re.compile(
    r"^(?:[Tt]he\s+)?(?P<tool>(?:program|utility|tool|command)\s+[A-Z][\w.-]{1,30}|[A-Z][\w.-]{1,30}"
    r"(?:\s+(?:program|utility|tool|command))?)\s+can\s+(?:also\s+)?be\s+used\s+(?:if|when)\s+"
    r"(?P<cond>[^,;:]{3,80}?)\.?$",
)


def _no_backup(sentence: str) -> tuple[str, str] | None:
    """(the case, the action for it) of "If a backup is not available, do Y" (or "X can
    also be used if no backup is available": "Use X.")."""
    used = _ALSO_USED_RE.match(sentence.strip())
    if used is not None:
        cond = used.group("cond")
        if not _BACKUP_WORD_RE.search(cond) or not _NEGATED_RE.search(cond):
            return None
        if re.search(r"\b(?:and|or)\b", cond):
            return None
        tool = used.group("tool")
        verb = "Run" if re.match(r"(?:program|utility)\s", tool) else "Use"
        tool = re.sub(r"^(?:program|utility|tool|command)\s+", "", tool)
        return cond, f"{verb} {tool}."
    found = _NO_BACKUP_RE.match(sentence.strip())
    if found is None:
        return None
    cond = found.group("cond")
    if not _BACKUP_WORD_RE.search(cond) or not _NEGATED_RE.search(cond):
        return None
    if re.search(r"\b(?:and|or)\b", cond):
        return None  # "if a backup is not available and the files were overwritten"
    then = _action(found.group("then"))
    return (cond, then) if then else None


#: "if you have a backup copy of the Dhcp.mdb file, replace …; if you do not have a
#: backup copy of the file, re-create the database …" in a fix's lead.
_LEAD_RE = re.compile(
    r"\bif you have (?P<has>(?:a|an)\s+(?:[\w-]+\s+){0,2}?back\s?up\b[^,;]{0,80}),\s*"
    r"(?P<a>[^;]{5,200});\s*(?:and\s+)?(?:if you (?:do not|don't) have|if (?:a|no) back\s?up)"
    r"\b[^,;]{0,80},\s*(?P<b>[a-z][^;]{4,200}?)\.?$",
    re.IGNORECASE,
)
#: "To re-create the database …, follow these steps:": the lead of the other procedure.
_OTHER_LEAD_RE = re.compile(
    r"(?:^|\n\n)To (?P<goal>[^,]{5,200}),\s+(?:follow these steps|do the following|use the "
    r"following steps):?$",
    re.IGNORECASE,
)


def _lead_cases(option: Option, items: list[str], when: dict[int, str], counter: int) -> int:
    """Two procedures under a lead that says which is for a site with a backup: the
    steps up to the other procedure's "To B, follow these steps:" for "yes", the rest
    for "no". Returns the question counter."""
    if when or len(items) < 2 or "ack" not in option.lead:
        return counter
    for sentence in split_sentences(option.lead):
        found = _LEAD_RE.search(sentence)
        if found is None:
            continue
        other = found.group("b").strip()
        start = " ".join(other.split()[:3]).casefold()
        for k, item in enumerate(items[:-1]):
            text, detail = split_detail(item)
            lead = _OTHER_LEAD_RE.search(detail)
            if lead is None or not lead.group("goal").casefold().startswith(start):
                continue
            counter += 1
            var = f"if_{counter}"
            items[k] = with_detail(text, detail[: lead.start()])
            for m in range(len(items)):
                when[m] = f'{var} == "{"yes" if m <= k else "no"}"'
            has = found.group("has")
            said = _COND_OF_RE.search(has)
            adj = ""
            if said is not None:
                adj = " ".join(w for w in said.group("adj").split() if w.casefold() in _KEPT_ADJ)
            what = (said.group("of") or "").strip() if said is not None else ""
            restore = found.group("a").strip()
            option.asks.append(_ask(var, adj, what, restore, other))
            return counter
    return counter


#: "With MS-DOS 5.0 and later, the UNDELETE command can also be used to recover the
#: target file.": another way the site has only from a version on.
_WITH_VERSION_RE = re.compile(
    r"^(?:with|in|on|under|using)\s+(?P<ver>[^,]{2,60}?\d[\d.]*[a-z]?\s+(?:and|or)\s+"
    r"(?:later|above|higher|newer))(?:\s+versions?)?,\s+(?P<tool>(?:the|a|an)\s+[^,]{2,80}?)\s+"
    r"can also be used\s+to\s+(?P<to>[a-z].{3,300})$",
    re.IGNORECASE | re.DOTALL,
)
#: "If you are using MS-DOS 6.0 or later, you can also use MSBACKUP to ...".
_IF_VERSION_RE = re.compile(
    r"^if you (?:are running|are using|have|use|run)\s+(?P<ver>[^,]{2,60}?\d[\d.]*[a-z]?\s+"
    r"or\s+(?:later|above|higher|newer))(?:\s+versions?)?,?\s+you can also\s+"
    r"(?P<act>use\s.{3,300})$",
    re.IGNORECASE | re.DOTALL,
)


def _version_way(text: str) -> tuple[str, str] | None:
    """(the version, the step) of a way another version has ("With MS-DOS 5.0 and later,
    the UNDELETE command can also be used to recover the file" -> ("MS-DOS 5.0 or later",
    "Use the UNDELETE command to recover the file."))."""
    found = _WITH_VERSION_RE.match(text)
    if found is not None:
        ver = re.sub(r"\s+and\s+(?=later|above|higher|newer)", " or ", found.group("ver"))
        return ver, _sentence(f"Use {found.group('tool')} to {found.group('to')}")
    found = _IF_VERSION_RE.match(text)
    if found is not None:
        return found.group("ver"), _sentence(found.group("act"))
    return None


def version_ways(option: Option, items: list[str], when: dict[int, str], counter: int) -> int:
    """A step, then "With V and later, X can also be used to Y": the site's version is
    asked ("Are you running V?"): "yes" ticks X, "no" the step before (the way every
    version has), not both in turn. Returns the question counter."""
    for n in range(1, len(items)):
        if n in when or n - 1 in when:
            continue
        text, detail = split_detail(items[n])
        if "also" not in text or len(split_sentences(text)) != 1:
            continue
        found = _version_way(text)
        if found is None:
            continue
        before = split_detail(items[n - 1])[0]
        if not _action(before) or re.match(r"^(?:if|when)\b", before, re.IGNORECASE):
            continue
        ver, step = found
        counter += 1
        var = f"if_{counter}"
        items[n] = with_detail(step, detail)
        when[n] = f'{var} == "yes"'
        when[n - 1] = f'{var} == "no"'
        title = f"Are you running {ver}?"
        text = f'The article offers another way for {ver}: "{sentence_cut(text, 200)}" {title}'
        choices = [
            {"value": "yes", "label": f"Yes, {ver}"},
            {"value": "no", "label": "No, an earlier version"},
        ]
        option.asks.append(Ask(var, title, text, choices))
        return counter
    return counter


#: "Copy the new .FLD file to the .FLD file that is corrupted", "Then delete …": a step
#: that goes on with the other way ("Create a new folder"), not one the restore needs.
_GOES_ON_RE = re.compile(
    r"^(?:then|next|afterwards?|after that|(?:use|type|run) the following command)\b"
    r"|\b(?:the|this) new\b",
    re.IGNORECASE,
)


def _goes_on(items: list[str], when: dict[int, str], at: int) -> None:
    """The steps right after the other way that go on with it are for its answer too."""
    for k in range(at + 1, len(items)):
        if k in when or not _GOES_ON_RE.search(split_detail(items[k])[0]):
            return
        when[k] = when[at]


#: "In this case, if you have a good backup copy of WIN.INI, copy this file into your
#: Windows directory.": the lead's last sentence, the way for a site with a backup.
_LEAD_HAS_RE = re.compile(
    r"\bif you have (?P<has>(?:a|an)\s+(?:[\w-]+\s+){0,2}?back\s?up\b[^,;]{0,80}),\s*"
    r"(?P<a>[a-z][^;]{4,200}?)\.?$",
    re.IGNORECASE,
)


def _lead_has(
    option: Option, items: list[str], when: dict[int, str], counter: int, then: str, said: str
) -> int:
    """A lead ending "if you have a good backup copy of X, copy it …" over a first step
    "If you don't have a good backup copy, do Y": the lead's way becomes the "yes" step,
    Y the "no" one. Returns the question counter."""
    lead = split_sentences(option.lead)
    has = _has_backup(lead[-1]) if lead else None
    if has is None:
        return counter
    restore, adj, what = has
    counter += 1
    var = f"if_{counter}"
    detail = split_detail(items[0])[1]
    items[0:1] = [restore, with_detail(then, detail)]
    when[0] = f'{var} == "yes"'
    when[1] = f'{var} == "no"'
    _goes_on(items, when, 1)
    option.asks.append(_ask(var, adj, what, restore, said))
    return counter


def _has_backup(sentence: str) -> tuple[str, str, str] | None:
    """(the step, adjective, what is backed up) of "If you have a good backup copy of
    WIN.INI, copy this file into your Windows directory." (the file named in the step)."""
    found = _LEAD_HAS_RE.search(sentence)
    if found is None or sentence[: found.start()].count(",") > 1:
        return None
    step = _action(found.group("a"))
    if not step:
        return None
    said = _COND_OF_RE.search(found.group("has"))
    adj = what = ""
    if said is not None:
        adj = " ".join(w for w in said.group("adj").split() if w.casefold() in _KEPT_ADJ)
        what = (said.group("of") or "").strip()
    if what:  # "copy this file into …": the backup copy is "this file"
        step = re.sub(r"^(\w+) (?:this file|it)\b", rf"\1 the backup copy of {what}", step, count=1)
    return _sentence(step), adj, what


def _noted_other(
    option: Option, items: list[str], when: dict[int, str], n: int, counter: int
) -> bool:
    """A restore step whose note opens with the way for a site without a backup ("Restore
    the index file from a recent backup." over "The program FIXIDX can also be used if no
    backup is available. ..."): the note's way becomes the "no" step, the rest of the note
    (its warning) shown under it. Whether it was asked."""
    text, detail = split_detail(items[n])
    paras = detail.split("\n\n")
    said = split_sentences(" ".join(paras[0].split()))
    other = _no_backup(said[0]) if said else None
    restore = _FROM_BACKUP_RE.search(text)
    if other is None or restore is None or len(split_sentences(text)) != 1:
        return False
    var = f"if_{counter + 1}"
    adj, what = _what(restore, other[0])
    rest = " ".join([other[1], *said[1:]])
    items[n : n + 1] = [_restore_step(text), with_detail(rest, "\n\n".join(paras[1:]))]
    for k in sorted((k for k in when if k > n), reverse=True):
        when[k + 1] = when.pop(k)
    when[n] = f'{var} == "yes"'
    when[n + 1] = f'{var} == "no"'
    _goes_on(items, when, n + 1)
    option.asks.append(_ask(var, adj, what, text, said[0]))
    return True


def backup_cases(option: Option, items: list[str], when: dict[int, str], counter: int) -> int:
    """The article's "restore X from a backup" and its "if a backup is not available, do
    Y" as one question, each answer ticking its own step; `items` is changed in place
    (the two ways split into steps) and `when` gates them. Returns the question counter."""
    asked = _lead_cases(option, items, when, counter)
    if asked != counter:
        return asked
    asked = version_ways(option, items, when, counter)
    if asked != counter:
        return asked
    for n, item in enumerate(items):
        if n in when or "ack" not in item:
            continue
        text, detail = split_detail(item)
        if not _BACKUP_WORD_RE.search(text):
            continue
        if _noted_other(option, items, when, n, counter):
            return counter + 1
        sentences = split_sentences(text)
        for j in range(1, len(sentences)):
            wider = _wider_backup(option, sentences, j, f"if_{counter + 1}")
            if wider is None:
                continue
            first, then = wider  # the first restore, its note the wider one for later
            note = f"If this does not correct the problem, {then[0].lower()}{then[1:]}"
            lead = " ".join(sentences[: j - 1])
            items[n : n + 1] = [*([lead] if lead else []), with_detail(first, note)]
            items.insert(n + (2 if lead else 1), with_detail(then, detail))
            yes = n + (1 if lead else 0)
            for k in sorted((k for k in when if k > n), reverse=True):
                when[k + yes - n + 1] = when.pop(k)
            when[yes] = f'if_{counter + 1} == "yes"'
            when[yes + 1] = f'if_{counter + 1} == "no"'
            return counter + 1
        for j, sentence in enumerate(sentences):
            other = _no_backup(sentence)
            if other is None:
                continue
            if j:
                restore_at, restore_text = n, sentences[j - 1]
            elif not n and not when:
                then = " ".join([other[1], *sentences[1:]])
                return _lead_has(option, items, when, counter, then, sentence)
            elif n and n - 1 not in when:
                before, before_detail = split_detail(items[n - 1])
                if before_detail:
                    break  # a note between the restore and the other way
                said = split_sentences(before)
                if len(said) != 1:
                    break  # the restore among other sentences: left as it is
                restore_at, restore_text = n - 1, said[0]
            else:
                break
            has = _has_backup(restore_text) if restore_at == n else None
            restore = _FROM_BACKUP_RE.search(restore_text)
            if has is not None:  # "If you have a good backup copy of X, copy it …"
                restore_text, adj, what = has
            elif restore is None or re.match(r"^(?:if|when|unless)\b", restore_text, re.I):
                break
            else:
                adj, what = _what(restore, other[0])
            counter += 1
            var = f"if_{counter}"
            rest = " ".join([other[1], *sentences[j + 1 :]])
            split: list[str] = []
            if restore_at == n:  # one item holds both ways: split it
                if j >= 2:
                    split.append(" ".join(sentences[: j - 1]))
                split += [_restore_step(restore_text), with_detail(rest, detail)]
                items[n : n + 1] = split
                yes, no = n + len(split) - 2, n + len(split) - 1
                for k in sorted((k for k in when if k > n), reverse=True):
                    when[k + len(split) - 1] = when.pop(k)
            else:
                items[n] = with_detail(rest, detail)
                items[n - 1] = _restore_step(items[n - 1])
                yes, no = n - 1, n
            when[yes] = f'{var} == "yes"'
            when[no] = f'{var} == "no"'
            _goes_on(items, when, no)
            option.asks.append(_ask(var, adj, what, restore_text, sentence))
            return counter
    return counter
