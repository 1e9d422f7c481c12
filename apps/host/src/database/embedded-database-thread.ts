import { mkdirSync } from 'node:fs';
import v8 from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import type { EmbeddedReply, EmbeddedRequest, SerializedError } from './embedded-database';

// PGlite compiles its 9 MB of WebAssembly at every open, and V8 spreads that compilation, and the tier-up of
// the functions that run hot, over every thread of its pool: about 1.5 s of CPU during a start, taken from
// the host's thread and this one on a machine with two cores. One compilation thread compiles what the
// start needs in time. The flag is read when a compilation begins.
v8.setFlagsFromString('--wasm-num-compilation-tasks=1');

/** The embedded database's own thread (see embedded-database.ts): PGlite, answering the host's requests. */
const port = parentPort!;
const post = (reply: EmbeddedReply) => port.postMessage(reply);
const dataDir = workerData.dataDir as string | undefined;
if (dataDir) mkdirSync(dataDir, { recursive: true });
const database = new PGlite(dataDir);
const unlisten = new Map<string, () => Promise<void>>();

/** What the host needs of a database error: its message and PostgreSQL's fields (code, constraint, detail…). */
function serialize(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === undefined || typeof value === 'function' || key === 'params' || key === 'queryOptions')
      continue;
    fields[key] = value;
  }
  return { name: error.name, message: error.message, fields };
}

async function answer(request: EmbeddedRequest): Promise<unknown> {
  switch (request.op) {
    case 'query':
      return database.query(request.sql, request.params);
    case 'exec':
      return database.exec(request.sql);
    case 'listen':
      // A notification is posted while the statement that caused it is still being answered, so the host
      // hears it before that statement's result, as it did when PGlite ran on the host's thread.
      unlisten.set(
        request.channel,
        await database.listen(request.channel, (payload) => post({ channel: request.channel, payload })),
      );
      return undefined;
    case 'unlisten':
      await unlisten.get(request.channel)?.();
      unlisten.delete(request.channel);
      return undefined;
    case 'close':
      await database.close();
      return undefined;
  }
}

database.waitReady.then(
  () => post({ ready: true }),
  (error: unknown) => post({ ready: false, error: serialize(error) }),
);

port.on('message', (request: EmbeddedRequest) => {
  answer(request).then(
    (result) => post({ id: request.id, result }),
    (error: unknown) => post({ id: request.id, error: serialize(error) }),
  );
});
