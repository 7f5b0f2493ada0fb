// The live connection every screen shares: one socket, the room's state kept from a snapshot plus
// versioned deltas (and, on the host's screen, the host's extras), the same for each table this
// screen follows (its own, or every table), and acknowledged emits (docs/protocol.md, "Tables").
// Screens read the state through room.js and hear of changes with onState.
import { io } from "../../vendor/socket.io/socket.io.esm.min.js";
import { gettext } from "./i18n.js";

const ACK_TIMEOUT_MS = 8000;
// How often a screen asks the server for the room's version (`sync`), to notice it is behind
// even when nothing changes for a while (docs/protocol.md, "Staying in step").
const SYNC_PERIOD_MS = 25000;
// Deltas in flight when an acknowledgement says the room moved on (through a message queue they
// can arrive after it): wait this long for them before asking for a fresh snapshot.
const LAG_GRACE_MS = 3000;
// The server's refusal of a room it doesn't know, in the page's language as it words refusals
// (facilitator/i18n.py).
const NO_SUCH_ROOM = gettext("There's no event with that code. Check the code on the big screen.");

/** The room as the protocol describes it; `offset` turns Date.now() into server time. `tables`
 *  holds each table this screen follows, by number, in the same shape with its own version. */
export const state = {
  version: null,
  now: null,
  offset: 0,
  sections: {},
  items: { people: {} },
  tables: {},
};

/** Who this screen is in the room: role "viewer" | "participant" | "host", `me` a pid or null. */
export const identity = { role: null, me: null, code: null };

const stateFns = new Set();
const statusFns = new Set();
const deletedFns = new Set();
const hostFns = new Set();
let socket = null;
let syncTimer = null;
let auth = () => ({});
let refused = () => {};
let awaiting = 0; // snapshots in flight: deltas wait in `held` until one lands
let held = [];
let hostHeld = []; // host updates waiting for the room delta of their version
let status = "connecting";
let ahead = null; // the newest version an acknowledgement reported, while we hold an older one
let lagCheck = null;
let following = null; // "all" (the display, the console) or null (a phone: its own table)
let tablesAwaited = 0; // table snapshots in flight: table deltas wait in `tableHeld`
let tableHeld = [];
let tableHostHeld = []; // host updates of a table, waiting for its delta of their version
let tablesAhead = {}; // the newest version of each table an acknowledgement reported
let tableLagCheck = null;

/** Open the socket and keep watching room `code`; `getAuth()` gives {token} or {host_key}.
 *  `tables: "all"` follows every table (the display, the console); a phone follows its own. */
export function connect({ code, getAuth = () => ({}), onRefused = () => {}, tables = null }) {
  identity.code = code;
  auth = getAuth;
  refused = onRefused;
  following = tables;
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
  socket.on("table_update", onTableDelta);
  socket.on("table_snapshot", onTableSnapshot);
  socket.on("host_update", onHostDelta);
  socket.on("room_deleted", (notice) => {
    if (notice?.code === identity.code) roomGone(notice.message ? gettext(notice.message) : "");
  });
  syncTimer = setInterval(sync, SYNC_PERIOD_MS);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") sync();
  });
  return socket;
}

/** The room and its data are gone: stop reconnecting to it, and tell the screen why (`reason`,
 *  in the page's language; "" when the server gave none). */
function roomGone(reason) {
  socket.disconnect();
  clearInterval(syncTimer);
  setStatus("ended");
  for (const fn of deletedFns) fn(reason);
}

/** Call `fn(state, identity)` after every snapshot and delta (now, too, if state is loaded). */
export function onState(fn) {
  stateFns.add(fn);
  if (state.version !== null) queueMicrotask(() => stateFns.has(fn) && fn(state, identity));
  return () => stateFns.delete(fn);
}

/** Call `fn(state, identity)` when a host update merges after its room delta was notified
 *  (the host's screen only; one that arrives first merges before onState's callbacks run). */
export function onHostUpdate(fn) {
  hostFns.add(fn);
  return () => hostFns.delete(fn);
}

/** Call `fn(reason)` once the room is deleted (by the host, or on expiry), whether this screen
 *  was there when it happened or finds out on coming back; `reason` is in the page's language. */
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
      resolve({ ok: false, transport: true, error: gettext("Not connected right now. Reconnecting…") });
      return;
    }
    socket.timeout(timeoutMs).emit(event, payload, (err, ack) => {
      if (err) resolve({ ok: false, transport: true, error: gettext("The server didn't answer in time. Please try again.") });
      else if (!ack || typeof ack !== "object") resolve({ ok: false, error: gettext("Unexpected answer from the server.") });
      else {
        noticeVersion(ack.version);
        noticeTableVersions(ack.tables);
        resolve(ack);
      }
    });
  });
}

/** Ask the room's version now (the page came back into view, or the period passed); a screen
 *  behind it catches up. Quiet: nothing to show unless it is behind. */
