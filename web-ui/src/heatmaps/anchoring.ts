// Places a heatmap's points on a snapshot: each element is found by its stable selector and each cell
// of points goes to the same relative position inside that element's box, whatever the width it was
// recorded at. Elements the snapshot lacks (or hides) are reported; their points can still be drawn
// at the page position where they happened, as a fallback.
import type { HeatmapElement, PagePosition } from '../api-types';

/** An element's box in document pixels. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface DrawnPoint {
  /** Document pixels of the snapshot. */
  x: number;
  y: number;
  points: number;
  selector: string;
  /** True when placed on its element; false when drawn at its recorded page position. */
  anchored: boolean;
}

export interface Placement {
  drawn: DrawnPoint[];
  /** Elements not found (or without a box) in the snapshot, with their points. */
  missing: { selector: string; points: number }[];
  anchoredPoints: number;
  missingPoints: number;
}

/** Places every element's cells inside the box the snapshot gives it. */
export function placeOnElements(elements: HeatmapElement[], boxOf: (selector: string) => Box | null): Placement {
  const drawn: DrawnPoint[] = [];
  const missing: Placement['missing'] = [];
  let anchoredPoints = 0;
  let missingPoints = 0;
  for (const element of elements) {
    const box = element.selector ? boxOf(element.selector) : null;
    if (!box || box.width <= 0 || box.height <= 0) {
      missing.push({ selector: element.selector, points: element.points });
      missingPoints += element.points;
      continue;
    }
    const cells = element.cells;
    for (let i = 0; i + 4 < cells.length; i += 5) {
      const [columns, rows, column, row, points] = [cells[i]!, cells[i + 1]!, cells[i + 2]!, cells[i + 3]!, cells[i + 4]!];
      drawn.push({
        x: box.left + ((column + 0.5) / columns) * box.width,
        y: box.top + ((row + 0.5) / rows) * box.height,
        points,
        selector: element.selector,
        anchored: true,
      });
    }
    anchoredPoints += element.points;
  }
  return { drawn, missing, anchoredPoints, missingPoints };
}

/** The fallback: points drawn where they were on the visitor's page. */
export function placeOnPage(positions: PagePosition[]): DrawnPoint[] {
  return positions.map((p) => ({ x: p.x, y: p.y, points: p.points, selector: p.selector, anchored: false }));
}
