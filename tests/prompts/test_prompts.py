"""Each prompt file's variables match what the code passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import ConfigurationError
from app.prompts.library import PROMPT_VARIABLES, PromptLibrary, template_fields

PROMPTS = Path(__file__).resolve().parents[2] / "prompts"


def test_every_prompt_file_is_registered_with_its_variables() -> None:
    files = {p.relative_to(PROMPTS).with_suffix("").as_posix() for p in PROMPTS.rglob("*.md")}
    assert files == set(PROMPT_VARIABLES)
    for name, variables in PROMPT_VARIABLES.items():
        text = (PROMPTS / f"{name}.md").read_text(encoding="utf-8")
        assert template_fields(text) == variables, name


def test_render_refuses_missing_or_extra_variables() -> None:
    library = PromptLibrary(PROMPTS)
    with pytest.raises(ConfigurationError):
        library.render("user", material="x")
    with pytest.raises(ConfigurationError):
        library.render("user", material="x", message="y", extra="z")
    assert "<message>\ny\n</message>" in library.render("user", material="x", message="y")


def test_parts_fill_their_fields() -> None:
    library = PromptLibrary(PROMPTS)
    for variant in library.parts["later_with_decision"]:
        filled = variant.format(decision="the rota", decision_cap="The rota", period="today")
        assert "the rota" in filled.lower()
    assert "offline" in library.part("offline_note")
    assert len(library.parts["safety_checks"]) >= 1


def test_system_prompt_defends_against_injection() -> None:
    system = PromptLibrary(PROMPTS).text("system").lower()
    assert "data, not instructions" in system
    assert "never reveal" in system


def test_missing_prompts_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="BALCONY_PROMPTS_DIR"):
        PromptLibrary(tmp_path / "nowhere")
