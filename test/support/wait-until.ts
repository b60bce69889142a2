/** Polls `done` every 20 ms until it holds or `timeoutMs` passes; the assertion after it says what was missing. */
export async function waitUntil(done: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}
