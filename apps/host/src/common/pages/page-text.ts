import type { Request } from 'express';

/** The languages of the host's own pages, the same two as the web app's. */
export type PageLanguage = 'zh-CN' | 'en';

/** The web app remembers the person's choice in this cookie, so the host's pages speak the same language. */
export const LANGUAGE_COOKIE = 'kj_lang';

const ENGLISH = {
  header: '空间 Kongjian',
  'error.generic.title': 'Something went wrong',
  'error.generic.message': 'Please try again later.',
  'signIn.title': 'Sign in to Kongjian',
  'signIn.continueTo': 'to continue to {app}',
  'signIn.username': 'Username',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.missing': 'Enter your username and password.',
  'signIn.wrong': 'Wrong username or password.',
  'signIn.throttled': 'Too many failed sign-ins. Please wait a while and try again.',
  'signIn.failed': 'Sign-in failed. Please try again.',
  'signIn.suspended': 'This account is suspended, so it cannot sign in.',
  'signIn.refused.title': 'Sign-in refused',
  'signIn.refused.forged': 'The sign-in form did not come from this site. Start again from the app.',
  'signIn.refused.returnTo': 'Start again from the app.',
  theApp: 'the app',
  'consent.title': 'Allow {app}?',
  'consent.by': 'by {developer}',
  'consent.signedInAs': 'You are signed in as {username}. {app} would like to:',
  'consent.optional': '(optional: untick to refuse)',
  'consent.newSince': 'New since you last allowed this app',
  'consent.alreadyAllowed': 'Already allowed',
  'consent.allow': 'Allow',
  'consent.deny': 'Deny',
  'consent.refused.title': 'This request cannot be completed',
  'consent.refused.signedOut': 'You are not signed in any more. Start again from the app.',
  'consent.refused.incomplete': 'The form is incomplete. Start again from the app.',
  'consent.refused.expired':
    'This consent request has expired or was already answered. Start again from the app.',
  'consent.refused.forged': 'The form did not come from this page. Start again from the app.',
  'consent.refused.answered': 'This consent request was already answered.',
  'consent.refused.unavailable': 'This app is not available.',
  'authorize.unknownApp.title': 'Unknown app',
  'authorize.unknownApp.message': 'No app is registered with this client_id.',
  'authorize.redirectUri.title': 'Invalid redirect URI',
  'authorize.redirectUri.message': 'The redirect_uri is not one that {app} registered.',
  'authorize.suspended.title': 'App suspended',
  'authorize.suspended.message': '{app} has been suspended.',
  'authorize.invalid.title': 'Invalid authorization request',
  'authorize.invalid.message': 'The app asked in a way Kongjian does not accept: {detail}',
  'order.confirmTitle': 'Pay {price} coins?',
  'order.from': 'from {app}',
  'order.price': 'Price: {price} coins. Your balance: {balance} coins.',
  'order.tooLow': 'Your balance is too low for this.',
  'order.escrow': 'The coins are held until {app} delivers the item, and returned to you if it does not.',
  'order.pay': 'Pay {price} coins',
  'order.cancel': 'Cancel',
  'order.back': 'Back to {app}',
  'order.notPaid': 'Not paid',
  'order.status.pending': 'This order of {price} coins is waiting for your confirmation.',
  'order.status.paid': 'This order of {price} coins is paid; the app is delivering it.',
  'order.status.delivered': 'This order of {price} coins is paid and delivered.',
  'order.status.cancelled': 'This order of {price} coins was cancelled.',
  'order.status.expired': 'This order of {price} coins expired before it was paid.',
  'order.status.refunded': 'This order of {price} coins was refunded: the app did not deliver it in time.',
  'order.refused.title': 'Payment refused',
  'order.refused.forged': 'The form did not come from this site. Open the order from the app again.',
  'order.undecided.title': 'Nothing decided',
  'order.undecided.message': 'Choose to pay or to cancel.',
  'order.signIn.title': 'Sign in first',
  'order.signIn.message': 'Sign in to Kongjian in this browser, then open the link from the app again.',
  'order.notFound.title': 'Order not found',
  'order.notFound.message': 'There is no such order of yours.',
  'order.returnTo.title': 'Unknown return address',
  'order.returnTo.message': 'The app sent you here with a return address it has not registered.',
  'order.malformed.title': 'Not understood',
  'order.malformed.message': 'Open the order from the app again.',
  'order.problem.insufficient_funds': "You don't have enough coins.",
  'order.problem.order_not_pending': 'That order was already handled.',
  'order.problem.order_expired': 'That order has expired.',
};

export type PageTextKey = keyof typeof ENGLISH;

