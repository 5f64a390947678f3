/**
 * Which template and edition the active sheet holds and where each prescribed column is, or an
 * offer to create one of the catalogue's templates as a new sheet (never over existing data).
 */
import { Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import { catalogueOfMeta, createTemplateSheet, saveCatalogueFile, type ActiveSheet } from '../../app/workbookSession';
import { columnLetter } from '../../domain/grid';
import type { Recognition } from '../../domain/recognize';
import { catalogue, describeChoice, editionTemplate, type Catalogue, type TemplateChoice } from '../../domain/templates';
import { usePane } from '../context';
import { fileBytes } from '../fileBytes';
import { useAction } from '../hooks';
import type { Lang } from '../i18n';
import { ErrorNotice, Notice } from '../components/Notice';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  card: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2,
  },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  th: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, padding: '4px', borderBottom: `1px solid ${tokens.colorNeutralStroke1}` },
  td: { padding: '4px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top', overflowWrap: 'anywhere' },
  letter: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, width: '4.5em' },
  // Drawn as Fluent's filled danger badge is, without bringing the Badge component into the start bundle.
  missing: {
    display: 'inline-block', padding: `0 ${tokens.spacingHorizontalXS}`, borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorPaletteRedBackground3, color: tokens.colorNeutralForegroundOnBrand,
    fontFamily: tokens.fontFamilyBase, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, lineHeight: '1.7', // room for Thai tone marks
  },
  asTyped: { display: 'block', color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  // A native list is as wide as its longest label: held to the pane's width, the label cut with "…".
  picker: { minWidth: 0, width: '100%' },
  pickerList: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
  hiddenInput: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', opacity: 0 },
});

/** Every template of every edition, the latest edition first (the one agencies fill now). */
export function allChoices(cat: Catalogue = catalogue): TemplateChoice[] {
  const all = cat.templates.flatMap((template) => template.editions.map((edition) => ({ template: editionTemplate(template, edition), edition })));
  return all.sort((a, b) => Number(b.edition.edition) - Number(a.edition.edition));
}

export const choiceKey = (c: TemplateChoice): string => `${c.template.id}|${c.edition.edition}`;

export function choiceLabel(c: TemplateChoice, lang: Lang): string {
  if (lang === 'th') return describeChoice(c);
  // Only an OIT item number (o16) is a name officers know; "ita"/"oit" are internal keys.
  const item = /^o[0-9]+$/.test(c.edition.item) ? `${c.edition.item} ` : '';
  return `${item}${c.template.nameEn} (ITA ${c.edition.edition})`;
}

