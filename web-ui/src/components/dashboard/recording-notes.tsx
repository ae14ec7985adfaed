import { useEffect, useState } from 'preact/hooks';
import { dashboardApi, type RecordingNote } from '../../dashboard/api';
import { showToast } from '../../toasts';

/**
 * A recording's favourite, labels and note. Favourited and labelled recordings are kept 13 months,
 * past the project's retention.
 */
export function RecordingNotes({ projectId, sessionId }: { projectId: string; sessionId: string }) {
  const [note, setNote] = useState<RecordingNote | null>(null);
  const [label, setLabel] = useState('');
  const [text, setText] = useState('');

  useEffect(() => {
    const controller = new AbortController();
    dashboardApi.note(projectId, sessionId, controller.signal)
      .then((n) => { setNote(n); setText(n.note); })
      .catch(() => { if (!controller.signal.aborted) setNote({ favourite: false, labels: [], note: '' }); });
    return () => controller.abort();
  }, [projectId, sessionId]);

  if (!note) return null;
  const save = (next: RecordingNote, message?: string) => {
    dashboardApi.saveNote(projectId, sessionId, next).then((saved) => {
      setNote(saved);
      if (message) showToast(message, 'success');
    }).catch(() => undefined);
  };

  return (
    <div class="recording-notes" id="recording-notes">
      <button type="button" id="favourite" aria-pressed={note.favourite}
        class={'btn btn-sm ' + (note.favourite ? 'btn-primary' : 'btn-secondary')}
        title="Favourites are kept 13 months"
        onClick={() => save({ ...note, favourite: !note.favourite }, note.favourite ? 'Removed from favourites' : 'Added to favourites — kept 13 months')}>
        {note.favourite ? '★ Favourite' : '☆ Favourite'}
      </button>
      <div class="note-labels">
        {note.labels.map((l) => (
          <span class="filter-chip label-chip" key={l}>{l}
            <button type="button" class="chip-remove" aria-label={`Remove label ${l}`}
              onClick={() => save({ ...note, labels: note.labels.filter((x) => x !== l) })}>×</button>
          </span>
        ))}
        <form class="inline-form" onSubmit={(e) => {
          e.preventDefault();
          if (label.trim()) { save({ ...note, labels: [...note.labels, label.trim()] }, 'Labelled — kept 13 months'); setLabel(''); }
        }}>
          <input id="new-label" class="input input-sm" placeholder="Add a label" value={label} maxLength={40} onInput={(e) => setLabel(e.currentTarget.value)} />
        </form>
      </div>
      <form class="inline-form note-form" onSubmit={(e) => { e.preventDefault(); save({ ...note, note: text }, 'Note saved'); }}>
        <input id="note-text" class="input input-sm" placeholder="Note for your team" value={text} maxLength={2000} onInput={(e) => setText(e.currentTarget.value)} />
        <button type="submit" class="btn btn-secondary btn-xs" id="save-note" disabled={text === note.note}>Save note</button>
      </form>
    </div>
  );
}
