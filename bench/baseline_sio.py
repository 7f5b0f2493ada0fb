"""Baseline: a bare python-socketio server doing Facilitator's broadcasts with no application logic.

Same events (`watch`, `host`, `post_offer` with acknowledgements, `room_update` to the room,
`table_update` to a table's screens and `host_update` to its host),
same payload sizes (prepared from the real domain core by bench/payloads.py), same async mode and
WSGI server as `python -m facilitator`, but no Flask, no database, no domain code: what is left
is the price of Socket.IO itself, the floor our app is measured against.

Like the app, it leaves WebSocket compression off unless WEBSOCKET_COMPRESSION=1, sends packets
that are not searched for bytes, without Nagle's delay, and tunes the garbage collector the same
way (facilitator/serving.py), so the two differ only in what the app does.

Usage: python -m bench.baseline_sio MODE PORT PAYLOADS.json   (listens on 127.0.0.1 only)
"""

import sys

MODE = sys.argv[1]
if MODE == "eventlet":
    import eventlet

    eventlet.monkey_patch()
elif MODE == "gevent":
    from gevent import monkey

    monkey.patch_all()

import json  # noqa: E402  (after monkey-patching, as in facilitator/__main__.py)
import time  # noqa: E402

import socketio  # noqa: E402

from facilitator.config import setting  # noqa: E402
from facilitator.serving import (  # noqa: E402
    TextPacket,
    listener,
    quieter_gc,
    without_websocket_compression,
)


def make_app(payloads: dict) -> socketio.WSGIApp:
    sio = socketio.Server(async_mode=MODE, serializer=TextPacket)
    versions: dict[str, int] = {}  # by stream: "CODE" for the room, "CODE:1" for its table
    rooms = payloads["rooms"]

    def version_of(stream: str, code: str) -> int:
        held = rooms[code]["snapshot"] if stream == code else rooms[code]["tables"]["1"]
        return versions.get(stream, held["version"])

    @sio.on("watch")
    def watch(sid: str, data: dict) -> dict:
        code = str(data.get("code"))
        if code not in rooms:
            return {"ok": False, "error": "There's no event with that code."}
        sio.enter_room(sid, f"room:{code}")
        sio.enter_room(sid, f"table:{code}:1")
        session = sio.get_session(sid)
        if data.get("host_key"):
            sio.enter_room(sid, f"host:{code}")
            # A console of many rooms (standing for an event's tables) watches each of them.
            session["consoles"] = [*session.get("consoles", []), code]
        session["code"] = code
        sio.save_session(sid, session)
        snapshot = dict(rooms[code]["snapshot"], now=time.time(), version=version_of(code, code))
        table = dict(rooms[code]["tables"]["1"], now=time.time(),
                     version=version_of(f"{code}:1", code))
        return {"ok": True, "role": "host" if data.get("host_key") else "participant",
                "me": None, "snapshot": snapshot, "tables": {"1": table}}

    def broadcast(sid: str, action: object, named: object = None) -> dict:
        """The host's "next" (to the table) or a phone's offer (to the room): its delta with the
        stream's next version, then the host's extras, then the delta again for onlookers. A
        console of many rooms names the room (`named`), as the event's console names the
        table."""
        session = sio.get_session(sid)
        code = str(named) if named in session.get("consoles", ()) else session.get("code")
        template = rooms[code]["actions"].get(action) if code else None
        if template is None:
            return {"ok": False, "error": "Unknown action."}
        at_table = action == "next"
        stream = f"{code}:1" if at_table else code
        version = versions[stream] = version_of(stream, code) + 1
        event, to = ("table_update", f"table:{code}:1") if at_table else ("room_update",
                                                                            f"room:{code}")
        seen = dict(template, version=version, now=time.time())
        sio.emit(event, seen, to=to)
        if (extras := rooms[code]["host"][action]) is not None:
            sio.emit("host_update", dict(extras, version=version, now=time.time()),
                     to=f"host:{code}")
        # The onlookers' copy, as the app sends it whether or not a display is looking on.
        sio.emit(event, seen, to=f"onlookers-{to}")
        if at_table:
            return {"ok": True, "version": version_of(code, code), "tables": {"1": version}}
        return {"ok": True, "version": version}

    sio.on("host", lambda sid, data: broadcast(sid, data.get("action"), data.get("code")))
    sio.on("post_offer", lambda sid, data: broadcast(sid, "post_offer"))

    def healthz(environ: dict, start_response) -> list[bytes]:
        start_response("200 OK", [("Content-Type", "application/json")])
        return [b'{"ok":true}']

    app = socketio.WSGIApp(sio, healthz)
    return app if setting("WEBSOCKET_COMPRESSION") else without_websocket_compression(app)


def serve(app: socketio.WSGIApp, port: int) -> None:
    """The WSGI server `python -m facilitator` runs in this mode, on the same kind of socket."""
    print(f"python-socketio baseline on 127.0.0.1:{port} ({MODE})", flush=True)
    sock = listener("127.0.0.1", port)
    if MODE == "eventlet":
        import eventlet.wsgi

        eventlet.wsgi.server(sock, app, log_output=False, max_size=setting("MAX_CONNECTIONS"))
    elif MODE == "gevent":
        from gevent import pywsgi

        pywsgi.WSGIServer(sock, app, log=None).serve_forever()
    else:
        from werkzeug.serving import make_server

        make_server("127.0.0.1", port, app, threaded=True, fd=sock.fileno()).serve_forever()


if __name__ == "__main__":
    with open(sys.argv[3], encoding="utf-8") as f:
        app = make_app(json.load(f))
    quieter_gc()
    serve(app, int(sys.argv[2]))
