// Keep the screen from dimming during an event (Screen Wake Lock API, where the browser has it).
// The lock lapses whenever the tab is hidden, so it is asked for again each time the page shows.
// Where there is no lock to have (an older browser, battery saver, an insecure address), the page
// says so through `onRefused`, so the screen going dark mid-turn is no surprise.

/** Ask for a screen wake lock now and whenever the page is shown again; `onRefused()` runs
 *  when the browser has none to give. */
export function keepAwake(onRefused = () => {}) {
  if (!navigator.wakeLock) {
    onRefused();
    return;
  }
  const request = () => {
    if (document.visibilityState !== "visible") return;
    navigator.wakeLock.request("screen").catch(onRefused);
  };
  document.addEventListener("visibilitychange", request);
  request();
}
