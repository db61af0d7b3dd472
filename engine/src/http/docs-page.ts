// A self-contained API reference page: no CDN and no UI bundle (installations may be offline).
// The error-code table is rendered on the server so the `type` links of problem+json answers
// (`/api/v1/docs#problem-CODE`) resolve even without JavaScript; the operations are rendered in
// the browser from openapi.json, so the page always shows the document the server serves.
import { PROBLEM_ANCHOR, PROBLEM_TITLES } from './problem.ts';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:980px;padding:24px;color:#1d1d1f}
h1{margin-bottom:0}h2{border-bottom:1px solid #ddd;margin-top:2em}
.op{border:1px solid #ddd;border-radius:6px;margin:10px 0}
.op>summary{cursor:pointer;padding:8px 12px;display:flex;gap:12px;align-items:baseline}
.m{font:bold 12px monospace;text-transform:uppercase;padding:2px 6px;border-radius:4px;color:#fff;min-width:44px;text-align:center}
.get{background:#2f7d32}.post{background:#1565c0}.put{background:#b26a00}.patch{background:#6a1b9a}.delete{background:#b71c1c}
.p{font-family:monospace;white-space:nowrap}.sec{font-size:12px;color:#666;margin-left:auto}
.body{padding:0 12px 12px}pre{background:#f6f8fa;padding:8px;overflow:auto;max-height:420px;font-size:12px}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
code{font-size:13px}`;

// Runs in the browser: fetch the document, resolve $refs for display, list every operation.
const SCRIPT = `
const el = (tag, props = {}, ...kids) => {
  const e = Object.assign(document.createElement(tag), props);
  for (const k of kids) e.append(k);
  return e;
};
const resolve = (doc, s, seen = new Set()) => {
  if (!s || typeof s !== 'object') return s;
  if (s.$ref) {
    const name = s.$ref.split('/').pop();
    if (seen.has(name)) return { $ref: name };
    return resolve(doc, doc.components.schemas[name], new Set(seen).add(name));
  }
  if (Array.isArray(s)) return s.map((x) => resolve(doc, x, seen));
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, resolve(doc, v, seen)]));
};
const json = (doc, s) => el('pre', { textContent: JSON.stringify(resolve(doc, s), null, 2) });
function operation(doc, path, method, op) {
  const body = el('div', { className: 'body' });
  if (op.description) body.append(el('p', { textContent: op.description }));
  if (op.parameters?.length) {
    const rows = op.parameters.map((p) => el('tr', {},
      el('td', {}, el('code', { textContent: p.name })), el('td', { textContent: p.in }),
      el('td', { textContent: p.required ? 'required' : 'optional' }),
      el('td', { textContent: (p.description ?? '') + ' ' + JSON.stringify(p.schema) })));
    body.append(el('h4', { textContent: 'Parameters' }), el('table', {}, ...rows));
  }
  const req = op.requestBody?.content?.['application/json']?.schema;
  if (req) body.append(el('h4', { textContent: 'Request body' }), json(doc, req));
  body.append(el('h4', { textContent: 'Responses' }));
  for (const [status, r] of Object.entries(op.responses)) {
    const [type, c] = Object.entries(r.content ?? {})[0] ?? [];
    body.append(el('div', {}, el('b', { textContent: status + ' ' }), r.description + (type ? ' (' + type + ')' : '')));
    if (c && status < 400 && c.schema?.$ref) body.append(json(doc, c.schema));
  }
  const names = op.security.map((r) => Object.keys(r)[0]);
  const access = names.length === 0 ? 'no credentials' : names.includes('publicKey') ? 'public or secret key, or session' : names.includes('secretKey') ? 'secret key or session' : 'staff session';
  return el('details', { className: 'op', id: op.operationId },
    el('summary', {}, el('span', { className: 'm ' + method, textContent: method }),
      el('span', { className: 'p', textContent: doc.servers[0].url + path }),
      el('span', { textContent: op.summary }), el('span', { className: 'sec', textContent: access })),
    body);
}
fetch('openapi.json').then((r) => r.json()).then((doc) => {
  const root = document.getElementById('ops');
  root.textContent = '';
  for (const tag of doc.tags) {
    root.append(el('h2', { textContent: tag.name }));
    for (const [path, item] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(item))
        if (op.tags.includes(tag.name)) root.append(operation(doc, path, method, op));
  }
}).catch((err) => { document.getElementById('ops').textContent = 'Could not load openapi.json: ' + err; });
`;

function problemTable(): string {
  const rows = Object.entries(PROBLEM_TITLES).map(
    ([code, title]) =>
      `<tr id="${PROBLEM_ANCHOR}${escape(code)}"><td><code>${escape(code)}</code></td><td>${escape(title)}</td></tr>`,
  );
  return `<table><tr><th>code</th><th>title</th></tr>${rows.join('')}</table>`;
}

/** The HTML of GET /api/v1/docs. */
export function docsPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Parterre API v1</title><style>${STYLE}</style></head>
<body>
<h1>Parterre API v1</h1>
<p>JSON over HTTP. Authenticate with <code>Authorization: Bearer &lt;key&gt;</code>: a secret key
(<code>sk_…</code>, server-side) may do everything in its organisation; a public key (<code>pk_…</code>,
browsers) may read layouts and availability, hold, release, ask for best-available seats and extend holds.
Machine-readable: <a href="openapi.json">openapi.json</a> (OpenAPI 3.1).</p>
<div id="ops">Loading operations…</div>
<h2 id="problems">Errors</h2>
<p>Every error is <code>application/problem+json</code>:
<code>{ type, title, status, detail, code, … }</code>; <code>seats</code>, <code>areas</code>,
<code>fields</code> or <code>problems</code> name what caused it.</p>
${problemTable()}
<script>${SCRIPT}</script>
</body></html>`;
}
