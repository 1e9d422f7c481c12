import {
  ChangeSetType,
  EntityManager,
  MikroORM,
  type EventSubscriber,
  type FlushEventArgs,
  type TransactionEventArgs,
} from '@mikro-orm/core';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Notification } from './notification.entity';
import { UnreadSignal } from './unread-signal';

/** A knex transaction; a nested one (a savepoint) knows the transaction it is in. */
interface Transaction {
  parentTransaction?: Transaction;
}

/** The outermost transaction: only its commit makes a change visible to other connections. */
function outermost(transaction: Transaction): Transaction {
  let current = transaction;
  while (current.parentTransaction) current = current.parentTransaction;
  return current;
}

/**
 * Signals a change of unread counts once it is committed, never before: a stream that read the
 * count on a signal sent inside the transaction would read the old one. New notifications are seen
 * when they are flushed (every kind, from every module, goes through NotificationsService.notify);
 * changes made with SQL report themselves through `changed`.
 */
@Injectable()
export class UnreadPublisher implements EventSubscriber, OnModuleInit {
  /** Users to signal when each open outermost transaction commits; forgotten on rollback. */
  private readonly pending = new WeakMap<object, Set<string>>();

  constructor(
    private readonly orm: MikroORM,
    private readonly signal: UnreadSignal,
  ) {}

  onModuleInit(): void {
    // Forks (requests, transactions) share or copy this event manager, so one registration covers all.
    this.orm.em.getEventManager().registerSubscriber(this);
  }

  /** The user's unread count changed in `em`'s current transaction (or just now, outside one). */
  changed(em: EntityManager, userIds: Iterable<string>): void {
    const transaction = em.getTransactionContext<Transaction>();
    if (!transaction) {
      for (const userId of new Set(userIds)) this.signal.publish(userId);
      return;
    }
    const root = outermost(transaction);
    let users = this.pending.get(root);
    if (!users) {
      users = new Set();
      this.pending.set(root, users);
    }
    for (const userId of userIds) users.add(userId);
  }

  afterFlush({ em, uow }: FlushEventArgs): void {
    const recipients = uow
      .getChangeSets()
      .filter(
        (changeSet) => changeSet.type === ChangeSetType.CREATE && changeSet.entity instanceof Notification,
      )
      .map((changeSet) => (changeSet.entity as Notification).recipientId);
    if (recipients.length > 0) this.changed(em, recipients);
  }

  afterTransactionCommit({ transaction }: TransactionEventArgs): void {
    if (!transaction) return;
    const users = this.pending.get(transaction as object);
    if (!users) return;
    this.pending.delete(transaction as object);
    for (const userId of users) this.signal.publish(userId);
  }

  afterTransactionRollback({ transaction }: TransactionEventArgs): void {
    if (transaction) this.pending.delete(transaction as object);
  }
}
