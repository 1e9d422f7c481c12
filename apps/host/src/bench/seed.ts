import type { Client } from 'pg';

/**
 * Set-based seeding of a synthetic social graph straight into the host's tables.
 *
 * Every id and timestamp is a pure function of a row number, written as an SQL expression, so each
 * table is one `INSERT ... SELECT` over `generate_series` and no table needs a lookup into another:
 * user n's id is known to the friendship, group and post inserts without a join.
 */

export interface GraphShape {
  users: number;
  /** Friends per user; stored as two `friendship` rows per pair, as the host does. */
  friends: number;
  posts: number;
}

/** A seed step's name, the rows it wrote and how long it took. */
export interface SeedTiming {
  step: string;
  rows: number;
  ms: number;
}

/** Friends of each user that make up each of their two friend groups. */
const GROUP_SIZE = 10;
const GROUP_NAMES = ['Classmates', 'Family'] as const;
/** Posts and feed entries spread over this many days before the bench started. */
const POST_SPAN_DAYS = 90;
/** Users were created this long before the bench, so every friendship and post comes after its users. */
const USER_AGE_DAYS = 400;
/** Rows per statement: big enough to be set-based, small enough to show progress on the large tables. */
const USERS_PER_CHUNK = 10_000;
const POSTS_PER_CHUNK = 100_000;
const SPACE_MODULES = ['profile', 'moods', 'blogs', 'messageBoard', 'visitors', 'friends'];

/** Namespaces inside the ids, so users, groups and posts never share an id. */
const ID_NAMESPACE = { user: 0, group: 1, post: 2 } as const;
/** Seeds of `hashint8extended`, one per independent pseudo-random choice about a post. */
const HASH_SEED = { time: 11, author: 12, privacy: 13, group: 14, length: 15 } as const;

/** A small deterministic PRNG (mulberry32), so two runs build the same graph. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * User n befriends n + k and n - k (mod users) for each offset k. Offsets are distinct and below
 * users / 2, so the 2 × offsets friends of a user are distinct and every friendship is mutual.
 */
export function friendOffsets(shape: GraphShape): number[] {
  const count = Math.floor(shape.friends / 2);
  const maxOffset = Math.floor((shape.users - 1) / 2);
  if (count < 1 || count > maxOffset) {
    throw new Error(`BENCH_FRIENDS must be between 2 and ${2 * maxOffset} for ${shape.users} users`);
  }
  const random = prng(0x6b6a);
  const offsets = new Set<number>();
  while (offsets.size < count) offsets.add(1 + Math.floor(random() * maxOffset));
  return [...offsets];
}

/** Pure SQL expressions for the ids and times of row number `n`, given the bench's start time. */
class SqlIds {
  readonly userBaseMs: number;

  constructor(
    readonly nowMs: number,
    private readonly users: number,
  ) {
    this.userBaseMs = nowMs - USER_AGE_DAYS * 86_400_000;
  }

  /** A UUIDv7 layout: 48-bit Unix milliseconds, version 7, a namespace, the variant, a sequence number. */
  uuid7(msSql: string, namespace: number, seqSql: string): string {
    const ns = namespace.toString(16).padStart(3, '0');
    return `(lpad(to_hex(${msSql}), 12, '0') || '7${ns}8' || lpad(to_hex(${seqSql}), 15, '0'))::uuid`;
  }

  timestamp(msSql: string): string {
    return `(timestamptz '1970-01-01 00:00:00+00' + (${msSql}) * interval '1 millisecond')`;
  }

  /** Users are created one second apart, so user ids sort by row number. */
  userMs(n: string): string {
    return `(${this.userBaseMs}::bigint + (${n}) * 1000)`;
  }

  userId(n: string): string {
    return this.uuid7(this.userMs(n), ID_NAMESPACE.user, n);
  }

  userCreatedAt(n: string): string {
    return this.timestamp(this.userMs(n));
  }

  /** Groups are made a day after their owner. */
  groupMs(n: string): string {
    return `(${this.userMs(n)} + 86400000)`;
  }

  groupId(n: string, g: string): string {
    return this.uuid7(this.groupMs(n), ID_NAMESPACE.group, `(${n}) * 2 + (${g})`);
  }

  /** (n + k) mod users, non-negative for negative k. */
  wrap(sum: string): string {
    return `(((${sum}) % ${this.users} + ${this.users}) % ${this.users})`;
  }
}

type Query = (sql: string, params?: unknown[]) => Promise<number>;

export class GraphSeeder {
  private readonly ids: SqlIds;
  private readonly offsets: number[];
  readonly timings: SeedTiming[] = [];

  /**
   * `clients` are connections to the bench database; chunks of the large inserts run on all of them
   * at once, since one INSERT ... SELECT keeps only one core busy.
   */
  constructor(
    private readonly clients: Client[],
    private readonly shape: GraphShape,
    now: Date,
  ) {
    this.ids = new SqlIds(now.getTime(), shape.users);
    this.offsets = friendOffsets(shape);
  }

