import { lazy, Suspense, type ComponentType, type ReactElement } from 'react';
import { Loading } from 'react-admin';

/**
 * A page loaded when its route is first visited, so the login page does not download every
 * list, form and chart (the whole console is one 1.7 MB chunk otherwise).
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): (props: P) => ReactElement {
  const Page = lazy(async () => ({ default: await load() }));
  function LazyView(props: P) {
    return (
      <Suspense fallback={<Loading />}>
        <Page {...props} />
      </Suspense>
    );
  }
  return LazyView;
}
