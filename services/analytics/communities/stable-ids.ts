// Stable community ids: a new community keeps the id of the previous run's community that holds
// most of its members (those that had an id); the others get fresh ids above any issued before.

export interface StableIds {
  /** The id of each community, aligned with the input. */
  ids: number[];
  /** Which of them carried over from the previous run. */
  kept: boolean[];
  /** The highest id ever issued, this run's fresh ids included: store it for the next run. */
  maxIssued: number;
}

/**
 * `communities` hold member keys; `previous` maps a member to the id it had; `maxIssued` is the
 * highest id issued by any earlier run (ids are never reused, even after a community dissolved).
 *
 * A community claims the old id held by more than half of its members that had an id. Claims are
 * served greedily, largest community first (then the one with more carried-over members, then
 * input order); each old id goes to one community. Communities without a claim, or whose claim
 * was taken, get fresh ids in input order, starting above both `maxIssued` and every id in
 * `previous`.
 */
export function assignStableIds(
  communities: readonly (readonly string[])[],
  previous: ReadonlyMap<string, number>,
  maxIssued = 0,
): StableIds {
  const claims: { index: number; id: number; votes: number; size: number }[] = [];
  communities.forEach((members, index) => {
    const votes = new Map<number, number>();
    let withId = 0;
    for (const member of members) {
      const id = previous.get(member);
      if (id === undefined) continue;
      withId += 1;
      votes.set(id, (votes.get(id) ?? 0) + 1);
    }
    let best: number | undefined;
    let bestVotes = 0;
    for (const [id, n] of votes) {
      if (n > bestVotes || (n === bestVotes && best !== undefined && id < best)) {
        best = id;
        bestVotes = n;
      }
    }
    if (best !== undefined && bestVotes * 2 > withId) claims.push({ index, id: best, votes: bestVotes, size: members.length });
  });
  claims.sort((a, b) => b.size - a.size || b.votes - a.votes || a.index - b.index);

  const ids = new Array<number>(communities.length).fill(-1);
  const kept = new Array<boolean>(communities.length).fill(false);
  const used = new Set<number>();
  for (const claim of claims) {
    if (used.has(claim.id)) continue;
    used.add(claim.id);
    ids[claim.index] = claim.id;
    kept[claim.index] = true;
  }

  let next = maxIssued;
  for (const id of previous.values()) if (id > next) next = id;
  for (let i = 0; i < ids.length; i += 1) if (ids[i] === -1) ids[i] = ++next;
  return { ids, kept, maxIssued: next };
}
