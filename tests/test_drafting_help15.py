"""The fixes question's help says something about choosing, never the page's metadata."""

from __future__ import annotations

from drafting_support import archive, support

from kbassist.drafting.tree import draft_tree

KMS = """This article helps fix the error 0xC004F074 that occurs when you activate Windows.

_Applies to:_ &nbsp; Supported versions of Windows Server and Windows Client
_Original KB number:_ &nbsp; 974998

When you try to activate Windows, you may get one of the following error messages:

- > The Key Management Server (KMS) is unavailable
- > No Key Management Service (KMS) could be contacted.

## The Key Management Server (KMS) is unavailable

### Cause 1: Version mismatch between KMS client and KMS host

Install update 968912 on the KMS host.

### Cause 2: Time difference between KMS client and KMS host

Run the w32tm /resync command to resync the time on the client.

## No Key Management Service (KMS) could be contacted

### Cause 1: Sppsvc service on the KMS host has stopped running

Start the sppsvc service on the KMS host.

### Cause 2: Incorrect KMS host record in DNS

Change the _VLMCS SRV record to point to the KMS host.
"""


def _helps(tree: dict) -> list[str]:
    return [n["help"] for n in tree["nodes"] if n["kind"] == "question" and "help" in n]


def test_support_page_metadata_is_not_the_help_of_which_cause() -> None:
    """No "_Applies to:_ ... _Original KB number:_" or "This article helps fix" as help."""
    helps = " ".join(_helps(draft_tree(support(KMS, title="Error 0xC004F074"))))
    assert "Original KB number" not in helps
    assert "Applies to" not in helps
    assert "This article helps" not in helps


def test_a_lead_whose_list_became_the_choices_is_not_left_dangling() -> None:
    """ "To work around this problem, do one of the following:" is not the help: the
    choices below are its list."""
    art = archive(
        """SYMPTOMS
========

When you print a long report, the printer stops after the first page.

CAUSE
=====

The print spooler runs out of disk space on drive C.

WORKAROUND
==========

To work around this problem, do one of the following:

 - Free disk space on drive C by deleting temporary files.

 - Move the spool folder to another drive with more free space.
"""
    )
    helps = _helps(draft_tree(art))
    assert not any(h.rstrip().endswith(":") for h in helps), helps
