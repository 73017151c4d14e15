"""Round 22 (rbcause22): the causes a runbook names outside a "possible causes:" lead,
and its Diagnosis checks shown before the question they decide."""

from __future__ import annotations

from drafting_support import questions, runbook

from kbassist.drafting.tree import draft_tree

MEANING = "## Meaning\n\nWidget autoscaler has been running at max replicas for 15 minutes.\n"


def _cause(tree: dict) -> str:
    return " ".join(str(tree.get("cause", "")).split())


def _before(tree: dict, node_id: str) -> list[dict]:
    """The nodes a walk passes on its first answers up to `node_id` (first choice of each
    question), in order."""
    by_id = {n["id"]: n for n in tree["nodes"]}
    at, seen = tree["nodes"][0], []
    while at["id"] != node_id and at["kind"] != "outcome":
        seen.append(at)
        nxt = at.get("next") or at["choices"][0]["next"]
        at = by_id[nxt]
    return seen


def test_check_why_list_of_conditions_is_the_cause() -> None:
    """ "Check why the autoscaler was unable to scale:" over "- max replicas too low" and
    "- too low value for requests such as CPU?" names those as the likely causes."""
    tree = draft_tree(
        runbook(
            f"{MEANING}\n## Diagnosis\n\nCheck why the autoscaler was unable to scale:\n\n"
            "- max replicas too low\n- too low value for requests such as CPU?\n\n"
            "## Mitigation\n\nSet proper values for `requests`.\n",
            id_="WidgetHpaMaxedOut",
        )
    )
    cause = _cause(tree)
    assert "gives no cause" not in cause
    assert "lists likely causes: max replicas too low; too low value for requests such as CPU" in (
        cause
    )


def test_common_failure_scenarios_are_the_cause_and_instructions_among_them_are_not() -> None:
    """ "Common failure scenarios:" and "Usual issues:" lists name the causes; an item
    that is an instruction ("investigate if ...") is no cause and is left out."""
    scenarios = draft_tree(
        runbook(
            "## Meaning\n\nWidget node is unreachable.\n\n## Diagnosis\n\n"
            "Check the status of that node:\n\n```shell\n$ kubectl get node $NODE -o yaml\n```\n\n"
            "Common failure scenarios:\n\n- disruptive software upgrades\n"
            "- network partitioning due to hardware failures\n- firewall rules\n\n"
            "## Mitigation\n\nCordon and drain the node.\n",
            id_="WidgetNodeUnreachable",
        )
    )
    assert "disruptive software upgrades; network partitioning due to hardware failures; " in (
        _cause(scenarios)
    )
    issues = draft_tree(
        runbook(
            "## Meaning\n\nWidget client is experiencing over 1% error rate.\n\n"
            "## Diagnosis\n\nUsual issues:\n\n- networking errors\n"
            "- wrong api client (old libraries)\n"
            "- investigate if the app does not request more data than it requires\n\n"
            "## Mitigation\n\nFix the client.\n",
            id_="WidgetClientErrors",
        )
    )
    cause = _cause(issues)
    assert "lists likely causes: networking errors; wrong api client (old libraries)." in cause
    assert "investigate" not in cause


def test_sentence_saying_what_triggers_the_alert_is_the_cause() -> None:
    """ "If the annotation is not set, then this alert is triggered." (in Diagnosis) and
    "Probably the amount of data ... is too high ..." (in Mitigation) are the cause."""
    triggered = draft_tree(
        runbook(
            "## Meaning\n\nA widget image has no architecture annotation.\n\n"
            "## Diagnosis\n\nRead the annotation of the widget image:\n\n"
            "```bash\n$ oc get widget -o yaml\n```\n\n"
            "If the annotation is not set, then this alert is triggered.\n\n"
            "## Mitigation\n\nSet the annotation.\n",
            id_="WidgetNoAnnotation",
        )
    )
    assert _cause(triggered) == "If the annotation is not set, then this alert is triggered."
    guessed = draft_tree(
        runbook(
            "## Meaning\n\nWidget remote write is behind.\n\n## Mitigation\n\n"
            "Probably the amount of data sent to the remote system is too high for the given\n"
            "network speed. Increase the widget shards.\n",
            id_="WidgetRemoteWriteBehind",
        )
    )
    assert _cause(guessed).startswith("Probably the amount of data sent to the remote system")


