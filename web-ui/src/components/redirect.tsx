import { useEffect } from 'preact/hooks';
import { navigate } from '../router';
import { PageLoader } from './loading';

/** Replaces the current URL with another in-app URL once rendered. */
export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return <PageLoader />;
}
