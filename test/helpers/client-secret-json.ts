import type { GoogleSandbox } from '../fakes/google-sandbox/index.ts';

/**
 * The client_secret.json Google Cloud Console gives for the sandbox's default
 * client: `installed` for a Desktop app client, `web` for the kind Dropline refuses.
 */
export function clientSecretJson(sandbox: GoogleSandbox, top: 'installed' | 'web' = 'installed') {
  return JSON.stringify({
    [top]: {
      client_id: sandbox.defaultClient.clientId,
      client_secret: sandbox.defaultClient.clientSecret,
      project_id: sandbox.defaultClient.projectId,
      auth_uri: `${sandbox.baseUrl}/o/oauth2/v2/auth`,
      token_uri: `${sandbox.baseUrl}/token`,
      redirect_uris: ['http://localhost'],
    },
  });
}
