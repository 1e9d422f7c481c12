import {
  clip,
  PROBLEM_CODE_MAX,
  type CallOutcome,
  type SandboxLimits,
  type WorkerMessage,
} from './plugin-protocol';
import type { Sandbox } from './plugin-sandbox';

/* What the plugin worker's parts share: its limits, its calls in flight, and the outcomes it answers with. */

export function send(message: WorkerMessage): void {
  process.send?.(message);
}

/** The sandbox's limits, as the host sent them when it had the worker load its plugin. */
export let limits: SandboxLimits;

export function setLimits(value: SandboxLimits): void {
  limits = value;
}

/** A call in flight in this worker. */
export interface RunningCall {
  /** The plugin it belongs to, so a bridge request can be checked. */
  pluginId: string;
  /** The sandbox it was handed to (it may still wait there behind other calls). */
  sandbox: Sandbox | null;
  /** Its handler began: the isolate ran it, rather than holding it behind another call. */
  started: boolean;
  /** Its sandbox was thrown away before it began: it runs again on the next one. */
  rerun: boolean;
  reruns: number;
  /** When its time runs out (epoch ms). */
  deadline: number;
  /** Open API requests it made, and those still unanswered (the bridge's per-call limits). */
  bridgeRequests: number;
  bridgeInFlight: number;
  watchdog: NodeJS.Timeout;
  finish: (outcome: CallOutcome) => void;
}

/** Calls in flight, by id. */
export const calls = new Map<number, RunningCall>();

/**
 * isolated-vm stops a run by wall time only. The CPU limit before a call's first await is enforced with a
 * wall-clock backstop this many times longer, and a run it stopped is blamed on the plugin only if the
 * isolate really used the CPU limit: on a busy machine a niced worker may get a fraction of a core.
 */
const CPU_LIMIT_WALL_FACTOR = 5;

export function cpuWallMs(): number {
  return limits.cpuMsPerCall * CPU_LIMIT_WALL_FACTOR;
}

export function cpuLimitPassed(): string {
  return `timed out: used more than ${limits.cpuMsPerCall} ms of CPU without yielding`;
}

/**
 * The latest a call with this deadline may begin: early enough that its synchronous run (at most the CPU
 * limit's wall-clock backstop) ends within its time. A call that began later and was still running when its
 * time ran out would be blamed, and its isolate thrown away, for having waited behind others; and a call whose
 * caller was already told to try again must not run for no one.
 */
export function latestBegin(deadline: number): number {
  return deadline - Math.min(cpuWallMs(), limits.callTimeoutMs / 2);
}

/** A call that waited behind others until too little of its time was left to begin. */
export function waitedBehindOthers(): CallOutcome {
  return unavailable(`was busy: other calls kept it waiting for most of its ${limits.callTimeoutMs} ms`);
}

/** Not the plugin's fault, nor the call's: the caller may try again shortly. */
export function unavailable(reason: string): CallOutcome {
  return { kind: 'unavailable', reason, retryAfterSeconds: limits.retryAfterSeconds };
}

export function failure(reason: string): CallOutcome {
  return { kind: 'failure', reason: clip(reason, limits.reasonMax) };
}

/**
 * What the isolate answered, checked and cut here, outside it: the isolate is the plugin's, so its
 * answer is only data of the expected shape, each text within its limit.
 */
export function boundedOutcome(answer: unknown): CallOutcome {
  const outcome = (answer && typeof answer === 'object' ? answer : {}) as Record<string, unknown>;
  if (outcome.kind === 'value' && typeof outcome.json === 'string') {
    const bytes = Buffer.byteLength(outcome.json);
    if (bytes <= limits.resultBytes) return { kind: 'value', json: outcome.json };
    return failure(`returned ${bytes} bytes of JSON; the limit is ${limits.resultBytes}`);
  }
  if (outcome.kind === 'http-error') {
    return {
      kind: 'http-error',
      status: typeof outcome.status === 'number' ? outcome.status : 0,
      code: clip(String(outcome.code), PROBLEM_CODE_MAX),
      detail: clip(String(outcome.detail), limits.problemDetailMax),
    };
  }
  if (outcome.kind === 'failure') return failure(String(outcome.reason));
  if (outcome.kind === 'too-late') return waitedBehindOthers();
  return failure('answered something that is not an outcome');
}
