"""Sample code and sample output kept as written in steps and notes (round 41, code41:
seed-118 readers on a C sample joined into one line, where "//" swallowed the statements,
and on sample output shown as a command)."""

from __future__ import annotations

from drafting_support import archive, details, fixes, runbook, ticks

from kbassist.drafting.listing_lines import c_listing
from kbassist.drafting.session_output import with_output_marked
from kbassist.drafting.tree import draft_tree

#: A fix, then a C sample under its own "Sample of" heading, in two indented blocks.
C_SAMPLE = (
    "SYMPTOMS\n========\n\nNo values are returned for the Contoso output parameters.\n\n"
    "RESOLUTION\n==========\n\n"
    "Derive from CContosoBase and override the BindValues function to provide your own\n"
    "binding. Then call CContosoBase::Run directly.\n\n"
    "Sample of BindValues\n--------------------\n\n"
    "     void CMyBase::BindValues(HSTMT hstmt)\n"
    "     {\n"
    "        // This sample shows how to bind the RETURN value.\n"
    "        RETCODE nRetCode;\n"
    "        m_lValue = 0;   // First, the RETURN parameter.\n"
    "        nRetCode = ::BindOne(hstmt, 1, &m_lValue);\n"
    "     }\n\n"
    "     // In your code, call the procedure directly.\n"
    "     // No recordset is involved.\n"
    '     db.Run(_T("{?=CALL TestQuery(?)}"));\n'
)


def test_c_sample_keeps_its_lines() -> None:
    """A C sample under a fix is shown line by line: no "//" comment swallows a statement."""
    tree = draft_tree(archive(C_SAMPLE))
    shown = "\n".join(
        [*(t for o in fixes(tree) for t in ticks(o))] + [details(o) for o in fixes(tree)]
    )
    assert "RETCODE nRetCode;\n" in shown
    assert "// No recordset is involved.\ndb.Run(" in shown
    for line in shown.split("\n"):
        assert not ("//" in line and ";" in line.split("//", 1)[1]), line


def test_c_listing_is_not_prose() -> None:
    """Prose with a URL or a stray semicolon is not read as a listing to keep as written."""
    assert c_listing(["void f(int x)", "{", "   // add one", "   x++;", "}"])
    assert not c_listing(
        [
            "See http://example.com/help for the steps; then restart the computer",
            "and log on again with the account you use for the server.",
        ]
    )
    assert not c_listing(["Restart the computer."])


def test_command_after_output_set_apart() -> None:
    """A root-shell command after a command's output is not left under the output label."""
    lines = ["$ oc debug node/x", "# sysctl -a", "fs.file-max = 1", "# lsof -n"]
    marked = with_output_marked(lines, "Output:")
    assert marked == [
        "$ oc debug node/x",
        "# sysctl -a",
        "Output:",
        "fs.file-max = 1",
        "",
        "# lsof -n",
    ]


def test_output_should_contain_marks_output() -> None:
    """A listing after "The output should contain ..." is shown as output, not run."""
    art = runbook(
        "## Meaning\n\nThe target certificate expired.\n\n"
        "## Diagnosis\n\nInspect the certificate's expiration date.\n\n"
        "```shell\nopenssl x509 -noout -enddate -in certificate.crt\n```\n\n"
        "The output should contain the `notAfter` field as its expiration date.\n\n"
        "```shell\nnotAfter=Aug  6 13:11:20 2025 GMT\n```\n\n"
        "## Mitigation\n\nRenew the certificate.\n"
    )
    tree = draft_tree(art)
    text = str(tree)
    assert "Run the command: notAfter" not in " ".join(text.split())
    assert (
        "not a command to run):\\nnotAfter=" in text or "not a command to run):\nnotAfter=" in text
    )


def test_here_is_an_example_not_applied() -> None:
    """An example YAML after "Here is an example." is shown under the step, not ticked."""
    art = runbook(
        "## Meaning\n\nThe target is down.\n\n"
        "## Diagnosis\n\nFind the certificate file the ServiceMonitor names.\n\n"
        "Here is an example.\nWe have a `ServiceMonitor` using `/etc/certs/tls.crt`.\n\n"
        "```yaml\napiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\n```\n\n"
        "## Mitigation\n\nRenew the certificate.\n"
    )
    tree = draft_tree(art)
    steps = [t for o in fixes(tree) for t in ticks(o)]
    assert not [t for t in steps if t.startswith(("Here is an example", "Apply this"))]
    assert "kind: ServiceMonitor" in "\n".join(details(o) for o in fixes(tree))
