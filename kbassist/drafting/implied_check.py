"""The check a fix's own action implies (round 14, verify14).

Readers mark "Check that this no longer happens: <the symptom pasted>" under a fix whose
action says what to look at: a service started is checked running, a DNS record added is
checked by resolving it, an update installed by its KB number in the update history. When
the article gives no check of its own, that check replaces the pasted symptom. Read from
the kind of step, never from one article.
"""

from __future__ import annotations

import re

from kbassist.drafting.text import split_detail, split_sentences

#: "Start the WINS service", "... and restart the SQL Server service.": a named service
#: started (a capital opens its name). Not "Start the X service or specify a port" (an
#: alternative the admin may not take), not "service pack", not a Stop.
_START_SERVICE_RE = re.compile(
    r"(?:^|\band (?:then )?|\bthen )(?:[Rr]e)?(?:[Ss]tart|START) (?:the )?"
    r"(?P<name>[A-Z][\w.\-]*(?: [A-Z(][\w.\-()]*){0,5}) [Ss]ervice\b"
    r"(?! [Pp]ack| account| [A-Z])(?P<rest>.*)$"
)
#: "disable the Spooler service", "Stop the WINS service": a service left stopped.
_STOP_SERVICE_RE = re.compile(r"\b(?:[Ss]top|[Dd]isable)\b[^.;]{0,60}?\b[Ss]ervices?\b(?! [Pp]ack)")
#: An update of a product that Windows' update history does not list the way it lists
#: Windows' own (a SQL Server cumulative update shows in its build, not in Get-HotFix).
_OTHER_PRODUCT_RE = re.compile(
    r"\b(?:SQL Server|Office|Exchange|SharePoint|Visual Studio|\.NET|Dynamics|Outlook|"
    r"Skype|Teams|System Center|Configuration Manager|BizTalk|Project|Visio)\b"
)
#: "Under Startup Type, click Automatic", "If the service is disabled, click Automatic to
#: have it start", "click the Startup type list, and then select an option other than
#: Disabled": a service made able to start, whose check is that it starts.
_AUTOMATIC_RE = re.compile(
    r"\bStartup [Tt]ype\b[^.;]{0,60}?\bAutomatic\b|\bclick \W?Automatic\W? to have it start"
    r"|\bStartup [Tt]ype\b[^.;]{0,60}?\boption other than \W?Disabled\b"
)
#: "Verify that Startup Type indicates Automatic": a check already, not a change.
_VERIFY_SAID_RE = re.compile(r"^(?:verify|check|make sure|ensure|confirm)\b", re.I)
#: "Add a DNS A Record for the system running PMC", "Create a host (A) record for X".
_DNS_RECORD_RE = re.compile(
    r"^(?:add|create) (?:a |an )?(?:new )?(?:DNS )?[\"']?"
    r"(?P<kind>A|AAAA|host(?: \(A\))?|CNAME|alias(?: \(CNAME\))?|PTR|pointer(?: \(PTR\))?)"
    r"[\"']? record\b(?: for (?P<who>(?:(?! or )[^.,;:]){3,60}))?",
    re.I,
)
#: "Install the update that fixes it: ... in KB 4089848", "apply KB4457142": the update's
#: number, in a step that installs it.
_KB_INSTALL_RE = re.compile(
    r"^(?:download and |obtain and )?(?:install|apply)\b(?:(?!\bsee\b).)*?\bKB ?(?P<n>\d{6,7})\b",
    re.I,
)
#: "Install the update that fixes it: ... the October 2017 update
#: (https://support.microsoft.com/help/4041676)": the update's KB number is its page's.
_KB_LINK_RE = re.compile(
    r"^(?:download and |obtain and )?(?:install|apply)\b(?:(?!\bsee\b).)*?"
    r"support\.microsoft\.com/(?:[a-z]{2}-[a-z]{2}/)?(?:help|kb)/(?P<n>\d{6,7})\b",
    re.I,
)
#: "Renew the certificate", "rotate the signer certificates", "Update certificates in the
#: cluster control nodes": a certificate made new, whose expiry date says it worked.
_CERT_RENEW_RE = re.compile(
    r"^(?:(?:please )?follow [^.]{0,80}? (?:on how )?to (?:manually )?)?"
    r"(?:renew|rotate|replace|update|re-?issue|re-?enroll)\b[^.;:]{0,50}?\bcertificates?\b",
    re.I,
)
#: What makes a step's implied check the wrong one: more than one way ("or"), a condition.
_ALTERNATIVE_RE = re.compile(r"^\s*(?:,\s*)?or\b|^\s*if\b", re.I)


#: What `_service_check` says of a step that leaves a service stopped or disabled.
_STOPPED = "stopped"


