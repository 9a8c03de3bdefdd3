-- One stored time format: ISO 8601 UTC with milliseconds and an offset (2026-12-16T12:00:00.000+00:00).
-- Earlier rows had seconds-only and microsecond forms side by side, and '' for "no time";
-- SQLite's strftime reads every ISO 8601 form (offsets included) and gives UTC; '' becomes NULL.

UPDATE conversations SET
    first_seen = CASE WHEN first_seen IS NULL OR first_seen = '' THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%f+00:00', first_seen) END,
    last_seen = CASE WHEN last_seen IS NULL OR last_seen = '' THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%f+00:00', last_seen) END;
UPDATE coordinators SET
    added_at = CASE WHEN added_at IS NULL OR added_at = '' THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%f+00:00', added_at) END;
UPDATE bot_state SET
    updated_at = CASE WHEN updated_at IS NULL OR updated_at = '' THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%f+00:00', updated_at) END;
UPDATE searches SET
    asked_at = CASE WHEN asked_at IS NULL OR asked_at = '' THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%f+00:00', asked_at) END;
UPDATE search_feedback SET
    given_at = CASE WHEN given_at IS NULL OR given_at = '' THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%f+00:00', given_at) END;
UPDATE referral_intents SET
    created_at = CASE WHEN created_at IS NULL OR created_at = '' THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%f+00:00', created_at) END;
UPDATE outbox SET
    next_attempt_at = CASE WHEN next_attempt_at IS NULL OR next_attempt_at = '' THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%f+00:00', next_attempt_at) END,
    created_at = CASE WHEN created_at IS NULL OR created_at = '' THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%f+00:00', created_at) END,
    finished_at = CASE WHEN finished_at IS NULL OR finished_at = '' THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%f+00:00', finished_at) END;
UPDATE jobs SET
    due_at = CASE WHEN due_at IS NULL OR due_at = '' THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%f+00:00', due_at) END,
    created_at = CASE WHEN created_at IS NULL OR created_at = '' THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%f+00:00', created_at) END,
    done_at = CASE WHEN done_at IS NULL OR done_at = '' THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%f+00:00', done_at) END;
UPDATE webinars SET
    starts_at = CASE WHEN starts_at IS NULL OR starts_at = '' THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%f+00:00', starts_at) END,
    created_at = CASE WHEN created_at IS NULL OR created_at = '' THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%f+00:00', created_at) END,
    updated_at = CASE WHEN updated_at IS NULL OR updated_at = '' THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%f+00:00', updated_at) END;
UPDATE webinar_attendance SET
    updated_at = CASE WHEN updated_at IS NULL OR updated_at = '' THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%f+00:00', updated_at) END;
UPDATE announcements SET
    send_at = CASE WHEN send_at IS NULL OR send_at = '' THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%f+00:00', send_at) END,
    created_at = CASE WHEN created_at IS NULL OR created_at = '' THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%f+00:00', created_at) END;
UPDATE polls SET
    deadline = CASE WHEN deadline IS NULL OR deadline = '' THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%f+00:00', deadline) END,
    created_at = CASE WHEN created_at IS NULL OR created_at = '' THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%f+00:00', created_at) END,
    closed_at = CASE WHEN closed_at IS NULL OR closed_at = '' THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%f+00:00', closed_at) END;
UPDATE poll_votes SET
    voted_at = CASE WHEN voted_at IS NULL OR voted_at = '' THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%f+00:00', voted_at) END;
