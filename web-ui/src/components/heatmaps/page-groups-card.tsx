import { useState } from 'preact/hooks';
import type { HeatmapGroupTraffic } from '../../api-types';
import { api, ApiError } from '../../api';
import { formatInteger } from '../../format';
import { heatmapHref, type HeatmapViewState } from '../../heatmaps/query';
import { showToast } from '../../toasts';
import { IconPlus, IconTrash } from '../icons';
import { Link } from '../link';

interface GroupsProps {
  projectId: string;
  groups: HeatmapGroupTraffic[];
  view: Partial<HeatmapViewState>;
  onChanged: () => void;
}

/** Page groups: pages that share a layout (every product page), one heatmap for all of them. */
export function PageGroupsCard({ projectId, groups, view, onChanged }: GroupsProps) {
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [pattern, setPattern] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.createPageGroup(projectId, name, pattern);
      showToast(`Page group “${name.trim()}” created`, 'success');
      setAdding(false);
      setName('');
      setPattern('');
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The page group could not be saved.');
    } finally {
      setBusy(false);
    }
  };

  const remove = async (group: HeatmapGroupTraffic) => {
    if (!confirm(`Delete the page group “${group.name}”? Its pages and their data stay.`)) return;
    await api.deletePageGroup(projectId, group.id).then(onChanged, () => undefined);
  };

  return (
    <section class="card groups-card" id="page-groups">
      <div class="card-head">
        <div>
          <h2>Page groups</h2>
          <p class="muted small">Pages that share a layout, like every product page, add up into one heatmap.</p>
        </div>
        {!adding ? (
          <button type="button" class="btn btn-secondary btn-sm" id="new-group" onClick={() => setAdding(true)}>
            <IconPlus size={14} /> New page group
          </button>
        ) : null}
      </div>
      {adding ? (
        <form class="group-form" id="group-form" onSubmit={create}>
          <div class="field">
            <label for="group-name">Name</label>
            <input id="group-name" class="input input-sm" required maxLength={80} placeholder="Product pages" value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </div>
          <div class="field grow">
            <label for="group-pattern">Pages</label>
            <input id="group-pattern" class="input input-sm mono" required maxLength={300} placeholder="/product/*" value={pattern} onInput={(e) => setPattern(e.currentTarget.value)} />
            <span class="field-hint"><code>*</code> is one part of the path, <code>**</code> any number of parts. Start with <code>/</code> for any host.</span>
          </div>
          <div class="group-form-actions">
            <button type="submit" class="btn btn-primary btn-sm" id="save-group" disabled={busy || !name.trim() || !pattern.trim()}>Save</button>
            <button type="button" class="btn btn-secondary btn-sm" onClick={() => { setAdding(false); setError(null); }}>Cancel</button>
          </div>
          {error ? <p class="form-error" id="group-error">{error}</p> : null}
        </form>
      ) : null}
      {groups.length > 0 ? (
        <table class="table groups-table">
          <thead>
            <tr><th scope="col">Group</th><th scope="col">Pages</th><th scope="col" class="num">Page views</th><th scope="col" class="num">Clicks</th><th scope="col" /></tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.id} class="group-row" data-group-id={g.id}>
                <td><Link href={heatmapHref(projectId, { group: g.id }, view)} class="row-link">{g.name}</Link></td>
                <td><code class="url-path">{g.pattern}</code></td>
                <td class="num">{formatInteger(g.pageViews)}</td>
                <td class="num">{formatInteger(g.clicks)}</td>
                <td class="num">
                  <button type="button" class="icon-button" aria-label={`Delete ${g.name}`} title="Delete this page group" onClick={() => remove(g)}>
                    <IconTrash size={15} />
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : !adding ? <p class="muted small groups-none">No page groups yet. Try <code>/product/*</code> or <code>/blog/**</code>.</p> : null}
    </section>
  );
}
