const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { findEcsl, serverSettings } = require('../../server');

function executable(dir, name) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, '#!/bin/sh\n');
  fs.chmodSync(file, 0o755);
  return file;
}

test('ecsl is found on the PATH, in PATH order', () => {
  const a = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsl-a-'));
  const b = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsl-b-'));
  const second = executable(b, 'ecsl');
  assert.strictEqual(findEcsl('', { PATH: [a, b].join(path.delimiter) }), second);
  const first = executable(a, 'ecsl');
  assert.strictEqual(findEcsl(undefined, { PATH: [a, b].join(path.delimiter) }), first);
});

test('a configured path wins, and must be executable', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsl-c-'));
  const own = executable(dir, 'my-ecsl');
  assert.strictEqual(findEcsl(own, { PATH: '' }), own);
  const plain = path.join(dir, 'not-executable');
  fs.writeFileSync(plain, '');
  fs.chmodSync(plain, 0o644);
  assert.strictEqual(findEcsl(plain, { PATH: '' }), null);
});

test('no ecsl anywhere is null, so the extension can say so', () => {
  assert.strictEqual(findEcsl('', { PATH: fs.mkdtempSync(path.join(os.tmpdir(), 'ecsl-d-')) }), null);
  assert.strictEqual(findEcsl('', {}), null);
});

test('the settings the server gets are the command line inputs', () => {
  const values = { vars: { env: 'prod' }, varFiles: ['prod.vars'], region: 'eu-west-1' };
  const config = { get: (k) => values[k] };
  assert.deepStrictEqual(serverSettings(config), {
    vars: { env: 'prod' }, varFiles: ['prod.vars'], region: 'eu-west-1', accountId: '',
  });
});
