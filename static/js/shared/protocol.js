// The protocol's names (docs/protocol.md): the sections and item collections of a snapshot or
// delta, the turn statuses of a running round, and the kind of prompt that asks for help.
// A pytest reads this module and fails when a name differs from the server's.
// No imports: it is read by the test as well as by the pages.

export const SECTION = Object.freeze({
  ROOM: "room",
  PROMPTS: "prompts",
  TURNS: "turns",
  ORDER: "order",
  BOARD: "board",
  FEATURES: "features",
  HANDS: "hands",
  COMMON: "common",
  INTROS: "intros",
  LAYOUT: "layout",
  DISPLAY: "display", // what the host puts on the projector
  TABLE: "table", // in a table's stream
  GENEROSITY: "generosity", // the host's only
  RULES: "rules", // the host's only
  LATECOMERS: "latecomers", // the host's only: the code latecomers join with, if any
});

export const COLLECTION = Object.freeze({
  PEOPLE: "people",
  POSTS: "posts",
  AIRTIME: "airtime", // in a table's stream
  SEATS: "seats",
  HIDDEN_POSTS: "hidden_posts", // the host's only
});

/** The statuses of `turns` while a round runs: someone has the floor, speaking or paused. */
export const IN_ROUND = Object.freeze(["speaking", "paused"]);

/** The `kind` of a prompt that asks people what they need help with. */
export const ASK_PROMPT = "ask";
