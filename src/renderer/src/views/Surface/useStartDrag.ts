/**
 * Direct manipulation of the start point on the top-down map: press on the ◆ start marker, drag, release;
 * every run then re-trains from the dropped point (the document's start: an analytic surface's
 * `model.start`, a network's explicit `model.params` = center + α·d1 + β·d2 of the slice), and Auto
 * recomputes the paths. While dragging, the pinned ring follows the pointer and the function view shows the
 * network there.
 */
import { useRef } from 'react';
import type { PlanePoint } from '../../state/viewStore';
import { useApp } from '../../state/AppContext';
import type { SliceDerived } from './useSliceDerived';

/** How near (CSS px) to the start marker a press grabs it. */
const GRAB_PX = 12;

export function useStartDrag(
  derived: SliceDerived | null,
  toPlane: (e: React.PointerEvent) => PlanePoint | null,
  toScreen: (p: PlanePoint) => [number, number],
) {
  const { doc, view } = useApp();
  const dragging = useRef(false);
  const moved = useRef(false);

  const start = (): PlanePoint | null => {
    const first = derived?.paths.find((p) => p.path.steps.length > 0);
    return first ? { alpha: first.path.alpha[0]!, beta: first.path.beta[0]! } : null;
  };

  return {
    /** True right after a drag ended (the click that follows is not a pin). */
    consumeDrag(): boolean {
      const was = moved.current;
      moved.current = false;
      return was;
    },
    onPointerDown(e: React.PointerEvent<HTMLCanvasElement>) {
      const s = start();
      if (!s) return;
      const r = e.currentTarget.getBoundingClientRect();
      const [sx, sy] = toScreen(s);
      if (Math.hypot(e.clientX - r.left - sx, e.clientY - r.top - sy) > GRAB_PX) return;
      dragging.current = true;
      moved.current = false;
      e.currentTarget.setPointerCapture(e.pointerId);
    },
    /** Returns true while a drag is in progress (the caller then skips its own hover handling). */
    onPointerMove(e: React.PointerEvent<HTMLCanvasElement>): boolean {
      if (!dragging.current) return false;
      const p = toPlane(e);
      if (p) {
        moved.current = true;
        view.set({ pinned: p, hover: p });
      }
      return true;
    },
    onPointerUp(e: React.PointerEvent<HTMLCanvasElement>) {
      if (!dragging.current) return;
      dragging.current = false;
      e.currentTarget.releasePointerCapture(e.pointerId);
      const p = toPlane(e);
      if (!p || !derived || !moved.current) return;
      const { center, d1, d2 } = derived.slice;
      const params = Array.from(center, (c, i) => c + p.alpha * d1[i]! + p.beta * d2[i]!);
      view.set({ pinned: null, step: null });
      doc.edit((d) => {
        const model = d.model as unknown as { kind?: string; start?: number[]; params?: number[] };
        if (model.kind === 'surface') model.start = params;
        else model.params = params;
      });
    },
  };
}
