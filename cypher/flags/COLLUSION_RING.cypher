// id: COLLUSION_RING
// title: Network of cadres, contractors or beneficiaries with many alerts
// title_zh: 团伙
// typology: collusion_ring
// description: >
//   A community (from community detection) whose members carry at least minAlerts active alerts of
//   other flags (dismissed ones do not count), and whose members flagged by a scheme (not only named
//   in leads such as tips and prior cases) include a cadre and a company or a grant beneficiary.
//   Confidence measures how many schemes converge on one cadre: the distinct scheme flags among the
//   alerts on a flagged cadre and on everyone named together with that cadre in an alert, for the
//   best cadre: four or more 1.0, three 0.8, two 0.6, else 0.4. Subjects: the members flagged by a
//   scheme; money: the sum of the distinct alerts' amounts. Not flagged: a community whose cadres
//   carry no scheme alert, a cadre's family without a flagged company or beneficiary, too few
//   alerts, or a community larger than maxSize, too diffuse to call a ring.
// weight: 0.6
// stage: after_communities
// parameters:
//   minAlerts: { type: integer, default: 3, min: 1, max: 1000, description: "fewest active alerts of other flags on the community's members" }
//   maxSize: { type: integer, default: 1000, min: 2, description: "largest community size (members) still considered" }
//   leadFlags: { type: list, default: [TIP, PRIOR_CASE], description: "flags that are leads rather than schemes: they count towards minAlerts, not towards the confidence" }

// Communities with enough alerts, found from the alerts (few) rather than the members (many).
MATCH (a:Alert {active: true})-[:ON]->(m)
WHERE a.flag <> 'COLLUSION_RING' AND coalesce(a.status, 'new') <> 'dismissed'
  AND m.communityId IS NOT NULL AND (m:Person OR m:Company)
// Members flagged by a scheme, not only named in leads.
WITH m.communityId AS cid, collect(DISTINCT a) AS alerts,
     collect(DISTINCT CASE WHEN NOT a.flag IN $leadFlags THEN m END) AS flagged
WHERE size(alerts) >= $minAlerts
  AND any(m IN flagged WHERE m:Cadre)
  AND any(m IN flagged WHERE m:Company OR EXISTS { (m)<-[:PAID_TO]-(:Grant) })
OPTIONAL MATCH (cm:Community {id: cid})
WITH cid, alerts, flagged, cm
WHERE cm IS NULL OR coalesce(cm.size, 0) <= $maxSize
// The schemes converging on one cadre: flags on the cadre and on those named with the cadre.
CALL (alerts, flagged) {
  UNWIND [m IN flagged WHERE m:Cadre] AS k
  CALL (k, alerts) {
    MATCH (k)<-[:ON]-(a:Alert)-[:ON]->(o)
    WHERE a IN alerts
    WITH DISTINCT o
    MATCH (o)<-[:ON]-(b:Alert)
    WHERE b IN alerts AND NOT b.flag IN $leadFlags
    RETURN count(DISTINCT b.flag) AS spread
  }
  RETURN max(spread) AS spread
}
WITH cid, cm, alerts, spread,
     COLLECT { UNWIND alerts AS a RETURN DISTINCT a.flag AS flag ORDER BY flag } AS flags,
     COLLECT { UNWIND flagged AS m RETURN m ORDER BY m.id } AS members
// Direct ties between the flagged members, for the explorer to draw.
CALL (members) {
  UNWIND members AS x
  MATCH (x)-[r]-(y)
  WHERE y IN members AND elementId(x) < elementId(y)
  RETURN collect(DISTINCT r) AS ties
}
WITH cid, cm, alerts, spread, flags, members, ties,
     size([m IN members WHERE m:Cadre]) AS cadres, size([m IN members WHERE m:Company]) AS companies,
     round(reduce(s = 0.0, a IN alerts | s + coalesce(a.amount, 0.0)), 2) AS amount
RETURN toString(toInteger(cid)) AS key,
       members AS subjects,
       [cm] + members AS nodes,
       ties AS rels,
       amount,
       CASE
         WHEN spread >= 4 THEN 1.0
         WHEN spread = 3 THEN 0.8
         WHEN spread = 2 THEN 0.6
         ELSE 0.4
       END AS confidence,
       'Community ' + toString(toInteger(cid)) + coalesce(' (' + toString(cm.size) + ' members)', '') + ' holds '
         + toString(size(members)) + ' flagged members (' + toString(cadres) + ' cadres, ' + toString(companies) + ' companies: '
         + reduce(s = '', m IN members | s + CASE WHEN s = '' THEN '' ELSE ', ' END + coalesce(m.name, '') + ' (' + m.id + ')')
         + ') with ' + toString(size(alerts)) + ' alerts of ' + toString(size(flags)) + ' kinds ('
         + reduce(s = '', f IN flags | s + CASE WHEN s = '' THEN '' ELSE ', ' END + f) + '); '
         + toString(spread) + ' schemes converge on one cadre; ' + toString(toInteger(amount)) + ' yuan at stake' AS summary
