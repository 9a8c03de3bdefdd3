"""The features of Kasvuopas, registered from one list.

Each module declares what it adds (commands, card verbs, forms, flows, job kinds, files, tables);
`bot.router.Router` dispatches to them and checks roles in one place.
"""

from __future__ import annotations

from bot.feature import FeatureFactory
from bot.features import (
    announcements,
    coordinators,
    curator,
    finder,
    knowledge_base,
    language,
    polls,
    referrals,
    status,
    webinars,
)

# The order is the order of the help card.
FEATURES: tuple[FeatureFactory, ...] = (
    finder.feature,
    referrals.feature,
    polls.feature,
    webinars.feature,
    announcements.feature,
    language.feature,
    coordinators.feature,
    knowledge_base.feature,
    curator.feature,
    status.feature,
)
