// Presenter mode: the console's own window on the projector. What only the host sees
// (`console-only`: the manage drawer, pitch counts, the tip, moderation, exports) is hidden, and
// the controls that stay fade out while the mouse is still, back at a move, a touch or a key.
import { $, setText, toast } from "../shared/dom.js";
import { gettext } from "../shared/i18n.js";
import { togglePanel } from "./panel.js";

const STILL_MS = 3000; // how long the mouse rests before the controls fade

let root = null;
let stillTimer = null;

/** Whether this window is presenting. */
export function presenting() {
  return root?.dataset.presenting === "true";
}

/** Fullscreen on or off (F). */
export function toggleFullscreen() {
  if (document.fullscreenElement) {
    document.exitFullscreen();
  } else if (document.documentElement.requestFullscreen) {
    document.documentElement.requestFullscreen().catch(() => toast(gettext("This browser won't go fullscreen from here. Try F11.")));
  }
}

/** Present here or stop (D): presenting goes fullscreen where the browser lets it. */
export function togglePresenting(on = !presenting()) {
  root.dataset.presenting = String(on);
  const button = $("btn-present");
  setText(button, on ? gettext("Stop presenting") : gettext("Present here"));
  button.setAttribute("aria-pressed", String(on));
  if (on) {
    togglePanel(false);
    if (!document.fullscreenElement) toggleFullscreen();
    stirred();
  } else {
    clearTimeout(stillTimer);
    delete root.dataset.still;
  }
}

/** The host moved: show the controls, and fade them again once the mouse rests. */
function stirred() {
  delete root.dataset.still;
  clearTimeout(stillTimer);
  if (presenting()) stillTimer = setTimeout(() => { root.dataset.still = "true"; }, STILL_MS);
}

/** Wire presenter mode into the console whose root is `element`. */
export function mountPresenter(element) {
  root = element;
  root.dataset.presenting = "false";
  $("btn-present").addEventListener("click", (event) => {
    if (event.detail > 0) event.currentTarget.blur(); // Space goes back to meaning "pause"
    togglePresenting();
  });
  for (const type of ["mousemove", "pointerdown", "keydown"]) {
    document.addEventListener(type, stirred, { passive: true });
  }
  document.addEventListener("fullscreenchange", () => {
    setText($("btn-fullscreen"), document.fullscreenElement ? gettext("Exit fullscreen") : gettext("Fullscreen"));
    // Esc leaves fullscreen: it leaves presenting too, as a slide show's would.
    if (!document.fullscreenElement && presenting()) togglePresenting(false);
  });
}
