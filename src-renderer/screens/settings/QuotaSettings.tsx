import type { Settings, SettingsPatch } from '../../../src-shared/domain/settings.ts';
import { NumberSetting } from '../../components/NumberSetting.tsx';

/** Google's pages disagree on what an upload costs (google-facts.md), so the user picks the model. */
const modelHelp: Record<Settings['quotaModel'], string> = {
  auto: 'Dropline counts what it sent today and starts uploads until Google answers “quota exceeded” for the project; then it sends nothing until midnight Pacific time. A refused start sends no video bytes, so this never wastes quota.',
  units:
    'Each upload (videos.insert) takes 1600 units from the project’s daily units ("Queries per day", 10,000 by default): about 6 uploads a day.',
  calls:
    'Uploads have a daily number of videos.insert calls of their own (100 by default) and take nothing from the daily units; choose this when your project’s quota page lists them separately.',
};

export function QuotaSettings(props: {
  settings: Settings;
  update(patch: SettingsPatch): Promise<void>;
}) {
  const { settings, update } = props;
  const nothingFits =
    settings.quotaModel === 'units' && settings.quotaInsertUnits > settings.quotaDailyUnits;
  return (
    <div className="form" role="group" aria-labelledby="quota-heading">
      <h3 id="quota-heading">Quota</h3>
      <p className="muted">
        YouTube counts quota per Google Cloud project, and resets it at midnight Pacific time.
        Dropline counts it per OAuth client, which belongs to one project: channels connected
        through the same client share these numbers. Enter what your project’s YouTube Data API v3
        quota page in Google Cloud Console shows.
      </p>
      <label>
        Upload cost model
        <select
          name="quotaModel"
          value={settings.quotaModel}
          onChange={(e) => void update({ quotaModel: e.target.value as Settings['quotaModel'] })}
        >
          <option value="auto">Automatic: upload until Google says the quota is used up</option>
          <option value="units">Units: an upload costs units from the daily pool</option>
          <option value="calls">Calls: uploads have their own daily count</option>
        </select>
      </label>
      <p className="muted" data-testid="quota-model-help">
        {modelHelp[settings.quotaModel]}
      </p>
      <NumberSetting
        label="Daily units per project"
        name="quotaDailyUnits"
        min={1}
        max={100_000_000}
        value={settings.quotaDailyUnits}
        save={(v) => void update({ quotaDailyUnits: v })}
      />
      {settings.quotaModel === 'units' ? (
        <NumberSetting
          label="Units per upload"
          name="quotaInsertUnits"
          min={1}
          max={100_000}
          value={settings.quotaInsertUnits}
          save={(v) => void update({ quotaInsertUnits: v })}
        />
      ) : settings.quotaModel === 'auto' ? null : (
        <NumberSetting
          label="Uploads (videos.insert calls) per day"
          name="quotaDailyInsertCalls"
          min={1}
          max={100_000}
          value={settings.quotaDailyInsertCalls}
          save={(v) => void update({ quotaDailyInsertCalls: v })}
        />
      )}
      <NumberSetting
        label="Hard cap: uploads a day per project (0 = no cap)"
        name="quotaDailyUploadCap"
        min={0}
        max={100_000}
        value={settings.quotaDailyUploadCap}
        save={(v) => void update({ quotaDailyUploadCap: v })}
      />
      {nothingFits && (
        <p className="error-text" role="alert">
          An upload costs more units than a day has: no upload can start.
        </p>
      )}
    </div>
  );
}
