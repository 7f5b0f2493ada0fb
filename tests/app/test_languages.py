"""Which language a page speaks: the switcher's choice (a cookie), else the browser's
Accept-Language; and the scripts' words, from the same catalogs, in the page's JSON block."""

import json
import re

from .helpers import create_room

CONFIG = re.compile(r'id="client-config">(.*?)</script>', re.S)


def html_lang(body: str) -> tuple[str, str]:
    found = re.search(r'<html lang="([^"]+)" dir="(\w+)">', body)
    assert found, body[:200]
    return found.group(1), found.group(2)


def script_words(body: str) -> dict:
    found = CONFIG.search(body)
    assert found
    return json.loads(found.group(1))["i18n"]


def test_a_phone_follows_its_browsers_language(client):
    code, _ = create_room(client)
    body = client.get(f"/j/{code}", headers={"Accept-Language": "de-DE,de;q=0.9,en;q=0.5"}).text
    assert html_lang(body) == ("de", "ltr")
    assert "Am Tisch mitmachen" in body  # "Join the table"
    assert "Join the table" not in CONFIG.sub("", body)  # the scripts' block names it, as msgid


def test_a_language_we_dont_speak_falls_back_to_english(client):
    body = client.get("/", headers={"Accept-Language": "ja,zh;q=0.8"}).text
    assert html_lang(body) == ("en", "ltr")
    assert "Host an event" in body


def test_arabic_pages_read_right_to_left(client):
    body = client.get("/", headers={"Accept-Language": "ar"}).text
    assert html_lang(body) == ("ar", "rtl")
    assert "استضف فعالية" in body  # "Host an event"


def test_the_switcher_remembers_a_choice_over_the_browsers_language(client):
    response = client.get("/lang/fr?next=/j/ABCDEF")
    assert response.status_code == 303
    assert response.headers["Location"] == "/j/ABCDEF"
    assert "lang=fr" in response.headers["Set-Cookie"]
    body = client.get("/", headers={"Accept-Language": "de"}).text
    assert html_lang(body) == ("fr", "ltr")
    assert "Animer un événement" in body


def test_the_switcher_lists_every_language_in_its_own_words(client):
    body = client.get("/").text
    for code, name in (("en", "English"), ("es", "Español"), ("fr", "Français"),
                       ("de", "Deutsch"), ("ar", "العربية")):
        assert f'href="/lang/{code}?next=/" lang="{code}"' in body
        assert f">{name}</a>" in body


def test_the_switcher_never_sends_anyone_to_another_site(client):
    for target in ("//evil.example/", "https://evil.example/", "evil", "/\\evil.example"):
        response = client.get("/lang/de", query_string={"next": target})
        assert response.headers["Location"] in ("/", target.replace("\\", "%5C")), target
        assert not response.headers["Location"].startswith("//")
        assert "evil.example" not in response.headers["Location"].split("/")[0]


def test_an_unknown_language_is_not_remembered(client):
    response = client.get("/lang/xx?next=/")
    assert response.status_code == 303
    assert "Set-Cookie" not in response.headers


def test_scripts_get_their_words_and_plural_forms_in_the_pages_language(client):
    code, _ = create_room(client)
    words = script_words(client.get(f"/j/{code}", headers={"Accept-Language": "ar"}).text)
    assert words["language"] == "ar"
    assert words["messages"]["Join the table"] == "انضم إلى الطاولة"
    forms = words["plurals"]["You're up in %(num)d turn"]
    # Arabic has six plural categories; the browser's Intl.PluralRules picks one by name.
    assert set(forms) == {"zero", "one", "two", "few", "many", "other"}
    assert forms["few"] == "دورك بعد %(num)d أدوار"
    # The server's own lists the scripts show (kinds of offer, switches) come translated too.
    assert words["messages"]["I can help"] == "أستطيع المساعدة"


def test_english_pages_carry_no_translations_only_english_plural_forms(client):
    code, _ = create_room(client)
    words = script_words(client.get(f"/j/{code}").text)
    assert words["messages"] == {}
    assert words["plurals"]["You're up in %(num)d turn"] == {
        "one": "You're up in %(num)d turn", "other": "You're up in %(num)d turns"}


def test_a_refusal_reaches_a_phone_in_its_language(client, socketio_client):
    code, _ = create_room(client)
    phone = socketio_client(headers={"Accept-Language": "es"})
    ack = phone.emit("join", {"code": code, "name": "x" * 500}, callback=True)
    assert ack["ok"] is False
    assert ack["error"] == "Tu nombre puede tener como máximo 80 caracteres."  # its label, too


def test_a_refusal_with_a_count_takes_the_languages_plural(app):
    from facilitator.core.errors import say_n
    from facilitator.i18n import translate

    waiting = "%(num)d ask is still waiting for an offer: fill the gaps first (or switch the " \
              "rule off)."
    waiting_many = waiting.replace("ask is", "asks are")
    with app.test_request_context(headers={"Accept-Language": "ar"}):
        assert translate(say_n(waiting, waiting_many, 2)).startswith("طلبان")
        assert translate(say_n(waiting, waiting_many, 5)).startswith("5 طلبات")
    with app.test_request_context():
        assert translate(say_n(waiting, waiting_many, 1)).startswith("1 ask is")
        assert translate(say_n(waiting, waiting_many, 3)).startswith("3 asks are")


def test_a_page_refusal_speaks_the_readers_language(client):
    body = client.get("/join?code=ZZZZZZ", headers={"Accept-Language": "fr"}).text
    assert "Aucun événement n’a ce code." in body


