"""Steps that belong to one case of an outcome, and text that is only shown.

Modern articles write per-case steps as a lead-in bullet with a nested list ("- If the
startup account is a Local User Account on the computer:" then 1. 2. 3.); flattened, the
lead-in lands in the detail of the first nested step and every case's steps were ticked
unconditionally. They also show examples ("Here's an incorrect command example that
includes a typo:") and sample output (`Date: <Datetime>`), which are neither to-dos nor
values to type.
"""

from __future__ import annotations

import re

from kbassist.drafting.option_model import Ask, Option
from kbassist.drafting.text import short_label, split_detail, with_detail

#: "If the SQL Server Startup account is a Local User Account on the computer:", "For a
#: local account:", "If you use a gMSA:": a lead-in that opens the steps of one case.
_LEAD_CASE_RE = re.compile(
    r"^(?:if|for|when)\s+(?!(?:example|instance|more information|details)\b)"
    r"(?P<case>[^:\n]{3,120}?)\s*(?:,\s*(?:follow|do|use|take) (?:these|the following) "
    r"(?:steps|actions?))?:$",
    re.IGNORECASE,
)


def _lead_case(item: str) -> str:
    """The case a step's detail ends by opening ("If X:"), or ""."""
    detail = split_detail(item)[1].strip()
    if not detail:
        return ""
    last = detail.split("\n\n")[-1].strip()
    found = _LEAD_CASE_RE.match(last)
    return found.group("case").strip() if found else ""


def lead_case_steps(option: Option, counter: int) -> int:
    """Steps under two or more case lead-ins ("If the account is a local account:" / "If
    the account is a domain account:") are shown only for the case chosen in one question,
    "Which of these applies?" ("Not sure" shows all); returns the question counter."""
    starts = [(n, case) for n, item in enumerate(option.items) if (case := _lead_case(item))]
    if len(starts) < 2 or len({c.casefold() for _, c in starts}) < len(starts):
        return counter
    ends = [n for n, _ in starts[1:]] + [len(option.items)]
    spans = [range(n, end) for (n, _), end in zip(starts, ends, strict=True)]
    counter += 1
    var = f"if_{counter}"
    labels: list[str] = []
    for j, ((_, case), span) in enumerate(zip(starts, spans, strict=True), start=1):
        labels.append(short_label(case[0].upper() + case[1:], 80))
        mine = f'{var} == "case_{j}" or {var} == "unsure"'
        for m in span:  # a step with its own "If ..." keeps that question too
            old = option.when.get(m)
            option.when[m] = f"({mine}) and ({old})" if old else mine
    option.asks.append(
        Ask.of_cases(var, "Which of these applies?", "case", labels, "Which is yours?")
    )
    return counter


#: "Here's an incorrect command example that includes a typo:", "Here's a correct
#: command:", "An example for a SQL Server named instance SQLPROD:": a lead to text shown.
_EXAMPLE_STEP_RE = re.compile(
    r"^(?:here(?:'s| is| are) (?:an? |some )?(?:(?:in)?correct |sample |typical |good |bad )?"
    r"(?:command |output |result |query )?(?:examples?|commands?|outputs?|results?)\b"
    r"|(?:an? |for )?examples?\b(?: (?:of|for) [^:]{0,80})?:$"
    r"|(?:the )?(?:sample|example) (?:output|result)s?\b)",
    re.IGNORECASE,
)


def fold_example_steps(items: list[str]) -> list[str]:
    """A step that only introduces an example ("Here's a correct command:" and its code)
    is not a to-do: it joins the detail of the step before it."""
    out: list[str] = []
    for item in items:
        text, detail = split_detail(item)
        if out and text.rstrip().endswith(":") and _EXAMPLE_STEP_RE.match(text.strip()):
            out[-1] = with_detail(out[-1], f"{text}\n{detail}" if detail else text)
            continue
        out.append(item)
    return out


#: A field of a sample event or log entry ("Date:          <Datetime>", "Domain and
#: account: <AccountName>"): its placeholder is what the entry shows, never typed.
_FIELD_LINE_RE = re.compile(r"^\s*[A-Z][\w ]{0,30}:\s+<[^<>\n]{1,40}>\s*$")


