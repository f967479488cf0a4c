import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithKit } from '../testing';
import { BarChart } from './BarChart';

describe('BarChart', () => {
  it('draws one bar per row, its length the value’s share of max, and says each value in words', () => {
    renderWithKit(
      <BarChart
        title="On-time rate"
        max={1}
        testId="rates"
        data={[
          { key: 'a', label: 'Agency A', value: 0.75, valueLabel: '75%', tone: 'success' },
          { key: 'b', label: 'Agency B', value: null, valueLabel: 'no figure yet' },
          { key: 'c', label: 'Agency C', value: 3, valueLabel: 'too much' },
        ]}
      />,
      { locale: 'en' },
    );
    expect(screen.getByRole('group', { name: 'On-time rate' })).toBeTruthy();
    const bar = (key: string) => screen.getByTestId(`rates-${key}`).querySelectorAll('rect')[1]!.getAttribute('width');
    expect(bar('a')).toBe('75');
    expect(bar('b')).toBe('0');
    expect(bar('c')).toBe('100');
    expect(screen.getByTestId('rates-b').textContent).toContain('no figure yet');
    expect(screen.getByTestId('rates-a').querySelector('svg')!.getAttribute('style')).toBeNull();
  });

  it('grows bars from the right in Persian', () => {
    renderWithKit(<BarChart title="نرخ" max={1} testId="r" data={[{ key: 'a', label: 'الف', value: 0.5, valueLabel: '٪۵۰' }]} />);
    expect(screen.getByTestId('r-a').querySelector('svg')!.getAttribute('style')).toContain('scaleX(-1)');
  });
});
