// Public surface of @parterre/client-sdk: the headless live client.
export { LiveEvent } from './live-event.ts';
export type {
  IoFactory,
  LiveChange,
  LiveEventEvents,
  LiveEventOptions,
  LiveHold,
  LiveSocket,
  LiveStatus,
} from './live-event.ts';
export {
  IncompatibleError,
  LiveError,
  RateLimitedError,
  SeatsUnavailableError,
  TimeoutError,
} from './errors.ts';
export { StatusMirror } from '@parterre/seatmaps/client';
export type { ApplyOutcome } from '@parterre/seatmaps/client';
export { Emitter } from './emitter.ts';

// The seat picker (Konva; no framework). The React wrapper is a separate entry:
// `@parterre/client-sdk/react`.
export { SeatPicker, mountSeatPicker } from './picker/seat-picker.ts';
export type { PickerSeatStatus } from './picker/seat-picker.ts';
export type {
  GaQuantity,
  PickedGa,
  PickedSeat,
  PickerCategory,
  PickerLevel,
  PickerLayout,
  PickerLayoutSeat,
  PickerPrice,
  PickerTheme,
  SeatHolder,
  SeatPickerEvents,
  SeatPickerOptions,
  StatusChange,
  StatusSource,
} from './picker/types.ts';
export { DEFAULT_THEME } from './picker/palette.ts';
export { formatPrice } from './picker/price.ts';
export { fetchLayout } from './picker/load-layout.ts';
