"""A draft tree from an article: the YAML-ready dict (`draft_tree`), its file text
(`draft_yaml`), and the Tree the real loader and lint read back from that text
(`draft_text`, `draft_tree_model`), so what is walked is exactly what would be written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import yaml

from kbassist.articles import Article, Section
from kbassist.drafting.options import (
    MORE_KEYS,
    RESOLUTION_KEYS,
    SUMMARY_KEYS,
    WORKAROUND_KEYS,
    Option,
    article_cause,
    article_options,
    article_symptom,
    find_section,
)
from kbassist.drafting.text import (
    PARAM_HELP,
    PARAM_TITLE,
    Param,
    brace,
    find_params,
    shorten,
    split_sentences,
)
from kbassist.errors import DataError
from kbassist.trees.model import DRAFT_PATH, DRAFT_SUFFIX, Tree

#: Checklist lines are cut here (at a word) so a code listing does not become one line
#: of 5,000 characters; the citation points to the full text.
MAX_ITEM_CHARS = 500
#: At most this many inputs per mitigation; further literals stay as written.
MAX_INPUTS_PER_OPTION = 5
FALLBACK_ID = "read_article"


class DraftError(DataError):
    """The article has nothing a tree could cite (no sections with text)."""


_TAG_PREFIX_RE = re.compile(r"^(?:[A-Z]{2,8}|Mac Bkup|[A-Z][a-z]+ ?[A-Z]?[a-z]*):\s+")


# --------------------------------------------------------------------------- the tree


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "section"


def draft_id(article: Article) -> str:
    """`Q98097` -> `q98097-draft`: the id (and file name) a draft gets by default."""
    base = re.sub(r"[^a-z0-9._-]+", "-", article.id.lower()).strip("-._") or "article"
    return f"{base[:90]}{DRAFT_SUFFIX}"


def _cite(article: Article, section: Section) -> dict[str, str]:
    return {"article": article.id, "section": section.name}


def _template(text: str, params: dict[str, str]) -> tuple[str, list[Param]]:
    """Item text with each known literal replaced by its `{variable}`."""
    out: list[str] = []
    used: list[Param] = []
    at = 0
    for start, end, param in find_params(text):
        var = params.get(f"{param.kind}:{param.key}")
        if var is None:
            continue
        out.append(brace(text[at:start]))
        out.append("{" + var + "}")
        used.append(param)
        at = end
    out.append(brace(text[at:]))
    return "".join(out), used


def draft_tree(article: Article, tree_id: str | None = None) -> dict[str, Any]:
    """The draft tree of `article` as a YAML-ready dict (keys in the order written).

    `tree_id` defaults to `draft_id(article)`; a tree file must be named after its id.
    Raises DraftError when the article has no section with text to cite.
    """
    cited = [s for s in article.sections if s.text.strip()]
    if not cited:
        raise DraftError(f"{article.id} has no text to draft a tree from", path=article.source)
    tree_id = tree_id or draft_id(article)
    symptom, symptom_section = article_symptom(article)
    cause, cause_section = article_cause(article)
    lead, options = article_options(article)

    # Ids, labels and choice values, unique; one variable per distinct literal.
    used_ids: set[str] = {"cause", "mitigation"}
    counters: dict[str, int] = {}
    variables: dict[str, str] = {}  # "kind:key" -> variable name
    labels: set[str] = set()
    for option in options:
        base = "upgrade" if option.kind == "upgrade" else _slug(option.section.name)[:40]
        n = 1
        option.id = base if option.kind == "upgrade" else f"{base}_{n}"
        while option.id in used_ids:
            n += 1
            option.id = f"{base}_{n}"
        used_ids.add(option.id)
        label, n = option.label, 1
        while label.casefold() in labels or label.casefold() == option.id:
            n += 1
            label = f"{option.label} ({n})"
        labels.add(label.casefold())
        option.label = label
        seen: set[str] = set()
        for item in option.items:
            for _, _, param in find_params(item):
                ref = f"{param.kind}:{param.key}"
                if ref in seen or len(seen) >= MAX_INPUTS_PER_OPTION:
                    continue
                seen.add(ref)
                if ref not in variables:
                    counters[param.kind] = counters.get(param.kind, 0) + 1
                    variables[ref] = f"{param.kind}_{counters[param.kind]}"
                option.params.append(param)

    nodes: list[dict[str, Any]] = []
    first_after_cause = ""
    if len(options) >= 2:
        first_after_cause = "mitigation"
    elif options:
        first_after_cause = _entry(options[0], variables)
    else:
        first_after_cause = FALLBACK_ID

    if cause and cause_section is not None:
        nodes.append(
            {
                "id": "cause",
                "kind": "info",
                "title": "Why it happens",
                "text": brace(cause),
                "source": _cite(article, cause_section),
                "next": first_after_cause,
            }
        )
    if len(options) >= 2:
        question: dict[str, Any] = {
            "id": "mitigation",
            "kind": "question",
            "title": "Which mitigation?",
            "text": "Which of the article's mitigations fits this system?",
        }
        if lead:
            question["help"] = brace(shorten(lead, 300))
        question["source"] = _cite(article, options[0].section)
        question["choices"] = [
            {"value": o.id, "label": o.label, "next": _entry(o, variables)} for o in options
        ]
        nodes.append(question)

    verify_text = (
        f"Check that the problem no longer occurs: {shorten(symptom, 300)}"
        if symptom_section is not None
        else f"Check that the problem in {article.id} ({article.title}) no longer occurs."
    )
    for option in options:
        nodes.extend(_input_nodes(article, option, variables))
        nodes.append(_outcome(article, option, variables, verify_text, symptom_section))
    if not options:
        section = (
            find_section(article, RESOLUTION_KEYS + WORKAROUND_KEYS + MORE_KEYS + SUMMARY_KEYS)
            or cited[-1]
        )
        nodes.append(
            {
                "id": FALLBACK_ID,
                "kind": "outcome",
                "title": "Read the article",
                "text": "The article names no mitigation this draft could pick out.",
                "source": _cite(article, section),
                "steps": [
                    {
                        "text": brace(f"Read {article.id} {section.name} and follow it."),
                        "source": _cite(article, section),
                    }
                ],
            }
        )

    tree: dict[str, Any] = {
        "id": tree_id,
        "title": _title(article),
        "version": 1,
        "draft": True,
        "articles": [article.id],
        "symptom": symptom,
        "cause": cause or f"{article.id} gives no cause.",
        "nodes": nodes,
    }
    return tree


def _title(article: Article) -> str:
    return _TAG_PREFIX_RE.sub("", article.title).strip() or article.title or article.id


def _entry(option: Option, variables: dict[str, str]) -> str:
    """The first node of an option: its first input, else its outcome."""
    if option.params:
        return f"{option.id}-{variables[_ref(option.params[0])]}"
    return option.id


def _ref(param: Param) -> str:
    return f"{param.kind}:{param.key}"


def _input_nodes(
    article: Article, option: Option, variables: dict[str, str]
) -> list[dict[str, Any]]:
    nodes: list[dict[str, Any]] = []
    for n, param in enumerate(option.params):
        var = variables[_ref(param)]
        following = (
            f"{option.id}-{variables[_ref(option.params[n + 1])]}"
            if n + 1 < len(option.params)
            else option.id
        )
        context = next(
            (s for i in option.items for s in split_sentences(i) if param.literal in s), ""
        )
        node: dict[str, Any] = {
            "id": f"{option.id}-{var}",
            "kind": "input",
            "var": var,
            "type": "number" if param.kind == "count" else "text",
        }
        if param.kind == "time":
            node["type"] = "time"
        node["title"] = f"{PARAM_TITLE[param.kind]} (the article: {param.literal})"
        node["text"] = brace(
            f"The article uses {param.literal} here: "
            f'"{shorten(context, 200)}" What should it be on this system?'
        )
        node["help"] = brace(f"{PARAM_HELP[param.kind]} Enter keeps {param.literal}.")
        if param.kind == "count":
            node["integer"] = True
            node["min"] = 1
            node["max"] = 999
        node["default"] = param.default
        node["source"] = _cite(article, option.section)
        node["next"] = following
        nodes.append(node)
    return nodes


def _outcome(
    article: Article,
    option: Option,
    variables: dict[str, str],
    verify_text: str,
    symptom_section: Section | None,
) -> dict[str, Any]:
    asked = {_ref(p) for p in option.params}
    known = {ref: var for ref, var in variables.items() if ref in asked}
    steps = []
    for item in option.items:
        text, _ = _template(shorten(item, MAX_ITEM_CHARS), known)
        steps.append({"text": text, "source": _cite(article, option.section)})
    outcome: dict[str, Any] = {
        "id": option.id,
        "kind": "outcome",
        "title": option.label,
    }
    if option.lead:
        outcome["text"] = brace(shorten(option.lead, 400))
    outcome["source"] = _cite(article, option.section)
    outcome["steps"] = steps
    outcome["verify"] = [
        {
            "text": brace(verify_text),
            "source": _cite(article, symptom_section or option.section),
        }
    ]
    return outcome


# --------------------------------------------------------------------------- YAML


# libyaml's emitter when present (4x faster; the representer below is the same). The
# checker sees SafeDumper: a base picked at run time is not a type it can follow.
if TYPE_CHECKING:
    _BaseDumper = yaml.SafeDumper
else:
    _BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _DraftDumper(_BaseDumper):
    """Every string double-quoted (keys plain), sources in flow style, no aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def represent_mapping(self, tag: str, mapping: Any, flow_style: Any = None) -> yaml.MappingNode:
        node = super().represent_mapping(tag, mapping, flow_style)
        for key, _ in node.value:
            key.style = None  # keys are plain words: id, kind, text ...
        if isinstance(mapping, dict) and set(mapping) == {"article", "section"}:
            node.flow_style = True
        return node