def test_an_event_created_from_a_german_browser_speaks_german_with_a_german_deck(app, client):
    response = client.post("/rooms", data={"name": "Frühstück", "deck": "classic",
                                           "turn_seconds": "90"},
                           headers={"Accept-Language": "de"})
    assert response.status_code == 303
    code = response.headers["Location"].split("/host/")[1].split("#")[0]
    from facilitator.room_service import load_room
    with app.app_context():
        room = load_room(code)
    assert room.language == "de"
    assert room.prompts.items[0]["text"] == ("Wie bist du zu deinem Beruf gekommen? "
                                             "Deine Geschichte")
    # The host screen speaks the room's language, whatever the browser showing it asks for.
    body = client.get(f"/host/{code}", headers={"Accept-Language": "fr"}).text
    assert html_lang(body) == ("de", "ltr")


def test_the_host_picks_the_rooms_language_and_every_screen_hears_of_it(client, socketio_client):
    from .helpers import open_table, updates

    table = open_table(client, socketio_client)
    phone = socketio_client()
    phone.emit("watch", {"code": table.code}, callback=True)
    updates(phone)
    ack = table.host.emit("host", {"action": "language", "args": {"language": "ar"}},
                          callback=True)
    assert ack["ok"], ack
    assert [u["sections"]["room"]["language"] for u in updates(phone)
            if "room" in u.get("sections", {})] == ["ar"]
    body = client.get(f"/host/{table.code}").text
    assert html_lang(body) == ("ar", "rtl")
    refused = table.host.emit("host", {"action": "language", "args": {"language": "xx"}},
                              callback=True)
    assert refused == {"ok": False, "error": "Pick one of the languages offered.",
                       "version": refused["version"]}


def test_the_scripts_show_the_servers_fixed_words_in_their_language(client):
    words = script_words(client.get("/", headers={"Accept-Language": "fr"}).text)
    # The speaker's nudge and the tips are sent as written; the page's script translates them.
    assert words["messages"]["Lovely to hear from you. Try a story, or ask the table a "
                             "question."].startswith("Ravi de vous entendre.")
    assert words["messages"]["Giving first is the whole trick. The rest tends to follow."]


def test_table_signs_are_printed_in_the_rooms_language_with_names_as_text(client):
    created = client.post("/api/rooms", json={
        "name": "<i>Frühstück</i>", "tables": 2,
        "table_labels": [{"name": "<b>Eiche</b>", "colour": "teal"}]},
        headers={"Accept-Language": "de"}).get_json()
    body = client.get(f"/host/{created['code']}/signs", headers={"Accept-Language": "fr"}).text
    assert html_lang(body) == ("de", "ltr")
    assert "Tischschilder für &lt;i&gt;Frühstück&lt;/i&gt;" in body and "<i>Fr" not in body
    assert "&lt;b&gt;Eiche&lt;/b&gt;" in body and "<b>Eiche" not in body
    # The address and the code stay marked up inside the translated sentence, and escaped.
    assert re.search(r'oder öffne <strong class="address">[^<]+/j/\w+</strong> und nutze den Code '
                     r'<span class="sign-code">\w+</span>', body)


def test_a_default_table_name_is_said_in_each_readers_language_a_given_one_as_given(app):
    from facilitator.core.errors import say
    from facilitator.core.state.layout import Layout
    from facilitator.i18n import translate

    layout = Layout.new(tables=2, labels=[{"name": "Eiche"}])
    full = say("%(table)s is full.", table=layout.name(2))
    with app.test_request_context(headers={"Accept-Language": "de"}):
        assert translate(full) == "Tisch 2 ist voll."
        assert translate(say("%(table)s is full.", table=layout.name(1))) == "Eiche ist voll."
    with app.test_request_context():
        assert translate(full) == "Table 2 is full."
    assert layout.label(2)["name"] == "Table 2"  # the room's data stays as it was


def test_the_display_says_common_ground_and_a_deleted_event_in_its_language(client):
    code = client.post("/api/rooms", json={"name": "Frühstück"},
                       headers={"Accept-Language": "de"}).get_json()["code"]
    words = script_words(client.get(f"/display/{code}").text)["messages"]
    assert words["%(num)s of you %(says)s"] == "%(num)s von euch %(says)s"
    assert words["run"] == "laufen"
    assert words["This event has ended and its data was deleted."].startswith("Diese")


def test_a_page_carries_the_words_of_its_own_scripts_only(client):
    code, _ = create_room(client)
    home = script_words(client.get("/", headers={"Accept-Language": "ar"}).text)
    phone = script_words(client.get(f"/j/{code}", headers={"Accept-Language": "ar"}).text)
    # The phone's words (phone/phone.js) and the display's (display/cards.js) stay off the home
    # page; the words every script may be sent by the server (kinds of offer) are on both.
    assert "Join the table" in phone["messages"] and "Join the table" not in home["messages"]
    assert "%(num)s of you %(says)s" not in phone["messages"]
    assert home["messages"]["I can help"] == phone["messages"]["I can help"]


def test_the_modules_a_page_runs_are_followed_through_its_imports():
    from facilitator.page_scripts import closure

    runs = closure(("phone/phone.js",))
    assert {"phone/phone.js", "shared/room.js", "shared/i18n.js", "board/board.js"} <= runs
    assert not any(module.startswith(("host/", "display/")) for module in runs)
