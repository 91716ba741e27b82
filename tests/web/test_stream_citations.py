"""The stream's citation numbers match its sources event (issue 9, item 8)."""

from __future__ import annotations

import json
import re

import httpx

from tests.web.conftest import Site

MESSAGES = (
    "Partners never come to the strategy meeting and I have no authority over them.",
    "One team manager says I'm too soft and the audits are getting worse; another says too harsh.",
    "We lurch from crisis to crisis with the same families and nothing changes.",
    "A baby was removed under police protection at 11pm and the director wants a redesign by "
    "tomorrow.",
)


def stream(base: str, message: str) -> tuple[str, list[dict[str, str]]]:
    text, sources = "", None
    with httpx.stream(
        "POST", f"{base}/v1/chat/stream", json={"message": message}, timeout=60
    ) as response:
        assert response.status_code == 200
        event = ""
        for line in response.iter_lines():
            if line.startswith("event: "):
                event = line[7:]
            elif line.startswith("data: "):
                data = json.loads(line[6:])
                assert event != "error", data
                if event == "token":
                    text += data["text"]
                elif event == "sources":
                    sources = data["sources"]
    assert sources is not None, "no sources event"
    return text, sources


def test_every_streamed_citation_points_at_a_source(site: Site) -> None:
    for message in MESSAGES:
        text, sources = stream(site.base, message)
        cited = [
            int(n) for group in re.findall(r"\[(\d+(?:,\s*\d+)*)\]", text) for n in group.split(",")
        ]
        assert cited, message
        assert all(1 <= n <= len(sources) for n in cited), (cited, len(sources))
