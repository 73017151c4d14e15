"""A runbook's "why" never repeats the symptom when the runbook says the cause, and its
inputs are what the admin types, asked in a line (round 23)."""

from __future__ import annotations

import time
from typing import Any

from cpu_budget import budget
from drafting_support import runbook

from kbassist.drafting.runbook_inputs import in_shown_output, named_kind
from kbassist.drafting.runbook_stated_cause import because_part
from kbassist.drafting.tree import draft_tree

LABELS = """
## Meaning

Prometheus has dropped targets because some scrape configs have exceeded the labels limit.

## Mitigation

Increase the label limit of the scrape config.
"""

TEMPLATES = """
## Meaning

This alert fires when the operator reverts changes to common templates.

The operator reconciles the common templates. If a user or script changes a common
template, the changes are reverted by the operator.

## Mitigation

Make changes only to copies of templates.
"""

REBOOT = """
## Meaning

This alert fires when the daemon detects an error when trying to reboot a node.

## Diagnosis

Check the pod logs, replacing the `$DAEMONPOD` variable with the name of the daemon
pod on the stuck node.

```console
oc logs -n openshift-mco $DAEMONPOD -c daemon
```

## Mitigation

The daemon logs the exact error. For example:

```console
update.go:2641] failed to run reboot: exec: "systemd-run": executable file not found
```

This error indicates that the `systemd-run` file cannot be found and so the node
cannot reboot.

Check the journal logs on the node with `journalctl`.
"""


def _inputs(tree: dict[str, Any]) -> list[dict[str, Any]]:
    return [n for n in tree["nodes"] if n["kind"] == "input"]


def test_a_cause_that_is_the_symptom_is_its_because_part() -> None:
    """ "X because Y" in Meaning: the cause says Y, not the symptom sentence again."""
    tree = draft_tree(runbook(LABELS))
    assert tree["cause"] == "Some scrape configs have exceeded the labels limit."


def test_a_meaning_if_sentence_is_the_cause() -> None:
    """ "If a user or script changes a template, the changes are reverted": the cause,
    taken out of the symptom, not "names no cause"."""
    tree = draft_tree(runbook(TEMPLATES))
    assert tree["cause"].startswith("If a user or script changes a common template")
    assert "If a user or script" not in tree["symptom"]


def test_the_error_the_runbook_reads_is_the_cause() -> None:
    """ "This error indicates that X" under Mitigation names the cause."""
    tree = draft_tree(runbook(REBOOT))
    assert "systemd-run file cannot be found" in tree["cause"]
    assert "names no cause" not in tree["cause"]


def test_a_shell_variable_is_asked_in_one_line_as_a_pod_name() -> None:
    """`$DAEMONPOD`: asked with the sentence that says what it is, typed as a name."""
    (node,) = _inputs(draft_tree(runbook(REBOOT)))
    assert "oc logs" not in node["text"]
    assert "daemon pod on the stuck node" in node["text"]
    assert node["format"] == "name"


def test_placeholders_of_sample_output_are_not_asked() -> None:
    """`<monitor>` in a sample log line the drafter marked as output is not asked."""
    text = (
        "Check the logs:\x1f$ oc logs -l app=prometheus\n"
        "Output (what it shows, not a command to run):\nscrape_pool=<monitor>/<ns>"
    )
    assert in_shown_output(text, text.index("<monitor>"))
    assert not in_shown_output(text, text.index("app="))


def test_a_name_placeholder_is_typed_a_name() -> None:
    """`device="<dev>"` and `$SECRET_NAME` are names, `<value>` stays a value."""
    assert named_kind("<dev>", "value", 'device="<dev>"') == "name"
    assert named_kind("$SECRET_NAME", "value", "oc get secret $SECRET_NAME") == "name"
    assert named_kind("<value>", "value", "x=<value>") == "value"


def test_the_new_rules_are_fast_on_hostile_text() -> None:
    """50 KB runs of spaces, newlines, commas and letters read in well under 50 ms each."""
    for run in (" " * 50_000, "\n" * 50_000, ", " * 25_000, "a" * 50_000, "[" * 50_000):
        start = time.perf_counter()
        because_part(f"x because {run}")
        in_shown_output(f"Output (what it shows, not a command to run):{run}<x>", 50_040)
        named_kind("<x>", "value", f"{run}=<x>")
        assert time.perf_counter() - start < budget(0.05)


POTENTIAL = """
## Meaning

This alert fires when Prometheus cannot scrape a target.

## Diagnosis and mitigation

### Identifying targets that are down

Open Observe -> Targets and filter on Down.

### Potential Issues and Resolutions

#### Network Issues

Check the network connectivity between the Prometheus pod and the target pod.

#### Expired certificates

Extract the certificate of the target:

```shell
oc extract secret/$SECRET_NAME -n openshift-monitoring --keys=tls.crt --to=-
```

#### Node failures

Check if the node where the target runs has failed.
"""


def test_potential_issues_are_asked_each_with_its_own_steps() -> None:
    """ "Potential Issues" over three sub-headings: one answer each, its own steps, the
    finding steps first, and each issue's own variable asked."""
    tree = draft_tree(runbook(POTENTIAL))
    question = next(n for n in tree["nodes"] if n["id"] == "mitigation")
    labels = [c["label"] for c in question["choices"]]
    assert labels[:3] == ["Network Issues", "Expired certificates", "Node failures"]
    outcomes = {n["title"]: n for n in tree["nodes"] if n["kind"] == "outcome"}
    network = " ".join(str(i) for i in outcomes["Network Issues"]["steps"])
    assert "network connectivity" in network and "certificate" not in network
    assert any(n["kind"] == "input" and "secret" in n["title"].lower() for n in tree["nodes"])


SESSION = """
## Meaning

This alert fires when a scrape target has no content type.

## Mitigation

Error logs similar to the following one should be present:

```shell
$ oc -n $NAMESPACE logs -l app=prometheus | grep 'Failed to determine'
msg="Failed to determine" scrape_pool=<monitor>/<endpoint-id>
```

Set a fallback scrape protocol on the target's monitor.
"""


def test_a_sample_session_asks_its_command_values_not_its_output() -> None:
    """Under "logs similar to the following": `$NAMESPACE` of the command is asked,
    `<monitor>` of the printed line is not."""
    asked = " ".join(n["text"] for n in _inputs(draft_tree(runbook(SESSION))))
    assert "$NAMESPACE" in asked
    assert "<monitor>" not in asked and "<endpoint-id>" not in asked


PER_CASE = """
## Symptoms

The conversion to a GUI fails with error 0x800f0906.

## Cause of Error 1 in CBS logs

This issue occurs when the conversion requires files that are bundled in one update.

## Cause of Error 2 in CBS logs

The cause is that an entry is missing from the wuindex.xml file.
"""


def test_a_no_fix_article_asks_which_case_each_with_its_cause() -> None:
    """Two "Cause of Error N" parts and no fix: asked which, each outcome its own cause."""
    from drafting_support import support

    tree = draft_tree(support(PER_CASE))
    question = next(n for n in tree["nodes"] if n["id"] == "mitigation")
    assert [c["label"] for c in question["choices"]] == [
        "Error 1 in CBS logs: no fix in the article, escalate",
        "Error 2 in CBS logs: no fix in the article, escalate",
    ]
    texts = [n.get("text", "") for n in tree["nodes"] if n["kind"] == "outcome"]
    assert any("bundled in one update" in t for t in texts)
    assert any("wuindex.xml" in t for t in texts)
