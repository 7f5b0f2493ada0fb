// The host's event summary (templates/summary.html): fetched with the host key this browser kept
// (sent in a header, never in a URL), then drawn with DOM APIs: figures, airtime bars and a
// who-helped-whom network whose layout the server computed (core/summary.py).
import { $, el, setText, show } from "../shared/dom.js";
import { formatList, formatNumber, gettext, ngettext } from "../shared/i18n.js";
import { drawAirtimeChart } from "../shared/airtime-chart.js";
import { config } from "../shared/config.js";
import { KEPT, recall } from "../shared/storage.js";

const SVG = "http://www.w3.org/2000/svg";
const NODE_RADIUS = 7;
const EDGE_GAP = 8; // between the two arrows of a pair who helped each other
const code = $("summary").dataset.code;

function svg(tag, attrs = {}, text = null) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  if (text != null) node.textContent = text;
  return node;
}

function figures(data) {
  const kinds = Object.entries(data.offers_by_kind)
    .map(([k, n]) => `${formatNumber(n)} ${k in config.offer_kinds ? gettext(config.offer_kinds[k]) : k}`)
    .join(" · ");
  const { made, accepted, met } = data.introductions;
  const rows = [
    [gettext("Rounds run"), formatNumber(data.rounds.length)],
    [gettext("Pitch nudges"), ngettext("%(nudged)s (from %(num)d anonymous tap)",
      "%(nudged)s (from %(num)d anonymous taps)", data.nudges.taps, { nudged: data.nudges.nudged })],
    [gettext("Questions asked"), formatNumber(data.questions.total)],
    [gettext("Asks met"), gettext("%(met)s of %(total)s", data.asks)],
    [gettext("Offers"), kinds],
    [gettext("Introductions"),
      gettext("%(made)s suggested, %(accepted)s accepted, %(met)s met", { made, accepted, met })],
    ...followThrough(data.follow_through),
    ...tables(data.tables),
  ];
  $("summary-figures").replaceChildren(...rows.flatMap(([term, value]) => [
    el("dt", { text: term }), el("dd", { text: value })]));
}

/** At an event of several tables, its point: how many new people each person met. */
function tables(counts) {
  if (counts.count < 2) return [];
  return [
    [gettext("Tables"), ngettext("%(tables)s, %(num)d reshuffle", "%(tables)s, %(num)d reshuffles",
      counts.reshuffles, { tables: counts.count })],
    [gettext("New people each person met"), gettext("%(mean)s on average, at least %(least)s",
      counts.people_met)],
    [gettext("Offers across tables"), gettext("%(across)s of %(offers)s offers to someone",
      { across: counts.offers_across, offers: counts.offers_to_someone })],
  ];
}

/** What people said afterwards, on their follow-up pages, of the offers made to someone. */
function followThrough(after) {
  return [
    [gettext("Offers followed up"), gettext("%(followed_up)s of %(offers)s (in touch, or it helped)", after)],
    [gettext("Offers that helped"), formatNumber(after.helped)],
    [gettext("Didn't work out"), formatNumber(after.didnt_work)],
  ];
}

/** An edge's class: its best outcome so far. */
function edgeClass(edge) {
  if (edge.helped) return "summary-edge is-helped";
  if (edge.followed_up) return "summary-edge is-followed";
  return edge.taken ? "summary-edge is-taken" : "summary-edge";
}

/** An edge in words, for the list beside the drawing. */
function edgeText(edge, people) {
  const parts = [ngettext("%(num)d offer", "%(num)d offers", edge.offers)];
  if (edge.taken) parts.push(gettext("%(count)s taken up", { count: edge.taken }));
  if (edge.followed_up) parts.push(gettext("%(count)s followed up", { count: edge.followed_up }));
  if (edge.helped) parts.push(gettext("%(count)s helped", { count: edge.helped }));
  return `${people[edge.from]} → ${people[edge.to]}: ${formatList(parts, "unit")}`;
}

