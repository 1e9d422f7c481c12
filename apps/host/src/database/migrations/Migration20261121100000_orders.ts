import { Migration } from '@mikro-orm/migrations';

/**
 * Orders: coins charged through apps, confirmed by the user, delivered by the app. A paid order's
 * coins wait in the escrow account until the app confirms delivery (then they go to the developer and
 * the platform) or the delivery deadline passes (then they go back to the buyer).
 *
 * `app_id` has no foreign key on purpose: an order outlives a deleted app, so the sweeper can still
 * refund the coins it holds in escrow.
 */
export class Migration20261121100000_orders extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table coin_account drop constraint coin_account_kind_check,
  add constraint coin_account_kind_check check (kind in ('wallet', 'issuance', 'revenue', 'escrow'));
insert into coin_account (id, kind, user_id, created_at) values
  ('00000000-0000-7000-8000-00000000c013', 'escrow', null, now());

alter table coin_transaction drop constraint coin_transaction_kind_check,
  add constraint coin_transaction_kind_check check (kind in ('grant', 'transfer', 'vip_purchase',
    'item_purchase', 'order_payment', 'order_delivery', 'order_refund'));

create table app_order (
  id uuid primary key,
  app_id uuid not null,
  buyer_id uuid not null references user_account(id),
  sku text not null,
  name text not null,
  description text,
  price integer not null check (price > 0),
  metadata jsonb,
  status text not null
    check (status in ('pending', 'paid', 'delivered', 'cancelled', 'expired', 'refunded')),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  expires_at timestamptz not null,
  paid_at timestamptz,
  delivery_due_at timestamptz,
  delivered_at timestamptz,
  refunded_at timestamptz,
  platform_share integer,
  payment_transaction_id uuid references coin_transaction(id),
  delivery_transaction_id uuid references coin_transaction(id),
  refund_transaction_id uuid references coin_transaction(id),
  check ((status in ('paid', 'delivered', 'refunded')) = (payment_transaction_id is not null)),
  check ((status = 'delivered') = (delivery_transaction_id is not null)),
  check ((status = 'refunded') = (refund_transaction_id is not null))
);
create index app_order_buyer_idx on app_order (buyer_id, created_at desc, id desc);
create index app_order_app_idx on app_order (app_id, created_at desc, id desc);
-- what the sweeper looks for: unpaid orders past their expiry, paid ones past their delivery deadline
create index app_order_pending_idx on app_order (expires_at) where status = 'pending';
create index app_order_undelivered_idx on app_order (delivery_due_at) where status = 'paid';
`);
  }

  override async down(): Promise<void> {
    // The ledger is append-only history: order transactions and a used escrow account stay, so the
    // narrower checks apply to new rows only (not valid).
    this.addSql(`
drop table if exists app_order;
delete from coin_account a where a.kind = 'escrow'
  and not exists (select 1 from coin_entry e where e.account_id = a.id);
alter table coin_account drop constraint coin_account_kind_check,
  add constraint coin_account_kind_check check (kind in ('wallet', 'issuance', 'revenue')) not valid;
alter table coin_transaction drop constraint coin_transaction_kind_check,
  add constraint coin_transaction_kind_check
    check (kind in ('grant', 'transfer', 'vip_purchase', 'item_purchase')) not valid;
`);
  }
}
