// Alerts for investigators: the list, one alert with evidence and history, and triage.
import type { Actor } from "../auth/roles.ts";
import { page } from "../cursor.ts";
import { NotFoundError } from "../../errors.ts";
import { flagTitle } from "../flags.ts";
import type { AlertDetailRow, AlertRepository, AlertRow, TriageStatus } from "./repository.ts";

export { TRIAGE_STATUSES, type TriageStatus } from "./repository.ts";

export class AlertService {
  constructor(private readonly repo: AlertRepository) {}

  async list(q: {
    flag?: string;
    status?: TriageStatus;
    active: "true" | "false" | "all";
    entity?: string;
    minScore: number;
    limit: number;
    cursor?: [number, string];
  }): Promise<{ items: (AlertRow & { title: string })[]; nextCursor: string | null }> {
    const rows = await this.repo.list({
      flag: q.flag ?? null,
      status: q.status ?? null,
      active: q.active === "all" ? null : q.active === "true",
      entity: q.entity ?? null,
      minScore: q.minScore,
      after: q.cursor ? { score: q.cursor[0], id: q.cursor[1] } : null,
      limit: q.limit + 1,
    });
    const result = page(rows, q.limit, (a) => [a.score, a.id]);
    return { items: result.items.map((a) => ({ ...a, title: flagTitle(a.flag) })), nextCursor: result.nextCursor };
  }

  async get(id: string): Promise<AlertDetailRow & { title: string }> {
    const alert = await this.repo.get(id);
    if (!alert) throw new NotFoundError(`no alert ${id}`);
    return { ...alert, title: flagTitle(alert.flag) };
  }

  /** `written` runs once the triage is stored (also when the alert is unknown: harmless). */
  async triage(id: string, status: TriageStatus, note: string | undefined, actor: Actor, written: () => void = () => {}): Promise<AlertDetailRow & { title: string }> {
    const found = await this.repo.triage(id, { status, note: note ?? null, by: actor.keyId, byName: actor.name }).finally(written);
    if (!found) throw new NotFoundError(`no alert ${id}`);
    return this.get(id);
  }
}
