"""Drafted inputs (issue 13): a value is asked only on the paths whose steps use it, under
a title that fits its name, and never for a placeholder of a sample the article shows."""

from __future__ import annotations

from typing import Any

from drafting_support import runbook, support

from kbassist.drafting.tree import draft_tree, draft_tree_model
from kbassist.trees.checklist import build_checklist
from kbassist.trees.engine import walk_with_answers


def inputs(tree: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Input nodes by the placeholder their title names."""
    return {n["title"].split(" for ")[-1]: n for n in tree["nodes"] if n["kind"] == "input"}


_CASE_RUNBOOK = (
    "## Meaning\n\nREST calls of the operator fail.\n\n## Diagnosis\n\n"
    "1. Check the operator logs:\n\n   ```bash\n   $ oc -n openshift-cnv logs <operator-pod>\n"
    "   ```\n\n## Mitigation\n\n"
    "- If the operator pod cannot connect to the API server, delete the pod to force a "
    "restart:\n\n  ```bash\n  $ oc delete -n <install-namespace> <operator-pod>\n  ```\n\n"
    "If you cannot resolve the issue, open a support case.\n"
)


def test_an_input_one_case_needs_is_not_asked_on_the_other_path() -> None:
    """`<install-namespace>` only in the "if it cannot connect" step: "no" never asks it."""
    art = runbook(_CASE_RUNBOOK)
    tree = draft_tree(art)
    asked = inputs(tree)
    pod, namespace = asked["<operator-pod>"]["var"], asked["<install-namespace>"]["var"]
    case = next(n["var"] for n in tree["nodes"] if n["kind"] == "question" and "if_" in n["id"])
    model = draft_tree_model(art)
    # "no": the walk ends without the namespace ever being asked
    walk = walk_with_answers(model, {"symptom": "yes", pod: "virt-1", case: "no"})
    assert namespace not in walk.answers
    assert not [i for i in build_checklist(walk).items if "oc delete" in i.detail]
    # "yes": asked after the question, and the delete command uses it
    answers = {"symptom": "yes", pod: "virt-1", case: "yes", namespace: "kubevirt-hyperconverged"}
    checklist = build_checklist(walk_with_answers(model, answers))
    assert any("oc delete -n kubevirt-hyperconverged virt-1" in i.detail for i in checklist.items)


def test_a_name_placeholder_is_asked_as_a_name_not_a_number() -> None:
    """`<AccountName>` holds "count" but names an account: never "Your number for"."""
    art = support(
        "## Symptoms\n\nThe service cannot start: error 1069.\n\n## Resolution\n\n"
        "Run the following command to set the service account:\n\n"
        "```console\nsc config <ServiceName> obj= <AccountName> password= <Password>\n```\n"
    )
    titles = [n["title"] for n in draft_tree(art)["nodes"] if n["kind"] == "input"]
    assert "Your name for <AccountName>" in titles
    assert not [t for t in titles if t.startswith("Your number")]


def test_placeholders_of_a_sample_alert_message_are_not_asked() -> None:
    """ "A sample alert message is provided below," then the alert: its <host-name> is shown."""
    art = runbook(
        "## Meaning\n\nAn OSD is nearly full.\n\n## Diagnosis\n\n"
        "A sample alert message is provided below,\n\n"
        "    Utilization of storage device <ceph-daemon-name> of device_class type\n"
        "<device-class-name> has crossed 80% on host <host-name>.\n\n"
        "## Mitigation\n\n### Delete data\n\nDelete data you no longer need.\n"
    )
    tree = draft_tree(art)
    assert not inputs(tree)
    assert not [n for n in tree["nodes"] if "host-name" in str(n.get("title", ""))]


def test_a_domain_account_placeholder_with_a_backslash_is_asked_and_used() -> None:
    """`/userd:<Domain\\domain_admin>` is asked as an account and filled into the command."""
    art = support(
        "## Symptoms\n\nThe DNS zones do not load: event 4000.\n\n## Resolution\n\n"
        "Reset the computer account password by running this command with elevated rights:\n\n"
        "```console\nnetdom resetpwd /server:<PDC.domain.com> /userd:<Domain\\domain_admin>"
        " /passwordd:*\n```\n"
    )
    tree = draft_tree(art)
    account = inputs(tree)["<Domain\\domain_admin>"]
    assert "DOMAIN\\user" in account["help"]
    answers = {
        "symptom": "yes",
        inputs(tree)["<PDC.domain.com>"]["var"]: "dc1.contoso.com",
        account["var"]: "CONTOSO\\admin",
    }
    checklist = build_checklist(walk_with_answers(draft_tree_model(art), answers))
    assert any("/userd:CONTOSO\\admin /passwordd:*" in i.detail for i in checklist.items)


def test_each_version_asks_only_the_pod_name_its_own_steps_use() -> None:
    """4.13 asks the master pod only, 4.14 the node pod only; "not sure" asks both."""
    art = runbook(
        "## Meaning\n\nNorthd is inactive.\n\n## Diagnosis\n\n"
        "For clusters at versions 4.13 or earlier, exec into the master pod:\n\n"
        "```shell\noc exec -it <master-podname> -- ovn-appctl status\n```\n\n"
        "For clusters at versions 4.14 or later, exec into the node pod:\n\n"
        "```shell\noc exec -it <node-podname> -- ovn-appctl status\n```\n\n"
        "## Mitigation\n\nRestart the affected northd process.\n"
    )
    tree = draft_tree(art)
    model = draft_tree_model(art)
    asked = inputs(tree)
    master, node_pod = asked["<master-podname>"]["var"], asked["<node-podname>"]["var"]
    question = next(n for n in tree["nodes"] if n["kind"] == "question" and "if_" in n["id"])
    early, late, unsure = (c["value"] for c in question["choices"])
    walk = walk_with_answers(model, {"symptom": "yes", question["var"]: early, master: "m-1"})
    assert node_pod not in walk.answers
    assert any("oc exec -it m-1" in i.detail for i in build_checklist(walk).items)
    walk = walk_with_answers(model, {"symptom": "yes", question["var"]: late, node_pod: "n-1"})
    assert master not in walk.answers
    answers = {"symptom": "yes", question["var"]: unsure, master: "m-1", node_pod: "n-1"}
    details = " ".join(i.detail for i in build_checklist(walk_with_answers(model, answers)).items)
    assert "m-1" in details and "n-1" in details


def test_an_x_run_placeholder_is_no_number_unless_the_article_says_so() -> None:
    """ "where <xxxx> is the internal name" asks a name, not "Your number for <xxxx>"."""
    name = support(
        "## Symptoms\n\nThe binding fails.\n\n## Resolution\n\n"
        "Set the same value in the line `Bindings=<xxxx> now`, where <xxxx> is the internal "
        "name of the network adapter.\n"
    )
    titles = [n["title"] for n in draft_tree(name)["nodes"] if n["kind"] == "input"]
    assert titles == ["Your name for <xxxx>"]
