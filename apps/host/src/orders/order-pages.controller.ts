import { Controller, Get, HttpStatus, Inject, Logger, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type AuthenticatedRequest } from '../accounts/auth.decorators';
import { appUrlProblem } from '../apps/app-urls';
import { AppsService } from '../apps/apps.service';
import { isId } from '../common/ids';
import { LIMITS } from '../common/limits';
import { ProblemException } from '../common/problem';
import { HOST_CONFIG, type HostConfig } from '../config/config';
import { LedgerService } from '../economy/ledger.service';
import {
  runChain,
  type CsrfCookie,
  csrfTokenMatches,
  formField,
  issueCsrfToken,
  parseForm,
  errorPageHandler,
  PageError,
  pageText,
  sendPage,
  type PageTextKey,
} from '../common/pages';
import { Public } from '../common/public.decorator';
import type { MyOrder } from './dto/orders.dto';
import { confirmOrderPage, orderStatusPage } from './order-pages';
import { OrdersService } from './orders.service';

/** Why a payment did not happen, in the person's words; other problems show the host's detail. */
const ORDER_PROBLEMS: Partial<Record<string, PageTextKey>> = {
  insufficient_funds: 'order.problem.insufficient_funds',
  order_not_pending: 'order.problem.order_not_pending',
  order_expired: 'order.problem.order_expired',
};

/** Double-submit cookie of the confirmation form (see issueCsrfToken). */
const CONFIRM_CSRF_COOKIE: CsrfCookie = {
  name: 'kj_order_confirm',
  path: '/orders',
  maxAgeMs: LIMITS.orderPaymentWindowSeconds * 1000,
};

/**
 * The page where a user confirms an order an app sent them to (its `confirmUrl`), for apps that
 * redirect rather than use the API. `return_to` sends the user back afterwards, with `order_id` and
 * `status` added to its query; it must be on the origin of the app's canvas or of one of its
 * registered redirect URIs, so the page cannot be used to send users anywhere else.
 */
@ApiExcludeController()
@Public()
@Controller('orders')
export class OrderPagesController {
  private readonly logger = new Logger('OrderPages');

  constructor(
    private readonly orders: OrdersService,
    private readonly apps: AppsService,
    private readonly ledger: LedgerService,
    @Inject(HOST_CONFIG) private readonly config: HostConfig,
  ) {}

  @Get(':orderId/confirm')
  async show(@Param('orderId') orderId: string, @Req() request: Request, @Res() response: Response) {
    await runChain(request, response, [
      (req: Request, res: Response) => this.showPage(orderId, req, res),
      this.errorPage,
    ]);
  }

  @Post(':orderId/confirm')
  async decide(@Param('orderId') orderId: string, @Req() request: Request, @Res() response: Response) {
    await runChain(request, response, [
      parseForm,
      (req: Request, res: Response) => this.decidePage(orderId, req, res),
      this.errorPage,
    ]);
  }

  private async showPage(orderId: string, request: Request, response: Response): Promise<void> {
    const raw = typeof request.query.return_to === 'string' ? request.query.return_to : undefined;
    const { viewerId, order, returnTo } = await this.load(orderId, request, raw);
    const t = pageText(request);
    if (order.status !== 'pending') {
      sendPage(response, t, HttpStatus.OK, order.item.name, orderStatusPage(order, returnTo, t));
      return;
    }
    const csrfToken = issueCsrfToken(request, response, CONFIRM_CSRF_COOKIE, this.secureCookies);
    const balance = await this.ledger.balanceOf(viewerId);
    sendPage(
      response,
      t,
      HttpStatus.OK,
      t('order.confirmTitle', { price: order.price }),
      confirmOrderPage({ order, balance, csrfToken, returnTo }, t),
    );
  }

