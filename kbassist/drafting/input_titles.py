"""Placeholder inputs of a modern article titled and asked the way a person writes them.

The drafter titles an input for a command's placeholder "Your name for <namespace>" and
asks "Which NAMESPACE do you use?": the token and the kind read back like machine
output. A hand-written tree says "Namespace" / "Which namespace is it in?", "Node name",
"StatefulSet name" for `describe statefulset $NAME` (the object the command names before
a bare `$NAME`), "The alert's namespace label" for `<value of namespace label from
alert>` (its help saying to copy it from the alert). This last pass (after every pass
that reads the token back from the old title) rewrites only the title, the question at
the end of the text and, for an alert's label, the help: the input's variable, type,
format and its place in the commands stay as they were.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

#: The drafter's title for a placeholder input: its kind, then the article's token.
_TITLE_RE = re.compile(
    r"^Your (?P<what>[\w ]+?) for (?P<token><[^>]{1,80}>|\{[^}]{1,80}\}|\$\w+|[\w.-]{1,60})$"
)
#: `<value of namespace label from alert>`, `<namespace label from alert>`, `<alert
#: namespace label>`, `<persistentvolumeclaim label from alert>`: one label of the alert.
_ALERT_LABEL_RE = re.compile(
    r"^(?:(?:the )?value of )?(?:the )?(?:alert(?:'s)? (?P<a>[\w-]+) label|"
    r"(?P<b>[\w-]+) label (?:from|of) (?:the )?alert)$",
    re.IGNORECASE,
)
#: Where a placeholder says its value comes from: not part of its name.
_FROM_TAIL_RE = re.compile(
    r"(?<!\s)\s+from (?:the )?(?:previous|earlier|first|last|above)\b.*$", re.I
)
#: Words written in capitals in a title (Kubernetes and Windows short names).
_ACRONYMS = frozenset(
    """vm vmi dv pvc pv cr crd sa obc ip mac id uid osd odf mds csi dns url uri fqdn sid guid
    api s3 mcp pdb cpu gpu ovn ovs dc os sql tls ssl ca cn ou upn spn nic""".split()
)
_ACRONYMS_UP = frozenset(a.upper() for a in _ACRONYMS)
#: Kubernetes kinds as their own documentation writes them.
_KIND_CASE = {
    "statefulset": "StatefulSet",
    "sts": "StatefulSet",
    "daemonset": "DaemonSet",
    "ds": "DaemonSet",
    "deployment": "Deployment",
    "deploy": "Deployment",
    "replicaset": "ReplicaSet",
    "rs": "ReplicaSet",
    "cronjob": "CronJob",
    "configmap": "ConfigMap",
    "cm": "ConfigMap",
    "persistentvolumeclaim": "PVC",
    "persistentvolume": "PV",
    "pvc": "PVC",
    "pv": "PV",
    "po": "pod",
    "pod": "pod",
    "pods": "pod",
    "job": "job",
    "node": "node",
    "nodes": "node",
    "svc": "service",
    "service": "service",
    "secret": "secret",
    "namespace": "namespace",
    "ns": "namespace",
    "route": "route",
    "vm": "VM",
    "vmi": "VMI",
    "servicemonitor": "ServiceMonitor",
    "podmonitor": "PodMonitor",
    "prometheusrule": "PrometheusRule",
    "machineconfigpool": "MachineConfigPool",
    "mcp": "MachineConfigPool",
    "pdb": "PodDisruptionBudget",
    "poddisruptionbudget": "PodDisruptionBudget",
}
#: A token's words that say only "a value goes here", not what it names.
_GENERIC = frozenset("name value id x n object item".split())
#: A glued capital token's last word (`$CONTROLLERPOD`, `<podname>`): split off it.
_TAILS = ("namespace", "name", "pod", "operator", "uid", "account")
#: A hyphened name's last part that is a kind, not part of a name: `<vm-name>`.
_PLAIN_TAILS = frozenset("name namespace id ip pod node".split())
#: A word for one of these kinds, in place of the kind's whole name.
_KIND_WORD = {
    "ip": "IP address",
    "ns": "namespace",
    "dev": "network device",  # `device="<dev>"` of a NIC metric (round 25)
    "iface": "network interface",
    "nic": "network interface",
}
#: Titles whose thing is asked as "Which X is it?", not "Which X do you use?".
_THINGS = frozenset(
    """namespace pod node vm vmi pvc pv volume cluster deployment service secret image snapshot
    subvolume subvolumegroup pool bucket database table instance container project route
    configmap daemonset statefulset job operator controller handler launcher monitor
    interface iface device disk class claim filesystem condition client mds osd webhook migration
    datavolume dataimportcron scaler attachment imagestream cr map object""".split()
)


#: A camel-case word: "ImageStream", "OpenShift", "DataVolume".
_CAMEL_RE = re.compile(r"\b[A-Za-z][a-z]+[A-Z][A-Za-z]*\b")
#: Titles whose value is asked as "Which X do you use?".
_VALUES = frozenset(
    """address port url endpoint registry key letter drive path folder file account password
    server host computer machine type component directory partition driver app workload
    alertmanager ovnkube operator handler launcher controller api""".split()
)


def name_inputs(tree: dict[str, Any], text: str) -> None:
    """Retitle every placeholder input of `tree` (a modern article's, whose body is
    `text`) by what it names, its question in the same words; others are left alone."""
    bare = ""  # the article without its placeholders, read only when a token needs it
    camel: dict[str, str] = {}  # its camel-case words by their lower case
    for node in tree.get("nodes", []):
        if node.get("kind") != "input":
            continue
        found = _TITLE_RE.match(str(node.get("title", "")))
        if not found:
            continue
        if not bare:
            bare = re.sub(r"<[^<>\n]{1,80}>|\{[^{}\n]{1,80}\}|\$\w+", " ", text)
            camel = {w.casefold(): w for w in reversed(_CAMEL_RE.findall(bare))}
        _rename(node, found.group("what"), found.group("token"), bare, camel)


def _rename(node: dict[str, Any], what: str, token: str, bare: str, camel: dict[str, str]) -> None:
    """One input's title, question (and for an alert's label, help) by its token."""
    inner = token.strip("<>{}$*").strip("* ")
    label = _ALERT_LABEL_RE.match(" ".join(inner.split()))
    if label:
        name = (label.group("a") or label.group("b")).lower()
        _set(node, f"The alert's {name} label", f"What is the alert's {name} label?")
        node["help"] = (
            f"Its value comes from the alert: copy its {name} label's value from the firing "
            "alert (the console or Alertmanager lists its labels); it replaces the placeholder."
        )
        return
    if what == "domain component" and _domain_part(node, token):
        return
    if _ceph_daemon(node, token):
        return
    words = _words(_FROM_TAIL_RE.sub("", inner), bare, camel)
    if words is None:
        return  # not words alone (`<PDC.domain.com>`, `<rook-ceph-mon-X... pod>`): as it was
    if not words or all(w.casefold() in _GENERIC for w in words):
        kind = _kind_before(token, str(node.get("text", "")), camel)
        if kind:
            words = [kind, "name"]
        elif what not in {"name", "value"}:
            words = what.split()  # `<ip>`: "IP address"
        else:
            return  # `$NAME` with no object named before it: nothing better to say
    elif len(words) == 1 and what not in {"name", "value"} and words[0] not in _ACRONYMS_UP:
        words = what.split()  # `<Drive>`: "Drive letter"; `<path>` of a registry key
    elif words[-1].casefold() in _KIND_WORD:
        words = [*words[:-1], *_KIND_WORD[words[-1].casefold()].split()]
    if len(words) > 2 and words[0] in {"name", "IP"} and words[1] == "of":
        # `<name_of_the_backend_bucket>`: "Backend bucket name"
        rest = words[3:] if words[2] == "the" else words[2:]
        words = [*rest, *(["name"] if words[0] == "name" else ["IP", "address"])]
    elif what in {"name", "value"} and not _names_a_kind(words):
        kind = _kind_before(token, str(node.get("text", "")), camel)
        # `get pod <virt-handler>`: "Virt-handler pod" (`-n namespace <x>` names no kind)
        if kind.casefold() in _KIND_CASE and _KIND_CASE[kind.casefold()] != "namespace":
            words = [*words, kind]
    phrase = " ".join(words)
    _set(node, phrase[0].upper() + phrase[1:], _question(words))


#: A token's last word that says what it is already: `<node-ip>`, `<pvc-name>`.
_SAID_TAILS = frozenset("name id uid namespace ip address label port path".split())


def _names_a_kind(words: list[str]) -> bool:
    """Whether the words already say what the value is: a Kubernetes kind among them
    (`<vm>`, `<etcd-pod>`) or a last word such as "name" or "ID"."""
    parts = [p.casefold() for w in words for p in w.split("-")]
    glued = ["".join(pair) for pair in pairwise(parts)]  # `<config-map>`: a ConfigMap
    return parts[-1] in _SAID_TAILS or any(p in _KIND_CASE for p in [*parts, *glued])


#: `mon.ID`, `osd.ID`: a Ceph daemon written as its type and a stand-in id (round 38):
#: the type's name, and the command that lists the daemons of that type.
_CEPH_DAEMON_RE = re.compile(r"(?P<type>mon|osd|mds|mgr|rgw)\.(?:ID|NAME)")
_CEPH_DAEMONS = {
    "mon": ("monitor", "ceph mon stat"),
    "osd": ("OSD", "ceph osd tree"),
    "mds": ("MDS", "ceph fs status"),
    "mgr": ("manager", "ceph mgr stat"),
    "rgw": ("RADOS gateway", ""),
}


def _ceph_daemon(node: dict[str, Any], token: str) -> bool:
    """`ceph tell mon.ID mon_status`: "Ceph monitor", asked as its full name (`mon.a`),
    the help naming the command that lists them; False for any other token."""
    found = _CEPH_DAEMON_RE.fullmatch(token)
    if not found:
        return False
    kind = found.group("type")
    name, listing = _CEPH_DAEMONS[kind]
    question = f"Which {name} is it (its full name, e.g. {kind}.a)?"
    _set(node, f"Ceph {name}", question, f"the Ceph {name}'s name")
    node["help"] = (
        f"The daemon's name as Ceph writes it: its type, a dot and its id, e.g. {kind}.a"
        + (f"; `{listing}` in the toolbox lists them" if listing else "")
        + f". It replaces {token} in the command."
    )
    return True


#: A directory path's domain parts: `DC=<Domain>,DC=<COM>`.
_DC_RE = re.compile(r"\bDC=(<[^<>]{1,40}>|\{[^{}]{1,40}\})", re.IGNORECASE)
#: What each part of a domain of two, three or four parts is, for contoso.com.
_SAMPLE_DOMAIN = {2: "contoso.com", 3: "corp.contoso.com", 4: "eu.corp.contoso.com"}


def _domain_part(node: dict[str, Any], token: str) -> bool:
    """`DC=<Domain>,DC=<COM>`: each part titled as the domain name's part it is ("Domain
    name, part 1 of 2"), asked with an example of that part; False when the path the
    input quotes has no other part (`dc=<FQDN>`: titled by its own words)."""
    parts: list[str] = []
    for found in _DC_RE.finditer(str(node.get("text", ""))):
        if found.group(1) not in parts:
            parts.append(found.group(1))
    if token not in parts or len(parts) not in _SAMPLE_DOMAIN:
        return False
    n, sample = parts.index(token), _SAMPLE_DOMAIN[len(parts)]
    _set(
        node,
        f"Domain name, part {n + 1} of {len(parts)}",
        f"Which is part {n + 1} of your domain's DNS name ({sample.split('.')[n]} for {sample})?",
        f"part {n + 1} of your domain's name",
    )
    return True


#: The drafter's lead of a placeholder input's text: "where you type your own name:".
_OWN_RE = re.compile(r"\bwhere you type your own [\w ]{1,30}?:")


def _set(node: dict[str, Any], title: str, question: str, typed: str = "") -> None:
    """The new title; the text's last sentence (the drafter's question) replaced, and its
    "where you type your own name:" said as what is typed ("... type the namespace:")."""
    node["title"] = title
    text = str(node.get("text", ""))
    cut = max(text.rfind('" '), text.rfind(": "))
    text = text[: cut + 2] + question if text.endswith("?") and cut >= 0 else question
    typed = typed or (title if title.startswith("The ") else f"the {_lowered(title)}")
    typed = _lowered(typed)
    node["text"] = _OWN_RE.sub(lambda _: f"where you type {typed}:", text, count=1)


def _lowered(phrase: str) -> str:
    """A title's phrase within a sentence: "Node name" -> "node name"; "StatefulSet name",
    "DV name", "S3 endpoint" as they are."""
    first = phrase.split(" ", 1)[0]
    return phrase[0].lower() + phrase[1:] if first[1:].islower() else phrase


def _question(words: list[str]) -> str:
    """ "Which namespace is it in?", "Which StatefulSet is it?" (a name asked as the thing
    it names), "Which mon port do you use?" for any other value."""
    last = words[-1].casefold().rsplit("-", 1)[-1]  # `virt-controller`: a controller
    if {"of", "to", "as", "from", "you", "the"} & {w.casefold() for w in words}:
        return f"What is the {' '.join(words)}?"  # "What is the path to create scripts?"
    if last == "namespace":
        return f"Which {' '.join(words)} is it in?"
    if last == "name" and len(words) > 1:
        return f"Which {' '.join(words[:-1])} is it?"
    if len(words) > 4:
        return f"What is the {' '.join(words)}?"
    if last in _THINGS or last.rstrip("s") in _THINGS:
        return f"Which {' '.join(words)} is it?"
    if last in _VALUES or last.rstrip("s") in _VALUES or words[-1].isupper():
        return f"Which {' '.join(words)} do you use?"  # "Which mon port do you use?"
    return f"What value do you use for {' '.join(words)}?"  # `<bytes>`: no thing named


def _words(inner: str, bare: str, camel: dict[str, str]) -> list[str] | None:
    """`node-name` -> ["node", "name"], `CONTROLLERPOD` -> ["controller", "pod"],
    `virt-handler-pod` -> ["virt-handler", "pod"] when the article names the virt-handler
    elsewhere; None when the token is not made of words."""
    if not re.fullmatch(r"[A-Za-z][\w -]*", inner) or len(inner) > 60:
        return None
    inner = re.sub(r"^(?:your|my)[\s_-]+", "", inner, flags=re.IGNORECASE)
    parts = [p for p in re.split(r"[\s_]+", inner) if p]
    out: list[str] = []
    for part in parts:
        pieces = [p for p in part.split("-") if p]
        while len(pieces) > 1:  # the longest hyphened name the article writes itself
            joined = next(
                (
                    n
                    for n in range(len(pieces), 1, -1)
                    if pieces[n - 1].casefold() not in _PLAIN_TAILS
                    and "-".join(pieces[:n]) in bare  # (a substring test before the regex)
                    and re.search(rf"(?<![\w-]){re.escape('-'.join(pieces[:n]))}(?![\w-])", bare)
                ),
                0,
            )
            if not joined:
                break
            out.append("-".join(pieces[:joined]).lower())
            pieces = pieces[joined:]
        for piece in pieces:
            out += _split_piece(piece)
    while out and out[0].casefold() in {"your", "my", "the", "a"}:
        out = out[1:]
    out = [w for w in out if len(w) > 1 or w.isdigit()]  # `<hostX>`: the host
    if any(len(set(w.casefold())) == 1 and not w.isdigit() for w in out):
        return []  # `<xxxx>`, `<nnn>`: filler, no words
    shouting = inner.upper() == inner  # `$NODE_NAME`; `<ADFS service account>` keeps ADFS
    return [_as_written(_cased(w, shouting), camel) for w in out]


def _as_written(word: str, camel: dict[str, str]) -> str:
    """A lower-case word as the article writes it in camel case (`imagestream` ->
    "ImageStream", `openshift` -> "OpenShift"), else as it is."""
    return camel.get(word, word) if word.islower() else word


def _split_piece(piece: str) -> list[str]:
    """One hyphen-free piece as words: camelCase split, a glued `CONTROLLERPOD` or
    `podname` split before its last word, `myapp` without its `my`."""
    if not piece.isupper() and not piece.islower():
        return re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+", piece) or [piece]
    if numbered := re.fullmatch(r"([A-Za-z]{2,})(\d+)", piece):  # `<CR1>`: "CR 1"
        return [*_split_piece(numbered.group(1)), numbered.group(2)]
    piece = re.sub(r"^(?:your|my)(?=[a-z]{3})", "", piece, flags=re.IGNORECASE)
    for tail in _TAILS:  # as written: `ADFS` in a lower-case token stays in capitals
        if piece.casefold().endswith(tail) and len(piece) - len(tail) >= 3:
            return [piece[: -len(tail)], piece[-len(tail) :]]
    return [piece]


def _cased(word: str, shouting: bool) -> str:
    """A title's word: an acronym in capitals, a Kubernetes kind as written, a word in
    capitals among lower-case ones as written (`ADFS`), else lower case."""
    low = word.casefold()
    if low in _ACRONYMS:
        return low.upper()
    if low in _KIND_CASE and _KIND_CASE[low][0].isupper():
        return _KIND_CASE[low]
    if word.isupper() and not shouting and len(word) > 1:
        return word
    return low


#: A command that names an object's kind before the object: `oc describe <kind> <name>`.
_OBJECT_COMMAND_RE = re.compile(
    r"\b(?:oc|kubectl|ocm)\b[^|;\n]*?\b(?:get|describe|delete|edit|patch|scale|label|"
    r"annotate|rollout \w+)\s+(?:-\S+\s+(?:\w+\s+)?)*$"
)


def _kind_before(token: str, text: str, camel: dict[str, str]) -> str:
    """The kind a command names just before `token`: `kubectl describe statefulset
    $NAME` -> "StatefulSet", `oc describe clusterlogforwarder <NAME>` ->
    "ClusterLogForwarder" as the article writes it; "" when none is named."""
    for found in re.finditer(rf"\b([A-Za-z][\w.]*)[ /]+{re.escape(token)}(?![\w-])", text):
        word = found.group(1)
        kind = _KIND_CASE.get(word.casefold())
        if kind:
            return kind
        if _OBJECT_COMMAND_RE.search(text[max(0, found.start() - 120) : found.start()]):
            return camel.get(word.casefold(), word)
    return ""
