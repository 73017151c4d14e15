"""Round 18 (mssect18): a modern MS support article's fix parts beside its Resolution are
fixes, and the scenario conditions its Symptoms list are the causes those parts answer
(seed-56 reader's note 56:38)."""

from __future__ import annotations

from drafting_support import fixes, support

from kbassist.drafting.tree import draft_tree

_SYMPTOMS = (
    "## Symptoms\n\n"
    "Consider the following scenario where you might see the following issues after you\n"
    "upgrade the Widget link protocol to version 3.\n\n"
    "- Widget Server uses a badge that's signed by a weak hash algorithm such as MD5.\n\n"
    "- Link version 3 upgrades were applied only to the client or the server but not both.\n\n"
    "- There are no matching cipher algorithms between the client and the server.\n\n"
    "In this scenario, you encounter the following issues after the upgrade is finished:\n\n"
    "- The application reports that the connection was forcibly closed.\n\n"
)
_RESOLUTION = (
    "## Resolution\n\n"
    "To resolve these errors, follow these steps:\n\n"
    "1. Open Widget Manager and select the **Badge** tab.\n"
    "1. Check the badge's hash algorithm. If it's MD5, disable the badge.\n"
    "1. Restart Widget Server.\n\n"
)
_CHECK = (
    "## Check enabled and disabled link versions\n\n"
    "To check the enabled and disabled link versions, follow these steps:\n\n"
    "1. Make sure that both the client and the server were upgraded to version 3.\n"
    "1. Open the `HKLM\\Widget\\Link` registry subkey and compare the client's and the\n"
    "   server's Enabled values.\n\n"
)
_CIPHERS = (
    "## No matching cipher suites\n\n"
    "1. Compare the cipher suites in the client's and the server's hello packets.\n"
    "1. If no cipher algorithms match, enable a matching cipher suite on the server.\n"
)


def test_fix_parts_beside_the_resolution_are_fixes() -> None:
    """ "## Check enabled and disabled link versions" and "## No matching cipher suites"
    after the Resolution are outcomes an admin can reach, with their own steps."""
    tree = draft_tree(support(_RESOLUTION + _CHECK + _CIPHERS, title="Widget link errors"))
    titles = [n["title"] for n in fixes(tree)]
    assert "Check enabled and disabled link versions" in titles
    assert "No matching cipher suites" in titles
    ciphers = next(n for n in fixes(tree) if n["title"] == "No matching cipher suites")
    assert any("a matching cipher suite on the server" in s["text"] for s in ciphers["steps"])


def test_scenario_conditions_are_asked_and_lead_to_their_part() -> None:
    """The Symptoms' scenario conditions are the causes: "Which cause applies?", each
    condition leading to the part that answers it, and the draft gives them as its cause."""
    tree = draft_tree(
        support(_SYMPTOMS + _RESOLUTION + _CHECK + _CIPHERS, title="Widget link errors")
    )
    assert "weak hash algorithm" in tree["cause"]
    which = next(n for n in tree["nodes"] if n["id"] == "which_cause")
    ends = {n["id"]: n["title"] for n in fixes(tree)}
    nodes = {n["id"]: n for n in tree["nodes"]}

    def reached(node_id: str) -> str:
        while node_id not in ends:  # through the fix's own case questions
            node_id = nodes[node_id]["choices"][0]["next"]
        return ends[node_id]

    got = [reached(c["next"]) for c in which["choices"] if c["value"] != "unknown"]
    assert got[0].startswith("Resolution")
    assert got[1:] == ["Check enabled and disabled link versions", "No matching cipher suites"]
    assert which["choices"][0]["label"].startswith("Widget Server uses a badge")
