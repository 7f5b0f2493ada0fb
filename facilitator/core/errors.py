"""The one exception the core raises for a request it refuses."""


class RoomError(Exception):
    """A request that breaks a rule; its message is shown to the person who made it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
