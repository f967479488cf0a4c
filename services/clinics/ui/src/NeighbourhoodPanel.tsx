import { useAuth, useAsync } from '@hamgam/ui-kit';
import { useClinicsApi, type NeedCategory } from './api';
import { AssessmentForm } from './AssessmentForm';
import { AssessmentsCard } from './AssessmentsCard';
import { PrioritiesCard } from './PrioritiesCard';
import { useResidentsApi } from './residents/api';
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
  // Only clinic workers record and publish; coordinators, representatives and auditors read.
  const auth = useAuth();
  const canWrite = auth.hasRole('clinic-worker');
  const canRerank = auth.hasRole('clinic-worker', 'representative');
  const assessments = useAsync(() => api.assessments(neighbourhoodId), [api, neighbourhoodId]);
  const priorities = useAsync(() => api.priorities(neighbourhoodId), [api, neighbourhoodId]);
  const residentsApi = useResidentsApi();
  const seesHouseholds = auth.hasRole('clinic-worker', 'coordinator', 'auditor');
  const households = useAsync(
    () => (clinicId && seesHouseholds ? residentsApi.households(clinicId) : Promise.resolve([])),
    [residentsApi, clinicId, seesHouseholds],
  );
  const fileNumbers = new Map((households.data ?? []).map((h) => [h.id, h.fileNumber]));
  const categoryLabels = new Map(categories.map((c) => [c.id, c.label]));

  const onSaved = () => {
    assessments.reload();
    priorities.reload();
    households.reload();
  };

  return (
    <>
      <NeighbourhoodPeopleCard neighbourhoodId={neighbourhoodId} />
      {canWrite && clinicId && (
        <AssessmentForm neighbourhoodId={neighbourhoodId} clinicId={clinicId} categories={categories} onSaved={onSaved} />
      )}
      <AssessmentsCard state={assessments} categoryLabels={categoryLabels} fileNumbers={fileNumbers} />
      <PrioritiesCard
        neighbourhoodId={neighbourhoodId}
        state={priorities}
        categoryLabels={categoryLabels}
        canPublish={canWrite}
        canRerank={canRerank}
      />
    </>
  );
}
