import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeAuth, fieldErrorOf, jsonResponse as json, renderWithKit, stubFetch } from '@hamgam/ui-kit/testing';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, expect, it, vi } from 'vitest';
import type { Permit, Project } from './api';
import App from './App';
import { messages } from './messages';

const api = '/api/relief-partnerships/v1';
const fa = messages.fa;

afterEach(() => vi.unstubAllGlobals());

const render = () =>
  renderWithKit(
    <MemoryRouter initialEntries={['/m/projects']}>
      <Routes>
        <Route path="/m/*" element={<App basePath="/m" />} />
      </Routes>
    </MemoryRouter>,
    { auth: fakeAuth({ roles: ['basij-liaison'] }), locale: 'fa' },
  );

const project: Project = {
  projectId: 'p1',
  title: 'کارگاه فجر',
  scope: 'برق‌کشی',
  neighbourhoodId: 'nbh-fajr',
  permitId: null,
  permitNo: null,
  volunteers: { count: 12, skills: ['برق‌کاری'] },
  milestones: [{ milestoneId: 'm1', title: 'سیم‌کشی', dueOn: '2026-05-01', doneOn: '2026-05-01', overdue: false }],
  overdueMilestones: 0,
  status: 'in-progress',
  evidence: null,
  completedOn: null,
};
const permit: Permit = {
  permitId: 'x2',
  permitNo: 'WP-1405-0044',
  trade: 'tailoring',
  neighbourhoodId: 'nbh-sarasiab',
  validUntil: '2027-01-01',
  projectId: null,
};
const routes = (extra: Record<string, unknown>) =>
  stubFetch({
    [`GET ${api}/desk/places`]: {
      neighbourhoods: [
        { neighbourhoodId: 'nbh-sarasiab', name: { fa: 'سرآسیاب', en: 'Sar Asiab' } },
        { neighbourhoodId: 'nbh-fajr', name: { fa: 'فجر', en: 'Fajr' } },
      ],
      clinics: [],
    },
    [`GET ${api}/desk/trades`]: [{ tradeId: 'tailoring', name: { fa: 'خیاطی', en: 'Tailoring' } }],
    [`GET ${api}/projects`]: [project],
    [`GET ${api}/permits`]: [permit],
    ...extra,
  } as Parameters<typeof stubFetch>[0]);

it('a new project without its title, volunteers and scope says which are missing and sends nothing; a milestone needs its day', async () => {
  const create = vi.fn(() => json(project));
  routes({ [`POST ${api}/projects`]: create });
  render();
  fireEvent.change(await screen.findByTestId('project-milestone'), { target: { value: 'پی‌ریزی' } });
  fireEvent.click(screen.getByTestId('project-create'));
  await waitFor(() => expect(fieldErrorOf(screen.getByTestId('project-title'))).toBe(fa['relief.new.required']));
  expect(fieldErrorOf(screen.getByTestId('project-volunteers'))).toBe(fa['relief.new.required']);
  expect(fieldErrorOf(screen.getByTestId('project-scope'))).toBe(fa['relief.new.required']);
  expect(fieldErrorOf(screen.getByTestId('project-milestone-due'))).toBe(fa['relief.new.required']);
  expect(create).not.toHaveBeenCalled();
});

it('creates a project on a permit (its neighbourhood comes with it) with its volunteers’ skills and first milestone', async () => {
  const create = vi.fn((_body: unknown) => json(project));
  routes({ [`POST ${api}/projects`]: create });
  render();
  await waitFor(() => expect((screen.getByTestId('project-permit') as HTMLSelectElement).options).toHaveLength(2));
  fireEvent.change(screen.getByTestId('project-title'), { target: { value: ' کارگاه خیاطی ' } });
  fireEvent.change(screen.getByTestId('project-permit'), { target: { value: 'x2' } });
  expect(screen.queryByTestId('project-neighbourhood')).toBeNull();
  fireEvent.change(screen.getByTestId('project-volunteers'), { target: { value: '۸' } });
  fireEvent.change(screen.getByTestId('project-skills'), { target: { value: 'برق‌کاری، نجاری' } });
  fireEvent.change(screen.getByTestId('project-scope'), { target: { value: 'تجهیز کارگاه' } });
  fireEvent.change(screen.getByTestId('project-milestone'), { target: { value: 'پی‌ریزی' } });
  fireEvent.change(screen.getByTestId('project-milestone-due'), { target: { value: '۱۴۰۵/۰۴/۱۰' } });
  fireEvent.click(screen.getByTestId('project-create'));
  await waitFor(() => expect(create).toHaveBeenCalled());
  expect(create.mock.calls[0]).toEqual([
    {
      title: 'کارگاه خیاطی',
      scope: 'تجهیز کارگاه',
      neighbourhoodId: 'nbh-sarasiab',
      permitId: 'x2',
      volunteers: { count: 8, skills: ['برق‌کاری', 'نجاری'] },
      milestones: [{ title: 'پی‌ریزی', dueOn: '2026-07-01' }],
    },
  ]);
});

it('a milestone without its day, or a completion without evidence, says so and sends nothing; with them it is sent', async () => {
  const added = vi.fn(() => json(project));
  const completed = vi.fn((_body: unknown) => json({ ...project, status: 'completed', evidence: 'عکس‌ها' }));
  routes({ [`POST ${api}/projects/p1/milestones`]: added, [`POST ${api}/projects/p1/complete`]: completed });
  render();
  fireEvent.change(await screen.findByTestId('milestone-title-p1'), { target: { value: 'کف‌سازی' } });
  fireEvent.click(screen.getByTestId('milestone-add-p1'));
  await waitFor(() => expect(fieldErrorOf(screen.getByTestId('milestone-due-p1'))).toBe(fa['relief.new.required']));
  fireEvent.click(screen.getByTestId('project-complete-p1'));
  await waitFor(() => expect(fieldErrorOf(screen.getByTestId('project-evidence-input-p1'))).toBe(fa['relief.new.required']));
  expect(added).not.toHaveBeenCalled();
  expect(completed).not.toHaveBeenCalled();
  fireEvent.change(screen.getByTestId('project-evidence-input-p1'), { target: { value: ' عکس‌ها ' } });
  fireEvent.click(screen.getByTestId('project-complete-p1'));
  await waitFor(() => expect(completed).toHaveBeenCalled());
  expect(completed.mock.calls[0]).toEqual([{ evidence: 'عکس‌ها' }]);
  expect(within(await screen.findByTestId('project-status-p1')).getByText(fa['relief.projects.status.completed'])).toBeTruthy();
});
