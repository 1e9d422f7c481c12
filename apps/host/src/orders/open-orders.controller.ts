import { Body, Get, Headers, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { Endpoint } from '../common/endpoint.decorator';
import { ParseIdPipe } from '../common/id.pipe';
import { LIMITS } from '../common/limits';
import { ProblemException } from '../common/problem';
import { IDEMPOTENCY_KEY } from '../economy/dto/economy.dto';
import { PLATFORM_SHARE_PERCENT } from '../economy/economy.rules';
import type { AccessContext } from '../access-context/access-context';
import { Access, OpenApiController, openApiProblems, RequireScope } from '../open-api/open-api.decorators';
import { CreateOrderRequest, OpenOrder } from './dto/orders.dto';
import { OrdersService } from './orders.service';

function idempotencyKey(value: string | undefined): string {
  if (value === undefined || value.length > LIMITS.idempotencyKeyMax || !IDEMPOTENCY_KEY.test(value)) {
    const message = `Idempotency-Key must be 1 to ${LIMITS.idempotencyKeyMax} printable ASCII characters without spaces`;
    throw new ProblemException(HttpStatus.BAD_REQUEST, 'validation_failed', message, [
      { field: 'Idempotency-Key', message },
    ]);
  }
  return value;
}

/** Orders as apps see them: create one for the token's user, look at it, confirm its delivery. */
@OpenApiController('orders', 'orders')
export class OpenOrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Post()
  @RequireScope('coins:charge')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description:
      'Chosen by the app, unique per order of this user (a UUID works). The same key with the same body returns the same order; with another body it is refused (409 idempotency_conflict).',
    schema: {
      type: 'string',
      minLength: 1,
      maxLength: LIMITS.idempotencyKeyMax,
      pattern: IDEMPOTENCY_KEY.source,
    },
  })
  @Endpoint({
    operationId: 'createOrder',
    summary:
      'Ask the user to pay coins for an item: a pending order, which the user confirms at its confirmUrl ' +
      `(expires after ${LIMITS.orderPaymentWindowSeconds / 60} minutes unpaid)`,
    response: OpenOrder,
    status: HttpStatus.CREATED,
    problems: openApiProblems(409),
  })
  createOrder(
    @Access() access: AccessContext,
    @Headers('idempotency-key') key: string | undefined,
    @Body() body: CreateOrderRequest,
  ): Promise<OpenOrder> {
    return this.orders.create(access, idempotencyKey(key), body);
  }

  @Get(':orderId')
  @RequireScope('coins:charge')
  @Endpoint({
    operationId: 'getOrder',
    summary: 'One of this app’s orders',
    response: OpenOrder,
    problems: openApiProblems(404),
  })
  getOrder(
    @Access() access: AccessContext,
    @Param('orderId', ParseIdPipe) orderId: string,
  ): Promise<OpenOrder> {
    return this.orders.getForApp(access.appId, orderId);
  }

  @Post(':orderId/delivery')
  @RequireScope('coins:charge')
  @Endpoint({
    operationId: 'confirmOrderDelivery',
    summary:
      'Confirm the item of a paid order was delivered: the developer gets the price less the platform’s ' +
      `${PLATFORM_SHARE_PERCENT} %. Due within ${LIMITS.orderDeliveryWindowSeconds / 60} minutes of payment, ` +
      'else the order is refunded. Confirming again changes nothing',
    response: OpenOrder,
    problems: openApiProblems(404, 409),
  })
  confirmOrderDelivery(
    @Access() access: AccessContext,
    @Param('orderId', ParseIdPipe) orderId: string,
  ): Promise<OpenOrder> {
    return this.orders.deliver(access.appId, orderId);
  }
}
