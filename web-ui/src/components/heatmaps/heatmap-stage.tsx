// One heatmap drawn over its page snapshot: the snapshot rebuilt in a sandboxed iframe at the recorded
// width and full height, scaled to fit, with the heat (or scroll) layer on a canvas above it, the
// selected element outlined, and clicks on the map picking elements.
import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { HeatmapLayer, HeatmapScope, PageSnapshotInfo, PointMap, ScrollMap } from '../../api-types';
import { api, ApiError } from '../../api';
import { formatDateTime, formatInteger } from '../../format';
import { placeOnElements, placeOnPage, type Box, type DrawnPoint, type Placement } from '../../heatmaps/anchoring';
import { drawHeat, heaviest, mergeNearby } from '../../heatmaps/heat-layer';
import { rampColor } from '../../heatmaps/palette';
import type { HeatmapTab } from '../../heatmaps/query';
import { reachLines, shareAt } from '../../heatmaps/scroll-map';
import { mountSnapshot, type SnapshotFrame } from '../../heatmaps/snapshot-frame';
import { resolveStylesheets } from '../../stylesheets/resolve-stylesheets';
import { IconAlert, IconImage } from '../icons';
import { Spinner } from '../loading';

/** Where the stage is: the value of its `data-heatmap-state`, a read-only hook for tests. */
export type StageState = 'loading' | 'ready' | 'no-snapshot' | 'error';

/** What a stage found when it placed its points, for the element list. */
export interface PlacementSummary {
  missing: Set<string>;
  anchoredPoints: number;
  missingPoints: number;
}

/** An element (or the page area it covers) picked on the area map. */
export interface AreaPick {
  label: string;
  box: Box;
  /** Listed elements inside it, itself included. */
  selectors: string[];
}

export interface StageHandle {
  frame: SnapshotFrame;
  canvas: HTMLCanvasElement;
}

interface StageProps {
  side: 'a' | 'b';
  projectId: string;
  scope: HeatmapScope;
  mode: HeatmapTab;
  layer: HeatmapLayer;
  map: PointMap | null;
  scroll: ScrollMap | null;
  /** The colour scale's maximum when comparing; null for the map's own. */
  scaleMax: number | null;
  selected: string | null;
  area: AreaPick | null;
  caption?: string;
  onSelect: (selector: string | null) => void;
  onArea: (area: AreaPick | null) => void;
  onHeaviest: (max: number) => void;
  onPlacement: (summary: PlacementSummary) => void;
  /** Whether the map is drawn (what the PNG export needs). */
  onReady: (ready: boolean) => void;
  handleRef?: RefObject<StageHandle | null>;
}

type SnapshotLoad =
  | { status: 'loading' }
  | { status: 'none' }
  | { status: 'error'; message: string }
  | { status: 'ready'; info: PageSnapshotInfo; frame: SnapshotFrame };

/** Radius of a point's glow in snapshot pixels (at least 11 screen pixels, however small the map is drawn). */
const RADIUS = 18;

