"""Finding 11: the host's CSV must not run what attendees typed as formulas, whatever the
spreadsheet's locale. On a real server: names and posts built to start a formula at the start
of a cell and after a ";" (where a ";" locale splits a line); the export quotes every cell and
defuses each."""

import csv
import io

import requests

from tests.live.helpers import TIMEOUT, Screen, create_room

PAYLOADS = ["=HYPERLINK(\"http://evil.example\",\"x\")", "ok;=cmd|' /C calc'!A0",
            "+1;@SUM(A1)", "fine;-2+3"]


def test_the_csv_export_runs_no_formula_in_any_locale(live_server):
    server = live_server()
    code, key = create_room(server.url)
    phone = Screen(server.url, code)
    phone.join(PAYLOADS[0])
    for text in PAYLOADS[1:]:
        assert phone.call("post_ask", {"text": text})["ok"]
    export = requests.get(f"{server.url}/host/{code}/export.csv", timeout=TIMEOUT,
                          headers={"Authorization": f"Bearer {key}"},
                          proxies={"http": "", "https": ""})
    assert export.status_code == 200
    text = export.text
    cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
    assert "'=HYPERLINK(\"http://evil.example\",\"x\")" in cells
    assert {"ok;'=cmd|' /C calc'!A0", "'+1;'@SUM(A1)", "fine;'-2+3"} <= set(cells)
    # Every cell is quoted, and split at ";" as such a locale would, no piece starts a formula.
    assert all(line.startswith('"') for line in text.split("\r\n")[:-1])
    for piece in text.replace("\r\n", ";").replace('"', "").split(";"):
        assert not piece.startswith(("=", "+", "-", "@")), piece
    phone.close()
