"""Archive drafts whose fix the STATUS states (round 22, status22): a hotfix from support
with the service pack to wait for, a release that corrected the problem, a RESOLUTION
that only points down to STATUS ("Obtain the hotfix mentioned below")."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, details, fixes, questions, ticks

from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999822", product="Microsoft Windows NT")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nWhen you use Client Services for NetWare, the connected drives\n"
    "become inaccessible to File Manager.\n\n"
    "CAUSE\n=====\n\nThe drive table entry becomes corrupted within the CSRSS process.\n\n"
)

#: The hotfix notice as the 1990s archive writes it in STATUS.
NOTICE = (
    "STATUS\n======\n\n"
    "Microsoft has confirmed this to be a problem in Windows NT version 3.51.\n\n"
    "A supported fix is now available, but has not been fully regression-tested and\n"
    "should be applied only to systems experiencing this specific problem. Unless you\n"
    "are severely impacted by this specific problem, Microsoft recommends that you\n"
    "wait for the next Service Pack that contains this fix. Contact Microsoft\n"
    "Technical Support for more information.\n"
)


def titles(tree: dict[str, object]) -> list[str]:
    return [str(o["title"]) for o in fixes(tree)]  # type: ignore[arg-type]


def test_a_resolution_saying_what_the_hotfix_changed_offers_the_hotfix_and_the_wait() -> None:
    """A RESOLUTION that only says what was corrected, over a STATUS hotfix notice: the
    hotfix from support and the wait, never an information-only outcome."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "Basesrv.dll has been corrected to prevent NetWare drive resources from becoming\n"
        "orphaned in this manner.\n\n" + NOTICE
    )
    tree = draft_tree(art)
    assert titles(tree) == [
        "Contact Microsoft Technical Support to obtain the fix",
        "Wait for the next service pack",
    ]
    fix = fixes(tree)[0]
    assert ticks(fix)[0] == "Contact Microsoft Technical Support to obtain the fix."
    assert "Basesrv.dll has been corrected" in details(fix)  # what the fix changes, shown
    assert "no steps to follow" not in " ".join(ticks(fix))
    question = questions(tree)[0]
    assert "severely" in question["text"]  # the notice's own rule for choosing
    assert draft_text(art)[1] is not None


def test_workarounds_beside_a_status_hotfix_notice_keep_and_add_the_hotfix() -> None:
    """Workarounds in RESOLUTION stay; STATUS's hotfix from support is offered beside them."""
    art = mskb(
        SYMPTOMS + "WORKAROUND\n==========\n\n"
        "To work around this problem, create a text file called Pabmsg.txt and place it\n"
        "in the \\Exchsrvr\\bin directory.\n\n" + NOTICE
    )
    shown = titles(draft_tree(art))
    assert shown[0].startswith("Workaround: Create a text file called Pabmsg.txt")
    assert "Contact Microsoft Technical Support to obtain the fix" in shown
    assert "Wait for the next service pack" in shown


