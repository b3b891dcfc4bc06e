import { useEffect } from 'react';
import { pickPreset, type Preset } from '../../../src-shared/publishing/preset.ts';
import { usePublishing } from '../publishing/publishing-store.ts';

/**
 * Picks a preset for the ticked channels: global ones, and each channel's
 * own (which wins over a global one of the same name for that channel).
 * `onPick` gets the preset as the first ticked channel sees it.
 */
export function PresetPicker({
  channelIds,
  value,
  onPick,
}: {
  channelIds: readonly string[];
  value: string;
  onPick(name: string, preset: Preset | null): void;
}) {
  const presets = usePublishing((s) => s.presets);
  const loaded = usePublishing((s) => s.loaded);
  useEffect(() => {
    if (!loaded) void usePublishing.getState().load();
  }, [loaded]);
  const names = [
    ...new Set(
      presets
        .filter((p) => p.channelId === null || channelIds.includes(p.channelId))
        .map((p) => p.name),
    ),
  ].sort();
  if (names.length === 0) return null;
  return (
    <label>
      Preset
      <select
        name="preset"
        value={value}
        onChange={(e) => {
          const name = e.target.value;
          onPick(name, name ? (pickPreset(presets, name, channelIds[0] ?? null) ?? null) : null);
        }}
      >
        <option value="">(none)</option>
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}
