"""Round 15 (rbcases15): a runbook fix that differs by case asks which case the Diagnosis
checks showed, after them; a condition some sites want is an honest by-design outcome."""

from __future__ import annotations

from typing import Any

from drafting_support import fix_ticks, fixes, runbook, walked

from kbassist.articles import Article
from kbassist.drafting.tree import draft_tree

DIAGNOSIS = """
## Diagnosis

1. Review the logs of the widget-operator pods:

   ```bash
   $ oc -n widgets logs -l app=widget-operator
   ```
"""
MEANING = "## Meaning\n\nThe widget operator has consistently failed to sync its configuration.\n"


def _question(tree: dict[str, Any], start: str) -> dict[str, Any]:
    """The question node whose title starts so."""
    return next(
        n for n in tree["nodes"] if n["kind"] == "question" and n["title"].startswith(start)
    )


def _steps(art: Article, answers: dict[str, str]) -> list[str]:
    """The checklist's steps for these answers, after the Diagnosis checks ticked first."""
    return [
        " ".join(item.text.split())
        for item in walked(art, answers).part("steps")
        if item.source.section != "Diagnosis"
    ]


def _after_checks(tree: dict[str, Any], qid: str) -> bool:
    """Whether the step leading to the question shows the Diagnosis check (its command)."""
    before = [n for n in tree["nodes"] if n.get("next") == qid]
    return bool(before) and all("oc -n widgets logs" in str(n.get("text", "")) for n in before)


def test_a_one_case_fix_is_asked_after_the_check_and_no_escalates() -> None:
    """ "If the logs indicate a configuration error, correct ..." (the only fix) was
    ticked whatever the logs showed: it is asked after the log check; "no" escalates, in
    an outcome titled as no documented fix."""
    art = runbook(
        f"{MEANING}{DIAGNOSIS}\n## Mitigation\n\nIf the logs indicate a syntax or other "
        "configuration error, correct the\ncorresponding `ServiceMonitor` or other "
        "configuration resource.\n",
        id_="WidgetSyncFailure",
    )
    tree = draft_tree(art)
    ask = _question(tree, "Did the Diagnosis checks show")
    assert "The logs indicate a syntax or other configuration error" in ask["text"]
    assert _after_checks(tree, ask["id"])
    yes = _steps(art, {"symptom": "yes", ask["var"]: "yes"})
    assert yes[0].startswith("Correct the corresponding ServiceMonitor")
    no = _steps(art, {"symptom": "yes", ask["var"]: "no"})
    assert not any("ServiceMonitor" in s for s in no)
    assert no[0].startswith("Escalate: the Diagnosis checks showed none of the cases")
    nxt = next(c["next"] for c in ask["choices"] if c["value"] == "no")
    apart = next(n for n in tree["nodes"] if n["id"] == nxt)
    assert apart["title"].startswith("No documented fix")


def test_a_case_said_under_a_step_is_asked_not_shown_as_its_detail() -> None:
    """ "For in-cluster clients recreate pods." under "Update client certificate." was a
    detail line ticked by everyone: it is asked, and only "yes" recreates the pods."""
    art = runbook(
        "## Meaning\n\nA client certificate is expiring in less than 7 days.\n\n"
        "## Diagnosis\n\nCheck when certificate was issued and when it expires.\n\n"
        "## Mitigation\n\nUpdate client certificate.\n\nFor in-cluster clients recreate pods.\n",
        id_="WidgetCertExpiration",
    )
    tree = draft_tree(art)
    ask = _question(tree, "Does this apply: for in-cluster clients")
    assert _steps(art, {"symptom": "yes", ask["var"]: "yes"}) == [
        "Update client certificate.",
        "Recreate pods.",
    ]
    assert _steps(art, {"symptom": "yes", ask["var"]: "no"}) == ["Update client certificate."]