def test_obtain_the_hotfix_mentioned_below_becomes_the_release_status_names() -> None:
    """ "Obtain the fix referenced below." over STATUS "corrected in the latest ... Service
    Pack": one outcome installing that service pack, named by it, no cut label."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\nObtain the fix referenced below.\n\n"
        "STATUS\n======\n\n"
        "Microsoft has confirmed this to be a problem in Windows NT version 3.51. This\n"
        "problem was corrected in the latest Windows NT 3.51 U.S. Service Pack. For\n"
        "information on obtaining the Service Pack, query on the following word in the\n"
        "Microsoft Knowledge Base (without the spaces):\n\n  S E R V P A C K\n"
    )
    tree = draft_tree(art)
    assert titles(tree) == ["Install the latest Windows NT 3.51 U.S. Service Pack"]
    assert ticks(fixes(tree)[0]) == ["Install the latest Windows NT 3.51 U.S. Service Pack."]


def test_a_pack_already_out_is_offered_not_waited_for() -> None:
    """STATUS with both a hotfix notice and "corrected in the latest ... Service Pack"
    under a "obtain the hotfix mentioned below" WORKAROUND: the service pack and the
    hotfix, and no "wait for the next service pack" (it is out)."""
    art = mskb(
        SYMPTOMS + "WORKAROUND\n==========\n\n"
        "To work around this problem, obtain the hotfix mentioned below.\n\n"
        + NOTICE.replace("3.51.\n", "3.51 and 4.0.\n")
        + "\nThis problem was corrected in the latest Microsoft Windows NT 4.0 U.S. Service\n"
        "Pack.\n"
    )
    shown = titles(draft_tree(art))
    assert shown == [
        "Install the latest Microsoft Windows NT 4.0 U.S. Service Pack",
        "Contact Microsoft Technical Support to obtain the fix",
    ]
    assert not any("mentioned below" in t or t.startswith("Wait") for t in shown)


def test_resolved_with_a_maintenance_release_is_an_outcome_with_its_own_check() -> None:
    """ "This problem has been resolved with FORTRAN PowerStation maintenance release
    version 1.0a": an outcome installing it, verified the way STATUS tells them apart."""
    art = mskb(
        "SYMPTOMS\n========\n\nAn application that writes an array larger than 64K to a\n"
        "binary file may write an incorrect quantity of data.\n\n"
        "RESOLUTION\n==========\n\nUse an explicit implied DO loop in the I/O statement.\n\n"
        "STATUS\n======\n\n"
        "Microsoft has confirmed this to be a problem in Microsoft PowerStation version\n"
        "1.0. This problem has been resolved with FORTRAN PowerStation maintenance\n"
        "release version 1.0a for MS-DOS.\n\n"
        "FORTRAN PowerStation version 1.0 can be differentiated from the maintenance\n"
        'release version 1.0a by invoking the linker. Typing "link32 | more" from\n'
        "\\F32\\BIN directory will show version 2.8 for FORTRAN PowerStation version 1.0,\n"
        "and it will show version 1.0f for the maintenance release version 1.0a.\n",
        product="Microsoft FORTRAN PowerStation",
    )
    tree = draft_tree(art)
    upgrade = next(o for o in fixes(tree) if o["id"] == "upgrade")
    assert upgrade["title"] == (
        "Upgrade: FORTRAN PowerStation maintenance release version 1.0a for MS-DOS"
    )
    assert ticks(upgrade) == [
        "Install FORTRAN PowerStation maintenance release version 1.0a for MS-DOS."
    ]
    check = " ".join(upgrade["verify"][0]["text"].split())
    assert 'Typing "link32 | more"' in check and "1.0f" in check


def test_a_release_named_in_lower_case_is_installed_by_name_not_glued() -> None:
    """ "This bug was corrected in the latest service pack for Visual Studio 6.0": "Install
    the latest service pack for Visual Studio 6.0", not the STATUS sentence glued on."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "Change the architecture of your application so that two threads do not use the\n"
        "same critical section.\n\n"
        "STATUS\n======\n\n"
        "Microsoft has confirmed this to be a bug in the Microsoft products listed at the\n"
        "beginning of this article. This bug was corrected in the latest service pack for\n"
        "Visual Studio 6.0.\n",
        product="Microsoft Visual C++",
    )
    upgrade = next(o for o in fixes(draft_tree(art)) if o["id"] == "upgrade")
    assert upgrade["title"] == "Install the latest service pack for Visual Studio 6.0"
    assert ticks(upgrade) == ["Install the latest service pack for Visual Studio 6.0."]


def test_a_release_sentence_run_into_the_confirmed_one_is_still_offered() -> None:
    """ "...listed at the beginning of this article.<A0>This problem was corrected in
    Microsoft Word 2000.": the two sentences run together still give the upgrade."""
    art = mskb(
        SYMPTOMS + "WORKAROUND\n==========\n\nUse the SEQ field instead of the LISTNUM field.\n\n"
        "STATUS\n======\n\n"
        "Microsoft has confirmed this to be a problem in the Microsoft products that are\n"
        "listed at the beginning of this article.<A0>This problem was corrected in\n"
        "Microsoft Word 2000.\n",
        product="Microsoft Word 97",
    )
    assert "Upgrade: Microsoft Word 2000" in titles(draft_tree(art))


