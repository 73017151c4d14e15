"""Site values the steps need that the draft asked for no value (round 38, inputs38): a
Ceph daemon stand-in in an inline command, one placeholder word that is two different
namespaces, and a file spelt as a name in a placeholder folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kbassist.articles import load_article
from kbassist.drafting.reused_inputs import reused_inputs_split
from kbassist.drafting.stand_ins import stand_in_names
from kbassist.drafting.tree import draft_tree


def _draft(tmp_path: Path, name: str, text: str) -> dict[str, Any]:
    """The draft of an article with `text`, written under tmp_path."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return draft_tree(load_article(path))


def _inputs(tree: dict[str, Any]) -> list[dict[str, Any]]:
    return [n for n in tree["nodes"] if n["kind"] == "input"]


def _items(tree: dict[str, Any]) -> list[str]:
    """Every step, verify and check text of the draft, details included."""
    out: list[str] = []
    for node in tree["nodes"]:
        if node["kind"] == "info":
            out.append(str(node.get("text", "")))
        for part in ("steps", "verify"):
            for item in node.get(part) or []:
                out.append(f"{item.get('text', '')} {item.get('detail', '')}")
    return out


_MON = """---
id: WidgetMonQuorumLow
title: WidgetMonQuorumLow
---

# WidgetMonQuorumLow

## Meaning

Storage cluster quorum is low: fewer monitors are up than the cluster needs.

## Diagnosis

Run the following command for each Monitor in the cluster.
`ceph tell mon.ID mon_status`

## Mitigation

Restart the monitor pod that is down and wait for it to join the quorum.
"""


def test_ceph_daemon_stand_in_is_asked_and_filled_in(tmp_path: Path) -> None:
    """`ceph tell mon.ID mon_status` asks which monitor, and the command carries the answer."""
    tree = _draft(tmp_path, "WidgetMonQuorumLow.md", _MON)
    asked = [n for n in _inputs(tree) if "mon.ID" in n["text"]]
    assert len(asked) == 1
    node = asked[0]
    assert node["title"] == "Ceph monitor"
    assert "ceph mon stat" in node["help"]
    var = "{" + node["var"] + "}"
    assert any(f"ceph tell {var} mon_status" in item for item in _items(tree))


def test_ceph_daemon_word_in_prose_is_no_stand_in(tmp_path: Path) -> None:
    """A dotted `mon.ID` only counts in a command; `monitor.IDX` or `$mon.ID` never does."""
    path = tmp_path / "x.md"
    path.write_text(_MON, encoding="utf-8")
    article = load_article(path)
    assert stand_in_names(article, ["ceph tell mon.ID mon_status"]) == ["mon.ID"]
    assert stand_in_names(article, ["ceph tell mon.IDX mon_status", "echo x.mon.ID"]) == []


_RBD = """---
id: WidgetCloneCountHigh
title: WidgetCloneCountHigh
---

# WidgetCloneCountHigh

## Meaning

The number of RBD clones of one image has exceeded 200.

## Diagnosis

1. Check the number of children:
```bash
rbd children --pool <pool> [--namespace <namespace>] <image-name>
```

## Mitigation

1. Clean up unused PVCs that were created from snapshots:
```bash
oc delete pvc <pvc-name> -n <namespace>
```
"""


def test_rados_and_kubernetes_namespace_are_two_inputs(tmp_path: Path) -> None:
    """`rbd --namespace <namespace>` and `oc -n <namespace>` ask two namespaces, each used once."""
    tree = _draft(tmp_path, "WidgetCloneCountHigh.md", _RBD)
    spaces = [n for n in _inputs(tree) if "namespace" in n["title"].casefold()]
    assert [n["title"] for n in spaces] == ["RADOS namespace", "PVC namespace"]
    rados, kube = ("{" + n["var"] + "}" for n in spaces)
    items = _items(tree)
    assert any(f"--namespace {rados}" in i for i in items)
    assert any(f"-n {kube}" in i for i in items)
    assert not any(f"-n {rados}" in i or f"--namespace {kube}" in i for i in items)
    assert "oc delete pvc <pvc-name> -n <namespace>" in spaces[1]["text"]


def test_one_kind_of_namespace_stays_one_input() -> None:
    """A namespace used only after `oc -n` (twice) keeps its one input."""
    tree: dict[str, Any] = {
        "nodes": [
            {
                "id": "m-placeholder_1",
                "kind": "input",
                "var": "placeholder_1",
                "title": "Namespace",
                "text": 'The article writes <namespace> where you type the namespace: "oc get '
                'pods -n <namespace>" Which namespace is it in?',
                "next": "m",
            },
            {
                "id": "m",
                "kind": "outcome",
                "steps": [
                    {"text": "List: oc get pods -n {placeholder_1}"},
                    {"text": "Delete: oc delete pod x --namespace {placeholder_1}"},
                ],
            },
        ]
    }
    reused_inputs_split(tree, "oc get pods -n <namespace>")
    assert [n["id"] for n in tree["nodes"]] == ["m-placeholder_1", "m"]


_PROJECT = """SYMPTOMS
========

Visual Basic reports broken Binary Compatibility when you compile your project.

RESOLUTION
==========

To unregister the ActiveX DLL, follow these steps:

1. Compile the ActiveX DLL.

2. Select Run from the Start menu and type the following command:

  <Path to RegSvr32>\\Regsvr32.Exe /u <Path to Project>\\ProjectName.DLL

3. Compile your ActiveX server.
"""


def test_file_spelt_as_a_name_in_placeholder_folder_is_asked(tmp_path: Path) -> None:
    """`<Path to Project>\\ProjectName.DLL` asks the DLL's file name, not only its folder."""
    text = (
        '---\nlayout: page\ntitle: "Q990381: Widget Binary Compatibility"\n---\n\n'
        "## Q990381: Widget Binary Compatibility\n\n{% raw %}\n\n"
        "\tArticle: Q990381\n\tProduct(s): Widget Plus\n\tVersion(s): 95\n"
        "\t"
        + "-" * 79
        + "\n\n"
        + "".join(f"\t{line}\n" if line else "\t\n" for line in _PROJECT.split("\n"))
        + "\n{% endraw %}\n"
    )
    page = tmp_path / "Q990381"
    page.mkdir()
    tree = _draft(page, "README.md", text)
    asked = {n["title"]: n for n in _inputs(tree)}
    node = asked.get("Your file name for ProjectName.DLL")
    assert node is not None, list(asked)
    var = "{" + node["var"] + "}"
    assert any(f"\\{var}" in item for item in _items(tree))
