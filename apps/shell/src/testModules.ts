import type { RemoteModuleConfig } from './config';

/** A cut-down remotes.json for tests. */
export const testModules: RemoteModuleConfig[] = [
  {
    name: 'clinics',
    entry: '/remotes/clinics/remoteEntry.js',
    roles: ['clinic-worker', 'coordinator', 'representative', 'auditor'],
    label: { fa: 'کلینیک‌های مددکاری', en: 'Social-work clinics' },
    path: '/clinics',
  },
  {
    name: 'welfare',
    entry: '/remotes/welfare/remoteEntry.js',
    roles: ['welfare-officer', 'coordinator'],
    label: { fa: 'بهزیستی', en: 'Welfare' },
    path: '/welfare',
  },
  {
    name: 'coordination',
    entry: '/remotes/coordination/remoteEntry.js',
    roles: ['coordinator', 'representative', 'auditor'],
    label: { fa: 'هماهنگی و پایش', en: 'Coordination' },
    path: '/coordination',
  },
];
