"""Values the admin must supply that drafts did not ask, or asked as the wrong kind
(round 14, inputs14): a pod name copied from a runbook's sample output, `POOL_NAME`-like
and `{lower_case}` stand-ins in a command, a Markdown code span's `\\<placeholder>`, the
user half of `<host>\\<account>`, a `<path_to_file>` below a drive, a path's "..." shape."""

from __future__ import annotations

from typing import Any

from drafting_support import archive, runbook, support, walked

from kbassist.drafting.tree import draft_tree


def inputs(tree: dict[str, Any]) -> list[dict[str, Any]]:
    return [n for n in tree["nodes"] if n["kind"] == "input"]


def shown(art: Any, answers: dict[str, str]) -> str:
    """Every step and detail of the walk's checklist, one text."""
    items = [*walked(art, answers).part("steps"), *walked(art, answers).part("verify")]
    return "\n".join(f"{i.text}\n{getattr(i, 'detail', '') or ''}" for i in items)


def answers_for(tree: dict[str, Any], values: dict[str, str]) -> dict[str, str]:
    """Answer "yes" to every question,, `values` (by the article's literal) to the inputs."""
    out = {n["var"]: "yes" for n in tree["nodes"] if n["kind"] == "question" and "var" in n}
    out["symptom"] = "yes"
    for node in inputs(tree):
        for literal, value in values.items():
            if literal in node["title"] or f"writes {literal}" in node["text"]:
                out[node["var"]] = value
    return out


PROXY = """## Meaning

The KubeProxyDown alert fires when no kube-proxy instance is reachable for 15 minutes.

## Diagnosis

Check the status of the kube-proxy pods:

```console
kubectl get pods -l k8s-app=kube-proxy -n kube-system
```

Check one pod's logs with the following command:

```console
kubectl logs -n kube-system kube-proxy-x9k4t
```

## Mitigation

Delete the kube-proxy pods; new ones are created automatically:

```console
kubectl delete pod -l k8s-app=kube-proxy -n kube-system
```
"""


def test_a_pod_name_from_sample_output_is_asked_as_a_pod_name_and_typed_in() -> None:
    """`kubectl logs ... kube-proxy-x9k4t` (a generated pod name): the admin's pod is
    asked, typed as a name, and replaces the article's example in the command."""
    art = runbook(PROXY, id_="KubeProxyDown")
    tree = draft_tree(art)
    [asked] = inputs(tree)
    assert "pod name" in asked["title"] and asked["format"] == "name"
    text = shown(art, answers_for(tree, {"kube-proxy-x9k4t": "kube-proxy-zz7qp"}))
    assert "kubectl logs -n kube-system kube-proxy-zz7qp" in text
    assert "kube-proxy-x9k4t" not in text


MIRROR = """## Meaning

The alert fires when a persistent volume's mirroring is degraded.

## Diagnosis

Verify the mirroring status of the affected image using the Ceph CLI:

```bash
rbd mirror image status POOL_NAME/IMAGE_NAME
```

## Mitigation

Check the certificate's end date:

```bash
openssl x509 -noout -enddate -in {myfile_with_certs.crt}
```
"""


def test_capital_and_lower_case_brace_stand_ins_in_commands_are_asked() -> None:
    """`POOL_NAME/IMAGE_NAME` and `{myfile_with_certs.crt}`: each asked and typed in."""
    art = runbook(MIRROR, id_="MirrorStatus")
    tree = draft_tree(art)
    titles = [n["title"] for n in inputs(tree)]
    assert "Pool name" in titles and "Image name" in titles
    assert any("{myfile_with_certs.crt}" in n["text"] for n in inputs(tree))
    values = {"POOL_NAME": "rbdpool", "IMAGE_NAME": "csi-vol-1", "myfile_with": "/tmp/c.crt"}
    text = shown(art, answers_for(tree, values))
    assert "rbd mirror image status rbdpool/csi-vol-1" in text
    assert "-enddate -in /tmp/c.crt" in text
    cert = next(n for n in inputs(tree) if "myfile" in n["text"])
    assert "REPORT.TXT" not in cert["help"]  # a DOS file name for a file on a Linux host


def test_a_file_system_placeholder_is_a_name_not_a_file() -> None:
    """`odf subvolume delete <filesystem> <subvolume>`: the CephFS file system's name."""
    art = runbook(
        """## Meaning

The alert fires when stale CephFS subvolumes exist.

## Mitigation

Delete a stale subvolume:

```bash
odf subvolume delete <filesystem> <subvolume>
```
""",
        id_="StaleSubvolume",
    )
    asked = next(n for n in inputs(draft_tree(art)) if "<filesystem>" in n["text"])
    assert asked["title"] == "Filesystem" and "REPORT.TXT" not in asked["help"]
    assert asked["format"] == "name"


