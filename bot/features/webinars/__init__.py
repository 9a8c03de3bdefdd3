"""Webinars (`webinaari`): the feature and the reminders and notices it sends."""

from bot.features.webinars.feature import feature

__all__ = ["feature"]
