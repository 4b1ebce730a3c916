"""Links a browser cannot open, or that would mislead the reader, are FC108; good links stay good."""

from __future__ import annotations

import pytest

from flowchart_cli.links import link_problem
from flowchart_cli.loader import load_text


def fc108(url: str) -> list[str]:
    text = f"title: T\nsteps:\n  - start: A\n    link: '{url}'\n  - end: B\n"
    return [d.message for d in load_text(text)[1] if d.code == "FC108"]


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://x.example:99999/", "port"),
        ("http://x.example:0/", "port"),
        ("http://x.example:http/", "port"),
        ("http://%5Bx/", "invalid host"),
        ("http://exa mple.com/", "space"),
        ("https://-bad-.example/", "invalid host"),
        ("https://a..b/", "invalid host"),
        ("http://999.1.1.1/", "invalid host"),
        ("http://[::g]/", "not a valid URL"),
        ("https://example.com/%E2%80%AEfdp.exe", "bidi"),
        ("https://example.com/\u202efdp.exe", "bidi"),
        ("https://example.com/%0d%0aSet-Cookie:x", "control"),
        ("mailto:a@example.com?bcc=spy@example.com", "not bcc"),
        ("mailto:a@example.com?subject=Hi%0D%0ABcc:%20spy@example.com", "control"),
        ("mailto:a@example.com?to=b@example.com", "not to"),
        ("mailto:a@example.com,b@example.com", "one e-mail address"),
        ("mailto:?subject=x", "one e-mail address"),
        ("mailto:nobody", "one e-mail address"),
        ("mailto:a@example.com?subject=a&subject=b", "repeats"),
        ("javascript:alert(1)", "http, https or mailto"),
        ("https://user:pass@host.example/", "user name or password before @"),
        ("https://user@host.example/", "user name or password before @"),
        ("https://intranet.example@evil.test/kb", "read as another address"),
        ("https://:@host.example/", "user name or password"),
    ],
)
def test_unusable_links_are_fc108_with_the_reason(url: str, reason: str) -> None:
    [message] = fc108(url)
    assert reason in message


@pytest.mark.parametrize(
    "url",
    [
        "https://intranet.example/kb/quejas",
        "http://localhost:8080/path?q=1#top",
        "https://192.168.1.10/",
        "https://[2001:db8::1]:8443/",
        "https://ejemplo.es/gestión/ñandú",
        "https://bücher.example/",
        "https://my_host.example/a%20b",
        "mailto:soporte@example.com",
        "mailto:soporte@example.com?subject=Queja%20nueva&body=Hola",
        "MAILTO:Soporte@Example.com?Subject=x",
    ],
)
def test_good_links_pass(url: str) -> None:
    assert link_problem(url) == ""
    assert fc108(url) == []
