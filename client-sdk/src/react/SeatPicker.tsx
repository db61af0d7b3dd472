// React wrapper of the seat picker. The picker owns its DOM inside one <div>; React only mounts,
// updates options and destroys it. Mounting is keyed on the connection (url, key, event, layout,
// live source), so StrictMode's mount → unmount → mount simply destroys the first picker (closing
// its socket) and builds a second one; every other prop change goes through setOptions/setTheme.
import { useEffect, useRef, type CSSProperties, type ReactElement } from 'react';
import { mountSeatPicker, type SeatPicker as Picker } from '../picker/seat-picker.ts';
import type { SeatPickerEvents, SeatPickerOptions } from '../picker/types.ts';

export interface SeatPickerProps extends SeatPickerOptions {
  className?: string;
  style?: CSSProperties;
  onReady?: (e: SeatPickerEvents['ready']) => void;
  onSelectionChange?: (e: SeatPickerEvents['selectionchange']) => void;
  onError?: (e: Error) => void;
  onSeatFocus?: (e: SeatPickerEvents['focus']) => void;
  /** Receives the mounted picker (null after unmount), for imperative calls like zoomToSection. */
  pickerRef?: (picker: Picker | null) => void;
}

/**
 * The seat picker as a React component. Give it a height (style or className). A new `url`,
 * `publicKey`, `eventId`, `layout` or `live` (compared by identity: memoise objects) mounts a
 * new picker; `fetch` is read at mount only; every other prop updates the mounted one.
 * @example
 * <SeatPicker url={origin} publicKey="pk_…" eventId={id} maxSeats={6}
 *   style={{ height: 560 }} onSelectionChange={({ seats }) => setBasket(seats)} />
 */
export function SeatPicker(props: SeatPickerProps): ReactElement {
  const host = useRef<HTMLDivElement>(null);
  const picker = useRef<Picker | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const { url, publicKey, eventId, layout, live } = props;

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const { className: _c, style: _s, theme, ...rest } = latest.current;
    const mounted = mountSeatPicker(el, { ...rest, ...(theme ? { theme } : {}) });
    picker.current = mounted;
    const offs = [
      mounted.on('ready', (e) => latest.current.onReady?.(e)),
      mounted.on('selectionchange', (e) => latest.current.onSelectionChange?.(e)),
      mounted.on('error', (e) => latest.current.onError?.(e)),
      mounted.on('focus', (e) => latest.current.onSeatFocus?.(e)),
    ];
    latest.current.pickerRef?.(mounted);
    return () => {
      for (const off of offs) off();
      mounted.destroy();
      picker.current = null;
      latest.current.pickerRef?.(null);
    };
  }, [url, publicKey, eventId, layout, live]);

  const { maxSeats, priceType, locale, panel, holder, theme } = props;
  useEffect(() => {
    picker.current?.setOptions({
      ...(maxSeats !== undefined ? { maxSeats } : {}),
      ...(priceType !== undefined ? { priceType } : {}),
      ...(locale !== undefined ? { locale } : {}),
      ...(panel !== undefined ? { panel } : {}),
      ...(holder !== undefined ? { holder } : {}),
    });
  }, [maxSeats, priceType, locale, panel, holder]);
  useEffect(() => {
    if (theme) picker.current?.setTheme(theme);
  }, [theme]);

  return <div ref={host} className={props.className} style={props.style} />;
}
