"""What a change touched, so a broadcast carries only that, not the whole room.

A room of 500 people has a large snapshot; "next speaker" only needs the turn section. Sections
are replaced whole by clients; items (people, posts) are merged by id, None meaning "gone".
A private change (someone's contact details) is saved and versioned like any other, but its
broadcast carries no data: every screen's version stays in step without seeing it.

Only the protocol's constants are accepted (`core.sections`): a plain string, even a correct
one, is refused at once, so a misspelt name can never reach the broadcast.
"""

from dataclasses import dataclass, field

from ..sections import HOST_SECTIONS, Collection, HostOnly, Section

Touched = Section | HostOnly


@dataclass
class Changes:
    sections: set[Touched] = field(default_factory=set)
    items: dict[Collection, set[str]] = field(default_factory=dict)
    private: bool = False

    def touch(self, *sections: Touched) -> None:
        for name in sections:
            if not isinstance(name, Section | HostOnly):
                raise TypeError(f"not a section: {name!r} (use core.sections)")
        self.sections.update(sections)

    def touch_item(self, collection: Collection, item_id: str) -> None:
        if not isinstance(collection, Collection):
            raise TypeError(f"not a collection: {collection!r} (use core.sections)")
        self.items.setdefault(collection, set()).add(item_id)

    def touch_private(self) -> None:
        self.private = True

    @property
    def seen(self) -> bool:
        """Whether any screen but the host's may learn of it. A change only the host sees (a
        pitch tap) must not move a version every screen can count (`Table.count_change`)."""
        return bool(self.items or self.private) or any(
            isinstance(name, Section) and name not in HOST_SECTIONS for name in self.sections)

    def __bool__(self) -> bool:
        return bool(self.sections or self.items or self.private)
