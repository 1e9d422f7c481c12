import { Body, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { Endpoint } from '../common/endpoint.decorator';
import { ModerationService } from '../moderation/moderation.service';
import { TextCheckRequest, TextCheckResponse } from './dto/open-api.dto';
import { AnyScope, OpenApiController, openApiProblems } from './open-api.decorators';

/** QQ's `word_filter`: an app checks a user's text before it shows or posts it. */
@OpenApiController('text-checks', 'moderation')
export class TextChecksController {
  constructor(private readonly moderation: ModerationService) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @AnyScope()
  @Endpoint({
    operationId: 'checkText',
    summary:
      "Run a text through the platform's keyword rules: would a story with it be published, held or refused " +
      '(any token; counts against the rate limit like any call)',
    response: TextCheckResponse,
    problems: openApiProblems(),
  })
  async check(@Body() body: TextCheckRequest): Promise<TextCheckResponse> {
    return { verdict: await this.moderation.wouldPost([body.text]) };
  }
}
