import { type ChildProcess, fork } from 'node:child_process';
import type { Logger } from '@nestjs/common';
import { entryScript } from '../common/entry-script';
import { clip } from './plugin-protocol';

/* A plugin worker process as the host sees it: what it keeps of each, and how it starts one. */

/** What the supervisor keeps of one worker process. */
export interface WorkerProcess {
  pluginId: string;
  slot: number;
  child: ChildProcess;
  ready: boolean;
  /** Takes no new calls and is ended once those it runs are done (see the `retire` message). */
  retiring: boolean;
  /** A successor is loading, to take its slot once ready (it grew too much: see `sample`). */
  replacing: boolean;
  /** Its resident memory when it had loaded its plugin. */
  loadedRssMb: number;
  startedAt: number;
  /** Ids of the calls this worker is running. */
  inFlight: Set<number>;
  /** Why the supervisor ended it, and whether a call was already blamed for that (see `onExit`). */
  ended: { reason: string; blamed: boolean } | null;
  /** Its CPU time when last read; since when it has had no call in flight; CPU it used so while idle. */
  cpu: { ms: number; at: number };
  idleSince: number | null;
  idleCpu: { ms: number; at: number }[];
}

/** The most of one piece of a worker's own error output (V8's last words when it aborts) that is logged. */
const WORKER_ERROR_OUTPUT_MAX = 4000;

/** Starts a worker process for a plugin's slot, running `script` (see workerScript). */
export function startWorkerProcess(
  script: string,
  pluginId: string,
  slot: number,
  logger: Logger,
): WorkerProcess {
  const child = fork(script, [], {
    // isolated-vm needs V8's startup snapshot off (Node ≥ 20); no other flag of the host is inherited.
    // Resizable ArrayBuffers are off: growing one commits memory the isolate's limit never counts.
    execArgv: ['--no-node-snapshot', '--no-harmony-rab-gsab'],
    serialization: 'json',
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  // What a worker writes to stderr (V8's report of a fatal error) goes to the host's structured log, not into
  // the host's own stderr, where a runner such as Jest's would take it for the host's own dying words.
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (output: string) =>
    logger.error({
      message: 'plugin worker error output',
      plugin: pluginId,
      output: clip(output, WORKER_ERROR_OUTPUT_MAX),
    }),
  );
  return {
    pluginId,
    slot,
    child,
    ready: false,
    retiring: false,
    replacing: false,
    loadedRssMb: 0,
    startedAt: Date.now(),
    inFlight: new Set(),
    ended: null,
    cpu: { ms: 0, at: 0 },
    idleSince: null,
    idleCpu: [],
  };
}

/** The worker's entry (see entryScript): `require('isolated-vm')` is left to run time. */
export function workerScript(): string {
  return entryScript(__dirname, 'plugin-worker', ['isolated-vm']);
}
