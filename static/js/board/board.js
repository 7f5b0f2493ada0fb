// The board of asks and offers (templates/_board.html; docs/protocol.md, "The board"): asks with
// their offers and "asks met: X of Y", kept in step with the room on the host screen and the
// phone. Each screen brings its own buttons: phone/board.js offers, takes up, edits and deletes;
// host/board.js hides and restores, and shows the posts the host hid.
// People's text only ever goes in with textContent; a link becomes <a> only if it is http(s).
import { $, el, setText, show } from "../shared/dom.js";
import { gettext } from "../shared/i18n.js";
import { identity, onState } from "../shared/live.js";
import { nameOf, room } from "../shared/room.js";
import { config } from "../shared/config.js";
import { webLink } from "../shared/weblink.js";
import { manyTables, tableLabel, tableName, tableOf } from "../shared/tables.js";

const NEW_FOR_MS = 10000;
const rows = new Map(); // post id -> its <li>, kept across renders so open forms survive updates
const drawn = new WeakMap(); // <li> -> what its body was drawn from
let seen = null; // ids shown so far; others are new (null until the first render)
let options = { hidden: false, tools: () => [], actions: {}, afterRender: () => {} };

/** The host's hidden posts (and the offers hidden with their ask), marked as off the board. */
function offstage() {
  const hidden = options.hidden ? room.hiddenPosts : {};
  return Object.fromEntries(Object.entries(hidden).map(([id, post]) => [id, { ...post, offstage: true }]));
}

/** A post on the board, or (on the host screen) one the host hid. */
const postById = (id) => room.posts[id] || offstage()[id];

/** A small button that the board's click handler dispatches on by its `act`. */
export function actButton(text, act, { className = "", attrs = {} } = {}) {
  return el("button", { class: `button button-small ${className}`, text, data: { act },
    attrs: { type: "button", ...attrs } });
}

/** Draw the board from the current state (the host screen also calls it on host updates). */
export function renderBoard() {
  const counts = room.board;
  if (!counts) return;
  setText($("board-met"), gettext("Asks met: %(met)s of %(asks)s", counts));
  const shown = atChosenTable(room.posts);
  const loose = drawPosts(shown, $("board-asks"), $("board-offers"));
  show($("board-others"), loose > 0);
  show($("board-empty"), !Object.values(shown).some((p) => p.type === "ask"));
  let ids = Object.keys(shown);
  if (options.hidden) {
    const hidden = offstage();
    drawPosts(hidden, $("board-hidden"), $("board-hidden"));
    show($("board-hidden-box"), Object.keys(hidden).length > 0);
    setText($("board-hidden-summary"),
      gettext("Hidden posts (%(count)s)", { count: Object.keys(hidden).length }));
    ids = ids.concat(Object.keys(hidden));
  }
  for (const id of rows.keys()) if (!ids.includes(id)) rows.delete(id);
  markNew(ids);
  options.afterRender(Object.values(shown));
}

/** The board spans the event; at an event of several tables it can show one table's posts:
 *  the asks of the people sitting there now, with all their offers, and the offers by or to
 *  someone sitting there now (after a reshuffle, the table's new people, wherever they posted). */
function atChosenTable(posts) {
  renderTableFilter();
  const chosen = Number($("board-table").value) || null;
  if (!chosen) return posts;
  const here = (p) => room.seats[p.author] === chosen || (p.type === "offer" && p.to != null
    && room.seats[p.to] === chosen);
  const asks = new Set(Object.values(posts).filter((p) => p.type === "ask" && here(p)).map((p) => p.id));
  return Object.fromEntries(Object.entries(posts).filter(([, p]) => (p.type === "ask" ? asks.has(p.id)
    : asks.has(p.ask) || here(p))));
}

function renderTableFilter() {
  const select = $("board-table");
  const tables = room.layout?.tables ?? [];
  show(select.parentElement, tables.length > 1);
  const chosen = select.value;
  const wanted = ["", ...tables.map((t) => String(t.number))];
  if ([...select.options].map((o) => o.value).join() !== wanted.join()) {
    select.replaceChildren(el("option", { text: gettext("Every table"), attrs: { value: "" } }),
      ...tables.map((t) => el("option", { text: tableLabel(t), attrs: { value: t.number } })));
  }
  for (const option of select.options) {
    if (option.value) setText(option, tableLabel(tables[Number(option.value) - 1]));
  }
  select.value = wanted.includes(chosen) ? chosen : "";
}

/** Asks (newest first) with their offers into `askList`; offers without a shown ask into
 *  `offerList` (after the asks, if it is the same list). Returns how many of those there are. */
function drawPosts(posts, askList, offerList) {
  const all = Object.values(posts);
  const asks = all.filter((p) => p.type === "ask").sort((a, b) => b.at - a.at);
  const offers = all.filter((p) => p.type === "offer").sort((a, b) => a.at - b.at);
  const askRows = asks.map((ask) => {
    const li = row(ask, askBody);
    reconcile(li.querySelector(".ask-offers"),
      offers.filter((o) => o.ask === ask.id).map((o) => row(o, offerBody)));
    return li;
  });
  const loose = offers.filter((o) => !o.ask || !posts[o.ask]).map((o) => row(o, offerBody));
  if (askList === offerList) {
    reconcile(askList, [...askRows, ...loose]);
  } else {
    reconcile(askList, askRows);
    reconcile(offerList, loose);
  }
  return loose.length;
}

