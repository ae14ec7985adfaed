import { EmptyState } from '../components/empty-state';
import { IconRecordings } from '../components/icons';
import { useTitle } from '../title';

/** Shown when the account is not a member of any project yet. */
export function NoProjectsPage() {
  useTitle('No projects');
  return (
    <div class="page page-centered" id="no-projects">
      <EmptyState icon={<IconRecordings size={28} />} title="No projects yet">
        <p>Your account is not a member of any project. Ask the owner of this Sightline installation to add you to one.</p>
        <p class="muted">Projects are created by the server configuration for now.</p>
      </EmptyState>
    </div>
  );
}
