/** True at most once per `ms` milliseconds: keeps progress messages to about 30 a second. */
export function createThrottle(ms: number): () => boolean {
  let last = -Infinity;
  return () => {
    const now = Date.now();
    if (now - last < ms) return false;
    last = now;
    return true;
  };
}
