import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api/ApiError';
import { ErrorCard } from './components/ErrorCard';
import { renderWithKit } from './testing';

const latin = /[A-Za-z]/;
const forbidden = new ApiError({ title: 'Forbidden', status: 403, detail: 'role welfare-officer may not read meetings' });
const invalid = new ApiError({
  title: 'Bad Request',
  status: 400,
  detail: 'The request does not match the schema',
  errors: [{ path: ['sort'], message: 'Unrecognized key: "sort"' }],
});

describe('ErrorCard in Persian', () => {
  it('never shows a service’s English: the kit says what kind of refusal it was', () => {
    const { unmount } = renderWithKit(<ErrorCard error={forbidden} />);
    expect(screen.getByRole('alert').textContent).toBe('خطایی رخ داداجازهٔ این کار را ندارید.');
    unmount();
    renderWithKit(<ErrorCard error={invalid} />);
    const card = screen.getByRole('alert').textContent!;
    expect(card).toContain('اطلاعات فرستاده‌شده پذیرفته نشد');
    expect(card).not.toMatch(latin);
  });

  it('says a failed connection in Persian', () => {
    renderWithKit(<ErrorCard error={new TypeError('Failed to fetch')} />);
    expect(screen.getByRole('alert').textContent).toContain('ارتباط با سرور برقرار نشد');
  });

  it('keeps a module’s Persian sentence, and the service’s words in English', () => {
    const { unmount } = renderWithKit(<ErrorCard error={new ApiError({ title: 'انجام نشد', status: 422, detail: 'ظرفیت دوره پر است' })} />);
    expect(screen.getByRole('alert').textContent).toBe('انجام نشدظرفیت دوره پر است');
    unmount();
    renderWithKit(<ErrorCard error={invalid} />, { locale: 'en' });
    expect(screen.getByRole('alert').textContent).toContain('sort: Unrecognized key: "sort"');
  });
});
