"""What a usable `link` is: a URL a browser can open and that cannot mislead the reader.

Why stricter than "the scheme is http, https or mailto": `http://x:99999/`
or `http://%5Bx/` pass a naive check but no browser opens them; a right-to-left
override (even percent-encoded, `%E2%80%AE`) makes a link read as something
else; a `mailto:` with `bcc=`, `to=`, `cc=` or encoded CR/LF adds recipients
or mail headers the reader never sees; `https://intranet.example@evil.test/`
reads as the intranet but opens evil.test (user info before `@`, and a
password in a document is a leak anyway).  So: the URL must parse, carry no
user name or password, its host be a host name or an IP address, its port
1–65535; no control, bidi or line separator character anywhere, raw or
percent-encoded; `mailto:` is one address with at most `subject` and `body`.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import parse_qsl, unquote, urlsplit

from .printable import UNSAFE

__all__ = ["LINK_SCHEMES", "link_problem"]

LINK_SCHEMES = ("http", "https", "mailto")
MAIL_FIELDS = ("subject", "body")
_LABEL = re.compile(r"\w(?:[\w-]{0,61}\w)?")
_LOCAL_PART = re.compile(r"[^\s@,;:<>()\[\]\\\"]+")


def link_problem(url: str) -> str:
    """Why ``url`` is not a usable link, as the end of a sentence ("" when it is fine)."""
    if any(ch.isspace() for ch in url):
        return "holds a space or a line break; write spaces as %20"
    if UNSAFE.search(url) or UNSAFE.search(unquote(url, errors="replace")):
        return "holds a control, bidi or line separator character (raw or %-encoded), which could hide its target"
    try:
        parts = urlsplit(url)
    except ValueError:
        return "is not a valid URL"
    scheme = parts.scheme.lower()
    if scheme not in LINK_SCHEMES:
        meant = _meant_url(url)
        return "must be an http, https or mailto URL" + (f"; did you mean '{meant}'?" if meant else "")
    if scheme == "mailto":
        return _mail_problem(parts.path, parts.query, parts.fragment)
    if not parts.netloc:
        return "has no host (write it as https://host/path)"
    if "@" in parts.netloc:
        return (
            "has a user name or password before @ (https://user:pass@host/), which makes it read as "
            "another address; link to the host alone"
        )
    host = parts.netloc
    if host.startswith("["):
        bracketed = host.partition("]")[0].removeprefix("[")
        if not _is_ip(bracketed, version=6):
            return f"has an invalid IPv6 address [{bracketed}]"
    elif not parts.hostname or not _is_host(parts.hostname):
        return f"has an invalid host {host.rpartition(':')[0] or host!r}"
    try:
        port = parts.port
    except ValueError:
        return "has a port outside 1–65535"
    if port == 0:
        return "has a port outside 1–65535"
    return ""


def _meant_url(url: str) -> str:
    """ "https://www.example.com" for `www.example.com`, "mailto:ana@example.com" for an address ("" when
    neither is a usable link): what a link written without its scheme most likely meant."""
    head = url.partition("/")[0]
    if "://" in url or "." not in head.partition(":")[0]:
        return ""  # a scheme of its own (ftp://, javascript:) or no host name (a path): not a missing https://
    meant = f"mailto:{url}" if "@" in head and "/" not in url else f"https://{url}"
    return meant if not link_problem(meant) else ""


def _is_ip(text: str, *, version: int) -> bool:
    try:
        return ipaddress.ip_address(text).version == version
    except ValueError:
        return False


def _is_host(name: str) -> bool:
    """A host name of letters (any script), digits and hyphens in dot-separated labels, or an IPv4 address."""
    name = name.removesuffix(".")
    if not name or len(name) > 253:
        return False
    if all(part.isdigit() for part in name.split(".")):
        return _is_ip(name, version=4)
    return all(_LABEL.fullmatch(label) for label in name.split("."))


def _mail_problem(path: str, query: str, fragment: str) -> str:
    address = unquote(path)
    local, at, domain = address.rpartition("@")
    if not at or not _LOCAL_PART.fullmatch(local) or not _is_host(domain):
        return "must name one e-mail address (mailto:name@example.com)"
    if fragment:
        return "must not have a #fragment"
    try:
        fields = parse_qsl(query, keep_blank_values=True, strict_parsing=bool(query))
    except ValueError:
        return "has a malformed ?query"
    names = [name.lower() for name, _ in fields]
    extra = sorted({name for name in names if name not in MAIL_FIELDS})
    if extra:
        return f"may only carry subject and body, not {', '.join(extra)}"
    if len(names) != len(set(names)):
        return "repeats subject or body"
    return ""
