"""What a change touched, so a broadcast carries only that, not the whole room.

A room of 500 people has a large snapshot; "next speaker" only needs the turn section. Sections
are replaced whole by clients; items (people, posts) are merged by id, None meaning "gone".
"""

from dataclasses import dataclass, field


@dataclass
class Changes:
    sections: set[str] = field(default_factory=set)
    items: dict[str, set[str]] = field(default_factory=dict)

    def touch(self, *sections: str) -> None:
        self.sections.update(sections)

    def touch_item(self, collection: str, item_id: str) -> None:
        self.items.setdefault(collection, set()).add(item_id)

    def __bool__(self) -> bool:
        return bool(self.sections or self.items)
