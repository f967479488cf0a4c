export { i18n, registerMessages, type MessageCatalogue, type MessageKey, type Messages, type MessageParams } from './i18n/messages';
export {
  directionOf,
  formatDate,
  formatDateTime,
  formatList,
  formatNumber,
  formatTime,
  jalaliYear,
  LOCALES,
  toLatinDigits,
  toPersianDigits,
  type Direction,
  type Locale,
  type LocalizedText,
} from './i18n/format';
export { I18nProvider, LOCALE_STORAGE_KEY, useI18n, type I18n } from './i18n/I18nProvider';
export { getAuthClient, hasAnyRole, setAuthClient, useAuth, type AuthClient, type AuthUser, type RemoteAppProps } from './auth';
export { ApiError, type Problem } from './api/ApiError';
export { createApiClient, LIST_MAX_PAGES, mapApiErrors, useApi, type ApiClient } from './api/client';
export { createTypedClient, data, pageOf, useTypedClient, type TypedClient } from './api/typed';
export { createQueryClient, QueryProvider } from './query/QueryProvider';
export {
  useApiMutation,
  useApiQuery,
  useGrowingQuery,
  usePagedQuery,
  type ApiMutation,
  type ApiMutationOptions,
  type ApiQuery,
  type ApiQueryOptions,
  type CursorPage,
  type GrowingQuery,
  type PagedQuery,
} from './query/hooks';
export { useReferenceOptions, type ReferenceOptions } from './query/reference';
// Modules use TanStack Query through the kit, so host and remotes always share one copy (a singleton in build-config).
export {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query';
export { Page } from './components/Page';
export { Card, type CardProps } from './components/Card';
export { DataTable, type Column, type DataTableProps } from './components/DataTable';
export {
  ListControls,
  MoreButton,
  normaliseSearch,
  Pager,
  useDebouncedValue,
  type ListControlsProps,
  type ListSearch,
  type ListSort,
  type PagerProps,
} from './components/ListControls';
export { PagedTable, type PagedTableProps } from './components/PagedTable';
export { Checkbox, Field, Form, NumberInput, Select, TextInput, type FormProps, type SelectOption } from './components/form';
export { Button } from './components/Button';
export { ConfirmButton, type ConfirmButtonProps } from './components/ConfirmButton';
export { ReferencePicker, type ReferenceOption, type ReferencePickerProps } from './components/ReferencePicker';
export { AmountInput } from './components/AmountInput';
export { DigitsInput } from './components/DigitsInput';
export { ErrorCard } from './components/ErrorCard';
export { Loading } from './components/Loading';
export { WhoAmICard, type Me } from './components/WhoAmICard';
export { mountStandaloneNotice } from './components/StandaloneNotice';
export { SubNav, type SubNavItem } from './components/SubNav';
export { Badge, type BadgeTone } from './components/Badge';
export { BarChart, type BarDatum } from './components/BarChart';
export { DateInput } from './components/DateInput';
export { TimeInput } from './components/TimeInput';
export { Code } from './components/Code';
export { problemField, useFieldProblem, useProblemSentence } from './problems';
