"""Names a modern article's example command uses that its prose calls the example's
(round 19, the readers' `TestEP` / `aglisten` notes): each is a typed input whose default
is the example, filled into the command; system names and SQL words never are."""

from __future__ import annotations

from typing import Any

from drafting_support import support, walked

from kbassist.drafting.tree import draft_text, draft_tree

SYMPTOMS = (
    "## Symptoms\n\nSQL Server doesn't start: Server TCP provider failed to listen. "
    "Tcp port is already in use.\n\n"
    "## Cause\n\nAnother endpoint uses the same port as the instance.\n\n"
)


def inputs(tree: dict[str, Any]) -> list[dict[str, Any]]:
    """The drafted tree's input nodes, in file order."""
    return [n for n in tree["nodes"] if n["kind"] == "input"]


def lines(art: Any, answers: dict[str, str]) -> str:
    """The checklist's items (text and detail) for these answers, as one text."""
    return " ".join(f"{i.text} {i.detail or ''}" for i in walked(art, answers).items)


def test_an_endpoint_named_in_a_for_example_command_is_asked_and_filled_in() -> None:
    """'For example, to drop an endpoint named `TestEP` ...: DROP ENDPOINT TestEP' asks
    the endpoint name (default TestEP) and the command drops the admin's endpoint."""
    art = support(
        SYMPTOMS + "## Resolution\n\n"
        "- **Method 1**: Drop the endpoint that is causing the problem by using the DROP "
        "ENDPOINT command.\n\n"
        "  For example, to drop an endpoint named `TestEP` you can use the following "
        "command:\n\n"
        "    ```sql\n    DROP ENDPOINT TestEP\n    ```\n"
    )
    (asked,) = inputs(draft_tree(art))
    assert asked["default"] == "TestEP"
    assert "Which endpoint name do you use?" in asked["text"]
    done = lines(art, {"symptom": "yes", asked["var"]: "MirrorEP"})
    assert "DROP ENDPOINT MirrorEP" in done
    assert "TestEP" not in done
    draft_text(art)  # lint-clean


def test_an_assumed_listener_name_is_asked_but_master_is_not() -> None:
    """'assume that your availability group listener is *aglisten*' over a script that
    says `USE master` and `LISTENER 'aglisten'` asks the listener, never master."""
    art = support(
        "## Symptoms\n\nApplications can't connect to the availability group listener.\n\n"
        "## Resolution\n\n"
        "1. Drop the availability group.\n"
        "2. Create a new, empty availability group that includes the listener definition.\n\n"
        "    For example, assume that your availability group listener is *aglisten*. The "
        "following statement creates a listener named *aglisten*.\n\n"
        "    ```sql\n    USE master\n    GO\n"
        "    CREATE AVAILABILITY GROUP ag FOR REPLICA ON 'sqlnode1' WITH (\n"
        "        FAILOVER_MODE = MANUAL\n"
        "    ) LISTENER 'aglisten' (\n        PORT = 1433\n    )\n    GO\n    ```\n"
    )
    (asked,) = inputs(draft_tree(art))
    assert asked["default"] == "aglisten"
    assert "availability group listener name" in asked["text"]
    done = lines(art, {"symptom": "yes", asked["var"]: "salesag-lsn"})
    assert "LISTENER 'salesag-lsn'" in done
    assert "USE master" in done
    draft_text(art)


def test_where_a_name_is_the_database_after_the_command_asks_it() -> None:
    """'ALTER DATABASE SalesDB SET ONLINE' then 'where SalesDB is the name of your
    database' asks the database name and fills it into the command."""
    art = support(
        "## Symptoms\n\nThe database is in the Recovery Pending state.\n\n"
        "## Resolution\n\n"
        "1. Bring the database online by running the following command:\n\n"
        "    ```sql\n    ALTER DATABASE SalesDB SET ONLINE\n    ```\n\n"
        "    where SalesDB is the name of your database.\n"
    )
    (asked,) = inputs(draft_tree(art))
    assert asked["default"] == "SalesDB"
    done = lines(art, {"symptom": "yes", asked["var"]: "Orders"})
    assert "ALTER DATABASE Orders SET ONLINE" in done
    draft_text(art)


def test_only_the_example_name_the_command_spells_is_asked() -> None:
    """'the server named PROD1' said as the article's own fact, and an example name the
    command never spells, are not asked; the endpoint the example command drops is."""
    art = support(
        SYMPTOMS + "## Resolution\n\n"
        "1. On the server named PROD1, run the following command:\n\n"
        "    ```sql\n    DROP ENDPOINT Mirroring\n    ```\n\n"
        "    For example, an endpoint named OldEP is often left behind.\n"
        "2. For example, to drop an endpoint named TestEP, use the following command:\n\n"
        "    ```sql\n    DROP ENDPOINT TestEP\n    ```\n"
    )
    assert [n["default"] for n in inputs(draft_tree(art))] == ["TestEP"]
