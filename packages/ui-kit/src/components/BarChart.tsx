import { useI18n } from '../i18n/I18nProvider';
import type { BadgeTone } from './Badge';

export interface BarDatum {
  key: string;
  label: string;
  /** null: no figure (drawn as an empty track, with `valueLabel` saying why). */
  value: number | null;
  valueLabel: string;
  tone?: BadgeTone;
}

const toneColour: Record<BadgeTone, string> = {
  neutral: '#8a99a1',
  info: 'var(--hg-primary)',
  success: '#2f8a4a',
  warning: '#c98a00',
  danger: 'var(--hg-danger)',
};

/**
 * Horizontal bars in plain SVG, one per row, for figures people would rather see than read (coverage,
 * on-time rates). Bars grow from the start edge, so from the right in Persian. Each row also says
 * its value in words, and the whole chart has an accessible name.
 */
export function BarChart({ title, data, max, testId }: { title: string; data: readonly BarDatum[]; max: number; testId?: string }) {
  const { dir } = useI18n();
  return (
    <figure style={{ margin: 0, display: 'grid', gap: '0.4rem' }} data-testid={testId} aria-label={title} role="group">
      <figcaption className="hg-field__label">{title}</figcaption>
      {data.map((d) => {
        const share = d.value === null || max <= 0 ? 0 : Math.max(0, Math.min(1, d.value / max));
        return (
          <div
            key={d.key}
            data-testid={testId ? `${testId}-${d.key}` : undefined}
            data-value={d.value ?? ''}
            style={{
              display: 'grid',
              gridTemplateColumns: 'minmax(8rem, 14rem) 1fr minmax(4rem, max-content)',
              gap: '0.75rem',
              alignItems: 'center',
            }}
          >
            <span>{d.label}</span>
            <svg
              viewBox="0 0 100 10"
              preserveAspectRatio="none"
              height="14"
              width="100%"
              aria-hidden="true"
              style={dir === 'rtl' ? { transform: 'scaleX(-1)' } : undefined}
            >
              <rect x="0" y="0" width="100" height="10" rx="2" fill="#eef1f3" />
              <rect x="0" y="0" width={share * 100} height="10" rx="2" fill={toneColour[d.tone ?? 'info']} />
            </svg>
            <span className="hg-field__label">{d.valueLabel}</span>
          </div>
        );
      })}
    </figure>
  );
}
