"""Adaptive Card 1.5 builders: plain functions that return card dicts."""

from adaptive_cards.base import CARD_CONTENT_TYPE, MAX_CARD_BYTES, attachment, card, text_block

__all__ = ["CARD_CONTENT_TYPE", "MAX_CARD_BYTES", "attachment", "card", "text_block"]
