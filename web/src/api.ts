/** Talking to the Caravan API: JSON in and out; an error answer becomes an ApiError with its issues. */
export interface ApiIssue {
  code: string;
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly issues: ApiIssue[],
  ) {
    super(issues.map((i) => i.message).join('; ') || `HTTP ${status}`);
  }
}

export async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  let r: Response;
  try {
    r = await fetch(
      url,
      body === undefined
        ? { method }
        : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    );
  } catch (e) {
    throw new ApiError(0, [
      {
        code: 'network',
        path: '',
        message: `the server did not answer (${(e as Error).message}): is caravan serve running?`,
      },
    ]);
  }
  const text = await r.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!r.ok) throw new ApiError(r.status, (data as { issues?: ApiIssue[] })?.issues ?? []);
  return data as T;
}
