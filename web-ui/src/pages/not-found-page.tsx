import { EmptyState } from '../components/empty-state';
import { IconSearchOff } from '../components/icons';
import { Link } from '../components/link';
import { useTitle } from '../title';

interface NotFoundProps {
  title?: string;
  message?: string;
  backHref?: string;
  backLabel?: string;
}

/** A friendly dead end with one way out. */
export function NotFoundPage({
  title = 'Page not found',
  message = 'The address may be mistyped, or the page has moved.',
  backHref = '/',
  backLabel = 'Go to the dashboard',
}: NotFoundProps) {
  useTitle('Not found');
  return (
    <div class="page page-centered" id="not-found">
      <EmptyState
        icon={<IconSearchOff size={28} />}
        title={title}
        actions={<Link class="btn btn-primary" href={backHref} id="not-found-back">{backLabel}</Link>}
      >
        <p>{message}</p>
      </EmptyState>
    </div>
  );
}
