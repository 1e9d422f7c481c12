import { escapeHtml } from '../oauth/oauth-pages';
import type { MyOrder } from './dto/orders.dto';

export interface ConfirmForm {
  order: MyOrder;
  balance: number;
  csrfToken: string;
  returnTo: string | null;
}

function returnLink(returnTo: string | null, appName: string): string {
  return returnTo ? `<p><a href="${escapeHtml(returnTo)}">Back to ${escapeHtml(appName)}</a></p>` : '';
}

/** The question to the buyer: pay this app this many coins for this item? */
export function confirmOrderPage(form: ConfirmForm): string {
  const { order } = form;
  const appName = order.app?.name ?? 'the app';
  const icon = order.app?.iconUrl ? `<img src="${escapeHtml(order.app.iconUrl)}" alt="">` : '';
  const description = order.item.description ? `<p>${escapeHtml(order.item.description)}</p>` : '';
  const short = form.balance < order.price;
  return `<div class="app">${icon}<div><h1>${escapeHtml(order.item.name)}</h1>
<p>from ${escapeHtml(appName)}</p></div></div>
${description}
<p>Price: <strong>${order.price} coins</strong>. Your balance: ${form.balance} coins.</p>
${short ? '<p class="error" role="alert">Your balance is too low for this.</p>' : ''}
<p>The coins are held until ${escapeHtml(appName)} delivers the item, and returned to you if it does not.</p>
<form method="post" action="/orders/${escapeHtml(order.id)}/confirm">
<input type="hidden" name="csrf_token" value="${escapeHtml(form.csrfToken)}">
${form.returnTo ? `<input type="hidden" name="return_to" value="${escapeHtml(form.returnTo)}">` : ''}
<button type="submit" name="decision" value="pay"${short ? ' disabled' : ''}>Pay ${order.price} coins</button>
<button type="submit" name="decision" value="cancel">Cancel</button>
</form>`;
}

const STATUS_WORDS: Record<MyOrder['status'], string> = {
  pending: 'is waiting for your confirmation',
  paid: 'is paid; the app is delivering it',
  delivered: 'is paid and delivered',
  cancelled: 'was cancelled',
  expired: 'expired before it was paid',
  refunded: 'was refunded: the app did not deliver it in time',
};

/** Where an order stands, once nothing is left to decide. */
export function orderStatusPage(order: MyOrder, returnTo: string | null): string {
  return `<h1>${escapeHtml(order.item.name)}</h1>
<p>This order of ${order.price} coins ${STATUS_WORDS[order.status]}.</p>
${returnLink(returnTo, order.app?.name ?? 'the app')}`;
}
