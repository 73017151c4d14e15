"""Finding article files below a folder, and loading a folder as (loaded, failed)."""

from __future__ import annotations

import os
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

#: Hugo's (and Docsy's) section page: the front matter of a folder, never an article.
SECTION_PAGE = "_index.md"


def iter_article_files(root: Path) -> Iterator[Path]:
    """Every `*.md` below `root` the scan would read, skipping hidden names."""
    for _rel, path, _info, skip in scan_articles(root):
        if skip in ("", MISSING):
            yield Path(path)


def scan_articles(root: Path) -> list[FileEntry]:
    """Every `*.md` below `root`, in a stable order (folder by folder, names sorted).

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
    while stack:
        folder, prefix, via = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name, reverse=True)
        except OSError:
            continue
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
                    continue
                is_link = entry.is_symlink()
            except OSError:
                is_link = False
            if is_link:
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
