import { screen } from '@testing-library/react';
import { renderWithKit, stubFetch } from '@hamgam/ui-kit/testing';
import { describe, expect, it } from 'vitest';
import App from './App';
import { messages } from './messages';

describe('relief-partnerships App', () => {
  it('shows the agency title and who the user is in this service', async () => {
    const fetchMock = stubFetch({
      'GET /api/relief-partnerships/v1/me': {
        service: 'relief-partnerships',
        user: { id: 'u1', username: 'relief.officer' },
        roles: ['relief-officer'],
        scopes: { clinicIds: [], neighbourhoodIds: [] },
      },
    });
    renderWithKit(<App basePath="/x" />);

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(messages.fa['relief-partnerships.title']);
    expect((await screen.findByTestId('whoami-username')).textContent).toBe('relief.officer');
    expect(new Headers(fetchMock.mock.calls[0]![1]?.headers).get('Authorization')).toBe('Bearer test-token');
  });
});
