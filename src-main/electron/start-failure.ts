import { EngineAlreadyRunningError } from '../engine-process/engine-lock.ts';
import type { ElectronLike } from './electron-like.ts';

export interface StartFailure {
  title: string;
  message: string;
}

/**
 * What the start-up failure dialog says: what went wrong and what to do
 * next. Known causes get their own advice; anything else still names the
 * log folder.
 */
export function describeStartFailure(error: unknown, dataDir: string | null): StartFailure {
  const text = error instanceof Error ? error.message : String(error);
  const where = dataDir ? `\n\nData folder: ${dataDir}` : '';
  if (error instanceof EngineAlreadyRunningError || /engine lock/i.test(text))
    return {
      title: 'Dropline is already running',
      message: `${text}\n\nUse the Dropline that is already open (look for its icon in the tray or menu bar), or quit it and start Dropline again.${where}`,
    };
  if (/SQLITE_|database|dropline\.db|newer Dropline/i.test(text))
    return {
      title: 'Dropline cannot read its database',
      message: `${text}\n\nIf another program (a backup or sync tool) holds dropline.db, close it and start again. If this database came from a newer Dropline, update Dropline. Your data stays untouched.${where}`,
    };
  if (
    /key provider|keychain|keyring|safeStorage|secret service|DROPLINE_KEY_PROVIDER|DROPLINE_MASTER_KEY_FILE|master key/i.test(
      text,
    )
  )
    return {
      title: 'Dropline cannot open its key store',
      message: `${text}\n\nCheck that your system keychain is unlocked (or fix DROPLINE_KEY_PROVIDER / DROPLINE_MASTER_KEY_FILE), then start Dropline again.${where}`,
    };
  return {
    title: 'Dropline could not start',
    message: `${text}\n\nStart Dropline again; if this keeps happening, the log in the data folder's logs/ says more.${where}`,
  };
}

/** A native error dialog (works before `ready`), then a clean exit. */
export function failStart(electron: ElectronLike, error: unknown, dataDir: string | null): void {
  const failure = describeStartFailure(error, dataDir);
  console.error(
    `Dropline could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  try {
    electron.dialog.showErrorBox(failure.title, failure.message);
  } finally {
    electron.app.exit(1);
  }
}
