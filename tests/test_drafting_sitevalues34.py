"""The site's values are asked, not left as the article's example (round 33, sitevalues34).

Seed 90's readers marked Microsoft's example names (`[Contoso]`) hard-coded in a
restore script, `<Driver>:\\` asked as a "driver", a RESTORE's logical file name typed
as a path, a table name asked with no word that a step returns it, and an archive
switch picked for one case by example ("resort.exe -s") left as the only choice.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from kbassist.articles import load_article
from kbassist.drafting.site_values import (
    company_examples,
    drive_before_root,
    produced_by,
    switch_examples,
)
from kbassist.drafting.text import DETAIL_SEP
from kbassist.drafting.tree import draft_tree

RESTORE = """\
---
title: Error 4321 when you restore a sales database
description: Restoring a database to a folder that another process uses fails.
ms.date: 01/01/2024
---
# Error 4321 when you restore a sales database

## Symptoms

When you restore a database, you receive the following error message:

> Msg 4321, Level 16: File cannot be restored to the folder.

## Cause

The target folder is already used by another database.

## Resolution

Restore the database to a folder that no other database uses:

```sql
RESTORE DATABASE [Fabrikam] FROM DISK = N'D:\\Backups\\Fabrikam.bak' WITH
MOVE N'Fabrikam_data' TO N'E:\\Data\\Fabrikam_data.mdf',
MOVE N'<Logical File>' TO N'<Driver>:\\<Folder Path>\\<Target Folder>'
GO
```
"""

STATISTICS = """\
---
title: Error 9876 when a report query runs on a readable secondary
description: Query-generated statistics are missing on the secondary replica.
ms.date: 01/01/2024
---
# Error 9876 when a report query runs on a readable secondary

## Symptoms

You receive the following error message: Msg 9876, Could not locate statistics.

## Cause

Temporary statistics were created on the primary replica and then dropped.

## Workaround

1. To find the table that holds the statistics, run the following query on the primary
   replica:

    ```sql
    select object_name([object_id]) from sys.stats where name='<StatName>'
    ```

    After running the query, the table name `<TableName>` is returned.

1. To drop the statistics, run the following command:

    ```sql
    DROP STATISTICS <TableName>.<StatName>
    ```
"""

SORT = """\
Article: Q998877
Product(s): Microsoft Mail for PC Networks

SYMPTOMS
========

When you search the Address Book for a name with accented characters, the
Mail client finds the wrong entry.

CAUSE
=====

The post office was sorted with a sort order other than the one the users need.

RESOLUTION
==========

Apply the appropriate sort order to the post office.
For example, when a Danish sort order is required, run "sortpo.exe -d".
Then rebuild the Global Address List.
"""


def _draft(tmp_path: Path, name: str, text: str) -> list[dict[str, Any]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return list(draft_tree(load_article(path))["nodes"])


def _inputs(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [n for n in nodes if n.get("kind") == "input"]


def _details(nodes: list[dict[str, Any]]) -> str:
    return "\n".join(
        str(s.get("detail", "")) + str(s.get("text", "")) for n in nodes for s in n.get("steps", [])
    )


def test_example_company_names_in_a_restore_script_are_asked(tmp_path: Path) -> None:
    """`RESTORE DATABASE [Fabrikam]` asks the database name, Fabrikam its default."""
    nodes = _draft(tmp_path, "restore.md", RESTORE)
    asked = {n.get("default"): n for n in _inputs(nodes)}
    assert "Fabrikam" in asked
    assert "database name" in asked["Fabrikam"]["title"]
    var = asked["Fabrikam"]["var"]
    assert f"RESTORE DATABASE [{{{var}}}]" in _details(nodes)


def test_a_placeholder_before_a_root_is_a_drive_letter(tmp_path: Path) -> None:
    """`<Driver>:\\<Folder Path>` asks a drive letter, not "which driver"."""
    nodes = _draft(tmp_path, "restore.md", RESTORE)
    driver = next(n for n in _inputs(nodes) if "<Driver> where" in n["text"])
    assert driver["format"] == "drive"
    assert "driver do you use" not in driver["text"]


def test_a_move_placeholder_is_a_logical_name_not_a_path(tmp_path: Path) -> None:
    """`MOVE N'<Logical File>'` asks a logical name, with no file-name hint."""
    nodes = _draft(tmp_path, "restore.md", RESTORE)
    logical = next(n for n in _inputs(nodes) if "<Logical File> where" in n["text"])
    assert logical["format"] == "name"
    assert "REPORT.TXT" not in logical["help"] and "logical" in logical["help"].casefold()


def test_a_value_a_step_returns_points_at_that_step(tmp_path: Path) -> None:
    """The table name the first query returns says to read it from that step's output."""
    nodes = _draft(tmp_path, "statistics.md", STATISTICS)
    table = next(n for n in _inputs(nodes) if "<TableName> where" in n["text"])
    assert "output of the step" in table["help"] and "find the table" in table["help"]
    stat = next(n for n in _inputs(nodes) if "<StatName> where" in n["text"])
    assert "output of the step" not in stat["help"]  # typed into the query, not returned


def test_an_archive_switch_given_for_one_case_is_asked(tmp_path: Path) -> None:
    """ "For example, when a Danish sort order is required, run "sortpo.exe -d"" asks it."""
    nodes = _draft(tmp_path, "Q998877.txt", SORT)
    switch = next(n for n in _inputs(nodes) if n.get("default") == "-d")
    assert "sort order switch" in switch["title"]
    assert f"sortpo.exe {{{switch['var']}}}" in _details(nodes)


def test_names_paths_hosts_and_keywords_are_not_example_names() -> None:
    """A Contoso host, account, path or a name no keyword types is never asked."""
    item = (
        f"Run this:{DETAIL_SEP}USE [master]\nSELECT * FROM srv.contoso.com\n"
        "EXEC sp_grantlogin 'CONTOSO\\admin'\nBACKUP LOG x TO DISK='C:\\Contoso\\x.bak'\n"
        "PRINT ContosoNote"
    )
    assert company_examples(item) == []
    assert company_examples(f"Run:{DETAIL_SEP}ALTER DATABASE Contoso SET ONLINE") == [
        ("Contoso", "name", "database name")
    ]
    assert not drive_before_root("<Drive>", "copy <Drive> C:\\x")
    assert switch_examples("For example, if you type IPCONFIG /ALL, you see it.") == []


def test_the_new_patterns_are_linear_on_hostile_text() -> None:
    """20 KB of near-matches is read in well under a second."""
    hostile = [
        "For example when a " + "x " * 10000 + "is required run resort.exe",
        f"x{DETAIL_SEP}" + "MOVE N'" * 3000 + "contoso" * 1000,
        "<T>" + " the table name " * 1500 + f"{DETAIL_SEP}x",
    ]
    started = time.perf_counter()
    for text in hostile:
        switch_examples(text)
        company_examples(text)
        produced_by("<T>", [text])
    assert time.perf_counter() - started < 1.0
