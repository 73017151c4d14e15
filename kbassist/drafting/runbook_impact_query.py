"""A query or command a runbook gives under Impact or Meaning runs with its Diagnosis
(round 26).

etcdHighNumberOfFailedGRPCRequests says under Impact "First establish which gRPC method is
failing ... the following query will display method and etcd instance that has failing
requests:" over a PromQL block, and its Diagnosis says "by running the query detailed
above": the drafter took its checks from Diagnosis only, so the one query that finds the
failing method was dropped. Such an item (a paragraph naming "the following query" or
command, over its fenced block) is the first Diagnosis check.
"""

from __future__ import annotations

import re

from kbassist.articles import Article
from kbassist.drafting.text import split_detail

#: "the following query will display ...", "run this command": the block is to run.
_RUN_THIS_RE = re.compile(
    r"\b(?:(?:the )?following|this|the below|below)\s(?:promql\s)?(?:query|command|expression)\b",
    re.IGNORECASE,
)


def impact_checks(article: Article) -> list[str]:
    """The Impact and Meaning parts' items that give a query or command to run, as
    Diagnosis checks, in the article's order; [] when they give none."""
    from kbassist.drafting.blocks import part_steps

    out: list[str] = []
    for role in ("symptom", "impact"):
        for part in article.parts_by_role(role):
            if part.role != role:
                continue  # the summary `parts_by_role` falls back on is no Meaning
            _, items, _ = part_steps(part)
            for item in items:
                text, detail = split_detail(item)
                if detail.strip() and _RUN_THIS_RE.search(text):
                    out.append(item)
    return out
