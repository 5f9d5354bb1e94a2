// County baseline: how many persons and companies hold each phone, address and bank account, as a
// histogram per kind (degree → identifiers). An identifier held by many (an agent's address, an
// accountant's phone, a village office) ties its holders weakly; the scores stage weighs a shared
// identifier's degree against this county's.
CALL () {
  MATCH (x:Phone) RETURN 'phone' AS kind, x
  UNION ALL
  MATCH (x:Address) RETURN 'address' AS kind, x
  UNION ALL
  MATCH (x:Account) RETURN 'account' AS kind, x
}
WITH kind, COUNT { (x)<-[:HAS]-(y) WHERE y:Person OR y:Company } AS degree
WHERE degree > 0
RETURN kind, degree, count(*) AS identifiers
ORDER BY kind, degree