def test_a_workaround_then_the_service_pack_in_one_resolution_are_two_choices() -> None:
    """ "To work around this problem, X." then "To resolve this problem, obtain the latest
    service pack": the workaround and the service pack are two choices, not one checklist."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "To work around this problem, bind IPX to a valid network adapter or add an\n"
        "additional protocol.\n\n"
        "To resolve this problem, obtain the latest service pack for Windows NT 4.0. For\n"
        "additional information, please see the following article in the Microsoft\n"
        "Knowledge Base:\n\n  Q152734 How to Obtain the Latest Windows NT 4.0 Service Pack\n\n"
        "STATUS\n======\n\n"
        "Microsoft has confirmed this to be a problem in Windows NT 4.0. This problem was\n"
        "first corrected in Windows NT 4.0 Service Pack 4.\n"
    )
    tree = draft_tree(art)
    around, pack = fixes(tree)
    assert around["title"].startswith("Workaround: Bind IPX to a valid network adapter")
    assert not any("service pack" in t for t in ticks(around))
    assert ticks(pack)[0] == "Obtain the latest service pack for Windows NT 4.0."
    assert "Service Pack 4" in pack["verify"][0]["text"]  # the release STATUS names


def test_a_notice_run_into_the_confirmed_sentence_still_offers_the_hotfix() -> None:
    """ "... a problem in Windows NT version A supported fix is now available ...": the
    hotfix from support, not "no fix"; the help says it is only for a severe case."""
    art = mskb(
        SYMPTOMS + "STATUS\n======\n\n"
        "Microsoft has confirmed this to be a problem in Windows NT version A supported\n"
        "fix is now available, but is not fully regression-tested and should be applied\n"
        "only to systems experiencing this specific problem. Unless you are severely\n"
        "impacted by this specific problem, Microsoft recommends that you wait for the\n"
        "next Service Pack that contains this fix. Contact Microsoft Product Support\n"
        "Services for more information.\n"
    )
    tree = draft_tree(art)
    assert titles(tree) == [
        "Contact Microsoft Product Support Services to obtain the fix",
        "Wait for the next service pack",
    ]
    help_text = questions(tree)[0]["help"]
    assert "(1) a hotfix not fully tested: only if this problem affects you severely" in help_text


def test_a_bug_corrected_in_the_next_service_pack_installs_the_latest_one() -> None:
    """ "This bug was corrected in the next service pack for Visual Studio 6.0" (the pack is
    out): install the latest one, never the STATUS sentence glued onto a generic step."""
    art = mskb(
        SYMPTOMS + "STATUS\n======\n\n"
        "Microsoft has confirmed this to be a bug in the Microsoft products listed at the\n"
        "beginning of this article. This bug was corrected in the next service pack for\n"
        "Visual Studio 6.0.\n",
        product="Microsoft Visual Basic",
    )
    (upgrade,) = fixes(draft_tree(art))
    assert upgrade["title"] == "Install the latest service pack for Visual Studio 6.0"
    assert ticks(upgrade) == ["Install the latest service pack for Visual Studio 6.0."]


def test_a_wait_for_the_pack_status_says_is_out_becomes_installing_it() -> None:
    """RESOLUTION "Obtain the following fix or wait for the next Windows NT service pack"
    and STATUS "corrected in the latest ... Service Pack": the wait is stale; the choice
    is installing that service pack."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "Obtain the following fix or wait for the next Windows NT service pack.\n\n"
        "STATUS\n======\n\n"
        "Microsoft has confirmed this to be a problem in Windows NT version 4.0. This\n"
        "problem was corrected in the latest Microsoft Windows NT 4.0 U.S. Service Pack.\n"
    )
    shown = titles(draft_tree(art))
    assert "Install the latest Microsoft Windows NT 4.0 U.S. Service Pack" in shown
    assert not any("Wait for the next" in t for t in shown)


def test_a_bare_version_is_named_with_the_product_status_confirms() -> None:
    """ "... a problem in versions 3.0 and 3.0b of Microsoft Mail for Windows. The problem
    was fixed in version 3.2.": install Microsoft Mail for Windows version 3.2, checked by
    its version, not a bare "Install version 3.2"."""
    art = mskb(
        SYMPTOMS + "STATUS\n======\n\n"
        "Microsoft has confirmed this to be a problem in versions 3.0 and 3.0b of Microsoft\n"
        "Mail for Windows. The problem was fixed in version 3.2.\n",
        product="Microsoft Mail for Windows",
    )
    (upgrade,) = fixes(draft_tree(art))
    assert ticks(upgrade) == ["Install Microsoft Mail for Windows version 3.2."]
    assert upgrade["verify"][0]["text"].startswith(
        "Check that the installed Microsoft Mail for Windows is version 3.2 or later"
    )


