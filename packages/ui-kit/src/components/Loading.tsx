import { useI18n } from '../i18n/I18nProvider';

export function Loading() {
  const { t } = useI18n();
  return (
    <div className="hg-loading" role="status">
      {t('common.loading')}
    </div>
  );
}
