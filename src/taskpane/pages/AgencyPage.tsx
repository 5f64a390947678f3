/**
 * The agency profile kept inside the workbook: it fills the six agency columns of every row. The
 * profile is validated by the same parser as the command line's --agency file.
 */
import { Button, Dropdown, Field, Input, Option, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { saveAgency } from '../../app/workbookSession';
import { parseAgencyProfile } from '../../domain/agency';
import type { AgencyProfile } from '../../domain/check';
import { catalogue, optionList } from '../../domain/templates';
import { GatewayError } from '../../workbook/gateway';
import { usePane } from '../context';
import { useAction } from '../hooks';
import type { StringKey } from '../i18n';
import { ErrorNotice, Notice } from '../components/Notice';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

type TextKey = 'name' | 'district' | 'province' | 'ministry' | 'website' | 'fiscalYear';
type Draft = Record<TextKey | 'agencyType', string>;

const TEXT_FIELDS: readonly { key: TextKey; label: StringKey; placeholder?: StringKey }[] = [
  { key: 'name', label: 'agencyName', placeholder: 'agencyNamePlaceholder' },
  { key: 'district', label: 'agencyDistrict' },
  { key: 'province', label: 'agencyProvince' },
  { key: 'ministry', label: 'agencyMinistry' },
];

function draftOf(a: AgencyProfile | undefined): Draft {
  return {
    name: a?.name ?? '', district: a?.district ?? '', province: a?.province ?? '', ministry: a?.ministry ?? '',
    agencyType: a?.agencyType ?? '', fiscalYear: a?.fiscalYear ? String(a.fiscalYear) : '', website: a?.website ?? '',
  };
}

/** Only what was filled, so that the parser sees what the officer typed and nothing else. */
function toJson(d: Partial<Draft>): string {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(d)) if (v && v.trim()) out[k] = v.trim();
  return JSON.stringify(out);
}

/** One field's problem, by parsing the profile made of that field alone. */
function fieldProblem(key: TextKey, value: string, lang: 'th' | 'en'): string | undefined {
  if (!value.trim()) return undefined;
  const p = parseAgencyProfile(toJson({ [key]: value }));
  return p.ok ? undefined : lang === 'th' ? p.problem.th : p.problem.en;
}

export interface AgencyPageProps {
  readonly agency: AgencyProfile | undefined;
  readonly onSaved: () => void;
}

export function AgencyPage({ agency, onSaved }: AgencyPageProps) {
  const s = useStyles();
  const { gateway, lang, t } = usePane();
  const [draft, setDraft] = useState<Draft>(() => draftOf(agency));
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const types = optionList('agencyType', catalogue).options.map((o) => o.value);
  const set = (key: keyof Draft, value: string) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [key]: value }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const ok = await action.run(async () => {
      const parsed = parseAgencyProfile(toJson(draft));
      if (!parsed.ok) throw new GatewayError(parsed.problem.th, parsed.problem.en);
      await saveAgency(gateway, parsed.value);
      return true;
    });
    if (ok) {
      setSaved(true);
      onSaved();
    }
  };

  const fyProblem = fieldProblem('fiscalYear', draft.fiscalYear, lang);
  const webProblem = fieldProblem('website', draft.website, lang);

  return (
    <form className={s.form} onSubmit={submit} aria-label={t('agencyTitle')}>
      <Text weight="semibold" as="h2">{t('agencyTitle')}</Text>
      <Text size={200}>{t('agencyHint')}</Text>
      {TEXT_FIELDS.map((f) => (
        <Field key={f.key} label={t(f.label)}>
          <Input
            value={draft[f.key]}
            onChange={(_, d) => set(f.key, d.value)}
            placeholder={f.placeholder ? t(f.placeholder) : undefined}
            autoComplete="off"
          />
        </Field>
      ))}
      <Field label={t('agencyType')}>
        <Dropdown
          value={draft.agencyType}
          selectedOptions={draft.agencyType ? [draft.agencyType] : []}
          placeholder={t('chooseOption')}
          onOptionSelect={(_, d) => set('agencyType', d.optionValue ?? '')}
        >
          {types.map((o) => (
            <Option key={o} value={o}>
              {o}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t('agencyFiscalYear')} validationState={fyProblem ? 'error' : undefined} validationMessage={fyProblem}>
        <Input value={draft.fiscalYear} onChange={(_, d) => set('fiscalYear', d.value)} placeholder={t('agencyFiscalYearPlaceholder')} inputMode="numeric" autoComplete="off" />
      </Field>
      <Field label={t('agencyWebsite')} validationState={webProblem ? 'error' : undefined} validationMessage={webProblem}>
        <Input value={draft.website} onChange={(_, d) => set('website', d.value)} placeholder="https://www.example.go.th" type="url" autoComplete="off" />
      </Field>
      <div className={s.actions}>
        <Button appearance="primary" type="submit" disabled={action.busy}>
          {t('saveAgency')}
        </Button>
      </div>
      <ErrorNotice error={action.error} />
      {saved && <Notice intent="success">{t('agencySaved')}</Notice>}
    </form>
  );
}
