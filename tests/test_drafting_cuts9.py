"""No text a user reads cut with "[...]" (issue 13, round 9): a lead-in over a long list
of things is the step with the things as its detail, every one kept; long help, symptom
and cause texts end at a sentence end."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, runbook, support, walked

from kbassist.drafting.tree import draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999131", indent=False)


THINGS = [
    "app responding extremely slow due to resource constraints such as memory too low, "
    "not enough CPU which is required on start",
    "app waits for other services to start, such as database",
    "misconfiguration causing app crash on start",
    "missing files such as configmaps/secrets/volumes",
    "read only filesystem",
    "wrong user permissions in container",
    "lack of special container capabilities (securityContext)",
    "app is executed in different directory than expected (for example WORKDIR from "
    "Dockerfile is not used in OpenShift)",
]


def test_a_lead_in_over_a_long_list_of_things_keeps_every_thing() -> None:
    """ "Other things to check:" over eight things: shown with the Diagnosis checks, every
    thing under the lead, the last one whole, no "[...]"."""
    body = (
        "## Meaning\n\nThe pod keeps restarting.\n\n"
        "## Diagnosis\n\n- Check pod events via `kubectl describe pod $POD`.\n\n"
        "Other things to check:\n\n" + "".join(f"- {t}\n" for t in THINGS) + "\n"
        "## Mitigation\n\nTalk with developers about the app.\n"
    )
    checklist = walked(runbook(body), {"symptom": "yes", "placeholder_1": "web-1"})
    # round 30 (rbdiag30): the checks are ticked first in the checklist
    checks = [i for i in checklist.part("steps") if i.source.section == "Diagnosis"]
    shown = ["\n".join(f"{i.text}\n{i.detail}" for i in checks)]
    assert "[...]" not in shown[0]
    assert "kubectl describe pod web-1" in shown[0]
    things = shown[0].split("Other things to check:")[1]
    assert things.count("\n- ") == len(THINGS)
    assert things.rstrip().endswith("is not used in OpenShift)")


def _texts(tree: dict) -> list[str]:
    return [str(n.get(k, "")) for n in tree["nodes"] for k in ("text", "help")]


def test_a_long_symptom_ends_at_a_sentence_end() -> None:
    """A symptom longer than the question shows ends with a whole sentence, not "[...]"."""
    said = " ".join(
        f"When the report server runs job number {n}, the service writes an event that says "
        f"the job could not connect to the catalog database on the server {n}."
        for n in range(1, 12)
    )
    body = f"## Symptoms\n\n{said}\n\n## Resolution\n\nRestart the report server service.\n"
    tree = draft_tree(support(body))
    question = next(n for n in tree["nodes"] if n["id"] == "symptom")
    assert "[...]" not in question["text"]
    assert "the server 1." in question["text"]
    assert question["text"].split(" Is this what you see?")[0].endswith(".")


def test_an_input_quotes_the_command_line_that_holds_the_placeholder() -> None:
    """A placeholder in a command under a long lead-in: the question quotes the line that
    holds it, not the lead-in cut with "[...]" before the placeholder is reached."""
    body = (
        "## Meaning\n\nThe volume is running out of inodes.\n\n"
        "## Diagnosis\n\nYou can inspect the status of the volume manually to determine which "
        "directory of the mounted volume is consuming a large number of inodes on the node "
        "that hosts the pod:\n\n"
        "```console\n$ PVC_NAME='<persistentvolumeclaim label from alert>'\n"
        "$ oc -n openshift-monitoring describe pvc $PVC_NAME\n$ ls -li .\n```\n\n"
        "## Mitigation\n\nDelete the files that are no longer needed.\n"
    )
    texts = _texts(draft_tree(runbook(body)))
    asked = [t for t in texts if "where you type " in t]
    assert asked and not any("[...]" in t for t in asked)
    assert any("PVC_NAME='<persistentvolumeclaim label from alert>'" in t for t in asked)


def test_a_long_one_sentence_step_is_shown_whole() -> None:
    """A step of one sentence longer than the item limit is read in full in the checklist
    (and so in its export), not cut with "[...]" before its end."""
    clauses = ", ".join(
        f"the setting number {n} of the storage class that the cluster uses for new volumes"
        for n in range(1, 8)
    )
    step = f"Edit the storage profile and set {clauses}, then save the profile and wait."
    assert len(step) > 500
    body = (
        "## Meaning\n\nVolumes are created with the wrong storage class.\n\n"
        f"## Mitigation\n\n1. {step}\n2. Restart the importer pod.\n"
    )
    checklist = walked(runbook(body), {"symptom": "yes"})
    texts = [i.text for i in checklist.part("steps")]
    assert not any("[...]" in t for t in texts)
    assert any(t.endswith("then save the profile and wait.") for t in texts)


def test_a_long_cause_ends_at_a_sentence_end() -> None:
    """An MS KB article's long cause is shown as whole sentences, not cut with "[...]"."""
    cause = " ".join(
        f"The print spooler reads the driver file number {n} from the shared folder on the "
        f"server before it renders the job, and it waits for the file to close."
        for n in range(1, 12)
    )
    body = (
        "SYMPTOMS\n========\n\nPrinting from the application stops responding.\n\n"
        f"CAUSE\n=====\n\n{cause}\n\n"
        "RESOLUTION\n==========\n\nRestart the print spooler service.\n"
    )
    tree = draft_tree(mskb(body))
    assert tree["cause"] and "[...]" not in tree["cause"]
    assert tree["cause"].endswith("file to close.")
