// Creating a confidential room: a skeleton (a scenario's issues and parties; any preferences in it are left out),
// the disclosure policy and the fairness rule. The invitations come back once: the page shows them and says so.
import { send, problemText, text } from './api.js';

const form = document.getElementById('room-new');
const status = document.getElementById('room-new-status');
const result = document.getElementById('room-new-result');

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  for (const child of children) node.append(typeof child === 'string' ? text(child) : child);
  return node;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = { disclosure: {}, fairness: form.querySelector('#room-fairness').value };
  for (const box of form.querySelectorAll('input[data-disclosure]')) body.disclosure[box.dataset.disclosure] = box.checked;
  const skeleton = form.querySelector('#room-skeleton').value.trim();
  if (skeleton) {
    try {
      body.scenario = JSON.parse(skeleton);
    } catch (error) {
      status.textContent = `The skeleton is not valid JSON: ${error.message}`;
      return;
    }
  } else {
    body.scenarioId = form.querySelector('#room-scenario').value;
  }
  status.textContent = 'Creating the room…';
  const answer = await send('POST', '/api/v1/rooms', body);
  if (!answer.ok) {
    const problems = (answer.data && answer.data.problems) || [];
    status.textContent = problems.length ?
      problems.map((p) => `${p.path}${p.line ? ` (line ${p.line})` : ''}: ${p.message}`).join('; ') :
      problemText(answer.data);
    return;
  }
  const room = answer.data;
  const origin = window.location.origin;
  const links = Object.entries(room.invitations).map(([who, path]) => {
    const url = origin + path;
    return element('li', { 'data-invitation': who }, `${who}: `, element('a', { href: url }, url));
  });
  result.replaceChildren(
    element('h2', {}, `Room “${room.name}” is open`),
    element('p', { class: 'warning' }, 'These invitations are shown only now and are stored only as hashes: send each to its ' +
      'participant over a channel you trust. Whoever holds one acts in that role.'),
    element('ul', { id: 'room-invitations' }, ...links),
    element('p', {}, 'Open the mediator\'s invitation to enter the room as the mediator.'));
  status.textContent = 'The room is created.';
});
