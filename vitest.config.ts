import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Workspaces are consumed from source: no build step while developing or testing.
const alias = {
  // Before '@parterre/seatmaps', which would otherwise swallow the subpath.
  '@parterre/seatmaps/client': fileURLToPath(new URL('./seatmaps/src/client.ts', import.meta.url)),
  '@parterre/seatmaps': fileURLToPath(new URL('./seatmaps/src/index.ts', import.meta.url)),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['{seatmaps,engine,client-sdk,studio}/src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: [
            'test/**/*.test.ts',
            '{seatmaps,engine,client-sdk,studio}/src/**/*.int.test.ts',
          ],
          exclude: ['test/bench/**', '**/node_modules/**'],
          globalSetup: ['test/support/global-setup.ts'],
          // Real Redis and Postgres are shared by every file of a run: run files one at a time so
          // timing-sensitive tests (expiry, sockets) are not starved on a 2-core machine.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
