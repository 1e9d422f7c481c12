/** Every fixed limit of the host, in one place. */
export const LIMITS = {
  /**
   * JSON request bodies larger than this are refused with 413. Big enough for the longest blog
   * (100,000 characters of CJK text is 300 KB of UTF-8, more when \u-escaped), small enough to bound memory.
   */
  bodyBytes: 1024 * 1024,
  pageSizeDefault: 20,
  pageSizeMax: 100,

  usernameMin: 3,
  usernameMax: 32,
  passwordMin: 8,
  passwordMax: 256,

  sessionTtlDays: 30,
  /** Failed logins allowed per username (and per client address) inside the window before throttling. */
  loginFailuresAllowed: 5,
  loginFailureWindowSeconds: 15 * 60,
  /** Failures from one client address before it is throttled; higher because of shared (NAT) addresses. */
  loginFailuresPerAddress: 50,
  /** A session is touched at most this often, so reads do not each cost a write. */
  sessionTouchSeconds: 60,

  nicknameMax: 40,
  signatureMax: 120,
  locationMax: 80,
  urlMax: 2048,
  themeIdMax: 64,
  /** Birthdays before this are refused as implausible (and PostgreSQL has no year 0). */
  birthdayEarliest: '1900-01-01',

  boardMessageMax: 1000,

  friendRequestNoteMax: 200,
  friendGroupNameMax: 40,
  friendGroupsPerUser: 50,

  moodTextMax: 2000,
  blogTitleMax: 200,
  blogBodyMax: 100_000,
  repostCommentMax: 2000,
  commentMax: 1000,
  audienceGroupsMax: 20,
} as const;
