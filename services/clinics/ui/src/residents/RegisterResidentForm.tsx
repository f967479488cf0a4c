import { Button, Card, DigitsInput, Form, Select, TextInput, toLatinDigits, useFieldProblem, useI18n } from '@hamgam/ui-kit';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { relations, useResidentsApi, type DuplicateAnswer, type Relation } from './api';
import { isValidNationalId, normaliseNationalId } from './nationalId';

interface Props {
  basePath: string;
  clinicId: string;
  householdId: string;
  onRegistered: () => void;
}

type Errors = Partial<Record<'nationalId' | 'fullName' | 'phone' | 'birthYear', string>>;
const fields = ['nationalId', 'fullName', 'phone', 'relation', 'birthYear'] as const;

/** Registers a member; the national id is checked for a duplicate (by its blind index) as soon as it is typed. */
export function RegisterResidentForm({ basePath, clinicId, householdId, onRegistered }: Props) {
  const api = useResidentsApi();
  const { t } = useI18n();
  const problems = useFieldProblem('clinics');
  const [nationalId, setNationalId] = useState('');
  const [fullName, setFullName] = useState('');
  const [phone, setPhone] = useState('');
  const [relation, setRelation] = useState<Relation>('head');
  const [birthYear, setBirthYear] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [duplicate, setDuplicate] = useState<DuplicateAnswer & { checked: string }>();
  const [apiError, setApiError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function check(value = nationalId): Promise<DuplicateAnswer | undefined> {
    if (!isValidNationalId(value)) return undefined;
    const normalised = normaliseNationalId(value);
    if (duplicate?.checked === normalised) return duplicate;
    const answer = await api.duplicateCheck(clinicId, normalised);
    setDuplicate({ ...answer, checked: normalised });
    return answer;
  }

  async function submit() {
    const found: Errors = {
      nationalId: isValidNationalId(nationalId) ? undefined : t('residents.nationalIdInvalid'),
      fullName: fullName.trim().length >= 2 ? undefined : t('residents.nameRequired'),
      phone: /^[+\d\s-]{7,20}$/.test(toLatinDigits(phone).trim()) ? undefined : t('residents.phoneInvalid'),
      birthYear: !birthYear || (Number(birthYear) >= 1300 && Number(birthYear) <= 1500) ? undefined : t('residents.birthYearInvalid'),
    };
    setErrors(found);
    if (found.nationalId || found.fullName || found.phone || found.birthYear) return;
    setBusy(true);
    setApiError(undefined);
    try {
      const answer = await check();
      if (answer?.exists) return;
      await api.registerResident(householdId, {
        nationalId: normaliseNationalId(nationalId),
        fullName: fullName.trim(),
        phone: toLatinDigits(phone).trim(),
        relation,
        birthYear: birthYear ? Number(birthYear) : null,
      });
      setNationalId('');
      setFullName('');
      setPhone('');
      setBirthYear('');
      setRelation('other');
      setDuplicate(undefined);
      onRegistered();
    } catch (error) {
      setApiError(error);
    } finally {
      setBusy(false);
    }
  }

  // A refusal that names a field is shown under it; others above the form.
  const errorOf = (field: (typeof fields)[number]) => errors[field as keyof Errors] ?? problems.of(apiError, field);
  return (
    <Card title={t('residents.newResident')}>
      <Form onSubmit={submit} error={problems.rest(apiError, fields)} testId="register-resident-form">
        <div className="hg-form__row">
          <TextInput
            label={t('residents.nationalId')}
            data-testid="resident-national-id"
            inputMode="numeric"
            dir="ltr"
            value={nationalId}
            maxLength={14}
            onChange={(event) => {
              setNationalId(event.target.value);
              setDuplicate(undefined);
            }}
            onBlur={() => void check().catch(setApiError)}
            error={errorOf('nationalId')}
          />
          <TextInput
            label={t('residents.name')}
            data-testid="resident-name"
            value={fullName}
            maxLength={120}
            onChange={(e) => setFullName(e.target.value)}
            error={errorOf('fullName')}
          />
          <DigitsInput
            label={t('residents.phone')}
            data-testid="resident-phone"
            inputMode="tel"
            value={phone}
            maxDigits={13}
            onValueChange={setPhone}
            error={errorOf('phone')}
          />
          <Select
            label={t('residents.relation')}
            data-testid="resident-relation"
            value={relation}
            onChange={(e) => setRelation(e.target.value as Relation)}
            options={relations.map((r) => ({ value: r, label: t(`residents.relation.${r}`) }))}
          />
          <DigitsInput
            label={t('residents.birthYear')}
            data-testid="resident-birth-year"
            maxDigits={4}
            value={birthYear}
            onValueChange={setBirthYear}
            error={errorOf('birthYear')}
          />
        </div>
        {duplicate?.exists && (
          <p role="alert" className="hg-field__error" data-testid="duplicate-warning" data-same-clinic={String(duplicate.sameClinic)}>
            {duplicate.sameClinic ? t('residents.duplicateSame') : t('residents.duplicateOther')}{' '}
            {duplicate.residentId && (
              <Link to={`${basePath}/residents/${duplicate.residentId}`} data-testid="duplicate-open">
                {t('residents.openExisting')}
              </Link>
            )}
          </p>
        )}
        {duplicate && !duplicate.exists && (
          <p role="status" className="hg-empty" data-testid="duplicate-none">
            {t('residents.notDuplicate')}
          </p>
        )}
        <div className="hg-form__row">
          <Button type="submit" busy={busy} disabled={duplicate?.exists} data-testid="register-resident">
            {t('residents.register')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
