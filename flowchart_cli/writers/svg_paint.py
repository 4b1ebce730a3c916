"""How the SVG writer colours an element, and the style block that lets an `auto` SVG turn dark.

Colours stay presentation attributes (what cairo, librsvg and draw.io read).
With a theme that has an ``alternate`` (``auto``), each coloured element also
gets a class ``fc-p-NAME`` and the drawing ends with one ``<style>`` whose
rules give those classes the dark colours when the reader prefers a dark
scheme, or when the page is MkDocs Material's ``slate`` scheme (an inline SVG
sees the page's ``data-md-color-scheme``); Material's light ``default`` scheme
keeps the light colours even on a dark system.
"""

from __future__ import annotations

from ..layout.theme import Theme

__all__ = ["INK", "OUTLINED", "PAPER", "STROKED", "Paints"]

_ROOT = "svg.fc-auto"

INK, PAPER, STROKED, OUTLINED = "fc-p-ink", "fc-p-bg", "fc-p-outline", "fc-p-badge"
"""Paints every switching drawing defines, for what the handout adds to a drawing (frames, part
numbers, off-page connectors): text in ink; a paper fill; an ink line; paper with an ink line."""


class Paints:
    """The colour attributes of one drawing, and the scheme rules an `auto` drawing needs."""

    def __init__(self, light: Theme, *, switch: bool = True) -> None:
        self.light = light
        self.dark = light.alternate if switch else None
        self.rules: dict[str, tuple[str, str]] = {}
        if self.dark is not None:
            ink, paper = (light.ink, self.dark.ink), (light.background, self.dark.background)
            self.paint_class("ink", fill=ink)
            self.paint_class("bg", fill=paper)
            self.paint_class("outline", stroke=ink)
            self.paint_class("badge", fill=paper, stroke=ink)

    @property
    def switching(self) -> bool:
        return self.dark is not None

    def attrs(self, name: str, *, classes: str = "", **colours: tuple[str, str]) -> str:
        """`` class=… fill=… stroke=…`` for an element painted ``name``.

        Each keyword (``fill``, ``stroke``) is a (light, dark) pair; the light
        colour goes in the attribute, the dark one into the style block.
        """
        names = " ".join(n for n in (classes, self.paint_class(name, **colours)) if n)
        out = f' class="{names}"' if names else ""
        return out + "".join(f' {prop}="{pair[0]}"' for prop, pair in colours.items())

    def paint_class(self, name: str, **colours: tuple[str, str]) -> str:
        """The class ``fc-p-NAME`` whose dark colours the style block sets ("" when nothing switches)."""
        if self.dark is None:
            return ""
        light_css = ";".join(f"{prop}:{pair[0]}" for prop, pair in colours.items())
        dark_css = ";".join(f"{prop}:{pair[1]}" for prop, pair in colours.items())
        self.rules.setdefault(f"fc-p-{name}", (light_css, dark_css))
        return f"fc-p-{name}"

    def root_class(self) -> str:
        return ' class="fc-auto"' if self.dark is not None else ""

    def style(self) -> str:
        """The ``<style>`` element of an `auto` drawing ("" otherwise), rules in a stable order."""
        if self.dark is None or not self.rules:
            return ""
        names = sorted(self.rules)
        dark = "".join(f"{_ROOT} .{n}{{{self.rules[n][1]}}}" for n in names)
        slate = "".join(f'[data-md-color-scheme="slate"] {_ROOT} .{n}{{{self.rules[n][1]}}}' for n in names)
        light = "".join(f'[data-md-color-scheme="default"] {_ROOT} .{n}{{{self.rules[n][0]}}}' for n in names)
        return (
            f"<style>@media (prefers-color-scheme: dark){{{dark}}}\n{slate}\n"
            f"@media (prefers-color-scheme: dark){{{light}}}</style>\n"
        )
