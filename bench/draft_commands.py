"""Are the commands in the drafts the article's own, spaced as the article spaces them? By hand.

    python bench/draft_commands.py EQUIV.json [--work /tmp/corpora] [--show 20]

Reads a `draft_equiv.py` record file (the YAML of every drafted article) and, for every
step, verify and rollback item, takes its commands: `code` spans of the text, the lines of
its `detail`, and what follows "the following command:". Each command's words must appear
in the article's own text with the same spacing (the article's Markdown marks and runs of
blanks aside). A command whose words appear only with other spacing ("secedit
/refreshpolicy" drafted as "secedit/refreshpolicy", or the reverse) is a *spacing*
difference: a command that would not run as the article gives it (round 34). Also counted:
commands whose program name is glued to a switch in the draft ("secedit/refreshpolicy"),
whether or not the article wrote them so. The drafter's own backup and restore commands
(`reg export`, `reg import`) are not the article's and are left out.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import yaml

#: Markdown marks and entities that are not part of a command's words.
_MARKS_RE = re.compile(r"\*\*|__|`|&nbsp;|\\(?=[_*\[\]<>#-])")
_BLANKS_RE = re.compile(r"\s+")
_CODE_RE = re.compile(r"`([^`\n]{1,400})`")
_FOLLOWING_RE = re.compile(r"\bfollowing\s+command\s*:\s*(.{1,400})$", re.I)
#: The drafter's own commands (backups, restores), not the article's.
_OWN_RE = re.compile(r"^\s*reg\s+(?:export|import)\b|backup\.reg", re.I)
#: A program name glued to a switch at the start of a command ("secedit/refreshpolicy").
GLUED_RE = re.compile(r"^[A-Za-z][A-Za-z0-9]{1,20}/[A-Za-z]")


#: A table's cell border with its padding: cells are not a command's spacing.
_CELL_RE = re.compile(r" ?\| ?")
#: A draft's input placeholder (`{server_name}`): any text of the article's stood there.
_PLACEHOLDER_RE = re.compile(r"\{[a-z][a-z0-9_]{0,60}\}")
#: What a detail line that is prose, not a command, starts or ends with.
_PROSE_RE = re.compile(
    r"^(?:Note|Link|See|Important|Warning|Tip|Caution|Table:|Quote:|The article:|For |If |- |"
    r"Option \d|\d{5,7} )|[.:]$",
    re.I,
)


def normal(text: str) -> str:
    """`text` without Markdown marks, blanks collapsed: what spacing compares."""
    return _CELL_RE.sub("|", _BLANKS_RE.sub(" ", _MARKS_RE.sub("", text))).strip()


def found_in(words: str, source: str) -> bool:
    """Whether every literal stretch of `words` (between placeholders) is in `source`
    (a template's doubled braces read as the braces the admin sees)."""
    parts = _PLACEHOLDER_RE.split(words)
    return all(p.replace("{{", "{").replace("}}", "}").strip() in source for p in parts)


def commands(item: dict[str, object]) -> list[str]:
    """The commands one checklist item gives: code spans, detail lines, a following command."""
    text = str(item.get("text") or "")
    found = [m.group(1) for m in _CODE_RE.finditer(text)]
    if not found and (m := _FOLLOWING_RE.search(text)):
        found.append(m.group(1).rstrip("."))
    detail = str(item.get("detail") or "")
    found += [
        line
        for line in detail.split("\n\n")[0].splitlines()
        if line.strip() and not _PROSE_RE.search(line.strip())
    ]
    return [c.strip() for c in found if c.strip() and not _OWN_RE.search(c)]


def items(tree: dict[str, object]) -> list[dict[str, object]]:
    """Every step, verify and rollback item of every outcome."""
    out: list[dict[str, object]] = []
    for node in tree.get("nodes") or []:  # type: ignore[attr-defined]
        for key in ("steps", "verify", "rollback"):
            out += [i for i in node.get(key) or [] if isinstance(i, dict)]
    return out


def check(record_file: Path, work: Path, show: int) -> dict[str, int]:
    """Counts (commands, spacing differences, glued program names, not in article)."""
    records = json.loads(record_file.read_text())
    counts = {"articles": 0, "commands": 0, "spacing": 0, "glued": 0, "absent": 0}
    shown: dict[str, list[str]] = {"spacing": [], "glued": [], "absent": []}
    for name, record in sorted(records.items()):
        if "yaml" not in record or not record["yaml"]:
            continue
        tree = yaml.safe_load(record["yaml"])
        if not isinstance(tree, dict):
            continue
        counts["articles"] += 1
        source = normal((work / name).read_text(encoding="utf-8", errors="replace"))
        bare = source.replace(" ", "")
        for item in items(tree):
            for command in commands(item):
                counts["commands"] += 1
                words = normal(command)
                if GLUED_RE.match(words):
                    counts["glued"] += 1
                    shown["glued"].append(f"{name}: {words[:120]}")
                if found_in(words, source):
                    continue
                if found_in(words.replace(" ", ""), bare):
                    counts["spacing"] += 1
                    shown["spacing"].append(f"{name}: {words[:120]}")
                else:
                    counts["absent"] += 1
                    shown["absent"].append(f"{name}: {words[:120]}")
    for kind, lines in shown.items():
        for line in lines[:show]:
            print(f"{kind}: {line}")
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("records", type=Path)
    parser.add_argument("--work", type=Path, default=Path("/tmp/corpora"))
    parser.add_argument("--show", type=int, default=20)
    args = parser.parse_args()
    counts = check(args.records, args.work, args.show)
    print(", ".join(f"{k} {v:,}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
