"""The HTTP contract of /api/messages and /healthz."""

import json

from adaptive_cards.help import HELP_VERB
from tests.activities import OTHER_TENANT, TeamsFactory
from tests.harness import texts_of

APP_ID = "0c8a5b3e-1f2d-4c5b-9e7a-6d4c3b2a1f00"


async def test_healthz_reports_version_database_and_knowledge_base(bot):
    response = await bot.client.get("/healthz")
    assert response.status == 200
    body = await response.json()
    assert body["version"]
    assert body["database"] == {"ok": True}
    assert set(body["knowledge_base"]) >= {"loaded", "providers", "services"}


async def test_non_json_body_is_415(bot):
    response = await bot.client.post("/api/messages", data="apua", headers={"Content-Type": "text/plain"})
    assert response.status == 415


async def test_malformed_json_is_400(bot):
    response = await bot.client.post("/api/messages", data="{not json", headers={"Content-Type": "application/json"})
    assert response.status == 400


async def test_activity_without_type_is_400(bot):
    activity = bot.teams.personal("apua")
    del activity["type"]
    assert (await bot.post(activity)).status == 400
    assert (await bot.post(["not", "an", "activity"])).status == 400


async def test_body_over_256_kb_is_413(bot):
    activity = bot.teams.personal("x" * (300 * 1024))
    response = await bot.client.post(
        "/api/messages", data=json.dumps(activity), headers={"Content-Type": "application/json"}
    )
    assert response.status == 413
    assert bot.connector.calls == []


async def test_expect_replies_returns_the_replies_in_the_body(bot):
    replies = await bot.send(bot.teams.personal("apua"))
    assert replies[0]["type"] == "message"
    assert bot.connector.calls == []  # nothing went through the connector


async def test_invoke_response_carries_status_and_card(bot):
    reply = await bot.invoke(bot.teams.card_action(HELP_VERB))
    assert reply.status == 200
    assert reply.body["statusCode"] == 200
    assert reply.body["type"] == "application/vnd.microsoft.card.adaptive"
    assert "Kasvuopas – komennot" in texts_of([{"attachments": [{"content": reply.body["value"]}]}])


async def test_unknown_card_action_gets_a_message_not_an_error(bot):
    reply = await bot.invoke(bot.teams.card_action("no.such.verb", locale="en-US"))
    assert reply.status == 200
    assert reply.body["type"] == "application/vnd.microsoft.activity.message"
    assert "no longer be used" in reply.body["value"]


async def test_missing_or_malformed_token_is_401_when_an_app_id_is_set(start_bot):
    bot = await start_bot(app_id=APP_ID, app_password="not-a-real-secret", service_url_hosts=["127.0.0.1"])
    activity = bot.teams.personal("apua")
    assert (await bot.post(activity)).status == 401
    assert (await bot.post(activity, headers={"Authorization": "Bearer not-a-jwt"})).status == 401
    assert bot.connector.calls == []


async def test_activity_from_another_tenant_is_refused_without_reply(bot):
    outsider = TeamsFactory(bot.connector.url, tenant=OTHER_TENANT)
    reply = await bot.post(outsider.personal("apua"))
    assert reply.status == 403
    reply = await bot.post(outsider.installation_update("personal"))
    assert reply.status == 403
    assert bot.connector.calls == []
    assert bot.db()["conversations"].count == 0
