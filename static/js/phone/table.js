// The phone at an event of several tables: which table to sit at ("Table 4 — green") and who is
// there, a clear "move now" when a reshuffle moves this phone, the table QR it was opened from
// (`?table=4`), the table host's controls, and "time is up" when the table moves on by itself
// (shared/time-up.js).
import { $, announce, setText, show } from "../shared/dom.js";
import { formatList, gettext } from "../shared/i18n.js";
import { identity, onState } from "../shared/live.js";
import { nameOf, room, send, tableInView, turnShown } from "../shared/room.js";
import { manyTables, seatedAt, tableLabel, tableOf } from "../shared/tables.js";
import { mountTimeUp } from "../shared/time-up.js";

let seatShown = null; // the table this phone last showed
let moving = null; // {from, to}: the table this phone must move to, until it says it is there
let askedToSit = false;
let reshuffleHeard = null; // the reshuffle a screen reader was last told of

/** Wire the table's parts of the phone: the seat, "move now", the table host's controls. */
export function mountPhoneTable({ wanted }) {
  $("move-here").addEventListener("click", () => {
    moving = null;
    render();
  });
  for (const button of document.querySelectorAll("[data-table-action]")) {
    const action = button.dataset.tableAction;
    button.addEventListener("click", () => send("table_action", { action, ...turnShown(action, room.turns) }));
  }
  onState(() => {
    sitWhereScanned(wanted);
    render();
  });
  mountTimeUp(() => (tableInView() == null ? [] : [tableInView()]));
}

function render() {
  const me = identity.role === "participant" ? room.people[identity.me] : null;
  const mine = me?.status === "here" ? tableOf(me.id) : null;
  const moved = Boolean(mine) && seatShown !== null && seatShown !== mine.number;
  if (moved) moving = { to: mine.number };
  if (mine) seatShown = mine.number;
  if (room.turns && ["speaking", "paused"].includes(room.turns.status)) moving = null; // seated
  show($("my-table"), Boolean(mine) && manyTables());
  if (mine) {
    $("my-table").dataset.colour = mine.colour;
    // After a reshuffle, those the plan keeps at their table hear so as clearly as movers.
    setText($("my-table-verb"), room.layout.moving && !moving ? gettext("Stay at") : gettext("Sit at"));
    setText($("my-table-name"), tableLabel(mine));
    setText($("my-mates"), withWhom(mine, gettext("With %(names)s."), gettext("You're the first here.")));
  }
  renderMove(mine);
  renderHostControls(me);
  if (mine) tellOfSeat(moved);
}

/** Someone who can't see the screen hears where a reshuffle seats them, moved or not: the
 *  words of "Move now" or of "Stay at". */
function tellOfSeat(moved) {
  const reshuffle = room.layout.reshuffles;
  const kept = reshuffleHeard !== null && reshuffle !== reshuffleHeard && room.layout.moving;
  reshuffleHeard = reshuffle;
  if (!moved && !kept) return;
  const [where, mates] = moved ? [$("move-title").textContent, $("move-mates").textContent]
    : [`${$("my-table-verb").textContent} ${$("my-table-name").textContent}`, $("my-mates").textContent];
  announce(mates ? `${where}. ${mates}` : where);
}

function renderMove(mine) {
  show($("move-now"), Boolean(moving && mine));
  if (!moving || !mine) return;
  $("move-now").dataset.colour = mine.colour;
  setText($("move-table"), tableLabel(mine));
  setText($("move-mates"), withWhom(mine, gettext("You'll sit with %(names)s."), ""));
}

/** "With Ana, Bo and Cy." — who else sits at this phone's table (`sentence` has their names'
 *  place, `alone` is said when nobody), as the room's seats say: a reshuffle's new seats reach
 *  a phone before the table's own turn order does. */
function withWhom(table, sentence, alone) {
  const mates = seatedAt(table.number).filter((pid) => pid !== identity.me).map((pid) => nameOf(pid));
  return mates.length ? gettext(sentence, { names: formatList(mates) }) : alone;
}

function renderHostControls(me) {
  const hosting = Boolean(me) && room.table?.host === me.id;
  show($("table-host"), hosting);
  if (!hosting) return;
  const status = room.turns?.status;
  const running = status === "speaking" || status === "paused";
  show($("table-pause"), status === "speaking");
  show($("table-resume"), status === "paused");
  $("table-next").disabled = !running;
  $("table-skip").disabled = !running;
}

/** Opened from a table's QR (`?table=4`) by someone already seated elsewhere: sit there, once,
 *  when seats allow (the server says where there is room otherwise). */
function sitWhereScanned(wanted) {
  if (askedToSit || !wanted || identity.role !== "participant") return;
  askedToSit = true;
  if (room.seats[identity.me] !== wanted) send("sit", { table: wanted });
}

/** The join form's table: from the table QR's `?table=4`, if any. */
export function scannedTable() {
  const value = Number(new URLSearchParams(location.search).get("table"));
  return Number.isInteger(value) && value > 0 ? value : null;
}
