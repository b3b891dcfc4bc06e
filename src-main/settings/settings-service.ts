import {
  SettingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../src-shared/domain/settings.ts';
import type { EventHub } from '../rpc/event-hub.ts';
import type { Clock } from '../base/clock.ts';
import type { SettingsRepository } from './settings-repository.ts';

export class SettingsService {
  readonly #repo: SettingsRepository;
  readonly #events: EventHub;
  readonly #clock: Clock;
  /** The engine reads settings on hot paths (the bandwidth cap per piece): keep them in memory. */
  #cached: Settings | null = null;

  constructor(repo: SettingsRepository, events: EventHub, clock: Clock) {
    this.#repo = repo;
    this.#events = events;
    this.#clock = clock;
  }

  get(): Settings {
    this.#cached ??= this.#load();
    return this.#cached;
  }

  #load(): Settings {
    const stored = this.#repo.readAll();
    // Each stored value is checked on its own so one bad row keeps its default only.
    const merged: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(stored)) {
      const field = SettingsSchema.shape[key as keyof Settings];
      if (field && field.safeParse(value).success) merged[key] = value;
    }
    return Object.freeze(SettingsSchema.parse(merged));
  }

  set(patch: SettingsPatch): Settings {
    this.#repo.writeMany(patch, new Date(this.#clock.now()).toISOString());
    this.#cached = null;
    const settings = this.get();
    this.#events.emit('settings.changed', settings);
    return settings;
  }
}
