/**
 * Once per test run: the built CLI and pool worker (out/cli, scripts/cliBuild.mjs) exist and match the
 * sources. CLI tests run that bundle as a user does, and every Node pool starts the built worker.
 */
import { ensureCliBuilt } from '../../scripts/cliBuild.mjs';

export default async function setup(): Promise<void> {
  await ensureCliBuilt();
}
