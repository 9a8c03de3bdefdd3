"""Configuration from environment variables (and a `.env` file), one object for the whole app."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import AliasChoices, Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.security.signing_keys import BOT_FRAMEWORK_METADATA_URL

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Where the Bot Connector of Teams' clouds lives (public, GCC, GCC High, DoD): the only hosts an
# activity's serviceUrl may name in production, since the bot sends its replies there.
TEAMS_SERVICE_URL_HOSTS = (
    "smba.trafficmanager.net",
    "smba.infra.gcc.teams.microsoft.com",
    "smba.infra.gov.teams.microsoft.us",
    "smba.infra.dod.teams.microsoft.us",
)
LOOPBACK = "127.0.0.1"


class SettingsError(ValueError):
    """The configuration cannot be used; the message says what to change."""


def _split_commas(value: object) -> object:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


class Settings(BaseSettings):
    """Every setting Kasvuopas reads; names follow DESIGN.md and botbuilder's own."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True)

    app_id: str = Field("", validation_alias=AliasChoices("MicrosoftAppId", "app_id"))
    app_password: str = Field("", validation_alias=AliasChoices("MicrosoftAppPassword", "app_password"))
    app_type: str = Field("MultiTenant", validation_alias=AliasChoices("MicrosoftAppType", "app_type"))
    app_tenant_id: str = Field("", validation_alias=AliasChoices("MicrosoftAppTenantId", "app_tenant_id"))
    port: int = Field(3978, validation_alias=AliasChoices("PORT", "port"))
    host: str = Field("", validation_alias=AliasChoices("HOST", "host"))
    db_path: Path = Field(Path("data/kasvuopas.db"), validation_alias=AliasChoices("KASVUOPAS_DB", "db_path"))
    kb_path: Path = Field(
        PROJECT_ROOT / "knowledge" / "data",
        validation_alias=AliasChoices("KASVUOPAS_KB", "kb_path"),
    )
    coordinators: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        validation_alias=AliasChoices("KASVUOPAS_COORDINATORS", "coordinators"),
    )
    allowed_tenants: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        validation_alias=AliasChoices("KASVUOPAS_ALLOWED_TENANTS", "allowed_tenants"),
    )
    curator_conversation: str = Field(
        "", validation_alias=AliasChoices("KASVUOPAS_CURATOR_CONVERSATION", "curator_conversation")
    )
    network_language: Literal["fi", "en"] = Field(
        "fi", validation_alias=AliasChoices("KASVUOPAS_LANGUAGE", "network_language")
    )
    log_level: str = Field("INFO", validation_alias=AliasChoices("KASVUOPAS_LOG_LEVEL", "log_level"))
    public_url: str = Field("", validation_alias=AliasChoices("KASVUOPAS_PUBLIC_URL", "public_url"))
    signing_secret: str = Field("", validation_alias=AliasChoices("KASVUOPAS_SIGNING_SECRET", "signing_secret"))
    reminder_hours_before: int = Field(
        24, validation_alias=AliasChoices("KASVUOPAS_REMINDER_HOURS", "reminder_hours_before")
    )
    global_send_rate: float = Field(30.0, validation_alias=AliasChoices("KASVUOPAS_SEND_RATE", "global_send_rate"))
    follow_up_days: int = Field(
        14, ge=0, le=250, validation_alias=AliasChoices("KASVUOPAS_FOLLOW_UP_DAYS", "follow_up_days")
    )
    referral_retention_months: int = Field(
        24,
        ge=1,
        le=120,
        validation_alias=AliasChoices("KASVUOPAS_REFERRAL_RETENTION_MONTHS", "referral_retention_months"),
    )
    openid_metadata_url: str = Field(
        BOT_FRAMEWORK_METADATA_URL,
        validation_alias=AliasChoices("KASVUOPAS_OPENID_METADATA_URL", "openid_metadata_url"),
    )
    openid_timeout: float = Field(
        5.0, gt=0, le=60, validation_alias=AliasChoices("KASVUOPAS_OPENID_TIMEOUT", "openid_timeout")
    )
    service_url_hosts: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: list(TEAMS_SERVICE_URL_HOSTS),
        validation_alias=AliasChoices("KASVUOPAS_SERVICE_URL_HOSTS", "service_url_hosts"),
    )
    max_body_bytes: int = 256 * 1024
    request_read_timeout: float = Field(
        10.0, gt=0, le=120, validation_alias=AliasChoices("KASVUOPAS_REQUEST_READ_TIMEOUT", "request_read_timeout")
    )

    _split = field_validator("coordinators", "allowed_tenants", "service_url_hosts", mode="before")(_split_commas)

    @property
    def local_mode(self) -> bool:
        """True without a Microsoft app id: no JWT check, loopback only."""
        return not self.app_id

    @property
    def bind_host(self) -> str:
        """The address to listen on; local mode never leaves the loopback interface."""
        if self.local_mode:
            return LOOPBACK
        return self.host or "0.0.0.0"

    @property
    def allowed_service_hosts(self) -> tuple[str, ...]:
        """The hosts an activity's serviceUrl may name; empty (any) in local mode, where tests and the
        emulator serve their own connector on 127.0.0.1."""
        return () if self.local_mode else tuple(host.lower() for host in self.service_url_hosts)

    @property
    def base_url(self) -> str:
        """Where the bot's own links point (calendar files, exports)."""
        return self.public_url.rstrip("/") or f"http://{LOOPBACK}:{self.port}"

    @model_validator(mode="after")
    def _production_needs_tenants(self) -> Settings:
        if not self.local_mode and not self.allowed_tenants:
            raise SettingsError(
                "KASVUOPAS_ALLOWED_TENANTS must list the network's tenant ids when "
                "MicrosoftAppId is set; otherwise anyone's Teams could talk to the bot."
            )
        return self
