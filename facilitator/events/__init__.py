"""Socket.IO handlers, one module per concern; importing this package registers them all."""

from . import round  # noqa: F401
