/**
 * One form field, chosen by the field's type alone (no template-specific code): a combobox for an
 * option list (typing is allowed, so e-GP wordings are matched and normalised), a textarea for long
 * text (Enter starts a new line: measures are written as steps ๑. ๒. ๓.), a URL input, a decimal
 * input for scores (Thai digits are read too), a read-only box for a derived column, an input for
 * the rest. Feedback under it is what validateInput says as the officer types.
 */
import { Combobox, Field, Input, Option, Textarea } from '@fluentui/react-components';
import type { FieldFeedback, FormField } from '../../app/recordForm';
import { describeValue } from '../../app/recordForm';
import type { Lang, Translate } from '../i18n';

export interface FieldInputProps {
  readonly field: FormField;
  readonly value: string;
  readonly feedback: FieldFeedback;
  /** "Required" after a submit attempt left the field empty. */
  readonly missing: boolean;
  readonly onChange: (value: string) => void;
  readonly t: Translate;
  readonly lang?: Lang;
}

/** Types whose typed text is read into something else (a date, an amount): show what was read. */
const INTERPRETED = new Set<FormField['type']>(['date', 'money', 'taxId', 'projectNumber', 'period', 'fiscalYear', 'integer', 'score']);

function validation(field: FormField, value: string, feedback: FieldFeedback, missing: boolean, t: Translate, lang: Lang): { state?: 'error' | 'warning' | 'success'; message?: string } {
  // The domain words its messages in both languages.
  const fb = lang === 'en' && feedback.messageEn ? { ...feedback, message: feedback.messageEn } : feedback;
  if (missing) return { state: 'error', message: t('required') };
  if (fb.state === 'none') return {};
  if (fb.state === 'error') return { state: 'error', message: fb.message };
  const read = describeValue(fb.value);
  if (fb.state === 'warning') {
    // A warning still takes the value: say what it was read as when that differs from the text.
    const extra = read && read !== value.trim() && !fb.message?.includes(read) ? ` (${t('readAs', { value: read })})` : '';
    return { state: 'warning', message: `${fb.message ?? ''}${extra}` };
  }
  if (INTERPRETED.has(field.type)) {
    // A date is always read back (the officer sees which day was understood); other values only when reading changed them.
    const show = read !== undefined && (field.type === 'date' || field.type === 'period' || read !== value.trim());
    return { state: 'success', message: show ? t('readAs', { value: read }) : undefined };
  }
  if (field.type === 'option') return { state: 'success' };
  return {};
}

export function FieldInput({ field, value, feedback, missing, onChange, t, lang = 'th' }: FieldInputProps) {
  if (field.derived) {
    // Computed from the scores as they are typed; the officer never types it.
    return (
      <Field label={field.label} hint={t('derivedHint')}>
        <Input value={value} readOnly appearance="filled-darker" name={field.key} placeholder={t('derivedEmpty')} data-derived={field.derived} />
      </Field>
    );
  }
  const v = validation(field, value, feedback, missing, t, lang);
  const hint = field.derivable ? t('statusDerivedHint') : lang === 'en' ? field.hintEn ?? field.hint : field.hint;
  const control = field.options ? (
    <Combobox
      freeform
      value={value}
      selectedOptions={field.options.includes(value) ? [value] : []}
      onChange={(e) => onChange((e.target as HTMLInputElement).value)}
      onOptionSelect={(_, d) => onChange(d.optionText ?? d.optionValue ?? '')}
      name={field.key}
      // Fluent leaves aria-activedescendant naming an option of the closed (unmounted) list, which
      // screen readers then cannot find (axe: aria-valid-attr-value). Cleared once the list closes.
      onOpenChange={(e, d) => {
        if (d.open) return;
        const input = e.currentTarget instanceof HTMLElement ? e.currentTarget.closest('.fui-Combobox')?.querySelector('input') : null;
        setTimeout(() => input?.removeAttribute('aria-activedescendant'), 0);
      }}
      onBlur={(e) => {
        const input = e.currentTarget;
        setTimeout(() => input.removeAttribute('aria-activedescendant'), 0);
      }}
    >
      {field.options.map((o) => (
        <Option key={o} value={o}>
          {o}
        </Option>
      ))}
    </Combobox>
  ) : field.multiline ? (
    <Textarea value={value} onChange={(_, d) => onChange(d.value)} name={field.key} resize="vertical" rows={4} />
  ) : field.type === 'url' ? (
    <Input type="url" inputMode="url" value={value} onChange={(_, d) => onChange(d.value)} name={field.key} autoComplete="off" placeholder="https://" />
  ) : (
    <Input
      value={value}
      onChange={(_, d) => onChange(d.value)}
      name={field.key}
      autoComplete="off"
      // Scores and counts: a number pad on touch devices, but still text, so ๘๕.๕๐ is accepted.
      inputMode={field.type === 'score' ? 'decimal' : field.type === 'integer' ? 'numeric' : undefined}
    />
  );
  return (
    <Field label={field.label} required={field.required} hint={hint} validationState={v.state} validationMessage={v.message}>
      {control}
    </Field>
  );
}
