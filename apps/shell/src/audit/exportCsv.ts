import { ApiError, type AuthClient } from '@hamgam/ui-kit';

/**
 * Fetches one service's CSV export with the user's token (the ui-kit's client reads JSON only) and
 * saves it through a Blob link; a failure throws an ApiError like the client's, so its `code` shows.
 * Returns the file name saved.
 */
export async function saveExport(auth: Pick<AuthClient, 'getToken'>, path: string, fallbackName: string): Promise<string> {
  const response = await fetch(`/api${path}`, {
    headers: {
      Accept: 'text/csv, application/problem+json',
      Authorization: `Bearer ${await auth.getToken()}`,
      'X-Correlation-Id': crypto.randomUUID(),
    },
  });
  if (!response.ok) {
    const problem: unknown = await response.json().catch(() => ({}));
    throw new ApiError({
      ...(typeof problem === 'object' && problem !== null ? problem : {}),
      title: response.statusText,
      status: response.status,
    });
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a moment later: some browsers read the Blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return name;
}