  /** The user id of row number n, as the seed wrote it. */
  async userId(n: number): Promise<string> {
    const result = await this.clients[0].query<{ id: string }>(
      `select ${this.ids.userId('$1::bigint')} as id`,
      [n],
    );
    return result.rows[0].id;
  }

  username(n: number): string {
    return `bench_${n}`;
  }

  /** A friend of user n (every user has one at n + the first offset). */
  friendOf(n: number): number {
    return (n + this.offsets[0]) % this.shape.users;
  }

  /**
   * Per-session settings for a bulk load; the data is built consistent, so foreign keys need no checking.
   * (Not `synchronous_commit = off`: VACUUM cannot mark pages all-visible while their inserting commit
   * is unflushed, and the feed's index-only scans need the visibility map.)
   */
  async prepareSessions(): Promise<{ foreignKeyChecks: boolean }> {
    let foreignKeyChecks = false;
    for (const client of this.clients) {
      await client.query(`set work_mem = '64MB'`);
      try {
        // Skips the per-row foreign key triggers (needs a superuser): on 10 million friendship rows they
        // would cost more than the inserts themselves.
        await client.query('set session_replication_role = replica');
      } catch {
        foreignKeyChecks = true;
      }
    }
    return { foreignKeyChecks };
  }

  /** Users, their spaces, friendships both ways, two friend groups each with their members. */
  async seedGraph(passwordHash: string): Promise<void> {
    const { users } = this.shape;
    const ids = this.ids;

    await this.step('users', () =>
      this.chunked(users, USERS_PER_CHUNK * 5, (query, lo, hi) =>
        query(
          `insert into user_account (id, username, username_key, password_hash, roles, created_at)
           select ${ids.userId('n')}, 'bench_' || n, 'bench_' || n, $1, '{user}', ${ids.userCreatedAt('n')}
           from generate_series(${lo}::bigint, ${hi - 1}) as n`,
          [passwordHash],
        ),
      ),
    );

    await this.step('spaces', () =>
      this.chunked(users, USERS_PER_CHUNK * 5, (query, lo, hi) =>
        query(
          `insert into space (user_id, nickname, modules, updated_at)
           select ${ids.userId('n')}, 'Bench user ' || n, $1::jsonb, ${ids.userCreatedAt('n')}
           from generate_series(${lo}::bigint, ${hi - 1}) as n`,
          [JSON.stringify(SPACE_MODULES)],
        ),
      ),
    );

    // Pair (a, b) gets the same created_at in both of its rows: it depends only on the later user and |k|.
    const signed = [...this.offsets, ...this.offsets.map((k) => -k)];
    await this.step('friendships', () =>
      this.chunked(users, USERS_PER_CHUNK, (query, lo, hi) =>
        query(
          `insert into friendship (user_id, friend_id, created_at)
           select ${ids.userId('s.n')}, ${ids.userId('f.m')},
                  ${ids.userCreatedAt('greatest(s.n, f.m)')} + (abs(o.k) % 300) * interval '1 day'
           from generate_series(${lo}::bigint, ${hi - 1}) as s(n)
           cross join unnest($1::int[]) as o(k)
           cross join lateral (select ${ids.wrap('s.n + o.k')} as m) as f`,
          [signed],
        ),
      ),
    );

    await this.step('friend groups', () =>
      this.chunked(users, USERS_PER_CHUNK * 5, (query, lo, hi) =>
        query(
          `insert into friend_group (id, owner_id, name, created_at)
           select ${ids.groupId('n', 'g')}, ${ids.userId('n')}, ($1::text[])[g + 1], ${ids.timestamp(ids.groupMs('n'))}
           from generate_series(${lo}::bigint, ${hi - 1}) as n cross join generate_series(0, 1) as g`,
          [GROUP_NAMES],
        ),
      ),
    );

    // Group 0 holds friends n + k, group 1 friends n - k, for the first GROUP_SIZE offsets: all friends.
    const groupOffsets = this.offsets.slice(0, GROUP_SIZE);
    await this.step('friend group members', () =>
      this.chunked(users, USERS_PER_CHUNK * 5, (query, lo, hi) =>
        query(
          `insert into friend_group_member (group_id, member_id)
           select ${ids.groupId('s.n', 'g.g')}, ${ids.userId(ids.wrap('s.n + g.sign * o.k'))}
           from generate_series(${lo}::bigint, ${hi - 1}) as s(n)
           cross join unnest($1::int[]) as o(k)
           cross join (values (0, 1), (1, -1)) as g(g, sign)`,
          [groupOffsets],
        ),
      ),
    );
  }

