// The load generator: one Node.js process playing each room's host (socket.io-client) and its
// phones (the Socket.IO protocol on plain WebSockets, below).
//
// Usage: node loadgen.js CONFIG.json   (written by `python -m bench`; see bench/scenarios.py)
// Talks to the harness with one JSON object per line on stdout, and waits for "go" on stdin
// between connecting and measuring, so the harness can sample the server's memory and CPU at
// known moments. Every wait is bounded; the process exits by itself when done or timed out.
//
// Fan-out latency of one action = (last phone in the room receives the `room_update`, or for a
// change at its table the `table_update`, with the action's version) - (the host sends the
// action), all on this process's monotonic clock. A reshuffle is measured per phone instead
// (`reshuffle` below). With `config.urls` (several processes of one app), phones are spread
// over them in turn and the host connects to the first.

"use strict";

const fs = require("fs");
const readline = require("readline");
const { performance } = require("perf_hooks");
const { io } = require("socket.io-client");
const WebSocket = require("ws");

const config = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const TIMEOUT_MS = config.timeout_ms || 10000;
const URLS = config.urls || [config.url];
const HARD_LIMIT_MS = config.hard_limit_ms || 600000;

function say(obj) {
  process.stdout.write(JSON.stringify(obj) + "\n");
}

const hardStop = setTimeout(() => {
  say({ phase: "error", error: `load generator stopped after ${HARD_LIMIT_MS} ms` });
  process.exit(3);
}, HARD_LIMIT_MS);

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function connectHost(identity, code) {
  // socket.io-client, as the host's screen: connect, then `watch` with an acknowledgement.
  return withTimeout(new Promise((resolve, reject) => {
    const sock = io(URLS[0], {
      transports: ["websocket"], forceNew: true, reconnection: false, timeout: TIMEOUT_MS,
    });
    sock.once("connect_error", reject);
    sock.once("connect", () => watchAlso(sock, identity, code).then(resolve, reject));
  }), TIMEOUT_MS * 2, "connect");
}

// A phone: Socket.IO (protocol 5, over Engine.IO 4) on a plain WebSocket, offering compression as
// browsers do. It connects, `watch`es, acknowledges, answers pings, and reads each update's stream
// and version from the first bytes of the frame without parsing the rest. Real phones each parse on
// their own CPU; parsing 500 copies of every delta here, one after the other on one core, would
// time this process instead of the server (socket.io-client phones did, whatever the server:
// docs/benchmarks.md, "The load generator is not the bottleneck").
const VERSION = /^42\["(?:room_update",\{|table_update",\{"table":(\d+),)"version":(\d+)/;

/** The key of one version of one stream: "room:12" or "table 3:17". */
function streamKey(table, version) {
  return table == null ? `room:${version}` : `table ${table}:${version}`;
}

class Phone {
  constructor(url) {
    this.url = `${url.replace(/^http/, "ws")}/socket.io/?EIO=4&transport=websocket`;
    this.acks = new Map();
    this.nextAck = 0;
    this.onVersion = null;
    this.onRoomUpdate = null; // (version, at, data): set while a reshuffle is measured
    this.onTableSnapshot = null; // (snapshot, at): likewise
  }

  open() {
    return new Promise((resolve, reject) => {
      this.ws = new WebSocket(this.url);
      this.ws.on("error", reject);
      this.ws.on("message", (data) => this.frame(data, resolve, reject));
    });
  }

  frame(data, opened, failed) {
    const at = performance.now();
    const head = data.toString("latin1", 0, 64);
    if (head[0] === "2") return this.ws.send("3"); // ping, pong
    if (head[0] === "0") return this.ws.send("40"); // Engine.IO open: join the namespace
    if (head[0] !== "4") return undefined;
    if (head[1] === "2") { // an event: only the stream and version of updates matter here
      const found = VERSION.exec(head);
      if (found && this.onVersion) this.onVersion(streamKey(found[1], found[2]), at);
      if (found && found[1] === undefined && this.onRoomUpdate) this.onRoomUpdate(Number(found[2]), at, data);
      if (head.startsWith('42["table_snapshot",') && this.onTableSnapshot) {
        this.onTableSnapshot(JSON.parse(data.toString().slice(2))[1], at);
      }
    } else if (head[1] === "3") { // an acknowledgement: 43<id>[args]
      const text = data.toString();
      const id = /^43(\d+)/.exec(text)[1];
      const ack = this.acks.get(Number(id));
      this.acks.delete(Number(id));
      if (ack) ack(JSON.parse(text.slice(2 + id.length))[0]);
    } else if (head[1] === "0") {
      opened(this);
    } else if (head[1] === "4") {
      failed(new Error(`connect refused: ${data}`));
    }
    return undefined;
  }

  emit(event, payload, ack) {
    const id = this.nextAck++;
    this.acks.set(id, ack);
    this.ws.send(`42${id}${JSON.stringify([event, payload])}`);
  }

  disconnect() {
    this.ws.close();
  }
}

async function connectPhone(token, code, url) {
  const phone = new Phone(url);
  await withTimeout(phone.open(), TIMEOUT_MS, "phone connect");
  const ack = await withTimeout(new Promise((resolve) => phone.emit("watch", { code, token }, resolve)),
    TIMEOUT_MS, "watch");
  if (!ack || !ack.ok) throw new Error(`watch refused: ${JSON.stringify(ack)}`);
  phone.me = ack.me;
  return phone;
}

function watchAlso(sock, identity, code) {
  // `watch` the room `code` on a host's connection (one more, for a console of many rooms).
  return withTimeout(new Promise((resolve, reject) => {
    sock.emit("watch", { code, ...identity }, (ack) => {
      if (ack && ack.ok) resolve(sock);
      else reject(new Error(`watch refused: ${JSON.stringify(ack)}`));
    });
  }), TIMEOUT_MS, "watch");
}

class Room {
  constructor(spec) {
    this.code = spec.code;
    this.spec = spec;
    this.phones = [];
    this.arrivals = new Map(); // stream key ("room:12", "table 1:17") -> {count, last}
    this.waiters = new Map(); // stream key -> resolve
    this.posts = 0; // how many posts this room's phones made: who posts next
  }

  arrive(key, at) {
    let entry = this.arrivals.get(key);
    if (!entry) this.arrivals.set(key, (entry = { count: 0, last: 0 }));
    entry.count += 1;
    entry.last = at;
    if (entry.count === this.phones.length && this.waiters.has(key)) {
      this.waiters.get(key)(entry);
    }
  }

  everyone(key) {
    // Resolves with {count, last} once every phone has the version `key` names, or with what
    // arrived by then.
    const entry = this.arrivals.get(key);
    if (entry && entry.count === this.phones.length) return Promise.resolve(entry);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(key);
        resolve(this.arrivals.get(key) || { count: 0, last: 0 });
      }, TIMEOUT_MS);
      this.waiters.set(key, (found) => {
        clearTimeout(timer);
        this.waiters.delete(key);
        resolve(found);
      });
    });
  }

  call(sock, event, data) {
    return withTimeout(new Promise((resolve) => sock.emit(event, data, resolve)), TIMEOUT_MS, event);
  }

  async measured(send) {
    // One action: its fan-out latency in ms, or an error.
    const sent = performance.now();
    const ack = await send();
    const acked = performance.now() - sent;
    if (!ack || !ack.ok) return { error: (ack && ack.error) || "refused" };
    // A change at a table is acknowledged with that table's new version.
    const [table, version] = ack.tables ? Object.entries(ack.tables)[0] : [null, ack.version];
    const key = streamKey(table, version);
    const got = await this.everyone(key);
    this.arrivals.delete(key);
    if (got.count < this.phones.length) return { error: "missed", missing: this.phones.length - got.count };
    return { ms: got.last - sent, ack: acked, version };
  }
}

