// Creates or updates one (:Community) per community of this run and counts its members by type
// through the entity_community index: $communities = [{id, size, modularity}], where modularity
// is the community's share of the run's modularity (null when the engine does not report it).
// Persons include cadres. Properties set by later stages (risk scores) are kept.
UNWIND $communities AS c
MERGE (k:Community {id: toInteger(c.id)})
  ON CREATE SET k.createdAt = datetime(), k.createdRunId = $runId
SET k.size = toInteger(c.size),
    k.modularity = c.modularity,
    k.runId = $runId,
    k.runModularity = $modularity,
    k.updatedAt = datetime()
WITH k
CALL (k) {
  MATCH (m:Entity {communityId: k.id})
  RETURN sum(CASE WHEN m:Person THEN 1 ELSE 0 END) AS persons,
         sum(CASE WHEN m:Cadre THEN 1 ELSE 0 END) AS cadres,
         sum(CASE WHEN m:Company THEN 1 ELSE 0 END) AS companies
}
SET k.persons = persons, k.cadres = cadres, k.companies = companies
RETURN count(k) AS communities
