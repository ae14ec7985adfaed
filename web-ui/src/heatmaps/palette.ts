// The heatmap colour ramp: transparent blue for little activity, through cyan, green and yellow, to red
// for the most. One ramp for the map, the legend and the scroll map, so they read the same.

/** Stops of the ramp: position 0..1 and RGBA. */
export const RAMP: readonly [number, [number, number, number, number]][] = [
  [0, [0, 48, 255, 0]],
  [0.15, [0, 64, 255, 150]],
  [0.35, [0, 190, 255, 190]],
  [0.55, [0, 215, 100, 215]],
  [0.75, [255, 225, 0, 235]],
  [1, [235, 20, 20, 250]],
];

/** The ramp's colour at t (0..1). */
export function rampColor(t: number): [number, number, number, number] {
  const x = Math.min(1, Math.max(0, t));
  for (let i = 1; i < RAMP.length; i++) {
    const [p1, c1] = RAMP[i]!;
    const [p0, c0] = RAMP[i - 1]!;
    if (x <= p1) {
      const f = p1 === p0 ? 0 : (x - p0) / (p1 - p0);
      return [0, 1, 2, 3].map((k) => Math.round(c0[k]! + (c1[k]! - c0[k]!) * f)) as [number, number, number, number];
    }
  }
  return RAMP[RAMP.length - 1]![1];
}

/** 256 RGBA entries, looked up by a pixel's accumulated intensity. */
export function palette(): Uint8ClampedArray {
  const table = new Uint8ClampedArray(256 * 4);
  for (let i = 0; i < 256; i++) table.set(rampColor(i / 255), i * 4);
  return table;
}

/** The ramp as a CSS gradient, for legends: opaque, so the cold end shows. */
export function rampCss(direction = 'to right'): string {
  const stops = RAMP.map(([p, [r, g, b]]) => `rgb(${r}, ${g}, ${b}) ${Math.round(p * 100)}%`);
  return `linear-gradient(${direction}, ${stops.join(', ')})`;
}
