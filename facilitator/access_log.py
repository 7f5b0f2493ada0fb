"""The access log: one line per HTTP request, through the standard logging setup (the logger
`facilitator.access`, at INFO), with nothing secret and little personal in it (issue 16.15).

A line says when, the client's network (its address shortened: the last byte of an IPv4
address zeroed, an IPv6 address cut to its /48), the method, the route's pattern rather than
the path (`/mail/unsubscribe/<token>`, never the token), the event's code when the route names
one (it is on the projector anyway), the status and how long it took. Never a query string, a
header (keys and tokens travel in `Authorization`), a body or a cookie. docs/security.md says
where it goes and for how long.
"""

import ipaddress
import logging
import time

from flask import Flask, Response, g, request

from .core.state.identity import CODE_ALPHABET, CODE_LENGTH

log = logging.getLogger("facilitator.access")


def init_app(app: Flask) -> None:
    app.before_request(_started)
    app.after_request(_logged)


def network_of(address: str | None) -> str:
    """The address's network, not the address: enough to see a flood, not to find a person."""
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return "?"
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))


def _started() -> None:
    g.access_started = time.monotonic()


def _logged(response: Response) -> Response:
    rule = request.url_rule.rule if request.url_rule is not None else "(no route)"
    code = (request.view_args or {}).get("code", "")
    shown_code = code if len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET) else "-"
    took = time.monotonic() - g.get("access_started", time.monotonic())
    log.info("%s %s %s %s %s %.0fms", network_of(request.remote_addr), request.method, rule,
             shown_code, response.status_code, took * 1000)
    return response
