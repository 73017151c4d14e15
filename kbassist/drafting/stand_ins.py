"""Stand-ins in a runbook's commands that are the admin's own values, though written
neither as `<name>` nor as `$NAME`: `rbd mirror image status POOL_NAME/IMAGE_NAME`,
`openssl x509 -in {myfile_with_certs.crt}`, and a generated object name copied from the
article's sample output (`kubectl logs -n kube-system kube-proxy-b9g23`). Each is asked
and substituted like a `MyServerName` (see modern.my_names)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from kbassist.articles import Article

#: `POOL_NAME`, `IMAGE_NAME`, `NODE_IP`: capitals joined by "_" that end in what names
#: a thing (not `$POOL_NAME`, a shell variable, `<POD_NAME>`, found anyway, nor an
#: environment variable a command greps for, `CONTAINER_IMAGE`, `OPERATOR_NAME:`).
_CAPS_NAME_RE = re.compile(
    r"(?<![\w$%{<.\-=/])(?:[A-Z][A-Z0-9]*_)+(?:NAME|ID|NAMESPACE|NODE|POD|IP|HOST)(?![\w=>}:(-])"
    r"|(?<=/)(?:[A-Z][A-Z0-9]*_)+(?:NAME|ID)(?![\w=>}:(-])"
    # `ceph tell mon.ID mon_status`: a Ceph daemon's id written as its type, a dot and
    # ID / NAME (round 38), the monitor, OSD or MDS the admin picks
    r"|(?<![\w.-])(?:mon|osd|mds|mgr|rgw)\.(?:ID|NAME)(?![\w=>}:(.-])"
)
#: `{myfile_with_certs.crt}`, `{ceph-component}`: a lower-case name of several words in
#: braces (not jsonpath's `{end}` / `{.items}`, nor `${var}` or a template's `{{x}}`).
_LOWER_BRACE_RE = re.compile(r"(?<![$\w{])\{[a-z][a-z0-9]*(?:[_.-][a-z0-9]+)+\}(?!\})")
#: `**subscriber_database_name**`: a name a support article set in bold inside its code
#: (Markdown draws no bold there: the author marked the value to replace).
_BOLD_BARE_RE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*_(?:name|id)")
_BOLD_NAME_RE = re.compile(rf"(?<=\*\*){_BOLD_BARE_RE.pattern}(?=\*\*)")
#: `kube-proxy-b9g23`, `rook-ceph-tools-79ccc8ddc5-77brq`: a Kubernetes object name with
#: the random suffix of a generated pod (a replica set's hash and / or five characters,
#: a digit among them), as the article's sample output showed it; or
#: `rendered-worker-bc1470f2331a3136999e0b49d85e1e21`: one named by its content's hash
#: (a rendered MachineConfig: 32 hex digits, a digit and a letter among them).
_GENERATED_RE = re.compile(
    r"(?<![\w/.=:-])[a-z][a-z0-9]*(?:-[a-z0-9]+)*?"
    r"(?:-(?=[a-z0-9]{8,10}-)(?=[a-z]*\d)[a-z0-9]{8,10})?"
    r"-(?=[a-z0-9]{5}(?![\w.-]))(?=[a-z]*\d)(?=\d*[a-z])[a-z0-9]{5}(?![\w.-])"
    r"|(?<![\w/.=:-])[a-z][a-z0-9]{0,30}(?:-[a-z][a-z0-9]{0,30}){0,3}"
    r"-(?=[0-9a-f]{32}(?![\w.-]))(?=[a-f]{0,31}\d)(?=\d{0,31}[a-f])[0-9a-f]{32}(?![\w.-])"
)
#: A command line: what a generated name is only asked in (never prose or output).
_COMMAND_RE = re.compile(r"^\s*(?:\$\s+)?(?:kubectl|oc|rbd|ceph|openssl)\s", re.MULTILINE)


def stand_in_names(article: Article, commands: Sequence[str]) -> list[str]:
    """Stand-ins the commands use that the article never sets (`POOL_NAME=`), in order
    of first use: values the admin must supply."""
    text = "\n".join(s.text for s in article.sections)
    out: list[str] = []
    for command in commands:
        for line in command.split("\n"):
            found = [m.group(0) for m in _CAPS_NAME_RE.finditer(line)]
            found += [m.group(0) for m in _LOWER_BRACE_RE.finditer(line)]
            found += [m.group(0) for m in _BOLD_NAME_RE.finditer(line)]
            if _COMMAND_RE.match(line) and not _transcript(command):
                found += [m.group(0) for m in _GENERATED_RE.finditer(line)]
            for name in found:
                if name in out or _set_in(name, text):
                    continue
                out.append(name)
    return out


#: An inline code span that is a runbook's command (`ceph tell mon.ID mon_status`).
_INLINE_COMMAND_RE = re.compile(r"`((?:kubectl|oc|rbd|ceph|rados)\s[^`\n]{1,200})`")


def inline_stand_in_commands(article: Article) -> tuple[str, ...]:
    """The article's inline commands that write a capitals stand-in (`mon.ID`,
    `POOL_NAME`): typed as written but for it, though not in a fenced block."""
    return _inline_commands(article)


@lru_cache(maxsize=64)
def _inline_commands(article: Article) -> tuple[str, ...]:
    out: dict[str, None] = {}
    for section in article.sections:
        if "`" not in section.text:
            continue
        for match in _INLINE_COMMAND_RE.finditer(section.text):
            if _CAPS_NAME_RE.search(match.group(1)):
                out[match.group(1).strip()] = None
    return tuple(out)


def _set_in(name: str, text: str) -> bool:
    """Whether the article sets `name` itself (`POOL_NAME=...`, `for MASTER_POD in`)."""
    word = re.escape(name)
    return bool(
        re.search(
            rf"(?:^|[\s;(`]){word}=|\bfor\s+{word}\s+in\b|\b(?:export|read)\s+{word}\b", text, re.M
        )
    )


def _transcript(command: str) -> bool:
    """Whether a listing is a session the article shows (`$ oc rsh ... pod-x1y2z` then
    its output): the names in it are the article's, not a command to type as written."""
    lines = [line.strip() for line in command.split("\n") if line.strip()]
    prompted = any(line.startswith("$ ") for line in lines)
    return prompted and any(not re.match(r"[$#]|\w[\w.-]*\s.*\\$", line) for line in lines)


