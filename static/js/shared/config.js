// The server's rules a page needs (limits, kinds of offer, feature names), read from the JSON
// block base.html carries (filled by facilitator/client_config.py from the core's constants), so
// no module keeps a copy that could drift from what the server checks.

export const config = Object.freeze(JSON.parse(document.getElementById("client-config").textContent));
