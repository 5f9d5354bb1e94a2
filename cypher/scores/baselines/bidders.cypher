// County baseline: preparers and deposit accounts that serve two or more bidding companies, with
// how many. A bidding agency preparing the bids of a dozen firms, or paying their deposits, ties any
// two of them weakly.
MATCH (c:Company)-[b:BID]->(:Project)
WHERE b.preparer IS NOT NULL
WITH b.preparer AS value, count(DISTINCT c) AS companies
WHERE companies >= 2
RETURN 'preparer' AS kind, value, companies
UNION ALL
MATCH (c:Company)-[b:BID]->(:Project)
WHERE b.depositAccount IS NOT NULL
WITH b.depositAccount AS value, count(DISTINCT c) AS companies
WHERE companies >= 2
RETURN 'deposit' AS kind, value, companies
