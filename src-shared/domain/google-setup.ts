/**
 * The guided Google Cloud setup: one list of steps for the Channels screen and
 * `dropline setup`, and which step fixes each error Google answers on a first
 * run (google-facts.md, "setup errors"). Pure data: no platform imports.
 */
export interface SetupStep {
  n: 1 | 2 | 3 | 4 | 5;
  title: string;
  /** What to do there, in plain words. */
  detail: string;
  /** The Google Cloud Console page to open. */
  url: string;
}

export const setupSteps: readonly SetupStep[] = [
  {
    n: 1,
    title: 'Create a Google Cloud project',
    detail:
      'Sign in with any Google account, give the project a name (for example "Dropline") and create it. Its quota is shared by every channel you connect through it.',
    url: 'https://console.cloud.google.com/projectcreate',
  },
  {
    n: 2,
    title: 'Enable the YouTube Data API v3',
    detail: 'With the new project selected, open the API’s page and press Enable.',
    url: 'https://console.cloud.google.com/apis/library/youtube.googleapis.com',
  },
  {
    n: 3,
    title: 'Set up the OAuth consent screen',
    detail:
      'Choose "External", fill in the app name and your e-mail. Then either add each Google account you will sign in with as a test user (Audience → Test users; sign-ins then end after 7 days), or publish the app (Audience → Publish app) so sign-ins last.',
    url: 'https://console.cloud.google.com/apis/credentials/consent',
  },
  {
    n: 4,
    title: 'Create an OAuth client of type "Desktop app"',
    detail:
      'Credentials → Create credentials → OAuth client ID → Application type "Desktop app". Not "Web application": only a Desktop app client accepts Dropline’s sign-in on 127.0.0.1.',
    url: 'https://console.cloud.google.com/apis/credentials/oauthclient',
  },
  {
    n: 5,
    title: 'Download its JSON and drop it here',
    detail:
      'In the list of OAuth clients, press the download button of the new client and drop the client_secret….json file on Dropline (or run `dropline client set --file FILE`).',
    url: 'https://console.cloud.google.com/apis/credentials',
  },
];

/** What went wrong, in plain words, and where to fix it. */
export interface SetupHelp {
  /** The step that fixes it; null when the fix is outside Google Cloud (create a channel). */
  step: SetupStep['n'] | null;
  words: string;
  url: string;
}

const stepUrl = (n: SetupStep['n']): string => setupSteps[n - 1]!.url;

/** The project number in Google's "has not been used in project N" message, when there. */
export function projectNumberIn(message: string): string | null {
  return /project (\d+)/.exec(message)?.[1] ?? null;
}

/**
 * The setup step that fixes a first-run error, by the code Dropline gives it
 * (the Google reason or OAuth error it came from); null when setup is not the cause.
 */
export function setupHelpFor(code: string, message = ''): SetupHelp | null {
  switch (code) {
    case 'accessNotConfigured': {
      const project = projectNumberIn(message);
      return {
        step: 2,
        words: `Enable the YouTube Data API v3 for project ${project ?? 'of your OAuth client'}, wait a minute, then connect again.`,
        url: project
          ? `https://console.developers.google.com/apis/api/youtube.googleapis.com/overview?project=${project}`
          : stepUrl(2),
      };
    }
    case 'access_denied':
      return {
        step: 3,
        words:
          'Google refused the sign-in. Unless you pressed Cancel, this Google account is not a test user of your OAuth app: add it to the test-user list of the OAuth consent screen, or publish the app.',
        url: stepUrl(3),
      };
    case 'web_client_file':
      return {
        step: 4,
        words:
          'This JSON belongs to a "Web application" client. Create an OAuth client of type "Desktop app" and download its JSON instead.',
        url: stepUrl(4),
      };
    case 'redirect_uri_mismatch':
      return {
        step: 4,
        words:
          'Google refused Dropline’s return address: the OAuth client is not of type "Desktop app". Create a "Desktop app" client and use its JSON.',
        url: stepUrl(4),
      };
    case 'youtubeSignupRequired':
    case 'no_channel':
      return {
        step: null,
        words:
          'This Google account has no YouTube channel yet. Create one on YouTube (or pick the brand account that owns the channel when signing in), then connect again.',
        url: 'https://www.youtube.com/create_channel',
      };
    default:
      return null;
  }
}

/** The help as one line for a terminal or an error message. */
export function setupHelpLine(help: SetupHelp): string {
  const where =
    help.step === null ? '' : ` (setup step ${help.step}; \`dropline setup\` lists all)`;
  return `${help.words} Open ${help.url}${where}.`;
}
