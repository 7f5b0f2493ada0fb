// A phone follows its owner's choice of light or dark (prefers-color-scheme): the page's
// `data-theme` picks the palette app.css defines for the display's dark theme too.

/** Keep `document.body.dataset.theme` in step with the system's light or dark mode. */
export function followSystemTheme() {
  const dark = matchMedia("(prefers-color-scheme: dark)");
  const apply = () => { document.body.dataset.theme = dark.matches ? "dark" : "light"; };
  dark.addEventListener("change", apply);
  apply();
}
