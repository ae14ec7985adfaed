import type { Project } from '../api-types';
import { CopyButton } from './copy-button';

/** The project's tracking snippet, shown as text (never parsed as HTML), with a copy button. */
export function InstallSnippet({ project }: { project: Project }) {
  return (
    <div class="snippet">
      <div class="snippet-head">
        <span>Paste this into the <code>&lt;head&gt;</code> of every page</span>
        <CopyButton id="copy-snippet" text={project.snippet} label="Copy snippet" copiedMessage="Snippet copied" />
      </div>
      <pre class="snippet-code" id="install-snippet"><code>{project.snippet}</code></pre>
    </div>
  );
}
