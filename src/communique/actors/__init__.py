"""Actors: who is named in an article, resolved against a time-aware registry of states,
government bodies, IGOs and people with dated roles (:mod:`._registry`), by the resolver
in :mod:`._resolver` (names, aliases, titles, office holders by date, learned actors,
surnames and pronouns)."""

from __future__ import annotations

from .._cache import cache_dir
from ._patterns import pattern_ids
from ._registry import Entry, Registry
from ._resolver import (
    AGENTS,
    ActorIndex,
    ActorResolver,
    body_of_state,
    cameo_sector,
    sibling_group,
    state_of_body,
)

__all__ = [
    "AGENTS",
    "ActorIndex",
    "ActorResolver",
    "Entry",
    "Registry",
    "body_of_state",
    "cache_dir",
    "cameo_sector",
    "pattern_ids",
    "sibling_group",
    "state_of_body",
]
