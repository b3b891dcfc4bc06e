import { AppError } from '../../src-shared/api/errors.ts';
import { presetFileMaxBytes } from '../../src-shared/api/publishing.ts';
import { pickPreset, type Preset, type PresetFields } from '../../src-shared/publishing/preset.ts';
import type { Clock } from '../base/clock.ts';
import type { EventHub } from '../rpc/event-hub.ts';
import { parsePresetFile } from './preset-file.ts';
import type { PresetRepository } from './preset-repository.ts';
import { presetProblems } from './preset-rules.ts';

/** Presets: named metadata, global or per channel. */
export class PresetService {
  readonly #repo: PresetRepository;
  readonly #clock: Clock;
  readonly #events: EventHub;

  constructor(deps: { repo: PresetRepository; clock: Clock; events: EventHub }) {
    this.#repo = deps.repo;
    this.#clock = deps.clock;
    this.#events = deps.events;
  }

  list(): Preset[] {
    return this.#repo.list();
  }

  /** The channel's own preset of that name, else the global one. */
  find(name: string, channelId: string | null): Preset | null {
    return pickPreset(this.#repo.list(), name, channelId) ?? null;
  }

  get(name: string, channelId: string | null): Preset {
    const preset = channelId === null ? this.#repo.get(name, null) : this.find(name, channelId);
    if (!preset)
      throw new AppError(
        'not_found',
        `No preset named "${name}"${channelId ? ` for channel ${channelId} or global` : ''}; see \`dropline presets list\`.`,
      );
    return preset;
  }

  set(name: string, channelId: string | null, fields: PresetFields): Preset {
    const problems = presetProblems(fields);
    if (problems.length)
      throw new AppError(
        'invalid_input',
        problems.map((p) => `${p.field}: ${p.message}`).join('; '),
      );
    return this.#save(name, channelId, fields);
  }

  import(name: string, channelId: string | null, fileName: string, text: string): Preset {
    if (Buffer.byteLength(text, 'utf8') > presetFileMaxBytes)
      throw new AppError(
        'invalid_input',
        `${fileName}: larger than ${presetFileMaxBytes} bytes; a preset file is a few lines.`,
      );
    const parsed = parsePresetFile(fileName, text);
    if (!parsed.ok) throw new AppError('invalid_input', parsed.message);
    return this.#save(name, channelId, parsed.fields);
  }

  remove(name: string, channelId: string | null): { removed: boolean } {
    const removed = this.#repo.remove(name, channelId);
    if (removed) this.#changed();
    return { removed };
  }

  #save(name: string, channelId: string | null, fields: PresetFields): Preset {
    const saved = this.#repo.save(
      name,
      channelId,
      fields,
      new Date(this.#clock.now()).toISOString(),
    );
    this.#changed();
    return saved;
  }

  #changed(): void {
    this.#events.emit('presets.changed', { presets: this.#repo.list() });
  }
}
