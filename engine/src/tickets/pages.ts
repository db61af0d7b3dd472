// The HTML pages of tickets: the public ticket page (GET /tickets/:code; the code is the
// credential) and the door-scan page for staff (GET /door/:eventId, whose script calls the API with
// the staff session or a key, so the page itself carries no data and needs no login).
import express, { type ErrorRequestHandler, type Router } from 'express';
import { clientErrorStatus } from '../http/problem.ts';
import type { EngineContext } from '../context.ts';
import { DOOR_SCRIPT } from './door-script.ts';
import { escapeHtml, page } from './html.ts';
import { MAX_CODE_LENGTH } from './codes.ts';
import { ticketsOf } from './service.ts';
import { invalidTicketPage, ticketPage } from './ticket-page.ts';

function doorPage(eventId: string): string {
  const body = `<section class="card" data-event="${escapeHtml(eventId)}">
<h1 id="event">Door</h1>
<div class="counts"><div><b id="scanned">–</b>scanned</div><div><b id="sold">–</b>sold</div></div>
</section>
<section class="card">
<p id="result" class="state result" role="status" aria-live="assertive">Ready to scan</p>
<video id="video" playsinline muted hidden></video>
<button id="start" type="button" hidden>Scan with the camera</button>
<p id="nocamera" hidden>This browser cannot read QR codes from the camera: type or paste the code below (a handheld scanner that types works too).</p>
<form id="typed"><label for="code">Ticket code</label>
<input id="code" name="code" autocomplete="off" autocapitalize="off" spellcheck="false" autofocus>
<button type="submit">Check ticket</button></form>
</section>
<form id="login" class="card" hidden><label for="key">Not signed in: log in to the studio as box office, or enter a door key (dk_…) from the box office’s door link</label>
<input id="key" type="password" autocomplete="off"><button type="submit">Use key</button></form>`;
  return page('Door', body, '<script src="/door-scanner.js" defer></script>');
}

/**
 * Mounts the ticket page, the door page and its script.
 * @example app.use(ticketPages(ctx));
 */
export function ticketPages(ctx: EngineContext): Router {
  const router = express.Router();
  const tickets = ticketsOf(ctx);
  router.get('/door-scanner.js', (_req, res) => {
    res.type('application/javascript').set('Cache-Control', 'no-cache').send(DOOR_SCRIPT);
  });
  router.get('/door/:eventId', (req, res) => {
    const eventId = String(req.params.eventId).slice(0, 100);
    res.type('text/html').set('Cache-Control', 'no-store').send(doorPage(eventId));
  });
  router.get('/tickets/:code', async (req, res) => {
    const code = String(req.params.code);
    const found = code.length <= MAX_CODE_LENGTH ? await tickets.page(code) : undefined;
    res.type('text/html').set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
    if (!found) {
      res.status(404).send(invalidTicketPage());
      return;
    }
    const link = `${req.protocol}://${req.get('host') ?? 'localhost'}/tickets/${encodeURIComponent(code)}`;
    res.send(await ticketPage(found.event, found.ticket, link));
  });
  // A path express cannot decode (malformed percent-encoding: a 400 URIError) gets an HTML page
  // like any other wrong address, not the API's problem+json or a 500.
  router.use(((err, req, res, next) => {
    const status = clientErrorStatus(err);
    if (status === undefined) {
      next(err);
      return;
    }
    res.type('text/html').set('Cache-Control', 'no-store');
    if (req.path.startsWith('/tickets/')) res.status(404).send(invalidTicketPage());
    else
      res
        .status(400)
        .send(page('Not a valid address', '<p class="card">This address is not valid.</p>'));
  }) as ErrorRequestHandler);
  return router;
}
