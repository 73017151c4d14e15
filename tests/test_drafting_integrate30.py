"""Round 30's integrator fixes, from the seed-80 readers' notes."""

from __future__ import annotations

from drafting_support import archive

from kbassist.drafting.tree import draft_text, draft_tree

REGIONAL = (
    "SYMPTOMS\n========\n\nWhen you start the widget manager, you receive an error"
    " message: Property not found.\n\n"
    "RESOLUTION\n==========\n\nTo work around this problem, change the regional setting:\n\n"
    "1. Click Start, point to Settings, and then click Control Panel.\n"
    "2. Double-click Regional Settings.\n"
    "3. Select any other regional setting, and then click OK.\n"
    "4. Click Yes to restart your computer.\n"
    "5. When your computer has restarted, close Control Panel.\n"
)


def test_a_step_after_the_restart_is_not_asked_as_a_case() -> None:
    """ "When your computer has restarted, close Control Panel" is the next step, not a question."""
    art = archive(REGIONAL)
    draft_text(art)  # lint-clean
    tree = draft_tree(art)
    questions = [n["title"] for n in tree["nodes"] if n["kind"] == "question"]
    assert not any("restarted" in q for q in questions)
    steps = [s["text"] for n in tree["nodes"] for s in n.get("steps", [])]
    assert any(s.startswith("When your computer has restarted, close") for s in steps)
