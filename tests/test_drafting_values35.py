"""Round 35 (values35): a step that sets a value "as follows:" over a table says the value
to set (the row the outcome wants, the one the article recommends, or each name/type/data
row), the table kept under it; a table that does not say which stays as it was."""

from __future__ import annotations

import time

from drafting_support import details, fixes, support, ticks

from kbassist.drafting.tree import draft_tree
from kbassist.drafting.value_tables import said_value

KEY = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\lfsvc"
SWITCH = """## Symptoms

Standard users cannot turn on the **Report location automatically** setting; it is greyed
out in **Settings**.

## Resolution

The administrator should make sure the **Report location automatically** setting is
enabled on each device.

1. Start Registry Editor as an administrator.
2. Set the data value of the registry entry `{KEY}\\Start` as follows:

    |Value data  |Result  |
    |---------|---------|
    |3     |Enable Report location automatically         |
    |4     |Disable Report location automatically         |

3. Restart the device.
""".replace("{KEY}", KEY)


def test_switch_table_says_the_row_the_fix_wants() -> None:
    """The step says "... to 3 (Enable ...)" instead of pasting the table; the table stays."""
    tree = draft_tree(support(SWITCH, id_="loc-switch", title="Cannot report location"))
    steps = ticks(fixes(tree)[0])
    said = next(s for s in steps if "lfsvc\\Start" in s)
    assert said.endswith("\\lfsvc\\Start to 3 (Enable Report location automatically).")
    assert "Disable Report location automatically" in details(fixes(tree)[0])


def test_recommended_row_is_the_value_set() -> None:
    """A note "The recommended value is *0*" picks the row the step says."""
    said = said_value(
        "Use the MDM policy Privacy/LetAppsAccessCamera to enable the camera as follows:",
        "Table: Value | Result\n0 | User in control\n1 | Force allow\n2 | Force deny\n\n"
        "Note: The recommended value is *0*, but 1 forces it on.",
        "Use MDM policy. Make sure the camera is enabled.",
    )
    assert said is not None and said.endswith(
        ", set to 0 (User in control, the value the article recommends)."
    )


def test_name_type_data_rows_each_said_with_reg_add() -> None:
    """Each row of a name/type/data table is "set <name> (<type>) to <data>", with reg add."""
    said = said_value(
        "Under `HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\Sync`, add the following values:",
        "Table: Value name | Data type | Value\nInterval | REG_DWORD | 30\n"
        "Server | REG_SZ | sync01",
        "Add the values.",
    )
    assert said is not None
    assert "set Interval (REG_DWORD) to 30; set Server (REG_SZ) to sync01." in said
    assert 'reg add "HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\Sync" /v Server /t REG_SZ' in said


def test_table_that_names_no_wanted_row_is_left() -> None:
    """A table of levels with no on/off row, or an outcome that says neither, is not guessed."""
    levels = "Table: Value | Meaning\n1 | Errors only\n2 | Warnings\n3 | Verbose"
    assert said_value("Set the LogLevel value as follows:", levels, "Enable logging.") is None
    switch = "Table: Value | Result\n1 | On\n0 | Off"
    assert said_value("Set the Trace value as follows:", switch, "Change the trace.") is None


def test_hostile_table_is_linear() -> None:
    """A 20 KB detail of pipes and a long announce line are handled quickly."""
    start = time.perf_counter()
    said_value("set " + "a " * 10_000 + "as follows:", "| " * 10_000, "enable " * 3000)
    said_value("set the following values:", "Table: Value | Result\n" + "1 | on " * 3000, "")
    assert time.perf_counter() - start < 1.0


def test_boxed_value_rows_said_with_the_key_given_before() -> None:
    """Old KB boxed "Value Name: | X" rows are said as "add the X value ... with the data"."""
    said = said_value(
        "Go to this registry key and add the following value if it is not already there:",
        "+-----------------+\n| Value Name: | DisableCache |\n+-----------------+\n"
        "| Data Type:  | REG_DWORD    |\n+-----------------+\n| Data:       | 1   |",
        "Disable the cache.",
        "Start Registry Editor and locate HKEY_LOCAL_MACHINE\\SOFTWARE\\Fabrikam\\Viewer",
    )
    assert said is not None
    assert "add the DisableCache value (REG_DWORD) with the data 1 if it is not" in said
    assert 'reg add "HKEY_LOCAL_MACHINE\\SOFTWARE\\Fabrikam\\Viewer" /v DisableCache' in said