export function HeatmapStage(props: StageProps) {
  const { side, projectId, scope, mode, map, scroll, scaleMax, selected, area } = props;
  const viewportRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [snapshot, setSnapshot] = useState<SnapshotLoad>({ status: 'loading' });
  const [placement, setPlacement] = useState<{ placement: Placement; fallback: DrawnPoint[] } | null>(null);
  const [width, setWidth] = useState(0);
  const [hover, setHover] = useState<{ y: number; box: Box | null } | null>(null);
  const [attempt, setAttempt] = useState(0);

  // The snapshot: described, downloaded, rebuilt. It depends only on the page and the device.
  useEffect(() => {
    const controller = new AbortController();
    let frame: SnapshotFrame | null = null;
    setSnapshot({ status: 'loading' });
    api.heatmapSnapshot(projectId, scope, controller.signal)
      .then(async (info) => {
        const events = await resolveStylesheets(info.eventsUrl, await api.snapshotEvents(info.eventsUrl, controller.signal));
        if (controller.signal.aborted || !rootRef.current) return;
        rootRef.current.replaceChildren();
        frame = await mountSnapshot(rootRef.current, events);
        if (controller.signal.aborted) return frame.destroy();
        setSnapshot({ status: 'ready', info, frame });
      })
      .catch((error: Error) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 404) setSnapshot({ status: 'none' });
        else setSnapshot({ status: 'error', message: error.message });
      });
    return () => {
      controller.abort();
      frame?.destroy();
      rootRef.current?.replaceChildren();
    };
  }, [projectId, scope.page, scope.group, scope.device, attempt]);

  const frame = snapshot.status === 'ready' ? snapshot.frame : null;
  useEffect(() => {
    if (!props.handleRef) return;
    props.handleRef.current = frame && canvasRef.current ? { frame, canvas: canvasRef.current } : null;
  }, [frame]);

  useLayoutEffect(() => {
    const el = viewportRef.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry!.contentRect.width));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Points: on their elements; the ones whose element the snapshot lacks at their page position.
  useEffect(() => {
    setPlacement(null);
    if (!frame || !map || mode === 'scroll') return;
    const placed = placeOnElements(map.elements, frame.boxOf);
    props.onPlacement({ missing: new Set(placed.missing.map((m) => m.selector)), anchoredPoints: placed.anchoredPoints, missingPoints: placed.missingPoints });
    if (placed.missing.length === 0) {
      setPlacement({ placement: placed, fallback: [] });
      return;
    }
    const controller = new AbortController();
    api.heatmapPositions(projectId, scope, props.layer, placed.missing.map((m) => m.selector), controller.signal)
      .then((answer) => setPlacement({ placement: placed, fallback: placeOnPage(answer.positions) }))
      .catch(() => {
        if (!controller.signal.aborted) setPlacement({ placement: placed, fallback: [] });
      });
    return () => controller.abort();
  }, [frame, map, mode]);

  const scale = frame && width > 0 ? Math.min(1, width / frame.width) : 1;
  const drawn = useMemo(() => (placement ? [...placement.placement.drawn, ...placement.fallback] : []), [placement]);
  const ratio = typeof devicePixelRatio === 'number' ? Math.min(2, devicePixelRatio) : 1;

  // The canvas: heat for clicks, moves and areas; reach bands for scroll.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !frame) return;
    canvas.width = Math.round(frame.width * scale * ratio);
    canvas.height = Math.round(frame.height * scale * ratio);
    const k = scale * ratio;
    if (mode === 'scroll') {
      drawReach(canvas, scroll, frame.height * k);
      return;
    }
    const points = mergeNearby(drawn.map((p) => ({ x: p.x * k, y: p.y * k, weight: p.points })), Math.max(1, 2 * ratio));
    const own = heaviest(points);
    props.onHeaviest(own);
    drawHeat(canvas, points, { radius: Math.max(11, RADIUS * scale) * ratio, max: scaleMax ?? own });
  }, [frame, drawn, scale, scaleMax, mode, scroll, ratio]);

  // The read-only hook for tests and automation: what was drawn where, in snapshot pixels.
  const state: StageState = snapshot.status === 'ready'
    ? (mode === 'scroll' ? (scroll ? 'ready' : 'loading') : (placement ? 'ready' : 'loading'))
    : snapshot.status === 'none' ? 'no-snapshot' : snapshot.status;
  useEffect(() => props.onReady(state === 'ready'), [state]);
  useEffect(() => {
    const name = side === 'a' ? '__sightlineHeatmap' : '__sightlineHeatmapB';
    const hooks = window as unknown as Record<string, unknown>;
    hooks[name] = Object.freeze({
      state,
      width: frame?.width ?? 0,
      height: frame?.height ?? 0,
      scale,
      drawn: Object.freeze(drawn.map((p) => Object.freeze({ ...p }))),
      missing: Object.freeze(placement?.placement.missing ?? []),
      anchoredPoints: placement?.placement.anchoredPoints ?? 0,
      missingPoints: placement?.placement.missingPoints ?? 0,
    });
    return () => {
      delete hooks[name];
    };
  }, [state, drawn, scale, frame]);

  // A row picked in the list: outline its element and bring it into view.
  const selectedBox = frame && selected ? frame.boxOf(selected) : null;
  useEffect(() => {
    if (!selectedBox || !viewportRef.current) return;
    const top = selectedBox.top * scale - 80;
    const viewport = viewportRef.current;
    if (top < viewport.scrollTop || top > viewport.scrollTop + viewport.clientHeight - 120) {
      viewport.scrollTo({ top: Math.max(0, top), behavior: 'smooth' });
    }
  }, [selected, frame]);

  const toDocument = (event: MouseEvent) => {
    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
    return { x: (event.clientX - rect.left) / scale, y: (event.clientY - rect.top) / scale };
  };

  const listed = useMemo(() => {
    const byElement = new Map<Element, string>();
    if (frame && map) for (const e of map.elements) {
      const el = e.selector ? frame.element(e.selector) : null;
      if (el && !byElement.has(el)) byElement.set(el, e.selector);
    }
    return byElement;
  }, [frame, map]);

  const onPointerMove = (event: MouseEvent) => {
    if (!frame) return;
    const { x, y } = toDocument(event);
    if (mode === 'scroll') return setHover({ y, box: null });
    if (mode === 'area') {
      const el = frame.elementAt(x, y);
      setHover({ y, box: el ? boxOf(frame, el) : null });
    }
  };

  const onClick = (event: MouseEvent) => {
    if (!frame || mode === 'scroll') return;
    const { x, y } = toDocument(event);
    let el = frame.elementAt(x, y);
    if (mode === 'area') {
      if (!el) return props.onArea(null);
      const selectors: string[] = [];
      for (const [listedEl, selector] of listed) if (el.contains(listedEl)) selectors.push(selector);
      props.onArea({ label: describe(el), box: boxOf(frame, el), selectors });
      return;
    }
    while (el && !listed.has(el)) el = el.parentElement;
    props.onSelect(el ? listed.get(el)! : null);
  };

  const scaledWidth = frame ? Math.round(frame.width * scale) : 0;
  const scaledHeight = frame ? Math.round(frame.height * scale) : 0;
  const info = snapshot.status === 'ready' ? snapshot.info : null;

  return (
    <div class="heatmap-stage" id={`heatmap-map-${side}`} data-heatmap-state={state} data-drawn-points={drawn.length}
      data-missing-points={placement?.placement.missingPoints ?? 0}>
      {props.caption ? <div class="stage-caption">{props.caption}</div> : null}
      <div class="heatmap-viewport" ref={viewportRef}>
        {/* Laid out (not display: none) while loading, so the snapshot can be measured before it is shown. */}
        <div class="heatmap-frame" style={frame ? { width: `${scaledWidth}px`, height: `${scaledHeight}px` } : { visibility: 'hidden', width: '0', height: '0' }}>
          <div class="heatmap-root" ref={rootRef} style={frame ? { transform: `scale(${scale})`, width: `${frame.width}px` } : undefined} />
          <canvas class="heatmap-canvas" ref={canvasRef} style={{ width: `${scaledWidth}px`, height: `${scaledHeight}px` }} />
          {mode === 'scroll' && frame && scroll ? <ScrollMarks scroll={scroll} height={frame.height} scale={scale} hoverY={hover?.y ?? null} /> : null}
          {selectedBox && mode !== 'scroll' ? <Outline box={selectedBox} scale={scale} kind="selected" /> : null}
          {area && mode === 'area' ? <Outline box={area.box} scale={scale} kind="area" /> : null}
          {hover?.box && mode === 'area' ? <Outline box={hover.box} scale={scale} kind="hover" /> : null}
          <div
            class={'heatmap-input' + (mode === 'scroll' ? ' reading' : ' picking')}
            onMouseMove={onPointerMove}
            onMouseLeave={() => setHover(null)}
            onClick={onClick}
            title={mode === 'area' ? 'Click an element to see the clicks on it and inside it' : mode === 'scroll' ? '' : 'Click a hot spot to find its element in the list'}
          />
        </div>
        {snapshot.status === 'loading' || (frame && state === 'loading') ? (
          <div class="stage-overlay translucent"><Spinner size={24} label="Loading the heatmap" /><span>Drawing the heatmap…</span></div>
        ) : null}
        {snapshot.status === 'none' ? (
          <div class="heatmap-missing" id={`no-snapshot-${side}`}>
            <span class="empty-icon"><IconImage size={26} /></span>
            <strong>No page snapshot yet</strong>
            <p>Sightline draws heatmaps over a snapshot taken from a real visit on this device. It keeps one as soon as a visit of this page is recorded; the element list already counts every click.</p>
          </div>
        ) : null}
        {snapshot.status === 'error' ? (
          <div class="heatmap-missing">
            <span class="empty-icon"><IconAlert size={26} /></span>
            <strong>The page snapshot can't be shown</strong>
            <p>{snapshot.message}</p>
            <button type="button" class="btn btn-secondary btn-sm" onClick={() => setAttempt((a) => a + 1)}>Try again</button>
          </div>
        ) : null}
      </div>
      {info ? (
        <div class="stage-footer muted small" id={`snapshot-info-${side}`}>
          {info.pinned ? 'Background chosen from a recording' : 'Background from a visit'} on {formatDateTime(info.takenAt)} · {info.viewportWidth} px wide
          {placement && placement.placement.missingPoints > 0
            ? <span class="badge badge-warn" id={`missing-note-${side}`} title="Their elements are not in this snapshot: they are drawn where they happened on the page">
                {formatInteger(placement.placement.missingPoints)} not on this snapshot
              </span>
            : null}
        </div>
      ) : null}
    </div>
  );
}

