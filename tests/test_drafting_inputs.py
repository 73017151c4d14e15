"""Drafted inputs (issue 13): a value is asked only on the paths whose steps use it, under
a title that fits its name, and never for a placeholder of a sample the article shows."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from drafting_support import runbook, support, walked

from kbassist.articles import Article, parse_article
from kbassist.drafting.tree import draft_tree, draft_tree_model
from kbassist.trees.checklist import build_checklist
from kbassist.trees.engine import walk_with_answers


def _token(node: dict[str, Any]) -> str:
    """The article's placeholder an input stands for: its text says it ("The article writes
    <x> where you type ..."); an MS KB article's title names it ("Your name for <x>")."""
    said = re.match(r"The article writes (.+?) where you type\b", str(node.get("text", "")))
    return said.group(1) if said else node["title"].split(" for ")[-1]


def inputs(tree: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Input nodes by the placeholder they stand for."""
    return {_token(n): n for n in tree["nodes"] if n["kind"] == "input"}


_CASE_RUNBOOK = (
    "## Meaning\n\nREST calls of the operator fail.\n\n## Diagnosis\n\n"
    "1. Check the operator logs:\n\n   ```bash\n   $ oc -n openshift-cnv logs <operator-pod>\n"
    "   ```\n\n## Mitigation\n\n"
    "- If the operator pod cannot connect to the API server, delete the pod to force a "
    "restart:\n\n  ```bash\n  $ oc delete -n <install-namespace> <operator-pod>\n  ```\n\n"
    "If you cannot resolve the issue, open a support case.\n"
)


def test_an_input_one_case_needs_is_not_asked_on_the_other_path() -> None:
    """`<install-namespace>` only in the "if it cannot connect" step: "no" never asks it."""
    art = runbook(_CASE_RUNBOOK)
    tree = draft_tree(art)
    asked = inputs(tree)
    pod, namespace = asked["<operator-pod>"]["var"], asked["<install-namespace>"]["var"]
    case = next(n["var"] for n in tree["nodes"] if n["kind"] == "question" and "if_" in n["id"])
    model = draft_tree_model(art)
    # "no": the walk ends without the namespace ever being asked
    walk = walk_with_answers(model, {"symptom": "yes", pod: "virt-1", case: "no"})
    assert namespace not in walk.answers
    assert not [i for i in build_checklist(walk).items if "oc delete" in i.detail]
    # "yes": asked after the question, and the delete command uses it
    answers = {"symptom": "yes", pod: "virt-1", case: "yes", namespace: "kubevirt-hyperconverged"}
    checklist = build_checklist(walk_with_answers(model, answers))
    assert any("oc delete -n kubevirt-hyperconverged virt-1" in i.detail for i in checklist.items)


def test_a_name_placeholder_is_asked_as_a_name_not_a_number() -> None:
    """`<AccountName>` holds "count" but names an account: never "Your number for"."""
    art = support(
        "## Symptoms\n\nThe service cannot start: error 1069.\n\n## Resolution\n\n"
        "Run the following command to set the service account:\n\n"
        "```console\nsc config <ServiceName> obj= <AccountName> password= <Password>\n```\n"
    )
    asked = inputs(draft_tree(art))
    assert asked["<AccountName>"]["title"] == "Account name"
    assert asked["<AccountName>"]["type"] == "text"
    assert [n["format"] for n in asked.values()].count("name") >= 2


def test_placeholders_of_a_sample_alert_message_are_not_asked() -> None:
    """ "A sample alert message is provided below," then the alert: its <host-name> is shown."""
    art = runbook(
        "## Meaning\n\nAn OSD is nearly full.\n\n## Diagnosis\n\n"
        "A sample alert message is provided below,\n\n"
        "    Utilization of storage device <ceph-daemon-name> of device_class type\n"
        "<device-class-name> has crossed 80% on host <host-name>.\n\n"
        "## Mitigation\n\n### Delete data\n\nDelete data you no longer need.\n"
    )
    tree = draft_tree(art)
    assert not inputs(tree)
    assert not [n for n in tree["nodes"] if "host-name" in str(n.get("title", ""))]


def test_a_domain_account_placeholder_with_a_backslash_is_asked_and_used() -> None:
    """`/userd:<Domain\\domain_admin>` is asked as an account and filled into the command."""
    art = support(
        "## Symptoms\n\nThe DNS zones do not load: event 4000.\n\n## Resolution\n\n"
        "Reset the computer account password by running this command with elevated rights:\n\n"
        "```console\nnetdom resetpwd /server:<PDC.domain.com> /userd:<Domain\\domain_admin>"
        " /passwordd:*\n```\n"
    )
    tree = draft_tree(art)
    account = inputs(tree)["<Domain\\domain_admin>"]
    assert "DOMAIN\\user" in account["help"]
    answers = {
        "symptom": "yes",
        inputs(tree)["<PDC.domain.com>"]["var"]: "dc1.contoso.com",
        account["var"]: "CONTOSO\\admin",
    }
    checklist = build_checklist(walk_with_answers(draft_tree_model(art), answers))
    assert any("/userd:CONTOSO\\admin /passwordd:*" in i.detail for i in checklist.items)


def test_each_version_asks_only_the_pod_name_its_own_steps_use() -> None:
    """4.13 asks the master pod only, 4.14 the node pod only; "not sure" asks both."""
    art = runbook(
        "## Meaning\n\nNorthd is inactive.\n\n## Diagnosis\n\n"
        "For clusters at versions 4.13 or earlier, exec into the master pod:\n\n"
        "```shell\noc exec -it <master-podname> -- ovn-appctl status\n```\n\n"
        "For clusters at versions 4.14 or later, exec into the node pod:\n\n"
        "```shell\noc exec -it <node-podname> -- ovn-appctl status\n```\n\n"
        "## Mitigation\n\nRestart the affected northd process.\n"
    )
    tree = draft_tree(art)
    model = draft_tree_model(art)
    asked = inputs(tree)
    master, node_pod = asked["<master-podname>"]["var"], asked["<node-podname>"]["var"]
    question = next(n for n in tree["nodes"] if n["kind"] == "question" and "if_" in n["id"])
    early, late, unsure = (c["value"] for c in question["choices"])
    walk = walk_with_answers(model, {"symptom": "yes", question["var"]: early, master: "m-1"})
    assert node_pod not in walk.answers
    assert any("oc exec -it m-1" in i.detail for i in build_checklist(walk).items)
    walk = walk_with_answers(model, {"symptom": "yes", question["var"]: late, node_pod: "n-1"})
    assert master not in walk.answers
    answers = {"symptom": "yes", question["var"]: unsure, master: "m-1", node_pod: "n-1"}
    details = " ".join(i.detail for i in build_checklist(walk_with_answers(model, answers)).items)
    assert "m-1" in details and "n-1" in details


def test_an_x_run_placeholder_is_no_number_unless_the_article_says_so() -> None:
    """ "where <xxxx> is the internal name" asks a name, not "Your number for <xxxx>"."""
    name = support(
        "## Symptoms\n\nThe binding fails.\n\n## Resolution\n\n"
        "Set the same value in the line `Bindings=<xxxx> now`, where <xxxx> is the internal "
        "name of the network adapter.\n"
    )
    asked = inputs(draft_tree(name))
    assert list(asked) == ["<xxxx>"]
    assert (asked["<xxxx>"]["type"], asked["<xxxx>"]["format"]) == ("text", "name")


def _mskb(body: str) -> Article:
    """An MS KB archive article: header fields, then underlined, tab-indented sections."""
    head = ["## Q999302: Test article", "", "Article: Q999302", "Product(s): Windows NT", ""]
    lines = ["\t" + line if line else "" for line in body.strip("\n").split("\n")]
    return parse_article("\n".join([*head, *lines, ""]), Path("Q999302.txt"))


def test_xml_elements_closed_in_the_listing_are_not_asked() -> None:
    """`<DTSConfiguration>` ... `</DTSConfiguration>` is the file's markup; `<guid>` is asked."""
    art = support(
        "## Symptoms\n\nThe package fails with DTS_E_CANNOTACQUIRECONNECTION.\n\n"
        "## Resolution\n\nRemove Initial Catalog from the configuration file, as follows:\n\n"
        '```xml\n<?xml version="1.0"?>\n<DTSConfiguration>\n    <DTSConfigurationHeading>\n'
        '        <DTSConfigurationFileInfo GeneratedFromPackageID="<guid>"/>\n'
        "    </DTSConfigurationHeading>\n"
        "    <ConfiguredValue>Data Source=ORA1;</ConfiguredValue>\n</DTSConfiguration>\n```\n"
    )
    assert list(inputs(draft_tree(art))) == ["<guid>"]


_ETCD_RUNBOOK = (
    "## Meaning\n\netcd uses too much memory.\n\n## Diagnosis\n\nList the etcd pods:\n\n"
    "```shell\noc get pods -n openshift-etcd\n```\n\n## Mitigation\n\n"
    "1. Check the pod's database size:\n\n   ```shell\n"
    "   oc exec -n openshift-etcd <etcd-pod-name> -- etcdctl endpoint status\n   ```\n\n"
    "2. Defragment it:\n\n   ```shell\n"
    "   oc exec -n openshift-etcd <etcd-pod> -- etcdctl defrag\n   ```\n"
)


def test_two_placeholders_naming_the_same_pod_are_one_input() -> None:
    """`<etcd-pod-name>` and `<etcd-pod>` are asked once; the answer fills both commands."""
    art = runbook(_ETCD_RUNBOOK)
    tree = draft_tree(art)
    asked = inputs(tree)
    assert list(asked) == ["<etcd-pod-name>"]
    checklist = walked(art, {"symptom": "yes", asked["<etcd-pod-name>"]["var"]: "etcd-m1"})
    details = [i.detail for i in checklist.items if i.detail]
    assert any("oc exec -n openshift-etcd etcd-m1 -- etcdctl endpoint status" in d for d in details)
    assert any("oc exec -n openshift-etcd etcd-m1 -- etcdctl defrag" in d for d in details)


def test_an_address_and_a_port_are_typed_inputs() -> None:
    """`<ip_address>` is asked as an IP address, `<port>` as a number from 1 to 65535."""
    art = support(
        "## Symptoms\n\nConnecting fails: Timeout expired.\n\n## Resolution\n\n"
        "Connect with the port the error log shows:\n\n"
        "```console\nsqlcmd -S <ip_address>,<port>\n```\n"
    )
    asked = inputs(draft_tree(art))
    assert asked["<ip_address>"]["title"] == "IP address"
    assert asked["<ip_address>"]["format"] == "ip"
    assert "192.168.1.10" in asked["<ip_address>"]["help"]
    port = asked["<port>"]
    assert (port["type"], port["min"], port["max"]) == ("number", 1, 65535)
    answers = {"symptom": "yes", asked["<ip_address>"]["var"]: "10.0.0.5", port["var"]: "1433"}
    assert any("sqlcmd -S 10.0.0.5,1433" in i.detail for i in walked(art, answers).items)


def test_a_domain_controller_is_a_host_and_a_service_account_an_account() -> None:
    """`<DomainController>` is a server name, `<ADFS service account>` an account."""
    art = support(
        "## Symptoms\n\nThe demotion fails.\n\n## Resolution\n\n"
        "1. Type `remove nc replica <Partition> <DomainController>`.\n"
        "2. Run `sc config adfssrv obj= <ADFS service account>` again.\n"
    )
    asked = inputs(draft_tree(art))
    assert asked["<DomainController>"]["title"] == "Domain controller"
    assert asked["<DomainController>"]["format"] == "host"
    assert asked["<ADFS service account>"]["title"] == "ADFS service account"
    assert asked["<ADFS service account>"]["help"].startswith("An account as DOMAIN\\user")


def test_a_generic_unc_path_in_a_step_is_asked_and_filled_in() -> None:
    """ "Change the profile path to \\\\server\\share\\folder" asks the share path, not literal."""
    art = _mskb(
        "SYMPTOMS\n========\n\nYou cannot access your central profile.\n\n"
        "RESOLUTION\n==========\n\nCopy the profile to a folder under the profile share.\n"
        "Change the User Profile path in User Manager to \\\\server\\share\\folder.\n"
    )
    tree = draft_tree(art)
    share = inputs(tree)["\\\\server\\share\\folder"]
    assert share["title"].startswith("Your share path for")
    checklist = walked(art, {"symptom": "yes", share["var"]: "\\\\FS1\\PROFILES\\ann"})
    text = " ".join(i.text for i in checklist.items)
    assert "User Manager to \\\\FS1\\PROFILES\\ann." in text


def test_a_server_name_spelt_as_a_name_in_a_url_is_asked_as_a_host() -> None:
    """`https://PrintServerName/` is the reader's print server: asked and put in the step."""
    art = support(
        "## Symptoms\n\nAdding the IPP printer fails.\n\n## Resolution\n\n"
        "1. Start Internet Explorer as administrator.\n"
        "2. Browse to the print server using HTTPS (for example, `https://PrintServerName/`).\n"
    )
    server = inputs(draft_tree(art))["PrintServerName"]
    assert (server["title"], server["format"]) == ("Print server name", "host")
    checklist = walked(art, {"symptom": "yes", server["var"]: "PRN01"})
    assert any("https://PRN01/" in i.text for i in checklist.items)


def test_a_namespace_placeholder_is_asked_as_a_name() -> None:
    """`<namespace>` and `<virt-handler-pod>` name objects: "Your name for", not "value"."""
    art = runbook(
        "## Meaning\n\nThe handler is down.\n\n## Mitigation\n\nRead the handler's logs:\n\n"
        "```shell\noc logs -n <namespace> <virt-handler-pod>\n```\n"
    )
    titles = sorted(n["title"] for n in draft_tree(art)["nodes"] if n["kind"] == "input")
    assert titles == ["Namespace", "Virt handler pod"]


def test_an_explained_file_name_and_a_windir_placeholder_are_asked() -> None:
    """ "where filename is ..." and `<%windir%>` are asked; "Typically, this is C:\\Winnt"
    only illustrates `<%windir%>` and is not asked as a path of its own."""
    art = _mskb(
        "SYMPTOMS\n========\n\nThe document is not included.\n\n"
        "RESOLUTION\n==========\n\n"
        '1. Type "INCLUDETEXT filename" (without the quotation marks) inside the braces,\n'
        "  where filename is the path and file name of your document.\n\n"
        "2. Copy Schannel.dll to the <%windir%>\\system32 directory, where <%windir%> is\n"
        "  your Windows installation directory. Typically, this is C:\\Winnt.\n"
    )
    asked = inputs(draft_tree(art))
    assert sorted(asked) == ["<%windir%>", "filename"]
    assert asked["<%windir%>"]["title"] == "Your path for <%windir%>"
    answers = {"symptom": "yes", asked["filename"]["var"]: "C:\\letter.doc"}
    answers[asked["<%windir%>"]["var"]] = "D:\\WINNT"
    text = " ".join(i.text for i in walked(art, answers).items)
    assert 'Type "INCLUDETEXT C:\\letter.doc"' in text
    assert "Copy Schannel.dll to the D:\\WINNT\\system32 directory" in text


def test_a_generic_unc_share_inside_a_longer_path_is_asked() -> None:
    """`\\\\machine\\share\\MapPoint\\msmap\\data.msi`: the share is asked, the rest kept."""
    art = _mskb(
        "SYMPTOMS\n========\n\nUsers cannot install MapPoint.\n\n"
        "RESOLUTION\n==========\n\n1. Type the following command:\n\n"
        "  msiexec /jm \\\\machine\\share\\MapPoint\\msmap\\data.msi\n"
    )
    share = inputs(draft_tree(art))["\\\\machine\\share"]
    checklist = walked(art, {"symptom": "yes", share["var"]: "\\\\FS1\\apps"})
    steps = " ".join(f"{i.text} {i.detail}" for i in checklist.items)
    assert "msiexec /jm \\\\FS1\\apps\\MapPoint\\msmap\\data.msi" in steps


def test_my_server_name_stand_ins_in_a_command_are_asked_and_filled_in() -> None:
    """`Data Source=MyServerName;Password=MyPassword` asks the server and the password;
    a name the runbook sets itself (`MYPOD=...`) and a sample's `MyClass` are not asked."""
    art = support(
        "## Symptoms\n\nThe package cannot connect.\n\n## Resolution\n\n"
        "1. Set the connection string:\n\n```xml\n<ConfiguredValue>Data Source=MyServerName;"
        "Password=MyPassword;</ConfiguredValue>\n```\n\n"
        "2. Rebuild the sample:\n\n```csharp\nvar x = new MyClass();\n```\n"
    )
    asked = inputs(draft_tree(art))
    assert sorted(asked) == ["MyPassword", "MyServerName"]
    assert (asked["MyServerName"]["title"], asked["MyServerName"]["format"]) == (
        "Server name",
        "host",
    )
    assert asked["MyPassword"]["title"] == "Password"
    answers = {"symptom": "yes", asked["MyServerName"]["var"]: "ORA1"}
    answers[asked["MyPassword"]["var"]] = "s3cret"
    details = " ".join(i.detail for i in walked(art, answers).items if i.detail)
    assert "Data Source=ORA1;Password=s3cret;" in details
    pod = runbook(
        "## Meaning\n\nA pod is stuck.\n\n## Mitigation\n\n```shell\n"
        "MYPOD=$(oc get pods -o name | head -1)\noc delete $MYPOD\n```\n"
    )
    assert not inputs(draft_tree(pod))


def test_domain_components_of_a_directory_path_are_asked_as_such() -> None:
    """`DC=<Domain>,DC=<COM>` asks parts of the DNS name (contoso, com), not a bare <COM>."""
    art = support(
        "## Symptoms\n\nThe service fails to start.\n\n## Resolution\n\n"
        "Grant the account read access to `CN=ADFS,CN=Program Data,DC=<Domain>,DC=<COM>` "
        "in ADSI Edit.\n"
    )
    asked = inputs(draft_tree(art))
    assert asked["<COM>"]["title"].startswith("Domain name, part ")
    assert "DC=contoso,DC=com" in asked["<COM>"]["help"]


def test_a_placeholder_whose_value_a_later_step_lists_says_where_to_find_it() -> None:
    """`CN=<GUID>` asked before "Get-ADFSProperties ... The GUID is listed under ...":
    the input's help says where the value shows and after which command."""
    art = support(
        "## Symptoms\n\nThe AD FS service fails to start.\n\n## Resolution\n\n"
        "1. Open ADSI Edit and navigate to `CN=<GUID>,CN=ADFS,CN=Microsoft,CN=Program Data`.\n"
        "2. If there is more than one GUID, run the following commands:\n\n"
        "    ```powershell\n    Add-PSSnapin microsoft.adfs.powershell\n"
        "    Get-ADFSProperties\n    ```\n\n"
        "3. The GUID is listed under CertificateSharingContainer.\n"
    )
    help_ = inputs(draft_tree(art))["<GUID>"]["help"]
    assert "The GUID is listed under CertificateSharingContainer." in help_
    assert "Get-ADFSProperties" in help_
