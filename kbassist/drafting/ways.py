"""Two ways to do one step, asked (issue 13).

"Open the file in WordPad. Alternatively, you can save the file locally and add the
.Rtf extension.", "You can either use the old driver or upgrade the PROM.", "Apply the
hotfix, or you can use the Ln.exe tool ...": one checklist item holding two alternatives
makes the admin do both. The step is split in two, and a question before the outcome
("Which way do you take?") names each way in its own words; the answer keeps one.
"""

from __future__ import annotations

import re

from kbassist.drafting.option_model import Ask, Option
from kbassist.drafting.options import ALSO_NOT_A_WAY, OR_MARK, _is_action
from kbassist.drafting.prechecks import may_hold
from kbassist.drafting.shell_way import shell_way_steps
from kbassist.drafting.text import (
    sentence_cut,
    short_label,
    split_detail,
    split_sentences,
    with_detail,
)

#: The sentence after a step that offers another way: "Alternatively, (you can) Y.",
#: "Another way is to Y.", "Or, you can Y.", "Or, Y." (round 25), "You can also Y." (not
#: "You may also need to Y", a further step, nor "You can also see / verify ...", a check).
_SECOND_RE = re.compile(
    r"^(?:alternatively,?|another (?:way|method|option)(?: to [^,.]{3,80}?)? is to|or,? "
    r"(?:you can|alternatively,?)|or,|or else,?"
    rf"|you (?:can|could|may) also(?! (?:{ALSO_NOT_A_WAY})\b)(?: be able to)?)"
    r"\s+(?:you can\s+)?(?P<b>[a-z].{6,600})$",
    re.IGNORECASE,
)
#: "You can either X or Y.", "Then either X, or Y." (after the step before it), "Either X
#: or Y."
_EITHER_RE = re.compile(
    r"^(?:(?:then|next|afterward|afterwards|finally),?\s+)?(?:you (?:can|must|should)\s+)?"
    r"either\s+(?P<a>[a-z].{3,600}?),?\s+or\s+(?P<b>[a-z].{3,600})$",
    re.IGNORECASE,
)
#: "Reduce the number of files opened by either adjusting application configuration or
#: by moving some applications to other nodes" (also "... either by adjusting ..."): one
#: goal, two means.
_BY_EITHER_RE = re.compile(
    r"^(?P<goal>[A-Z][^,;:]{6,300}?),?\s+(?:by\s+either|either\s+by)\s+(?P<a>[a-z]+ing\b.{3,300}?)"
    r",?\s+or\s+(?:by\s+)?(?P<b>[a-z]+ing\b.{3,300}?)\.?$",
    re.IGNORECASE,
)
#: "We need to either increase the allocated CPU or run multiple active MDS", "Determine
#: the application ... and then either adjust its configuration or provide it with
#: dedicated storage": the ways after a modal or after a first step.
_THEN_EITHER_RE = re.compile(
    r"^(?:(?P<pre>[A-Z][^;:]{6,300}?),?\s+and\s+then|(?:we|you)\s+(?:need\s+to|have\s+to|"
    r"must|should|could|may|might))\s+either\s+(?P<ways>[a-z].{3,600})$",
    re.IGNORECASE,
)
#: "Apply the hotfix, or you can use the Ln.exe tool ..."
_OR_YOU_CAN_RE = re.compile(
    r"^(?P<a>[A-Z].{3,600}?),?\s+or,?\s+you can\s+(?P<b>[a-z].{3,600})$", re.IGNORECASE
)

#: "Alternatively, if a code module already exists, it can be used instead": a remark.
_NOT_A_WAY_RE = re.compile(r"^(?:if|when|it|this|that|they|there)\b", re.IGNORECASE)


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", ":")) else f"{text}."


#: "You can use Registry Editor to ...": the way is the action after it.
_YOU_CAN_RE = re.compile(r"^you can\s+(?=[a-z])", re.IGNORECASE)


#: "Manually copy the files ...", "Temporarily disable ...": an adverb before the verb.
_ADVERB_RE = re.compile(r"^[a-z]{3,}ly,?\s+(?=[a-z])", re.IGNORECASE)


#: "Try a 32-bit version of the application": a way to try (not "try the following:").
_TRY_RE = re.compile(r"^try (?:a|an|the|using|to)\s(?!following\b)", re.IGNORECASE)


