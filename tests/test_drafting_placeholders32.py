"""Command placeholders become inputs used in the step (round 32, placeholders32; issue
13): a placeholder the archive wrapped over a line, a "command line similar to the
following:", a how-to's one procedure under a goal heading; and the bench's finder
leaves out messages, other articles' titles and `#import <file.dll>`."""

from __future__ import annotations

import re
import sys
import time
from functools import partial
from pathlib import Path

from cpu_budget import budget
from drafting_support import archive, fixes, walked

from kbassist.drafting.text import _PARAM_RES, find_params
from kbassist.drafting.tree import draft_text, draft_tree

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))  # bench/ is scripts, not a package

import draft_metrics as metrics  # noqa: E402
from draft_placeholders import (  # noqa: E402
    _ANY_SCENE_RE,
    _KB_TITLE_RE,
    _QUOTE_NAMED_RE,
    _QUOTED_PARA_RE,
    command_placeholders,
)

from kbassist.drafting.output_lead import _OUTPUT_LEAD_RE  # noqa: E402

mskb = partial(archive, id_="Q999932")

SYMPTOMS = (
    "SYMPTOMS\n========\n\nClients cannot replicate records with the WINS server after\n"
    "the partner is added.\n\n"
)


def _inputs(tree: dict[str, object]) -> list[dict[str, object]]:
    return [n for n in tree["nodes"] if n["kind"] == "input"]  # type: ignore[index,union-attr]


def _details(art: object, answers: dict[str, str]) -> str:
    items = walked(art, answers).part("steps")  # type: ignore[arg-type]
    return "\n".join(f"{i.text} {i.detail or ''}" for i in items)


def test_placeholder_wrapped_over_a_line_is_one_input_filled_into_the_key() -> None:
    """`...\\Push\\<partner` + `IP address>\\OnlyDynRecs` in a registry path: the admin is
    asked the partner's IP address once and sees it in the key to open."""
    art = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\nTo prevent static records from replicating:\n\n"
        "1. Start Registry Editor (Regedt32.exe).\n\n"
        "2. Locate the following registry key:\n\n"
        "   HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Wins\\Partners\\"
        "Push\\<partner\n"
        "   IP address>\\OnlyDynRecs\n\n"
        "3. Set the value to 1.\n\n"
        "4. Quit Registry Editor.\n"
    )
    tree = draft_tree(art)
    (asked,) = [n for n in _inputs(tree) if "partner" in str(n["title"]).lower()]
    assert "<partner IP address>" in str(asked["title"])
    shown = _details(art, {"symptom": "yes", str(asked["var"]): "10.0.0.7"})
    assert "\\Push\\10.0.0.7\\OnlyDynRecs" in shown
    assert "<partner" not in shown
    draft_text(art)  # lint-clean


def test_command_line_similar_to_the_following_asks_its_placeholders() -> None:
    """ "... closes the handle a command line similar to the following:" + `copy
    <filename>.<ext> NULL`: the file's name and extension are asked and typed in."""
    art = mskb(
        "SYMPTOMS\n========\n\nThe size of a file copied to an NTFS share shows as zero.\n\n"
        "WORKAROUND\n==========\n\nTo work around this problem, close the file handle. For\n"
        "example, copying the file to NULL closes the file handle with a command line\n"
        "similar to the following:\n\n  copy <filename>.<ext> NULL\n"
    )
    tree = draft_tree(art)
    titles = {str(n["title"]): str(n["var"]) for n in _inputs(tree)}
    name = next(v for t, v in titles.items() if "<filename>" in t)
    ext = next(v for t, v in titles.items() if "<ext>" in t)
    shown = _details(art, {"symptom": "yes", name: "REPORT", ext: "DOC"})
    assert "copy REPORT.DOC NULL" in shown
    draft_text(art)


