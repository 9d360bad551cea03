import { type Fault, type ParsedFault, faultSchema } from './protocol';

// Injected faults: each matches requests (operation name / root field / api / path / login) and
// applies to `count` of them (or until cleared). Latency combines with one other fault.

export interface RequestInfo {
  api: 'graphql' | 'rest';
  path: string;
  login: string | null;
  operationName: string | null;
  rootFields: readonly string[];
}

interface Entry {
  id: number;
  fault: ParsedFault;
  remaining: number | null;
}

export class FaultBook {
  private entries: Entry[] = [];
  private nextId = 1;

  add(fault: Fault): number {
    const parsed = faultSchema.parse(fault);
    const id = this.nextId++;
    this.entries.push({ id, fault: parsed, remaining: parsed.count ?? null });
    return id;
  }

  clear(): void {
    this.entries = [];
  }

  list(): { id: number; fault: ParsedFault; remaining: number | null }[] {
    return this.entries.map((e) => ({ ...e }));
  }

  private matches(e: Entry, r: RequestInfo): boolean {
    const m = e.fault.match;
    if (!m) return true;
    if (m.api && m.api !== r.api) return false;
    if (m.path && !r.path.startsWith(m.path)) return false;
    if (m.login && m.login !== r.login) return false;
    if (m.operationName && m.operationName !== r.operationName) return false;
    if (m.field && !r.rootFields.includes(m.field)) return false;
    return true;
  }

  /** The latency to add and the first other matching fault (not yet consumed). */
  find(r: RequestInfo): { latency: number; fault: ParsedFault | undefined; consume: (e?: ParsedFault) => void } {
    let latency = 0;
    const latencies: Entry[] = [];
    let other: Entry | undefined;
    for (const e of this.entries) {
      if (!this.matches(e, r)) continue;
      if (e.fault.kind === 'latency') {
        latency += e.fault.ms;
        latencies.push(e);
      } else if (!other) other = e;
    }
    for (const e of latencies) this.use(e);
    return {
      latency,
      fault: other?.fault,
      // dropAfterMutation only counts when a mutation was actually stored; the caller decides.
      consume: () => {
        if (other) this.use(other);
      },
    };
  }

  private use(e: Entry): void {
    if (e.remaining === null) return;
    e.remaining -= 1;
    if (e.remaining <= 0) this.entries = this.entries.filter((x) => x !== e);
  }
}
