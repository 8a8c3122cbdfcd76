// The server bundle's entry (server/out/server.js). In a worker thread the Node host started to
// build the workspace index (see indexing/build.ts), the same bundle builds entries instead of
// serving LSP; anywhere else, including a web worker, it is the language server.
const inNode = typeof process === 'object' && typeof process.versions?.node === 'string';
const indexing = inNode ? (require('./indexing/build') as typeof import('./indexing/build')) : undefined;

if (indexing?.isIndexWorker()) indexing.runIndexWorker();
else require('./server');
