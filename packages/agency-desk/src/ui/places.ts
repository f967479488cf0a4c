import { useApiQuery, useI18n } from '@hamgam/ui-kit';
import { useDesk } from './context';

/** Names change rarely: the places are read once in a while, not on every screen. */
const placesStaleMs = 10 * 60_000;

/** The programme's neighbourhoods and clinics as the desk serves them, and their names in the user's language. */
export function usePlaces() {
  const { api, service } = useDesk();
  const { localize, t } = useI18n();
  const places = useApiQuery([service, 'desk', 'places'], () => api.places(), { staleTime: placesStaleMs });
  const neighbourhoods = places.data?.neighbourhoods ?? [];
  const names = new Map(neighbourhoods.map((n) => [n.neighbourhoodId, n.name]));
  return {
    neighbourhoods,
    /** A neighbourhood's name; never its slug (an unknown one reads «محله نامشخص»). */
    neighbourhoodName: (id: string | null, given?: { fa: string; en: string } | null) => {
      const name = given ?? (id ? names.get(id) : undefined);
      return name ? localize(name) : t('desk.place.unknown');
    },
  };
}
