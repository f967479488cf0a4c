// The registry for shell scripts: one line per agency service with the fields asked for, separated by
// spaces; a list is its items joined by commas, a missing value or an empty list '-'.
//   node packages/registry/src/cli.js services service port keys.keyring   ->   clinics 4001 pii …
//   node packages/registry/src/cli.js shell port                            ->   3000
import { SERVICES, SHELL } from './index.js';

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(`cli.js: ${message}`);
  process.exit(2);
}

const [which, ...fields] = process.argv.slice(2);
const rows = { services: SERVICES, shell: [SHELL] }[which ?? ''];
if (!rows || fields.length === 0) fail('usage: cli.js services|shell FIELD… (a field of src/index.d.ts; nested: keys.keyring)');

/** @param {unknown} row @param {string} field */
function valueOf(row, field) {
  /** @type {unknown} */
  let value = row;
  for (const part of field.split('.')) {
    if (value === null) return '-';
    if (typeof value !== 'object' || !(part in value)) fail(`no field ${field}`);
    value = /** @type {Record<string, unknown>} */ (value)[part];
  }
  if (value === null || (Array.isArray(value) && value.length === 0)) return '-';
  if (Array.isArray(value)) return value.join(',');
  if (typeof value === 'object') fail(`${field} is not a value (ask for one of its fields)`);
  return String(value);
}

for (const row of rows) console.log(fields.map((field) => valueOf(row, field)).join(' '));
