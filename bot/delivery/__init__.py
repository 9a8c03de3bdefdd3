"""The delivery infrastructure: the durable outbox, scheduled jobs and the one sender loop."""
