// The countdown ring (templates/_ring.html): an SVG circle whose stroke empties as time runs out.
import { room, secondsLeft } from "./room.js";
import { clock, setText } from "./dom.js";
import { gettext, ngettext } from "./i18n.js";

const WARNING_SECONDS = 15;
const TICK_MS = 200;

/** Drive the ring inside `root`; returns update() to call on state changes (it also ticks). */
export function mountRing(root) {
  const progress = root.querySelector(".ring-progress");
  const time = root.querySelector(".ring-time");
  const note = root.querySelector(".ring-note");
  const spoken = root.querySelector(".ring-spoken");
  const length = 2 * Math.PI * Number(progress.getAttribute("r"));
  progress.style.strokeDasharray = `${length}`;
  let lastSaid = null;

  function update() {
    const turns = room.turns;
    const left = secondsLeft(turns);
    if (left === null) {
      root.dataset.state = "idle";
      progress.style.strokeDashoffset = `${length}`;
      setText(time, "");
      setText(note, "");
      return;
    }
    // A turn length changed mid-turn applies from the next turn, so never overflow the ring.
    const total = Math.max(turns.turn_seconds, left, 1);
    const fraction = Math.min(1, Math.max(0, left / total));
    // Whole while the clock still reads the full turn: the ends are butt (app.css), and a sliver
    // of a gap under "2:00" would read as a seam.
    const gap = Math.ceil(left) >= total ? 0 : length * (1 - fraction);
    progress.style.strokeDashoffset = `${gap}`;
    let mode = "running";
    if (turns.status === "paused") mode = "paused";
    else if (left <= 0) mode = "up";
    // Short turns would be amber from the start: warn in the last third of them instead.
    else if (left <= Math.min(WARNING_SECONDS, turns.turn_seconds / 3)) mode = "warning";
    root.dataset.state = mode;
    setText(time, mode === "up" ? gettext("Time's up") : clock(left));
    const notes = { paused: gettext("Paused"), up: gettext("Please wrap up") };
    setText(note, notes[mode] ?? gettext("left"));
    // Screen readers hear the minutes, time up and a pause, not every second (a hidden ring,
    // such as a listener's phone's, says nothing).
    const said = mode === "running" ? Math.ceil(left / 60) : mode;
    if (said !== lastSaid) {
      lastSaid = said;
      const words = mode === "running"
        ? ngettext("About %(num)d minute left", "About %(num)d minutes left", said)
        : `${time.textContent}. ${note.textContent}`;
      root.setAttribute("aria-label", words);
      setText(spoken, words);
    }
  }

  setInterval(update, TICK_MS);
  update();
  return update;
}
