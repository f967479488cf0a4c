import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { jsonResponse, renderWithKit, stubFetch } from '@hamgam/ui-kit/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReRankCard } from './ReRankCard';

const path = '/api/clinics/v1/neighbourhoods/nbh-sarasiab/priorities/agreed-order';
const draft = [
  { rank: 1, category: 'employment', score: 9, households: 3 },
  { rank: 2, category: 'social-care', score: 2, households: 1 },
];

// The browser's own zone and UTC both lag Iran: at 00:30 on 21 March in Iran it is still the 20th there.
describe('the residents’ meeting day is Iran’s day, whatever the browser’s zone (issue 12)', () => {
  afterEach(() => vi.useRealTimers());

  for (const [label, now] of [
    ['00:30', '2026-03-20T21:00:00Z'],
    ['23:30', '2026-03-21T20:00:00Z'],
  ] as const) {
    it(`at ${label} Iran time offers today as the meeting day, accepts it and refuses tomorrow`, async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(now));
      const fetchMock = stubFetch({ [`PUT ${path}`]: jsonResponse({}) });
      const onSaved = vi.fn();
      renderWithKit(
        <ReRankCard neighbourhoodId="nbh-sarasiab" draft={draft} categoryLabels={new Map()} onSaved={onSaved} onCancel={() => undefined} />,
        { locale: 'en' },
      );
      const date = screen.getByTestId('rerank-date') as HTMLInputElement;
      expect(date.value).toBe('2026-03-21');
      fireEvent.change(screen.getByTestId('rerank-reason'), { target: { value: 'The meeting put employment first' } });

      fireEvent.change(date, { target: { value: '2026-03-22' } });
      fireEvent.blur(date);
      expect(screen.getByText('The date cannot be after 21 Mar 2026')).toBeTruthy();
      await act(async () => fireEvent.click(screen.getByTestId('rerank-save')));
      expect(fetchMock).not.toHaveBeenCalled();

      fireEvent.change(date, { target: { value: '2026-03-21' } });
      await act(async () => fireEvent.click(screen.getByTestId('rerank-save')));
      await waitFor(() => expect(onSaved).toHaveBeenCalled());
      expect(JSON.parse(String(fetchMock.mock.calls[0]![1]!.body))).toMatchObject({ meetingDate: '2026-03-21' });
    });
  }
});
