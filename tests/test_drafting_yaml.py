"""The draft's YAML round trip, made faster, writes and reads exactly what it did.

Guards for the speed work of round 9 (speed9): `draft_yaml` builds its nodes itself,
a drafted text is composed by libyaml in C, templates are scanned by run, and the text
helpers remember their answers. None of it may change a draft (bench/draft_equiv.py
checks that on the corpora); these tests pin the same on small inputs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from kbassist.articles import parse_article
from kbassist.drafting.text import paragraphs, split_sentences
from kbassist.drafting.tree import _DraftDumper, draft_tree, draft_yaml
from kbassist.trees.loader import read_tree_bytes
from kbassist.trees.safe_yaml import compose_yaml
from kbassist.trees.safe_yaml import walk_nodes as yaml_nodes
from kbassist.trees.templates import TemplateError, parse_template

REPO = Path(__file__).resolve().parent.parent

ARTICLE = """\
## Q999301: Print Spooler Stops When You Print to \u201cLPT1:\u201d

Article: Q999301
Product(s): Microsoft Windows NT

SYMPTOMS
========

When you print a long document, the spooler stops and you receive the message:

   Spooler subsystem app has encountered a problem and needs to close.

RESOLUTION
==========

To resolve this problem, follow these steps:

1. Click Start, point to Settings, and then click Control Panel.
2. Double-click Services, click Spooler, and then click Stop.
3. Delete the files in %SystemRoot%\\System32\\Spool\\Printers, for example 12:30.spl.
4. Type the following command at a command prompt, where <printer> is the printer:

      net start spooler {{not a placeholder}} yes no on

"""


def _dumped(tree: dict[str, Any]) -> str:
    """What `draft_yaml` wrote before it built the nodes itself."""
    return yaml.dump(
        tree,
        Dumper=_DraftDumper,
        sort_keys=False,
        allow_unicode=True,
        width=92,
        default_flow_style=False,
    )


def _shape(node: yaml.Node) -> Any:
    """A node graph as plain data: tags, values, styles and every mark."""
    marks = (node.start_mark.line, node.start_mark.column, node.end_mark.line)
    marks += (node.end_mark.column,)
    if isinstance(node, yaml.ScalarNode):
        return (node.tag, node.value, node.style, marks)
    if isinstance(node, yaml.MappingNode):
        items = [(_shape(k), _shape(v)) for k, v in node.value]
        return (node.tag, node.flow_style, marks, items)
    return (node.tag, node.flow_style, marks, [_shape(v) for v in node.value])


def test_draft_text_is_what_the_yaml_dumper_writes() -> None:
    """A drafted article's file is byte for byte the text yaml.dump gives its tree."""
    article = parse_article(ARTICLE, Path("Q999301.txt"))
    tree = draft_tree(article)
    assert draft_yaml(tree, article).split("\n", 3)[3] == _dumped(tree)


def test_odd_values_are_written_as_the_yaml_dumper_writes_them() -> None:
    """Numbers, booleans, nulls, nested lists, escapes and long lines: the same text."""
    long = "word " * 40 + "\u00e9\u4e2d \x1b[0m \u202e end  "
    tree: dict[str, Any] = {
        "id": "q1",
        "title": "yes",
        "articles": ["Q1"],
        "version": 1,
        "draft": True,
        "nothing": None,
        "ratio": 0.5,
        "nodes": [
            {"text": long, "source": {"article": "Q1", "section": "x"}},
            {"source": {"section": "x", "article": "Q1"}, "n": [[], {}, ["12:30", "0755"]]},
            {"article": "Q1", "section": "s", "extra": "not a source"},
            {3: "a number key", (1, 2): "a tuple"},
        ],
    }
    assert draft_yaml(tree).split("\n", 3)[3] == _dumped(tree)


class _EventsLoader(
    yaml.cyaml.CParser,
    yaml.composer.Composer,
    yaml.constructor.SafeConstructor,
    yaml.resolver.Resolver,
):
    """The drafted reader before: libyaml's events under the pure-Python composer."""

    def __init__(self, stream: str) -> None:
        yaml.cyaml.CParser.__init__(self, stream)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)


def test_drafted_text_composes_to_the_same_nodes_in_c() -> None:
    """libyaml's composer gives the nodes the pure-Python composer made of libyaml's
    events: tags, values, styles, flow styles and every mark."""
    article = parse_article(ARTICLE, Path("Q999301.txt"))
    text = draft_yaml(draft_tree(article), article)
    loader = _EventsLoader(text)
    try:
        before = loader.get_single_node()
    finally:
        loader.dispose()
    for node in yaml_nodes(before):
        if isinstance(node, yaml.ScalarNode) and not node.style:
            node.style = None  # as the reader did: None for a plain scalar
    fast, problems = compose_yaml(text.encode(), Path("q.yaml"), drafted=True)
    assert fast is not None and not problems
    assert _shape(fast) == _shape(before)


