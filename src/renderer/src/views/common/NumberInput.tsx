/**
 * A number field that keeps what the user typed: text that is not a number is passed on as text, so the
 * Experiment schema reports it at the field's own JSON path instead of the field silently reverting.
 */
import { useEffect, useState } from 'react';

export function NumberInput(props: {
  id?: string;
  value: unknown;
  onChange: (v: number | string) => void;
  step?: number | 'any';
  min?: number;
  max?: number;
  label?: string;
  testId?: string;
  invalid?: boolean;
}) {
  const shown = props.value === undefined || props.value === null ? '' : String(props.value);
  const [text, setText] = useState(shown);
  useEffect(() => {
    // Follow outside changes (presets, file loads) unless they only echo what was typed.
    if (Number(text) !== Number(shown) || text.trim() === '') setText(shown);
  }, [shown]);
  return (
    <input
      id={props.id}
      type="text"
      inputMode="decimal"
      className="num"
      value={text}
      aria-label={props.label}
      aria-invalid={props.invalid || undefined}
      data-testid={props.testId}
      onChange={(e) => {
        setText(e.target.value);
        const v = e.target.value.trim();
        props.onChange(v !== '' && Number.isFinite(Number(v)) ? Number(v) : e.target.value);
      }}
    />
  );
}
