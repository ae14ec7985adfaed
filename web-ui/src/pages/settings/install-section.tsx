import { InstallSnippet } from '../../components/install-snippet';
import type { Project } from '../../api-types';
import type { ProjectSettings } from '../../settings/settings-api';
import { SectionCard } from './section-card';

/** The snippet to paste, and the calls a site can make once it is installed. */
export function InstallSection({ project, settings }: { project: Project; settings: ProjectSettings }) {
  return (
    <>
      <SectionCard id="settings-install" title="Install the tracker"
        intro="Paste this into every page of your site, as early in <head> as you can. Recordings show up a few seconds after the first visit.">
        <InstallSnippet project={{ ...project, snippet: settings.snippet }} />
        <p class="field-hint" style={{ marginTop: '10px' }}>
          The script reads this project's privacy settings when it loads, so changes to masking and consent apply from the next page view, without touching the snippet.
        </p>
      </SectionCard>
      <SectionCard id="settings-api-calls" title="What your pages can tell Sightline">
        <table class="table list-table table-wrap-cells">
          <thead><tr><th>Call</th><th>What it does</th></tr></thead>
          <tbody>
            <tr><td><code>sightline('event', 'signup')</code></td><td>A custom event: a filter and a timeline marker.</td></tr>
            <tr><td><code>sightline('set', 'plan', 'pro')</code></td><td>A tag on the session.</td></tr>
            <tr><td><code>sightline('identify', userId)</code></td><td>Ties the session to your user; only the SHA-256 of the id leaves the browser.</td></tr>
            <tr><td><code>sightline('consent', true)</code></td><td>Starts recording when the project records only after consent; <code>false</code> stops it and deletes the cookies.</td></tr>
          </tbody>
        </table>
        <p class="field-hint" style={{ marginTop: '12px' }}>
          Mark elements with <code>data-sl-mask</code> to hide their text, <code>data-sl-unmask</code> to show it, <code>data-sl-block</code> to leave them out of recordings entirely.
        </p>
      </SectionCard>
    </>
  );
}
