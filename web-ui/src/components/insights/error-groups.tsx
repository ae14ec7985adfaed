import type { Project } from '../../api-types';
import { formatClock, formatDateTime, formatInteger, formatRelative } from '../../format';
import { barWidth, pagePath } from '../../insights/format';
import { playerHref } from '../../insights/range';
import type { ErrorGroup } from '../../insights/types';
import { EmptyState } from '../empty-state';
import { IconCheck, IconPlay } from '../icons';
import { Link } from '../link';
import { Skeleton } from '../loading';

/** JavaScript errors grouped by message and location, with the recordings that show them at the error's moment. */
export function ErrorGroups({ project, groups }: { project: Project; groups: ErrorGroup[] | null }) {
  if (groups !== null && groups.length === 0) {
    return (
      <EmptyState icon={<IconCheck size={28} />} title="No JavaScript errors in this range">
        <p>Uncaught errors and unhandled promise rejections in your visitors' browsers show up here, grouped by message and source line, with the recordings that show them.</p>
      </EmptyState>
    );
  }
  const largest = groups?.reduce((m, g) => Math.max(m, g.occurrences), 0) ?? 0;
  return (
    <div class="card table-card">
      <div class="table-wrap">
        <table class="table errors-table" id="error-groups" aria-busy={groups === null}>
          <thead>
            <tr>
              <th scope="col">Error</th>
              <th scope="col" class="num">Occurrences</th>
              <th scope="col" class="num">Sessions</th>
              <th scope="col">First seen</th>
              <th scope="col">Last seen</th>
              <th scope="col">Recordings</th>
            </tr>
          </thead>
          <tbody>
            {groups === null
              ? Array.from({ length: 5 }, (_, i) => (
                  <tr key={i}>{[60, 20, 20, 30, 30, 40].map((w, j) => <td key={j}><Skeleton width={`${w}%`} /></td>)}</tr>
                ))
              : groups.map((g) => (
                  <tr key={`${g.message}|${g.source}|${g.line}|${g.column}`} class="error-group">
                    <td>
                      <div class="error-message">
                        <strong>{g.message || '(no message)'}</strong>
                        <span>{g.source ? `${pagePath(g.source.replace(/^[a-z]+:\/\//, ''))}:${g.line}:${g.column}` : 'unhandled promise rejection'}</span>
                      </div>
                    </td>
                    <td class="num">
                      <span class="count-bar"><span class="share-bar"><span style={{ width: barWidth(g.occurrences, largest) }} /></span>{formatInteger(g.occurrences)}</span>
                    </td>
                    <td class="num error-sessions">{formatInteger(g.sessions)}</td>
                    <td title={formatDateTime(g.firstSeen)}>{formatRelative(g.firstSeen)}</td>
                    <td title={formatDateTime(g.lastSeen)}>{formatRelative(g.lastSeen)}</td>
                    <td>
                      <span class="recording-links">
                        {g.recordings.map((r) => (
                          <Link key={r.sessionId} class="recording-link" href={playerHref(project.id, r.sessionId, r.offsetMs)}
                            title={`Watch this session at the error (${formatDateTime(r.at)})`}>
                            <IconPlay size={9} />{formatClock(r.offsetMs)}
                          </Link>
                        ))}
                      </span>
                    </td>
                  </tr>
                ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
