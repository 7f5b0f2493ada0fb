// The page's words in its reader's language, from the same gettext catalogs as the server's:
// facilitator/i18n.py renders the current language's script messages into base.html's JSON
// block. `scripts/i18n extract` finds the calls below (gettext, ngettext) as it finds Python's.
import { config } from "./config.js";

const { language, messages, plurals } = config.i18n;
const pluralRules = new Intl.PluralRules(language);
// Latin digits in every language, as the server's Babel writes them: a countdown stays readable.
const numbers = new Intl.NumberFormat(language, { numberingSystem: "latn" });

/** "%(name)s" and "%(num)d" filled from `values`; numbers written the language's way. */
function fill(text, values) {
  return text.replace(/%\((\w+)\)[sd]/g, (whole, key) => {
    if (!(key in values)) return whole;
    const value = values[key];
    return typeof value === "number" ? numbers.format(value) : String(value ?? "");
  });
}

/** A message in the page's language, its placeholders filled. */
export function gettext(message, values = {}) {
  return fill(messages[message] ?? message, values);
}

/** A message that depends on a count (`num`), in the plural form the language gives it. */
export function ngettext(singular, plural, num, values = {}) {
  const forms = plurals[singular];
  const text = forms
    ? forms[pluralRules.select(num)] ?? forms.other
    : num === 1 ? singular : plural;
  return fill(text, { num, ...values });
}

/** "Bo", "Bo and Cy", "Bo, Cy and Di", joined the page's language's way ("Bo y Cy", "Bo و Cy");
 *  with `type` "unit", measures: "1 offer, 2 helped" ("عرض واحد، و2 …" in Arabic). */
export function formatList(items, type = "conjunction") {
  return new Intl.ListFormat(language, { type }).format(items);
}

/** A number written the page's language's way. */
export function formatNumber(n) {
  return numbers.format(n);
}
