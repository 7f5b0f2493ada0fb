// The live connection every screen shares: one socket, the room's state kept from a snapshot plus
// versioned deltas (docs/protocol.md), the server's clock, and acknowledged emits.
//
// Other modules (e.g. a future board.js) import from here and get the same socket and state:
//   import { onState, emitAck } from "./live.js";
//   onState((state, identity) => { ... });   // after every snapshot/delta
import { io } from "../vendor/socket.io/socket.io.esm.min.js";

const ACK_TIMEOUT_MS = 8000;

/** The room as the protocol describes it; `offset` turns Date.now() into server time. */
export const state = {
  version: null,
  now: null,
  offset: 0,
  sections: {},
  items: { people: {} },
};

/** Who this screen is in the room: role "viewer" | "participant" | "host", `me` a pid or null. */
export const identity = { role: null, me: null, code: null };

const stateFns = new Set();
const statusFns = new Set();
const deletedFns = new Set();
let socket = null;
let auth = () => ({});
let refused = () => {};
let awaiting = 0; // snapshots in flight: deltas wait in `held` until one lands
let held = [];
let status = "connecting";
let remembered = null; // {round, prompt}: see roundPrompt()

/** Open the socket and keep watching room `code`; `getAuth()` gives {token} or {host_key}. */
export function connect({ code, getAuth = () => ({}), onRefused = () => {} }) {
  identity.code = code;
  auth = getAuth;
  refused = onRefused;
  // WebSocket first (no sticky sessions needed), long-polling when a venue network blocks it.
  socket = io({ transports: ["websocket", "polling"], tryAllTransports: true });
  socket.on("connect", () => { watch(); });
  socket.on("disconnect", (reason) => {
    if (reason === "io client disconnect") return; // we hung up on purpose
    setStatus("reconnecting");
    // The server closing us is the one case the client does not retry by itself.
    if (reason === "io server disconnect") socket.connect();
  });
  socket.on("connect_error", () => setStatus(state.version === null ? "connecting" : "reconnecting"));
  socket.on("room_update", onDelta);
  socket.on("room_deleted", (notice) => {
    if (notice?.code !== identity.code) return;
    // The room and its data are gone: stop reconnecting to it.
    socket.disconnect();
    setStatus("ended");
    for (const fn of deletedFns) fn(notice);
  });
  return socket;
}

/** Call `fn(state, identity)` after every snapshot and delta (now, too, if state is loaded). */
export function onState(fn) {
  stateFns.add(fn);
  if (state.version !== null) queueMicrotask(() => stateFns.has(fn) && fn(state, identity));
  return () => stateFns.delete(fn);
}

/** Call `fn({code, message})` if the server deletes the room (by the host, or on expiry). */
export function onRoomDeleted(fn) {
  deletedFns.add(fn);
  return () => deletedFns.delete(fn);
}

/** Call `fn(status)` with "connecting" | "connected" | "reconnecting" | "ended" on change. */
export function onStatus(fn) {
  statusFns.add(fn);
  fn(status);
  return () => statusFns.delete(fn);
}

/** Emit `event` and resolve with its acknowledgement, {ok: true, ...} or {ok: false, error}.
 *  Never rejects: a timeout or a lost connection resolves {ok: false, transport: true, error}. */
export function emitAck(event, payload = {}, timeoutMs = ACK_TIMEOUT_MS) {
  return new Promise((resolve) => {
    if (!socket || !socket.connected) {
      resolve({ ok: false, transport: true, error: "Not connected right now. Reconnecting…" });
      return;
    }
    socket.timeout(timeoutMs).emit(event, payload, (err, ack) => {
      if (err) resolve({ ok: false, transport: true, error: "The server didn't answer in time. Please try again." });
      else if (!ack || typeof ack !== "object") resolve({ ok: false, error: "Unexpected answer from the server." });
      else resolve(ack);
    });
  });
}

/** (Re)attach to the room with the current credentials and take the fresh snapshot. */
export function watch() {
  return enter("watch", { code: identity.code, ...auth() }).then((ack) => {
    if (ack.transport) {
      // Lost or timed out: try again while the socket is up; a reconnect watches anyway.
      if (socket.connected) setTimeout(() => socket.connected && watch(), 2000);
      return ack;
    }
    setStatus("connected");
    if (!ack.ok) refused(ack.error);
    return ack;
  });
}

/** Join as a participant; on success the snapshot is adopted and the ack has the token. */
export function join(profile) {
  return enter("join", { code: identity.code, ...profile });
}

