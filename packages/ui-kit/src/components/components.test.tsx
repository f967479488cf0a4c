import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/ApiError';
import { jsonResponse, renderWithKit, stubFetch } from '../testing';
import { DataTable } from './DataTable';
import { ErrorCard } from './ErrorCard';
import { Checkbox, NumberInput } from './form';
import { WhoAmICard } from './WhoAmICard';

describe('DataTable', () => {
  const columns = [{ key: 'name', header: 'Name', render: (row: { id: string }) => row.id }];

  it('shows an empty state without rows', () => {
    renderWithKit(<DataTable columns={columns} rows={[]} rowKey={(r) => r.id} testId="table" />);
    expect(screen.getByTestId('table').textContent).toBe('هنوز موردی نیست');
  });

  it('renders one row per item with row test ids', () => {
    renderWithKit(<DataTable columns={columns} rows={[{ id: 'a' }, { id: 'b' }]} rowKey={(r) => r.id} rowTestId={(r) => `row-${r.id}`} />);
    expect(screen.getByTestId('row-b').textContent).toBe('b');
  });
});

describe('ErrorCard', () => {
  it('shows the problem title, detail and field errors', () => {
    const error = new ApiError({
      title: 'Validation failed',
      status: 400,
      detail: 'Bad input',
      errors: [{ path: ['period'], message: 'Four digits' }],
    });
    renderWithKit(<ErrorCard error={error} />, { locale: 'en' });
    const card = screen.getByRole('alert');
    expect(card.textContent).toContain('Validation failed');
    expect(card.textContent).toContain('Bad input');
    expect(card.textContent).toContain('period: Four digits');
  });
});

describe('NumberInput', () => {
  function Harness() {
    const [value, setValue] = useState('');
    return <NumberInput label="Period" value={value} onValueChange={setValue} data-testid="period" />;
  }

  it('accepts digits typed on a Persian keyboard', () => {
    renderWithKit(<Harness />);
    fireEvent.change(screen.getByTestId('period'), { target: { value: '۱۴۰۵x' } });
    expect((screen.getByTestId('period') as HTMLInputElement).value).toBe('1405');
  });
});

describe('WhoAmICard', () => {
  it('shows who the service thinks the user is', async () => {
    stubFetch({
      'GET /api/welfare/v1/me': {
        service: 'welfare',
        user: { id: 'u1', username: 'welfare.officer' },
        roles: ['welfare-officer'],
        scopes: { clinicIds: [], neighbourhoodIds: ['nbh-fajr'] },
      },
    });
    renderWithKit(<WhoAmICard service="welfare" />, { locale: 'en' });
    expect((await screen.findByTestId('whoami-username')).textContent).toBe('welfare.officer');
    expect(screen.getByTestId('whoami-roles').textContent).toBe('Welfare officer');
    expect(screen.getByTestId('whoami-welfare').textContent).toContain('nbh-fajr');
  });

  it('shows the problem and retries when the service fails', async () => {
    stubFetch({ 'GET /api/welfare/v1/me': jsonResponse({ title: 'Bad Gateway', status: 502, detail: 'welfare is not reachable' }, 502) });
    renderWithKit(<WhoAmICard service="welfare" />, { locale: 'en' });
    expect((await screen.findByTestId('error-card')).textContent).toContain('welfare is not reachable');

    const fetchMock = stubFetch({
      'GET /api/welfare/v1/me': {
        service: 'welfare',
        user: { id: 'u1', username: 'w' },
        roles: [],
        scopes: { clinicIds: [], neighbourhoodIds: [] },
      },
    });
    fireEvent.click(screen.getByText('Try again'));
    expect((await screen.findByTestId('whoami-username')).textContent).toBe('w');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});

describe('Checkbox', () => {
  it('is named by its label and reports the new state', () => {
    function Harness() {
      const [checked, setChecked] = useState(false);
      return <Checkbox label="Overdue only" checked={checked} onCheckedChange={setChecked} data-testid="overdue" />;
    }
    renderWithKit(<Harness />);
    const box = screen.getByRole('checkbox', { name: 'Overdue only' }) as HTMLInputElement;
    fireEvent.click(screen.getByText('Overdue only'));
    expect(box.checked).toBe(true);
    expect(screen.getByTestId('overdue')).toBe(box);
  });
});
