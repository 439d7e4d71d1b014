// The VS Code side of ecsl: starts `ecsl lsp` (the language server) for .ecs files. Highlighting,
// brackets and snippets work without it; everything else (diagnostics, completion, hover,
// navigation, rename, formatting, quick fixes) comes from the server.
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');
const { findEcsl, serverSettings } = require('./server');

let client;

async function activate(context) {
  const config = vscode.workspace.getConfiguration('ecsl');
  const command = findEcsl(config.get('path'), process.env);
  if (!command) {
    const choice = await vscode.window.showErrorMessage(
      'ecsl: the `ecsl` command is not on the PATH. Install it, or set "ecsl.path" to the executable.',
      'Open settings');
    if (choice) {
      vscode.commands.executeCommand('workbench.action.openSettings', 'ecsl.path');
    }
    return;
  }
  const server = { command, args: ['lsp'], transport: TransportKind.stdio };
  client = new LanguageClient('ecsl', 'ecsl', { run: server, debug: server }, {
    documentSelector: [{ scheme: 'file', language: 'ecsl' }],
    initializationOptions: serverSettings(config),
    synchronize: {
      configurationSection: 'ecsl',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.ecs'),
    },
  });
  context.subscriptions.push(client);
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
