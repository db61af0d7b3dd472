// The door page's browser script, served as /door-scanner.js (same origin, so the CSP's
// script-src 'self' admits it). It scans with the phone camera where the browser has
// BarcodeDetector, takes typed codes everywhere, and posts each to POST /events/:id/scans with the
// staff session cookie, or with a door key given once in the URL fragment (#key=dk_…) or typed.
// Only door keys: a secret key on a phone at the entrance would give whoever holds the phone the
// whole organisation, so one in the link or typed is refused (never stored, never sent) and the
// page says to make a door link in the box office instead (POST /events/:id/door-link).
export const DOOR_SCRIPT = `'use strict';
const $ = (id) => document.getElementById(id);
const eventId = document.querySelector('[data-event]').dataset.event;
const eventPath = '/events/' + encodeURIComponent(eventId);
const NOT_A_DOOR_KEY = 'This page takes door keys (dk_…) only. A secret or public key must never be put on a scanner: revoke the key you used and make a door link in the box office instead.';
const isDoorKey = (k) => k.startsWith('dk_');
let refused = false;
function useKey(candidate) {
  if (candidate && !isDoorKey(candidate)) {
    refused = true;
    sessionStorage.removeItem('parterre.doorKey');
    return '';
  }
  refused = false;
  if (candidate) sessionStorage.setItem('parterre.doorKey', candidate);
  return candidate;
}
let key = useKey(new URLSearchParams(location.hash.slice(1)).get('key') || sessionStorage.getItem('parterre.doorKey') || '');
if (location.hash) history.replaceState(null, '', location.pathname);
async function api(method, path, body) {
  const headers = { 'x-requested-with': 'parterre' };
  if (key) headers.authorization = 'Bearer ' + key;
  if (body) headers['content-type'] = 'application/json';
  const res = await fetch('/api/v1' + path, {
    method, headers, credentials: 'same-origin', body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, data: await res.json().catch(() => ({})) };
}
function show(kind, title, detail) {
  const box = $('result');
  box.className = 'state result ' + kind;
  box.replaceChildren(Object.assign(document.createElement('b'), { textContent: title }));
  if (detail) box.append(document.createElement('br'), detail);
}
function counts(a) {
  $('scanned').textContent = a.scanned;
  $('sold').textContent = a.sold;
}
const place = (t) => t.seat
  ? t.seat.section + ' · row ' + t.seat.row + ' · seat ' + t.seat.label
  : t.standing ? t.standing.label + ' · place ' + t.standing.unit : '';
async function refresh() {
  if (refused) {
    show('refused', 'NOT A DOOR KEY', NOT_A_DOOR_KEY);
    $('login').hidden = false;
  }
  const r = await api('GET', eventPath + '/attendance');
  $('login').hidden = !(r.status === 401 || r.status === 403);
  if (r.status === 401 && /expired/.test(r.data.detail || '')) show('refused', ...REFUSALS.UNAUTHORIZED(r.data));
  if (r.status === 200) counts(r.data);
  const ev = await api('GET', eventPath);
  if (ev.status === 200) $('event').textContent = ev.data.name;
}
const REFUSALS = {
  ALREADY_SCANNED: (d) => ['ALREADY SCANNED', 'First scanned at ' + new Date(d.scannedAt).toLocaleTimeString()],
  WRONG_EVENT: (d) => ['WRONG EVENT', d.detail],
  TICKET_CANCELLED: (d) => ['CANCELLED', d.detail],
  TICKET_INVALID: () => ['NOT VALID', 'This code is not a ticket of this box office'],
  // A door key expires after its event (tickets/door-link.ts): say so rather than "log in".
  UNAUTHORIZED: (d) => /expired/.test(d.detail || '')
    ? ['DOOR LINK EXPIRED', d.detail]
    : ['NOT SIGNED IN', 'Log in to the studio as box office, or open a door link from the box office'],
  FORBIDDEN: () => ['NOT ALLOWED', 'Box office staff or a door key only'],
};
let busy = false;
let last = '';
let lastAt = 0;
async function scan(raw) {
  const code = raw.trim();
  if (!code || busy) return;
  // The camera sees one QR code many times a second: one scan per code every few seconds.
  if (code === last && Date.now() - lastAt < 4000) return;
  busy = true;
  last = code;
  lastAt = Date.now();
  try {
    const r = await api('POST', eventPath + '/scans', { code });
    if (r.status === 200) {
      show('valid', 'ADMIT', place(r.data.ticket));
      counts(r.data.attendance);
      if (navigator.vibrate) navigator.vibrate(80);
    } else {
      const refusal = REFUSALS[r.data.code];
      const [title, detail] = refusal ? refusal(r.data) : ['ERROR ' + r.status, r.data.detail || ''];
      show('refused', title, detail);
      if (r.status === 401 || r.status === 403) $('login').hidden = false;
    }
  } catch (err) {
    show('refused', 'NO CONNECTION', String(err));
  } finally {
    busy = false;
  }
}
$('typed').addEventListener('submit', (e) => {
  e.preventDefault();
  const input = $('code');
  scan(input.value);
  input.value = '';
  input.focus();
});
$('login').addEventListener('submit', (e) => {
  e.preventDefault();
  key = useKey($('key').value.trim());
  $('key').value = '';
  if (!refused) show('', 'Ready to scan', '');
  refresh();
});
function camera() {
  if (!('BarcodeDetector' in window) || !navigator.mediaDevices) {
    $('nocamera').hidden = false;
    return;
  }
  const detector = new BarcodeDetector({ formats: ['qr_code'] });
  const video = $('video');
  $('start').hidden = false;
  $('start').addEventListener('click', async () => {
    $('start').hidden = true;
    try {
      video.srcObject = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    } catch (err) {
      show('refused', 'NO CAMERA', String(err));
      return;
    }
    video.hidden = false;
    await video.play();
    const tick = async () => {
      try {
        const found = await detector.detect(video);
        if (found[0]) await scan(found[0].rawValue);
      } catch (err) {
        console.warn(err);
      }
      setTimeout(tick, 250);
    };
    tick();
  });
}
refresh();
setInterval(refresh, 10000);
camera();
`;
