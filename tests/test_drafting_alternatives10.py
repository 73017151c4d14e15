"""Drafted walks where the article offers alternatives in its own words ("You can also",
"Then either ... or", "-or-", "If X does not work, try one of the following", "If you do
not want X") and where it spells out one fix in sequence ("Example Workaround", obtain
the hotfix then install it): alternatives are asked, each answer with its own steps;
sequences stay one outcome."""

from __future__ import annotations

from functools import partial
from typing import Any

from drafting_support import archive, questions, runbook, support, walked

from kbassist.articles import Article
from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999410")


SYMPTOMS = "SYMPTOMS\n========\n\nThe server stops responding intermittently.\n\n"


def outcomes(tree: dict[str, Any]) -> list[dict[str, Any]]:
    return [n for n in tree["nodes"] if n["kind"] == "outcome" and n["id"] != "not_this_article"]


def steps_for(article: Article, answers: dict[str, str]) -> list[str]:
    return [item.text for item in walked(article, answers).part("steps")]


def answer_to(tree: dict[str, Any], words: str) -> dict[str, str]:
    """The answers that reach the choice whose label holds `words` (and yes to the rest)."""
    answers = {"symptom": "yes"}
    for node in questions(tree):
        var = node.get("var", node["id"])
        pick = next((c for c in node["choices"] if words in c["label"]), node["choices"][0])
        answers[var] = pick["value"]
    return answers


def test_you_can_also_in_a_whole_workaround_is_two_options_each_named() -> None:
    """'X. You can also Y.' (the whole workaround) is two options, each labelled by its way."""
    article = mskb(
        SYMPTOMS + "WORKAROUND\n==========\n\n"
        "WARNING: If you use Registry Editor incorrectly, you may cause serious problems.\n\n"
        "Reconnect the client to the SMS site if it is still available. You can also\n"
        "manually delete the expired items from the client's registry.\n"
    )
    tree = draft_tree(article)
    assert draft_text(article)[1] is not None
    shown = {o["title"]: " ".join(s.get("detail", "") for s in o["steps"]) for o in outcomes(tree)}
    assert [t for t, d in shown.items() if "Registry Editor" in d] == [
        "Workaround: Manually delete the expired items from the client's registry"
    ]  # the warning goes with the way it is about (the last), not with both
    labels = [c["label"] for q in questions(tree) for c in q["choices"]]
    assert any(label.startswith("Workaround: Reconnect the client") for label in labels)
    assert any("delete the expired items" in label for label in labels)
    reconnect = steps_for(article, answer_to(tree, "Reconnect"))
    delete = steps_for(article, answer_to(tree, "expired"))
    assert any("Reconnect" in s for s in reconnect) and not any("expired" in s for s in reconnect)
    assert any("expired" in s for s in delete) and not any("Reconnect" in s for s in delete)


def test_then_either_or_after_a_step_asks_the_way_and_keeps_the_step_before() -> None:
    """'Replace X. Then either A, or B.': X is done either way, A or B is asked."""
    article = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "To resolve this behavior, replace Mfc42.dll and Ntlgdsca.exe with the final\n"
        "version of those files, from the CD-ROM. Then either disable and re-enable Logon\n"
        "Discovery to replicate the changes out to all Logon Points, or manually copy the\n"
        "files to each Logon Point.\n"
    )
    tree = draft_tree(article)
    (ask,) = questions(tree)
    assert len(ask["choices"]) == 2
    one = steps_for(article, answer_to(tree, "Discovery"))
    two = steps_for(article, answer_to(tree, "copy the files"))
    assert any(s.startswith("Replace Mfc42.dll") for s in one)
    assert any(s.startswith("Replace Mfc42.dll") for s in two)
    assert any("Logon Discovery" in s for s in one) and not any("copy the" in s for s in one)
    assert any("copy the files" in s for s in two) and not any("Discovery" in s for s in two)


def test_a_you_can_also_paragraph_is_another_fix_but_you_may_also_need_is_a_step() -> None:
    """A second paragraph 'You can also declare ...' is another option; 'You may also need
    to restart ...' is a further step of the same fix."""
    article = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "Use a modal form or a READ EVENTS to pause program execution.\n\n"
        "You can also declare the ControlSource variable as a property of a form.\n"
    )
    tree = draft_tree(article)
    assert len(outcomes(tree)) == 2
    assert any("Declare the ControlSource" in c["label"] for c in questions(tree)[0]["choices"])
    sequence = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "Install the updated driver from the vendor's disk.\n\n"
        "You may also need to restart the computer after you install the driver.\n"
    )
    assert len(outcomes(draft_tree(sequence))) == 1


