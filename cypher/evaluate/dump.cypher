// The first 300 scored persons and companies with the alerts they answer for (flag, evidence in
// nats, county discount, minor part), for `npm run evaluate -- --dump`.
MATCH (e:Entity)
WHERE (e:Person OR e:Company) AND e.riskScore IS NOT NULL
WITH e ORDER BY e.riskScore DESC, e.id LIMIT 300
RETURN e.id AS id, e.riskScore AS score,
       COLLECT { MATCH (a:Alert {active: true})-[on:ON]->(e)
                 RETURN {flag: a.flag, llr: a.llr, discount: a.discount, minor: on.minor} } AS alerts