  /**
   * Posts number `from` to `to - 1` with their feed entries and, for 'groups' posts, their audience.
   * Author, time and privacy are hashes of the post number, so the first 10% of posts are a uniform
   * sample of the full set: same authors, same 90 days, same privacy mix.
   */
  async seedPosts(from: number, to: number): Promise<void> {
    const ids = this.ids;
    const spanMs = POST_SPAN_DAYS * 86_400_000;
    await this.step(`posts ${from.toLocaleString('en-US')}–${to.toLocaleString('en-US')}`, () =>
      this.chunked(to - from, POSTS_PER_CHUNK, (query, lo, hi) =>
        query(
          `with drawn as (
               select s.p,
                      ${ids.nowMs}::bigint - abs(hashint8extended(s.p, ${HASH_SEED.time}) % ${spanMs}) as ms,
                      abs(hashint8extended(s.p, ${HASH_SEED.author}) % ${this.shape.users}) as author,
                      abs(hashint8extended(s.p, ${HASH_SEED.privacy}) % 10) as bucket,
                      abs(hashint8extended(s.p, ${HASH_SEED.group}) % 2) as grp,
                      abs(hashint8extended(s.p, ${HASH_SEED.length}) % 120) as extra
               from generate_series(${from + lo}::bigint, ${from + hi - 1}) as s(p)
             ), built as materialized (
               select ${ids.uuid7('ms', ID_NAMESPACE.post, 'p')} as id,
                      ${ids.userId('author')} as author_id,
                      ${ids.timestamp('ms')} as created_at,
                      -- 50% public, 30% friends, 10% chosen groups, 10% private
                      case when bucket < 5 then 'public' when bucket < 8 then 'friends'
                           when bucket < 9 then 'groups' else 'private' end as privacy,
                      'Mood ' || p || ': ' || left(repeat(md5(p::text), 5), 20 + extra::int) as body,
                      author, grp
               from drawn
             ), posts as (
               insert into post (id, author_id, kind, title, body, repost_of_id, privacy, created_at, updated_at)
               select id, author_id, 'mood', null, body, null, privacy, created_at, created_at from built
             ), entries as (
               insert into feed_entry (id, actor_id, verb, post_id, comment_id, created_at)
               select id, author_id, 'posted', id, null, created_at from built
             )
             insert into audience_group (subject_id, group_id)
             select id, ${ids.groupId('author', 'grp')} from built where privacy = 'groups'`,
        ).then(() => hi - lo),
      ),
    );
    // The load may have skipped the tables' triggers (session_replication_role): say what they would have,
    // so the running host drops the feed pages it keeps.
    await this.clients[0].query(`select pg_notify('kongjian_changes', 'feed:*')`);
  }

  /**
   * Sets hint bits and the visibility map and refreshes statistics now, so neither a first reader nor
   * a late autovacuum does that work during a measurement; the checkpoint flushes the load's dirty pages.
   */
  async vacuum(tables: string[]): Promise<void> {
    await this.step(`vacuum, analyze ${tables.length} tables`, async () => {
      // Plain VACUUMs may run side by side, but not next to an ANALYZE: its snapshot would hold back the
      // horizon and the vacuums would leave every page not-all-visible (no index-only scans later).
      let next = 0;
      await Promise.all(
        this.clients.map(async (client) => {
          while (next < tables.length) await client.query(`vacuum ${tables[next++]}`);
        }),
      );
      await this.clients[0].query(`analyze ${tables.join(', ')}`);
      try {
        await this.clients[0].query('checkpoint');
      } catch {
        // Only superusers (or pg_checkpoint members) may; the bench still works without it.
      }
      return 0;
    });
  }

  private async step(name: string, run: () => Promise<number>): Promise<void> {
    const started = performance.now();
    const rows = await run();
    const ms = performance.now() - started;
    this.timings.push({ step: name, rows, ms });
    // One whole line per step: Nx passes output on line by line, so a half-written line would break.
    console.log(
      `  ${name}: ${rows ? `${rows.toLocaleString('en-US')} rows in ` : ''}${(ms / 1000).toFixed(1)} s`,
    );
  }

  /** Runs `total` rows in chunks, spread over the connections; returns the rows written. */
  private async chunked(
    total: number,
    chunkSize: number,
    run: (query: Query, lo: number, hi: number) => Promise<number>,
  ): Promise<number> {
    const chunks: Array<[number, number]> = [];
    for (let lo = 0; lo < total; lo += chunkSize) chunks.push([lo, Math.min(lo + chunkSize, total)]);
    let next = 0;
    let rows = 0;
    const worker = async (client: Client): Promise<void> => {
      const query: Query = async (sql, params) => (await client.query(sql, params)).rowCount ?? 0;
      while (next < chunks.length) {
        const [lo, hi] = chunks[next++];
        // Not `rows += await …`: that reads `rows` before awaiting and loses the other workers' counts.
        const written = await run(query, lo, hi);
        rows += written;
      }
    };
    await Promise.all(this.clients.map(worker));
    return rows;
  }
}
