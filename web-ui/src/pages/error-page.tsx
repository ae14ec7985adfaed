import { EmptyState } from '../components/empty-state';
import { IconAlert } from '../components/icons';

/** Something failed to load; offers a retry. */
export function ErrorPage({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div class="page page-centered" id="load-error">
      <EmptyState
        icon={<IconAlert size={28} />}
        title="Something went wrong"
        actions={<button type="button" class="btn btn-primary" onClick={onRetry}>Try again</button>}
      >
        <p>{message}</p>
      </EmptyState>
    </div>
  );
}
