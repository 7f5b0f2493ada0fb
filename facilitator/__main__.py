"""`python -m facilitator`: serve the app on HOST:PORT with the configured async mode.

The only module that knows about eventlet or gevent: their monkey-patching must happen before
anything else is imported, so it is done here, first.
"""

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import socket

    from .serving import WSGIApp

ASYNC_MODE = os.environ.get("ASYNC_MODE") or "eventlet"

if ASYNC_MODE == "eventlet":
    import eventlet

    eventlet.monkey_patch()
    from .serving import green_postgres

    green_postgres()
elif ASYNC_MODE == "gevent":
    from gevent import monkey

    monkey.patch_all()


def main() -> None:
    from . import create_app
    from .serving import listener, prepare, quieter_gc

    app = prepare(create_app({"ASYNC_MODE": ASYNC_MODE}))
    quieter_gc()
    host, port = app.config["HOST"], int(app.config["PORT"])
    sock = listener(host, port)
    print(f"Facilitator on http://{host}:{port} (async mode: {ASYNC_MODE})", flush=True)
    serve(app, sock)


def serve(app: "WSGIApp", sock: "socket.socket") -> None:
    """The WSGI server `socketio.run` picks for this mode, on our own listening socket."""
    if ASYNC_MODE == "eventlet":
        import eventlet.wsgi

        # eventlet's WSGI server caps simultaneous connections at 1,024 by default.
        eventlet.wsgi.server(sock, app, log_output=False,
                             max_size=int(os.environ.get("MAX_CONNECTIONS", "10000")))
    elif ASYNC_MODE == "gevent":
        from gevent import pywsgi

        pywsgi.WSGIServer(sock, app, log=None).serve_forever()
    else:
        from werkzeug.serving import make_server

        host, port = sock.getsockname()[:2]
        make_server(host, port, app, threaded=True, fd=sock.fileno()).serve_forever()


main()