def _acts(text: str) -> bool:
    return (
        _is_action(text)
        or _is_action(_sentence(_ADVERB_RE.sub("", text, count=1)))
        or bool(_TRY_RE.match(text))
    )


#: "You can also click the Message Tracking tab at this time": something to do as well,
#: not another way.
_AS_WELL_RE = re.compile(r"\b(?:at this time|at the same time|as well|in addition)\b", re.I)
#: "You can also open the System menu by pressing ALT+SPACEBAR" after "On the System
#: menu, click User Options": another way to reach a place the step names, not a way
#: to do the step.
_REACH_RE = re.compile(
    r"^(?:open|display|access|reach|bring up|get to|show)\s+(?:the\s+)?(?P<what>\w+(?:\s+\w+)?)",
    re.IGNORECASE,
)


def _two(first: str, second: str) -> tuple[str, str] | None:
    a, b = _sentence(_YOU_CAN_RE.sub("", first)), _sentence(_YOU_CAN_RE.sub("", second))
    if _NOT_A_WAY_RE.match(b) or not (_acts(a) and _acts(b)) or _AS_WELL_RE.search(b):
        return None
    reach = _REACH_RE.match(b)
    if reach and re.search(rf"\b{re.escape(reach.group('what'))}\b", a, re.IGNORECASE):
        return None
    return a, b


def _shared_object(first: str, second: str) -> tuple[str, str]:
    """ "Either remove or rebuild the user's data file": a bare verb shares the object
    of the way after it ("Remove the user's data file")."""
    words = second.split()
    if len(first.split()) == 1 and len(words) >= 2:
        return f"{first} {' '.join(words[1:])}", second
    return first, second


_OR_RE = re.compile(r",?\s+or\s+")


def _either_ways(text: str) -> tuple[str, str] | None:
    """The two ways of "either A or B", split at the first "or" that ends no series:
    "Either move, copy, or delete a message ..., or exit and restart the client" is
    "move, copy, or delete a message ..." / "exit and restart the client"."""
    for found in _OR_RE.finditer(text):
        a, b = text[: found.start()], text[found.end() :]
        tail = a.rsplit(",", 1)[1] if "," in a else ""
        if tail and len(tail.split()) <= 2:
            continue  # "move, copy" of "move, copy, or delete": a series goes on
        ways = _two(*_shared_object(a, b))
        if ways:
            return ways
    return None


def _by_means(goal: str, means: str) -> str:
    """ "Reduce the open files" + "adjusting the configuration": the goal done by that
    means, one step to tick."""
    return _sentence(f"{goal.rstrip(',')} by {means.rstrip('.')}")


def _mid_either(sentence: str) -> tuple[str, str, str] | None:
    """(step before, first way, second way) when "either ... or" offers two ways inside a
    sentence rather than at its start: "Reduce X by either A-ing or by B-ing" (the goal by
    each means), "We need to either A or B", "Determine X and then either A or B" (X done
    first, either way); None otherwise."""
    if sentence.isascii() and "either" not in sentence.lower():
        return None  # both patterns need the word: most sentences skip their lazy scans
    found = _BY_EITHER_RE.match(sentence.strip())
    if found and _acts(found.group("goal")):
        goal = found.group("goal")
        return "", _by_means(goal, found.group("a")), _by_means(goal, found.group("b"))
    found = _THEN_EITHER_RE.match(sentence.strip())
    if not found:
        return None
    pre = (found.group("pre") or "").strip()
    bare = re.sub(r"^(?:otherwise|alternatively|then|next),?\s+", "", pre, flags=re.IGNORECASE)
    if pre and not (_acts(bare) or _acts(_sentence(_PLACE_RE.sub("", bare, count=1)))):
        return None
    ways = _either_ways(found.group("ways").rstrip("."))
    if ways is None:
        return None
    return (_sentence(pre) if pre else ""), *ways


