import { type Html, html, type Translate } from '../common/pages';
import type { MyOrder } from './dto/orders.dto';

export interface ConfirmForm {
  order: MyOrder;
  balance: number;
  csrfToken: string;
  returnTo: string | null;
}

function appNameOf(order: MyOrder, t: Translate): string {
  return order.app?.name ?? t('theApp');
}

/** The question to the buyer: pay this app this many coins for this item? */
export function confirmOrderPage(form: ConfirmForm, t: Translate): Html {
  const { order } = form;
  const appName = appNameOf(order, t);
  const short = form.balance < order.price;
  return html`<div class="app">
      ${order.app?.iconUrl && html`<img src="${order.app.iconUrl}" alt="" />`}
      <div>
        <h1>${order.item.name}</h1>
        <p>${t('order.from', { app: appName })}</p>
      </div>
    </div>
    ${order.item.description && html`<p>${order.item.description}</p>`}
    <p>${t('order.price', { price: order.price, balance: form.balance })}</p>
    ${short && html`<p class="error" role="alert">${t('order.tooLow')}</p>`}
    <p>${t('order.escrow', { app: appName })}</p>
    <form method="post" action="/orders/${order.id}/confirm">
      <input type="hidden" name="csrf_token" value="${form.csrfToken}" />
      ${form.returnTo && html`<input type="hidden" name="return_to" value="${form.returnTo}" />`}
      <button type="submit" name="decision" value="pay" ${short && html` disabled`}>
        ${t('order.pay', { price: order.price })}
      </button>
      <button type="submit" name="decision" value="cancel">${t('order.cancel')}</button>
    </form>`;
}

/** Where an order stands, once nothing is left to decide; `notice` (an error) above it. */
export function orderStatusPage(
  order: MyOrder,
  returnTo: string | null,
  t: Translate,
  notice?: string,
): Html {
  return html`${notice && html`<p class="error" role="alert">${notice}</p> `}
    <h1>${order.item.name}</h1>
    <p>${t(`order.status.${order.status}`, { price: order.price })}</p>
    ${returnTo && html`<p><a href="${returnTo}">${t('order.back', { app: appNameOf(order, t) })}</a></p>`}`;
}
