"""Site values an archive step has the admin type that the article names only in prose
(round 20, the seed-56 readers' "never asks the value" notes): the value is asked, typed
by what the step names, and the step shows the answer; passwords, products and values
the article gives are not asked."""

from __future__ import annotations

from functools import partial
from typing import Any

from drafting_support import archive, walked

from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id.
mskb = partial(archive, id_="Q999920")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nClients cannot resolve NetBIOS names of remote computers.\n\n"
    "CAUSE\n=====\n\nThe client has no WINS server configured.\n\n"
)


def inputs(tree: dict[str, Any]) -> list[dict[str, Any]]:
    """The drafted tree's input nodes, in file order."""
    return [n for n in tree["nodes"] if n["kind"] == "input"]


def items(art: Any, answers: dict[str, str]) -> list[str]:
    """The checklist's items (text and detail) for these answers, one line each."""
    return [" ".join(f"{i.text} {i.detail or ''}".split()) for i in walked(art, answers).items]


def test_an_ip_address_the_step_types_but_never_gives_is_asked_and_filled_in() -> None:
    """'Type the IP address of your WINS server in the Primary WINS Server box' asks the
    WINS server's IP address (an IP format), and the step shows the admin's address."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "1. In Control Panel, double-click Network, and then click the Protocols tab.\n"
        "2. Type the IP address of your WINS server in the Primary WINS Server box.\n"
        "3. Click OK, and then restart the computer.\n"
    )
    (asked,) = inputs(draft_tree(art))
    assert asked["format"] == "ip"
    assert "Which WINS server IP address do you use?" in asked["text"]
    assert "The article writes" not in asked["text"]
    lines = items(art, {"symptom": "yes", asked["var"]: "10.0.0.5"})
    assert any("WINS server (10.0.0.5) in the Primary WINS Server box" in x for x in lines)
    draft_text(art)  # lint-clean


def test_a_named_id_the_step_changes_with_no_new_value_is_asked() -> None:
    """'Change the Local Node ID by choosing the OK button' asks the new Local Node ID
    and the step changes it to the admin's answer."""
    art = mskb(
        "SYMPTOMS\n========\n\nThe SDLC link fails with event 182, code=11.\n\n"
        "CAUSE\n=====\n\nThe host does not recognize the Local Node ID (XID).\n\n"
        "RESOLUTION\n==========\n\n"
        "1. From SNA Server Admin, select the link service you want to change.\n"
        "2. In the Connection Properties dialog box, choose Setup.\n"
        "3. Change the Local Node ID by choosing the OK button.\n"
    )
    (asked,) = inputs(draft_tree(art))
    assert "Which Local Node ID do you use?" in asked["text"]
    lines = items(art, {"symptom": "yes", asked["var"]: "05D12345"})
    assert any("Change the Local Node ID to 05D12345 by choosing the OK button" in x for x in lines)
    draft_text(art)


def test_a_server_name_to_type_is_asked_as_a_host_name() -> None:
    """'type the name of the server that holds the share, and then click OK' asks the
    server's name as a host name."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "1. Start Server Manager.\n"
        "2. On the Computer menu, click Select Computer, type the name of the server that "
        "holds the share, and then click OK.\n"
    )
    (asked,) = inputs(draft_tree(art))
    assert asked["format"] == "host"
    assert "Which server name do you use?" in asked["text"]
    draft_text(art)


def test_passwords_products_and_given_values_are_not_asked() -> None:
    """A password, 'the name of the Exchange Server' and a value the step gives are not
    asked; only the server name the last step types without a value is."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "1. Type your password, and then click OK.\n"
        "2. Type the name of the Exchange Server in the box.\n"
        "3. Change the Selected ID value to 5.\n"
        '4. Type the server name "SRV1" in the box.\n'
        "5. Type the name of the proxy server in the Address box.\n"
    )
    (asked,) = [n for n in inputs(draft_tree(art)) if "does not give it" in n["text"]]
    assert asked["title"] == "Your proxy server name"
    draft_text(art)
