// The scenario editor: validates the text as you type (POST /api/v1/validations, debounced, stale answers
// ignored), marks each problem on its line in the gutter and lists it with a button that selects the line, and
// saves the text as a new version (PUT /api/v1/scenarios/{id}).
import { send, problemText } from './api.js';

const form = document.getElementById('editor');
if (form) setUp(form);

function setUp(form) {
  const area = form.querySelector('#scenario-text');
  const gutter = form.querySelector('#gutter');
  const status = form.querySelector('#validation');
  const list = form.querySelector('#problems');
  const saveStatus = form.querySelector('#save-status');
  const id = form.dataset.scenario;
  const contentType = form.dataset.format === 'json' ? 'application/json' : 'application/yaml';
  let problemLines = new Map();
  let sequence = 0;
  let timer = null;

  const drawGutter = () => {
    const count = area.value.split('\n').length;
    const spans = [];
    for (let line = 1; line <= count; line += 1) {
      const span = document.createElement('span');
      span.textContent = String(line);
      if (problemLines.has(line)) {
        span.className = 'bad';
        span.title = problemLines.get(line);
      }
      spans.push(span, document.createTextNode('\n'));
    }
    gutter.replaceChildren(...spans);
    gutter.scrollTop = area.scrollTop;
  };

  const showProblems = (problems) => {
    problemLines = new Map();
    list.replaceChildren(...problems.map((problem) => {
      const item = document.createElement('li');
      if (typeof problem.line === 'number') {
        problemLines.set(problem.line, `${problem.path}: ${problem.message}`);
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'link';
        button.textContent = `Line ${problem.line}`;
        button.addEventListener('click', () => selectLine(area, problem.line));
        item.append(button, ' ');
      }
      item.append(`${problem.path}: ${problem.message}`);
      return item;
    }));
    drawGutter();
  };

  const validate = async () => {
    const mine = ++sequence;
    const answer = await send('POST', '/api/v1/validations', area.value, contentType);
    if (mine !== sequence) return;
    if (answer.ok) {
      status.textContent = `Valid: ${answer.data.parties} parties, ${answer.data.issues} issues.`;
      status.className = 'valid';
      showProblems([]);
    } else {
      const problems = (answer.data && answer.data.problems) || [];
      status.textContent = problems.length ? `${problems.length} problem${problems.length === 1 ? '' : 's'}.` : problemText(answer.data);
      status.className = 'invalid';
      showProblems(problems);
    }
  };

  area.addEventListener('input', () => {
    drawGutter();
    clearTimeout(timer);
    timer = setTimeout(validate, 250);
  });
  area.addEventListener('scroll', () => { gutter.scrollTop = area.scrollTop; });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    saveStatus.textContent = 'Saving…';
    const answer = await send('PUT', `/api/v1/scenarios/${encodeURIComponent(id)}`, area.value, contentType);
    if (answer.ok) {
      saveStatus.textContent = `Saved as version ${answer.data.version}.`;
    } else {
      saveStatus.textContent = `Not saved: ${problemText(answer.data)}`;
      if (answer.data && answer.data.problems) showProblems(answer.data.problems);
    }
  });
  drawGutter();
  validate();
}

/** Selects a line of the text area (1-based) and moves the focus there. */
function selectLine(area, line) {
  const lines = area.value.split('\n');
  let start = 0;
  for (let index = 0; index < line - 1 && index < lines.length; index += 1) start += lines[index].length + 1;
  const end = start + (lines[line - 1] || '').length;
  area.focus();
  area.setSelectionRange(start, end);
}
