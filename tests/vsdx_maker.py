"""Write small but complete Visio packages (.vsdx) the way Visio lays them out, for the import tests.

The parts a Visio 2013+ file has: content types, package and document
relationships, the document, the masters list (with one master part each),
the pages list and the pages, whose shapes name their master and whose
`<Connects>` glue each connector's begin and end.  Inches, y pointing up.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

NS = "http://schemas.microsoft.com/office/visio/2012/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


@dataclass(frozen=True)
class Shape:
    id: int
    master: str
    text: str
    x: float
    y: float
    width: float = 1.5
    height: float = 0.75


@dataclass(frozen=True)
class Connector:
    id: int
    source: int
    target: int
    text: str = ""


def vsdx(shapes: list[Shape], connectors: list[Connector], page_name: str = "Page-1") -> bytes:
    masters = sorted({s.master for s in shapes} | ({"Dynamic connector"} if connectors else set()))
    master_id = {name: n for n, name in enumerate(masters, 1)}
    rel = "http://schemas.microsoft.com/visio/2010/relationships/"
    head = '<?xml version="1.0" encoding="utf-8"?>'
    page_list = (
        f'{head}<Pages xmlns="{NS}" xmlns:r="{REL}"><Page ID="0" NameU={quoteattr(page_name)} '
        f'Name={quoteattr(page_name)}><PageSheet/><Rel r:id="rId1"/></Page></Pages>'
    )
    parts = {
        "[Content_Types].xml": _content_types(len(masters)),
        "_rels/.rels": _rels([("rId1", rel + "document", "visio/document.xml")]),
        "visio/document.xml": f'{head}<VisioDocument xmlns="{NS}" xmlns:r="{REL}"/>',
        "visio/_rels/document.xml.rels": _rels(
            [("rId1", rel + "masters", "masters/masters.xml"), ("rId2", rel + "pages", "pages/pages.xml")]
        ),
        "visio/masters/masters.xml": _masters(masters),
        "visio/masters/_rels/masters.xml.rels": _rels(
            [(f"rId{n}", rel + "master", f"master{n}.xml") for n in master_id.values()]
        ),
        **{
            f"visio/masters/master{n}.xml": f'{head}<MasterContents xmlns="{NS}"><Shapes/></MasterContents>'
            for n in master_id.values()
        },
        "visio/pages/pages.xml": page_list,
        "visio/pages/_rels/pages.xml.rels": _rels([("rId1", rel + "page", "page1.xml")]),
        "visio/pages/page1.xml": _page(shapes, connectors, master_id),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def _content_types(masters: int) -> str:
    parts = "".join(
        f'<Override PartName="/visio/masters/master{n}.xml" ContentType="application/vnd.ms-visio.master+xml"/>'
        for n in range(1, masters + 1)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/visio/document.xml" ContentType="application/vnd.ms-visio.drawing.main+xml"/>'
        '<Override PartName="/visio/masters/masters.xml" ContentType="application/vnd.ms-visio.masters+xml"/>'
        '<Override PartName="/visio/pages/pages.xml" ContentType="application/vnd.ms-visio.pages+xml"/>'
        '<Override PartName="/visio/pages/page1.xml" ContentType="application/vnd.ms-visio.page+xml"/>'
        f"{parts}</Types>"
    )


def _rels(rels) -> str:
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in rels)
    return f'<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="{PKG}">{body}</Relationships>'


def _masters(names: list[str]) -> str:
    body = "".join(
        f'<Master ID="{n}" NameU={quoteattr(name)} Name={quoteattr(name)}><Rel r:id="rId{n}"/></Master>'
        for n, name in enumerate(names, 1)
    )
    return f'<?xml version="1.0" encoding="utf-8"?><Masters xmlns="{NS}" xmlns:r="{REL}">{body}</Masters>'


def _cells(**values: float) -> str:
    return "".join(f'<Cell N="{name}" V="{value}"/>' for name, value in values.items())


def _page(shapes: list[Shape], connectors: list[Connector], master_id: dict[str, int]) -> str:
    body = [
        f'<Shape ID="{s.id}" NameU="{escape(s.master)}.{s.id}" Type="Shape" Master="{master_id[s.master]}">'
        f"{_cells(PinX=s.x, PinY=s.y, Width=s.width, Height=s.height)}<Text>{escape(s.text)}</Text></Shape>"
        for s in shapes
    ]
    by_id = {s.id: s for s in shapes}
    for c in connectors:
        a, b = by_id[c.source], by_id[c.target]
        text = f"<Text>{escape(c.text)}</Text>" if c.text else ""
        connector_master = master_id["Dynamic connector"]
        body.append(
            f'<Shape ID="{c.id}" NameU="Dynamic connector.{c.id}" Type="Shape" Master="{connector_master}">'
            f"{_cells(BeginX=a.x, BeginY=a.y, EndX=b.x, EndY=b.y)}{text}</Shape>"
        )
    connects = "".join(
        f'<Connect FromSheet="{c.id}" FromCell="BeginX" FromPart="9" ToSheet="{c.source}" ToCell="PinX" ToPart="3"/>'
        f'<Connect FromSheet="{c.id}" FromCell="EndX" FromPart="12" ToSheet="{c.target}" ToCell="PinX" ToPart="3"/>'
        for c in connectors
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><PageContents xmlns="{NS}" xmlns:r="{REL}">'
        f"<Shapes>{''.join(body)}</Shapes><Connects>{connects}</Connects></PageContents>"
    )
