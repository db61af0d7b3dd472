// <input type="datetime-local"> speaks local wall time without a zone; the engine wants ISO
// instants with an offset. These convert between the two in the browser's time zone.

/** "2026-05-01T19:30" (local) → ISO instant; null for an empty or invalid field. */
export function localToIso(local: string): string | null {
  if (!local) return null;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** ISO instant → the local "YYYY-MM-DDTHH:mm" a datetime-local field shows. */
export function isoToLocal(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
