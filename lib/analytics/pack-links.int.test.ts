import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { makeUser } from "@/tests/factories";
import { numberLinks, packLinkIds } from "./pack-links";

// Day packs name a workspace's links by number: a number, once given, must
// name the same link for good, in every instance, and a link must never have
// two, even when two instances number the same new links at once.

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe("a workspace's link numbers", () => {
  it("numbers links from 1 up, keeps each number, numbers a new link above, and reads them back by number", async () => {
    const user = await makeUser("packlinks");
    const ws = await createWorkspace(user.id, { name: "Pack links" });
    const other = await createWorkspace(user.id, { name: "Other pack links" });

    const first = await numberLinks(ws.id, ["a", "b", "c"]);
    expect([...first.values()].sort()).toEqual([1, 2, 3]);
    // Another workspace numbers its own links from 1 too.
    expect((await numberLinks(other.id, ["x", "a"])).get("a")).toBeLessThanOrEqual(2);

    const again = await numberLinks(ws.id, ["c", "d", "a"]);
    for (const id of ["a", "b", "c"]) expect(again.get(id)).toBe(first.get(id));
    expect(again.get("d")).toBe(4);

    const byNumber = await packLinkIds(ws.id, 5);
    expect(byNumber[0]).toBeNull();
    for (const [id, n] of again) expect(byNumber[n]).toBe(id);
    expect(byNumber).toHaveLength(5);
  });

  it("reads the numbers again when a pack names one given since", async () => {
    const user = await makeUser("packlinks-later");
    const ws = await createWorkspace(user.id, { name: "Pack links later" });
    await numberLinks(ws.id, ["one"]);
    expect(await packLinkIds(ws.id, 2)).toEqual([null, "one"]);
    // Another instance numbers a link; this one's list, read before, does not have it.
    await db().clickPackLink.create({ data: { workspaceId: ws.id, n: 2, linkId: "two" } });
    expect(await packLinkIds(ws.id, 2)).toEqual([null, "one"]);
    expect(await packLinkIds(ws.id, 3)).toEqual([null, "one", "two"]);
  });

  it("gives each link one number when instances number the same new links at once", async () => {
    const user = await makeUser("packlinks-race");
    const ws = await createWorkspace(user.id, { name: "Pack links race" });
    // More than a statement's rows, overlapping: each call chooses numbers from 1 before the others have written theirs.
    const asked = [ids("l", 700), ids("l", 1_200).slice(300), [...ids("m", 50), ...ids("l", 10)]];
    const got = await Promise.all(asked.map((list) => numberLinks(ws.id, list)));
    const stored = await db().clickPackLink.findMany({ where: { workspaceId: ws.id } });
    const all = new Set(asked.flat());
    expect(stored).toHaveLength(all.size);
    expect(new Set(stored.map((r) => r.linkId))).toEqual(all);
    // Each number once, from 1 (a number a lost race chose may stay unused: no pack names it).
    expect(new Set(stored.map((r) => r.n)).size).toBe(all.size);
    expect(Math.min(...stored.map((r) => r.n))).toBe(1);
    // Each call answers the stored number of every link it asked for.
    const number = new Map(stored.map((r) => [r.linkId, r.n]));
    asked.forEach((list, x) => {
      for (const id of list) expect(got[x]!.get(id)).toBe(number.get(id));
    });
  });
});
