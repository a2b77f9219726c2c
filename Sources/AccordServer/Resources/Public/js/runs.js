// Runs: the compare form opens /runs/compare?a=…&b=… with the two ticked runs; a running run's page reloads
// when the run ends (its events' `end`).
const compare = document.getElementById('compare');
if (compare) {
  compare.addEventListener('submit', (event) => {
    event.preventDefault();
    const ticked = [...compare.querySelectorAll('input[name=run]:checked')].map((box) => box.value);
    if (ticked.length !== 2) {
      const button = document.getElementById('compare-button');
      button.setCustomValidity('Tick exactly two runs.');
      button.reportValidity();
      setTimeout(() => button.setCustomValidity(''), 2000);
      return;
    }
    window.location.assign(`/runs/compare?a=${encodeURIComponent(ticked[0])}&b=${encodeURIComponent(ticked[1])}`);
  });
}

const live = document.getElementById('run-live');
if (live) {
  const events = new EventSource(`/api/v1/runs/${encodeURIComponent(live.dataset.run)}/events`);
  events.addEventListener('progress', (event) => {
    const value = JSON.parse(event.data);
    live.textContent = `Running: ${value.done} of ${value.total} ${value.unit}.`;
  });
  events.addEventListener('end', () => { events.close(); window.location.reload(); });
}
