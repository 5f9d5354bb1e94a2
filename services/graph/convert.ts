// Converts Neo4j driver values (integers, temporals, nodes, paths) into plain JSON-ready values.
import neo4j, { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isNode, isPath, isRelationship, isTime } from "neo4j-driver";
import type { Integer } from "neo4j-driver";

export interface PlainNode {
  elementId: string;
  labels: string[];
  properties: Record<string, unknown>;
}
export interface PlainRelationship {
  elementId: string;
  type: string;
  start: string;
  end: string;
  properties: Record<string, unknown>;
}
export interface PlainPath {
  nodes: PlainNode[];
  relationships: PlainRelationship[];
}

/** Integers within ±2^53 become numbers; larger ones become decimal strings (never silently rounded). */
function integerToPlain(value: Integer): number | string {
  return neo4j.integer.inSafeRange(value) ? value.toNumber() : value.toString();
}

export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Numbers, strings and booleans first: a long list of them (a projection page) is most of what some reads decode.
  if (typeof value !== "object" && typeof value !== "bigint") return value;
  if (neo4j.isInt(value)) return integerToPlain(value as Integer);
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (Array.isArray(value)) return value.map(toPlain);
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return value.toString();
  }
  if (isNode(value)) {
    return { elementId: value.elementId, labels: [...value.labels], properties: plainObject(value.properties) } satisfies PlainNode;
  }
  if (isRelationship(value)) {
    return {
      elementId: value.elementId,
      type: value.type,
      start: value.startNodeElementId,
      end: value.endNodeElementId,
      properties: plainObject(value.properties),
    } satisfies PlainRelationship;
  }
  if (isPath(value)) {
    const nodes = [toPlain(value.start) as PlainNode];
    const relationships: PlainRelationship[] = [];
    for (const segment of value.segments) {
      relationships.push(toPlain(segment.relationship) as PlainRelationship);
      nodes.push(toPlain(segment.end) as PlainNode);
    }
    return { nodes, relationships } satisfies PlainPath;
  }
  if (typeof value === "object") return plainObject(value as Record<string, unknown>);
  return value;
}

function plainObject(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = toPlain(v);
  return out;
}
