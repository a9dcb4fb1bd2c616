"""One exception hierarchy. Every message says what happened and what to do; every
class has a stable code that tests and scripts can match on."""

from __future__ import annotations


class CommuniqueError(Exception):
    """Base class of every error communique raises on purpose."""

    code = "C000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class InputError(CommuniqueError):
    """An input could not be read as an article (missing, empty, binary, undecodable...)."""

    code = "C100"

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class FetchError(InputError):
    """A URL could not be fetched (timeout, error status, too big, unreachable)."""

    code = "C110"

    def __init__(self, url: str, reason: str, *, retryable: bool = False) -> None:
        super().__init__(url, reason)
        self.retryable = retryable


class ModelNotFoundError(CommuniqueError):
    code = "C200"


class StoreError(CommuniqueError):
    code = "C300"


class SchemaVersionError(StoreError):
    code = "C301"


class RegistryError(CommuniqueError):
    """A registry or outlet table (shipped or user-supplied) is malformed."""

    code = "C400"


class UsageError(CommuniqueError):
    code = "C500"


class PipelineError(CommuniqueError):
    """The stages cannot run as declared, or a stage failed on an article (then recorded as
    a failure naming the stage, and the run goes on)."""

    code = "C600"
