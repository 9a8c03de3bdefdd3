"""Referrals: the log, the provider's answers, follow-ups, the report."""

from bot.features.referrals.feature import feature

__all__ = ["feature"]
