/**
 * A plugin worker process (forked by the supervisor with `--no-node-snapshot`): one isolated-vm
 * isolate per plugin. Only this process loads isolated-vm; the host never does, so a crash here costs
 * the calls in flight, never the host. Everything crossing into an isolate is copied JSON; the
 * isolated-vm References the sandbox needs stay inside a closure the plugin cannot reach.
 */
import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';
import type { CallOutcome, HostMessage, LoadReport, PluginSource } from './plugin-protocol';
import { answerBridgeRequest, Sandbox } from './plugin-sandbox';
import {
  calls,
  failure,
  latestBegin,
  limits,
  send,
  setLimits,
  unavailable,
  waitedBehindOthers,
  type RunningCall,
} from './plugin-worker-calls';

/** Each plugin's source and its current sandbox (replaced after it is disposed). */
const slots = new Map<
  string,
  { source: PluginSource; current: Sandbox | null; loading: Promise<Sandbox> | null }
>();

/** The worker's scheduling priority below the host's (nice 0): the higher, the more it yields. */
const WORKER_NICENESS = 10;

/** How often one call may be moved to a fresh isolate after another call's timeout. */
const MAX_RERUNS = 2;

/** The plugin's sandbox, created afresh when the last one was disposed (memory limit, timeout). */
function sandboxFor(pluginId: string): Promise<Sandbox> {
  const slot = slots.get(pluginId);
  if (!slot) return Promise.reject(new Error(`is not loaded in this worker`));
  if (slot.current?.usable) return Promise.resolve(slot.current);
  slot.loading ??= Sandbox.create(slot.source)
    .then(({ sandbox, report }) => {
      if ('error' in report) throw new Error(`failed to load: ${report.error}`);
      slot.current = sandbox;
      return sandbox;
    })
    .finally(() => (slot.loading = null));
  return slot.loading;
}

async function runCall(message: Extract<HostMessage, { type: 'call' }>): Promise<void> {
  const call: RunningCall = {
    pluginId: message.pluginId,
    sandbox: null,
    started: false,
    rerun: false,
    reruns: 0,
    deadline: Date.now() + limits.callTimeoutMs,
    bridgeRequests: 0,
    bridgeInFlight: 0,
    watchdog: setTimeout(() => timedOut(message.callId, call), limits.callTimeoutMs),
    finish: (outcome) => {
      if (calls.get(message.callId) !== call) return;
      calls.delete(message.callId);
      clearTimeout(call.watchdog);
      send({ type: 'result', callId: message.callId, outcome });
    },
  };
  calls.set(message.callId, call);
  try {
    let outcome: CallOutcome;
    do {
      call.rerun = false;
      call.started = false;
      call.sandbox = await sandboxFor(message.pluginId);
      outcome = await call.sandbox.call(
        message.callId,
        message.kind,
        message.name,
        message.input,
        message.context,
        latestBegin(call.deadline),
      );
    } while (call.rerun);
    call.finish(outcome);
    call.sandbox.recycleIfGrown();
  } catch (error) {
    call.finish(failure(error instanceof Error ? error.message : String(error)));
  }
}

/**
 * The wall clock ran out for a call. One that began (a never-settling promise, a loop after an await)
 * is the plugin's fault: it fails, and its isolate is thrown away with whatever it was still running.
 * One that never began waited behind other calls: it is told to come back later, and blamed for nothing.
 */
function timedOut(callId: number, call: RunningCall): void {
  const sandbox = call.sandbox;
  if (!call.started) {
    call.finish(waitedBehindOthers());
    // Behind calls that run, it waited its turn. Behind none, the isolate is held by code no call owns (a
    // continuation looping after its call answered): that isolate goes, as after a timeout.
    const ownedByACall = [...calls.values()].some((other) => other.sandbox === sandbox && other.started);
    if (!sandbox || ownedByACall) return;
    sandbox.dispose('was restarted because code left behind by an earlier call kept it busy');
  } else {
    call.finish(failure(`timed out: did not finish within ${limits.callTimeoutMs} ms`));
    if (!sandbox) return;
    sandbox.dispose('was restarted because one of its calls timed out');
  }
  send({ type: 'retire', reason: 'its isolate was thrown away while code ran in it' });
  for (const [otherId, other] of calls) {
    if (other.sandbox !== sandbox || otherId === callId) continue;
    if (other.started || other.reruns >= MAX_RERUNS) {
      other.finish(
        unavailable('was interrupted: another of its calls timed out and its isolate was restarted'),
      );
    } else {
      // It never ran, so running it on the fresh isolate is safe; it gets its full time again.
      other.rerun = true;
      other.reruns += 1;
      other.watchdog.refresh();
      other.deadline = Date.now() + limits.callTimeoutMs;
      send({ type: 'rerun', callId: otherId });
    }
  }
}

async function load(message: Extract<HostMessage, { type: 'load' }>): Promise<void> {
  setLimits(message.limits);
  const reports: LoadReport[] = [];
  for (const source of message.plugins) {
    const created = await Sandbox.create(source);
    slots.set(source.id, { source, current: created.sandbox.usable ? created.sandbox : null, loading: null });
    reports.push(created.report);
  }
  send({ type: 'loaded', plugins: reports });
}

/**
 * The worker yields the CPU to the host: every thread it has now is niced, and the isolates' threads,
 * started later by these, inherit it. A plugin spinning on every core then still leaves the host enough
 * CPU to answer health checks and first-party calls. (Linux names threads in /proc; elsewhere only the
 * main thread is niced.)
 */
function yieldCpuToHost(): void {
  let threads: number[] = [0];
  try {
    threads = readdirSync('/proc/self/task').map(Number);
  } catch {
    // No /proc: only this thread.
  }
  for (const thread of threads) {
    try {
      setPriority(thread, WORKER_NICENESS);
    } catch {
      // Not permitted here: the worker keeps the host's priority.
    }
  }
}

yieldCpuToHost();

process.on('message', (message: HostMessage) => {
  if (message.type === 'load') void load(message);
  else if (message.type === 'call') void runCall(message);
  else if (message.type === 'bridge-result') answerBridgeRequest(message.requestId, message.result);
});
// The host went away: nothing left to serve.
process.on('disconnect', () => process.exit(0));
// A terminal's Ctrl-C, or a SIGTERM to the whole process group, reaches the workers too. The host stops
// them itself once it has drained its requests (which may still call plugins); left alone they would die
// first, be restarted during the drain, and fail the calls in flight.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => undefined);