EXAMPLE = (
    SYMPTOMS + "WORKAROUND\n==========\n\n"
    "Modify the RIOPEN procedure the RI Builder created. The modifications would consist\n"
    "of finding the database the table belongs to.\n\n"
    "Example Workaround\n------------------\n\n"
    "To work around this problem, make the following modifications to the RIOPEN\n"
    "Procedure:\n\n"
    "1. Copy the entire RIOPEN procedure, and paste it below the footer.\n\n"
    "2. Add the following variables to the copied RIOPEN's LOCAL declarations.\n"
)


def test_an_example_workaround_is_the_same_fix_spelt_out_not_a_second_option() -> None:
    """'Example Workaround' under a workaround gives that workaround its steps: one outcome."""
    article = mskb(EXAMPLE)
    tree = draft_tree(article)
    (only,) = outcomes(tree)
    assert only["title"].startswith("Workaround: Modify the RIOPEN procedure")
    texts = [s["text"] for s in only["steps"]]
    assert any(t.startswith("Copy the entire RIOPEN") for t in texts)
    assert not any("Example" in o["title"] for o in outcomes(tree))


def test_sample_code_under_a_fix_is_shown_under_it_not_offered() -> None:
    """'Sample Code' after a fix is shown under the fix's step, not a second option."""
    article = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "Declare the array as PUBLIC in the calling program.\n\n"
        "Sample Code\n-----------\n\n"
        "   PUBLIC ARRAY invoice(4)\n"
        "   DO dispinvo\n"
    )
    tree = draft_tree(article)
    (only,) = outcomes(tree)
    assert only["steps"][0]["text"].startswith("Declare the array")
    assert "PUBLIC ARRAY invoice(4)" in only["steps"][-1]["detail"]


HOTFIX = (
    SYMPTOMS + "RESOLUTION\n==========\n\n"
    "To resolve this problem immediately, contact Microsoft Product Support Services\n"
    "to obtain the fix.\n\n"
    "MORE INFORMATION\n================\n\n"
    "To install the hotfix, use either of the following methods.\n\n"
    "Using the Hotfix Installer\n--------------------------\n\n"
    "1. Copy the hotfix folder structure to a share on your network.\n\n"
    "2. Start Q999410.exe and follow the directions in the wizard.\n\n"
    "Manual Installation\n-------------------\n\n"
    "1. Stop the SMS_EXECUTIVE service on the site server.\n\n"
    "2. Copy the updated Smsapm32.exe file to the site server.\n\n"
    "3. Start the SMS_EXECUTIVE service.\n"
)


def test_obtaining_the_hotfix_and_installing_it_run_in_sequence() -> None:
    """Obtain the fix, then one of the two install methods: never 'obtain' alone as a fix."""
    article = mskb(HOTFIX)
    tree = draft_tree(article)
    assert draft_text(article)[1] is not None
    labels = [c["label"] for c in questions(tree)[0]["choices"]]
    assert len(labels) == 2 and all("Install" in label for label in labels)
    for words in ("Hotfix Installer", "Manual"):
        done = steps_for(article, answer_to(tree, words))
        assert done[0].startswith("Contact Microsoft Product Support Services")
        assert len(done) > 1


FALLBACK = (
    SYMPTOMS + "RESOLUTION\n==========\n\n"
    "Boot to VGA mode and re-install your video driver:\n\n"
    "1. In Control Panel, double-click Display.\n\n"
    "2. Choose your adapter manufacturer from the drop-down list, and then click OK.\n\n"
    "  -or-\n\n"
    "  If you are using a third-party driver:\n\n"
    "  Click Have Disk and then click Browse to the location of the driver.\n\n"
    "3. Click Reboot when you are prompted.\n\n"
    "If reinstalling your video driver does not work, you can try one of the\n"
    "following:\n\n"
    "- Select Last Known Good when you start the computer.\n\n"
    "  -or-\n\n"
    "- Restore your entire registry from tape backup.\n"
)


def test_fallback_list_beside_the_procedure_and_the_ways_inside_a_step_are_asked() -> None:
    """The procedure is one fix beside the fallbacks; its step's own -or- asks which way."""
    article = mskb(FALLBACK)
    tree = draft_tree(article)
    assert draft_text(article)[1] is not None
    fixes = [c["label"] for c in questions(tree)[0]["choices"]]
    assert len(fixes) == 3
    assert any("Last Known Good" in f for f in fixes) and any("tape backup" in f for f in fixes)
    vendor = steps_for(article, answer_to(tree, "third-party"))
    listed = steps_for(article, answer_to(tree, "Choose your adapter"))
    assert any("Have Disk" in s for s in vendor) and not any("drop-down" in s for s in vendor)
    assert any("drop-down" in s for s in listed) and not any("Have Disk" in s for s in listed)
    assert any("Reboot" in s for s in vendor) and any("Reboot" in s for s in listed)
    assert not any("Last Known Good" in s for s in vendor)


