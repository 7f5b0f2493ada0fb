// What the host screen and the phone share about keeping the room generous: whether the host
// left a feature on, and how common ground is said ("3 of you run", "You and Sam both run").
// The words come from the server (core/common_ground.py); this only puts names around them.
import { toast } from "./dom.js";
import { emitAck, person, state } from "./live.js";

/** Whether the host left `feature` on for this room (docs/protocol.md, `features`). */
export function enabled(feature) {
  return state.sections.features?.[feature] !== false;
}

/** A person's name, or a neutral word if they are gone from the room. */
export function nameOf(pid) {
  return person(pid)?.name || "someone";
}

/** "Sam", "Sam and Ann", "Sam, Ann and 3 others". */
export function listNames(pids) {
  const names = pids.slice(0, 2).map(nameOf);
  const rest = pids.length - names.length;
  if (rest > 0) return `${names.join(", ")} and ${rest === 1 ? "1 other" : `${rest} others`}`;
  return names.join(" and ");
}

/** The table's view of one group: "3 of you run". */
export function tableLine(group) {
  return `${group.pids.length} of you ${group.says}`;
}

/** One person's view of a group they are in, or null: "You and Sam both run". */
export function myLine(group, me) {
  if (!group.pids.includes(me)) return null;
  const others = group.pids.filter((pid) => pid !== me);
  return others.length === 1
    ? `You and ${nameOf(others[0])} both ${group.says}`
    : `You, ${listNames(others)} all ${group.says}`;
}

/** Send one host action; a refusal shows in the toast. */
export async function hostAct(action, args = {}) {
  const ack = await emitAck("host", { action, args });
  if (!ack.ok) toast(ack.error);
  return ack;
}

/** Send one participant event; a refusal shows in the toast. */
export async function send(event, payload = {}) {
  const ack = await emitAck(event, payload);
  if (!ack.ok) toast(ack.error);
  return ack;
}
