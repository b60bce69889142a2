#!/usr/bin/env node
// Our npm registry serves only the platform packages this kind of machine can run (linux x64): the
// darwin/win32/arm builds of @swc/core, unrs-resolver and msgpackr-extract answer 404. npm then leaves
// them out of package-lock.json, and `npm ci` refuses the lock as out of sync. This adds each missing
// optional dependency as an optional entry with its version; `npm ci` skips optional packages it cannot
// fetch, so the lock installs everywhere. Run it after any `npm install` that changes the lock.
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const packages = lock.packages;
let added = 0;

for (const [location, entry] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${location ? `${location}/` : ''}node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (packages[nested] || packages[hoisted]) continue;
    packages[hoisted] = { version: range.replace(/^[\^~=]/, ''), optional: true };
    added++;
  }
}

lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`complete-lockfile: added ${added} optional platform entries\n`);
