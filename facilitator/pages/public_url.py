"""The address phones use to join: the URL in the QR code must be reachable from the room."""

import ipaddress
import socket
from urllib.parse import urlsplit


def is_loopback(host: str) -> bool:
    host = host.strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback or ipaddress.ip_address(host).is_unspecified
    except ValueError:
        return False


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
    return None if is_loopback(address) else address


def base_url(public_url: str, request_url: str) -> str:
    """PUBLIC_URL if set; else the address the host used, unless that only works on this laptop,
    in which case the LAN address with the same port."""
    if public_url:
        return public_url.rstrip("/")
    parts = urlsplit(request_url)
    if not is_loopback(parts.hostname or ""):
        return f"{parts.scheme}://{parts.netloc}"
    lan = lan_address()
    if lan is None:
        return f"{parts.scheme}://{parts.netloc}"
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{lan}{port}"
