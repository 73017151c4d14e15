"""Blocks of a fix section that are no option of their own (round 32, junk33).

Blind readers marked archive drafts offering, as a fix to choose:

- a WARNING / CAUTION paragraph after the update ("WARNING: Stop the SMS_EXECUTIVE
  service ... before running this script"): it qualifies the fix above it, a step or a
  note of that fix, not a second fix (`warning_opens`);
- code flattened onto one line, its keywords read as words ("Select Case MyIndex Case 1
  result = ..." as a label): a block of program lines is a listing shown under a step,
  never a step's text or a label (`code_block`, `CODE_STEP`);
- a label that is only the scene ("During Windows NT setup"): the label names the
  action of the main clause (`scene_action`);
- a statement that only leads into the fixes under sub-headings ("Because this behavior
  is by design, another approach must be taken ...") offered as option 1 (`lead_group`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from kbassist.drafting.non_steps import CODE_STEP as CODE_STEP
from kbassist.drafting.non_steps import code_line

#: One line of Basic, SQL or a batch/C-like program by its keywords and shape: "If x = 1
#: Then", "ElseIf ...", "Else", "End If", "Select Case x", "Case 2", "Dim x", "x = f()",
#: "SELECT * FROM t", "GO". Every repeat is bounded and over one class at a time.
_CODE_KEYWORD_RE = re.compile(
    r"^(?:(?:Else)?If\s.{1,200}\sThen$|Else$|End\s+(?:If|Sub|Function|Select|With|Type"
    r"|Property)$|Select\s+Case\s|Case\s\S|Case\s+Else$|(?:Private\s+|Public\s+)?(?:Sub"
    r"|Function)\s+\w{1,80}\s{0,4}\(|Dim\s\w|ReDim\s\w|Set\s\w{1,80}\s{0,4}=|Exit\s+(?:Sub"
    r"|Function|For|Do)$|On\s+Error\s|Option\s+Explicit$|Next(?:\s\w{1,40})?$|Loop$"
    r"|For\s+(?:Each\s)?\w{1,80}\s.{0,200}$|Do(?:\s+(?:While|Until)\s.{1,200})?$|Wend$"
    r"|While\s.{1,200}$|With\s\w|Debug\.Print\s|MsgBox\s|Call\s\w|Rem\s|'"
    r"|(?:SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|EXEC(?:UTE)?|DECLARE|BEGIN|END"
    r"|GO|FROM|WHERE|ORDER\s+BY|GROUP\s+BY|VALUES|SET|USE)\b(?:\s.{0,200})?$"
    r"|#\s{0,4}(?:include|define|pragma|ifn?def|endif|if|else|undef)\b)"
)
#: A statement between keyword lines: "result = MyFunction1()", a label "BadChoice:".
_CODE_ASSIGN_RE = re.compile(
    r"^(?:[A-Za-z_][\w.()]{0,80}\s{0,4}=\s{0,4}[^=\s].{0,200}|[A-Za-z_]\w{0,60}:)$"
)
#: Prose: a sentence ending in a stop after five or more plain words.
_PROSE_RE = re.compile(r"(?:\b[a-z]{2,20}\b[ ,]{1,3}){4}[a-z]{2,20}[.!?]$")
#: Shortest listing read as code by its lines (one line is a command or a name).
MIN_CODE_LINES = 3


def code_block(lines: Sequence[str]) -> bool:
    """Whether `lines` are a Basic or SQL listing ("If MyIndex = 1 Then" / "result = f()" /
    "End If"): three or more lines, every one keyword- or code-shaped, none a sentence,
    two or more opening with a keyword (not only "x = y" settings; C-like listings with
    their comments are `non_steps.code_line`'s)."""
    flat = [" ".join(line.split()) for line in lines if line.strip()]
    if len(flat) < MIN_CODE_LINES:
        return False
    keyed = 0
    for line in flat:
        if len(line) > 300 or _PROSE_RE.search(line):
            return False
        if _CODE_KEYWORD_RE.match(line):
            keyed += 1
        elif not (_CODE_ASSIGN_RE.match(line) or code_line(line)):
            return False
    return keyed >= 2


#: "WARNING: ...", "CAUTION: ...", "IMPORTANT: ...".
_WARNING_RE = re.compile(r"^(?:\*{1,3}\s{0,3})?(?:warning|caution|important)\b\s{0,3}[:.-]", re.I)


def warning_opens(texts: Sequence[str], at: int, acting: Sequence[bool]) -> bool:
    """Whether the WARNING at `texts[at]` opens a fix of its own (a manual procedure after
    the update: the registry warning over its steps), not a note on the fix above it: a
    block that acts follows it in the section."""
    if not _WARNING_RE.match(texts[at]):
        return False
    return any(acting[at + 1 :])


#: A scene that opens a sentence: "During Windows NT setup, click Cancel ...", "From the
#: command line, start Softerm ...", "On the View menu, click ...": a time or a place.
_SCENE_RE = re.compile(
    r"^(?:during|while|after|before|once|upon|in|on|at|from|under|within|inside|through)"
    r"\s[^,;:.]{2,80},\s{1,3}(?P<main>[a-z].{3,})",
    re.IGNORECASE,
)
#: A scene with a verb of its own is a clause ("In Windows 95, the file is ..."), or
#: names a case ("In order to", "In addition to"): left as it is.
_SCENE_VERB_RE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|can|will|may|do|does|did)\b|^in (?:order|addition)\b",
    re.IGNORECASE,
)
#: A main clause that only gets somewhere: a tab, a menu, an icon, a tool opened (not
#: "click Cancel when ...", the fix's own click).
_NAV_RE = re.compile(
    r"(?:double-click|right-click|open|start|go to|navigate|browse|expand|point to"
    r"|log (?:on|in)|(?:click|select|choose)\s[\w .'\"-]{1,60}?\s(?:tab|menu|icon|folder"
    r"|node|button|dialog box|check box|link)\b|click\s[\w .'\"-]{1,30},\s(?:and\s)?(?:then\s)?"
    r"(?:click|select|point|choose))",
    re.IGNORECASE,
)
#: A clause that names a place in the UI, not an action: "Edit Service dialog box".
_PLACE_END_RE = re.compile(
    r"\b(?:dialog box|window|tab|menu|screen|page|pane|box|folder|program|console)\s{0,3}$",
    re.IGNORECASE,
)
#: A main clause that says no action of its own: a result, or another scene.
_NOT_ACTION_RE = re.compile(r"(?:then|you|it|this|the|a|an|there|when|if)\b", re.IGNORECASE)