def test_a_workaround_beside_the_fix_and_its_wait_is_asked_over_all_three() -> None:
    """A workaround beside STATUS's hotfix and its wait: the question is over all three
    fixes, not "Get the fix now, or wait?", and says when to choose each."""
    art = mskb(
        SYMPTOMS + "WORKAROUND\n==========\n\n"
        "To work around this problem, place the file in the package directory.\n\n" + NOTICE
    )
    (question,) = questions(draft_tree(art))
    assert question["title"] == "How do you want to fix it?"
    # the workaround's label says it works around; its help need not (round 36)
    assert question["choices"][0]["label"].startswith("Workaround")
    assert "only if this problem affects you severely" in question["help"]


def test_a_service_pack_for_nt_is_read_with_winver() -> None:
    """ "The problem was corrected by Service Pack 3 for NT 4.0": the check runs winver."""
    art = mskb(
        SYMPTOMS + "STATUS\n======\n\n"
        "Microsoft has confirmed this to be a problem in Windows NT 4.0. The problem was\n"
        "corrected by Service Pack 3 for NT 4.0.\n"
    )
    (upgrade,) = fixes(draft_tree(art))
    assert ticks(upgrade) == ["Install Service Pack 3 for NT 4.0."]
    assert "run winver" in upgrade["verify"][0]["text"]


def test_a_pointer_after_what_the_fix_changed_still_becomes_the_release() -> None:
    """ "A fix was made to the SNA Server service to resolve this issue. To resolve this
    problem, obtain the hotfix mentioned below.": the release STATUS names, the statement
    shown under it, no "mentioned below" step."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "A fix was made to the SNA Server service to resolve this issue. To resolve this\n"
        "problem, obtain the hotfix mentioned below.\n\n"
        "STATUS\n======\n\n"
        "Microsoft has confirmed this to be a problem in SNA Server version 3.0. This\n"
        "problem was corrected in the latest Microsoft SNA Server 3.0 U.S. Service Pack.\n",
        product="Microsoft SNA Server",
    )
    (upgrade,) = fixes(draft_tree(art))
    assert ticks(upgrade) == ["Install the latest Microsoft SNA Server 3.0 U.S. Service Pack."]
    assert "A fix was made to the SNA Server service" in details(upgrade)


def test_a_pointer_over_a_workaround_section_still_reaches_status() -> None:
    """ "Changes were made to X. Obtain the fix referenced below." with a WORKAROUND
    between RESOLUTION and STATUS: STATUS's release, beside the workaround."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "Changes were made to the SNA Server Manage Agent to correct this problem. To\n"
        "resolve this problem, obtain the fix referenced below.\n\n"
        "WORKAROUND\n==========\n\n"
        "To work around this problem, replace Oleaut32.dll with the newer version.\n\n"
        "STATUS\n======\n\n"
        "Microsoft has confirmed this to be a problem in Windows NT version 3.51. This\n"
        "problem was corrected in the latest Windows NT 3.51 U.S. Service Pack.\n"
    )
    shown = titles(draft_tree(art))
    assert shown[0] == "Install the latest Windows NT 3.51 U.S. Service Pack"
    assert shown[1].startswith("Workaround: Replace Oleaut32.dll")
    assert not any("below" in t for t in shown)


def test_two_pointers_to_status_give_one_service_pack_outcome() -> None:
    """ "Install the fix mentioned below." and "Obtain the fix mentioned below or wait for
    the next Windows NT Service Pack." over a STATUS pack that is out: one outcome
    installing it (never two alike), what the fix changed shown under it."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "To resolve this problem, install the fix mentioned below.\n\n"
        "Obtain the fix mentioned below or wait for the next Windows NT Service Pack.\n\n"
        "The fix was to modify TCPIP.SYS to not send an acknowledgment twice.\n\n"
        "STATUS\n======\n\n"
        "Microsoft has confirmed this to be a problem with Windows NT version 3.51. This\n"
        "problem was corrected in the latest U.S. Service Pack for Windows NT version 3.51.\n"
    )
    (upgrade,) = fixes(draft_tree(art))
    assert upgrade["title"] == "Install the latest U.S. Service Pack for Windows NT version 3.51"
    assert "The fix was to modify TCPIP.SYS" in details(upgrade)
