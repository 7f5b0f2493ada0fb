"""The address phones use to join: the URL in the QR code must be reachable from the room."""

import ipaddress
import socket
from urllib.parse import urlsplit


def is_loopback(host: str) -> bool:
    """An address only this machine can reach: localhost, 127.0.0.0/8, ::1."""
    host = host.strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_unspecified(host: str) -> bool:
    """0.0.0.0 or ::: as a server's HOST, every interface; in a browser, this machine."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return False


LOOPBACK_ONLY, NO_NETWORK = "loopback-only", "no-network"


def why_phones_cant_reach(listen_host: str) -> str | None:
    """Why phones on the venue's network can't reach a server listening on `listen_host`, or
    None if they can: it listens on loopback only, or it listens everywhere but this machine
    has no address on a network (no wifi yet). The host screen says which."""
    if is_loopback(listen_host):
        return LOOPBACK_ONLY
    if is_unspecified(listen_host) and lan_address() is None:
        return NO_NETWORK
    return None


def lan_address() -> str | None:
    """This machine's address on the local network, as other devices see it.

    Connecting a UDP socket sends no packet; it only asks the kernel which interface would route
    there, and that interface's address is the one phones on the same wifi can reach.
    """
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed to anyone
            address = probe.getsockname()[0]
    except OSError:
        return None
    return None if is_loopback(address) or is_unspecified(address) else address


def base_url(public_url: str, request_url: str) -> str:
    """PUBLIC_URL if set; else the address the host used, unless that only works on this laptop,
    in which case the LAN address with the same port."""
    if public_url:
        return public_url.rstrip("/")
    parts = urlsplit(request_url)
    if not (is_loopback(parts.hostname or "") or is_unspecified(parts.hostname or "")):
        return f"{parts.scheme}://{parts.netloc}"
    lan = lan_address()
    if lan is None:
        return f"{parts.scheme}://{parts.netloc}"
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{lan}{port}"
