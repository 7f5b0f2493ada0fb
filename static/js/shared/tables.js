// An event's tables as every screen names them: how many there are, which one someone sits at,
// and "Table 4 — green" (a colour always said in words beside its swatch).
import { nameOf, room } from "./room.js";
import { gettext } from "./i18n.js";

/** Whether this event has more than one table (a one-table event says nothing of tables). */
export function manyTables() {
  return (room.layout?.tables.length ?? 1) > 1;
}

/** The table a person sits at, as the room says ({number, name, colour}), or null. */
export function tableOf(pid) {
  const number = room.seats[pid];
  return room.layout?.tables.find((t) => t.number === number) ?? null;
}

/** A table's name: the host's, or "Table 4" in the page's language while it is still the default
 *  (the room keeps it in English, as core/state/layout.py `default_name` writes it). */
export function tableName(table) {
  return table.name === `Table ${table.number}` ? gettext("Table %(num)s", { num: table.number }) : table.name;
}

/** "Table 4 — green" */
export function tableLabel(table) {
  return table ? `${tableName(table)} — ${gettext(table.colour)}` : "";
}

/** Who sits at table `number` now (pids, in the order they sat down). */
export function seatedAt(number) {
  return Object.entries(room.seats).filter(([, at]) => at === number).map(([pid]) => pid);
}

/** "Ana at Table 4 — green" at an event of several tables (where to find them), else "Ana". */
export function nameAtTable(pid) {
  const table = manyTables() ? tableOf(pid) : null;
  return table ? gettext("%(name)s at %(table)s", { name: nameOf(pid), table: tableLabel(table) })
    : nameOf(pid);
}
