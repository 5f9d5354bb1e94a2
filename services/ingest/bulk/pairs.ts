// The keys of one relationship file (start node, end node and an optional key text), each with the
// row it was first written at. Typed arrays and a chain per start node: millions of keys without a
// JavaScript object each (a Map keyed by packed numbers was most of the writer's time and garbage).

const NONE = -1;

function grow(array: Int32Array<ArrayBuffer>, size: number, fill = 0): Int32Array<ArrayBuffer> {
  if (size <= array.length) return array;
  const next = new Int32Array(Math.max(size, array.length * 2));
  next.set(array);
  if (fill !== 0) next.fill(fill, array.length);
  return next;
}

export class PairKeys {
  /** First entry of each start node's chain, or NONE. */
  private head = new Int32Array(1024).fill(NONE);
  private next = new Int32Array(1024);
  private end = new Int32Array(1024);
  private extra = new Int32Array(1024);
  private row = new Int32Array(1024);
  private readonly extras = new Map<string, number>([["", 0]]);
  size = 0;

  /**
   * Adds the key, written at `row` of the file; returns NONE when it is new, else the row that
   * holds it already.
   */
  add(start: number, end: number, extraText: string, row: number): number {
    let extra = this.extras.get(extraText);
    if (extra === undefined) this.extras.set(extraText, (extra = this.extras.size));
    this.head = grow(this.head, start + 1, NONE);
    for (let e = this.head[start] as number; e !== NONE; e = this.next[e] as number) {
      if (this.end[e] === end && this.extra[e] === extra) return this.row[e] as number;
    }
    const e = this.size++;
    this.next = grow(this.next, this.size);
    this.end = grow(this.end, this.size);
    this.extra = grow(this.extra, this.size);
    this.row = grow(this.row, this.size);
    this.next[e] = this.head[start] as number;
    this.end[e] = end;
    this.extra[e] = extra;
    this.row[e] = row;
    this.head[start] = e;
    return NONE;
  }
}
