import { Migration } from '@mikro-orm/migrations';

/**
 * The economy: coin accounts and a double-entry ledger (balanced and append-only, enforced by the
 * database), idempotency records, VIP memberships, the decoration item catalog and inventories,
 * and daily activity points.
 */
export class Migration20261121020000_economy extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table coin_account (
  id uuid primary key,
  kind text not null check (kind in ('wallet', 'issuance', 'revenue')),
  user_id uuid unique references user_account(id),
  created_at timestamptz not null,
  check ((kind = 'wallet') = (user_id is not null))
);
insert into coin_account (id, kind, user_id, created_at) values
  ('00000000-0000-7000-8000-00000000c011', 'issuance', null, now()),
  ('00000000-0000-7000-8000-00000000c012', 'revenue', null, now());

create table coin_transaction (
  id uuid primary key,
  kind text not null check (kind in ('grant', 'transfer', 'vip_purchase', 'item_purchase')),
  actor_id uuid not null references user_account(id),
  memo text,
  created_at timestamptz not null
);

create table coin_entry (
  id uuid primary key,
  transaction_id uuid not null references coin_transaction(id),
  account_id uuid not null references coin_account(id),
  amount bigint not null check (amount <> 0),
  created_at timestamptz not null
);
create index coin_entry_account_idx on coin_entry (account_id, created_at desc, id desc);
create index coin_entry_transaction_idx on coin_entry (transaction_id);

-- Checked at commit, once every entry of the transaction is in: the entries must sum to zero.
create function coin_entry_balanced() returns trigger language plpgsql as $$
begin
  if (select coalesce(sum(amount), 0) from coin_entry where transaction_id = new.transaction_id) <> 0 then
    raise exception 'coin transaction % does not balance', new.transaction_id using errcode = '23514';
  end if;
  return null;
end $$;
create constraint trigger coin_entry_balanced after insert on coin_entry
  deferrable initially deferred for each row execute function coin_entry_balanced();

-- The ledger is history: a mistake is corrected by a new transaction, never by editing an old one.
create function coin_ledger_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'the coin ledger is append-only' using errcode = '42501';
end $$;
create trigger coin_entry_append_only before update or delete on coin_entry
  for each row execute function coin_ledger_append_only();
create trigger coin_transaction_append_only before update or delete on coin_transaction
  for each row execute function coin_ledger_append_only();

create table coin_idempotency (
  actor_id uuid not null references user_account(id),
  idempotency_key text not null,
  fingerprint text not null,
  transaction_id uuid references coin_transaction(id),
  response_json text,
  created_at timestamptz not null,
  primary key (actor_id, idempotency_key)
);

create table vip_membership (
  user_id uuid primary key references user_account(id) on delete cascade,
  since timestamptz not null,
  expires_at timestamptz not null,
  updated_at timestamptz not null
);

create table shop_item (
  id uuid primary key,
  kind text not null check (kind in ('theme', 'skin', 'music')),
  code text not null unique,
  name text not null,
  description text not null,
  price int not null check (price >= 0),
  vip_only boolean not null,
  music_url text,
  position int not null
);
insert into shop_item (id, kind, code, name, description, price, vip_only, music_url, position) values
  ('00000000-0000-7000-8000-000000001001', 'theme', 'classic', '经典', 'The classic Kongjian look', 0, false, null, 1),
  ('00000000-0000-7000-8000-000000001002', 'theme', 'sakura', '樱花', 'Cherry blossoms in spring', 0, false, null, 2),
  ('00000000-0000-7000-8000-000000001003', 'theme', 'starry-night', '星空', 'A night full of stars', 0, false, null, 3),
  ('00000000-0000-7000-8000-000000001004', 'theme', 'bamboo', '竹林', 'A quiet bamboo grove', 0, false, null, 4),
  ('00000000-0000-7000-8000-000000001005', 'theme', 'ocean', '海洋', 'Waves and sea breeze', 0, false, null, 5),
  ('00000000-0000-7000-8000-000000001006', 'theme', 'jade-garden', '翡翠园', 'A classical garden in jade green', 200, false, null, 6),
  ('00000000-0000-7000-8000-000000001007', 'theme', 'lantern-festival', '元宵灯会', 'Red lanterns for the Lantern Festival', 300, false, null, 7),
  ('00000000-0000-7000-8000-000000001008', 'theme', 'golden-dragon', '金龙', 'A golden dragon, for yellow-diamond members', 500, true, null, 8),
  ('00000000-0000-7000-8000-000000001009', 'theme', 'yellow-diamond', '黄钻尊享', 'Free for every yellow-diamond member', 0, true, null, 9),
  ('00000000-0000-7000-8000-000000001010', 'skin', 'ink-wash', '水墨', 'An ink-wash painting skin', 80, false, null, 10),
  ('00000000-0000-7000-8000-000000001011', 'skin', 'pixel-cat', '像素猫', 'A pixel-art cat skin', 120, false, null, 11),
  ('00000000-0000-7000-8000-000000001012', 'skin', 'aurora', '极光', 'Northern lights, for yellow-diamond members', 0, true, null, 12),
  ('00000000-0000-7000-8000-000000001013', 'music', 'spring-breeze', '春风', 'A light piano piece', 0, false, 'https://static.kongjian.example/music/spring-breeze.mp3', 13),
  ('00000000-0000-7000-8000-000000001014', 'music', 'moonlight', '月光', 'A guzheng piece for quiet evenings', 50, false, 'https://static.kongjian.example/music/moonlight.mp3', 14),
  ('00000000-0000-7000-8000-000000001015', 'music', 'royal-anthem', '尊享乐章', 'An orchestral theme for yellow-diamond members', 150, true, 'https://static.kongjian.example/music/royal-anthem.mp3', 15);

create table owned_item (
  user_id uuid not null references user_account(id) on delete cascade,
  item_id uuid not null references shop_item(id),
  transaction_id uuid references coin_transaction(id),
  acquired_at timestamptz not null,
  primary key (user_id, item_id)
);

create table activity_points (
  user_id uuid not null references user_account(id) on delete cascade,
  activity text not null,
  day date not null,
  points int not null check (points >= 0),
  primary key (user_id, activity, day)
);
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop table if exists activity_points, owned_item, shop_item, vip_membership, coin_idempotency, coin_entry,
  coin_transaction, coin_account cascade;
drop function if exists coin_entry_balanced(), coin_ledger_append_only();
`);
  }
}
