// "The display" in the console's Manage drawer (templates/_stage.html, `manage`): its theme and
// its chime, each one `display` host action; the controls follow the room's `display`, so two
// consoles (the laptop's and the host's phone) agree.
import { $ } from "../shared/dom.js";
import { onState } from "../shared/live.js";
import { hostAction, room } from "../shared/room.js";

/** Wire the theme and chime controls and keep them in step with the room. */
export function mountDisplayManage() {
  const themes = document.querySelectorAll('input[name="display-theme"]');
  for (const input of themes) {
    input.addEventListener("change", () => hostAction("display", { theme: input.value }));
  }
  const chime = $("display-chime");
  chime.addEventListener("change", async () => {
    const ack = await hostAction("display", { chime: chime.checked });
    if (!ack.ok) chime.checked = !chime.checked;
  });
  onState(() => {
    const choices = room.display;
    if (!choices) return;
    for (const input of themes) input.checked = input.value === choices.theme;
    chime.checked = choices.chime;
  });
}
