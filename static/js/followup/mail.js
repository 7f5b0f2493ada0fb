// "Email me this page's link" on the follow-up page (only when the organiser set up email): the
// address, the one reminder a week later, and forgetting the address again.
import { $, setText, show } from "../shared/dom.js";
import { gettext } from "../shared/i18n.js";

/** Wire the form; `call(path, options)` sends with this page's secret, `data` is the page's. */
export function mountMail(call, data) {
  const form = $("mail-form");
  if (!form) return;
  const mine = data.my_mail;
  $("mail-email").value = mine?.email ?? $("contact-email").value;
  $("mail-reminder").checked = mine?.reminder ?? false;
  show($("btn-mail-stop"), Boolean(mine));
  form.onsubmit = async (event) => {
    event.preventDefault();
    const answer = await send(call, "PUT", { email: $("mail-email").value, reminder: $("mail-reminder").checked });
    if (answer.ok) {
      setText($("mail-saved"), answer.reminder
        ? gettext("On its way to %(email)s, and a reminder in a week.", { email: answer.email })
        : gettext("On its way to %(email)s.", { email: answer.email }));
      show($("btn-mail-stop"), true);
    }
  };
  $("btn-mail-stop").onclick = async () => {
    const answer = await send(call, "DELETE");
    if (answer.ok) {
      setText($("mail-saved"), gettext("Done: no more emails, and your address is forgotten."));
      show($("btn-mail-stop"), false);
    }
  };
}

async function send(call, method, body) {
  const error = $("mail-error");
  show(error, false);
  setText($("mail-saved"), "");
  const response = await call("/me/email", {
    method, headers: { "Content-Type": "application/json" }, body: body ? JSON.stringify(body) : undefined,
  });
  const answer = response ? await response.json().catch(() => ({})) : {};
  if (!answer.ok) {
    setText(error, answer.error || gettext("Couldn't do that just now. Please try again."));
    show(error, true);
  }
  return answer;
}