const CHINESE: Record<PageTextKey, string> = {
  header: '空间 Kongjian',
  'error.generic.title': '出了点问题',
  'error.generic.message': '请稍后再试。',
  'signIn.title': '登录空间',
  'signIn.continueTo': '登录后继续使用「{app}」',
  'signIn.username': '用户名',
  'signIn.password': '密码',
  'signIn.submit': '登录',
  'signIn.missing': '请输入用户名和密码。',
  'signIn.wrong': '用户名或密码不对。',
  'signIn.throttled': '登录失败次数太多，请稍后再试。',
  'signIn.failed': '登录没有成功，请重试。',
  'signIn.suspended': '这个账号已被冻结，无法登录。',
  'signIn.refused.title': '无法登录',
  'signIn.refused.forged': '这个登录表单不是来自本站。请从应用重新开始。',
  'signIn.refused.returnTo': '请从应用重新开始。',
  theApp: '应用',
  'consent.title': '允许「{app}」吗？',
  'consent.by': '开发者：{developer}',
  'consent.signedInAs': '你已登录为 {username}。「{app}」想要：',
  'consent.optional': '（可选，取消勾选即不授权）',
  'consent.newSince': '你上次允许之后新增的',
  'consent.alreadyAllowed': '已经允许过的',
  'consent.allow': '允许',
  'consent.deny': '拒绝',
  'consent.refused.title': '无法完成这个请求',
  'consent.refused.signedOut': '你已经退出登录了。请从应用重新开始。',
  'consent.refused.incomplete': '表单不完整。请从应用重新开始。',
  'consent.refused.expired': '这个授权请求已过期或已经回答过。请从应用重新开始。',
  'consent.refused.forged': '这个表单不是来自本页面。请从应用重新开始。',
  'consent.refused.answered': '这个授权请求已经回答过了。',
  'consent.refused.unavailable': '这个应用现在不可用。',
  'authorize.unknownApp.title': '未知的应用',
  'authorize.unknownApp.message': '没有应用使用这个 client_id 注册。',
  'authorize.redirectUri.title': '回调地址无效',
  'authorize.redirectUri.message': '这个 redirect_uri 不是「{app}」登记过的地址。',
  'authorize.suspended.title': '应用已被停用',
  'authorize.suspended.message': '「{app}」已被停用。',
  'authorize.invalid.title': '授权请求无效',
  'authorize.invalid.message': '应用的请求方式空间不接受：{detail}',
  'order.confirmTitle': '支付 {price} 金币？',
  'order.from': '来自「{app}」',
  'order.price': '价格：{price} 金币。你的余额：{balance} 金币。',
  'order.tooLow': '你的余额不够支付这笔订单。',
  'order.escrow': '金币会先由空间保管，「{app}」发货后才付给它；没有发货会退还给你。',
  'order.pay': '支付 {price} 金币',
  'order.cancel': '取消',
  'order.back': '返回「{app}」',
  'order.notPaid': '没有支付',
  'order.status.pending': '这笔 {price} 金币的订单正在等你确认。',
  'order.status.paid': '这笔 {price} 金币的订单已支付，应用正在发货。',
  'order.status.delivered': '这笔 {price} 金币的订单已支付并发货。',
  'order.status.cancelled': '这笔 {price} 金币的订单已取消。',
  'order.status.expired': '这笔 {price} 金币的订单没有支付，已过期。',
  'order.status.refunded': '这笔 {price} 金币的订单已退款：应用没有按时发货。',
  'order.refused.title': '支付被拒绝',
  'order.refused.forged': '这个表单不是来自本站。请从应用重新打开订单。',
  'order.undecided.title': '还没有选择',
  'order.undecided.message': '请选择支付或取消。',
  'order.signIn.title': '请先登录',
  'order.signIn.message': '请先在这个浏览器里登录空间，再从应用重新打开链接。',
  'order.notFound.title': '找不到订单',
  'order.notFound.message': '你没有这笔订单。',
  'order.returnTo.title': '未知的返回地址',
  'order.returnTo.message': '应用给出的返回地址没有登记过。',
  'order.malformed.title': '无法理解这个请求',
  'order.malformed.message': '请从应用重新打开订单。',
  'order.problem.insufficient_funds': '金币不够了。',
  'order.problem.order_not_pending': '这笔订单已经处理过了。',
  'order.problem.order_expired': '这笔订单已过期。',
};

const TEXT: Record<PageLanguage, Record<PageTextKey, string>> = { en: ENGLISH, 'zh-CN': CHINESE };

export type PageParams = Record<string, string | number>;

/** Words of a page in one language; `{name}` placeholders are filled from params (escape the result). */
export interface Translate {
  (key: PageTextKey, params?: PageParams): string;
  language: PageLanguage;
}

export function translator(language: PageLanguage): Translate {
  const text = TEXT[language];
  const translate = (key: PageTextKey, params: PageParams = {}) =>
    text[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  return Object.assign(translate, { language });
}

/** The web app's remembered choice, else the browser's preference between the two, else Chinese. */
export function pageLanguage(request: Request): PageLanguage {
  const chosen: unknown = request.cookies?.[LANGUAGE_COOKIE];
  if (chosen === 'en' || chosen === 'zh-CN') return chosen;
  return request.acceptsLanguages('zh', 'en') === 'en' ? 'en' : 'zh-CN';
}
