#!/usr/bin/env node
// Entry point: runs the compiled CLI and exits with its code.
import { main } from '../dist/src/cli.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`mine: internal error: ${error?.message ?? error}${process.argv.includes('--debug') ? `\n${error?.stack}` : ' (run with --debug for details)'}\n`);
    process.exitCode = 1;
  },
);
