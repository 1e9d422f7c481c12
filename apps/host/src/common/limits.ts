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
  /** The most coins one grant, transfer or purchase may move. */
  coinAmountMax: 1_000_000,
  coinMemoMax: 200,
  /** Clients choose idempotency keys (a UUID fits easily); printable ASCII only. */
  idempotencyKeyMax: 100,
  vipMonthsMax: 12,

  keywordPhraseMax: 100,
  /** Keyword rules in all: bounds the automaton every host instance keeps in memory. */
  keywordRulesMax: 50_000,
  /** How long a host trusts its keyword automaton before checking whether the rules changed. */
  keywordRulesTtlMs: 1000,
  moderationReasonMax: 500,
  reportReasonMax: 500,
  /** The newest report reasons shown with a case in the review queue. */
  caseReportReasonsShown: 5,

  albumsPerUser: 1000,
  photosPerAlbum: 10_000,
  albumTitleMax: 100,
  albumDescriptionMax: 2000,
  photoTitleMax: 100,
  photoDescriptionMax: 2000,
  /** Bytes of one uploaded image file; multer refuses bigger files (413) before they are processed. */
  photoFileBytes: 20 * 1024 * 1024,
  /**
   * Pixels (width × height, all frames of an animation) an upload may decode to: refuses
   * decompression bombs (a small file claiming a huge image) before any pixel is decoded.
   */
  photoPixelsMax: 100_000_000,
  /** The longest side of the web-size copy and of the thumbnail. */
  photoWebSide: 1600,
  photoThumbSide: 320,
  /** Photos one mood may carry, as on Qzone. */
  moodPhotosMax: 9,

  // apps: the app registry.
  appNameMax: 60,
  appDescriptionMax: 1000,
  appRedirectUrisMax: 10,
  appsPerDeveloper: 50,
  /** Accounts besides its developer that may use an app in development mode. */
  appTestersMax: 20,

  // oauth: the authorization server (codes, tokens, consent transactions).
  /** An authorization code must be exchanged within this (RFC 6749 §4.1.2 recommends at most 10 minutes; we keep it short). */
  oauthCodeTtlSeconds: 60,
  oauthAccessTokenTtlSeconds: 60 * 60,
  oauthRefreshTokenTtlDays: 30,
  /** How long a consent (or sign-in) page stays answerable. */
  oauthTransactionTtlSeconds: 10 * 60,
  /** Form bodies of the OAuth endpoints are tiny; anything bigger is refused. */
  oauthFormBytes: 16 * 1024,

  // open-api: /open/v1 (rate limits, stories, per-app storage).
  /**
   * Requests one access token, and one app over all its tokens, may make per window. Counted in
   * memory by each host instance (a fixed window per instance): behind a load balancer of N
   * instances an app gets up to N times these. AppConfig.openApiRateLimits overrides them.
   */
  openApiTokenRequestsPerWindow: 600,
  openApiAppRequestsPerWindow: 6000,
  openApiRateWindowSeconds: 60,
  /** Stories one app may post for one user per UTC day. */
  storiesPerUserPerAppPerDay: 20,
  storyTextMax: 500,
  /** One storage value, serialized as JSON (UTF-8 bytes). */
  storageValueBytes: 16 * 1024,
  /** Keys, and serialized bytes, one app may keep for one user. */
  storageKeysPerUser: 1000,
  storageBytesPerUser: 1024 * 1024,
} as const;