function Outline({ box, scale, kind }: { box: Box; scale: number; kind: 'selected' | 'hover' | 'area' }) {
  return (
    <div
      class={`heatmap-outline ${kind}`}
      id={kind === 'selected' ? 'selected-outline' : undefined}
      style={{ left: `${box.left * scale}px`, top: `${box.top * scale}px`, width: `${box.width * scale}px`, height: `${box.height * scale}px` }}
    />
  );
}

function ScrollMarks({ scroll, height, scale, hoverY }: { scroll: ScrollMap; height: number; scale: number; hoverY: number | null }) {
  const lines = reachLines(scroll);
  const hoverPercent = hoverY === null ? null : Math.min(100, Math.max(0, Math.floor((hoverY / height) * 100)));
  return (
    <>
      {scroll.averageFoldPixels > 0 ? (
        <div class="scroll-line fold" id="average-fold" style={{ top: `${Math.min(height, scroll.averageFoldPixels) * scale}px` }}>
          <span>Average fold · {scroll.averageFoldPixels} px</span>
        </div>
      ) : null}
      {merged(lines).map((l) => (
        <div key={l.percent} class="scroll-line reach" data-share={l.shares.join(' ')} data-percent={l.percent} style={{ top: `${(l.percent / 100) * height * scale}px` }}>
          <span>{l.shares.map((share) => `${Math.round(share * 100)} %`).join(' · ')} of page views got this far</span>
        </div>
      ))}
      {hoverPercent !== null && hoverY !== null ? (
        <div class="scroll-line hover" id="scroll-readout" data-percent={hoverPercent} style={{ top: `${hoverY * scale}px` }}>
          <span>{Math.round(shareAt(scroll, hoverPercent) * 1000) / 10} % of page views reached this point · {hoverPercent} % down the page</span>
        </div>
      ) : null}
    </>
  );
}

