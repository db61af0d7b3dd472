// `parterre map import --from pretix <file>`: the Parterre document goes to stdout (or -o),
// conversion warnings and a summary to stderr so the output can be piped.
import { PretixImportError, importPretix } from '@parterre/seatmaps';
import { invalidDocument } from '../errors.ts';
import { readJsonFile, toJson, writeOutput } from '../io.ts';
import { plural, problemLine } from './problems.ts';

export interface ImportOptions {
  readonly from: 'pretix';
  readonly output?: string;
  readonly rekeyDuplicates?: boolean;
}

export async function importCommand(file: string, opts: ImportOptions): Promise<void> {
  const json = await readJsonFile(file);
  let result: ReturnType<typeof importPretix>;
  try {
    result = importPretix(json, { rekeyDuplicates: opts.rekeyDuplicates ?? false });
  } catch (err) {
    if (err instanceof PretixImportError)
      throw invalidDocument(`cannot import ${file}: ${err.message}`);
    throw err;
  }
  const { document, warnings } = result;
  await writeOutput(opts.output, toJson(document));
  const seats = document.sections.reduce(
    (n, s) => n + s.rows.reduce((m, r) => m + r.seats.length, 0),
    0,
  );
  const lines = warnings.map((w) => problemLine('warning', w.path, w.message));
  const into = opts.output ? ` to ${opts.output}` : '';
  lines.push(
    `imported ${plural(seats, 'seat')} in ${plural(document.sections.length, 'section')} from ${file}${into}, ${plural(warnings.length, 'warning')}`,
  );
  process.stderr.write(`${lines.join('\n')}\n`);
}
