// How many persons and companies there are (from the count store): whether the API's risk view
// holds their directory in memory.
CALL () {
  MATCH (n:Person) RETURN count(n) AS c
  UNION ALL
  MATCH (n:Company) RETURN count(n) AS c
}
RETURN sum(c) AS size
