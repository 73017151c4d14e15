"""The option model drafting passes share: one mitigation (`Option`) and a question about
its cases (`Ask`). Kept apart from `options`, which finds them in an article, so the many
passes that read or change an option import it without an import circle."""

from __future__ import annotations

from dataclasses import dataclass, field

from kbassist.articles import Section
from kbassist.drafting.text import Param


@dataclass
class Ask:
    """A question about a case of an option's steps, asked before its outcome."""

    var: str
    title: str
    text: str
    choices: list[dict[str, str]]  # {"value", "label"}

    @classmethod
    def of_cases(cls, var: str, title: str, by: str, labels: list[str], ask: str) -> Ask:
        """Which of the article's cases applies: `case_1`..`case_n`, and "unsure", which
        shows the steps of each; the text names the cases ("... differ by case (A; B)")."""
        choices = [{"value": f"case_{j}", "label": label} for j, label in enumerate(labels, 1)]
        choices.append({"value": "unsure", "label": "Not sure: show the steps for each"})
        text = f"The article's steps differ by {by} ({'; '.join(labels)}). {ask}"
        return cls(var, title, text, choices)


@dataclass
class Option:
    """One mitigation: where it comes from, what it says, and its steps in order."""

    section: Section
    label: str
    lead: str  # shown as the outcome's text
    items: list[str]  # plain text, in order
    kind: str = "option"  # option | upgrade
    id: str = ""
    params: list[Param] = field(default_factory=list)
    #: Steps to run first, from another section (a runbook's Diagnosis), and that section.
    pre_items: list[str] = field(default_factory=list)
    pre_section: Section | None = None
    #: "who want to X": the option is for sites that want X (asked as a question).
    wish: str = ""
    #: Chosen by what the admin finds ("If the diagnosis shows ..."), not by preference.
    condition: bool = False
    #: The article's own checks for this fix ("The output should show ..."): the verify.
    checks: list[str] = field(default_factory=list)
    #: What a first step backs up ("registry"): the rollback restores it.
    backup: str = ""
    #: Item index -> condition (`if_1 == "yes"`): steps for one case of the article's
    #: "If you ..., do ...; otherwise ...", asked by the questions in `asks`; a negative
    #: index -n is the pre_items step n - 1 (a runbook's Diagnosis step for one version).
    when: dict[int, str] = field(default_factory=dict)
    asks: list[Ask] = field(default_factory=list)
    #: "If your guest players cannot use this IP address, use ...": the case the whole fix
    #: is for, asked before it ("no" means the article may not apply).
    case: str = ""
    #: "{MVARSIZ}" -> (min, max, default): a setting the article bounds ("The range of
    #: values is 1 to 64. The default value is 6."), asked as a number in that range.
    bounds: dict[str, tuple[int, int, int | None]] = field(default_factory=dict)
    #: "{ProcessorThreadMax}" -> the article's advice on it ("It is not advisable to create
    #: more than 20 threads per processor."): shown in the input's help.
    bound_notes: dict[str, str] = field(default_factory=dict)
    #: "{Value_Max_Cached_Icons}" -> "Max Cached Icons": a bounded value's name as the
    #: article writes it, where that name cannot be a `{Name}` token itself.
    bound_names: dict[str, str] = field(default_factory=dict)
    #: "<WINS_server_IP_address>" -> "WINS server IP address": a value a step types that
    #: the article names only in prose (`prose_inputs`), its placeholder the drafter's own.
    prose_values: dict[str, str] = field(default_factory=dict)
    #: The article's own way back ("Disable the fix", "To remove this workaround, ..."):
    #: the outcome's rollback, never steps run after the fix.
    undo: list[str] = field(default_factory=list)
    #: Inputs only some answers to the last question in `asks` need (a placeholder used
    #: only in the "yes" case's step): asked after it, on those answers' paths only.
    late: list[Param] = field(default_factory=list)
    #: (answers, the late inputs they need), one per distinct need; other answers need none.
    late_groups: list[tuple[frozenset[str], list[Param]]] = field(default_factory=list)
    #: Another section some of the steps were brought from (a RESOLUTION's procedure in
    #: MORE INFORMATION): each step cites the one it quotes (`more_steps.item_section`).
    also_from: Section | None = None
    #: One of a section's methods tried in turn ("If the issue continues to occur, proceed
    #: to the next method"): asked "Still failing after method k?" (`method_chain`).
    chain: bool = False
    #: "Important: Don't apply the workaround to computers that are running Windows 10 or
    #: later": the note that limits where the fix goes, asked before it (`applies_gate`).
    applies: str = ""
    #: The fix this one is tried after ("If the issue continues to occur, do Y" after X):
    #: chained to it, asked "Still failing after fix 1?" (`follow_ups`).
    follows: Option | None = None
    #: A placeholder of the steps to reproduce its verify repeats -> the step that types
    #: it: the input's quoted context (`repro_inputs`).
    repro_lines: dict[str, str] = field(default_factory=dict)
    #: The sub-heading of the part of its section it came from ("Hercules Stingray 128/3D"
    #: over "----"; "" the lead before the first), None when not recorded: a follow-up
    #: ("If the issue continues to occur, ...") joins only a fix of its own part.
    part: str | None = None
