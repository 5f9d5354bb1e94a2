// What the scores stage needs to know of the entities named in alerts: type, name, community, and
// the regions (with those above them) they live or are registered in.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id,
       toLower(head([l IN labels(e) WHERE NOT l IN ['Entity', 'Cadre']])) AS type,
       coalesce(e.name, e.id) AS name,
       e.communityId AS community,
       COLLECT { MATCH (e)-[:LIVES_IN|REGISTERED_IN]->(:Region)-[:PART_OF*0..3]->(r:Region) RETURN DISTINCT r.id } AS regions
