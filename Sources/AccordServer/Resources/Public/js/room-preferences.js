// A party's private preferences in a room: 100 points of weight to share out, a score per option, red lines, a
// reservation value (a number, or the worst package still acceptable), a live preview of its own utility of a few
// packages and a check against its ratings of whole packages (Inspire's hybrid conjoint). The page sends them
// only to this room's party routes; the server's engine computes every utility.
import { send, problemText, text, fixed } from './api.js';

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  for (const child of children) node.append(typeof child === 'string' ? text(child) : child);
  return node;
}

function numberInput(id, value, max, label) {
  const input = element('input', { type: 'number', id, min: '0', max: String(max), step: 'any', value: String(value),
    inputmode: 'decimal' });
  return element('div', { class: 'field' }, element('label', { for: id }, label), input);
}

/** Three sample packages spread over the options: the same ones for the preview and the ratings. */
function samples(issues) {
  return [0, 1, 2].map((k) => Object.fromEntries(issues.map((issue, i) => {
    const count = issue.options.length;
    const index = k === 0 ? 0 : k === 1 ? count - 1 : Math.floor((count - 1) / 2 + (i % 2)) % count;
    return [issue.id, issue.options[index].id];
  })));
}

function isNumeric(issue) {
  return issue.options.every((option) => option.id === option.name && Number.isFinite(Number(option.id)));
}

/**
 * Draws the form into `container` and wires it: `view` is the room as this party sees it (its own preferences
 * included), `api` the room's API path, `say` the page's status line, `refresh` redraws the room.
 */
