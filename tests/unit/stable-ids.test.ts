// Stable community ids: carried over on a majority of members that had one, fresh above the counter otherwise.
import { describe, expect, it } from "vitest";
import { assignStableIds } from "../../services/analytics/communities/stable-ids.ts";

const prev = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe("assignStableIds", () => {
  it("numbers a first run from 1 (or above the stored counter)", () => {
    expect(assignStableIds([["a", "b"], ["c", "d"]], new Map())).toEqual({ ids: [1, 2], kept: [false, false], maxIssued: 2 });
    expect(assignStableIds([["a", "b"]], new Map(), 40)).toEqual({ ids: [41], kept: [false], maxIssued: 41 });
  });

  it("keeps ids when nothing changed, whatever the order of the communities", () => {
    const previous = prev({ a: 7, b: 7, c: 3, d: 3, e: 3 });
    expect(assignStableIds([["c", "d", "e"], ["a", "b"]], previous, 9)).toEqual({ ids: [3, 7], kept: [true, true], maxIssued: 9 });
    expect(assignStableIds([["a", "b"], ["c", "d", "e"]], previous, 9).ids).toEqual([7, 3]);
  });

  it("keeps the id when most members that had an id carry it, ignoring newcomers", () => {
    // 2 of the 3 members with an id were in 5; the 4 newcomers do not count.
    const previous = prev({ a: 5, b: 5, c: 6 });
    expect(assignStableIds([["a", "b", "c", "n1", "n2", "n3", "n4"]], previous, 6).ids).toEqual([5]);
  });

  it("needs more than half: a tie between two old ids gives a fresh id", () => {
    const previous = prev({ a: 1, b: 1, c: 2, d: 2 });
    expect(assignStableIds([["a", "b", "c", "d"]], previous, 2)).toEqual({ ids: [3], kept: [false], maxIssued: 3 });
  });

  it("gives a fresh id to a community of newcomers only", () => {
    expect(assignStableIds([["x", "y"]], prev({ a: 4 }), 4).ids).toEqual([5]);
  });

  it("gives a split community's id to its largest part; the other part gets a fresh id", () => {
    const previous = prev({ a: 1, b: 1, c: 1, d: 1, e: 1 });
    const result = assignStableIds([["d", "e"], ["a", "b", "c"]], previous, 1);
    expect(result.ids).toEqual([2, 1]);
    expect(result.kept).toEqual([false, true]);
  });

  it("on equal sizes, prefers the community with more carried-over members", () => {
    const previous = prev({ a: 1, b: 1, c: 1, d: 1 });
    // Both are 100 % old-1 by the members that had an id, both of size 3; the second has 3 of them.
    const result = assignStableIds([["a", "n1", "n2"], ["b", "c", "d"]], previous, 1);
    expect(result.ids).toEqual([2, 1]);
  });

  it("lets two merged communities keep the larger contributor's id and retires the other", () => {
    const previous = prev({ a: 1, b: 1, c: 1, d: 2, e: 2 });
    expect(assignStableIds([["a", "b", "c", "d", "e"]], previous, 2)).toEqual({ ids: [1], kept: [true], maxIssued: 2 });
  });

  it("never reissues an id: fresh ids start above both the counter and every previous id", () => {
    expect(assignStableIds([["x", "y"]], prev({ a: 12 }), 3).ids).toEqual([13]);
    expect(assignStableIds([["x", "y"]], prev({ a: 2 }), 30)).toEqual({ ids: [31], kept: [false], maxIssued: 31 });
    // A dissolved community's id (8) stays retired.
    expect(assignStableIds([["x", "y"]], new Map(), 8).ids).toEqual([9]);
  });

  it("uses each old id once and numbers fresh ids in input order", () => {
    const previous = prev({ a: 1, b: 1, c: 1, d: 1, e: 1, f: 1 });
    const result = assignStableIds([["a", "b"], ["c", "d", "e"], ["f", "g"], ["h", "i"]], previous, 1);
    expect(result.ids).toEqual([2, 1, 3, 4]);
    expect(new Set(result.ids).size).toBe(4);
    expect(result.maxIssued).toBe(4);
  });

  it("is a pure function: same input, same output, inputs untouched", () => {
    const communities = [["a", "b", "c"], ["d", "e"]];
    const previous = prev({ a: 3, b: 3, d: 9 });
    const copy = structuredClone(communities);
    const first = assignStableIds(communities, previous, 9);
    expect(assignStableIds(communities, previous, 9)).toEqual(first);
    expect(communities).toEqual(copy);
    expect([...previous]).toEqual([["a", 3], ["b", 3], ["d", 9]]);
    expect(first).toEqual({ ids: [3, 9], kept: [true, true], maxIssued: 9 });
  });

  it("handles no communities", () => {
    expect(assignStableIds([], prev({ a: 5 }), 2)).toEqual({ ids: [], kept: [], maxIssued: 5 });
  });
});
