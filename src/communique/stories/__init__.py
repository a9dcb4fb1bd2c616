"""Stories: articles from any outlets about the same real-world happening, grouped
incrementally as they are stored (:mod:`._assign`); within a story, the reports of one act
counted once as a story event (:mod:`._events`); and a story's outlets compared side by
side (:mod:`._compare`)."""

from __future__ import annotations

from ._assign import (
    ENCOUNTERS,
    LINK,
    MEASURES,
    NEW_AFTER_DAYS,
    WINDOW_DAYS,
    Assigner,
    Happening,
    Pass,
    StoryOptions,
    assign_stories,
    clear_stories,
    keep_features,
    lead_acts,
    rebuild_stories,
    record_outlets,
    refresh_articles,
)
from ._compare import (
    LEFT_OUT_BY,
    MAIN_ACTORS,
    list_stories,
    resolve_story,
    story_markdown,
    story_report,
)
from ._events import (
    MERGE_DAYS,
    MUTUAL,
    OTHER_TYPE_EVIDENCE,
    RETOLD_DAYS,
    SAME_EVIDENCE,
    Report,
    group_acts,
    reports_of,
    same_act,
)
from ._features import Features, StoryEvent, StoryVectors, encode_analysis, sentence_vectors

__all__ = [
    "ENCOUNTERS",
    "LEFT_OUT_BY",
    "LINK",
    "MAIN_ACTORS",
    "MEASURES",
    "MERGE_DAYS",
    "MUTUAL",
    "NEW_AFTER_DAYS",
    "OTHER_TYPE_EVIDENCE",
    "RETOLD_DAYS",
    "SAME_EVIDENCE",
    "WINDOW_DAYS",
    "Assigner",
    "Features",
    "Happening",
    "Pass",
    "Report",
    "StoryEvent",
    "StoryOptions",
    "StoryVectors",
    "assign_stories",
    "clear_stories",
    "encode_analysis",
    "group_acts",
    "keep_features",
    "lead_acts",
    "list_stories",
    "rebuild_stories",
    "record_outlets",
    "refresh_articles",
    "reports_of",
    "resolve_story",
    "same_act",
    "sentence_vectors",
    "story_markdown",
    "story_report",
]
