#!/usr/bin/env node
// The command line runs the engine's TypeScript sources directly through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../archive/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
