"""Round 38 (labels38): labels and titles built from a whole clause, never one cut
before its object, two link titles run together, or a pronoun-only purpose."""

from __future__ import annotations

from drafting_support import archive, fixes, runbook

from kbassist.articles import Article
from kbassist.drafting.open_ends import aside_dropped
from kbassist.drafting.runbook_tuning import guide_label
from kbassist.drafting.text import with_detail
from kbassist.drafting.tree import draft_text, draft_tree


def _titles(art: Article) -> list[str]:
    draft_text(art)  # lint-clean
    return [str(node["title"]) for node in fixes(draft_tree(art))]


def _steps(art: Article) -> list[str]:
    return [str(s["text"]) for node in fixes(draft_tree(art)) for s in node.get("steps", [])]


def test_do_so_purpose_does_not_name_a_method() -> None:
    """A method under "To do so, use one of these methods" is named by its fix, not "Do so"."""
    art = archive(
        "SYMPTOMS\n========\n\nThe widget service stops collecting inventory.\n\n"
        "WORKAROUND\n==========\n\n"
        "To work around this behavior, you have to eliminate the negative CHECKSUM value.\n"
        "To do so, use either of the following methods:\n\n"
        "Method 1\n--------\n\n"
        "1. Open Widget.rul in \\WIDGET\\Site.srv\\ by using Notepad.exe.\n\n"
        "2. Delete the lines that have a negative CHECKSUM value.\n\n"
        "3. Restart the Widget Maintenance Manager service.\n\n"
        "Method 2\n--------\n\n"
        "To delete the package that is causing the zero byte Widget.cfg file:\n\n"
        "1. In the Widget console, locate the package.\n\n"
        "2. Delete the package.\n"
    )
    titles = _titles(art)
    assert not any("Do so" in title for title in titles)
    assert "Method 1: Delete the lines that have a negative CHECKSUM value" in titles


def test_aside_is_dropped_not_the_purpose() -> None:
    """A title keeps what the tool is used for, not the aside about where the tool comes from."""
    art = archive(
        "SYMPTOMS\n========\n\nThe Widget object does not close itself.\n\n"
        "WORKAROUND\n==========\n\n"
        "The only way to quit the instance of Widget is to use WVIEWER.EXE (a program\n"
        'provided with the Widget Resource Kit) to kill the "WVDM" process (the\n'
        "Widget 16-bit applications process).\n"
    )
    titles = _titles(art)
    assert 'Workaround: Use WVIEWER.EXE to kill the "WVDM" process' in titles


def test_aside_dropped_goes_on_to_a_whole_phrase() -> None:
    """A label ending on an aside before the place it needs reads on to that place."""
    text = 'Put a "^" (without the quotation marks) before the extended character in the name.'
    assert aside_dropped('Put a "^" (without the quotation marks)', text, 100) == (
        'Put a "^" before the extended character'
    )
    # the sentence goes on with a second action: the label was whole
    text = "Edit X (without the quotation marks) and then restart your computer."
    assert aside_dropped("Edit X (without the quotation marks)", text, 100) == (
        "Edit X (without the quotation marks)"
    )


def test_should_read_as_follows_is_an_edit() -> None:
    """ "The X section of Y.CFG should read as follows:" is titled as the edit, not cut."""
    art = archive(
        "SYMPTOMS\n========\n\nWidget requires the switch BUFFERED in WIDGET.CFG.\n\n"
        "RESOLUTION\n==========\n\n"
        "The PROTOCOL WIDGET section of the WIDGET.CFG file should read as follows:\n\n"
        "   PROTOCOL WIDGET\n      BIND NE2000\n      BUFFERED\n"
    )
    titles = _titles(art)
    assert "Resolution: Edit the PROTOCOL WIDGET section of the WIDGET.CFG file" in titles
    assert not any(title.endswith("should read") for title in titles)


def test_copy_title_keeps_where_the_files_go() -> None:
    """A copy title says where the files go, not only the folder they come from."""
    art = archive(
        "SYMPTOMS\n========\n\nThe Widget Folders page reports error 424.\n\n"
        "RESOLUTION\n==========\n\nTo resolve this problem:\n\n"
        "1. Copy the following files from the folder that is created by the Widget Folders Kit\n"
        "   Setup to a shared folder on your network:\n\n"
        "   - Widget.exe\n   - Widget.cab\n\n"
        "2. Use a text editor such as Notepad to open the Widget.inf file in the shared folder.\n"
    )
    titles = _titles(art)
    assert "Resolution: Copy the following files to a shared folder on your network" in titles


_MEANING = (
    "## Meaning\n\nThe storage cluster quorum is low.\n\n"
    "## Diagnosis\n\nRun the following command for each monitor.\n\n"
    "```bash\nceph tell mon.ID mon_status\n```\n\n"
)


def test_two_links_on_two_lines_are_not_one_step() -> None:
    """Two link lines under Mitigation never read as one step made of both titles."""
    art = runbook(
        _MEANING + "## Mitigation\n\n"
        "[Restore Widget Quorum Lost](https://example.com/restore)\n"
        "[Troubleshooting Monitor](https://example.com/monitor)\n"
    )
    draft_text(art)  # lint-clean
    steps = _steps(art)
    assert "Restore Widget Quorum Lost Troubleshooting Monitor" not in steps
    assert "Restore Widget Quorum Lost" in steps


def test_guides_are_named_each() -> None:
    """A fix that only reads two pages names both, not "X and 1 more guide"."""
    from kbassist.drafting.option_model import Option

    option = Option.__new__(Option)
    option.items = [
        with_detail(
            "Read the pages below for mitigation strategies and solutions.",
            "Links:\nConfiguring widget encryption: https://example.com/a\n"
            "Widget networking: https://example.com/b",
        )
    ]
    said = guide_label(option)
    assert said == 'Follow the "Configuring widget encryption" and "Widget networking" guides'


def test_many_guides_are_counted_in_words() -> None:
    """Past the label's length, the first guide is named and the others counted as linked guides."""
    from kbassist.drafting.option_model import Option

    option = Option.__new__(Option)
    names = ["Troubleshooting widget encryption in depth", "Widget networking", "Widget FAQ"]
    links = "\n".join(f"{n}: https://example.com/{i}" for i, n in enumerate(names))
    option.items = [
        with_detail("Read the pages below for mitigation strategies.", f"Links:\n{links}")
    ]
    said = guide_label(option)
    assert said == (
        'Follow the "Troubleshooting widget encryption in depth" guide and 2 other linked guides'
    )
