import {
  PresetFieldsSchema,
  type Preset,
  type PresetFields,
} from '../../src-shared/publishing/preset.ts';
import type { Db } from '../db/database.ts';

interface Row {
  name: string;
  channel_id: string;
  fields: string;
  updated_at: string;
}

const toPreset = (r: Row): Preset => ({
  name: r.name,
  channelId: r.channel_id === '' ? null : r.channel_id,
  fields: PresetFieldsSchema.parse(JSON.parse(r.fields)),
  updatedAt: r.updated_at,
});

/** Named presets; channel '' stands for global. */
export class PresetRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  list(): Preset[] {
    return (this.#db.prepare('SELECT * FROM presets ORDER BY name, channel_id').all() as Row[]).map(
      toPreset,
    );
  }

  get(name: string, channelId: string | null): Preset | null {
    const row = this.#db
      .prepare('SELECT * FROM presets WHERE name = ? AND channel_id = ?')
      .get(name, channelId ?? '') as Row | undefined;
    return row ? toPreset(row) : null;
  }

  save(name: string, channelId: string | null, fields: PresetFields, at: string): Preset {
    this.#db
      .prepare(
        `INSERT INTO presets (name, channel_id, fields, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(name, channel_id) DO UPDATE SET fields = excluded.fields, updated_at = excluded.updated_at`,
      )
      .run(name, channelId ?? '', JSON.stringify(fields), at);
    return this.get(name, channelId) as Preset;
  }

  remove(name: string, channelId: string | null): boolean {
    return (
      this.#db
        .prepare('DELETE FROM presets WHERE name = ? AND channel_id = ?')
        .run(name, channelId ?? '').changes > 0
    );
  }
}
