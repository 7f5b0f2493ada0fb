"""Who may see whose shared details: only the people one took part in an exchange with."""

from facilitator.core.commands import board, contacts, followthrough, generosity, people
from facilitator.core.state.partners import audience, partners
from facilitator.core.state.room import Room
from facilitator.core.views.followup import followup, shared_contacts


def room_of(*names: str, now: float = 0) -> tuple[Room, list[str]]:
    """A room where everyone named joined at `now` and shares an address."""
    room, _ = Room.create(name="Breakfast", deck_id="classic", turn_seconds=90, now=0)
    ids = [people.join(room, name=n, now=now)[0].id for n in names]
    for pid, name in zip(ids, names, strict=True):
        contacts.set_contact(room, pid, email=f"{name.lower()}@example.org", share=True)
    return room, ids


def emails(room: Room, pid: str) -> list[str]:
    return [card["email"] for card in shared_contacts(room, pid)]


def test_an_offer_posted_to_someone_opens_nothing_until_they_take_it_up():
    room, (ann, eve) = room_of("Ann", "Eve")
    offer = board.post_offer(room, eve, kind="help", text="Anything", to=ann, now=1)
    assert partners(room, eve) == set() and emails(room, eve) == []
    board.take_offer(room, ann, offer_id=offer)
    assert emails(room, eve) == ["ann@example.org"] and emails(room, ann) == ["eve@example.org"]
    board.take_offer(room, ann, offer_id=offer, taken=False)
    assert emails(room, eve) == []


def test_an_offer_on_an_ask_counts_once_the_asker_takes_it_up():
    room, (ann, bob) = room_of("Ann", "Bob")
    ask = board.post_ask(room, ann, text="A bookkeeper", now=1)
    offer = board.post_offer(room, bob, kind="help", text="I keep books", ask=ask, now=2)
    assert partners(room, ann) == set()
    board.take_offer(room, ann, offer_id=offer)
    assert partners(room, ann) == {bob} and partners(room, bob) == {ann}


def test_the_recipient_saying_it_led_somewhere_counts_but_the_author_saying_so_does_not():
    room, (ann, bob) = room_of("Ann", "Bob")
    offer = board.post_offer(room, bob, kind="help", text="An hour", to=ann, now=1)
    followthrough.mark_offer(room, bob, offer_id=offer, mark="helped", now=2)
    assert partners(room, bob) == set()
    followthrough.mark_offer(room, ann, offer_id=offer, mark="didnt_work", now=3)
    assert partners(room, bob) == set()
    followthrough.mark_offer(room, ann, offer_id=offer, mark="in_touch", now=4)
    assert partners(room, bob) == {ann}


def test_an_introduction_counts_for_everyone_in_it_once_all_sides_accept():
    room, (ann, bob, cat, dan) = room_of("Ann", "Bob", "Cat", "Dan")
    intro = generosity.introduce(room, ann, to=bob, other=cat, now=1)
    generosity.respond_intro(room, bob, offer_id=intro, accept=True)
    assert partners(room, ann) == set()  # Cat hasn't accepted yet
    generosity.respond_intro(room, cat, offer_id=intro, accept=True)
    assert partners(room, ann) == {bob, cat}
    assert partners(room, bob) == {ann, cat} and partners(room, cat) == {ann, bob}
    assert partners(room, dan) == set()


def test_nobody_who_joined_after_someone_left_sees_their_details():
    room, (ann, bob) = room_of("Ann", "Bob")
    offer = board.post_offer(room, bob, kind="help", text="An hour", to=ann, now=1)
    board.take_offer(room, ann, offer_id=offer)
    people.leave(room, ann, now=10)
    late = people.join(room, name="Late", now=20)[0].id
    # However the newcomer comes to count as Ann's partner, her details never reach them.
    room.board.posts[board.post_offer(room, late, kind="help", text="Hi", to=ann, now=21)] \
        .taken = True
    assert late in partners(room, ann)
    assert audience(room, ann) == {bob}
    assert "ann@example.org" not in str(shared_contacts(room, late))
    assert emails(room, bob) == ["ann@example.org"]  # who was there before she left still does
    people.rejoin(room, ann, now=30)
    assert audience(room, ann) == {bob, late}  # she came back and exchanged with them


def test_the_followup_names_exactly_who_sees_ones_details():
    room, (ann, bob, cat) = room_of("Ann", "Bob", "Cat")
    offer = board.post_offer(room, cat, kind="help", text="An hour", to=ann, now=1)
    board.post_offer(room, bob, kind="help", text="Anything", to=ann, now=2)  # never taken up
    assert followup(room, ann)["my_audience"] == []
    board.take_offer(room, ann, offer_id=offer)
    assert followup(room, ann)["my_audience"] == ["Cat"]
    assert followup(room, bob)["my_audience"] == []
