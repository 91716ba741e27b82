"""The safeguarding check with the real model, shared by the safety tests."""

from __future__ import annotations

import pytest

from app.components.embedding import SentenceTransformerEmbedder
from app.safety.safeguarding import SafeguardingCheck


@pytest.fixture(scope="module")
def check(embedder: SentenceTransformerEmbedder) -> SafeguardingCheck:
    return SafeguardingCheck(embedder)