def is_stand_in(name: str) -> bool:
    """Whether an asked placeholder is one of stand_in_names' kinds."""
    kinds = (_CAPS_NAME_RE, _LOWER_BRACE_RE, _GENERATED_RE)
    return any(p.fullmatch(name) for p in kinds) or bool(_BOLD_BARE_RE.fullmatch(name))


def is_generated(name: str) -> bool:
    """Whether a stand-in is a generated object name copied from sample output."""
    return bool(_GENERATED_RE.fullmatch(name))


#: The kind of object a command names before a name: `oc get mc <name>`.
_KIND_BEFORE = r"\b(?:get|describe|edit|delete|patch)\s+(?P<kind>[a-z]{2,40})\s+"
#: Short resource names the name's question spells out.
_KINDS = {"mc": "MachineConfig", "mcp": "MachineConfigPool", "cm": "config map", "ns": "namespace"}


def generated_kind(name: str, context: str, what: str) -> str:
    """What a generated `name` is of, as the command it is in says (`oc get mc
    rendered-worker-<hash>`: "MachineConfig name"); `what` when it says nothing more."""
    found = re.search(_KIND_BEFORE + re.escape(name), context)
    if not found or what != "name":
        return what
    kind = found.group("kind")
    return f"{_KINDS.get(kind, kind.removesuffix('s'))} name"


def stand_in_spans(text: str, names: set[str]) -> list[tuple[int, int, str]]:
    """(start, end, name) of each use of an asked stand-in in `text`."""
    out: list[tuple[int, int, str]] = []
    for pattern in (_CAPS_NAME_RE, _LOWER_BRACE_RE, _GENERATED_RE, _BOLD_NAME_RE):
        out += [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]
    return sorted((s, e, n) for s, e, n in out if n in names)


# ----------------------------------------------------------------- how a placeholder is typed


def path_to(words: list[str]) -> bool:
    """`<path_to_problem_file>`, `<path of the log file>`: a path the placeholder's own
    words say, though its last word is "file" (a bare file name would miss its folder)."""
    return len(words) > 2 and words[0] == "path" and words[1] in {"to", "of", "for"}


def after_placeholder(literal: str, context: str) -> bool:
    """Whether the command writes another placeholder and a backslash right before
    `literal` (`runas /user:<localmachine>\\<SQLServiceAccount>`): the domain or
    computer is asked apart, so this one is the user name alone."""
    return bool(re.search(rf"[>}}]\\{re.escape(literal)}", context))


#: A path written with an ellipsis (`\\ServerName\Sub1\Sub2\...`): its shape, shown.
_SHAPE_RE = re.compile(r"[\\/]\.{3}(?:[\\/]|$)")


def shape_only(text: str, at: int) -> bool:
    """Whether the word of `text` holding offset `at` is a path drawn with "..." in
    place of its folders: an illustration of a path's shape, not a value to type."""
    start = max(text.rfind(c, 0, at) for c in " \n\"'`") + 1
    ends = [e for c in " \n\"'`" if (e := text.find(c, at)) >= 0]
    word = text[start : min(ends, default=len(text))]
    return bool(_SHAPE_RE.search(word.rstrip(".,;:)")) or word.rstrip(",;:)").endswith("\\..."))


def below_root(literal: str, context: str) -> str:
    """`c:\\` when the command writes a drive's root right before `literal`
    (`"\\\\?\\c:\\<path_to_problem_file>"`): the value is the path below it; "" if not."""
    found = re.search(rf"(?<!\w)([A-Za-z]:\\){re.escape(literal)}", context)
    return found.group(1) if found else ""


#: `<blank>`, `<NO NAME>`, `<Not Selected>`, `<unknown>`: what a dialog box, a listing or
#: Registry Editor shows (an unnamed value, an empty field), not a value to type.
_SHOWN_VALUE_RE = re.compile(
    r"<(?i:no|not|none|empty|blank|unknown|unnamed|undefined|leave)(?:[ ][^<>]{0,30})?>"
)


def shown_value(literal: str) -> bool:
    """Whether a bracketed placeholder is a value shown as it is (see _SHOWN_VALUE_RE),
    unless the article explains it ("where <unknown> is the name of ...")."""
    return bool(_SHOWN_VALUE_RE.fullmatch(literal))
