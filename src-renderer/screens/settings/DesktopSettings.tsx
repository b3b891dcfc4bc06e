import { useEffect, useState } from 'react';
import type { Settings, SettingsPatch } from '../../../src-shared/domain/settings.ts';
import { ToolPathSchema } from '../../../src-shared/domain/settings.ts';
import { ToolStatusLine } from '../../components/ToolStatusLine.tsx';
import { useTools } from '../../state/tools-store.ts';
import { BrowserNotifications } from './BrowserNotifications.tsx';

type Flag = {
  [K in keyof Settings]: Settings[K] extends boolean ? K : never;
}[keyof Settings];

const kinds: [Flag, string][] = [
  ['notifyUploadDone', 'An upload is done'],
  ['notifyUploadFailed', 'An upload failed'],
  ['notifyNeedsReconnect', 'A channel needs reconnecting'],
  ['notifyQuotaWait', 'Uploads wait for YouTube quota'],
  ['notifyCookieExpiring', 'A cookie file is about to expire'],
  ['notifyUpdateReady', 'An update is ready to install'],
];

function Check(props: {
  name: Flag;
  label: string;
  settings: Settings;
  update(p: SettingsPatch): void;
  disabled?: boolean;
}) {
  return (
    <label className="checkbox">
      <input
        type="checkbox"
        name={props.name}
        checked={props.settings[props.name]}
        disabled={props.disabled}
        onChange={(e) => props.update({ [props.name]: e.target.checked })}
      />
      {props.label}
    </label>
  );
}

/** A program path, checked where it is typed (a full path or empty), saved on Enter or leaving. */
function PathField(props: {
  name: 'ffprobePath' | 'ytdlpPath';
  label: string;
  hint: string;
  value: string;
  save(v: string): void;
}) {
  const [text, setText] = useState(props.value);
  useEffect(() => setText(props.value), [props.value]);
  const parsed = ToolPathSchema.safeParse(text);
  const problem = parsed.success ? null : (parsed.error.issues[0]?.message ?? 'not a path');
  const commit = () => {
    if (parsed.success && parsed.data !== props.value) props.save(parsed.data);
  };
  return (
    <label>
      {props.label}
      <input
        name={props.name}
        value={text}
        placeholder={props.hint}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      {problem && <span className="error-text">The path {problem}.</span>}
    </label>
  );
}

/** The desktop app's own settings, the per-kind OS notifications, programs and updates. */
export function DesktopSettings({
  settings,
  desktop,
  update,
}: {
  settings: Settings;
  desktop: boolean;
  update(p: SettingsPatch): void;
}) {
  const { tools, update: updateStatus, error, load, checkForUpdates } = useTools();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <>
      {desktop && (
        <>
          <h3>Desktop app</h3>
          <div className="form">
            <Check
              name="keepInTray"
              label="Keep running in the tray when the window is closed"
              settings={settings}
              update={update}
            />
            <Check
              name="startAtLogin"
              label="Start Dropline when I log in (in the tray, without a window)"
              settings={settings}
              update={update}
            />
            <Check
              name="autoUpdateCheck"
              label="Check for updates automatically"
              settings={settings}
              update={update}
            />
          </div>
        </>
      )}
      <h3>Notifications by kind</h3>
      {!desktop && <BrowserNotifications />}
      <div className="form" data-testid="notify-kinds">
        {kinds.map(([name, label]) => (
          <Check
            key={name}
            name={name}
            label={label}
            settings={settings}
            update={update}
            disabled={!settings.notifications}
          />
        ))}
      </div>
      <h3>Programs</h3>
      <div className="form">
        <PathField
          name="ffprobePath"
          label="ffprobe (checks that a watched video is complete)"
          hint="Empty: the ffprobe shipped with Dropline"
          value={settings.ffprobePath}
          save={(v) => update({ ffprobePath: v })}
        />
        <ToolStatusLine name="ffprobe" status={tools?.ffprobe ?? null} />
        <PathField
          name="ytdlpPath"
          label="yt-dlp (downloads; keep it up to date yourself)"
          hint="Empty: DROPLINE_YTDLP or yt-dlp on PATH"
          value={settings.ytdlpPath}
          save={(v) => update({ ytdlpPath: v })}
        />
        <ToolStatusLine name="yt-dlp" status={tools?.ytdlp ?? null} />
      </div>
      {desktop && updateStatus && (
        <>
          <h3>Updates</h3>
          <p data-testid="update-status">
            {updateStatus.state === 'ready'
              ? `Dropline ${updateStatus.version} is ready: restart to install it (the bell has the button).`
              : updateStatus.state === 'downloading'
                ? `Downloading Dropline ${updateStatus.version}…`
                : (updateStatus.message ??
                  `Dropline ${updateStatus.currentVersion} is the newest version.`)}
          </p>
          {updateStatus.state !== 'unsupported' && (
            <button
              type="button"
              disabled={updateStatus.state === 'checking'}
              onClick={() => void checkForUpdates()}
            >
              Check for updates
            </button>
          )}
        </>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
