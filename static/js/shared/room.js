// What every screen needs to read the room and act in it: the room's sections and items by their
// protocol names (protocol.js), who someone is, where the round stands at the table in view, and
// sending an event with a refusal shown as the server worded it. The state itself is live.js's.
import { config } from "./config.js";
import { toast } from "./dom.js";
import { gettext } from "./i18n.js";
import { emitAck, identity, state } from "./live.js";
import { ASK_PROMPT, COLLECTION, IN_ROUND, SECTION } from "./protocol.js";

const section = (name) => state.sections[name] ?? null;
const collection = (name) => state.items[name] ?? {};
// Names sort as the page's language sorts them; one collator for the page, as lists of hundreds
// are sorted again on every change.
const collator = new Intl.Collator(config.i18n.language, { numeric: true });

/** The number of the table in view: a phone's own, else the only one (a screen of every table
 *  shows none in detail). */
export function tableInView() {
  if (identity.role === "participant") return state.items[COLLECTION.SEATS]?.[identity.me] ?? null;
  const tables = section(SECTION.LAYOUT)?.tables ?? [];
  return tables.length === 1 ? tables[0].number : null;
}

/** Table `number` as this screen holds it ({version, sections, items}), or null. */
export function tableState(number) {
  return number == null ? null : state.tables[String(number)] ?? null;
}

const atTable = (name) => tableState(tableInView())?.sections[name] ?? null;
const tableItems = (name) => tableState(tableInView())?.items[name] ?? {};

/** The room as this screen holds it; a section is null until the first snapshot has it. The
 *  round's sections (`turns`, the order, hands, airtime) are those of the table in view. */
export const room = Object.freeze({
  get details() { return section(SECTION.ROOM); }, // code, name, max_participants
  get prompts() { return section(SECTION.PROMPTS); },
  get turns() { return atTable(SECTION.TURNS); },
  get board() { return section(SECTION.BOARD); }, // the counts: asks, met, offers
  get features() { return section(SECTION.FEATURES) ?? {}; },
  get hands() { return atTable(SECTION.HANDS)?.queue ?? []; },
  get commonGround() { return section(SECTION.COMMON)?.groups ?? []; },
  get intros() { return section(SECTION.INTROS) ?? {}; },
  get layout() { return section(SECTION.LAYOUT); }, // the tables, their names, the reshuffle
  get display() { return section(SECTION.DISPLAY); }, // what the host puts on the projector
  get table() { return atTable(SECTION.TABLE); }, // the table in view: its number and host
  // The host's only: the room's figures and the table in view's, as one section.
  get generosity() {
    const figures = section(SECTION.GENEROSITY);
    return figures && { ...figures, ...(atTable(SECTION.GENEROSITY) ?? {}) };
  },
  get rules() { return section(SECTION.RULES); }, // the host's only: the seating rules
  get latecomers() { return section(SECTION.LATECOMERS); }, // the host's only: {code}
  get people() { return collection(COLLECTION.PEOPLE); },
  get posts() { return collection(COLLECTION.POSTS); },
  get seats() { return collection(COLLECTION.SEATS); },
  get hiddenPosts() { return collection(COLLECTION.HIDDEN_POSTS); }, // the host's only
});

/** A participant by id, or null. */
export function person(pid) {
  return (pid && room.people[pid]) || null;
}

const SHORT_ABOUT = 24; // characters of "what you do" that tell two namesakes apart

/** A person's name as the room tells them apart: two people called Sam read "Sam (designer)"
 *  and "Sam (baker)" (their one-liners), or "Sam 1" and "Sam 2" (in joining order) when their
 *  one-liners don't differ. "Someone" for an id this screen doesn't know. */
export function nameOf(pid) {
  const p = person(pid);
  if (!p) return gettext("Someone");
  const same = (other) => other.name.trim().toLowerCase() === p.name.trim().toLowerCase();
  const namesakes = Object.values(room.people).filter((other) => other.status === "here" && same(other));
  if (namesakes.length < 2 || !namesakes.includes(p)) return p.name;
  const about = (q) => (q.about || "").trim().slice(0, SHORT_ABOUT).trim();
  const abouts = namesakes.map(about);
  if (about(p) && abouts.filter((a) => a.toLowerCase() === about(p).toLowerCase()).length === 1) {
    return `${p.name} (${about(p)})`;
  }
  return `${p.name} ${namesakes.indexOf(p) + 1}`;
}