def shown_lines(text: str) -> str:
    """`text` without what is only shown: quoted messages ("Quote: ...") and the fields
    of a sample event entry."""
    step, detail = split_detail(text)
    if not detail:
        return step
    kept = [
        line
        for line in detail.split("\n")
        if not line.startswith("Quote: ") and not _FIELD_LINE_RE.match(line)
    ]
    return with_detail(step, "\n".join(kept))


def order_asks(option: Option) -> None:
    """An option's questions in the order of the steps they decide, and "Which of these
    did you find?" (a result of a step) after the questions about the system itself: the
    admin is asked local-or-domain before what the command they have yet to run shows."""
    if len(option.asks) < 2:
        return

    def first_use(ask: Ask) -> tuple[int, int, int]:
        found = int(ask.title.startswith("Which of these did you find"))
        pat = re.compile(rf"\b{re.escape(ask.var)}\b")
        keys = [k for k, cond in option.when.items() if pat.search(cond)]
        if not keys:
            return (found, 2, 0)
        spots = [(0, -k - 1) if k < 0 else (1, k) for k in keys]
        return (found, *min(spots))

    option.asks = sorted(option.asks, key=first_use)


#: A step that only opens a case ("If the node cannot be recovered:", "If the database
#: size is less than 10 GB, you can follow these steps:"): the steps after it are its.
_LEAD_STEP_RE = re.compile(
    r"^(?:if|when)\s+[^:\n]{3,160}?(?:,\s*(?:you can |you must |then )?(?:follow|do|use|take|try) "
    r"(?:these|the following)(?: \w+)?)?:$",
    re.IGNORECASE,
)
#: A step that opens another case or says what to do otherwise: the end of a case's steps.
_CASE_END_RE = re.compile(
    r"^(?:(?:if|when)(?! (?:possible|needed|necessary|required|applicable)\b)"
    r"|otherwise|else|for|(?:case|scenario|option|method|solution|resolution|workaround)\s*\d)\b",
    re.IGNORECASE,
)


def lead_step_spans(option: Option) -> int:
    """The steps after a conditional lead-in step ("If the node cannot be recovered:",
    asked as a yes/no) are shown only when its answer is: they read its condition, up to
    the next case or a step with a condition of its own. Returns the steps changed."""
    changed = 0
    n = 0
    while n < len(option.items):
        text, detail = split_detail(option.items[n])
        cond = option.when.get(n)
        if not cond or detail.strip() or not _LEAD_STEP_RE.match(text.strip()):
            n += 1
            continue
        m = n + 1
        while m < len(option.items) and m not in option.when:
            if _CASE_END_RE.match(split_detail(option.items[m])[0].strip()):
                break
            option.when[m] = cond
            changed += 1
            m += 1
        n = m
    return changed


def is_heading_of(step: str, later: str) -> bool:
    """Whether `step` is only the heading line of the case `later` describes ("Windows NT
    Server 4.0, Terminal Server Edition" at the end of the Windows NT 4.0 steps): a short
    name, no sentence, no detail, that `later` (the next case's label and first step)
    names."""
    text, detail = split_detail(step)
    text = text.strip()
    if detail.strip() or not text or re.search(r"[.!?:;]$", text) or len(text.split()) > 12:
        return False
    return len(text) >= 8 and text.casefold() in later.casefold()


#: A product heading glued to the text under it: "Windows NT Server or Workstation 4.0 To
#: resolve this problem, obtain the latest service pack ...".
_GLUED_HEADING_RE = re.compile(
    r"^(?P<head>[A-Z][^.!?:;,]{2,80}?(?:\d[\w.]*|Edition|Server|Workstation|Professional))\s+"
    r"To (?:resolve|fix|correct|work around) (?:this|the) (?:problem|issue|behavior),\s+"
    r"(?P<rest>[a-z].+)$",
    re.DOTALL,
)


def glued_heading(option: Option) -> bool:
    """A per-product resolution whose first step begins with the product's heading line
    ("Windows NT Server or Workstation 4.0 To resolve this problem, obtain ..."): the
    heading names the option, the step is what to do. Returns whether it was split."""
    if not option.items:
        return False
    text, detail = split_detail(option.items[0])
    found = _GLUED_HEADING_RE.match(text)
    if not found:
        return False
    rest = found.group("rest")
    step = rest[0].upper() + rest[1:]
    option.items[0] = with_detail(step, detail) if detail else step
    option.label = found.group("head").strip()
    return True
