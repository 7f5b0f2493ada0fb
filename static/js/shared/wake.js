// Keep the screen from dimming during an event (Screen Wake Lock API, where the browser has it).
// The lock lapses whenever the tab is hidden, so it is asked for again each time the page shows.

/** Ask for a screen wake lock now and whenever the page is shown again. */
export function keepAwake() {
  if (!navigator.wakeLock) return;
  const request = () => {
    if (document.visibilityState !== "visible") return;
    navigator.wakeLock.request("screen").catch(() => {
      // Refused (battery saver, or not allowed here): the screen may dim, nothing else changes.
    });
  };
  document.addEventListener("visibilitychange", request);
  request();
}
