// County baseline: every awarded project with its procedure, amount, valid bid amounts, the
// winner's own bid and its township, for the tender threshold (the amount above which the county
// stops awarding directly), the bid spread per township and how often the lowest bid wins.
MATCH (p:Project)-[aw:AWARDED_TO]->(w:Company)
WITH p, w, coalesce(aw.amount, p.awardAmount) AS amount
RETURN p.method AS method, amount,
       COLLECT { MATCH (p)<-[b:BID]-(:Company) WHERE NOT coalesce(b.disqualified, false) AND b.amount IS NOT NULL RETURN toFloat(b.amount) } AS bids,
       head(COLLECT { MATCH (p)<-[b:BID]-(w) WHERE NOT coalesce(b.disqualified, false) AND b.amount IS NOT NULL RETURN toFloat(b.amount) }) AS own,
       head([(p)-[:IN]->(:Region)-[:PART_OF*0..1]->(t:Region) WHERE t.level = 'township' | t.id]) AS township
