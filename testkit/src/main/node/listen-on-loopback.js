'use strict';
// kinesis-local hard-codes the wildcard address 0.0.0.0 and has no host option; loaded with
// `node --require`, this makes the servers it opens listen on 127.0.0.1 only, so a test run never
// exposes an endpoint beyond this machine.
const net = require('net');

const LOOPBACK = '127.0.0.1';
const WILDCARDS = new Set(['0.0.0.0', '::', '']);
const listen = net.Server.prototype.listen;

net.Server.prototype.listen = function listenOnLoopback(...args) {
  if (typeof args[0] === 'number') {
    // listen(port[, host][, backlog][, callback]): no host, or a wildcard one, means all interfaces.
    if (typeof args[1] !== 'string') {
      args.splice(1, 0, LOOPBACK);
    } else if (WILDCARDS.has(args[1])) {
      args[1] = LOOPBACK;
    }
  } else if (args[0] !== null && typeof args[0] === 'object' && args[0].port !== undefined) {
    args[0] = Object.assign({}, args[0], { host: LOOPBACK });
  }
  return listen.apply(this, args);
};
