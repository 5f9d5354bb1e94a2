// id: COLLUSION_RING
// title: Network of cadres, contractors or beneficiaries with many alerts
// title_zh: 团伙
// typology: COLLUSION_RING
// description: >
//   A community (from community detection) whose members carry at least minAlerts active alerts of
//   other flags (dismissed ones do not count), and whose members flagged by a scheme (not only named
//   in leads such as tips and prior cases) include a cadre and a company or a grant beneficiary.
//   Confidence measures how many schemes converge on one cadre: the distinct scheme flags among the
//   alerts on a flagged cadre and on everyone named together with that cadre in an alert, for the
//   best cadre: four or more 1.0, three 0.8, two 0.6, else 0.4. Subjects: the members flagged by a
//   scheme; money: the sum of the distinct alerts' amounts. A weak scheme alert (score below
//   minMemberScore: a declared relative's grant, a relative's universal entitlement) counts towards
//   minAlerts like a lead, but neither makes its subjects members of the ring nor adds to the
//   confidence, so the ring does not lend its weight to bystanders the inquiry would clear.
//   A community larger than maxSize (at county scale Louvain gives township-sized communities of
//   families tied by kinship, thousands of members) is too diffuse to call a ring as a whole: there
//   each flagged cadre's circle is scored instead, the cadre, the members of the community named
//   with the cadre in a scheme alert and those named with them (two alert hops), under the same
//   rules plus at least circleMinSpread schemes converging on that cadre. Not flagged: a community
//   (or circle) whose cadres carry no scheme alert, a cadre's family without a flagged company or
//   beneficiary, too few alerts, or a circle in a large community on which too few schemes converge.
// weight: 0.3
// stage: after_communities
// parameters:
//   minAlerts: { type: integer, default: 3, min: 1, max: 1000, description: "fewest active alerts of other flags on the community's (or circle's) members" }
//   maxSize: { type: integer, default: 1000, min: 2, description: "largest community size (members) scored as a whole; in larger ones each flagged cadre's circle is scored" }
//   circleMinSpread: { type: integer, default: 4, min: 1, max: 20, description: "fewest distinct schemes converging on the cadre of a circle in a community larger than maxSize" }
//   leadFlags: { type: list, default: [TIP, PRIOR_CASE], description: "flags that are leads rather than schemes: they count towards minAlerts, not towards the confidence" }
//   minMemberScore: { type: number, default: 0.3, min: 0, max: 1, description: "lowest alert score (weight × confidence) of a scheme alert that makes its subjects ring members" }

// Communities with enough alerts, found from the alerts (few) rather than the members (many).
MATCH (a:Alert {active: true})-[:ON]->(m)
WHERE a.flag <> 'COLLUSION_RING' AND coalesce(a.status, 'new') <> 'dismissed'
  AND m.communityId IS NOT NULL AND (m:Person OR m:Company)
// Members flagged by a scheme, not only named in leads.
WITH m.communityId AS cid, collect(DISTINCT a) AS alerts,
     collect(DISTINCT CASE WHEN NOT a.flag IN $leadFlags AND a.score >= $minMemberScore THEN m END) AS flagged
WHERE size(alerts) >= $minAlerts
  AND any(m IN flagged WHERE m:Cadre)
  AND any(m IN flagged WHERE m:Company OR EXISTS { (m)<-[:PAID_TO]-(:Grant) })
