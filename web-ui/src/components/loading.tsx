// Loading indicators: a spinner, a full-area loader, and skeleton lines.
// (Preact 11 no longer appends "px" to numeric style values: lengths are written with their unit.)
export function Spinner({ size = 18, label = 'Loading' }: { size?: number; label?: string }) {
  return <span class="spinner" role="status" aria-label={label} style={{ width: `${size}px`, height: `${size}px` }} />;
}

export function PageLoader({ label = 'Loading…' }: { label?: string }) {
  return (
    <div class="page-loader">
      <Spinner size={22} />
      <span>{label}</span>
    </div>
  );
}

export function Skeleton({ width = '100%', height = 12 }: { width?: string | number; height?: number }) {
  return <span class="skeleton" style={{ width: typeof width === 'number' ? `${width}px` : width, height: `${height}px` }} aria-hidden="true" />;
}
