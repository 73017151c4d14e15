"""Alternatives a draft ran as one checklist are asked, one answer per way (round 12,
the seed-46 reader's "alternatives merged" notes): runbook prose ("by either A-ing or
by B-ing", "we need to either A or B"), a Mitigation list of "Review X and adjust it"
remedies, a "use one of the following methods" list with a code listing after it, and
MS KB "A, or B" steps."""

from __future__ import annotations

from functools import partial
from typing import Any

from drafting_support import archive, fixes, questions, runbook, support

from kbassist.drafting.tree import draft_text, draft_tree

mskb = partial(archive, id_="Q999912")

MEANING = "## Meaning\n\nThe node is running out of file descriptors.\n\n"


def labels(question: dict[str, Any]) -> list[str]:
    return [c["label"] for c in question["choices"]]


def steps_on(outcome: dict[str, Any], answer: str) -> list[str]:
    """The outcome's steps a walk that answered `answer` to its way question ticks."""
    return [
        " ".join(s["text"].split())
        for s in outcome["steps"]
        if "when" not in s or s["when"].endswith(f'"{answer}"')
    ]


def test_goal_by_either_of_two_means_asks_which_means() -> None:
    """'Reduce X by either adjusting A or by moving B' is two ways, each answer named by
    its means, each walk ticking only its own."""
    article = runbook(
        MEANING + "## Mitigation\n\nReduce the number of files opened simultaneously by "
        "either adjusting application\nconfiguration or by moving some applications to "
        "other nodes.\n"
    )
    tree = draft_tree(article)
    (way,) = [q for q in questions(tree) if q["title"] == "Which way do you take?"]
    assert labels(way) == [
        "By adjusting application configuration",
        "By moving some applications to other nodes",
    ]
    (fix,) = fixes(tree)
    assert steps_on(fix, "way_2") == [
        "Reduce the number of files opened simultaneously by moving some applications to "
        "other nodes."
    ]
    draft_text(article)  # lint-clean


def test_we_need_to_either_asks_and_each_command_runs_on_its_way() -> None:
    """'We need to either increase the CPU or run multiple active MDS' asks which; the
    step 'In order to run multiple active MDS servers, use below command' runs only on
    that way's walk."""
    article = runbook(
        "## Meaning\n\nCeph MDS CPU usage has exceeded the threshold.\n\n"
        "## Mitigation\n\nWe need to either increase the allocated CPU or run multiple "
        "active MDS.\nThe below command describes how to set the number of allocated CPU "
        "for MDS server.\n\n```bash\noc patch storagecluster ocs --type merge --patch "
        '\'{"cpu": "8"}\'\n```\n\nIn order to run multiple active MDS servers, use below '
        "command\n\n```bash\noc patch storagecluster ocs --type merge --patch "
        "'{\"activeMetadataServers\": 2}'\n```\n"
    )
    tree = draft_tree(article)
    (way,) = [q for q in questions(tree) if q["title"] == "Which way do you take?"]
    assert labels(way) == ["Increase the allocated CPU", "Run multiple active MDS"]
    (fix,) = fixes(tree)
    cpu, mds = steps_on(fix, "way_1"), steps_on(fix, "way_2")
    assert not any("multiple active MDS servers" in s for s in cpu)
    assert any("multiple active MDS servers" in s for s in mds)
    assert not any("allocated CPU for MDS" in s for s in mds)
    draft_text(article)


def test_review_and_adjust_bullets_are_remedies_and_see_link_is_read_with_each() -> None:
    """'- Review the quota and adjust it' / '- Review the resources and fine tune them'
    are two remedies to choose from; '- See [Quotas](url)' is no choice of its own but
    the link under each."""
    article = runbook(
        "## Meaning\n\nCluster reaches the allowed hard limits for the namespace.\n\n"
        "## Mitigation\n\n- Review existing quota for given namespace and adjust it "
        "accordingly.\n- Review resources used by the quota and fine tune them.\n"
        "- See [Quotas](https://kubernetes.io/docs/concepts/policy/resource-quotas/)\n"
    )
    tree = draft_tree(article)
    (which,) = questions(tree)
    assert labels(which) == [
        "Review existing quota for given namespace and adjust it accordingly",
        "Review resources used by the quota and fine tune them",
    ]
    for fix in fixes(tree):
        assert "resource-quotas" in fix["steps"][-1].get("detail", "")
    draft_text(article)


