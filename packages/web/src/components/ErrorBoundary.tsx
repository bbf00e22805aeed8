import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import i18n from '../i18n';

interface State {
  error: Error | null;
}

/** Last line of defence for render errors and failed lazy chunk loads (e.g. after a redeploy). */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // eslint-disable-next-line no-console -- the browser console is where support looks for a crashed page's stack
    console.error('Unhandled UI error', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        title={i18n.t('errors.crashTitle')}
        subTitle={i18n.t('errors.crash')}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {i18n.t('common.refresh')}
          </Button>
        }
      />
    );
  }
}
