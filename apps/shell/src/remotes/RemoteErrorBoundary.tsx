import { Component, type ErrorInfo, type ReactNode } from 'react';
import { RemoteFallback } from './RemoteFallback';

/** Contains a remote that throws while rendering, so only its own area shows the fallback. */
export class RemoteErrorBoundary extends Component<{ name: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(`[shell] module ${this.props.name} crashed`, error, info.componentStack);
  }

  override render() {
    return this.state.failed ? <RemoteFallback name={this.props.name} /> : this.props.children;
  }
}