export function preferencesForm(container, view, api, say, refresh) {
  const issues = view.issues;
  const own = view.preferences || {};
  const weights = element('fieldset', { id: 'pref-weights' }, element('legend', {}, 'Weights: share out 100 points'));
  for (const issue of issues) {
    const given = own.weights && typeof own.weights[issue.id] === 'number' ? own.weights[issue.id] * 100 : 100 / issues.length;
    weights.append(numberInput(`weight-${issue.id}`, Math.round(given * 100) / 100, 100, issue.name));
  }
  const left = element('output', { id: 'pref-points-left' });
  weights.append(element('p', {}, 'Points left: ', left));
  container.append(weights);

  for (const issue of issues) {
    const set = element('fieldset', { class: 'pref-issue', 'data-issue': issue.id },
      element('legend', {}, `${issue.name}: how good is each option (0–100)? Tick the ones you would never accept.`));
    const values = own.values && own.values[issue.id];
    const forbidden = new Set((own.red_lines || []).filter((line) => line.issue === issue.id)
      .flatMap((line) => (line.forbid || []).map(String)));
    issue.options.forEach((option, index) => {
      let score = 50;
      if (values && typeof values[option.id] === 'number') score = values[option.id] * 100;
      else if (values && Array.isArray(values.piecewise)) {
        const point = values.piecewise.find((p) => String(p[0]) === option.id);
        if (point) score = point[1] * 100;
      }
      const field = numberInput(`score-${issue.id}-${index}`, Math.round(score * 100) / 100, 100, option.name);
      const never = element('input', { type: 'checkbox', id: `never-${issue.id}-${index}`, 'data-option': option.id });
      never.checked = forbidden.has(option.id);
      field.append(element('label', { for: never.id, class: 'never' }, never, ' never'));
      set.append(field);
    });
    container.append(set);
  }

  const reservation = element('fieldset', { id: 'pref-reservation' },
    element('legend', {}, 'Reservation: the least you would still accept'));
  const byNumber = element('input', { type: 'radio', name: 'reservation-kind', id: 'reservation-by-number', value: 'number' });
  const byPackage = element('input', { type: 'radio', name: 'reservation-kind', id: 'reservation-by-package', value: 'package' });
  byNumber.checked = true;
  reservation.append(element('label', { for: byNumber.id }, byNumber, ' as a utility from 0 to 1'),
    numberInput('reservation-value', typeof own.reservation === 'number' ? own.reservation : 0.5, 1, 'Reservation value'),
    element('label', { for: byPackage.id }, byPackage, ' as the worst package I would still accept'));
  for (const issue of issues) {
    const select = element('select', { id: `reservation-${issue.id}`, 'data-issue': issue.id },
      ...issue.options.map((option) => element('option', { value: option.id }, option.name)));
    reservation.append(element('div', { class: 'field' }, element('label', { for: select.id }, issue.name), select));
  }
  container.append(reservation);

  const save = element('button', { type: 'button', id: 'pref-save' }, 'Save my preferences');
  container.append(save);

  const preview = element('section', { id: 'pref-preview', 'aria-live': 'polite' },
    element('h3', {}, 'Your utility of a few packages (only you see this)'), element('ol', {}));
  container.append(preview);

  const check = element('section', { id: 'pref-check' }, element('h3', {}, 'Check: rate these packages (0–100)'));
  const packages = samples(issues);
  packages.forEach((pkg, k) => {
    const line = issues.map((issue) => `${issue.name}: ${issue.options.find((o) => o.id === pkg[issue.id]).name}`).join('; ');
    check.append(element('p', {}, line), numberInput(`rating-${k}`, '', 100, `Your rating of package ${k + 1}`));
  });
  const checkButton = element('button', { type: 'button', id: 'pref-check-run' }, 'Check my preferences against these ratings');
  const checkResult = element('div', { id: 'pref-check-result', 'aria-live': 'polite' });
  check.append(checkButton, checkResult);
  container.append(check);

  /** The preferences as the form holds them, in the scenario format of a party's entry. */
  function entry() {
    const body = { weights: {}, values: {}, red_lines: [] };
    for (const issue of issues) {
      body.weights[issue.id] = Number(document.getElementById(`weight-${issue.id}`).value) / 100;
      const scores = issue.options.map((o, index) => Number(document.getElementById(`score-${issue.id}-${index}`).value) / 100);
      body.values[issue.id] = isNumeric(issue) ?
        { piecewise: issue.options.map((option, index) => [Number(option.id), scores[index]]) } :
        Object.fromEntries(issue.options.map((option, index) => [option.id, scores[index]]));
      const forbid = issue.options.filter((o, index) => document.getElementById(`never-${issue.id}-${index}`).checked)
        .map((option) => (isNumeric(issue) ? Number(option.id) : option.id));
      if (forbid.length) body.red_lines.push({ issue: issue.id, forbid });
    }
    if (byPackage.checked) {
      body.reservationPackage = Object.fromEntries(issues.map((issue) =>
        [issue.id, document.getElementById(`reservation-${issue.id}`).value]));
    } else {
      body.reservation = Number(document.getElementById('reservation-value').value);
    }
    return body;
  }

  function pointsLeft() {
    const used = issues.reduce((sum, issue) => sum + Number(document.getElementById(`weight-${issue.id}`).value || 0), 0);
    const remaining = Math.round((100 - used) * 100) / 100;
    left.textContent = String(remaining);
    return remaining;
  }

  let previewing = null;
  async function updatePreview() {
    if (previewing) return;
    previewing = send('POST', `${api}/previews`, { preferences: entry(), packages });
    const answer = await previewing;
    previewing = null;
    const list = preview.querySelector('ol');
    if (!answer.ok) {
      list.replaceChildren(element('li', {}, problemText(answer.data)));
      return;
    }
    list.replaceChildren(...answer.data.packages.map((entry, k) =>
      element('li', { 'data-utility': String(entry.utility) }, `Package ${k + 1}: ${fixed(entry.utility)}` +
        (entry.acceptable ? ' (you would accept it)' : ' (below what you would accept)'))));
  }

  container.addEventListener('input', () => {
    pointsLeft();
    updatePreview();
  });
  save.addEventListener('click', async () => {
    if (Math.abs(pointsLeft()) > 0.01) {
      say('Share out exactly 100 points of weight before saving.');
      return;
    }
    const answer = await send('PUT', `${api}/preferences`, entry());
    if (answer.ok) {
      say('Your preferences are saved. Nobody else can see them.');
      await refresh();
      return;
    }
    const problems = (answer.data && answer.data.problems) || [];
    say(problems.length ? problems.map((p) => `${p.path}: ${p.message}`).join('; ') : problemText(answer.data));
  });
  checkButton.addEventListener('click', async () => {
    const ratings = packages.map((pkg, k) => ({ package: pkg, rating: Number(document.getElementById(`rating-${k}`).value) / 100 }));
    const answer = await send('POST', `${api}/conjoint-checks`, { preferences: entry(), ratings });
    if (!answer.ok) {
      checkResult.replaceChildren(element('p', {}, problemText(answer.data)));
      return;
    }
    const result = answer.data;
    const nodes = [element('p', { 'data-agrees': String(result.agrees) }, result.agrees ?
      'Your ratings agree with your weights and scores.' :
      'Your ratings disagree with your weights and scores: the packages you rated higher do not all score higher.')];
    result.ratings.forEach((rating, k) => nodes.push(element('p', {},
      `Package ${k + 1}: you rated ${fixed(rating.rating)}, your scores give ${fixed(rating.model)}` +
      (rating.disagrees ? ' (they disagree)' : ''))));
    if (!result.agrees) {
      const use = element('button', { type: 'button', id: 'pref-use-fitted' }, 'Use the weights that fit my ratings');
      use.addEventListener('click', () => {
        for (const issue of issues) {
          document.getElementById(`weight-${issue.id}`).value = String(Math.round(result.fittedWeights[issue.id] * 10000) / 100);
        }
        pointsLeft();
        updatePreview();
        say('The fitted weights are in the form; save them to keep them.');
      });
      nodes.push(element('p', {}, `Weights that fit your ratings: ${issues.map((issue) =>
        `${issue.name} ${Math.round(result.fittedWeights[issue.id] * 100)}`).join(', ')}.`), use);
    }
    checkResult.replaceChildren(...nodes);
  });
  pointsLeft();
  updatePreview();
}
