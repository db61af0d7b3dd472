// The few hundred non-seat records of a level as react-konva nodes: section outlines and labels,
// standing areas, table tops, shapes (the stage) and texts. None of them listens: hit-testing is
// the editor's (hit-test.ts).
import { memo } from 'react';
import { Circle, Ellipse, Group, Line, Rect, Text } from 'react-konva';
import {
  applyTransform,
  type GaArea,
  type Point,
  type SeatmapDocument,
  type Section,
  type Shape,
} from '@parterre/seatmaps';
import { UNCATEGORISED } from './draw-seats.ts';
import { sectionGeometry } from '../editor/section-seats.ts';

interface Props {
  readonly document: SeatmapDocument;
  readonly level: string;
  readonly zoom: number;
}

const flat = (points: readonly Point[]) => points.flatMap((p) => [p.x, p.y]);

function GaShape({
  area,
  section,
  color,
  zoom,
}: {
  area: GaArea;
  section: Section;
  color: string;
  zoom: number;
}) {
  const world = area.outline.map((p) => applyTransform(section.transform, p));
  const c = world.reduce((a, p) => ({ x: a.x + p.x / world.length, y: a.y + p.y / world.length }), {
    x: 0,
    y: 0,
  });
  return (
    <Group listening={false}>
      <Line
        points={flat(world)}
        closed
        fill={color}
        opacity={0.35}
        stroke={color}
        strokeWidth={2 / zoom}
      />
      <Text
        x={c.x - 100}
        y={c.y - 8}
        width={200}
        align="center"
        text={`${area.label} · ${area.capacity}`}
        fontSize={14}
        fill="#212529"
      />
    </Group>
  );
}

function SectionNodes({
  section,
  colors,
  zoom,
}: {
  section: Section;
  colors: ReadonlyMap<string, string>;
  zoom: number;
}) {
  const g = sectionGeometry(section);
  const outline = section.outline.map((p) => applyTransform(section.transform, p));
  const b = g.bounds;
  const width = b ? b.maxX - b.minX : 0;
  // 12 px on screen, but never wider than the section: zoomed out, labels must not pile up.
  const labelSize = Math.min(
    Math.max(14, 12 / zoom),
    width / Math.max(4, section.label.length * 0.6),
  );
  return (
    <Group listening={false}>
      {outline.length >= 3 && (
        <Line
          points={flat(outline)}
          closed
          stroke="#868e96"
          strokeWidth={1.5 / zoom}
          dash={[6 / zoom, 4 / zoom]}
        />
      )}
      {section.gaAreas.map((a) => (
        <GaShape
          key={a.id}
          area={a}
          section={section}
          zoom={zoom}
          color={colors.get(a.category ?? section.category ?? '') ?? UNCATEGORISED}
        />
      ))}
      {section.tables.map((t) => {
        const c = applyTransform(section.transform, t.transform);
        return t.shape === 'round' ? (
          <Circle
            key={t.id}
            x={c.x}
            y={c.y}
            radius={t.width / 2}
            fill="#e9ecef"
            stroke="#adb5bd"
            strokeWidth={1 / zoom}
          />
        ) : (
          <Rect
            key={t.id}
            x={c.x}
            y={c.y}
            width={t.width}
            height={t.height}
            offsetX={t.width / 2}
            offsetY={t.height / 2}
            rotation={section.transform.rotation + t.transform.rotation}
            fill="#e9ecef"
            stroke="#adb5bd"
            strokeWidth={1 / zoom}
          />
        );
      })}
      {b && (
        <Text
          x={b.minX}
          y={b.minY - labelSize * 1.3}
          width={width}
          align="center"
          wrap="none"
          ellipsis
          text={section.label}
          fontSize={labelSize}
          fill="#495057"
        />
      )}
    </Group>
  );
}

function ShapeNode({ shape, zoom }: { shape: Shape; zoom: number }) {
  const [a, b] = shape.points as [Point, Point];
  const fill = shape.fill ?? (shape.role === 'stage' ? '#343a40' : undefined);
  const stroke = shape.stroke ?? '#495057';
  const label = shape.label && (
    <Text
      x={Math.min(a.x, b.x)}
      y={(a.y + b.y) / 2 - 10}
      width={Math.abs(b.x - a.x)}
      align="center"
      text={shape.label}
      fontSize={20}
      fill={shape.role === 'stage' ? '#f8f9fa' : '#212529'}
    />
  );
  if (shape.kind === 'rect' || shape.kind === 'ellipse') {
    const box = {
      x: Math.min(a.x, b.x),
      y: Math.min(a.y, b.y),
      width: Math.abs(b.x - a.x),
      height: Math.abs(b.y - a.y),
    };
    return (
      <Group listening={false}>
        {shape.kind === 'rect' ? (
          <Rect {...box} fill={fill} stroke={stroke} strokeWidth={1 / zoom} />
        ) : (
          <Ellipse
            x={box.x + box.width / 2}
            y={box.y + box.height / 2}
            radiusX={box.width / 2}
            radiusY={box.height / 2}
            fill={fill}
            stroke={stroke}
            strokeWidth={1 / zoom}
          />
        )}
        {label}
      </Group>
    );
  }
  return (
    <Line
      points={flat(shape.points)}
      closed={shape.kind === 'polygon'}
      fill={fill}
      stroke={stroke}
      strokeWidth={2 / zoom}
      listening={false}
    />
  );
}

/** Everything but the seats, for one level. Memoised: panning does not re-create the nodes. */
export const ElementsLayer = memo(function ElementsLayer({ document, level, zoom }: Props) {
  const colors = new Map(document.categories.map((c) => [c.key as string, c.color]));
  return (
    <>
      {document.shapes
        .filter((s) => s.level === level)
        .map((s) => (
          <ShapeNode key={s.id} shape={s} zoom={zoom} />
        ))}
      {document.sections
        .filter((s) => s.level === level)
        .map((s) => (
          <SectionNodes key={s.id} section={s} colors={colors} zoom={zoom} />
        ))}
      {document.texts
        .filter((t) => t.level === level)
        .map((t) => (
          <Text
            key={t.id}
            x={t.x}
            y={t.y}
            text={t.text}
            fontSize={t.fontSize}
            rotation={t.rotation}
            fill={t.color}
            listening={false}
          />
        ))}
    </>
  );
});
