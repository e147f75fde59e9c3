"""Configuration from the environment, with the prototype's variable names (SPEC section 8).

Loaded once by `main()`; nothing reads the environment at import time. A bad value fails start-up with a
message naming the variable.
"""

from __future__ import annotations

import ipaddress
import pathlib
import re
from typing import Annotated, Literal
from urllib.parse import quote

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

DEFAULT_SQLITE_PATH = "crm.db"


# RFC 7518 §3.2: an HS256 key at least as long as the hash.
MIN_HS256_SECRET_BYTES = 32


class ConfigError(Exception):
    """Start-up configuration is invalid; the message names each bad variable."""


def _parse_range(value: object) -> object:
    """Accept "1.2,3.0", "1.2-3.0", "(1.2, 3.0)" or "[1.2, 3.0]" for a (low, high) multiplier range."""
    if not isinstance(value, str):
        return value
    text = value.strip().strip("()[]")
    for separator in (",", "-", ":"):
        if separator in text:
            low, high = (part.strip() for part in text.split(separator, 1))
            return (float(low), float(high))
    raise ValueError(f"expected two numbers like '1.2,3.0', got {value!r}")


PriceRange = Annotated[tuple[float, float], NoDecode]

# The factors of the offer choice (engines/offer_choice.py), in the order OFFER_CHOICE_WEIGHTS lists them.
OFFER_FACTORS = ("landed_cost", "lead_time", "supplier_rating", "moq_fit")


def _parse_weights(value: object) -> object:
    """Accept "landed_cost=0.5,lead_time=0.2,supplier_rating=0.2,moq_fit=0.1"."""
    if not isinstance(value, str):
        return value
    weights: dict[str, float] = {}
    for part in value.split(","):
        name, separator, number = part.partition("=")
        if not separator:
            raise ValueError(f"expected name=weight pairs like 'landed_cost=0.5', got {part.strip()!r}")
        weights[name.strip()] = float(number)
    return weights


