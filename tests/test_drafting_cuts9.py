"""No text a user reads cut with "[...]" (issue 13, round 9): a lead-in over a long list
of things is the step with the things as its detail, every one kept; long help, symptom
and cause texts end at a sentence end."""

from __future__ import annotations

from drafting_support import runbook, walked

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
    """ "Other things to check:" over eight things: the lead is the step, the things its
    detail, the last one whole, no "[...]"."""
    body = (
        "## Meaning\n\nThe pod keeps restarting.\n\n"
        "## Diagnosis\n\n- Check pod events via `kubectl describe pod $POD`.\n\n"
        "Other things to check:\n\n" + "".join(f"- {t}\n" for t in THINGS) + "\n"
        "## Mitigation\n\nTalk with developers about the app.\n"
    )
    checklist = walked(runbook(body), {"symptom": "yes"})
    texts = [(i.text, i.detail or "") for i in checklist.part("steps")]
    assert not any("[...]" in t or "[...]" in d for t, d in texts)
    lead = next((t, d) for t, d in texts if t.startswith("Other things to check"))
    assert lead[0] == "Other things to check:"
    assert "is not used in OpenShift)" in lead[1]
    assert lead[1].count("\n- ") == len(THINGS) - 1
