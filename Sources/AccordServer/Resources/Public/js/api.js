// Requests to the Accord API: JSON in, JSON (or an RFC 9457 problem) out.

/**
 * Sends a request and reads the JSON answer.
 * @param {string} method - GET, POST, PUT or DELETE.
 * @param {string} url - a path on this server.
 * @param {*} [body] - an object (sent as JSON) or a string (sent as is, with `contentType`).
 * @param {string} [contentType] - the media type of a string body.
 * @returns {Promise<{ok: boolean, status: number, data: *}>} the status and the parsed body (null when empty).
 */
export async function send(method, url, body, contentType = 'application/json') {
  const init = { method, headers: { Accept: 'application/json' } };
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.headers['Content-Type'] = contentType;
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const response = await fetch(url, init);
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = { detail: text };
  }
  return { ok: response.ok, status: response.status, data };
}

/** The one sentence of a problem answer. */
export function problemText(data) {
  return (data && (data.detail || data.title)) || 'the server did not answer.';
}

/** A text node, so that names from a scenario can never become markup. */
export function text(value) {
  return document.createTextNode(String(value));
}

/** A utility as the reports print it: three decimals. */
export function fixed(value) {
  return typeof value === 'number' ? value.toFixed(3) : '—';
}

/** A package as `issue = option` pairs. */
export function packageText(outcome) {
  return Object.entries(outcome || {}).map(([issue, option]) => `${issue} = ${option}`).join(', ');
}

/** Every party's utility as `party 0.123`. */
export function utilitiesText(utilities) {
  return Object.entries(utilities || {}).map(([party, value]) => `${party} ${fixed(value)}`).join(', ');
}
