// The nodes with these element ids (endpoints of relationships a saved query returned without them).
UNWIND $ids AS eid
MATCH (n) WHERE elementId(n) = eid
RETURN n