def test_several_cases_are_one_question_with_none_of_these() -> None:
    """Three "If using X ..." / "For X ..." cases were one yes/no and two unasked ticks:
    one question offers each, and "None of these" keeps only the steps for every case."""
    art = runbook(
        "## Meaning\n\nThe widget autoscaler has been running at max replicas for 15 minutes.\n"
        "\n## Diagnosis\n\nCheck why the autoscaler was unable to scale.\n\n## Mitigation\n\n"
        "If using basic metrics like CPU/Memory then ensure to set proper values for\n"
        "`requests`.\nFor memory based scaling ensure there are no memory leaks.\n"
        "If using custom metrics then fine-tune how app scales accordingly to it.\n\n"
        "Use performance tests to see how the app scales.\n",
        id_="WidgetScalerMaxedOut",
    )
    tree = draft_tree(art)
    ask = _question(tree, "Which of these applies here?")
    labels = [c["label"] for c in ask["choices"]]
    assert labels[-1] == "None of these" and len(labels) == 4
    custom = next(c["value"] for c in ask["choices"] if "custom metrics" in c["label"])
    assert _steps(art, {"symptom": "yes", ask["var"]: custom}) == [
        "Fine-tune how app scales accordingly to it.",
        "Use performance tests to see how the app scales.",
    ]
    assert _steps(art, {"symptom": "yes", ask["var"]: "none"}) == [
        "Use performance tests to see how the app scales."
    ]


def test_a_condition_some_sites_want_is_a_by_design_outcome() -> None:
    """ "For some services maximizing the autoscaler is in fact desired" was not offered:
    it is an outcome of its own, nothing to fix, whose verify does not expect a clear."""
    tree = draft_tree(
        runbook(
            "## Meaning\n\nThe widget autoscaler has been running at max replicas.\n\n"
            "## Impact\n\nThe autoscaler cannot add pods.\n**Notice** for some services "
            "maximizing the autoscaler is in fact desired.\n\n## Diagnosis\n\nCheck why the "
            "autoscaler was unable to scale.\n\n## Mitigation\n\nRaise the max replicas.\n",
            id_="WidgetScalerMaxedOut",
        )
    )
    designed = [o for o in fixes(tree) if o["title"].startswith("By design:")]
    assert len(designed) == 1
    assert fix_ticks(designed[0])[0].startswith("Nothing to fix if this is so here")
    verify = " ".join(v["text"] for v in designed[0].get("verify", []))
    assert "does not stop firing" in verify and "clears" not in verify


def test_a_grouped_case_the_diagnosis_looks_for_is_asked() -> None:
    """ "Migration loop: cancel in-flight migrations" under "Reduce the blast radius:"
    was ticked for every walk though the Diagnosis checks for migration storms."""
    art = runbook(
        "## Meaning\n\nMany widget-launcher pods are stuck in the Failed phase.\n\n"
        "## Diagnosis\n\n1. Check for migration storms:\n\n   ```bash\n   $ oc get vmim -A\n"
        "   ```\n\n## Mitigation\n\n1. Reduce the blast radius:\n\n"
        "    - Migration loop: cancel in-flight migrations.\n"
        "      ```bash\n      $ oc delete vmim -A\n      ```\n\n"
        "    - Coordinate with noisy tenants; pause offending workloads if necessary.\n\n"
        "2. Clean up failed Pods:\n\n    ```bash\n    $ oc delete pods -l app=launcher\n"
        "    ```\n",
        id_="WidgetLauncherStuck",
    )
    tree = draft_tree(art)
    ask = _question(tree, "Did the Diagnosis checks show this: migration loop")
    no = _steps(art, {"symptom": "yes", ask["var"]: "no"})
    assert not any("in-flight migrations" in s for s in no)
    assert any(s.startswith("Clean up failed Pods") for s in no)
    yes = _steps(art, {"symptom": "yes", ask["var"]: "yes"})
    assert "Reduce the blast radius: cancel in-flight migrations." in yes


def test_if_needed_is_no_case_and_the_case_the_checks_show_is_asked() -> None:
    """ "If needed, restart the pod" was offered as a finding ("Needed") beside "If the
    logs show a certificate error, renew ...": it is a step on every walk, and only the
    certificate case is asked, after the log check."""
    art = runbook(
        f"{MEANING}{DIAGNOSIS}\n## Mitigation\n\nDelete the stale widget lease.\n\n"
        "If the logs show a certificate error, renew the widget certificate.\n\n"
        "If needed, restart the widget-operator pod.\n",
        id_="WidgetSyncFailure",
    )
    tree = draft_tree(art)
    asked = [n for n in tree["nodes"] if n["kind"] == "question" and n["id"] != "symptom"]
    assert len(asked) == 1 and "certificate error" in asked[0]["text"]
    assert _after_checks(tree, asked[0]["id"])
    no = _steps(art, {"symptom": "yes", asked[0]["var"]: "no"})
    assert no == ["Delete the stale widget lease.", "If needed, restart the widget-operator pod."]
    yes = _steps(art, {"symptom": "yes", asked[0]["var"]: "yes"})
    assert "Renew the widget certificate." in yes
