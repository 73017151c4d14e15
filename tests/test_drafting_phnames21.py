"""Placeholder inputs of runbooks and support articles (round 21): titled and asked the
way a person writes a tree ("Namespace" / "Which namespace is it in?", "StatefulSet name",
"The alert's namespace label"), not "Your name for <namespace>"; the input's type,
format and its place in the commands stay as they were."""

from __future__ import annotations

from typing import Any

from drafting_support import runbook, support

from kbassist.drafting.tree import draft_text, draft_tree


def asked(tree: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Input nodes by the article's token their text quotes ("The article writes X ...")."""
    out = {}
    for node in tree["nodes"]:
        if node["kind"] == "input":
            token = str(node["text"]).split("The article writes ", 1)[-1].split(" where ")[0]
            out[token] = node
    return out


def shown(tree: dict[str, Any]) -> str:
    """Every info node's text: the checks a walk shows."""
    return " ".join(str(n["text"]) for n in tree["nodes"] if n["kind"] == "info")


DEBUG = """
## Meaning

The descheduler cannot read the pressure of the nodes.

## Diagnosis

1. Check the descheduler pods:

   ```bash
   $ oc -n <namespace> get pods
   ```

2. Open a debug session on a worker node:

   ```bash
   $ oc debug node/<node-name>
   ```

## Mitigation

Enable PSI on the nodes and restart them.
"""


def test_a_namespace_and_a_node_name_are_titled_as_a_person_writes_them() -> None:
    """`<namespace>` is "Namespace" / "Which namespace is it in?", `<node-name>` "Node
    name" / "Which node is it?"; both still names, filled into the commands."""
    art = runbook(DEBUG)
    tree = draft_tree(art)
    inputs = asked(tree)
    namespace, node = inputs["<namespace>"], inputs["<node-name>"]
    assert namespace["title"] == "Namespace" and namespace["format"] == "name"
    assert namespace["text"].endswith(" Which namespace is it in?")
    assert "where you type the namespace:" in namespace["text"]
    assert node["title"] == "Node name" and node["text"].endswith(" Which node is it?")
    assert "<namespace>" not in shown(tree) and "<node-name>" not in shown(tree)
    assert draft_text(art)[1] is not None  # lint-clean


def test_a_bare_name_variable_is_titled_by_the_kind_its_command_names() -> None:
    """`kubectl -n $NAMESPACE describe statefulset $NAME`: "StatefulSet name" / "Which
    StatefulSet is it?"; `$NAMESPACE` is "Namespace", not "Which NAMESPACE do you use?"."""
    art = runbook(
        "## Meaning\n\nThe StatefulSet has fewer ready replicas than desired.\n\n"
        "## Diagnosis\n\n"
        "- Check the rollout: `kubectl -n $NAMESPACE describe statefulset $NAME`\n\n"
        "## Mitigation\n\nScale the StatefulSet down and up again.\n"
    )
    inputs = asked(draft_tree(art))
    assert inputs["$NAME"]["title"] == "StatefulSet name"
    assert inputs["$NAME"]["text"].endswith(" Which StatefulSet is it?")
    assert inputs["$NAMESPACE"]["title"] == "Namespace"
    assert "NAMESPACE do you use" not in inputs["$NAMESPACE"]["text"]


def test_an_alerts_label_is_asked_as_the_label_copied_from_the_alert() -> None:
    """`<value of namespace label from alert>`: "The alert's namespace label", its help
    saying to copy it from the alert; `$CONTROLLERPOD` is "Controller pod"."""
    art = runbook(
        "## Meaning\n\nAlertmanager failed to reload its configuration.\n\n"
        "## Diagnosis\n\n"
        "```bash\nNAMESPACE='<value of namespace label from alert>'\n"
        "oc -n $NAMESPACE get pods\n```\n\n"
        "## Mitigation\n\nReplace $CONTROLLERPOD with your controller pod's name, then read "
        "its logs:\n\n```bash\noc -n openshift-machine-config-operator logs $CONTROLLERPOD\n```\n"
    )
    inputs = asked(draft_tree(art))
    label = inputs["<value of namespace label from alert>"]
    assert label["title"] == "The alert's namespace label"
    assert label["text"].endswith(" What is the alert's namespace label?")
    assert "copy its namespace label" in label["help"]
    assert inputs["$CONTROLLERPOD"]["title"] == "Controller pod"


def test_a_component_the_runbook_names_keeps_its_hyphen() -> None:
    """`<virt-handler-pod>` where the runbook writes "virt-handler": "Virt-handler pod";
    `<vm-name>` is "VM name", its "vm" an acronym and "name" no part of a component."""
    art = runbook(
        "## Meaning\n\nThe virt-handler pods are not ready.\n\n## Diagnosis\n\n"
        "```bash\noc -n openshift-cnv logs <virt-handler-pod>\n"
        "oc -n openshift-cnv get vmi <vm-name>\n```\n\n"
        "## Mitigation\n\nRestart the virt-handler pods.\n"
    )
    inputs = asked(draft_tree(art))
    assert inputs["<virt-handler-pod>"]["title"] == "Virt-handler pod"
    assert inputs["<vm-name>"]["title"] == "VM name"


def test_domain_parts_of_a_directory_path_are_titled_by_their_place() -> None:
    """`DC=<Domain>,DC=<COM>`: "Domain name, part 1 of 2" and "part 2 of 2", each asked
    with its part of contoso.com, not "Your domain component for <COM>"."""
    art = support(
        "## Symptoms\n\nThe service does not start.\n\n## Resolution\n\n"
        "1. Check the permissions on CN=ADFS,CN=Microsoft,CN=Program Data,DC=<Domain>,DC=<COM> "
        "in ADSI Edit.\n"
    )
    inputs = asked(draft_tree(art))
    first, second = inputs["<Domain>"], inputs["<COM>"]
    assert first["title"] == "Domain name, part 1 of 2"
    assert second["title"] == "Domain name, part 2 of 2"
    assert second["text"].endswith("(com for contoso.com)?")
    assert first["format"] == second["format"] == "name"


def test_a_component_after_an_objects_kind_is_titled_with_the_kind() -> None:
    """`oc describe pod <virt-operator>`: "Virt-operator pod" / "Which virt-operator pod is
    it?"; `-n <namespace> <x>` names no kind, and `get vmi <vm>` is not "VM VMI"."""
    art = runbook(
        "## Meaning\n\nThe virt-operator pods are not ready.\n\n## Diagnosis\n\n"
        "```bash\noc -n openshift-cnv describe pod <virt-operator>\n"
        "oc logs -n <namespace> <virt-api>\noc get vmi <vm>\n```\n\n"
        "## Mitigation\n\nRestart the virt-operator pods.\n"
    )
    inputs = asked(draft_tree(art))
    operator = inputs["<virt-operator>"]
    assert operator["title"] == "Virt-operator pod"
    assert operator["text"].endswith(" Which virt-operator pod is it?")
    assert inputs["<virt-api>"]["title"] == "Virt API"
    assert inputs["<vm>"]["title"] == "VM"