  private async decidePage(orderId: string, request: Request, response: Response): Promise<void> {
    if (!csrfTokenMatches(request, CONFIRM_CSRF_COOKIE.name)) {
      throw new PageError(HttpStatus.FORBIDDEN, 'order.refused.title', 'order.refused.forged');
    }
    const { viewerId, order, returnTo } = await this.load(orderId, request, formField(request, 'return_to'));
    const decision = formField(request, 'decision');
    let decided: MyOrder;
    try {
      if (decision === 'pay') decided = await this.orders.pay(viewerId, order.id);
      else if (decision === 'cancel') decided = await this.orders.cancel(viewerId, order.id);
      else throw new PageError(HttpStatus.BAD_REQUEST, 'order.undecided.title', 'order.undecided.message');
    } catch (error) {
      if (!(error instanceof ProblemException)) throw error;
      const current = await this.orders.getForBuyer(viewerId, order.id);
      const t = pageText(request);
      const reason = ORDER_PROBLEMS[error.code];
      sendPage(
        response,
        t,
        error.status,
        t('order.notPaid'),
        orderStatusPage(current, returnTo, t, reason ? t(reason) : (error.detail ?? error.code)),
      );
      return;
    }
    if (returnTo) {
      const target = new URL(returnTo);
      target.searchParams.set('order_id', decided.id);
      target.searchParams.set('status', decided.status);
      response.redirect(HttpStatus.SEE_OTHER, target.toString());
      return;
    }
    const t = pageText(request);
    sendPage(response, t, HttpStatus.OK, decided.item.name, orderStatusPage(decided, null, t));
  }

  /** The viewer's order and the checked return address; page errors for everything else. */
  private async load(
    orderId: string,
    request: Request,
    rawReturnTo: string | undefined,
  ): Promise<{ viewerId: string; order: MyOrder; returnTo: string | null }> {
    const viewer = (request as AuthenticatedRequest).viewer;
    if (!viewer) {
      throw new PageError(HttpStatus.UNAUTHORIZED, 'order.signIn.title', 'order.signIn.message');
    }
    const notFound = new PageError(HttpStatus.NOT_FOUND, 'order.notFound.title', 'order.notFound.message');
    if (!isId(orderId)) throw notFound;
    let order: MyOrder;
    try {
      order = await this.orders.getForBuyer(viewer.id, orderId.toLowerCase());
    } catch (error) {
      if (error instanceof ProblemException) throw notFound;
      throw error;
    }
    if (rawReturnTo === undefined || rawReturnTo === '')
      return { viewerId: viewer.id, order, returnTo: null };
    if (!(await this.mayReturnTo(order, rawReturnTo))) {
      throw new PageError(HttpStatus.BAD_REQUEST, 'order.returnTo.title', 'order.returnTo.message');
    }
    return { viewerId: viewer.id, order, returnTo: rawReturnTo };
  }

  /** An https (or loopback http) URL on the origin of the app's canvas or of a registered redirect URI. */
  private async mayReturnTo(order: MyOrder, raw: string): Promise<boolean> {
    if (raw.length > LIMITS.urlMax || appUrlProblem(raw) !== null || !order.app) return false;
    const app = await this.apps.findById(order.app.id);
    if (!app) return false;
    const origin = new URL(raw).origin;
    return [app.canvasUrl, ...app.redirectUris].some((url) => url !== null && originOf(url) === origin);
  }

  private get secureCookies(): boolean {
    return this.config.publicUrl.startsWith('https:');
  }

  private readonly errorPage = errorPageHandler(this.logger, 'order page failed', (error) => {
    const status = (error as { status?: unknown }).status;
    // the form parser's refusals (too large, malformed)
    return typeof status === 'number' && status >= 400 && status < 500
      ? new PageError(status, 'order.malformed.title', 'order.malformed.message')
      : undefined;
  });
}

/** The origin of an absolute URL; null for anything else (a built-in app's canvas is a host path). */
function originOf(url: string): string | null {
  return URL.canParse(url) ? new URL(url).origin : null;
}
