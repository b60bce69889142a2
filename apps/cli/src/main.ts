#!/usr/bin/env node
// `hopwatch`: the command line client of the hopwatch REST API.
import { loadCliEnvironment } from '@hopwatch/platform';
import { runCli } from './program';

// `hopwatch export | head` closes the pipe early: that ends the command, it is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY === true,
  environment: loadCliEnvironment(),
}).then((code) => {
  process.exitCode = code;
});
