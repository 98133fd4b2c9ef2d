import type { TestRequest } from '@angular/common/http/testing';

/** The API's words for a file of a kind it does not take, as a spec's check looks for them. */
export const FILE_TYPE_REFUSAL = 'Файл должен быть в формате PDF, DOCX, XLSX, ODT, JPEG или PNG';

/**
 * Answers an upload as the API refuses a file of another kind: 400 `document.file.type`, whose detail names the raw
 * body's field `body` (so a form-wide "check the fields" would hide the sentence). For specs only.
 */
export function refuseFileType(req: TestRequest): void {
  req.flush(
    {
      statusCode: 400,
      message: FILE_TYPE_REFUSAL,
      rule: 'document.file.type',
      details: [{ field: 'body', rule: 'document.file.type', message: FILE_TYPE_REFUSAL }],
    },
    { status: 400, statusText: 'Bad Request' },
  );
}
