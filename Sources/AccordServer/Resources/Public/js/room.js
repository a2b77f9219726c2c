// A confidential negotiation room (docs/server.md, "Rooms"): what the page's role may see, kept live by the room's
// event stream. A party enters its own preferences here; nothing it enters is ever shown to another role, and the
// page never computes a utility itself: the server's engine does (previews, the conjoint check, proposals).
import { send, problemText, text, fixed } from './api.js';
import { preferencesForm } from './room-preferences.js';

const root = document.getElementById('room');
const id = root.dataset.room;
const role = root.dataset.role;
const api = `/api/v1/rooms/${encodeURIComponent(id)}`;
const status = document.getElementById('room-status');
const events = ['room.created', 'preferences.entered', 'room.locked', 'proposal.created', 'text.revised',
  'response.recorded', 'proposal.lapsed', 'agreement.declared', 'improvement.proposed', 'improvement.rejected',
  'suggestion.made', 'credential.replaced', 'credential.revoked'];
let view = null;
const secretlyMarked = new Set();

/** Says something in the page's live status line. */
function say(message) {
  status.textContent = message;
}

/** An element with a class and children (strings become text nodes). */
function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'class') node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(typeof child === 'string' ? text(child) : child);
  return node;
}

/** A package as "Issue name: option name" lines, with the skeleton's names. */
function packageList(pkg) {
  const list = element('ul', { class: 'package' });
  for (const issue of view.issues) {
    const option = issue.options.find((o) => o.id === String(pkg[issue.id]));
    list.append(element('li', {}, `${issue.name}: `, element('strong', {}, option ? option.name : String(pkg[issue.id]))));
  }
  return list;
}

/** Reads the room as this role sees it and draws it. */
async function refresh() {
  const answer = await send('GET', api);
  if (!answer.ok) {
    say(problemText(answer.data));
    return;
  }
  view = answer.data;
  drawHead();
  drawProposals();
  drawAgreement();
  if (role === 'mediator') await drawMediator();
}

function drawHead() {
  document.getElementById('room-state').textContent = view.state;
  const parties = document.getElementById('room-parties');
  parties.replaceChildren(
    ...view.parties.map((party) =>
      element('li', { 'data-party': party.id, 'data-entered': String(party.preferencesEntered) },
        `${party.name}: `, party.preferencesEntered ? 'preferences entered' : 'no preferences yet')));
}

/** The proposals on the table, newest first, with what this role may do with each. */
function drawProposals() {
  const list = document.getElementById('room-proposals');
  const proposals = [...view.proposals].reverse();
  if (proposals.length === 0) {
    list.replaceChildren(element('li', {}, 'No proposal yet.'));
    return;
  }
  list.replaceChildren(...proposals.map(proposalItem));
}

function proposalItem(proposal) {
  const item = element('li', { class: `proposal ${proposal.status}`, 'data-proposal': proposal.id,
    'data-status': proposal.status });
  const kind = proposal.kind === 'text' ? `Negotiating text, revision ${proposal.revision}` :
    proposal.kind === 'improvement' ? 'Improvement on the agreement' : 'Proposal';
  item.append(element('h3', {}, `${kind} (${proposal.status})`), packageList(proposal.package));
  const facts = [`accepted by ${proposal.responseCounts.accepted}`, `rejected by ${proposal.responseCounts.rejected}`,
    `awaiting ${proposal.responseCounts.pending}`];
  if (proposal.expiresAt) facts.push(`${proposal.status === 'lapsed' ? 'lapsed at' : 'expires at'} ${proposal.expiresAt}`);
  item.append(element('p', {}, facts.join(' · ')));
  if (typeof proposal.acceptableToAll === 'boolean') {
    item.append(element('p', { class: 'acceptable' },
      proposal.acceptableToAll ? 'Acceptable to every party.' : 'Not acceptable to every party.'));
  }
  if (typeof proposal.ownUtility === 'number') {
    item.append(element('p', { class: 'own-utility' }, `Your utility: ${fixed(proposal.ownUtility)}`));
  }
  if (role === 'mediator' && proposal.responses && proposal.responses.length) {
    item.append(element('ul', { class: 'responses' }, ...proposal.responses.map((response) => element('li', {},
      `${response.party}: ${response.accept ? 'accepts' : 'rejects'}` +
      (response.objections.length ? `, objecting on ${response.objections.join(', ')}` : '')))));
  }
  if (proposal.objectors && proposal.objectors.length) {
    item.append(element('p', {}, `Would reject it: ${proposal.objectors.join(', ')}`));
  }
  if (role === 'party') item.append(responseForm(proposal));
  return item;
}

