"""Kasvuopas: a Teams bot for the business-services network of Etelä-Savo."""

__version__ = "0.1.0"
