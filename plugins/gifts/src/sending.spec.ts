import { CATALOG, findGift } from './catalog';
import {
  giftByWallName,
  giftOfOrder,
  giftRequest,
  orderKey,
  orderRequest,
  parseBox,
  parseSendRequest,
  parseThanks,
  sentStoryText,
  wallName,
} from './sending';

const SENDER = 'senderOpenid_00000000';
const FRIEND = 'friendOpenid-00000000';

describe('the catalog', () => {
  it('has unique ids, whole positive prices and an image per gift', () => {
    expect(new Set(CATALOG.map((gift) => gift.id)).size).toBe(CATALOG.length);
    for (const gift of CATALOG) {
      expect(Number.isInteger(gift.price) && gift.price > 0).toBe(true);
      expect(gift.image).toBe(`gifts/${gift.id}.svg`);
      expect(wallName(gift).length).toBeLessThanOrEqual(40);
    }
  });

  it('prices the classics as Qzone users know them', () => {
    expect(findGift('rose')).toMatchObject({ name: '玫瑰', price: 10 });
    expect(findGift('cake')).toMatchObject({ name: '生日蛋糕', price: 50 });
    expect(findGift('sportscar')).toMatchObject({ name: '跑车', price: 500 });
    expect(findGift('unicorn')).toBeUndefined();
  });

  it('finds a gift back from its name on the wall', () => {
    expect(giftByWallName('🌹 玫瑰')?.id).toBe('rose');
    expect(giftByWallName('Rose')).toBeUndefined();
  });
});

describe('parseSendRequest', () => {
  it('accepts a gift to a friend with a trimmed message', () => {
    const parsed = parseSendRequest({ to: FRIEND, giftId: 'rose', message: '  生日快乐！\n' }, SENDER);
    expect(parsed).toEqual({ value: { to: FRIEND, gift: findGift('rose'), message: '生日快乐！' } });
  });

  it('treats a blank or missing message as none', () => {
    expect(parseSendRequest({ to: FRIEND, giftId: 'cake', message: '   ' }, SENDER)).toMatchObject({
      value: { message: null },
    });
    expect(parseSendRequest({ to: FRIEND, giftId: 'cake' }, SENDER)).toMatchObject({
      value: { message: null },
    });
  });

  it.each([
    ['no object', 'rose', 'JSON object'],
    [{ giftId: 'rose' }, null, 'openid of a friend'],
    [{ to: '../me', giftId: 'rose' }, null, 'openid of a friend'],
    [{ to: SENDER, giftId: 'rose' }, null, 'not to yourself'],
    [{ to: FRIEND, giftId: 'unicorn' }, null, 'giftId must name a gift'],
    [{ to: FRIEND, giftId: 'rose', message: 42 }, null, 'message must be text'],
    [{ to: FRIEND, giftId: 'rose', message: '爱'.repeat(201) }, null, 'at most 200'],
  ])('refuses %p', (body, _unused, message) => {
    const parsed = parseSendRequest(body, SENDER);
    expect('error' in parsed && parsed.error).toContain(message);
  });

  it('checks thanks and boxes', () => {
    expect(parseThanks({ message: ' 谢谢！' })).toEqual({ value: '谢谢！' });
    expect(parseThanks({ message: '' })).toEqual({ error: 'message is required' });
    expect(parseThanks({})).toEqual({ error: 'message is required' });
    expect(parseBox(undefined)).toEqual({ value: 'received' });
    expect(parseBox('sent')).toEqual({ value: 'sent' });
    expect(parseBox('trash')).toEqual({ error: 'box must be one of received, sent' });
  });
});

describe('the order and the paid event', () => {
  const send = { to: FRIEND, gift: findGift('sportscar')!, message: '开车带我兜风' };

  it('charges the catalog price and carries what to send in the metadata', () => {
    expect(orderRequest(send, '小红')).toEqual({
      item: { sku: 'gift:sportscar', name: '🏎️ 跑车', description: '送给 小红 的礼物 (a gift for 小红)' },
      price: 500,
      metadata: {
        kind: 'gift',
        to: FRIEND,
        toNickname: '小红',
        giftId: 'sportscar',
        message: '开车带我兜风',
      },
    });
  });

  it('keeps the metadata within the 1 KiB an order carries, even with the longest message', () => {
    const order = orderRequest({ ...send, message: '爱'.repeat(200) }, '昵'.repeat(40));
    expect(new TextEncoder().encode(JSON.stringify(order.metadata)).length).toBeLessThanOrEqual(1024);
  });

  it('reads a paid order back into the gift to send, keyed by the order id', () => {
    const { metadata } = orderRequest(send, '小红');
    const found = giftOfOrder(metadata);
    expect(found?.gift.id).toBe('sportscar');
    expect(giftRequest('order-1', found!.metadata, found!.gift)).toEqual({
      to: FRIEND,
      name: '🏎️ 跑车',
      message: '开车带我兜风',
      price: 500,
      orderId: 'order-1',
    });
    expect(giftRequest('order-2', { ...found!.metadata, message: null }, found!.gift)).not.toHaveProperty(
      'message',
    );
  });

  it.each([
    null,
    { kind: 'farm', to: FRIEND, toNickname: 'x', giftId: 'rose' },
    { kind: 'gift', to: 'not an openid', toNickname: 'x', giftId: 'rose' },
    { kind: 'gift', to: FRIEND, toNickname: 'x', giftId: 'unicorn' },
    { kind: 'gift', to: FRIEND, giftId: 'rose' },
  ])('ignores an order that is no gift of ours: %p', (metadata) => {
    expect(giftOfOrder(metadata)).toBeNull();
  });

  it("uses the canvas's request id as the idempotency key, else a fresh one", () => {
    expect(orderKey({ requestId: 'abcdef12-3456' }, 0, () => 0)).toBe('abcdef12-3456');
    const fresh = orderKey({ requestId: 'bad key!' }, 1_000_000, () => 0.5);
    expect(fresh).toMatch(/^[a-z0-9]+-[a-z0-9]+$/);
    expect(fresh).not.toBe(orderKey({}, 1_000_000, () => 0.25));
  });

  it('tells friends in a story', () => {
    const { metadata } = orderRequest(send, '小红');
    expect(sentStoryText(metadata, send.gift)).toBe('送给 小红 一辆跑车 🏎️：开车带我兜风');
    expect(sentStoryText({ ...metadata, message: null }, findGift('rose')!)).toBe('送给 小红 一朵玫瑰 🌹');
  });
});