def scene_label(text: str, label: str, is_action: Callable[[str], bool], limit: int = 90) -> str:
    """The label for a fix whose text opens with a scene ("During Windows NT setup, click
    Cancel when you are asked to perform the video test, then ..."): the action first and
    the scene after it ("Click Cancel when you are asked to perform the video test during
    Windows NT setup") when the action is one clause that fits, else the action alone,
    when `label` (cut at the comma) is only the scene; else `label` as it is."""
    from kbassist.drafting.text import short_label, split_sentences

    flat = " ".join(text.split())
    found = _SCENE_RE.match(flat)
    if found is None:
        return label
    scene = flat[: found.start("main")].rstrip(" ,")
    main = found.group("main")
    main = main[0].upper() + main[1:]
    if len(label) > len(scene) + 2:
        return label  # the scene and its action ("On the View menu, click X"): whole
    if _SCENE_VERB_RE.search(scene) or _NOT_ACTION_RE.match(main) or _SCENE_RE.match(main):
        return label
    if not is_action(main):
        return label
    sentence = (split_sentences(main) or [main])[0].rstrip(".!:; ")
    # "use the following command: For more information ...": the clause that announces a
    # listing ends at its colon
    sentence = _LISTING_COLON_RE.split(sentence, maxsplit=1)[0].rstrip(".!:; ")
    if _PLACE_END_RE.search(main.split(",", 1)[0]):
        return label  # "In X, Edit Service dialog box, ensure ...": still the place
    if _NAV_RE.match(main):
        # "On each WINS server, double-click the Network icon": a first click; the label
        # is left to the passes that name such a fix by what it changes
        return label
    room = limit - len(scene) - 1
    scene = scene[0].lower() + scene[1:]
    if "," not in sentence and len(sentence) <= room:
        return f"{sentence} {scene}"
    # "..., then click Cancel again" left off: a sequence's first action names it
    first = re.split(r"[,;:]\s", sentence, maxsplit=1)[0]
    if len(first) <= room and re.match(r",\s(?:and\s)?then\b", sentence[len(first) :]):
        return f"{first} {scene}"
    # too long to turn round: the action alone (a "Scene, action" label is cut back to
    # the scene where a title adds its prefix), before its purpose or manner clause when
    # it is too long ("Move the X line of code so that it appears before ...")
    if len(sentence) > limit:
        for said in _PURPOSE_CUT_RE.finditer(sentence):
            if 12 <= said.start() <= limit:
                return sentence[: said.start()].rstrip(" ,")
    return short_label(main, limit)


