"""What the attack tests share: a raw HTTP client that sends exactly the bytes an attacker would
(half a request, a length it never sends), and a participant to attack as. Real clients
(`Screen`, `create_room`) come from `tests/live/helpers.py`."""

import os
import socket
from urllib.parse import urlsplit

from tests.live.helpers import TIMEOUT, Screen, create_room


class RawHttp:
    """One TCP connection to the server, written to by hand."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.host = parts.netloc
        self.sock = socket.create_connection((parts.hostname, parts.port), timeout=TIMEOUT)

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def head(self, method: str, path: str, **headers: str) -> None:
        """Send a request line and headers (Host: the server's, unless given), and nothing of
        the body."""
        headers = {"Host": self.host, **headers}
        lines = [f"{method} {path} HTTP/1.1",
                 *(f"{name.replace('_', '-')}: {value}" for name, value in headers.items())]
        self.send(("\r\n".join(lines) + "\r\n\r\n").encode())

    def response(self) -> tuple[int, dict[str, str]]:
        """The status and headers of the server's answer (the body is not read)."""
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = self.sock.recv(65536)
            if not chunk:
                break
            data += chunk
        status_line, *header_lines = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
        headers = {}
        for line in header_lines:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        return int(status_line.split()[1]), headers

    def closed_by_server(self) -> bool:
        """True once the server closes this connection (reads end), False if it is still open
        after TIMEOUT seconds of silence."""
        try:
            while self.sock.recv(65536):
                pass
        except TimeoutError:
            return False
        except ConnectionResetError:
            pass
        return True

    def close(self) -> None:
        self.sock.close()


def participant(url: str) -> tuple[str, str]:
    """A new room and a participant's token in it: (code, token)."""
    code, _ = create_room(url)
    phone = Screen(url, code)
    token = phone.join("Mallory")["token"]
    phone.close()
    return code, token


def cpu_seconds(pid: int) -> float:
    """The CPU time (user and system) process `pid` has used so far, from /proc."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
