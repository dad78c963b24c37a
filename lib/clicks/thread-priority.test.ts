import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LAG_LIMITS, priorityForLag, setThreadPriority } from "./thread-priority";

/** The calling thread's scheduling policy, as Linux reports it (0 normal, 5 SCHED_IDLE). */
function policy(): number {
  const stat = readFileSync("/proc/thread-self/stat", "utf8");
  // Field 41; the fields after the command name's closing parenthesis start at field 3.
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[38]);
}

describe("the click writer's priority", () => {
  it("yields to requests until its batches arrive five seconds late, then runs normally until they are on time again", () => {
    expect(priorityForLag("background", 0)).toBe("background");
    expect(priorityForLag("background", LAG_LIMITS.toNormalMs - 1)).toBe("background");
    expect(priorityForLag("background", LAG_LIMITS.toNormalMs)).toBe("normal");
    expect(priorityForLag("normal", 2000)).toBe("normal");
    expect(priorityForLag("normal", LAG_LIMITS.toBackgroundMs + 1)).toBe("normal");
    expect(priorityForLag("normal", LAG_LIMITS.toBackgroundMs)).toBe("background");
  });

  it.runIf(process.platform === "linux")("moves the calling thread to SCHED_IDLE and back", () => {
    expect(policy()).toBe(0);
    try {
      expect(setThreadPriority("background")).toBe(true);
      expect(policy()).toBe(5);
    } finally {
      expect(setThreadPriority("normal")).toBe(true);
    }
    expect(policy()).toBe(0);
  });
});
