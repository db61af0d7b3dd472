// Small Parterre documents for the CLI tests: a valid club with a table, a standing area and a
// compact block section, and variations of it that are wrong in one known way.

const seat = (id: string, label: string, x: number, y: number, category?: string) => ({
  type: 'seat',
  id,
  label,
  x,
  y,
  ...(category ? { category } : {}),
});

export function clubPlan(): Record<string, unknown> {
  return {
    schemaVersion: 2,
    name: 'Club',
    size: { width: 2000, height: 2000 },
    focalPoint: { x: 500, y: 0 },
    categories: [
      { key: 'A', label: 'Front', color: '#aa0000' },
      { key: 'B', label: 'Back', color: '#0000aa' },
    ],
    levels: [{ id: 'main', name: 'Main floor' }],
    sections: [
      {
        type: 'section',
        id: 'floor',
        label: 'Floor',
        level: 'main',
        transform: { x: 100, y: 100 },
        category: 'A',
        rows: [
          {
            type: 'row',
            id: 'floor-1',
            label: '1',
            generator: { kind: 'manual' },
            seats: [
              seat('floor-1-1', '1', 0, 0),
              seat('floor-1-2', '2', 50, 0),
              seat('floor-1-3', '3', 100, 0, 'B'),
            ],
          },
        ],
        tables: [
          {
            type: 'table',
            id: 't1',
            label: 'Table 1',
            shape: 'round',
            transform: { x: 400, y: 100 },
            width: 80,
            height: 80,
            seatCount: 2,
            category: 'B',
            seats: [seat('t1-1', '1', 0, -60), seat('t1-2', '2', 0, 60)],
          },
        ],
        gaAreas: [
          {
            type: 'ga',
            id: 'bar',
            label: 'Bar',
            capacity: 120,
            outline: [
              { x: 0, y: 300 },
              { x: 200, y: 300 },
              { x: 200, y: 450 },
            ],
          },
        ],
      },
      {
        type: 'section',
        id: 'balcony',
        label: 'Balcony',
        level: 'main',
        transform: { x: 1000, y: 1000 },
        category: 'B',
        block: { kind: 'rect', rows: 3, seatsPerRow: 10, seatSpacing: 50, rowSpacing: 60 },
      },
    ],
  };
}

/** The club with a seat that resolves to no category (an error). */
export function planWithError(): Record<string, unknown> {
  const plan = clubPlan();
  const sections = plan.sections as Record<string, unknown>[];
  delete (sections[0] as Record<string, unknown>).category;
  return plan;
}

/** The club with a table whose seatCount is off (a warning only). */
export function planWithWarning(): Record<string, unknown> {
  const plan = clubPlan();
  const floor = (plan.sections as Record<string, unknown>[])[0] as {
    tables: Record<string, unknown>[];
  };
  (floor.tables[0] as Record<string, unknown>).seatCount = 3;
  return plan;
}
