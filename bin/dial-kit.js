#!/usr/bin/env node
// The CLI is written in TypeScript and compiled to dist/ by `npm run build` (run by `npm install`).
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('dial-kit: the compiled CLI is missing; run `npm run build` in the twiml-dial-kit folder first.\n');
  process.exit(2);
}
// From Node 22.1, V8's compiled code of the kit's modules is kept on disk between runs (in the system's
// temporary folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off). Node 20 has no such cache and starts without it.
module.enableCompileCache?.();
const { runCli } = await import(entry.href);
process.exitCode = await runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env });
