// Upload: one Accord file (.yaml, .yml, .json) is sent as its text; the files of a GENIUS or GeniusWeb domain go
// as multipart/form-data. A stored scenario opens its page; an invalid one lists its problems.
import { send, problemText } from './api.js';

const form = document.getElementById('upload-form');
if (form) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const files = [...form.elements.files.files];
    const status = document.getElementById('upload-status');
    const list = document.getElementById('upload-problems');
    list.replaceChildren();
    if (!files.length) { status.textContent = 'Choose a file first.'; return; }
    status.textContent = 'Uploading…';
    let answer;
    const name = files[0].name.toLowerCase();
    if (files.length === 1 && /\.(ya?ml|json)$/.test(name)) {
      const type = name.endsWith('.json') ? 'application/json' : 'application/yaml';
      answer = await send('POST', '/api/v1/scenarios', await files[0].text(), type);
    } else {
      const data = new FormData();
      files.forEach((file, index) => data.append(`file${index}`, file, file.name));
      answer = await send('POST', '/api/v1/scenarios', data);
    }
    if (answer.ok) {
      window.location.assign(`/scenarios/${encodeURIComponent(answer.data.id)}`);
      return;
    }
    status.textContent = `Not stored: ${problemText(answer.data)}`;
    for (const problem of (answer.data && answer.data.problems) || []) {
      const item = document.createElement('li');
      item.textContent = `${problem.line ? `line ${problem.line}, ` : ''}${problem.path}: ${problem.message}`;
      list.append(item);
    }
  });
}