#: "Stop the DXANOTES process, or shut down the LinkAge Directory Exchange service": two
#: actions joined by ", or".
_COMMA_OR_RE = re.compile(r",\s+or\s+(?=[a-z])")
#: A first half that is a case or an example, not a way: "If there are no templates ...,
#: move a template ...", "For example, remove the asterisk ...".
_NOT_FIRST_WAY_RE = re.compile(r"^(?:if|when|unless|for (?:example|instance)|e\.g\.)\b", re.I)
#: A second half that is the same step by keyboard ("or press ALT+P", "or press the F5
#: key"), a wait for a release (asked by the wait rule), or the same click elsewhere.
_SAME_WAY_RE = re.compile(r"^(?:press|type|hit|wait for|use the keyboard)\b", re.IGNORECASE)


#: A gesture in a program's window: "Type the path ..., or click Browse", "Double-click
#: the icon, or use the arrow keys ... and press ENTER": two gestures are one step.
_UI_RE = re.compile(
    r"^(?:(?:in|on|from|at|to|after|when) [^,]{2,80},\s*)?(?:click|double-click|right-click|type|"
    r"press|select|choose|start|drag|use the (?:arrow|tab) keys?)\b",
    re.IGNORECASE,
)


#: "Instead of using the POST command, " before the first of two ways (round 40): what
#: that way replaces, not a first item of a series.
_INSTEAD_OF_RE = re.compile(r"^instead of [a-z]+ing\b[^,;:]{0,80},\s+(?=[a-z])", re.IGNORECASE)


def _comma_or(sentence: str) -> tuple[str, str] | None:
    """The two ways of "A, or B" when both are actions of their own and not one step said
    twice: "Set the Travel Mode Switch to 8, or completely remove the property" is two;
    "Click Preferences, or press ALT+P", "Click Change next to X, or click Change on the
    Adapter tab" (one verb twice: the same step) and "Delete, rename, or move the files"
    (a series) are one."""
    if _NOT_FIRST_WAY_RE.match(sentence):
        return None
    marks = list(_COMMA_OR_RE.finditer(sentence))
    if len(marks) != 1:
        return None
    a, b = sentence[: marks[0].start()], sentence[marks[0].end() :]
    instead = _INSTEAD_OF_RE.match(a)
    if instead:  # "Instead of using POST, use GET, or ensure ...": the first way's lead
        ways = _comma_or(f"{_sentence(a[instead.end() :])}, or {b}")
        return (f"{instead.group(0)}{ways[0][:1].lower()}{ways[0][1:]}", ways[1]) if ways else None
    tail = a.rsplit(",", 1)[1] if "," in a else ""
    if tail and (len(tail.split()) <= 3 or _acts(_sentence(tail.strip()))):
        return None  # "Use Access, other tool, or write", "Update X, turn off X, or": a series
    if _SAME_WAY_RE.match(b) or a.split()[0].casefold() == b.split()[0].casefold():
        return None
    if (_UI_RE.match(a) and _UI_RE.match(b)) or ":" in a or len(b.split(",")[0].split()) < 3:
        return None  # one step by two gestures; a lead and its list; a cut fragment
    return _two(a, b)


#: How an action's object starts ("turn the …", "move them", "connect to …").
_OBJECT_START = frozenset(
    "the a an your their its this that these those it them each all any to off up".split()
)
_BARE_OR_RE = re.compile(r"\s+or\s+(?=[a-z])")


def _bare_or(sentence: str) -> tuple[str, str] | None:
    """ "Disable "File and Object Access" auditing on the domain within User Manager or
    change the Event Log Settings …" (round 14): "A or B" with no comma, both actions of
    their own, each five words or more, "or" once, then as for "A, or B"."""
    marks = list(_BARE_OR_RE.finditer(sentence))
    if len(marks) != 1 or "," in sentence[: marks[0].start()]:
        return None
    a, b = sentence[: marks[0].start()], sentence[marks[0].end() :]
    if len(a.split()) < 5 or len(b.split()) < 5 or not _acts(_sentence(b)):
        return None
    if _acts(_sentence(a.split()[-1])) or b.split()[0].casefold() in {"contact", "call"}:
        return None  # "to copy or move files", "create or edit": one action's verbs;
        # "Download the fix … or contact Microsoft Product Support Services": the notice
    if a.count("(") > a.count(")") or re.search(r"\bto\s+\w+(?:\s+(?:it|them))?$", a):
        return None  # "(… you want to replicate or restore …)", "to select it or clear it"
    if b.rstrip().endswith(":") or re.search(r",\s+(?:and\s+)?then\b", b):
        # "… or accept the default, and then click OK": the tail is done either way;
        # "… or update the codes by performing the following steps:": a lead
        return None
    verb_object = re.sub(r"^\w+ly\s+", "", b).split()
    if verb_object[1].casefold() not in _OBJECT_START and not verb_object[1][:1].isupper():
        return None  # "any table or query with the text": a noun, not a second action
    return _comma_or(f"{a}, or {b}")


