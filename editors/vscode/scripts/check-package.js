// Checks what `vsce` would put in the .vsix (vsce ls): the extension, the grammar, the language
// configuration, the snippets and the language client, and none of the tests or build files.
const { execFileSync } = require('child_process');
const path = require('path');

const vsce = path.join(__dirname, '..', 'node_modules', '.bin', 'vsce');
const files = execFileSync(vsce, ['ls'], { cwd: path.join(__dirname, '..'), encoding: 'utf8' })
  .split('\n').map((f) => f.trim()).filter(Boolean);
const required = ['package.json', 'extension.js', 'server.js', 'language-configuration.json',
  'syntaxes/ecsl.tmLanguage.json', 'snippets/ecsl.json', 'README.md', 'LICENSE',
  'node_modules/vscode-languageclient/package.json'];
const missing = required.filter((f) => !files.includes(f));
const unwanted = files.filter((f) => f.startsWith('test/') || f.startsWith('target/') || f === 'pom.xml'
  || f.startsWith('node_modules/@vscode/vsce/') || f.startsWith('node_modules/vscode-tmgrammar-test/'));
if (missing.length || unwanted.length) {
  console.error('check-package: the .vsix would be wrong:'
    + (missing.length ? '\n  missing: ' + missing.join(', ') : '')
    + (unwanted.length ? '\n  not wanted: ' + unwanted.slice(0, 10).join(', ') : ''));
  process.exit(1);
}
console.log('check-package: ' + files.length + ' files, the extension and its language client included');
