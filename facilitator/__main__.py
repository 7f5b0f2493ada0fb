"""`python -m facilitator`: serve the app on HOST:PORT with the configured async mode.

The only module that knows about eventlet or gevent: their monkey-patching must happen before
anything else is imported, so it is done here, first.
"""

import os

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
    from .extensions import socketio
    from .serving import prepare, quieter_gc

    app = prepare(create_app({"ASYNC_MODE": ASYNC_MODE}))
    quieter_gc()
    host, port = app.config["HOST"], int(app.config["PORT"])
    print(f"Facilitator on http://{host}:{port} (async mode: {ASYNC_MODE})", flush=True)
    options = {}
    if ASYNC_MODE == "eventlet":
        # eventlet's WSGI server caps simultaneous connections at 1,024 by default.
        options["max_size"] = int(os.environ.get("MAX_CONNECTIONS", "10000"))
    socketio.run(app, host=host, port=port, allow_unsafe_werkzeug=True, **options)


main()
