"""The structured article model: nested parts, blocks, roles, front matter, unique ids."""

from __future__ import annotations

import json
import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner, Result
from cpu_budget import budget

from kbassist.articles import (
    Article,
    ArticleSkip,
    Code,
    Image,
    Include,
    ListBlock,
    Note,
    Paragraph,
    Quote,
    Table,
    add_role,
    iter_article_files,
    load_article,
    load_folder,
    parse_article,
    role_of,
)
from kbassist.articles import roles as roles_module
from kbassist.articles.text import article_as_json, article_as_markdown, article_as_text
from kbassist.cli import main
from kbassist.index import KBIndex

if TYPE_CHECKING:
    from tui_support import StartTUI

SEED = Path(__file__).resolve().parent.parent / "articles" / "Q98097.md"

RUNBOOK = """\
# etcdMembersDown

## Meaning

This alert fires when one or more etcd member goes down.

## Impact

The cluster becomes unrecoverable when more members are down.

## Diagnosis

Check health of master nodes:

```console
$ oc get nodes -l node-role.kubernetes.io/master=
```

### General etcd health

1. Open a shell in the etcd pod:

   ```console
   $ oc rsh -c etcdctl -n openshift-etcd etcd-0
   ```

2. Check the members:
   - list them with `etcdctl member list`
   - check each endpoint

## Mitigation

Restart the failed member.
"""

SUPPORT = """\
---
title: Can't add a node to a cluster > error 0x80090327
description: Describes an error when you add a node.
ms.date: 09/15/2020
ms.custom: sap:Clustering and High Availability, csstroubleshoot
ms.prod: windows-server
---
# Error 0x80090327 when you add a node to a cluster

This article helps you fix the error.

_Applies to:_ &nbsp; Windows Server 2019
_Original KB number:_ &nbsp; 2742161

## Symptoms

You see this error:

> [!NOTE]
> This applies to **Failover Cluster Manager** only.

[!INCLUDE [Registry important alert](../../includes/registry-important-alert.md)]

:::image type="content" source="media/error.png" alt-text="Screenshot of the error dialog.":::

## Cause 1: The certificate is missing

The certificate is missing.

## Solution 1

Run `certutil -pulse` on <your_server_name>, then see [the docs](https://example.com/a).

## Cause 2: Time skew

The clocks differ.

## Solution 2

| Setting | Value |
|---|---|
| MaxSkew | 5 minutes |
| Server | `<your_domain.com>` |

## Resolution

### Method 1

Restart the service.

### Method 2

Reinstall the role.

## Workaround

Use the command line instead.
"""

MSKB_PROCEDURE = """\
---
title: "Q123456: How to Configure Port Rules"
---

\tArticle: Q123456
\tProduct(s): Microsoft Windows NT
\tLast Modified: 09-NOV-1999
\t
\tRESOLUTION
\t==========
\t
\tTo configure port rules, perform the following steps:
\t
\t1. Click Start, point to Settings, and then click Control Panel. This line is
\t   long and wraps.
\t
\t   a. Double-click Network.
\t   b. Click the Services tab.
\t
\t2. Type the following command:
\t
\t        wlbs query
\t
\tNOTE: Restart the computer after you change the rules.
\t
\tAdditional query words: wlbs
"""


