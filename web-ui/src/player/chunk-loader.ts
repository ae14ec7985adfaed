// Downloads a recording's chunks in play order, a few ahead in parallel, handing each one over as
// soon as it and every chunk before it have arrived, so playback can start on the first chunks.
import type { ChunkRef } from '../api-types';
import { api, ApiError } from '../api';
import { resolveStylesheets } from '../stylesheets/resolve-stylesheets';

export interface ChunkSink {
  onChunk(chunk: ChunkRef, events: unknown[]): void;
}

const PARALLEL = 4;

/** A chunk with the stylesheets its full snapshots refer to by hash put back in. */
async function fetchWithRetry(url: string, signal: AbortSignal): Promise<unknown[]> {
  return resolveStylesheets(url, await fetchChunk(url, signal));
}

async function fetchChunk(url: string, signal: AbortSignal): Promise<unknown[]> {
  try {
    return await api.chunk(url, signal);
  } catch (error) {
    const retryable = error instanceof ApiError && (error.status === 0 || error.status >= 500 || error.status === 429);
    if (!retryable || signal.aborted) throw error;
    await new Promise((resolve) => setTimeout(resolve, 600));
    return api.chunk(url, signal);
  }
}

/**
 * Starts downloading the first chunks right away — before the player exists — so the first frame
 * does not wait for the page to render; loadChunks picks these downloads up by URL.
 */
export function prefetchChunks(chunks: ChunkRef[], signal: AbortSignal): Map<string, Promise<unknown[]>> {
  const started = new Map<string, Promise<unknown[]>>();
  for (const chunk of chunks.slice(0, PARALLEL)) {
    const promise = fetchWithRetry(chunk.url, signal);
    promise.catch(() => undefined); // loadChunks awaits it
    started.set(chunk.url, promise);
  }
  return started;
}

export async function loadChunks(chunks: ChunkRef[], sink: ChunkSink, signal: AbortSignal,
  prefetched: Map<string, Promise<unknown[]>> = new Map()): Promise<void> {
  const inFlight: (Promise<unknown[]> | undefined)[] = [];
  const start = (index: number) => {
    if (index >= chunks.length || inFlight[index]) return;
    const promise = prefetched.get(chunks[index]!.url) ?? fetchWithRetry(chunks[index]!.url, signal);
    promise.catch(() => undefined); // awaited below, in order; this only silences early rejections
    inFlight[index] = promise;
  };
  for (let i = 0; i < chunks.length; i++) {
    for (let j = i; j < i + PARALLEL; j++) start(j);
    const events = await inFlight[i]!;
    inFlight[i] = undefined;
    if (signal.aborted) return;
    sink.onChunk(chunks[i]!, Array.isArray(events) ? events : []);
  }
}
