import { TestBed } from '@angular/core/testing';

import { StatusChip } from './status-chip';

describe(StatusChip.name, () => {
  const render = async (status: string, label: string) => {
    const fixture = TestBed.createComponent(StatusChip);
    fixture.componentRef.setInput('status', status);
    fixture.componentRef.setInput('label', label);
    await fixture.whenStable();
    return fixture.nativeElement.querySelector('.chip') as HTMLElement;
  };

  it('shows the word of the status, not colour alone', async () => {
    const chip = await render('active', 'Действует');
    expect(chip.textContent?.trim()).toBe('Действует');
    expect(chip.classList).toContain('tone-success');
  });

  it('marks a terminated agreement as danger and an unknown status as neutral', async () => {
    expect((await render('terminated', 'Расторгнуто')).classList).toContain('tone-danger');
    expect((await render('something-new', '?')).classList).toContain('tone-neutral');
  });
});
