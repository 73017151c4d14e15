"""Round 18 (rbopts18): a runbook's causes named in passing, its own ways to tune or
disable the alert offered as fixes, and a pointer to another runbook followed by link."""

from __future__ import annotations

from drafting_support import fix_ticks, fixes, runbook, ticks

from kbassist.drafting.tree import draft_tree

MEANING = "## Meaning\n\nWidget replicas have not matched the expected number.\n"
DIAGNOSIS = "## Diagnosis\n\nReview the widget set:\n\n```console\n$ kubectl get widgetset\n```\n"


def _cause(tree: dict) -> str:
    return " ".join(str(tree.get("cause", "")).split())


def _choices(tree: dict) -> list[str]:
    return [c["label"] for n in tree["nodes"] if n["kind"] == "question" for c in n["choices"]]


def test_diagnosis_list_of_maybe_reasons_is_the_cause() -> None:
    """A Diagnosis list whose items guess why ("pod priority - maybe it was evicted ...")
    names the cause, with each guess, instead of "gives no cause"."""
    tree = draft_tree(
        runbook(
            f"{MEANING}\n## Diagnosis\n\n"
            "- Check the widget set via `kubectl describe widgetset $NAME`.\n"
            "- Check pod template parameters such as:\n"
            "  - pod priority - maybe it was evicted by other more important pods\n"
            "  - resources - maybe it tries to use unavailable resource, such as GPU but\n"
            "    there is limited number of nodes with GPU\n"
            "  - affinity rules - maybe due to affinities it is not possible to schedule pods\n"
            "\n## Mitigation\n\nDepending on the conditions usually adding new nodes solves "
            "the issue.\n",
            id_="WidgetReplicasMismatch",
        )
    )
    cause = _cause(tree)
    assert "gives no cause" not in cause
    assert "pod priority (maybe it was evicted by other more important pods)" in cause
    assert "resources (maybe it tries to use unavailable resource)" in cause
    assert "affinity rules" in cause


def test_causes_named_in_a_sentence_or_bracket_are_the_cause() -> None:
    """ "Common causes include X, Y, or Z." and "the faulty instance (network, token,
    firewall...)" name the causes the walk states."""
    said = draft_tree(
        runbook(
            f"{MEANING}\n{DIAGNOSIS}\n## Mitigation\n\n"
            "1. Investigate why the widgets are down. Common causes include a stopped\n"
            "   daemon, a down host, or a network failure.\n",
            id_="WidgetDown",
        )
    )
    assert "a stopped daemon; a down host; a network failure" in _cause(said)
    bracket = draft_tree(
        runbook(
            f"{MEANING}\n{DIAGNOSIS}\n## Mitigation\n\n"
            "Depending on the integration, correct the integration with the faulty instance\n"
            "(network, authorization token, firewall...)\n",
            id_="WidgetFailedToSend",
        )
    )
    assert "network; authorization token; firewall" in _cause(bracket)
    assert "gives no cause" not in _cause(bracket)


def test_threshold_override_and_disable_under_meaning_are_fixes() -> None:
    """ "### Default definition" and "### Disable this alert entirely" under Meaning are
    fixes for the alert being noise, beside the Mitigation's own, each with its verify."""
    tree = draft_tree(
        runbook(
            "## Meaning\n\nThe `WidgetDenied` rule is triggered when many widgets are denied.\n\n"
            "### Default definition\n\n"
            "You can override the default definition by editing the `Collector` resource:\n\n"
            "```bash\noc edit collector cluster\n```\n\n"
            "Insert these default values, and edit them as desired:\n\n"
            '```yaml\nspec:\n  thresholds:\n    warning: "10"\n```\n\n'
            "### Disable this alert entirely\n\n"
            "```bash\noc edit collector cluster\n```\n\n"
            "Add WidgetDenied to the disableAlerts list:\n\n"
            "```yaml\nspec:\n  disableAlerts:\n  - WidgetDenied\n```\n\n"
            "## Impact\n\nDenials can indicate:\n\n- Misconfigured policies\n"
            "- Policies working as intended (in which case the alert may be noise)\n\n"
            f"{DIAGNOSIS}\n## Mitigation\n\nRestart the widget controller.\n",
            id_="WidgetDenied",
        )
    )
    labels = _choices(tree)
    assert any(label.startswith("Override the alert's default thresholds (if") for label in labels)
    assert any(label.startswith("Disable this alert entirely (if") for label in labels)
    assert "Mitigation (if the alert reports a real problem)" in labels
    by_title = {o["title"].split(" (")[0]: o for o in fixes(tree)}
    off = by_title["Disable this alert entirely"]
    assert any("disableAlerts" in (s.get("detail") or "") for s in off["steps"])
    assert "is disabled" in " ".join(v["text"] for v in off["verify"])
    assert "back under its threshold" not in " ".join(v["text"] for v in off["verify"])
    assert fix_ticks(by_title["Mitigation"]) == ["Restart the widget controller."]


