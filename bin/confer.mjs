#!/usr/bin/env node
// Runs the TypeScript CLI directly (tsx), so `npx confer …` works straight after `npm ci`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
