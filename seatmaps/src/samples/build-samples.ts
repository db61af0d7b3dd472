// Writes every sample venue to seatmaps/samples/<name>.json, formatted by the repo's Prettier
// config so `npm run format:check` passes on the committed files.
// Run: npx tsx seatmaps/src/samples/build-samples.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { SAMPLES } from './catalog.ts';

const dir = fileURLToPath(new URL('../../samples/', import.meta.url));
for (const [name, build] of Object.entries(SAMPLES)) {
  const file = `${dir}${name}.json`;
  const options = (await resolveConfig(file)) ?? {};
  writeFileSync(file, await format(JSON.stringify(build()), { ...options, parser: 'json' }));
  console.log(`wrote ${file}`);
}
