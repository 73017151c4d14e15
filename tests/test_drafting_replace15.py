"""A "replace <x> with ..." note that is a whole (conditional) step keeps its step."""

from __future__ import annotations

from functools import partial

from drafting_support import archive

from kbassist.drafting.tree import draft_text

_article = partial(archive, id_="Q262392", title="SMS: FQDN NetBIOS names break discovery")

BODY = """SYMPTOMS
========

Systems Management Server discovery creates resources whose NetBIOS names are fully
qualified domain names.

RESOLUTION
==========

To resolve this problem, contact Microsoft Product Support Services to obtain the fix.

NOTE: Before you apply this hotfix, you must delete all resources that are reported as
FQDNs. To do this, create a collection that is based on a query that lists all computers
with FQDN NetBIOS names. For example, create a query similar to:

  select NetbiosName from SMS_R_System where NetbiosName like "%<domain.com>%"

If you use this sample query, replace <domain.com> with your actual domain name. After you
build the collection, use the Delete Special command to delete all of the resources.
"""


def test_conditional_replace_note_keeps_its_step_and_the_draft_passes_lint() -> None:
    """The draft is written (no empty step): the case's step still says what to do."""
    _text, tree = draft_text(_article(BODY))
    steps = [
        item.template.source
        for node in tree.nodes.values()
        for item in getattr(node, "steps", ()) or ()
    ]
    assert steps and all(s.strip() for s in steps)
    assert any("actual domain name" in s for s in steps)
