import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser, RequireRole, SessionAuth } from '../accounts/auth.decorators';
import { Endpoint } from '../common/endpoint.decorator';
import { ParseIdPipe } from '../common/id.pipe';
import { decodeCursor, PageQuery, pageSize } from '../common/pagination';
import { DeveloperOrderPage, MyOrder, MyOrderPage } from './dto/orders.dto';
import { OrdersService } from './orders.service';

/** Orders under the user's session: the buyer's orders and their decisions, and a developer's sales. */
@ApiTags('orders')
@SessionAuth()
@Controller()
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get('me/orders')
  @Endpoint({
    operationId: 'listMyOrders',
    summary: 'Orders apps asked me to pay, newest first',
    response: MyOrderPage,
  })
  listMyOrders(@CurrentUser() viewer: AuthUser, @Query() query: PageQuery): Promise<MyOrderPage> {
    return this.orders.listForBuyer(viewer.id, pageSize(query), decodeCursor(query.cursor));
  }

  @Get('me/orders/:orderId')
  @Endpoint({ operationId: 'getMyOrder', summary: 'One of my orders', response: MyOrder, problems: [404] })
  getMyOrder(
    @CurrentUser() viewer: AuthUser,
    @Param('orderId', ParseIdPipe) orderId: string,
  ): Promise<MyOrder> {
    return this.orders.getForBuyer(viewer.id, orderId);
  }

  @Post('me/orders/:orderId/pay')
  @Endpoint({
    operationId: 'payMyOrder',
    summary:
      'Confirm and pay a pending order: its price leaves my wallet and is held until the app delivers ' +
      '(refunded if it does not in time). Paying again pays nothing',
    response: MyOrder,
    problems: [404, 409],
  })
  payMyOrder(
    @CurrentUser() viewer: AuthUser,
    @Param('orderId', ParseIdPipe) orderId: string,
  ): Promise<MyOrder> {
    return this.orders.pay(viewer.id, orderId);
  }

  @Post('me/orders/:orderId/cancel')
  @Endpoint({
    operationId: 'cancelMyOrder',
    summary: 'Decline a pending order',
    response: MyOrder,
    problems: [404, 409],
  })
  cancelMyOrder(
    @CurrentUser() viewer: AuthUser,
    @Param('orderId', ParseIdPipe) orderId: string,
  ): Promise<MyOrder> {
    return this.orders.cancel(viewer.id, orderId);
  }

  @Get('developer/apps/:appId/orders')
  @RequireRole('developer')
  @Endpoint({
    operationId: 'listAppOrders',
    summary: 'My app’s orders with their states, newest first, buyers by openid, with totals',
    response: DeveloperOrderPage,
    problems: [403, 404],
  })
  listAppOrders(
    @CurrentUser() viewer: AuthUser,
    @Param('appId', ParseIdPipe) appId: string,
    @Query() query: PageQuery,
  ): Promise<DeveloperOrderPage> {
    return this.orders.listForDeveloper(viewer.id, appId, pageSize(query), decodeCursor(query.cursor));
  }
}
