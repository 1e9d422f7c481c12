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
  /**
   * Failed sign-ins (and wrong current passwords) allowed per username in a fixed window of
   * loginFailureWindowSeconds before throttling; a successful sign-in clears the username's count.
   * Counted in Redis when REDIS_URL is set, so every instance sees every failure.
   */
  loginFailuresAllowed: 5,
  loginFailureWindowSeconds: 15 * 60,
  /** Failures from one client address before it is throttled; higher because of shared (NAT) addresses. */
  loginFailuresPerAddress: 50,
  /** A session is touched at most this often, so reads do not each cost a write. */
  sessionTouchSeconds: 60,

  /** People search: the query, after trimming, is 1 to this many characters. */
  peopleSearchQueryMax: 50,

  nicknameMax: 40,
  signatureMax: 120,
  locationMax: 80,
  urlMax: 2048,
  themeIdMax: 64,
  /** Birthdays before this are refused as implausible (and PostgreSQL has no year 0). */
  birthdayEarliest: '1900-01-01',

  boardMessageMax: 1000,

  /**
   * The live notification stream sends a heartbeat comment this often, and checks then that its
   * session is still valid (HostConfig.notificationHeartbeatMs overrides it in tests).
   */
  notificationHeartbeatSeconds: 25,

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

  /** Why an admin suspends or unsuspends an account. */
  suspensionReasonMax: 500,

  // audit: the log of admin actions.
  /** A reason longer than this is cut in the audit log (every action's own reason limit is lower). */
  auditReasonMax: 1000,
  /** The JSON of an entry's details: a few facts the host picks, never a whole request. */
  auditDetailsBytes: 2048,
  /** The longest subject id a filter of the audit log accepts (ids are uuids, plugin names are short). */
  auditSubjectIdMax: 100,

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
  /** What a developer may tell the reviewer when submitting a version. */
  appSubmitNoteMax: 1000,
  /** An app icon's upload: smaller than a photo's, since it becomes a small square. */
  appIconFileBytes: 5 * 1024 * 1024,
  /** The side of the square an uploaded icon is re-encoded to. */
  appIconSide: 256,

  // app-center: installs, uninstalls, launch tokens, invites.
  /** An uninstalled app's storage for the user is kept this long, so reinstalling finds it again. */
  appStorageGraceDays: 7,
  appStorageSweepIntervalSeconds: 60 * 60,
  /** Canvas launch tokens: short, because they travel in URLs (RFC 7519 `exp`). At most 5 minutes. */
  launchTokenTtlSeconds: 120,
  /** Friends one user may invite to apps per UTC day, over all apps. */
  appInvitesPerDay: 20,

  // oauth: the authorization server (codes, tokens, consent transactions).
  /** An authorization code must be exchanged within this (RFC 6749 §4.1.2 recommends at most 10 minutes; we keep it short). */
  oauthCodeTtlSeconds: 60,
  oauthAccessTokenTtlSeconds: 60 * 60,
  oauthRefreshTokenTtlDays: 30,
  /** How long a consent (or sign-in) page stays answerable. */
  oauthTransactionTtlSeconds: 10 * 60,
  /** Form bodies of the OAuth endpoints are tiny; anything bigger is refused. */
  oauthFormBytes: 16 * 1024,
  /**
   * Token endpoint requests (code exchanges, refreshes) one authenticated client may make per window:
   * an app's tokens are used for its Open API calls, so it never needs more of them than its app-wide
   * Open API budget allows calls (openApiAppRequestsPerWindow); a refresh loop stops here.
   */
  oauthTokenRequestsPerClient: 6000,
  oauthTokenWindowSeconds: 60,

  // open-api: /open/v1 (rate limits, stories, per-app storage).
  /**
   * Requests one access token, and one app over all its tokens, may make per fixed window. Counted in
   * Redis when REDIS_URL is set (every instance spends the same budget), else in the instance's memory.
   * HostConfig.openApiRateLimits overrides them.
   */
  openApiTokenRequestsPerWindow: 600,
  openApiAppRequestsPerWindow: 6000,
  openApiRateWindowSeconds: 60,
  /**
   * Open API requests with an unknown, expired or malformed access token from one client address per
   * window; past it the address is answered 429 before any token is looked up. Generous, because an app's
   * server calls for all its users from one address and some of their tokens will have expired.
   */
  openApiInvalidTokensPerAddress: 300,
  openApiInvalidTokenWindowSeconds: 60,
  /**
   * A rate-limit counter lives this much longer than its window, so an instance whose clock is a little
   * behind still adds to the window's counter instead of starting a fresh one.
   */
  rateLimitKeyGraceSeconds: 60,

  // database/change-feed: caches of who may do what, dropped by the database's change notifications.
  /** After the listening connection drops, the next attempt to listen again (caches store nothing meanwhile). */
  changeFeedReconnectMs: 1000,
  /**
   * The longest a cached entry is used: a change notification drops it at once, so this only bounds the
   * harm of a change that no trigger announces.
   */
  changeCacheTtlMs: 60_000,
  /** Entries per cache (sessions, access tokens, consents, clients, people); the oldest go first. */
  changeCacheEntries: 20_000,
  /**
   * An entry is kept only with at most this many tags (an app friends list has one per friend): each tag
   * costs memory, and a list this long is read from the database every time instead.
   */
  changeCacheTagsPerEntry: 500,
  /** App friends lists kept, each up to changeCacheTagsPerEntry tags: at most about 75 MB in all. */
  appFriendListsCached: 1000,
  /** First feed pages kept as shown (about 40 KB each with their tags): at most about 40 MB in all. */
  firstFeedPagesCached: 1000,
  /**
   * Stretches of a viewer's feed read past the first page, kept as shown: each this many entries (three
   * default pages, so a scroll down reads the database once every three pages, and the first scroll costs
   * about two pages' reading), about 65 KB with its tags: at most about 33 MB in all.
   */
  feedTimelineChunksCached: 500,
  feedTimelineChunkEntries: 60,
  /** First pages of a person's posts kept as shown, per viewer (about 30 KB each): at most about 30 MB. */
  firstAuthorPagesCached: 1000,

  // shared-store: the Redis connections (when REDIS_URL is set).
  redisConnectTimeoutMs: 5000,
  /** Reconnection attempts back off by 100 ms each, up to this. */
  redisReconnectMaxMs: 2000,
  /**
   * Open API calls are counted in each instance's memory and added to the database this often (a
   * crash loses at most this much of the count); the developer sees up to this many days of them.
   */
  openApiUsageFlushSeconds: 10,
  openApiUsageDaysDefault: 7,
  openApiUsageDaysMax: 90,
  /** Stories one app may post for one user per UTC day. */
  storiesPerUserPerAppPerDay: 20,
  storyTextMax: 500,
  /** One storage value, serialized as JSON (UTF-8 bytes). */
  storageValueBytes: 16 * 1024,
  /** Keys, and serialized bytes, one app may keep for one user. */
  storageKeysPerUser: 1000,
  storageBytesPerUser: 1024 * 1024,

  // open-api: gifts, app notifications, app-wide storage and reminders.
  giftNameMax: 40,
  giftMessageMax: 200,
  /** Gifts one user may send through one app per UTC day. */
  giftsPerSenderPerAppPerDay: 50,
  appNotificationTextMax: 140,
  /** Notifications one user may send through one app per UTC day. */
  appNotificationsPerSenderPerAppPerDay: 20,
  /** Keys, and serialized bytes, one app may keep in its app-wide storage (values: storageValueBytes). */
  appWideStorageKeys: 100_000,
  appWideStorageBytes: 64 * 1024 * 1024,
  /** Operations one atomic storage batch may carry. */
  storageBatchOperationsMax: 25,
  /** Reminders one app may set for one user per UTC day, how far ahead, and how much data each carries. */
  remindersPerUserPerAppPerDay: 50,
  reminderMaxDaysAhead: 30,
  reminderDataBytes: 2 * 1024,

  // orders: coins charged through apps, confirmed by users, delivered by apps.
  /** The most coins one order may charge. */
  orderPriceMax: 100_000,
  orderSkuMax: 64,
  orderItemNameMax: 100,
  orderItemDescriptionMax: 500,
  /** The app's own data about an order (a JSON object), serialized. */
  orderMetadataBytes: 1024,
  /** An order the user has not paid within this expires. */
  orderPaymentWindowSeconds: 30 * 60,
  /** A paid order the app has not confirmed delivering within this is refunded in full. */
  orderDeliveryWindowSeconds: 60 * 60,
  /** How often the sweeper looks for orders to expire or refund, and how many it handles per look. */
  orderSweepIntervalSeconds: 30,
  orderSweepBatch: 100,

  // purges of expired sign-in and OAuth state (sessions, consent transactions, codes, tokens, grants).
  /** How often expired state is purged, and how many rows each delete takes (a run deletes in batches). */
  expiredStateSweepIntervalSeconds: 10 * 60,
  expiredStateSweepBatch: 1000,
  /** Batches per table per run: a backlog is worked off over several runs, never in one long one. */
  expiredStateSweepMaxBatches: 20,
  /** Codes, tokens and grants stay this long after they expire: answers about them stay "expired". */
  expiredStateGraceSeconds: 24 * 60 * 60,

  // events: delivery of the outbox to webhooks and plugins.
  /** How often the dispatcher looks for due events, and how many it claims per look. */
  eventPollIntervalMs: 1000,
  eventDeliveryBatch: 100,
  /** One webhook call (or in-process receiver call) may take this long before it counts as failed. */
  webhookTimeoutMs: 10_000,
  /** A claimed event is due again after this if its instance died mid-send (longer than the timeout). */
  eventLeaseMs: 60_000,
  /** Retry delays: the first, doubling up to the cap, each with up to this much extra random jitter. */
  webhookRetryFirstMs: 10_000,
  webhookRetryMaxMs: 60 * 60 * 1000,
  webhookRetryJitter: 0.2,
  /** An event still undelivered this long after it became due has failed, and its app is unhealthy. */
  webhookRetryWindowMs: 24 * 60 * 60 * 1000,
  /** How much of a receiver's error (or response) is kept to show its developer. */
  webhookErrorMax: 300,
  /** Deliveries the developer's webhook page lists, newest first. */
  webhookRecentDeliveries: 20,
  /** How much of a receiver's last response body the delivery log keeps (characters). */
  webhookResponseExcerptMax: 500,

  // plugins: the sandbox that runs built-in apps.
  /** Heap of one plugin's isolate; going past it ends the isolate (and the call), which is then recreated. */
  pluginMemoryMb: 64,
  /** CPU one call may spend before its first await (the isolate interrupts it). */
  pluginCpuMsPerCall: 200,
  /** Wall-clock limit of one call, awaits included (the watchdog); HostConfig.plugins can shorten it. */
  pluginCallTimeoutMs: 5000,
  /** A call's JSON request body, and the JSON result a handler may return. */
  pluginRequestBytes: 64 * 1024,
  pluginResultBytes: 256 * 1024,
  /** Log lines one plugin may write per minute in one worker; the rest are counted and dropped. */
  pluginLogLinesPerMinute: 120,
  /** Log lines one call may write (the rest are counted and dropped), and the characters of each. */
  pluginLogLinesPerCall: 20,
  pluginLogMessageMax: 1000,
  /** Characters kept of a failure's reason and of a problem's detail, wherever they come from. */
  pluginReasonMax: 500,
  pluginProblemDetailMax: 1000,
  /**
   * The bridge's back-pressure, per call: Open API requests in all and at a time, characters of one
   * request's JSON (method, path, body, headers, query) and bytes of one response's body.
   */
  pluginBridgeRequestsPerCall: 100,
  pluginBridgeConcurrentPerCall: 8,
  pluginBridgeRequestBytes: 64 * 1024,
  pluginBridgeResponseBytes: 256 * 1024,
  /** The Retry-After of a call interrupted by another call's timeout, or crowded out by other calls. */
  pluginRetryAfterSeconds: 1,
  /** Consecutive failed calls that disable a plugin (circuit breaker); recent failures kept for admins. */
  pluginFailuresToDisable: 5,
  pluginRecentFailuresKept: 10,
  /**
   * Resident memory of one plugin's worker process: the isolate's heap, ArrayBuffers, ICU (Intl) objects and
   * queued messages, everything the isolate's own limit does not see. Passing it ends that process.
   */
  pluginProcessMemoryMb: 256,
  /**
   * CPU a worker may use within a second with no call in flight (finalizers, a built-in still sorting after
   * its call was answered); passing it ends the process. Idle housekeeping uses a few milliseconds.
   */
  pluginIdleCpuMsPerSecond: 300,
  /** An idle worker that grew this much above its memory after loading is replaced by a fresh one. */
  pluginWorkerGrowthMb: 32,
  /** How often the supervisor reads each worker's memory and CPU time. */
  pluginProcessSampleMs: 200,
  /** How often it reads the memory of the workers running calls. */
  pluginMemoryWatchMs: 25,
  /** A dead worker is restarted after a delay doubling from the first to the cap (reset once it runs a while). */
  pluginWorkerRestartFirstMs: 100,
  pluginWorkerRestartMaxMs: 10_000,
  pluginWorkerStableMs: 30_000,
  /** A cached plugin access token is replaced this long before it expires. */
  pluginTokenRenewSeconds: 120,

  // shutdown: what SIGTERM waits for before the host closes anyway.
  /** Requests in flight get this long to finish after SIGTERM (KONGJIAN_SHUTDOWN_TIMEOUT_MS overrides it). */
  shutdownTimeoutMs: 10_000,
  /**
   * While draining, connections kept alive are closed only once no request has arrived for this long: a load
   * balancer may be sending one on any of them, and only a quiet instance has none on the way.
   */
  drainQuietMs: 1000,
  /**
   * How long an idle kept-alive connection stays open: longer than a load balancer keeps its pooled ones
   * (nginx's upstream `keepalive_timeout` is 60 s), so the balancer, not the host, closes them, and never
   * while sending a request on one.
   */
  keepAliveTimeoutMs: 65_000,
} as const;
