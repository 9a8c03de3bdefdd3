"""The curated knowledge base of Etelä-Savo business services, and the service finder."""
