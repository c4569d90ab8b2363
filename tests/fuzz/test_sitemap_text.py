"""The sitemap written as text is byte-for-byte what ElementTree writes for the same URLs."""

from __future__ import annotations

import datetime as dt
from xml.etree import ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from dateline.render import sitemaps

# URLs as a build makes them: any printable text (control characters never reach a URL).
LOCS = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn")), min_size=1, max_size=40)
ENTRIES = st.lists(st.tuples(LOCS, st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1))), max_size=8)


def element_tree(entries: list[tuple[str, dt.date | None]]) -> bytes:
    ns = sitemaps.SITEMAP_NS
    ET.register_namespace("", ns)
    root = ET.Element(f"{{{ns}}}urlset")
    for loc, lastmod in entries:
        url = ET.SubElement(root, f"{{{ns}}}url")
        ET.SubElement(url, f"{{{ns}}}loc").text = loc
        if lastmod is not None:
            ET.SubElement(url, f"{{{ns}}}lastmod").text = lastmod.isoformat()
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


@given(ENTRIES)
def test_text_sitemap_equals_element_tree(entries: list[tuple[str, dt.date | None]]) -> None:
    assert sitemaps.sitemaps(entries, "https://example.org/")["sitemap.xml"] == element_tree(entries)
