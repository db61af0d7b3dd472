// The HTML around the canvas: price legend, selected-seat list with total, tooltip and the ARIA
// live region. Plain DOM, not canvas, so screen readers, zoom and translation tools read it.
import { formatPrice } from './price.ts';
import type {
  PickedGa,
  PickedSeat,
  PickerCategory,
  PickerLevel,
  PickerPrice,
  PickerTheme,
} from './types.ts';

/** Visually hidden but read by screen readers. */
const SR_ONLY =
  'position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  style = '',
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (style) node.style.cssText = style;
  return node;
}

/** What the selection panel shows. */
export interface SelectionView {
  seats: readonly { seat: PickedSeat; name: string }[];
  ga: readonly PickedGa[];
  total: readonly { amount: number; currency: string }[];
  locale: string;
  maxSeats: number;
  /** Shown as an alert when set (e.g. the selection leaves a single empty seat). */
  warning: string;
  onRemove: (index: number) => void;
  onRemoveGa: (areaId: string) => void;
}

/** One standing area's stepper. */
export interface GaStepperView {
  areaId: string;
  label: string;
  /** e.g. "20.00 EUR each" ('' without a price). */
  priceText: string;
  remaining: number;
  quantity: number;
  /** Highest quantity the + button may reach. */
  max: number;
}

/**
 * DOM parts of a picker inside `host`.
 * @example const panel = new PickerPanel(host); panel.announce('Row A, seat 1, …');
 */
export class PickerPanel {
  readonly root = el(
    'div',
    'parterre-picker',
    'position:relative;display:flex;flex-direction:column;gap:8px;height:100%',
  );
  /** The Konva container; focusable for keyboard navigation. */
  readonly map = el(
    'div',
    'parterre-picker__map',
    'position:relative;flex:1 1 auto;min-height:240px;outline-offset:2px;touch-action:none;user-select:none',
  );
  readonly tooltip = el(
    'div',
    'parterre-picker__tooltip',
    'position:absolute;pointer-events:none;padding:4px 8px;border-radius:4px;background:rgba(20,22,26,.92);color:#fff;font-size:13px;white-space:nowrap;transform:translate(-50%,calc(-100% - 10px));z-index:2',
  );
  readonly live = el('div', 'parterre-picker__live', SR_ONLY);
  private readonly side = el(
    'div',
    'parterre-picker__panel',
    'display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start',
  );
  private readonly legend = el(
    'ul',
    'parterre-picker__legend',
    'list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 12px',
  );
  private readonly basket = el('section', 'parterre-picker__selection');
  private readonly levelBar = el(
    'div',
    'parterre-picker__levels',
    'display:flex;flex-wrap:wrap;gap:4px',
  );
  private readonly standing = el('section', 'parterre-picker__ga');

  constructor(host: HTMLElement) {
    this.map.tabIndex = 0;
    this.map.setAttribute('role', 'application');
    this.map.setAttribute(
      'aria-label',
      'Seat map. Arrow keys move between seats, Enter or Space selects, plus and minus zoom.',
    );
    this.tooltip.setAttribute('role', 'tooltip');
    this.tooltip.hidden = true;
    this.live.setAttribute('aria-live', 'polite');
    this.live.setAttribute('aria-atomic', 'true');
    this.basket.setAttribute('aria-label', 'Selected seats');
    this.levelBar.setAttribute('role', 'group');
    this.levelBar.setAttribute('aria-label', 'Levels');
    this.levelBar.hidden = true;
    this.standing.setAttribute('aria-label', 'Standing places');
    this.standing.hidden = true;
    this.side.append(this.legend, this.standing, this.basket);
    this.map.append(this.tooltip);
    this.root.append(this.levelBar, this.map, this.live, this.side);
    host.append(this.root);
  }

  /** Shows or hides the legend and selection list. */
  showSide(show: boolean): void {
    this.side.hidden = !show;
  }

  setTheme(theme: PickerTheme): void {
    this.root.style.color = theme.text;
    this.root.style.fontFamily = theme.font;
    this.map.style.background = theme.background;
  }

