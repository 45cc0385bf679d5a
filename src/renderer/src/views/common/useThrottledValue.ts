/**
 * A value that follows its input at most once per `ms` (the latest input wins, and the last one always
 * arrives). For views whose redraw is costly, such as the WebGL surface under a software renderer, while
 * results stream in every frame.
 */
import { useEffect, useRef, useState } from 'react';

/** `ms` <= 0: no throttling, the value itself (e.g. once streaming has ended). */
export function useThrottledValue<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    if (ms <= 0 || Object.is(value, shown)) return;
    const wait = last.current + ms - performance.now();
    if (wait <= 0) {
      last.current = performance.now();
      setShown(() => value);
      return;
    }
    const timer = window.setTimeout(() => {
      last.current = performance.now();
      setShown(() => value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, shown, ms]);
  return ms <= 0 ? value : shown;
}
