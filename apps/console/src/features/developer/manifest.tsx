import { EVENT_TYPES, problemOf, useScopeWords } from '@kongjian/client';
import { Checkbox, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { type AppVersion, type Manifest, type Scope, SCOPES } from './queries';

export type EventType = NonNullable<Manifest['events']>[number];

type Access = 'none' | 'required' | 'optional';

/** A manifest as the form holds it: redirect URIs one per line, each scope's access as a choice. */
export interface ManifestValues {
  versionName?: string;
  redirectUris: string;
  access: Partial<Record<Scope, Access>>;
  canvasUrl?: string;
  webhookUrl?: string;
  events: EventType[];
}

const blankToNull = (text: string | undefined) => (text?.trim() ? text.trim() : null);

export function toManifest(values: ManifestValues): Manifest {
  const access = (...wanted: Access[]) =>
    SCOPES.filter((scope) => wanted.includes(values.access[scope] ?? 'none'));
  return {
    versionName: blankToNull(values.versionName),
    redirectUris: values.redirectUris
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    // The host's `scopes` are all the app asks for; `optionalScopes` the part people may untick.
    scopes: access('required', 'optional'),
    optionalScopes: access('optional'),
    canvasUrl: blankToNull(values.canvasUrl),
    webhookUrl: blankToNull(values.webhookUrl),
    events: values.events,
  };
}

export function fromManifest(manifest: AppVersion['manifest']): ManifestValues {
  const access: ManifestValues['access'] = {};
  for (const scope of manifest.scopes) {
    access[scope] = manifest.optionalScopes.includes(scope) ? 'optional' : 'required';
  }
  return {
    versionName: manifest.versionName ?? undefined,
    redirectUris: manifest.redirectUris.join('\n'),
    access,
    canvasUrl: manifest.canvasUrl ?? undefined,
    webhookUrl: manifest.webhookUrl ?? undefined,
    events: manifest.events,
  };
}

/** The top-level fields a refused request names (`redirectUris.0` → `redirectUris`). */
export function invalidFields(error: unknown): Set<string> {
  return new Set((problemOf(error)?.errors ?? []).map((field) => field.field.split(/[.[]/)[0]!));
}

/**
 * The manifest's fields inside a form: what the app may ask of people, where it lives, what it hears. A field
 * the host refused (`invalid`) is marked, with its rule in words: the host's own message is English.
 */
export function ManifestFields({ invalid = new Set<string>() }: { invalid?: Set<string> }) {
  const { t } = useTranslation('developer');
  const words = useScopeWords();
  const refused = (field: string, rule: string) =>
    invalid.has(field) ? { validateStatus: 'error' as const, help: rule } : {};
  return (
    <>
      <Form.Item name="versionName" label={t('manifest.versionName')}>
        <Input maxLength={40} placeholder="1.0.0" />
      </Form.Item>
      <Form.Item
        name="redirectUris"
        label={t('manifest.redirectUris')}
        extra={t('manifest.redirectUrisRule')}
        rules={[{ required: true, whitespace: true, message: t('manifest.redirectUrisRequired') }]}
        {...refused('redirectUris', t('manifest.redirectUrisRule'))}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder="https://example.com/callback" />
      </Form.Item>
      <fieldset className="kj-scopes">
        <legend>{t('manifest.scopes')}</legend>
        <p className="kj-help">{t('manifest.scopesHelp')}</p>
        {SCOPES.map((scope) => (
          <Form.Item
            key={scope}
            name={['access', scope]}
            label={
              <span>
                {words(scope)} <code>{scope}</code>
              </span>
            }
            initialValue="none"
          >
            <Radio.Group
              // A label element cannot name a radio group; the scope's words and name do.
              aria-label={`${words(scope)} ${scope}`}
              optionType="button"
              options={(['none', 'required', 'optional'] as const).map((access) => ({
                value: access,
                label: t(`manifest.access.${access}`),
              }))}
            />
          </Form.Item>
        ))}
      </fieldset>
      <Form.Item
        name="canvasUrl"
        label={t('manifest.canvasUrl')}
        extra={t('manifest.canvasUrlHelp')}
        {...refused('canvasUrl', t('manifest.urlRule'))}
      >
        <Input placeholder="https://example.com/canvas" />
      </Form.Item>
      <Form.Item
        name="webhookUrl"
        label={t('manifest.webhookUrl')}
        extra={t('manifest.webhookUrlHelp')}
        {...refused('webhookUrl', t('manifest.webhookRule'))}
      >
        <Input placeholder="https://example.com/webhooks/kongjian" />
      </Form.Item>
      <Form.Item name="events" label={t('manifest.events')} initialValue={[]}>
        <Checkbox.Group options={EVENT_TYPES.map((type) => ({ value: type, label: t(`event.${type}`) }))} />
      </Form.Item>
    </>
  );
}
