// Baseline: a Node.js socket.io 4.x server doing the same broadcasts as Facilitator, with no
// application logic. It speaks the same events (`watch`, `host`, `post_offer` with acknowledgements,
// `room_update` to the room, `table_update` to its table, `host_update` to its host) and sends
// payloads of the same size,
// prepared by the harness from the real domain core (bench/payloads.py).
//
// Usage: node server.js PORT PAYLOADS.json   (listens on 127.0.0.1 only)

"use strict";

const fs = require("fs");
const http = require("http");
const { Server } = require("socket.io");

const port = Number(process.argv[2]);
const payloads = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
const versions = new Map(); // by stream: "CODE" for the room, "CODE:1" for its table

function versionOf(stream, code) {
  const held = stream === code ? payloads.rooms[code].snapshot : payloads.rooms[code].tables["1"];
  return versions.get(stream) || held.version;
}

const httpServer = http.createServer((req, res) => {
  if (req.url === "/healthz") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"ok":true}');
    return;
  }
  res.writeHead(404);
  res.end();
});
// Compression off, socket.io's default, unless WEBSOCKET_COMPRESSION=1 (as for the Python servers).
const compress = ["1", "true", "yes", "on"].includes((process.env.WEBSOCKET_COMPRESSION || "").toLowerCase());
const io = new Server(httpServer, { serveClient: false, perMessageDeflate: compress });

io.on("connection", (socket) => {
  socket.on("watch", (data, ack) => {
    const room = payloads.rooms[data.code];
    if (!room) return ack({ ok: false, error: "There's no event with that code." });
    socket.join(`room:${data.code}`);
    socket.join(`table:${data.code}:1`);
    if (data.host_key) {
      socket.join(`host:${data.code}`);
      // A console of many rooms (standing for an event's tables) watches each of them.
      socket.data.consoles = [...(socket.data.consoles || []), data.code];
    }
    socket.data.code = data.code;
    const now = Date.now() / 1000;
    ack({ ok: true, role: data.host_key ? "host" : "participant", me: null,
          snapshot: { ...room.snapshot, version: versionOf(data.code, data.code), now },
          tables: { 1: { ...room.tables["1"], version: versionOf(`${data.code}:1`, data.code), now } } });
  });
  // The host's "next" (to the table) and a phone's offer (to the room): each broadcasts its
  // action's delta, next version of its stream, then the host's extras, then the delta again
  // for onlookers.
  // A console of many rooms names the room (`named`), as the event's console names the table.
  const broadcast = (action, ack, named) => {
    const code = (socket.data.consoles || []).includes(named) ? named : socket.data.code;
    const template = code && payloads.rooms[code].actions[action];
    if (!template) return ack({ ok: false, error: "Unknown action." });
    const atTable = action === "next";
    const stream = atTable ? `${code}:1` : code;
    const version = versionOf(stream, code) + 1;
    versions.set(stream, version);
    const [event, to] = atTable ? ["table_update", `table:${code}:1`] : ["room_update", `room:${code}`];
    const seen = { ...template, version, now: Date.now() / 1000 };
    io.to(to).emit(event, seen);
    const extras = payloads.rooms[code].host[action];
    if (extras) {
      io.to(`host:${code}`).emit("host_update", { ...extras, version, now: Date.now() / 1000 });
    }
    // The onlookers' copy, as the app sends it whether or not a display is looking on.
    io.to(`onlookers-${to}`).emit(event, seen);
    ack(atTable ? { ok: true, version: versionOf(code, code), tables: { 1: version } } : { ok: true, version });
  };
  socket.on("host", (data, ack) => broadcast(data.action, ack, data.code));
  socket.on("post_offer", (data, ack) => broadcast("post_offer", ack));
});

httpServer.listen(port, "127.0.0.1", () => console.log(`node baseline on 127.0.0.1:${port}`));
