"""A room's state: the aggregate (`room.Room`), its parts and their invariants, and the shape
it is saved in. Imports nothing from `commands` or `views`."""
