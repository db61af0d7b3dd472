// Shared bits of the server-rendered ticket and door pages: escaping and one small stylesheet
// sized for phones (big type, big targets).

/** Escapes text for HTML element content and quoted attribute values. */
export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const PAGE_STYLE = `
*{box-sizing:border-box}
body{font:17px/1.45 system-ui,sans-serif;margin:0;background:#f3f1ec;color:#1d1d1f}
main{max-width:460px;margin:0 auto;padding:16px}
.card{background:#fff;border-radius:14px;box-shadow:0 1px 4px #0002;padding:18px;margin-bottom:14px}
h1{font-size:1.35em;margin:0 0 4px}
.when{color:#555;margin:0 0 12px}
.seat{display:flex;gap:10px;margin:12px 0}
.seat div{flex:1;background:#f3f1ec;border-radius:10px;padding:8px;text-align:center}
.seat small{display:block;color:#666;font-size:.75em;text-transform:uppercase;letter-spacing:.05em}
.seat b{font-size:1.5em}
.qr svg{width:100%;height:auto;display:block}
.state{border-radius:10px;padding:10px 12px;font-weight:600;margin:10px 0}
.valid{background:#e3f4e6;color:#1b5e20}.scanned{background:#e8eefc;color:#1a3a8f}
.cancelled,.refused{background:#fde7e7;color:#8e1c1c}
.code{font:12px monospace;word-break:break-all;color:#666}
label{display:block;font-weight:600;margin:8px 0 4px}
input{width:100%;font:inherit;padding:12px;border:1px solid #bbb;border-radius:10px}
button{font:inherit;font-weight:600;padding:12px 18px;border:0;border-radius:10px;background:#1d1d1f;color:#fff;margin-top:10px;width:100%}
video{width:100%;border-radius:10px;background:#000}
.counts{display:flex;gap:10px}.counts div{flex:1;text-align:center}
.counts b{display:block;font-size:1.8em}
.result{font-size:1.25em;min-height:3em}
[hidden]{display:none!important}`;

/** A complete HTML document. */
export function page(title: string, body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title><style>${PAGE_STYLE}</style>${head}</head>
<body><main>${body}</main></body></html>`;
}