#: A colon closing a clause that announces what follows ("use the following command:").
_LISTING_COLON_RE = re.compile(r":\s")
#: Where an action's purpose or manner begins: " so that ", " to prevent ", " because ".
_PURPOSE_CUT_RE = re.compile(
    r",?\s(?:so that|so as to|in order to|to (?:prevent|avoid|ensure|stop|fix|resolve)|because)\s",
    re.IGNORECASE,
)


#: A sub-heading that names its fix: a goal ("To modify an absolute link ...") or a named
#: way ("BATCH File Option", "Manual Method"); not a case ("Case 1: Selecting X") nor a
#: bare section word ("WORKAROUND").
_FIX_NAME_HEAD_RE = re.compile(
    r"^to\s[a-z]{2,20}\b|\b(?:option|method|way|procedure)(?:\s\d{1,2})?$", re.IGNORECASE
)


def scene_turned(text: str, label: str, heading: str = "") -> bool:
    """Whether `label` was named by the action after the scene that opens `text` ("From
    the temporary directory, run OEMSETUP.BAT ..." -> "Run OEMSETUP.BAT ..."): under a
    sub-heading of its own ("BATCH File Option", "To modify an absolute link ...") the
    heading names that fix, as it did before the scene was turned round."""
    if heading and not _FIX_NAME_HEAD_RE.search(heading.strip().rstrip(":")):
        return False
    found = _SCENE_RE.match(" ".join(text.split()))
    if found is None:
        return False
    scene = found.group(0)[: found.start("main")].rstrip(" ,")
    return not label.startswith(scene)


#: "Because this behavior is by design, another approach must be taken ...", "The logic
#: can be broken down into ...": a statement about the fixes, no instruction.
_STATEMENT_LEAD_RE = re.compile(
    r"^(?:because|since|as|the|this|these|there|it|another|one|a|an)\b", re.IGNORECASE
)


def lead_group(texts: Sequence[str], acts: Sequence[bool], heads: Sequence[str]) -> bool:
    """Whether a first, unheaded group of blocks (`texts`, whether each acts) only leads
    into the fixes under the sub-headings `heads` after it: two or more, each named in
    the lead ("... into an equivalent If...Then...ElseIf statement or a Select Case
    statement"); statements, none acting, none announcing a listing ("...:")."""
    if len(heads) < 2 or not texts or any(acts):
        return False
    if not all(_STATEMENT_LEAD_RE.match(t) and not t.endswith(("?", ":")) for t in texts):
        return False
    said = set(_WORD_RE.findall(" ".join(texts).casefold()))
    return all(set(_WORD_RE.findall(h.casefold())) & said for h in heads)


#: A word that names something: four letters or more.
_WORD_RE = re.compile(r"[a-z][a-z.]{2,40}[a-z]")