def write(path: Path, text: str) -> Path:
    """Write `text` to `path`, creating folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def cli(*args: str) -> Result:
    """Run the real command group in-process."""
    return CliRunner().invoke(main, list(args))


def test_q98097_or_separators_become_one_list_of_three_alternatives() -> None:
    """Q98097's `-or-` lines make one alternatives list of three items, not three lists."""
    summary = load_article(SEED).section_by_role("summary")
    assert summary is not None
    lists = [b for b in summary.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1 and lists[0].alternatives and len(lists[0].items) == 3
    first = lists[0].items[0].blocks[0]
    assert isinstance(first, Paragraph)
    assert first.text.plain.startswith("Configure Retrospect to not backup the server's System")


def test_flat_sections_stay_beside_the_tree() -> None:
    """The (name, text) view the index and drafter read is unchanged by the tree."""
    article = load_article(SEED)
    assert [s.name for s in article.sections] == ["APPLIES TO", "SUMMARY", "MORE INFORMATION"]
    assert [p.name for p in article.document.parts] == [s.name for s in article.sections]


def test_page_anchors_are_not_shown_but_placeholders_are(tmp_path: Path) -> None:
    """A support page's `<a id="1"></a>` before a step or heading is markup, not text the
    article pane shows; a `<servername>` placeholder beside it stays."""
    text = (
        "---\ntitle: Time zone\n---\n# Time zone\n\n## Use Registry Editor\n\n"
        '1. <a id="1"></a>Change the **Start** value on <servername>.\n'
        "\n### <a id=extra2></a>Step 2: Restart\n\nRestart the computer.\n"
    )
    article = load_article(write(tmp_path / "kb" / "time-zone.md", text))
    shown = repr(article.document)
    assert "<a id" not in shown and "</a>" not in shown
    assert "Change the Start value on <servername>." in shown
    assert "Step 2: Restart" in shown


def test_markdown_headings_nest_and_keep_code_language(tmp_path: Path) -> None:
    """A `###` stays under its `##`; fenced code keeps its language, even inside a list."""
    article = load_article(write(tmp_path / "kb" / "etcdMembersDown.md", RUNBOOK))
    diagnosis = article.section_by_role("diagnosis")
    assert diagnosis is not None and diagnosis.name == "Diagnosis"
    assert [child.name for child in diagnosis.children] == ["General etcd health"]
    code = [b for b in diagnosis.blocks if isinstance(b, Code)]
    assert code[0].language == "console" and code[0].code.startswith("$ oc get nodes")
    steps = diagnosis.children[0].blocks[0]
    assert isinstance(steps, ListBlock) and steps.ordered and len(steps.items) == 2
    assert isinstance(steps.items[0].blocks[1], Code)
    nested = steps.items[1].blocks[1]
    assert isinstance(nested, ListBlock) and not nested.ordered and len(nested.items) == 2
    para = nested.items[0].blocks[0]
    assert isinstance(para, Paragraph)
    assert [m.kind for m in para.text.marks] == ["code"]


def test_runbook_roles_mean_the_same_as_support_article_roles(tmp_path: Path) -> None:
    """Meaning is a symptom, Mitigation a resolution: the same roles as Symptoms/Resolution."""
    article = load_article(write(tmp_path / "kb" / "etcdMembersDown.md", RUNBOOK))
    assert [p.role for p in article.document.parts] == [
        "symptom",
        "impact",
        "diagnosis",
        "resolution",
    ]
    assert (
        article.role_text("symptom") == "This alert fires when one or more etcd member goes down."
    )
    assert "Restart the failed member." in article.role_text("resolution")


def test_support_article_docs_markup_is_structure(tmp_path: Path) -> None:
    """Notes, includes and images are blocks; no `>`, `[!NOTE]` or `&nbsp;` in any text."""
    article = load_article(write(tmp_path / "kb" / "cluster" / "add-node.md", SUPPORT))
    assert article.title == "Can't add a node to a cluster > error 0x80090327"
    symptoms = article.section_by_role("symptom")
    assert symptoms is not None
    kinds = [type(b) for b in symptoms.blocks]
    assert kinds == [Paragraph, Note, Include, Image]
    note, include, image = symptoms.blocks[1:]
    assert isinstance(note, Note) and note.level == "note"
    assert isinstance(note.blocks[0], Paragraph)
    assert note.blocks[0].text.plain == "This applies to Failover Cluster Manager only."
    assert [m.kind for m in note.blocks[0].text.marks] == ["strong"]
    assert isinstance(include, Include)
    assert include.target == "../../includes/registry-important-alert.md"
    assert isinstance(image, Image) and image.alt == "Screenshot of the error dialog."
    text = article_as_text(article)
    assert "&nbsp;" not in text and "[!NOTE]" not in text and ":::image" not in text
    assert "\n>" not in text


def test_causes_pair_with_their_solutions_and_methods_nest(tmp_path: Path) -> None:
    """Solution 2 answers Cause 2; Method 1/2 sit under Resolution; Workaround is marked."""
    article = load_article(write(tmp_path / "kb" / "add-node.md", SUPPORT))
    fixes = {p.name: p for p in article.parts_by_role("resolution")}
    assert fixes["Solution 1"].cause == "Cause 1: The certificate is missing"
    assert fixes["Solution 2"].cause == "Cause 2: Time skew"
    resolution = fixes["Resolution"]
    assert [c.name for c in resolution.children] == ["Method 1", "Method 2"]
    assert all(c.role == "resolution" for c in resolution.children)
    assert fixes["Workaround"].workaround and not fixes["Solution 1"].workaround


def test_inline_marks_keep_links_and_placeholders(tmp_path: Path) -> None:
    """Code spans, links (text + target) and `<your_server_name>` placeholders are marked."""
    article = load_article(write(tmp_path / "kb" / "add-node.md", SUPPORT))
    solution = next(p for p in article.parts_by_role("resolution") if p.name == "Solution 1")
    para = solution.blocks[0]
    assert isinstance(para, Paragraph)
    marks = {(m.kind, para.text.plain[m.start : m.end], m.target) for m in para.text.marks}
    assert ("code", "certutil -pulse", "") in marks
    assert ("placeholder", "<your_server_name>", "") in marks
    assert ("link", "the docs", "https://example.com/a") in marks


def test_tables_keep_header_and_rows(tmp_path: Path) -> None:
    """A GFM table is a header and rows of cells, and prints as aligned columns."""
    article = load_article(write(tmp_path / "kb" / "add-node.md", SUPPORT))
    solution = next(p for p in article.parts_by_role("resolution") if p.name == "Solution 2")
    table = solution.blocks[0]
    assert isinstance(table, Table)
    assert [c.plain for c in table.header] == ["Setting", "Value"]
    assert [[c.plain for c in row] for row in table.rows] == [
        ["MaxSkew", "5 minutes"],
        ["Server", "<your_domain.com>"],
    ]
    assert "MaxSkew | 5 minutes" in article_as_text(article)


def test_support_front_matter_fields(tmp_path: Path) -> None:
    """ms.date MM/DD/YYYY, sap: area, the Applies-to product, description, Original KB."""
    article = load_article(write(tmp_path / "kb" / "add-node.md", SUPPORT), str(tmp_path / "kb"))
    assert article.last_modified == date(2020, 9, 15)
    assert article.products == ("Windows Server 2019",)
    assert article.areas == ("Clustering and High Availability",)
    assert article.description == "Describes an error when you add a node."
    assert article.references[0] == "Q2742161"


def test_product_slugs_read_as_product_names(tmp_path: Path) -> None:
    """`ms.prod: sql` is "SQL Server" and `exchange-online` "Exchange Online", not slugs."""
    kb = tmp_path / "kb"
    plain_body = "# Backups fail\n\n## Symptoms\n\nThe backup job fails.\n"
    sql = load_article(write(kb / "a.md", f"---\nms.prod: sql\n---\n{plain_body}"), str(kb))
    exo = load_article(
        write(kb / "b.md", f"---\nms.service: exchange-online\n---\n{plain_body}"), str(kb)
    )
    version = load_article(
        write(
            kb / "c.md",
            "---\nms.prod: sql\n---\n# Agent fails\n\n"
            "_Original product version:_ &nbsp; SQL Server 2017, SQL Server 2016  \n\n"
            "## Symptoms\n\nThe agent fails.\n",
        ),
        str(kb),
    )
    assert sql.products == ("SQL Server",)
    assert exo.products == ("Exchange Online",)
    assert version.products == ("SQL Server 2017", "SQL Server 2016")


def test_applies_to_keeps_a_version_with_its_product(tmp_path: Path) -> None:
    """ "Windows 10, version 1809" is one product, not "Windows 10" and "version 1809", and
    "Windows 10 – all editions" is the same product as "Windows 10 - all editions"."""
    kb = tmp_path / "kb"
    body = "## Symptoms\n\nThe profile does not sync.\n"
    one = load_article(
        write(kb / "a.md", f"# Sync\n\n_Applies to:_ &nbsp; Windows 10, version 1809  \n\n{body}"),
        str(kb),
    )
    two = load_article(
        write(
            kb / "b.md",
            "# Sync\n\n_Applies to:_ &nbsp; Windows 10 – all editions, Windows Server 2019, "
            f"Windows 10 - all editions\n\n{body}",
        ),
        str(kb),
    )
    assert one.products == ("Windows 10, version 1809",)
    assert two.products == ("Windows 10 - all editions", "Windows Server 2019")
    three = load_article(
        write(
            kb / "c.md",
            "# Sync\n\n_Applies to:_ &nbsp; Windows Server 2012 R2, Update Management for "
            f"Azure Automation\n\n{body}",
        ),
        str(kb),
    )
    assert three.products == ("Windows Server 2012 R2", "Update Management for Azure Automation")


def test_product_filter_finds_slug_and_named_products_together(tmp_path: Path) -> None:
    """`--product sql` keeps both a `ms.prod: sql` article and an "Applies to: SQL Server"
    one (the slug `sql` used to be an exact name that picked itself alone)."""
    kb = tmp_path / "kb"
    write(kb / "a.md", "---\nms.prod: sql\n---\n# Backup fails\n\n## Symptoms\n\nbackup fails\n")
    write(
        kb / "b.md",
        "---\ntitle: Backup stops\n---\n_Applies to:_ &nbsp; SQL Server 2019\n\n"
        "## Symptoms\n\nbackup fails\n",
    )
    write(kb / "c.md", "---\ntitle: Print fails\n---\n## Symptoms\n\nbackup fails\n")
    result = cli(
        "search",
        "backup",
        "--product",
        "sql",
        "--json",
        "--articles",
        str(kb),
        "--index-dir",
        str(tmp_path / "ix"),
    )
    assert result.exit_code == 0, result.output
    assert sorted(hit["id"] for hit in json.loads(result.stdout)) == ["a", "b"]


def test_support_area_with_commas_is_one_area(tmp_path: Path) -> None:
    """`sap:Active Directory\\User, computer, group, and object management` is one area."""
    text = SUPPORT.replace(
        "sap:Clustering and High Availability, csstroubleshoot",
        "sap:Active Directory\\User, computer, group, and object management, csstroubleshoot",
    )
    article = load_article(write(tmp_path / "kb" / "join.md", text), str(tmp_path / "kb"))
    assert article.areas == ("Active Directory\\User, computer, group, and object management",)


def test_support_area_with_commas_is_listed_and_filtered_whole(tmp_path: Path) -> None:
    """The product filter names `Active Directory\\User, computer, group, and object
    management` with its commas, and a hit lists it the same way."""
    area = "Active Directory\\User, computer, group, and object management"
    write(
        tmp_path / "kb" / "join.md",
        f"---\ntitle: Access is denied when joining computers\nms.custom: sap:{area}, "
        "csstroubleshoot\n---\n# Access is denied\n\n## Symptoms\n\nThe node join fails.\n",
    )
    args = ["--articles", str(tmp_path / "kb"), "--index-dir", str(tmp_path / "ix")]
    result = CliRunner().invoke(
        main, [*args, "search", "node", "--product", "active directory", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert f"product: {area}" in result.stderr
    assert json.loads(result.stdout)[0]["products"] == [area]


def test_mskb_procedure_becomes_numbered_steps_with_substeps(tmp_path: Path) -> None:
    """Tab-indented numbered steps with wrapped lines, lettered sub-steps, an indented
    command and a NOTE paragraph become an ordered list, a nested list, code and a note."""
    article = load_article(write(tmp_path / "Q123456.md", MSKB_PROCEDURE))
    resolution = article.section_by_role("resolution")
    assert resolution is not None
    intro, steps, note = resolution.blocks
    assert isinstance(intro, Paragraph) and isinstance(steps, ListBlock) and steps.ordered
    assert len(steps.items) == 2
    first = steps.items[0].blocks[0]
    assert isinstance(first, Paragraph) and first.text.plain.endswith(
        "This line is long and wraps."
    )
    sub = steps.items[0].blocks[1]
    assert isinstance(sub, ListBlock) and sub.ordered and len(sub.items) == 2
    assert isinstance(steps.items[1].blocks[1], Code)
    assert steps.items[1].blocks[1].code == "wlbs query"
    assert isinstance(note, Note) and note.level == "note"


def test_one_colon_too_many_front_matter_is_read_with_one_warning(tmp_path: Path) -> None:
    """`title: CMG Task Error: Public IP` is not YAML: read as lines, warned once, kept."""
    text = (
        "---\ntitle: CMG Maintenance Task Error: Public IP Update Issue\n"
        "ms.date: 03/01/2024\n---\n\n## Symptoms\n\nIt fails.\n"
    )
    article = parse_article(text, tmp_path / "cmg.md")
    assert article.title == "CMG Maintenance Task Error: Public IP Update Issue"
    assert article.last_modified == date(2024, 3, 1)
    assert len(article.warnings) == 1 and "key: value" in article.warnings[0]


def test_unsafe_yaml_is_still_refused(tmp_path: Path) -> None:
    """The line fallback never reads what YAML refuses for safety (a python tag)."""
    text = "---\ntitle: !!python/object/apply:os.system [echo hi]\n---\n# x\n"
    with pytest.raises(ArticleSkip, match="front matter"):
        parse_article(text, tmp_path / "x.md")


def test_section_pages_are_not_articles(tmp_path: Path) -> None:
    """Hugo `_index.md` is never scanned; an `index.md` of front matter only is skipped."""
    root = tmp_path / "kb"
    write(root / "etcd" / "_index.md", "---\ntitle: etcd\nweight: 10\n---\n")
    write(root / "etcd" / "index.md", "---\ntitle: etcd\n---\n")
    write(root / "etcd" / "etcdMembersDown.md", RUNBOOK)
    assert sorted(p.name for p in iter_article_files(root)) == ["etcdMembersDown.md", "index.md"]
    loaded, failed = load_folder(root)
    assert [a.title for a in loaded] == ["etcdMembersDown"]
    assert len(failed) == 1 and "section page" in failed[0].message


def test_folder_is_the_area_when_nothing_names_a_product(tmp_path: Path) -> None:
    """A runbook without product fields takes its folder as its product/area."""
    root = tmp_path / "kb"
    write(root / "openshift" / "cluster-etcd-operator" / "etcdMembersDown.md", RUNBOOK)
    loaded, _failed = load_folder(root)
    assert loaded[0].products == ("openshift/cluster-etcd-operator",)


def test_shared_ids_get_folder_qualified_ids_stable_across_runs(tmp_path: Path) -> None:
    """Two etcdMembersDown.md in two projects: both qualified by their top folder, every run."""
    root = tmp_path / "kb"
    write(root / "openshift" / "cluster-etcd-operator" / "etcdMembersDown.md", RUNBOOK)
    write(root / "prometheus-operator" / "etcd" / "etcdMembersDown.md", RUNBOOK)
    write(root / "prometheus-operator" / "etcd" / "etcdNoLeader.md", RUNBOOK)
    first = sorted(a.id for a in load_folder(root)[0])
    assert first == [
        "etcdNoLeader",
        "openshift/etcdMembersDown",
        "prometheus-operator/etcdMembersDown",
    ]
    assert sorted(a.id for a in load_folder(root)[0]) == first


def test_show_takes_a_qualified_id_and_lists_candidates_for_the_short_one(
    tmp_path: Path,
) -> None:
    """`show openshift/etcdMembersDown` shows that file; the short id exits 3 naming both."""
    root = tmp_path / "kb"
    write(root / "openshift" / "cluster-etcd-operator" / "etcdMembersDown.md", RUNBOOK)
    write(
        root / "prometheus-operator" / "etcd" / "etcdMembersDown.md",
        RUNBOOK.replace("Restart the failed member.", "Call the etcd team."),
    )
    common = ("--articles", str(root), "--index-dir", str(tmp_path / "ix"))
    shown = cli("show", "prometheus-operator/etcdMembersDown", *common)
    assert shown.exit_code == 0, shown.output
    assert "Call the etcd team." in shown.stdout
    ambiguous = cli("show", "etcdMembersDown", *common)
    assert ambiguous.exit_code == 3
    assert "openshift/etcdMembersDown" in ambiguous.stderr
    assert "prometheus-operator/etcdMembersDown" in ambiguous.stderr
    kb = KBIndex(root, tmp_path / "ix")
    assert kb.get("openshift/etcdMembersDown").source.parent.name == "cluster-etcd-operator"


def test_show_format_json_is_the_block_tree(tmp_path: Path) -> None:
    """`show --format json` prints parts with roles and typed blocks, for scripts."""
    root = tmp_path / "kb"
    write(root / "etcdMembersDown.md", RUNBOOK)
    result = cli("show", "etcdMembersDown", "--format", "json", "--articles", str(root))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    diagnosis = data["parts"][2]
    assert diagnosis["role"] == "diagnosis"
    assert diagnosis["blocks"][1] == {
        "type": "code",
        "language": "console",
        "code": "$ oc get nodes -l node-role.kubernetes.io/master=",
    }
    assert diagnosis["parts"][0]["blocks"][0]["type"] == "list"


def test_show_format_markdown_round_trips_to_the_same_tree(tmp_path: Path) -> None:
    """The normalized Markdown parses back to the same parts and blocks."""
    article = load_article(write(tmp_path / "kb" / "add-node.md", SUPPORT))
    again = parse_article(article_as_markdown(article), tmp_path / "again.md")
    assert _without_lines(again) == _without_lines(article)
    assert article_as_markdown(again) == article_as_markdown(article)


def _without_lines(article: Article) -> object:
    """The block tree as JSON data, without source line numbers (they move)."""

    def strip(node: object) -> object:
        if isinstance(node, dict):
            return {k: strip(v) for k, v in node.items() if k != "line"}
        if isinstance(node, list):
            return [strip(v) for v in node]
        return node

    return strip(json.loads(article_as_json(article))["parts"])


def test_quote_that_is_not_a_note_stays_a_quote(tmp_path: Path) -> None:
    """An error message quoted with `>` is a quote block; its text has no `>`."""
    text = "## Symptoms\n\n> Error: 0xC0202009 at Package\n"
    article = parse_article(text, tmp_path / "q.md")
    quote = article.document.parts[0].blocks[0]
    assert isinstance(quote, Quote)
    assert quote.blocks[0] == Paragraph(quote.blocks[0].text)  # type: ignore[union-attr]
    assert quote.blocks[0].text.plain == "Error: 0xC0202009 at Package"  # type: ignore[union-attr]


def test_role_table_can_be_extended(monkeypatch: pytest.MonkeyPatch) -> None:
    """A team's own heading ("Playbook") becomes a resolution once added to the table."""
    monkeypatch.setattr(roles_module, "ROLES", list(roles_module.ROLES))
    assert role_of("Playbook")[0] == ""
    add_role(r"playbook\b", "resolution")
    assert role_of("Playbook") == ("resolution", False)
    role_of.cache_clear()


def test_heading_roles_of_real_layouts() -> None:
    """Headings from the three corpora map to the roles drafting and search ask for."""
    expected = {
        "SYMPTOMS": "symptom",
        "Meaning": "symptom",
        "Cause 1: Incorrect password": "cause",
        "Root cause": "cause",
        "Troubleshooting": "diagnosis",
        "Method 2": "resolution",
        "Resolution 1": "resolution",
        "MORE INFORMATION": "more-information",
        "Status": "status",
        "References": "references",
        "Summary": "summary",
    }
    assert {name: role_of(name)[0] for name in expected} == expected
    assert role_of("Workaround") == ("resolution", True)


def test_big_body_falls_back_to_paragraphs_quickly(tmp_path: Path) -> None:
    """A 600 KB body of list lines is shown as paragraphs, not run through markdown-it."""
    import time

    article = parse_article("## Steps\n\n" + "- a\n" * 150_000, tmp_path / "big.md")
    started = time.process_time()  # CPU time: busy neighbours on the machine do not count
    assert article.document.blocks
    assert time.process_time() - started < budget(2)
    logging.getLogger(__name__).debug("built")


# --------------------------------------------------------------------------- article view

FIXTURES = Path(__file__).resolve().parent / "article_fixtures"


def view_app(article: Article):  # type: ignore[no-untyped-def]
    """A bare app showing one article's body through the article view widget."""
    from textual.app import App, ComposeResult
    from textual.containers import VerticalScroll

    from kbassist.tui.widgets.article_view import article_body

    class ViewApp(App[None]):
        CSS = ".section-heading { text-style: bold; margin-top: 1; }"

        def compose(self) -> ComposeResult:
            with VerticalScroll():
                yield from article_body(article)

    return ViewApp()


def test_article_view_runbook_snapshot(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """A runbook: headings, numbered steps with nested bullets, code panels, a warning."""
    article = load_article(FIXTURES / "etcdMembersDown.md")
    assert snap_compare(view_app(article), terminal_size=(80, 40))


def test_article_view_support_table_snapshot(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """A support article: its table in columns, a note set apart, no `&nbsp;` or `>`."""
    article = load_article(FIXTURES / "support-table.md")
    assert snap_compare(view_app(article), terminal_size=(90, 30))


async def test_article_view_copies_a_code_block(tui: StartTUI) -> None:
    """Focus a code panel and press c: exactly that command goes to the clipboard."""

    from kbassist.tui.widgets.article_view import CodeBlock

    article = load_article(FIXTURES / "etcdMembersDown.md")

    app = view_app(article)
    pilot = await tui(app, size=(80, 40))
    blocks = list(app.query(CodeBlock))
    assert len(blocks) == 2
    blocks[1].focus()
    await pilot.press("c")
    assert app.clipboard == "$ oc rsh -c etcdctl -n openshift-etcd etcd-0"


async def test_article_view_of_a_large_article_stays_a_few_hundred_widgets(
    tmp_path: Path,
) -> None:
    """A 350 KB article with 1,200 code blocks: 60 code panels, the rest as text, every
    block shown; widgets are what makes a view slow (bench/bench_tui.py times it)."""
    from kbassist.tui.widgets.article_view import MAX_CODE_PANELS, CodeBlock

    chunk = (FIXTURES / "etcdMembersDown.md").read_text().split("## Meaning", 1)[1]
    chunk = chunk.replace("## ", "### ") * 30
    body = "# Big\n\n" + "".join(f"## Part {n}\n{chunk}\n" for n in range(20))
    body += "## Last\n\n```sh\n$ echo the-very-last-block\n```\n"
    article = parse_article(body, tmp_path / "big.md")
    assert len(body) > 300_000 and body.count("```") // 2 > 1_200

    app = view_app(article)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        assert len(app.query(CodeBlock)) == MAX_CODE_PANELS
        assert len(app.screen.query("*")) < 400
        shown = "\n".join(str(w.render()) for w in app.screen.query(".section-body"))
        assert "$ echo the-very-last-block" in shown


def test_search_hits_name_shared_ids_by_their_qualified_id(tmp_path: Path) -> None:
    """A hit whose id another file shares shows the id `show` accepts, not the bare one."""
    root = tmp_path / "kb"
    write(root / "openshift" / "cluster-etcd-operator" / "etcdMembersDown.md", RUNBOOK)
    write(root / "prometheus-operator" / "etcd" / "etcdMembersDown.md", RUNBOOK)
    common = ("--articles", str(root), "--index-dir", str(tmp_path / "ix"))
    found = cli("search", "etcd members down", "--json", *common)
    assert found.exit_code == 0, found.output
    ids = sorted(hit["id"] for hit in json.loads(found.stdout))
    assert ids == ["openshift/etcdMembersDown", "prometheus-operator/etcdMembersDown"]
    for article_id in ids:
        assert cli("show", article_id, *common).exit_code == 0


def test_hits_follow_an_id_becoming_shared_and_unshared_between_runs(tmp_path: Path) -> None:
    """A second file claiming a hit's id qualifies it at the next update; removing it
    gives the short id back (meta.json's shared list follows each incremental run)."""
    root = tmp_path / "kb"
    first = root / "openshift" / "etcdMembersDown.md"
    write(first, RUNBOOK)
    kb = KBIndex(root, tmp_path / "ix")
    kb.update()
    assert [hit.id for hit in kb.search("etcd members down").hits] == ["etcdMembersDown"]
    second = root / "prometheus-operator" / "etcdMembersDown.md"
    write(second, RUNBOOK)
    kb.update()
    assert sorted(hit.id for hit in kb.search("etcd members down").hits) == [
        "openshift/etcdMembersDown",
        "prometheus-operator/etcdMembersDown",
    ]
    second.unlink()
    kb.update()
    assert [hit.id for hit in kb.search("etcd members down").hits] == ["etcdMembersDown"]


def test_an_index_without_a_shared_list_still_names_shared_ids(tmp_path: Path) -> None:
    """meta.json written before it listed shared ids: hits are still qualified."""
    root = tmp_path / "kb"
    write(root / "openshift" / "etcdMembersDown.md", RUNBOOK)
    write(root / "prometheus-operator" / "etcdMembersDown.md", RUNBOOK)
    KBIndex(root, tmp_path / "ix").update()
    meta_path = next((tmp_path / "ix").glob("*/meta.json"))
    meta = json.loads(meta_path.read_text())
    assert meta.pop("shared") == ["etcdmembersdown"]
    meta_path.write_text(json.dumps(meta))
    hits = KBIndex(root, tmp_path / "ix").search("etcd members down").hits
    assert sorted(hit.id for hit in hits) == [
        "openshift/etcdMembersDown",
        "prometheus-operator/etcdMembersDown",
    ]


def test_a_search_that_indexes_first_sums_up_many_shared_ids(tmp_path: Path) -> None:
    """Search's first indexing says "N ids are shared" once; `index --full` names each."""
    root = tmp_path / "kb"
    for name in ("etcdMembersDown", "etcdNoLeader", "KubeletDown", "KubeAPIDown"):
        for project in ("openshift", "prometheus-operator"):
            write(root / project / "alerts" / f"{name}.md", RUNBOOK)
    common = ("--articles", str(root), "--index-dir", str(tmp_path / "ix"))
    found = cli("search", "etcd", *common)
    assert found.exit_code == 0, found.output
    assert "4 ids are shared by several files" in found.stderr
    assert "duplicate id" not in found.stderr
    listed = cli("index", "--full", *common)
    assert listed.stderr.count("duplicate id") == 4
    assert "openshift/KubeletDown = openshift/alerts/KubeletDown.md" in listed.stderr


def test_search_snippets_show_no_fences_link_targets_or_backticks(tmp_path: Path) -> None:
    """A runbook hit's snippet reads "etcdctl defrag", not "```shell $ etcdctl defrag ```"."""
    root = tmp_path / "kb"
    write(
        root / "quota.md",
        "---\ntitle: etcd backend quota low\n---\n\n## Meaning\n\nThe etcd database is "
        "close to its quota.\n\n## Mitigation\n\nSee [defragmentation](https://etcd.io/docs/"
        "defrag) and run **once**:\n\n```shell\n$ etcdctl defrag\n```\n\nThen `etcdctl "
        "alarm disarm`.\n",
    )
    kb = KBIndex(root, tmp_path / "ix")
    kb.update()
    snippet = kb.search("etcdctl defrag").hits[0].snippet_text
    assert "etcdctl defrag" in snippet and "defragmentation" in snippet
    for markup in ("```", "](", "https://", "**", "`"):
        assert markup not in snippet, (markup, snippet)


def test_search_snippets_drop_layout_html_but_keep_placeholders(tmp_path: Path) -> None:
    """A runbook's `<details><summary>` reads as its text; `<your_domain.com>` stays."""
    root = tmp_path / "kb"
    write(
        root / "inhibitor.md",
        "---\ntitle: Info inhibitor\n---\n\n## Meaning\n\nThis alert inhibits info alerts."
        "\n<details>\n<summary>Full context</summary>\n\nJoin <your_domain.com> first.\n"
        "</details>\n",
    )
    kb = KBIndex(root, tmp_path / "ix")
    kb.update()
    snippet = kb.search("inhibits info alerts").hits[0].snippet_text
    assert "Full context" in snippet and "<your_domain.com>" in snippet
    assert "<details>" not in snippet and "summary>" not in snippet


def test_search_snippets_show_no_docs_image_markup(tmp_path: Path) -> None:
    """A support article's `:::image ... alt-text=...:::` line is not shown in its hit."""
    root = tmp_path / "kb"
    write(
        root / "listener.md",
        "---\ntitle: Listener times out\n---\n\n## Resolution\n\n1. Run the command.\n\n"
        '    :::image type="content" source="media/a/register.png" alt-text="Screenshot '
        'shows the output: of the command.":::\n\n    After you set the RegisterAllProvidersIP'
        " value to 0, restart the listener.\n",
    )
    kb = KBIndex(root, tmp_path / "ix")
    kb.update()
    snippet = kb.search("RegisterAllProvidersIP restart listener").hits[0].snippet_text
    assert "RegisterAllProvidersIP" in snippet
    for markup in (":::", "alt-text", "register.png", "Screenshot"):
        assert markup not in snippet, (markup, snippet)


def test_search_snippets_show_no_quote_markers_or_entities(tmp_path: Path) -> None:
    """A support article's quoted message reads as text in a hit, not as `> …` Markdown."""
    root = tmp_path / "kb"
    write(
        root / "rds.md",
        "---\ntitle: Cannot connect to RDS\n---\n\n## Symptoms\n\nClients see this:\n\n"
        "> The remote session was disconnected: no License Servers.\n\n"
        "> [!NOTE]\n> Only&nbsp;on Windows Server 2012.\n",
    )
    kb = KBIndex(root, tmp_path / "ix")
    kb.update()
    hits = kb.search("remote session disconnected").hits
    snippet = hits[0].snippet_text
    assert "The remote session was disconnected" in snippet
    assert ">" not in snippet and "[!NOTE]" not in snippet and "&nbsp;" not in snippet


def test_a_shared_id_article_is_read_and_walked_under_its_qualified_id(tmp_path: Path) -> None:
    """Opened by its path, a runbook whose id is shared carries its qualified id, so the
    drafted walk's citations resolve to it (they were ambiguous: "cannot be shown")."""
    from kbassist.assistant import Assistant

    root = tmp_path / "kb"
    write(root / "openshift" / "cluster-etcd-operator" / "etcdMembersDown.md", RUNBOOK)
    write(root / "prometheus-operator" / "etcd" / "etcdMembersDown.md", RUNBOOK)
    helper = Assistant(articles_dir=root, index_dir=tmp_path / "ix")
    helper.ensure_index()
    article = helper.article("prometheus-operator/etcd/etcdMembersDown.md")
    assert article.id == "prometheus-operator/etcdMembersDown"
    tree, drafted = helper.guided_tree(article)
    assert drafted and list(tree.articles) == ["prometheus-operator/etcdMembersDown"]
    cited = helper.article(tree.articles[0])
    assert cited.source == article.source


def test_search_snippets_read_links_with_brackets_and_reference_links(tmp_path: Path) -> None:
    """`[raft](…/Raft_(algorithm)#Log)` and `[docs here][ref]` read as "raft", "docs here"."""
    root = tmp_path / "kb"
    write(
        root / "fsync.md",
        "---\ntitle: etcd fsync slow\n---\n\n## Meaning\n\nThe fsync of etcd is slow: see "
        "the [OpenShift docs\nhere][etcdPractices] and the "
        "[raft](https://en.wikipedia.org/wiki/Raft_(algorithm)#Log_replication) paper.\n",
    )
    kb = KBIndex(root, tmp_path / "ix")
    kb.update()
    snippet = kb.search("fsync etcd slow").hits[0].snippet_text
    assert "OpenShift docs here and the raft paper" in snippet, snippet
    for markup in ("][", "](", "#Log_replication", "wikipedia"):
        assert markup not in snippet, (markup, snippet)


def test_search_snippets_read_markdown_escapes_as_the_characters(tmp_path: Path) -> None:
    """A support article's `Line \\<LineNumber>` reads `Line <LineNumber>` in its hit."""
    root = tmp_path / "kb"
    write(
        root / "replica.md",
        "---\ntitle: Query on the secondary replica fails\n---\n\n## Symptoms\n\nThe query "
        "fails: Msg 2767, Procedure sp_table_statistics2_rowset, Line \\<LineNumber>, "
        "share \\\\\\\\server\\\\logs \\*.\n",
    )
    kb = KBIndex(root, tmp_path / "ix")
    kb.update()
    snippet = kb.search("secondary replica query fails").hits[0].snippet_text
    assert "Line <LineNumber>" in snippet, snippet
    assert "\\<" not in snippet and "\\*" not in snippet


def test_index_names_front_matter_it_had_to_guess_once(tmp_path: Path) -> None:
    """Broken front matter is indexed with one warning line naming file and line, said
    when the file is (re)indexed, not on every run; the exit code stays 0."""
    root = tmp_path / "kb"
    write(
        root / "bad.md", '---\ntitle: "unterminated\nid: [oops\n---\n\n## Symptoms\n\nIt fails.\n'
    )
    write(root / "open.md", "---\ntitle: Never closed\nid: nc1\n\n## Symptoms\n\nIt fails too.\n")
    write(root / "good.md", "---\ntitle: Fine\n---\n\n## Symptoms\n\nAll good.\n")
    common = ("--articles", str(root), "--index-dir", str(tmp_path / "ix"))
    first = cli("index", *common)
    assert first.exit_code == 0, first.output
    warned = [line for line in first.stderr.splitlines() if "warning:" in line]
    assert len(warned) == 2, first.stderr
    assert any("bad.md: front matter is not valid YAML at line" in w for w in warned)
    assert any("open.md: front matter at line 1 has no closing `---` line" in w for w in warned)
    assert "Traceback" not in first.output
    again = cli("index", *common)
    assert again.exit_code == 0 and "warning:" not in again.stderr


def test_original_kb_number_is_named_as_such_not_as_another_article(tmp_path: Path) -> None:
    """A support article's own old KB number reads "Original KB Q2742161" in its header,
    not "See also", where it looked like a link to some other article."""
    from kbassist.articles.text import header_rows

    article = load_article(write(tmp_path / "kb" / "add-node.md", SUPPORT), str(tmp_path / "kb"))
    rows = dict(header_rows(article))
    assert rows["Original KB"] == "Q2742161"
    assert "Q2742161" not in rows.get("See also", "")
