// "Move on at time-up": a table moves on by itself a grace after its turn's time is up. The
// server keeps no timers (a turn is a deadline), so screens ask it (`time_up`) and it checks
// its own clock, moving each turn on once however many ask. Phones ask for their own table,
// the display and the console for every table they follow: phones are put away or locked,
// and a page in the background stops counting, while the projector stays on.
import { config } from "./config.js";
import { emitAck, onState, state } from "./live.js";
import { room } from "./room.js";

const RETRY_MS = 2000; // a screen whose clock runs ahead asks again until the server agrees
// Asks a second at most: at an event of many tables every first turn runs out at once, and a
// connection may send 25 events a second (RATELIMIT_SOCKET_EVENTS).
const MAX_ASKS = 10;
const asked = new Map(); // table number -> the turn ("round:speaker") asked to move on from

/** Keep asking, for the tables `tables()` gives (numbers), while the switch is on. */
export function mountTimeUp(tables) {
  const ask = () => askTimeUp(tables());
  onState(ask);
  setInterval(ask, 1000);
}

function askTimeUp(tables) {
  if (!room.features.auto_advance) return;
  const now = Date.now() / 1000 + state.offset;
  let asks = 0;
  for (const number of tables) {
    const turns = state.tables[String(number)]?.sections.turns;
    if (!turns || turns.status !== "speaking" || turns.deadline == null) continue;
    if (now < turns.deadline + config.time_up_grace) continue;
    const turn = `${turns.round}:${turns.current}`;
    if (asked.get(number) === turn) continue;
    if (++asks > MAX_ASKS) return;
    asked.set(number, turn);
    emitAck("time_up", { table: number, round: turns.round, speaker: turns.current })
      .then(() => setTimeout(() => {
        if (asked.get(number) === turn) asked.delete(number); // still that turn: ask again
      }, RETRY_MS));
  }
}