def test_threshold_said_in_diagnosis_is_the_condition_the_alert_fires_on() -> None:
    """ "By default, the alert is fired if the used CPU is 67% of allocated CPU for 6
    hours." in Diagnosis is named as the condition it fires on, not "gives no cause"."""
    tree = draft_tree(
        runbook(
            "## Meaning\n\nWidget CPU usage has exceeded the threshold.\n\n## Diagnosis\n\n"
            "By default, the alert is fired if the used CPU is 67% of allocated CPU\n"
            "for 6 hours.\n\n"
            "## Mitigation\n\nGive the widget more CPU.\n",
            id_="WidgetCpuHigh",
        )
    )
    assert _cause(tree) == (
        "WidgetCpuHigh names no cause beyond the condition it fires on: By default, the "
        "alert is fired if the used CPU is 67% of allocated CPU for 6 hours."
    )


def test_one_line_meaning_names_its_condition_apart_from_what_it_leads_to() -> None:
    """ "Widget storage utilization has crossed 85% and will become read-only now.": the
    utilization is the cause, the read-only state what it leads to; a Meaning that says
    when the alert fires keeps that condition as its cause line."""
    tree = draft_tree(
        runbook(
            "## Meaning\n\nWidget storage utilization has crossed 85% and will become "
            "read-only now.\n\n## Mitigation\n\nFree up some space.\n",
            id_="WidgetReadOnly",
        )
    )
    assert _cause(tree) == (
        "Widget storage utilization has crossed 85%; as a result, it will become read-only now."
    )
    fires = draft_tree(
        runbook(
            "## Meaning\n\nThe alert will be fired when the widget volume is nearing its full "
            "capacity and may lead to data loss.\n\n## Mitigation\n\nFree up some space.\n",
            id_="WidgetVolumeFull",
        )
    )
    assert "as a result" not in _cause(fires)
    assert "gives no cause" not in _cause(fires)


def test_checks_needing_typed_names_are_shown_before_the_fix_is_chosen() -> None:
    """Diagnosis checks whose command needs `<pod-name>` typed, and fixes that differ in
    what they ask next: the walk asks the names and shows the checks before "Which fix
    do the Diagnosis checks point to?", not after it on every answer's way."""
    tree = draft_tree(
        runbook(
            "## Meaning\n\nA widget volume is filling up.\n\n## Diagnosis\n\n"
            "- Check the volume usage from within a pod that mounts the volume:\n\n"
            "```shell\n$ oc exec -it <pod-name> -n <namespace> -- df -h /data\n```\n\n"
            "- Check if services are enabled that might use large amounts of storage.\n\n"
            "## Mitigation\n\n### Data retention\n\n"
            "Ask the service owner to delete specific sets of old data.\n\n"
            "### Volume resizing\n\n"
            "If volume resizing is available, you can increase the capacity of the volume:\n\n"
            "1. Check that volume expansion is available, replacing `<my-pvc>` with your PVC:\n\n"
            "   ```shell\n   $ oc get pvc <my-pvc> -ojson\n   ```\n\n"
            "2. Increase the capacity of the widget volume.\n",
            id_="WidgetVolumeFillingUp",
        )
    )
    chooser = next(q for q in questions(tree) if q["id"] == "mitigation")
    # the usage checks point to neither fix: asked by situation (runbook34), checks first
    assert chooser["title"] == "Which fix fits your situation?"
    before = _before(tree, "mitigation")
    names = [n["var"] for n in before if n["kind"] == "input"]
    assert len(names) == 2  # the pod and its namespace, asked once
    shown = [n for n in before if n["kind"] == "info" and n.get("checks")]
    assert shown, "no Diagnosis check is shown before the fixes question"
    text = shown[-1]["text"]
    assert f"$ oc exec -it {{{names[0]}}} -n {{{names[1]}}} -- df -h /data" in text
    assert "2. Check if services are enabled that might use large amounts of storage." in text
    by_id = {n["id"]: n for n in tree["nodes"]}
    retention = by_id[chooser["choices"][0]["next"]]
    assert retention["kind"] == "outcome"  # straight to the fix: no second copy of the checks


