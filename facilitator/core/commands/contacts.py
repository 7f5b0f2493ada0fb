"""Someone's own contact details and consent, for the follow-up after the event."""

from ..state.contacts import Contact, clean_contact
from ..state.room import Room


def set_contact(room: Room, pid: str, *, email: str = "", phone: str = "", link: str = "",
                share: bool = False, share_with_host: bool = False) -> Contact:
    """Works after they've left, for follow-up; saved and versioned, but never broadcast."""
    contact = clean_contact(email, phone, link, share, share_with_host)
    room.contacts.set_for(room.known(pid).id, contact)
    room.changes.touch_private()
    return contact
