import { AgencyHomePage, type RemoteAppProps } from '@hamgam/ui-kit';
import './messages';

/** A single screen for now, so `basePath` is not needed yet. */
export default function App(_props: RemoteAppProps) {
  return <AgencyHomePage service="institute-funding" titleKey="institute-funding.title" />;
}
