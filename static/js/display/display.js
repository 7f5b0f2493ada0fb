// The display: the stage alone, for the projector. It watches the room as a viewer, with no host
// key, so what only the host may see never reaches it; the console drives it.
import { $, show, showConnection } from "../shared/dom.js";
import { gettext } from "../shared/i18n.js";
import { connect, onRoomDeleted, onStatus } from "../shared/live.js";
import { keepAwake } from "../shared/wake.js";
import { mountBoard } from "../board/board.js";
import { mountStage } from "./stage.js";
import { mountChime } from "./chime.js";
import { followRoomLanguage } from "../shared/room-language.js";

const root = $("display");

mountStage(root, gettext("Display"));
mountBoard({});
mountChime(() => true);
keepAwake(() => show($("dim-note"), true));
followRoomLanguage();
onStatus((status) => showConnection($("conn"), status));
connect({ code: root.dataset.code, tables: "all" });
onRoomDeleted(() => {
  root.dataset.status = "deleted";
  window.location.reload(); // the page now says the event is gone (404, with the reason)
});
