"""Round 26's integrator fixes, from the seed-72 readers' notes."""

from __future__ import annotations

from drafting_support import questions, runbook

from kbassist.drafting.tree import draft_text, draft_tree

NOISE = (
    "## Meaning\n\nThe `WidgetErrors` rule is triggered when many widget lookups fail.\n\n"
    "### Default definition\n\n"
    "You can override the default definition by editing the `Collector` resource:\n\n"
    "```bash\noc edit collector cluster\n```\n\n"
    "### Disable this alert entirely\n\n"
    "Add WidgetErrors to the disableAlerts list:\n\n"
    "```yaml\nspec:\n  disableAlerts:\n  - WidgetErrors\n```\n\n"
    "## Diagnosis\n\n1. Open the alert details in the dashboard.\n\n"
)


def _labels(body: str) -> list[str]:
    art = runbook(body, id_="WidgetErrors")
    draft_text(art)  # lint-clean
    return [c["label"] for q in questions(draft_tree(art)) for c in q.get("choices", [])]


def test_links_only_mitigation_is_named_by_its_guides() -> None:
    """A Mitigation that only lists pages is named by them, not by the bare heading."""
    labels = _labels(
        NOISE + "## Mitigation\n\nFor mitigation strategies and solutions, refer to:\n\n"
        "- [Troubleshooting widgets](https://example.com/widgets)\n"
        "- [Widget operator](https://example.com/operator)\n"
    )
    assert (
        'Follow the "Troubleshooting widgets" and "Widget operator" guides (if the alert'
        " reports a real problem)" in labels
    )
    assert not any(label.startswith("Mitigation") for label in labels)


def test_mitigation_with_its_own_step_keeps_its_section_name() -> None:
    """A Mitigation with a real step of its own is not renamed after a guide."""
    labels = _labels(NOISE + "## Mitigation\n\nRestart the widget controller.\n")
    assert "Mitigation (if the alert reports a real problem)" in labels


def test_restart_said_in_a_note_is_ticked_after_its_step() -> None:
    """ "Please restart the X service for the entry to take effect" in a note becomes a step."""
    from drafting_support import support, ticks

    from kbassist.drafting.tree import draft_tree as tree_of

    art = support(
        "## Symptoms\n\nClients can't connect to the widget server by its alias name.\n\n"
        "## Resolution\n\nRun the following command on the widget server:\n\n"
        "```console\nreg add HKLM\\SOFTWARE\\Widget /v AliasOnWire /t REG_DWORD /d 1\n```\n\n"
        "> [!NOTE]\n> After modifying the registry entry, please restart the Widget service"
        " for the entry to take effect.\n"
    )
    draft_text(art)  # lint-clean
    steps = [s for o in tree_of(art)["nodes"] if o["kind"] == "outcome" for s in ticks(o)]
    assert "Restart the Widget service for the entry to take effect." in steps


def test_stock_bug_status_names_the_headers_product() -> None:
    """A cause from STATUS's "bug in the Microsoft products listed at the beginning of this
    article" names the product and versions from the article's header instead."""
    from drafting_support import archive

    tree = draft_tree(
        archive(
            "SYMPTOMS\n========\n\nThe widget compiler stops with an internal error on long"
            " lines.\n\nSTATUS\n======\n\nMicrosoft has confirmed this to be a bug in the"
            " Microsoft products listed\nat the beginning of this article.\n",
            product="Microsoft Widget Compiler",
            headers=("Version(s): 4.0 4.1",),
        )
    )
    assert "a bug in Microsoft Widget Compiler" in tree["cause"]
    assert "listed at the beginning" not in tree["cause"]


def test_stated_cause_stays_in_the_symptom_a_next_sentence_leans_on() -> None:
    """A cause sentence followed by "In either case, ..." is not cut out of the symptom."""
    from kbassist.drafting.kb_stated_cause import without_cause

    cause = "This may happen when the partition is resized manually or by a program."
    symptom = (
        f"Remnants of the scroll bar appear. {cause} In either case, it happens if it is small."
    )
    assert without_cause(symptom, cause) == symptom
    plain = f"Remnants of the scroll bar appear on the left side. {cause}"
    assert without_cause(plain, cause) == "Remnants of the scroll bar appear on the left side."


def test_fix_stated_in_the_text_names_the_guides_option() -> None:
    """Once the fix the Mitigation states is ticked, the option is named by it, not its guides."""
    labels = _labels(
        NOISE + "## Mitigation\n\nWhen lookups fail for a valid name, this is likely because"
        " the resolver tries other suffixes. It can be optimized by adding a trailing dot on"
        " fully-qualified domain names.\n\nFor other mitigation strategies, refer to:\n\n"
        "- [Troubleshooting widgets](https://example.com/widgets)\n"
        "- [Widget operator](https://example.com/operator)\n"
    )
    named = [label for label in labels if "(if the alert reports a real problem)" in label]
    assert named and not named[0].startswith(("Follow ", "Mitigation"))


def test_a_one_step_method_is_not_counted_as_steps() -> None:
    """A method named by its count reads "(1 step)", never "(1 steps)"."""
    from drafting_support import archive, questions

    art = archive(
        "SYMPTOMS\n========\n\nThe phone book is damaged and Widget cannot connect.\n\n"
        "RESOLUTION\n==========\n\nTo resolve this problem, use one of the following methods:\n\n"
        "Method 1\n--------\n\n1. Use Notepad to open the Phone.pbk file.\n\n"
        "2. Delete the blank line.\n\n3. Save the file.\n\n"
        "Method 2\n--------\n\nClick Start, click Run, and then type signup in the Open box.\n"
    )
    draft_text(art)  # lint-clean
    labels = [c["label"] for q in questions(draft_tree(art)) for c in q.get("choices", [])]
    assert not any("(1 steps)" in label for label in labels)
    assert any(label.startswith("Method 2") for label in labels)
