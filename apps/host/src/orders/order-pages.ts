import { escapeHtml } from '../oauth/oauth-pages';
import type { Translate } from '../oauth/page-text';
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

function returnLink(returnTo: string | null, appName: string, t: Translate): string {
  return returnTo
    ? `<p><a href="${escapeHtml(returnTo)}">${escapeHtml(t('order.back', { app: appName }))}</a></p>`
    : '';
}

/** The question to the buyer: pay this app this many coins for this item? */
export function confirmOrderPage(form: ConfirmForm, t: Translate): string {
  const { order } = form;
  const appName = appNameOf(order, t);
  const icon = order.app?.iconUrl ? `<img src="${escapeHtml(order.app.iconUrl)}" alt="">` : '';
  const description = order.item.description ? `<p>${escapeHtml(order.item.description)}</p>` : '';
  const short = form.balance < order.price;
  return `<div class="app">${icon}<div><h1>${escapeHtml(order.item.name)}</h1>
<p>${escapeHtml(t('order.from', { app: appName }))}</p></div></div>
${description}
<p>${escapeHtml(t('order.price', { price: order.price, balance: form.balance }))}</p>
${short ? `<p class="error" role="alert">${escapeHtml(t('order.tooLow'))}</p>` : ''}
<p>${escapeHtml(t('order.escrow', { app: appName }))}</p>
<form method="post" action="/orders/${escapeHtml(order.id)}/confirm">
<input type="hidden" name="csrf_token" value="${escapeHtml(form.csrfToken)}">
${form.returnTo ? `<input type="hidden" name="return_to" value="${escapeHtml(form.returnTo)}">` : ''}
<button type="submit" name="decision" value="pay"${short ? ' disabled' : ''}>${escapeHtml(t('order.pay', { price: order.price }))}</button>
<button type="submit" name="decision" value="cancel">${escapeHtml(t('order.cancel'))}</button>
</form>`;
}

/** Where an order stands, once nothing is left to decide. */
export function orderStatusPage(order: MyOrder, returnTo: string | null, t: Translate): string {
  return `<h1>${escapeHtml(order.item.name)}</h1>
<p>${escapeHtml(t(`order.status.${order.status}`, { price: order.price }))}</p>
${returnLink(returnTo, appNameOf(order, t), t)}`;
}
