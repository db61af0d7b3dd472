// `npm run bench -- <name> [--quick]` runs test/bench/<name>.bench.ts. Each benchmark measures
// its own baseline in the same run and ends with one JSON line (see lib/report.ts).
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort();

const [name, ...rest] = process.argv.slice(2).filter((a) => a !== '--');
if (!name || !available.includes(name)) {
  console.error(
    `${name ? `Unknown benchmark "${name}". ` : ''}Usage: npm run bench -- <name> [--quick]\n` +
      `Benchmarks: ${available.join(', ') || '(none)'}`,
  );
  process.exit(2);
}

const mod = (await import(pathToFileURL(`${dir}${name}.bench.ts`).href)) as {
  run: (opts: { quick: boolean; args: string[] }) => Promise<void>;
};
await mod.run({ quick: rest.includes('--quick'), args: rest });
// Benchmarks close what they open; exit anyway so a lingering socket cannot hang the command.
process.exit(0);
