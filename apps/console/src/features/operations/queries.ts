import { api, call, type HostComponents } from '@kongjian/client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AUDIT_KEY } from '../audit/queries';

export type UnhealthyWebhook = HostComponents['schemas']['UnhealthyWebhookResponse'];
export type PluginStatus = HostComponents['schemas']['PluginStatusResponse'];

const OPERATIONS_KEY = ['operations'] as const;

export function useUnhealthyWebhooks() {
  return useQuery({
    queryKey: [...OPERATIONS_KEY, 'webhooks'],
    queryFn: () => call(api.GET('/admin/webhooks/unhealthy')),
  });
}

export function usePlugins() {
  return useQuery({
    queryKey: [...OPERATIONS_KEY, 'plugins'],
    queryFn: () => call(api.GET('/admin/plugins')),
  });
}

/** Closes a plugin's breaker: it takes calls again on every instance; the audit log records who did it. */
export function useEnablePlugin() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (pluginId: string) =>
      call(api.POST('/admin/plugins/{pluginId}/enable', { params: { path: { pluginId } } })),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: [...OPERATIONS_KEY, 'plugins'] });
      void queries.invalidateQueries({ queryKey: AUDIT_KEY });
    },
  });
}

/** Takes a plugin out of service on every instance, with the reason other admins and its users read. */
export function useDisablePlugin(pluginId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      call(
        api.POST('/admin/plugins/{pluginId}/disable', { params: { path: { pluginId } }, body: { reason } }),
      ),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: [...OPERATIONS_KEY, 'plugins'] });
      void queries.invalidateQueries({ queryKey: AUDIT_KEY });
    },
  });
}
