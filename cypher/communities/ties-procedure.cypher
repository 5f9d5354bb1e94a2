// The projection's ties from the local server's own procedure (services/neo4j/src/main/java/county/
// CommunityTies.java): the same ties as project-page.cypher, packed. The first records name the
// persons and companies in id order (keys, their internal ids as float64 in `nodes`, their current
// communityId as int32 in `communities`, -1 for none: the previous run's assignment); the
// rest carry ties between those positions (int32 `sources` and `targets`, float64 `weights`).
// Arrays are little-endian in base64 text, which the driver decodes far faster than Bolt bytes.
//   $weights: {KIN, ROLE_IN, SHARED_IDENTIFIER, APPROVED, AWARDED_TO, TRANSFER}
//   $identifierCap: identifiers (Phone, Address, Account) with more owners tie nobody
//   $chunk: entities or ties per record
CALL county.communities.ties($weights, $identifierCap, $chunk)
YIELD keys, nodes, communities, sources, targets, weights
RETURN keys, nodes, communities, sources, targets, weights
