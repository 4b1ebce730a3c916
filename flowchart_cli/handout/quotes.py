"""Quotation marks inside quotation marks: `“Send the "no cover on that date" letter”` → `“Send the ‘no cover
on that date’ letter”`.

The handout quotes a step's label in the language's marks ("Which stage does step 5, “…”, belong to?",
"viene de «…»"), and a label may hold quotes of its own, written straight (`"no cover"`) or in the same
marks.  Printed as they are, the inner ones look like the end of the outer quote.  Inside a quote each
language has its second marks: ‘…’ inside “…” (English, Portuguese), “…” inside «…» (Spanish), so the
inner pair is given those.  Text outside any quote (a label in the step table) keeps its marks as written.
"""

from __future__ import annotations

__all__ = ["nest_quotes"]

_CLOSE = {"“": "”", "«": "»"}
_INNER = {"“": ("‘", "’"), "«": ("“", "”")}


def nest_quotes(text: str) -> str:
    """``text`` with every quote inside a “…” or «…» quote in that quote's inner marks."""
    if '"' not in text and text.count("“") + text.count("«") < 2:
        return text  # nothing can be nested: the common case costs one scan
    out: list[str] = []
    outer = ""  # the open outer quote's mark, "" outside any quote
    inner = False  # an inner quote is open
    for ch in text:
        if not outer:
            if ch in _CLOSE:
                outer = ch
            out.append(ch)
            continue
        opening, closing = _INNER[outer]
        if ch == '"':
            out.append(closing if inner else opening)
            inner = not inner
        elif ch == outer and not inner:  # the same mark again, inside: an inner quote opens
            out.append(opening)
            inner = True
        elif ch == _CLOSE[outer]:
            if inner:
                out.append(closing)
                inner = False
            else:
                out.append(ch)
                outer = ""
        else:
            out.append(ch)
    return "".join(out)
