// pretix files name zones, rows and areas by optional `uuid`s that editors sometimes copy along
// with the object; Parterre ids must be unique, so later copies get a numbered suffix.

/** Hands out ids that are unique within one document. */
export class UniqueIds {
  private readonly used = new Set<string>();

  /** Returns `preferred` if it is free, otherwise `preferred~2`, `preferred~3`, … */
  take(preferred: string): string {
    let id = preferred;
    for (let n = 2; this.used.has(id); n++) id = `${preferred}~${n}`;
    this.used.add(id);
    return id;
  }
}
