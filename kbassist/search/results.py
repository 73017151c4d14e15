"""What a search and an index run return: the types the CLI and the TUI show."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kbassist.articles import Problem, normalize_id, qualified_ids, title_beside_id
from kbassist.sanitize import display_path, sanitize


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result, as the CLI and the TUI list it."""

    id: str
    title: str
    products: tuple[str, ...]
    score: float
    path: Path
    #: The snippet as (text, is_match) runs, so each surface can style matches its way.
    snippet: tuple[tuple[str, bool], ...] = ()
    full_match: bool = True
    #: The file's path below the articles folder: names this article even when its
    #: id is shared with another (what the TUI opens).
    ref: str = ""

    @property
    def product(self) -> str:
        return self.products[0] if self.products else ""

    @property
    def shown_title(self) -> str:
        """The title as listed after the id: empty when it only repeats the id."""
        return title_beside_id(self.id, self.title)

    @property
    def snippet_text(self) -> str:
        return "".join(text for text, _ in self.snippet)

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "score": round(self.score, 4),
            "products": list(self.products),
            "path": str(self.path),
            "snippet": self.snippet_text,
            "matches": sorted({t.lower() for t, is_match in self.snippet if is_match}),
            "all_terms": self.full_match,
        }


@dataclass(slots=True)
class SearchResult:
    """Hits best first, how many matched in all, and a "did you mean" if one helps."""

    query: str
    hits: list[Hit]
    total: int
    suggestion: str | None = None
    #: True when the query found nothing and these hits are for `suggestion` instead.
    corrected: bool = False
    #: The product names the product filter matched, in their own casing.
    products: list[str] = field(default_factory=list)
    #: One line each about how the search was limited (wildcards cut short), to show.
    notices: tuple[str, ...] = ()


def counted(count: int, noun: str) -> str:
    """`1 article`, `2 articles`: what a person writes ("1 articles indexed" is not)."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def shared_ids_summed_up(
    duplicates: list[tuple[str, list[str]]], shown: int
) -> tuple[str, list[str]]:
    """("A, B, C … and 30 more", the first id's folder-qualified names), sanitized: many
    shared ids said in a line, with how such an article is named."""
    names = ", ".join(sanitize(article_id) for article_id, _rels in duplicates[:shown])
    if len(duplicates) > shown:
        names += f" … and {len(duplicates) - shown} more"
    first_id, first_rels = duplicates[0]
    qualified = qualified_ids([(rel, first_id) for rel in first_rels])
    return names, [sanitize(qualified[rel]) for rel in first_rels]


@dataclass(slots=True)
class UpdateReport:
    """What an index run did, for the one summary line the user reads."""

    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    #: Files read this run with something guessed (front matter read line by line): each
    #: said once, when the file is (re)indexed, never again while it is unchanged.
    warnings: list[Problem] = field(default_factory=list)
    #: (id, paths of the files that claim it) for each id more than one article has.
    duplicates: list[tuple[str, list[str]]] = field(default_factory=list)
    #: Case-folded ids the index already recorded as shared before this run: said in
    #: full once, then summed up (33 long lines on every re-index of the runbooks hid the
    #: one line that changes, the counts).
    shared_before: frozenset[str] = frozenset()
    rebuilt: str | None = None  # why a full rebuild happened, if it did
    seconds: float = 0.0

    @property
    def indexed(self) -> int:
        return self.added + self.changed + self.unchanged

    def summary(self) -> str:
        parts = [
            f"{counted(self.indexed, 'article')} indexed",
            f"{self.added:,} added",
            f"{self.changed:,} changed",
            f"{self.removed:,} removed",
        ]
        if self.problems:
            parts.append(f"{len(self.problems):,} skipped")
        return ", ".join(parts) + f" in {self.seconds:.1f}s"

    def new_duplicates(self) -> list[tuple[str, list[str]]]:
        """The shared ids this run found that the index had not recorded as shared."""
        return [dup for dup in self.duplicates if normalize_id(dup[0]) not in self.shared_before]

    def still_shared_note(self, shown: int = 4) -> str:
        """One line for the shared ids listed in full by an earlier run: their count, the
        first names and how such an article is named; "" when there are none."""
        new = {article_id for article_id, _rels in self.new_duplicates()}
        old = [(article_id, rels) for article_id, rels in self.duplicates if article_id not in new]
        if not old:
            return ""
        names, examples = shared_ids_summed_up(old, shown)
        return (
            f"{counted(len(old), 'id')} still shared by several files ({names}): "
            f"name such an article by its folder-qualified id, e.g. {examples[0]}; "
            "`kbassist index --full` lists every file"
        )

    def duplicate_notes(self, *, only_new: bool = False) -> list[str]:
        """One printable line per id that several files claim, naming every file."""
        lines = []
        for article_id, rels in self.new_duplicates() if only_new else self.duplicates:
            names = qualified_ids([(rel, article_id) for rel in rels])
            lines.append(
                f"duplicate id {sanitize(article_id)}: "
                + ", ".join(
                    f"{sanitize(names[rel])} = {display_path(rel)}"
                    if names[rel] != rel.removesuffix(".md")
                    else display_path(rel)
                    for rel in rels
                )
                + " (name one by its folder-qualified id or its path:"
                " show, walk and draft refuse the bare id)"
            )
        return lines
