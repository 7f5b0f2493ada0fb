// The console at an event of several tables: each table's card gets its Next speaker and its
// table host (the stage draws the cards: display/tables.js), and Manage holds the tables
// themselves: how many, their names and colours, the signs, the reshuffle and the seating rules.
import { $, el } from "../shared/dom.js";
import { formatList, gettext } from "../shared/i18n.js";
import { config } from "../shared/config.js";
import { IN_ROUND } from "../shared/protocol.js";
import { byName, hostAction, nameOf, room, tableState, turnShown } from "../shared/room.js";
import { seatedAt, tableName } from "../shared/tables.js";
import { eventRound, setCardTools } from "../display/tables.js";

const NO_RULES = Object.freeze({ company: {}, apart: [], together: [], stay: [] });

/** The host's controls on a table's card: its next speaker, and its table host. */
function tableControls({ label, turns, host }) {
  const running = turns && IN_ROUND.includes(turns.status);
  const controls = el("div", { class: "table-card-controls console-only" });
  if (running) {
    const next = el("button", { class: "button button-small", text: turns.next ? gettext("Next speaker") : gettext("Finish"),
      attrs: { type: "button", "aria-label": gettext("Next speaker at %(table)s", { table: tableName(label) }) } });
    next.addEventListener("click", () => hostAction("next", {
      table: label.number, ...turnShown("next", tableState(label.number)?.sections.turns) }));
    controls.append(next);
  }
  const select = el("select", { attrs: { "aria-label": gettext("Table host of %(table)s", { table: tableName(label) }) } },
    el("option", { text: gettext("No table host"), attrs: { value: "" } }),
    ...seatedAt(label.number).map((pid) => el("option", { text: nameOf(pid), attrs: { value: pid } })));
  select.value = host ?? "";
  select.addEventListener("change", () => hostAction("table_host", { table: label.number, pid: select.value || null }));
  controls.append(select);
  return controls;
}

// --- Manage: the tables, their names, the reshuffle, the rules -------------------------------

export function renderTablesManage() {
  const layout = room.layout;
  if (!layout) return;
  // What the host is typing in stays as it is until they leave it.
  const editing = (id) => Boolean(document.activeElement?.closest?.(`#${id}`));
  if (!editing("tables-form")) {
    $("tables-mode-size").checked = layout.size != null;
    $("tables-mode-count").checked = layout.size == null;
    $("tables-count").value = layout.tables.length;
    if (layout.size != null) $("tables-size").value = layout.size;
  }
  if (!editing("tables-labels")) $("tables-labels").replaceChildren(...layout.tables.map(labelRow));
  if (!editing("rule-form")) renderRuleForm();
  renderRules();
  const running = eventRound() && IN_ROUND.includes(eventRound().status);
  $("tables-reshuffle").disabled = Boolean(running) || !Object.keys(room.seats).length;
}

function labelRow(label) {
  const name = el("input", { attrs: { type: "text", value: label.name, maxlength: config.limits.tables.name,
    "aria-label": gettext("Name of table %(number)s", { number: label.number }) } });
  const colour = el("select", { attrs: { "aria-label": gettext("Colour of table %(number)s", { number: label.number }) } },
    ...config.table_colours.map((c) => el("option", { text: gettext(c), attrs: { value: c } })));
  colour.value = label.colour;
  const save = el("button", { class: "button button-small", text: gettext("Save"), attrs: { type: "submit" } });
  const form = el("form", { class: "inline-input table-label-form", data: { colour: label.colour } },
    el("span", { class: "swatch", attrs: { "aria-hidden": "true" } }), name, colour, save);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    hostAction("table_label", { table: label.number, name: name.value, colour: colour.value });
  });
  return el("li", {}, form);
}

function renderRuleForm() {
  const here = byName(Object.keys(room.seats));
  const options = (blank) => [el("option", { text: blank, attrs: { value: "" } }),
    ...here.map((pid) => el("option", { text: nameOf(pid), attrs: { value: pid } }))];
  const chosen = $("rule-person").value;
  $("rule-person").replaceChildren(...options(gettext("Choose someone")));
  $("rule-person").value = here.includes(chosen) ? chosen : "";
  $("rule-with").replaceChildren(...options(gettext("Nobody in particular")));
  fillRule();
}

/** The rules in words: who is kept apart, company by company (among those here), then the
 *  pairs and those who keep their table. */
function renderRules() {
  const rules = room.rules ?? NO_RULES;
  const here = (pid) => room.people[pid]?.status === "here";
  const apart = rules.apart.map((pids) => pids.filter(here)).filter((pids) => pids.length > 1);
  const lines = [
    ...apart.map((pids) => gettext("%(company)s, kept apart: %(names)s",
      { company: rules.company[pids[0]], names: formatList(byName(pids).map((pid) => nameOf(pid))) })),
    ...rules.together.map(([a, b]) => gettext("%(name)s always sits with %(other)s", { name: nameOf(a), other: nameOf(b) })),
    ...rules.stay.map((pid) => gettext("%(name)s keeps their table", { name: nameOf(pid) })),
  ];
  $("rules-list").replaceChildren(...lines.map((text) => el("li", { text })));
}

/** Put the chosen person's rules in the form, to change them whole. */
function fillRule() {
  const pid = $("rule-person").value;
  const rules = room.rules ?? NO_RULES;
  $("rule-company").value = rules.company[pid] ?? "";
  $("rule-stay").checked = rules.stay.includes(pid);
  const pair = rules.together.find((p) => p.includes(pid));
  $("rule-with").value = pair ? pair.find((other) => other !== pid) : "";
}

export function mountHostTables() {
  setCardTools(tableControls);
  $("tables-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const bySize = $("tables-mode-size").checked;
    hostAction("tables", bySize ? { size: Number($("tables-size").value) } : { count: Number($("tables-count").value) });
  });
  for (const [input, radio] of [["tables-count", "tables-mode-count"], ["tables-size", "tables-mode-size"]]) {
    $(input).addEventListener("focus", () => { $(radio).checked = true; });
  }
  $("tables-reshuffle").addEventListener("click", () => hostAction("reshuffle", { reshuffles: room.layout.reshuffles }));
  $("rule-person").addEventListener("change", fillRule);
  $("rule-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const pid = $("rule-person").value;
    if (!pid) return;
    hostAction("seating_rule", { pid, company: $("rule-company").value, stay: $("rule-stay").checked,
      with: $("rule-with").value || null });
  });
}
