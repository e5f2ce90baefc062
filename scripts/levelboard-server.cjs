/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS entry beside Next's CommonJS server.js */
// Production entry (copied beside Next's standalone server.js): Next's server, with the polled JSON
// routes offered to Levelboard's fast path first (see lib/server/fast-path.ts). Until the app
// has installed the fast path — and for every other request — Next handles everything.
const http = require('node:http');

const createServer = http.createServer;
http.createServer = function levelboardCreateServer(...args) {
  const index = args.findIndex((arg) => typeof arg === 'function');
  if (index !== -1) {
    const nextListener = args[index];
    args[index] = function levelboardListener(req, res) {
      const fastPath = globalThis.__levelboardFastPath;
      if (fastPath && fastPath(req, res)) return;
      return nextListener.call(this, req, res);
    };
  }
  return createServer.apply(this, args);
};

require('./server.js');
