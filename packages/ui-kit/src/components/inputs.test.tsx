import { act, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithKit } from '../testing';
import { AmountInput } from './AmountInput';
import { ConfirmButton } from './ConfirmButton';
import { DigitsInput } from './DigitsInput';
import { caretBefore } from './numericText';
import { ReferencePicker, type ReferenceOption } from './ReferencePicker';

afterEach(() => {
  vi.useRealTimers();
});

const neighbourhoods: ReferenceOption[] = [
  { value: 'nbh-sarasiab', label: 'سرآسیاب', hint: 'کرمان' },
  { value: 'nbh-fajr', label: 'شهرک فجر', hint: 'کرمان' },
  { value: 'nbh-ali-abad', label: 'علی‌آباد', hint: 'سیرجان' },
];

function Picker(props: {
  initial?: string | null;
  onPick?: (value: string | null) => void;
  search?: (text: string) => Promise<ReferenceOption[]>;
}) {
  const [value, setValue] = useState<string | null>(props.initial ?? null);
  return (
    <>
      <ReferencePicker
        label="Neighbourhood"
        value={value}
        onChange={(next) => {
          setValue(next);
          props.onPick?.(next);
        }}
        {...(props.search ? { search: props.search, selectedLabel: 'سرآسیاب' } : { options: neighbourhoods })}
      />
      <output data-testid="value">{value ?? 'none'}</output>
    </>
  );
}

const box = () => screen.getByRole('combobox') as HTMLInputElement;
const optionTexts = () => screen.queryAllByRole('option').map((option) => option.textContent);

describe('ReferencePicker', () => {
  it('shows the label of the picked value, never the value', () => {
    renderWithKit(<Picker initial="nbh-sarasiab" />);
    expect(box().value).toBe('سرآسیاب');
    expect(screen.getByTestId('reference-picker').textContent).not.toContain('nbh-');
    expect(box().getAttribute('aria-expanded')).toBe('false');
  });

  it('filters as the user types (Arabic ي and ی alike) and picks with the keyboard', () => {
    const onPick = vi.fn();
    renderWithKit(<Picker onPick={onPick} />);
    fireEvent.change(box(), { target: { value: 'علي' } });
    expect(box().getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('listbox', { name: 'Neighbourhood' })).toBeTruthy();
    expect(optionTexts()).toEqual(['علی‌آبادسیرجان']);
    fireEvent.change(box(), { target: { value: 'کرمان' } });
    expect(optionTexts()).toHaveLength(2);
    fireEvent.keyDown(box(), { key: 'ArrowDown' });
    const active = box().getAttribute('aria-activedescendant');
    expect(document.getElementById(active!)?.textContent).toBe('شهرک فجرکرمان');
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(onPick).toHaveBeenCalledWith('nbh-fajr');
    expect(box().value).toBe('شهرک فجر');
    expect(box().getAttribute('aria-expanded')).toBe('false');
  });

  it('picks with a tap, and puts the picked label back when the text names nothing', () => {
    renderWithKit(<Picker initial="nbh-fajr" />);
    fireEvent.change(box(), { target: { value: 'سرآ' } });
    fireEvent.click(screen.getByRole('option'));
    expect(screen.getByTestId('value').textContent).toBe('nbh-sarasiab');
    fireEvent.change(box(), { target: { value: 'nowhere' } });
    expect(screen.getByTestId('reference-picker-status')).toBeTruthy();
    fireEvent.blur(box());
    expect(box().value).toBe('سرآسیاب');
    expect(screen.getByTestId('value').textContent).toBe('nbh-sarasiab');
  });

  it('clears an optional choice with the clear button or by emptying the box', () => {
    renderWithKit(<Picker initial="nbh-fajr" />);
    fireEvent.click(screen.getByTestId('reference-picker-clear'));
    expect(screen.getByTestId('value').textContent).toBe('none');
    expect(box().value).toBe('');
  });

  it('asks an API search once typing pauses and shows only its labels', async () => {
    vi.useFakeTimers();
    const search = vi.fn(async (text: string) => [{ value: 'r-1bd319fe', label: `${text} رضایی`, hint: 'پرونده ۱۲' }]);
    renderWithKit(<Picker search={search} />);
    fireEvent.change(box(), { target: { value: 'م' } });
    expect(search).not.toHaveBeenCalled();
    fireEvent.change(box(), { target: { value: 'مریم' } });
    await act(async () => vi.advanceTimersByTime(250));
    expect(search.mock.calls).toEqual([['مریم']]);
    expect(optionTexts()).toEqual(['مریم رضاییپرونده ۱۲']);
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(screen.getByTestId('value').textContent).toBe('r-1bd319fe');
    expect(box().value).toBe('مریم رضایی');
  });
});

