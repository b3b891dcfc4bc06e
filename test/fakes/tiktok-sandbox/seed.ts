export type PrivacyLevel =
  'PUBLIC_TO_EVERYONE' | 'MUTUAL_FOLLOW_FRIENDS' | 'FOLLOWER_OF_CREATOR' | 'SELF_ONLY';

export interface TikTokApp {
  clientKey: string;
  clientSecret: string;
  /** An app that has not passed TikTok's audit may post SELF_ONLY only. */
  audited: boolean;
}

export interface TikTokAccount {
  openId: string;
  username: string;
  nickname: string;
  avatarUrl: string;
  privacyLevelOptions: PrivacyLevel[];
  commentDisabled: boolean;
  duetDisabled: boolean;
  stitchDisabled: boolean;
  maxVideoPostDurationSec: number;
}

export const defaultApps: TikTokApp[] = [
  {
    clientKey: 'sbxaudited000001',
    clientSecret: 'sandbox-audited-not-a-secret',
    audited: true,
  },
  {
    clientKey: 'sbxunaudited0002',
    clientSecret: 'sandbox-unaudited-not-a-secret',
    audited: false,
  },
];

export function defaultAccounts(baseUrl: string): TikTokAccount[] {
  return [
    {
      openId: '-000carol-open-id-0001',
      username: 'carol.cuts',
      nickname: 'Carol Cuts',
      avatarUrl: `${baseUrl}/__sandbox/avatar/carol.png`,
      privacyLevelOptions: [
        'PUBLIC_TO_EVERYONE',
        'MUTUAL_FOLLOW_FRIENDS',
        'FOLLOWER_OF_CREATOR',
        'SELF_ONLY',
      ],
      commentDisabled: false,
      duetDisabled: false,
      stitchDisabled: false,
      maxVideoPostDurationSec: 600,
    },
    {
      openId: '-000dave-open-id-00002',
      username: 'dave.private',
      nickname: 'Dave (private account)',
      avatarUrl: `${baseUrl}/__sandbox/avatar/dave.png`,
      // A private account has no public option (creator_info docs).
      privacyLevelOptions: ['FOLLOWER_OF_CREATOR', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
      commentDisabled: true,
      duetDisabled: true,
      stitchDisabled: false,
      maxVideoPostDurationSec: 180,
    },
  ];
}
