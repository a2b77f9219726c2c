// The analysis dashboard: the Analyse form (POST /api/v1/scenarios/{id}/analyses, then the page of that run), and
// the utility-space chart that AccordReport drew, made interactive: a transparent target over each frontier
// package, proposal and solution; hovering or focusing one shows its package and every party's utility; a click
// or Enter evaluates it (POST /api/v1/scenarios/{id}/evaluations).
import { send, problemText, fixed, packageText, utilitiesText } from './api.js';
import { svgElement } from './square.js';

const analyse = document.getElementById('analyse');
if (analyse) analyse.addEventListener('submit', (event) => { event.preventDefault(); runAnalysis(analyse); });
const figure = document.querySelector('figure.interactive');
if (figure) makeInteractive(figure);

async function runAnalysis(form) {
  const status = document.getElementById('analyse-status');
  const body = {};
  for (const name of ['round', 'samples', 'seed']) {
    const value = form.elements[name].value.trim();
    if (value !== '') body[name] = Number(value);
  }
  const x = form.elements['plot-x'].value;
  const y = form.elements['plot-y'].value;
  if (x && y && x !== y) body.plot = [x, y];
  status.textContent = 'Analysing…';
  const id = form.dataset.scenario;
  const answer = await send('POST', `/api/v1/scenarios/${encodeURIComponent(id)}/analyses`, body);
  if (answer.ok) {
    window.location.assign(`/scenarios/${encodeURIComponent(id)}?run=${encodeURIComponent(answer.data.id)}#dashboard`);
  } else {
    status.textContent = `The analysis did not run: ${problemText(answer.data)}`;
  }
}

/** The plot's frame in the chart's own coordinates: the square, unfilled rectangle of the axes. */
function frame(svg) {
  for (const rect of svg.querySelectorAll('rect[fill="none"]')) {
    const width = Number(rect.getAttribute('width'));
    if (width >= 100 && width === Number(rect.getAttribute('height'))) {
      return { left: Number(rect.getAttribute('x')), top: Number(rect.getAttribute('y')), size: width };
    }
  }
  return null;
}

async function makeInteractive(figure) {
  const svg = figure.querySelector('svg');
  const box = svg && frame(svg);
  const answer = await send('GET', `/api/v1/runs/${encodeURIComponent(figure.dataset.run)}`);
  if (!box || !answer.ok || !answer.data.result) return;
  const result = answer.data.result;
  const { x, y } = figure.dataset;
  const layer = svgElement('g', { class: 'targets' }, svg);
  const targets = [];
  for (const entry of result.pareto || []) targets.push({ kind: 'Frontier package', entry });
  for (const entry of result.proposals || []) targets.push({ kind: `Proposal ${entry.id}`, entry });
  for (const [name, entry] of Object.entries(result.solutions || {})) {
    if (entry) targets.push({ kind: `Solution: ${name}`, entry });
  }
  for (const target of targets) {
    const u = target.entry.utilities || {};
    if (typeof u[x] !== 'number' || typeof u[y] !== 'number') continue;
    const circle = svgElement('circle', {
      cx: box.left + box.size * u[x], cy: box.top + box.size * (1 - u[y]), r: 7, class: 'target', tabindex: 0,
      role: 'button', 'aria-label': `${target.kind}: ${packageText(target.entry.outcome)}`,
    }, layer);
    circle.addEventListener('mouseenter', () => describe(target));
    circle.addEventListener('focus', () => describe(target));
    circle.addEventListener('click', () => evaluate(figure, target));
    circle.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); evaluate(figure, target); }
    });
  }
  figure.dataset.targets = String(layer.childElementCount);
}

function describe(target) {
  const info = document.getElementById('point-info');
  const title = document.createElement('strong');
  title.textContent = target.kind;
  const outcome = document.createElement('p');
  outcome.textContent = packageText(target.entry.outcome);
  const utilities = document.createElement('p');
  utilities.textContent = `Utilities: ${utilitiesText(target.entry.utilities)}`;
  info.replaceChildren(title, outcome, utilities);
}

async function evaluate(figure, target) {
  const info = document.getElementById('point-info');
  const scenario = document.getElementById('analyse').dataset.scenario;
  const choice = {};
  for (const [issue, option] of Object.entries(target.entry.outcome || {})) choice[issue] = String(option);
  const answer = await send('POST', `/api/v1/scenarios/${encodeURIComponent(scenario)}/evaluations`, { package: choice });
  describe(target);
  const verdict = document.createElement('p');
  verdict.className = 'evaluation';
  if (!answer.ok) {
    verdict.textContent = `Not evaluated: ${problemText(answer.data)}`;
  } else {
    const parties = Object.keys(answer.data.utilities || {}).map((party) => {
      const accepts = answer.data.accepted && answer.data.accepted[party] ? 'accepts' : 'refuses';
      return `${party} ${accepts} (margin ${fixed(answer.data.margins[party])})`;
    });
    verdict.textContent = `Evaluation: ${answer.data.acceptedByAll ? 'every party accepts' : 'not every party accepts'}; ${parties.join(', ')}.`;
  }
  info.append(verdict);
}
