/**
 * Parts of a view that can wait for its first paint: the figures show first, then the module with the rest is
 * rendered (as a transition, so typing or a click is not held up by it). The module's chunk is fetched early
 * (the caller preloads it); only its rendering waits.
 */
import { startTransition, useCallback, useEffect, useState } from "react";

/** Resolves after the browser painted the current frame: rAF runs before the paint, a task queued from it after. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const task = () => setTimeout(resolve, 0);
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(task);
    else task();
  });
}

export type AfterPaint<M> =
  { state: "waiting" } | { state: "ready"; module: M } | { state: "failed"; retry: () => void };

/** `load()`'s module once the component's first frame is painted; "failed" (with a retry) when the chunk fails. */
export function useAfterFirstPaint<M>(load: () => Promise<M>): AfterPaint<M> {
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{ module: M } | { failed: true } | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([load(), afterPaint()]).then(
      ([module]) => {
        if (live) startTransition(() => setResult({ module }));
      },
      () => {
        if (live) setResult({ failed: true });
      },
    );
    return () => {
      live = false;
    };
  }, [load, attempt]);
  const retry = useCallback(() => {
    setResult(null);
    setAttempt((n) => n + 1);
  }, []);
  if (result === null) return { state: "waiting" };
  return "module" in result ? { state: "ready", module: result.module } : { state: "failed", retry };
}

const nothingToLoad = (): Promise<null> => Promise.resolve(null);

/** False for the component's first frame, true once it is painted (set as a transition): what can wait a frame. */
export function usePainted(): boolean {
  return useAfterFirstPaint(nothingToLoad).state !== "waiting";
}
