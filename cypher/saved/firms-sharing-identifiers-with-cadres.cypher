// name: firms-sharing-identifiers-with-cadres
// title: Firms that share a phone, address or bank account with a cadre
// title_zh: 与干部共用电话、地址或银行账户的企业
// description: >
//   A cadre, or a relative of the cadre (one KIN tie), holds the same phone, address or bank account
//   as a company or one of its officers, although no kinship, shared household or role of the owner
//   in the firm explains it. Identifiers held by many owners (switchboards, apartment blocks) are
//   skipped. `wins` counts the firm's projects that the cadre approved or that lay in the cadre's
//   region during the post.
// schemes: [HIDDEN_TIE]
// graph: true
// parameters:
//   maxSharers: { type: integer, default: 10, min: 2, max: 1000, description: "identifiers with more owners than this are ignored" }
//   roles: { type: list, items: string, default: [legal_rep, shareholder, director, supervisor, manager], description: "company roles that make a person an officer" }
//   limit: { type: integer, default: 500, min: 1, max: 5000, description: "most rows returned" }
MATCH (cadre:Cadre)
CALL (cadre) {
  RETURN cadre AS owner, 'self' AS relation
  UNION
  MATCH (cadre)-[k:KIN]-(owner:Person)
  RETURN owner, k.relation AS relation
}
MATCH (owner)-[h1:HAS]->(identifier)
WHERE (identifier:Phone OR identifier:Address OR identifier:Account)
  AND COUNT { (identifier)<-[:HAS]-() } <= $maxSharers
CALL (owner, identifier) {
  MATCH (identifier)<-[h2:HAS]-(company:Company)
  RETURN company, null AS officer, [h2] AS via
  UNION
  MATCH (identifier)<-[h2:HAS]-(officer:Person)-[ro:ROLE_IN]->(company:Company)
  WHERE officer <> owner AND ro.role IN $roles
  RETURN company, officer, [h2, ro] AS via
}
WITH cadre, owner, relation, identifier, h1, company, officer, via
WHERE NOT EXISTS { (owner)-[:ROLE_IN]->(company) }
  AND (officer IS NULL OR NOT EXISTS { (officer)-[:KIN]-(owner) })
  AND (officer IS NULL OR NOT EXISTS { (officer)-[:MEMBER_OF]->(:Household)<-[:MEMBER_OF]-(owner) })
  AND (officer IS NULL OR NOT EXISTS { (officer)-[:KIN]-(cadre) })
// One row per cadre, identifier and counterpart; the cadre's own tie before a relative's.
WITH cadre, identifier, company, officer, collect({owner: owner, relation: relation, links: [h1] + via}) AS owners
WITH cadre, identifier, company, officer, owners,
     [o IN owners WHERE o.relation = 'self'] + [o IN owners WHERE o.relation <> 'self'] AS ranked,
     COLLECT {
       MATCH (p:Project)-[:AWARDED_TO]->(company)
       WHERE EXISTS { (cadre)-[:APPROVED]->(p) }
          OR EXISTS { MATCH (cadre)-[:HOLDS_POST]->(pr:Region) WHERE (p)-[:IN]->(pr) OR EXISTS { (p)-[:IN]->(:Region)-[:PART_OF]->(pr) } }
       RETURN p.id ORDER BY p.id
     } AS projectIds
RETURN cadre.id AS cadreId, cadre.name AS cadre,
       [o IN ranked | o.owner.id] AS ownerIds, [o IN ranked | o.relation] AS ownerRelations,
       head([l IN labels(identifier) WHERE l <> 'Entity']) AS identifierKind, coalesce(identifier.value, identifier.id) AS identifier,
       company.id AS companyId, company.name AS company, officer.id AS officerId, officer.name AS officer,
       COLLECT { MATCH (o:Person)-[r:ROLE_IN]->(company) WHERE r.role IN $roles RETURN DISTINCT o.id } AS companyOfficers,
       size(projectIds) AS wins, projectIds,
       head(ranked).links AS links
ORDER BY wins DESC, cadreId, companyId
LIMIT $limit
