"""A runbook verify re-runs the Diagnosis check that measures the alert's condition (round 40).

Readers (seed 112) marked runbook verifies that re-run a Diagnosis command whose output
cannot show the fix worked: "List all nodes in the storage cluster" (`oc get nodes`) for
an MTU alert whose Diagnosis also reads the MTUs (`ip link show`, the
`node_network_mtu_bytes` query), "etcdctl version" where `etcdctl endpoint health` is
there, the kubelet's journal re-read after a KubeletDown fix. `rerun_checks` takes an
outcome's first Diagnosis commands; this pass sorts what it may take:

- a version check ("Validate that the etcdctl command is available: etcdctl version")
  measures nothing the alert fires on: never re-run (unless the alert is about versions);
- when another check names what the alert measures (a word of its name or Meaning
  condition that is not a plain kind of object: "MTU", "health", "quota"), a listing whose
  own words name none of it (`oc get nodes`, `kubectl get nodes` under "Check any other
  ... alerts") is left out, and a check that reads into a node or pod (`oc debug
  node/<n>` then `ip link show`) or a PromQL selector that names it may be re-run;
- a log read (`oc logs`, `journalctl`) shows past lines, the fault's among them: left out
  when another check stays that reads a state or value ("the status of nodes", `oc top`,
  a query); a check that only finds a pod's name does not replace it.

An outcome whose checks are all of one kind keeps them as they were.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from kbassist.articles import Article
from kbassist.drafting.runbook_fix_checks import words
from kbassist.drafting.text import split_camel

#: Words that name a kind of object or a direction, not what an alert measures: a check
#: that shares only these with the condition does not read it ("List all nodes in the
#: storage cluster" for "an interface on an ODF node has an MTU less than 9000").
_GENERIC = frozenset(
    """
    node nodes pod pods cluster clusters storage namespace container containers deployment
    instance instances member members service services operator operators network object
    objects resource resources system level physical relevant least less than high low
    down rate total count number time minute second hour day given violating best practice
    practices interface interfaces byte bytes state status current certain master control
    plane worker machine machines application component components been able once
    kubernete kubernetes openshift k8s
    """.split()
)
#: How many checks `rerun_checks` re-runs.
RERUN = 2
#: A log read: `oc logs`, `kubectl logs`, `oc adm node-logs`, `journalctl` as a word.
_LOG_WORDS = frozenset({"log", "logs", "node-logs", "journalctl"})
#: A version check: `etcdctl version`, `oc version --client`, `helm --version` (not a
#: `jsonpath` read of `clusterversion/version`).
_VERSION_RE = re.compile(r"^[a-z][\w.-]*\s+(?:version|--version|-v)(?:\s+--?[\w-]+)*\s*$")
#: A listing: `oc get nodes -l x`, `kubectl get pods -n y`, `ocm list clusters`: a kind
#: and flags only, no object named, no field picked out (`-o jsonpath=`, `-o yaml`, `|`).
_LISTING_RE = re.compile(
    r"(?:^|\s)(?:get|list)\s+[a-z][\w./-]*"
    r"(?:\s+(?:-[lnA]\s*=?\s*\S+|-A|--all-namespaces|--selector[= ]\S+|-l=\S+|-o\s*wide))*\s*$"
)
_PICKED_RE = re.compile(
    r"(?:-o\s*=?\s*(?:jsonpath|custom|go-template|yaml|json)|-o(?:yaml|json)|\|)"
)
#: A check whose own words say it reads a state ("Check health of master nodes if any is
#: in NotReady state", "Check the status of ..."): no bare listing.
_STATE_RE = re.compile(
    r"\b(?:health\w*|status|states?|ready|notready|running|available|degraded|conditions?|"
    r"usage|capacity|errors?|fail\w*|crash\w*|pending|powered|reachable|functional)\b",
    re.IGNORECASE,
)
#: A way into a node or pod for the commands below it: not a change.
_ENTER_RE = re.compile(
    r"^\s*(?:\$\s*)?(?:(?:oc|kubectl)\s+(?:debug\s+node/|rsh\s|exec\s.*\s--\s*(?:sh|bash)?\s*$)"
    r"|ssh\s|chroot\s+/host\s*$)"
)
#: A PromQL selector with a comparison: `metric_name{label!~"x"} < 9000`.
_PROMQL_RE = re.compile(r"^\s*[a-z_:][a-z0-9_:]*\{[^\n]*\}\}?\s*(?:[<>!=]=?\s*[\d.]+)?\s*$")
#: A PromQL expression: `sum by(x) (rate(metric{...}[5m]))`.
_QUERY_RE = re.compile(r"^\s*(?:sum|avg|max|min|count|rate|increase|irate)\b[^\n]*\(")
#: A command that changes the system (runbook_verify's list, less the ways in).
_CHANGES_RE = re.compile(
    r"\b(?:delete|edit|patch|apply|create|scale|drain|cordon|uncordon|label|annotate|"
    r"replace|restart|rollout|kill|rm|set|reboot|systemctl|cp|mv)\b"
)
#: A command line: a lower-case tool and its arguments.
_COMMAND_LINE_RE = re.compile(r"^\s*(?:\$\s*)?[a-z][\w.-]*(?:\s+\S+)*\s*$")


#: The drafter's lead before the condition ("Check that the condition ... holds: ").
_PREFIX_RE = re.compile(r"^Check that the condition the alert fires on no longer holds:\s*")


def condition_words(article: Article, cond: str) -> set[str]:
    """What the alert measures: the words of its name and of its Meaning condition that
    name no plain kind of object."""
    cond = _PREFIX_RE.sub("", cond).split(" The alert resolves once", 1)[0]
    said = f"{split_camel(article.id)} {split_camel(article.title)} {cond}"
    return {w for w in words(f"{said} {re.sub(r'[-./_]', ' ', said)}") if w not in _GENERIC}


def _hits(check: set[str], cond: set[str]) -> set[str]:
    """The condition's words a check names (a longer form counts: "health", "healthy")."""
    out = set()
    for c in cond:
        for w in check:
            if w in (c, f"{c}s") or (
                min(len(w), len(c)) >= 5 and (w.startswith(c) or c.startswith(w))
            ):
                out.add(c)
    return out


