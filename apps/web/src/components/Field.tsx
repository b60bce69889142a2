import { InputHTMLAttributes, ReactNode } from 'react';

/** A labelled input with its hint and the API's messages for it, tied together for screen readers. */
export function Field({ id, label, hint, errors, children, ...input }: {
  id: string; label: string; hint?: ReactNode; errors?: string[]; children?: ReactNode;
} & InputHTMLAttributes<HTMLInputElement>) {
  const describedBy = [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children ?? <input id={id} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy} {...input} />}
      {hint && <p id={`${id}-hint`} className="hint">{hint}</p>}
      {errors?.length ? <p id={`${id}-error`} className="field-error">{errors.join(' ')}</p> : null}
    </div>
  );
}