/** `pids` in the order of their names, as the page's language sorts them ("Émile" beside
 *  "Emma", "Sam 2" before "Sam 10"): pickers that may list hundreds of people. */
export function byName(pids) {
  const names = new Map(pids.map((pid) => [pid, nameOf(pid)]));
  return [...pids].sort((a, b) => collator.compare(names.get(a), names.get(b)));
}

/** Whether a round is running: someone has the floor, speaking or paused. */
export function inRound(turns = room.turns) {
  return Boolean(turns) && IN_ROUND.includes(turns.status);
}

/** Who has the floor (a pid), or null between rounds. */
export function currentSpeaker() {
  return inRound() ? room.turns.current : null;
}

/** Whether the host left `feature` on for this room (docs/protocol.md, `features`). */
export function enabled(feature) {
  return room.features[feature] !== false;
}

/** The speaking order at the table in view: this round's while one runs, else the seats for
 *  the next (pids). */
export function speakingOrder() {
  return atTable(SECTION.ORDER)?.pids ?? [];
}

/** The people at the table (not those who left or were removed), in speaking order. */
export function presentPeople() {
  return speakingOrder().map(person).filter((p) => p?.status === "here");
}

/** The server's clock now, in epoch seconds. */
function serverNow() {
  return Date.now() / 1000 + state.offset;
}

/** Seconds left in the current turn (negative once time is up), or null outside a turn. */
export function secondsLeft(turns = room.turns) {
  if (!turns) return null;
  if (turns.status === "paused") return turns.remaining ?? 0;
  if (turns.status === "speaking" && turns.deadline != null) return turns.deadline - serverNow();
  return null;
}

/** Measured airtime of `pid` at the table in view: finished turns, plus the running turn up to
 *  this moment. */
export function airtime(pid) {
  let seconds = tableItems(COLLECTION.AIRTIME)[pid] ?? 0;
  const turns = room.turns;
  if (turns && turns.current === pid) {
    seconds += turns.spoken ?? 0;
    if (turns.since != null) seconds += Math.max(0, serverNow() - turns.since);
  }
  return seconds;
}

let remembered = null; // {round, prompt}: see roundPrompt()

/** The prompt the running round is on (or null outside a round).
 *  The host may pick another prompt mid-round ("run this next"), which moves `index` off the
 *  round's prompt and clears `used`; the prompt seen while `used` was true is remembered. */
export function roundPrompt() {
  const { prompts, turns } = room;
  if (!prompts || !inRound(turns)) return null;
  const current = prompts.items[prompts.index] ?? null;
  if (prompts.used && current) remembered = { round: turns.round, prompt: current };
  else if (remembered?.round === turns.round) return remembered.prompt;
  return current;
}

/** Whether the running round is on a prompt that asks people what they need help with. */
export function isAskRound() {
  return roundPrompt()?.kind === ASK_PROMPT;
}

/** The prompt the next round will start on, or null when none is left. */
export function upNextPrompt() {
  const prompts = room.prompts;
  return (prompts && prompts.up_next != null && prompts.items[prompts.up_next]) || null;
}

/** Send `event`; a refusal shows in the toast. Resolves with the acknowledgement. */
export async function send(event, payload = {}) {
  const ack = await emitAck(event, payload);
  if (!ack.ok) toast(ack.error);
  return ack;
}

const ENDS_A_TURN = new Set(["next", "skip"]);

/** What a press of `action` names if it ends a turn ("Next speaker", "Skip"): the turn `turns`
 *  shows. A press that crossed its end (the speaker's "I'm done", a double press, a second
 *  console) then ends nothing, instead of the next person's turn (docs/protocol.md). */
export function turnShown(action, turns) {
  return ENDS_A_TURN.has(action) && turns?.current ? { speaker: turns.current, round: turns.round } : {};
}

/** Send one host action (the `host` event); a refusal shows in the toast. */
export function hostAction(action, args = {}) {
  return send("host", { action, args });
}
