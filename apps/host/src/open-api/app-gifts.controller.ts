import { Body, Get, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { Endpoint } from '../common/endpoint.decorator';
import { ParseIdPipe } from '../common/id.pipe';
import { pageSize } from '../common/pagination';
import { LIMITS } from '../common/limits';
import type { AccessContext } from '../access-context/access-context';
import {
  GiftListQuery,
  OpenGift,
  OpenGiftPage,
  SendGiftRequest,
  ThankGiftRequest,
} from './dto/app-gifts.dto';
import { AppGiftsService } from './app-gifts.service';
import { Access, OpenApiController, openApiProblems, RequireScope } from './open-api.decorators';

@OpenApiController('gifts', 'gifts')
export class AppGiftsController {
  constructor(private readonly gifts: AppGiftsService) {}

  @Post()
  @RequireScope('gifts:send')
  @Endpoint({
    operationId: 'sendGift',
    summary:
      "Send a gift from the user to an app friend: it lands on the friend's gift wall and they are " +
      `told (${LIMITS.giftsPerSenderPerAppPerDay} a day per user; the message is moderated)`,
    response: OpenGift,
    status: HttpStatus.CREATED,
    problems: openApiProblems(404, 409, 422),
  })
  sendGift(@Access() access: AccessContext, @Body() body: SendGiftRequest): Promise<OpenGift> {
    return this.gifts.send(access, body);
  }

  @Get()
  @RequireScope('gifts:send')
  @Endpoint({
    operationId: 'listGifts',
    summary:
      'Gifts this app sent the user (box=received, the default) or from the user (box=sent), newest first',
    response: OpenGiftPage,
    problems: openApiProblems(),
  })
  listGifts(@Access() access: AccessContext, @Query() query: GiftListQuery): Promise<OpenGiftPage> {
    return this.gifts.list(access, query, pageSize(query));
  }

  @Post(':id/thanks')
  @RequireScope('gifts:send')
  @Endpoint({
    operationId: 'thankGift',
    summary: 'The recipient thanks the sender for a gift, once; the sender is told',
    response: OpenGift,
    status: HttpStatus.CREATED,
    problems: openApiProblems(404, 409, 422),
  })
  thankGift(
    @Access() access: AccessContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: ThankGiftRequest,
  ): Promise<OpenGift> {
    return this.gifts.thank(access, id, body.message);
  }
}
