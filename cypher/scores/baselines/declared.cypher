// County baseline: the relations of cadres, and how many of them were declared to the supervisor.
MATCH (:Cadre)-[k:KIN]-()
RETURN count(DISTINCT k) AS relations, count(DISTINCT CASE WHEN coalesce(k.declared, false) THEN k END) AS declared
