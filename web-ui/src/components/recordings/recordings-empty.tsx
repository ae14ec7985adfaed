import type { InsightKind, Project } from '../../api-types';
import { SIGNAL_BY_KIND } from '../../insights/kinds';
import { EmptyState } from '../empty-state';
import { IconExternal, IconRecordings, IconSearchOff } from '../icons';
import { InstallSnippet } from '../install-snippet';

/** No recording at all yet: explain how recordings get here, with the snippet and the demo site. */
export function NoRecordingsYet({ project }: { project: Project }) {
  return (
    <EmptyState icon={<IconRecordings size={28} />} title="No recordings yet" class="empty-wide">
      <p>
        Sightline records a session when someone visits a page that carries your project's tracking snippet.
        Recordings show up here a few seconds after the visit.
      </p>
      <ol class="steps-list">
        <li>Add the snippet below to every page of your site, inside <code>&lt;head&gt;</code>.</li>
        <li>Open your site in another tab and click around.</li>
        <li>Come back here: your visit is at the top of the list.</li>
      </ol>
      <InstallSnippet project={project} />
      <p class="demo-hint">
        Just exploring? The built-in demo site already has the snippet installed.{' '}
        <a href="/demo/" target="_blank" rel="noopener" id="open-demo" class="inline-link">
          Open the demo site <IconExternal size={13} />
        </a>
      </p>
    </EmptyState>
  );
}

/** Recordings exist, but none in the chosen window (or none with the chosen insight). */
export function NoMatchingRecordings({ onReset, pastTheEnd = false, insight = null }: { onReset: () => void; pastTheEnd?: boolean; insight?: InsightKind | null }) {
  if (insight) {
    const signal = SIGNAL_BY_KIND[insight];
    return (
      <EmptyState
        icon={<IconSearchOff size={28} />}
        title={`No recordings with ${signal.name.toLowerCase()} in this range`}
        actions={<button type="button" class="btn btn-secondary" id="reset-filters" onClick={onReset}>Show all recordings</button>}
      >
        <p>Good news, or a range too narrow: {signal.hint.charAt(0).toLowerCase() + signal.hint.slice(1)} Insights appear a few seconds after a visit ends.</p>
      </EmptyState>
    );
  }
  return (
    <EmptyState
      icon={<IconSearchOff size={28} />}
      title={pastTheEnd ? 'This page is empty' : 'No recordings in this range'}
      actions={
        <button type="button" class="btn btn-secondary" id="reset-filters" onClick={onReset}>
          {pastTheEnd ? 'Go to the first page' : 'Show the last 30 days'}
        </button>
      }
    >
      <p>{pastTheEnd ? 'There are fewer recordings than this page number suggests.' : 'Try a wider date range, or include bots.'}</p>
    </EmptyState>
  );
}
