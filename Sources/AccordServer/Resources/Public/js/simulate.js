// Simulate: posts the form to POST /api/v1/simulations, follows the run's server-sent events, draws each offer
// on the utility square as it arrives and logs it, then shows the ending and links the report.
import { send, problemText, fixed, packageText, utilitiesText } from './api.js';
import { UtilitySquare } from './square.js';

const form = document.getElementById('simulate');
if (form) setUp(form);

function setUp(form) {
  const id = form.dataset.scenario;
  const pickX = document.getElementById('pair-x');
  const pickY = document.getElementById('pair-y');
  const status = document.getElementById('sim-status');
  const progress = document.getElementById('sim-progress');
  let offers = [];
  let background = null;
  let square = null;

  const redraw = () => {
    const x = pickX.value;
    const y = pickY.value;
    const name = (party) => pickX.querySelector(`option[value="${CSS.escape(party)}"]`)?.textContent || party;
    square = new UtilitySquare(document.getElementById('sim-chart'), `Offers in the utility space of ${name(x)} and ${name(y)}`);
    square.drawAxes(name(x), name(y));
    if (background) {
      const parties = Object.fromEntries((background.parties || []).map((party) => [party.id, party]));
      square.drawReservations(parties[x]?.reservation ?? 0, parties[y]?.reservation ?? 0);
      for (const entry of background.pareto || []) {
        square.point('frontier', entry.utilities[x], entry.utilities[y], 'frontier', packageText(entry.outcome), 3);
      }
    }
    for (const offer of offers) plot(offer);
  };

  const plot = (offer) => {
    const u = offer.utilities || {};
    if (typeof u[pickX.value] !== 'number' || typeof u[pickY.value] !== 'number') return;
    square.point('points', u[pickX.value], u[pickY.value], offer.final ? 'agreement' : 'offer',
      `${offer.final ? 'Agreement' : `Round ${offer.round}, ${offer.party}`}: ${packageText(offer.outcome)} (${utilitiesText(u)})`,
      offer.final ? 8 : 5);
  };

  const log = (line) => {
    const item = document.createElement('li');
    item.textContent = line;
    document.getElementById('sim-log').append(item);
  };

  for (const pick of [pickX, pickY]) pick.addEventListener('change', redraw);
  send('POST', `/api/v1/scenarios/${encodeURIComponent(id)}/what-if`, {}).then((answer) => {
    if (answer.ok) { background = answer.data; redraw(); }
  });
  redraw();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    offers = [];
    document.getElementById('sim-log').replaceChildren();
    document.getElementById('sim-result').replaceChildren();
    document.getElementById('offer-count').textContent = '0';
    redraw();
    const body = { scenario: id, seed: Number(form.elements.seed.value || 1) };
    if (form.elements.mechanism.value) body.mechanism = form.elements.mechanism.value;
    if (form.elements.agents.value.trim()) body.agents = form.elements.agents.value.trim();
    if (form.elements.rounds.value) body.rounds = Number(form.elements.rounds.value);
    status.textContent = 'Starting…';
    const answer = await send('POST', '/api/v1/simulations', body);
    if (!answer.ok) { status.textContent = `The simulation did not start: ${problemText(answer.data)}`; return; }
    follow(answer.data.id);
  });

  const follow = (run) => {
    status.textContent = 'Running…';
    const events = new EventSource(`/api/v1/runs/${encodeURIComponent(run)}/events`);
    events.addEventListener('action', (event) => {
      const action = JSON.parse(event.data);
      if (action.action !== 'offer') return;
      offers.push(action);
      plot(action);
      document.getElementById('offer-count').textContent = String(offers.length);
      log(`Round ${action.round}: ${action.party} offers ${packageText(action.outcome)}`);
    });
    events.addEventListener('progress', (event) => {
      const value = JSON.parse(event.data);
      if (value.total > 0) { progress.max = value.total; progress.value = value.done; }
    });
    events.addEventListener('end', async (event) => {
      events.close();
      const end = JSON.parse(event.data);
      progress.value = progress.max;
      const record = await send('GET', `/api/v1/runs/${encodeURIComponent(run)}`);
      finish(run, end, record.ok ? record.data.result : null);
    });
    events.addEventListener('error', () => {
      if (events.readyState === EventSource.CLOSED) status.textContent = 'The connection to the run was lost.';
    });
  };

  const finish = (run, end, result) => {
    const ending = result ? result.ending : end.status;
    status.textContent = `Ended: ${ending}${end.error ? `: ${end.error}` : '.'}`;
    if (result && result.agreement) {
      const agreement = { final: true, outcome: result.agreement, utilities: result.utilities };
      offers.push(agreement);
      plot(agreement);
      log(`Agreement in round ${result.round}: ${packageText(result.agreement)} (${utilitiesText(result.utilities)})`);
    } else {
      log(`No agreement: ${ending}.`);
    }
    const links = document.createElement('p');
    const page = document.createElement('a');
    page.href = `/runs/${encodeURIComponent(run)}`;
    page.textContent = 'The run';
    const report = document.createElement('a');
    report.href = `/api/v1/runs/${encodeURIComponent(run)}?format=html`;
    report.textContent = 'the HTML report';
    links.append(page, ' and ', report, result ? ` (welfare ${fixed(result.welfare)})` : '', '.');
    document.getElementById('sim-result').replaceChildren(links);
  };
}
