"""The one exception the core raises for a request it refuses."""


class RoomError(ValueError):
    """A request that breaks a rule; its message is shown to the person who made it.

    A ValueError, so a payload model's validator can raise it from a core cleaning rule and the
    edge can find it again in pydantic's error (`ctx["error"]`) with its message intact.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
