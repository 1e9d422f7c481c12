import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { type Keyset, keysetCondition } from '../common/pagination';
import { sqlRows, sqlRun } from '../database/sql';
import type { KeywordAction } from './moderation-state';

export interface KeywordRuleRow {
  id: string;
  phrase: string;
  action: KeywordAction;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/** A new rule: its phrase as the admin wrote it and the normalized form the automaton matches. */
export interface NewKeywordRule {
  id: string;
  phrase: string;
  normalized: string;
  action: KeywordAction;
  createdBy: string;
  createdAt: Date;
}

const RULE_COLUMNS = 'id, phrase, action, created_by, created_at, updated_at';

/**
 * SQL of the keyword rules (`moderation_rule`) and their version (`moderation_rules_version`, one row that
 * moves with every change, so each instance can tell cheaply whether its automaton is current).
 */
@Injectable()
export class KeywordRulesRepository {
  // The caller's entity manager (and transaction, if any): PGlite has a single connection.
  constructor(private readonly em: EntityManager) {}

  async version(): Promise<string> {
    const [{ version }] = await sqlRows<{ version: string }>(
      this.em,
      'select version::text as version from moderation_rules_version',
    );
    return version;
  }

  /** Every rule with the version they make, read in one statement so the two always agree. */
  async rulesWithVersion(): Promise<{ version: string; rules: { phrase: string; action: KeywordAction }[] }> {
    const rows = await sqlRows<{ version: string; phrase: string | null; action: KeywordAction | null }>(
      this.em,
      `select v.version::text as version, r.phrase, r.action
         from moderation_rules_version v left join moderation_rule r on true`,
    );
    return {
      version: rows[0].version,
      rules: rows.flatMap((row) =>
        row.phrase && row.action ? [{ phrase: row.phrase, action: row.action }] : [],
      ),
    };
  }

  /** Rules, newest first, after the keyset; one more than `limit`. */
  list(limit: number, after: Keyset | undefined): Promise<KeywordRuleRow[]> {
    const keyset = keysetCondition('r', after);
    return sqlRows<KeywordRuleRow>(
      this.em,
      `select r.id, r.phrase, r.action, r.created_by, r.created_at, r.updated_at from moderation_rule r
        where ${keyset.sql} order by r.created_at desc, r.id desc limit ?`,
      [...keyset.params, limit + 1],
    );
  }

  async count(): Promise<number> {
    const [{ count }] = await sqlRows<{ count: number }>(
      this.em,
      'select count(*)::int as count from moderation_rule',
    );
    return count;
  }

  /** Stores the rule; null when a rule with the same normalized phrase exists. */
  async insert(rule: NewKeywordRule): Promise<KeywordRuleRow | null> {
    const [inserted] = await sqlRows<KeywordRuleRow>(
      this.em,
      `insert into moderation_rule (id, phrase, normalized, action, created_by, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?) on conflict (normalized) do nothing
       returning ${RULE_COLUMNS}`,
      [rule.id, rule.phrase, rule.normalized, rule.action, rule.createdBy, rule.createdAt, rule.createdAt],
    );
    return inserted ?? null;
  }

  /** The rule's action, its row locked until the transaction ends; null when there is no such rule. */
  async lockAction(ruleId: string): Promise<KeywordAction | null> {
    const [row] = await sqlRows<{ action: KeywordAction }>(
      this.em,
      'select action from moderation_rule where id = ? for update',
      [ruleId],
    );
    return row?.action ?? null;
  }

  async updateAction(ruleId: string, action: KeywordAction, now: Date): Promise<KeywordRuleRow> {
    const [updated] = await sqlRows<KeywordRuleRow>(
      this.em,
      `update moderation_rule set action = ?, updated_at = ? where id = ? returning ${RULE_COLUMNS}`,
      [action, now, ruleId],
    );
    return updated;
  }

  /** Deletes the rule and returns what it was; null when there is no such rule. */
  async delete(ruleId: string): Promise<Pick<KeywordRuleRow, 'id' | 'phrase' | 'action'> | null> {
    const [removed] = await sqlRows<Pick<KeywordRuleRow, 'id' | 'phrase' | 'action'>>(
      this.em,
      'delete from moderation_rule where id = ? returning id, phrase, action',
      [ruleId],
    );
    return removed ?? null;
  }

  async bumpVersion(): Promise<void> {
    await sqlRun(this.em, 'update moderation_rules_version set version = version + 1');
  }
}