OPTIONAL MATCH (cm:Community {id: cid})
WITH cid, cm, alerts, flagged, coalesce(cm.size, 0) > $maxSize AS large
// The candidate rings: a community up to maxSize as a whole (focus null); in a larger one, the
// circle of each flagged cadre (focus), with the alerts on the circle's members.
CALL (cid, large, alerts, flagged) {
  WITH large, alerts, flagged WHERE NOT large
  RETURN null AS focus, alerts AS ringAlerts, flagged AS ring
  UNION ALL
  WITH cid, large, flagged WHERE large
  UNWIND [m IN flagged WHERE m:Cadre] AS k
  CALL (k, cid) {
    OPTIONAL MATCH (k)<-[:ON]-(a1:Alert {active: true})-[:ON]->(o1)
    WHERE NOT a1.flag IN $leadFlags AND a1.flag <> 'COLLUSION_RING' AND coalesce(a1.status, 'new') <> 'dismissed'
      AND a1.score >= $minMemberScore
      AND o1.communityId = cid AND (o1:Person OR o1:Company)
    WITH DISTINCT o1
    OPTIONAL MATCH (o1)<-[:ON]-(a2:Alert {active: true})-[:ON]->(o2)
    WHERE NOT a2.flag IN $leadFlags AND a2.flag <> 'COLLUSION_RING' AND coalesce(a2.status, 'new') <> 'dismissed'
      AND a2.score >= $minMemberScore
      AND o2.communityId = cid AND (o2:Person OR o2:Company)
    UNWIND [k, o1, o2] AS m
    WITH DISTINCT m
    WHERE m IS NOT NULL
    RETURN collect(m) AS circle
  }
  CALL (circle) {
    UNWIND circle AS m
    MATCH (m)<-[:ON]-(b:Alert {active: true})
    WHERE b.flag <> 'COLLUSION_RING' AND coalesce(b.status, 'new') <> 'dismissed'
    RETURN collect(DISTINCT b) AS circleAlerts
  }
  WITH k, circle, circleAlerts
  WHERE size(circleAlerts) >= $minAlerts
    AND any(m IN circle WHERE m:Company OR EXISTS { (m)<-[:PAID_TO]-(:Grant) })
  RETURN k AS focus, circleAlerts AS ringAlerts, circle AS ring
}
// The schemes converging on one cadre: flags on the cadre and on those named with the cadre.
CALL (focus, ringAlerts, ring) {
  UNWIND CASE WHEN focus IS NULL THEN [m IN ring WHERE m:Cadre] ELSE [focus] END AS k
  CALL (k, ringAlerts) {
    MATCH (k)<-[:ON]-(a:Alert)-[:ON]->(o)
    WHERE a IN ringAlerts AND a.score >= $minMemberScore
    WITH DISTINCT o
    MATCH (o)<-[:ON]-(b:Alert)
    WHERE b IN ringAlerts AND NOT b.flag IN $leadFlags AND b.score >= $minMemberScore
    RETURN count(DISTINCT b.flag) AS spread
  }
  RETURN max(spread) AS spread
}
WITH cid, cm, focus, ringAlerts AS alerts, ring, spread
WHERE focus IS NULL OR spread >= $circleMinSpread
WITH cid, cm, focus, alerts, spread,
     COLLECT { UNWIND alerts AS a RETURN DISTINCT a.flag AS flag ORDER BY flag } AS flags,
     COLLECT { UNWIND ring AS m RETURN m ORDER BY m.id } AS members
// Direct ties between the flagged members, for the explorer to draw.
CALL (members) {
  UNWIND members AS x
  MATCH (x)-[r]-(y)
  WHERE y IN members AND elementId(x) < elementId(y)
  RETURN collect(DISTINCT r) AS ties
}
WITH cid, cm, focus, alerts, spread, flags, members, ties,
     size([m IN members WHERE m:Cadre]) AS cadres, size([m IN members WHERE m:Company]) AS companies,
     round(reduce(s = 0.0, a IN alerts | s + coalesce(a.amount, 0.0)), 2) AS amount
RETURN toString(toInteger(cid)) + coalesce('-' + focus.id, '') AS key,
       members AS subjects,
       [] AS parties,
       [] AS minor,
       toString(toInteger(cid)) + coalesce('-' + focus.id, '') AS group,
       {spread: spread, members: size(members)} AS facts,
       [cm] + members AS nodes,
       ties AS rels,
       amount,
       CASE
         WHEN spread >= 4 THEN 1.0
         WHEN spread = 3 THEN 0.8
         WHEN spread = 2 THEN 0.6
         ELSE 0.4
       END AS confidence,
       CASE WHEN focus IS NULL THEN '' ELSE 'In ' END
         + 'Community ' + toString(toInteger(cid)) + coalesce(' (' + toString(cm.size) + ' members)', '')
         + coalesce(', too large to be one ring, the circle of cadre ' + coalesce(focus.name, '') + ' (' + focus.id + ')', '')
         + ' holds ' + toString(size(members)) + ' flagged members (' + toString(cadres) + ' cadres, ' + toString(companies) + ' companies: '
         + reduce(s = '', m IN members | s + CASE WHEN s = '' THEN '' ELSE ', ' END + coalesce(m.name, '') + ' (' + m.id + ')')
         + ') with ' + toString(size(alerts)) + ' alerts of ' + toString(size(flags)) + ' kinds ('
         + reduce(s = '', f IN flags | s + CASE WHEN s = '' THEN '' ELSE ', ' END + f) + '); '
         + toString(spread) + ' schemes converge on one cadre; ' + toString(toInteger(amount)) + ' yuan at stake' AS summary
