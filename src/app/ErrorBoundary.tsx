import { Component, type ErrorInfo, type ReactNode } from 'react';
import { translator, type Lang } from '../i18n';

interface Props {
  lang: () => Lang;
  children: ReactNode;
}

/** A render error shows a message and a way out instead of a blank page. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.warn('Kubernetes Network Explorer: render error', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const t = translator(this.props.lang());
    return (
      <main className="mx-auto max-w-2xl p-8">
        <div role="alert" className="rounded-xl border-2 border-red-700 bg-red-50 p-6 text-red-950">
          <h1 className="mb-2 text-2xl font-bold">{t.t('error.title')}</h1>
          <pre className="mb-4 font-mono text-sm whitespace-pre-wrap">{this.state.error.message}</pre>
          <button
            type="button"
            className="kne-focus rounded-md bg-red-800 px-4 py-2 font-bold text-white"
            onClick={() => location.reload()}
          >
            {t.t('error.reload')}
          </button>
        </div>
      </main>
    );
  }
}
