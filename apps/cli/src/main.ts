#!/usr/bin/env node
// `hopwatch`: the command line client of the hopwatch REST API.
import { loadCliEnvironment } from '@hopwatch/platform';
import { runCli } from './program';

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY === true,
  environment: loadCliEnvironment(),
}).then((code) => {
  process.exitCode = code;
});
