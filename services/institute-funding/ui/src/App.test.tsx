import { screen } from '@testing-library/react';
import { renderWithKit, stubFetch } from '@hamgam/ui-kit/testing';
import { describe, expect, it } from 'vitest';
import App from './App';
import { messages } from './messages';

describe('institute-funding App', () => {
  it('shows the agency title and who the user is in this service', async () => {
    const fetchMock = stubFetch({
      'GET /api/institute-funding/v1/me': {
        service: 'institute-funding',
        user: { id: 'u1', username: 'fund.officer' },
        roles: ['fund-officer'],
        scopes: { clinicIds: [], neighbourhoodIds: [] },
      },
    });
    renderWithKit(<App basePath="/x" />);

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(messages.fa['institute-funding.title']);
    expect((await screen.findByTestId('whoami-username')).textContent).toBe('fund.officer');
    expect(new Headers(fetchMock.mock.calls[0]![1]?.headers).get('Authorization')).toBe('Bearer test-token');
  });
});
