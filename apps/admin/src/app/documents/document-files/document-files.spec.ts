import type { DocumentFileResponse, Role } from '@socium/contracts';

import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { Downloads } from '../../data-access/download';
import { refuseFileType } from '../../testing/file-refusal';
import { providePageTesting } from '../../testing/page-testing';
import { DocumentFiles } from './document-files';
import { fileSize } from './file-size';

const file: DocumentFileResponse = {
  id: 'f-1',
  fileName: 'Резолюция.pdf',
  contentType: 'application/pdf',
  size: 1536,
  createdAt: '2020-02-12T09:00:00.000Z',
};
const url = '/api/v1/documents/doc-1/files';

describe(DocumentFiles.name, () => {
  let http: HttpTestingController;
  const download = jest.fn(async () => undefined);

  const render = async (role: Role, opts: { sent?: boolean; files?: DocumentFileResponse[] | 'fail' } = {}) => {
    TestBed.configureTestingModule({
      providers: [...providePageTesting(role), { provide: Downloads, useValue: { withSession: download } }],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(DocumentFiles);
    fixture.componentRef.setInput('documentId', 'doc-1');
    fixture.componentRef.setInput('canEdit', role === 'coordinator');
    fixture.componentRef.setInput('sent', opts.sent ?? false);
    await fixture.whenStable();
    const list = http.expectOne(url);
    if (opts.files === 'fail') list.flush({ statusCode: 500, message: 'x' }, { status: 500, statusText: 'x' });
    else list.flush(opts.files ?? [file]);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const q = (id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    return { el, q, stable: () => fixture.whenStable() };
  };

  const choose = (input: HTMLInputElement, f: File) => {
    Object.defineProperty(input, 'files', { value: [f], configurable: true });
    input.dispatchEvent(new Event('change'));
  };

  afterEach(() => {
    http.verify();
    download.mockClear();
  });

  it('lists each file with its kind, its size in the language and the day it was uploaded', async () => {
    const { q } = await render('school_admin');
    const text = q('doc-file')?.textContent ?? '';
    expect(text).toContain('Резолюция.pdf');
    expect(text).toContain('PDF');
    expect(text).toContain('1,5 кБ');
    expect(text).toContain('12.02.2020');
    // a recipient downloads but neither uploads nor removes
    expect(q('doc-file-upload')).toBeNull();
    expect(q('doc-file-remove')).toBeNull();
  });

  it('downloads a file under its own name', async () => {
    const { q, stable } = await render('school_admin');
    q('doc-file-download')?.click();
    await stable();
    expect(download).toHaveBeenCalledWith('/api/v1/documents/doc-1/files/f-1', 'Резолюция.pdf');
  });

  it('says there are no files, and offers the retry when the list cannot be loaded', async () => {
    expect((await render('coordinator', { files: [] })).q('doc-files-empty')).not.toBeNull();
    TestBed.resetTestingModule();
    const { q } = await render('coordinator', { files: 'fail' });
    expect(q('doc-files-error')?.textContent).toContain('Повторить');
    expect(q('doc-files-empty')).toBeNull();
  });

  it('uploads a chosen file under its name and lists it afterwards', async () => {
    const { q, stable } = await render('coordinator', { files: [] });
    choose(q('doc-file-input') as HTMLInputElement, new File(['%PDF-1'], 'План.pdf', { type: 'application/pdf' }));
    const req = http.expectOne((r) => r.url === url && r.method === 'POST');
    expect(req.request.params.get('filename')).toBe('План.pdf');
    req.flush({ ...file, fileName: 'План.pdf' });
    await stable();
    http.expectOne(url).flush([{ ...file, fileName: 'План.pdf' }]);
    await stable();
    expect(q('doc-file')?.textContent).toContain('План.pdf');
  });

  it('shows a refused upload once, under the control, in the language of the interface', async () => {
    const { el, q, stable } = await render('coordinator', { files: [] });
    choose(q('doc-file-input') as HTMLInputElement, new File(['text'], 'notes.txt', { type: 'text/plain' }));
    refuseFileType(http.expectOne((r) => r.url === url && r.method === 'POST'));
    await stable();
    expect(q('doc-files-action-error')?.textContent).toContain('PDF, DOCX');
    expect(el.textContent?.split('Файл должен быть в формате')).toHaveLength(2);
  });

  it('removes a file while the document is unsent, and hides removal with the reason once it was sent', async () => {
    const { q, stable } = await render('coordinator');
    q('doc-file-remove')?.click();
    http.expectOne((r) => r.url === `${url}/f-1` && r.method === 'DELETE').flush(null);
    await stable();
    http.expectOne(url).flush([]);
    await stable();
    expect(q('doc-files-empty')).not.toBeNull();
    TestBed.resetTestingModule();
    const sent = await render('coordinator', { sent: true });
    expect(sent.q('doc-file-remove')).toBeNull();
    expect(sent.q('doc-files-sent')?.textContent).toContain('нельзя удалить');
    expect(sent.q('doc-file-upload')).not.toBeNull();
  });

  it('writes sizes in the units of the language', () => {
    const ru = { number: (n: number, o?: Intl.NumberFormatOptions) => new Intl.NumberFormat('ru-RU', o).format(n) };
    const en = { number: (n: number, o?: Intl.NumberFormatOptions) => new Intl.NumberFormat('en-GB', o).format(n) };
    expect(fileSize(512, ru)).toBe('512 Б');
    expect(fileSize(3 * 1024 * 1024 + 600 * 1024, ru)).toBe('3,6 МБ');
    expect(fileSize(12.5 * 1024, en)).toBe('12.5 kB');
  });
});