function sync() {
  if (!socket?.connected || state.version === null || awaiting > 0) return;
  emitAck("sync");
}

/** (Re)attach to the room with the current credentials and take the fresh snapshot. */
export function watch() {
  // The credentials are read when the watch is sent, not now: one asked for while a join is
  // in flight goes after it, and must go with the token the join gave.
  const tables = following ? { tables: following } : {};
  return enter("watch", () => ({ code: identity.code, ...auth(), ...tables })).then((ack) => {
    if (ack.transport) {
      // Lost or timed out: try again while the socket is up; a reconnect watches anyway.
      if (socket.connected) setTimeout(() => socket.connected && watch(), 2000);
      return ack;
    }
    if (!ack.ok && ack.error === NO_SUCH_ROOM && state.version !== null) {
      // This screen had the room, and is refused it on coming back (from sleep, or offline):
      // it was deleted meanwhile, and the screen missed `room_deleted`.
      roomGone(gettext("This event has ended and its data was deleted."));
      return ack;
    }
    setStatus("connected");
    if (!ack.ok) refused(ack.error);
    return ack;
  });
}

/** Join as a participant; on success the snapshot is adopted and the ack has the token. */
export function join(profile) {
  return enter("join", () => ({ code: identity.code, ...profile }));
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

function enter(event, payloadNow) {
  const run = entering.then(() => enterNow(event, payloadNow()));
  entering = run;
  return run;
}

async function enterNow(event, payload) {
  // A person who taps Join while the page is still connecting (slow venue wifi) is waited for,
  // not told to try again: a join or a watch sent late is still the one they meant.
  await connection(ACK_TIMEOUT_MS);
  awaiting += 1;
  tablesAwaited += 1;
  const ack = await emitAck(event, payload);
  awaiting -= 1;
  tablesAwaited -= 1;
  if (ack.ok && ack.snapshot) {
    identity.role = ack.role ?? identity.role;
    identity.me = ack.me ?? null;
    state.tables = {};
    adoptTables(ack.tables);
    replayTables();
    adopt(ack.snapshot);
  } else if (awaiting === 0) {
    replayTables();
    replay();
  }
  return ack;
}

/** Resolves once the socket is connected, or after `ms` (emitAck then says it is not). */
function connection(ms) {
  if (!socket || socket.connected) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      socket.off("connect", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    socket.on("connect", done);
  });
}

// --- tables ------------------------------------------------------------------------------

/** Follow the tables this screen should: a phone the one it sits at now, the display and the
 *  console every table there is. Asked when the room's `seats` or `layout` say it moved. */
async function followTables() {
  tablesAwaited += 1;
  const ack = await emitAck("follow_tables", following ? { tables: following } : {});
  tablesAwaited -= 1;
  if (ack.ok) {
    for (const number of Object.keys(state.tables)) {
      if (!(number in (ack.tables || {}))) delete state.tables[number];
    }
    adoptTables(ack.tables);
  }
  replayTables();
  notify();
  return ack;
}

/** The numbers of the tables this screen should follow now, by what the room says. */
function wantedTables() {
  const layout = state.sections.layout;
  if (following === "all") return (layout?.tables ?? []).map((t) => String(t.number));
  const mine = identity.me ? state.items.seats?.[identity.me] : null;
  return mine ? [String(mine)] : [];
}

/** After a room update: follow other tables if this screen's have changed (a phone was
 *  moved, the event gained a table). */
function checkTables() {
  if (state.version === null || tablesAwaited > 0) return;
  const wanted = wantedTables();
  const followed = Object.keys(state.tables);
  if (wanted.length !== followed.length || wanted.some((n) => !followed.includes(n))) followTables();
}

function adoptTables(snapshots) {
  for (const [number, snapshot] of Object.entries(snapshots || {})) {
    const mine = state.tables[number];
    if (!mine || snapshot.version >= mine.version) {
      state.tables[number] = { version: snapshot.version, now: snapshot.now,
        sections: { ...snapshot.sections }, items: { ...snapshot.items } };
    }
  }
}

/** The server seated this phone at another table (a reshuffle, a move) and sent that table
 *  as it is now: it replaces the one held, before the room's delta says where the phone sits,
 *  so the phone need not ask (`checkTables` finds it already there). */
function onTableSnapshot({ table, snapshot }) {
  if (following) return; // the display and the console follow every table themselves
  for (const number of Object.keys(state.tables)) {
    if (number !== String(table)) delete state.tables[number];
  }
  adoptTables({ [table]: snapshot });
  if (tablesAwaited === 0) replayTables();
  if (identity.me && state.items.seats?.[identity.me] === table) notify();
}

function onTableDelta(delta) {
  if (tablesAwaited > 0) {
    tableHeld.push(delta);
    return;
  }
  if (applyTable(delta)) notify();
}

function replayTables() {
  const queued = tableHeld.sort((a, b) => a.version - b.version);
  tableHeld = [];
  for (const delta of queued) applyTable(delta);
}

