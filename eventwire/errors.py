"""Catalogued, numbered errors. The CLI and API translate these into messages.

Each error has a stable code (``E001``...) that a user can look up in the README's
error table; the message always names the input and the reason.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base class of every error eventwire raises on purpose."""

    code = "E000"

    def __init__(self, message: str):
        super().__init__(f"[{self.code}] {message}")
        self.reason = message


class InputError(EventwireError):
    """An input document (or one line of it) cannot be read as an article."""

    code = "E001"

    def __init__(self, source: str, reason: str, line: int | None = None):
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")
        self.source = source
        self.line = line
        self.reason = reason


class PipelineConfigError(EventwireError):
    """Stages are wired in an order that leaves a requirement unmet."""

    code = "E002"


class StageError(EventwireError):
    """A stage failed on one document; the batch records it and goes on."""

    code = "E003"


class StoreError(EventwireError):
    """The store cannot be opened or written (locked, corrupt, wrong version)."""

    code = "E004"


class ResourceError(EventwireError):
    """A dictionary or gazetteer table is malformed."""

    code = "E005"


class GoldFormatError(EventwireError):
    """A gold file for ``evaluate`` is not in the documented format."""

    code = "E006"


class StrictModeError(EventwireError):
    """``--strict`` was given and at least one document was skipped."""

    code = "E007"


class EngineError(EventwireError):
    """A distributed engine is unavailable or failed (Ray not installed, cluster unreachable)."""

    code = "E008"
