// Forecast and tournament: posts the form to the page's endpoint (202 with the run), follows the run's events
// with a progress bar, and links the run — its report and ranking — when it ends.
import { send, problemText } from './api.js';

const form = document.getElementById('follow');
if (form) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const status = document.getElementById('follow-status');
    const progress = document.getElementById('follow-progress');
    let body;
    if (form.elements.specification) {
      body = { specification: form.elements.specification.value };
    } else {
      body = { scenario: form.elements.scenario.value, seed: Number(form.elements.seed.value || 1) };
      const issues = form.elements.issues.value.split(',').map((issue) => issue.trim()).filter(Boolean);
      if (issues.length) body.issues = issues;
    }
    status.textContent = 'Starting…';
    const answer = await send('POST', form.dataset.endpoint, body);
    if (!answer.ok) { status.textContent = `Not started: ${problemText(answer.data)}`; return; }
    const run = answer.data.id;
    status.textContent = 'Queued…';
    const events = new EventSource(`/api/v1/runs/${encodeURIComponent(run)}/events`);
    events.addEventListener('status', () => { status.textContent = 'Running…'; });
    events.addEventListener('progress', (message) => {
      const value = JSON.parse(message.data);
      if (value.total > 0) { progress.max = value.total; progress.value = value.done; }
      status.textContent = `${value.done} of ${value.total} ${value.unit}`;
    });
    events.addEventListener('end', (message) => {
      events.close();
      const end = JSON.parse(message.data);
      progress.value = progress.max;
      status.textContent = `Ended: ${end.status}${end.error ? `: ${end.error}` : '.'}`;
      const link = document.createElement('a');
      link.href = `/runs/${encodeURIComponent(run)}`;
      link.textContent = 'Open the run, its report and its downloads';
      document.getElementById('follow-result').replaceChildren(link);
    });
  });
}
