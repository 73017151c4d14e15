"""Round 32 (notes33): notes are not ticks, actions are not notes. An action after
"During setup, ..." is ticked; a statement about early versions or about what a file
does is shown, not ticked; bare file names are listed under the step that names them;
a Markdown image's alt text never enters a step."""

from __future__ import annotations

import time
from functools import partial

from drafting_support import archive, details, fixes, support, ticks

from kbassist.drafting.modern import _MD_IMAGE_RE, md_plain
from kbassist.drafting.shown_names import _BARE_NAME_RE
from kbassist.drafting.tree import draft_text, draft_tree

mskb = partial(archive, id_="Q999333")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nSetup stops responding during the display adapter test on\n"
    "a computer with a Rage 8 MB video card.\n\nCAUSE\n=====\n\nSetup installs a driver "
    "that is incompatible with the card.\n\n"
)


def test_action_after_during_clause_is_ticked_not_a_note() -> None:
    """ "During setup, click Cancel ..." is the fix's first tick, not a note under the
    download step after it."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\nDuring setup, click Cancel when you are asked to "
        "run the\ndisplay test, then click Cancel again to close the Display page. This "
        "makes\nsetup load the standard VGA driver. After setup is finished, you can then\n"
        "download the proper driver from the vendor's Web site.\n"
    )
    found = fixes(draft_tree(art))
    assert any(t.startswith("During setup, click Cancel") for f in found for t in ticks(f))
    draft_text(art)


def test_statement_about_early_versions_and_a_file_that_restarts_is_not_ticked() -> None:
    """ "Early versions of the card use X.exe ..." and "... X.exe restarts your computer."
    are shown under a step, never ticked."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\nTo change the DMA settings, do the following:\n\n"
        "1. At the MS-DOS command prompt, change to the CARD subdirectory.\n\n"
        "2. Type setcard and press ENTER.\n\n3. Press F10 to save the settings.\n\n"
        "Early versions of the Rage card use an MS-DOS program called Rgconfig.exe\n"
        "to change the DMA settings.\n\n"
        "4. Run Rgconfig.exe and select Autoscan.\n\n"
        "After you have finished making these selections, Rgconfig.exe restarts your\n"
        "computer.\n"
    )
    tree = draft_tree(art)
    said = [t for f in fixes(tree) for t in ticks(f)]
    assert not any(t.startswith("Early versions") for t in said)
    assert not any("restarts your computer" in t for t in said)
    shown = "\n".join(details(f) + str(f.get("text", "")) for f in fixes(tree))
    assert "Early versions of the Rage card" in shown
    draft_text(art)


def test_bare_file_names_are_listed_under_the_step_not_ticked() -> None:
    """ "ACCESS.GLB", "ADMIN.NME" after "Restore from backup." are the files it restores,
    listed under it, not ticks of their own."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\nStop the mail service, and then restore from "
        "backup.\n"
        "The complete list of files to restore are:\n\n- ACCESS.GLB\n\n- ACCESS2.GLB\n\n"
        "- ADMIN.NME\n\n- ADMINSHD.NME\n\nAll the files should be restored from the most "
        "recent\nvalid backup.\n"
    )
    tree = draft_tree(art)
    said = [t for f in fixes(tree) for t in ticks(f)]
    assert not any(t in ("ACCESS.GLB", "ADMIN.NME", "ADMINSHD.NME") for t in said)
    assert "- ADMIN.NME" in "\n".join(details(f) for f in fixes(tree))
    draft_text(art)


def test_markdown_image_alt_text_never_enters_a_step() -> None:
    """ "Click **Start**![Start button](x.jpg), type ..." is ticked as "Click Start, type
    ...", and a shield icon's alt text is not glued before "If you are prompted"."""
    art = support(
        "## Symptoms\n\nYou can't change your environment variables as a standard user.\n\n"
        "## Resolution\n\n1. Click **Start**![Start button ](./media/start.jpg), type Accounts "
        "in the **Start search** box, and then click **User Accounts**.\n\n"
        "    ![User Account Control permission ](./media/shield.jpg) If you are prompted for "
        "an administrator password, type the password, or click **Allow**.\n"
        "2. Click **Change my environment variables**.\n3. Click **OK**.\n"
    )
    tree = draft_tree(art)
    shown = "\n".join(ticks(f)[0] + details(f) for f in fixes(tree))
    said = [t for f in fixes(tree) for t in ticks(f)]
    assert any(t.startswith("Click Start, type Accounts") for t in said)
    assert "Start button" not in shown + "\n".join(said)
    assert "User Account Control permission" not in "\n".join(said)
    assert md_plain("Open ![a](b.png)[![c](d.png)](e) it.") == "Open it."
    draft_text(art)


def test_new_patterns_are_linear_on_hostile_text() -> None:
    """The image and file-name patterns stay fast on 20 KB of hostile text."""
    hostile = ["![a](" * 4000, "![" + "a" * 20000, "![a](" + "b" * 20000, "a." * 10000]
    start = time.perf_counter()
    for text in hostile:
        _MD_IMAGE_RE.sub("", text)
        _BARE_NAME_RE.match(text)
        _BARE_NAME_RE.match("x" * 20000 + " ")
    assert time.perf_counter() - start < 2.0
