"""The database schema as an ordered list of migrations; add new ones at the end, never edit old ones."""

from __future__ import annotations

import sqlite_utils
from sqlite_utils import Migrations

MIGRATIONS = Migrations("kasvuopas")


@MIGRATIONS()
def m001_foundation(db: sqlite_utils.Database) -> None:
    """Conversation registry, coordinators and persisted bot state."""
    db["conversations"].create(
        {
            "conversation_id": str,
            "conversation_type": str,  # personal, groupChat or channel
            "tenant_id": str,
            "team_id": str,
            "team_name": str,
            "channel_id": str,
            "channel_name": str,
            "user_aad_id": str,  # the user of a personal chat
            "service_url": str,
            "reference_json": str,
            "active": int,
            "first_seen": str,
            "last_seen": str,
        },
        pk="conversation_id",
        not_null={"conversation_type", "service_url", "reference_json", "active"},
        defaults={"active": 1},
    )
    db["conversations"].create_index(["team_id"])
    db["conversations"].create_index(["user_aad_id"])
    db["coordinators"].create(
        {"aad_object_id": str, "name": str, "added_by": str, "added_at": str},
        pk="aad_object_id",
    )
    db["bot_state"].create(
        {"key": str, "etag": str, "value_json": str, "updated_at": str},
        pk="key",
        not_null={"etag", "value_json"},
    )


@MIGRATIONS()
def m002_finder(db: sqlite_utils.Database) -> None:
    """Questions asked of the finder, feedback on the answers, and referral intents."""
    db["searches"].create(
        {
            "id": int,
            "asked_at": str,
            "user_aad_id": str,
            "conversation_id": str,
            "language": str,
            "question": str,
            "facets_json": str,
            "results_json": str,  # service ids, best first
        },
        pk="id",
        not_null={"asked_at", "question", "results_json"},
    )
    db["search_feedback"].create(
        {"search_id": int, "user_aad_id": str, "helpful": int, "given_at": str},
        pk=("search_id", "user_aad_id"),
        foreign_keys=[("search_id", "searches", "id")],
    )
    db["referral_intents"].create(
        {
            "id": int,
            "search_id": int,
            "service_id": str,
            "user_aad_id": str,
            "conversation_id": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("search_id", "searches", "id")],
    )
