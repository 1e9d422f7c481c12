import { type PluginContext } from '@kongjian/sdk/plugin';
import { bodyOf } from '../../shared/src/open-api';

/** Asks the platform to call the plugin back (`app.reminder`, acting as this user) at `at`. */
export async function setReminder(
  ctx: PluginContext,
  at: string,
  data: Record<string, unknown>,
): Promise<void> {
  bodyOf(
    await ctx.api.request('POST', '/open/v1/reminders', { body: { at, data } }),
    'Setting a reminder',
    [200, 201],
  );
}
