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


@MIGRATIONS()
def m003_delivery(db: sqlite_utils.Database) -> None:
    """The durable outbox (one row per message and target) and scheduled jobs."""
    db["outbox"].create(
        {
            "id": int,
            "idempotency_key": str,  # e.g. "announcement:12:19:abc@thread.tacv2"; a second enqueue is a no-op
            "group_key": str,  # what the row belongs to, for reports: "announcement:12", "webinar:3"
            "operation": str,  # send | update
            "conversation_id": str,  # the target (conversation registry key)
            "reference_json": str,  # conversation reference used to reach the target
            "payload_json": str,  # the activity to send, or the new content for an update
            "activity_id": str,  # update: the message to replace; send: the id Teams gave the message
            "status": str,  # pending | sending | sent | failed | inactive | unknown
            "attempts": int,
            "next_attempt_at": str,  # UTC ISO 8601
            "last_error": str,
            "created_at": str,
            "finished_at": str,
        },
        pk="id",
        not_null={"idempotency_key", "operation", "conversation_id", "payload_json", "status", "attempts"},
        defaults={"status": "pending", "attempts": 0},
    )
    db["outbox"].create_index(["idempotency_key"], unique=True)
    db["outbox"].create_index(["status", "next_attempt_at"])
    db["outbox"].create_index(["group_key"])
    db["jobs"].create(
        {
            "id": int,
            "job_key": str,  # unique: scheduling the same job twice is a no-op
            "kind": str,
            "due_at": str,  # UTC ISO 8601
            "payload_json": str,
            "status": str,  # pending | done | failed | cancelled
            "attempts": int,
            "last_error": str,
            "created_at": str,
            "done_at": str,
        },
        pk="id",
        not_null={"job_key", "kind", "due_at", "status", "attempts"},
        defaults={"status": "pending", "attempts": 0},
    )
    db["jobs"].create_index(["job_key"], unique=True)
    db["jobs"].create_index(["status", "due_at"])


@MIGRATIONS()
def m004_webinars_and_announcements(db: sqlite_utils.Database) -> None:
    """Webinars with attendance (the posted copies are outbox rows); announcements."""
    db["webinars"].create(
        {
            "id": int,
            "series_key": str,  # webinars created together by a recurrence share it
            "status": str,  # draft | published | cancelled
            "title": str,
            "organisation": str,
            "presenter": str,
            "starts_at": str,  # UTC ISO 8601
            "duration_min": int,
            "join_url": str,
            "description": str,
            "recording_url": str,
            "service_ids_json": str,  # knowledge-base services the webinar is about
            "targets_json": str,  # conversation ids chosen at publishing
            "sequence": int,  # raised on every change, for calendar clients
            "created_by": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"status", "title", "starts_at", "duration_min", "join_url"},
        defaults={"status": "draft", "sequence": 0, "duration_min": 45},
    )
    db["webinars"].create_index(["status", "starts_at"])
    db["webinar_attendance"].create(
        {
            "webinar_id": int,
            "user_aad_id": str,
            "user_id": str,  # the Teams id (29:…) for mentions and 1:1 chats
            "user_name": str,
            "conversation_id": str,  # where they answered
            "attending": int,
            "updated_at": str,
        },
        pk=("webinar_id", "user_aad_id"),
        foreign_keys=[("webinar_id", "webinars", "id")],
    )
    db["announcements"].create(
        {
            "id": int,
            "status": str,  # draft | scheduled | sending | sent | cancelled
            "title": str,
            "text": str,
            "image_url": str,
            "links_json": str,
            "targets_json": str,
            "send_at": str,  # UTC ISO 8601, empty = now
            "created_by": str,
            "created_at": str,
            "report_conversation_id": str,  # where the coordinator's delivery report card is
            "report_activity_id": str,
            "report_reference_json": str,
        },
        pk="id",
        not_null={"status", "title", "text"},
        defaults={"status": "draft"},
    )


@MIGRATIONS()
def m005_polls(db: sqlite_utils.Database) -> None:
    """Quick polls, their options and votes, with the uniqueness rules in the database itself."""
    db["polls"].create(
        {
            "id": int,
            "conversation_id": str,  # the conversation the poll belongs to; votes from elsewhere are refused
            "question": str,
            "anonymous": int,
            "multiple": int,
            "live_results": int,
            "deadline": str,  # UTC ISO 8601, empty = none
            "status": str,  # open | closed
            "created_by": str,
            "created_by_name": str,
            "created_at": str,
            "closed_at": str,
            "voters": int,  # people who have voted, kept with every vote
            "activity_id": str,  # the shared card message, for updates
            "reference_json": str,
        },
        pk="id",
        not_null={"conversation_id", "question", "status"},
        defaults={"status": "open", "anonymous": 1, "multiple": 0, "live_results": 1},
    )
    db["poll_options"].create(
        {"poll_id": int, "position": int, "text": str, "votes": int},  # votes: kept with every vote, for speed
        pk=("poll_id", "position"),
        foreign_keys=[("poll_id", "polls", "id")],
    )
    db["poll_votes"].create(
        {
            "poll_id": int,
            "voter_aad_id": str,
            "voter_id": str,  # the Teams id (29:…), for the card's per-user refresh
            "voter_name": str,
            "position": int,
            "single": int,
            "voted_at": str,
        },
        foreign_keys=[("poll_id", "polls", "id")],
    )
    db["poll_votes"].create_index(["poll_id", "voter_aad_id", "position"], unique=True)
    db["poll_votes"].create_index(["poll_id", "voted_at"])  # the latest voters, for the card's refresh
    # One vote per voter in single-choice polls, enforced by the database, not only by the code.
    db.execute("CREATE UNIQUE INDEX idx_poll_votes_single ON poll_votes (poll_id, voter_aad_id) WHERE single = 1")
