"""Prompts live as files in prompts/; this loads them and says which variables each expects."""

from __future__ import annotations

import string
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from app.core.errors import ConfigurationError

# Every prompt file and the variables the code fills in: a test holds files and code to this.
PROMPT_VARIABLES: dict[str, frozenset[str]] = {
    "system": frozenset(),
    "crisis": frozenset(),
    "reflect": frozenset(),
    "followup": frozenset(),
    "user": frozenset({"material", "message"}),
    "rewrite": frozenset({"history", "message"}),
    "safeguarding": frozenset({"message"}),
    "tailor": frozenset({"focus", "prompts"}),
    "offline/crisis": frozenset(
        {
            "reflection",
            "safety_check",
            "later_line",
            "slow_title",
            "slow_cite",
            "slow_step",
            "tool_line",
            "question",
            "offline_note",
        }
    ),
    "offline/reflect": frozenset(
        {
            "reflection",
            "tool_title",
            "tool_cite",
            "tool_what",
            "tool_why",
            "steps",
            "questions",
            "second_tool",
            "read_more",
            "offline_note",
        }
    ),
    "offline/followup": frozenset(
        {
            "reflection",
            "tool_title",
            "tool_cite",
            "next_intro",
            "next_items",
            "questions",
            "offline_note",
        }
    ),
    "offline/no_material": frozenset({"offline_note"}),
}


def template_fields(text: str) -> set[str]:
    """The {named} fields of a str.format / f-string template."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


class PromptLibrary:
    """Read-only access to the prompt files, loaded once."""

    def __init__(self, directory: Path) -> None:
        if not directory.is_dir():
            raise ConfigurationError(
                f"The prompts folder {directory} is missing; set BALCONY_PROMPTS_DIR."
            )
        self._directory = directory
        self._cache: dict[str, str] = {}

    def text(self, name: str) -> str:
        """The prompt file `name` (e.g. "system" or "offline/crisis"), without trailing space."""
        if name not in self._cache:
            path = self._directory / f"{name}.md"
            try:
                self._cache[name] = path.read_text(encoding="utf-8").strip()
            except OSError as error:
                raise ConfigurationError(f"Prompt file {path} cannot be read: {error}") from error
        return self._cache[name]

    def render(self, name: str, **values: str) -> str:
        """Fill a template; a missing or extra variable is a programming error, said loudly."""
        text = self.text(name)
        expected = template_fields(text)
        if expected != set(values) or PROMPT_VARIABLES.get(name) != frozenset(expected):
            raise ConfigurationError(
                f"Prompt {name} expects {sorted(expected)}, was given {sorted(values)}"
            )
        return text.format(**values)

    @cached_property
    def parts(self) -> dict[str, Any]:
        """Short phrases the offline coach fits into its templates."""
        path = self._directory / "offline" / "parts.yaml"
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as error:
            raise ConfigurationError(f"{path} cannot be read: {error}") from error
        if not isinstance(data, dict):
            raise ConfigurationError(f"{path} must be a mapping")
        return data

    def part(self, key: str, **values: str) -> str:
        value = self.parts
        for name in key.split("."):
            value = value[name]
        if not isinstance(value, str):
            raise ConfigurationError(f"prompt part {key} is not text")
        return value.format(**values) if values else value
