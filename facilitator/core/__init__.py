"""The rules of a conversation round, in plain Python: no Flask, no Socket.IO, no SQL.

Everything here is deterministic given its inputs: callers pass the current time (`now`, epoch
seconds) and, where chance is involved, a `random.Random`, so tests need no clock or mocks.
"""
