"""MS KB articles with no honest fix (by design, or a CAUSE that states a limit or a
product behaviour) end in an outcome that says so, not "If this is the cause: ... Check
whether this applies here and remove it" or "Read the article" (round 19, nofix19)."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, fixes, ticks

from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999919", title="Pause Events Not Logged for Shared Printers")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nWhen you pause a shared printer, no Pause event is written to the\n"
    "event log.\n\n"
)


def verify_texts(outcome: dict) -> str:
    return " ".join(v["text"] for v in outcome.get("verify", []))


def test_by_design_cause_is_said_as_by_design_not_something_to_remove() -> None:
    """A CAUSE that says the behaviour is by design is titled "By design: ..." with its
    words as the text, and no "remove it" tick or "no longer occurs" verify."""
    article = mskb(
        SYMPTOMS + "CAUSE\n=====\n\nWindows for Workgroups does not log Pause and Resume\n"
        "events by design.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert only["title"].startswith("By design: ")
    assert "by design" in only["text"]
    assert not any("remove it" in t for t in ticks(only))
    assert "Nothing to verify" in verify_texts(only)
    draft_text(article)  # lint-clean


def test_bare_status_by_design_titles_the_outcome_by_the_article_and_ticks_its_workaround() -> None:
    """STATUS "This behavior is by design." with a workaround in MORE INFORMATION: titled
    by what the article is about, the workaround ticked, not "Read the article"."""
    article = mskb(
        SYMPTOMS + "STATUS\n======\n\nThis behavior is by design.\n\n"
        "MORE INFORMATION\n================\n\nTo see pause events, use the Print Manager\n"
        "log on the print server instead.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert only["title"] == "By design: Pause Events Not Logged for Shared Printers"
    assert "To see pause events, use the Print Manager log on the print server instead." in ticks(
        only
    )
    draft_text(article)  # lint-clean


def test_cause_stating_a_limit_has_no_fix_in_the_article() -> None:
    """A CAUSE that only states a product limit ("embedded over 100 times") and no
    RESOLUTION: "No fix in the article: ..." with the cause as its text; a CAUSE naming
    a setting to change still asks to check and remove it."""
    article = mskb(
        "SYMPTOMS\n========\n\nThe following warning may be logged: Event ID: 8526.\n\n"
        "CAUSE\n=====\n\nThis event ID is logged if a message has been embedded over 100\n"
        "times and is sent through the message transfer agent.\n"
    )
    (only,) = fixes(draft_tree(article))
    assert only["title"].startswith("No fix in the article: This event ID is logged")
    assert "embedded over 100 times" in only["text"]
    assert not any("remove it" in t for t in ticks(only))
    assert "no longer" not in verify_texts(only)
    draft_text(article)  # lint-clean
    setting = mskb(
        SYMPTOMS + "CAUSE\n=====\n\nThis problem occurs if the Spooler entry in SYSTEM.INI is\n"
        "set to Off.\n"
    )
    (cause,) = fixes(draft_tree(setting))
    assert cause["title"].startswith("If this is the cause: ")
