"""Socket.IO handlers, one module per concern; importing this package registers them all."""

from . import board, generosity, housekeeping, round  # noqa: F401
