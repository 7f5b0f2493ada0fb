// The attendee's follow-up page (templates/followup.html): fetched with the token this phone kept
// when it joined, sent in a header (never in a URL); everything drawn with textContent.
import { $, el, saveFile, setText, show } from "../shared/dom.js";
import { gettext } from "../shared/i18n.js";
import { webLink } from "../shared/weblink.js";
import { introItems } from "./intros.js";
import { offerMarks } from "./marks.js";
import { mountMail } from "./mail.js";
import { KEPT, keep, recall } from "../shared/storage.js";

const code = $("followup").dataset.code;
const base = `/j/${encodeURIComponent(code)}`;
const token = takeLinkKey() || recall(KEPT.token(code)) || recall(KEPT.followupToken(code));

/** The key of an emailed link (`#key=…`): kept like the token a phone keeps after leaving, and
 *  taken out of the address bar, so it isn't bookmarked or shared by accident. */
function takeLinkKey() {
  const match = location.hash.match(/[#&]key=([^&]+)/);
  if (!match) return null;
  const key = decodeURIComponent(match[1]);
  keep(KEPT.followupToken(code), key);
  history.replaceState(null, "", location.pathname + location.search);
  return key;
}

const auth = (extra = {}) => ({ Authorization: `Bearer ${token}`, ...extra });
const status = (text) => setText($("followup-status"), text);

async function call(path, options = {}) {
  try {
    return await fetch(base + path, { cache: "no-store", ...options, headers: auth(options.headers) });
  } catch {
    return null;
  }
}

function offerItem(offer, { made, me }) {
  const kind = gettext(offer.kind_label);
  const head = made
    ? gettext("%(kind)s to %(whom)s", { kind, whom: offer.to_name || gettext("the whole room") })
    : gettext("%(kind)s from %(whom)s", { kind, whom: offer.from_name });
  return el("li", { data: { offer: offer.id } },
    el("p", {}, el("strong", { text: head }), offer.taken ? ` · ${gettext("taken up")}` : null),
    el("p", { text: offer.text }),
    offer.who ? el("p", { text: gettext("Introduces: %(who)s", { who: offer.who }) }) : null,
    offer.link ? el("p", {}, webLink(offer.link, offer.link)) : null,
    offer.ask ? el("p", { class: "hint", text: gettext("On the ask: %(ask)s", { ask: offer.ask }) }) : null,
    offer.markable ? offerMarks(offer, me, (mark) => saveMark("/me/mark", { offer: offer.id, mark })) : null);
}

function contactItem(person) {
  const phone = (person.phone || "").replace(/[^+0-9]/g, "");
  return el("li", {},
    el("p", {}, el("strong", { text: person.name })),
    person.email ? el("p", {}, el("a", { class: "address", text: person.email, attrs: { href: `mailto:${person.email}` } })) : null,
    person.phone ? el("p", {}, el("a", { class: "address", text: person.phone, attrs: { href: `tel:${phone}` } })) : null,
    person.link ? el("p", {}, webLink(person.link, person.link)) : null);
}

/** Exactly who sharing reaches: consent is to these people, named. */
function audienceText(names) {
  if (!names.length) {
    return gettext("Nobody yet: only someone who took up your offer, whose offer you took up, or "
      + "whom an introduction you all accepted put you in touch with.");
  }
  return gettext("If you share, exactly these people see them now: %(names)s. A later exchange "
    + "adds its person; nobody who joins after you leave ever sees them.", { names: names.join(", ") });
}

function fill(list, items, empty) {
  $(list).replaceChildren(...(items.length ? items : [el("li", { class: "hint", text: empty })]));
}

function render(data) {
  setText($("followup-me"), gettext("%(name)s, here is what you gave and got at %(event)s.",
    { name: data.me.name, event: data.event.name }));
  const me = data.me.id;
  fill("received", data.received.map((o) => offerItem(o, { made: false, me })), gettext("No offers yet."));
  fill("made", data.made.map((o) => offerItem(o, { made: true, me })), gettext("You haven't offered anything yet."));
  fill("asks", data.asks.map((a) => el("li", {}, el("p", { text: a.text }),
    el("p", { class: "hint", text: a.met ? gettext("Met") : gettext("Still open") }))), gettext("You haven't posted an ask."));
  fill("intros", introItems(data, (offer, met) => saveMark("/me/met", { offer, met })),
    gettext("No introductions accepted yet."));
  fill("contacts", data.contacts.map(contactItem), gettext("Nobody has shared their details with you yet."));
  $("btn-vcards").disabled = data.contacts.length === 0;
  const mine = data.my_contact;
  $("contact-email").value = mine.email;
  $("contact-phone").value = mine.phone;
  $("contact-link").value = mine.link;
  $("contact-share").checked = mine.share;
  $("contact-share-host").checked = mine.share_with_host;
  setText($("contact-audience"), audienceText(data.my_audience));
  mountMail(call, data);
  show($("followup-status"), false);
  show($("followup-content"), true);
}

/** Save a follow-through mark, then draw the page again with it. */
async function saveMark(path, body) {
  const response = await call(path, {
    method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  });
  const data = response ? await response.json().catch(() => ({})) : {};
  if (!data.ok) {
    status(data.error || gettext("Couldn't save just now. Please try again."));
    show($("followup-status"), true);
    return;
  }
  await load();
}

async function load() {
  if (!token) {
    status(gettext("Open this page on the phone you joined the event with: it keeps your place."));
    return;
  }
  const response = await call("/me.json");
  const data = response ? await response.json().catch(() => ({})) : {};
  if (!response || !data.ok) {
    status(data.error || gettext("We couldn't load your follow-up. Please try again."));
    return;
  }
  render(data);
}

async function saveContact(event) {
  event.preventDefault();
  const error = $("contact-error");
  show(error, false);
  setText($("contact-saved"), "");
  const response = await call("/me/contact", {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      email: $("contact-email").value, phone: $("contact-phone").value, link: $("contact-link").value,
      share: $("contact-share").checked, share_with_host: $("contact-share-host").checked,
    }),
  });
  const data = response ? await response.json().catch(() => ({})) : {};
  if (!data.ok) {
    setText(error, data.error || gettext("Couldn't save just now. Please try again."));
    show(error, true);
    return;
  }
  setText($("contact-saved"), gettext("Saved."));
}

/** Fetch a file only this token may have, and save it. */
async function download(path, filename) {
  const response = await call(path);
  if (!response || !response.ok) {
    status(gettext("The download didn't work. Please try again."));
    show($("followup-status"), true);
    return;
  }
  saveFile(await response.blob(), filename);
}

$("btn-print").addEventListener("click", () => window.print());
$("btn-vcards").addEventListener("click", () => download("/contacts.vcf", `contacts-${code}.vcf`));
$("btn-reminder").addEventListener("click", () => download(
  `/me/reminder.ics?days=${encodeURIComponent($("reminder-days").value)}`, `follow-up-${code}.ics`));
$("contact-form").addEventListener("submit", saveContact);
load();
