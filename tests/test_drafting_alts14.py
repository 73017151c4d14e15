"""Cases drafted once: a case the chosen method already names is not asked again, and
steps written "For X, do A" / "For Y, do B" are asked as which case is yours, not ticked
in turn (round 14, alts14; the seed-50 readers' Q162837 and Q168931 notes)."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, fixes, questions, runbook, ticks, walked

from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999914")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nWhen you start the computer, you receive the following error "
    "message:\n\n   STOP 0x0000007B INACCESSIBLE_BOOT_DEVICE\n\n"
)
CAUSE = "CAUSE\n=====\n\nThe Atdisk.sys driver is damaged.\n\n"


METHODS = mskb(
    SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
    "Use the method appropriate to your situation.\n\n"
    "Method 1: Windows NT Is on a FAT Partition\n"
    "------------------------------------------\n\n"
    "1. If Windows NT is installed on a FAT partition, boot the computer to MS-DOS.\n\n"
    "2. Replace the Atdisk.sys file in the Winnt\\System32\\Drivers folder.\n\n"
    "Method 2: Windows NT Is on an NTFS Partition\n"
    "--------------------------------------------\n\n"
    "1. If Windows NT is installed on an NTFS partition, install a parallel copy of\n"
    "   Windows NT in a new folder.\n\n"
    "2. Replace the Atdisk.sys file in the Winnt\\System32\\Drivers folder.\n\n"
    "3. Restart the original Windows NT installation.\n"
)


def test_case_the_chosen_method_names_is_ticked_not_asked_again() -> None:
    """Choosing "Method 1: Windows NT Is on a FAT Partition" is the answer: no "Does this
    apply: Windows NT is installed on a FAT partition?" follows, and its step is ticked."""
    tree = draft_tree(METHODS)
    assert not [q for q in questions(tree) if q["title"].startswith("Does this apply")]
    first, second = fixes(tree)
    assert ticks(first)[0] == "Boot the computer to MS-DOS."
    assert ticks(second)[0] == "Install a parallel copy of Windows NT in a new folder."
    assert not any("when" in step for step in first["steps"] + second["steps"])
    draft_text(METHODS)  # lint-clean


FOR_CASES = mskb(
    SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
    "If the message occurs because the CD-ROM cannot be read, try the following steps:\n\n"
    "1. For a drive using the FAT file system, copy the I386 folder to the hard disk\n"
    "   and then install from the hard disk using the WINNT /B command.\n\n"
    "2. For a drive using the NTFS file system, try replacing the CD-ROM drive or the\n"
    "   CD-ROM controller.\n"
)


def test_steps_for_each_case_are_asked_as_which_case_is_yours() -> None:
    """ "For a drive using the FAT file system, copy …" / "For a drive using the NTFS
    file system, try …" ask which file system, and each answer ticks only its own step."""
    (question,) = questions(draft_tree(FOR_CASES))
    assert question["title"] == "Which of these is the case here?"
    assert [c["label"] for c in question["choices"]] == [
        "A drive using the FAT file system",
        "A drive using the NTFS file system",
    ]
    fat = walked(FOR_CASES, {"symptom": "yes", question["var"]: "case_1"})
    ntfs = walked(FOR_CASES, {"symptom": "yes", question["var"]: "case_2"})
    assert [i.text for i in fat.part("steps")] == [
        "Copy the I386 folder to the hard disk and then install from the hard disk using"
        " the WINNT /B command."
    ]
    assert [i.text for i in ntfs.part("steps")] == [
        "Try replacing the CD-ROM drive or the CD-ROM controller."
    ]
    draft_text(FOR_CASES)  # lint-clean