#: A lead before "(you can) either A, or B" (round 22): a place ("In the Settings dialog
#: box, you can either increase …, or change …"), said again on each way, or a
#: workaround's ("As a workaround, you can either try …, or do not run …"), dropped.
_EITHER_LEAD_RE = re.compile(
    r"^(?:(?P<place>(?:in|on|under|from|at)\s(?!addition\b|this\b|most\b|order\b|that\b)"
    r"[^,]{3,80}?)|as a workaround|as an alternative|"
    r"alternatively|to work around (?:this|the) (?:problem|issue|behavior)),\s+"
    r"(?=(?:you (?:can|could|must|should)\s+)?either\s)",
    re.IGNORECASE,
)
#: "Under "Reject messages from", click List": a place before the step's action.
_PLACE_RE = re.compile(r"^(?:in|on|under|from|at)\s[^,]{3,80}?,\s+(?=[a-z])", re.IGNORECASE)


def _led_either(sentence: str) -> tuple[str, str] | None:
    """The two ways of "<lead>, (you can) either A, or B" (round 22): after a place
    each way says the place ("In the Settings dialog box, increase …")."""
    lead = _EITHER_LEAD_RE.match(sentence)
    if lead is None:
        return None
    rest = sentence[lead.end() :]
    found = _EITHER_RE.match(rest)
    ways = _either_ways(rest[found.start("a") : found.end("b")]) if found else None
    if ways is None or not lead.group("place"):
        return ways
    place, (one, two) = lead.group("place"), ways
    return f"{place}, {one[0].lower()}{one[1:]}", f"{place}, {two[0].lower()}{two[1:]}"


#: "As a workaround, …" / "Alternatively, …" opening the sentence with the ways: what
#: came before it in the step is a way too ("Obtain the hotfix. As a workaround, you can
#: either A, or B": three ways, not the hotfix and then one of two).
_INSTEAD_LEAD_RE = re.compile(
    r"^(?:as a workaround|as an alternative|alternatively|to work around (?:this|the) "
    r"(?:problem|issue|behavior)),",
    re.IGNORECASE,
)


def split_ways(text: str, comma_or: bool = False) -> tuple[str, str, str, str] | None:
    """(before, first way, second way, after) when a sentence of the step offers two ways,
    each an action of its own ("before" and "after" are the step's other sentences, done
    either way); None if it offers one."""
    marked = text.split(f" {OR_MARK} ")
    if len(marked) == 2 and all(len(m.strip()) > 3 for m in marked):
        # "Choose your adapter ... click OK. -or- If you are using a third-party driver:
        # Click Have Disk ...": the article's own `-or-` inside one numbered step
        return "", _sentence(marked[0]), _sentence(marked[1]), ""
    sentences = split_sentences(text)
    for i, sentence in enumerate(sentences):
        before, after = " ".join(sentences[:i]), " ".join(sentences[i + 1 :])
        found = _EITHER_RE.match(sentence)
        if found and (ways := _either_ways(sentence[found.start("a") : found.end("b")])):
            return before, *ways, after  # "You can either X or Y. Z.": Z either way
        if sentence[:1] in "AaIiOoUuFfTt" and (ways := _led_either(sentence)):
            return before, *ways, after
        found_mid = _mid_either(sentence)
        if found_mid:
            pre, first, second = found_mid
            return " ".join(x for x in (before, pre) if x), first, second, after
        found = _OR_YOU_CAN_RE.match(sentence) if may_hold(sentence, ("you can",)) else None
        if found and (ways := _two(found.group("a"), found.group("b"))):
            # "Apply the hotfix, or you can use Ln.exe to ... Place the links ...": the
            # sentences after go on with the second way
            return before, ways[0], f"{ways[1]} {after}".strip(), ""
        if i + 1 < len(sentences):
            found = _SECOND_RE.match(" ".join(sentences[i + 1 :]))
            if found and (ways := _two(sentence, found.group("b"))) and not _gestures(found, ways):
                return before, *ways, ""
    for i, sentence in enumerate(sentences if comma_or else ()):
        ways = _comma_or(sentence.rstrip(".")) or _bare_or(sentence.rstrip("."))
        if ways:  # only when no sentence offers its ways in words of its own
            return " ".join(sentences[:i]), *ways, " ".join(sentences[i + 1 :])
    return None