/** The post's <li>; its body is redrawn only when something it shows changed. */
function row(post, body) {
  let li = rows.get(post.id);
  if (!li) {
    li = el("li", { class: `post post-${post.type}`, data: { id: post.id } },
      el("div", { class: "post-body" }),
      post.type === "ask" ? el("ul", { class: "ask-offers", attrs: { "aria-label": gettext("Offers") } }) : null,
      el("div", { class: "post-slot" }));
    rows.set(post.id, li);
  }
  const basis = JSON.stringify([post, nameOf(post.author), nameOf(post.to),
    manyTables() && tableOf(post.author), identity.me]);
  if (drawn.get(li) !== basis) {
    drawn.set(li, basis);
    li.classList.toggle("is-met", Boolean(post.met));
    li.classList.toggle("is-taken", Boolean(post.taken));
    li.classList.toggle("is-offstage", Boolean(post.offstage));
    const holder = li.querySelector(".post-body");
    const focused = holder.contains(document.activeElement) && document.activeElement.dataset.act;
    holder.replaceChildren(...body(post).filter(Boolean));
    if (focused) holder.querySelector(`[data-act="${focused}"]`)?.focus();
  }
  return li;
}

function askBody(ask) {
  const meta = el("p", { class: "post-meta" },
    el("span", { class: "post-author", text: nameOf(ask.author) }),
    ask.by_host ? ` ${gettext("(typed by the host)")}` : null, atTable(ask),
    ask.edited ? ` · ${gettext("edited")}` : null,
    ask.met ? el("span", { class: "badge badge-met", text: gettext("Met") }) : null, offstageBadge(ask));
  return [el("p", { class: "post-text", text: ask.text }), meta,
    el("div", { class: "post-actions" }, ...options.tools(ask))];
}

function offerBody(offer) {
  const line = el("p", { class: "offer-line" },
    el("span", { class: "offer-kind", text: offerKind(offer.kind) }), " ",
    el("span", { class: "post-author", text: nameOf(offer.author) }), atTable(offer),
    offer.to && !offer.ask ? ` → ${nameOf(offer.to)}` : null, ": ",
    el("span", { class: "post-text", text: offer.text }),
    offer.who ? ` ${gettext("(introduces %(who)s)", { who: offer.who })}` : null,
    offer.edited ? ` · ${gettext("edited")}` : null, " ",
    offer.link ? webLink(offer.link) : null,
    offer.taken ? el("span", { class: "badge badge-taken", text: gettext("Taken up") }) : null,
    offstageBadge(offer));
  const actions = options.tools(offer);
  return [line, actions.length ? el("div", { class: "post-actions" }, ...actions) : null];
}

/** " at Table 4": where the author sits now, at an event of several tables (so they can be
 *  found after a reshuffle; nothing once they have left). */
function atTable(post) {
  const table = manyTables() && tableOf(post.author);
  return table ? el("span", { class: "post-table", text: ` ${gettext("at %(table)s", { table: tableName(table) })}` })
    : null;
}

/** The kind of an offer in the page's language ("I can help"), from the server's list. */
function offerKind(kind) {
  return kind in config.offer_kinds ? gettext(config.offer_kinds[kind]) : gettext("Offer");
}

function offstageBadge(post) {
  if (!post.offstage) return null;
  return el("span", { class: "badge badge-hidden", text: post.hidden ? gettext("Hidden") : gettext("Hidden with its ask") });
}

/** Put `nodes` in `list` in order, moving only what is out of place (focus and forms stay). */
function reconcile(list, nodes) {
  nodes.forEach((node, i) => {
    if (list.children[i] !== node) list.insertBefore(node, list.children[i] || null);
  });
  while (list.children.length > nodes.length) list.lastElementChild.remove();
}

/** New posts stand out for a while (a colour, and a fade-in unless motion is reduced). */
function markNew(ids) {
  if (seen !== null) {
    for (const id of ids) {
      if (seen.has(id)) continue;
      const li = rows.get(id);
      li.classList.add("is-new");
      setTimeout(() => li.classList.remove("is-new"), NEW_FOR_MS);
    }
  }
  seen = new Set(ids);
}

function onClick(event) {
  const button = event.target.closest("button[data-act]");
  const li = button?.closest("li[data-id]");
  const post = li && postById(li.dataset.id);
  if (!post) return;
  options.actions[button.dataset.act]?.(post, button, li.querySelector(".post-slot"));
}

/** Wire the board into this screen: `tools(post)` gives a post's buttons, `actions[act](post,
 *  button, slot)` runs one (`slot` holds a form under the post), `afterRender(posts)` follows each
 *  drawing, and `hidden: true` (the host) shows the posts the host hid. */
export function mountBoard(opts) {
  $("board-table").addEventListener("change", renderBoard);
  options = { ...options, ...opts };
  $("board").addEventListener("click", onClick);
  onState(renderBoard);
}
