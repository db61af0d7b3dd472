// `parterre map validate <file>`: schema and semantic problems, one per line, then a summary.
import { validateSeatmap } from '@parterre/seatmaps';
import { ExitCode } from '../errors.ts';
import { readJsonFile, toJson } from '../io.ts';
import { loadDocument } from './load.ts';
import { countLine, formatDocumentPath, formatProblems } from './problems.ts';

export async function validateCommand(file: string, opts: { json?: boolean }): Promise<void> {
  const outcome = loadDocument(await readJsonFile(file));
  const problems = outcome.document ? validateSeatmap(outcome.document) : outcome.problems;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (opts.json) {
    const list = problems.map((p) => ({ ...p, path: formatDocumentPath(p.path) }));
    process.stdout.write(toJson({ file, valid: errors === 0, errors, warnings, problems: list }));
  } else {
    const lines = formatProblems(problems);
    const verdict = errors === 0 ? 'valid' : 'invalid';
    lines.push(`${file}: ${verdict}, ${countLine(errors, warnings)}`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  if (errors > 0) process.exitCode = ExitCode.invalid;
}
