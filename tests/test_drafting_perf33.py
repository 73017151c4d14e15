"""Round 32 perf33: drafting CPU cuts that must change no draft (shared blocks, memos of
the plan's block readers, substring prechecks before scans)."""

from __future__ import annotations

import re
import time

from kbassist.drafting import block_memo
from kbassist.drafting.options import (
    _alternatives,
    _procedure,
    _read_alternatives,
    _read_procedure,
)
from kbassist.drafting.prechecks import may_hold
from kbassist.drafting.text import _PARAM_NEEDS, _PARAM_RES, Para, find_params, paragraphs
from kbassist.drafting.verify_form import _MESSAGE_RES_RE, _may_quote, expected_state

CAUSE = """This problem occurs for one of the following reasons:

- The network adapter driver is out of date.

- The TCP/IP protocol is not bound to the adapter.

- The DHCP server is unavailable.
"""

STEPS = """WARNING: Using Registry Editor incorrectly can cause serious problems.

1. Click Start, and then click Run.
2. Type regedit, and then click OK.
3. Locate the following registry key:

      HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip

4. Quit Registry Editor, and then restart the computer.
"""


def test_paragraphs_hand_out_fresh_lists_of_shared_blocks() -> None:
    """A caller that edits its list of blocks changes nothing the next caller sees."""
    first = paragraphs(STEPS)
    first.pop()
    second = paragraphs(STEPS)
    assert len(second) == len(first) + 1
    assert second[0] is paragraphs(STEPS)[0]


def test_block_answers_are_those_of_a_fresh_block() -> None:
    """A block's head, text, marker and indent read as they did when worked out each ask."""
    for para in paragraphs(STEPS):
        fresh = Para(list(para.lines))
        assert para.text == fresh.text == " ".join(" ".join(line.split()) for line in para.lines)
        assert para.head == para.lines[0].strip()
        assert (para.marker, para.numbered, para.indent) == (
            fresh.marker,
            fresh.numbered,
            fresh.indent,
        )
    underlined = Para(["Method 1", "--------"])
    assert underlined.heading and not underlined.separator


def test_cause_alternatives_read_once_are_the_same_each_ask() -> None:
    """Asking a CAUSE's alternatives again gives the same causes, in fresh lists."""
    paras = paragraphs(CAUSE)
    lead, alts = _alternatives(paras, plain=True)
    assert len(alts) == 3
    alts[0].clear()
    lead.clear()
    again_lead, again = _alternatives(paragraphs(CAUSE), plain=True)
    assert (again_lead, again) == _read_alternatives(paragraphs(CAUSE), True, False)
    assert all(again)


def test_alternatives_memo_keeps_the_flags_apart() -> None:
    """An MS KB reading (`plain`) and a Markdown one of the same blocks are not mixed up."""
    paras = paragraphs(CAUSE)
    for plain in (False, True):
        assert _alternatives(paras, plain) == _read_alternatives(paras, plain, False)


def test_procedure_read_once_gives_fresh_steps() -> None:
    """The same steps again after a caller edited the steps it got."""
    _lead, items = _procedure(paragraphs(STEPS))
    assert len(items) == 5 and "regedit" in items[1]  # "Quit ..., and then restart": two
    items.append("Edited by a caller.")
    assert _procedure(paragraphs(STEPS)) == _read_procedure(paragraphs(STEPS))


def test_block_memo_stays_bounded() -> None:
    """The memo never grows past its bound, however many sections it reads."""
    memo = block_memo.BlockMemo()
    for n in range(block_memo.MAX_ENTRIES + 50):
        blocks = [Para([f"{n}. Restart the service {n}."])]
        memo.get(blocks, (), lambda blocks=blocks: blocks[0].text, str, str)
    assert len(memo.entries) <= block_memo.MAX_ENTRIES


def test_times_still_found_and_no_scan_without_a_digit() -> None:
    """A scheduled time is still asked; the time test agrees with the scan it skips."""
    found = find_params("Schedule the backup to run at 2:30 AM, or at midnight, or at noon.")
    assert [p.literal for _, _, p in found if p.kind == "time"] == ["2:30 AM", "midnight", "noon"]
    pattern, needs = _PARAM_RES[0][1], _PARAM_NEEDS[0]
    for text in ("Restart at 1 PM.", "Click OK at noon", "Reboot the server.", "Runs at 11pm"):
        held = any(word in text for word in needs)
        assert held or not pattern.search(text)


def test_may_hold_answers_as_ignorecase_would() -> None:
    """The word test never says no where an IGNORECASE search would match."""
    pattern = re.compile(r"\byou can\b", re.IGNORECASE)
    for text in ("Or, YOU CAN restart it.", "Restart it.", "Or you can\u00a0x", "\u212a you can"):
        assert may_hold(text, ("you can",)) or not pattern.search(text)
    assert may_hold("caf\u00e9", ("zzz",))  # non-ASCII text: always searched


def test_results_still_turned_round() -> None:
    """Quoted messages, "can't" and "isn't" results read as before the prechecks."""
    said = expected_state("you may receive the following error message: Access is denied")
    assert said == 'the message "Access is denied" no longer appears'
    assert expected_state("you can't open the file") == "you can open the file"
    assert expected_state("Word isn't able to save the file") == "Word is able to save the file"
    sample = "the following warning appears: Disk full"
    assert _may_quote(sample) and _MESSAGE_RES_RE.match(sample)


def test_prechecks_linear_on_hostile_text() -> None:
    """20 KB of digits and colons with no time or message in them is read quickly."""
    hostile = "1:" * 10_000
    started = time.process_time()
    find_params(hostile)
    expected_state(hostile + " error")
    assert time.process_time() - started < 2.0
