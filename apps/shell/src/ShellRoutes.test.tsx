import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { fakeAuth, renderWithKit, stubFetch } from '@hamgam/ui-kit/testing';
import { useI18n, type RemoteAppProps } from '@hamgam/ui-kit';
import type { ComponentType } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ShellRoutes } from './App';
import { visibleModules } from './config';
import { loadComponent, type ComponentModule } from './remotes/federation';
import { testModules } from './testModules';

vi.mock('./remotes/federation', () => ({ loadComponent: vi.fn(), registerModules: vi.fn() }));
const load = vi.mocked(loadComponent);
/** What a remote would export; its props are a contract between bundles that TS cannot see across. */
const exposed = <P,>(component: ComponentType<P>) => ({ default: component }) as ComponentModule<unknown>;

function ClinicsApp({ basePath }: RemoteAppProps) {
  const { locale } = useI18n();
  return <p data-testid="clinics-app">{`clinics at ${basePath} in ${locale}`}</p>;
}

function CrashingApp(): never {
  throw new Error('remote bug');
}

function renderShell(path: string, roles: string[]) {
  const auth = fakeAuth({ roles, user: { id: 'u', username: roles[0]!, displayName: 'Test User' } });
  return renderWithKit(
    <MemoryRouter initialEntries={[path]}>
      <ShellRoutes modules={visibleModules(testModules, roles)} />
    </MemoryRouter>,
    { auth },
  );
}

beforeEach(() => {
  load.mockReset();
  load.mockImplementation(async (id: string) => {
    if (id === 'clinics/App') return exposed(ClinicsApp);
    if (id === 'welfare/App') return exposed(CrashingApp);
    if (id === 'coordination/HomeWidget') return exposed(() => <p data-testid="home-widget">board</p>);
    throw new Error(`unexpected ${id}`);
  });
});

describe('ShellRoutes', () => {
  it('shows only the modules the user may open in the menu', () => {
    renderShell('/', ['clinic-worker']);
    expect(screen.getByTestId('nav-clinics')).toBeTruthy();
    expect(screen.queryByTestId('nav-welfare')).toBeNull();
    expect(screen.queryByTestId('nav-coordination')).toBeNull();
    expect(screen.getByTestId('user-display-name').textContent).toBe('Test User');
  });

  it('shows the access-log page in the menu to auditors only, and mounts it for them alone', async () => {
    stubFetch({});
    renderShell('/', ['auditor']);
    expect(screen.getByTestId('nav-audit').textContent).toBe('گزارش دسترسی');
    fireEvent.click(screen.getByTestId('nav-audit'));
    expect(await screen.findByTestId('audit-filters')).toBeTruthy();
    cleanup();

    for (const roles of [['coordinator'], ['clinic-worker'], ['representative']]) {
      renderShell('/audit', roles);
      expect(screen.queryByTestId('nav-audit')).toBeNull();
      expect(screen.queryByTestId('audit-filters')).toBeNull();
      expect(screen.getByText('این صفحه پیدا نشد')).toBeTruthy();
      cleanup();
    }
  });

  it('mounts a module under its path subtree with its basePath', async () => {
    renderShell('/clinics/neighbourhoods/nbh-sarasiab', ['clinic-worker']);
    expect((await screen.findByTestId('clinics-app')).textContent).toBe('clinics at /clinics in fa');
    expect(load).toHaveBeenCalledWith('clinics/App');
  });

  it('contains a module that throws, keeps the rest of the shell, and retries on request', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderShell('/welfare', ['coordinator']);
    expect(await screen.findByTestId('remote-fallback-welfare')).toBeTruthy();
    expect(screen.getByTestId('side-menu')).toBeTruthy();

    load.mockResolvedValueOnce(exposed(() => <p data-testid="welfare-app">back</p>));
    await act(async () => fireEvent.click(screen.getByTestId('remote-retry-welfare')));
    expect(await screen.findByTestId('welfare-app')).toBeTruthy();
  });

  it('gives coordinators the coordination home widget', async () => {
    renderShell('/', ['coordinator']);
    expect(await screen.findByTestId('home-widget')).toBeTruthy();
    expect(load).toHaveBeenCalledWith('coordination/HomeWidget');
  });

  it('gives other users a welcome card listing their modules', () => {
    renderShell('/', ['clinic-worker']);
    const card = screen.getByTestId('welcome-card');
    expect(card.textContent).toContain('کلینیک‌های مددکاری');
    expect(load).not.toHaveBeenCalled();
  });

  it('switches language and direction from the header, modules included', async () => {
    renderShell('/clinics', ['clinic-worker']);
    await screen.findByTestId('clinics-app');
    act(() => fireEvent.click(screen.getByTestId('locale-switch')));
    expect(document.documentElement.dir).toBe('ltr');
    expect(screen.getByTestId('nav-clinics').textContent).toBe('Social-work clinics');
    expect(screen.getByTestId('clinics-app').textContent).toBe('clinics at /clinics in en');
  });
});