/** Seconds left in the current turn (negative once time is up), or null outside a turn. */
export function secondsLeft(turns = state.sections.turns) {
  if (!turns) return null;
  if (turns.status === "paused") return turns.remaining ?? 0;
  if (turns.status === "speaking" && turns.deadline != null) return turns.deadline - serverNow();
  return null;
}

/** The server's clock now, in epoch seconds. */
export function serverNow() {
  return Date.now() / 1000 + state.offset;
}

/** The speaking order: this round's while one runs, else the seats for the next (pids). */
export function speakingOrder() {
  return state.sections.order?.pids ?? [];
}

/** Measured airtime of `pid`: finished turns, plus the running turn up to this moment. */
export function airtime(pid) {
  let seconds = state.items.airtime?.[pid] ?? 0;
  const turns = state.sections.turns;
  if (turns && turns.current === pid) {
    seconds += turns.spoken ?? 0;
    if (turns.since != null) seconds += Math.max(0, serverNow() - turns.since);
  }
  return seconds;
}

/** The prompt the running round is on (or null outside a round).
 *  The host may pick another prompt mid-round ("run this next"), which moves `index` off the
 *  round's prompt and clears `used`; the prompt seen while `used` was true is remembered. */
export function roundPrompt() {
  const { prompts, turns } = state.sections;
  if (!prompts || !turns || !["speaking", "paused"].includes(turns.status)) return null;
  const current = prompts.items[prompts.index] ?? null;
  if (prompts.used && current) remembered = { round: turns.round, prompt: current };
  else if (remembered?.round === turns.round) return remembered.prompt;
  return current;
}

/** The prompt the next round will start on, or null when none is left. */
export function upNextPrompt() {
  const prompts = state.sections.prompts;
  return (prompts && prompts.up_next != null && prompts.items[prompts.up_next]) || null;
}

/** A participant by id, or null. */
export function person(pid) {
  return (pid && state.items.people?.[pid]) || null;
}

// --- internals ---------------------------------------------------------------------------

function setStatus(next) {
  if (next === status) return;
  status = next;
  for (const fn of statusFns) fn(status);
}

// `watch` and `join` run one at a time: the server handles a connection's events concurrently,
// so a join sent while the first watch is in flight could be answered first, and the watch's
// late "viewer" answer would then undo the join on both sides.
let entering = Promise.resolve();

function enter(event, payload) {
  const run = entering.then(() => enterNow(event, payload));
  entering = run;
  return run;
}

async function enterNow(event, payload) {
  awaiting += 1;
  const ack = await emitAck(event, payload);
  awaiting -= 1;
  if (ack.ok && ack.snapshot) {
    identity.role = ack.role ?? identity.role;
    identity.me = ack.me ?? null;
    adopt(ack.snapshot);
  } else if (awaiting === 0) {
    replay();
  }
  return ack;
}

function adopt(snapshot) {
  // An older snapshot than what we hold (two watches crossing) would step back in time.
  if (state.version === null || snapshot.version >= state.version) {
    merge(snapshot, true);
  }
  replay();
}

function onDelta(delta) {
  if (state.version === null || awaiting > 0) {
    held.push(delta);
    return;
  }
  if (apply(delta)) notify();
}

function replay() {
  const queued = held.sort((a, b) => a.version - b.version);
  held = [];
  for (const delta of queued) {
    if (delta.version > state.version && !apply(delta)) break;
  }
  notify();
}

/** Apply a delta in sequence; on a gap ask for a fresh snapshot. Returns whether it applied. */
function apply(delta) {
  if (state.version === null || delta.version <= state.version) return false;
  if (delta.version !== state.version + 1) {
    watch();
    return false;
  }
  merge(delta, false);
  return true;
}

function merge(msg, whole) {
  if (whole) {
    state.sections = {};
    state.items = { people: {} };
  }
  Object.assign(state.sections, msg.sections || {});
  for (const [collection, items] of Object.entries(msg.items || {})) {
    const target = (state.items[collection] ||= {});
    for (const [id, item] of Object.entries(items)) {
      if (item === null) delete target[id];
      else target[id] = item;
    }
  }
  // The least-delayed message gives the best estimate of the server's clock; a snapshot resets it
  // in case this device's clock was changed meanwhile.
  const sample = msg.now - Date.now() / 1000;
  state.offset = whole ? sample : Math.max(state.offset, sample);
  state.version = msg.version;
  state.now = msg.now;
}

function notify() {
  if (state.version === null) return;
  for (const fn of stateFns) {
    try {
      fn(state, identity);
    } catch (err) {
      console.error(err);
    }
  }
}
