"""The statements the store runs straight on the driver (`store.Direct`): compiled once for the
database, every value passed by name."""

import pytest
from sqlalchemy import bindparam, select

from facilitator.store import Direct, RoomStore, rooms


def test_a_statement_is_run_with_its_parameters_in_the_drivers_order(tmp_path):
    store = RoomStore(f"sqlite:///{tmp_path}/direct.db")
    statement = Direct(store.engine, select(rooms.c.code).where(
        rooms.c.version == bindparam("version"), rooms.c.code == bindparam("code")))
    assert statement.names == ["version", "code"]
    with store.engine.connect() as conn:
        cursor = conn.connection.cursor()
        assert statement.run(cursor, {"code": "NONE", "version": 1}).fetchall() == []
    store.engine.dispose()


def test_a_value_written_into_the_statement_is_refused(tmp_path):
    """It would not be sent: `run` passes only the values it is given."""
    store = RoomStore(f"sqlite:///{tmp_path}/direct.db")
    with pytest.raises(ValueError, match="would not be sent"):
        Direct(store.engine, select(rooms.c.code).where(rooms.c.version == 1))
    store.engine.dispose()