def test_by_design_answer_does_not_come_before_the_diagnosis_it_is_chosen_by() -> None:
    """A single fix beside the Impact's "for some services this is in fact desired": the
    Diagnosis checks are shown before "Which fix do the Diagnosis checks point to?"."""
    tree = draft_tree(
        runbook(
            f"{MEANING}\n## Impact\n\nThe autoscaler cannot add new pods.\n"
            "**Notice** for some services maximizing the autoscaler is in fact desired.\n\n"
            "## Diagnosis\n\nCheck why the autoscaler was unable to scale:\n\n"
            "- max replicas too low\n- too low value for requests such as CPU?\n\n"
            "## Mitigation\n\nSet proper values for `requests`.\n",
            id_="WidgetHpaMaxedOut",
        )
    )
    chooser = next(q for q in questions(tree) if q["id"] == "mitigation")
    # the checks name only one of the answers' words: asked by situation (runbook34)
    assert chooser["title"] == "Which fix fits your situation?"
    shown = [n for n in _before(tree, "mitigation") if n["kind"] == "info" and n.get("checks")]
    assert shown and "Check why the autoscaler was unable to scale" in shown[0]["text"]


def test_fix_for_when_the_other_is_not_possible_is_asked_as_whether_it_is() -> None:
    """ "Delete information: If not is possible to scale up the cluster ..." beside "Scale
    storage": asked "Can you scale up the cluster here?", not which fix the Diagnosis
    points to."""
    tree = draft_tree(
        runbook(
            "## Meaning\n\nWidget storage utilization has crossed 85%.\n\n## Diagnosis\n\n"
            "Using the console, go to Storage systems and read the used capacity.\n\n"
            "## Mitigation\n\nTwo options:\n\n"
            "- Scale storage: Depending on the type of cluster it will be needed to add\n"
            "storage devices and/or nodes.\n\n"
            "- Delete information:\nIf not is possible to scale up the cluster it will be "
            "needed to delete\ninformation in order to free space.\n",
            id_="WidgetStorageFull",
        )
    )
    chooser = next(q for q in questions(tree) if q["id"] == "mitigation")
    assert chooser["title"] == "Can you scale up the cluster here?"
    assert [c["label"] for c in chooser["choices"]] == [
        "Yes: Scale storage",
        "No: Delete information",
    ]


def test_fix_whose_steps_differ_by_case_is_not_titled_by_the_first_case() -> None:
    """ "If using basic metrics ... set proper values for requests. For memory based
    scaling ... If using custom metrics ...": the outcome every case (and "None of these")
    reaches is not titled "Set proper values for requests", the first case's step."""
    tree = draft_tree(
        runbook(
            f"{MEANING}\n## Impact\n\nThe autoscaler cannot add new pods.\n"
            "**Notice** for some services maximizing the autoscaler is in fact desired.\n\n"
            "## Diagnosis\n\nCheck why the autoscaler was unable to scale:\n\n"
            "- max replicas too low\n- too low value for requests such as CPU?\n\n"
            "## Mitigation\n\nIf using basic metrics like CPU/Memory then ensure to set proper "
            "values for\n`requests`.\nFor memory based scaling ensure there are no memory leaks.\n"
            "If using custom metrics then fine-tune how app scales accordingly to it.\n\n"
            "Use performance tests to see how the app scales.\n",
            id_="WidgetHpaMaxedOut",
        )
    )
    cases = next(q for q in questions(tree) if q["title"] == "Which of these applies here?")
    by_id = {n["id"]: n for n in tree["nodes"]}
    reached = {by_id[c["next"]]["title"] for c in cases["choices"]}
    assert reached == {"Mitigation (steps differ by case)"}