describe('AmountInput', () => {
  function Harness({ onAmount = () => undefined }: { onAmount?: (value: number | null) => void }) {
    const [value, setValue] = useState<number | null>(null);
    return (
      <AmountInput
        label="Amount"
        value={value}
        onChange={(next) => {
          setValue(next);
          onAmount(next);
        }}
        data-testid="amount"
      />
    );
  }
  const amount = () => screen.getByTestId('amount') as HTMLInputElement;

  it('groups Persian or Latin digits as they are typed, in Persian digits, and gives a number', () => {
    const onAmount = vi.fn();
    renderWithKit(<Harness onAmount={onAmount} />);
    fireEvent.change(amount(), { target: { value: '۱۲۵۰۰000' } });
    expect(amount().value).toBe('۱۲٬۵۰۰٬۰۰۰');
    expect(screen.getByText('ریال')).toBeTruthy();
    expect(onAmount).toHaveBeenLastCalledWith(12_500_000);
    fireEvent.change(amount(), { target: { value: '' } });
    expect(onAmount).toHaveBeenLastCalledWith(null);
  });

  it('uses Latin digits and commas in English', () => {
    renderWithKit(<Harness />, { locale: 'en' });
    fireEvent.change(amount(), { target: { value: '۵۰۰۰۰' } });
    expect(amount().value).toBe('50,000');
  });

  it('keeps the caret between the same digits when the grouping moves', () => {
    // «۱۲٬۳۴۵» with the caret before «۴» keeps two digits after it.
    expect(caretBefore('۱۲٬۳۴۵', 2)).toBe(4);
    expect(caretBefore('1,234,567', 0)).toBe(9);
    expect(caretBefore('1,234,567', 7)).toBe(0);
  });
});

describe('DigitsInput', () => {
  function Harness() {
    const [value, setValue] = useState('');
    return (
      <>
        <DigitsInput label="Phone" value={value} onValueChange={setValue} maxDigits={11} data-testid="phone" />
        <output data-testid="sent">{value}</output>
      </>
    );
  }

  it('shows Persian digits in fa, keeps Latin digits with leading zeros for the API', () => {
    renderWithKit(<Harness />);
    fireEvent.change(screen.getByTestId('phone'), { target: { value: '0912 123-45678' } });
    expect((screen.getByTestId('phone') as HTMLInputElement).value).toBe('۰۹۱۲۱۲۳۴۵۶۷');
    expect(screen.getByTestId('sent').textContent).toBe('09121234567');
  });
});

describe('ConfirmButton', () => {
  it('asks in the page first, runs on yes only, and cancel takes the first button’s place', async () => {
    const pay = vi.fn();
    renderWithKit(<ConfirmButton onConfirm={pay}>Pay</ConfirmButton>);
    fireEvent.click(screen.getByTestId('confirm'));
    expect(pay).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByTestId('confirm-cancel'));
    expect(screen.getByRole('group', { name: 'مطمئن هستید؟' })).toBeTruthy();
    fireEvent.click(screen.getByTestId('confirm-cancel'));
    expect(pay).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByTestId('confirm'));

    fireEvent.click(screen.getByTestId('confirm'));
    await act(async () => fireEvent.click(screen.getByTestId('confirm-yes')));
    expect(pay).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('confirm')).toBeTruthy();
  });
});
