"""Finding article files below a folder, and loading a folder as (loaded, failed)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from kbassist.articles.formats import load_article
from kbassist.articles.model import Article, normalize_id
from kbassist.articles.reading import MISSING, OUTSIDE_FILE, OUTSIDE_FOLDER, ArticleSkip
from kbassist.sanitize import display_path

#: One `*.md` the folder scan found: (rel, path, stat, skip). `rel` is its posix path
#: below the articles folder (its key in the index), `path` the path to open, `stat`
#: None when it cannot be read, and `skip` why it must not be read ("" = read it).
#: A plain tuple: building 60,335 named ones was 5% of a no-op re-index.
FileEntry = tuple[str, str, "os.stat_result | None", str]

#: What a scan remembers of one folder it listed: {key prefix ("" for the top,
#: "kb/001/" below it): (ctime_ns, mtime_ns, inode, its *.md file names and its
#: sub-folder names, each joined by "/")}. Adding, removing or renaming an entry
#: changes a folder's ctime and mtime, so while both are unchanged its entries are
#: too: the next scan stats the files it knows instead of listing the folder (listing
#: 60,335 folders was 0.6 s of a 1.1 s re-index). Names joined in one string, not a
#: list each: 60,335 small lists took 0.2 s to load from JSON, the strings 0.04 s.
FolderStates = dict[str, tuple[int, int, int, str, str]]

#: A folder changed this close to a scan (or later) is not remembered: a second
#: change within the same timestamp tick (coarse filesystems: 1-2 s) would not show.
SETTLE_NS = 2_000_000_000

#: Hugo's (and Docsy's) section page: the front matter of a folder, never an article.
SECTION_PAGE = "_index.md"


def iter_article_files(root: Path) -> Iterator[Path]:
    """Every `*.md` below `root` the scan would read, skipping hidden names."""
    for _rel, path, _info, skip in scan_articles(root):
        if skip in ("", MISSING):
            yield Path(path)


def _names(joined: object, files: bool) -> list[str] | None:
    """The names of a remembered "a/b/c" string; None if one could not be in a listing."""
    if type(joined) is not str:
        return None
    names = joined.split("/") if joined else []
    for name in names:
        if not name or name[0] == "." or "\0" in name:
            return None
        if files and (not name.lower().endswith(".md") or name == SECTION_PAGE):
            return None
    return names


def scan_articles(
    root: Path | str,
    known: FolderStates | None = None,
    record: FolderStates | None = None,
) -> list[FileEntry]:
    """Every `*.md` below `root`, in a stable order (folder by folder, names sorted).

    `known`: what the last scan remembered (FolderStates); a folder unchanged since is
    not listed again, its known files are stat-ed. `record`, when given, is filled
    with what this scan can remember for the next one: folders reached directly (not
    through a link), holding no symlinks, unchanged for SETTLE_NS before the scan.

    Plain strings and scandir, not pathlib: a no-op re-index of 60,335 files is mostly
    this walk. Symlinks are followed only when they resolve inside `root`; one that
    leads out (to ~/.aws/credentials, another team's folder) is listed with its `skip`
    reason and never read. A linked folder is walked once, and never when it is an
    ancestor of itself (a loop); a file reached both directly and through links is
    listed once, under its own name.
    """
    sep = os.sep
    root_path = os.fspath(root)
    root_real = os.path.realpath(root_path)
    root_prefix = root_real if root_real.endswith(sep) else root_real + sep
    found: list[FileEntry] = []
    # Reached through a symlink: (entry, resolved path), kept unless found directly.
    linked: list[tuple[FileEntry, str]] = []
    followed = {root_prefix}
    # (folder to list, its key prefix, its resolved path + "/" when reached through a
    # link; "" when reached directly: then it is root_prefix + key prefix, not computed)
    stack: list[tuple[str, str, str]] = [(root_path, "", "")]
    settled = time.time_ns() - SETTLE_NS
    checked: dict[str, list[str] | None] = {}
    while stack:
        folder, prefix, via = stack.pop()
        stat = None
        if not via and (known is not None or record is not None):
            # Stat first, list after: a change in between leaves another ctime.
            try:
                stat = os.stat(folder)
            except OSError:
                stat = None  # listed (or not) as it always was, and not remembered
        if stat is not None:
            state = known.get(prefix) if known is not None else None
            if (
                type(state) is tuple
                and len(state) == 5
                and state[0] == stat.st_ctime_ns
                and state[1] == stat.st_mtime_ns
                and state[2] == stat.st_ino
                and type(state[3]) is str
            ):
                # Most folders hold the same names ("README.md"): checked once each.
                known_files = checked.get(state[3])
                if known_files is None:
                    known_files = checked[state[3]] = _names(state[3], True)
                known_dirs = _names(state[4], False) if state[4] else []
            else:
                known_files = known_dirs = None
            if known_files is not None and known_dirs is not None:
                base = folder if folder.endswith(sep) else folder + sep
                for name in known_files:
                    path = base + name
                    try:
                        known_info: os.stat_result | None = os.stat(path)
                    except OSError:
                        known_info = None
                    found.append(
                        (
                            f"{prefix}{name}",
                            path,
                            known_info,
                            "" if known_info is not None else MISSING,
                        )
                    )
                for name in reversed(known_dirs):
                    stack.append((base + name, f"{prefix}{name}/", ""))
                if record is not None:
                    record[prefix] = state  # type: ignore[assignment]  # checked above
                continue
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name, reverse=True)
        except OSError:
            continue
        # Remembered for the next scan only when every entry's kind was plain to see.
        plain = (
            stat is not None
            and record is not None
            and max(stat.st_ctime_ns, stat.st_mtime_ns) < settled
        )
        subdirs: list[str] = []
        files: list[os.DirEntry[str]] = []
        # Links, rare: (entry, resolved path, why it is skipped or "")
        links: list[tuple[os.DirEntry[str], str, str]] = []
        for entry in entries:
            name = entry.name
            if name.startswith(".") or name == SECTION_PAGE:
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append((entry.path, f"{prefix}{name}/", f"{via}{name}/" if via else ""))
                    subdirs.append(name)
                    continue
                is_link = entry.is_symlink()
            except OSError:
                is_link = False
                plain = False
            if is_link:
                plain = False
                target = os.path.realpath(entry.path)
                target_prefix = target if target.endswith(sep) else target + sep
                if os.path.isdir(entry.path):
                    if not target_prefix.startswith(root_prefix):
                        links.append((entry, "", OUTSIDE_FOLDER))
                    elif target_prefix not in followed and not (
                        via or root_prefix + prefix
                    ).startswith(target_prefix):  # not a loop back to an ancestor
                        followed.add(target_prefix)
                        stack.append((entry.path, f"{prefix}{name}/", target_prefix))
                elif name.lower().endswith(".md"):
                    inside = target_prefix.startswith(root_prefix)
                    links.append((entry, target, "" if inside else OUTSIDE_FILE))
            elif name.lower().endswith(".md"):
                if via:
                    links.append((entry, via + name, ""))
                else:
                    files.append(entry)
        for entry in reversed(files):
            try:
                info: os.stat_result | None = entry.stat()
            except OSError:
                info = None
            found.append(
                (f"{prefix}{entry.name}", entry.path, info, "" if info is not None else MISSING)
            )
        if plain:
            assert record is not None and stat is not None
            record[prefix] = (
                stat.st_ctime_ns,
                stat.st_mtime_ns,
                stat.st_ino,
                "/".join(entry.name for entry in reversed(files)),
                "/".join(reversed(subdirs)),
            )
        for entry, through, skip in reversed(links):
            rel = f"{prefix}{entry.name}"
            if skip:
                found.append((rel, entry.path, None, skip))
                continue
            try:
                info = entry.stat()
            except OSError:
                info = None
            linked.append(((rel, entry.path, info, "" if info is not None else MISSING), through))
    if linked:
        seen = {root_prefix + rel for rel, _path, _info, skip in found if not skip}
        for item, through in linked:
            if through not in seen:
                seen.add(through)
                found.append(item)
    return found


@dataclass(frozen=True, slots=True)
class Problem:
    """A file that was skipped, and why: reported once, together with the others."""

    path: Path
    message: str

    def __str__(self) -> str:
        return f"{display_path(self.path)}: {self.message}"


def qualified_ids(shared: list[tuple[str, str]]) -> dict[str, str]:
    """{rel: folder-qualified id} for files that would share one id.

    `shared` is (rel path below the articles folder, id) of the files claiming one id.
    Each gets its top folders before the id, as few as tell them apart:
    `openshift/cluster-etcd-operator/etcdMembersDown.md` and
    `prometheus-operator/etcd/etcdMembersDown.md` become `openshift/etcdMembersDown` and
    `prometheus-operator/etcdMembersDown`. It depends only on the paths, so it is the
    same on every run. A file at the top (no folder) is named by its path.
    """
    folders = [rel.split("/")[:-1] for rel, _id in shared]
    deepest = max((len(parts) for parts in folders), default=0)
    for depth in range(1, deepest + 1):
        names = [
            "/".join([*parts[:depth], article_id]) if parts else rel.removesuffix(".md")
            for parts, (rel, article_id) in zip(folders, shared, strict=True)
        ]
        if len({name.casefold() for name in names}) == len(names):
            return dict(zip((rel for rel, _id in shared), names, strict=True))
    return {rel: rel.removesuffix(".md") for rel, _id in shared}


def unique_ids(
    found: list[tuple[str, Article]],
) -> tuple[list[Article], list[tuple[str, list[str]]]]:
    """The articles with every shared id folder-qualified, and each collision once as
    (id, [rel paths])."""
    groups: dict[str, list[int]] = {}
    for n, (_rel, article) in enumerate(found):
        groups.setdefault(normalize_id(article.id), []).append(n)
    articles = [article for _rel, article in found]
    collisions: list[tuple[str, list[str]]] = []
    for members in groups.values():
        if len(members) < 2:
            continue
        shared = [(found[n][0], found[n][1].id) for n in members]
        names = qualified_ids(shared)
        collisions.append((shared[0][1], sorted(rel for rel, _id in shared)))
        for n in members:
            articles[n] = replace(articles[n], id=names[found[n][0]])
    return articles, sorted(collisions)


def load_folder(root: Path) -> tuple[list[Article], list[Problem]]:
    """Parse every article below `root`: (loaded, failed), never stopping on a bad file.

    Ids are unique in what comes back: files that would share one get their
    folder-qualified ids (see qualified_ids).
    """
    found: list[tuple[str, Article]] = []
    failed: list[Problem] = []
    root_real = os.path.realpath(root)
    for rel, path, _info, skip in scan_articles(root):
        try:
            if skip:
                raise ArticleSkip(skip)
            found.append((rel, load_article(path, root_real)))
        except ArticleSkip as exc:
            failed.append(Problem(Path(path), str(exc)))
    loaded, _collisions = unique_ids(found)
    return loaded, failed