function airtime(data) {
  const { chart, ratio } = data.airtime;
  setText($("summary-ratio"), ratio == null ? gettext("Not enough turns to compare airtime.")
    : gettext("Most ÷ least airtime: %(ratio)s (1.0 is perfectly even).", { ratio: ratio.toFixed(1) }));
  drawAirtimeChart($("summary-airtime"), chart, (pid) => data.people[pid]);
}

/** People on a circle, a line per pair who exchanged offers: the picture, with a list beside it
 *  so screen readers (and printouts) get the same facts. */
function network(data) {
  const { size, nodes, edges } = data.network;
  const at = Object.fromEntries(nodes.map((n) => [n.id, n]));
  const drawing = svg("svg", { viewBox: `0 0 ${size} ${size}`, role: "img", class: "summary-svg",
    "aria-label": gettext("Who helped whom: %(edges)s connections between %(people)s people",
      { edges: edges.length, people: nodes.length }) });
  const marker = svg("marker", { id: "summary-arrow", viewBox: "0 0 10 10", refX: 10, refY: 5,
    markerWidth: 12, markerHeight: 12, markerUnits: "userSpaceOnUse", orient: "auto" });
  marker.append(svg("path", { d: "M0 0 L10 5 L0 10 z", class: "summary-arrow" }));
  const defs = svg("defs");
  defs.append(marker);
  drawing.append(defs);
  const pairs = new Set(edges.map((e) => `${e.from}>${e.to}`));
  for (const edge of edges) {
    const a = at[edge.from];
    const b = at[edge.to];
    // Stop short of the receiver's dot, so the arrowhead shows who was helped.
    const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const back = NODE_RADIUS + 3;
    // Help both ways: each arrow moves aside (to its own right), so neither hides the other.
    const aside = pairs.has(`${edge.to}>${edge.from}`) ? EDGE_GAP / 2 : 0;
    const dx = (-(b.y - a.y) / length) * aside;
    const dy = ((b.x - a.x) / length) * aside;
    drawing.append(svg("line", { x1: a.x + dx, y1: a.y + dy,
      x2: b.x - ((b.x - a.x) / length) * back + dx, y2: b.y - ((b.y - a.y) / length) * back + dy,
      "marker-end": "url(#summary-arrow)", class: edgeClass(edge) }));
  }
  for (const node of nodes) {
    drawing.append(svg("circle", { cx: node.x, cy: node.y, r: NODE_RADIUS, class: "summary-node" }));
    drawing.append(svg("text", { x: node.label_x, y: node.label_y, "text-anchor": node.anchor,
      class: "summary-label" }, node.name));
  }
  $("summary-network").replaceChildren(nodes.length ? drawing
    : el("p", { class: "hint", text: gettext("Nobody has offered anyone help yet.") }));
  $("summary-edges").replaceChildren(...edges.map((e) => el("li", { text: edgeText(e, data.people) })));
}

async function load() {
  const key = recall(KEPT.hostKey(code));
  if (!key) {
    setText($("summary-status"), gettext("Open this page in the browser you host the event from: it keeps the host key."));
    return;
  }
  let data;
  try {
    const response = await fetch(`/host/${encodeURIComponent(code)}/summary.json`,
      { headers: { Authorization: `Bearer ${key}` }, cache: "no-store" });
    data = await response.json();
  } catch {
    data = {};
  }
  if (!data.ok) {
    setText($("summary-status"), data.error || gettext("We couldn't load the summary. Please try again."));
    return;
  }
  figures(data);
  airtime(data);
  network(data);
  $("summary-rounds").replaceChildren(...(data.rounds.length
    ? data.rounds.map((r) => el("li", { text: r.text }))
    : [el("li", { class: "hint", text: gettext("No rounds were run.") })]));
  show($("summary-status"), false);
  show($("summary-content"), true);
}

load();