HOWTO = (
    "SUMMARY\n=======\n\nAn updated SETUP.INF file is available for the mail client. For\n"
    'the steps, see the "To update your SETUP.INF file" section below.\n\n'
    "MORE INFORMATION\n================\n\n"
    "To download the updated file\n----------------------------\n\n"
    "You can find WSETUP.EXE on the following services:\n\n"
    "- The Microsoft Download Center\n\n- Internet (anonymous FTP)\n\n"
    'After you download WSETUP.EXE to a clean folder, run it (by typing "wsetup" at the\n'
    "MS-DOS prompt) to extract the contents of the file. You should receive the\n"
    "following files:\n\n  SETUP.INF (6,940 bytes)\n  README.TXT\n\n"
    "To update your SETUP.INF file\n-----------------------------\n\n"
    "1. Connect to the shared folder where the client program files were installed.\n\n"
    "2. Rename the existing SETUP.INF file in this folder to SETUPINF.OLD.\n\n"
    "3. At the command prompt, type the following and press ENTER:\n\n"
    '   " copy <path>:\\setup.inf <destination> " (without the quotation marks)\n\n'
    "   where <path> is the drive and directory where you ran WSETUP.EXE and\n"
    "   <destination> is the drive and directory of the client files. For example, if\n"
    "   you ran it from the TEST folder on drive D, type the following command:\n\n"
    '   " copy d:\\test\\setup.inf c:\\mailexe " (without the quotation marks)\n\n'
    "4. Have each user run SETUP.EXE from the shared folder.\n"
)


def test_howto_procedure_under_a_goal_heading_is_the_fix_with_its_inputs() -> None:
    """A how-to whose one procedure sits under "To update your SETUP.INF file" among
    informing headings: the fix is that procedure (after the extract step before it),
    its `<path>` and `<destination>` asked as paths, the example's drives D and C not."""
    art = mskb(HOWTO)
    tree = draft_tree(art)
    (fix,) = fixes(tree)
    assert fix["title"] == "Update your SETUP.INF file"
    titles = [str(n["title"]) for n in _inputs(tree)]
    assert titles == ["Your path for <path>", "Your path for <destination>"]
    path, dest = (str(n["var"]) for n in _inputs(tree))
    answers = {"symptom": "yes", path: "E", dest: "C:\\MAILEXE"}
    assert "copy E:\\setup.inf C:\\MAILEXE" in _details(art, answers)
    steps = [" ".join(i.text.split()) for i in walked(art, answers).part("steps")]
    assert steps[0].startswith("After you download WSETUP.EXE")
    assert any(s.startswith("Rename the existing SETUP.INF") for s in steps)
    draft_text(art)


def test_informing_headings_without_a_goal_keep_the_article_pointer(tmp_path: Path) -> None:
    """A how-to whose one headed procedure is "To reproduce the behavior" is no fix: the
    draft does not turn the repro into its checklist."""
    art = mskb(
        "SUMMARY\n=======\n\nThe print spooler keeps jobs in the queue after a restart.\n\n"
        "MORE INFORMATION\n================\n\nBackground\n----------\n\n"
        "The spooler writes each job to the spool folder.\n\n"
        "To reproduce the behavior\n-------------------------\n\n"
        "1. Print a document to a paused printer.\n\n2. Restart the computer.\n"
    )
    tree = draft_tree(art)
    assert all("reproduce" not in str(f["title"]).lower() for f in fixes(tree))


def _finder(tmp_path: Path, body: str) -> list[str]:
    kb = tmp_path / "Q999933.txt"
    kb.write_text("## Q999933: Test\n\nArticle: Q999933\n\n" + body, encoding="utf-8")
    return [p.token for p in command_placeholders(metrics.load_article(kb))]


def test_finder_leaves_out_messages_titles_and_imported_files(tmp_path: Path) -> None:
    """Only `<server>` is a placeholder in a command here: the others are a message named
    by the word after its quote, a message under "The most frequent error when you use
    X is:", a quoted message paragraph under its lead, another article's title, and the
    type library a C++ `#import` line names."""
    body = (
        "\tMORE INFORMATION\n\t================\n\n"
        '\t- "Cannot find site <site name>" error in the session log.\n\n'
        "\tThe most frequent error with the driver when you use an updatable join is:\n\n"
        "\t  Invalid column name <column-name>\n\n"
        "\tWhen the service starts, the following error message appears:\n\n"
        '\t"The library could not be found in the specified path <PATH variable>"\n\n'
        "\t  Q136557 BUG: SHOW WINDOW <name> REFRESH in BROWSE Does Not Work\n\n"
        "\t  #import <msado15.dll> no_namespace\n\n"
        "\tTo list the shares of the server, type the following at a command prompt:\n\n"
        "\t  net view \\\\<server>\n"
    )
    assert _finder(tmp_path, body) == ["<server>"]


