// The studio is served by the engine under /studio (embedded default) and runs alone with
// `npm run dev -w @parterre/studio`, proxying the API to a local engine.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/studio/',
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: {
    alias: {
      '@parterre/seatmaps': fileURLToPath(new URL('../seatmaps/src/index.ts', import.meta.url)),
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  worker: { format: 'es' },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': process.env.PARTERRE_ENGINE_URL ?? 'http://localhost:8080' } },
});
