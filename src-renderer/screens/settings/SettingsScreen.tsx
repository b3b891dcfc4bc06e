import { useEffect } from 'react';
import { NumberSetting } from '../../components/NumberSetting.tsx';
import { useSettings } from '../../state/settings-store.ts';
import { QuotaSettings } from './QuotaSettings.tsx';
import { SecuritySettings } from './SecuritySettings.tsx';
import { DesktopSettings } from './DesktopSettings.tsx';

export function SettingsScreen() {
  const { settings, info, error, load, update } = useSettings();
  useEffect(() => {
    if (!settings) void load();
  }, [settings, load]);

  if (!settings)
    return (
      <section className="screen">
        <h2>Settings</h2>
        <p>{error ?? 'Loading…'}</p>
      </section>
    );
  return (
    <section className="screen">
      <h2>Settings</h2>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="form">
        <label>
          Theme
          <select
            name="theme"
            value={settings.theme}
            onChange={(e) => void update({ theme: e.target.value as typeof settings.theme })}
          >
            <option value="system">Follow the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            name="notifications"
            checked={settings.notifications}
            onChange={(e) => void update({ notifications: e.target.checked })}
          />
          Notify me when an upload finishes or a channel needs me
        </label>
        <NumberSetting
          label="Uploads at once (all channels)"
          name="globalConcurrency"
          min={1}
          max={10}
          value={settings.globalConcurrency}
          save={(v) => void update({ globalConcurrency: v })}
        />
        <NumberSetting
          label="Uploads at once per channel"
          name="perChannelConcurrency"
          min={1}
          max={5}
          value={settings.perChannelConcurrency}
          save={(v) => void update({ perChannelConcurrency: v })}
        />
        <NumberSetting
          label="Upload speed limit in KiB/s (0 = no limit)"
          name="bandwidthLimitKiBps"
          min={0}
          value={settings.bandwidthLimitKiBps}
          save={(v) => void update({ bandwidthLimitKiBps: v })}
        />
        <NumberSetting
          label="Warn this many hours before cookie files expire"
          name="cookieWarningHours"
          min={1}
          max={720}
          value={settings.cookieWarningHours}
          save={(v) => void update({ cookieWarningHours: v })}
        />
        <NumberSetting
          label="Backup cookie files kept per label"
          name="cookieBackups"
          min={0}
          max={10}
          value={settings.cookieBackups}
          save={(v) => void update({ cookieBackups: v })}
        />
        <NumberSetting
          label="Check every channel's sign-in every this many hours"
          name="healthCheckHours"
          min={1}
          max={168}
          value={settings.healthCheckHours}
          save={(v) => void update({ healthCheckHours: v })}
        />
        {info?.mode === 'desktop' && (
          <label className="checkbox">
            <input
              type="checkbox"
              name="localApiEnabled"
              checked={settings.localApiEnabled}
              onChange={(e) => void update({ localApiEnabled: e.target.checked })}
            />
            Let the <code>dropline</code> command line control this app
          </label>
        )}
      </div>
      <DesktopSettings
        settings={settings}
        desktop={info?.mode === 'desktop'}
        update={(patch) => void update(patch)}
      />
      <QuotaSettings settings={settings} update={update} />
      <SecuritySettings />
      {info && (
        <dl className="about">
          <dt>Version</dt>
          <dd data-testid="app-version">{info.version}</dd>
          <dt>Mode</dt>
          <dd>{info.mode}</dd>
          <dt>Data folder</dt>
          <dd>{info.dataDir}</dd>
        </dl>
      )}
    </section>
  );
}
