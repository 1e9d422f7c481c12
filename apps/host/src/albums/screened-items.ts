import { Injectable } from '@nestjs/common';
import type { Verdict } from '../moderation/keyword-rules.service';
import type { ModerationState } from '../moderation/moderation-state';
import { ModerationService } from '../moderation/moderation.service';
import { type ScreenedTable, ScreenedItemsRepository } from './screened-items.repository';

/** The title and description of an album or photo. */
export interface ScreenedText {
  title: string;
  description: string;
}

/** The keyword screening of albums' and photos' titles and descriptions. */
@Injectable()
export class ScreenedItems {
  constructor(
    private readonly repository: ScreenedItemsRepository,
    private readonly moderation: ModerationService,
  ) {}

  /** Screens a text before it is saved; the empty parts are left out (a block rule throws). */
  screen(text: ScreenedText): Promise<Verdict> {
    return this.moderation.screen(
      [text.title, text.description].map((part) => part.trim()).filter((part) => part.length > 0),
    );
  }

  /** Screens and stores an edited text of an item in `state`; call in the transaction that locked the item. */
  async edit(
    type: ScreenedTable,
    ownerId: string,
    id: string,
    state: ModerationState,
    text: ScreenedText,
  ): Promise<void> {
    const verdict = await this.screen(text);
    // An edit that trips a hold rule takes the item back under review; it never publishes one.
    const held = verdict.action === 'hold' && state === 'published';
    await this.repository.setText(type, id, text, held ? 'held' : state, held);
    await this.moderation.enqueue({ type, id, authorId: ownerId }, verdict);
  }
}
