import { useApiQuery, useAuth, useQueryClient } from '@hamgam/ui-kit';
import { useClinicsApi, type NeedCategory } from './api';
import { AssessmentForm } from './AssessmentForm';
import { AssessmentsCard } from './AssessmentsCard';
import { PrioritiesCard } from './PrioritiesCard';
import { NeighbourhoodPeopleCard } from './residents/NeighbourhoodPeopleCard';

export interface PanelProps {
  neighbourhoodId: string;
  /** Where new assessments are recorded; undefined when the neighbourhood has no clinic. */
  clinicId: string | undefined;
  categories: NeedCategory[];
}

/** One neighbourhood: record assessments, see them, and turn them into a published priority list. */
export function NeighbourhoodPanel({ neighbourhoodId, clinicId, categories }: PanelProps) {
  const api = useClinicsApi();
  // Only clinic workers record, re-rank (as the residents' meeting agreed) and publish; coordinators,
  // representatives (who watch what is promised to their neighbourhood) and auditors read.
  const auth = useAuth();
  const canWrite = auth.hasRole('clinic-worker');
  const queries = useQueryClient();
  const priorities = useApiQuery(['clinics', 'priorities', neighbourhoodId], () => api.priorities(neighbourhoodId));
  const seesAssessments = auth.hasRole('clinic-worker', 'coordinator', 'auditor');
  const categoryLabels = new Map(categories.map((c) => [c.id, c.label]));

  const onSaved = () => {
    void queries.invalidateQueries({ queryKey: ['clinics', 'assessments', neighbourhoodId] });
    void queries.invalidateQueries({ queryKey: ['clinics', 'households'] });
    priorities.reload();
  };

  return (
    <>
      <NeighbourhoodPeopleCard neighbourhoodId={neighbourhoodId} />
      {canWrite && clinicId && (
        <AssessmentForm neighbourhoodId={neighbourhoodId} clinicId={clinicId} categories={categories} onSaved={onSaved} />
      )}
      {seesAssessments && <AssessmentsCard neighbourhoodId={neighbourhoodId} categoryLabels={categoryLabels} />}
      <PrioritiesCard
        neighbourhoodId={neighbourhoodId}
        state={priorities}
        categoryLabels={categoryLabels}
        canPublish={canWrite}
        canRerank={canWrite}
      />
    </>
  );
}
