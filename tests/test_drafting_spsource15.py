"""The drive a fix takes a file from (round 15, spsource15): "Place the Windows NT
CD-ROM in the drive ... expand d:\\i386\\..." asks the medium's drive letter, says what it
is, and puts the answer into the command; a blank disk the fix writes to, or a drive
letter the fix only runs a program from, is not asked."""

from __future__ import annotations

from typing import Any

from drafting_support import archive, walked

from kbassist.drafting.tree import draft_tree


def inputs(tree: dict[str, Any]) -> list[dict[str, Any]]:
    return [n for n in tree["nodes"] if n["kind"] == "input"]


CD_ROM = """SYMPTOMS
========

When you start the Add Printer Wizard, you may receive the following error
message:

  Out of resources.

CAUSE
=====

The Ntprint.dll file in the %SystemRoot%\\System32 folder may be damaged.

RESOLUTION
==========

Expand a new copy of the Ntprint.dll file from the Windows NT 4.0 CD-ROM to the
%SystemRoot%\\System32 folder using the following steps:

1. Place the Windows NT 4.0 CD-ROM in the CD-ROM drive.

2. Type the following line at a command prompt:

  expand d:\\i386\\ntprint.dl_ c:\\winnt\\system32\\ntprint.dll
"""


def test_the_cd_rom_drive_letter_is_asked_and_put_into_the_command() -> None:
    """`expand d:\\i386\\...` after "Place the Windows NT 4.0 CD-ROM": the reader types
    the CD-ROM's own drive letter, told what it is, and the command uses it."""
    art = archive(CD_ROM)
    asked = inputs(draft_tree(art))
    assert len(asked) == 1
    node = asked[0]
    assert node["format"] == "drive"
    assert "the Windows NT 4.0 CD-ROM" in node["help"]
    assert "expand d:\\i386\\ntprint.dl_" in node["text"]
    checklist = walked(art, {"symptom": "yes", node["var"]: "E"})
    shown = "\n".join(f"{i.text}\n{i.detail}" for i in checklist.part("steps"))
    assert "expand E:\\i386\\ntprint.dl_ c:\\winnt\\system32\\ntprint.dll" in shown


FLOPPY = """SYMPTOMS
========

When you start Windows, you receive the following error message:

  Application Execution Error: Cannot find file VER.DLL.

RESOLUTION
==========

Method 1
--------

1. Insert Setup Disk 2 in the floppy disk drive.

2. Type the following at the MS-DOS command prompt and press ENTER:

  expand a:\\ver.dl_ c:\\windows\\system\\ver.dll

Method 2
--------

1. Insert a blank floppy disk.

2. Type the following commands to copy the driver from the server:

  copy x:\\lanman\\drivers\\netbind.exe
"""


def test_a_setup_disk_is_asked_a_blank_disk_the_fix_fills_is_not() -> None:
    """The Setup disk's `a:\\` is the reader's floppy drive, asked and named; the `x:\\`
    copied onto a blank disk is a server drive, not the medium: no input for it."""
    tree = draft_tree(archive(FLOPPY))
    asked = inputs(tree)
    assert [n["default"] for n in asked] == ["A"]
    assert "the drive letter of Setup Disk 2".casefold() in asked[0]["help"].casefold()


SERVICE_PACK = """SYMPTOMS
========

After you install the service pack, the computer stops responding at startup.

RESOLUTION
==========

Copy the Ntoskrnl.exe file from the Windows NT 4.0 Service Pack 3 to the
%SystemRoot%\\System32 folder. To do so, type the following command:

  copy d:\\i386\\ntoskrnl.exe c:\\winnt\\system32\\ntoskrnl.exe
"""


def test_a_service_pack_source_drive_is_asked_as_the_service_packs() -> None:
    """ "copy ... from the Windows NT 4.0 Service Pack 3": the `d:` the command copies from
    is asked as the service pack's drive (readers marked this source never asked)."""
    art = archive(SERVICE_PACK)
    asked = inputs(draft_tree(art))
    assert len(asked) == 1
    assert "Windows NT 4.0 Service Pack 3" in asked[0]["help"]
    checklist = walked(art, {"symptom": "yes", asked[0]["var"]: "F"})
    shown = "\n".join(f"{i.text}\n{i.detail}" for i in checklist.part("steps"))
    assert "copy F:\\i386\\ntoskrnl.exe" in shown