#: "... by moving some applications to other nodes": the means a long step ends in.
_MEANS_RE = re.compile(r"\sby (?P<means>[a-z]+ing\b[^,;]{3,80})\.?$")


def _way_labels(first: str, second: str) -> tuple[str, str]:
    """The two ways' answers: each step, or when both do one goal by different means
    ("Reduce the number of files opened by adjusting ..." / "... by moving ..."), the
    means ("By moving some applications to other nodes"): answers that repeat the goal
    differ only past where a label is cut."""
    one, other = _MEANS_RE.search(first), _MEANS_RE.search(second)
    if one and other and first[: one.start()] == second[: other.start()]:
        return (
            short_label(f"By {one.group('means')}", 90),
            short_label(f"By {other.group('means')}", 90),
        )
    return _label(first), _label(second)


#: "To change the Stacker version number in memory, " before a way: its purpose, said
#: by the step; the answer is the action.
_PURPOSE_LEAD_RE = re.compile(r"^to [^,]{3,120},\s+(?=[a-z])", re.IGNORECASE)


def _label(way: str) -> str:
    """A way's answer: the step, without a purpose clause before its action."""
    for lead_re in (_PURPOSE_LEAD_RE, _PLACE_RE):  # "In the Settings dialog box, " too
        rest = lead_re.sub("", way, count=1)
        if rest != way and _acts(rest[0].upper() + rest[1:]):
            way = rest[0].upper() + rest[1:]
    return short_label(way, 90)


def _gestures(found: re.Match[str], ways: tuple[str, str]) -> bool:
    """ "Type the path of the file. Or, click Browse and select it.": after a bare "Or,"
    (round 25) two gestures in a program's window are one step said twice, as for "A, or
    B" (`_comma_or`), not two ways to ask about."""
    bare = _BARE_OR_OPEN_RE.match(found.group(0)) is not None
    return bare and all(_UI_RE.match(_PLACE_RE.sub("", w, count=1)) for w in ways)


#: A bare "Or," / "Or else" (not "Or, you can ...", read as before round 25).
_BARE_OR_OPEN_RE = re.compile(r"^or(?:,|\s+else,?)\s+(?!you\b)", re.IGNORECASE)


def _offering(said: str, first: str, second: str) -> str:
    """The sentences of a step from the one that offers the ways (it names the first
    way's first words, the second's in it or after it), so the question quotes them and
    not a statement before them."""
    sentences = split_sentences(said)

    def where(way: str) -> int:
        words = way.rstrip(".").split()[:3]
        key = " ".join(words[1:] if len(words) == 3 else words).casefold()
        return next((i for i, s in enumerate(sentences) if key and key in s.casefold()), -1)

    start, end = where(first), where(second)
    if start <= 0 or end < start:
        return said
    return " ".join(sentences[start:])


#: "In order to run multiple active MDS servers, use below command", "The below command
#: describes how to set the allocated CPU": a later step that says which way it is for.
_FOR_WAY_RE = re.compile(
    r"^(?:to|in order to|the (?:below|following|above|next) (?:commands?|steps?|procedure)|"
    r"(?:use|run) the (?:below|following) (?:commands?|steps?) to)\b",
    re.IGNORECASE,
)
_WAY_STOP = frozenset(
    "a an the to of on in for by and or your you how with from is are this that use using "
    "run below following command commands step steps describes set order we need it its "
    "number".split()
)


def _way_words(text: str) -> set[str]:
    """A text's telling words ("servers" read as "server")."""
    words = re.findall(r"[a-z][a-z0-9-]{1,}", text.casefold())
    return {re.sub(r"(?<=...)s$", "", w) for w in words if w not in _WAY_STOP}


