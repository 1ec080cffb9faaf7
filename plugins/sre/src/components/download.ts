/** Saves what the page or the backend wrote as a file, through the browser. */
export function downloadFile(
  parts: BlobPart[],
  fileName: string,
  type: string,
): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob(parts, { type }));
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}
