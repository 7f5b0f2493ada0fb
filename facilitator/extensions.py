"""Extensions created unbound and bound to the app in `create_app`, so tests get their own."""

from flask_socketio import SocketIO
from flask_wtf.csrf import CSRFProtect

socketio = SocketIO()
csrf = CSRFProtect()