// The actions the benchmark measures, one function each: the host's "next" key, and a phone
// posting an offer on the board (phones take turns posting, as the board limits each person's
// pace). Both return {ms} (fan-out latency) or {error}.
const OFFER = {
  kind: "intro",
  text: "I know a great designer who loves early-stage work; happy to introduce you after the round.",
};
const ACTIONS = {
  next(room) {
    // At a table of an event, the console's card for that table.
    const args = room.spec.table ? { table: room.spec.table } : {};
    // A bare server's console of many rooms names the room it presses for.
    const which = room.spec.console ? { code: room.code } : {};
    return room.measured(() => room.call(room.host, "host", { action: "next", args, ...which }));
  },
  post(room) {
    const phone = room.phones[room.posts++ % room.phones.length];
    return room.measured(() => room.call(phone, "post_offer", OFFER));
  },
};

async function pool(items, size, work) {
  let next = 0;
  const failures = [];
  async function worker() {
    while (next < items.length) {
      const item = items[next++];
      try {
        await work(item);
      } catch (err) {
        failures.push(String(err.message || err));
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return failures;
}

async function connectAll(rooms) {
  // By code: an event's tables share its one console. A bare server's rooms standing for an
  // event's tables (`spec.console`) share one too, which watches each of them, so both read
  // the presses of every table from one connection.
  const hosts = new Map();
  for (const room of rooms) {
    const key = room.spec.console || room.code;
    const identity = { host_key: room.spec.host_key, tables: "all" };
    // The host's screen follows every table, as the console does.
    if (!hosts.has(key)) hosts.set(key, await connectHost(identity, room.code));
    else if (room.spec.console) await watchAlso(hosts.get(key), identity, room.code);
    room.host = hosts.get(key);
  }
  connectAll.hosts = hosts.size;
  const jobs = rooms.flatMap((room) => room.spec.tokens.map((token) => ({ room, token })));
  jobs.forEach((job, i) => { job.url = URLS[i % URLS.length]; });
  return pool(jobs, config.connect_concurrency || 50, async ({ room, token, url }) => {
    const phone = await connectPhone(token, room.code, url);
    phone.onVersion = (key, at) => room.arrive(key, at);
    room.phones.push(phone);
  });
}

// A reshuffle moves everyone in the event with one press of the console, so it is measured per
// phone: from the press to the moment the phone knows where it sits and holds that table. The
// `room_update` says where everyone sits; a phone it moves has been sent its new table just
// before (`table_snapshot`), one the plan kept at its table holds it already. So each phone's
// time is its `room_update`'s, checked: a phone the update moves (its id among the `seats`)
// without a `table_snapshot` first is an error, as is one that asks (this one never does).
// Between reshuffles the rounds end and start again, as an organiser does (not measured): a
// reshuffle is refused while a round runs.
let roomVersion = 0; // the event's version as the host last heard it

async function hostCall(host, action) {
  const ack = await withTimeout(new Promise((resolve) => host.emit("host", { action, args: {} }, resolve)),
    TIMEOUT_MS, action);
  if (!ack || !ack.ok) throw new Error(`${action} refused: ${JSON.stringify(ack)}`);
  roomVersion = Math.max(roomVersion, ack.version);
  return ack;
}

async function reshuffle(rooms, out) {
  const host = rooms[0].host;
  const phones = rooms.flatMap((room) => room.phones);
  await hostCall(host, "end_round");
  await new Promise((resolve) => setTimeout(resolve, 200)); // its deltas are out
  const before = roomVersion;
  let sent = 0;
  let left = phones.length;
  let worst = 0;
  const arrived = new Promise((resolve) => {
    for (const phone of phones) {
      let table = false; // whether its new table came
      phone.onTableSnapshot = (message) => {
        table = Boolean(message && message.snapshot && Number.isInteger(message.snapshot.version));
      };
      phone.onRoomUpdate = (version, at, data) => {
        if (version <= before) return;
        phone.onRoomUpdate = null;
        phone.onTableSnapshot = null;
        const moved = data.toString().includes(`"${phone.me}":`);
        if (moved) out.moved += 1;
        if (moved && !table) out.errors.push("moved without its new table");
        out.samples.push(at - sent);
        worst = Math.max(worst, at - sent);
        if (--left === 0) resolve();
      };
    }
  });
  sent = performance.now();
  try {
    await hostCall(host, "reshuffle");
    out.acks.push(performance.now() - sent);
    await withTimeout(arrived, TIMEOUT_MS, "every phone at its new table");
    out.worst.push(worst);
  } catch (err) {
    out.errors.push(`${String(err.message || err)} (${left} phones without their table)`);
  } finally {
    for (const phone of phones) {
      phone.onRoomUpdate = null;
      phone.onTableSnapshot = null;
    }
  }
  await hostCall(host, "start");
}

async function runStep(step, rooms) {
  if (step.kind === "reshuffle") {
    const out = { kind: step.kind, samples: [], moved: 0, worst: [], acks: [], errors: [] };
    for (let i = 0; i < step.count; i++) await reshuffle(rooms, out);
    return out;
  }
  const action = ACTIONS[step.kind];
  const samples = [];
  const acks = [];
  const errors = [];
  for (let i = 0; i < step.count; i++) {
    // Sequential steps rotate through the rooms; a burst acts in every room at once.
    const acting = step.burst ? rooms : [rooms[i % rooms.length]];
    const results = await Promise.all(acting.map((room) => action(room)));
    for (const r of results) {
      if (r.error) errors.push(r.missing ? `${r.error} (${r.missing} phones)` : r.error);
      else {
        samples.push(r.ms);
        acks.push(r.ack);
      }
    }
    if (config.gap_ms) await new Promise((resolve) => setTimeout(resolve, config.gap_ms));
  }
  return { kind: step.kind, samples, acks, errors };
}

function waitForGo() {
  const lines = readline.createInterface({ input: process.stdin });
  return withTimeout(new Promise((resolve) => {
    lines.on("line", (line) => { if (line.trim() === "go") { lines.close(); resolve(); } });
  }), HARD_LIMIT_MS, "go from the harness");
}

async function main() {
  const rooms = config.rooms.map((spec) => new Room(spec));
  const started = performance.now();
  const failures = await connectAll(rooms);
  const phones = rooms.reduce((n, room) => n + room.phones.length, 0);
  say({ phase: "connected", phones, hosts: connectAll.hosts, failures: failures.slice(0, 5),
        failed: failures.length, connect_seconds: (performance.now() - started) / 1000 });
  await waitForGo();
  for (const step of config.warmup || []) await runStep(step, rooms);
  say({ phase: "measuring" });
  const results = [];
  for (const step of config.plan) {
    results.push(await runStep(step, rooms));
    say({ phase: "step", kind: step.kind }); // the harness reads the server's CPU time here
  }
  if (config.results_path) { // a big event's samples: a file, not one line of megabytes
    fs.writeFileSync(config.results_path, JSON.stringify(results));
    say({ phase: "done" });
  } else say({ phase: "done", results });
  for (const room of rooms) {
    room.host.disconnect();
    for (const phone of room.phones) phone.disconnect();
  }
  clearTimeout(hardStop);
  setTimeout(() => process.exit(0), 200);
}

main().catch((err) => {
  say({ phase: "error", error: String(err.stack || err) });
  process.exit(2);
});