/** Accept, reject (objecting on named issues) and the secret mark, for a party. */
function responseForm(proposal) {
  const form = element('form', { class: 'respond' });
  if (proposal.ownResponse) {
    form.append(element('p', { class: 'own-response' },
      `You ${proposal.ownResponse.accept ? 'accepted' : 'rejected'} it.`));
  }
  const objections = element('fieldset', {}, element('legend', {}, 'Object on'));
  for (const issue of view.issues) {
    const box = element('input', { type: 'checkbox', value: issue.id, id: `object-${proposal.id}-${issue.id}` });
    objections.append(element('label', { for: box.id }, box, ` ${issue.name}`));
  }
  const accept = element('button', { type: 'button', class: 'accept' }, 'Accept');
  const reject = element('button', { type: 'button', class: 'reject' }, 'Reject');
  const mark = element('input', { type: 'checkbox', class: 'secret', id: `secret-${proposal.id}` });
  mark.checked = secretlyMarked.has(JSON.stringify(proposal.package));
  const respond = async (acceptIt) => {
    const chosen = [...objections.querySelectorAll('input:checked')].map((box) => box.value);
    const answer = await send('POST', `${api}/proposals/${encodeURIComponent(proposal.id)}/responses`,
      { accept: acceptIt, objections: acceptIt ? [] : chosen });
    say(answer.ok ? `Your response is recorded; the proposal is ${answer.data.status}.` : problemText(answer.data));
    await refresh();
  };
  accept.addEventListener('click', () => respond(true));
  reject.addEventListener('click', () => respond(false));
  mark.addEventListener('change', async () => {
    const key = JSON.stringify(proposal.package);
    if (mark.checked) secretlyMarked.add(key); else secretlyMarked.delete(key);
    const answer = await send('PUT', `${api}/secret-acceptances`,
      { packages: [...secretlyMarked].map((entry) => JSON.parse(entry)) });
    say(answer.ok ? 'Your secret marks are kept; nobody learns them.' : problemText(answer.data));
    await refresh();
  });
  if (proposal.status === 'open') {
    form.append(objections, accept, reject);
    form.append(element('label', { for: mark.id }, mark, ' I would accept this (a secret mark)'));
  }
  return form;
}

/** The agreement and the post-settlement step. */
function drawAgreement() {
  const panel = document.getElementById('room-agreement');
  if (!view.agreement) {
    panel.replaceChildren(element('p', {}, 'No agreement yet.'));
    return;
  }
  panel.replaceChildren(element('p', { class: 'agreed' }, `Agreement (${view.agreement.basis}), ${view.agreement.at}:`),
    packageList(view.agreement.package),
    element('p', {}, 'Keep it: ', element('a', { href: `${api}/agreement?format=markdown`, id: 'room-agreement-markdown' },
      'the agreement (Markdown)'), ' · ', element('a', { href: `${api}/agreement`, id: 'room-agreement-json' }, 'JSON')));
  if (view.agreement.previous) {
    panel.append(element('p', {}, 'It replaced the earlier agreement:'), packageList(view.agreement.previous));
  }
  send('GET', `${api}/improvements`).then((answer) => {
    if (!answer.ok) return;
    const found = answer.data.improvementExists;
    panel.append(element('p', { id: 'room-improvement', 'data-exists': String(found) }, found ?
      `The engine found a package every party prefers to the agreement; it is on the table for a second vote (${answer.data.status}).` :
      'The engine found no package every party prefers to the agreement.'));
  });
}

/** The mediator's panel: what the engine may tell under the policy, and the audit log. */
async function drawMediator() {
  const engine = document.getElementById('room-engine');
  if (view.state !== 'open') {
    const answer = await send('GET', `${api}/status`);
    if (answer.ok) {
      const facts = [answer.data.zoneExists ? 'A package acceptable to every party exists.' :
        'No package is acceptable to every party.'];
      if (typeof answer.data.zoneCount === 'number') facts.push(`Packages acceptable to all: ${answer.data.zoneCount}.`);
      if (answer.data.blockingParties) facts.push(`Blocking: ${answer.data.blockingParties.join(', ') || 'nobody alone'}.`);
      engine.replaceChildren(...facts.map((fact) => element('p', { 'data-zone-exists': String(answer.data.zoneExists) }, fact)));
    }
  }
  const audit = await send('GET', `${api}/audit`);
  if (audit.ok) {
    document.getElementById('room-audit').replaceChildren(...(audit.data.entries || audit.data).map((entry) =>
      element('li', {}, `${entry.at} · ${entry.actor} · ${entry.action}${entry.subject ? ` · ${entry.subject}` : ''}`)));
  }
}

