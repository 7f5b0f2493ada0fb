"""The first screen a new host sees, with the app started as README's first command starts it:
the default HOST (every interface) and no PUBLIC_URL (issue 15.2). Traffic goes to 127.0.0.1
only: the LAN address the QR code shows is read from the page, never visited."""

import re

import requests

from facilitator.pages.public_url import lan_address

from .helpers import TIMEOUT, create_room


def test_the_default_configuration_warns_only_when_phones_cant_reach_the_laptop(live_server):
    server = live_server(extra_env={"HOST": None, "PUBLIC_URL": None})  # README's defaults
    code, _ = create_room(server.url)
    page = requests.get(f"{server.url}/host/{code}", timeout=TIMEOUT).text
    shown = re.search(r'id="join-url"[^>]*>(.*?)</p>', page)
    lan = lan_address()
    if lan is None:  # a machine on no network: phones truly can't reach it, and it says why
        assert 'data-reason="no-network"' in page
        assert "This laptop isn't on a network" in page
    else:
        assert 'id="unreachable"' not in page and "Phones can't reach" not in page
        address = re.sub(r"<wbr>", "", shown.group(1)) if shown else None
        assert address == f"{lan}:{server.port}/j/{code}"