def _quoted(dumper: Any, data: str) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style='"')


_DraftDumper.add_representer(str, _quoted)


def draft_yaml(tree: dict[str, Any], article: Article | None = None) -> str:
    """The tree file's text: a comment header saying it is a draft, then the tree."""
    title = " ".join(str(article.title if article else tree["title"]).split())
    header = [
        f"# DRAFT decision tree for {', '.join(tree['articles'])}: {title}",
        "# Written by `kbassist draft` from the article text. Check every step against the",
        "# article, edit it, then delete `draft: true`. Format: docs/trees.md.",
    ]
    body = yaml.dump(
        tree,
        Dumper=_DraftDumper,
        sort_keys=False,
        allow_unicode=True,
        width=92,
        default_flow_style=False,
    )
    return "\n".join(header) + "\n" + body


def draft_text(article: Article, tree_id: str | None = None) -> tuple[str, Tree]:
    """The draft's file text and the Tree the real loader reads from it, lint-checked.

    Lint runs with citations checked against `article` itself; any problem is a bug in
    the drafter, raised as a DraftError rather than written or walked.
    """
    from kbassist.trees.lint import lint_result
    from kbassist.trees.loader import read_tree_bytes

    tree = draft_tree(article, tree_id)
    text = draft_yaml(tree, article)
    # Not a real file: a session of a drafted walk must not point at one.
    result = read_tree_bytes(text.encode("utf-8"), DRAFT_PATH / f"{tree['id']}.yaml")
    key = article.id.casefold()
    problems = lint_result(result, lambda ref: article if ref.casefold() == key else None)
    if problems or result.tree is None:
        first = problems[0] if problems else "no tree"
        raise DraftError(f"the draft of {article.id} does not pass lint: {first}")
    return text, replace(result.tree, drafted_from=article.id)


def draft_tree_model(article: Article, tree_id: str | None = None) -> Tree:
    """The draft as a walkable Tree, read back from `draft_yaml` by the real loader,
    so what is walked is exactly what `kbassist draft` would write."""
    return draft_text(article, tree_id)[1]


def guided_tree_for(article: Article, trees: Sequence[Tree]) -> tuple[Tree, bool]:
    """The tree to walk for `article`: a hand-written one drawn from it, else its draft.

    Returns (tree, drafted). Hand-written trees win, first in the order given.
    """
    from kbassist.trees.catalog import trees_for_article

    written = trees_for_article(list(trees), article.id)
    if written:
        return written[0], False
    return draft_tree_model(article), True
