import { readFileSync } from 'node:fs';

/** Linux counts CPU time in /proc in clock ticks of 10 ms (USER_HZ is 100 on every Linux platform). */
const MS_PER_CLOCK_TICK = 10;

/**
 * A process's resident memory and CPU time (all its threads, the isolates' included) from /proc, read from
 * outside, so a worker stuck in a built-in is measured all the same; null where /proc cannot tell.
 */
export function processUsage(pid: number | undefined): { rssMb: number; cpuMs: number } | null {
  if (pid === undefined) return null;
  try {
    const rssMb = processRssMb(pid);
    // The fields after the command name, which is in parentheses and may itself hold spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, fields 14 and 15 of stat(5), are the 12th and 13th after the name.
    const ticks = Number(fields[11]) + Number(fields[12]);
    if (rssMb === null || !Number.isFinite(ticks)) return null;
    return { rssMb, cpuMs: ticks * MS_PER_CLOCK_TICK };
  } catch {
    return null; // It has just exited.
  }
}

/** A process's resident memory alone, the cheaper read for watching a call that is running. */
export function processRssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const rssKb = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Number.isFinite(rssKb) ? rssKb / 1024 : null;
  } catch {
    return null; // It has just exited.
  }
}
