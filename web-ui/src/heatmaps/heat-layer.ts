// Draws weighted points as a heat layer: each point leaves a soft round stamp whose opacity is its
// weight against the scale's maximum, the stamps add up, and the sum is coloured by the ramp.
import { palette } from './palette';

export interface WeightedPoint {
  /** Canvas pixels. */
  x: number;
  y: number;
  weight: number;
}

export interface HeatOptions {
  /** Stamp radius in canvas pixels. */
  radius: number;
  /** The weight that is fully hot: the larger of the compared maps' heaviest points, so both read alike. */
  max: number;
}

let colours: Uint8ClampedArray | null = null;

function stamp(radius: number): HTMLCanvasElement {
  const size = Math.ceil(radius * 2);
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d')!;
  const gradient = ctx.createRadialGradient(radius, radius, 0, radius, radius, radius);
  gradient.addColorStop(0, 'rgba(0, 0, 0, 1)');
  gradient.addColorStop(0.45, 'rgba(0, 0, 0, 0.55)');
  gradient.addColorStop(1, 'rgba(0, 0, 0, 0)');
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, size, size);
  return canvas;
}

/** Clears the canvas and draws the points on it. Only the area the stamps cover is coloured. */
export function drawHeat(canvas: HTMLCanvasElement, points: WeightedPoint[], options: HeatOptions): void {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  if (points.length === 0 || options.max <= 0 || canvas.width === 0 || canvas.height === 0) return;
  const radius = Math.max(2, options.radius);
  const brush = stamp(radius);
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const p of points) {
    ctx.globalAlpha = Math.min(1, Math.max(0.04, p.weight / options.max));
    ctx.drawImage(brush, p.x - radius, p.y - radius);
    if (p.x < left) left = p.x;
    if (p.x > right) right = p.x;
    if (p.y < top) top = p.y;
    if (p.y > bottom) bottom = p.y;
  }
  ctx.globalAlpha = 1;
  const x0 = Math.max(0, Math.floor(left - radius));
  const y0 = Math.max(0, Math.floor(top - radius));
  const x1 = Math.min(canvas.width, Math.ceil(right + radius));
  const y1 = Math.min(canvas.height, Math.ceil(bottom + radius));
  if (x1 <= x0 || y1 <= y0) return;
  const image = ctx.getImageData(x0, y0, x1 - x0, y1 - y0);
  const data = image.data;
  colours ??= palette();
  for (let i = 3; i < data.length; i += 4) {
    const a = data[i]!;
    if (a === 0) continue;
    const j = a * 4;
    data[i - 3] = colours[j]!;
    data[i - 2] = colours[j + 1]!;
    data[i - 1] = colours[j + 2]!;
    data[i] = Math.max(colours[j + 3]!, 40);
  }
  ctx.putImageData(image, x0, y0);
}

/** Merges points that land on the same canvas pixel block, so a dense map draws fast. */
export function mergeNearby(points: WeightedPoint[], block = 2): WeightedPoint[] {
  const merged = new Map<number, WeightedPoint>();
  for (const p of points) {
    const key = Math.round(p.x / block) * 1_000_003 + Math.round(p.y / block);
    const found = merged.get(key);
    if (found) found.weight += p.weight;
    else merged.set(key, { ...p });
  }
  return [...merged.values()];
}

/** The heaviest point after merging: the scale's maximum for one map. */
export function heaviest(points: WeightedPoint[]): number {
  let max = 0;
  for (const p of points) if (p.weight > max) max = p.weight;
  return max;
}
