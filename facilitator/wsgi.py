"""The WSGI app for gunicorn, one worker per process (Socket.IO needs sticky sessions):

    ASYNC_MODE=eventlet gunicorn -k eventlet -w 1 -b 127.0.0.1:5001 facilitator.wsgi:app
    ASYNC_MODE=gevent   gunicorn -k gevent   -w 1 -b 127.0.0.1:5001 facilitator.wsgi:app

ASYNC_MODE must match the worker class: the worker patches the standard library itself, before
this module is imported. See docs/deployment.md.
"""

from .config import async_mode
from .serving import server_app

app = server_app(async_mode())
