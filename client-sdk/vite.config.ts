// Builds the demo storefront (client-sdk/demo) into client-sdk/dist/demo, served by the engine at
// /demo/. The SDK itself ships as TypeScript source; this build is only the demo page.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('./demo'),
  base: '/demo/',
  resolve: {
    // The subpath first: '@parterre/seatmaps' would otherwise swallow it.
    alias: {
      '@parterre/seatmaps/client': here('../seatmaps/src/client.ts'),
      '@parterre/seatmaps': here('../seatmaps/src/index.ts'),
    },
  },
  build: { outDir: here('./dist/demo'), emptyOutDir: true },
});
