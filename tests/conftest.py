"""Fixtures: a real app on a real SQLite file, a fake Bot Connector on 127.0.0.1."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.app import ENGINE, create_app
from bot.feature import FeatureFactory
from bot.features import FEATURES
from bot.settings import Settings
from tests.activities import COORDINATOR, TENANT, TeamsFactory
from tests.clock import FakeClock
from tests.fake_connector import FakeConnector
from tests.harness import BotHarness

KB_PATH = Path(__file__).resolve().parent / "data" / "kb"  # small invented knowledge base


def make_settings(tmp_path: Path, **overrides: Any) -> Settings:
    """Settings for a test: local mode, a database in tmp_path, one configured coordinator."""
    values: dict[str, Any] = {
        "db_path": tmp_path / "kasvuopas.db",
        "kb_path": KB_PATH,
        "coordinators": [COORDINATOR.aad_object_id],
        "allowed_tenants": [TENANT],
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)


@pytest.fixture
async def connector() -> AsyncIterator[FakeConnector]:
    fake = FakeConnector()
    await fake.start()
    yield fake
    await fake.close()


StartBot = Callable[..., Awaitable[BotHarness]]


@pytest.fixture
async def start_bot(aiohttp_client, connector: FakeConnector, tmp_path: Path) -> AsyncIterator[StartBot]:
    """Start (or restart) the app; keyword arguments override settings."""
    harnesses: list[BotHarness] = []

    clock = FakeClock(datetime(2026, 11, 29, 8, 0, tzinfo=UTC))

    async def start(features: Sequence[FeatureFactory] = FEATURES, **overrides: Any) -> BotHarness:
        settings = make_settings(tmp_path, **overrides)
        # The delivery engine does not run by itself in tests: `harness.deliver()` runs what is due.
        app = create_app(settings, clock=clock, sleep=clock.sleep, start_delivery=False, features=features)
        client = await aiohttp_client(app)
        harness = BotHarness(client, connector, TeamsFactory(connector.url), settings.db_path, clock, app[ENGINE])
        harnesses.append(harness)
        return harness

    yield start
    for harness in harnesses:
        harness.check_all_connector_cards()


@pytest.fixture
async def bot(start_bot: StartBot) -> BotHarness:
    return await start_bot()
