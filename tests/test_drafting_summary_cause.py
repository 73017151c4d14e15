"""A modern support article that is one summary (no Cause heading) shows as its cause the
sentence that says why, not the whole summary from "This article provides a solution"
through the error message; a summary that says no why plainly gives no cause."""

from __future__ import annotations

from drafting_support import support

from kbassist.drafting.tree import draft_tree

RECYCLE = """
This article provides a solution to an issue where the Recycle Bin is corrupted.

When you sign in to the system or try to delete a file, you receive this error message:

> The Recycle Bin on \\<Drive\\> is corrupted. Do you want to empty the Recycle Bin?

This issue occurs because of a corrupted *$Recycle.bin* file.

To resolve the issue, run the following command from an elevated command prompt.

```console
RD <Drive>$Recycle.bin /s /q
```
"""

INTRO_ONLY = """
This article provides a solution to fix error 0x80090327 that occurs when you add a node.

You fail to add a node to a cluster. The cluster log shows:

```output
00001ef8::<Date Time> WARN cxl::ConnectWorker: HrError(0x000004ca) because of '[SV] Schannel'
```

To resolve the issue, renew the certificate on every node.
"""


def test_a_summary_only_article_names_its_because_sentence_as_the_cause() -> None:
    """The cause is "This issue occurs because of a corrupted $Recycle.bin file.", without
    the summary's introduction or the error message before it."""
    tree = draft_tree(support(RECYCLE))
    assert tree["cause"] == "This issue occurs because of a corrupted $Recycle.bin file."
    cause = next(n for n in tree["nodes"] if n["id"] == "cause")
    assert "This article provides" not in cause["text"]


def test_an_introduction_or_a_log_line_is_no_cause() -> None:
    """ "This article provides a fix for X that occurs when Y" and a quoted log line that
    holds "because" are no cause: the draft says honestly that the article gives none."""
    tree = draft_tree(support(INTRO_ONLY))
    assert tree["cause"] == "support-1 gives no cause."
