"""Requests are answered only for the names this app is reached by (issue 16.14).

The app's "own origin", which form posts and Socket.IO connections are checked against, comes
from the Host header. With no list of names, DNS rebinding passed that check: a page on
`http://evil.example:5000`, its name re-pointed at the laptop's address, is "same origin" with
whatever answers there, and could read and drive the event. So the Host must be one of:

- an IP address, of any kind: a rebinding attack needs a name, and phones on a venue's wifi
  reach the laptop by an address that changes with the network (the QR code's);
- `localhost`, this machine's name and `<name>.local` (mDNS);
- PUBLIC_URL's host, and those listed in ALLOWED_HOSTS (comma-separated; `.example.org` takes
  every subdomain), e.g. the names of a proxy in front.

Anything else gets a short 400 before any other work, for pages and Socket.IO alike. Flask has a
setting of its own (TRUSTED_HOSTS), but it is a fixed list checked only for Flask's own
requests: it can say neither "any address" nor cover Socket.IO's.
"""

import ipaddress
import re
import socket
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from werkzeug.sansio.utils import host_is_trusted

WSGIApp = Callable[[dict, Callable], Iterable[bytes]]
ADDRESS = re.compile(r"(?:\[(?P<v6>[0-9a-fA-F:.]+)\]|(?P<v4>[0-9.]+))(?::[0-9]{1,5})?")
UNKNOWN_HOST = b"This server doesn't answer to that name. Use its address or PUBLIC_URL.\n"


def trusted_names(config: dict) -> list[str]:
    """The names (not addresses: every address is trusted) requests may be addressed to."""
    machine = socket.gethostname().lower()
    names = ["localhost", machine, f"{machine}.local"]
    if public := urlsplit(config["PUBLIC_URL"]).hostname:
        names.append(public)
    names += [name.strip().lower() for name in config["ALLOWED_HOSTS"].split(",")
              if name.strip()]
    return names


def is_address(host: str) -> bool:
    """Whether a Host header is an IP address and nothing else (with a port, an IPv6 address in
    brackets): what it names is written into the page's CSP, so it must be exactly that."""
    match = ADDRESS.fullmatch(host)
    if match is None:
        return False
    try:
        ipaddress.ip_address(match.group("v6") or match.group("v4"))
    except ValueError:
        return False
    return True


def only_trusted_hosts(wsgi_app: WSGIApp, names: list[str]) -> WSGIApp:
    """`wsgi_app`, answering 400 to a request addressed to any other name."""
    def app(environ: dict, start_response: Callable) -> Iterable[bytes]:
        host = environ.get("HTTP_HOST")
        if host is None or is_address(host) or host_is_trusted(host, names):
            return wsgi_app(environ, start_response)
        start_response("400 Bad Request", [
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Length", str(len(UNKNOWN_HOST))), ("Connection", "close")])
        return [UNKNOWN_HOST]
    return app
