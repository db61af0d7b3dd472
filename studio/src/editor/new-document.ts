// The blank plan "New seat map" starts from: one level, one category, nothing drawn.
import {
  CURRENT_SCHEMA_VERSION,
  brand,
  type CategoryKey,
  type LevelId,
  type SeatmapDocument,
} from '@parterre/seatmaps';

/**
 * An empty, valid document of `width` × `height` plan units with its focal point at the top
 * middle, where a stage usually is.
 * @example const doc = newDocument('Town hall');
 */
export function newDocument(name: string, width = 2000, height = 1500): SeatmapDocument {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    name,
    size: { width, height },
    focalPoint: { x: width / 2, y: 100 },
    categories: [{ key: brand<CategoryKey>('STANDARD'), label: 'Standard', color: '#1971c2' }],
    levels: [{ id: brand<LevelId>('main'), name: 'Main floor' }],
    sections: [],
    shapes: [],
    texts: [],
  };
}
