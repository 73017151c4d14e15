"""A fix that restores from a backup, or does something else when there is none, asks
"Do you have a backup of X?" and ticks only the way that answer leads to (round 18,
the seed-56 reader's "restore and re-create merged into one checklist")."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, questions, walked

from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999918")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nWhen you start Mail, you receive the following error message:\n\n"
    "  Notice 27: Disk directory full or error writing to disk\n\n"
)
CAUSE = "CAUSE\n=====\n\nThe FOLDROOT.IDX file in the FOLDERS\\PUB subdirectory is corrupted.\n\n"


def steps(article: object, var: str, value: str) -> list[str]:
    return [i.text for i in walked(article, {"symptom": "yes", var: value}).part("steps")]  # type: ignore[arg-type]


def test_restore_or_rebuild_in_one_paragraph_asks_for_the_backup() -> None:
    """'Restore the file from a backup copy. If a backup copy is not available, run X'
    asks whether a backup exists: "yes" restores only, "no" runs X only (a warning
    about having no backup is not asked)."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "To resolve this problem, restore the file from a backup copy. If a backup\n"
        "copy is not available, you can run the FIXIDX utility to build the\n"
        "FOLDROOT.IDX file from the folder files.\n"
    )
    (question,) = questions(draft_tree(article))
    assert question["title"] == "Do you have a backup of the file?"
    var = question["var"]
    assert steps(article, var, "yes") == ["Restore the file from a backup copy."]
    assert steps(article, var, "no") == [
        "Run the FIXIDX utility to build the FOLDROOT.IDX file from the folder files."
    ]
    draft_text(article)  # lint-clean
    # "If a backup is not available and the files were overwritten, it is not possible":
    # a warning, not another way, so no backup question
    warning = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "Restore the Mail database from a backup. If a backup is not available and the\n"
        "files in the folder have been overwritten, it is not possible to recover them.\n"
    )
    assert not any("backup" in q["title"] for q in questions(draft_tree(warning)))


def test_restore_or_call_support_names_what_the_backup_holds() -> None:
    """'Restore the files from a backup of the postoffice data files. If a backup is not
    available, contact Product Support Services': support only without a backup."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "Restore the specified files from a backup of the postoffice data files. If a\n"
        "backup is not available, contact Microsoft Product Support Services.\n"
    )
    (question,) = questions(draft_tree(article))
    assert question["title"] == "Do you have a backup of the postoffice data files?"
    var = question["var"]
    assert steps(article, var, "yes") == [
        "Restore the specified files from a backup of the postoffice data files."
    ]
    assert steps(article, var, "no") == ["Contact Microsoft Product Support Services."]


def test_two_procedures_under_a_backup_lead_are_one_per_answer() -> None:
    """'if you have a backup copy of X, replace …; if you do not have a backup copy,
    re-create …' over two procedures: "yes" walks the replace steps, "no" the re-create
    steps, never the backup restored and then deleted."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "To resolve this issue, if you have a backup copy of the Dhcp.mdb file, replace\n"
        "the damaged Dhcp.mdb file with the backup copy; if you do not have a backup copy\n"
        "of the file, re-create the database in Microsoft Windows NT Server 4.0.\n\n"
        "To replace the damaged Dhcp.mdb file with the backup copy, follow these steps:\n\n"
        "1. Locate the backup copy in the Dhcp\\Backup\\Jet\\New folder.\n\n"
        "2. Move the backup copy to the Dhcp folder to replace the damaged Dhcp.mdb file.\n\n"
        "To re-create the database in Microsoft Windows NT Server 4.0, follow these steps:\n\n"
        "1. Stop the DHCP service.\n\n"
        "2. Delete the Dhcp.mdb file from the Dhcp folder.\n\n"
        "3. Start the DHCP service.\n"
    )
    (question,) = questions(draft_tree(article))
    assert question["title"] == "Do you have a backup of the Dhcp.mdb file?"
    var = question["var"]
    assert steps(article, var, "yes") == [
        "Locate the backup copy in the Dhcp\\Backup\\Jet\\New folder.",
        "Move the backup copy to the Dhcp folder to replace the damaged Dhcp.mdb file.",
    ]
    assert steps(article, var, "no") == [
        "Stop the DHCP service.",
        "Delete the Dhcp.mdb file from the Dhcp folder.",
        "Start the DHCP service.",
    ]
    draft_text(article)  # lint-clean


def test_a_way_only_later_versions_have_is_asked_by_version() -> None:
    """'With MS-DOS 5.0 and later, the UNDELETE command can also be used to recover the
    file' after another way asks the version: each answer ticks one way, none a
    statement."""
    article = mskb(
        SYMPTOMS + CAUSE + "WORKAROUND\n==========\n\n"
        "You can recover the target file by using a third-party utility (such as The\n"
        "Norton Utilities).\n\n"
        "With MS-DOS 5.0 and later, the UNDELETE command can also be used to recover the\n"
        "target file.\n"
    )
    (question,) = questions(draft_tree(article))
    assert question["title"] == "Are you running MS-DOS 5.0 or later?"
    var = question["var"]
    assert steps(article, var, "yes") == ["Use the UNDELETE command to recover the target file."]
    assert steps(article, var, "no") == [
        "Recover the target file by using a third-party utility (such as The Norton Utilities)."
    ]
    draft_text(article)  # lint-clean


def test_a_wider_backup_when_the_first_restore_fails_is_asked_which_backup() -> None:
    """'Restore the metabase from a backup. If this does not correct the problem, restore
    the metabase from a system backup' asks which backup the site has; only the system
    backup's answer ticks the system restore."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "To correct this problem, you should attempt to restore the metabase from a\n"
        "backup. If this does not correct the problem, however, you may need to restore\n"
        "the metabase from a system backup.\n"
    )
    (question,) = questions(draft_tree(article))
    assert question["title"] == "Which backup can you restore the metabase from?"
    var = question["var"]
    assert steps(article, var, "yes") == ["Attempt to restore the metabase from a backup."]
    assert steps(article, var, "no") == ["Restore the metabase from a system backup."]
    draft_text(article)  # lint-clean


def test_if_you_have_a_backup_then_if_you_do_not_is_one_question() -> None:
    """'If you have a good backup copy of WIN.INI, copy this file … If you don't have a
    good backup copy, expand WIN.SRC …' asks once, in the positive: each answer ticks its
    own way, the copy naming the backup it copies."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "To correct this problem, if you have a good backup copy of WIN.INI, copy this\n"
        "file into your Windows directory. If you don't have a good backup copy, expand\n"
        "the file WIN.SRC from the original Windows disks to the Windows directory.\n"
    )
    (question,) = questions(draft_tree(article))
    assert question["title"] == "Do you have a good backup of WIN.INI?"
    var = question["var"]
    assert steps(article, var, "yes") == [
        "Copy the backup copy of WIN.INI into your Windows directory."
    ]
    assert steps(article, var, "no") == [
        "Expand the file WIN.SRC from the original Windows disks to the Windows directory."
    ]
    draft_text(article)  # lint-clean
