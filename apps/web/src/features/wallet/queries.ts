import { api, call, type HostComponents } from '@kongjian/client';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

export type WalletEntry = HostComponents['schemas']['WalletEntryResponse'];
export type ShopItem = HostComponents['schemas']['ShopItemResponse'];
export type MyOrder = HostComponents['schemas']['MyOrder'];
export type Vip = HostComponents['schemas']['VipResponse'];
export type Level = HostComponents['schemas']['LevelResponse'];

export const walletKeys = {
  wallet: ['wallet', 'ledger'] as const,
  balance: ['wallet', 'balance'] as const,
  vip: ['wallet', 'vip'] as const,
  shop: ['wallet', 'shop'] as const,
  inventory: ['wallet', 'inventory'] as const,
  level: ['wallet', 'level'] as const,
  orders: ['wallet', 'orders'] as const,
};

/** A fresh idempotency key: `crypto.randomUUID` where the page is a secure context, random bytes elsewhere. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}

/** My balance and ledger entries, newest first; the balance comes with every page. */
export function useWallet() {
  return useInfiniteQuery({
    queryKey: walletKeys.wallet,
    queryFn: ({ pageParam }) => call(api.GET('/wallet', { params: { query: { cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useVip() {
  return useQuery({ queryKey: walletKeys.vip, queryFn: () => call(api.GET('/vip')) });
}

/** The shop's items (also the space's decoration drawer, which asks only once it is opened). */
export function useShopItems(enabled = true) {
  return useQuery({ queryKey: walletKeys.shop, queryFn: () => call(api.GET('/shop/items')), enabled });
}

export function useInventory() {
  return useQuery({ queryKey: walletKeys.inventory, queryFn: () => call(api.GET('/inventory')) });
}

/** Just the coin balance, for the places that show it beside a price. */
export function useCoinBalance() {
  return useQuery({
    queryKey: walletKeys.balance,
    queryFn: () => call(api.GET('/wallet', { params: { query: { limit: 1 } } })),
    select: (wallet) => wallet.balance,
  });
}

export function useLevel() {
  return useQuery({ queryKey: walletKeys.level, queryFn: () => call(api.GET('/level')) });
}

export function useMyOrders() {
  return useInfiniteQuery({
    queryKey: walletKeys.orders,
    queryFn: ({ pageParam }) => call(api.GET('/me/orders', { params: { query: { cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** Whatever moved coins: the balance, the ledger and what the coins bought are read again. */
function useAfterSpending() {
  const queries = useQueryClient();
  return () => {
    for (const key of Object.values(walletKeys)) void queries.invalidateQueries({ queryKey: key });
  };
}

/**
 * Buys yellow-diamond months. The caller passes the idempotency key of this attempt: a retry after a lost
 * answer sends the same key, so the host charges once.
 */
export function useBuyVip() {
  const refresh = useAfterSpending();
  return useMutation({
    mutationFn: (purchase: { months: number; idempotencyKey: string }) =>
      call(api.POST('/vip/purchases', { body: purchase })),
    onSuccess: refresh,
  });
}

/**
 * Buys a shop item. The caller passes the idempotency key of this attempt, so pressing again after a lost
 * answer cannot charge twice.
 */
export function useBuyItem() {
  const refresh = useAfterSpending();
  return useMutation({
    mutationFn: ({ itemId, idempotencyKey }: { itemId: string; idempotencyKey: string }) =>
      call(
        api.POST('/shop/items/{itemId}/purchases', {
          params: { path: { itemId } },
          body: { idempotencyKey },
        }),
      ),
    onSuccess: refresh,
  });
}

/** Pays or cancels an order; the answer replaces the order in the list at once. */
export function useOrderAction(action: 'pay' | 'cancel') {
  const queries = useQueryClient();
  const refresh = useAfterSpending();
  return useMutation({
    mutationFn: (orderId: string) =>
      call(
        action === 'pay'
          ? api.POST('/me/orders/{orderId}/pay', { params: { path: { orderId } } })
          : api.POST('/me/orders/{orderId}/cancel', { params: { path: { orderId } } }),
      ),
    onSuccess: (order) => {
      queries.setQueryData<{
        pages: { items: MyOrder[]; nextCursor: string | null }[];
        pageParams: unknown[];
      }>(
        walletKeys.orders,
        (data) =>
          data && {
            ...data,
            pages: data.pages.map((page) => ({
              ...page,
              items: page.items.map((one) => (one.id === order.id ? order : one)),
            })),
          },
      );
      refresh();
    },
  });
}
