"""Email from a real server process, in each async mode: the link asked for goes out in the
background (smtplib under eventlet's and gevent's patched sockets too), and a mail server that
sits on the message keeps nobody in the room waiting."""

import pytest
import requests

from .helpers import TIMEOUT, Screen, create_room


@pytest.mark.parametrize("async_mode", ["eventlet", "gevent", "threading"])
def test_the_link_goes_out_in_the_background(live_server, smtp_server, async_mode):
    server = live_server(extra_env={"ASYNC_MODE": async_mode, "SMTP_URL": smtp_server.url,
                                    "MAIL_FROM": "hello@example.org", "MAIL_TIMEOUT_SECONDS": "60"})
    code, key = create_room(server.url)
    host, ann = Screen(server.url, code, host_key=key), Screen(server.url, code)
    token = ann.join("Ann")["token"]
    smtp_server.inbox.hold()  # the mail server sits on the message...
    with requests.Session() as http:
        http.trust_env = False
        asked = http.put(f"{server.url}/j/{code}/me/email", timeout=TIMEOUT,
                         headers={"Authorization": f"Bearer {token}"},
                         json={"email": "ann@example.org"})
    assert asked.status_code == 200, asked.text
    # ...and the room carries on meanwhile.
    assert host.call("host", {"action": "start"})["ok"]
    ann.wait_for(lambda s: s.turns["round"] == 1)
    smtp_server.inbox.release()
    [message] = smtp_server.inbox.wait_for(1)
    assert message["To"] == "ann@example.org" and f"/j/{code}/me#key=" in message.get_content()
    for screen in (host, ann):
        screen.close()
