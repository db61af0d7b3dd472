// The mobile ticket page, GET /tickets/:code: event, date, seat (section, row, seat) or standing
// place, price category, the ticket's state and its QR code as inline SVG. No script, no PDF.
import QRCode from 'qrcode';
import { escapeHtml, page } from './html.ts';
import type { EventSummary, TicketView } from './service.ts';

const STATE: Record<TicketView['status'], string> = {
  valid: 'Valid ticket: show this code at the door',
  scanned: 'Admitted',
  cancelled: 'Cancelled: this ticket is no longer valid',
};

const when = (iso: string) =>
  `${new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(new Date(iso))} UTC`;

function placeOf(t: TicketView): string {
  const cell = (name: string, value: string) =>
    `<div><small>${name}</small><b>${escapeHtml(value || '–')}</b></div>`;
  if (t.seat) {
    return `<div class="seat">${cell('Section', t.seat.section)}${cell('Row', t.seat.row)}${cell(
      'Seat',
      t.seat.label,
    )}</div>`;
  }
  return `<div class="seat">${cell('Standing', t.standing?.label ?? '')}${cell(
    'Place',
    String(t.standing?.unit ?? ''),
  )}</div>`;
}

/**
 * The page of a valid ticket. `link` is the absolute URL of this page, which the QR code carries
 * (a phone camera opens the ticket; the door scanner reads the code from it).
 */
export async function ticketPage(
  event: EventSummary,
  ticket: TicketView,
  link: string,
): Promise<string> {
  const qr = await QRCode.toString(link, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  const state =
    ticket.status === 'scanned' && ticket.scannedAt
      ? `Admitted at ${when(ticket.scannedAt)}`
      : STATE[ticket.status];
  const categoryName = ticket.categoryLabel ?? ticket.category;
  const category = categoryName
    ? `<p>Category <b>${escapeHtml(categoryName)}</b> · ${escapeHtml(ticket.priceType)}</p>`
    : `<p>${escapeHtml(ticket.priceType)}</p>`;
  const body = `<article class="card">
<h1>${escapeHtml(event.name)}</h1>
<p class="when"><time datetime="${escapeHtml(event.startsAt)}">${escapeHtml(when(event.startsAt))}</time></p>
${placeOf(ticket)}
${category}
<p class="state ${ticket.status}" role="status">${escapeHtml(state)}</p>
${ticket.status === 'cancelled' ? '' : `<div class="qr" aria-label="Ticket QR code">${qr}</div>`}
<p class="code">${escapeHtml(ticket.code)}</p>
</article>`;
  return page(`Ticket · ${event.name}`, body);
}

/** What an invalid, forged or retired code gets. */
export function invalidTicketPage(): string {
  return page(
    'Ticket not valid',
    `<article class="card"><h1>This ticket is not valid</h1>
<p class="state refused">The code was not issued by this box office, or its key was withdrawn. Please contact the organiser.</p></article>`,
  );
}
