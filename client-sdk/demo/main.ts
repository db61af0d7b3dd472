// The demo storefront page: event header, seat picker with live availability, "best available N",
// a hold countdown and a checkout form posted to the demo server, which books with its secret key.
import { LiveEvent, mountSeatPicker, formatPrice } from '../src/index.ts';
import { Basket, BasketError } from './basket.ts';

const meta = (name: string): string => {
  const value = document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content;
  if (!value)
    throw new Error(`The page is missing <meta name="${name}">: open it as /demo/<eventId>`);
  return value;
};
const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

const MAX_SEATS = 8;
const url = location.origin;
const eventId = meta('parterre-event-id');
const publicKey = meta('parterre-public-key');

const message = $('message');
const say = (text: string) => (message.textContent = text);

const live = new LiveEvent({ url, key: publicKey, eventId });
const basket = new Basket({ url, publicKey, eventId });
live.on('status', (s) => ($('connection').textContent = s === 'live' ? '● live' : `○ ${s}`));
await live.connect();

const picker = mountSeatPicker($('picker'), {
  url,
  publicKey,
  eventId,
  live,
  holder: basket,
  maxSeats: MAX_SEATS,
});
picker.on('error', (err) =>
  say(
    err instanceof BasketError && err.seats.length
      ? `Sorry, ${err.seats.join(', ')} just went to someone else.`
      : err.message,
  ),
);
await picker.ready;

function renderHeader(name: string, startsAt: string): void {
  $('event-name').textContent = name;
  $('event-date').textContent = new Date(startsAt).toLocaleString('en', {
    dateStyle: 'full',
    timeStyle: 'short',
  });
  document.title = `${name} — Parterre demo`;
}

function renderControls(): void {
  const quantity = $<HTMLSelectElement>('quantity');
  for (let n = 1; n <= MAX_SEATS; n++)
    quantity.add(new Option(String(n), String(n), n === 2, n === 2));
  const section = $<HTMLSelectElement>('section');
  for (const name of picker.sections) section.add(new Option(name, name));
  section.addEventListener('change', () =>
    section.value ? picker.zoomToSection(section.value) : picker.zoomToFit(),
  );
  $('best').addEventListener('click', async () => {
    const n = Number(quantity.value);
    if (picker.selected.length + n > MAX_SEATS) return say(`At most ${MAX_SEATS} seats per order.`);
    try {
      const seats = await basket.bestAvailable(n);
      await picker.select(seats, { hold: false });
      say(`We found ${seats.length} seats for you.`);
    } catch (err) {
      say(
        err instanceof BasketError && err.code === 'SEATS_UNAVAILABLE'
          ? `No ${n} seats together are left.`
          : (err as Error).message,
      );
    }
  });
}

let ticker: ReturnType<typeof setInterval> | undefined;
function renderCountdown(): void {
  const { expiresAt } = basket.state;
  const countdown = $('countdown');
  clearInterval(ticker);
  if (expiresAt === null) return void (countdown.textContent = '');
  const tick = () => {
    const left = Math.max(0, expiresAt - (Date.now() + basket.serverOffsetMs));
    const m = Math.floor(left / 60_000);
    const s = Math.floor((left % 60_000) / 1000);
    countdown.textContent = `Seats held for ${m}:${String(s).padStart(2, '0')}`;
    if (left === 0) {
      clearInterval(ticker);
      basket.reset();
      say('Your hold expired: the seats are back on sale.');
    }
  };
  tick();
  ticker = setInterval(tick, 1000);
}

basket.onChange((state) => {
  $('checkout').hidden = state.seats.length === 0 && state.ga.length === 0;
  if (!state.holdToken && !state.released && picker.selected.length)
    void picker.deselect(undefined, { release: false });
  renderCountdown();
});

$<HTMLFormElement>('checkout').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = new FormData(e.target as HTMLFormElement);
  const { holdToken, seats, ga } = basket.state;
  const res = await fetch('/demo/api/checkout', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      eventId,
      holdToken,
      seats,
      ga,
      name: form.get('name'),
      email: form.get('email'),
    }),
  });
  const answer = (await res.json()) as {
    bookingId?: string;
    amount?: number;
    currency?: string;
    detail?: string;
  };
  if (!res.ok) return say(`Checkout failed: ${answer.detail ?? res.statusText}`);
  await picker.deselect(undefined, { release: false });
  basket.reset();
  say(
    `Booked! Booking ${answer.bookingId}, ${formatPrice(answer.amount ?? 0, answer.currency ?? 'EUR')}.`,
  );
});

const event = picker.layout?.event;
if (event) renderHeader(event.name, event.startsAt);
renderControls();
// Exposed once the page is complete, for browser tests and poking around in the console.
(window as unknown as { parterrePicker: typeof picker }).parterrePicker = picker;
