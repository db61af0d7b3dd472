#!/usr/bin/env node
// The `parterre` command. The engine runs from its TypeScript sources (no build step), so this
// shim registers tsx's loader before loading the real entry point.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