def test_headed_runbook_remedies_with_a_short_term_one_are_asked() -> None:
    """'- Short term:' and '- Increase the VM memory:' over their own steps are two fixes."""
    article = runbook(
        "## Meaning\n\nThe VM guest is under memory pressure.\n\n"
        "## Mitigation\n"
        "- Short term (in guest OS):\n"
        "  - Restart or tune memory-heavy processes.\n"
        "  - Drop caches temporarily.\n\n"
        "- Increase the VM memory (use a hotplug if supported):\n"
        "  1) Edit the VM:\n"
        "      ```bash\n      oc edit vm my-vm\n      ```\n"
        "  2) Restart the VM:\n"
        "      ```bash\n      virtctl restart my-vm\n      ```\n"
    )
    tree = draft_tree(article)
    labels = [c["label"] for c in questions(tree)[0]["choices"]]
    assert any("Short term" in label for label in labels)
    assert any("Increase the VM memory" in label for label in labels)
    short = steps_for(article, answer_to(tree, "Short term"))
    assert any("Drop caches" in s for s in short) and not any("Edit the VM" in s for s in short)


def test_if_you_do_not_want_x_you_can_also_do_y_is_asked() -> None:
    """'If you do not want X, you can also define Y.' is asked, not ticked always."""
    article = support(
        "## Symptoms\n\nYou cannot add a reservation outside the scope range.\n\n"
        "## Resolution\n\nThis is by design. You can, however, extend the distribution range "
        "so that the whole subnet is covered. If you do not want to distribute addresses "
        "from the whole subnet, you can also define an exclusion range.\n"
    )
    tree = draft_tree(article)
    (ask,) = questions(tree)
    var = ask.get("var", ask["id"])
    answers = {"symptom": "yes"}
    assert any("exclusion" in s for s in steps_for(article, {**answers, var: "yes"}))
    assert not any("exclusion" in s for s in steps_for(article, {**answers, var: "no"}))


def test_a_case_whose_action_is_an_ms_kb_verb_is_asked() -> None:
    """'If X, hold down the Shift key ...' (a verb the MS KB reader knows) is asked."""
    article = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "1. Copy the debugging files to the SYSTEM directory.\n\n"
        "2. If you have an application in your Startup group that stops Windows from\n"
        "  loading, hold down the SHIFT key while Windows starts.\n\n"
        "3. Restart the computer.\n"
    )
    tree = draft_tree(article)
    (ask,) = questions(tree)
    var = ask.get("var", ask["id"])
    assert any("SHIFT" in s for s in steps_for(article, {"symptom": "yes", var: "yes"}))
    assert not any("SHIFT" in s for s in steps_for(article, {"symptom": "yes", var: "no"}))


def test_either_with_a_bare_verb_shares_the_object_of_the_other_way() -> None:
    """'Either remove or rebuild the data file.' asks 'Remove the data file' / 'Rebuild ...'."""
    article = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "1. Quit Mail on the workstation.\n\n"
        "2. Either remove or rebuild the user's local data file.\n"
    )
    tree = draft_tree(article)
    labels = [c["label"] for q in questions(tree) for c in q["choices"]]
    assert "Remove the user's local data file" in labels
    assert "Rebuild the user's local data file" in labels


def test_either_over_a_series_splits_at_the_or_that_ends_it() -> None:
    """'Either move, copy, or delete a message ..., or exit the client' has two ways, the
    series kept whole in the first (never a way named "Move, copy")."""
    article = mskb(
        SYMPTOMS + "WORKAROUND\n==========\n\n"
        "1. Open the Inbox folder.\n\n"
        "2. Either move, copy, or delete a message in the folder, or exit and restart the\n"
        "  Exchange Client.\n"
    )
    labels = [c["label"] for q in questions(draft_tree(article)) for c in q["choices"]]
    assert "Move, copy, or delete a message in the folder" in labels
    assert "Exit and restart the Exchange Client" in labels


def test_you_can_also_do_more_or_reach_the_same_place_is_no_second_way() -> None:
    """'You can also click X at this time' (as well) and 'You can also open the System
    menu by pressing ALT+SPACEBAR' (after 'On the System menu, click Y') ask nothing; the
    step's real other way ('You can also copy it from another computer') is asked."""
    article = mskb(
        SYMPTOMS + "RESOLUTION\n==========\n\n"
        "1. On the System menu, click User Options. You can also open the System menu by\n"
        "  pressing ALT+SPACEBAR.\n\n"
        "2. Update the fields on the page. You can also click the Tracking tab at this time\n"
        "  to set tracking options.\n\n"
        "3. Copy Mfc42.dll from the CD-ROM. You can also copy it from another computer.\n"
    )
    (ask,) = questions(draft_tree(article))
    assert [c["label"] for c in ask["choices"]] == [
        "Copy Mfc42.dll from the CD-ROM",
        "Copy it from another computer",
    ]
