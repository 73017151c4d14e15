"""Round 36 (inputs36): site values an article names in prose, asked and used in the step."""

from __future__ import annotations

import time

from drafting_support import archive, fixes, support

from kbassist.drafting.example_values import _MEANS_NOTE_RE, drop_replace_notes
from kbassist.drafting.prose_inputs import _EITHER_RE, _WHERE_RE
from kbassist.drafting.tree import draft_tree


def _inputs(tree: dict) -> list[dict]:
    return [n for n in tree["nodes"] if n["kind"] == "input"]


def _steps(tree: dict) -> list[str]:
    return [s["text"] for o in fixes(tree) for s in o["steps"]]


def test_either_host_name_or_ip_address_is_asked_once() -> None:
    """ "Type either the host name or the IP address of the client": one value asked, shown."""
    art = archive(
        "SYMPTOMS\n========\n\nYou cannot call the widget client.\n\n"
        "RESOLUTION\n==========\n\n1. On the Call menu, click New Call.\n\n"
        "2. Type either the computer host name or the Internet Protocol (IP) address of "
        "the client that you want to communicate with.\n",
        indent=False,
    )
    tree = draft_tree(art)
    asked = [n for n in _inputs(tree) if n["title"] == "Your client host name or IP address"]
    assert asked and asked[0].get("format") == "host"
    var = asked[0]["var"]
    assert any(f"of the client ({{{var}}}) that you want" in s for s in _steps(tree))


def test_install_directory_of_a_product_is_asked() -> None:
    """ "Delete files in the directory where Widget was partially installed": asked, a path."""
    art = archive(
        "SYMPTOMS\n========\n\nWidget Setup stops at Disk 2.\n\n"
        "WORKAROUND\n==========\n\nDelete all the related Widget files in the directory "
        "where Widget was partially installed.\n",
        indent=False,
    )
    tree = draft_tree(art)
    asked = [n for n in _inputs(tree) if "Widget partial-install directory" in n["title"]]
    assert asked and asked[0].get("format") == "path"
    assert asked[0]["text"].startswith("The article names it")
    var = asked[0]["var"]
    assert any(f"partially installed ({{{var}}})" in s for s in _steps(tree))


def test_drive_of_a_product_is_asked_though_a_label_is_quoted() -> None:
    """ "On the "Look in" list, click the drive where Widget Word is installed": the drive asked."""
    art = archive(
        "SYMPTOMS\n========\n\nWidget Word shows two toolbars.\n\n"
        "WORKAROUND\n==========\n\n1. Click Start, and then click Find.\n\n"
        '2. On the "Look in" list, click the drive where Widget Word is installed.\n',
        indent=False,
    )
    tree = draft_tree(art)
    asked = [n for n in _inputs(tree) if "Widget Word drive" in n["title"]]
    assert asked and asked[0].get("format") == "drive"


def test_where_it_is_installed_and_a_folder_that_is_the_subject_ask_nothing() -> None:
    """ "the folder where it is installed", "the folder where Widget is installed is full": left."""
    for text in (
        "Delete the files in the folder where it is installed.",
        "Check that the folder where Widget is installed is not full.",
    ):
        assert not list(_WHERE_RE.finditer(text)), text


def test_represents_note_is_dropped_once_its_values_are_asked() -> None:
    """The checklist does not say "SRV1 represents the name of the print server"."""
    art = support(
        "## Symptoms\n\nYou cannot add a widget printer.\n\n"
        "## Workaround\n\nOpen a Command Prompt window, and type the following:\n\n"
        "```console\nstart \\\\<servername>\\<printername>\n```\n\n"
        "> [!NOTE]\n> In this command, \\<servername> represents the name of the print server "
        "and \\<printername> represents the share name of the printer.\n"
    )
    tree = draft_tree(art)
    assert _inputs(tree)
    text = "\n".join(f"{s['text']}\n{s.get('detail', '')}" for o in fixes(tree) for s in o["steps"])
    assert "start \\\\{" in text
    assert "represents" not in text


def test_definition_inside_a_longer_sentence_stays() -> None:
    """A sentence that only mentions a value is kept: "If {x} represents ..., restart"."""
    kept = "Run it. If the run fails, {placeholder_1} represents nothing useful, so restart"
    assert drop_replace_notes(kept) == kept
    kept = "Run it.\n\n{placeholder_1} is the name of the server and\n{placeholder_2} the share."
    assert drop_replace_notes(kept) == kept  # an archive "where" list stays whole
    assert drop_replace_notes("Run it.\n\n{placeholder_1} represents the server.") == "Run it."


def test_patterns_are_linear_on_hostile_text() -> None:
    """The new patterns read a 20 KB hostile string in well under a second."""
    hostile = "type either the " + "host name or the " * 1500 + "a" * 5000
    hostile += " the folder where Widget" + " Widget" * 2000 + " {placeholder_1} represents" * 300
    started = time.perf_counter()
    for pattern in (_EITHER_RE, _WHERE_RE, _MEANS_NOTE_RE):
        list(pattern.finditer(hostile))
    assert time.perf_counter() - started < 1.0


def test_install_folder_the_fix_gives_by_path_is_not_asked_again() -> None:
    """ "Delete the folder in which Widget is installed" beside its C:\\ path: no second ask."""
    art = archive(
        "SYMPTOMS\n========\n\nWidget stops.\n\n"
        "RESOLUTION\n==========\n\n1. Delete the folder in which Widget is installed.\n\n"
        "2. By default this is C:\\Program Files\\Widget.\n",
        indent=False,
    )
    tree = draft_tree(art)
    assert not [n for n in _inputs(tree) if n["title"].startswith("Your Widget")]


def test_long_either_value_is_asked_by_its_short_name() -> None:
    """ "either the internal IP address or the NetBIOS name of the OWA server": asked, filled in."""
    art = archive(
        "SYMPTOMS\n========\n\nWidget mail cannot reach the server.\n\n"
        "RESOLUTION\n==========\n\n1. Click Add.\n\n"
        "2. Type either the internal IP address or the NetBIOS name of the OWA server.\n",
        indent=False,
    )
    tree = draft_tree(art)
    asked = [n for n in _inputs(tree) if "OWA server NetBIOS name or IP address" in n["title"]]
    assert asked and asked[0].get("format") == "host"
    assert asked
    assert not any("<" in s for s in _steps(tree))


def test_fix_title_keeps_its_words_once_the_place_is_asked() -> None:
    """The fix's title still says "Delete the directory where Widget Pro was installed ..."."""
    art = archive(
        "SYMPTOMS\n========\n\nWidget Pro cannot be removed.\n\n"
        "RESOLUTION\n==========\n\nAfter the removal process has completed, delete the "
        "directory where Widget Pro was installed by using File Manager.\n",
        indent=False,
    )
    titles = [o["title"] for o in fixes(draft_tree(art))]
    assert any("where Widget Pro was installed" in t for t in titles), titles
