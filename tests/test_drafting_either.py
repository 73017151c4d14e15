"""Drafted walks of modern articles that offer ways under "This can be resolved by
either:" and spell out one of them under a sub-heading: each way is its own outcome,
the sub-heading's steps under the way they detail."""

from __future__ import annotations

from functools import partial

import drafting_support

from kbassist.drafting.tree import draft_tree_model

support = partial(drafting_support.support, id_="support-e1", title="Printer cannot be added")

EITHER = (
    "## Symptoms\n\nYou cannot add the IPP printer.\n\n"
    "## Resolution\n\nThis can be resolved by either:\n\n"
    "- Configuring the print server to use a valid SSL certificate from an external "
    "certificate authority.\n"
    "- If the print server is using a self-signed certificate, installing the self-signed "
    "certificate on the workstation.\n\n"
    "### How to install the print server's self-signed certificate on a client\n\n"
    "1. Log on to the client as an administrator.\n"
    "2. Browse to the print server by using HTTPS.\n"
    "3. Click **Install Certificate**.\n"
)


def test_either_ways_are_outcomes_and_the_how_to_runs_under_its_way() -> None:
    """Each way is chosen, not ticked in a row; the how-to's steps belong to its way only."""
    tree = draft_tree_model(support(EITHER))
    outcomes = [n for n in tree.nodes.values() if n.kind == "outcome" and n.id != "not_this"]
    steps = {n.id: [getattr(s.template, "source", s.template) for s in n.steps] for n in outcomes}
    installing = [k for k, v in steps.items() if any("Install Certificate" in str(s) for s in v)]
    external = [k for k, v in steps.items() if any("external" in str(s) for s in v)]
    assert len(installing) == 1 and len(external) == 1
    assert installing != external
    assert not any("either:" in str(s) for v in steps.values() for s in v)
