"""One slug function for heading anchors, used by the tool pages and by citation links."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

_NOT_WORD = re.compile(r"[^a-z0-9]+")
HEADING_SEPARATOR = " > "


def slugify(text: str) -> str:
    """A stable, readable anchor: lower case ASCII words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_WORD.sub("-", ascii_text.lower()).strip("-") or "section"


def heading_anchor(heading: str) -> str:
    """The anchor of a cited heading path ("Tool > Section"): its last part's slug."""
    return slugify(heading.split(HEADING_SEPARATOR)[-1])


def citation_href(*, tool_id: str, heading: str, source: str) -> str:
    """Where a citation lands: the tool page, or the uploaded material's page, at the heading."""
    if source.startswith("knowledge/") and tool_id:
        return f"/tools/{quote(tool_id, safe='')}#{heading_anchor(heading)}"
    return f"/material?source={quote(source, safe='')}#{heading_anchor(heading)}"
