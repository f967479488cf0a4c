import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ReferencePicker } from '../components/ReferencePicker';
import type { LocalizedText } from '../i18n/format';
import { renderWithKit, testQueryClient } from '../testing';
import { useReferenceOptions } from './reference';

interface Neighbourhood {
  id: string;
  name: LocalizedText;
}

const neighbourhoods: Neighbourhood[] = [
  { id: 'nbh-sarasiab', name: { fa: 'سرآسیاب', en: 'Sar Asiab' } },
  { id: 'nbh-fajr', name: { fa: 'فجر', en: 'Fajr' } },
];

function Row({ value, fetchAll }: { value: string; fetchAll: () => Promise<Neighbourhood[]> }) {
  const places = useReferenceOptions(['probe', 'neighbourhoods'], fetchAll, (n, { localize }) => ({
    value: n.id,
    label: localize(n.name),
  }));
  return (
    <>
      <p data-testid="cell">{places.labelOf(value)}</p>
      <p data-testid="count">{places.options.length}</p>
      <ReferencePicker label="Neighbourhood" value={value} onChange={() => undefined} options={places.options} />
    </>
  );
}

describe('useReferenceOptions', () => {
  it('labels a value in the user’s language, never shows the slug, and fetches the list once for every screen', async () => {
    const fetchAll = vi.fn(async () => neighbourhoods);
    const queryClient = testQueryClient();
    const first = renderWithKit(<Row value="nbh-fajr" fetchAll={fetchAll} />, { queryClient });
    expect(screen.getByTestId('cell').textContent).toBe('—');
    expect((await screen.findByText('فجر')).dataset.testid).toBe('cell');
    expect((screen.getByRole('combobox') as HTMLInputElement).value).toBe('فجر');
    first.unmount();
    renderWithKit(<Row value="nbh-sarasiab" fetchAll={fetchAll} />, { queryClient, locale: 'en' });
    expect(screen.getByTestId('cell').textContent).toBe('Sar Asiab');
    expect(fetchAll).toHaveBeenCalledTimes(1);
  });

  it('says — for a value the list does not hold', async () => {
    renderWithKit(<Row value="nbh-gone" fetchAll={async () => neighbourhoods} />);
    expect((await screen.findByText('2')).dataset.testid).toBe('count');
    expect(screen.getByTestId('cell').textContent).toBe('—');
    expect(document.body.textContent).not.toContain('nbh-gone');
  });
});
