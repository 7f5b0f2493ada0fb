"""What a change touched, so a broadcast carries only that, not the whole room.

A room of 500 people has a large snapshot; "next speaker" only needs the turn section. Sections
are replaced whole by clients; items (people, posts) are merged by id, None meaning "gone".
A private change (someone's contact details) is saved and versioned like any other, but its
broadcast carries no data: every screen's version stays in step without seeing it.
"""

from dataclasses import dataclass, field


@dataclass
class Changes:
    sections: set[str] = field(default_factory=set)
    items: dict[str, set[str]] = field(default_factory=dict)
    private: bool = False

    def touch(self, *sections: str) -> None:
        self.sections.update(sections)

    def touch_item(self, collection: str, item_id: str) -> None:
        self.items.setdefault(collection, set()).add(item_id)

    def touch_private(self) -> None:
        self.private = True

    def __bool__(self) -> bool:
        return bool(self.sections or self.items or self.private)
