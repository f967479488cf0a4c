import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/ApiError';
import { registerMessages } from '../i18n/messages';
import { renderWithKit, testQueryClient } from '../testing';
import { useApiMutation, useApiQuery, usePagedQuery, type CursorPage } from './hooks';
import { createQueryClient, shouldRetry } from './QueryProvider';

registerMessages('test', {
  fa: { 'probe.problem.title': 'درخواست پذیرفته نشد', 'probe.problem.seats-full': 'ظرفیت دوره پر است' },
  en: { 'probe.problem.title': 'Not accepted', 'probe.problem.seats-full': 'The course is full' },
});

const refusal = new ApiError({ title: 'Unprocessable', status: 422, code: 'seats-full', detail: 'no seats' });

describe('createQueryClient', () => {
  it('keeps answers 30 s, does not refetch on focus and never retries a refusal or a command', () => {
    const defaults = createQueryClient().getDefaultOptions();
    expect(defaults.queries?.staleTime).toBe(30_000);
    expect(defaults.queries?.refetchOnWindowFocus).toBe(false);
    expect(defaults.mutations?.retry).toBe(false);
    expect(shouldRetry(0, refusal)).toBe(false);
    expect(shouldRetry(0, new ApiError({ title: 'Bad Gateway', status: 502 }))).toBe(true);
    expect(shouldRetry(2, new TypeError('network'))).toBe(false);
  });
});

describe('useApiQuery', () => {
  function Count({ fn }: { fn: () => Promise<number> }) {
    const query = useApiQuery(['probe', 'count'], fn, { module: 'probe' });
    if (query.loading) return <p>loading</p>;
    if (query.error) return <p data-testid="error">{query.error instanceof ApiError ? query.error.detail : 'other'}</p>;
    return (
      <button data-testid="count" onClick={query.reload}>
        {query.data}
      </button>
    );
  }

  it('shows the data and fetches again on reload', async () => {
    const fn = vi.fn().mockResolvedValueOnce(1).mockResolvedValueOnce(2);
    renderWithKit(<Count fn={fn} />);
    expect((await screen.findByTestId('count')).textContent).toBe('1');
    await act(async () => fireEvent.click(screen.getByTestId('count')));
    expect((await screen.findByText('2')).dataset.testid).toBe('count');
  });

  it('answers from the shared cache for a second screen with the same key', async () => {
    const queryClient = testQueryClient();
    const fn = vi.fn().mockResolvedValue(7);
    const first = renderWithKit(<Count fn={fn} />, { queryClient });
    await screen.findByTestId('count');
    first.unmount();
    renderWithKit(<Count fn={fn} />, { queryClient });
    expect(screen.getByTestId('count').textContent).toBe('7');
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("puts a refusal's code into the module's sentence in the user's language", async () => {
    renderWithKit(<Count fn={() => Promise.reject(refusal)} />);
    expect((await screen.findByTestId('error')).textContent).toBe('ظرفیت دوره پر است');
  });
});

describe('useApiMutation', () => {
  function Enrol({ enrol, list }: { enrol: () => Promise<string>; list: () => Promise<string> }) {
    const names = useApiQuery(['probe', 'enrolments'], list);
    const mutation = useApiMutation(enrol, { module: 'probe', invalidates: [['probe', 'enrolments']] });
    return (
      <div>
        <p data-testid="list">{names.data}</p>
        <button data-testid="enrol" disabled={mutation.busy} onClick={() => void mutation.run()}>
          enrol
        </button>
        {mutation.error && <p data-testid="error">{(mutation.error as ApiError).detail}</p>}
      </div>
    );
  }

  it('refetches the lists it changes after success', async () => {
    const list = vi.fn().mockResolvedValueOnce('none').mockResolvedValueOnce('Sara');
    renderWithKit(<Enrol enrol={async () => 'ok'} list={list} />);
    expect((await screen.findByText('none')).dataset.testid).toBe('list');
    await act(async () => fireEvent.click(screen.getByTestId('enrol')));
    expect((await screen.findByText('Sara')).dataset.testid).toBe('list');
  });

  it('keeps the translated refusal and runs the command once', async () => {
    const enrol = vi.fn().mockRejectedValue(refusal);
    renderWithKit(<Enrol enrol={enrol} list={async () => 'none'} />, { locale: 'en' });
    await act(async () => fireEvent.click(await screen.findByTestId('enrol')));
    expect((await screen.findByTestId('error')).textContent).toBe('The course is full');
    expect(enrol).toHaveBeenCalledTimes(1);
  });
});

describe('usePagedQuery', () => {
  const pages: Record<string, CursorPage<string>> = {
    first: { items: ['a', 'b'], next: 'c2' },
    c2: { items: ['c', 'd'], next: 'c3' },
    c3: { items: ['e'], next: null },
  };

  function Letters({ search, fetchPage }: { search: string; fetchPage: (after: string | null) => Promise<CursorPage<string>> }) {
    const paged = usePagedQuery(['probe', 'letters', { search }], fetchPage);
    return (
      <div>
        <p data-testid="items">{paged.items.join(',')}</p>
        <p data-testid="page">{paged.pageNumber}</p>
        <button data-testid="previous" disabled={!paged.hasPrevious} onClick={paged.previous}>
          previous
        </button>
        <button data-testid="next" disabled={!paged.hasNext} onClick={paged.next}>
          next
        </button>
      </div>
    );
  }

  const button = (id: string) => screen.getByTestId(id) as HTMLButtonElement;

  it('walks the cursor pages forward and back, and starts again on a new search', async () => {
    const fetchPage = vi.fn(async (after: string | null) => pages[after ?? 'first']!);
    const view = renderWithKit(<Letters search="" fetchPage={fetchPage} />);
    expect((await screen.findByText('a,b')).dataset.testid).toBe('items');
    expect(button('previous').disabled).toBe(true);

    await act(async () => fireEvent.click(button('next')));
    await screen.findByText('c,d');
    await act(async () => fireEvent.click(button('next')));
    await screen.findByText('e');
    expect(screen.getByTestId('page').textContent).toBe('3');
    expect(button('next').disabled).toBe(true);
    expect(fetchPage.mock.calls.map(([after]) => after)).toEqual([null, 'c2', 'c3']);

    await act(async () => fireEvent.click(button('previous')));
    await screen.findByText('c,d');

    view.rerender(<Letters search="x" fetchPage={fetchPage} />);
    await screen.findByText('a,b');
    expect(screen.getByTestId('page').textContent).toBe('1');
    expect(fetchPage).toHaveBeenLastCalledWith(null);
  });
});
