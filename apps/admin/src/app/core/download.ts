/** Fetches a file (with the bearer token when given) and hands it to the browser as a download. */
export async function downloadFile(url: string, filename: string, token?: string | null): Promise<void> {
  const response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new DownloadError(response.status);
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}

export class DownloadError extends Error {
  constructor(readonly status: number) {
    super(`download failed with HTTP ${status}`);
  }
}
