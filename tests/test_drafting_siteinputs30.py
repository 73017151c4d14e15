"""Round 30 (siteinputs30): the site's own object a step acts on, asked and used there."""

from __future__ import annotations

import time

import yaml
from drafting_support import archive, fixes, runbook, support, walked

from kbassist.drafting.prose_inputs import _TYPE_RE
from kbassist.drafting.site_objects import _FIND_RE, _OBJECT_RE, _SET_RE
from kbassist.drafting.tree import draft_tree

QUOTA = (
    "## Meaning\n\nWidgets reach the hard limits for given namespace.\n\n"
    "## Impact\n\nNo new widgets.\n\n"
    "## Diagnosis\n\n- Check widget usage for the namespace in given time span\n\n"
    "## Mitigation\n\n- Review existing widget quota for given namespace and raise it.\n"
    "- Continue with standard capacity planning.\n"
)


def _inputs(tree: dict) -> list[dict]:
    return [n for n in tree["nodes"] if n["kind"] == "input"]


def test_given_namespace_is_asked_and_named_in_the_fix() -> None:
    """ "Review quota for given namespace": the admin types the namespace and the tick names it."""
    art = runbook(QUOTA, id_="WidgetQuotaExceeded")
    tree = draft_tree(art)
    asked = [n for n in _inputs(tree) if n["var"] == "namespace"]
    assert asked and "namespace label of the firing alert" in asked[0]["help"]
    answers = {"namespace": "team-a"}
    for node in tree["nodes"]:  # every question: the choice that leads to the quota fix
        if node["kind"] == "question":
            pick = next((c for c in node["choices"] if "quota" in c["label"]), node["choices"][0])
            answers[node.get("var") or node["id"]] = pick["value"]
    checklist = walked(art, answers)
    assert any("given namespace team-a" in item.text for item in checklist.part("steps"))


def test_plural_or_modifier_object_is_left_as_written() -> None:
    """ "Check the status of the pods" and "the namespace quota" ask nothing."""
    art = runbook(
        "## Meaning\n\nWidget pods restart.\n\n## Mitigation\n\n"
        "- Check the status of the pods and fix the image.\n"
        "- Review the namespace quota settings.\n",
        id_="WidgetPodsRestarting",
    )
    assert not _inputs(draft_tree(art))


def test_runbook_set_variable_is_asked_with_its_value_as_default() -> None:
    """`NAMESPACE="widget-system"` then `$NAMESPACE`: asked, the runbook's value the default."""
    art = runbook(
        "## Meaning\n\nWidget requests fail.\n\n## Diagnosis\n\nGet the widget logs:\n\n"
        '```shell\nNAMESPACE="widget-system"\nkubectl logs -n $NAMESPACE -lapp=widget\n```\n\n'
        "## Mitigation\n\nFix the network between widget members.\n",
        id_="WidgetRequestsFailing",
    )
    tree = draft_tree(art)
    asked = [n for n in _inputs(tree) if n["var"] == "namespace"]
    assert asked and asked[0]["default"] == "widget-system"
    shown = yaml.safe_dump([n for n in tree["nodes"] if n["kind"] != "input"], width=1000)
    assert 'NAMESPACE="{namespace}"' in shown and 'NAMESPACE="widget-system"' not in shown


def test_service_found_in_a_list_is_asked_in_support_articles() -> None:
    """ "Scroll until you find the service": which service is asked and named in later steps."""
    art = support(
        "## Symptoms\n\nA widget service stops and error 1058 is displayed.\n\n"
        "## Resolution\n\n1. Open Services.\n"
        "2. Scroll until you find the service, and then double-click it.\n"
        "3. Click **Start** to start the service.\n",
        title="Error 1058 when a widget service stops",
    )
    tree = draft_tree(art)
    assert any(n["var"] == "service" for n in _inputs(tree))
    steps = [s["text"] for o in fixes(tree) for s in o["steps"]]
    assert any("find the service {service}" in s for s in steps)
    assert any("start the service {service}" in s for s in steps)


def test_named_service_is_not_asked() -> None:
    """ "Restart the Widget service" names it: nothing asked."""
    art = support(
        "## Symptoms\n\nWidgets stop.\n\n## Resolution\n\n1. Open Services.\n"
        "2. Right-click the Widget service, and then click **Restart**.\n",
    )
    assert not _inputs(draft_tree(art))


def test_plural_wins_addresses_in_prose_are_asked_as_a_list() -> None:
    """ "specify the IP addresses of WINS servers": asked (any list of addresses) and shown."""
    art = archive(
        "SYMPTOMS\n========\n\nRemote clients cannot resolve widget names.\n\n"
        "RESOLUTION\n==========\n\nTo resolve this issue, specify the IP addresses of WINS "
        "servers in the TCP/IP configuration of the remote access server.\n",
        indent=False,
    )
    tree = draft_tree(art)
    asked = [n for n in _inputs(tree) if "WINS server IP addresses" in n["title"]]
    assert asked and asked[0].get("format") != "ip"  # two addresses are one answer
    var = asked[0]["var"]
    steps = [s["text"] for o in fixes(tree) for s in o["steps"]]
    assert any(f"WINS servers ({{{var}}})" in s for s in steps)


def test_patterns_are_linear_on_hostile_text() -> None:
    """The new patterns read a 20 KB hostile string in well under a second."""
    hostile = ("the given " * 2000) + ("find the " * 2000) + ("A=" * 5000) + ("a" * 20000)
    hostile += ", specify the IP addresses of " * 700 + "WINS " * 2000
    started = time.perf_counter()
    for pattern in (_OBJECT_RE, _FIND_RE, _SET_RE, _TYPE_RE):
        list(pattern.finditer(hostile))
    assert time.perf_counter() - started < 1.0
