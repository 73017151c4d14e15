"""Values the admin must supply that the article only shows by an example (round 17, the
seed-54 readers' "values not asked" notes): the example becomes a typed input whose
default is the example, put where the example stood; a placeholder only a screenshot's
caption shows is not asked; a placeholder's question says what it asks."""

from __future__ import annotations

from functools import partial
from typing import Any

from drafting_support import archive, support, walked

from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id.
mskb = partial(archive, id_="Q999917")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nWhen you try to dial a long distance call to Brazil, you cannot "
    "choose the carrier.\n\n"
    "CAUSE\n=====\n\nDial-Up Networking has no field for the carrier code.\n\n"
)


def inputs(tree: dict[str, Any]) -> list[dict[str, Any]]:
    """The drafted tree's input nodes, in file order."""
    return [n for n in tree["nodes"] if n["kind"] == "input"]


def items(art: Any, answers: dict[str, str]) -> list[str]:
    """The checklist's items (text and detail) for these answers, one line each."""
    return [" ".join(f"{i.text} {i.detail or ''}".split()) for i in walked(art, answers).items]


def test_an_example_value_in_an_instruction_is_asked_with_the_example_as_default() -> None:
    """'Append the carrier codes to these fields (example: 055 and 0055)' asks the carrier
    code, defaults to 055, and the step shows the admin's own code."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "1. Click Dialing Properties, and then click New.\n"
        "2. Append the 2-digit carrier codes to these fields (example: 055\n"
        "   and 0055).\n"
        "3. Click OK.\n"
    )
    tree = draft_tree(art)
    (asked,) = inputs(tree)
    assert asked["default"] == "055"
    assert "Which 2-digit carrier codes do you use?" in asked["text"]
    assert "on this system" not in asked["text"]
    lines = items(art, {"symptom": "yes", asked["var"]: "021"})
    assert "Append the 2-digit carrier codes to these fields (021)." in lines
    draft_text(art)  # lint-clean


def test_a_for_example_name_a_later_step_acts_on_is_asked_as_an_account() -> None:
    """'For example: IIS Server user account = IUSR_IISBOX / Create an account called
    IUSR_IISBOX' asks the account (a name) and fills it into the step that creates it."""
    art = mskb(
        "SYMPTOMS\n========\n\nYou receive the error message: Database already in use\n\n"
        "CAUSE\n=====\n\nThe connection is denied access to the share.\n\n"
        "WORKAROUND\n==========\n\n"
        "Create an account on the server that holds the share that matches the IUSR account\n"
        "on the IIS server.\n\nFor example:\n\n"
        "IIS Server user account = IUSR_WEBBOX\n"
        "Remote server: Create an account called IUSR_WEBBOX and make sure the password\n"
        "matches the IUSR_WEBBOX account on the IIS server.\n"
    )
    tree = draft_tree(art)
    (asked,) = inputs(tree)
    assert asked["default"] == "IUSR_WEBBOX"
    assert asked["format"] == "name"
    assert "account" in asked["title"]
    lines = items(art, {"symptom": "yes", asked["var"]: "IUSR_SHOP1"})
    assert any("Create an account called IUSR_SHOP1" in line for line in lines)
    assert not any("IUSR_WEBBOX" in line for line in lines)
    draft_text(art)


def test_an_example_port_is_a_bounded_number_input() -> None:
    """'type a port number (for example, 8080)' asks a whole number from 1 to 65535; the
    examples of a product ('a text editor (for example, Notepad)') or of what to click
    beside a product's name ('the Exchange Server icon') are not asked."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "1. Open the file in a text editor (for example, Notepad).\n"
        "2. In the Proxy box, type the proxy server's port number (for example, 8080).\n"
        "3. Locate the Exchange Server icon, and then click the protocol (for example, POP3).\n"
    )
    (asked,) = inputs(draft_tree(art))
    assert (asked["type"], asked["min"], asked["max"], asked["default"]) == (
        "number",
        1,
        65535,
        8080,
    )
    draft_text(art)


def test_a_placeholder_only_in_a_screenshot_caption_is_not_asked() -> None:
    """'The following screenshot of an example output shows the <DomainName>\\sqlsvc
    account ...' describes a picture: <DomainName> is not asked."""
    art = support(
        "## Symptoms\n\nThe SQL Server service does not start: Access is denied.\n\n"
        "## Resolution\n\n"
        "1. Note the service account of the SQL Server service.\n"
        "2. Remove the Deny permission of that account on the installation folder.\n\n"
        "   > [!NOTE]\n   > The following screenshot of an example output from Process Monitor "
        "shows the \\<DomainName>\\sqlsrvlogin service account getting an Access Denied "
        "error.\n"
    )
    assert inputs(draft_tree(art)) == []


def test_a_placeholder_question_names_what_it_asks() -> None:
    """`<Carrier Code>` in a format to type is asked as 'Which carrier code do you use?',
    not 'What is it on this system?'."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "1. In the Long distance calls box, type the number in the following format:\n\n"
        "   0 + <Carrier Code> + <Area Code>\n\n"
        "2. Click Close.\n"
    )
    texts = [n["text"] for n in inputs(draft_tree(art))]
    assert any("Which carrier code do you use?" in t for t in texts)
    assert not any("on this system" in t for t in texts)


def test_a_value_typed_within_a_range_is_a_bounded_number_with_its_default() -> None:
    """'type MaxUserPort' then 'In the Value data box, type a value between 5000 and
    65534' asks MaxUserPort as a whole number in that range, the article's default 5000
    offered, and the step types the answer."""
    art = support(
        "## Symptoms\n\nEvent ID 1053 is logged when you run gpupdate /force.\n\n"
        "## Resolution\n\n"
        "1. Locate and then right-click the following registry subkey: "
        "`HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters`\n"
        "2. On the **Edit** menu, click **New**, click **DWORD Value**, type *MaxUserPort*, "
        "and then press ENTER.\n"
        "3. In the **Value data** box, type a value between 5000 and 65534, click "
        "**Decimal**, and then click **OK**.\n\n"
        "   > [!NOTE]\n   > The default value for the MaxUserPort registry entry is 5000.\n\n"
        "4. Exit Registry Editor.\n"
    )
    (asked,) = inputs(draft_tree(art))
    assert (asked["type"], asked["min"], asked["max"], asked["default"]) == (
        "number",
        5000,
        65534,
        5000,
    )
    assert "MaxUserPort" in asked["title"]
    lines = items(art, {"symptom": "yes", asked["var"]: "30000"})
    assert any("type 30000 (a value between 5000 and 65534)" in line for line in lines)
    draft_text(art)


def test_an_example_server_name_to_act_on_is_asked_as_a_host_name() -> None:
    """'Right-click the server name (for example, MYWEB01)' asks which server, as a host
    name (the example offered), and the step names the admin's server."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "1. Start Internet Services Manager.\n"
        "2. Right-click the server name (for example, MYWEB01), and then click Properties.\n"
    )
    (asked,) = inputs(draft_tree(art))
    assert (asked["format"], asked["default"]) == ("host", "MYWEB01")
    assert "Which server name do you use?" in asked["text"]
    lines = items(art, {"symptom": "yes", asked["var"]: "WEB7"})
    assert any("Right-click the server name (WEB7)" in line for line in lines)
    draft_text(art)
