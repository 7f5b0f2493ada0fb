"""What each screen sees of a room: the snapshot and deltas (`screens`), which sections and
items a change sends where (`routing`), the host's figures, and the follow-up pages, summary
and exports. Reads the state; never changes it, and imports nothing from `commands`."""
