import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithKit } from '../testing';
import { TimeInput } from './TimeInput';

function Harness({ initial = '', onTime }: { initial?: string; onTime: (time: string) => void }) {
  const [time, setTime] = useState(initial);
  return (
    <TimeInput
      label="Starts at"
      value={time}
      onChange={(next) => {
        onTime(next);
        setTime(next);
      }}
      data-testid="starts"
    />
  );
}

const field = () => screen.getByTestId('starts') as HTMLInputElement;
const type = (text: string) => fireEvent.change(field(), { target: { value: text } });

describe('TimeInput', () => {
  it('reads Persian or Latin digits and shows Persian ones in fa, left to right', () => {
    const onTime = vi.fn();
    renderWithKit(<Harness onTime={onTime} />);
    type('۹:۳۰');
    expect(onTime).toHaveBeenLastCalledWith('09:30');
    fireEvent.blur(field());
    expect(field().value).toBe('۰۹:۳۰');
    type('1745');
    expect(onTime).toHaveBeenLastCalledWith('17:45');
    expect(field().dir).toBe('ltr');
    expect(screen.getByLabelText('Starts at')).toBe(field());
  });

  it('shows the caller’s time in Latin digits in en', () => {
    renderWithKit(<Harness initial="08:05" onTime={() => undefined} />, { locale: 'en' });
    expect(field().value).toBe('08:05');
  });

  it('hands on no time for one that is not of the day, and says so once the field is left', () => {
    const onTime = vi.fn();
    renderWithKit(<Harness initial="09:30" onTime={onTime} />, { locale: 'en' });
    type('24:00');
    expect(onTime).toHaveBeenLastCalledWith('');
    fireEvent.blur(field());
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Write the time as 09:30 (24-hour clock)')).toBeTruthy();
  });
});
