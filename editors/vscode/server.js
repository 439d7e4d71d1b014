// Finding the server and what it is told, without VS Code: unit-tested with `node --test`.
const fs = require('fs');
const path = require('path');

/** The ecsl executable: the configured path, else `ecsl` on the PATH; null when there is none. */
function findEcsl(configured, env) {
  if (configured && configured.trim() !== '') {
    return isExecutable(configured) ? configured : null;
  }
  const names = process.platform === 'win32' ? ['ecsl.cmd', 'ecsl.bat', 'ecsl.exe', 'ecsl'] : ['ecsl'];
  for (const dir of (env.PATH || '').split(path.delimiter)) {
    if (!dir) {
      continue;
    }
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (isExecutable(candidate)) {
        return candidate;
      }
    }
  }
  return null;
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch (e) {
    return false;
  }
}

/** The settings the server reads (initialization options): those of `ecsl check` on the command line. */
function serverSettings(config) {
  const get = (key, fallback) => {
    const v = config.get(key);
    return v === undefined || v === null ? fallback : v;
  };
  return {
    vars: get('vars', {}),
    varFiles: get('varFiles', []),
    region: get('region', ''),
    accountId: get('accountId', ''),
  };
}

module.exports = { findEcsl, serverSettings };
