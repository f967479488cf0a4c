import { act, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useApi } from '../api/client';
import { useGrowingQuery, usePagedQuery } from '../query/hooks';
import { jsonResponse, renderWithKit, stubFetch } from '../testing';
import { PagedTable } from './PagedTable';
import { DataTable } from './DataTable';
import { ListControls, MoreButton, normaliseSearch, Pager } from './ListControls';

afterEach(() => {
  vi.useRealTimers();
});

describe('DataTable on phones', () => {
  it("labels every cell with its column's header for the card layout, and leaves cells without a header unlabelled", () => {
    const columns = [
      { key: 'name', header: 'Name', render: (row: { id: string }) => row.id },
      { key: 'icon', header: <b>!</b>, label: 'Alert', render: () => 'x' },
      { key: 'actions', header: '', render: () => 'open' },
    ];
    renderWithKit(<DataTable columns={columns} rows={[{ id: 'a' }]} rowKey={(r) => r.id} rowTestId={(r) => `row-${r.id}`} />);
    const cells = [...screen.getByTestId('row-a').querySelectorAll('td')];
    expect(cells.map((cell) => cell.dataset.label)).toEqual(['Name', 'Alert', undefined]);
    // The label is CSS content: the row's text is still only its values.
    expect(screen.getByTestId('row-a').textContent).toBe('axopen');
  });

  it('turns rows into cards under 40rem in the kit styles', () => {
    renderWithKit(<DataTable columns={[{ key: 'n', header: 'N', render: () => 1 }]} rows={[{}]} rowKey={() => 'r'} />);
    const css = document.querySelector('style[data-href="hamgam-ui-kit"]')?.textContent ?? '';
    expect(css).toMatch(/@media \(max-width: 40rem\) \{[^@]*\.hg-table tr \{[^}]*border/);
    expect(css).toContain('content: attr(data-label)');
  });
});

describe('normaliseSearch', () => {
  it('sends Latin digits, Persian ی and ک, single spaces', () => {
    expect(normaliseSearch('  ۰۰۱۲۳۴٥  ')).toBe('0012345');
    expect(normaliseSearch('علي  كريمي')).toBe('علی کریمی');
  });
});

describe('ListControls', () => {
  it('searches once typing pauses, with the normalised text, and at once on Enter', () => {
    vi.useFakeTimers();
    const onSearch = vi.fn();
    renderWithKit(<ListControls search={{ onSearch, delayMs: 300 }} />);
    const box = screen.getByTestId('list-controls-search');
    fireEvent.change(box, { target: { value: 'كر' } });
    fireEvent.change(box, { target: { value: 'كريم' } });
    expect(onSearch).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(300));
    expect(onSearch.mock.calls).toEqual([['کریم']]);

    fireEvent.change(box, { target: { value: '۱۲۳' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSearch).toHaveBeenLastCalledWith('123');
    act(() => vi.advanceTimersByTime(300));
    expect(onSearch).toHaveBeenCalledTimes(2);
  });

  it('shows a search that came from elsewhere (back or forward through an address holding it) without sending it again', () => {
    vi.useFakeTimers();
    const onSearch = vi.fn();
    const { rerender } = renderWithKit(<ListControls search={{ onSearch, initial: 'کریم', delayMs: 300 }} />);
    const box = screen.getByTestId<HTMLInputElement>('list-controls-search');
    expect(box.value).toBe('کریم');
    rerender(<ListControls search={{ onSearch, initial: 'زهرا', delayMs: 300 }} />);
    expect(box.value).toBe('زهرا');
    act(() => vi.advanceTimersByTime(300));
    expect(onSearch).not.toHaveBeenCalled();
  });

  it('changes the sort order and shows the filters given', () => {
    function Harness() {
      const [sort, setSort] = useState('newest');
      return (
        <ListControls
          sort={{
            value: sort,
            onChange: setSort,
            options: [
              { value: 'newest', label: 'Newest' },
              { value: 'name', label: 'Name' },
            ],
          }}
          filters={<span data-testid="a-filter">filter</span>}
        />
      );
    }
    renderWithKit(<Harness />);
    fireEvent.change(screen.getByTestId('list-controls-sort'), { target: { value: 'name' } });
    expect((screen.getByTestId('list-controls-sort') as HTMLSelectElement).value).toBe('name');
    expect(screen.getByTestId('a-filter')).toBeTruthy();
    expect(screen.getByRole('search')).toBeTruthy();
  });
});

describe('Pager', () => {
  it('is hidden for a single page, and moves between pages', () => {
    const move = { next: vi.fn(), previous: vi.fn() };
    const view = renderWithKit(<Pager pageNumber={1} hasNext={false} hasPrevious={false} {...move} />);
    expect(screen.queryByTestId('pager')).toBeNull();
    view.rerender(<Pager pageNumber={2} hasNext hasPrevious={false} {...move} />);
    expect((screen.getByTestId('pager-previous') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('pager-next'));
    expect(move.next).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('pager-page').textContent).toBe('صفحهٔ ۲');
    expect(screen.getByTestId('pager-next').textContent).toBe('بعدی');
  });
});

describe('PagedTable', () => {
  function People() {
    const api = useApi();
    const paged = usePagedQuery(['probe', 'people'], (after) => api.page<{ id: string }>('/probe/v1/people', after));
    return (
      <PagedTable paged={paged} columns={[{ key: 'id', header: 'Id', render: (row) => row.id }]} rowKey={(row) => row.id} testId="people" />
    );
  }

  it('shows a page of a cursor-paged route and follows X-Next-Cursor to the next', async () => {
    const fetchMock = stubFetch({
      'GET /api/probe/v1/people': () =>
        new Response(JSON.stringify([{ id: 'p1' }]), { headers: { 'Content-Type': 'application/json', 'X-Next-Cursor': 'c2' } }),
    });
    renderWithKit(<People />);
    expect((await screen.findByText('p1')).tagName).toBe('TD');
    stubFetch({ 'GET /api/probe/v1/people': jsonResponse([{ id: 'p2' }]) });
    await act(async () => fireEvent.click(screen.getByTestId('people-pager-next')));
    expect((await screen.findByText('p2')).tagName).toBe('TD');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect((screen.getByTestId('people-pager-next') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('people-pager-previous') as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('useGrowingQuery + MoreButton', () => {
  function Log({ fetchPage }: { fetchPage: (after: string | null) => Promise<{ items: string[]; next: string | null }> }) {
    const growing = useGrowingQuery(['probe', 'log'], fetchPage);
    return (
      <div>
        <p data-testid="log">{growing.items.join(',')}</p>
        <MoreButton {...growing} />
      </div>
    );
  }

  it('adds the next page under the ones shown, and offers no more after the last', async () => {
    const pages: Record<string, { items: string[]; next: string | null }> = {
      first: { items: ['a', 'b'], next: 'c2' },
      c2: { items: ['c'], next: null },
    };
    const fetchPage = vi.fn(async (after: string | null) => pages[after ?? 'first']!);
    renderWithKit(<Log fetchPage={fetchPage} />);
    expect((await screen.findByText('a,b')).dataset.testid).toBe('log');
    expect(screen.getByTestId('more').textContent).toBe('بیشتر');
    await act(async () => fireEvent.click(screen.getByTestId('more')));
    await screen.findByText('a,b,c');
    expect(screen.queryByTestId('more')).toBeNull();
    expect(fetchPage.mock.calls.map(([after]) => after)).toEqual([null, 'c2']);
  });
});
