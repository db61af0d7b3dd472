// `parterre map export --to pretix|parterre <file>`: `parterre` writes the document upgraded to
// the current schema with blocks expanded; `pretix` converts it, with warnings on stderr.
import { exportPretix } from '@parterre/seatmaps';
import { toJson, writeOutput } from '../io.ts';
import { readDocument } from './load.ts';
import { problemLine } from './problems.ts';

export interface ExportOptions {
  readonly to: 'pretix' | 'parterre';
  readonly output?: string;
}

export async function exportCommand(file: string, opts: ExportOptions): Promise<void> {
  const document = await readDocument(file);
  if (opts.to === 'parterre') {
    await writeOutput(opts.output, toJson(document));
    return;
  }
  const { plan, warnings } = exportPretix(document);
  await writeOutput(opts.output, toJson(plan));
  if (warnings.length > 0) {
    process.stderr.write(
      `${warnings.map((w) => problemLine('warning', w.path, w.message)).join('\n')}\n`,
    );
  }
}