def _service_check(text: str, old: bool) -> str:
    """The running check of the service the step starts last; `_STOPPED` when the step
    stops or disables one after any start ("... then disable the Spooler service")."""
    for sentence in reversed([x.strip() for x in split_sentences(text)]):
        # every match holds "ervice" (case kept): most sentences skip the scan
        stops = (
            [m.start() for m in _STOP_SERVICE_RE.finditer(sentence)] if "ervice" in sentence else []
        )
        found = _START_SERVICE_RE.search(sentence)
        if stops and (found is None or max(stops) > found.start()):
            return _STOPPED
        automatic = _AUTOMATIC_RE.search(sentence) and not _VERIFY_SAID_RE.match(sentence)
        if found is None and automatic:
            where = (
                "Services (services.msc; Control Panel > Services on Windows NT 4.0 and "
                "earlier) and check that it shows as Started"
                if old
                else "Services (services.msc) and check that its status is Running"
            )
            return f"Check that the service now starts: start it in {where}."
        if found and not _ALTERNATIVE_RE.match(found.group("rest")):
            where = (
                "Services (services.msc; Control Panel > Services on Windows NT 4.0 and "
                "earlier) shows it as Started or Running"
                if old
                else "in Services (services.msc) its status is Running"
            )
            return f"Check that the {found.group('name')} service is running: {where}."
    return ""


def _dns_check(text: str) -> str:
    found = _DNS_RECORD_RE.match(text.strip())
    rest = text[found.end() :] if found else ""
    if not found or (re.match(r"\s*,?\s+or\b", rest) and "record" not in rest.split(".")[0]):
        return ""  # "Add an A record or use the IP address": maybe no record added
    kind = found.group("kind").lower()
    who = (found.group("who") or "").strip()
    target = f" for {who}" if who else ""
    if kind.startswith(("ptr", "pointer")):
        return (
            f"Check that the pointer record{target} resolves: nslookup with its IP address "
            "returns the host name."
        )
    if kind.startswith(("cname", "alias")):
        return (
            f"Check that the alias record{target} resolves: nslookup with the alias returns "
            "the name it points to."
        )
    return (
        f"Check that the DNS record{target} resolves: nslookup with the record's name "
        "returns the IP address it gives."
    )


def _kb_check(text: str, context: str = "") -> str:
    found = _KB_INSTALL_RE.search(text) or _KB_LINK_RE.search(text)
    if not found or _OTHER_PRODUCT_RE.search(f"{text} {context}"):
        return ""
    number = found.group("n")
    return (
        f"Check that update KB{number}, or a later cumulative update that includes it, is "
        f"installed: Settings > Windows Update > Update history, or Get-HotFix in PowerShell."
    )


#: "the signer CA certificate of etcd (metrics or server)", "Server certificate for
#: Kubelet on node": which certificate an alert's condition is about (what it is, up to
#: what it does: "is", "expires", "used to").
_NAMED_CERT_RE = re.compile(
    r"\b(?P<cert>(?:(?:the|a|an) )?(?:[\w-]{1,30} ){0,4}certificates?"
    r"(?: (?:of|for) [\w-]{1,30}(?: [\w-]{1,30}){0,3}(?: \([^()]{1,40}\))?)?"
    r"(?: used to [\w-]{1,30}(?: [\w-]{1,30}){0,5}?)?)"
    r"(?= (?:is|are|has|have|will|expires?|expiring|on)\b)",
    re.IGNORECASE,
)


def named_certificate(condition: str) -> str:
    """The certificate an alert's condition names ("the signer CA certificate of etcd
    (metrics or server)"), "" when it names none."""
    found = _NAMED_CERT_RE.search(condition)
    if not found:
        return ""
    cert = found.group("cert")
    cert = re.sub(r"^(?:a|an)\b", "the", cert, flags=re.IGNORECASE)
    cert = cert if cert.lower().startswith("the ") else f"the {cert[:1].lower()}{cert[1:]}"
    return cert


def certificate_check(steps: list[str], windows: bool = True, condition: str = "") -> str:
    """The check of a fix that renews a certificate: its new expiry date ("" when no step
    renews one). `windows`: read in the Certificates console, else with openssl, naming
    the certificate the alert's `condition` names (a bare "the certificate" cannot be
    run: which one?)."""
    for step in reversed(steps):
        text = " ".join(split_detail(step)[0].split())
        if _CERT_RENEW_RE.search(text):
            if windows:
                return (
                    "Check the certificate's new expiry date: in the Certificates console "
                    "(certlm.msc), open the certificate and check that Valid to is the new, "
                    "later date."
                )
            cert = named_certificate(condition)
            if cert:
                return (
                    f"Check the expiry date of {cert}, the one the alert names: "
                    "openssl x509 -noout -enddate on it shows a notAfter date well past the "
                    "alert's limit."
                )
            return (
                "Check the renewed certificate's expiry date: openssl x509 -noout -enddate "
                "on the certificate shows a notAfter date well past the alert's limit."
            )
    return ""


def implied_check(steps: list[str], old: bool = False, context: str = "") -> str:
    """The check the fix's last telling step implies ("" when none does): the service it
    starts is running, the DNS record it adds resolves, the update it installs is there.
    `old`: an archive article, whose Windows may predate services.msc; `context`: the
    outcome's label and the article's title, which name the product an update is for."""
    stopped = False  # a later step leaves a service stopped: no earlier start is checked
    for step in reversed(steps):
        text = " ".join(split_detail(step)[0].split())
        service = "" if stopped else _service_check(text, old)
        stopped = stopped or service == _STOPPED
        check = (
            (service if service != _STOPPED else "") or _dns_check(text) or _kb_check(text, context)
        )
        if check:
            return check
    return certificate_check(steps)