def test_drafted_reader_keeps_the_guards() -> None:
    """Aliases, deep nesting, two documents and bad syntax are refused at their line."""

    def problem(text: str) -> str:
        root, problems = compose_yaml(text.encode(), Path("t.yaml"), drafted=True)
        assert root is None and len(problems) == 1
        return str(problems[0])

    # an alias comes back as the anchored node met again: the line is the anchor's
    assert "t.yaml:1:4: aliases are not allowed" in problem("a: &x\n  b: 1\nc: *x\n")
    deep = "".join(f"{'  ' * i}k{i}:\n" for i in range(40)) + "  " * 40 + "v\n"
    assert "nested deeper than 32 levels" in problem(deep)
    assert "t.yaml:2:1: more than one YAML document" in problem("a: 1\n---\nb: 2\n")
    assert "YAML syntax" in problem('a: "open\n')
    assert "no YAML document" in problem("# only a comment\n")


def test_drafted_tree_reads_back_as_from_the_pure_python_reader() -> None:
    """The Tree and its positions are the same whichever reader reads the draft."""
    art = parse_article(ARTICLE, Path("Q999301.txt"))
    data = draft_yaml(draft_tree(art), art).encode()
    slow = read_tree_bytes(data, Path("q999301.yaml"))
    fast = read_tree_bytes(data, Path("q999301.yaml"), drafted=True)
    assert slow.tree is not None and fast.tree == slow.tree
    assert [n.pos for n in fast.tree.nodes.values()] == [n.pos for n in slow.tree.nodes.values()]
    assert [str(p) for p in fast.problems] == [str(p) for p in slow.problems]


def test_control_characters_in_a_drafted_value_are_still_reported() -> None:
    """A control or bidi character in one value of many is reported on its line."""
    text = 'id: t\ntitle: "ok"\nsymptom: "fine"\ncause: "bad \\e[31m"\nnote: "x\\u202Ey"\n'
    result = read_tree_bytes(text.encode(), Path("t.yaml"), drafted=True)
    lines = sorted(p.line for p in result.problems if "control" in p.message)
    assert lines == [4, 5]


def test_template_literals_and_placeholders_split_as_before() -> None:
    """Literal runs, doubled braces and placeholders; a stray brace names its offset."""
    parts = parse_template("Run {{x}} on {host} then {port}}}!").parts
    assert [p if isinstance(p, str) else ("ph", p.name, p.offset) for p in parts] == [
        "Run {x} on ",
        ("ph", "host", 13),
        " then ",
        ("ph", "port", 25),
        "}!",
    ]
    assert parse_template("").parts == () and parse_template("plain").parts == ("plain",)
    for bad, offset in (("a } b", 2), ("x {1y}", 2), ("open {name", 5)):
        try:
            parse_template(bad)
        except TemplateError as exc:
            assert exc.offset == offset
        else:
            raise AssertionError(bad)


def test_remembered_sentences_and_paragraphs_are_fresh_copies() -> None:
    """A caller that edits the sentences or paragraphs it got changes no later answer."""
    text = "First one. Second one in the U.S. Army.\n\n1. Step one\n2. Step two"
    sentences = split_sentences(text)
    first = list(sentences)
    sentences.append("junk")
    sentences[0] = "edited"
    assert split_sentences(text) == first
    paras = paragraphs(text)
    with pytest.raises(AttributeError):  # a block is shared (round 32 perf33): frozen
        paras[0].lines.append("junk")  # type: ignore[attr-defined]
    paras.pop()
    again = paragraphs(text)
    assert len(again) == 3 and again[0].lines == ("First one. Second one in the U.S. Army.",)


def test_drafted_reader_still_sees_yaml_traps_when_values_repeat() -> None:
    """A plain NO, 12:30 or 0755 is still a bool or number however often it is read
    (the remembered tags), and the same words quoted stay strings."""
    text = "a: NO\nb: 12:30\nc: 0755\nd: NO\ne: \"NO\"\nf: '12:30'\n"
    for _ in range(2):
        root, problems = compose_yaml(text.encode(), Path("t.yaml"), drafted=True)
        assert root is not None and not problems
        tags = {key.value: value.tag.rsplit(":", 1)[1] for key, value in root.value}
        assert tags == {"a": "bool", "b": "int", "c": "int", "d": "bool", "e": "str", "f": "str"}
