// name: ties-between-entities
// title: Shortest ties between two entities
// title_zh: 两个对象之间的最短关联路径
// description: >
//   All shortest paths of at most maxHops (up to 6) between two entities, e.g. a cadre and a
//   contractor, over kinship, posts, roles, shared identifiers, approvals, awards, bids, grants and
//   transfers. Identifiers held by more than maxSharers owners are not crossed.
// graph: true
// parameters:
//   fromId: { type: string, required: true, description: "id of the first entity" }
//   toId: { type: string, required: true, description: "id of the second entity" }
//   maxHops: { type: integer, default: 4, min: 1, max: 6, description: "longest path" }
//   maxSharers: { type: integer, default: 10, min: 2, max: 1000, description: "identifiers with more owners than this are not crossed" }
//   limit: { type: integer, default: 25, min: 1, max: 200, description: "most paths returned" }
MATCH (a:Entity {id: $fromId}), (b:Entity {id: $toId})
MATCH p = allShortestPaths((a)-[:KIN|HOLDS_POST|ROLE_IN|HAS|APPROVED|AWARDED_TO|BID|PAID_TO|PAID_INTO|TRANSFER|MEMBER_OF|LIVES_IN*..6]-(b))
WHERE length(p) <= $maxHops
  AND all(n IN nodes(p)[1..-1] WHERE NOT (n:Phone OR n:Address OR n:Account) OR COUNT { (n)<-[:HAS]-() } <= $maxSharers)
  AND all(n IN nodes(p)[1..-1] WHERE NOT n:Region)
RETURN length(p) AS hops, [n IN nodes(p) | coalesce(n.id, n.value)] AS nodeIds,
       [r IN relationships(p) | type(r)] AS types, p AS path
LIMIT $limit
