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

/** Clears the canvas and draws the points on it. */
export function drawHeat(canvas: HTMLCanvasElement, points: WeightedPoint[], options: HeatOptions): void {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  if (points.length === 0 || options.max <= 0 || canvas.width === 0 || canvas.height === 0) return;
  const radius = Math.max(2, options.radius);
  const brush = stamp(radius);
  for (const p of points) {
    ctx.globalAlpha = Math.min(1, Math.max(0.04, p.weight / options.max));
    ctx.drawImage(brush, p.x - radius, p.y - radius);
  }
  ctx.globalAlpha = 1;
  const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
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
  ctx.putImageData(image, 0, 0);
}

/** Merges points that land on the same canvas pixel block, so a dense map draws fast. */
export function mergeNearby(points: WeightedPoint[], block = 2): WeightedPoint[] {
  const merged = new Map<string, WeightedPoint>();
  for (const p of points) {
    const key = `${Math.round(p.x / block)}:${Math.round(p.y / block)}`;
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