def _purpose(text: str) -> str:
    """What a step says it is for: its first sentence up to the first comma ("To change
    the distance between the document text and a header or footer")."""
    return split_sentences(text)[0].split(",", 1)[0] if text else ""


def _own_way_steps(option: Option, start: int, var: str, first: str, second: str) -> None:
    """Later steps that say which way they are for ("In order to run multiple active MDS
    servers, use below command" after "Increase the allocated CPU" / "Run multiple active
    MDS") run on that way's walk only: on the other they did what it did not choose."""
    one, two = _way_words(first), _way_words(second)
    ways = (one - two, two - one)  # words both ways share tell neither
    for k in range(start, len(option.items)):
        if k in option.when:
            continue
        text = split_detail(option.items[k])[0]
        if not _FOR_WAY_RE.match(text):
            continue
        words = _way_words(_purpose(text))
        shared = [len(words & way) for way in ways]
        if max(shared) >= 2 and shared[0] != shared[1]:
            option.when[k] = f'{var} == "way_{1 if shared[0] > shared[1] else 2}"'


def _fix_or_ways(before: str, said: str) -> bool:
    """ "Obtain the hotfix mentioned below. As a workaround, you can either A, or B": the
    step before the workaround's ways is a way of its own (round 22)."""
    return bool(before) and bool(_INSTEAD_LEAD_RE.match(said)) and _acts(before)


def way_steps(option: Option, counter: int, limit: int, comma_or: bool = False) -> int:
    """Split each step that offers two ways into one step per way, asked before the
    outcome; returns the tree's question counter (`if_N` variables, as the cases).
    `comma_or`: "A, or B" counts too (MS KB prose; runbook steps the drafter wrote say
    "Add a silence ..., or ignore it" as one step). A step before "As a workaround, you
    can either A, or B" is a third way."""
    n = 0
    while n < len(option.items) and len(option.asks) < limit:
        if n in option.when:
            n += 1
            continue
        text, detail = split_detail(option.items[n])
        found = split_ways(text, comma_or)
        if found is None:
            n += 1
            continue
        before, first, second, after = found
        # the sentence offering the ways, not the step done before them
        said = text[len(before) :].strip() if before and text.startswith(before) else text
        ways = [first, second]
        if _fix_or_ways(before, said):
            ways, before, said = [before, first, second], "", text
        said = _offering(said, ways[0], ways[-1])
        labels = list(_way_labels(first, second)) if len(ways) == 2 else [_label(w) for w in ways]
        if len({label.casefold() for label in labels}) < len(labels):
            # "In the Setup Wizard, select X" / "In the PDW, select X": the place tells them
            labels = [short_label(w, 90) for w in ways]
        if len({label.casefold() for label in labels}) < len(labels) or not all(
            re.search(r"\w", label) for label in labels
        ):
            n += 1  # a "way" with no words ("A -or- ."): one step, not an empty answer
            continue
        counter += 1
        var = f"if_{counter}"
        count = "two" if len(ways) == 2 else "three"
        option.asks.append(
            Ask(
                var,
                "Which way do you take?",
                f'The article gives {count} ways to do this step: "{sentence_cut(said, 240)}" '
                "Which do you take?",
                [{"value": f"way_{j}", "label": label} for j, label in enumerate(labels, 1)],
            )
        )
        steps = [*([before] if before else []), *ways, *([after] if after else [])]
        if len(ways) == 3 and not after:  # the fix's note ("STATUS: corrected in the
            steps[0] = with_detail(steps[0], detail)  # latest service pack"), not a workaround's
        elif not after:
            steps[-1] = with_detail(steps[-1], detail)
        else:
            steps[-1] = with_detail(after, detail)
        at = n + bool(before)  # the first way's index
        grown = len(steps) - 1
        option.when = {(k + grown if k > n else k): v for k, v in option.when.items()}
        option.items[n : n + 1] = steps
        for j in range(len(ways)):
            option.when[at + j] = f'{var} == "way_{j + 1}"'
        if len(ways) == 2:
            _own_way_steps(option, at + 2, var, first, second)
            if not after:  # "... or open a Command Prompt" then "Run the following command:"
                shell_way_steps(option, at + 2, var, first, second)
        n += len(steps)
    return counter
