// API ids of graph nodes: an entity's own id, or `phone:<value>` / `address:<value>` for the shared
// identifier nodes that have no id of their own.
export interface NodeRef {
  key: string;
  id: string;
  phone: string | null;
  address: string | null;
}

export function nodeRef(key: string): NodeRef {
  return {
    key,
    id: key,
    phone: key.startsWith("phone:") ? key.slice("phone:".length) : null,
    address: key.startsWith("address:") ? key.slice("address:".length) : null,
  };
}
