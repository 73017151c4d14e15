"""A fix whose own action says what to check is verified by that check, not by the
symptom pasted back (round 14, verify14): a service started is running, a DNS record
added resolves, an update installed is in the history, a certificate renewed has a new
expiry date."""

from __future__ import annotations

from functools import partial

from drafting_support import archive, fixes, runbook, support, verify_lines

from kbassist.drafting.tree import draft_text, draft_tree

#: An MS KB archive article with this file's own id and header fields.
mskb = partial(archive, id_="Q999914")


verify_texts = verify_lines


def test_support_fix_that_restarts_a_service_checks_it_runs() -> None:
    """'... and restart the SQL Server service' is verified by the service running in
    Services, not by 'this no longer happens: <the error>'."""
    article = support(
        "## Symptoms\n\nSQL Server doesn't start, and an Access is denied error is logged.\n\n"
        "## Resolution\n\nGrant the service account Full Control on the data folder, and "
        "then restart the SQL Server service.\n"
    )
    (only,) = fixes(draft_tree(article))
    (check,) = verify_texts(only)
    assert check.startswith("Check that the SQL Server service is running:")
    assert "services.msc" in check and "no longer happens" not in check
    draft_text(article)  # lint-clean


def test_service_offered_as_one_alternative_is_not_checked() -> None:
    """'Start the X service or specify a port' may leave X stopped: the service the fix
    surely restarts is checked, never X."""
    article = support(
        "## Symptoms\n\nYou receive a timeout error when you connect to the server.\n\n"
        "## Resolution\n\n1. Restart the SQL Server service.\n"
        "2. Start the SQL Server Browser service or specify the TCP port number in the "
        "connection string.\n"
    )
    (only,) = fixes(draft_tree(article))
    checks = verify_texts(only)
    assert checks[0].startswith("Check that the SQL Server service is running:")
    assert not any("Browser service is running" in v for v in checks)


def test_archive_fix_that_starts_a_service_checks_it_in_nt_services() -> None:
    """An archive procedure ending in 'Start the WINS service' checks it running, where NT 4.0
    shows it (Control Panel > Services) as well as services.msc."""
    article = mskb(
        "SYMPTOMS\n========\n\nWINS clients cannot register their names after the\n"
        "WINS database on the server is damaged.\n\n"
        "RESOLUTION\n==========\n\nTo resolve this problem, follow these steps:\n\n"
        "1. Stop the WINS service on the server.\n"
        "2. Restore the WINS database from the backup copy.\n"
        "3. Start the WINS service on the server.\n"
    )
    checks = [v for o in fixes(draft_tree(article)) for v in verify_texts(o)]
    assert any(
        v.startswith("Check that the WINS service is running:") and "Control Panel > Services" in v
        for v in checks
    )


def test_added_dns_record_is_checked_by_resolving_it() -> None:
    """'Add a DNS A record for X' is verified with nslookup, not the blank list pasted."""
    article = support(
        "## Symptoms\n\nWhen you view the printers on a remote server, the list of printers "
        "is blank.\n\n"
        "## Resolution\n\nAdd a DNS A record for the print server or correct the existing "
        "record.\n"
    )
    (only,) = fixes(draft_tree(article))
    check, redo = verify_texts(only)
    assert check.startswith("Check that the DNS record for the print server resolves: nslookup")
    assert "list of printers is no longer blank" in redo  # the symptom's turned check stays


def test_update_named_by_its_kb_number_is_checked_in_the_history() -> None:
    """A fix that installs KB 4089848 checks that update (or a later cumulative one) is
    installed, instead of the symptom repeated."""
    article = support(
        "## Symptoms\n\nApplication tiles like Alarm and Calculator are missing from the "
        "Start menu.\n\n"
        "## Resolution\n\nInstall the update that fixes it: this issue is fixed in KB 4089848 "
        "(https://support.microsoft.com/help/4089848).\n"
    )
    (only,) = fixes(draft_tree(article))
    check = verify_texts(only)[0]
    assert check.startswith("Check that update KB4089848, or a later cumulative update")
    assert "Update history" in check


