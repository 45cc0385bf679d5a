/** A draggable divider that resizes the panel beside it; arrow keys resize too (accessible separator). */
import { useRef } from 'react';

export function Splitter(props: {
  orientation: 'vertical' | 'horizontal';
  label: string;
  value: number;
  min: number;
  max: number;
  /** +1 when dragging right/down grows the value, -1 when it shrinks it. */
  sign: 1 | -1;
  onChange: (v: number) => void;
}) {
  const start = useRef<{ pos: number; value: number } | null>(null);
  const clamp = (v: number) => Math.max(props.min, Math.min(props.max, v));
  const vertical = props.orientation === 'vertical';
  return (
    <div
      className={`splitter ${props.orientation}`}
      role="separator"
      aria-orientation={props.orientation}
      aria-label={props.label}
      aria-valuenow={Math.round(props.value)}
      aria-valuemin={props.min}
      aria-valuemax={props.max}
      tabIndex={0}
      onPointerDown={(e) => {
        (e.target as Element).setPointerCapture(e.pointerId);
        start.current = { pos: vertical ? e.clientX : e.clientY, value: props.value };
      }}
      onPointerMove={(e) => {
        if (!start.current) return;
        const d = (vertical ? e.clientX : e.clientY) - start.current.pos;
        props.onChange(clamp(start.current.value + props.sign * d));
      }}
      onPointerUp={() => (start.current = null)}
      onKeyDown={(e) => {
        const step = e.shiftKey ? 40 : 10;
        const grow = vertical ? e.key === 'ArrowRight' : e.key === 'ArrowDown';
        const shrink = vertical ? e.key === 'ArrowLeft' : e.key === 'ArrowUp';
        if (grow || shrink) {
          e.preventDefault();
          props.onChange(clamp(props.value + props.sign * (grow ? step : -step)));
        }
      }}
    />
  );
}