/** The mediator's controls: lock, suggest, put a package on the table. */
function setUpMediator() {
  const proposeForm = document.getElementById('room-propose');
  document.getElementById('room-lock').addEventListener('click', async () => {
    const answer = await send('POST', `${api}/lock`);
    say(answer.ok ? 'The room is locked: preferences can no longer change.' : problemText(answer.data));
    await refresh();
  });
  document.getElementById('room-suggest').addEventListener('click', async () => {
    const answer = await send('POST', `${api}/suggestions`);
    if (!answer.ok) {
      say(problemText(answer.data));
      return;
    }
    for (const [issue, option] of Object.entries(answer.data.package)) {
      const select = proposeForm.querySelector(`select[data-issue="${CSS.escape(issue)}"]`);
      if (select) select.value = String(option);
    }
    document.getElementById('room-suggestion').replaceChildren(
      element('p', {}, `The engine suggests (${answer.data.basis}; ${answer.data.acceptableToAll ?
        'acceptable to every party' : 'not acceptable to every party: the closest package'}):`),
      packageList(answer.data.package));
    say('The suggestion is in the form below: put it on the table, or change it first.');
  });
  proposeForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const pkg = {};
    for (const select of proposeForm.querySelectorAll('select[data-issue]')) pkg[select.dataset.issue] = select.value;
    const seconds = Number(proposeForm.querySelector('#room-expiry').value);
    const body = { package: pkg };
    if (seconds > 0) body.expiresInSeconds = seconds;
    const asText = proposeForm.querySelector('#room-as-text').checked;
    const answer = await send(asText ? 'PUT' : 'POST', `${api}/${asText ? 'text' : 'proposals'}`, body);
    say(answer.ok ? (asText ? `Revision ${answer.data.revision} of the negotiating text is on the table.` :
      'The proposal is on the table.') : problemText(answer.data));
    await refresh();
  });
}

/** The mediator's credentials form: replace a role's credential (a new invitation, shown once) or revoke it. */
function setUpCredentials() {
  const select = document.getElementById('room-credential-role');
  const result = document.getElementById('room-credential-result');
  const roles = [['mediator', 'The mediator (you)'], ['observer', 'The observer'],
    ...view.parties.map((party) => [`party:${party.id}`, party.name])];
  select.replaceChildren(...roles.map(([value, label]) => element('option', { value }, label)));
  const body = () => {
    const [role, party] = select.value.split(':');
    return party === undefined ? { role } : { role, party };
  };
  document.getElementById('room-credential-replace').addEventListener('click', async () => {
    const answer = await send('POST', `${api}/credentials`, body());
    if (!answer.ok) {
      say(problemText(answer.data));
      return;
    }
    const url = `${window.location.origin}/rooms/${encodeURIComponent(id)}/join?token=${answer.data.token}`;
    result.replaceChildren(text('New invitation (shown only now): '), element('a', { href: url, id: 'room-new-invitation' }, url));
    say('The earlier credential no longer works.');
  });
  document.getElementById('room-credential-revoke').addEventListener('click', async () => {
    const answer = await send('POST', `${api}/credentials/revocations`, body());
    result.replaceChildren(text(answer.ok ? 'Revoked: that credential no longer works.' : problemText(answer.data)));
    await refresh();
  });
}

/** The mediator's package form, one select per issue, drawn once the issues are known. */
function drawProposeForm() {
  const fields = document.getElementById('room-propose-issues');
  fields.replaceChildren(...view.issues.map((issue) => {
    const select = element('select', { id: `propose-${issue.id}`, 'data-issue': issue.id },
      ...issue.options.map((option) => element('option', { value: option.id }, option.name)));
    return element('div', { class: 'field' }, element('label', { for: select.id }, issue.name), select);
  }));
}

async function start() {
  await refresh();
  if (!view) return;
  if (role === 'mediator') {
    drawProposeForm();
    setUpMediator();
    setUpCredentials();
  }
  if (role === 'party') preferencesForm(document.getElementById('room-preferences'), view, api, say, refresh);
  const source = new EventSource(`${api}/events`);
  const update = () => refresh();
  source.addEventListener('message', update);
  for (const name of events) source.addEventListener(name, update);
  // A proposal lapses by the clock: redraw when the next expiry passes.
  setInterval(() => {
    if (view && view.proposals.some((p) => p.status === 'open' && p.expiresAt && Date.parse(p.expiresAt) <= Date.now())) {
      refresh();
    }
  }, 1000);
  say('Connected: this page updates as the room changes.');
}

start();