def test_choose_one_list_with_a_code_listing_after_it_is_asked() -> None:
    """'use one of the following methods:' over two bullets is a question even when a
    code segment is shown after them; the segment is shown under its step, not ticked."""
    article = support(
        "## Symptoms\n\nThe distribution agent fails with the error The subscription does "
        "not exist.\n\n## Workaround\n\nTo work around this issue, use one of the following "
        "methods:\n\n- Specify the parameters in the distribution agent command directly.\n\n"
        "- Make sure that the agent profile is created in all Distributors.\n\n"
        "To prevent this issue, specify the correct agent profile in the stored procedure.\n\n"
        "The following is a code segment of the stored procedure:\n\n```sql\nSELECT id, "
        "profile_id FROM MSdistribution_agents\n```\n"
    )
    tree = draft_tree(article)
    (which,) = questions(tree)
    assert labels(which) == [
        "Specify the parameters in the distribution agent command directly",
        "Make sure that the agent profile is created in all Distributors",
    ]
    for fix in fixes(tree):
        texts = [s["text"] for s in fix["steps"]]
        assert not any(t.startswith("The following is a code segment") for t in texts)
        assert "SELECT id" in fix["steps"][-1].get("detail", "")
    draft_text(article)


def test_mskb_comma_or_step_asks_which_way() -> None:
    """'Stop the X process, or shut down the Y service.' in a workaround asks which, each
    walk ticking one of them and the steps after on both; 'type the path, or click
    Browse' is one step by either gesture, not asked."""
    article = mskb(
        "SYMPTOMS\n========\n\nDirectory synchronization with Notes stops.\n\n"
        "WORKAROUND\n==========\n\nTo work around this problem, follow these steps:\n\n"
        "1. Stop the DXANOTES process, or shut down the LinkAge Directory Exchange\n"
        "   service.\n\n2. Delete the Lmd.dat file in the LINKAGE directory.\n\n"
        "3. In the Target box, type the path to the Dxanotes.exe file, or click Browse\n"
        "   to locate the file.\n"
    )
    tree = draft_tree(article)
    (way,) = [q for q in questions(tree) if q["title"] == "Which way do you take?"]
    assert labels(way) == [
        "Stop the DXANOTES process",
        "Shut down the LinkAge Directory Exchange service",
    ]
    (fix,) = fixes(tree)
    assert steps_on(fix, "way_2")[0] == "Shut down the LinkAge Directory Exchange service."
    assert "Stop the DXANOTES process." not in steps_on(fix, "way_2")
    draft_text(article)


def test_mitigation_one_remedy_a_line_is_asked_and_wrapped_prose_is_not() -> None:
    """A Mitigation written one whole sentence a line ("Start thinking about sharding
    prometheus." / "Increase scrape times ...") offers two remedies; the same sentences
    wrapped as running prose stay one step."""
    lines = (
        "## Meaning\n\nPrometheus has dropped targets because some scrape configs have "
        "exceeded the labels limit.\n\n## Mitigation\n\n"
        "Start thinking about sharding prometheus.\n"
        "Increase scrape times to perform it less frequently.\n"
    )
    tree = draft_tree(runbook(lines))
    (which,) = questions(tree)
    assert labels(which) == [  # the plan is a long-term option, offered last (rbalt35)
        "Increase scrape times to perform it less frequently",
        "Plan sharding prometheus (long term)",
    ]
    draft_text(runbook(lines))
    wrapped = lines.replace(
        "prometheus.\nIncrease scrape times to", "prometheus. Increase\nscrape times to"
    )
    assert not questions(draft_tree(runbook(wrapped)))


def test_mskb_do_one_or_both_of_the_following_asks_which_fix() -> None:
    """'To correct this problem, do one or both of the following:' over two items offers
    each as a fix of its own, not one checklist of both."""
    article = mskb(
        "SYMPTOMS\n========\n\nThe network adapter fails to load at startup.\n\n"
        "RESOLUTION\n==========\n\nTo correct this problem, do one or both of the following:\n\n"
        "- Configure the I/O port address of the network adapter to less than 300H\n"
        "  by using the adapter's Configuration Utility.\n\n"
        "- Replace the network adapter driver with the updated driver from the\n"
        "  adapter's manufacturer.\n"
    )
    tree = draft_tree(article)
    (which,) = questions(tree)
    assert len(which["choices"]) == 2
    assert len(fixes(tree)) == 2
    draft_text(article)