def test_pointer_to_another_runbook_is_followed_with_its_link() -> None:
    """ "See [Widget Skew]({{< ref "./WidgetSkew.md" >}}) for mitigation steps." says to
    follow that runbook and gives its page, not a bare "See Widget Skew"."""
    tree = draft_tree(
        runbook(
            f"{MEANING}\n{DIAGNOSIS}\n## Mitigation\n\n"
            'See [Widget Skew]({{< ref "./WidgetSkew.md" >}}) for mitigation steps.\n',
            id_="WidgetNotSynchronising",
        )
    )
    steps = [t for o in fixes(tree) for t in ticks(o)]
    assert "Follow the Widget Skew runbook for mitigation steps: ./WidgetSkew.md" in steps


def test_a_disable_section_the_runbook_advises_against_is_not_a_fix() -> None:
    """ "We do not recommend disabling this alert as it indicates a critical failure.
    However, if needed: ...": the alert is never noise, so the walk offers no "disable it"
    fix and no real-problem-or-noise question; the Mitigation stays the fix."""
    tree = draft_tree(
        runbook(
            "## Meaning\n\nThe `WidgetNoFlows` alert is triggered when no widgets flow.\n\n"
            "### Disable this alert entirely\n\n"
            "We do not recommend disabling this alert as it indicates a critical failure.\n"
            "However, if needed:\n\n```bash\noc edit collector cluster\n```\n\n"
            "Add WidgetNoFlows to the disableAlerts list:\n\n"
            "```yaml\nspec:\n  disableAlerts:\n  - WidgetNoFlows\n```\n\n"
            f"{DIAGNOSIS}\n## Mitigation\n\nRestart the widget collector.\n",
            id_="WidgetNoFlows",
        )
    )
    titles = [o["title"] for o in fixes(tree)]
    assert titles
    assert not any(t.startswith("Disable this alert") for t in titles)
    assert not any("noise" in t or "real problem" in t for t in titles)
    assert any("Restart the widget collector" in t for o in fixes(tree) for t in ticks(o))


def test_the_usual_remedy_and_another_are_fixes_to_choose() -> None:
    """ "Depending on the conditions usually adding new nodes solves the issue." then
    another remedy: "Add new nodes" is a fix of its own, not only the outcome's text."""
    tree = draft_tree(
        runbook(
            f"{MEANING}\n{DIAGNOSIS}\n## Mitigation\n\n"
            "Depending on the conditions usually adding new nodes solves the issue.\n\n"
            "Set proper affinity rules to schedule widgets in the same zone.\n",
            id_="WidgetSetReplicasMismatch",
        )
    )
    by_title = {o["title"]: fix_ticks(o) for o in fixes(tree)}
    assert by_title["Add new nodes"] == ["Add new nodes."]
    assert any(t.startswith("Set proper affinity rules") for t in by_title)


def test_a_linked_page_title_tick_is_said_as_its_action() -> None:
    """ "- Configuring [User-Defined Networks](url) for segmentation." is ticked as
    "Configure User-Defined Networks (url) ...", not as the page's gerund title; a
    gerund that is a sentence's subject ("Running X (url) will help ...") is kept."""
    tree = draft_tree(
        runbook(
            f"{MEANING}\n{DIAGNOSIS}\n## Mitigation\n\n"
            "Depending on the cause of the traffic, the mitigation can be:\n\n"
            "- Configuring [User-Defined\n  Networks](https://example.com/udn) for network "
            "segmentation.\n"
            "- Using [Widget Mesh](https://example.com/mesh), for instance to configure "
            "rate-limits.\n",
            id_="WidgetIngressHighTrend",
        )
    )
    steps = [t for o in fixes(tree) for t in ticks(o)]
    assert any(
        t.startswith("Configure User-Defined Networks (https://example.com/udn)") for t in steps
    )
    assert any(t.startswith("Use Widget Mesh (https://example.com/mesh)") for t in steps)
    assert not any(t.startswith(("Configuring", "Using")) for t in steps)
    kept = draft_tree(
        runbook(
            f"{MEANING}\n{DIAGNOSIS}\n## Mitigation\n\n"
            "Running [widgettool check](https://example.com/tool) on your file will help you "
            "detect syntax problems.\n",
            id_="WidgetFailedReload",
        )
    )
    assert not any(t.startswith("Run widgettool") for o in fixes(kept) for t in ticks(o))
