"""The rules of a conversation round, in plain Python: no Flask, no Socket.IO, no SQL.

Three roles, one package each (docs/architecture.md):

- `state`: the room and its parts, with their invariants and how they are saved;
- `commands`: the changes people make to a room, one module per area, all of one shape;
- `views`: what each screen is sent (snapshots, deltas, the host's figures) and the pages and
  exports made from a room.

`commands` and `views` build on `state` and never on each other; `errors` and `sections` are
shared by all three. Everything is deterministic given its inputs: callers pass the current time
(`now`, epoch seconds) and, where chance is involved, a `random.Random`, so tests need no clock
or mocks.
"""
