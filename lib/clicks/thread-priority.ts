import { execFileSync } from "node:child_process";
import { readlinkSync } from "node:fs";

/**
 * How the click writer's thread is scheduled. "background" is Linux's
 * SCHED_IDLE class: the thread runs on a core nothing else wants, and a
 * request that wakes the server takes the core back at once.
 *
 * Why not a nice value: a niced thread keeps the core until its time slice
 * ends (the kernel's scheduler lets the running task reach its slice before a
 * waking one preempts it), so a visit could wait a few milliseconds behind
 * the writer. With the writer at nice 19, `npm run bench:bio` did not move;
 * with SCHED_IDLE its p99 went from 1.98× to 1.76× the ceiling's (means of five
 * runs without and six with, alternating, the same hour).
 */
export type ThreadPriority = "background" | "normal";

/**
 * Moves the calling thread to a priority, with util-linux's chrt (Node has no
 * call for sched_setscheduler). True when it took; on a system without
 * /proc/thread-self or chrt, nothing changes and the writer runs as before.
 */
export function setThreadPriority(priority: ThreadPriority): boolean {
  try {
    const tid = readlinkSync("/proc/thread-self").split("/").pop() ?? "";
    execFileSync("chrt", [priority === "background" ? "--idle" : "--other", "--pid", "0", tid], { stdio: "ignore", timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * A background thread gets the CPU only when a core is free. When the server
 * keeps both cores busy for long, the writer would fall behind without end,
 * and the clicks waiting for it would pile up in memory. So it watches its
 * lag, how long a batch waited between leaving the main thread and reaching
 * it. A write of two seconds' clicks holds the thread for about half a second
 * under load (and batches wait meanwhile), so a lag of five seconds means it
 * is really behind: it then runs as a normal thread until a batch reaches it
 * within 100 ms. (Each switch starts chrt, a few milliseconds: the band keeps
 * it from switching at every write.)
 */
export const LAG_LIMITS = { toNormalMs: 5000, toBackgroundMs: 100 } as const;

export function priorityForLag(current: ThreadPriority, lagMs: number): ThreadPriority {
  if (current === "background" && lagMs >= LAG_LIMITS.toNormalMs) return "normal";
  if (current === "normal" && lagMs <= LAG_LIMITS.toBackgroundMs) return "background";
  return current;
}
