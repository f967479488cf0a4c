import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api/ApiError';
import { ErrorCard } from './components/ErrorCard';
import { registerMessages } from './i18n/messages';
import { Form, TextInput } from './components/form';
import { useFieldProblem, useProblemSentence } from './problems';
import { renderWithKit } from './testing';

registerMessages('test', {
  fa: { 'kit-test.problem.title': 'انجام نشد', 'kit-test.problem.seats-full': 'جای خالی نمانده است.' },
  en: { 'kit-test.problem.title': 'Not done', 'kit-test.problem.seats-full': 'No place is left.' },
});

function Refusal({ error }: { error: unknown }) {
  const sentence = useProblemSentence('kit-test');
  return <ErrorCard error={sentence(error)} />;
}

const refusal = (code?: string) =>
  new ApiError({ title: 'Conflict', status: 409, detail: 'course c-1 is full (3 places)', ...(code ? { code } : {}) });

describe('useProblemSentence', () => {
  it('shows the module’s sentence for the code, in the user’s language, instead of the service’s words', () => {
    const { unmount } = renderWithKit(<Refusal error={refusal('seats-full')} />);
    expect(screen.getByText('انجام نشد')).toBeTruthy();
    expect(screen.getByText('جای خالی نمانده است.')).toBeTruthy();
    expect(screen.queryByText(/c-1/)).toBeNull();
    unmount();
    renderWithKit(<Refusal error={refusal('seats-full')} />, { locale: 'en' });
    expect(screen.getByText('No place is left.')).toBeTruthy();
  });

  it('keeps the service’s words for a code the module does not know, a problem without one, and any other error', () => {
    const { unmount } = renderWithKit(<Refusal error={refusal('something-new')} />, { locale: 'en' });
    expect(screen.getByText('course c-1 is full (3 places)')).toBeTruthy();
    unmount();
    const again = renderWithKit(<Refusal error={refusal()} />, { locale: 'en' });
    expect(screen.getByText('Conflict')).toBeTruthy();
    again.unmount();
    renderWithKit(<Refusal error={new Error('offline')} />, { locale: 'en' });
    expect(screen.getByText('offline')).toBeTruthy();
  });

  it('is the same function on every render in one language, so a client mapped through it is made once', () => {
    const seen: unknown[] = [];
    function Recorder({ round }: { round: number }) {
      seen.push(useProblemSentence('kit-test'));
      return <span>{round}</span>;
    }
    const { rerender } = renderWithKit(<Recorder round={1} />);
    rerender(<Recorder round={2} />);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(new Set(seen).size).toBe(1);
  });
});

describe('useFieldProblem', () => {
  function DeskForm({ error }: { error: unknown }) {
    const problems = useFieldProblem('kit-test');
    return (
      <Form onSubmit={() => undefined} error={problems.rest(error, ['completeBy'])}>
        <TextInput label="Complete by" error={problems.of(error, 'completeBy')} data-testid="complete-by" />
      </Form>
    );
  }
  const late = (field?: string) =>
    new ApiError({ title: 'Unprocessable', status: 422, code: 'seats-full', detail: 'english', ...(field ? { field } : {}) });

  it("shows a refusal naming a field under that field, in the user's language, and not again above the form", () => {
    renderWithKit(<DeskForm error={late('completeBy')} />);
    const input = screen.getByTestId('complete-by');
    expect(document.getElementById(input.getAttribute('aria-describedby')!)?.textContent).toBe('جای خالی نمانده است.');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a refusal about another field, or none, above the form', () => {
    const { unmount } = renderWithKit(<DeskForm error={late('budget')} />);
    expect(screen.getByRole('alert').textContent).toContain('جای خالی نمانده است.');
    expect(screen.getByTestId('complete-by').getAttribute('aria-invalid')).toBeNull();
    unmount();
    renderWithKit(<DeskForm error={late()} />);
    expect(screen.getByRole('alert').textContent).toContain('جای خالی نمانده است.');
  });
});