def test_steps_for_each_item_or_a_dialog_field_stay_a_sequence() -> None:
    """ "For each drive …, type …" and "For Extension, type …" are steps done in turn, and
    a case with other steps beside it keeps "None of these" for a system not named."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "1. For each drive that contains a paging file, click the drive.\n\n"
        "2. For the Extension box, type .pl and click OK.\n\n"
        "3. For a single processor system, copy the Ntoskrnl.exe file.\n\n"
        "4. For a multiprocessor system, copy the Ntkrnlmp.exe file.\n\n"
        "5. Restart the computer.\n"
    )
    (question,) = questions(draft_tree(article))
    assert [c["label"] for c in question["choices"]] == [
        "A single processor system",
        "A multiprocessor system",
        "None of these",
    ]
    other = walked(article, {"symptom": "yes", question["var"]: "other"})
    assert [i.text for i in other.part("steps")] == [
        "For each drive that contains a paging file, click the drive.",
        "For the Extension box, type .pl and click OK.",
        "Restart the computer.",
    ]


def test_a_method_named_by_its_case_does_not_ask_the_case_again() -> None:
    """Choosing "Method 1: Using Word 97 with Office 97" answers "Are you using Word 97
    with Office 97?": the walk goes straight to its steps, no "not this article" exit."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        "To install the converter, use one of the following methods.\n\n"
        "Method 1: Using Word 97 with Office 97\n"
        "--------------------------------------\n\n"
        "If you are using Word 97 with Office 97, follow these steps:\n\n"
        "1. Quit Word and all Office programs.\n\n"
        "2. In Control Panel, double-click Add/Remove Programs.\n\n"
        "Method 2: Using the Stand-Alone Version of Word 97\n"
        "--------------------------------------------------\n\n"
        "If you are using the stand-alone version of Word 97, follow these steps:\n\n"
        "1. Quit Word.\n\n"
        "2. Run Setup from the Word 97 CD-ROM.\n"
    )
    tree = draft_tree(article)
    assert not [q for q in questions(tree) if q["title"].startswith("Are you using")]
    checklist = walked(article, {"symptom": "yes", "mitigation": "resolution_1"})
    assert [i.text for i in checklist.part("steps")] == [
        "Quit Word and all Office programs.",
        "In Control Panel, double-click Add/Remove Programs.",
    ]
    draft_text(article)  # lint-clean


def test_a_case_whose_steps_are_the_whole_fix_is_asked_as_the_fixs_case() -> None:
    """ "If you are running AWS EKS cluster …, update the config map" then "Then delete the
    pods": "no" no longer reaches the same outcome (ticking only the delete); in a runbook
    it escalates (round 32: the alert still applies), and "yes" ticks both."""
    article = runbook(
        "## Meaning\n\nThe kube-proxy instances are down for more than 15 minutes.\n\n"
        "## Mitigation\n\n### AWS EKS\n"
        "If you are running AWS EKS cluster and the kube-proxy pods are running normally,"
        " update the `kube-proxy-config` config map as shown below.\n\n"
        "```console\nkubectl edit cm -n kube-system kube-proxy-config\n```\n\n"
        "Then delete the `kube-proxy` pods and new ones will be created automatically.\n\n"
        "```console\nkubectl delete pod -l k8s-app=kube-proxy -n kube-system\n```\n",
        id_="KubeProxyTest",
    )
    tree = draft_tree(article)
    (case,) = questions(tree)
    no = {c["value"]: c["next"] for c in case["choices"]}["no"]
    assert no != "not_this_article"
    assert "escalate" in next(n for n in tree["nodes"] if n["id"] == no)["title"]
    checklist = walked(article, {"symptom": "yes", case["var"]: "yes"})
    assert len(checklist.part("steps")) == 2
    draft_text(article)  # lint-clean


def test_two_fixes_joined_by_a_bare_or_are_asked_as_ways() -> None:
    """ "Disable auditing within User Manager or change the Event Log Settings …" (no
    comma) asks which way; "to copy or move small files" stays one step."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\n"
        'Disable "File and Object Access" auditing on the domain within User Manager or\n'
        'change the Event Log Settings, Event Log Wrapping to "Overwrite Events as\n'
        'Needed" on the PDC.\n'
    )
    (question,) = questions(draft_tree(article))
    assert [c["label"] for c in question["choices"]] == [
        'Disable "File and Object Access" auditing on the domain within User Manager',
        "Change the Event Log Settings",
    ]
    second = walked(article, {"symptom": "yes", question["var"]: "way_2"})
    assert [i.text for i in second.part("steps")] == [
        'Change the Event Log Settings, Event Log Wrapping to "Overwrite Events as Needed"'
        " on the PDC."
    ]
    one = mskb(
        SYMPTOMS + CAUSE + "WORKAROUND\n==========\n\n"
        "Use an MS-DOS command prompt to copy or move small files to a floppy disk.\n"
    )
    assert questions(draft_tree(one)) == []
    draft_text(article)  # lint-clean


def test_a_way_with_no_words_is_no_empty_answer() -> None:
    """Garbled text (as a fuzz run makes it) whose "-or-" leaves one way with no words
    still drafts: that step stays a step, where it used to become a question with an
    empty answer that lint refuses, so `kbassist draft` gave an error and no draft."""
    article = mskb(
        SYMPTOMS + CAUSE + "RESOLUTION\n==========\n\nthe {1} renew ; To.\n\n"
        "cert *z+ record Method $ -or- . To not, remove : {Name} the remove.\n\n"
        "-or- 1809 Note: ; {Name} remove:\n\nThen:\n"
    )
    tree = draft_tree(article)
    assert all(c["label"].strip() for q in questions(tree) for c in q["choices"])
    draft_text(article)  # lint-clean
