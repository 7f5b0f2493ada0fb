"""Payloads as typed models, at the edge: every client event and HTTP body is parsed into one
(`parse`) before anything reaches the core, and handlers call commands with its fields.

Each field is checked by the core's own cleaning rule (`fields`), so a refusal says what it
always said; `parse` turns pydantic's error back into that `RoomError`.
"""

from .base import Payload, parse

__all__ = ["Payload", "parse"]