def test_kb_number_only_for_reading_is_no_update_check() -> None:
    """'For more information, see KB 4013429' installs nothing: only the update the step
    installs is looked for."""
    article = support(
        "## Symptoms\n\nThe All Apps list is missing from the Start menu.\n\n"
        "## Resolution\n\nInstall the update that fixes it: KB 4089848. For more information "
        "about the policy, see KB 4013429.\n"
    )
    (only,) = fixes(draft_tree(article))
    checks = verify_texts(only)
    assert checks[0].startswith("Check that update KB4089848,")
    assert not any("KB4013429" in v for v in checks)


CERT = """
## Meaning

This alert fires when the client certificate for the kubelet on a node expires soon or
has already expired.

## Impact

The kubelet cannot talk to the API server.

## Mitigation

Update certificates in the cluster control nodes and the worker nodes.
"""


def test_runbook_certificate_renewed_is_checked_by_its_expiry_date() -> None:
    """A runbook fix that updates certificates checks the new expiry date (openssl), not
    'the condition ... expires soon ... no longer holds'."""
    tree = draft_tree(runbook(CERT, id_="KubeletClientCertificateExpiration"))
    (only,) = fixes(tree)
    checks = verify_texts(only)
    # round 32: the certificate named as the alert's Meaning names it
    assert checks[0].startswith("Check the expiry date of the client certificate")
    assert "openssl x509 -noout -enddate" in checks[0]
    assert not any("no longer holds" in v for v in checks)
    assert any("alert clears" in v for v in checks)
    draft_text(runbook(CERT, id_="KubeletClientCertificateExpiration"))  # lint-clean


def test_service_disabled_after_it_was_started_is_not_checked_running() -> None:
    """'Start the Spooler service ... then disable the Spooler service' leaves it stopped:
    the verify never asks for it to be running (the record added before is checked)."""
    article = mskb(
        "SYMPTOMS\n========\n\nEvent ID 2510 is logged: the server service was unable to\n"
        "map error code 1722.\n\n"
        "RESOLUTION\n==========\n\nTo resolve this problem, follow these steps:\n\n"
        "1. Add a host (A) record for the print server.\n"
        "2. Start the Spooler service.\n"
        "3. Remove all printer shares.\n"
        "4. When you are finished, disable the Spooler service.\n"
    )
    checks = [v for o in fixes(draft_tree(article)) for v in verify_texts(o)]
    assert any(
        v.startswith("Check that the DNS record for the print server resolves") for v in checks
    )
    assert not any("service is running" in v for v in checks)


def test_sql_server_update_is_not_looked_for_in_windows_update_history() -> None:
    """A SQL Server cumulative update (KB number) is not checked with Get-HotFix, which
    lists only Windows' own updates; the service the fix restarts still is."""
    article = support(
        "## Symptoms\n\nThe SQL Server transaction log file doesn't grow by the configured "
        "value.\n\n"
        "## Resolution\n\n1. Restart the SQL Server service.\n"
        "2. Install the cumulative update that fixes it: the issue is fixed in KB 2633145 for "
        "SQL Server 2008 R2.\n",
        title="SQL Server transaction log file doesn't grow",
    )
    (only,) = fixes(draft_tree(article))
    checks = verify_texts(only)
    assert checks[0].startswith("Check that the SQL Server service is running:")
    assert not any("Get-HotFix" in v for v in checks)


def test_service_set_to_start_automatically_is_checked_by_starting_it() -> None:
    """'If the service is disabled, click Automatic to have it start' is verified by the
    service starting, before the Error 1058 message is checked gone."""
    article = support(
        "## Symptoms\n\nWhen you try to start a service, you receive the following error "
        'message: "Error 1058: The service cannot be started."\n\n'
        "## Resolution\n\n1. In Services, right-click the service, and then click "
        "Properties.\n"
        "2. Click the General tab. If the service is disabled, click Automatic to have it "
        "start automatically.\n"
    )
    (only,) = fixes(draft_tree(article))
    checks = verify_texts(only)
    assert checks[0].startswith("Check that the service now starts: start it in Services")
    assert "its status is Running" in checks[0]
