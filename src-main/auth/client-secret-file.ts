import { parseDocument } from 'yaml';
import { AppError } from '../../src-shared/api/errors.ts';
import { escapeControls, quoted } from '../../src-shared/text/quote.ts';
import { setupSteps } from '../../src-shared/domain/google-setup.ts';

export interface OAuthClientCredentials {
  clientId: string;
  clientSecret: string;
  projectId: string | null;
}

export const INVALID_CLIENT = 'invalid_client_file';
/** A "Web application" client's JSON: refused, with setup step 4 (a Desktop app client). */
export const WEB_CLIENT = 'web_client_file';

const REQUIRED = ['client_id', 'client_secret', 'auth_uri', 'token_uri', 'redirect_uris'] as const;

function invalid(message: string): AppError {
  return new AppError(INVALID_CLIENT, message, false);
}

/**
 * Reads a client_secret.json downloaded from Google Cloud Console. Only the
 * "Desktop app" (installed) format works with loopback sign-in; every
 * problem is named so the user knows what to fix.
 */
export function parseClientSecretFile(
  text: string,
  name = 'client_secret.json',
): OAuthClientCredentials {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    // V8's message quotes the text around the mistake, which may be the secret itself.
    throw invalid(
      `${name} is not JSON${jsonErrorPlace(text)}. Download it again from Google Cloud Console.`,
    );
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc))
    throw invalid(`${name} must hold a JSON object with an "installed" key.`);
  const top = doc as Record<string, unknown>;
  if ('web' in top && !('installed' in top))
    throw new AppError(
      WEB_CLIENT,
      `${name} is for a "Web application" client. Dropline needs a "Desktop app" client: in Google Cloud Console, create an OAuth client ID of type "Desktop app" and download its JSON (setup step 4: ${setupSteps[3]!.url}).`,
      false,
    );
  const installed = top.installed;
  if (installed === undefined)
    throw invalid(
      `${name} has no "installed" key (found: ${
        Object.keys(top)
          .slice(0, 10)
          .map((k) => escapeControls(k.slice(0, 40)))
          .join(', ') || 'nothing'
      }). Create an OAuth client ID of type "Desktop app" and download its JSON.`,
    );
  if (installed === null || typeof installed !== 'object' || Array.isArray(installed))
    throw invalid(`${name}: "installed" must be an object.`);
  const fields = installed as Record<string, unknown>;
  const missing = REQUIRED.filter((key) => fields[key] === undefined || fields[key] === '');
  if (missing.length)
    throw invalid(`${name}: missing ${missing.map((k) => `installed.${k}`).join(', ')}.`);
  for (const key of ['client_id', 'client_secret'] as const) {
    if (typeof fields[key] !== 'string')
      throw invalid(`${name}: installed.${key} must be a string.`);
  }
  const projectId = typeof fields.project_id === 'string' ? fields.project_id : null;
  return checkCredentials(
    fields.client_id as string,
    fields.client_secret as string,
    projectId,
    name,
  );
}

/** Where JSON.parse gave up, as "(line L, column C)", found by the YAML parser (JSON is YAML). */
function jsonErrorPlace(text: string): string {
  const pos = parseDocument(text).errors[0]?.linePos?.[0];
  return pos ? ` (the first mistake is at line ${pos.line}, column ${pos.col})` : '';
}

// Google's OAuth client ids: "<project number>-<random>.apps.googleusercontent.com".
const CLIENT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*\.apps\.googleusercontent\.com$/;

/** The id alone, so the CLI refuses a wrong one before anyone types a secret. */
export function checkClientId(clientId: string, where = 'client'): string {
  const id = clientId.trim();
  if (!id) throw invalid(`${where}: client_id is empty.`);
  if (id.length > 512) throw invalid(`${where}: client_id is too long.`);
  if (/\s/.test(id)) throw invalid(`${where}: client_id contains spaces.`);
  if (!CLIENT_ID.test(id))
    throw invalid(
      `${where}: client_id ${quoted(id, 60)} is not a Google OAuth client id (they end in ".apps.googleusercontent.com"; copy it from Google Cloud Console → APIs & Services → Credentials).`,
    );
  return id;
}

/** Id and secret typed in by hand get the same checks as a file. */
export function checkCredentials(
  clientId: string,
  clientSecret: string,
  projectId: string | null = null,
  where = 'client',
): OAuthClientCredentials {
  const id = checkClientId(clientId, where);
  const secret = clientSecret.trim();
  if (!secret) throw invalid(`${where}: client_secret is empty.`);
  // Never quoted: any part of a secret in a message would end up in terminals and logs.
  if (/\s/.test(secret)) throw invalid(`${where}: client_secret contains spaces.`);
  if (secret.length > 512) throw invalid(`${where}: client_secret is too long.`);
  return { clientId: id, clientSecret: secret, projectId };
}