  /** The visitor hears `text` (a new text is announced even when equal to the last one). */
  announce(text: string): void {
    this.live.textContent = this.live.textContent === text ? `${text}\u00a0` : text;
  }

  /** Replaces the map with a message (the layout or the live connection failed to load). */
  showError(text: string): void {
    const alert = el('p', 'parterre-picker__error', 'margin:0;padding:16px');
    alert.setAttribute('role', 'alert');
    alert.textContent = text;
    this.map.replaceChildren(alert);
  }

  showTooltip(text: string, x: number, y: number): void {
    this.tooltip.textContent = text;
    this.tooltip.style.left = `${x}px`;
    this.tooltip.style.top = `${y}px`;
    this.tooltip.hidden = false;
  }

  hideTooltip(): void {
    this.tooltip.hidden = true;
  }

  /** One toggle button per level (none for a single level); `current` is pressed. */
  renderLevels(
    levels: readonly PickerLevel[],
    current: string,
    onPick: (id: string) => void,
  ): void {
    const focused = this.focusedIn(this.levelBar)?.dataset.levelId;
    this.levelBar.hidden = levels.length < 2;
    this.levelBar.replaceChildren(
      ...levels.map((level) => {
        const button = el('button', 'parterre-picker__level');
        button.type = 'button';
        button.dataset.levelId = level.id;
        button.textContent = level.name;
        button.setAttribute('aria-pressed', String(level.id === current));
        button.style.fontWeight = level.id === current ? '700' : '400';
        button.addEventListener('click', () => onPick(level.id));
        return button;
      }),
    );
    // The buttons were replaced: a keyboard user stays on the tab they pressed.
    if (focused !== undefined) {
      this.levelBar.querySelector<HTMLElement>(`[data-level-id="${CSS.escape(focused)}"]`)?.focus();
    }
  }

  /** A −/+ stepper per standing area on screen; hidden when there are none. */
  renderGa(areas: readonly GaStepperView[], onStep: (areaId: string, delta: -1 | 1) => void): void {
    const focused = this.focusedIn(this.standing)?.dataset.gaStep;
    this.standing.hidden = areas.length === 0;
    this.standing.replaceChildren(
      ...areas.map((a) => {
        const row = el(
          'div',
          'parterre-picker__ga-area',
          'display:flex;gap:6px;align-items:center',
        );
        row.dataset.areaId = a.areaId;
        const text = el('span', 'parterre-picker__ga-label', 'font-size:14px');
        const price = a.priceText ? ` · ${a.priceText}` : '';
        text.textContent = `${a.label}${price} · ${a.remaining} left`;
        const count = el(
          'output',
          'parterre-picker__ga-quantity',
          'min-width:2ch;text-align:center',
        );
        count.textContent = String(a.quantity);
        count.setAttribute('aria-label', `${a.label}: ${a.quantity} selected`);
        const step = (sign: -1 | 1) => {
          const b = el('button', 'parterre-picker__ga-step');
          b.type = 'button';
          b.textContent = sign < 0 ? '−' : '+';
          b.dataset.gaStep = `${a.areaId}${sign}`;
          b.setAttribute(
            'aria-label',
            `${sign < 0 ? 'One place fewer' : 'One place more'}: ${a.label}`,
          );
          b.disabled = sign < 0 ? a.quantity <= 0 : a.quantity >= a.max;
          b.addEventListener('click', () => onStep(a.areaId, sign));
          return b;
        };
        row.append(text, step(-1), count, step(1));
        return row;
      }),
    );
    // Re-rendering replaced the buttons: keep the keyboard where it was.
    if (focused) {
      this.standing.querySelector<HTMLElement>(`[data-ga-step="${CSS.escape(focused)}"]`)?.focus();
    }
  }

  /** Moves the keyboard to an area's + button (the area was tapped on the map). */
  focusGa(areaId: string): void {
    this.standing
      .querySelector<HTMLElement>(`[data-ga-step="${CSS.escape(`${areaId}1`)}"]`)
      ?.focus();
  }

