"""The same fix said once per product, asked by product (round 32, cases33).

MS KB resolutions list one bullet per product with no "one of the following" lead:
"- To resolve this problem, obtain the latest service pack for Windows 2000. ..." / "- To
resolve this problem, obtain the latest service pack for Microsoft Data Access Components
2.5. ...". Drafted, both were ticked in turn, as if every system needed both packs (seed
86/88 readers). Steps in a row that say the same thing but for the product they name are
asked "Which applies to you?" with the products as answers ("Not sure" shows each).

Only steps whose words before "for <product>" are the same, that obtain, install or
apply an update, service pack, hotfix or version, and whose product starts with a capital
(a name, not "for your computer"), count.
"""

from __future__ import annotations

import re

from kbassist.drafting.option_model import Ask, Option
from kbassist.drafting.text import short_label, split_detail

#: "Obtain the latest service pack for Windows 2000.": the fix, then the product it is for.
_PACK_RE = re.compile(
    r"^(?P<fix>(?:obtain|install|apply|download|get)\s(?:the\s)?(?:latest\s|most recent\s)?"
    r"(?:[\w.-]{1,30}\s){0,3}?(?:service packs?|updates?|hotfix(?:es)?|fix|versions?|"
    r"security updates?|rollups?))\s(?:for|to)\s(?P<product>[A-Z][\w .+()/-]{1,80}?)\.?$",
    re.IGNORECASE,
)
#: Most products asked in one question.
MAX_PRODUCTS = 5


def _said(item: str) -> re.Match[str] | None:
    text = split_detail(item)[0].strip()
    if len(text) > 160:
        return None
    found = _PACK_RE.match(text)
    return found if found and found.group("product")[:1].isupper() else None


def product_pack_steps(option: Option, counter: int, max_asked: int) -> int:
    """Ask which product the admin has, over steps in a row that obtain the same fix for
    different products (see the module doc). Returns the questions counter."""
    if len(option.asks) >= max_asked or len(option.items) < 2:
        return counter
    n = 0
    while n < len(option.items) - 1:
        first = _said(option.items[n])
        if first is None or n in option.when:
            n += 1
            continue
        run = [n]
        products = [first.group("product").strip()]
        k = n + 1
        while k < len(option.items) and len(run) < MAX_PRODUCTS and k not in option.when:
            found = _said(option.items[k])
            if found is None or found.group("fix").casefold() != first.group("fix").casefold():
                break
            run.append(k)
            products.append(found.group("product").strip())
            k += 1
        if len(run) < 2 or len({p.casefold() for p in products}) < len(products):
            n = k
            continue
        counter += 1
        var = f"if_{counter}"
        labels = [short_label(p, 80) for p in products]
        for j, at in enumerate(run, 1):
            option.when[at] = f'{var} == "case_{j}" or {var} == "unsure"'
        choices = [{"value": f"case_{j}", "label": label} for j, label in enumerate(labels, 1)]
        choices.append({"value": "unsure", "label": "Not sure: show each"})
        fix = first.group("fix")
        option.asks.append(
            Ask(
                var,
                "Which applies to you?",
                f"The article says to {fix[:1].lower()}{fix[1:]} for each of these "
                f"({'; '.join(labels)}). Which do you have?",
                choices,
            )
        )
        if len(option.asks) >= max_asked:
            break
        n = k
    return counter