def test_finder_counts_a_second_explained_token_as_no_use(tmp_path: Path) -> None:
    """ "where <path> is the folder ... and <destination> is the folder ...": the command's
    two placeholders are counted, neither again as used in the explanation."""
    body = (
        "\tMORE INFORMATION\n\t================\n\n"
        "\tAt the command prompt, type the following:\n\n"
        "\t  copy <path>\\setup.inf <destination>\n\n"
        "\twhere <path> is the folder you extracted to and <destination> is the folder\n"
        "\tof the client files.\n"
    )
    found = _finder(tmp_path, body)
    assert sorted(found) == ["<destination>", "<path>"]


def test_round_regexes_are_linear_on_hostile_text() -> None:
    """The round's patterns return at once on 20 KB built to make them backtrack."""
    angle = next(p for kind, p in _PARAM_RES if kind == "placeholder")
    hostile = [
        (angle, "<a" + "\n b" * 7_000),
        (angle, "<" + "a \n" * 7_000),
        (_QUOTED_PARA_RE, '"' + "x" * 20_000),
        (_KB_TITLE_RE, "Q123456 BUG: " + "a " * 10_000),
        (_ANY_SCENE_RE, "when you " * 2_500),
        (_QUOTE_NAMED_RE, " " * 20_000),
        (_OUTPUT_LEAD_RE, "output " + "like " * 4_000 + "x"),
        (_OUTPUT_LEAD_RE, "displays the following " * 900),
    ]
    for pattern, text in hostile:
        started = time.perf_counter()
        pattern.match(text)
        re.compile(pattern.pattern, pattern.flags).search(text)
        assert time.perf_counter() - started < budget(0.5)
    started = time.perf_counter()
    find_params("copy <" + "x\n " * 6_000 + "> NULL")
    assert time.perf_counter() - started < budget(1.0)


def test_output_under_a_typed_command_is_not_asked() -> None:
    """`ESEUTIL /ML <LowLog_file>` then "The output is similar to the following:" and a
    listing of database paths: the log file is asked, the listed paths are not."""
    art = mskb(
        "SYMPTOMS\n========\n\nThe information store does not start after a restore.\n\n"
        "RESOLUTION\n==========\n\nTo find the original database paths:\n\n"
        "1. At a command prompt in the database folder, type the following command:\n\n"
        "   ESEUTIL /ML <LowLog_file>\n\n"
        "   where <LowLog_file> is the lowest numbered log file name. The output is\n"
        "   similar to the following:\n\n"
        "   E:\\exchsrvr\\mdbdata>ESEUTIL /ML EDB00036.LOG\n"
        "      1 E:\\EXCHSRVR\\MDBDATA\\PRIV.EDB\n"
        "      2 E:\\EXCHSRVR\\MDBDATA\\PUB.EDB\n\n"
        "2. Restore the databases to the listed paths.\n"
    )
    titles = [str(n["title"]) for n in _inputs(draft_tree(art))]
    assert any("<LowLog_file>" in t for t in titles)
    assert not any("EDB" in t or "mdbdata" in t.lower() for t in titles)
    draft_text(art)


def test_a_heading_naming_a_setting_or_a_sample_is_no_goal() -> None:
    """ "SET ANSI ON | OFF" (a command's name in capitals) and "Create the Demonstration
    Program" over numbered steps are no fix of a how-to: its draft does not tick them."""
    for head in ("SET ANSI ON | OFF", "Create the Demonstration Program"):
        art = mskb(
            "SUMMARY\n=======\n\nThis article describes how string comparisons work.\n\n"
            "MORE INFORMATION\n================\n\nBackground\n----------\n\n"
            "Comparisons pad the shorter string with blanks.\n\n"
            f"{head}\n{'-' * len(head)}\n\n"
            "1. Create a new table with one character column.\n\n"
            "2. Run a query that compares the column with a short string.\n"
        )
        assert all(head not in str(f["title"]) for f in fixes(draft_tree(art)))
