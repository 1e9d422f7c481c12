import { existsSync } from 'node:fs';
import { LIMITS } from '../common/limits';
import type { WorkerProcess } from './plugin-worker-process';
import { processRssMb, processUsage } from './process-usage';

/** The span over which a worker's CPU with no call in flight is added up against its ceiling. */
const IDLE_CPU_WINDOW_MS = 1000;

/** What the supervisor does for the ceilings: end a worker, or start a successor for one that grew. */
export interface CeilingActions {
  end(worker: WorkerProcess, reason: string): void;
  replace(worker: WorkerProcess): void;
}

/**
 * Reads every worker's memory and CPU time and ends the one that passes the process's memory ceiling or uses
 * CPU with no call in flight (Linux, where /proc tells; elsewhere only the isolates' own limits apply).
 */
export class WorkerCeilings {
  private sampler: NodeJS.Timeout | null = null;
  private memoryWatch: NodeJS.Timeout | null = null;

  constructor(
    /** Every worker process not yet exited, retired ones included. */
    private readonly live: ReadonlySet<WorkerProcess>,
    private readonly processMemoryMb: number,
    private readonly actions: CeilingActions,
  ) {}

  start(): void {
    if (existsSync('/proc/self/stat')) {
      this.sampler = setInterval(() => this.sample(), LIMITS.pluginProcessSampleMs);
      this.sampler.unref();
      this.memoryWatch = setInterval(() => this.watchMemory(), LIMITS.pluginMemoryWatchMs);
      this.memoryWatch.unref();
    }
  }

  stop(): void {
    if (this.sampler) clearInterval(this.sampler);
    if (this.memoryWatch) clearInterval(this.memoryWatch);
  }

  /**
   * Memory grows fastest while code runs (a flood of objects outside the isolate's heap can add hundreds of
   * MB a second), so the processes of workers with calls in flight are read more often than the rest.
   */
  private watchMemory(): void {
    for (const worker of this.live) {
      if (!worker.ready || worker.ended !== null || worker.inFlight.size === 0) continue;
      const rssMb = processRssMb(worker.child.pid);
      if (rssMb !== null) this.endIfOverMemory(worker, rssMb);
    }
  }

  /** Ends a worker whose process is over the memory ceiling; whether it did. */
  private endIfOverMemory(worker: WorkerProcess, rssMb: number): boolean {
    if (rssMb <= this.processMemoryMb) return false;
    this.actions.end(
      worker,
      `ran out of memory: its process used ${Math.round(rssMb)} MB, over the limit of ${this.processMemoryMb} MB`,
    );
    return true;
  }

  /** Reads each worker's memory and CPU time and ends one that passes the process ceilings. */
  private sample(): void {
    const now = Date.now();
    for (const worker of this.live) {
      if (!worker.ready || worker.ended !== null) continue;
      const usage = processUsage(worker.child.pid);
      if (!usage || this.endIfOverMemory(worker, usage.rssMb)) continue;
      // Memory V8 and isolated-vm keep after a flood of work comes back only with a new process: an idle
      // worker that grew much beyond what it had when loaded gets a successor, which takes over once ready.
      if (
        worker.inFlight.size === 0 &&
        !worker.retiring &&
        !worker.replacing &&
        usage.rssMb - worker.loadedRssMb > LIMITS.pluginWorkerGrowthMb
      ) {
        this.actions.replace(worker);
      }
      // CPU counts against the idle ceiling only for a span in which no call was in flight at all.
      const idleThroughout = worker.idleSince !== null && worker.idleSince <= worker.cpu.at;
      const spent = usage.cpuMs - worker.cpu.ms;
      worker.cpu = { ms: usage.cpuMs, at: now };
      worker.idleCpu = idleThroughout
        ? [...worker.idleCpu, { ms: spent, at: now }].filter((entry) => now - entry.at < IDLE_CPU_WINDOW_MS)
        : [];
      const idleCpuMs = worker.idleCpu.reduce((sum, entry) => sum + entry.ms, 0);
      // A worker starved by a busy machine gets little CPU, but gets some in every sample while it loops;
      // an idle one gets none in most.
      const busyThroughout =
        worker.idleCpu.length >= IDLE_CPU_WINDOW_MS / LIMITS.pluginProcessSampleMs - 1 &&
        worker.idleCpu.every((entry) => entry.ms > 0);
      if (idleCpuMs > LIMITS.pluginIdleCpuMsPerSecond || busyThroughout) {
        this.actions.end(worker, `used ${idleCpuMs} ms of CPU within a second with no call in flight`);
      }
    }
  }
}