/** Apply a table's delta in sequence; a table this screen doesn't follow is ignored; on a gap,
 *  ask for a fresh snapshot of the tables. Returns whether it applied. */
function applyTable(delta) {
  const table = state.tables[String(delta.table)];
  if (!table || delta.version <= table.version) return false;
  if (delta.version !== table.version + 1) {
    followTables();
    return false;
  }
  Object.assign(table.sections, delta.sections || {});
  mergeInto(table.items, delta.items);
  table.version = delta.version;
  table.now = delta.now;
  state.offset = Math.max(state.offset, delta.now - Date.now() / 1000);
  return true;
}

function adopt(snapshot) {
  // An older snapshot than what we hold (two watches crossing) would step back in time.
  if (state.version === null || snapshot.version >= state.version) {
    merge(snapshot, true);
  }
  replay();
}

/** An acknowledgement carried the room's `version` (every one does, once attached): if it is
 *  newer than ours and its deltas don't arrive soon, we missed something: take a snapshot. */
function noticeVersion(version) {
  if (!Number.isInteger(version) || state.version === null || version <= state.version) return;
  ahead = Math.max(ahead ?? version, version);
  if (lagCheck !== null) return;
  lagCheck = setTimeout(() => {
    lagCheck = null;
    const behind = ahead !== null && state.version !== null && state.version < ahead;
    ahead = null;
    if (behind && awaiting === 0 && socket.connected) watch();
  }, LAG_GRACE_MS);
}

/** An acknowledgement (a `sync`, a change at a table) carried the versions of tables we
 *  follow: if one is newer than ours and its deltas don't arrive soon, take their snapshots. */
function noticeTableVersions(versions) {
  let later = false;
  for (const [number, version] of Object.entries(versions || {})) {
    const mine = state.tables[number];
    if (!mine || !Number.isInteger(version) || version <= mine.version) continue;
    tablesAhead[number] = Math.max(tablesAhead[number] ?? version, version);
    later = true;
  }
  if (!later || tableLagCheck !== null) return;
  tableLagCheck = setTimeout(() => {
    tableLagCheck = null;
    const behind = Object.entries(tablesAhead).some(([n, v]) => (state.tables[n]?.version ?? v) < v);
    tablesAhead = {};
    if (behind && tablesAwaited === 0 && socket.connected) followTables();
  }, LAG_GRACE_MS);
}

function onDelta(delta) {
  if (state.version === null || awaiting > 0) {
    held.push(delta);
    return;
  }
  if (apply(delta)) notify();
}

function onHostDelta(update) {
  if (update.table != null) tableHostHeld.push(update);
  else hostHeld.push(update);
  if (mergeHostDeltas()) callAll(hostFns);
}

/** Merge the host updates of the version we hold (the protocol's `host_update`): its sections
 *  carry only the parts that changed, merged into the section; its items merge by id. Drops
 *  those we are past (a snapshot had them). Returns whether any merged. */
function mergeHostDeltas() {
  const ready = hostHeld.filter((u) => u.version === state.version);
  hostHeld = hostHeld.filter((u) => u.version > state.version);
  for (const update of ready) mergeHostInto(state, update);
  const tableVersion = (u) => state.tables[String(u.table)]?.version;
  const readyAtTables = tableHostHeld.filter((u) => u.version === tableVersion(u));
  tableHostHeld = tableHostHeld.filter((u) => tableVersion(u) !== undefined
    && u.version > tableVersion(u));
  for (const update of readyAtTables) mergeHostInto(state.tables[String(update.table)], update);
  return ready.length + readyAtTables.length > 0;
}

function mergeHostInto(target, update) {
  for (const [name, parts] of Object.entries(update.sections || {})) {
    Object.assign((target.sections[name] ??= {}), parts);
  }
  mergeInto(target.items, update.items);
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
  mergeItems(msg.items);
  // The least-delayed message gives the best estimate of the server's clock; a snapshot resets it
  // in case this device's clock was changed meanwhile.
  const sample = msg.now - Date.now() / 1000;
  state.offset = whole ? sample : Math.max(state.offset, sample);
  state.version = msg.version;
  state.now = msg.now;
}

/** Items merge by id; `null` means the item is gone. */
function mergeItems(collections) {
  mergeInto(state.items, collections);
}

function mergeInto(kept, collections) {
  for (const [collection, items] of Object.entries(collections || {})) {
    const target = (kept[collection] ||= {});
    for (const [id, item] of Object.entries(items)) {
      if (item === null) delete target[id];
      else target[id] = item;
    }
  }
}

function notify() {
  if (state.version === null) return;
  mergeHostDeltas();
  checkTables();
  callAll(stateFns);
}

function callAll(fns) {
  for (const fn of fns) {
    try {
      fn(state, identity);
    } catch (err) {
      console.error(err);
    }
  }
}
