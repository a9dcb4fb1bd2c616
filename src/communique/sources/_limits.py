"""Ingest's limits and defaults: plain numbers with no imports, so the command line can
show them in its help without loading the readers."""

from __future__ import annotations

#: Inputs larger than this (after decompression) are refused: no news article is this big,
#: and a page this size is almost always a dump or a binary. For containers (WARC, JSONL,
#: CSV) the limit applies to each record, not to the file. Override with --max-bytes.
MAX_BYTES = 16 * 1024 * 1024
#: Seconds to wait for the server to connect or send the next bytes; a whole response
#: must arrive within twice this. Override with --timeout.
TIMEOUT = 20.0
#: Extra attempts after a timeout, a connection error or a transient status (429, 5xx).
RETRIES = 2
#: Articles fetched from one feed at most, in feed order. Override with --feed-limit.
FEED_LIMIT = 100
