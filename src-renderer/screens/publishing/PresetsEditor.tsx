import { useState, type FormEvent } from 'react';
import { useChannels } from '../../state/channels-store.ts';
import { draftOf, emptyDraft, fieldsOf, type PresetDraft } from './preset-form.ts';
import { usePublishing } from './publishing-store.ts';

/** Presets: named metadata for the Add upload form, watched folders and `dropline upload --preset`. */
export function PresetsEditor() {
  const presets = usePublishing((s) => s.presets);
  const loaded = usePublishing((s) => s.loaded);
  const error = usePublishing((s) => s.errors.preset);
  const { savePreset, removePreset } = usePublishing();
  const channels = useChannels((s) => s.channels);
  const [draft, setDraft] = useState<PresetDraft>(emptyDraft);
  const [problem, setProblem] = useState<string | null>(null);
  const set = <K extends keyof PresetDraft>(key: K, value: PresetDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const title = (id: string | null) =>
    id === null ? 'All channels' : (channels.find((c) => c.id === id)?.title ?? id);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const out = fieldsOf(draft);
    if ('problem' in out) return setProblem(out.problem);
    setProblem(null);
    if (await savePreset(draft.name.trim(), draft.channelId || null, out.fields))
      setDraft(emptyDraft);
  };
  const text = (key: keyof PresetDraft, label: string, hint?: string) => (
    <label>
      {label}
      <input
        name={key}
        value={draft[key]}
        placeholder={hint}
        onChange={(e) => set(key, e.target.value as never)}
        aria-invalid={error?.startsWith(key) || undefined}
      />
    </label>
  );
  const choice = (key: keyof PresetDraft, label: string, options: [string, string][]) => (
    <label>
      {label}
      <select name={key} value={draft[key]} onChange={(e) => set(key, e.target.value as never)}>
        {options.map(([value, shown]) => (
          <option key={value} value={value}>
            {shown}
          </option>
        ))}
      </select>
    </label>
  );
  const unset: [string, string] = ['', '(not set)'];
  return (
    <section aria-label="Presets">
      {presets.length === 0 ? (
        loaded && <p className="muted">No presets yet.</p>
      ) : (
        <ul className="preset-list">
          {presets.map((p) => (
            <li key={`${p.name}/${p.channelId ?? ''}`} data-testid="preset">
              <strong>{p.name}</strong> <span className="muted">· {title(p.channelId)}</span>{' '}
              <span className="muted">({Object.keys(p.fields).join(', ') || 'empty'})</span>{' '}
              <button
                type="button"
                onClick={() => setDraft(draftOf(p.name, p.channelId, p.fields))}
              >
                Edit
              </button>{' '}
              <button type="button" onClick={() => void removePreset(p.name, p.channelId)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="form preset-form" onSubmit={(e) => void submit(e)} aria-label="Preset">
        {text('name', 'Name')}
        {choice('channelId', 'For', [
          ['', 'All channels'],
          ...channels.map((c): [string, string] => [c.id, c.title]),
        ])}
        <label>
          Description footer (added to every description)
          <textarea
            name="descriptionFooter"
            rows={2}
            value={draft.descriptionFooter}
            onChange={(e) => set('descriptionFooter', e.target.value)}
          />
        </label>
        {text('tags', 'Tags', 'comma-separated')}
        {text('categoryId', 'Category id', '22')}
        {text('playlistId', 'Playlist id')}
        {choice('privacy', 'Privacy', [
          unset,
          ['private', 'private'],
          ['unlisted', 'unlisted'],
          ['public', 'public'],
        ])}
        {choice('madeForKids', 'Made for kids', [unset, ['yes', 'yes'], ['no', 'no']])}
        {choice('containsSyntheticMedia', 'Altered or synthetic content', [
          unset,
          ['yes', 'yes'],
          ['no', 'no'],
        ])}
        {text('defaultLanguage', 'Default language', 'en')}
        <label>
          Localizations (one per line: de: Title | Description)
          <textarea
            name="localizations"
            rows={2}
            value={draft.localizations}
            onChange={(e) => set('localizations', e.target.value)}
          />
        </label>
        {choice('schedule', 'Publish time', [
          ['', 'as given'],
          ['channel', "the channel's next free slot"],
        ])}
        {(problem ?? error) && (
          <p className="error-text" role="alert" data-testid="preset-error">
            {problem ?? error}
          </p>
        )}
        <button type="submit" disabled={draft.name.trim() === ''}>
          Save preset
        </button>
      </form>
    </section>
  );
}