  /** One swatch per category with its price; unavailable colours at the end. */
  renderLegend(
    categories: readonly PickerCategory[],
    priceOf: (key: string) => PickerPrice | null,
    theme: PickerTheme,
    locale: string,
  ): void {
    const items = categories.map((c) => {
      const price = priceOf(c.key);
      return [
        c.color,
        price ? `${c.label} · ${formatPrice(price.amount, price.currency, locale)}` : c.label,
      ] as const;
    });
    items.push([theme.selected, 'Your selection'], [theme.held, 'Held'], [theme.booked, 'Sold']);
    this.legend.replaceChildren(
      ...items.map(([color, text]) => {
        const li = el(
          'li',
          'parterre-picker__legend-item',
          'display:flex;align-items:center;gap:6px;font-size:14px',
        );
        const swatch = el(
          'span',
          'parterre-picker__swatch',
          `display:inline-block;width:12px;height:12px;border-radius:50%;background:${color}`,
        );
        swatch.setAttribute('aria-hidden', 'true');
        li.append(swatch, text);
        return li;
      }),
    );
  }

  /** The selected seats with a remove button each, the total and the single-seat warning. */
  renderSelection(view: SelectionView): void {
    const { seats, ga, total, locale, maxSeats, warning, onRemove } = view;
    const heading = el('h3', 'parterre-picker__selection-title', 'margin:0 0 4px;font-size:15px');
    const places = seats.length + ga.reduce((n, g) => n + g.quantity, 0);
    heading.textContent = `Your seats (${places} of at most ${maxSeats})`;
    const list = el('ul', 'parterre-picker__selected', 'margin:0;padding-left:18px;font-size:14px');
    for (const { seat, name } of seats) {
      const li = el('li', 'parterre-picker__selected-seat');
      li.dataset.seatId = seat.id;
      const price = seat.price
        ? ` — ${formatPrice(seat.price.amount, seat.price.currency, locale)}`
        : '';
      const remove = el('button', 'parterre-picker__remove', 'margin-left:6px');
      remove.type = 'button';
      remove.textContent = '×';
      remove.setAttribute('aria-label', `Remove ${name}`);
      remove.addEventListener('click', () => onRemove(seat.index));
      li.append(`${name}${price}`, remove);
      list.append(li);
    }
    for (const g of ga) list.append(this.gaItem(g, locale, view.onRemoveGa));
    const sum = el('p', 'parterre-picker__total', 'margin:4px 0 0;font-weight:600;font-size:14px');
    sum.textContent = `Total: ${total.length ? total.map((t) => formatPrice(t.amount, t.currency, locale)).join(' + ') : '0'}`;
    const parts: HTMLElement[] = [heading, list, sum];
    if (warning) {
      const alert = el(
        'p',
        'parterre-picker__warning',
        'margin:4px 0 0;color:#9a3412;font-size:14px',
      );
      alert.setAttribute('role', 'alert');
      alert.textContent = warning;
      parts.push(alert);
    }
    this.basket.replaceChildren(...parts);
  }

  /** The focused element when it is inside `part` (another picker's focus is not ours). */
  private focusedIn(part: HTMLElement): HTMLElement | undefined {
    const active = document.activeElement;
    return active instanceof HTMLElement && part.contains(active) ? active : undefined;
  }

  private gaItem(g: PickedGa, locale: string, onRemove: (areaId: string) => void): HTMLElement {
    const li = el('li', 'parterre-picker__selected-ga');
    li.dataset.areaId = g.areaId;
    const price = g.price ? ` — ${formatPrice(g.price.amount, g.price.currency, locale)}` : '';
    const remove = el('button', 'parterre-picker__remove', 'margin-left:6px');
    remove.type = 'button';
    remove.textContent = '×';
    remove.setAttribute('aria-label', `Remove ${g.label} standing places`);
    remove.addEventListener('click', () => onRemove(g.areaId));
    li.append(`${g.label}, standing × ${g.quantity}${price}`, remove);
    return li;
  }

  destroy(): void {
    this.root.remove();
  }
}
