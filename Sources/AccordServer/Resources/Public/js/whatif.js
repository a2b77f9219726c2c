// What-if: each slider change posts the changed reservations and weights to POST /api/v1/scenarios/{id}/what-if
// — one request in flight, the latest values sent when it returns — and redraws the agreement zone's count, the
// frontier, the solutions and who blocks.
import { send, problemText, fixed, packageText, utilitiesText } from './api.js';
import { UtilitySquare } from './square.js';

const form = document.getElementById('whatif');
if (form) setUp(form);

function setUp(form) {
  const id = form.dataset.scenario;
  const sliders = [...form.querySelectorAll('input[type=range]')];
  const status = document.getElementById('whatif-status');
  const pickX = document.getElementById('pair-x');
  const pickY = document.getElementById('pair-y');
  let inFlight = false;
  let pending = false;
  let last = null;

  const changes = () => {
    const reservations = {};
    const weights = {};
    for (const slider of sliders) {
      const { kind, party, issue } = slider.dataset;
      if (kind === 'reservation' && slider.value !== slider.defaultValue) reservations[party] = Number(slider.value);
    }
    const changedParties = new Set(sliders.filter((s) => s.dataset.kind === 'weight' && s.value !== s.defaultValue)
      .map((s) => s.dataset.party));
    for (const slider of sliders) {
      const { kind, party, issue } = slider.dataset;
      if (kind === 'weight' && changedParties.has(party)) {
        weights[party] = weights[party] || {};
        weights[party][issue] = Number(slider.value);
      }
    }
    return { reservations, weights };
  };

  const request = async () => {
    if (inFlight) { pending = true; return; }
    inFlight = true;
    pending = false;
    const started = performance.now();
    const answer = await send('POST', `/api/v1/scenarios/${encodeURIComponent(id)}/what-if`, changes());
    inFlight = false;
    if (answer.ok) {
      last = answer.data;
      render(last);
      document.getElementById('whatif-time').textContent = `(answered in ${Math.round(performance.now() - started)} ms)`;
      status.textContent = '';
    } else {
      status.textContent = `Not re-analysed: ${problemText(answer.data)}`;
    }
    if (pending) request();
  };

  const render = (data) => {
    const zone = data.agreementZone || {};
    for (const id of ['zone-count', 'zone-count-live']) document.getElementById(id).textContent = String(zone.count ?? '—');
    drawChart(data, pickX.value, pickY.value);
    listSolutions(data.solutions || {});
    listBlocking(data.blocking || []);
  };

  for (const slider of sliders) {
    slider.addEventListener('input', () => {
      document.getElementById(`${slider.id}-value`).textContent = Number(slider.value).toFixed(2);
      request();
    });
  }
  for (const pick of [pickX, pickY]) pick.addEventListener('change', () => { if (last) render(last); });
  form.addEventListener('reset', () => setTimeout(() => {
    for (const slider of sliders) document.getElementById(`${slider.id}-value`).textContent = Number(slider.value).toFixed(2);
    request();
  }, 0));
  request();
}

/** The utility square of two parties under the what-if: reservations, frontier, solutions. */
function drawChart(data, x, y) {
  const parties = Object.fromEntries((data.parties || []).map((party) => [party.id, party]));
  const name = (id) => (parties[id] && parties[id].name) || id;
  const square = new UtilitySquare(document.getElementById('whatif-chart'), `Utility space of ${name(x)} and ${name(y)}`);
  square.drawAxes(name(x), name(y));
  square.drawReservations(parties[x] ? parties[x].reservation : 0, parties[y] ? parties[y].reservation : 0);
  for (const entry of data.pareto || []) {
    const u = entry.utilities || {};
    square.point('frontier', u[x], u[y], 'frontier', `${packageText(entry.outcome)}: ${utilitiesText(u)}`);
  }
  for (const [solution, entry] of Object.entries(data.solutions || {})) {
    if (!entry) continue;
    square.solution(entry.utilities[x], entry.utilities[y], solution, `${solution}: ${utilitiesText(entry.utilities)}`);
  }
}

function listSolutions(solutions) {
  const items = Object.entries(solutions).map(([name, entry]) => {
    const item = document.createElement('li');
    item.textContent = entry ? `${name}: ${packageText(entry.outcome)} (${utilitiesText(entry.utilities)})` : `${name}: none (the zone is empty)`;
    return item;
  });
  document.getElementById('whatif-solutions').replaceChildren(...items);
}

function listBlocking(blocking) {
  const items = blocking.filter((entry) => entry.blocks).map((entry) => {
    const item = document.createElement('li');
    item.textContent = `${entry.party}: without it, ${entry.zoneCountWithout} packages` +
      (typeof entry.shortfall === 'number' ? `; short by ${fixed(entry.shortfall)}` : '');
    return item;
  });
  if (!items.length) {
    const item = document.createElement('li');
    item.textContent = 'Nobody blocks alone.';
    items.push(item);
  }
  document.getElementById('whatif-blocking').replaceChildren(...items);
}