function Mapping({ rec }: { rec: Recognition }) {
  const s = useStyles();
  const { t } = usePane();
  const found = new Map(rec.matches.map((m) => [m.column.key, m] as const));
  return (
    <table className={s.table}>
      <thead>
        <tr>
          <th className={s.th} scope="col">{t('mappingColumn')}</th>
          <th className={s.th} scope="col">{t('mappingField')}</th>
        </tr>
      </thead>
      <tbody>
        {rec.template.columns.map((c) => {
          const m = found.get(c.key);
          return (
            <tr key={c.key} data-field={c.key}>
              <td className={`${s.td} ${s.letter}`}>
                {m ? columnLetter(m.index) : <span className={s.missing}>{t('missingColumn')}</span>}
              </td>
              <td className={s.td}>
                {c.header}
                {m && m.header !== c.header && <Text size={100} className={s.asTyped}>“{m.header}”</Text>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export interface RecognisePageProps {
  readonly active: ActiveSheet | undefined;
  /** After a sheet was created (it is then the active sheet). */
  readonly onCreated: (name: string) => void;
}

export function RecognisePage({ active, onCreated }: RecognisePageProps) {
  const s = useStyles();
  const { gateway, lang, t } = usePane();
  // The workbook's catalogue: the built-in editions and the catalogue file it keeps (ITA 2570 …).
  const cat = active ? catalogueOfMeta(active.meta) : catalogue;
  const choices = useMemo(() => allChoices(cat), [cat]);
  const latest = choices.find((c) => c.edition.edition === cat.defaultEdition) ?? choices[0];
  const [selected, setSelected] = useState(() => choiceKey(latest));
  const fileInput = useRef<HTMLInputElement>(null);
  const loading = useAction();
  const [catalogueChanges, setCatalogueChanges] = useState<readonly string[]>();
  const loadCatalogueFile = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (!f) return;
    setCatalogueChanges(undefined);
    // Blob.text is missing from older Office webviews: the bytes, decoded as UTF-8 (JSON's encoding).
    const changes = await loading.run(async () => saveCatalogueFile(gateway, new TextDecoder('utf-8').decode(await fileBytes(f))));
    if (changes) {
      setCatalogueChanges(changes);
      onCreated(active?.sheet ?? '');
    }
  };
  const [created, setCreated] = useState<string>();
  const action = useAction();
  const rec = active?.recognition;
  // A catalogue loaded since may have removed the chosen edition: the list then shows the latest.
  const chosen = choices.find((c) => choiceKey(c) === selected) ?? latest;

  const create = async () => {
    if (!chosen) return;
    setCreated(undefined);
    const name = await action.run(() => createTemplateSheet(gateway, chosen, active?.meta.agency, 0));
    if (name) {
      setCreated(name);
      onCreated(name);
    }
  };

  return (
    <div className={s.page}>
      {active && (
        <section className={s.card} aria-label={t('recognisedAs')}>
          <Text size={200}>{t('sheet')}: “{active.sheet}”</Text>
          {rec ? (
            <>
              <Text size={200}>{t('recognisedAs')}</Text>
              <Text weight="semibold" size={400} data-testid="recognised-template">{choiceLabel(rec, lang)}</Text>
              <Text size={200}>{t('headerRowAt', { row: rec.headerRow })}</Text>
              {rec.missing.length > 0 ? (
                <Notice intent="warning">{t('missingCount', { n: rec.missing.length })}</Notice>
              ) : (
                <Notice intent="success">{t('allColumnsFound')}</Notice>
              )}
            </>
          ) : (
            <>
              <Text weight="semibold">{t('notRecognised')}</Text>
              <Text size={200}>{t('notRecognisedHint')}</Text>
            </>
          )}
        </section>
      )}
      {rec && (
        <section aria-label={t('mappingTitle')}>
          <Text weight="semibold" as="h2" block>{t('mappingTitle')}</Text>
          <Mapping rec={rec} />
        </section>
      )}
      <section className={s.card} aria-label={t('createTitle')}>
        <Text weight="semibold" as="h2">{t('createTitle')}</Text>
        <Text size={200}>{t('createHint')}</Text>
        <Field label={t('templateLabel')}>
          {/* A native list: it opens as the officer's system draws it, and keeps the pop-up
              machinery of Fluent's Dropdown out of the pane's start bundle. */}
          <Select className={s.picker} select={{ className: s.pickerList, title: chosen ? choiceLabel(chosen, lang) : undefined }} value={chosen ? choiceKey(chosen) : ''} onChange={(_, d) => setSelected(d.value)}>
            {choices.map((c) => (
              <option key={choiceKey(c)} value={choiceKey(c)}>
                {choiceLabel(c, lang)}
              </option>
            ))}
          </Select>
        </Field>
        {active && !active.meta.agency && <Notice intent="info">{t('noAgencyForCreate')}</Notice>}
        <div className={s.actions}>
          <Button appearance="primary" onClick={create} disabled={action.busy || !chosen}>
            {t('createButton')}
          </Button>
        </div>
        <ErrorNotice error={action.error} />
        {created && <Notice intent="success">{t('created', { name: created })}</Notice>}
      </section>
      <section className={s.card} aria-label={t('catalogueTitle')}>
        <Text weight="semibold" as="h3">{t('catalogueTitle')}</Text>
        <Text size={200}>{t('catalogueHint')}</Text>
        <input ref={fileInput} type="file" accept=".json,application/json" aria-label={t('catalogueLoad')} className={s.hiddenInput} tabIndex={-1} onChange={(e) => void loadCatalogueFile(e)} />
        <div className={s.actions}>
          <Button onClick={() => fileInput.current?.click()} disabled={loading.busy}>{t('catalogueLoad')}</Button>
        </div>
        <ErrorNotice error={loading.error} />
        {catalogueChanges && (
          <Notice intent="success">
            {t('catalogueSaved')}
            {catalogueChanges.map((c, i) => <Text key={i} size={200} block>{c}</Text>)}
          </Notice>
        )}
      </section>
    </div>
  );
}
