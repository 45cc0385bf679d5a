/** Small accessible controls shared by the panels; each takes a one-sentence `help` shown as its tooltip. */
import type { ReactNode } from 'react';

export function Toggle(props: {
  label: ReactNode;
  help: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  testId?: string;
}) {
  return (
    <button
      type="button"
      className={`chip${props.checked ? ' on' : ''}`}
      aria-pressed={props.checked}
      title={props.help}
      data-testid={props.testId}
      onClick={() => props.onChange(!props.checked)}
    >
      {props.label}
    </button>
  );
}

export function Segmented<T extends string>(props: {
  label: string;
  options: readonly { value: T; label: ReactNode; help: string }[];
  value: T;
  onChange: (v: T) => void;
}) {
  return (
    <div className="segmented" role="radiogroup" aria-label={props.label}>
      {props.options.map((o) => (
        <button
          key={o.value}
          type="button"
          role="radio"
          aria-checked={o.value === props.value}
          className={o.value === props.value ? 'on' : ''}
          title={o.help}
          onClick={() => props.onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}

export function Select<T extends string | number>(props: {
  label: string;
  help: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (v: T) => void;
  testId?: string;
  /** Hide the label visually (it stays the accessible name). */
  compact?: boolean;
  disabled?: boolean;
}) {
  return (
    <label className="select" title={props.help}>
      <span className={props.compact ? 'sr-only' : 'select-label'}>{props.label}</span>
      <select
        value={String(props.value)}
        data-testid={props.testId}
        disabled={props.disabled}
        onChange={(e) => {
          const o = props.options.find((x) => String(x.value) === e.target.value);
          if (o) props.onChange(o.value);
        }}
      >
        {props.options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A labelled form row with the field's validation message under it. */
export function FieldRow(props: {
  label: string;
  help: string;
  error?: string | null;
  children: ReactNode;
  htmlFor?: string;
}) {
  return (
    <div className={`field${props.error ? ' invalid' : ''}`} title={props.help}>
      <label htmlFor={props.htmlFor}>{props.label}</label>
      {props.children}
      {props.error ? (
        <div className="field-error" role="alert">
          {props.error}
        </div>
      ) : null}
    </div>
  );
}