/** Lines closer than 3 % of the page share one label. */
function merged(lines: { share: number; percent: number }[]): { percent: number; shares: number[] }[] {
  const out: { percent: number; shares: number[] }[] = [];
  for (const line of lines) {
    const near = out.find((o) => Math.abs(o.percent - line.percent) < 3);
    if (near) near.shares.push(line.share);
    else out.push({ percent: line.percent, shares: [line.share] });
  }
  return out;
}

/** The page from top to bottom, coloured by the share of page views that reached each percent of it. */
function drawReach(canvas: HTMLCanvasElement, scroll: ScrollMap | null, height: number): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  if (!scroll || scroll.pageViews === 0 || height <= 0) return;
  const gradient = ctx.createLinearGradient(0, 0, 0, height);
  for (let p = 0; p <= 100; p++) {
    const [r, g, b] = rampColor(shareAt(scroll, p));
    gradient.addColorStop(p / 100, `rgba(${r}, ${g}, ${b}, 0.4)`);
  }
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, canvas.width, height);
}

function boxOf(frame: SnapshotFrame, el: Element): Box {
  const r = el.getBoundingClientRect();
  const scrollY = frame.doc.scrollingElement?.scrollTop ?? 0;
  return { left: r.left, top: r.top + scrollY, width: r.width, height: r.height };
}

/** tag#id.class and a little text: how an element picked on the map is named. */
function describe(el: Element): string {
  const id = el.id ? `#${el.id}` : '';
  const cls = Array.from(el.classList).slice(0, 2).map((c) => `.${c}`).join('');
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
  return `${el.localName}${id}${cls}${text ? ` “${text}”` : ''}`;
}
