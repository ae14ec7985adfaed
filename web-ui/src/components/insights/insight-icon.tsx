import type { InsightKind, MarkerKind } from '../../api-types';
import { IconAlert, IconDeadClick, IconErrorClick, IconFormAbandon, IconQuickBack, IconRageClick, IconScroll } from '../icons';

/** The icon of an insight signal (JavaScript errors share the timeline's error triangle). */
export function InsightIcon({ kind, size = 16 }: { kind: InsightKind | MarkerKind; size?: number }) {
  switch (kind) {
    case 'RAGE_CLICK': return <IconRageClick size={size} />;
    case 'DEAD_CLICK': return <IconDeadClick size={size} />;
    case 'ERROR_CLICK': return <IconErrorClick size={size} />;
    case 'QUICK_BACK': return <IconQuickBack size={size} />;
    case 'EXCESSIVE_SCROLL': return <IconScroll size={size} />;
    case 'FORM_ABANDON': return <IconFormAbandon size={size} />;
    default: return <IconAlert size={size} />;
  }
}

/** Whether a timeline marker is one of the detected insights. */
export function isInsightMarker(kind: MarkerKind): boolean {
  return !['PAGE', 'CLICK', 'ERROR', 'EVENT'].includes(kind);
}