def _lines(detail: str) -> list[str]:
    """The command lines of a detail, without the `$` prompt, comments, prose ("Login to
    the cluster."), links and blank lines."""
    out = []
    for line in detail.splitlines():
        line = line.strip().removeprefix("$").strip()
        if (
            line
            and not line.startswith("#")
            and (_COMMAND_LINE_RE.match(line) or _PROMQL_RE.match(line.replace("{{", "{")))
        ):
            out.append(line)
    return out


def kind(step: dict[str, Any]) -> str:
    """ "version", "log", "listing" or "" (another check) for a Diagnosis check."""
    lines = _lines(str(step.get("detail", "")))
    first = lines[0] if lines else ""
    if first and _VERSION_RE.search(first) and len(lines) == 1:
        return "version"
    tokens = set(first.split())
    if tokens & _LOG_WORDS:
        return "log"
    if not first and re.search(r"\blogs?\b", str(step.get("text", ""))):
        return "log"  # "Access cluster node journal logs" with only its link
    if (
        _LISTING_RE.search(first)
        and not _PICKED_RE.search(first)
        and len(lines) == 1
        and not _STATE_RE.search(str(step.get("text", "")))
    ):
        return "listing"
    return ""


def _check_words(step: dict[str, Any]) -> set[str]:
    """A check's own words and its command lines' (no sample output, no link), a dashed
    name in its text also by its parts ("ovnkube-control-plane": "ovnkube", "control", "plane")."""
    text = str(step.get("text", ""))
    said = " ".join([text, *_lines(str(step.get("detail", "")))])
    return words(f"{said} {re.sub(r'[-./_]', ' ', text)}")


def _reads_into(detail: str) -> bool:
    """A detail that goes into a node or pod and reads there, changing nothing
    (`oc debug node/<n>` then `ip link show`), or a PromQL selector."""
    lines = _lines(detail)
    if len(lines) == 1 and _PROMQL_RE.match(lines[0].replace("{{", "{")):
        return True
    if len(lines) < 2 or not _ENTER_RE.match(lines[0]):
        return False
    return not any(_CHANGES_RE.search(ln) for ln in lines)


def measured(
    article: Article,
    cond: str,
    steps: Sequence[dict[str, Any]],
    candidates: Sequence[dict[str, Any]],
    cond_words: set[str] | None = None,
) -> list[dict[str, Any]]:
    """The Diagnosis checks (`candidates`, picked from the outcome's `steps`) to re-run as
    its verify, in step order: version checks never; listings and log reads left out when
    another check names what the alert measures; checks that read into a node or a
    PromQL selector naming it taken in their place."""
    if not candidates:
        return list(candidates)
    said = condition_words(article, cond) if cond_words is None else cond_words
    kinds = {id(s): kind(s) for s in candidates}
    if "version" in said:
        kinds = {k: ("" if v == "version" else v) for k, v in kinds.items()}
    if all(v == "" for v in kinds.values()):
        return list(candidates)
    hits = {id(s): _hits(_check_words(s), said) for s in candidates}
    pool = list(candidates)
    extra: set[int] = set()
    # a check that reads the measured value inside a node, or its PromQL selector
    if any(kinds[id(s)] for s in candidates):
        chosen = {id(s) for s in candidates}
        for step in steps:
            if id(step) in chosen or "when" in step or len(str(step.get("text", ""))) > 200:
                continue
            if not re.search(r"\bdiagnos", str(step.get("source", {}).get("section", "")), re.I):
                continue
            if not _reads_into(str(step.get("detail", ""))):
                continue
            found = _hits(_check_words(step), said)
            if found:
                kinds[id(step)], hits[id(step)] = "", found
                pool.append(step)
                extra.add(id(step))
        order = {id(s): n for n, s in enumerate(steps)}
        pool.sort(key=lambda s: order.get(id(s), len(order)))
    kept = [s for s in pool if kinds[id(s)] != "version"]
    if any(kinds[id(s)] in ("", "listing") and hits[id(s)] for s in kept):
        kept = [s for s in kept if kinds[id(s)] not in ("listing", "log") or hits[id(s)]]
    if any(kinds[id(s)] != "log" and _reads_value(s) for s in kept):
        kept = [s for s in kept if kinds[id(s)] != "log"]
    kept_ids = {id(s) for s in kept}
    if all(id(s) in kept_ids for s in candidates):
        return list(candidates)  # nothing left out: the checks as they were
    # a check that was not among the first it would have re-run comes in for one left
    # out only when it names what the alert measures (no unrelated check slips in)
    first = {id(s) for s in candidates[:RERUN]}
    first |= extra  # a check read inside a node or a query names it: taken for that
    return [s for s in kept if id(s) in first or (hits[id(s)] and _reads_value(s))]


def _reads_value(step: dict[str, Any]) -> bool:
    """A check whose words or command say it reads a state or a value ("health",
    "status", `oc top`, a PromQL query), not details to look through."""
    lines = _lines(str(step.get("detail", "")))
    said = " ".join([str(step.get("text", "")), *lines])
    return bool(
        _STATE_RE.search(said)
        or re.search(r"\btop\b|/status\b", said)
        or any(_PROMQL_RE.match(ln.replace("{{", "{")) or _QUERY_RE.search(ln) for ln in lines)
    )
