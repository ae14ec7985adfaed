import { useState } from 'preact/hooks';
import { authStore } from '../auth';
import { CreateProjectDialog } from '../components/create-project-dialog';
import { EmptyState } from '../components/empty-state';
import { IconPlus, IconRecordings } from '../components/icons';
import { useTitle } from '../title';

/** Shown when the account is not a member of any project yet; the owner creates the first one here. */
export function NoProjectsPage() {
  useTitle('No projects');
  const owner = !!authStore.use()?.account?.owner;
  const [creating, setCreating] = useState(false);
  return (
    <div class="page page-centered" id="no-projects">
      {owner ? (
        <EmptyState icon={<IconRecordings size={28} />} title="Create your first project"
          actions={<button type="button" class="btn btn-primary" id="create-first-project" onClick={() => setCreating(true)}><IconPlus size={15} /><span>New project</span></button>}>
          <p>A project records one site. Create it, paste its snippet into your pages, and recordings appear a few seconds after the first visit.</p>
        </EmptyState>
      ) : (
        <EmptyState icon={<IconRecordings size={28} />} title="No projects yet">
          <p>Your account is not a member of any project. Ask an admin of your Sightline installation to add you to one.</p>
        </EmptyState>
      )}
      {creating ? <CreateProjectDialog onClose={() => setCreating(false)} /> : null}
    </div>
  );
}
