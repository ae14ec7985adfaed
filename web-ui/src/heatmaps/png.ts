// Exports a rendered heatmap as PNG: the snapshot document is drawn through an SVG <foreignObject>
// (an SVG image never runs scripts and loads nothing from outside, so images of the site stay empty
// boxes), the heat layer is drawn over it, and the canvas becomes a PNG. When the browser refuses to
// draw the document, the PNG carries the heat layer on white, and the caller says so.

/** Canvas limits shared by browsers: keep each side and the area well inside them. */
const MAX_SIDE = 16_000;
const MAX_AREA = 120_000_000;

export interface PngResult {
  blob: Blob;
  /** False when only the heat layer could be drawn. */
  withPage: boolean;
}

export async function heatmapPng(doc: Document, width: number, height: number, overlays: HTMLCanvasElement[]): Promise<PngResult> {
  const scale = Math.min(1, MAX_SIDE / height, MAX_SIDE / width, Math.sqrt(MAX_AREA / (width * height)));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  let withPage = true;
  try {
    const page = await documentImage(doc, width, height);
    ctx.drawImage(page, 0, 0, canvas.width, canvas.height);
  } catch {
    withPage = false;
  }
  for (const overlay of overlays) {
    if (overlay.width > 0 && overlay.height > 0) ctx.drawImage(overlay, 0, 0, canvas.width, canvas.height);
  }
  let blob: Blob | null;
  try {
    blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  } catch {
    blob = null;
  }
  if (!blob) {
    // A browser that taints the canvas with the document: start again with the heat layer alone.
    const plain = document.createElement('canvas');
    plain.width = canvas.width;
    plain.height = canvas.height;
    const p = plain.getContext('2d')!;
    p.fillStyle = '#ffffff';
    p.fillRect(0, 0, plain.width, plain.height);
    for (const overlay of overlays) p.drawImage(overlay, 0, 0, plain.width, plain.height);
    blob = await new Promise<Blob | null>((resolve) => plain.toBlob(resolve, 'image/png'));
    withPage = false;
  }
  if (!blob) throw new Error('The browser could not make an image of this heatmap.');
  return { blob, withPage };
}

function documentImage(doc: Document, width: number, height: number): Promise<HTMLImageElement> {
  const html = new XMLSerializer().serializeToString(doc.documentElement);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">`
    + `<foreignObject x="0" y="0" width="100%" height="100%">${html}</foreignObject></svg>`;
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      resolve(img);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('The page could not be drawn.'));
    };
    img.src = url;
  });
}
