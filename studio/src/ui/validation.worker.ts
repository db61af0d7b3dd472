// Runs seatmaps validateSeatmap off the main thread: on the stadium it takes ~0.5 s, which would
// otherwise freeze drawing after every edit.
import { validateSeatmap, type SeatmapDocument, type ValidationProblem } from '@parterre/seatmaps';

export interface ValidationRequest {
  readonly id: number;
  readonly document: SeatmapDocument;
}

export interface ValidationReply {
  readonly id: number;
  readonly problems: ValidationProblem[];
}

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ValidationRequest>) => void) | null;
  postMessage(reply: ValidationReply): void;
};

scope.onmessage = (e) => {
  scope.postMessage({ id: e.data.id, problems: validateSeatmap(e.data.document) });
};
