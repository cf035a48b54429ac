/** SVG marks shared by the charts and their legends: one shape per series, so that nothing relies on colour. */
import type { SegmentGroup } from "../../scores/types";
import type { Emphasis } from "./courseModel";

export type SeriesShape = "circle" | "square" | "triangle" | "diamond" | "diamond-open";

export const GROUP_SHAPE: Record<SegmentGroup, SeriesShape> = {
  cervical: "circle",
  thoracic: "square",
  "tl-l-s": "triangle",
};

/** Dash pattern of a group's line (solid / dashed / dotted), again not colour alone. */
export const GROUP_DASH: Record<SegmentGroup, string | undefined> = {
  cervical: undefined,
  thoracic: "6 3",
  "tl-l-s": "2 3",
};

/** Class names carry the colours (styles/app.css); emphasis decides front/muted. */
export function seriesClass(emphasis: Emphasis): string {
  return `series series-${emphasis}`;
}

export function Marker({ shape, x, y, size = 4 }: { shape: SeriesShape; x: number; y: number; size?: number }) {
  switch (shape) {
    case "circle":
      return <circle className="marker" cx={x} cy={y} r={size} />;
    case "square":
      return <rect className="marker" x={x - size} y={y - size} width={size * 2} height={size * 2} />;
    case "triangle":
      return (
        <polygon
          className="marker"
          points={`${x},${y - size * 1.2} ${x - size * 1.1},${y + size * 0.8} ${x + size * 1.1},${y + size * 0.8}`}
        />
      );
    case "diamond":
      return (
        <polygon
          className="marker marker-solid"
          points={`${x},${y - size * 1.3} ${x + size * 1.3},${y} ${x},${y + size * 1.3} ${x - size * 1.3},${y}`}
        />
      );
    case "diamond-open":
      return (
        <polygon
          className="marker marker-open"
          points={`${x},${y - size * 1.3} ${x + size * 1.3},${y} ${x},${y + size * 1.3} ${x - size * 1.3},${y}`}
        />
      );
  }
}

/** A small legend swatch: the series' line style and marker. */
export function Swatch({
  shape,
  dash,
  className,
}: {
  shape: SeriesShape;
  dash?: string | undefined;
  className: string;
}) {
  return (
    <svg
      className={`swatch ${className}`}
      width="28"
      height="12"
      viewBox="0 0 28 12"
      aria-hidden="true"
      focusable="false"
    >
      <line x1="1" y1="6" x2="27" y2="6" strokeDasharray={dash} />
      <Marker shape={shape} x={14} y={6} size={3.5} />
    </svg>
  );
}
