/**
 * The switch for sharing records by link: the admin's for the whole school, or a class's (its
 * teachers' and the admin's). The lead puts the school's on the admin's tools and the class's on
 * the class page. When the school's is off, a class's says that it is off for every class.
 */
import { useId, useState } from 'react';
import type { ClassSharing } from '../../../contracts/sharing';
import { Saved, Switch } from '../../components/forms';
import { ErrorNotice, Loading } from '../../components/ui';
import { api } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useAction, useApi } from '../../lib/use-api';

export function SharingSwitch({ scope, id }: { scope: 'school' | 'class'; id: string }) {
  const t = useT();
  const url = `/api/${scope === 'school' ? 'schools' : 'classes'}/${id}/record-sharing`;
  const loaded = useApi<{ enabled: boolean; schoolEnabled?: boolean }>(url);
  const { busy, error, run } = useAction();
  const [saved, setSaved] = useState<string | null>(null);
  const hintId = useId();
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <ErrorNotice error={loaded.error} />;
  const { enabled, schoolEnabled } = loaded.data;
  return (
    <div className="sharing-switch">
      <Switch
        checked={enabled}
        busy={busy}
        label={scope === 'school' ? t('sharing.switch.school_label') : t('sharing.switch.class_label')}
        describedBy={hintId}
        onToggle={(next) => {
          setSaved(null);
          void run(async () => {
            const answer = await api<ClassSharing | { enabled: boolean }>('PUT', url, { enabled: next });
            loaded.replace(answer);
            setSaved(next ? t('sharing.switch.on') : t('sharing.switch.off'));
          });
        }}
      />
      <p className="hint" id={hintId}>
        {scope === 'school' ? t('sharing.switch.school_hint') : t('sharing.switch.class_hint')}
      </p>
      {scope === 'class' && schoolEnabled === false && <p className="notice">{t('sharing.switch.school_off')}</p>}
      <ErrorNotice error={error} />
      <Saved message={saved} />
    </div>
  );
}
