import { useState } from 'preact/hooks';
import { api } from '../../api';
import { deviceName } from '../../format';
import { showToast } from '../../toasts';
import { IconHeatmap } from '../icons';

interface PinProps {
  projectId: string;
  sessionId: string;
  pageNumber: number | null;
  /** The player's moment, ms from the session's start. */
  timeMs: () => number;
}

/**
 * "Use as heatmap background": the page as the player shows it now (an opened menu, a later state of
 * a single-page app) becomes the snapshot its heatmaps are drawn over.
 */
export function PinBackgroundButton({ projectId, sessionId, pageNumber, timeMs }: PinProps) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      class="btn btn-secondary btn-sm"
      id="pin-background"
      disabled={busy || pageNumber === null}
      title="Draw this page's heatmaps over the page as it looks at this moment"
      onClick={async () => {
        if (pageNumber === null) return;
        setBusy(true);
        try {
          const snapshot = await api.pinSnapshot(projectId, sessionId, pageNumber, Math.round(timeMs()));
          showToast(`Heatmap background set for ${snapshot.pageKey} (${deviceName(snapshot.device)})`, 'success');
        } catch {
          // api shows the reason
        } finally {
          setBusy(false);
        }
      }}
    >
      <IconHeatmap size={15} /> Use as heatmap background
    </button>
  );
}