def test_a_loop_variable_or_a_grepped_variable_name_is_not_asked_beside_a_stand_in() -> None:
    """`oc describe node NODE_NAME` asks the node; `for MASTER_POD in $(...)` sets its
    own, and `grep CONTAINER_IMAGE` finds a literal name: neither is asked."""
    art = runbook(
        """## Meaning

The alert fires when the mon pods run different versions.

## Diagnosis

Check the image of each mon pod:

```bash
oc describe pods -n openshift-storage --selector app=rook-ceph-mon | grep CONTAINER_IMAGE
for MASTER_POD in $(oc get pods -o name); do oc logs $MASTER_POD; done
```

## Mitigation

Check the node the failing mon runs on, then restart the operator pod:

```bash
oc describe node NODE_NAME
oc delete pod -n openshift-storage -l app=rook-ceph-operator
```
""",
        id_="MonVersion",
    )
    assert [n["title"] for n in inputs(draft_tree(art))] == ["Node name"]


PRINTER = """## Symptoms

The status of the new print queue is displayed as **Offline**.

## Cause

This problem occurs if the computer has the following registry value configured:

Key: `HKEY_CURRENT_CONFIG\\System\\CurrentControlSet\\Control\\Print\\Printers\\<print queue name>`

## Resolution

Right-click the new print queue, and then clear the **Use Printer Offline** setting.
"""


def test_a_backslash_before_a_placeholder_in_a_code_span_is_kept() -> None:
    """`Printers\\<print queue name>` in a code span: the key path keeps its backslash
    (Markdown escapes nothing inside code), never "Printers<print queue name>"."""
    tree = draft_tree(support(PRINTER, id_="printer-offline"))
    assert "\\Print\\Printers\\<print queue name>" in tree["cause"]
    assert "Printers<print" not in str(tree)


RUNAS = """## Symptoms

The SQL Server service doesn't start, and event ID 7038 is logged.

## Resolution

Check the service account's password. Run the following command:

```console
runas /user:<localmachine>\\<SQLServiceAccount> cmd
```

Then, to take ownership of a file that has a trailing space, run:

```console
subinacl /onlyfile "\\\\?\\c:\\<path_to_problem_file>" /setowner=domain\\administrator
```

For example, suppose you have a path that is structured as follows:

`\\\\ServerName\\SubfolderName1\\SubfolderName2\\...`
"""


def test_user_half_of_host_account_pair_and_a_path_below_a_drive_are_typed_right() -> None:
    """`<localmachine>\\<SQLServiceAccount>`: the account is the user name alone (not
    DOMAIN\\user again); `c:\\<path_to_problem_file>` is a path below c:\\ (not a bare
    file name such as REPORT.TXT); `\\\\ServerName\\Sub1\\...` only shows a path's shape."""
    nodes = {n["text"]: n for n in inputs(draft_tree(support(RUNAS, id_="error-7038")))}
    account = next(n for t, n in nodes.items() if "writes <SQLServiceAccount>" in t)
    assert "user name alone" in account["help"] and "SQL service account" in (account["title"])
    assert "DOMAIN\\user" not in account["help"]
    path = next(n for t, n in nodes.items() if "writes <path_to_problem_file>" in t)
    assert "REPORT.TXT" not in path["help"] and "after c:\\" in path["help"]
    assert not any("writes \\\\ServerName" in t for t in nodes)


def test_a_value_registry_editor_shows_as_no_name_is_never_asked() -> None:
    """`Value: <no name>` (the unnamed value) and `Class: <blank>` are shown as they
    are; the key's `<FPNW server name>` is still asked."""
    art = archive(
        "SYMPTOMS\n========\n\nFile and Print Services for NetWare does not start.\n\n"
        "RESOLUTION\n==========\n\n"
        "1. Start Registry Editor (Regedt32.exe).\n\n"
        "2. On the Edit menu, click Add Key to create the following entry:\n\n"
        "     Key Name: <FPNW server name>\n     Class: <blank>\n\n"
        "3. Delete the following entry:\n\n"
        "     Value: <no name>\n     Type: REG_SZ\n\n"
        "4. Quit Registry Editor and restart the computer.\n",
        id_="Q999414",
    )
    titles = [n["title"] for n in inputs(draft_tree(art))]
    assert any("<FPNW server name>" in t for t in titles)
    assert not any("<no name>" in t or "<blank>" in t for t in titles)


def test_a_path_in_curly_quotes_is_asked_without_the_closing_quote() -> None:
    """(usually “C:\\MS_DATA”): the path asked is C:\\MS_DATA, never `C:\\MS_DATA”`."""
    art = support(
        """## Symptoms

Remote Desktop connections fail with the error "RDS is currently busy".

## Resolution

1. Run the troubleshooting script on the RDP server.
2. Reproduce the connection until you get the error.
3. Gather the data from where the tool informs it was saved (usually “C:\\MS_DATA”).
""",
        id_="rds-busy",
    )
    [asked] = inputs(draft_tree(art))
    assert asked["default"] == "C:\\MS_DATA"