OfferWeights = Annotated[dict[str, float], NoDecode]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(case_sensitive=True, extra="ignore", frozen=True)

    # Service
    HOST: str = "127.0.0.1"
    PORT: int = Field(default=8004, ge=0, le=65535)
    # Prometheus scrape endpoint on HOST (unset: no endpoint; with WORKERS > 1, worker i serves on
    # METRICS_PORT + i).
    METRICS_PORT: int | None = Field(default=None, ge=0, le=65535)
    LOG_LEVEL: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    LOG_FORMAT: Literal["json", "text"] = "json"
    SHUTDOWN_GRACE_SECONDS: float = Field(default=10.0, ge=0, le=300)
    # After health turns NOT_SERVING at shutdown, keep serving this long so probes see it first.
    SHUTDOWN_DRAIN_SECONDS: float = Field(default=2.0, ge=0, le=120)
    # Server processes sharing the port (SO_REUSEPORT): one per core uses the machine; 1 = this process.
    WORKERS: int = Field(default=1, ge=1, le=64)
    # The event loop: uvloop where it is installed (auto), else asyncio's own (server/main.py).
    EVENT_LOOP: Literal["auto", "uvloop", "asyncio"] = "auto"
    # Admission (server/overload.py): past these a call is refused at once with RESOURCE_EXHAUSTED.
    MAX_CONCURRENT_RPCS: int = Field(default=100, ge=1, le=100_000)
    MAX_STREAMS: int = Field(default=500, ge=1, le=100_000)
    MAX_STREAMS_PER_CALLER: int = Field(default=50, ge=1, le=100_000)
    MAX_MESSAGE_BYTES: int = Field(default=4 * 1024 * 1024, ge=64 * 1024, le=64 * 1024 * 1024)

    # Database: DATABASE_URL wins; else POSTGRES_HOST selects PostgreSQL; else the embedded SQLite file.
    DATABASE_URL: str | None = None
    POSTGRES_HOST: str | None = None
    POSTGRES_PORT: int = Field(default=5432, ge=1, le=65535)
    POSTGRES_DB: str = "crm"
    POSTGRES_USER: str = "crm"
    POSTGRES_PASSWORD: str = ""
    # Migrations run as the tables' owner; the service as a role that owns nothing, so that PostgreSQL's
    # row-level security holds it (docs/security.md). MIGRATION_DATABASE_URL wins; else with POSTGRES_HOST,
    # POSTGRES_MIGRATION_USER/PASSWORD on the same host and database; else the service's own URL (one role
    # for both, as the prototype had: start-up warns).
    MIGRATION_DATABASE_URL: str | None = None
    POSTGRES_MIGRATION_USER: str | None = None
    POSTGRES_MIGRATION_PASSWORD: str = ""
    DB_POOL_SIZE: int = Field(default=10, ge=1, le=200)
    # A pooled PostgreSQL connection idle longer than this is pinged before use; 0 pings every checkout.
    DB_PING_IDLE_SECONDS: float = Field(default=1.0, ge=0, le=3600)
    # PostgreSQL behind a pooler in transaction mode (PgBouncer): what needs a session of its own (the
    # migrations' and the relay's advisory locks, the relay's LISTEN) connects here, straight to the server;
    # unset: the database URL above.
    DATABASE_DIRECT_URL: str | None = None
    # false: psycopg never prepares statements on the server; needed through PgBouncer in transaction mode
    # before 1.21 (or without max_prepared_statements), where a prepared statement lives on one server
    # connection and the next transaction may run on another.
    DB_PREPARED_STATEMENTS: bool = True
    CACHE_HOST: str | None = None

    # Events
    KAFKA_BOOTSTRAP_SERVERS: str | None = None
    KAFKA_TOPIC_PREFIX: str = "crm."
    KAFKA_CLIENT_ID: str = "crm-service-v2"
    KAFKA_SEND_TIMEOUT_SECONDS: float = Field(default=10.0, gt=0, le=300)
    # Topics are created before the first publish (and by `crm-server topics`), never auto-created.
    KAFKA_CREATE_TOPICS: bool = True
    KAFKA_TOPIC_PARTITIONS: int = Field(default=3, ge=1, le=10_000)
    KAFKA_TOPIC_REPLICATION: int = Field(default=1, ge=1, le=32)
    OUTBOX_POLL_SECONDS: float = Field(default=1.0, gt=0, le=60)
    OUTBOX_BATCH_SIZE: int = Field(default=500, ge=1, le=10_000)

    # AI agents (CrewAI crews)
    CREWAI_HOST: str | None = None
    CREWAI_PORT: int = Field(default=8000, ge=1, le=65535)
    CREWAI_TOKEN: str = ""
    AI_REQUEST_TIMEOUT: float = Field(default=30.0, gt=0, le=600)
    AI_RETRY_COUNT: int = Field(default=3, ge=0, le=10)
    # Queue the marketing-strategy workflow on CreateProduct: auto = where the crew is configured.
    MARKETING_WORKFLOW_ON_CREATE: Literal["auto", "always", "never"] = "auto"

    # Business rules
    UPSELL_RANGE: PriceRange = (1.2, 3.0)
    CROSS_SELL_RANGE: PriceRange = (0.5, 2.0)
    COMPLEMENT_RANGE: PriceRange = (0.3, 1.5)
    DEFAULT_MARGIN: float = Field(default=0.25, ge=0, le=10)
    CLASSIFICATION_PREMIUM: float = Field(default=0.25, ge=0, le=10)
    MIN_MARGIN: float = Field(default=0.10, ge=0, le=10)
    MAX_PRICE_CHANGE: float = Field(default=0.20, gt=0, le=1)
    # Classification thresholds of the dropship score.
    CLASSIFICATION_HERO_AT: float = Field(default=80.0, ge=0, le=100)
    CLASSIFICATION_GOOD_AT: float = Field(default=65.0, ge=0, le=100)
    CLASSIFICATION_MODERATE_AT: float = Field(default=40.0, ge=0, le=100)
    # Category demand indexes added to (or overriding) the built-in table, e.g. "gadgets=72,pets=60".
    CATEGORY_DEMAND: str | None = None
    # true: a product's category must be a key of the demand table; false: any well-formed key is
    # accepted and one outside the table scores a neutral demand.
    STRICT_CATEGORIES: bool = False
    # Fraud risk levels (risk score 0-1 at or above which an order is MEDIUM, HIGH, CRITICAL).
    FRAUD_MEDIUM_AT: float = Field(default=0.3, gt=0, lt=1)
    FRAUD_HIGH_AT: float = Field(default=0.6, gt=0, lt=1)
    FRAUD_CRITICAL_AT: float = Field(default=0.85, gt=0, lt=1)
    # Offer choice: the weight of each factor (they add up to 1) and the lead time that scores 0.
    OFFER_CHOICE_WEIGHTS: OfferWeights = Field(
        default_factory=lambda: {"landed_cost": 0.5, "lead_time": 0.2, "supplier_rating": 0.2, "moq_fit": 0.1}
    )
    OFFER_MAX_LEAD_TIME_DAYS: int = Field(default=60, ge=1, le=365)
    # Inventory optimiser defaults (a request may override them).
    INVENTORY_HISTORY_DAYS: int = Field(default=90, ge=7, le=730)
    INVENTORY_LEAD_TIME_DAYS: int = Field(default=14, ge=1, le=365)
    INVENTORY_SERVICE_LEVEL: float = Field(default=0.95, gt=0.5, lt=1)
    INVENTORY_ORDER_COST: float = Field(default=25.0, ge=0, le=1_000_000)
    INVENTORY_HOLDING_COST_RATE: float = Field(default=0.25, gt=0, le=10)
    # Lead score: priority thresholds (urgent >= HIGH >= MEDIUM), and learning from closed leads.
    LEAD_PRIORITY_URGENT_AT: float = Field(default=80.0, ge=0, le=100)
    LEAD_PRIORITY_HIGH_AT: float = Field(default=60.0, ge=0, le=100)
    LEAD_PRIORITY_MEDIUM_AT: float = Field(default=40.0, ge=0, le=100)
    LEAD_LEARNING_MIN_CLOSED: int = Field(default=30, ge=1, le=1_000_000)
    LEAD_LEARNING_MAX_WEIGHT: float = Field(default=0.5, ge=0, le=0.9)
    # How long a process scores a tenant's leads from the closed-lead history it last read (server/leads/
    # history.py); 0 reads it for every score.
    LEAD_HISTORY_REFRESH_SECONDS: float = Field(default=30.0, ge=0, le=3600)

    # Security
    AUTH_MODE: Literal["none", "jwt"] = "none"
    # Exactly one of: an HS256 secret (at least 32 bytes), a public key file (RSA, EC, Ed25519), a JWKS URL.
    JWT_SECRET: str | None = None
    JWT_PUBLIC_KEY_FILE: pathlib.Path | None = None
    JWT_JWKS_URL: str | None = None
    # An unknown kid fetches the JWKS again, at most once per this many seconds (a flood of made-up kids
    # must not become a flood of fetches).
    JWT_JWKS_REFRESH_SECONDS: float = Field(default=30.0, ge=0, le=3600)
    # Required in jwt mode, unless JWT_ALLOW_ANY_AUDIENCE waives them (logged at start).
    JWT_AUDIENCE: str | None = None
    JWT_ISSUER: str | None = None
    JWT_ALLOW_ANY_AUDIENCE: bool = False
    # The claim listing the caller's roles (reader, writer, admin; each RPC declares the one it needs).
    JWT_ROLES_CLAIM: str = Field(default="roles", min_length=1, max_length=100)
    # Clock skew tolerated on exp/nbf/iat.
    JWT_LEEWAY_SECONDS: float = Field(default=30.0, ge=0, le=600)
    # Fernet keys sealing page tokens, newest first, comma-separated (`crm-server` never logs them); unset:
    # a random key per process, so tokens are good only on the process that issued them.
    PAGE_TOKEN_KEYS: str | None = None
    TLS_CERT_FILE: pathlib.Path | None = None
    TLS_KEY_FILE: pathlib.Path | None = None
    TLS_CLIENT_CA_FILE: pathlib.Path | None = None

    _parse_ranges = field_validator("UPSELL_RANGE", "CROSS_SELL_RANGE", "COMPLEMENT_RANGE", mode="before")(
        _parse_range
    )

    _parse_offer_weights = field_validator("OFFER_CHOICE_WEIGHTS", mode="before")(_parse_weights)

    @field_validator("OFFER_CHOICE_WEIGHTS")
    @classmethod
    def _complete_weights(cls, value: dict[str, float]) -> dict[str, float]:
        if set(value) != set(OFFER_FACTORS):
            raise ValueError(f"name exactly the factors {', '.join(OFFER_FACTORS)}, got {', '.join(value)}")
        if any(not 0 <= w <= 1 for w in value.values()) or abs(sum(value.values()) - 1) > 1e-6:
            raise ValueError(f"weights must be 0-1 and add up to 1, got {sum(value.values()):g}")
        return value

    @field_validator("UPSELL_RANGE", "CROSS_SELL_RANGE", "COMPLEMENT_RANGE")
    @classmethod
    def _ordered_range(cls, value: tuple[float, float]) -> tuple[float, float]:
        low, high = value
        if not 0 < low < high:
            raise ValueError(f"need 0 < low < high, got {low}, {high}")
        return value

    @field_validator(
        "KAFKA_BOOTSTRAP_SERVERS",
        "CREWAI_HOST",
        "POSTGRES_HOST",
        "DATABASE_URL",
        "DATABASE_DIRECT_URL",
        "CACHE_HOST",
        "MIGRATION_DATABASE_URL",
        "POSTGRES_MIGRATION_USER",
    )
    @classmethod
    def _blank_is_unset(cls, value: str | None) -> str | None:
        return value.strip() or None if value is not None else None

    @field_validator("DATABASE_URL", "DATABASE_DIRECT_URL", "MIGRATION_DATABASE_URL")
    @classmethod
    def _supported_database(cls, value: str | None) -> str | None:
        if value is None:
            return value
        try:
            backend = make_url(value).get_backend_name()
        except ArgumentError:
            raise ValueError("is not a database URL (e.g. postgresql://user:pass@host/db)") from None
        if backend not in ("sqlite", "postgresql"):
            raise ValueError(f"backend {backend!r} is not supported: use postgresql or sqlite")
        return value

    def _check_jwt(self) -> None:
        keys = [name for name in ("JWT_SECRET", "JWT_PUBLIC_KEY_FILE", "JWT_JWKS_URL") if getattr(self, name)]
        if not keys:
            raise ValueError("AUTH_MODE=jwt needs JWT_SECRET, JWT_PUBLIC_KEY_FILE or JWT_JWKS_URL")
        if len(keys) > 1:
            raise ValueError(f"set only one of {', '.join(keys)}: each names the key tokens are checked with")
        if self.JWT_SECRET is not None and len(self.JWT_SECRET.encode()) < MIN_HS256_SECRET_BYTES:
            raise ValueError(f"JWT_SECRET must be at least {MIN_HS256_SECRET_BYTES} bytes for HS256")
        if self.JWT_JWKS_URL is not None and not self.JWT_JWKS_URL.startswith(("https://", "http://")):
            raise ValueError("JWT_JWKS_URL must be an http(s) URL")
        if not self.JWT_ALLOW_ANY_AUDIENCE:
            for name in ("JWT_AUDIENCE", "JWT_ISSUER"):
                if not getattr(self, name):
                    raise ValueError(
                        f"{name} is required with AUTH_MODE=jwt (or set JWT_ALLOW_ANY_AUDIENCE=true)"
                    )

    @field_validator("CATEGORY_DEMAND")
    @classmethod
    def _category_table(cls, value: str | None) -> str | None:
        parse_category_demand(value)
        return value

    @property
    def category_demand(self) -> dict[str, float]:
        return parse_category_demand(self.CATEGORY_DEMAND)

    @field_validator("PAGE_TOKEN_KEYS")
    @classmethod
    def _fernet_keys(cls, value: str | None) -> str | None:
        from cryptography.fernet import Fernet

        for key in (value or "").split(","):
            if key.strip():
                try:
                    Fernet(key.strip())
                except ValueError:
                    raise ValueError(
                        "each key must be 32 url-safe base64-encoded bytes (Fernet.generate_key())"
                    ) from None
        return value

    @property
    def page_token_keys(self) -> list[str]:
        return [key.strip() for key in (self.PAGE_TOKEN_KEYS or "").split(",") if key.strip()]

    @field_validator("KAFKA_TOPIC_PREFIX")
    @classmethod
    def _legal_topic_prefix(cls, value: str) -> str:
        # Kafka topic names: [a-zA-Z0-9._-], at most 249 characters; leave room for the family name.
        if not re.fullmatch(r"[A-Za-z0-9._-]{0,200}", value):
            raise ValueError("may only contain letters, digits, '.', '_' and '-' (at most 200)")
        return value

    @field_validator("KAFKA_BOOTSTRAP_SERVERS")
    @classmethod
    def _host_port_list(cls, value: str | None) -> str | None:
        if value is not None and not all(
            re.fullmatch(r"\[?[A-Za-z0-9.:_-]+\]?:[0-9]{1,5}", part.strip()) for part in value.split(",")
        ):
            raise ValueError("must be a comma-separated list of host:port")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Settings:
        if self.AUTH_MODE == "jwt":
            self._check_jwt()
        if self.AUTH_MODE == "none" and not _is_loopback(self.HOST):
            raise ValueError(
                f"AUTH_MODE=none is only allowed while HOST is a loopback address, not {self.HOST!r}; "
                "set AUTH_MODE=jwt"
            )
        if not self.CLASSIFICATION_HERO_AT > self.CLASSIFICATION_GOOD_AT > self.CLASSIFICATION_MODERATE_AT:
            raise ValueError(
                "CLASSIFICATION_HERO_AT > CLASSIFICATION_GOOD_AT > CLASSIFICATION_MODERATE_AT must hold"
            )
        if not self.FRAUD_CRITICAL_AT > self.FRAUD_HIGH_AT > self.FRAUD_MEDIUM_AT:
            raise ValueError("FRAUD_CRITICAL_AT > FRAUD_HIGH_AT > FRAUD_MEDIUM_AT must hold")
        if not self.LEAD_PRIORITY_URGENT_AT >= self.LEAD_PRIORITY_HIGH_AT >= self.LEAD_PRIORITY_MEDIUM_AT:
            raise ValueError(
                "LEAD_PRIORITY_URGENT_AT >= LEAD_PRIORITY_HIGH_AT >= LEAD_PRIORITY_MEDIUM_AT must hold"
            )
        if self.DATABASE_DIRECT_URL and make_url(self.database_url).get_backend_name() != "postgresql":
            raise ValueError("DATABASE_DIRECT_URL applies to PostgreSQL only; DATABASE_URL is not PostgreSQL")
        if self.WORKERS > 1 and self.PORT == 0:
            raise ValueError("WORKERS > 1 needs a fixed PORT: the worker processes share it")
        if bool(self.TLS_CERT_FILE) != bool(self.TLS_KEY_FILE):
            raise ValueError("TLS_CERT_FILE and TLS_KEY_FILE must be set together")
        if (
            make_url(self.migration_database_url).get_backend_name()
            != make_url(self.database_url).get_backend_name()
        ):
            raise ValueError("MIGRATION_DATABASE_URL must name the same backend as the service's database")
        if self.TLS_CLIENT_CA_FILE and not self.TLS_CERT_FILE:
            raise ValueError("TLS_CLIENT_CA_FILE (mutual TLS) needs TLS_CERT_FILE and TLS_KEY_FILE")
        for name in ("JWT_PUBLIC_KEY_FILE", "TLS_CERT_FILE", "TLS_KEY_FILE", "TLS_CLIENT_CA_FILE"):
            path = getattr(self, name)
            if path is not None and not path.is_file():
                raise ValueError(f"{name}: no such file {str(path)!r}")
        return self

    @property
    def database_url(self) -> str:
        if self.DATABASE_URL:
            return self.DATABASE_URL
        if self.POSTGRES_HOST:
            return self._postgres_url(self.POSTGRES_USER, self.POSTGRES_PASSWORD)
        return f"sqlite+aiosqlite:///{DEFAULT_SQLITE_PATH}"

    @property
    def direct_database_url(self) -> str:
        """Where sessions that must stay on one server connection go (see DATABASE_DIRECT_URL)."""
        return self.DATABASE_DIRECT_URL or self.database_url

    @property
    def migration_database_url(self) -> str:
        """Where `crm-server migrate` (and the migration at start) connects: as the tables' owner."""
        if self.MIGRATION_DATABASE_URL:
            return self.MIGRATION_DATABASE_URL
        if self.POSTGRES_HOST and self.POSTGRES_MIGRATION_USER and not self.DATABASE_URL:
            return self._postgres_url(self.POSTGRES_MIGRATION_USER, self.POSTGRES_MIGRATION_PASSWORD)
        return self.direct_database_url

    def _postgres_url(self, user: str, password: str) -> str:
        secret = f":{quote(password, safe='')}" if password else ""
        return (
            f"postgresql+psycopg://{quote(user, safe='')}{secret}"
            f"@{self.POSTGRES_HOST}:{self.POSTGRES_PORT}/{self.POSTGRES_DB}"
        )

    @property
    def crewai_base_url(self) -> str | None:
        return f"http://{self.CREWAI_HOST}:{self.CREWAI_PORT}" if self.CREWAI_HOST else None

    @property
    def address(self) -> str:
        host = f"[{self.HOST}]" if ":" in self.HOST else self.HOST
        return f"{host}:{self.PORT}"


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def parse_category_demand(value: str | None) -> dict[str, float]:
    """`key=index` pairs (index 0-100), comma-separated; ValueError naming the bad pair."""
    table: dict[str, float] = {}
    for pair in (value or "").split(","):
        if not pair.strip():
            continue
        key, sep, number = pair.partition("=")
        key = key.strip().lower()
        try:
            index = float(number) if sep else -1.0
        except ValueError:
            index = -1.0
        if not re.fullmatch(r"[a-z0-9][a-z0-9_]{0,49}", key) or not 0 <= index <= 100:
            raise ValueError(f"expected pairs like 'gadgets=72' (lower_snake key, index 0-100), got {pair!r}")
        table[key] = index
    return table


def migration_refused(reason: object) -> str:
    """What to do when the schema needs a migration the configured role may not run."""
    return (
        f"the schema needs a migration this database role may not run ({reason}): migrate as the tables' "
        "owner with MIGRATION_DATABASE_URL or POSTGRES_MIGRATION_USER/PASSWORD (crm-server migrate)"
    )


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    """Settings from `environ` (default: the process environment); ConfigError names every bad variable."""
    try:
        if environ is None:
            return Settings()
        return Settings.model_validate({k: v for k, v in environ.items() if k in Settings.model_fields})
    except ValidationError as exc:
        raise ConfigError(_describe(exc)) from None


def _describe(exc: ValidationError) -> str:
    lines = []
    for error in exc.errors():
        name = ".".join(str(part) for part in error["loc"]) or "configuration"
        given = error.get("input")
        secret = any(word in name for word in ("PASSWORD", "SECRET", "TOKEN", "DATABASE_URL", "DIRECT_URL"))
        shown = f" (got {given!r})" if error["loc"] and not secret else ""
        lines.append(f"  {name}: {error['msg']}{shown}")
    return "invalid configuration:\n" + "\n".join(lines)
